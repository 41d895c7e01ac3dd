//! The report's types for what each side stresses, leaves out and says (docs/REPORT.md):
//! `emphasis` (topics one side's outlets mentioned much more than the others', and the ones
//! another side left out), `key_points` and `common_ground` (sentences quoted from the
//! articles), and `coverage_by` (coverage split by each outlet facet the story gives).

use super::{Example, Rounded, SideCoverage, UnratedCoverage};

/// A whole number per rated side.
#[derive(Debug, Clone, PartialEq)]
pub struct SideCounts {
    pub left: u32,
    pub center: u32,
    pub right: u32,
}

/// A share per rated side, from 0 to 1.
#[derive(Debug, Clone, PartialEq)]
pub struct SideShares {
    pub left: Rounded,
    pub center: Rounded,
    pub right: Rounded,
}

/// A topic one side's outlets mentioned much more than the other outlets, or that another
/// side's outlets left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Emphasis {
    /// The topic as written: the form of its most mentioned variant, as first written.
    pub topic: String,
    /// The side that mentioned it most.
    pub side: &'static str,
    /// `"name"` (a capitalized word sequence) or `"term"` (a framing term of a side).
    pub kind: &'static str,
    /// Outlets of each side that mention it, and their share of the side's outlets.
    pub outlets: SideCounts,
    pub outlet_share: SideShares,
    /// Articles of each side that mention it, and their share of the side's articles.
    pub articles: SideCounts,
    pub article_share: SideShares,
    /// The outlet-level test's p-value for `side`, with each outlet's mention as 0 or 1.
    pub p: Rounded,
    /// Whether `side` has outlets enough for the test to reach `max_p`.
    pub tested: bool,
    /// The sides none of whose outlets mention it, while at least half of `side`'s do.
    pub omitted_by: Vec<&'static str>,
    /// The normalized forms counted as this topic (a name's merged variants).
    pub variants: Vec<String>,
    /// The numbers above in one sentence.
    pub text: String,
    /// Up to 3 sentences of `side` that mention it, from different outlets where it has them.
    pub examples: Vec<Example>,
}

/// A sentence quoted from an article, and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyPoint {
    /// The sentence, exactly as written.
    pub sentence: String,
    pub article: String,
    pub source: String,
    pub side: &'static str,
    /// Its place among the article's sentences, from 0 (the headline, when it has one).
    pub position: usize,
    pub in_headline: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KeyPoints {
    pub left: Vec<KeyPoint>,
    pub center: Vec<KeyPoint>,
    pub right: Vec<KeyPoint>,
}

/// Coverage split by the values of one facet: each value's articles, sources and share of
/// the articles with a known value, by articles then value; the rest counted apart.
#[derive(Debug, Clone, PartialEq)]
pub struct FacetCoverage {
    pub values: Vec<(String, SideCoverage)>,
    pub unknown: UnratedCoverage,
}

/// Each facet the story gives (`region`, `owner`, `factuality`), in that order.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageBy(pub Vec<(&'static str, FacetCoverage)>);
