//! The sentences of an explained term (docs/REPORT.md, "Explaining a term"): the statistic's
//! formulas with the term's numbers filled in, each listing rule and whether the term meets
//! it, the verdict, what its p means for the side, and the dictionary card's task. Every
//! number is one the explanation carries, rounded as the report rounds.

use super::{capitalized, counted, outlets_of};
use crate::analyze::{Comparable, Decision, MIN_SIDE_ARTICLES, MIN_SIDE_WORDS, SUBSUMED};
use crate::error::number_text;
use crate::input::{Options, Side};
use crate::report::{ExplainedCounts, FormulaLine, Rounded, RuleCheck};
use crate::stats::{Design, LogOdds};

/// A number as the explanation shows it: rounded to 4 places, written as JavaScript would.
fn shown(x: f64) -> String {
    number_text(Rounded::new(x).get())
}

/// The statistic of docs/METHOD.md §4, line by line, with the term's numbers in each formula;
/// only α_w where δ is undefined.
pub(crate) fn formula(
    counts: &ExplainedCounts,
    prior_scale: f64,
    alpha: f64,
    score: Option<LogOdds>,
) -> Vec<FormulaLine> {
    let (a0, a) = (shown(prior_scale), shown(alpha));
    let ExplainedCounts {
        y_b, y_r, n_b, n_r, ..
    } = counts;
    let mut lines = vec![FormulaLine {
        symbol: "α_w",
        formula: "α0 · (y_w^b + y_w^r) / (n_b + n_r)",
        numbers: format!("{a0} · ({y_b} + {y_r}) / ({n_b} + {n_r})"),
        value: Rounded::new(alpha),
    }];
    let Some(score) = score else { return lines };
    let side_hits = *y_b as f64 + alpha;
    let side_misses = *n_b as f64 + prior_scale - *y_b as f64 - alpha;
    let rest_hits = *y_r as f64 + alpha;
    let rest_misses = *n_r as f64 + prior_scale - *y_r as f64 - alpha;
    let sigma = score.variance.sqrt();
    lines.push(FormulaLine {
        symbol: "δ",
        formula: "ln((y_w^b + α_w) / (n_b + α0 − y_w^b − α_w)) − ln((y_w^r + α_w) / (n_r + α0 − y_w^r − α_w))",
        numbers: format!(
            "ln(({y_b} + {a}) / ({n_b} + {a0} − {y_b} − {a})) − ln(({y_r} + {a}) / ({n_r} + {a0} − {y_r} − {a})) = ln({} / {}) − ln({} / {})",
            shown(side_hits),
            shown(side_misses),
            shown(rest_hits),
            shown(rest_misses),
        ),
        value: Rounded::new(score.delta),
    });
    lines.push(FormulaLine {
        symbol: "σ²",
        formula: "1 / (y_w^b + α_w) + 1 / (y_w^r + α_w)",
        numbers: format!("1 / {} + 1 / {}", shown(side_hits), shown(rest_hits)),
        value: Rounded::new(score.variance),
    });
    lines.push(FormulaLine {
        symbol: "σ",
        formula: "√σ²",
        numbers: format!("√{}", shown(score.variance)),
        value: Rounded::new(sigma),
    });
    lines.push(FormulaLine {
        symbol: "z",
        formula: "δ / σ",
        numbers: format!("{} / {}", shown(score.delta), shown(sigma)),
        value: Rounded::new(score.z),
    });
    lines
}

fn rule(met: bool, text: String) -> RuleCheck {
    RuleCheck { met, text }
}

