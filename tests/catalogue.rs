//! The bad-input catalogue (tests/catalogue/cases.json): whatever a CMS or a classroom feeds
//! in gives a report or one error naming the field. Run here through the library:
//! every case gives exactly its expected error, or a report that meets its checks and the
//! invariants of every report (every article counted, examples quoted exactly, …). Report
//! cases kept as files are also run twice and with their articles reversed and rotated, which
//! must give the same bytes. The same catalogue runs through the CLI binary in
//! crates/cli/tests/catalogue.rs, and through WASM in the Node tests.

#[path = "catalogue/harness.rs"]
mod harness;

use bias_compare::{analyze, analyze_json, Options, Story};
use harness::{Case, Expect};
use serde_json::Value;

fn cases() -> Vec<Case> {
    harness::load(&harness::dir(env!("CARGO_MANIFEST_DIR"), "tests/catalogue"))
}

/// The failures of one case, empty when it behaves.
fn run(case: &Case) -> Vec<String> {
    let bytes = case.bytes();
    let Ok(text) = String::from_utf8(bytes) else {
        return if case.cli_only {
            Vec::new() // not UTF-8, as intended: the CLI test checks its error
        } else {
            vec![format!("{}: input is not UTF-8", case.name)]
        };
    };
    if case.cli_only {
        return vec![format!(
            "{}: cli_only, but the input is valid UTF-8",
            case.name
        )];
    }
    let options = Options::default();
    let result = analyze_json(&text, &options);
    match (&case.expect, result) {
        (Expect::Error(expected), Err(error)) if error.to_string() == *expected => Vec::new(),
        (Expect::Error(expected), Err(error)) => vec![format!(
            "{}: error {:?}, expected {expected:?}",
            case.name,
            error.to_string()
        )],
        (Expect::Error(expected), Ok(_)) => {
            vec![format!("{}: a report, expected {expected:?}", case.name)]
        }
        (Expect::Report(_), Err(error)) => {
            vec![format!("{}: error {error}, expected a report", case.name)]
        }
        (Expect::Report(_), Ok(report)) => {
            let json = report.to_json();
            let value: Value = serde_json::from_str(&json).expect("the report is JSON");
            let mut failures = harness::check_report(case, &text, &value);
            if !case.is_generated() {
                failures.extend(same_whatever_the_order(case, &text, &json));
            }
            failures
        }
    }
}

/// The report of `text` again, and with its articles reversed and rotated.
fn same_whatever_the_order(case: &Case, text: &str, json: &str) -> Vec<String> {
    let options = Options::default();
    let mut failures = Vec::new();
    match analyze_json(text, &options) {
        Ok(again) if again.to_json() == json => {}
        _ => failures.push(format!("{}: a second run differs", case.name)),
    }
    let story = bias_compare::parse_json(text, "story").expect("parsed once already");
    let story = harness::json_bridge::to_serde(&story);
    let articles = story["articles"].as_array().cloned().unwrap_or_default();
    let mut reversed = articles.clone();
    reversed.reverse();
    let mut rotated = articles.clone();
    rotated.rotate_left(articles.len() / 2);
    for (how, order) in [("reversed", reversed), ("rotated", rotated)] {
        let mut shuffled = story.clone();
        shuffled["articles"] = Value::Array(order);
        let shuffled = harness::json_bridge::from_serde(shuffled);
        let report = Story::from_value(shuffled).and_then(|s| analyze(&s, &options));
        match report {
            Ok(report) if report.to_json() == json => {}
            Ok(_) => failures.push(format!("{}: {how} articles give another report", case.name)),
            Err(e) => failures.push(format!("{}: {how} articles give an error: {e}", case.name)),
        }
    }
    failures
}

fn run_all(cases: impl IntoIterator<Item = Case>) {
    let failures: Vec<String> = cases.into_iter().flat_map(|case| run(&case)).collect();
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

#[test]
fn catalogue_files_give_their_report_or_error() {
    run_all(cases().into_iter().filter(|c| !c.is_generated()));
}

#[test]
fn generated_catalogue_cases_give_their_report_or_error() {
    run_all(cases().into_iter().filter(Case::is_generated));
}

#[test]
fn catalogue_covers_every_kind_of_bad_input_listed_in_its_readme() {
    let cases = cases();
    let named = |name: &str| cases.iter().any(|c| c.name == name);
    for name in [
        "not-json",
        "truncated-in-string",
        "id-number",
        "text-number",
        "source-array",
        "leaning-number",
        "headline-object",
        "url-boolean",
        "published-number",
        "title-array",
        "ratings-array",
        "duplicate-ids",
        "unknown-leaning",
        "articles-empty",
        "empty-texts",
        "article-20mb",
        "articles-100000",
        "deep-nesting-100000",
        "invalid-utf8-ff-byte",
        "lone-surrogates",
        "nul-bytes",
        "control-characters",
        "emoji-and-zwj",
        "right-to-left",
        "cjk-without-spaces",
        "combining-marks",
        "token-1mb",
        "boilerplate-lines",
    ] {
        assert!(named(name), "the catalogue has no case {name}");
    }
    assert!(cases.len() >= 100, "{} cases", cases.len());
}
