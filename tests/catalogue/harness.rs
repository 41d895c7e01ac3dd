//! Reads the bad-input catalogue (tests/catalogue/cases.json, format in README.md there),
//! builds each case's input, and checks a report against the case's expectations and the
//! invariants every report must meet. Shared by the library's test (tests/catalogue.rs) and
//! the CLI's (crates/cli/tests/catalogue.rs), which include this file by path.

#![allow(dead_code)] // each test target uses its own part

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// What a case's input yields.
#[derive(Debug, Clone)]
pub enum Expect {
    /// Exactly this error message (the CLI prints `error: <message>` and exits 2).
    Error(String),
    /// A report whose values at these JSON pointers are these.
    Report(BTreeMap<String, Value>),
}

#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    pub about: String,
    /// The story file, for cases kept as data.
    pub file: Option<PathBuf>,
    /// The parts the story text is built from, for cases too big to keep as data.
    pub generate: Option<Vec<Value>>,
    pub expect: Expect,
    /// Terms that must not be listed for any side.
    pub no_terms: Vec<String>,
    /// Bytes that are not UTF-8: only the CLI can be given them.
    pub cli_only: bool,
    /// A JS front end must pass the text: JSON.parse would reject or change it.
    pub text_only: bool,
}

impl Case {
    /// The input, read or generated.
    pub fn bytes(&self) -> Vec<u8> {
        match (&self.file, &self.generate) {
            (Some(path), _) => std::fs::read(path)
                .unwrap_or_else(|e| panic!("{}: cannot read {}: {e}", self.name, path.display())),
            (None, Some(parts)) => generate(parts).into_bytes(),
            (None, None) => unreachable!("checked when loading"),
        }
    }

    pub fn is_generated(&self) -> bool {
        self.generate.is_some()
    }
}

/// Builds a story text from parts: a string is copied, `{ "repeat": unit, "times": n,
/// "separator": s }` writes `unit` n times with `s` between, `{i}` in `unit` replaced by
/// the repetition's index from 0.
pub fn generate(parts: &[Value]) -> String {
    let mut out = String::new();
    for part in parts {
        match part {
            Value::String(text) => out.push_str(text),
            Value::Object(repeat) => {
                let unit = repeat["repeat"].as_str().expect("repeat: a string");
                let times = repeat["times"].as_u64().expect("times: a whole number");
                let separator = repeat
                    .get("separator")
                    .map_or("", |s| s.as_str().expect("separator: a string"));
                let indexed = unit.contains("{i}");
                if !indexed && separator.is_empty() {
                    out.push_str(&unit.repeat(times as usize));
                    continue;
                }
                out.reserve(unit.len().saturating_mul(times as usize));
                for i in 0..times {
                    if i > 0 {
                        out.push_str(separator);
                    }
                    if indexed {
                        out.push_str(&unit.replace("{i}", &i.to_string()));
                    } else {
                        out.push_str(unit);
                    }
                }
            }
            other => panic!("a part must be a string or a repeat object, found {other}"),
        }
    }
    out
}

/// The catalogue directory, given the test crate's manifest directory and its path from there.
pub fn dir(manifest_dir: &str, relative: &str) -> PathBuf {
    Path::new(manifest_dir).join(relative)
}

