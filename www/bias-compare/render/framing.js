// The framing section: what its numbers mean, then one column per side with its distinctive
// terms (term-row.js), or why it has none. Every term's bars share one scale, the highest rate
// of any term on any side.

import { el, heading } from '../dom.js';
import { SIDES } from './sides.js';
import { blankTermRow, termRow } from './term-row.js';

/** `methodHref`: where the method is explained (the host's `method-href`), or null. */
export function framingSection(report, headingLevel, methodHref) {
  let maxRate = 0;
  for (const side of SIDES) {
    for (const term of report.framing[side].terms) {
      for (const s of SIDES) maxRate = Math.max(maxRate, Number(term.rate[s]) || 0);
    }
  }
  const columns = el('div', { class: 'sides' });
  for (const side of SIDES) columns.append(sideColumn(side, report, headingLevel, maxRate));
  // Once the panel's first frame is on screen and the page is idle, the columns that frame
  // skipped (out of view) are laid out too, so that a full-page capture shows them (framing.css).
  // Only those: a column that was drawn would be laid out again for nothing.
  requestAnimationFrame(() =>
    (window.requestIdleCallback || setTimeout)(() => {
      for (const column of columns.children) {
        if (!column.firstChild.checkVisibility?.({ contentVisibilityAuto: true })) column.classList.add('drawn');
      }
    }),
  );
  return el(
    'section',
    { class: 'framing' },
    el('div', { class: 'section-head' }, heading(headingLevel, 0, 'Distinctive framing'), el('p', { class: 'section-note', text: `${report.notes.framing} Select a term for its sentences and the outlets that used it.` })),
    legend(report.notes, methodHref),
    columns,
  );
}

/** The report's one line on each number the panel shows, and a link to the method when the
 * host gives one. */
function legend(notes, methodHref) {
  const list = el('ul', {});
  for (const key of ['rate', 'z', 'p', 'blindspot']) list.append(el('li', { text: notes[key] }));
  if (methodHref) list.append(el('li', {}, el('a', { href: methodHref, target: '_blank', rel: 'noopener', text: 'The method, with formulas and worked examples' })));
  return el('details', { class: 'legend', 'data-role': 'legend' }, el('summary', { text: 'What the numbers mean' }), list);
}

function sideColumn(side, report, headingLevel, maxRate) {
  const label = report.sides[side];
  const framing = report.framing[side];
  const column = el(
    'div',
    { class: 'side', 'data-side': side, role: 'group', 'aria-label': `${label.name}: framing terms` },
    el('div', { class: 'side-head' }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), heading(headingLevel, 1, label.name), el('span', { class: 'side-meta', text: label.summary })),
  );
  // A side whose terms are not a tested list says why: too little coverage, nothing to
  // compare with, nothing that stood out, or too few outlets to test (then its terms follow,
  // as a description).
  if (framing.status) {
    const role = framing.insufficient ? 'insufficient' : framing.terms.length > 0 ? 'descriptive' : 'no-terms';
    column.append(el('p', { class: 'side-empty', 'data-role': role }, el('strong', { text: framing.status }), framing.note));
  }
  if (framing.terms.length > 0) {
    const list = el('ul', { class: 'terms', 'data-tested': framing.tested });
    const blank = blankTermRow(side, report.sides);
    for (const term of framing.terms) list.append(termRow(blank, term, maxRate, report.sides));
    column.append(list);
  }
  return column;
}
