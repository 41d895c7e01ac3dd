// Key points, common ground, emphasis and the facet bars in the widget (docs/WIDGET.md,
// "What the panel shows"): key points per side are three columns on a wide panel and tabs
// on a narrow one, with the ARIA tabs pattern's keyboard (arrows, Home, End); each point is
// the report's sentence, linked to its article only for an http(s) URL; emphasis rows show
// each side's outlets that mentioned the topic and open on the report's sentence and quotes;
// the facet bars show every value of every facet the report has, and none when it has none.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { browserAndServerForThisFile, expectedHref, expectedReport, outcomeOf, pickSample, sampleStory, settled } from './helpers.mjs';

const shared = browserAndServerForThisFile();
const SIDES = ['left', 'center', 'right'];

async function demoAt(width) {
  const page = await shared.browser.newPage({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
  await page.goto(shared.server.url('index.html'));
  const outcome = await settled(page, '#demo');
  assert.ok(outcome.ok, outcome.message);
  const picked = await pickSample(page, 'rail-spill.json');
  assert.ok(picked.ok, picked.message);
  return page;
}

/** The key points section as laid out: tabs, panels and what is visible. */
function keyPoints(page) {
  return page.evaluate(() => {
    const root = document.getElementById('demo').shadowRoot;
    const shown = (node) => node.getBoundingClientRect().height > 0;
    return {
      tabs: [...root.querySelectorAll('[role="tab"]')].map((tab) => ({
        side: tab.getAttribute('data-side'),
        selected: tab.getAttribute('aria-selected'),
        tabIndex: tab.tabIndex,
        controls: tab.getAttribute('aria-controls'),
        visible: shown(tab),
        focused: root.activeElement === tab,
      })),
      panels: [...root.querySelectorAll('[role="tabpanel"]')].map((panel) => ({
        id: panel.id,
        side: panel.getAttribute('data-side'),
        labelledBy: panel.getAttribute('aria-labelledby'),
        visible: shown(panel),
        points: [...panel.querySelectorAll('li')].map((li) => ({
          sentence: li.querySelector('.point-text').textContent,
          source: li.querySelector('.point-source [dir]').textContent,
          href: li.querySelector('a')?.getAttribute('href') ?? null,
        })),
      })),
      common: [...root.querySelectorAll('[data-role="common-ground"] .point-text')].map((p) => p.textContent),
    };
  });
}

describe('key points', () => {
  let report;
  before(async () => {
    report = await expectedReport(sampleStory('rail-spill.json'));
  });

  test('a wide panel shows the three sides as columns, the report\'s points in order, each linked to its article', async () => {
    const page = await demoAt(1200);
    try {
      const seen = await keyPoints(page);
      assert.ok(seen.tabs.every((tab) => !tab.visible), 'no tabs on a wide panel');
      assert.deepEqual(seen.panels.map((p) => [p.side, p.visible]), SIDES.map((side) => [side, true]));
      const urls = new Map(report.articles.map((a) => [a.id, expectedHref(a.url)]));
      for (const [i, side] of SIDES.entries()) {
        assert.deepEqual(
          seen.panels[i].points,
          report.key_points[side].map((p) => ({ sentence: p.sentence, source: p.source, href: urls.get(p.article) })),
          side,
        );
      }
      assert.deepEqual(seen.common, report.common_ground.map((p) => p.sentence));
    } finally {
      await page.close();
    }
  });

  test('a narrow panel shows tabs: one selected and in the tab order, the arrows, Home and End move between the sides', async () => {
    const page = await demoAt(360);
    try {
      let seen = await keyPoints(page);
      assert.deepEqual(seen.tabs.map((t) => [t.side, t.selected, t.tabIndex, t.visible]), [['left', 'true', 0, true], ['center', 'false', -1, true], ['right', 'false', -1, true]]);
      for (const [i, tab] of seen.tabs.entries()) {
        assert.equal(tab.controls, seen.panels[i].id);
        assert.equal(seen.panels[i].labelledBy, `bc-kp-tab-${tab.side}`);
      }
      assert.deepEqual(seen.panels.map((p) => p.visible), [true, false, false], 'only the selected side\'s panel shows');
      const tab = (side) => page.locator(`#demo [role="tab"][data-side="${side}"]`);
      await tab('left').focus();
      const expectations = [
        ['ArrowRight', 'center'],
        ['ArrowRight', 'right'],
        ['ArrowRight', 'left'],
        ['ArrowLeft', 'right'],
        ['Home', 'left'],
        ['End', 'right'],
      ];
      for (const [key, side] of expectations) {
        await page.keyboard.press(key);
        seen = await keyPoints(page);
        const at = SIDES.indexOf(side);
        assert.deepEqual(seen.tabs.map((t) => t.selected === 'true'), SIDES.map((_, i) => i === at), `${key}: ${side} selected`);
        assert.ok(seen.tabs[at].focused, `${key}: ${side} focused`);
        assert.deepEqual(seen.panels.map((p) => p.visible), SIDES.map((_, i) => i === at), `${key}: ${side}'s panel shows`);
      }
      await tab('center').click();
      seen = await keyPoints(page);
      assert.equal(seen.tabs[1].selected, 'true', 'a click selects too');
    } finally {
      await page.close();
    }
  });
});

describe('emphasis and facets', () => {
  test('each emphasis row shows the outlets of every side that mentioned the topic, and opens on the report\'s sentence and quotes', async () => {
    const page = await demoAt(1200);
    try {
      const report = await expectedReport(sampleStory('rail-spill.json'));
      const rows = page.locator('#demo [data-role="emphasis"] .emph');
      assert.equal(await rows.count(), report.emphasis.length);
      const first = report.emphasis[0];
      const row = rows.first();
      assert.equal(await row.getAttribute('data-side'), first.side);
      const meta = await row.locator('.emph-meta').textContent();
      for (const side of SIDES) assert.ok(meta.includes(`${report.sides[side].short} ${first.outlets[side]}/${report.coverage[side].sources}`), meta);
      await row.locator('button').click();
      assert.equal(await row.locator('button').getAttribute('aria-expanded'), 'true');
      assert.equal(await row.locator('.term-evidence').textContent(), first.text);
      assert.deepEqual(await row.locator('blockquote > p').allTextContents(), first.examples.map((e) => e.sentence));
      // Six rows, then the rest on request, the focus on the first of them.
      const visible = await rows.evaluateAll((all) => all.filter((r) => !r.hidden).length);
      assert.equal(visible, Math.min(6, report.emphasis.length));
      if (report.emphasis.length > 6) {
        await page.click('#demo .emphasis-section .more');
        assert.equal(await rows.evaluateAll((all) => all.filter((r) => !r.hidden).length), report.emphasis.length);
        assert.equal(await page.evaluate(() => document.getElementById('demo').shadowRoot.activeElement?.closest('.emph') === document.getElementById('demo').shadowRoot.querySelectorAll('.emph')[6]), true);
      }
    } finally {
      await page.close();
    }
  });

  test('a bar for each facet of the report under the coverage bar, none for a story without facets', async () => {
    const page = await demoAt(1200);
    try {
      const report = await expectedReport(sampleStory('rail-spill.json'));
      const facets = await page.$$eval('#demo [data-role="facets"] .facet', (all) =>
        all.map((facet) => ({ facet: facet.getAttribute('data-facet'), values: [...facet.querySelectorAll('.facet-values li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim()) })),
      );
      assert.deepEqual(facets.map((f) => f.facet), Object.keys(report.coverage_by));
      for (const { facet, values } of facets) {
        const known = Object.entries(report.coverage_by[facet]).filter(([value]) => value !== 'unknown');
        assert.equal(values.length, known.length + (report.coverage_by[facet].unknown.articles > 0 ? 1 : 0), facet);
        for (const [i, [value, counts]] of known.entries()) assert.ok(values[i].startsWith(`${value} ${Math.round(counts.share * 100)}%`), values[i]);
      }
      // Every sample has facets: the same story without its outlets' facts has no bar.
      const withoutFacts = sampleStory('drone-raid.json');
      for (const article of withoutFacts.articles) for (const fact of ['region', 'owner', 'factuality']) delete article[fact];
      const outcome = await outcomeOf(page, () =>
        page.evaluate((story) => {
          document.getElementById('demo').story = story;
        }, withoutFacts),
      '#demo');
      assert.ok(outcome.ok, outcome.message);
      assert.deepEqual(outcome.report.coverage_by, {});
      assert.equal(await page.locator('#demo [data-role="facets"]').count(), 0);
    } finally {
      await page.close();
    }
  });
});

describe('sections switched off', () => {
  test('emphasis: false leaves out the emphasis section, keyPoints: false key points and common ground; the rest stays', async () => {
    const page = await demoAt(1200);
    try {
      const sections = () =>
        page.evaluate(() => {
          const root = document.getElementById('demo').shadowRoot;
          const roles = ['coverage', 'key-points', 'common-ground', 'emphasis', 'language', 'comparison'];
          return {
            shown: roles.filter((role) => root.querySelector(`[data-role="${role}"]`) !== null),
            bullets: [...root.querySelectorAll('[data-role="comparison"] li')].map((li) => li.textContent),
          };
        });
      assert.deepEqual((await sections()).shown, ['coverage', 'key-points', 'common-ground', 'emphasis', 'language', 'comparison']);
      const story = sampleStory('rail-spill.json');
      for (const [options, shown] of [
        [{ emphasis: false }, ['coverage', 'key-points', 'common-ground', 'language', 'comparison']],
        [{ keyPoints: false }, ['coverage', 'emphasis', 'language', 'comparison']],
        [{ emphasis: false, keyPoints: false, language: false }, ['coverage', 'comparison']],
      ]) {
        const outcome = await outcomeOf(page, () => page.evaluate((options) => (document.getElementById('demo').options = options), options), '#demo');
        assert.ok(outcome.ok, outcome.message);
        assert.deepEqual(outcome.report, await expectedReport(story, options), JSON.stringify(options));
        const seen = await sections();
        assert.deepEqual(seen.shown, shown, JSON.stringify(options));
        assert.deepEqual(seen.bullets, outcome.report.comparison.map((line) => line.text));
      }
    } finally {
      await page.close();
    }
  });
});
