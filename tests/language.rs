//! How each side talks (docs/METHOD.md §6, docs/REPORT.md "language"), end to end on stories
//! written for these tests (tests/data/language/): a side that is clearly more charged, a
//! side of one outlet, very unequal sides; negation, whole words matched case-insensitively,
//! Unicode quotes and dashes, a sentence of charged words only; the outlet-level p of every
//! rate checked against a brute-force enumeration over outlets whose rates this test counts
//! itself; and the section switched off or without lexicons.

use std::collections::BTreeMap;

use bias_compare::text::{normalize_token, sentence_ranges, tokens};
use bias_compare::{
    analyze_json, analyze_with_lexicons, LanguageTerm, Options, Part, Report, SideLanguage, Story,
};
use serde_json::Value;

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn report(path: &str) -> Report {
    analyze_json(&read(path), &Options::default()).unwrap()
}

fn side<'a>(report: &'a Report, side: &str) -> &'a SideLanguage {
    let language = report.language.as_ref().expect("a language section");
    match side {
        "left" => &language.left,
        "center" => &language.center,
        _ => &language.right,
    }
}

fn term<'a>(terms: &'a [LanguageTerm], text: &str) -> Option<&'a LanguageTerm> {
    terms.iter().find(|t| t.term == text)
}

fn bullet<'a>(report: &'a Report, side: &str) -> &'a str {
    &report
        .comparison
        .iter()
        .find(|c| c.side == side)
        .unwrap()
        .text
}

const CHARGED: &str = "tests/data/language/charged-right.json";

#[test]
fn a_side_clearly_more_charged_holds_and_its_bullet_says_so() {
    let report = report(CHARGED);
    let right = side(&report, "right");
    assert!(right.tested);
    assert!(right.charged.holds, "{:?}", right.charged);
    assert!(right.charged.rate.get() > 100.0 && right.charged.others.get() == 0.0);
    // 4 of 12 outlets, all four above every other outlet: 1 of the C(12, 4) = 495 choices.
    assert_eq!(right.charged.p.get(), 0.002);
    for other in ["left", "center"] {
        assert!(!side(&report, other).charged.holds, "{other}");
        assert!(!bullet(&report, other).contains("charged words"), "{other}");
    }
    assert!(
        bullet(&report, "right").contains(" They used charged words where the other sides used none (172.6 per 1,000 words): “massive”, “bloodbath” and “fiasco”."),
        "{}",
        bullet(&report, "right")
    );
}

#[test]
fn hedging_and_tone_hold_where_one_side_differs_and_only_there() {
    let report = report(CHARGED);
    let center = side(&report, "center");
    assert!(center.hedging.holds);
    assert!(!side(&report, "right").hedging.holds);
    assert!(bullet(&report, "center").contains(" They hedged where the other sides used none"));
    // The right's sentences are more negative, the center's more positive: two-sided, each
    // at twice the smallest p of its design, 2 ÷ 495.
    let right = side(&report, "right");
    assert!(right.tone.holds && right.tone.mean.get() < right.tone.others.get());
    assert_eq!(right.tone.p.get(), 0.004);
    assert!(bullet(&report, "right")
        .contains("Their sentences were more negative in tone than the other sides'"));
    assert!(bullet(&report, "center").contains("Their sentences were more positive in tone"));
}

#[test]
fn a_use_after_a_denial_is_counted_as_negated_not_as_charged() {
    // "The mayor said the vote was not a disaster …", in each of the four center articles.
    let report = report(CHARGED);
    let center = side(&report, "center");
    let disaster = term(&center.charged.terms, "disaster").unwrap();
    assert_eq!(
        (disaster.count, disaster.negated, disaster.outlets),
        (0, 4, 0)
    );
    assert_eq!((center.charged.count, center.charged.negated), (0, 4));
    assert_eq!(center.charged.rate.get(), 0.0);
}

#[test]
fn phrases_match_whole_words_in_any_case_and_scores_of_is_a_quantity() {
    let report = report(CHARGED);
    let right = side(&report, "right");
    // "Council SLAMS riders …" in every right headline.
    let slams = term(&right.charged.terms, "slams").unwrap();
    assert_eq!((slams.count, slams.display.as_str()), (4, "SLAMS"));
    // "The mayor scores a hollow win" counts; "scores of residents" does not.
    assert_eq!(term(&right.charged.terms, "scores").unwrap().count, 4);
    // "slammed" is its own entry, not "slam" inside it.
    assert_eq!(term(&right.charged.terms, "slammed").unwrap().count, 4);
}

