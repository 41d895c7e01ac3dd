//! Coverage by facet (docs/METHOD.md §2, "Coverage by facet"): for each outlet fact the
//! story gives (`region`, `owner`, `factuality`), every article counted under its value —
//! found like its leaning: its own, then the ratings tables — with articles, distinct
//! sources and the share of the articles whose value is known, as the leaning split counts
//! them. Articles with no value, or the value `unknown`, are counted apart, as unrated
//! articles are. A facet no article has a value for gives no key.

use rustc_hash::FxHashMap;

use super::visit::Visit;
use crate::input::{resolve_facets, Article, Ratings, FACETS};
use crate::report::{CoverageBy, FacetCoverage, Rounded, SideCoverage, UnratedCoverage};

/// The coverage split by each facet the story gives.
pub(crate) fn coverage_by(visit: &Visit, page_ratings: &Ratings) -> CoverageBy {
    let story = visit.story;
    let mut tables = Vec::new();
    for ratings in [&story.ratings, page_ratings] {
        if ratings.has_facets() {
            tables.push(ratings);
        }
    }
    let given = |article: &Article| article.facets.iter().any(Option::is_some);
    if tables.is_empty() && !story.articles.iter().any(given) {
        return CoverageBy(Vec::new());
    }
    let resolved: Vec<[Option<&str>; 3]> = story
        .articles
        .iter()
        .map(|article| resolve_facets(article, &tables))
        .collect();
    let mut split = Vec::new();
    for (facet, name) in FACETS.into_iter().enumerate() {
        // Each value's articles and their sources; the map type is the one the story's id
        // check uses, so WASM carries one copy of its code.
        let mut slot_of: FxHashMap<&str, usize> = FxHashMap::default();
        let mut values: Vec<(&str, Vec<&str>)> = Vec::new();
        let mut unknown: Vec<&str> = Vec::new();
        for (article, found) in story.articles.iter().zip(&resolved) {
            let source = article.source.as_str();
            match found[facet] {
                Some(value) if !value.eq_ignore_ascii_case("unknown") => {
                    let next = values.len();
                    let slot = *slot_of.entry(value).or_insert(next);
                    if slot == next {
                        values.push((value, Vec::new()));
                    }
                    values[slot].1.push(source);
                }
                _ => unknown.push(source),
            }
        }
        if values.is_empty() {
            continue;
        }
        let total: usize = values.iter().map(|(_, sources)| sources.len()).sum();
        // Most articles first, then by value: the rank of each value's name, packed under
        // its article count in one integer to sort.
        let mut names: Vec<&str> = values.iter().map(|(value, _)| *value).collect();
        names.sort_unstable();
        let mut order: Vec<u64> = Vec::with_capacity(names.len());
        for (rank, value) in names.iter().enumerate() {
            let articles = slot_of.get(value).map_or(0, |&slot| values[slot].1.len());
            order.push((((1u64 << 40) - articles as u64) << 24) | rank as u64);
        }
        order.sort_unstable();
        let mut coverage = Vec::with_capacity(values.len());
        for key in order {
            let value = names[(key & 0xFF_FFFF) as usize];
            let Some(&slot) = slot_of.get(value) else {
                continue;
            };
            let sources = &mut values[slot].1;
            let articles = sources.len();
            sources.sort_unstable();
            sources.dedup();
            coverage.push((
                value.to_owned(),
                SideCoverage {
                    articles,
                    sources: sources.len(),
                    share: Rounded::new(articles as f64 / total as f64),
                },
            ));
        }
        let articles = unknown.len();
        unknown.sort_unstable();
        unknown.dedup();
        split.push((
            name,
            FacetCoverage {
                values: coverage,
                unknown: UnratedCoverage {
                    articles,
                    sources: unknown.len(),
                },
            },
        ));
    }
    CoverageBy(split)
}
