// The sentences about a story that the element words itself from the report's numbers: every
// text in the panel that states something about the coverage or the framing, rather than
// labelling a control. The report's own sentences (the comparison bullets, the blindspot note,
// the warnings) are shown as the report gives them.
//
// To be replaced by sentences the report carries (issue 11, core half).
//
// Until then some of these restate rules of the engine: the outlets' names, the sufficiency
// threshold of a side (2 articles, 200 words), the whole-percent rounding of shares and the
// scoring method's parameters.

import { formatNumber } from '../format.js';

const OUTLETS = {
  left: 'left-leaning outlets',
  center: 'center outlets',
  right: 'right-leaning outlets',
};

/** "1 article", "1,204 articles". */
export function plural(count, one, many = `${one}s`) {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/**
 * Whole percentages, each share rounded on its own: equal article counts must show equal
 * percentages (6/6/6 is 33/33/33, not 34/33/33), as in the CLI and the blindspot text, even
 * if the three then add up to 99 or 101.
 */
export function percentages(shares) {
  return shares.map((share) => Math.round(Math.max(0, Number(share) || 0) * 100));
}

/** Under the coverage heading: "12 articles · 9 sources · 1 unrated". */
export function coverageSummary(coverage) {
  const parts = [plural(coverage.total_articles, 'article'), plural(coverage.total_sources, 'source')];
  if (coverage.unrated.articles > 0) parts.push(`${formatNumber(coverage.unrated.articles)} unrated`);
  return parts.join(' · ');
}

/** Under the coverage bar: what its shares are of, or that there are none. */
export function coverageHint(rated) {
  return rated > 0
    ? 'Shares of articles from rated outlets. Select a side to see its headlines.'
    : 'No article comes from an outlet with a bias rating.';
}

/** A coverage segment, for screen readers after its name, share and article count. */
export function segmentSources(sources) {
  return `, ${plural(sources, 'source')}. Show headlines.`;
}

/** Above a side's headlines. */
export function headlinesTitle(sideName, side, count) {
  return `${sideName}: ${plural(count, 'article')} from ${OUTLETS[side]}`;
}

export function noHeadlines(side) {
  return `No article from ${OUTLETS[side]}.`;
}

/** The summary line of the unrated articles' list. */
export function unratedSummary(unrated) {
  return (
    ` Unrated: ${plural(unrated.articles, 'article')} from ${plural(unrated.sources, 'source')} ` +
    'without a bias rating (counted in coverage, left out of framing)'
  );
}

/** A headline list's fallbacks: an article without a headline, a leaning finer than its side. */
export function untitledArticle(id) {
  return `Article ${id}`;
}

export function leaningNote(article) {
  return article.leaning !== article.side ? ` · ${article.leaning}` : '';
}

/** Under the framing heading. */
export const FRAMING_NOTE = 'Words each side used more than the others, per 10,000 terms. Select a term for example sentences.';

/** Beside a framing column's side name: "5 articles · 4 outlets". */
export function sideMeta(coverage) {
  return `${plural(coverage.articles, 'article')} · ${plural(coverage.sources, 'outlet')}`;
}

/** A side with too little text to compare: a heading, then why. */
export const INSUFFICIENT_TITLE = 'Not enough coverage';

export function insufficientReason(side, articles, words) {
  return `${plural(articles, 'article')} and ${plural(words, 'word')} from ${OUTLETS[side]}; comparing needs at least 2 articles and 200 words.`;
}

/** A side with enough text but no term above the thresholds. */
export const NO_TERMS_TITLE = 'No distinctive terms';

export function noTermsReason(side) {
  return `Nothing ${OUTLETS[side]} said stood out from the other sides.`;
}

/** A term row's figures beside its name: "z 2.66 · 4 outlets". */
export function termFigures(zText, outlets) {
  return `${zText} · ${outlets}`;
}

/** A term row for screen readers, from the texts its bars show:
 * "daring: left 48.7, center 0, right 0 per 10,000 terms; z 2.66; 9 uses in 4 outlets." */
export function termSpoken(display, sides, rateTexts, zText, count, outlets) {
  return (
    `${display}: ${sides.map((side, i) => `${side} ${rateTexts[i]}`).join(', ')} per 10,000 terms; ` +
    `${zText}; ${plural(count, 'use')} in ${outlets}.`
  );
}

export const NO_EXAMPLES = 'No example sentence.';

/** The footer's line on how the terms were scored, with the report's parameters. */
export function methodLine(params) {
  return (
    'Terms scored by weighted log-odds with an informative prior (Monroe, Colaresi & Quinn 2008): ' +
    `z ≥ ${params.z_min}, at least ${params.min_count} uses, up to ${params.max_ngram}-word phrases, prior ${params.prior_scale}.`
  );
}
