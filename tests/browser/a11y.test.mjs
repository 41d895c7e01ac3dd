// Zero axe-core violations on the demo, for every sample, with the headlines and example
// sentences closed and open, in the light and the dark colour scheme.
//
// axe-core is injected with page.evaluate, which Playwright runs through the DevTools protocol:
// the page keeps its strict CSP. axe walks open shadow roots, so the widget's content is checked.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, browserAndServerForThisFile, pickSample, sampleIndex, settled, openEverything } from './helpers.mjs';

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const SIDES = ['left', 'center', 'right'];

const shared = browserAndServerForThisFile();

/** Runs axe on the whole document; returns readable violation lines. */
async function violations(page, include = null) {
  const hasAxe = await page.evaluate(() => typeof window.axe === 'object');
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate((include) =>
    window.axe.run(include ? { include: [include] } : document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }), include,
  );
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${JSON.stringify(n.target)} ${n.failureSummary.replace(/\s+/g, ' ')}`),
  );
}

for (const colorScheme of ['light', 'dark']) {
  describe(`axe-core, ${colorScheme} colour scheme`, () => {
    let page;
    before(async () => {
      page = await shared.browser.newPage({ viewport: { width: 1200, height: 900 }, colorScheme });
      await page.goto(shared.server.url('index.html'));
      const first = await settled(page, '#demo');
      assert.ok(first.ok, `the demo should render: ${first.message}`);
      assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark', 'precondition: colour scheme emulated');
    });
    after(() => page?.close());

    for (const { file } of sampleIndex()) {
      test(`${file}: no violation as loaded`, async () => {
        const outcome = await pickSample(page, file);
        assert.ok(outcome.ok, `${file} should render: ${outcome.message}`);
        // The whole page once per colour scheme; the element alone for the other samples.
        const whole = file === sampleIndex()[0].file;
        assert.deepEqual(await violations(page, whole ? null : '#demo'), [], `axe violations (${colorScheme}, ${file}${whole ? ', whole page' : ''})`);
      });

      // One side's headlines per sample (left, center, right in turn), every disclosure open;
      // axe runs on the element only here, the page around it was checked just above.
      const side = SIDES[sampleIndex().findIndex((s) => s.file === file) % SIDES.length];
      test(`${file}: no violation in the widget with the ${side} headlines, unrated list and example sentences open`, async () => {
        const outcome = await pickSample(page, file);
        assert.ok(outcome.ok, `${file} should render: ${outcome.message}`);
        await page.click(`#demo [data-role="coverage"] button[data-side="${side}"]`);
        await openEverything(page, 'demo');
        assert.ok(await page.locator('#demo [data-role="headlines"] li').count() > 0, 'precondition: headlines listed');
        assert.deepEqual(await violations(page, '#demo'), [], `axe violations (${colorScheme}, ${file}, ${side} headlines open)`);
        await page.keyboard.press('Escape');
      });
    }

    test('no violation in the error state', async () => {
      await page.click('.paste summary');
      await page.fill('#story-input', '{"articles": 5}');
      await page.click('#analyze-button');
      await page.waitForFunction(() => document.getElementById('demo').shadowRoot.querySelector('[data-role="error"]'));
      assert.deepEqual(await violations(page), [], `axe violations (${colorScheme}, error state)`);
    });
  });
}
