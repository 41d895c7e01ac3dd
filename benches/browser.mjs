// Headless Chromium: WASM `analyze` on one story, and the <bias-compare> widget's first
// render of it, served from dist/ with the strict CSP (docs/WIDGET.md) through request routing.
//
//   node benches/browser.mjs benches/corpus/story-100.json [--runs N] [--trace FILE]
//
// Prints one JSON line. The widget is measured RUNS times (default 7), each time in a fresh
// browser context (a new renderer process: nothing compiled, cached or laid out before):
//
//   cold  the first element of the page: the engine is fetched, compiled and instantiated (in
//         the element's worker), the story analyzed, the report rendered. This is what a
//         reader's page pays, so the render gate is on it.
//   warm  a second element in the same page, once the engine is loaded.
//
// For each: wall time from appendChild (with the `story` property set) to `bias-compare-ready`
// and to the first frame after it (rAF + setTimeout 0), and to the first paint of the coverage
// bar (`coverage_paint_ms`: the first task after the frame that shows it, posted with
// scheduler.postTask at 'user-blocking' priority so that it runs before the widget's own
// work queued for after that frame; the static page's first paint is timed alike); the main
// thread's work over that span,
// from Chrome's DevTools Performance.getMetrics: TaskDuration (wall time of the main thread's
// tasks: waiting for the network, the worker and off-thread compilation is not counted, time
// the thread was descheduled on a busy machine is) with its parts ScriptDuration,
// RecalcStyleDuration and LayoutDuration, and ThreadTime (the main thread's CPU time, which a
// busy machine inflates much less). `widget_cold` and `widget_warm` hold the median of the
// runs for each figure (`runs`, and `main_thread_min_ms` / `main_thread_max_ms` give the
// spread); the page's own `import()` of the element's module comes before the span and is
// reported apart (`module_import`). The bench page has a paragraph of text of its own, as a
// reader's page would, and nothing else.
//
// --trace FILE writes a Chrome trace of one more cold run (open it in DevTools' Performance
// panel or https://ui.perfetto.dev).
//
// After the first frame, `next_frames_main_thread_ms` is the main thread's work over the two
// frames that follow it: what the panel still does once it shows (laying out the framing
// columns that were out of view for the first frame, docs/WIDGET.md).
//
// --viewport WxH sets the page's size (default 1280x720); at a phone's 375x700 the framing
// columns stack and the lower ones start out of view.
//
// --compare DIR,DIR,… measures only the widget, from each build directory in turn (e.g. dist/
// and a copy of an earlier dist/), RUNS rounds of one fresh context each, and prints one JSON
// line per directory: the A/B behind the widget changes in docs/BENCHMARKS.md. On a shared
// machine a slow spell then falls on every build alike.
//
// Then, in one page: the first `analyze` call, the median of 15 after BENCH_WARMUP_MS (1000)
// of warm-up calls, and the WebAssembly.Memory and JS heap after 5 and after 200 analyses.
//
//   node benches/browser.mjs --engine FILE...
//
// measures only WASM `analyze` in the page, as benches/wasm-node.mjs does in Node: for each
// story, in a fresh browser context (nothing compiled or cached), the engine's module is
// imported and instantiated, the lexicons given (`lexicons_ms`), the first call timed (the cold module a page that analyzes
// once pays), then BENCH_WARMUP_MS of untimed calls and the median and fastest of 15
// samples, each a batch of calls lasting at least 50 ms (the page's clock ticks in 0.1 ms,
// a sixth of the 10-article story's time), divided by the batch's size; and the same
// samples' CPU time, the page's main thread's (ThreadTime of DevTools'
// Performance.getMetrics, read before and after each batch). Prints
// one JSON line per story. BENCH_OPTIONS (JSON) is the options object passed to `analyze`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CSP } from '../scripts/serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  if (at < 0) return fallback;
  const [value] = argv.splice(at, 2).slice(1);
  return value;
};
const RUNS = Number(option('--runs', process.env.BENCH_RUNS ?? 15));
const TRACE = option('--trace', null);
const COMPARE = option('--compare', null);
const ENGINE = argv.includes('--engine') ? argv.splice(argv.indexOf('--engine'), 1) && true : false;
const OPTIONS = JSON.parse(process.env.BENCH_OPTIONS ?? '{}');
const [VIEW_WIDTH, VIEW_HEIGHT] = option('--viewport', '1280x720').split('x').map(Number);
const storyFile = argv[0] ?? join(ROOT, 'benches/corpus/story-100.json');
const ORIGIN = 'http://bench.test';
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };
const PAGE =
  '<!doctype html><meta charset="utf-8"><title>bench</title><body><h1>A news story</h1><p>' +
  'The council met on Tuesday to discuss the budget, and the vote is expected next week. '.repeat(12) +
  '</p></body>';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

