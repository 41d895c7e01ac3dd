// dist/standalone.html from file://: no server, no network, the WASM inlined (docs/WIDGET.md,
// "Standalone").
//
// The context is offline and every request but the file itself is refused and recorded, so any
// attempt to fetch something (the .wasm, a sample, a font, an icon) fails the test.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { DIST, expectedReport, launchBrowser, pickSample, sampleIndex, sampleStory, settled, snapshot, watch } from './helpers.mjs';

const FILE_URL = pathToFileURL(join(DIST, 'standalone.html')).href;

let browser;
let context;
let page;
let log;
let others; // requests other than the page itself

before(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ offline: true, viewport: { width: 1200, height: 900 } });
  others = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === FILE_URL) return route.continue();
    others.push(url);
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  log = await watch(page);
  await page.goto(FILE_URL);
});

after(async () => {
  await browser?.close();
});

test('standalone.html renders the first sample from file:// with no server', async () => {
  const outcome = await settled(page, '#demo');
  assert.ok(outcome.ok, `the standalone page should render its sample, got: ${outcome.message}`);
  const first = sampleIndex().find((s) => s.file === 'drone-raid.json') ?? sampleIndex()[0];
  const report = await expectedReport(sampleStory(first.file));
  const seen = await snapshot(page, '#demo');
  assert.deepEqual(seen.segments.map((s) => s.side), ['left', 'center', 'right'], 'coverage bar');
  assert.deepEqual(seen.sides.left.terms, report.framing.left.terms.map((t) => t.term), 'left framing terms as in Node');
  assert.equal(seen.comparison.length, 3, 'comparison bullets');
});

test('standalone.html switches samples and lists headlines, still offline', async () => {
  const outcome = await pickSample(page, 'wildfire-grid.json');
  assert.ok(outcome.ok, `wildfire-grid from the embedded samples: ${outcome.message}`);
  assert.equal(outcome.report.blindspot?.side, 'right', 'the embedded wildfire-grid story, right blindspot');
  await page.click('#demo [data-role="coverage"] button[data-side="left"]');
  const seen = await snapshot(page, '#demo');
  assert.equal(seen.headlines.length, outcome.report.coverage.left.articles, 'left headlines listed');
});

test('standalone.html makes zero requests beyond itself and none fails', () => {
  assert.deepEqual(others, [], 'no request other than standalone.html itself');
  assert.deepEqual(log.failed, [], 'no failed request');
});

test('standalone.html: no console error, page error or CSP violation (its meta CSP hashes match)', async () => {
  assert.deepEqual(await log.cspViolations(), [], 'no CSP violation: the inline script and style hashes are right');
  assert.deepEqual(log.console, [], 'no console error or warning');
  assert.deepEqual(log.errors, [], 'no page error');
});
