// WASM in Node: the same `analyze` the widget calls (dist/pkg, built by scripts/build.mjs),
// on the benchmark stories given as JSON text. Prints one JSON line per measurement.
//
//   node benches/wasm-node.mjs time FILE...          median time per story (and CPU time: the
//                                                     process's, by process.cpuUsage), after BENCH_WARMUP_MS
//                                                     (1000) of untimed calls: V8 first runs new
//                                                     WASM code unoptimized, and swaps in optimized
//                                                     code over the first hundreds of milliseconds
//   node benches/wasm-node.mjs memory FILE           one analysis in a fresh module: how far
//                                                     the WebAssembly.Memory grew, and JS heap
//   node --expose-gc benches/wasm-node.mjs repeat FILE N
//                                                     N analyses: memory after 5 and after N
//   node benches/wasm-node.mjs boundary FILE...      the report's crossing into JS as JSON text:
//                                                     the settled `analyze` median beside the
//                                                     median of decoding the report's UTF-8 bytes
//                                                     (TextDecoder, as the glue does) and
//                                                     `JSON.parse` of that text, and its size
//
// BENCH_OPTIONS (JSON) is the options object passed to `analyze` (default `{}`).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PKG = join(ROOT, 'dist', 'pkg');
const engine = await import(pathToFileURL(join(PKG, 'bias_compare.js')).href);
const exports = engine.initSync({ module: readFileSync(join(PKG, 'bias_compare_bg.wasm')) });
// The lexicons of the language section, so that WASM does the work the CLI does.
engine.setLexicons(readFileSync(join(PKG, '..', 'bias-compare-lexicons.txt'), 'utf8'));
const memoryBytes = () => exports.memory.buffer.byteLength;
const initialMemory = memoryBytes();
const [mode, ...args] = process.argv.slice(2);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const gc = () => globalThis.gc?.();
const options = JSON.parse(process.env.BENCH_OPTIONS ?? '{}');
const analyze = (text) => engine.analyze(text, options);
const medianOf = (times) => [...times].sort((a, b) => a - b)[times.length >> 1];

if (mode === 'time') {
  const budget = Number(process.env.BENCH_BUDGET_MS ?? 2000);
  const warmup = Number(process.env.BENCH_WARMUP_MS ?? 1000);
  for (const file of args) {
    const text = readFileSync(file, 'utf8');
    const firstStart = now();
    const report = analyze(text);
    const first = now() - firstStart;
    for (let warmed = first; warmed < warmup;) {
      const start = now();
      analyze(text);
      warmed += now() - start;
    }
    const times = [];
    const cpuTimes = [];
    let spent = 0;
    while (times.length < 31 && (times.length < 5 || spent < budget)) {
      const cpuStart = process.cpuUsage();
      const start = now();
      analyze(text);
      const ms = now() - start;
      const cpu = process.cpuUsage(cpuStart);
      spent += ms;
      times.push(ms);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    console.log(JSON.stringify({
      file, articles: report.coverage.total_articles, runs: times.length,
      median_ms: +times[times.length >> 1].toFixed(3), min_ms: +times[0].toFixed(3), first_ms: +first.toFixed(3),
      cpu_median_ms: +cpuTimes[cpuTimes.length >> 1].toFixed(3), cpu_min_ms: +cpuTimes[0].toFixed(3),
    }));
  }
} else if (mode === 'memory') {
  const [file] = args;
  const text = readFileSync(file, 'utf8');
  const inputBytes = Buffer.byteLength(text);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = now();
  const report = analyze(text);
  const ms = now() - start;
  const heapWithReport = process.memoryUsage().heapUsed;
  console.log(JSON.stringify({
    file, articles: report.coverage.total_articles, input_bytes: inputBytes, ms: +ms.toFixed(1),
    wasm_memory_initial: initialMemory, wasm_memory_peak: memoryBytes(),
    wasm_ratio: +(memoryBytes() / inputBytes).toFixed(3),
    js_heap_report_bytes: heapWithReport - heapBefore,
    rss_bytes: process.memoryUsage().rss,
  }));
} else if (mode === 'repeat') {
  const [file, n = '200'] = args;
  const text = readFileSync(file, 'utf8');
  const sample = () => { gc(); return { wasm: memoryBytes(), heap: process.memoryUsage().heapUsed }; };
  let early;
  for (let i = 1; i <= Number(n); i++) {
    analyze(text);
    if (i === 5) early = sample();
  }
  const late = sample();
  console.log(JSON.stringify({
    file, runs: Number(n), wasm_after_5: early.wasm, wasm_after_n: late.wasm,
    heap_after_5: early.heap, heap_after_n: late.heap,
  }));
} else if (mode === 'boundary') {
  const warmup = Number(process.env.BENCH_WARMUP_MS ?? 1000);
  for (const file of args) {
    const text = readFileSync(file, 'utf8');
    const reportText = JSON.stringify(analyze(text));
    const bytes = new TextEncoder().encode(reportText);
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
    for (let start = now(); now() - start < warmup;) analyze(text);
    const analyzeTimes = [];
    for (let i = 0; i < 15; i++) {
      const start = now();
      analyze(text);
      analyzeTimes.push(now() - start);
    }
    const crossTimes = [];
    for (let i = 0; i < 201; i++) {
      const start = now();
      JSON.parse(decoder.decode(bytes));
      crossTimes.push(now() - start);
    }
    console.log(JSON.stringify({
      file, report_bytes: bytes.length, analyze_median_ms: +medianOf(analyzeTimes).toFixed(3),
      decode_parse_median_ms: +medianOf(crossTimes).toFixed(4),
    }));
  }
} else {
  console.error('usage: node benches/wasm-node.mjs time FILE... | memory FILE | repeat FILE N | boundary FILE...');
  process.exit(2);
}
