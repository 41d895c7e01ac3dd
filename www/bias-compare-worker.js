// The <bias-compare> analysis worker: runs the WebAssembly engine off the page's main thread.
//
// Started by www/bias-compare.js as a module worker from its own folder
// (`new Worker(new URL('./bias-compare-worker.js', import.meta.url), { type: 'module' })`).
// It loads ./pkg/bias_compare.js and ./pkg/bias_compare_bg.wasm once (both requests at once), then answers each
// message { id, story, options } with { id, report } or { id, error } (the engine's SPEC §1
// message); when the engine itself cannot load, with { id, load } (the reason), and the element
// falls back to the main thread. A message without an id only starts loading the engine.
//
// It touches no DOM and makes no request but those two files.

let engine = null; // promise of the glue module, initialised
let analyze = null;

/** Fetches the .wasm and imports the glue in parallel (not one after the other), then instantiates. */
async function loadEngine() {
  const wasm = fetch(new URL('./pkg/bias_compare_bg.wasm', import.meta.url));
  wasm.catch(() => {}); // reported by init below, if the glue loads at all
  const glue = await import('./pkg/bias_compare.js');
  await glue.default({ module_or_path: wasm });
  analyze = glue.analyze;
}

function errorMessage(error) {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return 'unknown error';
  }
}

self.onmessage = async ({ data }) => {
  if (!engine) engine = loadEngine();
  let load = null;
  try {
    await engine;
  } catch (error) {
    engine = null;
    load = errorMessage(error);
  }
  if (data?.id === undefined) return;
  let reply;
  if (load !== null) reply = { id: data.id, load };
  else {
    try {
      reply = { id: data.id, report: analyze(data.story, data.options) };
    } catch (error) {
      reply = { id: data.id, error: errorMessage(error) };
    }
  }
  self.postMessage(reply);
};
