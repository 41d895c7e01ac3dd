// <bias-compare>: a media-bias comparison panel for one news story.
//
// A dependency-free custom element (open Shadow DOM) around the bias-compare WebAssembly
// engine. It shows how coverage splits between left, center and right outlets, the framing
// terms each side used distinctively (with their rate on every side), the comparison bullets,
// and, on demand, each side's headlines. See docs/WIDGET.md.
//
// Security: everything taken from the story or the report reaches the page through
// textContent, attributes set one by one, or CSSOM custom properties. Nothing is parsed as
// HTML, nothing is evaluated, and the only requests are the engine's .wasm and `src`.
//
// This file is the source; scripts/build.mjs writes dist/bias-compare.js from it by filling
// in the two build slots below (the stylesheet text, and for the standalone page the .wasm).

// build:engine: the wasm-bindgen glue, imported only when the engine runs on the main thread
// (the worker imports its own copy). The standalone build replaces this line with the glue
// inlined in the page.
const loadGlue = () => import('./pkg/bias_compare.js');

// build:css: the text of www/bias-compare.css, filled in by scripts/build.mjs.
const CSS_TEXT = '';
// build:wasm: base64 of the .wasm, filled in by scripts/build.mjs for dist/standalone.html only.
const INLINE_WASM = '';

const SIDES = ['left', 'center', 'right'];
const SIDE_NAME = { left: 'Left', center: 'Center', right: 'Right', unrated: 'Unrated' };
const SIDE_ABBR = { left: 'L', center: 'C', right: 'R' };
const SIDE_OUTLETS = {
  left: 'left-leaning outlets',
  center: 'center outlets',
  right: 'right-leaning outlets',
  unrated: 'outlets without a bias rating',
};

// Numeric options that can also be given as attributes: attribute name → options key.
const NUMERIC_ATTRIBUTES = {
  'max-ngram': 'maxNgram',
  'prior-scale': 'priorScale',
  'z-min': 'zMin',
  'min-count': 'minCount',
  top: 'top',
};
const INTEGER_OPTIONS = new Set(['maxNgram', 'minCount', 'top']);
// Longer headline lists show this many items, then a "Show more" button.
const LIST_STEP = 100;
const OPTION_KEYS = new Set(['maxNgram', 'priorScale', 'zMin', 'minCount', 'top', 'ratings']);

// ------------------------------------------------------------------ the engine, once per page
//
// The analysis runs in one module worker per page (www/bias-compare-worker.js), so that
// compiling the WebAssembly and analyzing a story never block the page's main thread. Where a
// worker cannot run (no Worker, the element loaded from another origin, the worker blocked or
// failing to load its engine, a story the structured clone cannot copy, the standalone page
// with its inlined engine) the same engine runs on the main thread, as a fallback.

const WORKER_URL = INLINE_WASM ? null : new URL('./bias-compare-worker.js', import.meta.url);

let engineWarm = false; // an analysis has completed: the next ones need no loading state
let mainEngine = null; // promise of the glue module, initialised, on the main thread
let worker; // undefined: not started yet; null: unusable; else the Worker
let nextJob = 0;
const jobs = new Map(); // id → { resolve, reject, fallback }

