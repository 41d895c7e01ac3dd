// Where dist/standalone.html's engine comes from: the page itself. Its build puts this module
// in place of load.js (scripts/build/pages.mjs), bundles the wasm-bindgen glue, and inlines
// the .wasm as bytes, so the page works from file:// and makes no request at all.
//
// No worker: a worker cannot start from a file:// URL, and the page's CSP allows no worker
// source. The engine runs on the main thread.

import { analyze, initSync } from './pkg/bias_compare.js';
import wasm from './pkg/bias_compare_bg.wasm';

export function startWorker() {
  return null;
}

export async function loadEngine() {
  initSync({ module: wasm });
  return { analyze };
}
