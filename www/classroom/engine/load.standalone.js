// Where dist/standalone.html's classroom engine comes from: the page itself, as for the
// element (bias-compare/engine/load.standalone.js). The standalone build gives the element
// this same module (scripts/build/pages.mjs), so the page carries one engine, not two.

import { analyze, explain, initSync } from './pkg/bias_compare_classroom.js';
import wasm from './pkg/bias_compare_classroom_bg.wasm';

export async function loadClassroomEngine() {
  initSync({ module: wasm });
  return { analyze, explain };
}
