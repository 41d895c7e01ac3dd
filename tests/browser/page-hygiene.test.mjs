// The demo under the strict CSP of docs/WIDGET.md: no CSP violation, no console error, no page
// error, and no request but the demo's files, the widget's shipped files (each once) and the
// story `src`.
//
// One walk through the demo (every sample, every segment, a term's examples, the paste box)
// is recorded once; each test then checks one property of that record.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LEXICONS, SHIPPED } from '../../scripts/build/shipped.mjs';
import { CSP, launchBrowser, outcomeOf, pickSample, sampleIndex, settled, startServer, watch } from './helpers.mjs';

const SIDES = ['left', 'center', 'right'];

let browser;
let server;
let context;
let page;
let log;
let routed; // every request URL the context made, seen by context.route('**/*')
let aborted; // requests the route refused (not same-origin)
let mainResponse;
const rendered = [];

before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  routed = [];
  aborted = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    routed.push(url);
    if (new URL(url).origin !== server.origin) {
      aborted.push(url);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  page = await context.newPage();
  log = await watch(page);
  mainResponse = await page.goto(server.url('index.html'));
  const first = await settled(page, '#demo');
  assert.ok(first.ok, `the demo's first sample should render: ${first.message}`);
  for (const { file } of sampleIndex()) {
    const outcome = await pickSample(page, file);
    rendered.push({ file, ok: outcome.ok, message: outcome.message });
    for (const side of SIDES) await page.click(`#demo [data-role="coverage"] button[data-side="${side}"]`);
    await page.keyboard.press('Escape');
    const term = page.locator('#demo [data-role="term"] button').first();
    if (await term.count()) await term.click();
  }
  // The paste box: a bad story, then a good one, through the `story` property.
  await page.click('.paste summary');
  await page.fill('#story-input', '{"articles": 5}');
  const bad = await outcomeOf(page, () => page.click('#analyze-button'), '#demo');
  rendered.push({ file: 'pasted {"articles": 5}', ok: !bad.ok, message: bad.message });
  await page.click('#copy-sample-button');
  await page.waitForFunction(() => document.getElementById('story-input').value.length > 100);
  const good = await outcomeOf(page, () => page.click('#analyze-button'), '#demo');
  rendered.push({ file: 'pasted sample', ok: good.ok, message: good.message });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('precondition: the demo walk rendered every sample and the pasted stories', () => {
  for (const r of rendered) assert.ok(r.ok, `${r.file}: unexpected outcome ${r.message ?? ''}`);
});

test('the demo is served with the strict CSP of docs/WIDGET.md', () => {
  assert.equal(
    mainResponse.headers()['content-security-policy'],
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
    'index.html carries exactly the policy docs/WIDGET.md names',
  );
  assert.equal(CSP, mainResponse.headers()['content-security-policy']);
});

test('strict CSP: no securitypolicyviolation event and no CSP report in the console; the widget renders', async () => {
  const violations = await log.cspViolations();
  assert.deepEqual(violations, [], 'no CSP violation expected');
  const cspMessages = log.console.filter((m) => /Content Security Policy|Refused to/i.test(m));
  assert.deepEqual(cspMessages, [], 'no CSP message in the console');
  const coverage = await page.locator('#demo [data-role="coverage"] button[data-side]').count();
  assert.equal(coverage, 3, 'the widget shows its three coverage segments under the CSP');
});

test('the demo logs no console error or warning', () => {
  assert.deepEqual(log.console, [], 'console errors/warnings');
});

test('the demo throws no page error and opens no dialog', () => {
  assert.deepEqual(log.errors, [], 'uncaught exceptions / unhandled rejections');
  assert.deepEqual(log.dialogs, [], 'dialogs');
});

test('every request succeeds', () => {
  assert.deepEqual(log.failed, [], 'failed requests');
  assert.deepEqual(log.badStatus, [], 'HTTP error responses');
});

test('requests: only same-origin, only the demo files, the widget, its worker, its engine and each story src', () => {
  assert.deepEqual(aborted, [], 'no request may leave the page\'s origin');
  const paths = routed.map((url) => new URL(url).pathname);
  const samples = sampleIndex().map((s) => `/samples/${s.file}`);
  // The lexicons too: the demo analyzes with the language section on.
  const widget = [...SHIPPED, LEXICONS].map((name) => `/${name}`);
  const allowed = new Set(['/index.html', '/demo.css', '/demo.js', '/favicon.svg', ...widget, ...samples]);
  const unexpected = paths.filter((path) => !allowed.has(path));
  assert.deepEqual(unexpected, [], `unexpected requests; allowed: ${[...allowed].join(', ')}`);
  // The engine runs in one module worker per page, which imports the glue and fetches the .wasm
  // itself (the page does not: the glue is loaded on the main thread only as a fallback).
  for (const file of widget) {
    assert.equal(paths.filter((p) => p === file).length, 1, `${file} is requested exactly once (one engine per page)`);
  }
  for (const sample of samples) assert.ok(paths.includes(sample), `${sample} was requested when picked`);
  assert.ok(!paths.includes('/bias-compare.css'), 'the stylesheet is embedded, not fetched');
});
