//! # bias_compare
//!
//! Reads a *story* — several articles about one event, each from an outlet with a political
//! leaning — and reports how coverage splits between left, center and right, and which
//! framing terms each side uses distinctively, scored with the weighted log-odds ratio and
//! informative Dirichlet prior of Monroe, Colaresi & Quinn (2008). The input is described in
//! docs/STORY.md, the report in docs/REPORT.md, the method in docs/METHOD.md.
//!
//! The crate is laid out by idea: `input` (story, leanings, ratings, options), `text`
//! (sentences, tokens, normalization, stopwords), `stats` (counting and the statistic),
//! `analyze` (one file per analysis), `report` (types, JSON, and the prose module that
//! writes every sentence).
//!
//! Entry points:
//! - [`analyze_json`]: story JSON text in, [`Report`] out.
//! - [`Story::from_json`] / [`Story::from_value`] then [`analyze`]: parse and validate first.
//! - [`Report::to_json`]: the report as JSON text.
//!
//! The library is pure: no I/O, no global state, no panics on any input, and the same story
//! and options give the same bytes natively and in WASM, whatever the order of articles.
//!
//! ```
//! use bias_compare::{analyze_json, Options};
//!
//! let story = r#"{ "articles": [
//!     { "id": "a1", "source": "Left Daily",  "leaning": "left",  "text": "A daring raid." },
//!     { "id": "a2", "source": "Right Times", "leaning": "right", "text": "Russia's Pearl Harbor." }
//! ] }"#;
//! let report = analyze_json(story, &Options::default())?;
//! assert_eq!(report.coverage.left.articles, 1);
//! assert_eq!(report.coverage.right.share.get(), 0.5);
//! assert!(report.framing.left.insufficient); // one article is not enough to compare
//!
//! let error = analyze_json(r#"{ "articles": [{ "id": "a1", "source": "X", "text": "",
//!     "leaning": "leftish" }] }"#, &Options::default()).unwrap_err();
//! assert!(error.to_string().starts_with("articles[0].leaning: unknown leaning \"leftish\""));
//! # Ok::<(), bias_compare::Error>(())
//! ```

mod analyze;
mod error;
mod input;
mod report;
mod sort;
mod stats;
pub mod text;

#[cfg(feature = "explain")]
pub use crate::analyze::explain;
pub use crate::analyze::{analyze, analyze_json};
pub use crate::error::Error;
pub use crate::input::{
    json_too_large, parse_json, utf8_text, Article, Leaning, LeaningSource, OptionName, Options,
    Ratings, Side, Story, MAX_STORY_BYTES,
};
pub use crate::report::{
    ArticleSummary, Blindspot, CardQuote, ComparisonLine, Coverage, CoverageBy, DictionaryCard,
    Emphasis, Example, ExplainedCounts, FacetCoverage, FormulaLine, Framing, KeyPoint, KeyPoints,
    Notes, OutletCount, OutletUses, Params, PerSide, Rates, Report, Rounded, RuleCheck, SideCounts,
    SideCoverage, SideFraming, SideLabel, SideShares, Sides, Term, TermExplanation, TestDesign,
    UnratedCoverage,
};
