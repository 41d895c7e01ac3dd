// Where the widget's engine comes from: the wasm-bindgen glue and the .wasm in pkg/, beside
// whichever bundle imports this module (dist/bias-compare.js for the main-thread fallback,
// dist/bias-compare-worker.js for the worker), and the worker beside the element. The npm
// package has the same layout (scripts/build/package.mjs).
//
// `./pkg/…` is therefore the path at run time, relative to dist/, not to this file: the build
// leaves it to the browser (scripts/build/widget.mjs). The glue is imported dynamically, so a
// page whose worker runs the engine never downloads it on its main thread.
//
// Each file is named in the one form bundlers recognise as a file to bundle or emit with the
// page (`new Worker(new URL('./…', import.meta.url), { type: 'module' })`, `new URL('./…',
// import.meta.url)`, `import('./…')`): so a page that bundles the npm package with Vite (or
// webpack, Parcel) gets the worker and the .wasm with it (docs/WIDGET.md, "Package").
//
// dist/standalone.html has no files beside it: its build resolves this module to
// load.standalone.js instead (scripts/build/pages.mjs).

/** Starts the module worker that runs the engine off the main thread; throws where the page
 * may not start it (e.g. the element loaded from another origin). */
export function startWorker() {
  return new Worker(new URL('./bias-compare-worker.js', import.meta.url), { type: 'module', name: 'bias-compare' });
}

/** The engine, instantiated: fetches the .wasm and imports the glue in parallel, not one after
 * the other. Resolves to the glue module (`analyze`, …). */
export async function loadEngine() {
  const wasm = fetch(new URL('./pkg/bias_compare_bg.wasm', import.meta.url));
  wasm.catch(() => {}); // reported by the glue's init below, if the glue loads at all
  const glue = await import('./pkg/bias_compare.js');
  await glue.default({ module_or_path: wasm });
  return glue;
}
