//! What each side stresses or leaves out (docs/METHOD.md §7, docs/REPORT.md "emphasis"):
//! the planted emphasis and omission of the samples (tests/data/planted/) are listed for
//! their side, with the sides that left them out; names every side mentions are not; name
//! variants merge only where it is safe; a side of one outlet can show emphasis when the
//! story has outlets enough; bullets state only what the test allows; and every p agrees
//! with an enumeration, written here, of every choice of outlets.

use std::path::Path;

use bias_compare::text::{normalize_token, sentence_ranges, tokens};
use bias_compare::{analyze_json, Emphasis, Options, Report};
use serde_json::Value;

fn read(path: impl AsRef<Path>) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn report(path: &str) -> Report {
    analyze_json(&read(path), &Options::default()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every sample and the stories of this file, with their report.
fn stories() -> Vec<(String, Report)> {
    let mut paths: Vec<String> = std::fs::read_dir("www/samples")
        .unwrap()
        .map(|entry| entry.unwrap().path().to_string_lossy().into_owned())
        .filter(|path| path.ends_with(".json"))
        .collect();
    paths.sort();
    paths.extend(
        [
            "tests/data/name-variants.json",
            "tests/data/one-outlet.json",
        ]
        .map(String::from),
    );
    paths
        .into_iter()
        .map(|path| (path.clone(), report(&path)))
        .collect()
}

/// The manifests that plant emphasis, with their sample's report.
fn planted() -> Vec<(Value, Report)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("tests/data/planted").unwrap() {
        let manifest: Value = serde_json::from_str(&read(entry.unwrap().path())).unwrap();
        if manifest.get("emphasis").is_some() {
            let sample = format!("www/samples/{}", manifest["sample"].as_str().unwrap());
            found.push((manifest, report(&sample)));
        }
    }
    assert!(!found.is_empty(), "no manifest plants emphasis");
    found
}

fn strings(value: &Value) -> Vec<String> {
    let mut list: Vec<String> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    list.sort();
    list
}

/// The entry whose variants are exactly `variants` (in any order).
fn entry_with<'a>(report: &'a Report, variants: &[String]) -> Option<&'a Emphasis> {
    report.emphasis.as_deref().unwrap().iter().find(|entry| {
        let mut own = entry.variants.clone();
        own.sort();
        own == variants
    })
}

fn per_side(counts: &bias_compare::SideCounts) -> [u32; 3] {
    [counts.left, counts.center, counts.right]
}

#[test]
fn planted_emphasis_is_listed_for_its_side_with_the_sides_that_left_it_out() {
    for (manifest, report) in planted() {
        for planted in manifest["emphasis"].as_array().unwrap() {
            let variants = strings(&planted["variants"]);
            let listed: Vec<&Vec<String>> = report
                .emphasis
                .as_deref()
                .unwrap()
                .iter()
                .map(|e| &e.variants)
                .collect();
            let entry = entry_with(&report, &variants)
                .unwrap_or_else(|| panic!("{variants:?} not listed in {listed:?}"));
            assert_eq!(entry.side, planted["side"], "{variants:?}");
            assert_eq!(entry.kind, "name");
            assert!(
                entry.tested && entry.p.get() <= 0.05,
                "{variants:?}: p {}",
                entry.p.get()
            );
            let mut omitted: Vec<String> = entry.omitted_by.iter().map(|s| s.to_string()).collect();
            omitted.sort();
            assert_eq!(omitted, strings(&planted["omitted_by"]), "{variants:?}");
            assert!(!entry.examples.is_empty() && entry.examples.len() <= 3);
        }
    }
}

