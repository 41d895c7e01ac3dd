// The coverage section: the bar of left, center and right shares (each segment a button that
// opens that side's headlines below it), the blindspot note, and the unrated articles.
//
// The open side is state of this section's rendering, kept here: a new report renders a new
// section, with every list closed.

import { el, heading, visuallyHidden } from '../dom.js';
import { articleList } from './article-list.js';
import { facetBars } from './facets.js';
import { SIDES } from './sides.js';

// Ids for aria references; each element has a shadow root of its own, so fixed ids are unique.
const HEADING_ID = 'bc-coverage-heading';
const HEADLINES_ID = 'bc-headlines';

export function coverageSection(report, headingLevel) {
  const { coverage, articles, sides, notes } = report;
  const blindspotSide = report.blindspot?.side ?? null;
  const rated = SIDES.reduce((sum, side) => sum + coverage[side].articles, 0);

  const segments = new Map();
  let openSide = null;
  const panel = el('div', { class: 'headlines', id: HEADLINES_ID, 'data-role': 'headlines', hidden: true });

  const open = (side) => {
    const items = articles.filter((article) => article.side === side);
    const close = el('button', { type: 'button', class: 'close', text: 'Close' });
    close.addEventListener('click', () => shut(true));
    panel.replaceChildren(
      el('div', { class: 'headlines-head' }, el('p', { class: 'headlines-title', text: `${sides[side].name}: ${sides[side].summary}` }), close),
      items.length > 0 ? articleList(items) : null,
    );
    panel.setAttribute('data-side', side);
    panel.hidden = false;
    for (const [name, button] of segments) button.setAttribute('aria-expanded', String(name === side));
    openSide = side;
  };

  const shut = (returnFocus) => {
    const side = openSide;
    panel.hidden = true;
    panel.replaceChildren();
    panel.removeAttribute('data-side');
    for (const button of segments.values()) button.setAttribute('aria-expanded', 'false');
    openSide = null;
    if (returnFocus && side) segments.get(side).focus();
  };

  const bar = el('div', { class: 'coverage-bar', 'data-role': 'coverage', role: 'group', 'aria-labelledby': HEADING_ID });
  for (const side of SIDES) {
    const data = coverage[side];
    const label = sides[side];
    const blind = side === blindspotSide;
    const button = el(
      'button',
      {
        type: 'button',
        class: 'segment',
        'data-side': side,
        'data-blindspot': blind,
        'data-empty': data.articles === 0,
        'aria-expanded': 'false',
        'aria-controls': HEADLINES_ID,
      },
      el(
        'span',
        { class: 'seg-top' },
        el('span', { class: 'seg-name' }, el('span', { class: 'full', text: label.name }), el('span', { class: 'abbr', text: label.short })),
        el('span', { class: 'seg-pct', text: label.percent }),
      ),
      el('span', { class: 'seg-count', text: label.articles }),
      blind ? el('span', { class: 'seg-flag', text: 'Blindspot' }) : null,
      visuallyHidden(`: ${label.summary}. Show headlines.`),
    );
    // With no rated article at all, three equal (muted) segments rather than an empty bar.
    const share = rated > 0 ? Math.max(0, Number(data.share) || 0) : 1 / 3;
    button.style.setProperty('--share', String(share));
    button.addEventListener('click', () => (openSide === side ? shut(false) : open(side)));
    segments.set(side, button);
    bar.append(button);
  }
  bar.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && openSide) shut(true);
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') shut(true);
  });

  const section = el(
    'section',
    { class: 'coverage' },
    el(
      'div',
      { class: 'section-head' },
      heading(headingLevel, 0, 'Coverage by political leaning', { id: HEADING_ID }),
      el('p', { class: 'section-note', text: notes.coverage }),
    ),
    bar,
    facetBars(report),
    el('p', { class: 'coverage-hint', text: rated > 0 ? `${notes.shares} Select a side to see its headlines.` : notes.shares }),
  );
  if (report.blindspot) {
    section.append(
      el(
        'p',
        { class: 'blindspot', 'data-role': 'blindspot', 'data-side': report.blindspot.side },
        el('span', { class: 'blindspot-icon', 'aria-hidden': 'true', text: '◐' }),
        el('span', { text: `${report.blindspot.text} ${notes.blindspot}` }),
      ),
    );
  }
  section.append(panel);
  if (coverage.unrated.articles > 0) section.append(unratedArticles(sides.unrated, articles));
  return section;
}

/** Built with the panel (a short list, and a documented hook); a closed <details> is not laid out. */
function unratedArticles(label, articles) {
  return el(
    'details',
    { class: 'unrated', 'data-role': 'unrated', 'data-side': 'unrated' },
    el('summary', {}, el('span', { class: 'swatch', 'aria-hidden': 'true' }), ` ${label.name}: ${label.summary}`),
    articleList(articles.filter((article) => article.side === 'unrated')),
  );
}
