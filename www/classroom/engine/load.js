// Where the classroom's engine comes from on the served page: the classroom's WebAssembly
// module in pkg/ beside dist/demo.js (bias_compare_classroom.js and _bg.wasm), the widget's
// engine with `explain` added (scripts/build/wasm.mjs). News pages never load it.
//
// `./pkg/…` is the path at run time, relative to dist/demo.js, not to this file: the build
// leaves it to the browser (scripts/build/pages.mjs). dist/standalone.html resolves this
// module to load.standalone.js instead.

/** The classroom engine, instantiated: resolves to its glue module (`analyze`, `explain`). */
export async function loadClassroomEngine() {
  const wasm = fetch(new URL('./pkg/bias_compare_classroom_bg.wasm', import.meta.url));
  wasm.catch(() => {}); // reported by the glue's init below, if the glue loads at all
  const glue = await import('./pkg/bias_compare_classroom.js');
  await glue.default({ module_or_path: wasm });
  return glue;
}
