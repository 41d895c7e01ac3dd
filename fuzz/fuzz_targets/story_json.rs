//! Story parsing and the whole analysis from JSON text, as the CLI and the widget get it.
//! Any bytes must give a report counting every article, the same bytes on a second run, or
//! one short one-line error naming a path — never a panic, a hang or a stack overflow.
#![no_main]

use bias_compare::{analyze_json, parse_json, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = Options::default();
    match analyze_json(&text, &options) {
        Ok(report) => {
            let story = parse_json(&text, "story").expect("a story with a report parses");
            let articles = story.as_object().and_then(|story| story.get("articles"));
            let given = articles.and_then(|a| a.as_array()).map_or(0, Vec::len);
            assert_eq!(report.coverage.total_articles, given);
            assert_eq!(report.articles.len(), given);
            let json = report.to_json();
            let again = analyze_json(&text, &options)
                .expect("a second run")
                .to_json();
            assert!(json == again, "a second run gives another report");
        }
        Err(error) => {
            let message = error.to_string();
            assert!(!message.chars().any(char::is_control), "{message:?}");
            assert!(message.len() < 1000, "a {}-byte message", message.len());
            assert!(!error.path().is_empty(), "{message:?}");
        }
    }
});
