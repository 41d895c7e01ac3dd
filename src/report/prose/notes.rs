//! How to read a report: one sentence for each thing a reader may ask, with the report's
//! parameters filled in.

use super::{counted, fraction_percent};
use crate::analyze::{BLINDSPOT_AT_MOST, BLINDSPOT_MIN_RATED, OPPOSITE_AT_LEAST};
use crate::error::number_text;
use crate::report::{Coverage, Notes, Params};

/// How to read the report, with its parameters filled in.
pub(crate) fn notes(coverage: &Coverage, params: &Params) -> Notes {
    let rated = coverage.left.articles + coverage.center.articles + coverage.right.articles;
    let unrated = coverage.unrated.articles;
    let z_min = number_text(params.z_min.get());
    Notes {
        coverage: format!(
            "{} from {}{}.",
            counted(coverage.total_articles as u64, "article", "articles"),
            counted(coverage.total_sources as u64, "source", "sources"),
            if unrated > 0 {
                format!(", {unrated} of them unrated")
            } else {
                String::new()
            },
        ),
        shares: if rated > 0 {
            "Shares of articles from rated outlets.".into()
        } else {
            "No article comes from an outlet with a bias rating.".into()
        },
        framing: "Words and phrases each side used markedly more often than the other sides, with how often every side used them.".into(),
        rate: format!(
            "Per 10,000 terms: uses of the term for every 10,000 words and phrases of up to {} words that the side wrote.",
            params.max_ngram
        ),
        z: format!(
            "z: how far a side's use of the term stands out from the other sides' use (weighted log-odds with an informative prior); terms are listed from z {z_min}."
        ),
        p: format!(
            "p: how often outlets picked at random, as many as the side has, used the term at least as much as the side's own outlets did; terms are listed at p {} or less when the side has outlets enough to show it.",
            number_text(params.max_p.get()),
        ),
        blindspot: format!(
            "A blindspot is a left or right side with at most {} of the rated articles while the opposite side has at least {}, in a story with {BLINDSPOT_MIN_RATED} or more rated articles.",
            fraction_percent(BLINDSPOT_AT_MOST),
            fraction_percent(OPPOSITE_AT_LEAST),
        ),
        method: format!(
            "Terms scored by weighted log-odds with an informative prior (Monroe, Colaresi & Quinn 2008): z ≥ {z_min}, at least {} uses, up to {}-word phrases, prior {}; then tested outlet by outlet (rank-sum permutation test): p ≤ {}.",
            params.min_count,
            params.max_ngram,
            number_text(params.prior_scale.get()),
            number_text(params.max_p.get()),
        ),
        emphasis: super::emphasis::emphasis_note(params),
        key_points: super::emphasis::key_points_note(),
        common_ground: super::emphasis::common_ground_note(),
    }
}
