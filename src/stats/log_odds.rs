//! The weighted log-odds ratio with an informative Dirichlet prior, equations (16)–(22) of
//! Monroe, Colaresi & Quinn (2008), "Fightin' Words", as docs/METHOD.md states it. Kept
//! apart from counting so it can be checked against hand-computed values.

/// δ and its z-score for one term.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogOdds {
    /// The point estimate δ_w of the log-odds ratio, side vs rest.
    pub delta: f64,
    /// σ²_w, the estimated variance of δ_w.
    #[cfg_attr(not(feature = "explain"), allow(dead_code))]
    pub variance: f64,
    /// δ_w / σ_w.
    pub z: f64,
}

/// δ_w and z_w for a term seen `y_side` times in a side of `n_side` term occurrences and
/// `y_rest` times in the rest of `n_rest`, with prior weight `alpha_w` out of `alpha_0`.
///
/// Returns `None` where the statistic is undefined: a non-positive odds denominator (a
/// corpus whose every term occurrence is this one term) or a non-finite result.
pub fn log_odds(
    y_side: f64,
    n_side: f64,
    y_rest: f64,
    n_rest: f64,
    alpha_w: f64,
    alpha_0: f64,
) -> Option<LogOdds> {
    let side_hits = y_side + alpha_w;
    let side_misses = n_side + alpha_0 - y_side - alpha_w;
    let rest_hits = y_rest + alpha_w;
    let rest_misses = n_rest + alpha_0 - y_rest - alpha_w;
    if side_hits <= 0.0 || side_misses <= 0.0 || rest_hits <= 0.0 || rest_misses <= 0.0 {
        return None;
    }
    // libm, not the platform's ln: native and WASM must agree to the last bit (docs/REPORT.md, "Numbers, order and determinism").
    let delta = libm::log(side_hits / side_misses) - libm::log(rest_hits / rest_misses);
    let variance = 1.0 / side_hits + 1.0 / rest_hits;
    let z = delta / variance.sqrt();
    (delta.is_finite() && z.is_finite()).then_some(LogOdds { delta, variance, z })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Worked by hand: y_b = 4, n_b = 20, y_r = 1, n_r = 30, α0 = 10, y_all = 5, n_all = 50,
    /// so α_w = 1. δ = ln(5 / 25) − ln(2 / 38) = ln(0.2) − ln(0.0526315…) = 1.3350011;
    /// σ² = 1/5 + 1/2 = 0.7; z = 1.3350011 / 0.8366600 = 1.5956315.
    #[test]
    fn matches_a_hand_computed_example() {
        let result = log_odds(4.0, 20.0, 1.0, 30.0, 1.0, 10.0).unwrap();
        assert!(close(result.delta, (0.2f64).ln() - (2.0f64 / 38.0).ln()));
        assert!(
            close(result.delta, 1.335_001_066_732_340_4),
            "{}",
            result.delta
        );
        assert!(close(result.z, 1.595_631_468_450_427_4), "{}", result.z);
    }

    #[test]
    fn is_antisymmetric_in_side_and_rest() {
        let forward = log_odds(7.0, 120.0, 2.0, 300.0, 0.5, 50.0).unwrap();
        let backward = log_odds(2.0, 300.0, 7.0, 120.0, 0.5, 50.0).unwrap();
        assert!(close(forward.delta, -backward.delta));
        assert!(close(forward.z, -backward.z));
    }

    #[test]
    fn equal_rates_give_zero() {
        let result = log_odds(5.0, 100.0, 5.0, 100.0, 1.0, 10.0).unwrap();
        assert!(close(result.delta, 0.0) && close(result.z, 0.0));
    }

    #[test]
    fn a_corpus_of_one_term_is_undefined_not_infinite() {
        assert_eq!(log_odds(3.0, 3.0, 0.0, 0.0, 10.0, 10.0), None);
    }
}
