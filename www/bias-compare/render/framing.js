// The framing section: one column per side with its distinctive terms (term-row.js), or why
// it has none. Every term's bars share one scale, the highest rate of any term on any side.

import { el, heading } from '../dom.js';
import { SIDE_NAME, SIDES } from './sides.js';
import { blankTermRow, termRow } from './term-row.js';
import { FRAMING_NOTE, INSUFFICIENT_TITLE, insufficientReason, NO_TERMS_TITLE, noTermsReason, sideMeta } from './wording.js';

export function framingSection(report, headingLevel) {
  let maxRate = 0;
  for (const side of SIDES) {
    for (const term of report.framing[side].terms) {
      for (const s of SIDES) maxRate = Math.max(maxRate, Number(term.rate[s]) || 0);
    }
  }
  const columns = el('div', { class: 'sides' });
  for (const side of SIDES) columns.append(sideColumn(side, report, headingLevel, maxRate));
  return el(
    'section',
    { class: 'framing' },
    el('div', { class: 'section-head' }, heading(headingLevel, 0, 'Distinctive framing'), el('p', { class: 'section-note', text: FRAMING_NOTE })),
    columns,
  );
}

function sideColumn(side, report, headingLevel, maxRate) {
  const coverage = report.coverage[side];
  const framing = report.framing[side];
  const column = el(
    'div',
    { class: 'side', 'data-side': side, role: 'group', 'aria-label': `${SIDE_NAME[side]}: framing terms` },
    el('div', { class: 'side-head' }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), heading(headingLevel, 1, SIDE_NAME[side]), el('span', { class: 'side-meta', text: sideMeta(coverage) })),
  );
  if (framing.insufficient) {
    column.append(
      el('p', { class: 'side-empty', 'data-role': 'insufficient' }, el('strong', { text: INSUFFICIENT_TITLE }), insufficientReason(side, coverage.articles, framing.words)),
    );
  } else if (framing.terms.length === 0) {
    column.append(el('p', { class: 'side-empty', 'data-role': 'no-terms' }, el('strong', { text: NO_TERMS_TITLE }), noTermsReason(side)));
  } else {
    const list = el('ul', { class: 'terms' });
    const blank = blankTermRow(side);
    for (const term of framing.terms) list.append(termRow(blank, term, maxRate));
    column.append(list);
  }
  return column;
}
