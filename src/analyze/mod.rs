//! The analysis: visits the story once in a canonical order, counts coverage, counts terms
//! over the rated articles, and for each side lists its framing terms and writes its
//! comparison bullet. One file per idea: `visit` (order, sides, outlets, sentences),
//! `coverage` (coverage, blindspot and sufficiency rules), `terms` (scoring and listing
//! rules), `evidence` (the outlet-level test), `examples` (display forms, rates, quotes),
//! `language` (charged words, hedging and tone), `warnings`, `facets` (coverage by facet),
//! `topics` and `emphasis` (what each side stresses or leaves out), `key_points` (key points
//! per side and common ground); and `explain`, one term of one side taken apart for a reader
//! to check.

mod coverage;
mod emphasis;
mod evidence;
mod examples;
#[cfg(feature = "explain")]
mod explain;
mod facets;
mod key_points;
mod language;
mod terms;
mod topics;
mod visit;
mod warnings;

pub(crate) use coverage::{
    Comparable, BLINDSPOT_AT_MOST, BLINDSPOT_MIN_RATED, MIN_SIDE_ARTICLES, MIN_SIDE_WORDS,
    OPPOSITE_AT_LEAST,
};

use crate::error::Error;
use crate::input::{Options, Side, Story};
use crate::report::{
    prose, ArticleSummary, ComparisonLine, Framing, Params, Report, Rounded, SideFraming,
};
use crate::stats::{TermCounts, TermId};
use crate::text::Lexicons;
use evidence::Evidence;
#[cfg(feature = "explain")]
pub use explain::explain;
#[cfg(feature = "explain")]
pub(crate) use explain::Decision;
use terms::Listed;
#[cfg(feature = "explain")]
pub(crate) use terms::SUBSUMED;
use visit::Visit;

/// Analyzes a story given as JSON text.
pub fn analyze_json(json: &str, options: &Options) -> Result<Report, Error> {
    analyze(&Story::from_json(json)?, options)
}

/// Analyzes a parsed story, with the lexicons the crate embeds (feature
/// `embedded-lexicons`, on by default) for the language section; without them the report's
/// `language` is `null` and a warning says why.
pub fn analyze(story: &Story, options: &Options) -> Result<Report, Error> {
    #[cfg(feature = "embedded-lexicons")]
    let lexicons = options.language.then(Lexicons::embedded);
    #[cfg(not(feature = "embedded-lexicons"))]
    let lexicons = None;
    analyze_with_lexicons(story, options, lexicons)
}

