#!/usr/bin/env node
// Builds the WebAssembly engine, the <bias-compare> widget, the demo page and the standalone
// page into dist/, and the npm package into dist/npm/, in five stages (scripts/build/). Run `bash scripts/setup.sh` first (wasm32
// target, wasm-bindgen CLI, npm devDependencies). The output is deterministic: the same
// sources give the same bytes.
//
//   node scripts/build.mjs              full build
//   node scripts/build.mjs --skip-wasm  reuse dist/pkg from an earlier build (widget work only)
//
// dist/
//   pkg/bias_compare.js, pkg/bias_compare_bg.wasm (+ .d.ts)   1. wasm.mjs: wasm-bindgen --target web, wasm-opt
//   bias-compare.js           the element (ES module, stylesheet inside)   2. widget.mjs: esbuild
//   bias-compare-worker.js    the module worker the element runs the engine in
//   index.html, demo.js, demo.css, favicon.svg   the demo page        3. pages.mjs
//   samples/*.json, samples/index.json            the sample stories  (samples.mjs)
//   standalone.html           one file: the demo with everything inline; works from file://
//   npm/                      the `bias-compare` npm package          4. package.mjs
//                                                                     5. sizes.mjs

import { buildPackage } from './build/package.mjs';
import { buildPages } from './build/pages.mjs';
import { copySamples } from './build/samples.mjs';
import { printSizes } from './build/sizes.mjs';
import { buildWasm } from './build/wasm.mjs';
import { buildWidget } from './build/widget.mjs';
import { say } from './build/io.mjs';

buildWasm({ skip: process.argv.slice(2).includes('--skip-wasm') });
await buildWidget();
const samples = copySamples();
await buildPages(samples);
await buildPackage();
printSizes();
say(`done: ${samples.length} sample${samples.length === 1 ? '' : 's'}, dist/ ready (serve it: node scripts/serve.mjs)`);
