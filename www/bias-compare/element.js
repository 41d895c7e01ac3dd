// <bias-compare>: the custom element class. Owns the element's public API (the `story`,
// `options` and `report` properties, the reflected attributes), its lifecycle, and the update
// cycle that turns a story into a rendered report: pick the story's source, fetch `src`, ask
// the engine (engine/client.js), show the loading, error or report panel (render/), and
// dispatch the ready or error event. See docs/WIDGET.md for the contract.
//
// Security: everything taken from the story or the report reaches the page through
// textContent, attributes set one by one, or CSSOM custom properties. Nothing is parsed as
// HTML, nothing is evaluated, and the only requests are the engine's files and `src`.

// In the order that gzips dist/bias-compare.js smallest (the bundle follows it): the
// stylesheet's text first, then the code.
import { adoptStyles } from './stylesheet.js';
import { safeHref } from './dom.js';
import { showPanel, showReport } from './render/panel.js';
import { emptyState, errorState, loadingState } from './render/states.js';
import { analyzeStory, engineIsWarm, startEngine } from './engine/client.js';
import { errorMessage } from './error-message.js';

// The numeric options that can also be given as attributes: attribute name → option name.
const NUMERIC_ATTRIBUTES = {
  'max-ngram': 'maxNgram',
  'prior-scale': 'priorScale',
  'z-min': 'zMin',
  'min-count': 'minCount',
  top: 'top',
};

/**
 * An option attribute's number, or undefined when its text is not a number (absent, empty,
 * "lots", "Infinity"): such an attribute is ignored. Whether the number suits the option is
 * the engine's to say, in an error naming the option.
 */
function numberOf(text) {
  if (text === null || !/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text)) return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

export class BiasCompareElement extends HTMLElement {
  static observedAttributes = ['src', 'heading-level', 'method-href', ...Object.keys(NUMERIC_ATTRIBUTES)];

  /** Registers the element under `tag` (once); returns the class. */
  static define(tag = 'bias-compare', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #root;
  #story = undefined;
  #options = {};
  #report = null;
  #run = 0; // the current update; an older one's result is dropped
  #pending = false; // an update is waiting for `src` or the engine
  #dirty = true; // the input changed since the last update started
  #queued = false; // an update is scheduled for the end of this task
  #abort = null; // aborts the `src` fetch in flight
  #observer = null;
  #usedScript = null; // the child script's text the last update used

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

  /** Options for analyze(): the options object of docs/CLI.md ("Options"). */
  get options() {
    return { ...this.#options };
  }

  set options(value) {
    this.#options = value && typeof value === 'object' ? { ...value } : {};
    this.#invalidate();
  }

  /** The last report, or null while loading, after an error, or with no story. */
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

  get headingLevel() {
    const level = Number.parseInt(this.getAttribute('heading-level') ?? '', 10);
    return level >= 1 && level <= 5 ? level : 2;
  }

  set headingLevel(value) {
    this.setAttribute('heading-level', String(value));
  }

  /** Where the method is explained, linked from the panel's explanations: the `method-href`
   * attribute resolved against the page, when it is an http(s) URL; else '' (no link). */
  get methodHref() {
    return safeHref(this.getAttribute('method-href'), this.ownerDocument.baseURI) ?? '';
  }

  set methodHref(value) {
    this.setAttribute('method-href', value);
  }

  // ---------------------------------------------------------------- lifecycle

  connectedCallback() {
    if (!this.#observer) {
      // A child <script type="application/json"> may arrive or change after the element does.
      this.#observer = new MutationObserver(() => {
        if (this.#story !== undefined) return;
        const text = this.#scriptChild()?.textContent ?? null;
        if (text !== this.#usedScript) this.#invalidate();
      });
    }
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    // The engine starts loading with the first element in a document, story or not (one a
    // page's script will fill in later), not when the module is imported (docs/WIDGET.md).
    startEngine();
    if (this.#dirty) {
      if (this.#hasInput() && !this.#root.querySelector('.panel')) this.#showLoading();
      this.#schedule();
    }
  }

  disconnectedCallback() {
    this.#observer.disconnect();
    if (this.#pending) {
      // Abandon the update in flight; it starts again if the element comes back.
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

  /** Changes made in one task are batched into one update, at the end of the task. */
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

  /** Options in force: the `options` property, with the option attributes that hold a number
   * over it. The engine checks them all. */
  #effectiveOptions() {
    const options = { ...this.#options };
    for (const [attribute, key] of Object.entries(NUMERIC_ATTRIBUTES)) {
      const value = numberOf(this.getAttribute(attribute));
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
      showPanel(this.#root, emptyState());
      return;
    }

    // Until the engine has run once (it loads on first use) or while `src` is fetched, the
    // loading state shows; a warm re-analysis keeps the previous rendering until it is done.
    this.#pending = true;
    if (url !== null || !engineIsWarm()) this.#showLoading();
    try {
      if (url !== null) {
        story = await this.#fetchStory(url);
        if (run !== this.#run) return;
      }
      const report = await analyzeStory(story, this.#effectiveOptions());
      if (run !== this.#run) return;
      // The report is here: only newer input may abandon its rendering, not the element being
      // moved or taken out of the page while the rest of the panel waits for the bar's frame.
      this.#pending = false;
      if (!(await showReport(this.#root, report, this.headingLevel, this.methodHref, () => run === this.#run))) return;
      this.#report = report;
      this.#emit('bias-compare-ready', report);
    } catch (error) {
      if (run !== this.#run) return;
      this.#pending = false;
      this.#report = null;
      const message = errorMessage(error);
      showPanel(this.#root, errorState(message));
      this.#emit('bias-compare-error', { message });
    } finally {
      if (run === this.#run) this.#abort = null;
    }
  }

  /** The text at `url`; resolves to undefined when a newer update aborted the fetch. */
  async #fetchStory(url) {
    const controller = new AbortController();
    this.#abort = controller;
    let response;
    try {
      response = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      throw new Error(`src: could not fetch ${url}: ${errorMessage(error)}`);
    }
    if (!response.ok) {
      throw new Error(`src: ${url} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    return response.text();
  }

  #showLoading() {
    if (!this.#root.querySelector('[data-role="loading"]')) showPanel(this.#root, loadingState());
  }

  /** Both events bubble and cross the shadow boundary, so a page can listen anywhere above. */
  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

// The numeric option attributes as properties (maxNgram, priorScale, zMin, minCount, top): a
// number, or null when the attribute is absent or not a number; setting null, undefined or ''
// removes the attribute. Accessors on the prototype, as a class's getters and setters are.
for (const [attribute, key] of Object.entries(NUMERIC_ATTRIBUTES)) {
  Object.defineProperty(BiasCompareElement.prototype, key, {
    configurable: true,
    get() {
      return numberOf(this.getAttribute(attribute)) ?? null;
    },
    set(value) {
      if (value === null || value === undefined || value === '') this.removeAttribute(attribute);
      else this.setAttribute(attribute, String(value));
    },
  });
}
