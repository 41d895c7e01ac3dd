//! The output side of the contract (docs/REPORT.md): the report's types (here), their JSON
//! form (`json`), and the one module that writes every sentence a report carries (`prose`).

mod emphasis;
mod json;
mod language;
pub(crate) mod prose;

pub(crate) use json::{number as json_number, string as json_string};

pub use emphasis::{
    CoverageBy, Emphasis, FacetCoverage, KeyPoint, KeyPoints, SideCounts, SideShares,
};
pub use json::Rounded;
pub use language::{
    Language, LanguageCategory, LanguageTerm, Mark, MarkedExample, Part, SideLanguage, Tone,
    ToneExample, WordUse,
};

use crate::input::{LeaningSource, Side};

/// The values in force for an analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub max_ngram: usize,
    pub prior_scale: Rounded,
    pub z_min: Rounded,
    pub min_count: u32,
    pub top_k: usize,
    pub max_p: Rounded,
    /// Whether the language section was asked for.
    pub language: bool,
    /// Whether the emphasis section was asked for.
    pub emphasis: bool,
    /// Whether key points and common ground were asked for.
    pub key_points: bool,
}

/// Articles and distinct sources of one rated side, and its share of rated articles.
#[derive(Debug, Clone, PartialEq)]
pub struct SideCoverage {
    pub articles: usize,
    pub sources: usize,
    pub share: Rounded,
}

/// Articles and distinct sources without a rating.
#[derive(Debug, Clone, PartialEq)]
pub struct UnratedCoverage {
    pub articles: usize,
    pub sources: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub left: SideCoverage,
    pub center: SideCoverage,
    pub right: SideCoverage,
    pub unrated: UnratedCoverage,
    pub total_articles: usize,
    pub total_sources: usize,
}

/// A side that rated coverage mostly missed.
#[derive(Debug, Clone, PartialEq)]
pub struct Blindspot {
    /// The side that under-covered the story.
    pub side: &'static str,
    pub share: Rounded,
    /// The share of the opposite side (right for a left blindspot, and back).
    pub opposite_share: Rounded,
    pub text: String,
}

/// Occurrences per 10 000 term tokens in each side.
#[derive(Debug, Clone, PartialEq)]
pub struct Rates {
    pub left: Rounded,
    pub center: Rounded,
    pub right: Rounded,
}

/// A sentence that uses a term, quoted from the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub article: String,
    pub source: String,
    pub sentence: String,
}

/// One distinctive framing term of a side.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub term: String,
    pub display: String,
    pub z: Rounded,
    pub count: u32,
    pub outlets: u32,
    /// `count` and `outlets` in words: "9 uses in 4 outlets".
    pub uses: String,
    /// The outlet-level permutation test's p-value for this term on this side.
    pub p: Rounded,
    /// What `p` counts, in words: "1 of the 495 ways to pick 4 of the 12 rated outlets …".
    pub evidence: String,
    /// Every outlet of the side that used the term, most uses first, then by name.
    pub by_outlet: Vec<OutletUses>,
    pub rate: Rates,
    pub examples: Vec<Example>,
}

/// One outlet's uses of a term.
#[derive(Debug, Clone, PartialEq)]
pub struct OutletUses {
    pub source: String,
    pub count: u32,
}

/// The outlet-level test a side's terms were put to: its k of N outlets, and what that
/// allows.
#[derive(Debug, Clone, PartialEq)]
pub struct TestDesign {
    /// k: the side's outlets.
    pub units: usize,
    /// N: all rated outlets.
    pub of: usize,
    /// C(N, k), the ways to choose k of the N outlets; `null` past 2⁵³.
    pub assignments: Option<u64>,
    /// Whether p counts every assignment (at most 10 000 of them) or estimates from 9 999
    /// random ones.
    pub exact: bool,
    /// The smallest p the design allows.
    pub min_p: Rounded,
}

