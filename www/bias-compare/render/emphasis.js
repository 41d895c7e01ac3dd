// The emphasis section: the topics one side's outlets mentioned much more than the others',
// and the ones another side left out, as a short list — each row the topic, how many of each
// side's outlets mentioned it, and p; opened, the report's sentence about it and the side's
// sentences that mention it. Longer lists show SHOWN rows, then a button for the rest.

import { disclosure, el, heading, visuallyHidden } from '../dom.js';
import { formatNumber } from '../format.js';
import { SIDES } from './sides.js';

const SHOWN = 6;

export function emphasisSection(report, headingLevel) {
  // Nothing when the list is empty, or null (the section switched off: `emphasis: false`).
  if (!report.emphasis?.length) return null;
  const list = el('ul', { class: 'emphasis', 'data-role': 'emphasis' });
  report.emphasis.forEach((entry, i) => {
    const row = emphasisRow(entry, report);
    row.hidden = i >= SHOWN;
    list.append(row);
  });
  const section = el(
    'section',
    { class: 'emphasis-section' },
    el('div', { class: 'section-head' }, heading(headingLevel, 0, 'What each side stresses or leaves out'), el('p', { class: 'section-note', text: report.notes.emphasis })),
    list,
  );
  const rest = report.emphasis.length - SHOWN;
  if (rest > 0) {
    const more = el('button', { type: 'button', class: 'more', text: `Show ${formatNumber(rest)} more` });
    more.addEventListener('click', () => {
      for (const row of list.children) row.hidden = false;
      more.remove();
      list.children[SHOWN].querySelector('button').focus();
    });
    section.append(more);
  }
  return section;
}

function emphasisRow(entry, report) {
  const { sides, coverage } = report;
  const counts = SIDES.filter((s) => coverage[s].sources > 0).map((s) => `${sides[s].short} ${formatNumber(entry.outlets[s])}/${formatNumber(coverage[s].sources)}`);
  const omitted = entry.omitted_by.map((s) => sides[s].name).join(', ');
  const toggle = el(
    'button',
    { type: 'button', class: 'emph-toggle', 'aria-expanded': 'false' },
    visuallyHidden(`${entry.topic}, ${sides[entry.side].name}. ${entry.text}`),
    el(
      'span',
      { class: 'emph-line', 'aria-hidden': 'true' },
      el('span', { class: 'swatch' }),
      el('span', { class: 'emph-name', dir: 'auto', text: entry.topic }),
      el('span', { class: 'emph-meta', text: `${counts.join(' · ')} · p ${formatNumber(entry.p)}` }),
      omitted ? el('span', { class: 'emph-flag', text: `Not in ${omitted}` }) : null,
    ),
  );
  const row = el('li', { class: 'emph', 'data-side': entry.side, 'data-kind': entry.kind, 'data-tested': entry.tested }, toggle);
  disclosure(toggle, row, () => {
    const box = el('div', { class: 'examples' }, el('p', { class: 'term-evidence', text: entry.text }));
    for (const example of entry.examples) {
      box.append(el('blockquote', {}, el('p', { dir: 'auto', text: example.sentence }), el('cite', { text: `— ${example.source}` })));
    }
    return box;
  });
  return row;
}
