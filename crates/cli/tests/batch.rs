//! `bias-compare batch` (docs/CLI.md, "Many stories: `batch`"): one output line per input
//! line, in input order, each the story's compact report or an error record naming the line
//! and the JSON path; the same report whatever the number of threads.

mod common;
#[path = "../../../tests/catalogue/harness.rs"]
mod harness;

use std::path::PathBuf;
use std::process::Output;

use bias_compare::{analyze, parse_json, utf8_text, Options, Story};
use serde_json::Value;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn batch(args: &[&str], stdin: &[u8]) -> Output {
    let mut all = vec!["batch", "-"];
    all.extend_from_slice(args);
    common::run_cli(&all, Some(stdin))
}

fn stdout_lines(output: &Output) -> Vec<String> {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "stderr is not a terminal: nothing"
    );
    let text = String::from_utf8(output.stdout.clone()).unwrap();
    assert!(text.is_empty() || text.ends_with('\n'));
    text.lines().map(str::to_owned).collect()
}

/// The sample stories of www/samples, each as one line of compact JSON.
fn sample_lines() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(repo("www/samples"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5);
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            serde_json::to_string(&parse_json(&text, "story").unwrap()).unwrap()
        })
        .collect()
}

/// What the library makes of one line: the compact report, or the error record.
fn library_line(number: usize, line: &[u8], options: &Options) -> String {
    let result = utf8_text(line, "story")
        .and_then(Story::from_json)
        .and_then(|story| analyze(&story, options));
    match result {
        Ok(report) => report.to_compact_json(),
        Err(error) => record(number, error.path(), error.message()),
    }
}

/// The error record as documented, keys in order.
fn record(number: usize, path: &str, message: &str) -> String {
    format!(
        "{{\"line\":{number},\"error\":{{\"path\":{},\"message\":{}}}}}",
        Value::from(path),
        Value::from(message)
    )
}

#[test]
fn every_line_is_the_library_report_in_input_order() {
    let lines = sample_lines();
    let input = lines.join("\n") + "\n";
    let output = stdout_lines(&batch(&[], input.as_bytes()));
    let expected: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| library_line(i + 1, line.as_bytes(), &Options::default()))
        .collect();
    assert_eq!(output, expected);
}

#[test]
fn the_output_is_the_same_with_one_thread_two_threads_and_a_small_window_of_many_lines() {
    // Twenty copies of the samples in turn: more lines than any window, so lines finish out
    // of order and must be put back in order.
    let lines = sample_lines();
    let many: Vec<&str> = (0..20)
        .flat_map(|_| lines.iter().map(String::as_str))
        .collect();
    let input = many.join("\n") + "\n";
    let one = stdout_lines(&batch(&["--jobs", "1"], input.as_bytes()));
    let two = stdout_lines(&batch(&["--jobs", "2"], input.as_bytes()));
    let eight = stdout_lines(&batch(&["--jobs", "8"], input.as_bytes()));
    assert_eq!(one.len(), many.len());
    assert_eq!(one, two);
    assert_eq!(one, eight);
    for (i, line) in one.iter().enumerate() {
        assert_eq!(line, &one[i % lines.len()], "line {}", i + 1);
    }
}

#[test]
fn a_bad_line_is_an_error_record_naming_the_line_and_path_and_the_rest_are_scored() {
    let lines = sample_lines();
    let bad = std::fs::read_to_string(repo("tests/data/batch/bad-lines.jsonl")).unwrap();
    let bad: Vec<&str> = bad.lines().collect();
    let input = format!(
        "{}\n{}\n{}\n{}\n{}\n",
        lines[0], bad[0], lines[1], bad[1], bad[2]
    );
    let output = stdout_lines(&batch(&[], input.as_bytes()));
    assert_eq!(output.len(), 5);
    assert_eq!(
        output[0],
        library_line(1, lines[0].as_bytes(), &Options::default())
    );
    assert_eq!(
        output[1],
        record(
            2,
            "articles[1].leaning",
            "unknown leaning \"leftish\" (expected one of far-left, left, lean-left, center, lean-right, right, far-right, unrated)"
        )
    );
    assert_eq!(
        output[2],
        library_line(3, lines[1].as_bytes(), &Options::default())
    );
    assert_eq!(
        output[3],
        record(4, "articles[0].text", "missing required field")
    );
    assert_eq!(
        output[4],
        record(
            5,
            "story",
            "not valid JSON: trailing comma at line 1 column 66"
        )
    );
}

#[test]
fn a_blank_line_is_an_error_record_so_output_lines_match_input_lines() {
    let lines = sample_lines();
    let input = format!("{}\n\n{}", lines[0], lines[1]);
    let output = stdout_lines(&batch(&[], input.as_bytes()));
    assert_eq!(output.len(), 3, "the last line needs no newline");
    assert_eq!(
        output[1],
        record(
            2,
            "story",
            "not valid JSON: EOF while parsing a value at line 1 column 0"
        )
    );
    assert_eq!(
        output[2],
        library_line(3, lines[1].as_bytes(), &Options::default())
    );
}

