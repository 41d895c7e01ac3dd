// The files a news page downloads for the widget, relative to dist/: the engine (the .wasm and
// its wasm-bindgen glue), the element, and the module worker the element runs the engine in.
// The one list of them: the build prints their sizes from it, and the tests check the size
// budget and the requests a page makes against it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const SHIPPED = ['pkg/bias_compare_bg.wasm', 'pkg/bias_compare.js', 'bias-compare.js', 'bias-compare-worker.js'];

/** A file's size as served: raw, and gzipped on its own at level 9, as a server would send it. */
export function sizeOf(dist, name) {
  const bytes = readFileSync(join(dist, name));
  return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** The widget's gzip size as README.md states it: "117.5 KiB". */
export function widgetSizeText(gzipBytes) {
  return `${(gzipBytes / 1024).toFixed(1)} KiB`;
}
