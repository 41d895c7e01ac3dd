//! Explaining a term (docs/REPORT.md, "Explaining a term"): every number of an explanation is
//! checked against a computation written here from the text itself — n-grams counted by brute
//! force over the articles' sentences, δ, σ² and z recomputed with the formulas of
//! docs/METHOD.md §4, p enumerated over every choice of outlets as §5 defines it — and against
//! the report, whose numbers it must repeat.

use bias_compare::text::{is_stopword, normalize_token, sentence_ranges, tokens};
use bias_compare::{analyze, explain, Options, Report, Story, TermExplanation};

const SIDES: [&str; 3] = ["left", "center", "right"];

fn story(path: &str) -> Story {
    Story::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn tiny_options() -> Options {
    Options {
        prior_scale: 100.0,
        z_min: 1.5,
        min_count: 3,
        ..Options::default()
    }
}

fn samples() -> Vec<(String, Story)> {
    let mut paths: Vec<_> = std::fs::read_dir("www/samples")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, story(path.to_str().unwrap()))
        })
        .collect()
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

// ------------------------------------------------------------------ independent counting

/// A story's rated articles as the brute-force counts read them: each article's side,
/// source and sentences (the headline as a sentence of its own, then the text's), each
/// sentence as its normalized tokens.
struct Corpus {
    /// (side, source, sentences, term tokens) of each rated article.
    articles: Vec<(&'static str, String, Vec<Vec<String>>, u64)>,
}

impl Corpus {
    fn new(story: &Story, report: &Report, max_ngram: usize) -> Corpus {
        let mut articles = Vec::new();
        for article in &story.articles {
            let summary = report.articles.iter().find(|a| a.id == article.id).unwrap();
            let Some(&side) = SIDES.iter().find(|&&s| s == summary.side) else {
                continue;
            };
            let mut sentences: Vec<&str> = Vec::new();
            if let Some(headline) = &article.headline {
                if headline.trim().chars().any(char::is_alphanumeric) {
                    sentences.push(headline.trim());
                }
            }
            for range in sentence_ranges(&article.text) {
                sentences.push(&article.text[range]);
            }
            let sentences: Vec<Vec<String>> = sentences
                .into_iter()
                .map(|sentence| {
                    tokens(sentence)
                        .map(|token| {
                            let mut word = String::new();
                            normalize_token(token.surface, &mut word);
                            word
                        })
                        .collect()
                })
                .collect();
            let term_tokens = term_tokens(&sentences, max_ngram);
            articles.push((side, article.source.clone(), sentences, term_tokens));
        }
        Corpus { articles }
    }

