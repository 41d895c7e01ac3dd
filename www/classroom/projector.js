// The projector view: the comparison one section at a time, in large type and high contrast,
// for a whole class on one screen. Slides: coverage, key points, framing terms, what each side
// stresses or leaves out (when the report lists anything), how the sides compare — each drawn
// by the widget's own section code, in a shadow root with the widget's stylesheet, so they look
// and behave as in the panel — then the page's own Guess the leaning and Explain a term
// sections, moved into the view while it is open and put back after.
//
// Keys: → and PageDown next, ← and PageUp back, Home and End first and last, Escape leaves.
// In a form control (the guesses' radio buttons) only PageDown and PageUp move, and in the
// panel Escape closes what is open there, as those keys already mean something.

import { el } from '../bias-compare/dom.js';
import { showPanel } from '../bias-compare/render/panel.js';
import { comparisonSection } from '../bias-compare/render/comparison.js';
import { coverageSection } from '../bias-compare/render/coverage.js';
import { emphasisSection } from '../bias-compare/render/emphasis.js';
import { framingSection } from '../bias-compare/render/framing.js';
import { keyPointsSection } from '../bias-compare/render/key-points.js';
import { adoptStyles } from '../bias-compare/stylesheet.js';

const PANEL_SLIDES = [
  ['coverage', 'Coverage', coverageSection],
  ['key-points', 'Key points', keyPointsSection],
  ['framing', 'Framing terms', framingSection],
  ['emphasis', 'What each side stresses or leaves out', emphasisSection],
  ['comparison', 'How the sides compare', comparisonSection],
];

/* The sides side by side on a slide, as the class compares them: the panel puts its columns
 * side by side from 46rem, which at the projector's large type is wider than a 1280 px screen;
 * a slide is the whole screen and its columns can be narrower. The same rules as the panel's
 * framing.css and key-points.css, from 34rem (a 1024 px screen at its type size). */
const SLIDE_CSS = `@container bias-compare (min-width: 34rem) {
  .sides, .kp-panels { grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 1.25rem; }
  .kp-tabs { display: none; }
  .kp-panel[hidden] { display: block; }
  .kp-panel .side-head { display: flex; }
}`;
let slideSheet = null;

/** The widget's stylesheet in `root`, and the slides' own rules after it. */
function adoptSlideStyles(root) {
  adoptStyles(root);
  if (!('adoptedStyleSheets' in root) || typeof CSSStyleSheet !== 'function') return;
  if (!slideSheet) {
    slideSheet = new CSSStyleSheet();
    slideSheet.replaceSync(SLIDE_CSS);
  }
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, slideSheet];
}

export class Projector {
  #root;
  #slides = [];
  #current = 0;
  #moved = []; // [section, placeholder] of the page sections shown as slides
  #opener = null;
  active = false;

  /** `root`: the #projector element (the page's main landmark while it is open, with the story's
   * title as its heading); `sections`: the page sections that become the last slides. */
  constructor(root, { sections, report, title }) {
    this.#root = root;
    this.sections = sections;
    this.report = report;
    this.title = title;
    this.area = root.querySelector('#slides');
    this.where = root.querySelector('#slide-where');
    root.querySelector('#slide-prev').addEventListener('click', () => this.show(this.#current - 1));
    root.querySelector('#slide-next').addEventListener('click', () => this.show(this.#current + 1));
    root.querySelector('#projector-exit').addEventListener('click', () => this.close());
    document.addEventListener('keydown', (event) => this.#key(event));
  }

  open(opener) {
    if (this.active) return;
    this.#opener = opener ?? null;
    this.active = true;
    document.documentElement.classList.add('projector');
    this.#root.hidden = false;
    this.#build();
    this.show(0);
  }

  close() {
    if (!this.active) return;
    this.active = false;
    for (const [section, placeholder] of this.#moved) placeholder.replaceWith(section);
    this.#moved = [];
    this.area.replaceChildren();
    this.#slides = [];
    this.#root.hidden = true;
    document.documentElement.classList.remove('projector');
    this.#opener?.focus();
  }

  /** Rebuilds the panel's slides for a new report, keeping the slide shown. */
  refresh() {
    if (!this.active) return;
    const current = this.#current;
    for (const [section, placeholder] of this.#moved) placeholder.replaceWith(section);
    this.#moved = [];
    this.#build();
    this.show(current, { focus: false });
  }

  #build() {
    this.#root.querySelector('#projector-title').textContent = this.title();
    const report = this.report();
    const slides = [];
    if (report) {
      for (const [name, label, section] of PANEL_SLIDES) {
        const content = section(report, 2, null);
        if (!content) continue; // a section the report has nothing for (emphasis)
        const host = el('div', { class: 'slide-panel' });
        const root = host.attachShadow({ mode: 'open' });
        adoptSlideStyles(root);
        showPanel(root, content);
        slides.push(this.#slide(name, label, host));
      }
    }
    for (const section of this.sections) {
      const placeholder = document.createComment(`${section.id} is in the projector view`);
      section.replaceWith(placeholder);
      this.#moved.push([section, placeholder]);
      slides.push(this.#slide(section.id, section.querySelector('h2')?.textContent ?? section.id, section));
    }
    this.#slides = slides;
    this.area.replaceChildren(...slides.map((s) => s.node));
  }

  #slide(name, label, content) {
    // A group, not a section: the page's own sections keep their names as the regions they are.
    const node = el('div', { class: 'slide', role: 'group', 'data-slide': name, tabindex: '-1', 'aria-label': `Slide: ${label}`, hidden: true }, content);
    return { name, label, node };
  }

  show(index, { focus = true } = {}) {
    const count = this.#slides.length;
    if (!count) return;
    this.#current = Math.max(0, Math.min(count - 1, index));
    this.#slides.forEach((slide, i) => {
      slide.node.hidden = i !== this.#current;
    });
    const slide = this.#slides[this.#current];
    this.where.textContent = `${this.#current + 1} of ${count}: ${slide.label}`;
    this.#root.querySelector('#slide-prev').disabled = this.#current === 0;
    this.#root.querySelector('#slide-next').disabled = this.#current === count - 1;
    window.scrollTo(0, 0);
    if (focus) slide.node.focus({ preventScroll: true });
  }

  get current() {
    return this.#slides[this.#current]?.name ?? null;
  }

  #key(event) {
    if (!this.active || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    const inControl = target instanceof Element && Boolean(target.closest('input, textarea, select, [contenteditable="true"]'));
    // Escape inside the panel closes a headline list or a term's examples there.
    const inPanel = target instanceof Element && target.classList.contains('slide-panel');
    const moves = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 };
    if (event.key in moves && (!inControl || event.key.startsWith('Page'))) {
      event.preventDefault();
      this.show(this.#current + moves[event.key]);
    } else if ((event.key === 'Home' || event.key === 'End') && !inControl) {
      event.preventDefault();
      this.show(event.key === 'Home' ? 0 : this.#slides.length - 1);
    } else if (event.key === 'Escape' && !inControl && !inPanel) {
      event.preventDefault();
      this.close();
    }
  }
}
