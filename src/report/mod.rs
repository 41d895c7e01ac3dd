//! The output side of the contract (SPEC §2): the report's types, their JSON form, and the
//! template sentences (`comparison`, `blindspot`) that put its numbers into words.
//!
//! Numbers are written the way JavaScript's `JSON.stringify` writes them (`0` not `0.0`),
//! so the CLI's JSON and `JSON.stringify` of the WASM report are the same bytes.

mod templates;

use serde::{Serialize, Serializer};

use crate::leaning::LeaningSource;

pub(crate) use templates::{blindspot, comparison_text, share, Comparable};

/// A float rounded to 4 decimal places (SPEC §2), written as an integer when it is one.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Rounded(f64);

impl Rounded {
    pub fn new(value: f64) -> Rounded {
        let rounded = (value * 10_000.0).round() / 10_000.0;
        // `+ 0.0` turns −0 into 0: JSON.stringify(-0) is "0".
        Rounded(rounded + 0.0)
    }

    pub fn get(self) -> f64 {
        self.0
    }
}

impl Serialize for Rounded {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        const SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;
        if self.0.fract() == 0.0 && self.0.abs() <= SAFE_INTEGER {
            serializer.serialize_i64(self.0 as i64)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}

/// The values in force for an analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Params {
    pub max_ngram: usize,
    pub prior_scale: Rounded,
    pub z_min: Rounded,
    pub min_count: u32,
    pub top_k: usize,
}

/// Articles and distinct sources of one rated side, and its share of rated articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideCoverage {
    pub articles: usize,
    pub sources: usize,
    pub share: Rounded,
}

/// Articles and distinct sources without a rating.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnratedCoverage {
    pub articles: usize,
    pub sources: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    pub left: SideCoverage,
    pub center: SideCoverage,
    pub right: SideCoverage,
    pub unrated: UnratedCoverage,
    pub total_articles: usize,
    pub total_sources: usize,
}

/// A side that rated coverage mostly missed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Blindspot {
    /// The side that under-covered the story.
    pub side: &'static str,
    pub share: Rounded,
    /// The share of the opposite side (right for a left blindspot, and back).
    pub opposite_share: Rounded,
    pub text: String,
}

/// Occurrences per 10 000 term tokens in each side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rates {
    pub left: Rounded,
    pub center: Rounded,
    pub right: Rounded,
}

/// A sentence that uses a term, quoted from the article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Example {
    pub article: String,
    pub source: String,
    pub sentence: String,
}

/// One distinctive framing term of a side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Term {
    pub term: String,
    pub display: String,
    pub z: Rounded,
    pub count: u32,
    pub outlets: u32,
    pub rate: Rates,
    pub examples: Vec<Example>,
}

/// One side's framing terms, with the totals they were computed from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideFraming {
    pub insufficient: bool,
    pub terms: Vec<Term>,
    /// Word tokens in the side (what the 200-token sufficiency rule counts).
    pub words: u64,
    /// Term tokens (n_b: occurrences of terms of every length) in the side: the
    /// denominator of every `rate` for this side.
    pub term_tokens: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Framing {
    pub left: SideFraming,
    pub center: SideFraming,
    pub right: SideFraming,
}

/// One comparison bullet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparisonLine {
    pub side: &'static str,
    pub text: String,
}

/// Every article with its resolved leaning, so a page can list a side's headlines.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleSummary {
    pub id: String,
    pub source: String,
    pub leaning: &'static str,
    pub leaning_from: LeaningSource,
    /// `left`, `center`, `right` or `unrated`.
    pub side: &'static str,
    pub headline: Option<String>,
    pub url: Option<String>,
}

/// The analysis of one story (SPEC §2).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub version: u32,
    pub params: Params,
    pub coverage: Coverage,
    pub blindspot: Option<Blindspot>,
    pub framing: Framing,
    pub comparison: Vec<ComparisonLine>,
    pub warnings: Vec<String>,
    pub articles: Vec<ArticleSummary>,
}

impl Report {
    /// The report as JSON, indented by two spaces like `JSON.stringify(report, null, 2)`.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_to_four_places_and_writes_whole_numbers_as_integers() {
        let json = |x: f64| serde_json::to_string(&Rounded::new(x)).unwrap();
        assert_eq!(json(2.718_26), "2.7183");
        assert_eq!(json(100.0), "100");
        assert_eq!(json(0.000_04), "0");
        assert_eq!(json(-0.000_01), "0");
        assert_eq!(json(0.25), "0.25");
        assert_eq!(json(-2.5), "-2.5");
    }
}