function base64ToBytes(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Loads and instantiates the engine on the main thread; every element shares the one promise. */
function loadMainEngine() {
  if (!mainEngine) {
    mainEngine = (async () => {
      const glue = await loadGlue();
      if (INLINE_WASM) glue.initSync({ module: base64ToBytes(INLINE_WASM) });
      else await glue.default({ module_or_path: new URL('./pkg/bias_compare_bg.wasm', import.meta.url) });
      return glue;
    })();
    // A failed load (offline, blocked) may be retried by the next render.
    mainEngine.catch(() => {
      mainEngine = null;
    });
  }
  return mainEngine;
}

async function analyzeOnMainThread(story, options) {
  let glue;
  try {
    glue = await loadMainEngine();
  } catch (error) {
    throw new Error(`could not load the analysis engine: ${errorMessage(error)}`);
  }
  return glue.analyze(story, options);
}

/** Gives up on the worker: every job in flight, and every later one, runs on the main thread. */
function dropWorker() {
  if (worker) worker.terminate();
  worker = null;
  const waiting = [...jobs.values()];
  jobs.clear();
  for (const job of waiting) job.fallback();
}

/** The page's analysis worker, started (and its engine loading) on first use; null if unusable. */
function getWorker() {
  if (worker === undefined) {
    worker = null;
    if (WORKER_URL && typeof Worker === 'function') {
      try {
        const started = new Worker(WORKER_URL, { type: 'module', name: 'bias-compare' });
        started.onmessage = ({ data }) => {
          const job = jobs.get(data?.id);
          if (!job) return;
          jobs.delete(data.id);
          if ('report' in data) job.resolve(data.report);
          else if ('error' in data) job.reject(new Error(data.error));
          else {
            // The engine could not load in the worker (e.g. its response's CSP forbids
            // WebAssembly): this job and all later ones run on the main thread.
            job.fallback();
            dropWorker();
          }
        };
        started.onerror = (event) => {
          event.preventDefault();
          dropWorker();
        };
        started.onmessageerror = () => dropWorker();
        started.postMessage({}); // start loading the engine now
        worker = started;
      } catch {
        worker = null; // e.g. a SecurityError: the element was loaded from another origin
      }
    }
  }
  return worker;
}

/** Resolves to the report for `story`, in the worker when there is one. */
function analyzeStory(story, options) {
  const target = getWorker();
  const done = (report) => {
    engineWarm = true;
    return report;
  };
  if (!target) return analyzeOnMainThread(story, options).then(done);
  return new Promise((resolve, reject) => {
    const id = ++nextJob;
    const job = { resolve, reject, fallback: () => analyzeOnMainThread(story, options).then(resolve, reject) };
    try {
      target.postMessage({ id, story, options });
    } catch {
      // A story the structured clone cannot copy (a function, a proxy): analyze it here.
      job.fallback();
      return;
    }
    jobs.set(id, job);
  }).then(done);
}

// ------------------------------------------------------------------ the stylesheet, once per page

let sharedSheet = null;

function adoptStyles(root) {
  if (typeof CSSStyleSheet === 'function' && 'adoptedStyleSheets' in root) {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(CSS_TEXT);
    }
    root.adoptedStyleSheets = [sharedSheet];
  } else {
    // Browsers without constructable stylesheets: a <style> element (needs style-src to allow it).
    const style = document.createElement('style');
    style.textContent = CSS_TEXT;
    root.append(style);
  }
}

// ------------------------------------------------------------------ small DOM helpers

/** createElement with a class list, attributes and children (strings become text nodes). */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) setProp(node, key, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/** One of el()'s props: `class`, `text`, or an attribute (true: present and empty; false, null
 * or undefined: absent). */
function setProp(node, key, value) {
  if (value === undefined || value === null || value === false) return;
  if (key === 'class') node.className = value;
  else if (key === 'text') node.textContent = value;
  else node.setAttribute(key, value === true ? '' : String(value));
}

function visuallyHidden(text) {
  return el('span', { class: 'vh', text });
}

/**
 * Numbers as Intl.NumberFormat('en-US') writes them (thousands commas; `digits` decimals, or at
 * most `digits` when `trim`), without Intl: creating Intl formatters costs some 25 ms of main
 * thread in a fresh page. Like Intl, it rounds the shortest decimal form of the number (0.35
 * is "0.35", so one decimal gives 0.4), half away from zero.
 */
function formatter(digits, trim) {
  return {
    format(value) {
      const number = Number(value) || 0;
      let text = String(Math.abs(number));
      if (text.includes('e')) text = Math.abs(number).toFixed(digits);
      let [whole, fraction = ''] = text.split('.');
      if (fraction.length > digits) {
        const up = fraction[digits] >= '5';
        fraction = fraction.slice(0, digits);
        if (up) {
          const scaled = String(BigInt(whole + fraction) + 1n).padStart(whole.length + digits, '0');
          whole = scaled.slice(0, scaled.length - digits);
          fraction = scaled.slice(scaled.length - digits);
        }
      }
      fraction = fraction.padEnd(digits, '0');
      if (trim) fraction = fraction.replace(/0+$/, '');
      const sign = number < 0 ? '-' : '';
      return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
    },
  };
}

const numberFormat = formatter(3, true);
const oneDecimal = formatter(1, true);
const twoDecimals = formatter(2, false);

function plural(count, one, many = `${one}s`) {
  return `${numberFormat.format(count)} ${count === 1 ? one : many}`;
}

/**
 * Whole percentages, each share rounded on its own: equal article counts must show equal
 * percentages (6/6/6 is 33/33/33, not 34/33/33), as in the CLI and the blindspot text, even
 * if the three then add up to 99 or 101.
 */
function percentages(shares) {
  return shares.map((s) => Math.round(Math.max(0, Number(s) || 0) * 100));
}

/** An http(s) URL as a normalised string, or null for anything else (javascript:, relative, …). */
function safeHref(url) {
  if (typeof url !== 'string' || url === '') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The sentence as text nodes, with the first occurrence of the term wrapped in <mark>. */
function highlighted(sentence, needles) {
  const text = String(sentence);
  const lower = text.toLowerCase();
  if (lower.length === text.length) {
    for (const needle of needles) {
      const n = String(needle || '').toLowerCase().replace(/[\u2018\u2019]/g, "'");
      if (!n) continue;
      const at = lower.replace(/[\u2018\u2019]/g, "'").indexOf(n);
      if (at >= 0) {
        const frag = document.createDocumentFragment();
        frag.append(text.slice(0, at), el('mark', { text: text.slice(at, at + n.length) }), text.slice(at + n.length));
        return frag;
      }
    }
  }
  return document.createTextNode(text);
}

/**
 * A disclosure: `button`, which starts with aria-expanded="false", shows and hides what
 * `build()` makes the first time it opens (most readers open a few terms, if any), appended to
 * `container`. A button rather than a <details>: each <details> sets up a user-agent shadow
 * tree of its own, thirty of them in a panel's first render.
 */
function disclosure(button, container, build) {
  let content = null;
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    if (open && !content) {
      content = build();
      container.append(content);
    }
    if (content) content.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  });
}

