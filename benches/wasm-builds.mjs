// The WASM build's size against its speed: builds the widget's module in variants of the
// shipped build (scripts/build/wasm.mjs) and times them side by side in one Node process,
// for the table "The WASM build: size against speed" of docs/BENCHMARKS.md.
//
//   node benches/wasm-builds.mjs [NAME...]     (default: every variant below; about 3 min
//                                               of build per variant on 2 cores)
//
// Each variant goes to target/wasm-builds/NAME (its own cargo target directory, as the
// shipped build has). Timing: the benchmark stories of 10, 100 and 1 000 articles
// (benches/corpus, `python3 benches/gen_corpus.py`), the variants' `analyze` called in turn
// (the order reversed every round) after BENCH_WARMUP_MS (1000) of warm-up each; each
// variant's least process CPU time per story (process.cpuUsage), which a machine shared
// with other work inflates least. Every variant's report must equal the shipped build's.
// Sizes: gzip -9 of the .wasm as shipped. Prints a Markdown table and one JSON line per
// variant.
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildModule } from '../scripts/build/wasm.mjs';
import { ROOT } from '../scripts/build/io.mjs';

const SIMD = { rustflags: '-Ctarget-feature=+simd128', wasmOptArgs: ['--enable-simd'] };
const crateAt = (level) => ['--config', `profile.wasm-release.package.bias_compare.opt-level=${JSON.stringify(level)}`];
const VARIANTS = {
  shipped: { what: 'as shipped: the crate at "z", its hot paths `optimize(speed)`, the rest at "s"' },
  'crate-s': { what: 'the crate at "s"', cargoArgs: crateAt('s') },
  simd: { what: 'as shipped, with WASM SIMD (`simd128`)', ...SIMD },
  'all-3-simd': {
    what: 'everything at opt-level 3, with SIMD (the native build\'s level)',
    cargoArgs: [...crateAt(3), '--config', 'profile.wasm-release.opt-level=3'],
    ...SIMD,
  },
};
const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(VARIANTS);
const SIZES = [10, 100, 1000];
const WARMUP = Number(process.env.BENCH_WARMUP_MS ?? 1000);

const built = [];
for (const name of names) {
  const variant = VARIANTS[name];
  if (!variant) throw new Error(`unknown variant ${name} (${Object.keys(VARIANTS).join(', ')})`);
  const dir = join(ROOT, 'target', 'wasm-builds', name);
  const outDir = join(dir, 'pkg');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  buildModule({ outName: 'bias_compare', outDir, targetDir: join(dir, 'cargo'), ...variant });
  const wasm = readFileSync(join(outDir, 'bias_compare_bg.wasm'));
  const engine = await import(pathToFileURL(join(outDir, 'bias_compare.js')).href);
  engine.initSync({ module: wasm });
  engine.setLexicons(readFileSync(join(ROOT, 'data', 'lexicons.txt'), 'utf8'));
  built.push({ name, what: variant.what, engine, gzip: gzipSync(wasm, { level: 9 }).length, cpu: {} });
}

const cpuMs = (call) => {
  const start = process.cpuUsage();
  call();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
for (const n of SIZES) {
  const text = readFileSync(join(ROOT, 'benches', 'corpus', `story-${n}.json`), 'utf8');
  const expected = JSON.stringify(built[0].engine.analyze(text));
  for (const b of built) {
    if (JSON.stringify(b.engine.analyze(text)) !== expected) throw new Error(`${b.name}: the report of story-${n} differs from ${built[0].name}'s`);
    for (let warmed = 0; warmed < WARMUP;) warmed += cpuMs(() => b.engine.analyze(text));
    b.cpu[n] = Infinity;
  }
  const rounds = n >= 1000 ? 21 : n >= 100 ? 61 : 201;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...built].reverse() : built;
    for (const b of order) b.cpu[n] = Math.min(b.cpu[n], cpuMs(() => b.engine.analyze(text)));
  }
}

const base = built[0];
const kb = (bytes) => (bytes / 1000).toFixed(1);
console.log(`| build | module (gzip) | least CPU ms, ${SIZES.join(' / ')} articles | ÷ ${base.name} |`);
console.log('|---|---|---|---|');
for (const b of built) {
  const ms = SIZES.map((n) => b.cpu[n].toFixed(2)).join(' / ');
  const ratio = SIZES.map((n) => (b.cpu[n] / base.cpu[n]).toFixed(2)).join(' / ');
  console.log(`| ${b.what} | ${kb(b.gzip)} KB | ${ms} | ${ratio} |`);
}
for (const b of built) console.log(JSON.stringify({ variant: b.name, gzip: b.gzip, cpu_min_ms: b.cpu }));