/// Every case of `dir/cases.json`, checking that each names one input and one expectation,
/// that names are unique, and that every data file in the directory belongs to a case.
pub fn load(dir: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(dir.join("cases.json")).expect("cases.json");
    let manifest: Value = serde_json::from_str(&text).expect("cases.json is JSON");
    let mut cases = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    for entry in manifest["cases"].as_array().expect("cases: an array") {
        let name = entry["name"].as_str().expect("name").to_owned();
        assert!(names.insert(name.clone()), "duplicate case name {name}");
        let file = entry
            .get("file")
            .map(|f| dir.join(f.as_str().expect("file")));
        let generate = entry
            .get("generate")
            .map(|g| g.as_array().expect("generate: an array").clone());
        assert!(
            file.is_some() != generate.is_some(),
            "{name}: give exactly one of file and generate"
        );
        let expect = match (entry.get("error"), entry.get("report")) {
            (Some(message), None) => Expect::Error(message.as_str().expect("error").to_owned()),
            (None, Some(Value::Object(checks))) => {
                Expect::Report(checks.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            }
            _ => panic!("{name}: give exactly one of error and report (an object)"),
        };
        let flag = |key: &str| entry.get(key).and_then(Value::as_bool).unwrap_or(false);
        cases.push(Case {
            about: entry["about"].as_str().unwrap_or_default().to_owned(),
            file,
            generate,
            expect,
            no_terms: entry
                .get("no_terms")
                .and_then(Value::as_array)
                .map(|terms| {
                    terms
                        .iter()
                        .map(|t| t.as_str().expect("no_terms").to_owned())
                        .collect()
                })
                .unwrap_or_default(),
            cli_only: flag("cli_only"),
            text_only: flag("text_only"),
            name,
        });
    }
    let used: std::collections::BTreeSet<PathBuf> =
        cases.iter().filter_map(|c| c.file.clone()).collect();
    for entry in std::fs::read_dir(dir).expect("catalogue directory") {
        let path = entry.expect("directory entry").path();
        let data = path.extension().is_some_and(|e| e == "json" || e == "bin");
        if data && path.file_name() != Some("cases.json".as_ref()) {
            assert!(
                used.contains(&path),
                "{} is in no case of cases.json",
                path.display()
            );
        }
    }
    cases
}

fn side_names() -> [&'static str; 3] {
    ["left", "center", "right"]
}

/// Checks `report` (the report JSON as a value) against the case's expectations and the
/// invariants of every report: every article given is counted and listed once, coverage adds
/// up, terms are at most top_k, best first, not in `no_terms`, and every example sentence,
/// key point and common-ground sentence is quoted exactly from its article. Returns every failure found.
pub fn check_report(case: &Case, story_text: &str, report: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let mut fail = |message: String| failures.push(format!("{}: {message}", case.name));
    if let Expect::Report(checks) = &case.expect {
        for (pointer, expected) in checks {
            match report.pointer(pointer) {
                Some(found) if found == expected => {}
                found => fail(format!("{pointer} is {found:?}, expected {expected}")),
            }
        }
    }
    let story = match bias_compare::parse_json(story_text, "story") {
        Ok(story) => story,
        Err(e) => {
            fail(format!("a report for a story that does not parse: {e}"));
            return failures;
        }
    };
    let given = story["articles"].as_array().map_or(0, Vec::len);
    let coverage = &report["coverage"];
    let total = coverage["total_articles"].as_u64().unwrap_or(u64::MAX) as usize;
    let listed = report["articles"].as_array().map_or(0, Vec::len);
    if total != given || listed != given {
        fail(format!(
            "{given} articles given, {total} counted, {listed} listed"
        ));
    }
    let buckets: u64 = ["left", "center", "right", "unrated"]
        .iter()
        .map(|b| coverage[b]["articles"].as_u64().unwrap_or(0))
        .sum();
    if buckets as usize != given {
        fail(format!("buckets hold {buckets} articles of {given}"));
    }
    let rated: u64 = side_names()
        .iter()
        .map(|b| coverage[b]["articles"].as_u64().unwrap_or(0))
        .sum();
    let shares: f64 = side_names()
        .iter()
        .map(|b| coverage[b]["share"].as_f64().unwrap_or(f64::NAN))
        .sum();
    if rated > 0 && (shares - 1.0).abs() > 0.0002 {
        fail(format!("shares sum to {shares}"));
    }
    // Every id given is listed once (ids are trimmed).
    let mut ids_given: Vec<String> = story["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["id"].as_str())
        .map(|id| id.trim().to_owned())
        .collect();
    let mut ids_listed: Vec<String> = report["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["id"].as_str().map(str::to_owned))
        .collect();
    ids_given.sort_unstable();
    ids_listed.sort_unstable();
    if ids_given != ids_listed {
        fail("the listed article ids are not the ids given".into());
    }
    let by_id: BTreeMap<&str, &Value> = story["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| Some((a["id"].as_str()?.trim(), a)))
        .collect();
    let top_k = report["params"]["top_k"].as_u64().unwrap_or(0) as usize;
    for side in side_names() {
        let terms = report["framing"][side]["terms"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if terms.len() > top_k {
            fail(format!(
                "{side} lists {} terms, top_k is {top_k}",
                terms.len()
            ));
        }
        let zs: Vec<f64> = terms.iter().filter_map(|t| t["z"].as_f64()).collect();
        if zs.windows(2).any(|pair| pair[0] < pair[1]) {
            fail(format!("{side} terms are not sorted by z: {zs:?}"));
        }
        for term in &terms {
            let name = term["term"].as_str().unwrap_or_default();
            if case.no_terms.iter().any(|t| t == name) {
                fail(format!("{side} lists the term {name:?}"));
            }
            for example in term["examples"].as_array().into_iter().flatten() {
                let sentence = example["sentence"].as_str().unwrap_or_default();
                let quoted = sentence.strip_prefix('…').unwrap_or(sentence);
                let quoted = quoted.strip_suffix('…').unwrap_or(quoted);
                let article = example["article"].as_str().and_then(|id| by_id.get(id));
                // Quoted from what a browser shows of the field: markup is not text.
                let shown = |text: &str| {
                    bias_compare::text::without_markup(text).unwrap_or_else(|| text.to_owned())
                };
                let found = article.is_some_and(|a| {
                    ["headline", "text"]
                        .iter()
                        .any(|field| a[field].as_str().is_some_and(|t| shown(t).contains(quoted)))
                });
                if !found {
                    fail(format!(
                        "{side} term {name:?}: example {sentence:?} is not quoted from article {}",
                        example["article"]
                    ));
                }
            }
        }
    }
    // Key points, common ground and emphasis examples are quoted exactly too.
    let mut quotes: Vec<&Value> = Vec::new();
    for side in side_names() {
        quotes.extend(report["key_points"][side].as_array().into_iter().flatten());
    }
    quotes.extend(report["common_ground"].as_array().into_iter().flatten());
    for entry in report["emphasis"].as_array().into_iter().flatten() {
        quotes.extend(entry["examples"].as_array().into_iter().flatten());
    }
    for quote in quotes {
        let sentence = quote["sentence"].as_str().unwrap_or_default();
        let quoted = sentence.strip_prefix('…').unwrap_or(sentence);
        let quoted = quoted.strip_suffix('…').unwrap_or(quoted);
        let article = quote["article"].as_str().and_then(|id| by_id.get(id));
        // Quoted from what a browser shows of the field: markup is not text.
        let shown = |text: &str| {
            bias_compare::text::without_markup(text).unwrap_or_else(|| text.to_owned())
        };
        let found = article.is_some_and(|a| {
            ["headline", "text"]
                .iter()
                .any(|field| a[field].as_str().is_some_and(|t| shown(t).contains(quoted)))
        });
        if !found {
            fail(format!(
                "{sentence:?} is not quoted from article {}",
                quote["article"]
            ));
        }
    }
    failures
}
