// Reads the measurements scripts/bench.sh collected in DIR, checks the performance targets,
// writes docs/BENCHMARKS.md and docs/benchmarks.svg, and exits 1 when a target is missed.
//   node benches/report.mjs DIR
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2];
const lines = (name) => readFileSync(join(dir, name), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const native = lines('native.jsonl');
const wasm = lines('wasm.jsonl');
const [wasmMemory] = lines('wasm-memory.jsonl');
const [repeat] = lines('wasm-repeat.jsonl');
const python = lines('python.jsonl');
const [browser] = lines('browser.jsonl');
const chromium = lines('chromium.jsonl');
const nativeFraming = lines('native-framing.jsonl');
const framingOptions = readFileSync(join(dir, 'framing-options.json'), 'utf8').trim();
const boundary = lines('boundary.jsonl');
const [shipped] = lines('size.json');
const machine = JSON.parse(readFileSync(join(dir, 'machine.json'), 'utf8'));
// benches/scale.sh: the fastest run of each configuration over a JSON Lines corpus.
const S = Object.fromEntries(lines('scale.jsonl').map((r) => [r.run, r]));

// One row per article count; of several rounds, the one with the lowest median.
const by = (rows) => {
  const best = {};
  for (const r of rows) if (!best[r.articles] || r.median_ms < best[r.articles].median_ms) best[r.articles] = r;
  return best;
};
const N = by(native);
const W = by(wasm);
W[wasmMemory.articles] ??= { articles: wasmMemory.articles, median_ms: wasmMemory.ms, first_ms: wasmMemory.ms, runs: 1 };
const P = by(python);
const C = by(chromium);
// The first call against the settled median of the same fresh context, per round; the median
// of the rounds' ratios.
const firstRatio = (n) => median(chromium.filter((r) => r.articles === n).map((r) => r.first_ms / r.median_ms));
const sizes = Object.keys(N).map(Number).sort((a, b) => a - b);
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const f = (x, d = 1) => (x == null ? '—' : x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
const mb = (b) => f(b / 1e6, 1);

// Targets (the gates of the second performance round, and the first round's that still hold).
// Native throughput by the thread's least CPU time over the rounds (see WASM below).
const nativeCpu = (n) => Math.min(...native.filter((r) => r.articles === n).map((r) => r.cpu_min_ms));
const perArticle = (n) => nativeCpu(n) / n;
const growth = perArticle(sizes.at(-1)) / perArticle(sizes[0]);
const growthFrom1000 = perArticle(10000) / perArticle(1000);
const mbps = (n) => N[n].text_bytes / 1e3 / nativeCpu(n);
// The baseline's fastest run, against our best round's median: the ratio that flatters us least.
const vsPython = P[1000].min_ms / N[1000].median_ms;
const upTo1000 = sizes.filter((n) => n <= 1000);
// WASM against native by CPU time, each side's least over all its runs and rounds: on a
// machine shared with other work, wall-clock time counts the time a thread waits for a core,
// which a busy spell on one side only turns into a ratio of the spells. CPU time: native,
// the thread's (CLOCK_THREAD_CPUTIME_ID); Node, the process's (process.cpuUsage, after the
// warm-up, when no compilation is left in the background); Chromium, the page's main
// thread's (DevTools ThreadTime over batches of calls). Wall-clock medians are in the table.
const fastest = (rows) => {
  const out = {};
  for (const r of rows) out[r.articles] = Math.min(out[r.articles] ?? Infinity, r.cpu_min_ms);
  return out;
};
const NMin = fastest(native);
const WMin = fastest(wasm);
const CMin = fastest(chromium);
const worst = (T) => upTo1000.reduce((w, n) => (T[n] && T[n] / NMin[n] > w[1] ? [n, T[n] / NMin[n]] : w), [0, 0]);
const [worstNodeAt, worstWasm] = worst(WMin);
const [worstChromiumAt, worstChromium] = worst(CMin);
const ratioList = (T) => upTo1000.map((n) => (T[n] ? `${f(T[n] / NMin[n], 2)}×` : '—')).join(' / ');
const memRatio = wasmMemory.wasm_memory_peak / wasmMemory.input_bytes;
const wasmGrowth = repeat.wasm_after_n - repeat.wasm_after_5;
const pageGrowth = browser.wasm_after_200 - browser.wasm_after_5;
const heapGrowth = Math.max(repeat.heap_after_n - repeat.heap_after_5, (browser.heap_after_200 ?? 0) - (browser.heap_after_5 ?? 0));
const first100 = firstRatio(100);
const shippedGzip = shipped.reduce((sum, file) => sum + file.gzip, 0);
const renderCpu = browser.widget_cold.cpu_ms / browser.static_page.cpu_ms;
const renderTask = browser.widget_cold.main_thread_ms / browser.static_page.main_thread_ms;
const renderPaint = browser.widget_cold.coverage_paint_ms / browser.static_page.coverage_paint_ms;
// Every analysis on (the defaults) against framing only (benches/framing-only.json), both timed
// natively in the same rounds: each side's least CPU time, as the other gates.
const FMin = fastest(nativeFraming);
const allRatio = NMin[1000] / FMin[1000];
// [target, measured, pass: true | false | null (not applicable on this build)]
const rate = (name) => S[name].stories / S[name].wall_s;
const cpuPer = (name) => S[name].cpu_s / S[name].stories;
const rssGrowth = S['batch-jobs-2-big'].rss_kib / S['batch-jobs-2'].rss_kib;
const targets = [
  ['Widget first render of 100 articles: main-thread CPU and task time each ≤ 1.3× a static page holding the same report DOM and stylesheet (medians of alternated fresh contexts)',
    `CPU ${f(renderCpu, 2)}× (${f(browser.widget_cold.cpu_ms)} vs ${f(browser.static_page.cpu_ms)} ms), task ${f(renderTask, 2)}× (${f(browser.widget_cold.main_thread_ms)} vs ${f(browser.static_page.main_thread_ms)} ms)`, renderCpu <= 1.3 && renderTask <= 1.3],
  ['… first useful paint (the coverage bar) ≤ 1.1× the static page\'s first paint', `${f(renderPaint, 2)}× (${f(browser.widget_cold.coverage_paint_ms)} vs ${f(browser.static_page.coverage_paint_ms)} ms)`, renderPaint <= 1.1],
  ['Native ≥ 100 MB/s of article text at 1 000 articles (least CPU time)', `${f(mbps(1000))} MB/s (${f(nativeCpu(1000))} ms)`, mbps(1000) >= 100],
  ['Native time per article at 10 000 articles ≤ 1.2× that at 1 000 (least CPU time)', `${f(growthFrom1000, 2)}×`, growthFrom1000 <= 1.2],
  ['WASM ≤ 1.3× native time in Node, at 10, 100 and 1 000 articles (least CPU time of each side)', `${ratioList(WMin)} (worst ${f(worstWasm, 2)}× at ${worstNodeAt}; CPU time)`, worstWasm <= 1.3],
  ['WASM ≤ 1.3× native time in Chromium, at 10, 100 and 1 000 articles (least CPU time of each side)', `${ratioList(CMin)} (worst ${f(worstChromium, 2)}× at ${worstChromiumAt}; CPU time)`, worstChromium <= 1.3],
  ['First call (cold module) ≤ 2× the settled time in Chromium at 100 articles', `${f(first100, 2)}× (first ${f(median(chromium.filter((r) => r.articles === 100).map((r) => r.first_ms)))} ms, settled ${f(C[100].median_ms)} ms)`, first100 <= 2],
  [`Every analysis on (the defaults) costs ≤ 1.25× framing only (benches/framing-only.json, \`${framingOptions}\`; framing keeps its outlet-level permutation test, always on) at 1 000 articles, native (least CPU time of each side)`,
    `${f(allRatio, 2)}× (${f(NMin[1000])} vs ${f(FMin[1000])} ms)`, allRatio <= 1.25],
  ['Shipped widget (wasm + glue + element + worker) ≤ 120 KiB gzip', `${f(shippedGzip / 1024)} KiB`, shippedGzip <= 120 * 1024],
  ['Native ≥ 30× faster than the Python baseline at 1 000 articles', `${f(vsPython)}×`, vsPython >= 30],
  ['10 000 articles in WASM within 4× the input size in memory', `${f(memRatio, 2)}× (${mb(wasmMemory.wasm_memory_peak)} MB for ${mb(wasmMemory.input_bytes)} MB)`, memRatio <= 4],
  ['No memory growth over 200 repeated analyses (Node and one Chromium page)', `WASM memory +${wasmGrowth + pageGrowth} B; JS heap ${heapGrowth > 0 ? '+' : ''}${f(heapGrowth / 1e3, 0)} kB`, wasmGrowth === 0 && pageGrowth === 0 && heapGrowth < 1e6],
  ['Native time per article grows ≤ 2× from 10 to 10 000 articles (least CPU time)', `${f(growth, 2)}×`, growth <= 2],
  ['`bias-compare batch` memory does not grow with the stories: peak RSS at 10 000 stories ≤ 1.25× at 1 000',
    `${f(rssGrowth, 2)}× (${f(S['batch-jobs-2-big'].rss_kib / 1024)} MiB for ${S['batch-jobs-2-big'].stories.toLocaleString('en-US')} stories, ${f(S['batch-jobs-2'].rss_kib / 1024)} MiB for ${S['batch-jobs-2'].stories.toLocaleString('en-US')})`, rssGrowth <= 1.25],
];

// The plot: time against article count, log-log.
function svg() {
  const W0 = 780, H0 = 440, m = { l: 70, r: 210, t: 40, b: 56 };
  const xs = [10, 10000], ys = [0.5, 100000];
  const X = (n) => m.l + (Math.log10(n) - Math.log10(xs[0])) / (Math.log10(xs[1]) - Math.log10(xs[0])) * (W0 - m.l - m.r);
  const Y = (ms) => H0 - m.b - (Math.log10(ms) - Math.log10(ys[0])) / (Math.log10(ys[1]) - Math.log10(ys[0])) * (H0 - m.t - m.b);
  const series = [
    ['native', '#1f6feb', N, ''],
    ['WASM (Node)', '#d97706', W, '6 4'],
    ['Python + scikit-learn', '#7c3aed', P, '2 4'],
  ];
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W0} ${H0}" width="${W0}" height="${H0}" font-family="DejaVu Sans, Arial, sans-serif" font-size="13">`,
    `<rect width="${W0}" height="${H0}" fill="#fff"/>`,
    `<text x="${m.l}" y="24" font-size="15" font-weight="bold">Full analysis time against article count (log-log, median)</text>`];
  for (let e = 0; e <= 5; e++) {
    const v = 10 ** e, y = Y(v);
    if (v < ys[0]) continue;
    out.push(`<line x1="${m.l}" x2="${W0 - m.r}" y1="${y}" y2="${y}" stroke="#ddd"/>`, `<text x="${m.l - 8}" y="${y + 4}" text-anchor="end">${v >= 1000 ? `${v / 1000} s` : `${v} ms`}</text>`);
  }
  for (const n of [10, 100, 1000, 10000]) {
    const x = X(n);
    out.push(`<line x1="${x}" x2="${x}" y1="${m.t}" y2="${H0 - m.b}" stroke="#ddd"/>`, `<text x="${x}" y="${H0 - m.b + 18}" text-anchor="middle">${n.toLocaleString('en-US')}</text>`);
  }
  out.push(`<text x="${(m.l + W0 - m.r) / 2}" y="${H0 - 14}" text-anchor="middle">articles in the story (about 475 words each)</text>`);
  out.push(`<line x1="${m.l}" x2="${W0 - m.r}" y1="${H0 - m.b}" y2="${H0 - m.b}" stroke="#333"/>`, `<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${H0 - m.b}" stroke="#333"/>`);
  series.forEach(([name, color, data, dash], i) => {
    const pts = [10, 100, 1000, 10000].filter((n) => data[n]).map((n) => [X(n), Y(data[n].median_ms)]);
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="2.5" ${dash ? `stroke-dasharray="${dash}"` : ''} points="${pts.map((p) => p.map((v) => v.toFixed(1)).join(',')).join(' ')}"/>`);
    for (const [x, y] of pts) out.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4" fill="${color}"/>`);
    const ly = m.t + 20 + i * 24;
    out.push(`<line x1="${W0 - m.r + 14}" x2="${W0 - m.r + 40}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2.5" ${dash ? `stroke-dasharray="${dash}"` : ''}/>`, `<text x="${W0 - m.r + 46}" y="${ly + 4}">${name}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

const row = (n) => {
  const r = N[n];
  const ratio = (T, Min) => (T[n] ? `${f(T[n].median_ms, 1)} | ${Min[n] == null ? '—' : f(Min[n], 2)} | ${Min[n] == null ? '—' : `${f(Min[n] / NMin[n], 2)}×`} | ${f(T[n].first_ms, 1)}` : '— | — | — | —');
  return `| ${n.toLocaleString('en-US')} | ${mb(r.text_bytes)} | ${f(r.median_ms, 1)} | ${f(NMin[n], 2)} | ${f(r.text_bytes / 1e3 / NMin[n], 1)} | ${f(NMin[n] / n * 1000, 0)} | ${ratio(W, WMin)} | ${ratio(C, CMin)} | ${P[n] ? f(P[n].min_ms, 0) : '—'} | ${P[n] ? f(P[n].min_ms / r.median_ms, 1) + '×' : '—'} |`;
};
const boundaryRow = (b) => {
  const n = JSON.parse(readFileSync(b.file, 'utf8')).articles.length;
  const native = N[n];
  return `| ${n.toLocaleString('en-US')} | ${f(b.report_bytes / 1e3, 1)} | ${f(b.analyze_median_ms, 2)} | ${f(b.decode_parse_median_ms, 3)} (${f(100 * b.decode_parse_median_ms / b.analyze_median_ms, 1)} %) | ${native?.to_json_median_ms == null ? '—' : `${f(native.to_json_median_ms, 3)} (${f(100 * native.to_json_median_ms / native.median_ms, 1)} %)`} |`;
};
const md = `# Benchmarks

Generated by \`npm run bench\` (scripts/bench.sh) on ${machine.date}; every figure below was
measured in that one run on this machine, so the ratios compare like with like. Do not edit by
hand: run the command again. The machine may be shared (other builds running on its cores),
which inflates medians, small stories and WASM-in-Node the most; run it on an idle machine
for figures to quote.

Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gb} GB RAM, ${machine.os};
load average ${machine.load ?? '—'} (1, 5, 15 min) when the run began;
${machine.rustc}; Node ${machine.node}; ${machine.chromium}; ${machine.python}, ${machine.sklearn}.

Corpus: \`python3 benches/gen_corpus.py\` (seed 20250602): stories of 10 to 10 000 articles of
350–700 words (about 475 on average; Zipf-distributed vocabulary, 15 rated outlets, planted
side-specific framing terms). Times are medians of repeated runs of the full analysis: story
JSON text in, report JSON out (native: \`analyze_json\` + \`Report::to_json\`; WASM: the
package's \`analyze(text)\`, which also copies the text in and parses the report into a JS
object), each harness first calling it untimed for 1 s (\`BENCH_WARMUP_MS\`). V8 runs new
WASM code unoptimized and swaps in optimized code over the first hundreds of milliseconds:
measured once on this machine (2026-11-23), the 10-article story takes 17 ms on the first call, 2–5 ms over
the next ten and settles at 1.3 ms after about fifty; in Chromium the 100-article story
takes 75 ms, then about 25 ms, and settles at 11 ms after about twenty calls. The settled
time is what the ratios compare; the first call, what a page that analyzes once pays, is
reported apart. The gates comparing times use CPU time, each side's least over all its runs
(see the Targets table), because on this shared machine wall-clock time mostly measures
how long a thread waited for a core. Native, WASM in Node and WASM in Chromium take turns
for three rounds, and each side's best round median is the wall-clock time shown: on a
shared machine, a slow spell lasts seconds and would otherwise fall on one side only. The Python baseline is shown by its fastest of
three runs, which flatters the ratio to it the least.

![time against article count](benchmarks.svg)

## Targets

| target | measured | |
|---|---|---|
${targets.map(([t, v, ok]) => `| ${t} | ${v} | ${ok == null ? 'n/a' : ok ? 'pass' : '**FAIL**'} |`).join('\n')}

## Where the gates stand, and what would move them

Measured apart from this run, on this machine, 2026-11-30 (idle but for the work named);
the commands are given so that each figure can be taken again.

- **WASM against native (≤ 1.3×).** Not reachable with this code in the widget's budget,
  nor without it. \`node benches/wasm-builds.mjs\` builds the module in variants and times
  them alternated in one Node process (least CPU time, 10 / 100 / 1 000 articles; native on
  the same machine took 0.65 / 5.2 / 46.8 ms):

  | build | module (gzip) | least CPU ms | ÷ shipped |
  |---|---|---|---|
  | as shipped: the crate at "z", its hot paths \`optimize(speed)\`, the rest at "s" | 106.2 KB | 1.50 / 10.61 / 90.52 | 1 |
  | the crate at "s" | 112.0 KB | 1.44 / 10.29 / 80.66 | 0.96 / 0.97 / 0.89 |
  | as shipped, with WASM SIMD (\`simd128\`) | 105.7 KB | 1.57 / 10.66 / 89.65 | 1.04 / 1.00 / 0.99 |
  | everything at opt-level 3 (the native build's), with SIMD | 140.2 KB | 1.08 / 8.08 / 68.77 | 0.72 / 0.76 / 0.76 |

  Even the last, whose module alone is 17 KiB over the widget's whole 120 KiB (its glue,
  element and worker add some 15 KiB), is 1.66 / 1.55 / 1.47× native: the
  gap is the code, not the build. SIMD buys nothing measurable (the module is 0.5 KB
  smaller; the byte scans are written for 64-bit lanes, and which loops LLVM vectorized was
  not looked at). What this round did buy, each step A/B in Node on
  one tree: the counting of an article and the n-gram finish kept as functions of their
  own (\`inline(never)\`: LLVM had inlined them into their size-optimized caller, where
  their \`optimize(speed)\` no longer held) with sentence trimming by bytes, together
  0.97 / 0.96 / 0.92× of the time and −0.2 KB; then the report's JSON strings written at
  speed, 0.86 / 0.91× at 10 / 100 articles; all three 0.90 / 0.88 / 0.90× of the module
  before them.
  Marking the other analyses (language, key points, emphasis, listing, examples, evidence)
  the same way added 2.6 KB for no measurable gain and was not kept.
- **Native throughput (≥ 100 MB/s) and growth (≤ 1.2× per article from 1 000 to
  10 000).** \`perf record\` of \`bias-compare-bench\` on story-1000: counting the words
  (\`TermCounts::count_article\`) 21 % of the time, of which nearly half stalls on two
  dependent loads per word — its slot in the token table, then its entry — for words not in
  cache; the n-gram passes and their radix sort 14 %; finding word ends 7 %; finding the
  listed terms again 5 %; language 4 %; key points 3 %; sentence splitting 3 %; malloc and
  free 5 %. Nothing is a quarter of the time, so 100 MB/s (26 ms where the analysis takes
  ${f(nativeCpu(1000))}) needs the passes merged, not one made faster: reading the story's JSON into
  the story without the value tree, and tokenizing, sentence splitting and counting in
  one pass over each article's bytes. From 1 000 to 10 000 articles, per 1 000 articles:
  the token table's misses (+23 % in \`count_article\`), the radix sort (×2.3: its top
  level moves keys across an array of tens of MB in place), malloc and free (×2.5; among
  them the freeing of the JSON value tree's many small strings, and emphasis's), the
  outlet test's walk (×3). Link-time
  optimization of the native build (\`lto = "fat"\`, one codegen unit) changed
  story-1000 by −3 % to +2 % over two alternations: not kept.
- **First call (≤ 2× settled in Chromium).** V8 runs a new module in its baseline compiler
  (Liftoff), compiling each function on first use, and recompiles hot functions with its
  optimizing compiler (TurboFan) on background threads. In Node, with V8's flags (not open
  to a page), the 100-article story's first call: 73 ms by default, 27.5 ms with
  \`--liftoff-only\` (settled 16–17 ms there, against 13 with TurboFan), 317 ms with
  \`--no-liftoff\`. The baseline tier alone would be about 2× settled; on two cores the
  background recompilation of the hot functions is what the first call waits behind.
  Chromium's compilation hints, which could ask for the optimizing tier up front, are
  behind a flag; its cache of optimized code serves a reader's second page, not the first.
  The widget starts its worker and the module's compilation when its first element is
  connected, before a story arrives (docs/WIDGET.md), which moves the compilation, not the
  tiering, out of the first analysis.
- **Widget render.** The widget's main-thread CPU is ${f(renderCpu, 2)}× the static page's in this
  run, and the coverage bar's paint ${f(renderPaint, 2)}× the static page's first paint. The page
  cannot draw the coverage bar before the engine has read the story (which outlet is which
  side is a rule of the core, docs/METHOD.md), and the engine answers after the worker has
  started, compiled the module and analyzed the story; the static page has nothing to wait
  for: about 200 ms pass before the report reaches the page's thread (the worker script,
  the engine's files and the lexicons, \`setLexicons\` about 10 ms, and the first analysis
  in V8's baseline tier, 65–110 ms, in traces of cold runs). An engine call that returns
  only the coverage (it needs the outlets and the ratings, not the text's counts) would let
  the bar paint before the analysis, but still after the worker and the module. Of the
  main-thread CPU over the static page's: building the DOM in script rather than by the
  HTML parser (about 10 ms), the loading skeleton's frame and the coverage bar's (about 10),
  connecting the element and messaging the worker (about 5). Starting the engine when the
  element's module is imported rather than when the first element is connected measured
  the paint 273 → 234 ms and the CPU 58.4 → 55.1 ms (A/B, 15 fresh contexts), but would
  make every page that loads the script download and compile the engine even where no
  element renders: not done (those two figures are one A/B of their own). This round (A/B in alternated fresh contexts,
  \`--compare\`): the lexicons fetched beside the engine's files instead of after them
  (ready 273 → 246 ms), the coverage bar painted before the rest of the panel is built
  (the report's arrival to the bar's paint 68–110 → 17–24 ms in traces), the engine started
  when the element is connected rather than when its story is set. Sending the story and
  the report as JSON text instead of by structured clone: no gain (the report's clone
  read 0.5 ms, as \`JSON.parse\`; the story's clone 2 ms against \`JSON.stringify\`'s 4.5).

## Time

| articles | text MB | native ms (median) | native CPU ms (least) | MB/s (CPU) | µs/article (CPU) | WASM (Node) ms (median) | CPU ms (least) | CPU ÷ native | first call ms | WASM (Chromium) ms (median) | CPU ms (least) | CPU ÷ native | first call ms | Python ms (fastest of 3) | Python ÷ native (median) |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
${sizes.map(row).join('\n')}

WASM for 10 000 articles is one run in a fresh module (the memory measurement below), so
a first call, not a settled time; it is left out of the WASM ÷ native targets. WASM in
Chromium is the engine's package (\`dist/pkg\`) imported by a page served with the widget's
CSP, each story in a fresh browser context (\`node benches/browser.mjs --engine FILE…\`): its
first call is that context's first, with nothing compiled or cached. The first-call target
compares it with the settled median of the same context, round by round, and takes the
median of the three rounds' ratios.
The Python baseline (benches/baseline.py, benches/requirements.txt) is what a researcher would
write: \`CountVectorizer(ngram_range=(1, 3))\` and numpy computing the same z-scores (docs/METHOD.md §4)
(side against the rest, prior 500, same stopword rule, min count and outlet rule), without
sentence boundaries, display forms, examples or subsumption — a little less work than ours.
It is run up to 1 000 articles.

## Chromium (headless), 100 articles

| measure | value |
|---|---|
| WASM \`analyze\`, fresh context per story (best of three rounds' medians of 15, after the warm-up) | ${f(C[100].median_ms, 1)} ms; least CPU time ${f(CMin[100], 2)} ms (${f(CMin[100] / NMin[100], 2)}× native's) |
| … its first call (median of the rounds), and the second | ${f(median(chromium.filter((r) => r.articles === 100).map((r) => r.first_ms)), 1)} ms, ${f(median(chromium.filter((r) => r.articles === 100).map((r) => r.second_ms)), 1)} ms |
| widget, first element in a fresh page (engine fetched and compiled in its worker): connected → \`bias-compare-ready\` | ${f(browser.widget_cold.ready_ms, 1)} ms |
| … → first frame after it | ${f(browser.widget_cold.frame_ms, 1)} ms |
| … main-thread work in that span (script ${f(browser.widget_cold.script_ms, 1)}, style ${f(browser.widget_cold.style_ms, 1)}, layout ${f(browser.widget_cold.layout_ms, 1)}; range of the ${browser.widget_cold.runs} runs ${f(browser.widget_cold.main_thread_min_ms, 1)}–${f(browser.widget_cold.main_thread_max_ms, 1)}) | ${f(browser.widget_cold.main_thread_ms, 1)} ms |
| … main thread's CPU time in that span | ${f(browser.widget_cold.cpu_ms, 1)} ms |
| widget, second element (engine warm): connected → first frame | ${f(browser.widget_warm.frame_ms, 1)} ms |
| … main-thread work (CPU time) | ${f(browser.widget_warm.main_thread_ms, 1)} ms (${f(browser.widget_warm.cpu_ms, 1)} ms) |
| the page's \`import()\` of the element's module, before the span: main-thread work | ${f(browser.module_import?.main_thread_ms, 1)} ms |
| static page, the same report's DOM (${browser.static_dom_nodes} elements) and stylesheet, no WASM, no worker: append → first frame | ${f(browser.static_page.frame_ms, 1)} ms |
| … main-thread work (CPU time) | ${f(browser.static_page.main_thread_ms, 1)} ms (${f(browser.static_page.cpu_ms, 1)} ms) |
| widget ÷ static page: CPU, task time, first paint of the coverage bar | ${f(renderCpu, 2)}×, ${f(renderTask, 2)}×, ${f(renderPaint, 2)}× |

Each widget figure is the median of ${browser.widget_cold.runs} runs, each in a fresh browser context (a new
renderer process: nothing compiled, cached or laid out), alternated with as many runs of the
static page, each in a fresh context too; the gate is on the cold medians, the first render a
reader's page pays, against the static page's. The static page is the bench page with a
host element appended whose shadow root adopts the widget's stylesheet and is given the DOM
the widget rendered for the same story, as HTML (\`setHTMLUnsafe\`; served without the CSP,
which would block the serialized style attributes), measured over the same span (append →
first frame after it). When the worker answers with the first report, the widget shows
the coverage section alone (the rest of the panel keeps the loading height), and builds the
other sections in a task after the frame that paints it; \`bias-compare-ready\` waits for
them (docs/WIDGET.md). The coverage paint is timed by the first task after that frame, at
the scheduler's highest priority (\`scheduler.postTask\`, 'user-blocking'), which runs
before the widget's task for the rest. The analysis runs in the element's module worker, so its
time is in the wall-clock figures (connected → ready) but not in the main thread's.
Main-thread work is the page's task time from Chrome's DevTools \`Performance.getMetrics\`
(TaskDuration; ScriptDuration, RecalcStyleDuration and LayoutDuration are parts of it; CPU
time is ThreadTime, which a busy machine inflates much less than the wall-clock task time),
read before \`appendChild\` and after the first frame that follows \`bias-compare-ready\`;
waiting for the network and off-thread compilation is not counted, the benchmark's own
\`evaluate\` calls are (a fraction of a millisecond).

Why the cold render misses its target, from traces of cold runs on this machine
(\`node benches/browser.mjs --trace FILE\`, 2026-11-23). The span holds four main-thread tasks:
connecting the element (stylesheet, shadow root, starting the worker, posting the story to it:
about 7 ms of CPU), the loading skeleton's frame (about 6), building the panel's DOM from the
report (about 12) and the panel's first style, layout and paint (about 30). The same render in
a second element takes about 20 ms of CPU in all: the rest of the cold figure is Blink setting
things up once per renderer (fonts, shaping, style rules), which the host page does not share
because the widget uses its own font. The wall-clock task time is about twice the CPU time:
in the last task the thread is blocked for 10–15 ms on Chromium's font service (on Linux each
font size and weight new to the renderer is a synchronous call), and descheduled while the
browser process, the compositors and V8 (compiling the engine's optimized tier after the
worker's first analysis) take turns on the machine's two cores.
Changes kept (2026-11-23; A/B in alternated fresh contexts with
\`node benches/browser.mjs --compare OLD_DIST,dist\`): wasm-opt no longer inlines every
single-caller function, so the engine is no longer one 58 KB function that V8 took 100–240 ms
to compile in the background; three type sizes and two weights (font-service calls 14 → 9);
term rows cloned from one template row; disclosure buttons instead of \`<details>\` (a
user-agent shadow tree each); a row's letters and values as one block each; content-visibility
per column instead of per row. Together, 20 alternated runs: median 153 → 126 ms of task time,
CPU 65 → 57 ms (fastest 103 → 77 and 57 → 48). Tried and not kept, no difference within the
noise: no container queries, flex instead of grid for the columns, the page's font instead of
the widget's, no loading skeleton; earlier, one element per bar and one bold weight.
Leaving out the bars' letters and values saved about 12 ms of CPU, but the numbers are what
classrooms read, and docs/WIDGET.md promises every term's rate on each side.

## The boundary: how the report crosses into JS

The engine hands the report to JS as JSON text (\`Report::to_compact_json\` in WASM, decoded
by the glue's \`TextDecoder\`, then \`JSON.parse\`); the alternative the design card named
is \`serde-wasm-bindgen\`, which builds the JS objects from Rust one property at a time
through imported JS calls. The JSON crossing costs what the table shows: decoding and
parsing the report's text in Node (median of 201, \`node benches/wasm-node.mjs boundary\`),
beside the whole settled \`analyze\` call in the same process, and the native writing of the
report's text beside the whole native analysis (\`to_json_median_ms\` of the bench binary;
it writes the indented text, a little more than WASM's compact one).

| articles | report kB | WASM \`analyze\` in Node, ms | decode + \`JSON.parse\`, ms (share) | native report writing, ms (share) |
|---|---|---|---|---|
${boundary.map(boundaryRow).join('\n')}

Together these are the most that building objects directly could save, and it would not
save all of it (each property set through a JS import is a boundary crossing of its own).
\`serde-wasm-bindgen\` was not built and measured: it needs \`Serialize\` on every report
type (the report is written by the hand-written writer of \`src/report/json.rs\`) and adds
serde's serializer and the crate's glue to the WASM module, kilobytes of the 120 KiB
budget, for at most the share above. JSON text is kept.

## Memory

| measure | value |
|---|---|
| 10 000 articles, input JSON | ${mb(wasmMemory.input_bytes)} MB |
| WebAssembly.Memory: initial → after the analysis (it never shrinks, so this is the peak) | ${mb(wasmMemory.wasm_memory_initial)} → ${mb(wasmMemory.wasm_memory_peak)} MB (${f(memRatio, 2)}× input) |
| JS heap taken by the report object | ${mb(wasmMemory.js_heap_report_bytes)} MB |
| time of that single analysis | ${f(wasmMemory.ms / 1000, 2)} s |
| 200 analyses of 100 articles, Node: WASM memory after 5 → after 200 | ${mb(repeat.wasm_after_5)} → ${mb(repeat.wasm_after_n)} MB |
| … JS heap after 5 → after 200 (after GC) | ${mb(repeat.heap_after_5)} → ${mb(repeat.heap_after_n)} MB |
| 200 analyses in one Chromium page: WASM memory after 5 → after 200 | ${mb(browser.wasm_after_5)} → ${mb(browser.wasm_after_200)} MB |
| … JS heap after 5 → after 200 (after GC) | ${browser.heap_after_5 == null ? '—' : `${mb(browser.heap_after_5)} → ${mb(browser.heap_after_200)} MB`} |

## Many stories

A JSON Lines corpus scored by each way of scoring many stories (benches/scale.sh; docs/SCALE.md
has what the figures mean and the plan for a cluster): ${S['batch-jobs-1'].stories.toLocaleString('en-US')} stories of 20
articles (\`python3 benches/gen_corpus.py --stories 1000\`; ${f(S['batch-jobs-1'].story_bytes / 1e3, 0)} KB of JSON a story,
${f(S['batch-jobs-1'].report_bytes / 1e3, 0)} KB of report), and ten times as many for the last two rows. The configurations
take turns for ${S['batch-jobs-1'].rounds} rounds and the fastest run of each is shown; wall clock, CPU (the
process and its children) and peak resident memory from \`/usr/bin/time\`. Every Dask output was
compared with \`batch\`'s, byte for byte. Load average ${f(S['batch-jobs-1'].load[0], 1)} at the start and
${f(S['batch-jobs-1'].load[1], 1)} at the end, on ${machine.cores} cores: on a shared machine the wall-clock rates are
what was left over, and the CPU a story depends less on the other jobs.

| run | stories | wall s | stories/s | CPU s | CPU ms a story | cores used (CPU ÷ wall) | peak RSS MiB |
|---|---|---|---|---|---|---|---|
${[
    ['python-loop', 'Python package, \`analyze_json\` on each line in a loop'],
    ['cli-analyze-loop', '\`bias-compare analyze -\`, one process a story'],
    ['batch-jobs-1', '\`bias-compare batch --jobs 1\`'],
    ['batch-jobs-2', '\`bias-compare batch --jobs 2\`'],
    ['dask-workers-1', 'Dask, \`score.py --workers 1\` (4 MiB partitions)'],
    ['dask-workers-2', 'Dask, \`score.py --workers 2\` (4 MiB partitions)'],
    ['batch-jobs-2-big', '\`bias-compare batch --jobs 2\`'],
    ['dask-workers-2-big', 'Dask, \`score.py --workers 2\` (16 MiB partitions)'],
  ].map(([name, label]) => {
    const r = S[name];
    return `| ${label} | ${r.stories.toLocaleString('en-US')} | ${f(r.wall_s, 2)} | ${f(rate(name), 0)} | ${f(r.cpu_s, 2)} | ${f(cpuPer(name) * 1000, 2)} | ${f(r.cpu_s / r.wall_s, 2)} | ${f(r.rss_kib / 1024)} |`;
  }).join('\n')}

| ratio, measured side by side | value |
|---|---|
| \`batch --jobs 2\` ÷ \`--jobs 1\`, stories/s (1 000 stories; 2 at most on ${machine.cores} cores) | ${f(rate('batch-jobs-2') / rate('batch-jobs-1'), 2)}× |
| \`batch --jobs 1\` ÷ the Python package in a loop, stories/s | ${f(rate('batch-jobs-1') / rate('python-loop'), 2)}× |
| the Python loop ÷ \`batch --jobs 1\`, CPU a story | ${f(cpuPer('python-loop') / cpuPer('batch-jobs-1'), 2)}× |
| one \`analyze\` process a story ÷ \`batch --jobs 1\`, CPU a story | ${f(cpuPer('cli-analyze-loop') / cpuPer('batch-jobs-1'), 2)}× |
| Dask, 2 workers ÷ 1 worker, stories/s (1 000 stories) | ${f(rate('dask-workers-2') / rate('dask-workers-1'), 2)}× |
| \`batch --jobs 2\` ÷ Dask with 2 workers, stories/s (10 000 stories) | ${f(rate('batch-jobs-2-big') / rate('dask-workers-2-big'), 2)}× |
| Dask with 2 workers ÷ \`batch --jobs 2\`, CPU a story (10 000 stories) | ${f(cpuPer('dask-workers-2-big') / cpuPer('batch-jobs-2-big'), 2)}× |
| \`batch --jobs 2\` peak RSS, 10 000 ÷ 1 000 stories | ${f(rssGrowth, 2)}× |

## The WASM build: size against speed

With the language analysis the module no longer fit the widget's 120 KiB at opt-level "s",
so the crate is built at "z" with its hot paths at \`optimize(speed)\` (the dependencies and
the standard library at "s"): the hot paths are the functions of \`src/text/\` and
\`src/stats/\` that read or count text, and their callers \`Visit::new\`, \`without_markup\`,
the JSON reader's values and strings, the report's JSON strings and the language pass
(marked \`#[cfg_attr(hot_paths_for_speed, optimize(speed))]\`, with \`inline(never)\` where
a single caller would otherwise absorb them at "z"); the native builds are not affected.
The table in "Where the gates stand" above (\`node benches/wasm-builds.mjs\`) gives the
current trade: the crate at "s" would be 5.8 KB larger and 3–11 % faster. Measured when
the choice was made: wasm-opt's one-caller inlining capped at 40 bytes instead of 100 saved
1.6 KB for 1–2.5 % more CPU; panics without locations saved 0.3 KB.

## Reproduce

\`\`\`sh
npm run bench                    # = bash scripts/bench.sh; about 8½ minutes on this machine once benches/corpus, benches/.venv and the builds exist; exits 1 if a target is missed
node benches/wasm-builds.mjs     # the WASM build's variants, size against speed (not part of npm run bench: about 3 minutes of build per variant)
\`\`\`

It builds the release CLI and \`target/release/bias-compare-bench\` (benches/src/main.rs),
builds dist/ when it is older than the Rust sources, generates benches/corpus/, creates
benches/.venv for the baseline, then runs benches/wasm-node.mjs, benches/baseline.py,
benches/browser.mjs and benches/scale.sh (which builds the Python package's venv and wheel in
target/python, scripts/python-env.sh, and generates its JSON Lines corpora), and writes this
file and docs/benchmarks.svg (benches/report.mjs).
\`benches/framing-only.json\` is the options object that turns off every analysis that has a
switch (\`${framingOptions}\`), leaving coverage, facets and framing with its
outlet-level permutation test, which is always on; each round times native \`analyze\` at
1 000 articles with it, after the defaults, for the gate on what the other analyses cost (a
new analysis with a switch: add it there). \`BENCH_OPTIONS='{…}'\` passes options to the WASM
harnesses (\`benches/wasm-node.mjs\`, \`benches/browser.mjs --engine\`) and
\`--options '{…}'\` to the bench binary, to time any analysis there too.
`;
writeFileSync(join(ROOT, 'docs', 'BENCHMARKS.md'), md);
writeFileSync(join(ROOT, 'docs', 'benchmarks.svg'), svg());
let failed = 0;
for (const [t, v, ok] of targets) {
  console.log(`${ok == null ? 'n/a ' : ok ? 'pass' : 'FAIL'}  ${t}: ${v}`);
  if (ok === false) failed++;
}
process.exit(failed ? 1 : 0);
