// Coverage by facet, under the coverage bar: one small bar per outlet fact the story gives
// (region, owner, factuality), its values' shares of the articles whose value is known, and
// how many articles are unknown. The bars are drawn; the values are written beside them.

import { el, visuallyHidden } from '../dom.js';
import { formatNumber } from '../format.js';

const NAMES = { region: 'Region', owner: 'Owner', factuality: 'Factuality' };
const SHADES = 4;

export function facetBars(report) {
  const facets = Object.entries(report.coverage_by ?? {});
  if (facets.length === 0) return null;
  const box = el('div', { class: 'facets', 'data-role': 'facets' });
  for (const [facet, split] of facets) {
    const name = NAMES[facet] ?? facet;
    const bar = el('span', { class: 'facet-bar', 'aria-hidden': 'true' });
    const values = el('ul', { class: 'facet-values' });
    let shade = 0;
    for (const [value, counts] of Object.entries(split)) {
      if (value === 'unknown') continue;
      const share = Math.max(0, Number(counts.share) || 0);
      const segment = el('span', { class: 'facet-seg', 'data-shade': shade });
      segment.style.setProperty('--share', String(share));
      bar.append(segment);
      values.append(
        el(
          'li',
          { 'data-shade': shade },
          el('span', { class: 'facet-key', 'aria-hidden': 'true' }),
          el('span', { dir: 'auto', text: value }),
          ` ${Math.round(share * 100)}%`,
          visuallyHidden(` (${formatNumber(counts.articles)} of the articles)`),
        ),
      );
      shade = (shade + 1) % SHADES;
    }
    if (split.unknown?.articles > 0) values.append(el('li', { class: 'facet-unknown', text: `${formatNumber(split.unknown.articles)} unknown` }));
    box.append(el('div', { class: 'facet', role: 'group', 'aria-label': `Coverage by ${name.toLowerCase()}`, 'data-facet': facet }, el('span', { class: 'facet-name', text: name }), bar, values));
  }
  return box;
}
