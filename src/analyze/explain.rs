//! One term of one side explained (docs/REPORT.md, "Explaining a term"): the counts, the
//! prior, δ, σ and z of docs/METHOD.md §4 with the formulas filled in, the outlet-level test
//! of §5, which listing rules the term meets, every rated outlet's uses, and the dictionary
//! card — the sentences of each side that use the term. Computed from the same pieces as the
//! report (`visit`, `terms`, `evidence`, `examples`), so every number the explanation shares
//! with the report is the report's.

use super::count_terms;
use super::coverage::{self, Comparable};
use super::evidence::{self, Evidence};
use super::examples;
use super::terms::{self, Listed};
use super::visit::Visit;
use crate::error::{quoted, Error};
use crate::input::{Options, Side, Story};
use crate::report::{
    prose, DictionaryCard, ExplainedCounts, OutletCount, PerSide, Rounded, TermExplanation,
};
use crate::stats::{log_odds, TermCounts};
use crate::text::{normalize_token, tokens};

/// What decided whether a term is listed for a side, for the prose to put in words.
pub(crate) struct Decision {
    pub comparable: Comparable,
    pub articles: usize,
    pub words: u64,
    /// y_w^b, and the fewest uses a listed term needs.
    pub uses: u64,
    /// z, `None` where undefined.
    pub z: Option<f64>,
    /// The side's outlets, and those of them that used the term.
    pub side_outlets: u32,
    pub users: u32,
    /// Whether the term passed every threshold and was not mostly inside a longer term.
    pub candidate: bool,
    /// Whether the side's design can reach `max_p`.
    pub tested: bool,
    pub p: f64,
    /// Whether the side lists it, and, for a candidate cut by `top_k`, how many were listed.
    pub listed: bool,
    pub shown: usize,
}

/// The side a key names: `left`, `center` or `right`.
fn side_named(key: &str) -> Result<Side, Error> {
    for side in Side::ALL {
        if side.key() == key {
            return Ok(side);
        }
    }
    Err(Error::at(
        "side",
        format!(
            "unknown side {}; expected \"left\", \"center\" or \"right\"",
            quoted(key)
        ),
    ))
}

