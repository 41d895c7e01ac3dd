// Stage 2, the widget: www/bias-compare/ bundled into the two modules a news page loads,
// dist/bias-compare.js (the element, its stylesheet inside as text) and dist/bias-compare-worker.js
// (the worker that runs the engine). Both import the engine's files from dist/pkg/ at run
// time, so `./pkg/…` imports are left to the browser; the element imports the glue only when
// the engine has to run on its main thread.

import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundle } from './esbuild.mjs';
import { DIST, ROOT, say, WWW } from './io.mjs';
import { LEXICONS } from './shipped.mjs';

const SOURCE = join(WWW, 'bias-compare');

export async function buildWidget() {
  await bundle({
    entryPoints: [
      { in: join(SOURCE, 'index.js'), out: 'bias-compare' },
      { in: join(SOURCE, 'engine', 'worker.js'), out: 'bias-compare-worker' },
    ],
    outdir: DIST,
    external: ['./pkg/*'],
  });
  say('bundled dist/bias-compare.js and dist/bias-compare-worker.js (esbuild)');
  copyFileSync(join(ROOT, 'data', 'lexicons.txt'), join(DIST, LEXICONS));
  say(`copied data/lexicons.txt to dist/${LEXICONS}`);
}
