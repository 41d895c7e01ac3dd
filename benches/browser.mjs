// Headless Chromium: WASM `analyze` on one story, and the <bias-compare> widget's first
// render of it, served from dist/ with the strict CSP (SPEC §5) through request routing.
//
//   node benches/browser.mjs benches/corpus/story-100.json
//
// Prints one JSON line: wasm median ms; the widget's time from connectedCallback (appendChild
// with the `story` property set) to `bias-compare-ready` and to the first frame after it; its
// main-thread work over that span (Chrome's own TaskDuration/ScriptDuration/Layout/Style
// counters from the DevTools protocol, so waits for the network and off-thread compilation
// are not counted); the same for a second element once the engine is warm; and the
// WebAssembly.Memory and JS heap after 5 and after 200 analyses in the same page.
import { readFileSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const storyFile = process.argv[2] ?? join(ROOT, 'benches/corpus/story-100.json');
const ORIGIN = 'http://bench.test';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };
const PAGE = '<!doctype html><meta charset="utf-8"><title>bench</title><body></body>';

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
try {
  const context = await browser.newContext();
  await context.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    let body;
    if (path === '/bench.html') body = PAGE;
    else if (path === '/story.json') body = readFileSync(storyFile);
    else body = readFileSync(join(DIST, normalize(path).replace(/^(\.\.[/\\])+/, '')));
    return route.fulfill({ status: 200, body, headers: { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-security-policy': CSP } });
  });

  // 1. The widget, cold (first element: the engine is fetched, compiled and instantiated).
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${ORIGIN}/bench.html`);
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await page.evaluate(async () => {
    window.__story = await (await fetch('/story.json')).json();
    await import('/bias-compare.js');
  });
  const widget = async () => {
    const before = await metrics();
    const times = await page.evaluate(() => new Promise((resolve, reject) => {
      const el = document.createElement('bias-compare');
      el.story = window.__story;
      const start = performance.now();
      el.addEventListener('bias-compare-error', (e) => reject(new Error(e.detail.message)));
      el.addEventListener('bias-compare-ready', () => {
        const ready = performance.now();
        requestAnimationFrame(() => setTimeout(() => resolve({ ready_ms: ready - start, frame_ms: performance.now() - start }), 0));
      });
      document.body.append(el);
    }));
    const after = await metrics();
    const d = (k) => 1000 * ((after[k] ?? 0) - (before[k] ?? 0));
    return { ...times, main_thread_ms: d('TaskDuration'), script_ms: d('ScriptDuration'), layout_ms: d('LayoutDuration'), style_ms: d('RecalcStyleDuration') };
  };
  const cold = await widget();
  const warm = await widget();

  // 2. WASM analyze in the page, and memory over 200 repeated analyses.
  const inPage = await page.evaluate(async () => {
    const engine = await import('/pkg/bias_compare.js');
    const wasm = await engine.default({ module_or_path: '/pkg/bias_compare_bg.wasm' });
    const text = await (await fetch('/story.json')).text();
    engine.analyze(text);
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
    return { wasm_median_ms: times[times.length >> 1], wasm_after_5: early.wasm, wasm_after_200: late.wasm, heap_after_5: early.heap, heap_after_200: late.heap };
  });
  console.log(JSON.stringify({ file: storyFile, widget_cold: cold, widget_warm: warm, ...inPage }));
} finally {
  await browser.close();
}