async function newContext(dist = DIST, { csp = true } = {}) {
  const context = await browser.newContext({ viewport: { width: VIEW_WIDTH, height: VIEW_HEIGHT } });
  await context.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    let body;
    if (path === '/bench.html') body = PAGE;
    else if (path === '/story.json') body = readFileSync(storyFile);
    else body = readFileSync(join(dist, normalize(path).replace(/^(\.\.[/\\])+/, '')));
    const headers = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' };
    if (csp) headers['content-security-policy'] = CSP;
    return route.fulfill({ status: 200, body, headers });
  });
  return context;
}

/** A fresh page with the story loaded and the element's module imported. */
async function benchPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${ORIGIN}/bench.html`);
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await page.evaluate(async () => {
    window.__story = await (await fetch('/story.json')).json();
  });
  const before = await metrics();
  const importMs = await page.evaluate(async () => {
    const start = performance.now();
    await import('/bias-compare.js');
    return performance.now() - start;
  });
  const after = await metrics();
  const moduleImport = { wall_ms: importMs, main_thread_ms: 1000 * (after.TaskDuration - before.TaskDuration) };
  return { page, cdp, metrics, moduleImport };
}

/** Appends one element with the story; the figures of its first render. */
async function widget({ page, metrics }) {
  const before = await metrics();
  const times = await page.evaluate(() => new Promise((resolve, reject) => {
    const el = document.createElement('bias-compare');
    el.story = window.__story;
    const start = performance.now();
    el.addEventListener('bias-compare-error', (e) => reject(new Error(e.detail.message)));
    let coverage = null;
    let alone = false; // the rest of the panel was not built yet when the paint was timed
    const seen = new MutationObserver(() => {
      if (coverage === null && el.shadowRoot.querySelector('[data-role=coverage]')) {
        coverage = 0;
        seen.disconnect();
        // After the frame that paints it: the first task once that frame is done, at the
        // scheduler's highest priority, so that the widget's own work queued for after the
        // frame (the rest of the panel, built once the bar shows) is not counted in.
        requestAnimationFrame(() => scheduler.postTask(() => {
          coverage = performance.now() - start;
          alone = el.shadowRoot.querySelector('.framing') === null;
        }, { priority: 'user-blocking' }));
      }
    });
    seen.observe(el.shadowRoot, { childList: true, subtree: true });
    el.addEventListener('bias-compare-ready', () => {
      const ready = performance.now();
      requestAnimationFrame(() => setTimeout(() => resolve({ ready_ms: ready - start, frame_ms: performance.now() - start, coverage_paint_ms: coverage || performance.now() - start, coverage_alone: alone ? 1 : 0 }), 0));
    });
    document.body.append(el);
  }));
  const after = await metrics();
  const d = (k) => 1000 * ((after[k] ?? 0) - (before[k] ?? 0));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => setTimeout(resolve, 0)), 0))));
  const later = await metrics();
  return {
    ...times,
    next_frames_main_thread_ms: 1000 * (later.TaskDuration - after.TaskDuration),
    main_thread_ms: d('TaskDuration'),
    cpu_ms: d('ThreadTime'),
    script_ms: d('ScriptDuration'),
    layout_ms: d('LayoutDuration'),
    style_ms: d('RecalcStyleDuration'),
  };
}

/** The report's DOM and stylesheet as the widget rendered them, for the static page. */
async function capturedReport() {
  const context = await newContext();
  const session = await benchPage(context);
  await widget(session);
  const captured = await session.page.evaluate(() => {
    const root = document.querySelector('bias-compare').shadowRoot;
    const css = [...root.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
    return { html: root.innerHTML, css };
  });
  await context.close();
  return captured;
}

/**
 * The static page: in a fresh context, the same bench page (served without the CSP, which
 * would block the serialized DOM's style attributes) appends a host whose shadow root adopts
 * the widget's stylesheet and is given the report's DOM as HTML. No WASM, no worker, no
 * module of the widget. Measured from the append to the first frame after it, as the widget.
 */
async function staticPage({ html, css }) {
  const context = await newContext(DIST, { csp: false });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${ORIGIN}/bench.html`);
  await page.evaluate(([h, c]) => { window.__html = h; window.__css = c; }, [html, css]);
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  const times = await page.evaluate(() => new Promise((resolve) => {
    const start = performance.now();
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(window.__css);
    root.adoptedStyleSheets = [sheet];
    root.setHTMLUnsafe(window.__html);
    document.body.append(host);
    // The first paint as the widget's is timed (the first task after the frame, at the
    // scheduler's highest priority), and the frame as the widget's (a timer after it).
    let paint = null;
    requestAnimationFrame(() => {
      scheduler.postTask(() => { paint = performance.now() - start; }, { priority: 'user-blocking' });
      setTimeout(() => resolve({ frame_ms: performance.now() - start, coverage_paint_ms: paint ?? performance.now() - start }), 0);
    });
  }));
  const after = await metrics();
  const d = (k) => 1000 * ((after[k] ?? 0) - (before[k] ?? 0));
  await context.close();
  return { ...times, main_thread_ms: d('TaskDuration'), cpu_ms: d('ThreadTime'), script_ms: d('ScriptDuration'), layout_ms: d('LayoutDuration'), style_ms: d('RecalcStyleDuration') };
}

