//! The CLI contract of docs/CLI.md: JSON on stdout and exit 0 for a good story; one
//! `error: <message>` line on stderr and exit 2 for bad input or bad flags.

mod common;

use std::process::Output;

const TINY: &str = "../../tests/data/tiny-story.json";
/// A story whose center bullet cites a name its one outlet mentioned (emphasis).
const ONE_OUTLET: &str = "../../tests/data/one-outlet.json";

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    common::run_cli(args, stdin.map(str::as_bytes))
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn assert_one_line_error(output: &Output, expected: &str) {
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr(output), format!("error: {expected}\n"));
    assert!(output.stdout.is_empty());
}

#[test]
fn json_output_is_the_library_report() {
    let output = run(&["analyze", TINY, "--format", "json"], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let story = std::fs::read_to_string(TINY).unwrap();
    let report = bias_compare::analyze_json(&story, &bias_compare::Options::default()).unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        report.to_json() + "\n"
    );
}

#[test]
fn json_is_the_default_format() {
    let explicit = run(&["analyze", TINY, "--format", "json"], None);
    let default = run(&["analyze", TINY], None);
    assert_eq!(explicit.stdout, default.stdout);
}

#[test]
fn reads_the_story_from_standard_input() {
    let story = std::fs::read_to_string(TINY).unwrap();
    let from_stdin = run(&["analyze", "-"], Some(&story));
    let from_file = run(&["analyze", TINY], None);
    assert_eq!(from_stdin.status.code(), Some(0));
    assert_eq!(from_stdin.stdout, from_file.stdout);
}

#[test]
fn flags_reach_the_report_params() {
    let output = run(
        &[
            "analyze",
            TINY,
            "--max-ngram",
            "2",
            "--prior-scale",
            "100",
            "--z-min",
            "-1",
            "--min-count",
            "2",
            "--top",
            "4",
            "--max-p",
            "0.2",
            "--no-language",
            "--no-emphasis",
            "--no-key-points",
        ],
        None,
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        report["params"],
        serde_json::json!({ "max_ngram": 2, "prior_scale": 100, "z_min": -1, "min_count": 2, "top_k": 4, "max_p": 0.2, "language": false, "emphasis": false, "key_points": false })
    );
    for section in ["language", "emphasis", "key_points", "common_ground"] {
        assert_eq!(report[section], serde_json::Value::Null, "{section}");
    }
}

#[test]
fn each_section_flag_turns_off_its_sections_only() {
    let full: serde_json::Value =
        serde_json::from_slice(&run(&["analyze", ONE_OUTLET], None).stdout).unwrap();
    for (flag, param, sections) in [
        ("--no-emphasis", "emphasis", &["emphasis"][..]),
        (
            "--no-key-points",
            "key_points",
            &["key_points", "common_ground"][..],
        ),
    ] {
        let output = run(&["analyze", ONE_OUTLET, flag], None);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let mut report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(report["params"][param], false, "{flag}");
        for &section in sections {
            assert!(!full[section].is_null(), "{section} of the full report");
            assert_eq!(
                report[section],
                serde_json::Value::Null,
                "{flag}: {section}"
            );
            report[section] = full[section].clone();
        }
        report["params"][param] = true.into();
        // The bullets lose their emphasis sentences; the rest is the full report's.
        report["comparison"] = full["comparison"].clone();
        assert_eq!(report, full, "{flag}");
    }
}

