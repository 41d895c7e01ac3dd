// `bias-compare/engine` in Node.js (the "node" export condition): the same analyze() as
// engine.js, with the .wasm read from the file beside this module instead of fetched. A file
// of the npm package as it ships, beside pkg/ (docs/WIDGET.md, "Package").

import { readFile } from 'node:fs/promises';
import { analyze as analyzeNow, initSync } from './pkg/bias_compare.js';

let ready = null; // promise of the instantiated engine; a failed load is retried by the next call

function load() {
  if (!ready) {
    ready = readFile(new URL('./pkg/bias_compare_bg.wasm', import.meta.url))
      .then((bytes) => WebAssembly.compile(bytes))
      .then((module) => {
        initSync({ module });
      });
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