#[test]
fn empty_input_gives_empty_output() {
    assert!(stdout_lines(&batch(&[], b"")).is_empty());
}

#[test]
fn a_line_that_is_not_utf8_is_an_error_record_with_the_offset() {
    let mut input = br#"{"articles":[{"id":"a","source":"S","text":"caf"#.to_vec();
    input.extend_from_slice(b"\xe9\"}]}\n");
    let output = stdout_lines(&batch(&[], &input));
    assert_eq!(
        output,
        [record(
            1,
            "story",
            "not valid UTF-8 (invalid byte at offset 47)"
        )]
    );
}

#[test]
fn a_line_over_32_mib_is_an_error_record_and_the_next_line_is_scored() {
    let lines = sample_lines();
    let huge = format!(
        "{{\"articles\":[{{\"id\":\"a\",\"source\":\"S\",\"text\":\"{}\"}}]}}",
        "x".repeat(33 << 20)
    );
    let input = format!("{huge}\n{}\n", lines[0]);
    let output = stdout_lines(&batch(&[], input.as_bytes()));
    assert_eq!(output[0], record(1, "story", "larger than 32 MiB of JSON"));
    assert_eq!(
        output[1],
        library_line(2, lines[0].as_bytes(), &Options::default())
    );
}

#[test]
fn options_reach_every_report() {
    let lines = sample_lines();
    let input = lines.join("\n");
    let args = ["--top", "2", "--max-ngram", "1", "--z-min", "1"];
    let output = stdout_lines(&batch(&args, input.as_bytes()));
    let options = Options {
        top_k: 2,
        max_ngram: 1,
        z_min: 1.0,
        ..Options::default()
    };
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(output[i], library_line(i + 1, line.as_bytes(), &options));
        let report: Value = serde_json::from_str(&output[i]).unwrap();
        assert_eq!(report["params"]["top_k"], 2);
    }
}

#[test]
fn the_ratings_file_rates_outlets_in_every_story() {
    let lines = sample_lines();
    let drone = lines
        .iter()
        .find(|line| line.contains("Continental Briefing"))
        .expect("the drone-raid sample");
    let ratings = std::env::temp_dir().join(format!("batch-ratings-{}.json", std::process::id()));
    std::fs::write(&ratings, r#"{ "Continental Briefing": "center" }"#).unwrap();
    let output = stdout_lines(&batch(
        &["--ratings", ratings.to_str().unwrap()],
        drone.as_bytes(),
    ));
    std::fs::remove_file(&ratings).unwrap();
    let report: Value = serde_json::from_str(&output[0]).unwrap();
    let rated = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["source"] == "Continental Briefing")
        .all(|a| a["leaning_from"] == "options.ratings.source");
    assert!(rated, "{}", output[0]);
}

#[test]
fn an_option_out_of_range_exits_2_before_reading_naming_the_flag() {
    let output = batch(&["--top", "0"], b"not even read\n");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: --top: must be a whole number from 1 to 1000, got 0\n"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn zero_jobs_is_refused_by_the_argument_parser() {
    let output = batch(&["--jobs", "0"], b"");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("error: invalid value '0' for '--jobs <N>'"),
        "{stderr}"
    );
}

#[test]
fn a_file_is_read_like_standard_input() {
    let lines = sample_lines();
    let path = std::env::temp_dir().join(format!("batch-file-{}.jsonl", std::process::id()));
    std::fs::write(&path, lines.join("\n")).unwrap();
    let from_file = common::run_cli(&["batch", path.to_str().unwrap()], None);
    std::fs::remove_file(&path).unwrap();
    let from_stdin = batch(&[], lines.join("\n").as_bytes());
    assert_eq!(stdout_lines(&from_file), stdout_lines(&from_stdin));
}

#[test]
fn a_missing_file_exits_2() {
    let output = common::run_cli(&["batch", "no-such-stories.jsonl"], None);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: cannot read no-such-stories.jsonl: No such file or directory (os error 2)\n"
    );
}

#[test]
fn every_catalogue_story_as_a_line_gives_what_the_library_gives_for_that_line() {
    // Multi-line files are written on one line (parsed and written compactly); the ones
    // already on one line — not JSON at all, a NaN, a number out of range — go in as they are.
    let cases = harness::load(&repo("tests/catalogue"));
    let mut lines: Vec<Vec<u8>> = Vec::new();
    for case in cases
        .iter()
        .filter(|case| !case.cli_only && !case.is_generated())
    {
        let bytes = case.bytes();
        let body = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
        if !body.contains(&b'\n') {
            lines.push(body.to_vec());
        } else if let Ok(value) = parse_json(std::str::from_utf8(&bytes).unwrap(), "story") {
            lines.push(serde_json::to_vec(&value).unwrap());
        }
    }
    assert!(lines.len() > 70, "{} lines", lines.len());
    let input = lines.join(&b'\n');
    let output = stdout_lines(&batch(&[], &input));
    assert_eq!(output.len(), lines.len());
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(
            output[i],
            library_line(i + 1, line, &Options::default()),
            "line {}",
            i + 1
        );
    }
}
