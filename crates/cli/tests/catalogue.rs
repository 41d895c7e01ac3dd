//! The bad-input catalogue (tests/catalogue/cases.json): whatever a CMS or a classroom feeds
//! in gives a report or one error naming the field. Run here through the CLI binary.
//! An error case must exit 2 with exactly `error: <message>` on stderr and nothing on stdout;
//! a report case must exit 0 with a report meeting the case's checks, byte for byte the
//! library's report for cases kept as files (given as a file and on standard input), and
//! `--format text` must print it without a single control character a terminal would obey.

mod common;
#[path = "../../../tests/catalogue/harness.rs"]
mod harness;

use std::path::{Path, PathBuf};
use std::process::Output;

use bias_compare::{analyze_json, Options};
use common::run_cli as cli;
use harness::{Case, Expect};
use serde_json::Value;

fn cases() -> Vec<Case> {
    harness::load(&harness::dir(
        env!("CARGO_MANIFEST_DIR"),
        "../../tests/catalogue",
    ))
}

/// A directory of this test's own: tests run in parallel threads of one process.
fn scratch_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "bias-compare-catalogue-{}-{test}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn check_output(case: &Case, how: &str, output: &Output, library: Option<&str>) -> Vec<String> {
    let name = format!("{} ({how})", case.name);
    let stderr = String::from_utf8_lossy(&output.stderr);
    match &case.expect {
        Expect::Error(message) => {
            let mut failures = Vec::new();
            if output.status.code() != Some(2) {
                failures.push(format!("{name}: exit {:?}, expected 2", output.status));
            }
            if stderr != format!("error: {message}\n") {
                failures.push(format!(
                    "{name}: stderr {stderr:?}, expected error: {message}"
                ));
            }
            if !output.stdout.is_empty() {
                failures.push(format!("{name}: wrote to stdout"));
            }
            failures
        }
        Expect::Report(_) => {
            if output.status.code() != Some(0) || !stderr.is_empty() {
                return vec![format!(
                    "{name}: exit {:?}, stderr {stderr:?}",
                    output.status
                )];
            }
            let Ok(stdout) = std::str::from_utf8(&output.stdout) else {
                return vec![format!("{name}: stdout is not UTF-8")];
            };
            match library {
                Some(expected) if stdout != expected => {
                    vec![format!("{name}: stdout differs from the library's report")]
                }
                Some(_) => Vec::new(),
                None => Vec::new(),
            }
        }
    }
}

/// The failures of one case through the CLI.
fn run(case: &Case, dir: &Path) -> Vec<String> {
    let bytes = case.bytes();
    let path = dir.join(format!("{}.input", case.name));
    std::fs::write(&path, &bytes).unwrap();
    let file = path.to_str().unwrap();
    let output = cli(&["analyze", file], None);
    let mut failures = Vec::new();
    let text = String::from_utf8(bytes.clone()).ok();
    if let (Expect::Report(_), Some(text)) = (&case.expect, &text) {
        if case.is_generated() {
            // Big cases: the library's test already compared; check the CLI's report itself.
            match serde_json::from_slice::<Value>(&output.stdout) {
                Ok(report) => failures.extend(harness::check_report(case, text, &report)),
                Err(e) => failures.push(format!("{}: stdout is not JSON: {e}", case.name)),
            }
            failures.extend(check_output(case, "file", &output, None));
        } else {
            let library = analyze_json(text, &Options::default())
                .map(|report| report.to_json() + "\n")
                .unwrap_or_default();
            failures.extend(check_output(case, "file", &output, Some(&library)));
            let piped = cli(&["analyze", "-"], Some(&bytes));
            failures.extend(check_output(case, "stdin", &piped, Some(&library)));
            failures.extend(text_format_is_terminal_safe(case, file));
        }
    } else {
        failures.extend(check_output(case, "file", &output, None));
        if !case.is_generated() {
            let piped = cli(&["analyze", "-"], Some(&bytes));
            failures.extend(check_output(case, "stdin", &piped, None));
        }
    }
    let _ = std::fs::remove_file(&path);
    failures
}

fn text_format_is_terminal_safe(case: &Case, file: &str) -> Vec<String> {
    let output = cli(&["analyze", file, "--format", "text"], None);
    let stdout = String::from_utf8_lossy(&output.stdout);
    if output.status.code() != Some(0) {
        return vec![format!("{} (text): exit {:?}", case.name, output.status)];
    }
    match stdout.chars().find(|&c| c.is_control() && c != '\n') {
        Some(c) => vec![format!(
            "{} (text): prints the control character {c:?}",
            case.name
        )],
        None => Vec::new(),
    }
}

fn run_all(test: &str, cases: impl IntoIterator<Item = Case>) {
    let dir = scratch_dir(test);
    let failures: Vec<String> = cases.into_iter().flat_map(|c| run(&c, &dir)).collect();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

#[test]
fn catalogue_files_through_the_cli() {
    run_all("files", cases().into_iter().filter(|c| !c.is_generated()));
}

#[test]
fn generated_catalogue_cases_through_the_cli() {
    run_all("generated", cases().into_iter().filter(Case::is_generated));
}

#[test]
fn an_endless_standard_input_is_cut_off_at_the_limit() {
    // 40 MiB of spaces: the CLI reads one byte past 32 MiB, then refuses.
    let input = vec![b' '; 40 << 20];
    let output = cli(&["analyze", "-"], Some(&input));
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: story: larger than 32 MiB of JSON\n"
    );
}

#[test]
fn text_format_shows_escape_sequences_as_replacement_characters() {
    let story = r#"{"title": "\u001b]0;pwned\u0007\u001b[2J Title",
        "articles": [{"id": "a", "source": "S\u001b[31m\r", "leaning": "left", "text": "x\u0008y"}]}"#;
    let output = cli(
        &["analyze", "-", "--format", "text"],
        Some(story.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("\u{FFFD}]0;pwned\u{FFFD}\u{FFFD}[2J Title\n"),
        "{text}"
    );
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
}

#[test]
fn a_ratings_file_is_read_like_a_story() {
    let dir = scratch_dir("ratings");
    let ratings = dir.join("ratings-with-bom.json");
    std::fs::write(&ratings, "\u{feff}{\"paper\": \"left\"}").unwrap();
    let story = r#"{"articles":[{"id":"a","source":"Paper","text":"Words."}]}"#;
    let output = cli(
        &["analyze", "-", "--ratings", ratings.to_str().unwrap()],
        Some(story.as_bytes()),
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::write(&ratings, b"{\"paper\": \"l\xffeft\"}").unwrap();
    let output = cli(
        &["analyze", "-", "--ratings", ratings.to_str().unwrap()],
        Some(story.as_bytes()),
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "error: {}: not valid UTF-8 (invalid byte at offset 12)\n",
            ratings.display()
        )
    );
    let _ = std::fs::remove_dir_all(&dir);
}