/// Analyzes a parsed story with the given lexicons for the language section (`None`: the
/// section is not computed, and a warning says so when `options.language` asks for it).
pub fn analyze_with_lexicons(
    story: &Story,
    options: &Options,
    lexicons: Option<&Lexicons>,
) -> Result<Report, Error> {
    options.validate()?;
    let visit = Visit::new(story, &options.ratings);
    let coverage = coverage::coverage(&visit);
    let (counts, unit_tokens) = count_terms(
        &visit,
        options.max_ngram,
        options.min_count,
        options.emphasis,
    );
    let lexicons = lexicons.filter(|_| options.language);
    let language = lexicons.map(|l| language::language(&visit, &counts, l, &coverage, options));

    // Plain loops rather than iterator chains: each chain is one more function in WASM.
    let mut comparables = Vec::with_capacity(3);
    let mut candidates: Vec<Vec<Listed>> = Vec::with_capacity(3);
    for side in Side::ALL {
        let comparable = coverage::comparable(
            coverage.side(side).articles,
            counts.words(side),
            counts.term_tokens(side),
            counts.all_term_tokens(),
        );
        comparables.push(comparable);
        candidates.push(match comparable {
            Comparable::Yes => terms::listed_terms(&visit, &counts, side, options),
            _ => Vec::new(),
        });
    }
    // Each candidate term once, in id order (a term may be a candidate of two sides).
    let mut is_wanted = vec![false; counts.terms().len()];
    for candidate in candidates.iter().flatten() {
        is_wanted[candidate.term as usize] = true;
    }
    let wanted: Vec<TermId> = counts.terms().filter(|&t| is_wanted[t as usize]).collect();
    let evidence = Evidence::new(&visit, &counts, unit_tokens, wanted);

    let mut comparison = Vec::with_capacity(3);
    let mut framings = Vec::with_capacity(3);
    let mut framing_terms = Vec::new();
    for ((side, comparable), candidates) in Side::ALL.into_iter().zip(comparables).zip(candidates) {
        let design = evidence.design(side);
        let chosen = evidence::choose(&evidence, side, candidates, options);
        framing_terms.extend(chosen.iter().map(|c| c.listed.term));
        let mut framing = SideFraming {
            insufficient: comparable == Comparable::Insufficient,
            tested: comparable == Comparable::Yes && evidence::tested(&design, options),
            test: evidence::test_design(&design),
            status: None,
            note: None,
            terms: examples::shown_terms(&visit, &counts, &evidence, side, chosen),
            words: counts.words(side),
            term_tokens: counts.term_tokens(side),
        };
        (framing.status, framing.note) = prose::side_status(side, &coverage, &framing, comparable);
        let mut text = prose::comparison(side, &coverage, &framing, comparable);
        if let (Some(language), Comparable::Yes) = (&language, comparable) {
            text.push_str(&prose::language_clause(language.side(side)));
        }
        comparison.push(ComparisonLine {
            side: side.key(),
            text,
        });
        framings.push(framing);
    }
    // A loop and a conversion rather than `Side::ALL.map(…)`: the closure of an array map
    // is compiled into WASM a second time (7 KB).
    let [left, center, right]: [SideFraming; 3] =
        framings.try_into().unwrap_or_else(|_| unreachable!());
    // Each section switched off is not computed (docs/REPORT.md, "params"); without emphasis
    // the counting above marked no capitals for its names either.
    let emphasis = options
        .emphasis
        .then(|| emphasis::emphasis(&visit, &counts, &evidence, &framing_terms, options));
    if let Some(emphasis) = &emphasis {
        for ((line, side), framing) in comparison
            .iter_mut()
            .zip(Side::ALL)
            .zip([&left, &center, &right])
        {
            line.text +=
                &prose::emphasis_clauses(side, &coverage, framing, emphasis, options.max_p);
        }
    }
    let (key_points, common_ground) = if options.key_points {
        let (key_points, common_ground) = key_points::key_points(&visit, &counts);
        (Some(key_points), Some(common_ground))
    } else {
        (None, None)
    };

    let params = Params {
        max_ngram: options.max_ngram,
        prior_scale: Rounded::new(options.prior_scale),
        z_min: Rounded::new(options.z_min),
        min_count: options.min_count,
        top_k: options.top_k,
        max_p: Rounded::new(options.max_p),
        language: options.language,
        emphasis: options.emphasis,
        key_points: options.key_points,
    };
    let mut warnings = warnings::warnings(&visit);
    if options.language && lexicons.is_none() {
        warnings.push(prose::lexicons_missing_warning());
    }
    Ok(Report {
        version: 1,
        sides: prose::sides(&coverage),
        notes: prose::notes(&coverage, &params),
        params,
        blindspot: coverage::blindspot(&coverage),
        warnings,
        coverage_by: facets::coverage_by(&visit, &options.ratings),
        coverage,
        framing: Framing {
            left,
            center,
            right,
        },
        language,
        emphasis,
        key_points,
        common_ground,
        comparison,
        articles: article_summaries(&visit),
    })
}

/// Counts the terms of every rated article, side by side in canonical order, and the term
/// tokens of each rated outlet; n-grams with fewer than `min_count` uses in every side may be
/// left uncounted. `names`: whether the counts find names, which only emphasis reads.
fn count_terms(
    visit: &Visit,
    max_ngram: usize,
    min_count: u32,
    names: bool,
) -> (TermCounts, Vec<u64>) {
    let mut counts = TermCounts::new(max_ngram, min_count);
    if !names {
        counts = counts.without_names();
    }
    let mut unit_tokens = vec![0u64; visit.units.len()];
    for side in Side::ALL {
        for index in visit.articles_of(side) {
            let sentences = visit.sentences[index]
                .iter()
                .map(|sentence| visit.sentence(index, sentence));
            let tokens = counts.count_article(side, sentences);
            if let Some(unit) = unit_tokens.get_mut(visit.unit_of[index] as usize) {
                *unit += tokens;
            }
        }
    }
    counts.finish();
    (counts, unit_tokens)
}

/// Every article in canonical order with its resolved leaning and where it came from.
fn article_summaries(visit: &Visit) -> Vec<ArticleSummary> {
    visit
        .order
        .iter()
        .map(|&index| {
            let article = &visit.story.articles[index];
            let (leaning, leaning_from) = visit.resolved[index];
            ArticleSummary {
                id: article.id.clone(),
                source: article.source.clone(),
                leaning: leaning.label(),
                leaning_from,
                side: leaning.side().map_or("unrated", Side::key),
                headline: article.headline.clone(),
                url: article.url.clone(),
                published: article.published.clone(),
            }
        })
        .collect()
}
