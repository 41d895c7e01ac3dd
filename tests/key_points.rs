//! Key points per side and common ground (docs/METHOD.md §8, docs/REPORT.md "key_points"):
//! on every sample and test story, each point is an exact sentence of one of its side's own
//! articles at the place the report gives, from the article's lead, none a near-duplicate of
//! another; the first is the lead sentence closest to the side's centroid, computed here
//! from the definition; common ground is made of words every side used.

use std::collections::{BTreeMap, BTreeSet};

use bias_compare::text::{is_stopword, normalize_token, sentence_ranges, tokens};
use bias_compare::{analyze_json, KeyPoint, Options, Report};
use serde_json::Value;

const LEAD: usize = 6;

struct Story {
    path: String,
    report: Report,
    /// By article id: side and the article's sentences (the headline first, when it has a
    /// word).
    articles: BTreeMap<String, (String, Vec<String>)>,
}

fn stories() -> Vec<Story> {
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
            "tests/data/five-outlets.json",
        ]
        .map(String::from),
    );
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let report = analyze_json(&text, &Options::default()).unwrap();
            let story: Value = serde_json::from_str(&text).unwrap();
            let mut articles = BTreeMap::new();
            for article in story["articles"].as_array().unwrap() {
                let id = article["id"].as_str().unwrap().trim().to_owned();
                let side = report
                    .articles
                    .iter()
                    .find(|a| a.id == id)
                    .unwrap()
                    .side
                    .to_owned();
                let mut sentences = Vec::new();
                let headline = article["headline"].as_str().unwrap_or("").trim();
                if headline.chars().any(char::is_alphanumeric) {
                    sentences.push(headline.to_owned());
                }
                let body = article["text"].as_str().unwrap();
                for range in sentence_ranges(body) {
                    sentences.push(body[range].to_owned());
                }
                articles.insert(id, (side, sentences));
            }
            Story {
                path,
                report,
                articles,
            }
        })
        .collect()
}

/// A sentence's content words (a letter, not a stopword), normalized, each once.
fn content_words(sentence: &str) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for token in tokens(sentence) {
        let mut form = String::new();
        normalize_token(token.surface, &mut form);
        if form.chars().any(char::is_alphabetic)
            && form.chars().count() <= 50
            && !is_stopword(&form)
        {
            words.insert(form);
        }
    }
    words
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    a.intersection(b).count() as f64 / a.union(b).count().max(1) as f64
}

fn near_duplicates(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    union == 0 || 2 * shared >= union
}

fn side_points<'a>(report: &'a Report, side: &str) -> &'a [KeyPoint] {
    match side {
        "left" => &report.key_points.as_ref().unwrap().left,
        "center" => &report.key_points.as_ref().unwrap().center,
        _ => &report.key_points.as_ref().unwrap().right,
    }
}

#[test]
fn key_points_are_exact_sentences_of_the_side_s_own_articles_where_the_report_says() {
    for story in stories() {
        let all = [
            &story.report.key_points.as_ref().unwrap().left,
            &story.report.key_points.as_ref().unwrap().center,
            &story.report.key_points.as_ref().unwrap().right,
        ];
        for (points, side) in all.into_iter().zip(["left", "center", "right"]) {
            for point in points
                .iter()
                .chain(story.report.common_ground.as_deref().unwrap().iter())
            {
                let (own_side, sentences) = &story.articles[&point.article];
                if point.side != side && points.contains(point) {
                    panic!("{}: a {} point in the {side} list", story.path, point.side);
                }
                assert_eq!(own_side, point.side, "{}", story.path);
                assert_eq!(
                    sentences[point.position], point.sentence,
                    "{}: position",
                    story.path
                );
                assert!(point.position < LEAD, "{}: past the lead", story.path);
                let summary = story
                    .report
                    .articles
                    .iter()
                    .find(|a| a.id == point.article)
                    .unwrap();
                assert_eq!(summary.source, point.source);
                let has_headline = summary
                    .headline
                    .as_deref()
                    .is_some_and(|h| h.chars().any(char::is_alphanumeric));
                assert_eq!(
                    point.in_headline,
                    has_headline && point.position == 0,
                    "{}",
                    story.path
                );
            }
        }
    }
}

#[test]
fn every_sample_side_has_three_or_four_key_points_none_a_near_duplicate() {
    for story in stories() {
        for side in ["left", "center", "right"] {
            let points = side_points(&story.report, side);
            let sample = story.path.starts_with("www/samples");
            assert!(points.len() <= 4, "{}", story.path);
            if sample {
                assert!(points.len() >= 3, "{} {side}: {}", story.path, points.len());
            }
            for (i, a) in points.iter().enumerate() {
                for b in &points[..i] {
                    let (a_words, b_words) =
                        (content_words(&a.sentence), content_words(&b.sentence));
                    assert!(
                        !near_duplicates(&a_words, &b_words),
                        "{} {side}: {:?} and {:?} (jaccard {})",
                        story.path,
                        a.sentence,
                        b.sentence,
                        jaccard(&a_words, &b_words)
                    );
                }
            }
        }
        let common = story.report.common_ground.as_deref().unwrap();
        assert!(common.len() <= 3);
        // One per side first: the sides listed all come before any side comes twice.
        let sides: BTreeSet<&str> = common.iter().map(|p| p.side).collect();
        let first: BTreeSet<&str> = common.iter().take(sides.len()).map(|p| p.side).collect();
        assert_eq!(
            first.len(),
            sides.len(),
            "{}: one per side first",
            story.path
        );
    }
}

