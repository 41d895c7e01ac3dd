// The output of analyze() and of the element: the report of docs/REPORT.md, key for key.
// tests/node/npm-package.test.mjs checks these types with tsc against the engine's reports of
// every sample story and every valid case of the bad-input catalogue (tests/catalogue/): a key
// the engine writes that is not declared here, or one declared here that it does not write,
// fails the test.
//
// Every fractional number is rounded to 4 places; counts are whole numbers.

import type { LeaningLabel } from './story.js';

export type RatedSide = 'left' | 'center' | 'right';
export type Side = RatedSide | 'unrated';

/** Where an article's leaning came from (docs/STORY.md, "How an article's leaning is found"). */
export type LeaningFrom = 'article' | 'ratings.source' | 'ratings.host' | 'options.ratings.source' | 'options.ratings.host' | 'none';

/** The analysis of one story (docs/REPORT.md). Later versions may add keys: ignore keys you do not know. */
export interface Report {
  /** The report format's version. */
  version: 1;
  params: Params;
  coverage: Coverage;
  /** Coverage split by each outlet facet the story gives (`region`, `owner`, `factuality`). */
  coverage_by: CoverageBy;
  sides: Sides;
  /** Set when rated coverage is lopsided enough that one side barely covered the story. */
  blindspot: Blindspot | null;
  framing: Framing;
  /** Topics one side's outlets mentioned much more than the others, or others left out;
   * strongest first. `null` when switched off (`emphasis: false`). */
  emphasis: Emphasis[] | null;
  /** Up to 4 sentences per side that best represent its coverage; `null` when switched off
   * (`keyPoints: false`). */
  key_points: KeyPoints | null;
  /** Sentences whose content every side covered; `null` when switched off (`keyPoints: false`). */
  common_ground: KeyPoint[] | null;
  /** How each side talks; `null` when switched off (`language: false`) or when the lexicons
   * could not be loaded (a warning then says so). */
  language: Language | null;
  /** One sentence per side, in the order left, center, right. */
  comparison: ComparisonLine[];
  /** Sentences about what may distort the picture; often empty. */
  warnings: string[];
  notes: Notes;
  /** Every article of the story, by side, then source, then id. */
  articles: ArticleSummary[];
}

/** The options in force, with the report's names. */
export interface Params {
  max_ngram: number;
  prior_scale: number;
  z_min: number;
  min_count: number;
  top_k: number;
  max_p: number;
  /** Whether the language section was asked for. */
  language: boolean;
  /** Whether the emphasis section was asked for. */
  emphasis: boolean;
  /** Whether key points and common ground were asked for. */
  key_points: boolean;
}

export interface SideCoverage {
  articles: number;
  /** Distinct `source` names among the side's articles. */
  sources: number;
  /** The side's articles ÷ rated articles, 0 to 1. */
  share: number;
}

export interface UnratedCoverage {
  articles: number;
  sources: number;
}

export interface Coverage {
  left: SideCoverage;
  center: SideCoverage;
  right: SideCoverage;
  unrated: UnratedCoverage;
  total_articles: number;
  total_sources: number;
}

/** How front ends name a side, and its coverage in words. */
export interface SideLabel {
  /** "Left", "Center", "Right", "Unrated". */
  name: string;
  /** One letter: "L", "C", "R", "U". */
  short: string;
  /** How sentences name the side's outlets: "left-leaning outlets". */
  outlets: string;
  /** "6 articles". */
  articles: string;
  /** The side's share of rated articles as a whole per cent, "33%"; `null` for the unrated. */
  percent: string | null;
  /** "6 articles from 4 outlets". */
  summary: string;
}

export interface Sides {
  left: SideLabel;
  center: SideLabel;
  right: SideLabel;
  unrated: SideLabel;
}

export interface Blindspot {
  /** The side that under-covered the story. */
  side: 'left' | 'right';
  share: number;
  /** The opposite side's share. */
  opposite_share: number;
  /** One sentence for readers. */
  text: string;
}

