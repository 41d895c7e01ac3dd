// Stage 4, the npm package: dist/npm/, the `bias-compare` package as `npm pack` packs it
// (docs/WIDGET.md, "Package"). Built from the files the earlier stages wrote, so its worker,
// glue and .wasm are the served widget's, in the same layout:
//
//   bias-compare.js          the element class, not defined (www/npm/index.js, bundled by esbuild)
//   define.js                defines <bias-compare> on import          (www/npm/, as is)
//   bias-compare-worker.js   the module worker                         (dist/, as is)
//   engine.js, engine.node.js   `bias-compare/engine` in browsers, in Node (www/npm/, as is)
//   pkg/bias_compare.js, pkg/bias_compare_bg.wasm   the engine         (dist/pkg/)
//   *.d.ts                   the types                                 (www/npm/, as is)
//   package.json             written here; README.md (www/npm/), LICENSE

import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundle } from './esbuild.mjs';
import { DIST, fail, PKG, read, ROOT, say, write, WWW } from './io.mjs';

export const NPM = join(DIST, 'npm');
const SOURCE = join(WWW, 'npm');

/** The files the package ships (package.json `files`; npm adds package.json, README.md and
 * LICENSE). tests/node/npm-package.test.mjs checks the packed tarball against this list. */
export const PACKAGE_FILES = [
  'bias-compare.js',
  'bias-compare.d.ts',
  'bias-compare-worker.js',
  'define.js',
  'define.d.ts',
  'engine.js',
  'engine.node.js',
  'engine.d.ts',
  'report.d.ts',
  'story.d.ts',
  'pkg/bias_compare.js',
  'pkg/bias_compare_bg.wasm',
];

const AS_IS = ['define.js', 'engine.js', 'engine.node.js', 'bias-compare.d.ts', 'define.d.ts', 'engine.d.ts', 'report.d.ts', 'story.d.ts', 'README.md'];

// wasm-bindgen's first line names a declaration file for Deno; the package's types are its own.
const SELF_TYPES = '/* @ts-self-types="./bias_compare.d.ts" */\n';

function manifest() {
  const root = JSON.parse(read(join(ROOT, 'package.json')));
  return {
    name: 'bias-compare',
    version: root.version,
    description: root.description,
    license: root.license,
    type: 'module',
    exports: {
      '.': { types: './bias-compare.d.ts', default: './bias-compare.js' },
      './define': { types: './define.d.ts', default: './define.js' },
      './engine': { types: './engine.d.ts', node: './engine.node.js', default: './engine.js' },
      './package.json': './package.json',
    },
    types: './bias-compare.d.ts',
    // Importing define.js defines the element; the worker is a worker's entry. Every other
    // module only declares things, so a bundler may drop what a page does not use.
    sideEffects: ['./define.js', './bias-compare-worker.js'],
    files: PACKAGE_FILES,
    engines: { node: '>=20' },
    keywords: ['media bias', 'news', 'custom element', 'web component', 'webassembly', 'framing', 'log-odds'],
  };
}

export async function buildPackage() {
  rmSync(NPM, { recursive: true, force: true });
  await bundle({
    entryPoints: [{ in: join(SOURCE, 'index.js'), out: 'bias-compare' }],
    outdir: NPM,
    external: ['./pkg/*'],
  });
  cpSync(join(DIST, 'bias-compare-worker.js'), join(NPM, 'bias-compare-worker.js'));
  const glue = read(join(PKG, 'bias_compare.js'));
  if (!glue.startsWith(SELF_TYPES)) fail(`dist/pkg/bias_compare.js does not start with ${SELF_TYPES.trim()}`);
  write(join(NPM, 'pkg', 'bias_compare.js'), glue.slice(SELF_TYPES.length));
  cpSync(join(PKG, 'bias_compare_bg.wasm'), join(NPM, 'pkg', 'bias_compare_bg.wasm'));
  for (const name of AS_IS) cpSync(join(SOURCE, name), join(NPM, name));
  cpSync(join(ROOT, 'LICENSE'), join(NPM, 'LICENSE'));
  write(join(NPM, 'package.json'), `${JSON.stringify(manifest(), null, 2)}\n`);
  say('wrote the npm package to dist/npm/ (npm pack dist/npm)');
}