#[test]
fn curly_quotes_and_dashes_do_not_hide_a_phrase() {
    // "The council’s “bloodbath” budget wipes out two bus lines — a stunning fiasco …"
    let report = report(CHARGED);
    let right = side(&report, "right");
    let bloodbath = term(&right.charged.terms, "bloodbath").unwrap();
    assert_eq!(bloodbath.count, 8); // four headlines and four of these sentences
    assert_eq!(term(&right.charged.terms, "wipes out").unwrap().count, 4);
    // That sentence is the only one with "wipes out": its example shows every word it marks.
    let wipes_out = term(&right.charged.terms, "wipes out").unwrap();
    let quoted = &wipes_out.examples[0];
    assert!(quoted.sentence.contains('“') && quoted.sentence.contains('—'));
    let marked: Vec<&str> = quoted
        .parts
        .iter()
        .filter_map(|part| match part {
            Part::Mark(mark) => Some(mark.text.as_str()),
            Part::Text(_) => None,
        })
        .collect();
    assert_eq!(marked, ["bloodbath", "wipes out", "stunning", "fiasco"]);
}

#[test]
fn a_sentence_of_charged_words_only_is_counted() {
    // "Massive fiasco!" in each right article, beside "… a stunning fiasco for taxpayers.",
    // the headline's "massive cuts" and "a massive betrayal".
    let report = report(CHARGED);
    let right = side(&report, "right");
    assert_eq!(term(&right.charged.terms, "fiasco").unwrap().count, 8);
    assert_eq!(term(&right.charged.terms, "massive").unwrap().count, 12);
}

#[test]
fn example_parts_make_up_the_quoted_sentence_and_marks_name_a_category() {
    let report = report(CHARGED);
    let language = report.language.as_ref().unwrap();
    let categories: Vec<&str> = language.categories.iter().map(|c| c.key.as_str()).collect();
    for side in [&language.left, &language.center, &language.right] {
        let tone_examples = [&side.tone.most_negative, &side.tone.most_positive];
        let mut quoted: Vec<(&str, &Vec<Part>)> = tone_examples
            .into_iter()
            .flatten()
            .map(|e| (e.sentence.as_str(), &e.parts))
            .collect();
        for term in side.charged.terms.iter().chain(&side.hedging.terms) {
            assert!(
                categories.contains(&term.category.as_str()),
                "{}",
                term.category
            );
            for e in &term.examples {
                quoted.push((e.sentence.as_str(), &e.parts));
            }
        }
        for (sentence, parts) in quoted {
            let mut joined = String::new();
            for part in parts {
                match part {
                    Part::Text(text) => joined.push_str(text),
                    Part::Mark(mark) => {
                        assert!(categories.contains(&mark.category.as_str()));
                        joined.push_str(&mark.text);
                    }
                }
            }
            assert_eq!(joined, sentence);
        }
    }
}

#[test]
fn a_side_of_one_outlet_cannot_show_a_difference_and_says_so() {
    let report = report("tests/data/language/one-left-outlet.json");
    let left = side(&report, "left");
    assert!(!left.tested);
    assert_eq!(
        left.note.as_deref(),
        Some("With 1 left-leaning outlet against 2 center outlets and 2 right-leaning outlets, differences in charged words, hedging and tone cannot be told apart from chance; these figures only describe these articles.")
    );
    // Five outlets: no side can reach p ≤ 0.05, so nothing holds and no bullet cites language,
    // although the right's rate is far above the others'.
    for name in ["left", "center", "right"] {
        let language = side(&report, name);
        assert!(!language.charged.holds && !language.hedging.holds && !language.tone.holds);
        assert!(!bullet(&report, name).contains("They "), "{name}");
    }
    assert!(side(&report, "right").charged.rate.get() > 100.0);
}

#[test]
fn very_unequal_sides_are_tested_only_where_the_design_allows() {
    // 8 left outlets, 1 center, 1 right: C(10, 8) = 45 choices for the left, 10 for the others.
    let report = report("tests/data/language/unequal-sides.json");
    assert!(side(&report, "left").tested);
    for name in ["center", "right"] {
        assert!(!side(&report, name).tested, "{name}");
        assert!(side(&report, name).note.is_some(), "{name}");
    }
    assert!(side(&report, "right").charged.count > 0);
}