export interface Framing {
  left: SideFraming;
  center: SideFraming;
  right: SideFraming;
}

/** One side's framing terms, with the totals they were computed from. */
export interface SideFraming {
  /** Fewer than 2 articles or fewer than 200 words: no terms. */
  insufficient: boolean;
  /** Whether the side's terms passed the outlet-level test; when false they only describe these articles. */
  tested: boolean;
  test: TestDesign;
  /** A short title for a side whose terms are not a tested list ("Not enough coverage",
   * "Description only", "No distinctive terms", "Nothing to compare with"), else `null`. */
  status: string | null;
  /** One sentence saying why, for the same sides, else `null`. */
  note: string | null;
  /** At most `top_k` terms, best first. */
  terms: Term[];
  /** Words in the side's headlines and texts. */
  words: number;
  /** Occurrences of terms of every length in the side: the denominator of every `rate`. */
  term_tokens: number;
}

/** The outlet-level test a side's terms were put to. */
export interface TestDesign {
  /** k: the side's outlets. */
  units: number;
  /** N: all rated outlets. */
  of: number;
  /** C(N, k), the ways to choose k of the N outlets; `null` when larger than 2⁵³. */
  assignments: number | null;
  /** Whether p counts every assignment, or estimates from 9 999 random ones. */
  exact: boolean;
  /** The smallest p the story allows for this side. */
  min_p: number;
}

/** One distinctive framing term of a side. */
export interface Term {
  /** The normalized form: `pearl harbor`. */
  term: string;
  /** The form most often written: `Pearl Harbor`. */
  display: string;
  z: number;
  /** Uses in the side's articles, headlines included. */
  count: number;
  /** Distinct outlets of the side that use it. */
  outlets: number;
  /** `count` and `outlets` in words: "9 uses in 4 outlets". */
  uses: string;
  /** The outlet-level test's p-value. */
  p: number;
  /** What `p` counts, in words. */
  evidence: string;
  /** Every outlet of the side that used the term, most uses first, then by name. */
  by_outlet: OutletUses[];
  /** Uses per 10 000 term tokens in each side. */
  rate: Rates;
  /** Up to 3 sentences of the side that contain the term. */
  examples: Example[];
}

export interface OutletUses {
  source: string;
  count: number;
}

export interface Rates {
  left: number;
  center: number;
  right: number;
}

export interface Example {
  /** The article's `id`, trimmed. */
  article: string;
  source: string;
  /** Quoted exactly from the article's headline or text (a long one as a window marked with `…`). */
  sentence: string;
}

export interface ComparisonLine {
  side: RatedSide;
  text: string;
}

/** One sentence for each thing a reader may ask about the report. */
export interface Notes {
  coverage: string;
  shares: string;
  framing: string;
  rate: string;
  z: string;
  p: string;
  blindspot: string;
  method: string;
  emphasis: string;
  key_points: string;
  common_ground: string;
}

/** Each facet present, keyed by facet name; each value keyed by itself, the rest under `unknown`. */
export type CoverageBy = Partial<Record<'region' | 'owner' | 'factuality', FacetCoverage>>;

export type FacetCoverage = { unknown: UnratedCoverage } & { [value: string]: SideCoverage | UnratedCoverage };

export interface SideCounts {
  left: number;
  center: number;
  right: number;
}

export interface SideShares {
  left: number;
  center: number;
  right: number;
}

export interface Emphasis {
  topic: string;
  side: Side;
  /** A capitalized name, or a framing term of a side. */
  kind: 'name' | 'term';
  outlets: SideCounts;
  outlet_share: SideShares;
  articles: SideCounts;
  article_share: SideShares;
  /** The outlet-level test's p for `side`, with each outlet's mention as 0 or 1. */
  p: number;
  tested: boolean;
  /** Sides none of whose outlets mention it while at least half of `side`'s do. */
  omitted_by: Side[];
  /** The normalized forms counted as this topic. */
  variants: string[];
  /** The numbers above in one sentence. */
  text: string;
  examples: Example[];
}

