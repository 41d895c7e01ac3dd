// Stage 1, the engine: the wasm crate built for wasm32, wasm-bindgen's --target web package
// in dist/pkg/ (bias_compare.js, bias_compare_bg.wasm, .d.ts), then wasm-opt on the .wasm.
// Built twice: the widget's module, and the classroom's (bias_compare_classroom.js and
// _bg.wasm), which also exports `explain` (the crate's `explain` feature) — some 8 KB gzip
// the widget's budget has no room for, and that news pages never need (docs/CLASSROOM.md).
// `--skip-wasm` keeps dist/pkg/ from an earlier build instead.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIST, fail, PKG, ROOT, run, say } from './io.mjs';

const CRATE = 'bias_compare_wasm';
// A target directory of its own: the standard library built for this module (below) must not
// share build caches with the ordinary wasm32 builds of clippy and the tests.
const TARGET_DIR = join(ROOT, 'target', 'wasm-module');

/** Whether the toolchain has the standard library's sources (rustup's rust-src component). */
function hasRustSrc() {
  const sysroot = spawnSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).stdout?.trim();
  return Boolean(sysroot) && existsSync(join(sysroot, 'lib', 'rustlib', 'src', 'rust', 'library', 'std'));
}
const WASM = join(PKG, 'bias_compare_bg.wasm');
const GLUE = join(PKG, 'bias_compare.js');
const CLASSROOM_WASM = join(PKG, 'bias_compare_classroom_bg.wasm');

/** Leaves dist/ holding a fresh pkg/ (or the kept one) and nothing else. */
export function buildWasm({ skip }) {
  if (skip) {
    if (!existsSync(WASM) || !existsSync(GLUE) || !existsSync(CLASSROOM_WASM)) fail('--skip-wasm needs dist/pkg from an earlier full build');
    say('--skip-wasm: reusing dist/pkg');
    for (const name of readdirSync(DIST)) {
      if (name !== 'pkg') rmSync(join(DIST, name), { recursive: true, force: true });
    }
    return;
  }
  rmSync(DIST, { recursive: true, force: true });
  buildModule({ outName: 'bias_compare', features: [] });
  buildModule({ outName: 'bias_compare_classroom', features: ['explain'] });
}

/** One module: the crate built with `features`, bound by wasm-bindgen into dist/pkg/ as
 * `outName`.js and `outName`_bg.wasm, then optimised. A variant of the build (for
 * benches/wasm-builds.mjs, which weighs size against speed) gives its own `outDir` and
 * `targetDir`, `cargoArgs` (e.g. `--config` of an opt-level), `rustflags` added to the
 * shipped ones, and `wasmOptArgs` added to wasm-opt's. */
export function buildModule({ outName, features = [], outDir = PKG, targetDir = TARGET_DIR, cargoArgs = [], rustflags = '', wasmOptArgs = [] }) {
  const build = ['build', '--profile', 'wasm-release', '--target', 'wasm32-unknown-unknown', '-p', CRATE, ...cargoArgs];
  if (features.length) build.push('--features', features.join(','));
  const env = { CARGO_TARGET_DIR: targetDir };
  const wasmIn = join(targetDir, 'wasm32-unknown-unknown', 'wasm-release', `${CRATE}.wasm`);
  if (hasRustSrc()) {
    // The standard library compiled with the module, for size like the rest of it, and with
    // panics that abort at once: the prebuilt one carries the machinery that formats panic
    // messages, which the analysis, built never to panic, does not use. About 8.7 KB of the
    // 120 KB gzip budget (docs/BENCHMARKS.md). -Z flags need RUSTC_BOOTSTRAP on a stable
    // toolchain; scripts/setup.sh adds rust-src.
    run('cargo', [...build, '-Z', 'build-std=std,panic_abort'], {
      ...env,
      RUSTC_BOOTSTRAP: '1',
      // No file names and lines for panic locations: with panics aborting at once nothing
      // would ever print them.
      // hot_paths_for_speed: the crate is compiled for size but its hot paths for speed
      // (Cargo.toml's wasm-release profile).
      RUSTFLAGS: `-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none --cfg hot_paths_for_speed ${rustflags}`.trim(),
    });
  } else {
    say('note: the toolchain has no rust-src (run scripts/setup.sh): building with the prebuilt standard library, a larger .wasm');
    run('cargo', build, rustflags ? { ...env, RUSTFLAGS: rustflags } : env);
  }
  run('wasm-bindgen', ['--target', 'web', '--out-dir', relative(ROOT, outDir), '--out-name', outName, relative(ROOT, wasmIn)]);
  const wasm = join(outDir, `${outName}_bg.wasm`);
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
    // Capped, small helpers are still inlined and the .wasm is smaller gzipped. At 40 bytes
    // rather than 100 the module is 1.6 KB smaller still, for 1-2.5 % more CPU per analysis
    // in Node (docs/BENCHMARKS.md).
    '--one-caller-inline-max-function-size',
    '40',
    '--enable-bulk-memory',
    '--enable-sign-ext',
    '--enable-nontrapping-float-to-int',
    '--enable-mutable-globals',
    '--enable-reference-types',
    '--enable-multivalue',
    ...wasmOptArgs,
    '--strip-debug',
    '--strip-producers',
    relative(ROOT, wasm),
    '-o',
    relative(ROOT, wasm),
  ]);
}
