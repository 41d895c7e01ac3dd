// The language section in the widget (docs/WIDGET.md, "Accessibility" and "Stable hooks";
// docs/REPORT.md, "language"): every side's measures as the report has them, read out as one
// line each; marked words that show their category on hover and on keyboard focus and read it
// out after the word; zero axe violations with everything open; the lexicons fetched by the
// worker only when the section is wanted, alongside the engine's files rather than after
// them, and a report without the section (and a warning) when they cannot be had.
//
// Each test adds its own <bias-compare> to the test host page (tests/browser/fixtures/host.html,
// served with the strict CSP) and removes it afterwards.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, test } from 'node:test';
import { ROOT, appendElement, browserAndServerForThisFile, expectedReport, fixtureStory, readJson } from './helpers.mjs';

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const CHARGED = readJson(join(ROOT, 'tests', 'data', 'language', 'charged-right.json'));

let page;
let lexiconRequests;
const shared = browserAndServerForThisFile(async ({ browser, server }) => {
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  lexiconRequests = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/bias-compare-lexicons.txt') lexiconRequests += 1;
  });
  await page.goto(server.url('/__test__/host.html'));
  await page.waitForFunction(() => customElements.get('bias-compare'));
});

afterEach(() => page.evaluate(() => document.querySelectorAll('bias-compare').forEach((e) => e.remove())));

/** Renders `story` with `options` in a new element; resolves to its report, or the error. */
function render(story, options = {}) {
  return page.evaluate(
    ({ story, options }) =>
      new Promise((resolve) => {
        const element = document.createElement('bias-compare');
        element.id = 'subject';
        element.addEventListener('bias-compare-ready', (e) => resolve({ ok: true, report: e.detail }), { once: true });
        element.addEventListener('bias-compare-error', (e) => resolve({ ok: false, message: e.detail.message }), { once: true });
        element.options = options;
        element.story = story;
        document.querySelector('main').append(element);
        setTimeout(() => resolve({ ok: false, message: 'no event within 15 s' }), 15_000);
      }),
    { story, options },
  );
}

const inSection = (selector) => `#subject >> [data-role="language"] ${selector}`;

test('the section shows each side as the report has it, each measure read out as one line', async () => {
  const outcome = await render(CHARGED);
  assert.ok(outcome.ok, outcome.message);
  assert.deepEqual(outcome.report, await expectedReport(CHARGED));
  const right = page.locator(inSection('[data-side="right"]'));
  const lines = await right.locator('.measure .vh').allTextContents();
  assert.deepEqual(lines, [
    'Charged words: 172.6 per 1,000 words; others 0 · p 0.002; the difference holds.',
    'Hedges: 0 per 1,000 words; others 15.2 · p 1.',
    'Tone: mean -0.3; others 0.18 · p 0.004; the difference holds.',
  ]);
  assert.equal(await page.locator(inSection('[data-side="left"] .measure[data-holds]')).count(), 0);
  assert.equal(await page.locator(inSection('[data-side="right"] .measure[data-holds]')).count(), 2);
});

test('marked words are reached by Tab and show their category on focus and on hover', async () => {
  const outcome = await render(CHARGED);
  assert.ok(outcome.ok, outcome.message);
  const words = page.locator(inSection('[data-side="right"] .lang-toggle')).first();
  await words.focus();
  await page.keyboard.press('Enter');
  assert.equal(await words.getAttribute('aria-expanded'), 'true');
  // Tab from the button reaches the first marked word of the first example.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const active = document.getElementById('subject').shadowRoot.activeElement;
    return {
      tag: active?.localName,
      category: active?.dataset.category,
      label: active?.dataset.label,
      spoken: active?.textContent,
      tip: active ? getComputedStyle(active, '::after').display : null,
      tipText: active ? getComputedStyle(active, '::after').content : null,
    };
  });
  assert.equal(focused.tag, 'mark');
  assert.equal(focused.category, 'sensational');
  assert.equal(focused.spoken, 'SLAMS (sensational verb)');
  assert.equal(focused.tip, 'block', 'the category shows on focus');
  assert.equal(focused.tipText, '"sensational verb"');
  // Hover shows it too, and a mark neither hovered nor focused does not.
  const marks = page.locator(inSection('[data-side="right"] mark'));
  const second = marks.nth(1);
  const hidden = await second.evaluate((mark) => getComputedStyle(mark, '::after').display);
  assert.equal(hidden, 'none');
  await second.hover();
  assert.equal(await second.evaluate((mark) => getComputedStyle(mark, '::after').display), 'block');
});