    /// (uses of `term`, term tokens) in the articles `keep` picks by (side, source).
    fn counts(&self, term: &[String], keep: impl Fn(&str, &str) -> bool) -> (u64, u64) {
        let (mut uses, mut tokens) = (0, 0);
        for (side, source, sentences, term_tokens) in &self.articles {
            if keep(side, source) {
                for words in sentences {
                    uses += words
                        .windows(term.len())
                        .filter(|window| *window == term)
                        .count() as u64;
                }
                tokens += term_tokens;
            }
        }
        (uses, tokens)
    }
}

/// Term tokens (docs/METHOD.md §3): every n-gram of 1..=max_ngram tokens of a sentence that
/// can be a term, looked at one by one.
fn term_tokens(sentences: &[Vec<String>], max_ngram: usize) -> u64 {
    let mut count = 0;
    for words in sentences {
        for start in 0..words.len() {
            for length in 1..=max_ngram.min(words.len() - start) {
                if is_term(&words[start..start + length]) {
                    count += 1;
                }
            }
        }
    }
    count
}

/// Whether `words` can be a term (docs/METHOD.md §3): every token with a letter and at most 50
/// characters, first and last not stopwords.
fn is_term(words: &[String]) -> bool {
    words
        .iter()
        .all(|w| w.chars().any(char::is_alphabetic) && w.chars().count() <= 50)
        && !is_stopword(&words[0])
        && !is_stopword(&words[words.len() - 1])
}

fn words_of(term: &str) -> Vec<String> {
    term.split(' ').map(str::to_owned).collect()
}

// ------------------------------------------------------------------ independent statistics

/// δ, σ² and z from the counts, as docs/METHOD.md §4 writes them.
fn recomputed(y_b: f64, y_r: f64, n_b: f64, n_r: f64, a0: f64) -> (f64, f64, f64, f64) {
    let alpha = a0 * (y_b + y_r) / (n_b + n_r);
    let delta = ((y_b + alpha) / (n_b + a0 - y_b - alpha)).ln()
        - ((y_r + alpha) / (n_r + a0 - y_r - alpha)).ln();
    let variance = 1.0 / (y_b + alpha) + 1.0 / (y_r + alpha);
    (alpha, delta, variance, delta / variance.sqrt())
}

/// p by enumerating every choice of k of the N outlets (docs/METHOD.md §5): the share whose
/// rank sum of rates (mid-ranks for ties) is at least the side's.
fn brute_force_p(rates: &[(f64, bool)]) -> f64 {
    let n = rates.len();
    let ranks: Vec<f64> = rates
        .iter()
        .map(|&(rate, _)| {
            let below = rates.iter().filter(|&&(r, _)| r < rate).count() as f64;
            let equal = rates.iter().filter(|&&(r, _)| r == rate).count() as f64;
            below + (equal + 1.0) / 2.0
        })
        .collect();
    let k = rates.iter().filter(|&&(_, on)| on).count();
    let observed: f64 = (0..n).filter(|&i| rates[i].1).map(|i| ranks[i]).sum();
    let (mut at_least, mut total) = (0u64, 0u64);
    for mask in 0u32..(1 << n) {
        if mask.count_ones() as usize != k {
            continue;
        }
        total += 1;
        let sum: f64 = (0..n)
            .filter(|&i| mask & (1 << i) != 0)
            .map(|i| ranks[i])
            .sum();
        if sum >= observed - 1e-9 {
            at_least += 1;
        }
    }
    at_least as f64 / total as f64
}

// ------------------------------------------------------------------ checks

/// Every number of `explanation` against the text and the formulas, and the card's quotes
/// against the articles.
fn check_against_the_text(
    label: &str,
    story: &Story,
    corpus: &Corpus,
    e: &TermExplanation,
    options: &Options,
) {
    let term = words_of(&e.term);
    let mut uses = [0u64; 3];
    let mut tokens_per_side = [0u64; 3];
    for (i, side) in SIDES.iter().enumerate() {
        (uses[i], tokens_per_side[i]) = corpus.counts(&term, |s, _| s == *side);
    }
    let b = SIDES.iter().position(|&s| s == e.side).unwrap();
    let c = &e.counts;
    assert_eq!(
        [c.uses.left, c.uses.center, c.uses.right],
        uses,
        "{label}: uses per side"
    );
    assert_eq!(
        [
            c.term_tokens.left,
            c.term_tokens.center,
            c.term_tokens.right
        ],
        tokens_per_side,
        "{label}: term tokens per side"
    );
    assert_eq!(c.y_b, uses[b], "{label}: y_b");
    assert_eq!(c.y_r, uses.iter().sum::<u64>() - uses[b], "{label}: y_r");
    assert_eq!(c.n_b, tokens_per_side[b], "{label}: n_b");
    assert_eq!(
        c.n_r,
        tokens_per_side.iter().sum::<u64>() - tokens_per_side[b],
        "{label}: n_r"
    );

    let (alpha, delta, variance, z) = recomputed(
        c.y_b as f64,
        c.y_r as f64,
        c.n_b as f64,
        c.n_r as f64,
        options.prior_scale,
    );
    assert_eq!(e.alpha.get(), round4(alpha), "{label}: α_w");
    assert_eq!(e.delta.unwrap().get(), round4(delta), "{label}: δ");
    assert_eq!(e.variance.unwrap().get(), round4(variance), "{label}: σ²");
    assert_eq!(
        e.sigma.unwrap().get(),
        round4(variance.sqrt()),
        "{label}: σ"
    );
    assert_eq!(e.z.unwrap().get(), round4(z), "{label}: z");
    let values: Vec<(&str, f64)> = e
        .formula
        .iter()
        .map(|l| (l.symbol, l.value.get()))
        .collect();
    assert_eq!(
        values,
        [
            ("α_w", round4(alpha)),
            ("δ", round4(delta)),
            ("σ²", round4(variance)),
            ("σ", round4(variance.sqrt())),
            ("z", round4(z)),
        ],
        "{label}: the formula's lines"
    );

    // Each outlet's uses and term tokens, from its own articles' text.
    let mut outlets: Vec<(&str, &str)> = corpus
        .articles
        .iter()
        .map(|(side, source, _, _)| (*side, source.as_str()))
        .collect();
    outlets.sort_unstable();
    outlets.dedup();
    assert_eq!(
        e.outlets.len(),
        outlets.len(),
        "{label}: every rated outlet listed"
    );
    for outlet in &e.outlets {
        let (count, term_tokens) = corpus.counts(&term, |side, source| {
            side == outlet.side && source == outlet.source
        });
        assert_eq!(
            (u64::from(outlet.count), outlet.term_tokens),
            (count, term_tokens),
            "{label}: {} ({})",
            outlet.source,
            outlet.side
        );
    }
    if e.test.exact && e.outlets.len() <= 20 {
        let rates: Vec<(f64, bool)> = e
            .outlets
            .iter()
            .map(|o| {
                let rate = if o.term_tokens == 0 {
                    0.0
                } else {
                    f64::from(o.count) / o.term_tokens as f64
                };
                (rate, o.side == e.side)
            })
            .collect();
        assert_eq!(
            e.p.get(),
            round4(brute_force_p(&rates)),
            "{label}: p by enumeration"
        );
    }

    // The card: exact quotes of sentences of that side that contain the term.
    for (side, quotes) in [
        ("left", &e.card.left),
        ("center", &e.card.center),
        ("right", &e.card.right),
    ] {
        let i = SIDES.iter().position(|&s| s == side).unwrap();
        assert!(quotes.len() <= 3, "{label}: at most three quotes a side");
        assert_eq!(
            quotes.is_empty(),
            uses[i] == 0,
            "{label}: {side} quotes exactly when {side} used the term"
        );
        for quote in quotes {
            assert!(
                corpus
                    .articles
                    .iter()
                    .any(|(s, source, _, _)| *s == side && *source == quote.source),
                "{label}: the quote's outlet {} is on the {side}",
                quote.source
            );
            let article = story
                .articles
                .iter()
                .find(|a| a.id == quote.article)
                .unwrap();
            let inner = format!("{}{}{}", quote.before, quote.term, quote.after);
            let inner = inner.trim_matches('…');
            assert!(
                article.text.contains(inner)
                    || article
                        .headline
                        .as_deref()
                        .is_some_and(|h| h.contains(inner)),
                "{label}: {inner:?} is quoted exactly from {}",
                quote.article
            );
            let marked: Vec<String> = tokens(&quote.term)
                .map(|t| {
                    let mut word = String::new();
                    normalize_token(t.surface, &mut word);
                    word
                })
                .collect();
            assert_eq!(marked, term, "{label}: the marked words are the term");
        }
    }
}

/// The numbers an explanation shares with the report's listing of the term.
fn check_against_the_report(label: &str, report: &Report, e: &TermExplanation) {
    let framing = match e.side {
        "left" => &report.framing.left,
        "center" => &report.framing.center,
        _ => &report.framing.right,
    };
    let term = framing.terms.iter().find(|t| t.term == e.term).unwrap();
    assert!(e.listed, "{label}: listed");
    assert!(
        e.rules.iter().all(|r| r.met),
        "{label}: every rule met: {:?}",
        e.rules
    );
    assert_eq!(e.z, Some(term.z), "{label}: z");
    assert_eq!(e.p, term.p, "{label}: p");
    assert_eq!(e.evidence, term.evidence, "{label}: what p counts");
    assert_eq!(e.counts.y_b, u64::from(term.count), "{label}: count");
    assert_eq!(e.counts.n_b, framing.term_tokens, "{label}: n_b");
    assert_eq!(e.test, framing.test, "{label}: test design");
    let users: Vec<(&str, u32)> = e
        .outlets
        .iter()
        .filter(|o| o.side == e.side && o.count > 0)
        .map(|o| (o.source.as_str(), o.count))
        .collect();
    assert_eq!(users.len() as u32, term.outlets, "{label}: outlets");
    let mut by_outlet = users.clone();
    by_outlet.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let reported: Vec<(&str, u32)> = term
        .by_outlet
        .iter()
        .map(|o| (o.source.as_str(), o.count))
        .collect();
    assert_eq!(by_outlet, reported, "{label}: by_outlet");
    let rate = |uses: u64, tokens: u64| {
        round4(if tokens == 0 {
            0.0
        } else {
            uses as f64 * 10_000.0 / tokens as f64
        })
    };
    let c = &e.counts;
    assert_eq!(
        [
            term.rate.left.get(),
            term.rate.center.get(),
            term.rate.right.get()
        ],
        [
            rate(c.uses.left, c.term_tokens.left),
            rate(c.uses.center, c.term_tokens.center),
            rate(c.uses.right, c.term_tokens.right)
        ],
        "{label}: rates"
    );
}

// ------------------------------------------------------------------ tests

#[test]
fn the_worked_example_of_the_method_is_explained_with_its_numbers_filled_in() {
    let story = story("tests/data/tiny-story.json");
    let e = explain(&story, &tiny_options(), "left", "daring").unwrap();
    assert_eq!(
        (e.counts.y_b, e.counts.y_r, e.counts.n_b, e.counts.n_r),
        (6, 0, 206, 414)
    );
    assert_eq!(
        (
            e.alpha.get(),
            e.delta.unwrap().get(),
            e.variance.unwrap().get(),
            e.z.unwrap().get()
        ),
        (0.9677, 2.5139, 1.1769, 2.3173)
    );
    let numbers: Vec<&str> = e.formula.iter().map(|l| l.numbers.as_str()).collect();
    assert_eq!(
        numbers,
        [
            "100 · (6 + 0) / (206 + 414)",
            "ln((6 + 0.9677) / (206 + 100 − 6 − 0.9677)) − ln((0 + 0.9677) / (414 + 100 − 0 − 0.9677)) = ln(6.9677 / 299.0323) − ln(0.9677 / 513.0323)",
            "1 / 6.9677 + 1 / 0.9677",
            "√1.1769",
            "2.5139 / 1.0848",
        ]
    );
}

#[test]
fn every_number_of_the_worked_example_agrees_with_the_text_and_the_report() {
    let story = story("tests/data/tiny-story.json");
    let options = tiny_options();
    let report = analyze(&story, &options).unwrap();
    for (side, term) in [("left", "daring"), ("right", "flop")] {
        let e = explain(&story, &options, side, term).unwrap();
        check_against_the_text(
            term,
            &story,
            &Corpus::new(&story, &report, options.max_ngram),
            &e,
            &options,
        );
        check_against_the_report(term, &report, &e);
    }
}

#[test]
fn every_listed_term_of_every_sample_is_explained_with_the_reports_numbers() {
    let options = Options::default();
    let mut explained = 0;
    for (name, story) in samples() {
        let report = analyze(&story, &options).unwrap();
        let corpus = Corpus::new(&story, &report, options.max_ngram);
        for side in SIDES {
            let framing = match side {
                "left" => &report.framing.left,
                "center" => &report.framing.center,
                _ => &report.framing.right,
            };
            for term in &framing.terms {
                let label = format!("{name} {side} {:?}", term.term);
                let e = explain(&story, &options, side, &term.term).unwrap();
                check_against_the_report(&label, &report, &e);
                check_against_the_text(&label, &story, &corpus, &e, &options);
                explained += 1;
            }
        }
    }
    assert!(explained >= 20, "only {explained} terms explained");
}

#[test]
fn a_term_the_report_does_not_list_says_which_rule_it_fails() {
    let story = story("tests/data/tiny-story.json");
    let options = tiny_options();
    let report = analyze(&story, &options).unwrap();
    // Every side uses "talks" alike: its z is far below z_min (docs/METHOD.md §4).
    let e = explain(&story, &options, "center", "talks").unwrap();
    check_against_the_text(
        "talks",
        &story,
        &Corpus::new(&story, &report, options.max_ngram),
        &e,
        &options,
    );
    assert!(!e.listed);
    assert_eq!(e.z.unwrap().get(), 0.4077);
    let failed: Vec<&str> = e
        .rules
        .iter()
        .filter(|r| !r.met)
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(
        failed,
        ["Its z is 0.4077; a listed term needs at least 1.5."]
    );
    assert!(e.verdict.starts_with("Not listed"), "{}", e.verdict);
    // The left never wrote "flop": no left quote, three right ones at most.
    let flop = explain(&story, &options, "left", "Flop").unwrap();
    assert_eq!(flop.term, "flop");
    assert!(flop.card.left.is_empty() && !flop.card.right.is_empty());
    assert_eq!(flop.counts.y_b, 0);
}

#[test]
fn whether_a_term_is_listed_agrees_with_the_report_for_every_word_of_a_sample() {
    let options = Options::default();
    let (name, story) = samples()
        .into_iter()
        .find(|(n, _)| n == "wildfire-grid.json")
        .unwrap();
    let report = analyze(&story, &options).unwrap();
    let mut words: Vec<String> = Vec::new();
    // The words of the first article and every listed term, each side: some listed, most not.
    for term in report
        .framing
        .left
        .terms
        .iter()
        .chain(&report.framing.right.terms)
    {
        words.push(term.term.clone());
    }
    for article in story.articles.iter().take(1) {
        for token in tokens(&article.text) {
            let mut word = String::new();
            normalize_token(token.surface, &mut word);
            if !words.contains(&word) {
                words.push(word);
            }
        }
    }
    let mut checked = 0;
    for side in SIDES {
        let framing = match side {
            "left" => &report.framing.left,
            "center" => &report.framing.center,
            _ => &report.framing.right,
        };
        for word in &words {
            let Ok(e) = explain(&story, &options, side, word) else {
                continue;
            };
            let in_report = framing.terms.iter().any(|t| &t.term == word);
            assert_eq!(e.listed, in_report, "{name} {side} {word:?}: {:?}", e.rules);
            assert_eq!(
                e.listed,
                e.rules.iter().all(|r| r.met),
                "{name} {side} {word:?}: rules {:?}",
                e.rules
            );
            checked += 1;
        }
    }
    assert!(checked > 60, "only {checked} words checked");
}

#[test]
fn the_explanation_does_not_depend_on_the_order_of_the_articles() {
    let (_, mut story) = samples()
        .into_iter()
        .find(|(n, _)| n == "levee-bond.json")
        .unwrap();
    let options = Options::default();
    let report = analyze(&story, &options).unwrap();
    let term = &report.framing.right.terms[0].term;
    let forward = explain(&story, &options, "right", term).unwrap().to_json();
    story.articles.reverse();
    assert_eq!(
        explain(&story, &options, "right", term).unwrap().to_json(),
        forward
    );
}

#[test]
fn an_unknown_side_or_a_word_that_is_not_a_term_is_an_error_naming_it() {
    let story = story("tests/data/tiny-story.json");
    let options = tiny_options();
    let side = explain(&story, &options, "middle", "daring").unwrap_err();
    assert_eq!(
        side.to_string(),
        "side: unknown side \"middle\"; expected \"left\", \"center\" or \"right\""
    );
    for term in ["the", "armistice", "", "41"] {
        let error = explain(&story, &options, "left", term).unwrap_err();
        assert_eq!(error.path(), "term", "{term:?}");
        assert!(
            error
                .message()
                .contains("is not a term of this story's rated articles"),
            "{error}"
        );
    }
    let bad = Options {
        max_p: 0.0,
        ..tiny_options()
    };
    assert_eq!(
        explain(&story, &bad, "left", "daring").unwrap_err().path(),
        "options.maxP"
    );
}

#[test]
fn the_explanation_is_json_with_the_documented_keys_in_order() {
    let story = story("tests/data/tiny-story.json");
    let e = explain(&story, &tiny_options(), "left", "daring").unwrap();
    let json = e.to_json();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    // The top level's keys, in the order the text writes them (indented by two spaces).
    let keys: Vec<&str> = json
        .lines()
        .filter_map(|line| line.strip_prefix("  \""))
        .filter_map(|rest| rest.split_once("\":").map(|(key, _)| key))
        .collect();
    assert_eq!(
        keys,
        [
            "term",
            "side",
            "listed",
            "rules",
            "verdict",
            "counts",
            "prior_scale",
            "alpha",
            "delta",
            "variance",
            "sigma",
            "z",
            "formula",
            "p",
            "test",
            "evidence",
            "meaning",
            "outlets",
            "card"
        ]
    );
    let compact: serde_json::Value = serde_json::from_str(&e.to_compact_json()).unwrap();
    assert_eq!(value, compact);
}
