// Shared helpers for the browser tests (tests/browser/*.test.mjs).
//
// This file is not a test: `node --test DIR` only runs files named like tests
// (*.test.mjs, *-test.mjs, test-*.mjs, …), so it is imported, never run on its own.
//
// Each test file launches one headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core) and one in-process static server: scripts/serve.mjs's handler for dist/
// (with the strict CSP header of docs/WIDGET.md) plus tests/browser/fixtures/ under /__test__/,
// served by the same handler, so fixture pages get the same CSP. No network but localhost.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { CSP, createStaticServer, listen } from '../../scripts/serve.mjs';

export { CSP };

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const FIXTURES = join(ROOT, 'tests', 'browser', 'fixtures');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FIXTURE_PREFIX = '/__test__/';

for (const [path, hint] of [
  [join(DIST, 'index.html'), 'node scripts/build.mjs'],
  [join(DIST, 'pkg', 'bias_compare_bg.wasm'), 'node scripts/build.mjs'],
  [join(DIST, 'standalone.html'), 'node scripts/build.mjs'],
  [CHROMIUM, 'bash scripts/setup.sh --browser'],
]) {
  if (!existsSync(path)) throw new Error(`${path} is missing; run: ${hint}`);
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Chromium and the test server, started once for the calling test file and closed after it:
 * read `shared.browser` and `shared.server` inside tests (they are set by the `before` hook).
 * `setUp(shared)` runs in the same hook once both are up: Node 20 does not wait for one
 * root-level `before` hook before starting the next.
 */
export function browserAndServerForThisFile(setUp = async () => {}) {
  const shared = {};
  before(async () => {
    [shared.browser, shared.server] = await Promise.all([launchBrowser(), startServer()]);
    await setUp(shared);
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/** dist/ at /, tests/browser/fixtures/ at /__test__/; both through scripts/serve.mjs's handler. */
export async function startServer() {
  const distHandler = createStaticServer(DIST).listeners('request')[0];
  const fixtureHandler = createStaticServer(FIXTURES).listeners('request')[0];
  const server = createServer((req, res) => {
    if (req.url.startsWith(FIXTURE_PREFIX)) {
      req.url = req.url.slice(FIXTURE_PREFIX.length - 1);
      fixtureHandler(req, res);
    } else {
      distHandler(req, res);
    }
  });
  const port = await listen(server, 0);
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path, `${origin}/`).href,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ------------------------------------------------------------------ data

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** dist/samples/index.json: [{ file, title, articles }]. */
export function sampleIndex() {
  return readJson(join(DIST, 'samples', 'index.json'));
}

export function sampleStory(file) {
  return readJson(join(DIST, 'samples', file));
}

export function fixtureStory(file) {
  return readJson(join(FIXTURES, file));
}

let engine = null;

/** The report the WASM engine gives in Node, to check what the page shows against. */
export async function expectedReport(story, options) {
  if (!engine) {
    engine = await import(pathToFileURL(join(DIST, 'pkg', 'bias_compare.js')).href);
    engine.initSync({ module: readFileSync(join(DIST, 'pkg', 'bias_compare_bg.wasm')) });
    engine.setLexicons(readFileSync(join(DIST, 'bias-compare-lexicons.txt'), 'utf8'));
  }
  return engine.analyze(typeof story === 'string' ? story : JSON.stringify(story), options);
}

/** The element's rendering of a link: new URL(url).href for http(s), else null. */
export function expectedHref(url) {
  if (typeof url !== 'string' || url === '') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function artifactPath(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

// ------------------------------------------------------------------ watching a page

/** Collects the CSP violations seen by the document (registered before any page script). */
const CSP_LISTENER = `(() => {
  window.__cspViolations = [];
  const record = (event) => {
    window.__cspViolations.push({
      directive: event.violatedDirective,
      blocked: event.blockedURI,
      source: event.sourceFile,
      line: event.lineNumber,
      sample: event.sample,
    });
  };
  document.addEventListener('securitypolicyviolation', record, true);
})();`;

/**
 * Records everything that can go wrong on a page: console errors and warnings, uncaught
 * exceptions, dialogs (dismissed), failed and non-2xx requests, every request URL.
 * Call before page.goto.
 */
export async function watch(page) {
  const log = { console: [], errors: [], dialogs: [], requests: [], failed: [], badStatus: [] };
  await page.addInitScript({ content: CSP_LISTENER });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      log.console.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => log.errors.push(String(error?.stack || error)));
  page.on('dialog', (dialog) => {
    log.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('request', (request) => log.requests.push(request.url()));
  page.on('requestfailed', (request) => log.failed.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) log.badStatus.push(`${response.status()} ${response.url()}`);
  });
  log.cspViolations = () => page.evaluate(() => window.__cspViolations ?? []);
  return log;
}

// ------------------------------------------------------------------ waiting for the element

const OUTCOME_TIMEOUT = 15_000;

/**
 * Waits until `selector` shows a report (coverage bar and `report` set) or an error, polling in
 * the page (works under any CSP). Resolves to { ok: true } or { ok: false, message }.
 */
/** Appends a new <bias-compare> to the page's <main>, given `options` (when set) and `story`;
 * resolves to `{ ok: true, report, sections }` at its ready event (`sections`: the data-role
 * of each section it shows) or `{ ok: false, message }` at its error event or after 15 s. */
export function appendElement(page, story, options) {
  return page.evaluate(
    ({ story, options }) =>
      new Promise((resolve) => {
        const element = document.createElement('bias-compare');
        const sections = () => [...element.shadowRoot.querySelectorAll('.panel > section')].map((section) => section.dataset.role);
        element.addEventListener('bias-compare-ready', (e) => resolve({ ok: true, report: e.detail, sections: sections() }), { once: true });
        element.addEventListener('bias-compare-error', (e) => resolve({ ok: false, message: e.detail.message }), { once: true });
        if (options) element.options = options;
        element.story = story;
        document.querySelector('main').append(element);
        setTimeout(() => resolve({ ok: false, message: 'no event within 15 s' }), 15_000);
      }),
    { story, options },
  );
}

export function settled(page, selector = 'bias-compare', timeout = OUTCOME_TIMEOUT) {
  return page.evaluate(
    async ({ selector, timeout }) => {
      const end = Date.now() + timeout;
      for (;;) {
        const element = document.querySelector(selector);
        const root = element?.shadowRoot;
        if (element?.report && root?.querySelector('[data-role="coverage"]')) return { ok: true };
        const error = root?.querySelector('[data-role="error"]');
        if (error) return { ok: false, message: error.textContent };
        if (Date.now() > end) {
          return { ok: false, timeout: true, message: `timed out; shadow root: ${root ? root.innerHTML.slice(0, 300) : 'none'}` };
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    { selector, timeout },
  );
}

/**
 * Runs `action` (an async function in Node) and resolves to the first bias-compare-ready or
 * bias-compare-error event `selector` dispatches after it: { ok, report } or { ok, message }.
 */
export async function outcomeOf(page, action, selector = 'bias-compare', timeout = OUTCOME_TIMEOUT) {
  await page.evaluate(
    ({ selector, timeout }) => {
      const element = document.querySelector(selector);
      window.__bcOutcome = new Promise((resolve) => {
        const finish = (value) => {
          element.removeEventListener('bias-compare-ready', ready);
          element.removeEventListener('bias-compare-error', failed);
          resolve(value);
        };
        const ready = (event) => finish({ ok: true, event: 'bias-compare-ready', report: event.detail });
        const failed = (event) => finish({ ok: false, event: 'bias-compare-error', message: event.detail?.message });
        element.addEventListener('bias-compare-ready', ready);
        element.addEventListener('bias-compare-error', failed);
        setTimeout(() => finish({ ok: false, timeout: true, message: `no bias-compare-ready/-error event within ${timeout} ms` }), timeout);
      });
    },
    { selector, timeout },
  );
  await action();
  return page.evaluate(() => window.__bcOutcome);
}

/** Selects a sample in the demo's picker (as a user would) and waits for its outcome. */
export async function pickSample(page, file) {
  const value = `samples/${file}`;
  const current = await page.$eval('#sample-picker', (picker) => picker.value);
  if (current === value) {
    const outcome = await settled(page, '#demo');
    const src = await page.$eval('#demo', (demo) => demo.getAttribute('src'));
    if (src === value) return outcome;
  }
  return outcomeOf(page, () => page.selectOption('#sample-picker', value), '#demo');
}

/** What the element shows, read from its shadow root through the documented hooks. */
export function snapshot(page, selector = 'bias-compare') {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector)?.shadowRoot;
    if (!root) return null;
    const all = (query) => [...root.querySelectorAll(query)];
    const text = (node) => (node ? node.textContent.replace(/\s+/g, ' ').trim() : null);
    const side = (name) => ({
      terms: all(`[data-role="term"][data-side="${name}"]`).map((node) => node.getAttribute('data-term')),
      insufficient: text(root.querySelector(`.side[data-side="${name}"] [data-role="insufficient"]`)),
    });
    return {
      segments: all('[data-role="coverage"] button[data-side]').map((button) => ({
        side: button.getAttribute('data-side'),
        text: text(button),
        percent: text(button.querySelector('.seg-pct')),
        count: text(button.querySelector('.seg-count')),
        blindspot: button.hasAttribute('data-blindspot'),
        expanded: button.getAttribute('aria-expanded'),
      })),
      blindspot: root.querySelector('[data-role="blindspot"]')
        ? { side: root.querySelector('[data-role="blindspot"]').getAttribute('data-side'), text: text(root.querySelector('[data-role="blindspot"]')) }
        : null,
      sides: { left: side('left'), center: side('center'), right: side('right') },
      comparison: all('[data-role="comparison"] li').map((li) => ({ side: li.getAttribute('data-side'), text: text(li) })),
      headlinesHidden: root.querySelector('[data-role="headlines"]')?.hidden ?? null,
      headlinesSide: root.querySelector('[data-role="headlines"]')?.getAttribute('data-side') ?? null,
      headlines: all('[data-role="headlines"] li').map((li) => {
        const link = li.querySelector('a');
        return {
          article: li.getAttribute('data-article'),
          source: text(li.querySelector('.article-source > span:first-child')),
          headline: text(li.querySelector('.article-headline')),
          href: link ? link.getAttribute('href') : null,
          target: link ? link.getAttribute('target') : null,
          rel: link ? link.getAttribute('rel') : null,
        };
      }),
      unrated: all('[data-role="unrated"] li').map((li) => li.getAttribute('data-article')),
      error: text(root.querySelector('[data-role="error"]')),
      loading: !!root.querySelector('[data-role="loading"]'),
    };
  }, selector);
}

/**
 * Horizontal overflow at the current viewport: the document's scroll width, and every box in
 * `selector`'s shadow root that reaches past the viewport or past its own box (unless an
 * ancestor clips it, as the visually-hidden text does).
 */
export function overflow(page, selector = 'bias-compare') {
  return page.evaluate((selector) => {
    const width = document.documentElement.clientWidth;
    const host = document.querySelector(selector);
    const offenders = [];
    const clipped = (node) => {
      for (let p = node.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o !== 'visible') return true;
      }
      return false;
    };
    const describe = (node) => {
      const classes = node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/).join('.')}` : '';
      return `<${node.localName}${classes}> "${node.textContent.slice(0, 40)}"`;
    };
    const walk = (root) => {
      for (const node of root.querySelectorAll('*')) {
        const rect = node.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        if (getComputedStyle(node).position === 'absolute' && rect.width <= 1) continue;
        if (rect.right > width + 0.5 && !clipped(node)) offenders.push(`${describe(node)} right edge ${Math.round(rect.right)} > ${width}`);
        if (node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX !== 'visible' && node.clientWidth > 0) {
          // A box that scrolls or clips its own content sideways hides part of it.
          if (!node.classList.contains('vh') && node.localName !== 'textarea') {
            offenders.push(`${describe(node)} clips content: scrollWidth ${node.scrollWidth} > clientWidth ${node.clientWidth}`);
          }
        }
      }
    };
    if (host?.shadowRoot) walk(host.shadowRoot);
    return {
      viewport: width,
      documentScrollWidth: document.scrollingElement.scrollWidth,
      hostScrollWidth: host ? host.scrollWidth : null,
      hostClientWidth: host ? host.clientWidth : null,
      offenders,
    };
  }, selector);
}

/** Opens everything the widget `hostId` folds away: the unrated list, every term's examples,
 * and the words and sentences behind each side's language. */
export function openEverything(page, hostId) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    for (const details of root.querySelectorAll('details')) details.open = true;
    for (const toggle of root.querySelectorAll('.term-toggle[aria-expanded="false"], .emph-toggle[aria-expanded="false"], .lang-toggle[aria-expanded="false"]')) toggle.click();
  }, hostId);
}