function errorMessage(error) {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return String(error);
  } catch {
    return 'unknown error';
  }
}

function parseNumberAttribute(key, value) {
  if (value === null) return undefined;
  const text = value.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  const number = Number(text);
  if (!Number.isFinite(number)) return undefined;
  if (INTEGER_OPTIONS.has(key) && (!Number.isInteger(number) || number < 0)) return undefined;
  return number;
}

const Base = typeof HTMLElement === 'function' ? HTMLElement : class {};

// ------------------------------------------------------------------ the element

export class BiasCompareElement extends Base {
  static observedAttributes = ['src', 'heading-level', ...Object.keys(NUMERIC_ATTRIBUTES)];

  /** Registers the element under `tag` (once); returns the class. */
  static define(tag = 'bias-compare', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #root;
  #story = undefined;
  #options = {};
  #report = null;
  #run = 0;
  #pending = false;
  #dirty = true;
  #queued = false;
  #abort = null;
  #observer = null;
  #openSide = null;
  #segments = new Map();
  #headlines = null;
  #usedScript = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.#root);
  }

  // ---------------------------------------------------------------- public API

  /** The story: an object or its JSON text. Takes precedence over a child script and `src`. */
  get story() {
    return this.#story;
  }

  set story(value) {
    this.#story = value === null ? undefined : value;
    this.#invalidate();
  }

  /** Options for analyze(): maxNgram, priorScale, zMin, minCount, top, ratings. */
  get options() {
    return { ...this.#options };
  }

  set options(value) {
    this.#options = value && typeof value === 'object' ? { ...value } : {};
    this.#invalidate();
  }

  /** The last report (SPEC §2), or null while loading or after an error. */
  get report() {
    return this.#report;
  }

  get src() {
    const value = this.getAttribute('src');
    return value === null ? '' : new URL(value, this.ownerDocument.baseURI).href;
  }

  set src(value) {
    this.setAttribute('src', value);
  }

  /** Numeric options as reflected properties (null when the attribute is absent or invalid). */
  get maxNgram() {
    return this.#numberAttribute('max-ngram');
  }

  set maxNgram(value) {
    this.#setNumberAttribute('max-ngram', value);
  }

  get priorScale() {
    return this.#numberAttribute('prior-scale');
  }

  set priorScale(value) {
    this.#setNumberAttribute('prior-scale', value);
  }

  get zMin() {
    return this.#numberAttribute('z-min');
  }

  set zMin(value) {
    this.#setNumberAttribute('z-min', value);
  }

  get minCount() {
    return this.#numberAttribute('min-count');
  }

  set minCount(value) {
    this.#setNumberAttribute('min-count', value);
  }

  get top() {
    return this.#numberAttribute('top');
  }

  set top(value) {
    this.#setNumberAttribute('top', value);
  }

  #numberAttribute(name) {
    return parseNumberAttribute(NUMERIC_ATTRIBUTES[name], this.getAttribute(name)) ?? null;
  }

