// Stage 4, the sizes: raw and gzip -9 of every file a page downloads, the widget's total (the
// SHIPPED files; tests/node/size-budget.test.mjs holds it to its budget) apart.

import { DIST, say } from './io.mjs';
import { LEXICONS, SHIPPED, sizeOf } from './shipped.mjs';

const PAGE_FILES = [LEXICONS, 'index.html', 'demo.js', 'demo.css', 'standalone.html'];

export function printSizes() {
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
  const line = (name, raw, gzip) => say(`  ${name.padEnd(26)} ${kb(raw)} ${kb(gzip)}`);
  const widget = SHIPPED.map((name) => sizeOf(DIST, name));
  say('sizes (raw, gzip -9):');
  for (const { name, raw, gzip } of [...widget, ...PAGE_FILES.map((name) => sizeOf(DIST, name))]) line(name, raw, gzip);
  line('widget total', widget.reduce((sum, s) => sum + s.raw, 0), widget.reduce((sum, s) => sum + s.gzip, 0));
}
