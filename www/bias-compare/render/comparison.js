// The comparison section: the report's bullets, one per side, as the report words them.

import { el, heading } from '../dom.js';

export function comparisonSection(report, headingLevel) {
  const list = el('ul', { class: 'comparison', 'data-role': 'comparison' });
  for (const line of report.comparison) list.append(el('li', { 'data-side': line.side, text: line.text }));
  return el('section', { class: 'compare' }, el('div', { class: 'section-head' }, heading(headingLevel, 0, 'How the sides compare')), list);
}