  #setNumberAttribute(name, value) {
    if (value === null || value === undefined || value === '') this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  get headingLevel() {
    const level = Number.parseInt(this.getAttribute('heading-level') ?? '', 10);
    return level >= 1 && level <= 5 ? level : 2;
  }

  set headingLevel(value) {
    this.setAttribute('heading-level', String(value));
  }

  // ---------------------------------------------------------------- lifecycle

  connectedCallback() {
    if (!this.#observer && typeof MutationObserver === 'function') {
      // A child <script type="application/json"> may arrive or change after the element does.
      this.#observer = new MutationObserver(() => {
        if (this.#story !== undefined) return;
        const text = this.#scriptChild()?.textContent ?? null;
        if (text !== this.#usedScript) this.#invalidate();
      });
    }
    this.#observer?.observe(this, { childList: true, characterData: true, subtree: true });
    if (this.#dirty) {
      if (this.#hasInput() && !this.#root.querySelector('.panel')) this.#renderLoading();
      this.#schedule();
    }
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    if (this.#pending) {
      // Abandon the render in flight; it starts again if the element comes back.
      this.#run += 1;
      this.#pending = false;
      this.#abort?.abort();
      this.#abort = null;
      this.#dirty = true;
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'src' && (this.#story !== undefined || this.#scriptChild())) return;
    this.#invalidate();
  }

  // ---------------------------------------------------------------- update cycle

  #invalidate() {
    this.#dirty = true;
    this.#schedule();
  }

  #schedule() {
    if (this.#queued || !this.isConnected) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected && this.#dirty) this.#update();
    });
  }

