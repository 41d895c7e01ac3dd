//! Coverage and every rule about it (docs/METHOD.md §2): articles and distinct
//! sources per side and their shares, the blindspot rule, and the sufficiency rule that
//! decides whether a side's wording can be compared at all.

use super::visit::Visit;
use crate::input::Side;
use crate::report::{prose, Blindspot, Coverage, Rounded, SideCoverage, UnratedCoverage};

/// Fewest articles and words a side needs for its framing to be compared.
pub(crate) const MIN_SIDE_ARTICLES: usize = 2;
pub(crate) const MIN_SIDE_WORDS: u64 = 200;

/// Fewest rated articles before a lopsided split counts as a blindspot.
pub(crate) const BLINDSPOT_MIN_RATED: usize = 6;
/// A blindspot side has at most this share of the rated articles (numerator, denominator)…
pub(crate) const BLINDSPOT_AT_MOST: (usize, usize) = (1, 5);
/// …while the opposite side has at least this share.
pub(crate) const OPPOSITE_AT_LEAST: (usize, usize) = (1, 2);

/// What can be said about a side's wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Comparable {
    /// Fewer than [`MIN_SIDE_ARTICLES`] articles or [`MIN_SIDE_WORDS`] words.
    Insufficient,
    /// No other side has rated coverage to compare with.
    Alone,
    Yes,
}

/// The sufficiency rule: a side with too few articles or words is not compared; a side
/// whose terms are all the rated terms has nothing to be compared with.
pub(crate) fn comparable(
    articles: usize,
    words: u64,
    term_tokens: u64,
    all_term_tokens: u64,
) -> Comparable {
    if articles < MIN_SIDE_ARTICLES || words < MIN_SIDE_WORDS {
        Comparable::Insufficient
    } else if term_tokens == all_term_tokens {
        Comparable::Alone
    } else {
        Comparable::Yes
    }
}

/// A share of `part` in `whole`, 0 when `whole` is 0.
fn share(part: usize, whole: usize) -> Rounded {
    Rounded::new(if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    })
}

/// Articles and distinct sources per side, and each rated side's share of rated articles.
pub(crate) fn coverage(visit: &Visit) -> Coverage {
    let mut articles = [0usize; 4];
    // `order` is sorted by side, then source: a source is new when it differs from the last.
    let mut sources = [0usize; 4];
    let mut previous: Option<(usize, &str)> = None;
    for &index in &visit.order {
        let bucket = visit.sides[index].map_or(3, Side::index);
        let source = visit.story.articles[index].source.as_str();
        articles[bucket] += 1;
        if previous != Some((bucket, source)) {
            sources[bucket] += 1;
            previous = Some((bucket, source));
        }
    }
    let rated = articles[..3].iter().sum();
    let side = |b: usize| SideCoverage {
        articles: articles[b],
        sources: sources[b],
        share: share(articles[b], rated),
    };
    let all_sources: Vec<&str> = visit
        .story
        .articles
        .iter()
        .map(|a| a.source.as_str())
        .collect();
    let all_sources = crate::sort::sorted_unique_strs(&all_sources);
    Coverage {
        left: side(0),
        center: side(1),
        right: side(2),
        unrated: UnratedCoverage {
            articles: articles[3],
            sources: sources[3],
        },
        total_articles: visit.story.articles.len(),
        total_sources: all_sources.len(),
    }
}

/// The blindspot rule: with at least [`BLINDSPOT_MIN_RATED`] rated articles, the left or
/// the right is a blindspot when it has at most [`BLINDSPOT_AT_MOST`] of them while the
/// opposite side has at least [`OPPOSITE_AT_LEAST`].
pub(crate) fn blindspot(coverage: &Coverage) -> Option<Blindspot> {
    let rated = coverage.left.articles + coverage.center.articles + coverage.right.articles;
    if rated < BLINDSPOT_MIN_RATED {
        return None;
    }
    [(Side::Left, Side::Right), (Side::Right, Side::Left)]
        .into_iter()
        .find(|&(side, opposite)| {
            let (at_most, at_least) = (BLINDSPOT_AT_MOST, OPPOSITE_AT_LEAST);
            coverage.side(side).articles * at_most.1 <= rated * at_most.0
                && coverage.side(opposite).articles * at_least.1 >= rated * at_least.0
        })
        .map(|(side, opposite)| Blindspot {
            side: side.key(),
            share: coverage.side(side).share,
            opposite_share: coverage.side(opposite).share,
            text: prose::blindspot(side, opposite, coverage, rated),
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

    fn counts(left: usize, center: usize, right: usize) -> Coverage {
        let rated = left + center + right;
        Coverage {
            left: side(left, rated),
            center: side(center, rated),
            right: side(right, rated),
            unrated: UnratedCoverage {
                articles: 0,
                sources: 0,
            },
            total_articles: rated,
            total_sources: rated,
        }
    }

    #[test]
    fn a_side_with_a_fifth_or_less_against_half_or_more_is_a_blindspot() {
        let found = blindspot(&counts(8, 1, 2)).unwrap();
        assert_eq!(found.side, "right");
        assert_eq!(
            found.text,
            "Blindspot: 2 of 11 rated articles (18%) come from right-leaning outlets, against 8 (73%) from left-leaning outlets."
        );
    }

    #[test]
    fn balanced_or_small_stories_have_no_blindspot() {
        assert_eq!(blindspot(&counts(4, 4, 3)), None);
        assert_eq!(blindspot(&counts(4, 0, 1)), None);
        assert_eq!(blindspot(&counts(1, 6, 1)), None);
    }

    #[test]
    fn a_side_needs_two_articles_and_200_words_and_another_side_to_compare_with() {
        assert_eq!(comparable(1, 500, 10, 20), Comparable::Insufficient);
        assert_eq!(comparable(2, 199, 10, 20), Comparable::Insufficient);
        assert_eq!(comparable(2, 200, 20, 20), Comparable::Alone);
        assert_eq!(comparable(2, 200, 10, 20), Comparable::Yes);
    }
}
