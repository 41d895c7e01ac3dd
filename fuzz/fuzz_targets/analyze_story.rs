//! The analysis on valid stories built from fuzz input: random texts and headlines, words
//! from a small vocabulary (so sides pass the 200-word rule and terms get listed), six
//! outlets, every leaning, random options. A valid story must give a report that counts
//! every article, quotes every example exactly, lists at most `top` terms best first, and
//! is byte for byte the same with the articles rotated.
#![no_main]

use arbitrary::Arbitrary;
use bias_compare::text::without_markup;
use bias_compare::{analyze, Options, Story};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

const SOURCES: [&str; 6] = [
    "Left Daily",
    "Left Post",
    "Center Wire",
    "Middle News",
    "Right Times",
    "Right Journal",
];
const LEANINGS: [&str; 9] = [
    "left",
    "lean-left",
    "far-left",
    "center",
    "lean-right",
    "right",
    "far-right",
    "unrated",
    "",
];
const WORDS: [&str; 32] = [
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
    "U.S.",
    "Sen.",
    "41",
    "’s",
    "…",
    "\u{301}",
];

#[derive(Arbitrary, Debug)]
struct ArticleInput {
    source: u8,
    leaning: u8,
    headline: Option<String>,
    text: String,
    words: Vec<u8>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    articles: Vec<ArticleInput>,
    max_ngram: u8,
    prior_scale: u16,
    z_min: i8,
    min_count: u8,
    top: u8,
    rotate: u8,
}

fuzz_target!(|input: Input| {
    if input.articles.is_empty() {
        return;
    }
    let articles: Vec<Value> = input
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let words: Vec<&str> = a
                .words
                .iter()
                .map(|&w| WORDS[usize::from(w) % WORDS.len()])
                .collect();
            json!({
                "id": format!("a{i}"),
                "source": SOURCES[usize::from(a.source) % SOURCES.len()],
                "leaning": LEANINGS[usize::from(a.leaning) % LEANINGS.len()],
                "headline": a.headline,
                "text": format!("{} {}", a.text, words.join(" ")),
            })
        })
        .collect();
    let options = Options {
        max_ngram: 1 + usize::from(input.max_ngram) % 5,
        prior_scale: 1.0 + f64::from(input.prior_scale),
        z_min: f64::from(input.z_min) / 32.0,
        min_count: 1 + u32::from(input.min_count) % 4,
        top_k: 1 + usize::from(input.top) % 20,
        max_p: f64::from(1 + input.top % 100) / 100.0,
        ..Options::default()
    };
    let story = json!({ "articles": articles });
    let report = analyze(&Story::from_value(story.clone()).expect("a valid story"), &options)
        .expect("a valid story and options give a report");
    assert_eq!(report.coverage.total_articles, articles.len());
    assert_eq!(report.articles.len(), articles.len());
    for side in [
        &report.framing.left,
        &report.framing.center,
        &report.framing.right,
    ] {
        assert!(side.terms.len() <= options.top_k);
        assert!(side
            .terms
            .windows(2)
            .all(|pair| pair[0].z.get() >= pair[1].z.get()));
        for term in &side.terms {
            for example in &term.examples {
                let index: usize = example.article[1..].parse().expect("an id a<i>");
                let quoted = example
                    .sentence
                    .strip_prefix('…')
                    .unwrap_or(&example.sentence);
                let quoted = quoted.strip_suffix('…').unwrap_or(quoted);
                let article = &articles[index];
                // Quoted from what a browser shows of the field: markup is not text.
                let shown = |t: &str| without_markup(t).unwrap_or_else(|| t.to_owned());
                assert!(
                    ["headline", "text"].iter().any(|f| article[f]
                        .as_str()
                        .is_some_and(|t| shown(t).trim().contains(quoted))),
                    "example {:?} is not quoted from {}",
                    example.sentence,
                    example.article
                );
            }
        }
    }
    let mut rotated = articles.clone();
    let by = usize::from(input.rotate) % rotated.len();
    rotated.rotate_left(by);
    let other = analyze(
        &Story::from_value(json!({ "articles": rotated })).expect("valid"),
        &options,
    )
    .expect("a report");
    assert!(
        other.to_json() == report.to_json(),
        "rotating the articles changes the report"
    );
});