/// Each rated article's lead words, by side.
fn lead_words(story: &Story) -> Vec<(String, BTreeSet<String>)> {
    let mut leads = Vec::new();
    for (side, sentences) in story.articles.values() {
        if side == "unrated" {
            continue;
        }
        let mut words = BTreeSet::new();
        for sentence in sentences.iter().take(LEAD) {
            words.extend(content_words(sentence));
        }
        leads.push((side.clone(), words));
    }
    leads
}

#[test]
fn the_first_key_point_is_the_lead_sentence_closest_to_its_side_s_centroid() {
    for story in stories() {
        let leads = lead_words(&story);
        let total = leads.len() as f64;
        let mut df: BTreeMap<&str, f64> = BTreeMap::new();
        for (_, words) in &leads {
            for word in words {
                *df.entry(word).or_default() += 1.0;
            }
        }
        let idf = |word: &str| (total / df[word]).ln();
        for side in ["left", "center", "right"] {
            let Some(first) = side_points(&story.report, side).first() else {
                continue;
            };
            let own: Vec<&BTreeSet<String>> = leads
                .iter()
                .filter(|(s, _)| s == side)
                .map(|(_, w)| w)
                .collect();
            let articles = own.len() as f64;
            // The centroid: share of the side's leads using a word × its idf, for words of
            // at least two of the side's leads (one, when the side has one article).
            let mut centroid: BTreeMap<&str, f64> = BTreeMap::new();
            for word in df.keys() {
                let used = own.iter().filter(|w| w.contains(*word)).count() as f64;
                if used >= articles.min(2.0) && used > 0.0 {
                    centroid.insert(word, used / articles * idf(word));
                }
            }
            let norm = centroid.values().map(|c| c * c).sum::<f64>().sqrt();
            let score = |sentence: &str| {
                let words = content_words(sentence);
                let length = words.iter().map(|w| idf(w).powi(2)).sum::<f64>().sqrt();
                let dot: f64 = words
                    .iter()
                    .map(|w| idf(w) * centroid.get(w.as_str()).unwrap_or(&0.0))
                    .sum();
                if length == 0.0 {
                    0.0
                } else {
                    dot / (length * norm)
                }
            };
            let mut best = 0.0f64;
            for (own_side, sentences) in story.articles.values() {
                if own_side != side {
                    continue;
                }
                for sentence in sentences.iter().take(LEAD) {
                    let words = tokens(sentence).count();
                    let quotes_balanced = sentence.matches('“').count()
                        == sentence.matches('”').count()
                        && sentence.matches('"').count() % 2 == 0;
                    if (6..=60).contains(&words) && sentence.len() <= 480 && quotes_balanced {
                        best = best.max(score(sentence));
                    }
                }
            }
            let first_score = score(&first.sentence);
            assert!(
                (first_score - best).abs() < 1e-6,
                "{} {side}: first key point scores {first_score}, best lead sentence {best}",
                story.path
            );
        }
    }
}

#[test]
fn common_ground_is_made_mostly_of_words_every_side_used() {
    let mut checked = 0;
    for story in stories() {
        let leads = lead_words(&story);
        let sides: BTreeSet<&str> = leads.iter().map(|(s, _)| s.as_str()).collect();
        for point in story.report.common_ground.as_deref().unwrap() {
            // Words in every rated lead weigh nothing; of the others, at least half must be
            // used in a lead of every side with coverage.
            let words: Vec<String> = content_words(&point.sentence)
                .into_iter()
                .filter(|w| !leads.iter().all(|(_, lead)| lead.contains(w)))
                .collect();
            let shared = words
                .iter()
                .filter(|w| {
                    sides
                        .iter()
                        .all(|side| leads.iter().any(|(s, lead)| s == side && lead.contains(*w)))
                })
                .count();
            assert!(
                2 * shared >= words.len(),
                "{}: {:?}",
                story.path,
                point.sentence
            );
            checked += 1;
        }
    }
    assert!(checked >= 15);
}

#[test]
fn key_points_false_gives_null_key_points_and_common_ground_and_leaves_the_rest() {
    let options = Options {
        key_points: false,
        ..Options::default()
    };
    for story in stories() {
        let path = &story.path;
        let full = story.report;
        let mut off = analyze_json(&std::fs::read_to_string(path).unwrap(), &options).unwrap();
        assert!(
            off.key_points.is_none() && off.common_ground.is_none(),
            "{path}"
        );
        assert!(!off.params.key_points, "{path}");
        let json: Value = serde_json::from_str(&off.to_json()).unwrap();
        assert!(
            json["key_points"].is_null() && json["common_ground"].is_null(),
            "{path}"
        );
        // Everything else, the bullets included, is the full report's.
        off.key_points = full.key_points.clone();
        off.common_ground = full.common_ground.clone();
        off.params.key_points = true;
        assert_eq!(off, full, "{path}");
    }
}
