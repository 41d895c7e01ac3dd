//! The language section's types (docs/REPORT.md, "language"): for each side, its charged
//! words, its hedging and its tone, each with the outlet-level test against the other sides,
//! and the example sentences with the words that count marked.

use super::Rounded;
use crate::input::Side;

/// How each side talks.
#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    pub left: SideLanguage,
    pub center: SideLanguage,
    pub right: SideLanguage,
    /// How to read the section, in one sentence.
    pub note: String,
    /// Every category a term or a marked word may have, with its name and what it means.
    pub categories: Vec<LanguageCategory>,
}

/// One side's charged words, hedging and tone.
#[derive(Debug, Clone, PartialEq)]
pub struct SideLanguage {
    /// Words and sentences of the side's rated articles: the denominators below.
    pub words: u64,
    pub sentences: u64,
    /// Whether the side's outlets are enough for the test to reach `max_p`; when false, the
    /// figures describe these articles and are not evidence of a difference.
    pub tested: bool,
    /// Why the figures are a description only, for a side that is not `tested`; else `null`.
    pub note: Option<String>,
    pub charged: WordUse,
    pub hedging: WordUse,
    pub tone: Tone,
}

/// A side's use of the words of one list (charged, hedging).
#[derive(Debug, Clone, PartialEq)]
pub struct WordUse {
    /// Uses per 1 000 words of the side.
    pub rate: Rounded,
    /// Uses per 1 000 words of the other two rated sides together.
    pub others: Rounded,
    /// Uses (not negated).
    pub count: u64,
    /// Uses after a denial ("not a flop"), counted apart and not in `count` or `rate`.
    pub negated: u64,
    /// The outlet-level test: the side's outlets' rates against the other outlets'.
    pub p: Rounded,
    /// Whether the difference holds: the side is `tested`, p ≤ `max_p`, and its rate is
    /// above the other sides'. Only then does the comparison bullet cite it.
    pub holds: bool,
    /// The words used most, most uses first.
    pub terms: Vec<LanguageTerm>,
}

/// One word or phrase of a list, as a side used it.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageTerm {
    /// The list's entry, normalized.
    pub term: String,
    /// As the side first wrote it in the examples.
    pub display: String,
    pub category: String,
    pub count: u32,
    /// Distinct outlets of the side that used it (not negated).
    pub outlets: u32,
    /// `count` and `outlets` in words: "8 uses in 4 outlets".
    pub uses: String,
    pub negated: u32,
    pub examples: Vec<MarkedExample>,
}

/// A sentence quoted from an article, cut into `parts` whose texts make it up exactly: plain
/// text, and the words that count with their category.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkedExample {
    pub article: String,
    pub source: String,
    pub sentence: String,
    pub parts: Vec<Part>,
}

/// A piece of a quoted sentence: plain text (a JSON string) or a marked word.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Text(String),
    Mark(Mark),
}

/// A word or phrase marked in a quoted sentence, with its category.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub text: String,
    pub category: String,
}

/// A side's tone: VADER compound scores of its sentences, from −1 to 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Tone {
    /// Mean score of the side's sentences.
    pub mean: Rounded,
    /// Mean score of the other two rated sides' sentences.
    pub others: Rounded,
    /// Standard deviation of the side's scores.
    pub sd: Rounded,
    /// Shares of the side's sentences scoring −0.05 or less, and 0.05 or more.
    pub negative_share: Rounded,
    pub positive_share: Rounded,
    /// The outlet-level test, two-sided: the side's outlets' mean scores against the others'.
    pub p: Rounded,
    /// Whether the difference holds: the side is `tested`, p ≤ `max_p`, and its mean differs
    /// from the other sides'.
    pub holds: bool,
    pub most_negative: Option<ToneExample>,
    pub most_positive: Option<ToneExample>,
}

/// A sentence quoted for its tone, with its score and its tone words marked.
#[derive(Debug, Clone, PartialEq)]
pub struct ToneExample {
    pub article: String,
    pub source: String,
    pub sentence: String,
    pub score: Rounded,
    pub parts: Vec<Part>,
}

/// A category of marked words: its key, its list (`charged`, `hedging`, `tone`), its name and
/// what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageCategory {
    pub key: String,
    pub list: &'static str,
    pub name: String,
    pub text: String,
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