function summary(samples) {
  const out = { runs: samples.length };
  for (const key of Object.keys(samples[0])) out[key] = median(samples.map((s) => s[key]));
  out.main_thread_min_ms = Math.min(...samples.map((s) => s.main_thread_ms));
  out.main_thread_max_ms = Math.max(...samples.map((s) => s.main_thread_ms));
  return out;
}

/** WASM `analyze` on one story in a fresh context: first call, then settled median. */
async function engineTimes(file) {
  const context = await newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value * 1000;
  await context.route(`${ORIGIN}/story.json`, (route) => route.fulfill({ status: 200, body: readFileSync(file), headers: { 'content-type': 'application/json' } }));
  await page.goto(`${ORIGIN}/bench.html`);
  const warmupMs = Number(process.env.BENCH_WARMUP_MS ?? 1000);
  const setup = await page.evaluate(async ([warmup, options]) => {
    const text = await (await fetch('/story.json')).text();
    const engine = await import('/pkg/bias_compare.js');
    await engine.default({ module_or_path: '/pkg/bias_compare_bg.wasm' });
    // The lexicons of the language section, on by default, as in Node and natively (where
    // the crate embeds them): read before the first call, and timed apart.
    const lexicons = await (await fetch('/bias-compare-lexicons.txt')).text();
    const lexiconsStart = performance.now();
    engine.setLexicons(lexicons);
    const lexiconsMs = performance.now() - lexiconsStart;
    const firstStart = performance.now();
    const report = engine.analyze(text, options);
    const first = performance.now() - firstStart;
    const second = performance.now();
    engine.analyze(text, options);
    const secondMs = performance.now() - second;
    for (let warmed = first + secondMs; warmed < warmup;) {
      const t = performance.now();
      engine.analyze(text, options);
      warmed += performance.now() - t;
    }
    // The page's clock ticks in 0.1 ms, and reading the CPU time costs the thread a little:
    // each sample is a batch of calls lasting ≥ 50 ms.
    const calibrate = performance.now();
    for (let j = 0; j < 10; j++) engine.analyze(text, options);
    const batch = Math.max(1, Math.ceil(50 / Math.max((performance.now() - calibrate) / 10, 0.05)));
    window.__batch = () => {
      const t = performance.now();
      for (let j = 0; j < batch; j++) engine.analyze(text, options);
      return performance.now() - t;
    };
    if (options.language !== false && !report.language) throw new Error('the language section is missing: were the lexicons read?');
    return { articles: report.coverage.total_articles, batch, lexicons_ms: lexiconsMs, first_ms: first, second_ms: secondMs };
  }, [warmupMs, OPTIONS]);
  const times = [];
  const cpuTimes = [];
  for (let i = 0; i < 15; i++) {
    const cpuStart = await threadTime();
    const ms = await page.evaluate(() => window.__batch());
    cpuTimes.push((await threadTime() - cpuStart) / setup.batch);
    times.push(ms / setup.batch);
  }
  await context.close();
  const sorted = (values) => [...values].sort((a, b) => a - b);
  const [t, c] = [sorted(times), sorted(cpuTimes)];
  return { file, ...setup, runs: t.length, median_ms: t[t.length >> 1], min_ms: t[0], cpu_median_ms: c[c.length >> 1], cpu_min_ms: c[0] };
}