export interface KeyPoint {
  /** Quoted exactly from the article. */
  sentence: string;
  article: string;
  source: string;
  side: Side;
  /** Its place among the article's sentences, from 0 (the headline, when it has one). */
  position: number;
  in_headline: boolean;
}

export interface KeyPoints {
  left: KeyPoint[];
  center: KeyPoint[];
  right: KeyPoint[];
}

export interface ArticleSummary {
  id: string;
  source: string;
  /** The leaning in force, as a canonical label. */
  leaning: LeaningLabel;
  leaning_from: LeaningFrom;
  side: Side;
  headline: string | null;
  url: string | null;
  /** The article's `published` as given. */
  published: string | null;
}

/** How each side talks (docs/REPORT.md, "language"). */
export interface Language {
  left: SideLanguage;
  center: SideLanguage;
  right: SideLanguage;
  /** How to read the section, in one sentence. */
  note: string;
  /** Every category a term or a marked word may have. */
  categories: LanguageCategory[];
}

export interface SideLanguage {
  /** Words of the side's rated articles: the denominator of the rates. */
  words: number;
  /** Sentences with a word: what the tone averages over. */
  sentences: number;
  /** Whether the side's outlets are enough for the test to reach `max_p`. */
  tested: boolean;
  /** Why the figures only describe these articles, else `null`. */
  note: string | null;
  charged: WordUse;
  hedging: WordUse;
  tone: Tone;
}

/** A side's use of the charged or the hedging list. */
export interface WordUse {
  /** Uses per 1 000 words of the side. */
  rate: number;
  /** Uses per 1 000 words of the other two rated sides together. */
  others: number;
  /** Uses, not negated. */
  count: number;
  /** Uses after a denial ("not a flop"), not in `count` or `rate`. */
  negated: number;
  /** The outlet-level test, one-sided (the side higher). */
  p: number;
  /** `tested`, `p` ≤ `max_p` and `rate` above `others`: only then does the bullet cite it. */
  holds: boolean;
  /** The entries the side used, most uses first, at most `top_k`. */
  terms: LanguageTerm[];
}

export interface LanguageTerm {
  /** The list's entry, normalized. */
  term: string;
  /** As written in its first example. */
  display: string;
  /** A key of `language.categories`. */
  category: string;
  count: number;
  /** The side's outlets that used it, not negated. */
  outlets: number;
  /** `count` and `outlets` in words. */
  uses: string;
  negated: number;
  examples: MarkedExample[];
}

/** A piece of a quoted sentence: plain text, or a marked word with its category. */
export type Part = string | Mark;

export interface Mark {
  text: string;
  category: string;
}

export interface MarkedExample {
  article: string;
  source: string;
  sentence: string;
  /** Pieces that make up `sentence` exactly, the counted words marked. */
  parts: Part[];
}

export interface Tone {
  /** Mean VADER compound score of the side's sentences, from −1 to 1. */
  mean: number;
  others: number;
  sd: number;
  /** Shares of sentences at −0.05 or below, and at 0.05 or above. */
  negative_share: number;
  positive_share: number;
  /** The outlet-level test, two-sided. */
  p: number;
  holds: boolean;
  most_negative: ToneExample | null;
  most_positive: ToneExample | null;
}

export interface ToneExample {
  article: string;
  source: string;
  sentence: string;
  score: number;
  /** The words whose valence counted marked `negative` or `positive`. */
  parts: Part[];
}

export interface LanguageCategory {
  key: string;
  list: 'charged' | 'hedging' | 'tone';
  /** A short name for a label: "sensational verb". */
  name: string;
  /** One sentence on what it means. */
  text: string;
}
