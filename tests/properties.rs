//! Properties every input must have, checked on generated inputs (proptest):
//!
//! - the text pipeline is total: any string gives sentences and tokens on character
//!   boundaries, in order, without panicking;
//! - any string, and any JSON-ish story (fields of every type, duplicate ids, unknown
//!   leanings), gives a report or one error naming a path — never a panic;
//! - a report counts and lists every article given;
//! - the same story gives the same bytes on every run and whatever the order of its articles
//!   (docs/REPORT.md, "Numbers, order and determinism"), with default and with random
//!   options, p-values estimated from random assignments included, and the samples' emphasis,
//!   key points and coverage by facet.
//!
//! `PROPTEST_CASES` raises the number of cases for a longer run.

use bias_compare::text::{normalize_token, sentence_ranges, tokens};
use bias_compare::{analyze, analyze_json, Options, Story};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text made of pieces that stress the pipeline: words, stopwords, abbreviations,
/// terminators, closers, line breaks, numbers, emoji, marks, CJK, RTL, controls.
fn messy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => prop::sample::select(vec![
            "daring", "raid", "Pearl", "Harbor", "moment", "talks", "the", "of", "a", "and",
            "wipe", "out", "Russia’s", "don't", "U.S.", "Sen.", "No.", "J.", "e.g.", "41",
            "3.5", "jobs", "killing", "job-killing",
        ]).prop_map(str::to_owned),
        3 => prop::sample::select(vec![
            " ", " ", " ", ". ", "? ", "! ", "… ", "\n", "\r\n", "”", "\"", ")", "...", "?!",
            "。", "\u{2028}", "\t", "\u{a0}", ", ", " — ",
        ]).prop_map(str::to_owned),
        1 => prop::sample::select(vec![
            "👩\u{200d}👩\u{200d}👧", "🇺🇦", "e\u{301}", "\u{301}", "会谈", "محادثات", "\u{202e}",
            "\u{0}", "\u{1b}[31m", "\u{fffd}", "\u{feff}", "ｘ", "İ", "ß",
        ]).prop_map(str::to_owned),
        1 => "\\PC{0,12}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![3 => messy_text(), 1 => any::<String>()]
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn sentences_and_tokens_are_total_and_exact(text in any_text()) {
        let mut end = 0;
        for range in sentence_ranges(&text) {
            prop_assert!(range.start >= end && range.start < range.end && range.end <= text.len());
            let sentence = &text.get(range.clone()).expect("char boundaries");
            prop_assert_eq!(sentence.trim(), *sentence);
            prop_assert!(sentence.chars().any(char::is_alphanumeric));
            end = range.end;
            let mut token_end = 0;
            let mut normalized = String::new();
            for token in tokens(sentence) {
                prop_assert!(token.start >= token_end);
                prop_assert_eq!(sentence.get(token.start..token.end()), Some(token.surface));
                token_end = token.end();
                normalize_token(token.surface, &mut normalized);
            }
        }
    }

    #[test]
    fn any_string_gives_a_report_or_an_error(text in any_text()) {
        let _ = analyze_json(&text, &Options::default());
        let wrapped = json!({ "articles": [
            { "id": "a", "source": text.clone(), "leaning": "left", "text": text.clone() },
            { "id": text.clone(), "source": "S", "leaning": "right", "headline": text.clone(), "text": text.clone() },
        ]});
        match analyze_json(&wrapped.to_string(), &Options::default()) {
            Ok(report) => prop_assert_eq!(report.coverage.total_articles, 2),
            // Only the names can be wrong: blank, too long, or the same id twice.
            Err(error) => prop_assert!(
                ["articles[0].source", "articles[1].id"].contains(&error.path()),
                "{}",
                error
            ),
        }
    }
}

/// A JSON value of any shape, small.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        messy_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A field value: usually of the right kind, sometimes anything.
fn field(right: impl Strategy<Value = Value> + 'static) -> BoxedStrategy<Option<Value>> {
    prop_oneof![
        6 => right.prop_map(Some),
        1 => Just(None),
        1 => any_json().prop_map(Some),
    ]
    .boxed()
}

fn leaning_label() -> impl Strategy<Value = Value> {
    prop::sample::select(vec![
        "left",
        "Lean Left",
        "far-left",
        "center",
        "centre",
        "lean_right",
        "right",
        "Far Right",
        "unrated",
        "",
        "  ",
        "leftish",
        "LEFT ",
    ])
    .prop_map(Value::from)
    .boxed()
    .prop_union(messy_text().prop_map(|t| Value::from(t.repeat(8))).boxed())
}

