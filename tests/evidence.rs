//! The outlet-level test end to end (docs/METHOD.md §5): a story with too few outlets says it
//! cannot tell framing from chance; on stories with enough outlets the test is what keeps a
//! story's topic words out; and every listed term's p agrees with a brute-force enumeration
//! over the outlets, computed here from the story text by counting of its own.

use std::collections::BTreeMap;

use bias_compare::text::{is_stopword, normalize_token, sentence_ranges, tokens};
use bias_compare::{analyze_json, Options, Report, SideFraming};
use serde_json::Value;

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn framing<'a>(report: &'a Report, side: &str) -> &'a SideFraming {
    match side {
        "left" => &report.framing.left,
        "center" => &report.framing.center,
        _ => &report.framing.right,
    }
}

#[test]
fn five_outlets_are_too_few_to_tell_framing_from_chance() {
    let report = analyze_json(&read("tests/data/five-outlets.json"), &Options::default()).unwrap();
    for side in ["left", "right"] {
        let framing = framing(&report, side);
        assert!(!framing.insufficient, "{side}");
        assert!(!framing.tested, "{side}");
        assert_eq!((framing.test.units, framing.test.of), (2, 5));
        assert_eq!(framing.test.min_p.get(), 0.1);
        let status = if framing.terms.is_empty() {
            "No distinctive terms"
        } else {
            "Description only"
        };
        assert_eq!(framing.status.as_deref(), Some(status), "{side}");
        let bullet = &report
            .comparison
            .iter()
            .find(|c| c.side == side)
            .unwrap()
            .text;
        assert!(
            bullet.contains("cannot be told apart from chance"),
            "{side}: {bullet}"
        );
    }
}

#[test]
fn without_the_test_a_topic_word_of_one_prolific_outlet_is_listed() {
    // The port-strike sample's "dockworkers": every side uses it, one long left outlet most.
    let story = read("www/samples/port-strike.json");
    let untested = Options {
        max_p: 1.0,
        ..Options::default()
    };
    let listed = |options: &Options| {
        analyze_json(&story, options)
            .unwrap()
            .framing
            .left
            .terms
            .iter()
            .any(|t| t.term == "dockworkers")
    };
    assert!(listed(&untested), "the z-score alone should list it");
    assert!(
        !listed(&Options::default()),
        "the outlet-level test should drop it"
    );
}

/// One outlet's counts, by counting of this test's own: each term occurrence, and its term
/// tokens (n-grams of 1..=max_ngram tokens with letters, not starting or ending with a
/// stopword).
#[derive(Default)]
struct Outlet {
    side: String,
    tokens: u64,
    sentences: Vec<Vec<String>>,
}

fn outlets(story: &Value, report: &Report, max_ngram: usize) -> Vec<Outlet> {
    let mut by_key: BTreeMap<(String, String), Outlet> = BTreeMap::new();
    for article in story["articles"].as_array().unwrap() {
        let summary = report
            .articles
            .iter()
            .find(|a| a.id == article["id"].as_str().unwrap().trim())
            .unwrap();
        if summary.side == "unrated" {
            continue;
        }
        let outlet = by_key
            .entry((summary.side.to_owned(), summary.source.clone()))
            .or_default();
        outlet.side = summary.side.to_owned();
        let mut texts: Vec<&str> = Vec::new();
        if let Some(headline) = article["headline"].as_str() {
            if headline.chars().any(char::is_alphanumeric) {
                texts.push(headline.trim());
            }
        }
        let text = article["text"].as_str().unwrap();
        texts.extend(sentence_ranges(text).into_iter().map(|r| &text[r]));
        for sentence in texts {
            let words: Vec<String> = tokens(sentence)
                .map(|t| {
                    let mut out = String::new();
                    normalize_token(t.surface, &mut out);
                    out
                })
                .collect();
            let termable =
                |w: &String| w.chars().any(char::is_alphabetic) && w.chars().count() <= 50;
            for start in 0..words.len() {
                for len in 1..=max_ngram {
                    let Some(gram) = words.get(start..start + len) else {
                        break;
                    };
                    if !gram.iter().all(termable) {
                        break;
                    }
                    if !is_stopword(&gram[0]) && !is_stopword(&gram[len - 1]) {
                        outlet.tokens += 1;
                    }
                }
            }
            outlet.sentences.push(words);
        }
    }
    by_key.into_values().collect()
}

