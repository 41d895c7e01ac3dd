// The input of analyze() and of the element: a story (docs/STORY.md) and the options
// (docs/CLI.md, "Options"; docs/WIDGET.md, "Options"). tests/node/npm-package.test.mjs
// checks every sample story against these types with tsc, and the option names against the
// engine's own list.

/** A leaning as the report writes it (docs/STORY.md, "Leanings"). */
export type LeaningLabel = 'far-left' | 'left' | 'lean-left' | 'center' | 'lean-right' | 'right' | 'far-right' | 'unrated';

/**
 * A leaning as a story or a ratings table may write it: a label or one of the raters' labels
 * docs/STORY.md lists (`Left-Center`, `Least Biased`, `centre-left`, …), ignoring case, spaces,
 * hyphens and underscores. Anything else is an error naming the field.
 */
export type Leaning = LeaningLabel | (string & {});

/** An outlet's facts in a ratings table: its leaning and the facets coverage is also split by. */
export interface Rating {
  leaning?: Leaning | null;
  region?: string | null;
  owner?: string | null;
  factuality?: string | null;
}

/** Outlet names or URL hosts → leanings, or → an outlet's facts (docs/STORY.md, "ratings"). */
export type Ratings = Record<string, Leaning | Rating>;

/** One article (docs/STORY.md, "articles"). `null` is the same as leaving a key out. */
export interface Article {
  /** Unique within the story after trimming; not blank; at most 300 characters. */
  id: string;
  /** The outlet's name; not blank; at most 300 characters after trimming. */
  source: string;
  /** The article's body; may be empty. */
  text: string;
  /** Read as one sentence of its own, before the text. */
  headline?: string | null;
  /** Its host can look the outlet up in `ratings`; the widget links `http:`/`https:` URLs. */
  url?: string | null;
  /** The outlet's leaning, overriding every ratings table. */
  leaning?: Leaning | null;
  /** Checked to be a string; shown beside the headline. */
  published?: string | null;
  /** Facets of the outlet coverage is also split by (docs/STORY.md, "Facets"). */
  region?: string | null;
  owner?: string | null;
  factuality?: string | null;
}

/** One news event and the articles that cover it (docs/STORY.md). Unknown keys of the story
 * and of its articles are ignored by the engine. */
export interface Story {
  /** The event, for people; not read by the analysis. */
  title?: string | null;
  /** 1 to 100 000 articles, in any order. */
  articles: Article[];
  /** The story's own ratings table, consulted before `options.ratings`. */
  ratings?: Ratings | null;
}

/** The analysis options; a missing or `null` key keeps its default (README, "Defaults"), an
 * unknown key is an error. */
export interface Options {
  /** Longest framing term, in words: 1 to 5 (default 3). */
  maxNgram?: number | null;
  /** α0, the weight of the informative prior: above 0, at most 1e9 (default 500). */
  priorScale?: number | null;
  /** Smallest z-score listed (default 1.645). */
  zMin?: number | null;
  /** Fewest uses within a side: 1 to 1 000 000 (default 3). */
  minCount?: number | null;
  /** Most terms per side: 1 to 1000 (default 10). */
  top?: number | null;
  /** Largest outlet-level p-value listed: above 0, at most 1 (default 0.05). */
  maxP?: number | null;
  /** How each side talks: charged words, hedging, tone (default true; false leaves the section
   * out and fetches no lexicons). */
  language?: boolean | null;
  /** What each side stresses or leaves out (default true; false: the report's `emphasis` is
   * `null`, the bullets cite no emphasis, and the section is not computed). */
  emphasis?: boolean | null;
  /** Key points per side and common ground (default true; false: the report's `key_points`
   * and `common_ground` are `null`, and they are not computed). */
  keyPoints?: boolean | null;
  /** The host page's ratings, consulted after the story's own. */
  ratings?: Ratings | null;
}