  #scriptChild() {
    for (const child of this.children) {
      if (child.localName === 'script' && (child.getAttribute('type') || '').trim().toLowerCase() === 'application/json') {
        return child;
      }
    }
    return null;
  }

  #hasInput() {
    return this.#story !== undefined || this.#scriptChild() !== null || this.hasAttribute('src');
  }

  /** Options in force: the `options` property, then valid numeric attributes over it. */
  #effectiveOptions() {
    const options = {};
    for (const [key, value] of Object.entries(this.#options)) {
      if (OPTION_KEYS.has(key) && value !== undefined && value !== null) options[key] = value;
    }
    for (const [attribute, key] of Object.entries(NUMERIC_ATTRIBUTES)) {
      const value = parseNumberAttribute(key, this.getAttribute(attribute));
      if (value !== undefined) options[key] = value;
    }
    return options;
  }

  async #update() {
    this.#dirty = false;
    const run = ++this.#run;
    this.#abort?.abort();
    this.#abort = null;

    let story = this.#story;
    let url = null;
    this.#usedScript = null;
    if (story === undefined) {
      const script = this.#scriptChild();
      if (script) {
        story = script.textContent;
        this.#usedScript = story;
      } else if (this.hasAttribute('src')) {
        url = this.src;
      }
    }
    if (story === undefined && url === null) {
      this.#report = null;
      this.#renderEmpty();
      return;
    }

    // Until the engine has run once (it loads on first use) or while `src` is fetched, the
    // loading state shows; a warm re-analysis keeps the previous rendering until it is done.
    this.#pending = true;
    if (url !== null || !engineWarm) this.#renderLoading();
    if (!engineWarm) getWorker(); // start loading the engine alongside the `src` fetch
    try {
      if (url !== null) {
        const controller = new AbortController();
        this.#abort = controller;
        let response;
        try {
          response = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
        } catch (error) {
          if (controller.signal.aborted) return;
          throw new Error(`src: could not fetch ${url}: ${errorMessage(error)}`);
        }
        if (!response.ok) {
          throw new Error(`src: ${url} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
        }
        story = await response.text();
        if (run !== this.#run) return;
      }
      const report = await analyzeStory(story, this.#effectiveOptions());
      if (run !== this.#run) return;
      this.#pending = false;
      this.#report = report;
      this.#render(report);
      this.dispatchEvent(new CustomEvent('bias-compare-ready', { detail: report, bubbles: true, composed: true }));
    } catch (error) {
      if (run !== this.#run) return;
      this.#pending = false;
      this.#report = null;
      const message = errorMessage(error);
      this.#renderError(message);
      this.dispatchEvent(new CustomEvent('bias-compare-error', { detail: { message }, bubbles: true, composed: true }));
    } finally {
      if (run === this.#run) this.#abort = null;
    }
  }

  // ---------------------------------------------------------------- rendering: states

  #heading(offset, text, props = {}) {
    return el(`h${Math.min(6, this.headingLevel + offset)}`, { text, ...props });
  }

  #reset() {
    this.#segments = new Map();
    this.#headlines = null;
    this.#openSide = null;
  }

  /** Replaces the whole shadow content with one panel holding `nodes`. */
  #show(...nodes) {
    this.#root.replaceChildren(el('div', { class: 'panel', part: 'panel' }, ...nodes));
  }

  #renderEmpty() {
    this.#reset();
    this.#show(el('p', { class: 'empty', 'data-role': 'empty', text: 'No story to compare yet.' }));
  }

  #renderLoading() {
    if (this.#root.querySelector('[data-role="loading"]')) return;
    this.#reset();
    this.#show(
      el(
        'div',
        { class: 'loading', 'data-role': 'loading', role: 'status', 'aria-live': 'polite' },
        visuallyHidden('Analyzing coverage…'),
        el('span', { class: 'skeleton line', 'aria-hidden': 'true' }),
        el('span', { class: 'skeleton bar', 'aria-hidden': 'true' }),
        el('span', { class: 'skeleton line', 'aria-hidden': 'true' }),
        el('span', { class: 'skeleton block', 'aria-hidden': 'true' }),
      ),
    );
  }

  #renderError(message) {
    this.#reset();
    this.#show(
      el(
        'div',
        { class: 'error', 'data-role': 'error', role: 'alert' },
        el('strong', { text: 'This story could not be analyzed.' }),
        el('code', { text: message }),
      ),
    );
  }

  // ---------------------------------------------------------------- rendering: the report

  #render(report) {
    const articles = Array.isArray(report.articles) ? report.articles : [];
    this.#reset();
    this.#show(
      this.#coverageSection(report, articles),
      this.#framingSection(report),
      this.#comparisonSection(report),
      this.#footer(report),
    );
  }

  #coverageSection(report, articles) {
    const coverage = report.coverage;
    const ids = this.#ids();
    const headingId = ids('coverage-heading');
    const panelId = ids('headlines');
    const blindspotSide = report.blindspot?.side ?? null;
    const rated = SIDES.reduce((sum, side) => sum + (coverage[side]?.articles ?? 0), 0);
    const percents = percentages(SIDES.map((side) => coverage[side]?.share ?? 0));

    const bar = el('div', { class: 'coverage-bar', 'data-role': 'coverage', role: 'group', 'aria-labelledby': headingId });
    SIDES.forEach((side, index) => {
      const data = coverage[side] ?? { articles: 0, sources: 0, share: 0 };
      const blind = side === blindspotSide;
      const button = el(
        'button',
        {
          type: 'button',
          class: 'segment',
          'data-side': side,
          'data-blindspot': blind,
          'data-empty': data.articles === 0,
          'aria-expanded': 'false',
          'aria-controls': panelId,
        },
        el(
          'span',
          { class: 'seg-top' },
          el('span', { class: 'seg-name' }, el('span', { class: 'full', text: SIDE_NAME[side] }), el('span', { class: 'abbr', text: SIDE_ABBR[side] })),
          el('span', { class: 'seg-pct', text: `${percents[index]}%` }),
        ),
        el('span', { class: 'seg-count', text: plural(data.articles, 'article') }),
        blind ? el('span', { class: 'seg-flag', text: 'Blindspot' }) : null,
        visuallyHidden(`, ${plural(data.sources, 'source')}. Show headlines.`),
      );
      // With no rated article at all, three equal (muted) segments rather than an empty bar.
      const share = rated > 0 ? Math.max(0, Number(data.share) || 0) : 1 / 3;
      button.style.setProperty('--share', String(share));
      button.addEventListener('click', () => this.#toggleHeadlines(side));
      this.#segments.set(side, button);
      bar.append(button);
    });

    bar.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.#openSide) this.#closeHeadlines(true);
    });

    const unratedCount = coverage.unrated?.articles ?? 0;
    const summary = [plural(coverage.total_articles ?? articles.length, 'article'), plural(coverage.total_sources ?? 0, 'source')];
    if (unratedCount > 0) summary.push(`${numberFormat.format(unratedCount)} unrated`);

    const panel = el('div', { class: 'headlines', id: panelId, 'data-role': 'headlines', hidden: true });
    this.#headlines = { panel, articles };
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.#closeHeadlines(true);
    });

    const section = el(
      'section',
      { class: 'coverage' },
      el(
        'div',
        { class: 'section-head' },
        this.#heading(0, 'Coverage by political leaning', { id: headingId }),
        el('p', { class: 'section-note', text: summary.join(' · ') }),
      ),
      bar,
      el('p', {
        class: 'coverage-hint',
        text: rated > 0 ? 'Shares of articles from rated outlets. Select a side to see its headlines.' : 'No article comes from an outlet with a bias rating.',
      }),
    );
    if (report.blindspot) {
      section.append(
        el(
          'p',
          { class: 'blindspot', 'data-role': 'blindspot', 'data-side': report.blindspot.side },
          el('span', { class: 'blindspot-icon', 'aria-hidden': 'true', text: '◐' }),
          el('span', { text: report.blindspot.text || `Blindspot: few articles from ${SIDE_OUTLETS[report.blindspot.side] ?? report.blindspot.side}.` }),
        ),
      );
    }
    section.append(panel);
    if (unratedCount > 0) section.append(this.#unratedList(coverage.unrated, articles));
    return section;
  }

  /** A list of articles; long lists show the first LIST_STEP and a button for the rest. */
  #articleList(items) {
    const list = el('ul', { class: 'article-list' });
    let shown = 0;
    const more = () => {
      const next = items.slice(shown, shown + LIST_STEP);
      for (const article of next) list.append(this.#articleItem(article));
      shown += next.length;
      if (shown < items.length) {
        const button = el('button', { type: 'button', class: 'more', text: `Show ${numberFormat.format(Math.min(LIST_STEP, items.length - shown))} more of ${numberFormat.format(items.length - shown)}` });
        const item = el('li', { class: 'more-item' }, button);
        button.addEventListener('click', () => {
          const focusTarget = item.previousElementSibling;
          item.remove();
          more();
          // Keep the keyboard where it was: on the first of the items just added.
          const first = focusTarget ? focusTarget.nextElementSibling : list.firstElementChild;
          const link = first?.querySelector('a');
          if (link) link.focus();
          else if (first) {
            first.setAttribute('tabindex', '-1');
            first.focus();
          }
        });
        list.append(item);
      }
    };
    more();
    return list;
  }

  #unratedList(unrated, articles) {
    // Built with the panel (a short list, and a documented hook); a closed <details> is not laid out.
    const list = this.#articleList(articles.filter((article) => article.side === 'unrated'));
    return el(
      'details',
      { class: 'unrated', 'data-role': 'unrated', 'data-side': 'unrated' },
      el(
        'summary',
        {},
        el('span', { class: 'swatch', 'aria-hidden': 'true' }),
        ` Unrated: ${plural(unrated.articles, 'article')} from ${plural(unrated.sources, 'source')} without a bias rating (counted in coverage, left out of framing)`,
      ),
      list,
    );
  }

  #articleItem(article) {
    const href = safeHref(article.url);
    const headline = typeof article.headline === 'string' && article.headline.trim() !== '' ? article.headline : `Article ${article.id}`;
    const leaning = article.leaning && article.leaning !== article.side ? ` · ${article.leaning}` : '';
    return el(
      'li',
      { 'data-article': article.id },
      // dir="auto" isolates story text: a right-to-left name, or a stray U+202E override in one,
      // cannot reorder the text around it.
      el('span', { class: 'article-source' }, el('span', { dir: 'auto', text: String(article.source ?? '') }), el('span', { class: 'article-leaning', text: leaning })),
      href
        ? el('a', { class: 'article-headline', dir: 'auto', href, target: '_blank', rel: 'noopener noreferrer nofollow', text: headline })
        : el('span', { class: 'article-headline', dir: 'auto', text: headline }),
    );
  }

  #toggleHeadlines(side) {
    if (this.#openSide === side) this.#closeHeadlines(false);
    else this.#openHeadlines(side);
  }

  #openHeadlines(side) {
    if (!this.#headlines) return;
    const { panel, articles } = this.#headlines;
    const items = articles.filter((article) => article.side === side);
    const list = this.#articleList(items);
    const close = el('button', { type: 'button', class: 'close', text: 'Close' });
    close.addEventListener('click', () => this.#closeHeadlines(true));
    panel.replaceChildren(
      el(
        'div',
        { class: 'headlines-head' },
        el('p', { class: 'headlines-title', text: `${SIDE_NAME[side]}: ${plural(items.length, 'article')} from ${SIDE_OUTLETS[side]}` }),
        close,
      ),
      items.length > 0 ? list : el('p', { class: 'muted', text: `No article from ${SIDE_OUTLETS[side]}.` }),
    );
    panel.setAttribute('data-side', side);
    panel.hidden = false;
    for (const [name, button] of this.#segments) button.setAttribute('aria-expanded', String(name === side));
    this.#openSide = side;
  }

  #closeHeadlines(returnFocus) {
    if (!this.#headlines) return;
    const side = this.#openSide;
    const { panel } = this.#headlines;
    panel.hidden = true;
    panel.replaceChildren();
    panel.removeAttribute('data-side');
    for (const button of this.#segments.values()) button.setAttribute('aria-expanded', 'false');
    this.#openSide = null;
    if (returnFocus && side) this.#segments.get(side)?.focus();
  }

  #framingSection(report) {
    const ids = this.#ids();
    const headingId = ids('framing-heading');
    const framing = report.framing ?? {};
    let maxRate = 0;
    for (const side of SIDES) {
      for (const term of framing[side]?.terms ?? []) {
        for (const s of SIDES) maxRate = Math.max(maxRate, Number(term.rate?.[s]) || 0);
      }
    }
    const columns = el('div', { class: 'sides' });
    for (const side of SIDES) columns.append(this.#sideColumn(side, framing[side], report, maxRate));
    return el(
      'section',
      { class: 'framing' },
      el(
        'div',
        { class: 'section-head' },
        this.#heading(0, 'Distinctive framing', { id: headingId }),
        el('p', { class: 'section-note', text: 'Words each side used more than the others, per 10,000 terms. Select a term for example sentences.' }),
      ),
      columns,
    );
  }

  #sideColumn(side, framing, report, maxRate) {
    const coverage = report.coverage?.[side] ?? { articles: 0, sources: 0 };
    const column = el(
      'div',
      { class: 'side', 'data-side': side, role: 'group', 'aria-label': `${SIDE_NAME[side]}: framing terms` },
      el(
        'div',
        { class: 'side-head' },
        el('span', { class: 'swatch', 'aria-hidden': 'true' }),
        this.#heading(1, SIDE_NAME[side]),
        el('span', { class: 'side-meta', text: `${plural(coverage.articles, 'article')} · ${plural(coverage.sources, 'outlet')}` }),
      ),
    );
    if (!framing || framing.insufficient) {
      const words = framing?.words;
      const why = Number.isFinite(words)
        ? `${plural(coverage.articles ?? 0, 'article')} and ${plural(words, 'word')} from ${SIDE_OUTLETS[side]}; comparing needs at least 2 articles and 200 words.`
        : report.comparison?.find((line) => line.side === side)?.text;
      column.append(
        el(
          'p',
          { class: 'side-empty', 'data-role': 'insufficient' },
          el('strong', { text: 'Not enough coverage' }),
          why || `Too few articles from ${SIDE_OUTLETS[side]} to compare.`,
        ),
      );
      return column;
    }
    const terms = Array.isArray(framing.terms) ? framing.terms : [];
    if (terms.length === 0) {
      column.append(el('p', { class: 'side-empty', 'data-role': 'no-terms' }, el('strong', { text: 'No distinctive terms' }), `Nothing ${SIDE_OUTLETS[side]} said stood out from the other sides.`));
      return column;
    }
    const list = el('ul', { class: 'terms' });
    const template = this.#termRowTemplate(side);
    for (const term of terms) list.append(this.#termRow(template, term, maxRate));
    column.append(list);
    return column;
  }

  /**
   * A closed term row of `side`'s column with the term left out, which #termRow clones: a deep
   * clone is one call into the DOM, where building each row's twenty elements one by one was
   * the larger part of a first render's script time (the page's code still runs unoptimized).
   */
  #termRowTemplate(side) {
    // Letters and values: one block each, a line per side, the row's own side in `.self`; a
    // side's text (or `.self` span) is child 2i, a <br> between, which #termRow relies on.
    const column = (className, text) => {
      const block = el('span', { class: className });
      SIDES.forEach((s, i) => {
        if (i > 0) block.append(document.createElement('br'));
        block.append(s === side ? el('span', { class: 'self', text: text(s) }) : text(s));
      });
      return block;
    };
    const tracks = el('span', { class: 'bar-tracks' });
    for (const s of SIDES) tracks.append(el('span', { class: 'bar-track' }, el('span', { class: 'bar-fill', 'data-bar': s })));
    const bars = el('span', { class: 'bars', 'aria-hidden': 'true' }, column('bar-labels', (s) => SIDE_ABBR[s]), tracks, column('bar-values', () => ''));
    const line = el('span', { class: 'term-line', 'aria-hidden': 'true' }, el('span', { class: 'term-name' }), el('span', { class: 'term-meta' }));
    const toggle = el('button', { type: 'button', class: 'term-toggle', 'aria-expanded': 'false' }, visuallyHidden(''), line, bars);
    return el('li', { class: 'term', 'data-role': 'term', 'data-side': side }, toggle);
  }

  #termRow(template, term, maxRate) {
    const display = String(term.display ?? term.term ?? '');
    const rates = SIDES.map((s) => Number(term.rate?.[s]) || 0);
    // Each number formatted once, for the eye and for the spoken sentence alike.
    const rateTexts = rates.map((rate) => oneDecimal.format(rate));
    const zText = `z ${twoDecimals.format(Number(term.z) || 0)}`;
    const outlets = plural(term.outlets ?? 0, 'outlet');
    const spoken =
      `${display}: ${SIDES.map((s, i) => `${s} ${rateTexts[i]}`).join(', ')} per 10,000 terms; ` +
      `${zText}; ${plural(term.count ?? 0, 'use')} in ${outlets}.`;

    const row = template.cloneNode(true);
    setProp(row, 'data-term', term.term);
    const toggle = row.firstChild;
    const [hidden, line, bars] = toggle.children;
    hidden.textContent = spoken;
    line.firstChild.textContent = display;
    line.lastChild.textContent = `${zText} · ${outlets}`;
    const [, tracks, values] = bars.children;
    rates.forEach((rate, i) => {
      const fill = tracks.children[i].firstChild;
      fill.toggleAttribute('data-zero', rate <= 0);
      fill.style.setProperty('--rate', String(maxRate > 0 ? Math.min(1, rate / maxRate) : 0));
      values.childNodes[2 * i].textContent = rateTexts[i];
    });

    disclosure(toggle, row, () => {
      const examples = el('div', { class: 'examples' });
      const list = Array.isArray(term.examples) ? term.examples : [];
      for (const example of list) {
        examples.append(
          el(
            'blockquote',
            {},
            el('p', {}, highlighted(example.sentence ?? '', [display, term.term])),
            el('cite', { text: `— ${example.source ?? ''}` }),
          ),
        );
      }
      if (list.length === 0) examples.append(el('p', { class: 'muted', text: 'No example sentence.' }));
      return examples;
    });

    return row;
  }

  #comparisonSection(report) {
    const ids = this.#ids();
    const headingId = ids('comparison-heading');
    const list = el('ul', { class: 'comparison', 'data-role': 'comparison' });
    for (const line of Array.isArray(report.comparison) ? report.comparison : []) {
      list.append(el('li', { 'data-side': line.side, text: String(line.text ?? '') }));
    }
    return el('section', { class: 'compare' }, el('div', { class: 'section-head' }, this.#heading(0, 'How the sides compare', { id: headingId })), list);
  }

  #footer(report) {
    const footer = el('footer', { class: 'footer' });
    const warnings = Array.isArray(report.warnings) ? report.warnings : [];
    if (warnings.length > 0) {
      const list = el('ul', { 'data-role': 'warnings' });
      for (const warning of warnings) list.append(el('li', { text: String(warning) }));
      footer.append(list);
    }
    const p = report.params ?? {};
    footer.append(
      el('p', {
        text:
          `Terms scored by weighted log-odds with an informative prior (Monroe, Colaresi & Quinn 2008): ` +
          `z ≥ ${p.z_min}, at least ${p.min_count} uses, up to ${p.max_ngram}-word phrases, prior ${p.prior_scale}.`,
      }),
    );
    return footer;
  }

  /** Element-unique ids for aria references inside this shadow root. */
  #ids() {
    return (name) => `bc-${name}`;
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('bias-compare')) {
  BiasCompareElement.define();
}

export default BiasCompareElement;