test('no axe violation with every disclosure of the section open', async () => {
  const outcome = await render(CHARGED);
  assert.ok(outcome.ok, outcome.message);
  await page.evaluate(() => {
    for (const button of document.getElementById('subject').shadowRoot.querySelectorAll('[data-role="language"] button[aria-expanded="false"]')) button.click();
  });
  assert.ok((await page.locator(inSection('mark')).count()) > 10, 'precondition: marked words shown');
  await page.locator(inSection('mark')).first().focus();
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    window.axe.run({ include: [['#subject']] }, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }),
  );
  const lines = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary}`));
  assert.deepEqual(lines, []);
});

test('language: false shows no section and fetches no lexicons', async () => {
  const before = lexiconRequests;
  const fresh = await shared.browser.newPage();
  let fetched = 0;
  fresh.on('request', (request) => {
    if (new URL(request.url()).pathname === '/bias-compare-lexicons.txt') fetched += 1;
  });
  await fresh.goto(shared.server.url('/__test__/host.html'));
  const outcome = await appendElement(fresh, CHARGED, { language: false });
  await fresh.close();
  assert.ok(outcome.ok, outcome.message);
  assert.equal(outcome.report.language, null);
  assert.equal(outcome.sections.includes('language'), false);
  assert.equal(fetched, 0, 'the lexicons were fetched for a page that does not want them');
  assert.equal(lexiconRequests, before);
});

test('the lexicons are fetched alongside the engine, not once it has loaded', async () => {
  const fresh = await shared.browser.newPage();
  // The .wasm is held back until the lexicons are asked for (or 5 s have passed).
  let lexiconsAsked;
  const asked = new Promise((resolve) => (lexiconsAsked = resolve));
  let askedWhileWasmHeld = false;
  fresh.on('request', (request) => {
    if (new URL(request.url()).pathname === '/bias-compare-lexicons.txt') lexiconsAsked();
  });
  await fresh.route('**/pkg/bias_compare_bg.wasm', async (route) => {
    askedWhileWasmHeld = await Promise.race([asked.then(() => true), new Promise((resolve) => setTimeout(resolve, 5000, false))]);
    await route.continue();
  });
  await fresh.goto(shared.server.url('/__test__/host.html'));
  const outcome = await appendElement(fresh, CHARGED);
  await fresh.close();
  assert.ok(outcome.ok, outcome.message);
  assert.notEqual(outcome.report.language, null);
  assert.ok(outcome.sections.includes('language'), `the panel shows the section (sections: ${outcome.sections})`);
  assert.ok(askedWhileWasmHeld, 'the lexicons were asked for only after the engine had loaded');
});

test('lexicons that cannot be fetched leave a report without the section, and a warning', async () => {
  const fresh = await shared.browser.newPage();
  await fresh.route('**/bias-compare-lexicons.txt', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await fresh.goto(shared.server.url('/__test__/host.html'));
  const outcome = await fresh.evaluate(
    (story) =>
      new Promise((resolve) => {
        const element = document.createElement('bias-compare');
        element.addEventListener('bias-compare-ready', (e) => resolve({ ok: true, report: e.detail, footer: element.shadowRoot.querySelector('[data-role="warnings"]')?.textContent ?? '' }), { once: true });
        element.addEventListener('bias-compare-error', (e) => resolve({ ok: false, message: e.detail.message }), { once: true });
        element.story = story;
        document.querySelector('main').append(element);
      }),
    fixtureStory('hostile.json'),
  );
  await fresh.close();
  assert.ok(outcome.ok, outcome.message);
  assert.equal(outcome.report.language, null);
  assert.match(outcome.footer, /The language section \(charged words, hedging, tone\) was not computed: the lexicons were not loaded\./);
});