try {
  if (ENGINE) {
    for (const file of argv) console.log(JSON.stringify(await engineTimes(file)));
  } else if (COMPARE) {
    const dists = COMPARE.split(',');
    const samples = dists.map(() => ({ cold: [], warm: [], imports: [] }));
    for (let i = 0; i < RUNS; i++) {
      for (const [j, dist] of dists.entries()) {
        const context = await newContext(dist);
        const session = await benchPage(context);
        samples[j].imports.push(session.moduleImport);
        samples[j].cold.push(await widget(session));
        samples[j].warm.push(await widget(session));
        await context.close();
      }
    }
    for (const [j, dist] of dists.entries()) {
      const { cold, warm, imports } = samples[j];
      const cpu = cold.map((s) => s.cpu_ms);
      console.log(JSON.stringify({ dist, widget_cold: { ...summary(cold), cpu_min_ms: Math.min(...cpu) }, widget_warm: summary(warm), module_import: summary(imports) }));
    }
  } else {
    // 1. The widget, RUNS times, each in a fresh context: cold (first element), then warm;
    // alternated with the static page holding the same report's DOM and stylesheet.
    const cold = [];
    const warm = [];
    const imports = [];
    const statics = [];
    const report = await capturedReport();
    for (let i = 0; i < RUNS; i++) {
      const context = await newContext();
      const session = await benchPage(context);
      imports.push(session.moduleImport);
      cold.push(await widget(session));
      warm.push(await widget(session));
      await context.close();
      statics.push(await staticPage(report));
    }
    if (TRACE) {
      const context = await newContext();
      const session = await benchPage(context);
      const events = [];
      session.cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
      const complete = new Promise((resolve) => session.cdp.once('Tracing.tracingComplete', resolve));
      await session.cdp.send('Tracing.start', {
        traceConfig: { includedCategories: ['devtools.timeline', 'toplevel', 'v8.execute', 'blink', 'loading', 'v8.wasm', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'] },
        transferMode: 'ReportEvents',
      });
      await widget(session);
      await session.cdp.send('Tracing.end');
      await complete;
      writeFileSync(TRACE, JSON.stringify({ traceEvents: events }));
      await context.close();
    }
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/bench.html`);
    // The coverage paint must be timed before the widget builds the rest of the panel.
    if (cold.some((s) => !s.coverage_alone)) throw new Error('the coverage bar\'s paint was timed after the rest of the panel was built');
    const widget_cold = summary(cold);
    const widget_warm = summary(warm);
    const module_import = summary(imports);
    const static_page = summary(statics);

    // 2. WASM analyze in the page (the first call, then the median of 15 after a warm-up as
    // long as the native and Node harnesses', which V8 needs to swap in optimized code), and
    // memory over 200 repeated analyses.
    const warmupMs = Number(process.env.BENCH_WARMUP_MS ?? 1000);
    const inPage = await page.evaluate(async (warmup) => {
      const engine = await import('/pkg/bias_compare.js');
      const wasm = await engine.default({ module_or_path: '/pkg/bias_compare_bg.wasm' });
      engine.setLexicons(await (await fetch('/bias-compare-lexicons.txt')).text());
      const text = await (await fetch('/story.json')).text();
      const firstStart = performance.now();
      engine.analyze(text);
      const first = performance.now() - firstStart;
      for (let warmed = first; warmed < warmup;) {
        const t = performance.now();
        engine.analyze(text);
        warmed += performance.now() - t;
      }
      const times = [];
      for (let i = 0; i < 15; i++) {
        const t = performance.now();
        engine.analyze(text);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const sample = () => { globalThis.gc?.(); return { wasm: wasm.memory.buffer.byteLength, heap: performance.memory?.usedJSHeapSize ?? null }; };
      let early;
      for (let i = 1; i <= 200; i++) {
        engine.analyze(text);
        if (i === 5) early = sample();
      }
      const late = sample();
      return { wasm_first_ms: first, wasm_median_ms: times[times.length >> 1], wasm_after_5: early.wasm, wasm_after_200: late.wasm, heap_after_5: early.heap, heap_after_200: late.heap };
    }, warmupMs);
    console.log(JSON.stringify({ file: storyFile, widget_cold, widget_warm, module_import, static_page, static_dom_nodes: (report.html.match(/<[a-z]/g) ?? []).length, widget_samples: { cold, warm, static: statics }, ...inPage }));
  }
} finally {
  await browser.close();
}