#[test]
fn planted_mentions_are_counted_by_outlet_as_a_search_of_the_text_finds_them() {
    for (manifest, report) in planted() {
        let sample = format!("www/samples/{}", manifest["sample"].as_str().unwrap());
        let story: Value = serde_json::from_str(&read(&sample)).unwrap();
        for planted in manifest["emphasis"].as_array().unwrap() {
            let variants = strings(&planted["variants"]);
            let entry = entry_with(&report, &variants).unwrap();
            // Outlets (by side) whose headline or text has a variant written with capitals.
            let mut outlets: Vec<(String, String)> = Vec::new();
            for article in story["articles"].as_array().unwrap() {
                let summary = report
                    .articles
                    .iter()
                    .find(|a| a.id == article["id"].as_str().unwrap())
                    .unwrap();
                let text = format!(
                    "{}\n{}",
                    article["headline"].as_str().unwrap_or(""),
                    article["text"].as_str().unwrap()
                );
                let words: Vec<(String, bool)> = tokens(&text)
                    .map(|t| {
                        let mut form = String::new();
                        normalize_token(t.surface, &mut form);
                        (form, t.surface.starts_with(char::is_uppercase))
                    })
                    .collect();
                let mentions = variants.iter().any(|variant| {
                    let wanted: Vec<&str> = variant.split(' ').collect();
                    words.windows(wanted.len()).any(|window| {
                        window
                            .iter()
                            .zip(&wanted)
                            .all(|((w, capital), v)| w == v && *capital)
                    })
                });
                let outlet = (summary.side.to_owned(), summary.source.clone());
                if mentions && summary.side != "unrated" && !outlets.contains(&outlet) {
                    outlets.push(outlet);
                }
            }
            let count = |side: &str| outlets.iter().filter(|(s, _)| s == side).count() as u32;
            assert_eq!(
                per_side(&entry.outlets),
                [count("left"), count("center"), count("right")],
                "{variants:?}"
            );
        }
    }
}

#[test]
fn names_every_side_mentions_are_never_listed() {
    for (manifest, report) in planted() {
        for name in strings(&manifest["shared_names"]) {
            for entry in report.emphasis.as_deref().unwrap() {
                assert!(
                    !entry.variants.contains(&name),
                    "{name} listed for {}",
                    entry.side
                );
            }
        }
    }
}

#[test]
fn two_people_sharing_a_surname_are_never_merged() {
    for (manifest, report) in planted() {
        for pair in manifest["apart"].as_array().unwrap() {
            let pair = strings(pair);
            for entry in report.emphasis.as_deref().unwrap() {
                let both = pair.iter().all(|name| entry.variants.contains(name));
                assert!(!both, "{pair:?} merged in {:?}", entry.variants);
            }
        }
    }
}

#[test]
fn name_variants_merge_only_where_it_is_safe() {
    let report = report("tests/data/name-variants.json");
    let variants = |names: &[&str]| {
        let mut names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        names.sort();
        names
    };
    // A name mentioned with the one longer name that contains it.
    let senator = entry_with(
        &report,
        &variants(&["whitcombe", "ada whitcombe", "senator ada whitcombe"]),
    )
    .expect("the senator's three forms are one topic");
    assert_eq!((senator.side, senator.outlets.left), ("left", 4));
    // A surname two people share stays apart from both.
    let surname = entry_with(&report, &variants(&["okafor"])).expect("the bare surname");
    assert_eq!((surname.side, surname.outlets.right), ("right", 4));
    for entry in report.emphasis.as_deref().unwrap() {
        assert!(
            !entry.variants.iter().any(|v| v.ends_with(" okafor")),
            "{:?}",
            entry.variants
        );
    }
    // A single word never mentioned with the longer name that contains it stays apart.
    let town = entry_with(&report, &variants(&["harwick"])).expect("the town");
    assert_eq!(town.omitted_by, ["right"]);
}

