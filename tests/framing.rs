//! The framing statistic end to end on `tests/data/tiny-story.json`, whose counts can be
//! done by hand: every sentence is one word, so there are only unigrams.
//!
//! Left: 2 articles × (3 "Daring", 50 "Talks", 50 "Ceasefire") → n_left = 206.
//! Center: 2 × (52 "Talks", 52 "Ceasefire") → n_center = 208. Right mirrors left with "Flop".
//! n_all = 620. With α0 = 100, "daring" has α_w = 100 · 6 / 620 = 0.9677419;
//! δ = ln(6.9677419 / 299.0322581) − ln(0.9677419 / 513.0322581) = 2.5138683;
//! σ² = 1/6.9677419 + 1/0.9677419; z = 2.3172966. Its left rate is 6 / 206 · 10 000 = 291.2621.
//! "talks" in center: α_w = 49.0322581, z = 0.4077418 (not listed).

use bias_compare::{analyze_json, Options, Report};

fn tiny_report(options: Options) -> Report {
    let story = std::fs::read_to_string("tests/data/tiny-story.json").unwrap();
    analyze_json(&story, &options).unwrap()
}

fn with_prior(prior_scale: f64) -> Options {
    Options {
        prior_scale,
        z_min: 1.5,
        min_count: 3,
        ..Options::default()
    }
}

#[test]
fn z_scores_match_the_hand_computation() {
    let report = tiny_report(with_prior(100.0));
    let daring = &report.framing.left.terms[0];
    assert_eq!((daring.term.as_str(), daring.z.get()), ("daring", 2.3173));
    let flop = &report.framing.right.terms[0];
    assert_eq!((flop.term.as_str(), flop.z.get()), ("flop", 2.3173));
}

#[test]
fn counts_outlets_and_rates_match_the_hand_computation() {
    let report = tiny_report(with_prior(100.0));
    let daring = &report.framing.left.terms[0];
    assert_eq!((daring.count, daring.outlets), (6, 2));
    assert_eq!(
        (
            daring.rate.left.get(),
            daring.rate.center.get(),
            daring.rate.right.get()
        ),
        (291.2621, 0.0, 0.0)
    );
    assert_eq!(report.framing.left.term_tokens, 206);
}

#[test]
fn terms_used_evenly_are_not_listed() {
    let report = tiny_report(with_prior(100.0));
    assert!(report.framing.center.terms.is_empty());
    assert_eq!(report.framing.left.terms.len(), 1);
}

#[test]
fn a_low_z_threshold_lists_terms_in_z_order() {
    let report = tiny_report(Options {
        z_min: -10.0,
        ..with_prior(100.0)
    });
    let center: Vec<(&str, f64)> = report
        .framing
        .center
        .terms
        .iter()
        .map(|t| (t.term.as_str(), t.z.get()))
        .collect();
    // "talks" and "ceasefire" are symmetric in the story, so they tie and sort by term.
    assert_eq!(center, [("ceasefire", 0.4077), ("talks", 0.4077)]);
}

#[test]
fn examples_come_from_different_outlets_first() {
    let report = tiny_report(with_prior(100.0));
    let sources: Vec<&str> = report.framing.left.terms[0]
        .examples
        .iter()
        .map(|e| e.source.as_str())
        .collect();
    assert_eq!(sources, ["Left One", "Left Two", "Left One"]);
    assert!(report.framing.left.terms[0]
        .examples
        .iter()
        .all(|e| e.sentence == "Daring."));
}

#[test]
fn a_larger_prior_shrinks_z_for_rare_terms() {
    let weak = tiny_report(Options {
        z_min: -10.0,
        ..with_prior(5000.0)
    });
    let daring = weak
        .framing
        .left
        .terms
        .iter()
        .find(|t| t.term == "daring")
        .unwrap();
    assert!(
        daring.z.get() > 0.0 && daring.z.get() < 2.3173,
        "{}",
        daring.z.get()
    );
}
