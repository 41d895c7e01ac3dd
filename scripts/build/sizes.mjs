// Stage 5, the sizes: raw and gzip -9 of every file a page downloads, the widget's total (the
// SHIPPED files; tests/node/size-budget.test.mjs holds it to its budget) apart, also written
// into README.md (between <!-- widget-size … --> and <!-- /widget-size -->), so the figure
// there is always the last build's.

import { join } from 'node:path';
import { DIST, fail, read, ROOT, say, write } from './io.mjs';
import { SHIPPED, sizeOf, widgetSizeText } from './shipped.mjs';

const README = join(ROOT, 'README.md');
const README_SIZE = /(<!-- widget-size[^>]*-->)([^<]*)(<!-- \/widget-size -->)/;

// The demo page and classroom, with what they load only when asked (docs/CLASSROOM.md).
const PAGE_FILES = ['index.html', 'demo.js', 'demo.css', 'readability.js', 'pkg/bias_compare_classroom_bg.wasm', 'pkg/bias_compare_classroom.js', 'standalone.html'];

export function printSizes() {
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
  const line = (name, raw, gzip) => say(`  ${name.padEnd(36)} ${kb(raw)} ${kb(gzip)}`);
  const widget = SHIPPED.map((name) => sizeOf(DIST, name));
  say('sizes (raw, gzip -9):');
  for (const { name, raw, gzip } of [...widget, ...PAGE_FILES.map((name) => sizeOf(DIST, name))]) line(name, raw, gzip);
  const gzip = widget.reduce((sum, s) => sum + s.gzip, 0);
  line('widget total', widget.reduce((sum, s) => sum + s.raw, 0), gzip);
  const readme = read(README);
  if (!README_SIZE.test(readme)) fail('README.md has no <!-- widget-size --> … <!-- /widget-size --> figure');
  const updated = readme.replace(README_SIZE, (_, open, __, close) => `${open}${widgetSizeText(gzip)}${close}`);
  if (updated !== readme) {
    write(README, updated);
    say(`README.md: the widget weighs ${widgetSizeText(gzip)}`);
  }
}