/// One side's framing terms, with the totals they were computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct SideFraming {
    pub insufficient: bool,
    /// Whether the side's outlets are enough for the test to reach `max_p`; when false, its
    /// terms describe these articles and are not evidence of a difference.
    pub tested: bool,
    pub test: TestDesign,
    /// A short title for a side whose terms are not a tested list: "Not enough coverage",
    /// "Description only", "No distinctive terms", "Nothing to compare with"; else `null`.
    pub status: Option<String>,
    /// One sentence saying why, for the same sides; else `null`.
    pub note: Option<String>,
    pub terms: Vec<Term>,
    /// Word tokens in the side (what the 200-token sufficiency rule counts).
    pub words: u64,
    /// Term tokens (n_b: occurrences of terms of every length) in the side: the
    /// denominator of every `rate` for this side.
    pub term_tokens: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Framing {
    pub left: SideFraming,
    pub center: SideFraming,
    pub right: SideFraming,
}

/// How front ends name a side, and its coverage in words.
#[derive(Debug, Clone, PartialEq)]
pub struct SideLabel {
    /// "Left", "Center", "Right", "Unrated".
    pub name: &'static str,
    /// One letter: "L", "C", "R", "U".
    pub short: &'static str,
    /// How sentences name the side's outlets: "left-leaning outlets".
    pub outlets: &'static str,
    /// "6 articles".
    pub articles: String,
    /// The side's share of rated articles, rounded to a whole per cent: "33%" (`null` for
    /// the unrated).
    pub percent: Option<String>,
    /// "6 articles from 4 outlets".
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sides {
    pub left: SideLabel,
    pub center: SideLabel,
    pub right: SideLabel,
    pub unrated: SideLabel,
}

/// One sentence for each thing a reader may ask about the report: what the coverage counts,
/// what a share, a rate or a z-score is, the blindspot rule, and how terms were chosen, with
/// this report's parameters filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Notes {
    pub coverage: String,
    pub shares: String,
    pub framing: String,
    pub rate: String,
    pub z: String,
    pub p: String,
    pub blindspot: String,
    pub method: String,
    pub emphasis: String,
    pub key_points: String,
    pub common_ground: String,
}

/// One comparison bullet.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonLine {
    pub side: &'static str,
    pub text: String,
}

/// Every article with its resolved leaning, so a page can list a side's headlines.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSummary {
    pub id: String,
    pub source: String,
    pub leaning: &'static str,
    pub leaning_from: LeaningSource,
    /// `left`, `center`, `right` or `unrated`.
    pub side: &'static str,
    pub headline: Option<String>,
    pub url: Option<String>,
    /// The article's `published` as given.
    pub published: Option<String>,
}

/// The analysis of one story (docs/REPORT.md).
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub version: u32,
    pub params: Params,
    pub coverage: Coverage,
    pub coverage_by: CoverageBy,
    pub sides: Sides,
    pub blindspot: Option<Blindspot>,
    pub framing: Framing,
    /// How each side talks; `null` when switched off or when the lexicons were not loaded.
    pub language: Option<Language>,
    /// What each side stresses or leaves out; `null` when switched off.
    pub emphasis: Option<Vec<Emphasis>>,
    /// Key points per side, and common ground; each `null` when switched off.
    pub key_points: Option<KeyPoints>,
    pub common_ground: Option<Vec<KeyPoint>>,
    pub comparison: Vec<ComparisonLine>,
    pub warnings: Vec<String>,
    pub notes: Notes,
    pub articles: Vec<ArticleSummary>,
}

impl Coverage {
    /// The coverage of a rated side.
    pub fn side(&self, side: Side) -> &SideCoverage {
        match side {
            Side::Left => &self.left,
            Side::Center => &self.center,
            Side::Right => &self.right,
        }
    }
}

impl Sides {
    /// The label of a rated side.
    pub fn side(&self, side: Side) -> &SideLabel {
        match side {
            Side::Left => &self.left,
            Side::Center => &self.center,
            Side::Right => &self.right,
        }
    }
}

impl Language {
    /// The language of a rated side.
    pub fn side(&self, side: Side) -> &SideLanguage {
        match side {
            Side::Left => &self.left,
            Side::Center => &self.center,
            Side::Right => &self.right,
        }
    }
}

