//! The output side of the contract (docs/REPORT.md): the report's types, their JSON form
//! (`json`), and the one module that writes every sentence a report carries (`prose`). Here
//! the report itself and its parameters, coverage, blindspot, sides, notes, comparison and
//! articles; the framing section's types in `framing`, a term's explanation in `explain`, the
//! language section's in `language`, and emphasis, key points and facet coverage in
//! `emphasis`.

mod emphasis;
mod explain;
mod framing;
mod json;
mod language;
pub(crate) mod prose;

pub(crate) use json::{number as json_number, string as json_string};

pub use emphasis::{
    CoverageBy, Emphasis, FacetCoverage, KeyPoint, KeyPoints, SideCounts, SideShares,
};
pub use explain::{
    CardQuote, DictionaryCard, ExplainedCounts, FormulaLine, OutletCount, PerSide, RuleCheck,
    TermExplanation,
};
pub use framing::{Example, Framing, OutletUses, Rates, SideFraming, Term, TestDesign};
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
