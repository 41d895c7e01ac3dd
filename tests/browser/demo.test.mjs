// The demo page renders every sample, and its coverage segments list each side's headlines
// (docs/WIDGET.md). What the page shows is checked against the sample JSON and against the
// report the same WASM engine gives in Node.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { browserAndServerForThisFile, expectedHref, expectedReport, pickSample, sampleIndex, sampleStory, settled, snapshot } from './helpers.mjs';

const SIDES = ['left', 'center', 'right'];

let page;
const shared = browserAndServerForThisFile(async ({ browser, server }) => {
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(server.url('index.html'));
  const first = await settled(page, '#demo');
  assert.ok(first.ok, `the demo's first sample should render, got: ${first.message}`);
});

const samples = sampleIndex();

test('samples/index.json lists every sample and the picker offers each one', async () => {
  assert.ok(samples.length >= 3, `expected at least 3 samples in dist/samples/index.json, found ${samples.length}`);
  const options = await page.$$eval('#sample-picker option', (nodes) => nodes.map((o) => ({ value: o.value, title: o.textContent })));
  assert.deepEqual(
    options,
    samples.map((s) => ({ value: `samples/${s.file}`, title: s.title })),
    'the picker should list the samples of index.json, in order, with their titles',
  );
});

describe('the demo renders every sample', () => {
  for (const sample of samples) {
    test(`${sample.file}: coverage bar with left/center/right segments, framing terms per side, comparison bullets`, async () => {
      const story = sampleStory(sample.file);
      const report = await expectedReport(story);
      const outcome = await pickSample(page, sample.file);
      assert.ok(outcome.ok, `${sample.file} should render, got error: ${outcome.message}`);
      const seen = await snapshot(page, '#demo');

      assert.deepEqual(seen.segments.map((s) => s.side), SIDES, 'coverage bar: one segment per side, left, center, right');
      for (const segment of seen.segments) {
        const data = report.coverage[segment.side];
        assert.equal(segment.percent, `${Math.round(data.share * 100)}%`, `${segment.side} segment percentage`);
        assert.equal(segment.count, `${data.articles} article${data.articles === 1 ? '' : 's'}`, `${segment.side} segment article count`);
        assert.equal(segment.expanded, 'false', `${segment.side} segment starts collapsed`);
      }

      for (const side of SIDES) {
        const framing = report.framing[side];
        if (framing.insufficient) {
          assert.ok(seen.sides[side].insufficient, `${side}: "not enough coverage" note expected`);
          assert.deepEqual(seen.sides[side].terms, [], `${side}: an insufficient side lists no terms`);
        } else {
          assert.deepEqual(
            seen.sides[side].terms,
            framing.terms.map((t) => t.term),
            `${side}: the framing terms of the report, in order`,
          );
          assert.ok(seen.sides[side].terms.length > 0, `${sample.file} ${side}: expected at least one framing term`);
        }
      }

      assert.deepEqual(
        seen.comparison,
        report.comparison.map((line) => ({ side: line.side, text: line.text })),
        'comparison bullets: the report\'s, one per side, in order',
      );
      assert.equal(seen.comparison.length, 3, 'three comparison bullets');
      const unrated = report.articles.filter((a) => a.side === 'unrated').map((a) => a.id);
      assert.deepEqual(seen.unrated, unrated, 'unrated articles are listed apart');
      const title = await page.textContent('#story-title');
      assert.equal(title, sample.title, 'the story title above the panel');
    });
  }
});

describe('wildfire-grid', () => {
  before(async () => {
    const outcome = await pickSample(page, 'wildfire-grid.json');
    assert.ok(outcome.ok, `wildfire-grid should render: ${outcome.message}`);
  });

  test('its center side is shown as not enough coverage, with no terms', async () => {
    const seen = await snapshot(page, '#demo');
    assert.match(seen.sides.center.insufficient ?? '', /^Not enough coverage/, 'center column should say "Not enough coverage"');
    assert.deepEqual(seen.sides.center.terms, [], 'center column lists no framing term');
    assert.equal(seen.sides.left.insufficient, null, 'left column is not marked insufficient');
    assert.equal(seen.sides.right.insufficient, null, 'right column is not marked insufficient');
    const centerBullet = seen.comparison.find((line) => line.side === 'center');
    assert.match(centerBullet.text, /not enough coverage/i, 'the center comparison bullet says there is not enough coverage');
  });

  test('its right side is marked as a blindspot', async () => {
    const report = await expectedReport(sampleStory('wildfire-grid.json'));
    assert.equal(report.blindspot?.side, 'right', 'precondition: the engine finds a right blindspot');
    const seen = await snapshot(page, '#demo');
    assert.equal(seen.blindspot?.side, 'right', 'the blindspot note is for the right side');
    const note = `${report.blindspot.text} ${report.notes.blindspot}`;
    assert.ok(seen.blindspot.text.endsWith(note), `the blindspot note should read "${note}" (what was found, then the rule), got "${seen.blindspot.text}"`);
    const flagged = seen.segments.filter((s) => s.blindspot).map((s) => s.side);
    assert.deepEqual(flagged, ['right'], 'only the right segment carries data-blindspot');
    assert.match(seen.segments.find((s) => s.side === 'right').text, /Blindspot/, 'the right segment says "Blindspot"');
  });

  test('the other samples have no blindspot note', async () => {
    for (const file of ['drone-raid.json', 'minimum-wage.json']) {
      const outcome = await pickSample(page, file);
      assert.ok(outcome.ok, `${file} should render`);
      const seen = await snapshot(page, '#demo');
      assert.equal(seen.blindspot, null, `${file}: no blindspot note expected`);
      assert.deepEqual(seen.segments.filter((s) => s.blindspot), [], `${file}: no segment flagged`);
    }
  });
});

