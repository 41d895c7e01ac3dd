//! Fixed sentence templates for the comparison bullets and the blindspot note. No generated
//! prose: every figure in a sentence is a figure of the report, so a teacher can trace it.

use super::{Blindspot, Coverage, Rounded, SideCoverage, SideFraming};
use crate::leaning::Side;

/// Fewest rated articles before a lopsided split counts as a blindspot.
pub const BLINDSPOT_MIN_RATED: usize = 6;

fn outlets_of(side: Side) -> &'static str {
    match side {
        Side::Left => "left-leaning outlets",
        Side::Center => "center outlets",
        Side::Right => "right-leaning outlets",
    }
}

/// ASCII only, because it only ever capitalizes [`outlets_of`]; `char::to_uppercase` would
/// put Unicode's case tables (12 KB) into the widget's WASM for nothing.
fn capitalized(text: &str) -> String {
    let mut text = text.to_owned();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

fn counted(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A whole percentage. Formatted as an integer, not an `f64`, which would link Rust's float
/// printing (about 20 KB of WASM) for numbers that are never fractional.
fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

/// Joins "a", "b" and "c" as "a, b and c".
fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// What a comparison bullet can say about a side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Comparable {
    /// Fewer than 2 articles or 200 words.
    Insufficient,
    /// No other side has rated coverage to compare with.
    Alone,
    Yes,
}

/// The comparison bullet for one side.
pub(crate) fn comparison_text(
    side: Side,
    coverage: &SideCoverage,
    framing: &SideFraming,
    comparable: Comparable,
) -> String {
    let who = outlets_of(side);
    let articles = counted(coverage.articles as u64, "article", "articles");
    match comparable {
        Comparable::Insufficient => format!(
            "Not enough coverage from {who} to compare: {articles} and {} (at least 2 articles and 200 words are needed).",
            counted(framing.words, "word", "words"),
        ),
        Comparable::Alone => format!(
            "Only {who} covered this story ({articles}), so there is no other side's wording to compare with."
        ),
        Comparable::Yes if framing.terms.is_empty() => format!(
            "{} ({articles} from {}) used no term markedly more often than the other sides.",
            capitalized(who),
            counted(coverage.sources as u64, "outlet", "outlets"),
        ),
        Comparable::Yes => {
            let cited: Vec<String> = framing
                .terms
                .iter()
                .take(3)
                .map(|term| {
                    format!(
                        "“{}” ({} in {})",
                        term.display,
                        counted(u64::from(term.count), "use", "uses"),
                        counted(u64::from(term.outlets), "outlet", "outlets"),
                    )
                })
                .collect();
            format!(
                "{} ({articles} from {}) stood out for {}.",
                capitalized(who),
                counted(coverage.sources as u64, "outlet", "outlets"),
                listed(&cited),
            )
        }
    }
}

/// The blindspot rule (docs/METHOD.md): with at least [`BLINDSPOT_MIN_RATED`] rated
/// articles, the left or the right is a blindspot when it has at most a fifth of them while
/// the opposite side has at least half.
pub(crate) fn blindspot(coverage: &Coverage) -> Option<Blindspot> {
    let rated = coverage.left.articles + coverage.center.articles + coverage.right.articles;
    if rated < BLINDSPOT_MIN_RATED {
        return None;
    }
    [
        (Side::Left, &coverage.left, Side::Right, &coverage.right),
        (Side::Right, &coverage.right, Side::Left, &coverage.left),
    ]
    .into_iter()
    .find(|(_, side, _, opposite)| side.articles * 5 <= rated && opposite.articles * 2 >= rated)
    .map(|(side, own, opposite_side, opposite)| Blindspot {
        side: side.key(),
        share: own.share,
        opposite_share: opposite.share,
        text: format!(
            "Blindspot: {} of {rated} rated articles ({}) come from {}, against {} ({}) from {}.",
            own.articles,
            percent(own.share.get()),
            outlets_of(side),
            opposite.articles,
            percent(opposite.share.get()),
            outlets_of(opposite_side),
        ),
    })
}

/// A share of `part` in `whole`, 0 when `whole` is 0.
pub(crate) fn share(part: usize, whole: usize) -> Rounded {
    Rounded::new(if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(articles: usize, rated: usize) -> SideCoverage {
        SideCoverage {
            articles,
            sources: articles,
            share: share(articles, rated),
        }
    }

    fn coverage(left: usize, center: usize, right: usize) -> Coverage {
        let rated = left + center + right;
        Coverage {
            left: side(left, rated),
            center: side(center, rated),
            right: side(right, rated),
            unrated: super::super::UnratedCoverage {
                articles: 0,
                sources: 0,
            },
            total_articles: rated,
            total_sources: rated,
        }
    }

    #[test]
    fn a_side_with_a_fifth_or_less_against_half_or_more_is_a_blindspot() {
        let found = blindspot(&coverage(8, 1, 2)).unwrap();
        assert_eq!(found.side, "right");
        assert_eq!(
            found.text,
            "Blindspot: 2 of 11 rated articles (18%) come from right-leaning outlets, against 8 (73%) from left-leaning outlets."
        );
    }

    #[test]
    fn balanced_or_small_stories_have_no_blindspot() {
        assert_eq!(blindspot(&coverage(4, 4, 3)), None);
        assert_eq!(blindspot(&coverage(4, 0, 1)), None);
        assert_eq!(blindspot(&coverage(1, 6, 1)), None);
    }

    #[test]
    fn lists_join_with_commas_and_a_final_and() {
        let items: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        assert_eq!(listed(&items), "a, b and c");
        assert_eq!(listed(&items[..1]), "a");
    }
}
