// The projector view: the comparison one section at a time, in large type and high contrast,
// for a whole class on one screen. Slides: coverage, framing terms, how the sides compare
// (each drawn by the widget's own section code, in a shadow root with the widget's stylesheet,
// so they look and behave as in the panel), then the page's own Guess the leaning and Explain
// a term sections, moved into the view while it is open and put back after.
//
// Keys: → and PageDown next, ← and PageUp back, Home and End first and last, Escape leaves.
// In a form control (the guesses' radio buttons) only PageDown and PageUp move, and in the
// panel Escape closes what is open there, as those keys already mean something.

import { el } from '../bias-compare/dom.js';
import { showPanel } from '../bias-compare/render/panel.js';
import { comparisonSection } from '../bias-compare/render/comparison.js';
import { coverageSection } from '../bias-compare/render/coverage.js';
import { framingSection } from '../bias-compare/render/framing.js';
import { adoptStyles } from '../bias-compare/stylesheet.js';

const PANEL_SLIDES = [
  ['coverage', 'Coverage', coverageSection],
  ['framing', 'Framing terms', framingSection],
  ['comparison', 'How the sides compare', comparisonSection],
];

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
        const host = el('div', { class: 'slide-panel' });
        const root = host.attachShadow({ mode: 'open' });
        adoptStyles(root);
        showPanel(root, section(report, 2, null));
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