fn occurrences(outlet: &Outlet, term: &str) -> u64 {
    let term: Vec<&str> = term.split(' ').collect();
    outlet
        .sentences
        .iter()
        .map(|words| {
            words
                .windows(term.len())
                .filter(|window| window.iter().zip(&term).all(|(a, b)| a == b))
                .count() as u64
        })
        .sum()
}

/// p by enumerating every choice of k of the N outlets, with mid-ranks of exact rates.
fn brute_force_p(rates: &[(u64, u64)], on_side: &[bool]) -> f64 {
    let n = rates.len();
    let less = |a: (u64, u64), b: (u64, u64)| {
        // a.0 / a.1 < b.0 / b.1, a rate with no tokens being 0.
        u128::from(a.0) * u128::from(b.1.max(1)) < u128::from(b.0) * u128::from(a.1.max(1))
    };
    let ranks: Vec<f64> = (0..n)
        .map(|i| {
            let below = (0..n).filter(|&j| less(rates[j], rates[i])).count() as f64;
            let tied = (0..n)
                .filter(|&j| !less(rates[j], rates[i]) && !less(rates[i], rates[j]))
                .count() as f64;
            below + (tied + 1.0) / 2.0
        })
        .collect();
    let k = on_side.iter().filter(|&&b| b).count();
    let observed: f64 = (0..n).filter(|&i| on_side[i]).map(|i| ranks[i]).sum();
    let (mut total, mut at_least) = (0u64, 0u64);
    let mut chosen: Vec<usize> = (0..k).collect();
    loop {
        total += 1;
        let sum: f64 = chosen.iter().map(|&i| ranks[i]).sum();
        if sum >= observed - 1e-9 {
            at_least += 1;
        }
        // The next k-combination in lexicographic order.
        let Some(i) = (0..k).rev().find(|&i| chosen[i] != i + n - k) else {
            break;
        };
        chosen[i] += 1;
        for j in i + 1..k {
            chosen[j] = chosen[j - 1] + 1;
        }
    }
    at_least as f64 / total as f64
}

#[test]
fn every_listed_p_agrees_with_brute_force_enumeration() {
    let (mut checked, mut estimated) = (0, 0);
    for sample in [
        "drone-raid",
        "minimum-wage",
        "port-strike",
        "levee-bond",
        "wildfire-grid",
    ] {
        let text = read(&format!("www/samples/{sample}.json"));
        let story: Value = serde_json::from_str(&text).unwrap();
        let options = Options {
            max_p: 1.0,
            ..Options::default()
        };
        let report = analyze_json(&text, &options).unwrap();
        let outlets = outlets(&story, &report, options.max_ngram);
        for side in ["left", "center", "right"] {
            let framing = framing(&report, side);
            let on_side: Vec<bool> = outlets.iter().map(|o| o.side == side).collect();
            assert_eq!(framing.test.of, outlets.len(), "{sample}");
            for term in &framing.terms {
                let rates: Vec<(u64, u64)> = outlets
                    .iter()
                    .map(|o| (occurrences(o, &term.term), o.tokens))
                    .collect();
                let expected = brute_force_p(&rates, &on_side);
                let tolerance = if framing.test.exact { 0.000_05 } else { 0.02 };
                assert!(
                    (term.p.get() - expected).abs() <= tolerance,
                    "{sample} {side} {:?}: p {} against {expected}",
                    term.term,
                    term.p.get()
                );
                checked += 1;
                estimated += usize::from(!framing.test.exact);
            }
        }
    }
    assert!(checked >= 40, "only {checked} terms checked");
    assert!(
        estimated >= 10,
        "only {estimated} estimated p-values checked"
    );
}