/// The share of the C(N, k) choices of k of N outlets whose rank sum, by mention (0 or 1,
/// ties at their mid-rank), reaches that of the side's k outlets, of which `own` mention
/// the topic among `all` outlets that do: every choice enumerated.
fn enumerated_p(n: usize, k: usize, all: usize, own: usize) -> f64 {
    // Outlets 0..all mention it; the side holds `own` of them and k − own of the others.
    let mid_rank = |mentions: bool| {
        if mentions {
            (n - all) as f64 + (all as f64 + 1.0) / 2.0
        } else {
            ((n - all) as f64 + 1.0) / 2.0
        }
    };
    let observed = own as f64 * mid_rank(true) + (k - own) as f64 * mid_rank(false);
    let (mut at_least, mut total) = (0u64, 0u64);
    let mut chosen = vec![0usize; k];
    fn walk(
        from: usize,
        depth: usize,
        n: usize,
        chosen: &mut Vec<usize>,
        visit: &mut dyn FnMut(&[usize]),
    ) {
        if depth == chosen.len() {
            visit(chosen);
            return;
        }
        for outlet in from..n {
            chosen[depth] = outlet;
            walk(outlet + 1, depth + 1, n, chosen, visit);
        }
    }
    walk(0, 0, n, &mut chosen, &mut |choice| {
        let sum: f64 = choice.iter().map(|&o| mid_rank(o < all)).sum();
        total += 1;
        at_least += u64::from(sum >= observed - 1e-9);
    });
    at_least as f64 / total as f64
}

