//! The types of a term's explanation (docs/REPORT.md, "Explaining a term"): the counts, the
//! formulas of the statistic with the term's numbers in them, the listing rules, every rated
//! outlet's uses, and the Red Blue Dictionary card of the term's sentences.

use super::{Rounded, TestDesign};

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
