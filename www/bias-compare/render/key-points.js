// The key points section: each side's key points — sentences quoted from its own articles,
// each linked to its article when the article has an http(s) URL — as three columns on a wide
// panel and as tabs on a narrow one (the ARIA tabs pattern: the arrow keys, Home and End move
// between the sides), then the common ground every side reported. The layout switch is the
// stylesheet's container query: the same markup serves both, with nothing measured here.

import { el, heading, visuallyHidden } from '../dom.js';
import { safeHref } from '../dom.js';
import { SIDES } from './sides.js';

export function keyPointsSection(report, headingLevel) {
  // Nothing when the section is switched off (`keyPoints: false`: both lists null).
  if (!report.key_points) return null;
  // Only the articles a point quotes: a URL read is costly, a long story has hundreds.
  const byId = new Map(report.articles.map((article) => [article.id, article]));
  const hrefOf = (id) => safeHref(byId.get(id)?.url);
  const tablist = el('div', { class: 'kp-tabs', role: 'tablist', 'aria-label': 'Key points by side' });
  const panels = el('div', { class: 'kp-panels' });
  const tabs = SIDES.map((side) => {
    const name = report.sides[side].name;
    const tab = el('button', { type: 'button', role: 'tab', id: `bc-kp-tab-${side}`, 'aria-controls': `bc-kp-${side}`, 'data-side': side }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), ` ${name}`);
    const points = report.key_points[side];
    const list = points.length > 0 ? pointList(points, hrefOf, null) : el('p', { class: 'side-empty', text: report.sides[side].summary });
    const panel = el(
      'div',
      { class: 'kp-panel', role: 'tabpanel', id: `bc-kp-${side}`, 'aria-labelledby': tab.id, 'data-side': side },
      el('div', { class: 'side-head' }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), heading(headingLevel, 1, name)),
      list,
    );
    // A panel with nothing to focus in it takes the focus itself (the tabs pattern).
    if (!panel.querySelector('a')) panel.tabIndex = 0;
    tablist.append(tab);
    panels.append(panel);
    return tab;
  });
  const select = (index, focus) => {
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', i === index);
      tab.tabIndex = i === index ? 0 : -1;
      panels.children[i].hidden = i !== index;
    });
    if (focus) tabs[index].focus();
  };
  tabs.forEach((tab, i) => tab.addEventListener('click', () => select(i, false)));
  tablist.addEventListener('keydown', (event) => {
    const current = tabs.indexOf(event.target);
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (current < 0 || next === undefined) return;
    event.preventDefault();
    select((next + tabs.length) % tabs.length, true);
  });
  select(0, false);

  const section = el(
    'section',
    { class: 'key-points', 'data-role': 'key-points' },
    el('div', { class: 'section-head' }, heading(headingLevel, 0, 'Key points'), el('p', { class: 'section-note', text: report.notes.key_points })),
    tablist,
    panels,
  );
  if (report.common_ground?.length > 0) {
    section.append(
      el(
        'div',
        { class: 'common-ground', 'data-role': 'common-ground' },
        heading(headingLevel, 1, 'Common ground'),
        el('p', { class: 'section-note', text: report.notes.common_ground }),
        pointList(report.common_ground, hrefOf, report.sides),
      ),
    );
  }
  return section;
}

/** Quoted sentences, each with its outlet, linked to the article; `sides` (the report's side
 * names), when given, marks each one's side. */
function pointList(points, hrefOf, sides) {
  const list = el('ul', { class: 'points' });
  for (const point of points) {
    const href = hrefOf(point.article);
    const source = el('span', { dir: 'auto', text: point.source });
    list.append(
      el(
        'li',
        { 'data-side': point.side },
        el('p', { class: 'point-text', dir: 'auto', text: point.sentence }),
        el(
          'p',
          { class: 'point-source' },
          sides ? el('span', { class: 'swatch', 'aria-hidden': 'true' }) : null,
          sides ? visuallyHidden(`${sides[point.side].name}: `) : null,
          href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow' }, source, visuallyHidden(' (the article)')) : source,
        ),
      ),
    );
  }
  return list;
}
