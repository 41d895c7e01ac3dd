// `bias-compare/engine` in browsers (and wherever the "node" export condition does not
// apply): `await analyze(story, options)` resolves to the report of docs/REPORT.md. A file of
// the npm package as it ships, beside pkg/ (docs/WIDGET.md, "Package").
//
// The first call fetches and compiles the .wasm, found beside this module by
// `new URL(…, import.meta.url)`: the form bundlers (Vite, webpack, Parcel) emit with the page.
// The analysis runs on the calling thread; the element runs it in a worker instead.

import init, { analyze as analyzeNow } from './pkg/bias_compare.js';

let ready = null; // promise of the instantiated engine; a failed load is retried by the next call

function load() {
  if (!ready) {
    ready = init({ module_or_path: new URL('./pkg/bias_compare_bg.wasm', import.meta.url) });
    ready.catch(() => {
      ready = null;
    });
  }
  return ready;
}

/** Resolves to the report for `story` (an object or its JSON text); rejects with the engine's
 * `<json path>: <problem>` Error for bad input or options. */
export async function analyze(story, options) {
  await load();
  return analyzeNow(story, options);
}