#[test]
fn every_listed_p_matches_an_enumeration_of_every_choice_of_outlets() {
    let mut checked = 0;
    for (path, report) in stories() {
        let sources = [
            report.coverage.left.sources,
            report.coverage.center.sources,
            report.coverage.right.sources,
        ];
        let n: usize = sources.iter().sum();
        for entry in report.emphasis.as_deref().unwrap() {
            let side = ["left", "center", "right"]
                .iter()
                .position(|s| *s == entry.side)
                .unwrap();
            let outlets = per_side(&entry.outlets);
            let all = outlets.iter().sum::<u32>() as usize;
            let expected = enumerated_p(n, sources[side], all, outlets[side] as usize);
            let exact = [
                report.framing.left.test.exact,
                report.framing.center.test.exact,
                report.framing.right.test.exact,
            ][side];
            let tolerance = if exact { 0.00005 } else { 0.02 };
            assert!(
                (entry.p.get() - expected).abs() <= tolerance,
                "{path} {}: p {} against {expected} enumerated",
                entry.topic,
                entry.p.get()
            );
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} entries checked");
}

#[test]
fn one_outlet_alone_on_its_side_shows_emphasis_when_the_story_has_outlets_enough() {
    // One center outlet among 21: the smallest p is 1/21, below 0.05.
    let report = report("tests/data/one-outlet.json");
    let entry = report
        .emphasis
        .as_deref()
        .unwrap()
        .iter()
        .find(|e| e.side == "center")
        .expect("the center outlet's name");
    assert_eq!(entry.variants, ["harlan mercer", "mercer"]);
    assert_eq!(per_side(&entry.outlets), [0, 1, 0]);
    assert_eq!(entry.p.get(), 0.0476);
    assert!(entry.tested);
    assert_eq!(entry.omitted_by, ["left", "right"]);
    let bullet = &report.comparison[1].text;
    assert!(
        bullet.contains("More of them mentioned “Harlan Mercer”"),
        "{bullet}"
    );
}

#[test]
fn a_side_of_too_few_outlets_says_its_names_may_be_chance() {
    // The wildfire sample's one center outlet among eight: no choice of it reaches 0.05.
    let report = report("www/samples/wildfire-grid.json");
    let center: Vec<&Emphasis> = report
        .emphasis
        .as_deref()
        .unwrap()
        .iter()
        .filter(|e| e.side == "center")
        .collect();
    assert!(!center.is_empty());
    for entry in &center {
        assert!(!entry.tested && entry.p.get() > 0.05, "{}", entry.topic);
        assert!(
            entry.text.contains("cannot be told apart from chance"),
            "{}",
            entry.text
        );
    }
    let bullet = &report.comparison[1].text;
    assert!(bullet.ends_with("may be chance."), "{bullet}");
    assert!(!bullet.contains("More of them mentioned"), "{bullet}");
}

#[test]
fn bullets_cite_only_names_that_passed_the_test() {
    for (path, report) in stories() {
        for line in &report.comparison {
            let Some(clause) = line.text.split("More of them mentioned ").nth(1) else {
                continue;
            };
            for quoted in clause.split('“').skip(1) {
                let topic = quoted.split('”').next().unwrap();
                let entry = report
                    .emphasis
                    .as_deref()
                    .unwrap()
                    .iter()
                    .find(|e| e.topic == topic && e.side == line.side)
                    .unwrap_or_else(|| panic!("{path}: {topic} not an entry of {}", line.side));
                assert!(entry.tested && entry.p.get() <= 0.05, "{path}: {topic}");
            }
        }
    }
    // With a max_p below what 11 outlets can reach, the planted names are a description
    // only, and the bullets say so instead of naming them as a difference.
    let strict = Options {
        max_p: 0.001,
        ..Options::default()
    };
    let report = analyze_json(&read("www/samples/rail-spill.json"), &strict).unwrap();
    for line in &report.comparison {
        assert!(
            !line.text.contains("More of them mentioned"),
            "{}",
            line.text
        );
        assert!(line.text.ends_with("may be chance."), "{}", line.text);
    }
    assert!(report
        .emphasis
        .as_deref()
        .unwrap()
        .iter()
        .all(|e| !e.tested));
}

#[test]
fn examples_quote_the_side_s_own_articles_exactly() {
    for (path, report) in stories() {
        let story: Value = serde_json::from_str(&read(&path)).unwrap();
        for entry in report.emphasis.as_deref().unwrap() {
            for example in &entry.examples {
                let summary = report
                    .articles
                    .iter()
                    .find(|a| a.id == example.article)
                    .unwrap();
                assert_eq!(summary.side, entry.side, "{path}");
                let article = story["articles"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|a| a["id"].as_str().map(str::trim) == Some(example.article.as_str()))
                    .unwrap();
                let quoted = example.sentence.trim_matches('…');
                let text = article["text"].as_str().unwrap();
                let in_text = sentence_ranges(text)
                    .into_iter()
                    .any(|r| text[r].contains(quoted));
                let in_headline = article["headline"]
                    .as_str()
                    .is_some_and(|h| h.contains(quoted));
                assert!(in_text || in_headline, "{path}: {quoted:?}");
            }
        }
    }
}

/// The bullets' emphasis endings (docs/REPORT.md, "comparison").
const EMPHASIS_ENDINGS: [&str; 2] = [
    " More of them mentioned ",
    " With so few outlets, the names",
];

#[test]
fn emphasis_false_gives_null_emphasis_and_no_emphasis_bullet() {
    // The one-outlet story's center bullet names what its outlet mentioned; the wildfire
    // sample's says its center's names may be chance.
    let options = Options {
        emphasis: false,
        ..Options::default()
    };
    for path in [
        "tests/data/one-outlet.json",
        "www/samples/wildfire-grid.json",
    ] {
        let full = report(path);
        let mut off = analyze_json(&read(path), &options).unwrap();
        assert!(off.emphasis.is_none(), "{path}");
        assert!(!off.params.emphasis, "{path}");
        let json: Value = serde_json::from_str(&off.to_json()).unwrap();
        assert!(json["emphasis"].is_null(), "{path}");
        let mut ended = 0;
        for (off, full) in off.comparison.iter().zip(&full.comparison) {
            let rest = full.text.strip_prefix(&off.text).unwrap_or_else(|| {
                panic!("{path}: {:?} is not the start of {:?}", off.text, full.text)
            });
            assert!(
                EMPHASIS_ENDINGS.iter().all(|e| !off.text.contains(e)),
                "{path}: {}",
                off.text
            );
            if !rest.is_empty() {
                assert!(
                    EMPHASIS_ENDINGS.iter().any(|e| rest.starts_with(e)),
                    "{path}: {rest}"
                );
                ended += 1;
            }
        }
        assert!(
            ended > 0,
            "{path}: no bullet had an emphasis ending to lose"
        );
        // Everything else is the full report's.
        off.emphasis = full.emphasis.clone();
        off.params.emphasis = true;
        off.comparison = full.comparison.clone();
        assert_eq!(off, full, "{path}");
    }
}
