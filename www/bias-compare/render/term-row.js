// A framing term's row: a disclosure button showing the term, its z-score and p-value, and
// its rate on every side as three bars, that opens the term's evidence: what its p counts,
// the outlets that used it, and its example sentences.
//
// Why rows are clones: a deep clone of one blank row per column is one call into the DOM,
// where building each row's twenty elements one by one was the larger part of a first
// render's script time (the page's code still runs unoptimized then). A clone is filled in
// through its parts' class names and `data-` names, never by child position, so the markup
// can change here in one place.

import { disclosure, el, visuallyHidden } from '../dom.js';
import { formatNumber, formatRate, formatZ } from '../format.js';
import { SIDES } from './sides.js';

/**
 * A closed term row of `side`'s column with every text and bar left empty, its bars labelled
 * with the report's one-letter side names `labels`. The bars are three
 * columns, not three rows: the letters and the values are one block of three lines each (a
 * <br> between), so a row lays out two runs of text rather than six; the column's own side is
 * `.self` in both.
 */
export function blankTermRow(side, labels) {
  const lines = (className, line) => {
    const block = el('span', { class: className });
    SIDES.forEach((s, i) => {
      if (i > 0) block.append(document.createElement('br'));
      block.append(line(s, s === side));
    });
    return block;
  };
  const tracks = el('span', { class: 'bar-tracks' });
  for (const s of SIDES) tracks.append(el('span', { class: 'bar-track' }, el('span', { class: 'bar-fill', 'data-bar': s })));
  const bars = el(
    'span',
    { class: 'bars', 'aria-hidden': 'true' },
    lines('bar-labels', (s, self) => (self ? el('span', { class: 'self', text: labels[s].short }) : labels[s].short)),
    tracks,
    lines('bar-values', (s, self) => el('span', { class: self && 'self', 'data-rate': s })),
  );
  const line = el('span', { class: 'term-line', 'aria-hidden': 'true' }, el('span', { class: 'term-name' }), el('span', { class: 'term-meta' }));
  const toggle = el('button', { type: 'button', class: 'term-toggle', 'aria-expanded': 'false' }, visuallyHidden(''), line, bars);
  return el('li', { class: 'term', 'data-role': 'term', 'data-side': side }, toggle);
}

/** A clone of `blank` filled in with `term`; its bars are scaled to `maxRate`. */
export function termRow(blank, term, maxRate, labels) {
  const display = String(term.display);
  const rates = SIDES.map((s) => Number(term.rate[s]) || 0);
  // Each number formatted once, for the eye and for the spoken sentence alike.
  const rateTexts = rates.map(formatRate);
  const zText = `z ${formatZ(term.z)}`;
  const pText = `p ${formatNumber(term.p)}`;

  const row = blank.cloneNode(true);
  row.setAttribute('data-term', term.term);
  const part = (selector) => row.querySelector(selector);
  part('.vh').textContent = `${display}: ${SIDES.map((s, i) => `${labels[s].name} ${rateTexts[i]}`).join(', ')} per 10,000 terms; ${zText}; ${pText}; ${term.uses}.`;
  part('.term-name').textContent = display;
  part('.term-meta').textContent = `${zText} · ${pText}`;
  SIDES.forEach((s, i) => {
    const fill = part(`[data-bar="${s}"]`);
    fill.toggleAttribute('data-zero', rates[i] <= 0);
    fill.style.setProperty('--rate', maxRate > 0 ? Math.min(1, rates[i] / maxRate) : 0);
    part(`[data-rate="${s}"]`).textContent = rateTexts[i];
  });
  disclosure(part('.term-toggle'), row, () => evidence(term, display));
  return row;
}

/** What the term's p counts, the outlets that used it with their counts, and its example
 * sentences, the term marked in each. */
function evidence(term, display) {
  const outlets = el('ul', { class: 'term-outlets', 'data-role': 'by-outlet', 'aria-label': term.uses });
  for (const { source, count } of term.by_outlet) {
    outlets.append(el('li', {}, el('span', { dir: 'auto', text: source }), ' ', el('span', { class: 'count', text: formatNumber(count) })));
  }
  const box = el('div', { class: 'examples' }, el('p', { class: 'term-evidence', 'data-role': 'evidence', text: term.evidence }), outlets);
  for (const example of term.examples) {
    box.append(el('blockquote', {}, el('p', {}, highlighted(example.sentence, [display, term.term])), el('cite', { text: `— ${example.source}` })));
  }
  return box;
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
