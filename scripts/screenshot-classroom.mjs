#!/usr/bin/env node
// Pictures of the classroom (docs/CLASSROOM.md) to look at: dist/standalone.html from file://,
// offline, the six saved pages of tests/browser/fixtures/classroom imported and labelled as the
// classroom test labels them, then the page, the editor, a revealed guess-the-leaning round, an
// explained term with its dictionary card and the projector view, each at 320 px and 1280 px,
// light and dark. Writes test-artifacts/classroom-shots/*.png (not committed). Needs a build
// (node scripts/build.mjs) and Chromium (bash scripts/setup.sh --browser).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MANIFEST, PAGES, labelTheOutlets } from '../tests/browser/classroom-lesson.mjs';
import { artifactPath, DIST, launchBrowser, settled } from '../tests/browser/helpers.mjs';

const FILE_URL = pathToFileURL(join(DIST, 'standalone.html')).href;

/** A new page with the six pages imported and labelled, the panel showing the labelled story. */
async function lesson(browser, { width, scheme }) {
  const context = await browser.newContext({ offline: true, viewport: { width, height: 900 }, colorScheme: scheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(FILE_URL);
  if (!(await settled(page, '#demo')).ok) throw new Error('the standalone page did not show its first sample');
  await page.setInputFiles('#import-files', MANIFEST.map((p) => join(PAGES, p.file)));
  await page.waitForFunction(() => /Added 6 articles/.test(document.getElementById('editor-status').textContent));
  await labelTheOutlets(page);
  await page.waitForFunction(() => {
    const report = document.getElementById('demo').report;
    return report && ['left', 'center', 'right'].every((side) => report.coverage[side].articles === 2);
  });
  return { context, page };
}

mkdirSync(artifactPath('classroom-shots'), { recursive: true });
const browser = await launchBrowser();
try {
  for (const width of [320, 1280]) {
    for (const scheme of ['light', 'dark']) {
      const { context, page } = await lesson(browser, { width, scheme });
      const shot = (name, target = page) => target.screenshot({ path: artifactPath(join('classroom-shots', `${name}-${width}-${scheme}.png`)), ...(target === page ? { fullPage: true } : {}) });
      await shot('page');
      await shot('editor', page.locator('#editor'));
      await shot('ratings', page.locator('#ratings'));
      await page.click('#guess-start');
      for (const card of await page.locator('.guess-card').all()) await card.locator('input[data-side="center"]').check();
      await page.click('#guess-reveal');
      await shot('guess-revealed', page.locator('#guess'));
      await page.click('#guess-end');
      const first = await page.$eval('#explain-term', (select) => select.options[0]?.value);
      await page.selectOption('#explain-term', first);
      await page.click('#explain-listed button');
      await page.waitForSelector('#explain-result [data-role="card"]', { timeout: 15_000 });
      await shot('explain', page.locator('#explain'));
      await page.click('#projector-open');
      for (let i = 0; i < 6; i += 1) {
        await shot(`projector-${i + 1}`, page);
        await page.keyboard.press('ArrowRight');
      }
      await page.keyboard.press('Escape');
      await context.close();
    }
  }
  console.log('wrote test-artifacts/classroom-shots/*.png');
} finally {
  await browser.close();
}
