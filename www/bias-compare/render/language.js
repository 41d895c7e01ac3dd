// The language section, "How each side talks" (docs/WIDGET.md): per side, its rates of
// charged words and of hedges as bars on one scale, its mean tone as a bar either way from
// the middle, each with its p and whether the difference holds; the words it used most, and
// the sentences that show them, with every word that counts marked by its category (the
// category shows on hover and on focus, and is read out after the word).
//
// Nothing here when the report has no language section (switched off, or the lexicons could
// not be loaded: the report's warnings say so).

import { disclosure, el, heading, visuallyHidden } from '../dom.js';
import { formatNumber, formatRate } from '../format.js';
import { SIDES } from './sides.js';

const MEASURES = [
  ['charged', 'Charged words'],
  ['hedging', 'Hedges'],
];
const SHOWN_TERMS = 5;

export function languageSection(report, headingLevel) {
  const language = report.language;
  if (!language) return null;
  const names = {};
  for (const category of language.categories) names[category.key] = category.name;
  // One scale per measure across the sides: the highest rate, and the largest mean tone
  // either way (at least 0.1, so that a near-neutral story draws near-empty bars).
  const top = {};
  for (const [key] of MEASURES) top[key] = Math.max(...SIDES.map((s) => Number(language[s][key].rate) || 0));
  const toneTop = Math.max(0.1, ...SIDES.map((s) => Math.abs(Number(language[s].tone.mean) || 0)));

  const columns = el('div', { class: 'lang-sides' });
  for (const side of SIDES) {
    const label = report.sides[side];
    const data = language[side];
    const rows = el('ul', { class: 'measures' });
    for (const [key, name] of MEASURES) {
      const use = data[key];
      rows.append(measure(name, formatRate(use.rate), `others ${formatRate(use.others)}`, use, Math.max(0, Number(use.rate) / (top[key] || 1)), ' per 1,000 words'));
    }
    const tone = data.tone;
    const mean = Number(tone.mean) || 0;
    rows.append(measure('Tone', `mean ${formatNumber(mean)}`, `others ${formatNumber(tone.others)}`, tone, mean / toneTop, '', true));
    const column = el(
      'div',
      { class: 'lang-side', 'data-side': side, role: 'group', 'aria-label': `${label.name}: how it talks` },
      el('div', { class: 'side-head' }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), heading(headingLevel, 1, label.name), el('span', { class: 'side-meta', text: label.summary })),
      data.note ? el('p', { class: 'side-empty', 'data-role': 'language-note', text: data.note }) : null,
      rows,
    );
    const terms = [...data.charged.terms, ...data.hedging.terms].filter((t) => t.count > 0).sort((a, b) => b.count - a.count).slice(0, SHOWN_TERMS);
    if (terms.length > 0) {
      column.append(
        reveal(`Words: ${terms.map((t) => `${t.display} ${t.count}`).join(', ')}`, () =>
          terms.map((t) => example(t.examples[0], `${t.display} (${names[t.category] ?? t.category}), ${t.uses}`, names)),
        ),
      );
    }
    const toned = [tone.most_negative, tone.most_positive].filter(Boolean);
    if (toned.length > 0) {
      column.append(reveal('Most negative and most positive sentences', () => toned.map((s) => example(s, `score ${formatNumber(s.score)}`, names))));
    }
    columns.append(column);
  }
  return el(
    'section',
    { class: 'language', 'data-role': 'language' },
    el('div', { class: 'section-head' }, heading(headingLevel, 0, 'How each side talks'), el('p', { class: 'section-note', text: language.note })),
    columns,
  );
}

/** One measure: its name and value (read out with its `unit`), a bar (from the start, or
 * either way from the middle for the tone), and its p; "holds" when the difference holds. */
function measure(name, value, others, data, share, unit = '', diverging = false) {
  const holds = data.holds === true;
  const fill = el('span', { class: 'measure-fill' });
  fill.style.setProperty('--share', Math.max(-1, Math.min(1, share)));
  const meta = `${others} · p ${formatNumber(data.p)}`;
  return el(
    'li',
    { class: 'measure', 'data-holds': holds, 'data-diverging': diverging },
    el('span', { class: 'measure-line', 'aria-hidden': 'true' }, el('span', { class: 'measure-name', text: name }), el('span', { class: 'measure-value', text: value })),
    el('span', { class: 'measure-track', 'aria-hidden': 'true' }, fill),
    el('span', { class: 'measure-meta', 'aria-hidden': 'true', text: holds ? `${meta} · holds` : meta }),
    visuallyHidden(`${name}: ${value}${unit}; ${meta}${holds ? '; the difference holds' : ''}.`),
  );
}

/** A closed disclosure under a side's measures; `build` makes its content when first opened. */
function reveal(text, build) {
  const box = el('div', { class: 'reveal' });
  const button = el('button', { type: 'button', class: 'lang-toggle', 'aria-expanded': 'false' }, el('span', { class: 'lang-toggle-text', text }));
  box.append(button);
  disclosure(button, box, () => el('div', { class: 'examples' }, ...build()));
  return box;
}

/** A quoted sentence, its marked parts as focusable marks that show their category. */
function example(quote, caption, names) {
  if (!quote) return el('p', { class: 'term-evidence', text: caption });
  const text = el('p');
  for (const part of quote.parts) {
    if (typeof part === 'string') {
      text.append(part);
      continue;
    }
    const name = names[part.category] ?? part.category;
    text.append(el('mark', { tabindex: '0', 'data-category': part.category, 'data-label': name }, part.text, visuallyHidden(` (${name})`)));
  }
  return el('blockquote', {}, el('p', { class: 'term-evidence', text: caption }), text, el('cite', { text: `— ${quote.source}` }));
}
