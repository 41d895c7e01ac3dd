// The analysis worker: runs the WebAssembly engine off the page's main thread. Bundled into
// dist/bias-compare-worker.js; client.js starts it, one per page, from the element's folder.
//
// Its messages: { id, story, options } is answered with { id, report } or { id, error } (the
// engine's message, as analyze() throws it on the main thread); when the engine itself cannot
// load, with { id, load } (the reason), and the client falls back to the main thread. A
// message without an id only starts loading the engine.
//
// It touches no DOM and makes no request but the engine's two files and, when a story is
// analyzed with the language section on, the lexicons (load.js, lexicons.js).

import { errorMessage } from '../error-message.js';
import { lexiconsFor } from './lexicons.js';
import { loadEngine } from './load.js';

let engine = null; // promise of the loaded engine

self.onmessage = async ({ data }) => {
  if (!engine) engine = loadEngine();
  const loading = engine;
  // Fetched alongside the engine, which may still be loading.
  const lexicons = data?.id === undefined ? undefined : lexiconsFor(loading, data.options);
  let glue = null;
  let load = null;
  try {
    glue = await loading;
  } catch (error) {
    if (engine === loading) engine = null;
    load = errorMessage(error);
  }
  if (data?.id === undefined) return;
  let reply;
  if (load !== null) reply = { id: data.id, load };
  else {
    await lexicons;
    try {
      reply = { id: data.id, report: glue.analyze(data.story, data.options) };
    } catch (error) {
      reply = { id: data.id, error: errorMessage(error) };
    }
  }
  self.postMessage(reply);
};
