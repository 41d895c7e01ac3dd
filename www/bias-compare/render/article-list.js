// Lists of a story's articles (a side's headlines, the unrated articles): source, leaning,
// publication date and headline, linked when its URL is an absolute http(s) URL. Long lists
// show LIST_STEP items, then a button for the next ones.

import { el, safeHref } from '../dom.js';
import { formatNumber } from '../format.js';

const LIST_STEP = 100;

export function articleList(items) {
  const list = el('ul', { class: 'article-list' });
  let shown = 0;
  const more = () => {
    const next = items.slice(shown, shown + LIST_STEP);
    for (const article of next) list.append(articleItem(article));
    shown += next.length;
    if (shown >= items.length) return;
    const left = items.length - shown;
    const button = el('button', { type: 'button', class: 'more', text: `Show ${formatNumber(Math.min(LIST_STEP, left))} more of ${formatNumber(left)}` });
    const item = el('li', { class: 'more-item' }, button);
    button.addEventListener('click', () => {
      const focusTarget = item.previousElementSibling;
      item.remove();
      more();
      // Keep the keyboard where it was: on the first of the items just added.
      const first = focusTarget ? focusTarget.nextElementSibling : list.firstElementChild;
      const link = first?.querySelector('a');
      if (link) link.focus();
      else if (first) {
        first.setAttribute('tabindex', '-1');
        first.focus();
      }
    });
    list.append(item);
  };
  more();
  return list;
}

function articleItem(article) {
  const href = safeHref(article.url);
  // An article without a headline is listed by its id.
  const headline = typeof article.headline === 'string' && article.headline.trim() !== '' ? article.headline : `Article ${article.id}`;
  // The leaning, when finer than its side ("far-left" among the left), and the date the story
  // gives, as it gives it (an ISO timestamp to its day).
  const leaning = article.leaning !== article.side ? ` · ${article.leaning}` : '';
  const published = typeof article.published === 'string' ? article.published.trim().replace(/^(\d{4}-\d\d-\d\d)T.*/, '$1') : '';
  return el(
    'li',
    { 'data-article': article.id },
    // dir="auto" isolates story text: a right-to-left name, or a stray U+202E override in one,
    // cannot reorder the text around it.
    el('span', { class: 'article-source' }, el('span', { dir: 'auto', text: article.source }), el('span', { class: 'article-leaning', text: leaning }, published && ' · ', published && el('bdi', { text: published }))),
    href
      ? el('a', { class: 'article-headline', dir: 'auto', href, target: '_blank', rel: 'noopener noreferrer nofollow', text: headline })
      : el('span', { class: 'article-headline', dir: 'auto', text: headline }),
  );
}