impl Framing {
    /// The framing of a rated side.
    pub fn side(&self, side: Side) -> &SideFraming {
        match side {
            Side::Left => &self.left,
            Side::Center => &self.center,
            Side::Right => &self.right,
        }
    }
}

/// A number for each rated side.
#[derive(Debug, Clone, PartialEq)]
pub struct PerSide {
    pub left: u64,
    pub center: u64,
    pub right: u64,
}

/// The counts the statistic of one term for one side starts from (docs/METHOD.md §4): b is
/// the side, r the other two rated sides together.
#[derive(Debug, Clone, PartialEq)]
pub struct ExplainedCounts {
    /// y_w^b: the term's occurrences in the side.
    pub y_b: u64,
    /// y_w^r: its occurrences in the rest.
    pub y_r: u64,
    /// n_b: the side's term tokens.
    pub n_b: u64,
    /// n_r: the rest's term tokens.
    pub n_r: u64,
    /// The term's occurrences on each side.
    pub uses: PerSide,
    /// Each side's term tokens.
    pub term_tokens: PerSide,
}

/// One line of the statistic: a quantity, its formula, the formula with this term's numbers
/// in it, and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct FormulaLine {
    /// "α_w", "δ", "σ²", "σ", "z".
    pub symbol: &'static str,
    pub formula: &'static str,
    /// The formula with the numbers filled in, each rounded to 4 places.
    pub numbers: String,
    pub value: Rounded,
}

/// A listing rule and whether the term meets it, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleCheck {
    pub met: bool,
    pub text: String,
}

/// A rated outlet's uses of a term, and its term tokens (its rate is count ÷ term_tokens).
#[derive(Debug, Clone, PartialEq)]
pub struct OutletCount {
    pub source: String,
    /// `left`, `center` or `right`.
    pub side: &'static str,
    pub count: u32,
    pub term_tokens: u64,
}

/// A sentence that uses a term, split around the term's first occurrence in it: `before`,
/// `term` and `after` put together are the quote (exact, or a marked window of a long
/// sentence, as in `examples`).
#[derive(Debug, Clone, PartialEq)]
pub struct CardQuote {
    pub article: String,
    pub source: String,
    pub before: String,
    pub term: String,
    pub after: String,
}

/// The Red Blue Dictionary exercise for one term: how each side used it, in its own
/// sentences, and what to do with them.
#[derive(Debug, Clone, PartialEq)]
pub struct DictionaryCard {
    pub left: Vec<CardQuote>,
    pub center: Vec<CardQuote>,
    pub right: Vec<CardQuote>,
    /// The task: a neutral rewording.
    pub prompt: String,
}

/// Everything behind one term of one side, for a reader to check by hand (docs/REPORT.md,
/// "Explaining a term"): the counts, the prior, δ, σ and z with the formulas filled in, the
/// outlet-level test, the listing rules, every rated outlet's uses and the dictionary card.
#[derive(Debug, Clone, PartialEq)]
pub struct TermExplanation {
    pub term: String,
    pub side: &'static str,
    /// Whether the report lists the term for the side.
    pub listed: bool,
    /// Why it is listed or not: the listing rules, each met or not…
    pub rules: Vec<RuleCheck>,
    /// …and what they add up to, in one sentence.
    pub verdict: String,
    pub counts: ExplainedCounts,
    /// α0.
    pub prior_scale: Rounded,
    /// α_w.
    pub alpha: Rounded,
    /// `null` where the statistic is undefined (docs/METHOD.md §4).
    pub delta: Option<Rounded>,
    pub variance: Option<Rounded>,
    pub sigma: Option<Rounded>,
    pub z: Option<Rounded>,
    pub formula: Vec<FormulaLine>,
    pub p: Rounded,
    pub test: TestDesign,
    /// What `p` counts, as the report's terms say it.
    pub evidence: String,
    /// What `p` means for this side, in words.
    pub meaning: String,
    /// Every rated outlet, in the report's order (side, then name), with its uses.
    pub outlets: Vec<OutletCount>,
    pub card: DictionaryCard,
}
