//! Every sentence a report carries, one file per part of the report: the sides' names and
//! coverage in words (`coverage`), the framing bullets, column notes and evidence
//! (`framing`), emphasis, omission and the clauses they add to the bullets (`emphasis`), how
//! to read the report (`notes`), the warnings (`warnings`), and an explained term's formulas,
//! rules and card (`explain`). Fixed
//! templates, no generated prose: every figure in a sentence is a figure of the report, so a
//! reader can trace it. Front ends show these sentences; they do not write their own. The
//! small helpers all of them share are here.

mod coverage;
mod emphasis;
#[cfg(feature = "explain")]
mod explain;
mod framing;
mod notes;
mod warnings;

pub(crate) use coverage::{blindspot, sides};
pub(crate) use emphasis::{emphasis_clauses, emphasis_text};
#[cfg(feature = "explain")]
pub(crate) use explain::{explained_rules, formula, p_meaning, rewording_prompt, verdict};
pub(crate) use framing::{comparison, evidence, side_status, uses};
pub(crate) use notes::notes;
pub(crate) use warnings::{
    identical_texts_warning, markup_warning, unrated_warning, wordless_warning,
};

use super::json;
use crate::input::Side;

/// Most names a warning lists before "and N more".
const MAX_LISTED_NAMES: usize = 5;

/// How sentences name a side's outlets.
pub(super) fn outlets_of(side: Side) -> &'static str {
    match side {
        Side::Left => "left-leaning outlets",
        Side::Center => "center outlets",
        Side::Right => "right-leaning outlets",
    }
}

/// A side's name and letter (`None`: the unrated outlets).
pub(super) fn name_of(side: Option<Side>) -> (&'static str, &'static str) {
    match side {
        Some(Side::Left) => ("Left", "L"),
        Some(Side::Center) => ("Center", "C"),
        Some(Side::Right) => ("Right", "R"),
        None => ("Unrated", "U"),
    }
}

/// A fraction as a whole percentage.
pub(super) fn fraction_percent((numerator, denominator): (usize, usize)) -> String {
    percent(numerator as f64 / denominator as f64)
}

/// ASCII only, because it only ever capitalizes [`outlets_of`]; `char::to_uppercase` would
/// put Unicode's case tables (12 KB) into the widget's WASM for nothing.
pub(super) fn capitalized(text: &str) -> String {
    let mut text = text.to_owned();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// A whole number with thousands separated by commas: "9,999".
pub(super) fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// "1 article", "6 articles", "1,204 articles".
pub(super) fn counted(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", grouped(n), if n == 1 { one } else { many })
}

/// A whole percentage. Formatted as an integer, not an `f64`, which would link Rust's float
/// printing (about 20 KB of WASM) for numbers that are never fractional.
pub(super) fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

/// Joins "a", "b" and "c" as "a, b and c".
pub(super) fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Names, quoted and listed, at most [`MAX_LISTED_NAMES`] of them then "and N more".
pub(super) fn name_list(names: &[&str]) -> String {
    let names: Vec<String> = names.iter().map(|&n| json::string(n)).collect();
    let shown = names.len().min(MAX_LISTED_NAMES);
    let mut text = names[..shown].join(", ");
    if names.len() > shown {
        text.push_str(&format!(" and {} more", names.len() - shown));
    }
    text
}

/// "2 left-leaning outlets", "1 center outlet".
pub(super) fn outlets_counted(side: Side, n: usize) -> String {
    let many = outlets_of(side);
    let one = many.strip_suffix('s').unwrap_or(many);
    counted(n as u64, one, many)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_join_with_commas_and_a_final_and() {
        let items: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        assert_eq!(listed(&items), "a, b and c");
        assert_eq!(listed(&items[..1]), "a");
    }

    #[test]
    fn name_lists_are_cut_after_five() {
        assert_eq!(name_list(&["a", "b"]), "\"a\", \"b\"");
        assert_eq!(
            name_list(&["a", "b", "c", "d", "e", "f", "g"]),
            "\"a\", \"b\", \"c\", \"d\", \"e\" and 2 more"
        );
    }

    #[test]
    fn one_unrated_article_is_worded_in_the_singular() {
        assert_eq!(
            unrated_warning(1, &["Wire"]),
            "1 article from this source has no rating, so it is counted in coverage but left out of the framing statistics: \"Wire\"."
        );
    }
}