/// Explains `term` (a word or phrase, normalized as the story's words are) for `side`
/// (`left`, `center` or `right`) in the story analyzed with `options`.
pub fn explain(
    story: &Story,
    options: &Options,
    side: &str,
    term: &str,
) -> Result<TermExplanation, Error> {
    options.validate()?;
    let side = side_named(side)?;
    let visit = Visit::new(story, &options.ratings);
    let coverage = coverage::coverage(&visit);
    // Counted as the report counts: n-grams with `min_count` uses in some side are counted
    // exactly, and the rarer ones a reader may ask about too are then counted all over again
    // with none left out.
    let (mut counts, mut unit_tokens) = count_terms(
        &visit,
        options.max_ngram,
        options.min_count,
        options.emphasis,
    );
    let mut found = find(&counts, term);
    let frequent = |counts: &TermCounts, id: u32| {
        Side::ALL
            .into_iter()
            .any(|s| counts.count(id, s) >= options.min_count)
    };
    if !found.as_ref().is_ok_and(|&id| frequent(&counts, id)) {
        (counts, unit_tokens) = count_terms(&visit, options.max_ngram, 1, options.emphasis);
        found = find(&counts, term);
    }
    let id = found?;
    let text = counts.term_text(id);

    let y = |s: Side| u64::from(counts.count(id, s));
    let n = |s: Side| counts.term_tokens(s);
    let (y_b, n_b) = (y(side), n(side));
    let (y_all, n_all) = (counts.count_in_all(id), counts.all_term_tokens());
    let alpha = options.prior_scale * y_all as f64 / n_all as f64;
    let score = log_odds(
        y_b as f64,
        n_b as f64,
        (y_all - y_b) as f64,
        (n_all - n_b) as f64,
        alpha,
        options.prior_scale,
    );

    let comparable =
        coverage::comparable(coverage.side(side).articles, counts.words(side), n_b, n_all);
    let candidates = match comparable {
        Comparable::Yes => terms::listed_terms(&visit, &counts, side, options),
        _ => Vec::new(),
    };
    let candidate = candidates.iter().any(|c| c.term == id);
    // The evidence for the term and for every candidate (the list `choose` walks), in id order.
    let mut is_wanted = vec![false; counts.terms().len()];
    is_wanted[id as usize] = true;
    for c in &candidates {
        is_wanted[c.term as usize] = true;
    }
    let wanted = counts.terms().filter(|&t| is_wanted[t as usize]).collect();
    let evidence = Evidence::new(&visit, &counts, unit_tokens.clone(), wanted);
    let design = evidence.design(side);
    let tested = evidence::tested(&design, options);
    let chosen = evidence::choose(&evidence, side, candidates, options);
    let listed = chosen.iter().any(|c| c.listed.term == id);
    let p = evidence.p(
        side,
        &Listed {
            term: id,
            z: 0.0,
            outlets: 0,
            text: text.clone(),
        },
    );

    // Every rated outlet with its uses: units and uses are both in canonical order.
    let uses = evidence.uses_of(id);
    let mut outlets = Vec::with_capacity(visit.units.len());
    let mut users = 0;
    let mut next = 0;
    for (unit, &(unit_side, source)) in visit.units.iter().enumerate() {
        let mut count = 0;
        if let Some(&(used_by, n)) = uses.get(next) {
            if used_by as usize == unit {
                count = n;
                next += 1;
            }
        }
        if unit_side == side && count > 0 {
            users += 1;
        }
        outlets.push(OutletCount {
            source: source.to_owned(),
            side: unit_side.key(),
            count,
            term_tokens: unit_tokens.get(unit).copied().unwrap_or(0),
        });
    }

    let decision = Decision {
        comparable,
        articles: coverage.side(side).articles,
        words: counts.words(side),
        uses: y_b,
        z: score.map(|s| s.z),
        side_outlets: visit.outlets_per_side[side.index()],
        users,
        candidate,
        tested,
        p: p.p,
        listed,
        shown: chosen.len(),
    };
    let per_side = |f: &dyn Fn(Side) -> u64| PerSide {
        left: f(Side::Left),
        center: f(Side::Center),
        right: f(Side::Right),
    };
    let counts_explained = ExplainedCounts {
        y_b,
        y_r: y_all - y_b,
        n_b,
        n_r: n_all - n_b,
        uses: per_side(&y),
        term_tokens: per_side(&n),
    };
    Ok(TermExplanation {
        rules: prose::explained_rules(side, &decision, options),
        verdict: prose::verdict(side, &decision),
        formula: prose::formula(&counts_explained, options.prior_scale, alpha, score),
        listed,
        prior_scale: Rounded::new(options.prior_scale),
        alpha: Rounded::new(alpha),
        delta: score.map(|s| Rounded::new(s.delta)),
        variance: score.map(|s| Rounded::new(s.variance)),
        sigma: score.map(|s| Rounded::new(s.variance.sqrt())),
        z: score.map(|s| Rounded::new(s.z)),
        p: Rounded::new(p.p),
        test: evidence::test_design(&design),
        evidence: prose::evidence(side, &design, &p),
        meaning: prose::p_meaning(side, &design, p.p, options),
        outlets,
        card: DictionaryCard {
            left: examples::card_quotes(&visit, &counts, id, Side::Left),
            center: examples::card_quotes(&visit, &counts, id, Side::Center),
            right: examples::card_quotes(&visit, &counts, id, Side::Right),
            prompt: prose::rewording_prompt(&text),
        },
        counts: counts_explained,
        side: side.key(),
        term: text,
    })
}

/// The id of `term`, its words normalized as the story's are; an error naming `term` when no
/// rated article uses it as a term.
fn find(counts: &TermCounts, term: &str) -> Result<u32, Error> {
    let mut words = Vec::new();
    for token in tokens(term) {
        let mut word = String::new();
        normalize_token(token.surface, &mut word);
        words.push(word);
    }
    counts
        .find(&words)
        .filter(|&id| counts.count_in_all(id) > 0)
        .ok_or_else(|| {
            Error::at(
                "term",
                format!(
                    "{} is not a term of this story's rated articles (a word or phrase of up to {} words that a rated article uses, neither starting nor ending with a common word such as \"the\")",
                    quoted(term),
                    counts.max_ngram(),
                ),
            )
        })
}
