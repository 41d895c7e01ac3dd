// Stage 1, the engine: the wasm crate built for wasm32, wasm-bindgen's --target web package
// in dist/pkg/ (bias_compare.js, bias_compare_bg.wasm, .d.ts), then wasm-opt on the .wasm.
// `--skip-wasm` keeps dist/pkg/ from an earlier build instead.

import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIST, fail, PKG, ROOT, run, say } from './io.mjs';

const CRATE = 'bias_compare_wasm';
const WASM_IN = join(ROOT, 'target', 'wasm32-unknown-unknown', 'wasm-release', `${CRATE}.wasm`);
const WASM = join(PKG, 'bias_compare_bg.wasm');
const GLUE = join(PKG, 'bias_compare.js');

/** Leaves dist/ holding a fresh pkg/ (or the kept one) and nothing else. */
export function buildWasm({ skip }) {
  if (skip) {
    if (!existsSync(WASM) || !existsSync(GLUE)) fail('--skip-wasm needs dist/pkg from an earlier full build');
    say('--skip-wasm: reusing dist/pkg');
    for (const name of readdirSync(DIST)) {
      if (name !== 'pkg') rmSync(join(DIST, name), { recursive: true, force: true });
    }
    return;
  }
  run('cargo', ['build', '--profile', 'wasm-release', '--target', 'wasm32-unknown-unknown', '-p', CRATE]);
  rmSync(DIST, { recursive: true, force: true });
  run('wasm-bindgen', ['--target', 'web', '--out-dir', relative(ROOT, PKG), '--out-name', 'bias_compare', relative(ROOT, WASM_IN)]);
  const wasmOpt = join(ROOT, 'node_modules', '.bin', 'wasm-opt');
  if (!existsSync(wasmOpt)) {
    say('note: node_modules/.bin/wasm-opt not found (run scripts/setup.sh); shipping the .wasm unoptimised');
    return;
  }
  run(wasmOpt, [
    '-Oz',
    '--converge',
    // Binaryen inlines every function that has one caller, whatever its size: the whole
    // analysis became one 58 KB function, which V8's optimizing tier compiled in 100-240 ms
    // on a background thread (competing with the page for the cores while the widget first
    // renders) into code about 17% slower than the same code left in smaller functions.
    // Capped, small helpers are still inlined and the .wasm is 3 KB smaller gzipped.
    '--one-caller-inline-max-function-size',
    '100',
    '--enable-bulk-memory',
    '--enable-sign-ext',
    '--enable-nontrapping-float-to-int',
    '--enable-mutable-globals',
    '--enable-reference-types',
    '--enable-multivalue',
    '--strip-debug',
    '--strip-producers',
    relative(ROOT, WASM),
    '-o',
    relative(ROOT, WASM),
  ]);
}