/// The charged words each outlet of a story uses, and its words, counted by this test on its
/// own: the charged words these stories use, as whole words, "wipes out" as a phrase,
/// "scores" but not "scores of", none after a denial among the three words before.
fn outlet_uses(path: &str) -> BTreeMap<(String, String), (u64, u64)> {
    const WORDS: [&str; 13] = [
        "massive",
        "bloodbath",
        "fiasco",
        "blasted",
        "regime",
        "disastrous",
        "stunning",
        "flop",
        "admitted",
        "slams",
        "slammed",
        "disaster",
        "scores",
    ];
    const DENIALS: [&str; 8] = [
        "not", "no", "never", "cannot", "nor", "neither", "without", "none",
    ];
    let story: Value = serde_json::from_str(&read(path)).unwrap();
    let mut uses = BTreeMap::new();
    for article in story["articles"].as_array().unwrap() {
        let side = match article["leaning"].as_str().unwrap() {
            "left" | "lean-left" | "far-left" => "left",
            "center" => "center",
            _ => "right",
        };
        let key = (
            side.to_owned(),
            article["source"].as_str().unwrap().to_owned(),
        );
        let entry = uses.entry(key).or_insert((0u64, 0u64));
        for field in ["headline", "text"] {
            let text = article[field].as_str().unwrap_or_default();
            for range in sentence_ranges(text) {
                let words: Vec<String> = tokens(&text[range])
                    .map(|token| {
                        let mut word = String::new();
                        normalize_token(token.surface, &mut word);
                        word
                    })
                    .collect();
                entry.1 += words.len() as u64;
                let mut at = 0;
                while at < words.len() {
                    let next = words.get(at + 1).map(String::as_str);
                    let length = match words[at].as_str() {
                        "wipes" if next == Some("out") => 2,
                        "scores" if next == Some("of") => 0,
                        word if WORDS.contains(&word) => 1,
                        _ => 0,
                    };
                    let denied = (1..=3.min(at)).any(|back| {
                        DENIALS.contains(&words[at - back].as_str())
                            || words[at - back].contains("n't")
                    });
                    if length > 0 && !denied {
                        entry.0 += 1;
                    }
                    at += length.max(1);
                }
            }
        }
    }
    uses
}

/// p by brute force: every choice of k of the N outlets, mid-ranks of their rates.
fn brute_force_p(rates: &[(f64, bool)]) -> f64 {
    let n = rates.len();
    let rank = |v: f64| {
        let below = rates.iter().filter(|r| r.0 < v).count() as f64;
        let tied = rates.iter().filter(|r| r.0 == v).count() as f64;
        below + (tied + 1.0) / 2.0
    };
    let ranks: Vec<f64> = rates.iter().map(|r| rank(r.0)).collect();
    let k = rates.iter().filter(|r| r.1).count();
    let observed: f64 = (0..n).filter(|&i| rates[i].1).map(|i| ranks[i]).sum();
    let (mut total, mut at_least) = (0u64, 0u64);
    for mask in 0u32..(1 << n) {
        if mask.count_ones() as usize == k {
            total += 1;
            let sum: f64 = (0..n)
                .filter(|&i| mask & (1 << i) != 0)
                .map(|i| ranks[i])
                .sum();
            at_least += u64::from(sum >= observed - 1e-9);
        }
    }
    at_least as f64 / total as f64
}

#[test]
fn every_sides_charged_count_and_p_match_a_brute_force_count_over_its_outlets() {
    for path in [
        CHARGED,
        "tests/data/language/one-left-outlet.json",
        "tests/data/language/unequal-sides.json",
    ] {
        let report = report(path);
        let counted = outlet_uses(path);
        for name in ["left", "center", "right"] {
            let language = side(&report, name);
            let (uses, words) = counted
                .iter()
                .filter(|((side, _), _)| side == name)
                .fold((0, 0), |(u, w), (_, &(uses, words))| (u + uses, w + words));
            assert_eq!(
                (language.charged.count, language.words),
                (uses, words),
                "{path} {name}"
            );
            let rates: Vec<(f64, bool)> = counted
                .iter()
                .map(|((side, _), &(uses, words))| (uses as f64 / words as f64, side == name))
                .collect();
            let expected = (brute_force_p(&rates) * 10_000.0).round() / 10_000.0;
            assert_eq!(language.charged.p.get(), expected, "{path} {name}");
        }
    }
}

#[test]
fn the_section_switched_off_is_null_without_a_warning() {
    let options = Options {
        language: false,
        ..Options::default()
    };
    let report = analyze_json(&read(CHARGED), &options).unwrap();
    assert!(report.language.is_none());
    assert!(!report.params.language);
    assert!(report.warnings.is_empty());
    assert!(!bullet(&report, "right").contains("They used"));
}

#[test]
fn without_lexicons_the_section_is_null_and_a_warning_says_why() {
    let story = Story::from_json(&read(CHARGED)).unwrap();
    let report = analyze_with_lexicons(&story, &Options::default(), None).unwrap();
    assert!(report.language.is_none());
    assert_eq!(
        report.warnings,
        ["The language section (charged words, hedging, tone) was not computed: the lexicons were not loaded."]
    );
    // Everything else is the full report's.
    let full = bias_compare::analyze(&story, &Options::default()).unwrap();
    assert_eq!(report.framing, full.framing);
}

#[test]
fn every_sample_has_a_language_section_for_every_side() {
    for entry in std::fs::read_dir("www/samples").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".json") || name == "index.json" {
            continue;
        }
        let report = report(path.to_str().unwrap());
        for side_name in ["left", "center", "right"] {
            let language = side(&report, side_name);
            assert!(
                language.words > 0 && language.sentences > 0,
                "{name} {side_name}"
            );
            assert!((-1.0..=1.0).contains(&language.tone.mean.get()));
        }
    }
}