/** The headlines the panel should list for `side`, from the story JSON (sides from the engine). */
async function expectedHeadlines(file, side) {
  const story = sampleStory(file);
  const report = await expectedReport(story);
  const byId = new Map(story.articles.map((a) => [a.id, a]));
  const ids = report.articles.filter((a) => a.side === side).map((a) => a.id);
  assert.equal(ids.length, report.coverage[side].articles, `precondition: ${side} article count`);
  return ids.map((id) => {
    const article = byId.get(id);
    const href = expectedHref(article.url);
    return {
      article: id,
      source: article.source,
      headline: article.headline?.trim() ? article.headline.replace(/\s+/g, ' ').trim() : `Article ${id}`,
      href,
      target: href ? '_blank' : null,
      rel: href ? 'noopener noreferrer nofollow' : null,
    };
  });
}

describe('clicking a coverage segment lists that side\'s headlines', () => {
  for (const file of ['drone-raid.json', 'wildfire-grid.json']) {
    test(`${file}: a click on each segment shows its source, headline and link for every article of that side`, async () => {
      const outcome = await pickSample(page, file);
      assert.ok(outcome.ok, `${file} should render`);
      for (const side of SIDES) {
        await page.click(`#demo [data-role="coverage"] button[data-side="${side}"]`);
        const seen = await snapshot(page, '#demo');
        const expected = await expectedHeadlines(file, side);
        assert.equal(seen.headlinesHidden, false, `${side}: the headlines panel should be visible after a click`);
        assert.equal(seen.headlinesSide, side, `${side}: the panel is for the clicked side`);
        assert.equal(seen.headlines.length, expected.length, `${side}: ${expected.length} headlines expected, saw ${seen.headlines.length}`);
        assert.deepEqual(seen.headlines, expected, `${side}: source, headline and link of each article`);
        for (const s of SIDES) {
          assert.equal(seen.segments.find((x) => x.side === s).expanded, String(s === side), `aria-expanded of ${s} after clicking ${side}`);
        }
        // The title is the report's own words for the side (its name and coverage summary).
        const { sides } = await expectedReport(sampleStory(file));
        const title = await page.locator('#demo [data-role="headlines"] .headlines-title').textContent();
        assert.equal(title, `${sides[side].name}: ${sides[side].summary}`);
      }
      // A second click on the open segment closes the list.
      await page.click('#demo [data-role="coverage"] button[data-side="right"]');
      const closed = await snapshot(page, '#demo');
      assert.equal(closed.headlinesHidden, true, 'a second click on the open segment hides the headlines');
      assert.deepEqual(closed.headlines, [], 'and empties the list');
    });
  }

  test('Enter and Space on a focused segment open its headlines; Escape closes them and returns focus', async () => {
    const file = 'minimum-wage.json';
    const outcome = await pickSample(page, file);
    assert.ok(outcome.ok, `${file} should render`);
    const segment = (side) => page.locator(`#demo [data-role="coverage"] button[data-side="${side}"]`);
    const focusedSide = () =>
      page.evaluate(() => document.getElementById('demo').shadowRoot.activeElement?.getAttribute('data-side') ?? null);

    await segment('left').focus();
    assert.equal(await focusedSide(), 'left', 'the left segment takes keyboard focus');
    await page.keyboard.press('Enter');
    let seen = await snapshot(page, '#demo');
    assert.equal(seen.headlinesSide, 'left', 'Enter on the left segment opens the left headlines');
    assert.deepEqual(seen.headlines, await expectedHeadlines(file, 'left'), 'left headlines after Enter');

    await page.keyboard.press('Tab');
    assert.equal(await focusedSide(), 'center', 'Tab moves from the left segment to the center segment');
    await page.keyboard.press('Space');
    seen = await snapshot(page, '#demo');
    assert.equal(seen.headlinesSide, 'center', 'Space on the center segment opens the center headlines');
    assert.deepEqual(seen.headlines, await expectedHeadlines(file, 'center'), 'center headlines after Space');

    await page.keyboard.press('Escape');
    seen = await snapshot(page, '#demo');
    assert.equal(seen.headlinesHidden, true, 'Escape closes the headlines');
    assert.equal(await focusedSide(), 'center', 'focus returns to the center segment after Escape');
    assert.equal(seen.segments.find((s) => s.side === 'center').expanded, 'false', 'aria-expanded is false again');
  });
});