/// The listing rules of docs/METHOD.md §4–5 in the order they are applied, each with whether
/// the term meets it; a rule that only applies once the earlier ones are met is left out
/// when they are not.
pub(crate) fn explained_rules(side: Side, d: &Decision, options: &Options) -> Vec<RuleCheck> {
    let who = outlets_of(side);
    let articles = counted(d.articles as u64, "article", "articles");
    let words = counted(d.words, "word", "words");
    let mut rules = Vec::new();
    match d.comparable {
        Comparable::Insufficient => rules.push(rule(
            false,
            format!(
                "{} have {articles} and {words}: at least {MIN_SIDE_ARTICLES} articles and {MIN_SIDE_WORDS} words are needed to compare their wording.",
                capitalized(who)
            ),
        )),
        Comparable::Alone => rules.push(rule(
            false,
            format!("Only {who} covered this story, so there is no other side's wording to compare theirs with."),
        )),
        Comparable::Yes => rules.push(rule(
            true,
            format!(
                "{} have {articles} and {words}, enough to compare their wording.",
                capitalized(who)
            ),
        )),
    }
    let enough_uses = d.uses >= u64::from(options.min_count);
    rules.push(rule(
        enough_uses,
        format!(
            "{} used it {}; a listed term needs at least {}.",
            capitalized(who),
            counted(d.uses, "time", "times"),
            options.min_count
        ),
    ));
    let high_z = d.z.is_some_and(|z| z >= options.z_min);
    rules.push(rule(
        high_z,
        match d.z {
            Some(z) => format!(
                "Its z is {}; a listed term needs at least {}.",
                shown(z),
                number_text(options.z_min)
            ),
            None => "Its z cannot be computed: nearly every word of the story is this term.".into(),
        },
    ));
    let mut widely_used = true;
    if d.side_outlets >= 2 {
        widely_used = d.users >= 2;
        rules.push(rule(
            widely_used,
            format!(
                "{} of the {} {who} used it; a listed term needs at least 2 of them, so that one outlet's habit is not taken for a side's.",
                d.users, d.side_outlets
            ),
        ));
    }
    if d.comparable != Comparable::Yes || !enough_uses || !high_z || !widely_used {
        return rules;
    }
    rules.push(rule(
        d.candidate,
        if d.candidate {
            "It is not mostly part of a longer phrase that passes these rules.".into()
        } else {
            format!(
                "At least {} in {} of its uses are inside a longer phrase that passes these rules, which stands for it.",
                SUBSUMED.0, SUBSUMED.1
            )
        },
    ));
    if !d.candidate {
        return rules;
    }
    let low_p = !d.tested || d.p <= options.max_p;
    rules.push(rule(
        low_p,
        if d.tested {
            format!(
                "Its p is {}; a listed term needs at most {}.",
                shown(d.p),
                number_text(options.max_p)
            )
        } else {
            format!(
                "{} are too few for p to reach {}: their terms are listed as a description of these articles, whatever their p.",
                capitalized(who),
                number_text(options.max_p)
            )
        },
    ));
    if low_p && !d.listed {
        rules.push(rule(
            false,
            format!(
                "At most {} terms are listed per side, and {} with a higher z were listed first.",
                options.top_k, d.shown
            ),
        ));
    }
    rules
}

/// Whether and how the side lists the term, in one sentence.
pub(crate) fn verdict(side: Side, d: &Decision) -> String {
    let who = outlets_of(side);
    if !d.listed {
        format!("Not listed for {who}: not every rule above is met.")
    } else if d.tested {
        format!("Listed as a framing term of {who}.")
    } else {
        format!("Listed for {who} as a description of these articles, not as a tested difference.")
    }
}

/// What the term's p says about the side, in words.
pub(crate) fn p_meaning(side: Side, design: &Design, p: f64, options: &Options) -> String {
    let who = outlets_of(side);
    let (k, n) = (design.units, design.of);
    let max_p = number_text(options.max_p);
    if k == 0 {
        format!("No {who} covered this story, so there is nothing to test.")
    } else if design.min_p() > options.max_p {
        format!(
            "With {k} {who} among {n} rated outlets, p cannot go below {}: this story cannot tell a difference in wording from chance at {max_p}.",
            shown(design.min_p())
        )
    } else if p <= options.max_p {
        format!(
            "Few ways of picking {k} of the {n} rated outlets at random look as one-sided as the {who} do: the difference is unlikely to be chance (p {} ≤ {max_p}).",
            shown(p)
        )
    } else {
        format!(
            "Picking {k} of the {n} rated outlets at random often looks as one-sided as the {who} do: the difference could be chance (p {} > {max_p}).",
            shown(p)
        )
    }
}

/// The dictionary card's task.
pub(crate) fn rewording_prompt(term: &str) -> String {
    format!(
        "Rewrite one of these sentences without “{term}”, in words that would not tell a reader which side wrote it. What did you change, and why?"
    )
}
