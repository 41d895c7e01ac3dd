//! The sample stories of www/samples/ against their manifests in tests/data/planted/: the
//! framing terms each sample's author planted must be listed and rank above every other
//! term of their side; one outlet's pet word (a decoy) and the story's topic words, which
//! every side uses, must never be listed (docs/METHOD.md §4–§5).

use std::path::Path;

use bias_compare::{analyze_json, Options, Report, SideFraming};
use serde_json::Value;

struct Sample {
    name: String,
    manifest: Value,
    report: Report,
}

fn samples() -> Vec<Sample> {
    let mut manifests: Vec<_> = std::fs::read_dir("tests/data/planted")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    manifests.sort();
    manifests
        .into_iter()
        .map(|path| {
            let manifest: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let name = manifest["sample"].as_str().unwrap().to_owned();
            let story = std::fs::read_to_string(Path::new("www/samples").join(&name)).unwrap();
            let report =
                analyze_json(&story, &Options::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
            Sample {
                name,
                manifest,
                report,
            }
        })
        .collect()
}

fn side<'a>(report: &'a Report, key: &str) -> &'a SideFraming {
    match key {
        "left" => &report.framing.left,
        "center" => &report.framing.center,
        _ => &report.framing.right,
    }
}

fn accepted_forms(entry: &Value) -> Vec<&str> {
    entry
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect()
}

#[test]
fn there_are_at_least_three_samples_with_manifests() {
    assert!(samples().len() >= 3);
}

#[test]
fn every_sample_has_9_to_30_articles_and_several_outlets_per_side() {
    for sample in samples() {
        let coverage = &sample.report.coverage;
        assert!(
            (9..=30).contains(&coverage.total_articles),
            "{}",
            sample.name
        );
        assert!(
            coverage.left.sources >= 2 && coverage.right.sources >= 2,
            "{}",
            sample.name
        );
    }
}

#[test]
fn planted_terms_are_listed_for_their_side() {
    for sample in samples() {
        for (key, entries) in sample.manifest["planted"].as_object().unwrap() {
            let listed: Vec<&str> = side(&sample.report, key)
                .terms
                .iter()
                .map(|t| t.term.as_str())
                .collect();
            for entry in entries.as_array().unwrap() {
                let forms = accepted_forms(entry);
                assert!(
                    forms.iter().any(|form| listed.contains(form)),
                    "{} {key}: none of {forms:?} listed in {listed:?}",
                    sample.name
                );
            }
        }
    }
}

#[test]
fn planted_terms_rank_above_every_other_term_of_their_side() {
    for sample in samples() {
        for (key, entries) in sample.manifest["planted"].as_object().unwrap() {
            let planted: Vec<&str> = entries
                .as_array()
                .unwrap()
                .iter()
                .flat_map(accepted_forms)
                .collect();
            let terms = &side(&sample.report, key).terms;
            let first_other = terms
                .iter()
                .position(|t| !planted.contains(&t.term.as_str()));
            let last_planted = terms
                .iter()
                .rposition(|t| planted.contains(&t.term.as_str()));
            if let (Some(other), Some(last)) = (first_other, last_planted) {
                let order: Vec<&str> = terms.iter().map(|t| t.term.as_str()).collect();
                assert!(
                    last < other,
                    "{} {key}: a term that was not planted ranks above a planted one: {order:?}",
                    sample.name
                );
            }
        }
    }
}

#[test]
fn decoys_used_by_one_outlet_are_never_listed() {
    for sample in samples() {
        for decoy in sample.manifest["decoys"].as_array().into_iter().flatten() {
            let decoy = decoy.as_str().unwrap();
            for key in ["left", "center", "right"] {
                assert!(
                    side(&sample.report, key)
                        .terms
                        .iter()
                        .all(|t| t.term != decoy),
                    "{}: decoy {decoy:?} listed for {key}",
                    sample.name
                );
            }
        }
    }
}

#[test]
fn topic_words_every_side_uses_are_never_listed() {
    for sample in samples() {
        for topic in sample.manifest["topic"].as_array().into_iter().flatten() {
            let topic = topic.as_str().unwrap();
            for key in ["left", "center", "right"] {
                let listed = side(&sample.report, key)
                    .terms
                    .iter()
                    .find(|t| t.term == topic);
                assert!(
                    listed.is_none(),
                    "{}: topic word {topic:?} listed for {key} (p {:?})",
                    sample.name,
                    listed.map(|t| t.p.get())
                );
            }
        }
    }
}

#[test]
fn every_listed_term_shows_its_p_and_the_outlets_that_used_it() {
    for sample in samples() {
        for key in ["left", "center", "right"] {
            let framing = side(&sample.report, key);
            for term in &framing.terms {
                if framing.tested {
                    assert!(term.p.get() <= 0.05, "{} {key} {}", sample.name, term.term);
                }
                let uses: u32 = term.by_outlet.iter().map(|o| o.count).sum();
                assert_eq!(uses, term.count, "{} {key} {}", sample.name, term.term);
                assert_eq!(term.by_outlet.len(), term.outlets as usize);
            }
        }
    }
}

#[test]
fn expected_special_cases_hold() {
    for sample in samples() {
        let expect = &sample.manifest["expect"];
        if let Some(insufficient) = expect["center_insufficient"].as_bool() {
            assert_eq!(
                sample.report.framing.center.insufficient, insufficient,
                "{}",
                sample.name
            );
        }
        if let Some(blindspot) = expect["blindspot"].as_str() {
            assert_eq!(
                sample.report.blindspot.as_ref().map(|b| b.side),
                Some(blindspot),
                "{}",
                sample.name
            );
        }
    }
}

#[test]
fn examples_quote_the_articles_exactly() {
    for sample in samples() {
        let story: Value = serde_json::from_str(
            &std::fs::read_to_string(Path::new("www/samples").join(&sample.name)).unwrap(),
        )
        .unwrap();
        for framing in [
            &sample.report.framing.left,
            &sample.report.framing.center,
            &sample.report.framing.right,
        ] {
            for term in &framing.terms {
                assert!(!term.examples.is_empty() && term.examples.len() <= 3);
                for example in &term.examples {
                    let article = story["articles"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|a| a["id"] == example.article.as_str())
                        .unwrap();
                    let quoted = example.sentence.trim_matches('…');
                    let in_text = article["text"].as_str().unwrap().contains(quoted);
                    let in_headline = article["headline"]
                        .as_str()
                        .is_some_and(|h| h.contains(quoted));
                    assert!(
                        in_text || in_headline,
                        "{}: {quoted:?} not in {}",
                        sample.name,
                        example.article
                    );
                }
            }
        }
    }
}
