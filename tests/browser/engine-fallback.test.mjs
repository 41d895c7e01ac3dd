// Where the engine runs: in the element's module worker when the page can start one, and on
// the page's main thread when it cannot (no Worker, the worker script unavailable, or a worker
// that may not compile WebAssembly). The report is the same either way, and a page whose
// worker runs the engine never loads the engine's glue on its main thread.
//
// The main thread's own requests are read from its Resource Timing entries, which a worker's
// requests do not appear in.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appendElement, browserAndServerForThisFile, expectedReport, sampleStory } from './helpers.mjs';

const shared = browserAndServerForThisFile();
const STORY = sampleStory('drone-raid.json');

/**
 * Opens the test host page in a fresh context prepared by `prepare(context)`, renders STORY in
 * a new element, and resolves to its outcome and the main thread's requests.
 */
async function render(prepare = async () => {}) {
  const context = await shared.browser.newContext();
  try {
    await prepare(context);
    const page = await context.newPage();
    await page.goto(shared.server.url('/__test__/host.html'));
    await page.waitForFunction(() => customElements.get('bias-compare'));
    const outcome = await appendElement(page, STORY);
    const mainThread = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
    return { outcome, mainThread };
  } finally {
    await context.close();
  }
}

test('with a worker, the main thread loads the element only: the glue and the .wasm are the worker\'s', async () => {
  const { outcome, mainThread } = await render();
  assert.ok(outcome.ok, outcome.message);
  assert.deepEqual(outcome.report, await expectedReport(STORY));
  assert.ok(mainThread.includes('/bias-compare.js'), 'precondition: the main thread\'s requests are seen');
  assert.ok(!mainThread.includes('/pkg/bias_compare.js'), 'the glue is not imported on the main thread');
  assert.ok(!mainThread.includes('/pkg/bias_compare_bg.wasm'), 'the .wasm is not fetched on the main thread');
});

test('without Worker, the engine runs on the main thread with the same report', async () => {
  const { outcome, mainThread } = await render((context) => context.addInitScript({ content: 'delete window.Worker;' }));
  assert.ok(outcome.ok, outcome.message);
  assert.deepEqual(outcome.report, await expectedReport(STORY));
  assert.ok(mainThread.includes('/pkg/bias_compare.js'), 'the glue is imported on the main thread');
  assert.ok(!mainThread.includes('/bias-compare-worker.js'), 'no worker is started');
});

test('when the worker script cannot load, the engine runs on the main thread', async () => {
  const { outcome, mainThread } = await render((context) => context.route('**/bias-compare-worker.js', (route) => route.abort('blockedbyclient')));
  assert.ok(outcome.ok, outcome.message);
  assert.deepEqual(outcome.report, await expectedReport(STORY));
  assert.ok(mainThread.includes('/pkg/bias_compare.js'), 'the glue is imported on the main thread');
});

test('when the worker may not compile WebAssembly (its CSP lacks wasm-unsafe-eval), the engine runs on the main thread', async () => {
  const { outcome, mainThread } = await render((context) =>
    context.route('**/bias-compare-worker.js', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers(), 'content-security-policy': "default-src 'self'; script-src 'self'" };
      await route.fulfill({ response, headers });
    }),
  );
  assert.ok(outcome.ok, outcome.message);
  assert.deepEqual(outcome.report, await expectedReport(STORY));
  assert.ok(mainThread.includes('/pkg/bias_compare.js'), 'the glue is imported on the main thread');
});