#[test]
fn no_emphasis_drops_the_emphasis_sentence_from_the_text_bullets() {
    let text = |flags: &[&str]| {
        let output = run(
            &[&["analyze", ONE_OUTLET, "--format", "text"], flags].concat(),
            None,
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        String::from_utf8(output.stdout).unwrap()
    };
    let cited = "More of them mentioned “Harlan Mercer”";
    assert!(text(&[]).contains(cited));
    let without = text(&["--no-emphasis"]);
    assert!(!without.contains("More of them mentioned"), "{without}");
    assert!(without.contains("Comparison"), "{without}");
}

#[test]
fn text_format_shows_coverage_terms_and_comparison() {
    let output = run(
        &["analyze", TINY, "--format", "text", "--prior-scale", "100"],
        None,
    );
    let text = String::from_utf8(output.stdout).unwrap();
    for expected in ["Coverage", "Left framing", "Daring", "Comparison"] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
}

#[test]
fn text_format_shows_how_each_side_talks() {
    let output = run(
        &[
            "analyze",
            "../../tests/data/language/charged-right.json",
            "--format",
            "text",
        ],
        None,
    );
    let text = String::from_utf8(output.stdout).unwrap();
    for expected in [
        "How each side talks",
        "massive 12 (intensifier)",
        "bloodbath 8 (violence or war metaphor)",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    let right = text
        .lines()
        .find(|line| line.starts_with("  Right ") && line.contains(" p "))
        .unwrap();
    assert!(right.contains("172.6* p 0.002"), "{right}");
}

#[test]
fn bad_story_exits_2_naming_the_field() {
    let story = r#"{"articles":[{"id":"a","source":"S","text":"","leaning":"leftish"}]}"#;
    assert_one_line_error(
        &run(&["analyze", "-"], Some(story)),
        "articles[0].leaning: unknown leaning \"leftish\" (expected one of far-left, left, lean-left, center, lean-right, right, far-right, unrated)",
    );
}

#[test]
fn out_of_range_flag_exits_2_naming_the_flag() {
    assert_one_line_error(
        &run(&["analyze", TINY, "--max-ngram", "9"], None),
        "--max-ngram: must be a whole number from 1 to 5, got 9",
    );
}

#[test]
fn malformed_flag_exits_2_with_one_line() {
    let output = run(&["analyze", TINY, "--top", "ten"], None);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.starts_with("error: ") && message.lines().count() == 1,
        "{message}"
    );
}

#[test]
fn a_missing_story_argument_names_it_and_shows_the_usage() {
    assert_one_line_error(
        &run(&["analyze"], None),
        "the following required arguments were not provided: <FILE|->; usage: bias-compare analyze <FILE|-> (see --help)",
    );
}

#[test]
fn an_unknown_format_lists_the_formats() {
    assert_one_line_error(
        &run(&["analyze", TINY, "--format", "xml"], None),
        "invalid value 'xml' for '--format <FORMAT>' [possible values: json, text]",
    );
}

#[test]
fn a_misspelt_command_gets_a_suggestion() {
    let output = run(&["analyse", TINY], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("(did you mean 'analyze'?)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_negative_number_reaches_the_range_check() {
    assert_one_line_error(
        &run(&["analyze", TINY, "--top", "-1"], None),
        "--top: must be a whole number from 1 to 1000, got -1",
    );
    assert_one_line_error(
        &run(&["analyze", TINY, "--top", "2.5"], None),
        "--top: expected a whole number, found 2.5",
    );
}

#[test]
fn help_shows_examples() {
    for args in [&["--help"][..], &["analyze", "--help"]] {
        let output = run(args, None);
        let help = String::from_utf8(output.stdout).unwrap();
        assert!(
            help.contains("Examples:\n  bias-compare analyze story.json --format text"),
            "{help}"
        );
    }
}

#[test]
fn missing_file_exits_2() {
    let output = run(&["analyze", "no-such-story.json"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("error: cannot read no-such-story.json: "));
}

#[test]
fn help_exits_0() {
    let output = run(&["--help"], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8(output.stdout)
        .unwrap()
        .contains("analyze"));
}

#[test]
fn ratings_file_rates_outlets_the_story_leaves_unrated() {
    let story = r#"{"articles":[{"id":"a","source":"Paper","text":"Words."}]}"#;
    let dir = std::env::temp_dir().join(format!("bias-compare-ratings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ratings = dir.join("ratings.json");
    std::fs::write(&ratings, r#"{"paper": "Lean Right"}"#).unwrap();
    let output = run(
        &["analyze", "-", "--ratings", ratings.to_str().unwrap()],
        Some(story),
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["coverage"]["right"]["articles"], 1);
    assert_eq!(
        report["articles"][0]["leaning_from"],
        "options.ratings.source"
    );
}
