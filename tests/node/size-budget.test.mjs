// The widget's size budget: what a news page downloads for it (the SHIPPED files of
// scripts/build/shipped.mjs: the WASM module, its wasm-bindgen glue, the element, whose
// stylesheet is inside it, and the module worker the element runs the engine in) is at most
// 120 KiB gzipped, each file gzipped on its own at level 9, as a server would send it.
//
// Needs: `node scripts/build.mjs` (dist/).

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SHIPPED, sizeOf, widgetSizeText } from '../../scripts/build/shipped.mjs';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const BUDGET_GZIP_BYTES = 120 * 1024;

function sizes() {
  return SHIPPED.map((name) => {
    if (!existsSync(join(DIST, name))) throw new Error(`dist/${name} is missing; build it first: node scripts/build.mjs`);
    return sizeOf(DIST, name);
  });
}

test('the shipped widget (wasm + glue + element + worker) is at most 120 KiB gzipped', (t) => {
  const files = sizes();
  const total = files.reduce((sum, file) => sum + file.gzip, 0);
  for (const { name, raw, gzip } of files) t.diagnostic(`${name}: ${raw} B raw, ${gzip} B gzip`);
  t.diagnostic(`total: ${total} B gzip of ${BUDGET_GZIP_BYTES} B`);
  assert.ok(
    total <= BUDGET_GZIP_BYTES,
    `widget is ${total} B gzipped, over the ${BUDGET_GZIP_BYTES} B budget by ${total - BUDGET_GZIP_BYTES} B: ` +
      files.map(({ name, gzip }) => `${name} ${gzip} B`).join(', '),
  );
});

test("README.md states the widget's size as the build measured it (the build writes it there)", () => {
  const total = sizes().reduce((sum, file) => sum + file.gzip, 0);
  const readme = readFileSync(join(DIST, '..', 'README.md'), 'utf8');
  const stated = /<!-- widget-size[^>]*-->([^<]*)<!-- \/widget-size -->/.exec(readme);
  assert.ok(stated, 'README.md should hold the figure between <!-- widget-size … --> and <!-- /widget-size -->');
  assert.equal(stated[1], widgetSizeText(total), 'README.md states another size than dist/ has: run node scripts/build.mjs');
});

test('the element embeds its stylesheet, so a page needs no CSS file for it', () => {
  const element = readFileSync(join(DIST, 'bias-compare.js'), 'utf8');
  assert.match(element, /:host\{/, 'the built element does not contain the stylesheet');
});