/// An article that is often valid and sometimes wrong in any field.
fn json_ish_article() -> impl Strategy<Value = Value> {
    let id = prop::sample::select(vec!["a1", "a2", "a3", " a1 ", "b", "c", "", "x"])
        .prop_map(Value::from);
    let source = prop::sample::select(vec![
        "Left Daily",
        "Right Times",
        "Center Wire",
        "Herald",
        " ",
        "herald",
    ])
    .prop_map(Value::from);
    (
        field(id),
        field(source),
        field(leaning_label()),
        field(messy_text().prop_map(Value::from)),
        field(messy_text().prop_map(Value::from)),
        field(
            prop::sample::select(vec![
                "https://www.herald.test/x",
                "http://[::1]:8/",
                "",
                "://",
            ])
            .prop_map(Value::from),
        ),
        prop::option::of(any_json()),
    )
        .prop_map(|(id, source, leaning, headline, text, url, extra)| {
            let mut article = Map::new();
            for (key, value) in [
                ("id", id),
                ("source", source),
                ("leaning", leaning),
                ("headline", headline),
                ("text", text),
                ("url", url),
                ("extra", extra),
            ] {
                if let Some(value) = value {
                    article.insert(key.to_owned(), value);
                }
            }
            Value::Object(article)
        })
}

fn json_ish_story() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(prop_oneof![9 => json_ish_article(), 1 => any_json()], 0..8),
        prop::option::of(prop_oneof![
            3 => prop::collection::btree_map(
                prop::sample::select(vec!["Herald", "herald.test", "www.herald.test", "Left Daily", "HERALD"]).prop_map(str::to_owned),
                leaning_label(), 0..3).prop_map(|m| Value::Object(m.into_iter().collect())),
            1 => any_json(),
        ]),
    )
        .prop_map(|(articles, ratings)| {
            let mut story = json!({ "articles": articles });
            if let Some(ratings) = ratings {
                story["ratings"] = ratings;
            }
            story
        })
}

/// 40 to 200 words from a small vocabulary, so that sides pass the 200-word rule and
/// terms repeat often enough to be listed.
fn word_salad() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "daring",
        "raid",
        "bold",
        "strike",
        "Pearl",
        "Harbor",
        "moment",
        "talks",
        "resumed",
        "the",
        "of",
        "a",
        "wipe",
        "out",
        "bombers",
        "drones",
        "said",
        "officials",
        "reckless",
        "Istanbul",
        "ceasefire",
        "Monday",
        ".",
        ".",
        ",",
        "\n",
    ]);
    prop::collection::vec(word, 40..200).prop_map(|words| words.join(" "))
}

/// Stories that are valid: unique ids, known leanings, text with repeated framing words so
/// that terms get listed and examples picked.
fn valid_story() -> impl Strategy<Value = Value> {
    let article = (
        prop::sample::select(vec![
            "Left Daily",
            "Left Post",
            "Center Wire",
            "Middle News",
            "Right Times",
            "Right Journal",
            "Unrated Blog",
        ]),
        prop::sample::select(vec![
            "left",
            "lean-left",
            "center",
            "lean-right",
            "right",
            "far-right",
            "unrated",
        ]),
        prop::option::of(messy_text()),
        prop::collection::vec(messy_text(), 1..6),
    );
    prop::collection::vec((article, word_salad()), 1..14).prop_map(|articles| {
        let articles: Vec<Value> = articles
            .into_iter()
            .enumerate()
            .map(|(i, ((source, leaning, headline, paragraphs), salad))| {
                json!({ "id": format!("a{i}"), "source": source, "leaning": leaning,
                        "headline": headline, "text": paragraphs.join("\n") + " " + &salad })
            })
            .collect();
        json!({ "articles": articles })
    })
}

fn low_threshold_options() -> impl Strategy<Value = Options> {
    (
        1usize..=5,
        1.0f64..1000.0,
        -3.0f64..3.0,
        1u32..4,
        1usize..20,
        prop_oneof![0.001f64..1.0, Just(1.0)],
    )
        .prop_map(
            |(max_ngram, prior_scale, z_min, min_count, top_k, max_p)| Options {
                max_ngram,
                prior_scale,
                z_min,
                min_count,
                top_k,
                max_p,
                ..Options::default()
            },
        )
}

/// Stories of 24 to 40 outlets, one article each, so that a side's p-values are estimated
/// from random assignments rather than counted (C(N, k) > 10 000).
fn many_outlet_story() -> impl Strategy<Value = Value> {
    let article = (
        prop::sample::select(vec!["left", "center", "right", "far-left", "lean-right"]),
        word_salad(),
    );
    prop::collection::vec(article, 24..40).prop_map(|articles| {
        let articles: Vec<Value> = articles
            .into_iter()
            .enumerate()
            .map(|(i, (leaning, text))| {
                json!({ "id": format!("a{i}"), "source": format!("Outlet {i}"),
                        "leaning": leaning, "text": text })
            })
            .collect();
        json!({ "articles": articles })
    })
}

