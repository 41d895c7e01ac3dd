// The outlet-level test as the widget shows it (docs/METHOD.md §5, docs/WIDGET.md): a story
// with too few outlets says, in each column it concerns, that its terms only describe these
// articles; every term row shows its p-value; an opened term shows what p counts and the
// side's outlets that used it, with their counts — all in the report's own words.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { browserAndServerForThisFile, expectedReport, ROOT, sampleStory } from './helpers.mjs';

let page;
browserAndServerForThisFile(async ({ browser, server }) => {
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(server.url('/__test__/host.html'));
  await page.waitForFunction(() => customElements.get('bias-compare'));
});

/** Renders `story` in a fresh <bias-compare id="subject"> and waits for its report. */
function render(story) {
  return page.evaluate(
    (story) =>
      new Promise((resolve) => {
        document.querySelectorAll('bias-compare').forEach((e) => e.remove());
        const element = document.createElement('bias-compare');
        element.id = 'subject';
        element.addEventListener('bias-compare-ready', () => resolve(true), { once: true });
        element.addEventListener('bias-compare-error', (e) => resolve(e.detail.message), { once: true });
        element.story = story;
        document.querySelector('main').append(element);
      }),
    story,
  );
}

const shadow = (selector) =>
  page.evaluate((selector) => [...document.getElementById('subject').shadowRoot.querySelectorAll(selector)].map((n) => n.textContent), selector);

test('five outlets: the left and right columns say their terms only describe these articles', async () => {
  const story = JSON.parse(readFileSync(join(ROOT, 'tests', 'data', 'five-outlets.json'), 'utf8'));
  assert.equal(await render(story), true);
  const report = await expectedReport(story);
  for (const side of ['left', 'right']) {
    const framing = report.framing[side];
    assert.equal(framing.tested, false, `precondition: the ${side} is not tested`);
    const [shown] = await shadow(`.side[data-side="${side}"] .side-empty`);
    assert.equal(shown, `${framing.status}${framing.note}`, `${side}: the column shows the report's status and note`);
    assert.match(framing.note, /cannot be told apart from chance/);
  }
  const bullets = await shadow('[data-role="comparison"] li');
  assert.ok(bullets.some((b) => b.includes('cannot be told apart from chance')), 'a comparison bullet says it too');
});

test('every term row shows its p; an opened term shows what p counts and its outlets with counts', async () => {
  const story = sampleStory('drone-raid.json');
  assert.equal(await render(story), true);
  const report = await expectedReport(story);
  const term = report.framing.right.terms[0];
  const metas = await shadow('.side[data-side="right"] .term-meta');
  assert.ok(metas[0].endsWith(`p ${term.p}`), `the first right term's figures end with its p: ${metas[0]}`);
  await page.click('#subject .side[data-side="right"] [data-role="term"] .term-toggle');
  const [evidence] = await shadow('.side[data-side="right"] [data-role="evidence"]');
  assert.equal(evidence, term.evidence);
  const outlets = await shadow('.side[data-side="right"] [data-role="by-outlet"] li');
  assert.deepEqual(
    outlets,
    term.by_outlet.map((o) => `${o.source} ${o.count}`),
    'the side\'s outlets that used the term, most uses first, with their counts',
  );
});
