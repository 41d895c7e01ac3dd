// The classroom lesson's material and its labelling step, shared by the classroom test
// (tests/browser/classroom.test.mjs) and the pictures of it (scripts/screenshot-classroom.mjs):
// six saved pages (tests/browser/fixtures/classroom, their manifest saying how a teacher
// labels each outlet).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './helpers.mjs';

export const PAGES = join(FIXTURES, 'classroom');
export const MANIFEST = JSON.parse(readFileSync(join(PAGES, 'manifest.json'), 'utf8')).pages;

/** Labels the imported pages as the teacher does: the story's title, the first ratings table
 * by outlet name and by domain, and the one renamed outlet given its own leaning. */
export async function labelTheOutlets(page) {
  await page.fill('#story-title-input', 'Lakeland Senate caps rent increases');
  let row = 0;
  for (const { label } of MANIFEST) {
    if (!label.ratings) continue;
    await page.click('#ratings-0-add');
    await page.fill(`#ratings-0-key-${row}`, label.ratings);
    await page.selectOption(`#ratings-0-leaning-${row}`, label.leaning);
    row += 1;
  }
  const renamed = MANIFEST.findIndex((p) => p.label.rename);
  const card = page.locator('.article-card').nth(renamed);
  await card.locator('.article-toggle').click();
  await card.locator('[data-field="source"]').fill(MANIFEST[renamed].label.rename);
  await card.locator('[data-field="leaning"]').selectOption(MANIFEST[renamed].label.picker);
}
