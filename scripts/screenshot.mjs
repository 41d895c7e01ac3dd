#!/usr/bin/env node
// Regenerates docs/screenshot.png, the README's picture of the widget: the demo's first sample
// at 1000 px, the right side's headlines and its first term's examples open. Needs a build
// (node scripts/build.mjs) and Chromium (bash scripts/setup.sh --browser).
import { join } from 'node:path';
import { launchBrowser, ROOT, settled, startServer } from '../tests/browser/helpers.mjs';

const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce' });
  await page.goto(server.url('/'));
  const outcome = await settled(page);
  if (!outcome.ok) throw new Error(`the demo did not render: ${outcome.message}`);
  const panel = page.locator('bias-compare');
  await panel.locator('[data-role=coverage] button[data-side=right]').click();
  await panel.locator('[data-role=term][data-side=right]').first().click();
  await panel.screenshot({ path: join(ROOT, 'docs', 'screenshot.png') });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  await server.close();
}