/// The error of a story names a path into it, on one short line.
fn names_a_path(message: &str) -> bool {
    ["story", "articles", "title", "ratings"]
        .iter()
        .any(|root| message.starts_with(root))
        && message.contains(": ")
        && !message.chars().any(char::is_control)
        && message.len() < 1000
}

/// A permutation of `items` chosen by `keys`.
fn permuted(items: &[Value], keys: &[u32]) -> Vec<Value> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| (keys.get(i).copied().unwrap_or(0), i));
    order.into_iter().map(|i| items[i].clone()).collect()
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn json_ish_stories_give_a_report_counting_every_article_or_a_path_error(story in json_ish_story()) {
        let given = story["articles"].as_array().map_or(0, Vec::len);
        match analyze_json(&story.to_string(), &Options::default()) {
            Ok(report) => {
                prop_assert_eq!(report.coverage.total_articles, given);
                prop_assert_eq!(report.articles.len(), given);
                let c = &report.coverage;
                prop_assert_eq!(c.left.articles + c.center.articles + c.right.articles + c.unrated.articles, given);
            }
            Err(error) => prop_assert!(names_a_path(&error.to_string()), "{}", error),
        }
    }
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn reports_are_deterministic_and_independent_of_article_order(
        story in valid_story(),
        keys in prop::collection::vec(any::<u32>(), 14),
        options in prop_oneof![1 => Just(Options::default()), 2 => low_threshold_options()],
    ) {
        let report = analyze(&Story::from_value(story.clone()).unwrap(), &options).unwrap();
        let json = report.to_json();
        prop_assert_eq!(report.coverage.total_articles, story["articles"].as_array().unwrap().len());
        let again = analyze_json(&story.to_string(), &options).unwrap().to_json();
        prop_assert!(again == json, "a second run differs");
        let mut shuffled = story.clone();
        shuffled["articles"] = Value::Array(permuted(story["articles"].as_array().unwrap(), &keys));
        let other = analyze(&Story::from_value(shuffled.clone()).unwrap(), &options).unwrap().to_json();
        prop_assert!(other == json, "another article order gives another report");
    }
}

proptest! {
    #![proptest_config(config(12))]

    #[test]
    fn estimated_p_values_are_deterministic_and_independent_of_article_order(
        story in many_outlet_story(),
        keys in prop::collection::vec(any::<u32>(), 40),
    ) {
        let options = Options { z_min: -1.0, min_count: 2, max_p: 1.0, ..Options::default() };
        let report = analyze(&Story::from_value(story.clone()).unwrap(), &options).unwrap();
        let sampled = [&report.framing.left, &report.framing.center, &report.framing.right]
            .into_iter()
            .any(|side| !side.test.exact && !side.terms.is_empty());
        prop_assert!(sampled, "no side's p was estimated");
        let json = report.to_json();
        prop_assert!(analyze_json(&story.to_string(), &options).unwrap().to_json() == json);
        let mut shuffled = story.clone();
        shuffled["articles"] = Value::Array(permuted(story["articles"].as_array().unwrap(), &keys));
        let other = analyze(&Story::from_value(shuffled).unwrap(), &options).unwrap().to_json();
        prop_assert!(other == json, "another article order gives other p-values");
    }
}

/// The samples and the stories built for emphasis, key points and facets, with the page
/// ratings the facet story is read with.
fn sample_stories() -> Vec<(Value, Options)> {
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
            "tests/data/facets.json",
        ]
        .map(String::from),
    );
    let page: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/data/facets-page-ratings.json").unwrap(),
    )
    .unwrap();
    paths
        .into_iter()
        .map(|path| {
            let story = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let options = Options {
                ratings: bias_compare::Ratings::from_value(&page, "options.ratings").unwrap(),
                ..Options::default()
            };
            (story, options)
        })
        .collect()
}

proptest! {
    #![proptest_config(config(8))]

    #[test]
    fn emphasis_key_points_and_facets_are_independent_of_article_order(
        keys in prop::collection::vec(any::<u32>(), 30),
    ) {
        for (story, options) in sample_stories() {
            let json = analyze(&Story::from_value(story.clone()).unwrap(), &options).unwrap().to_json();
            let mut shuffled = story.clone();
            shuffled["articles"] = Value::Array(permuted(story["articles"].as_array().unwrap(), &keys));
            let other = analyze(&Story::from_value(shuffled).unwrap(), &options).unwrap().to_json();
            prop_assert!(other == json, "another article order gives another report");
        }
    }
}
