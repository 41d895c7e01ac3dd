//! Coverage by facet (docs/METHOD.md §2, "Coverage by facet"): for each outlet fact the
//! story gives (`region`, `owner`, `factuality`), every article counted under its value —
//! found like its leaning: its own, then the ratings tables — with articles, distinct
//! sources and the share of the articles whose value is known, as the leaning split counts
//! them. Articles with no value, or the value `unknown`, are counted apart, as unrated
//! articles are. A facet no article has a value for gives no key.

use super::visit::Visit;
use crate::input::{resolve_facets, Ratings, FACETS};
use crate::report::{CoverageBy, FacetCoverage, Rounded, SideCoverage, UnratedCoverage};

/// The place of `text` in `sorted`.
fn rank(sorted: &[&str], text: &str) -> u64 {
    sorted.partition_point(|t| *t < text) as u64
}

/// The coverage split by each facet the story gives.
pub(crate) fn coverage_by(visit: &Visit, page_ratings: &Ratings) -> CoverageBy {
    let story = visit.story;
    let mut tables = Vec::new();
    for ratings in [&story.ratings, page_ratings] {
        if ratings.has_facets() {
            tables.push(ratings);
        }
    }
    let mut given = false;
    for article in &story.articles {
        for facet in &article.facets {
            given |= facet.is_some();
        }
    }
    if tables.is_empty() && !given {
        return CoverageBy(Vec::new());
    }
    let mut resolved: Vec<[Option<&str>; 3]> = Vec::with_capacity(story.articles.len());
    let mut sources: Vec<&str> = Vec::with_capacity(story.articles.len());
    for article in &story.articles {
        resolved.push(resolve_facets(article, &tables));
        sources.push(&article.source);
    }
    let sources = crate::sort::sorted_unique_strs(&sources);
    let mut split = Vec::new();
    for (facet, name) in FACETS.into_iter().enumerate() {
        // The values, sorted; then each article as (value, source) by their ranks, sorted,
        // so that a value's articles and their sources are runs. The unknown get the rank
        // past every value. Only `&str` and `u64` sorts: WASM carries one copy of each.
        let mut values: Vec<&str> = Vec::new();
        for found in &resolved {
            if let Some(value) = known(found[facet]) {
                values.push(value);
            }
        }
        if values.is_empty() {
            continue;
        }
        let values = crate::sort::sorted_unique_strs(&values);
        let mut pairs: Vec<u64> = Vec::with_capacity(resolved.len());
        for (article, found) in story.articles.iter().zip(&resolved) {
            let value = known(found[facet]).map_or(values.len() as u64, |v| rank(&values, v));
            pairs.push((value << 32) | rank(&sources, &article.source));
        }
        pairs.sort_unstable();
        // (articles, sources) per value rank, the unknown last.
        let mut counts = vec![(0usize, 0usize); values.len() + 1];
        for (at, &pair) in pairs.iter().enumerate() {
            let entry = &mut counts[(pair >> 32) as usize];
            entry.0 += 1;
            entry.1 += usize::from(at == 0 || pairs[at - 1] != pair);
        }
        let total = resolved.len() - counts[values.len()].0;
        // Most articles first, then by value.
        let mut order: Vec<u64> = Vec::with_capacity(values.len());
        for (at, &(articles, _)) in counts[..values.len()].iter().enumerate() {
            order.push((((1u64 << 40) - articles as u64) << 24) | at as u64);
        }
        order.sort_unstable();
        let mut coverage = Vec::with_capacity(values.len());
        for key in order {
            let at = (key & 0xFF_FFFF) as usize;
            let (articles, sources) = counts[at];
            coverage.push((
                values[at].to_owned(),
                SideCoverage {
                    articles,
                    sources,
                    share: Rounded::new(articles as f64 / total as f64),
                },
            ));
        }
        let (articles, sources) = counts[values.len()];
        split.push((
            name,
            FacetCoverage {
                values: coverage,
                unknown: UnratedCoverage { articles, sources },
            },
        ));
    }
    CoverageBy(split)
}

/// A value that is known: not `unknown`, in any case.
fn known(value: Option<&str>) -> Option<&str> {
    value.filter(|v| !v.eq_ignore_ascii_case("unknown"))
}
