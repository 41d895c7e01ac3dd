//! The JSON parser and its `Value` against serde_json 1.0.154 as the oracle (docs/STORY.md,
//! "Reading the JSON text"): every text gives the value serde_json gives (numbers compared bit
//! for bit: `u64`, `i64` or `f64`, and `-0.0` is not `0.0`; object members in serde_json's
//! order, a repeated key's last value kept), or the error serde_json gives, word for word at
//! the same line and column. The oracle is how `parse_json` read text before it had its own
//! parser: the byte order mark stripped, each escaped lone surrogate rewritten `\uFFFD`, then
//! `serde_json::from_str::<Value>`.
//!
//! Checked on every story file the project has (the catalogue, generated cases included, the
//! samples, the test data), on the edge cases of tests/data/json-edge-cases.txt, and on
//! generated texts: valid documents of every shape, numbers of every form, strings with every
//! escape, nesting around the recursion limit, and truncated, mutated and random ones.
//!
//! `PROPTEST_CASES` raises the number of generated cases for a longer run.

#[path = "catalogue/harness.rs"]
mod harness;

use std::borrow::Cow;
use std::path::Path;

use bias_compare::json::{self, Number};
use bias_compare::parse_json;
use proptest::prelude::*;
use serde_json::Value;

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

/// What serde_json makes of `text`, as `parse_json` used to call it.
fn oracle(text: &str) -> Result<Value, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > bias_compare::MAX_STORY_BYTES {
        return Err("story: larger than 32 MiB of JSON".into());
    }
    serde_json::from_str::<Value>(&lone_surrogates_replaced(text))
        .map_err(|e| format!("story: not valid JSON: {e}"))
}

/// `text` with every `\uXXXX` escape of an unpaired surrogate turned into `\uFFFD` (what
/// `parse_json` did before parsing, before it had its own parser).
fn lone_surrogates_replaced(text: &str) -> Cow<'_, str> {
    fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
        let digits = bytes.get(at..at + 4)?;
        digits.iter().try_fold(0u32, |value, &digit| {
            Some(value * 16 + char::from(digit).to_digit(16)?)
        })
    }
    const SURROGATES: std::ops::Range<u32> = 0xD800..0xE000;
    const HIGH: std::ops::Range<u32> = 0xD800..0xDC00;
    const LOW: std::ops::Range<u32> = 0xDC00..0xE000;
    let bytes = text.as_bytes();
    let mut fixed: Option<Vec<u8>> = None;
    let mut i = 0;
    loop {
        while i < text.len() && !text.is_char_boundary(i) {
            i += 1;
        }
        let Some(offset) = text.get(i..).and_then(|rest| rest.find('\\')) else {
            break;
        };
        i += offset;
        let unit = match (bytes.get(i + 1), hex4(bytes, i + 2)) {
            (Some(b'u'), Some(unit)) => unit,
            _ => {
                i += 2;
                continue;
            }
        };
        let paired = HIGH.contains(&unit)
            && bytes.get(i + 6..i + 8) == Some(b"\\u")
            && hex4(bytes, i + 8).is_some_and(|low| LOW.contains(&low));
        if paired {
            i += 12;
            continue;
        }
        if SURROGATES.contains(&unit) {
            fixed.get_or_insert_with(|| bytes.to_vec())[i + 2..i + 6].copy_from_slice(b"FFFD");
        }
        i += 6;
    }
    match fixed {
        None => Cow::Borrowed(text),
        Some(bytes) => Cow::Owned(String::from_utf8(bytes).expect("hex digits for hex digits")),
    }
}

/// Whether the parser's value is serde_json's: the same kinds, numbers bit for bit (a `u64`,
/// a negative `i64` or an `f64` alike, and `-0.0` is not `0.0`), object members in the same
/// order (serde_json's: by key) with each key once.
fn same(ours: &json::Value, theirs: &Value) -> bool {
    match (ours, theirs) {
        (json::Value::Null, Value::Null) => true,
        (json::Value::Bool(a), Value::Bool(b)) => a == b,
        (json::Value::Number(n), Value::Number(y)) => match *n {
            Number::Unsigned(u) => y.as_u64() == Some(u),
            Number::Negative(i) => i < 0 && y.as_i64() == Some(i),
            Number::Float(f) => y.is_f64() && y.as_f64().map(f64::to_bits) == Some(f.to_bits()),
        },
        (json::Value::String(a), Value::String(b)) => a == b,
        (json::Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (json::Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((k, x), (l, y))| k == l && same(x, y))
        }
        _ => false,
    }
}

/// `None` when `parse_json` agrees with the oracle on `text`, else what each gave.
fn disagreement(text: &str) -> Option<String> {
    let ours = parse_json(text, "story").map_err(|e| e.to_string());
    let theirs = oracle(text);
    let agree = match (&ours, &theirs) {
        (Ok(a), Ok(b)) => same(a, b),
        (Err(a), Err(b)) => a == b,
        _ => false,
    };
    let shown = |r: String| -> String {
        let mut s = r;
        s.truncate(600);
        s
    };
    (!agree).then(|| {
        let mut input = format!("{text:?}");
        input.truncate(600);
        format!(
            "{input}\n  ours:       {}\n  serde_json: {}",
            shown(format!("{ours:?}")),
            shown(format!("{theirs:?}"))
        )
    })
}

fn assert_agree(texts: impl IntoIterator<Item = (String, String)>) -> usize {
    let mut checked = 0;
    let mut failures = Vec::new();
    for (name, text) in texts {
        checked += 1;
        if let Some(problem) = disagreement(&text) {
            failures.push(format!("{name}: {problem}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    checked
}

fn json_files(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a UTF-8 story file");
            (path.display().to_string(), text)
        })
        .collect()
}

#[test]
fn every_story_file_parses_as_serde_json_parses_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for dir in ["tests/catalogue", "www/samples", "tests/data"] {
        texts.extend(json_files(&root.join(dir)));
    }
    for case in harness::load(&root.join("tests/catalogue")) {
        if case.is_generated() {
            let text = String::from_utf8(case.bytes()).expect("generated text");
            texts.push((case.name, text));
        }
    }
    assert!(texts.len() > 100, "only {} files", texts.len());
    assert_agree(texts);
}

#[test]
fn every_edge_case_parses_as_serde_json_parses_it() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/json-edge-cases.txt");
    let cases = std::fs::read_to_string(&path).expect("json-edge-cases.txt");
    let mut texts = Vec::new();
    for (n, line) in cases.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        // `⏎` in the file stands for a newline, `␉` for a tab.
        let text = line.replace('⏎', "\n").replace('␉', "\t");
        let name = format!("json-edge-cases.txt:{}", n + 1);
        // Alone, inside an array, as an object's value, cut short, and on a second line.
        texts.push((name.clone(), text.clone()));
        texts.push((name.clone(), format!("[{text}]")));
        texts.push((name.clone(), format!("[1, {text} ,2]")));
        texts.push((name.clone(), format!("{{\"k\":{text}}}")));
        texts.push((name.clone(), format!(" \n  {text}\n")));
        for (cut, _) in text.char_indices() {
            texts.push((name.clone(), format!("{{\"k\": [{}", &text[..cut])));
        }
    }
    assert!(assert_agree(texts) > 1000);
}

/// The recursion limit: 127 arrays or objects deep is allowed, the 128th is an error at its
/// own position, whatever the mix of arrays and objects, closed or not.
#[test]
fn nesting_around_the_limit_parses_as_serde_json_parses_it() {
    let mut texts = Vec::new();
    for depth in 120..=132 {
        for pattern in 0..4 {
            let mut open = String::new();
            let mut close = String::new();
            for level in 0..depth {
                let object = match pattern {
                    0 => false,
                    1 => true,
                    2 => level % 2 == 1,
                    _ => level % 3 == 0,
                };
                if object {
                    open.push_str("{\"k\": ");
                    close.insert(0, '}');
                } else {
                    open.push_str("[ ");
                    close.insert(0, ']');
                }
            }
            let name = format!("depth {depth}, pattern {pattern}");
            texts.push((name.clone(), format!("{open}1{close}")));
            texts.push((name.clone(), format!("{open}[]{close}")));
            texts.push((name.clone(), format!("{open}{close}")));
            texts.push((name.clone(), format!("{open}1")));
            texts.push((name.clone(), format!("{open}1{close}]")));
            texts.push((name, format!("[0, {open}\"x\"{close}, {open}1{close}]")));
        }
    }
    assert_agree(texts);
}

/// Whitespace between tokens: the four JSON allows, and characters it does not.
fn space() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => Just(String::new()),
        4 => prop::sample::select(vec![" ", "\n", "\t", "\r", "\r\n", "  \n\t ", "\n\n\n    "])
            .prop_map(str::to_owned),
        1 => prop::sample::select(vec!["\u{a0}", "\u{c}", "\u{b}", "\u{feff}", "\u{2028}", "/* */"])
            .prop_map(str::to_owned),
    ]
}

fn valid_space() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["", "", "", " ", "\n", "\t", "\r\n", "  \n\t "])
        .prop_map(str::to_owned)
}

/// Numbers of every form: integers up to and past `u64` and `i64`, `-0`, fractions and
/// exponents short and long, huge and tiny, around the `i32` exponent overflow.
fn valid_number() -> impl Strategy<Value = String> {
    let integer = prop_oneof![
        2 => Just("0".to_owned()),
        4 => "[1-9][0-9]{0,5}",
        2 => "[1-9][0-9]{14,22}",
        1 => "[1-9][0-9]{23,60}",
        2 => prop::sample::select(vec![
            "9007199254740991", "9007199254740992", "9007199254740993",
            "9223372036854775807", "9223372036854775808", "9223372036854775809",
            "18446744073709551615", "18446744073709551616", "18446744073709551617",
            "1844674407370955161", "1844674407370955162", "99999999999999999999",
            "184467440737095516150", "100000000000000000000000",
        ]).prop_map(str::to_owned),
    ];
    let fraction = prop_oneof![
        4 => Just(String::new()),
        3 => "\\.[0-9]{1,6}",
        2 => "\\.[0-9]{15,25}",
        1 => "\\.[0-9]{26,70}",
        1 => "\\.0{1,40}[1-9]{0,6}",
        1 => "\\.9{1,30}",
    ];
    let exponent = prop_oneof![
        4 => Just(String::new()),
        3 => "[eE][+-]?[0-9]{1,3}",
        2 => "[eE][+-]?(2[0-9]|30[0-9]|31[0-9]|32[0-9]|33[0-9])",
        1 => "[eE][+-]?0{0,20}[0-9]{1,4}",
        1 => "[eE][+-]?(2147483647|2147483648|2147483646|21474836470|[0-9]{10,14})",
    ];
    (
        prop::sample::select(vec!["", "", "-"]),
        integer,
        fraction,
        exponent,
    )
        .prop_map(|(sign, integer, fraction, exponent)| {
            format!("{sign}{integer}{fraction}{exponent}")
        })
}

/// Number-like text, mostly not JSON: leading zeros, bare signs and points, cut exponents.
fn any_number() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => valid_number(),
        2 => "[-+]?[0-9]{0,3}\\.?[0-9]{0,3}([eE][-+]?[0-9]{0,3})?[.eE+-]?",
        1 => "-?0[0-9]{1,3}(\\.[0-9])?",
        1 => prop::sample::select(vec![
            "-", "--1", "+1", ".5", "1.", "1.e5", "1e", "1e+", "1E-", "-.", "0x10", "1_000",
            "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1e-400", "0e999999999999",
            "4.9e-324", "2.4e-324", "2.5e-324", "1.7976931348623157e308", "1.7976931348623159e308",
            "0.1e-2147483648", "1e-2147483649", "123456789012345678901234567890e-2147483640",
        ]).prop_map(str::to_owned),
    ]
}

/// A piece of a valid string: text, every escape, `\u` escapes of any code unit, surrogate
/// pairs, lone and reversed surrogates (which read as U+FFFD).
fn valid_string_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z0-9 .,;:'!?()/-]{1,12}",
        2 => prop::sample::select(vec![
            "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "é", "😀", "会谈", "\u{7f}",
            "\u{fffd}", "\u{2028}", "\\u0000", "\\u001f", "\\u00e9", "\\uFFFF", "\\ufeff",
            "\\ud83d\\ude00", "\\uD83D\\uDE00", "\\udbff\\udfff", "\\ud800\\udc00", "\\ud83d",
            "\\ude00", "\\ude00\\ud83d", "\\ud83d\\ud83d\\ude00", "\\ud83d\\u0041",
            "\\ud83d\\n", "\\ud83d\\\\ude00", "\\\\ud83d", "\\\\\\ud83d",
        ]).prop_map(str::to_owned),
        1 => "\\\\u[0-9a-fA-F]{4}",
        1 => "\\\\u[dD][89abAB][0-9a-fA-F]{2}(\\\\u[dD][c-fC-F][0-9a-fA-F]{2})?",
        1 => "[^\"\\\\\\x00-\\x1f]{1,4}",
    ]
}

/// A piece of an invalid string: raw control characters, bad and cut escapes.
fn bad_string_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "\u{0}",
            "\u{1}",
            "\t",
            "\n",
            "\r",
            "\u{1f}",
            "\\x",
            "\\é",
            "\\😀",
            "\\u",
            "\\u1",
            "\\u12",
            "\\u123",
            "\\uZZZZ",
            "\\u12G4",
            "\\U0041",
            "\\ud83d\\u",
            "\\ud83d\\u12",
            "\\ud83d\\uzzzz",
            "\\ud83d\\",
            "\\ud83d\\x",
            "\\",
            "\\u{41}",
            "\\'",
            "\\0",
        ])
        .prop_map(str::to_owned),
        "\\\\u[0-9a-fA-F]{0,3}[^0-9a-fA-F]",
    ]
}

fn valid_string() -> impl Strategy<Value = String> {
    prop::collection::vec(valid_string_piece(), 0..8)
        .prop_map(|pieces| format!("\"{}\"", pieces.concat()))
}

fn any_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![5 => valid_string_piece(), 1 => bad_string_piece()];
    (
        prop::collection::vec(piece, 0..8),
        prop::bool::weighted(0.9),
    )
        .prop_map(|(pieces, closed)| {
            format!("\"{}{}", pieces.concat(), if closed { "\"" } else { "" })
        })
}

/// Object keys: a few that repeat (duplicates: the last wins), and any string.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => prop::sample::select(vec!["\"a\"", "\"b\"", "\"id\"", "\"a\\u0062\"", "\"ab\"", "\"\"", "\"\\ud83d\""])
            .prop_map(str::to_owned),
        1 => valid_string(),
    ]
}

/// A valid JSON document of any shape, with whitespace between its tokens.
fn valid_document() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        1 => prop::sample::select(vec!["null", "true", "false"]).prop_map(str::to_owned),
        2 => valid_number(),
        2 => valid_string(),
    ];
    let value = leaf.prop_recursive(6, 80, 8, |inner| {
        prop_oneof![
            prop::collection::vec((valid_space(), inner.clone(), valid_space()), 0..8).prop_map(
                |items| {
                    let items: Vec<String> = items
                        .into_iter()
                        .map(|(a, v, b)| format!("{a}{v}{b}"))
                        .collect();
                    format!("[{}]", items.join(","))
                }
            ),
            prop::collection::vec(
                (
                    valid_space(),
                    key(),
                    valid_space(),
                    valid_space(),
                    inner,
                    valid_space()
                ),
                0..8
            )
            .prop_map(|members| {
                let members: Vec<String> = members
                    .into_iter()
                    .map(|(a, k, b, c, v, d)| format!("{a}{k}{b}:{c}{v}{d}"))
                    .collect();
                format!("{{{}}}", members.join(","))
            }),
        ]
    });
    (
        valid_space(),
        value,
        valid_space(),
        prop::bool::weighted(0.05),
    )
        .prop_map(|(a, v, b, bom)| format!("{}{a}{v}{b}", if bom { "\u{feff}" } else { "" }))
}

/// JSON tokens and near-tokens, for random and mutated texts.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(vec![
            "[", "]", "{", "}", ",", ":", "\"", "\\", "\"a\"", "\"k\":", "null", "true", "false",
            "nul", "tru", "fals", "nulll", "True", "n", "t", "f", "0", "1", "-", "+", ".", "e",
            "E", "12", "-0", "1.5", "1e5", "\"\\u", "\\u", "d83d", "dc00", "\\ud83d", "\\ude00",
            " ", "\n", "\t", "\r", ",]", ",}", "[]", "{}", "é", "😀", "\u{0}", "\u{1f}", "//",
            "/*", "'", "NaN", "\u{feff}", "\u{a0}",
        ]).prop_map(str::to_owned),
        2 => any_number(),
        2 => any_string(),
        1 => space(),
    ]
}

/// A valid document with a few tokens inserted, characters deleted, or the end cut off.
fn mutated_document() -> impl Strategy<Value = String> {
    let edit = (0..3u8, any::<prop::sample::Index>(), token());
    (valid_document(), prop::collection::vec(edit, 1..4)).prop_map(|(mut text, edits)| {
        for (kind, at, token) in edits {
            let boundaries: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            let at = boundaries[at.index(boundaries.len())];
            match kind {
                0 => text.insert_str(at, &token),
                1 => {
                    if let Some(c) = text[at..].chars().next() {
                        text.replace_range(at..at + c.len_utf8(), "");
                    }
                }
                _ => text.truncate(at),
            }
        }
        text
    })
}

proptest! {
    #![proptest_config(config(3000))]

    #[test]
    fn valid_documents_parse_as_serde_json_parses_them(text in valid_document()) {
        let outcome = disagreement(&text);
        prop_assert!(outcome.is_none(), "{}", outcome.unwrap_or_default());
    }

    #[test]
    fn numbers_parse_as_serde_json_parses_them(
        number in any_number(),
        before in space(),
        after in prop::sample::select(vec!["", " ", "]", ",", "}", "x", "\"", "\n", ".", "e", "-"]),
    ) {
        for text in [
            format!("{before}{number}{after}"),
            format!("[{before}{number}{after}"),
            format!("[{before}{number}{after}]"),
            format!("{{\"n\":{before}{number}{after}}}"),
        ] {
            let outcome = disagreement(&text);
            prop_assert!(outcome.is_none(), "{}", outcome.unwrap_or_default());
        }
    }

    #[test]
    fn strings_parse_as_serde_json_parses_them(string in any_string(), after in space()) {
        for text in [
            format!("{string}{after}"),
            format!("[{string}{after}]"),
            format!("{{{string}{after}:1}}"),
            format!("{{\"k\":{string}{after}}}"),
        ] {
            let outcome = disagreement(&text);
            prop_assert!(outcome.is_none(), "{}", outcome.unwrap_or_default());
        }
    }

    #[test]
    fn mutated_documents_parse_as_serde_json_parses_them(text in mutated_document()) {
        let outcome = disagreement(&text);
        prop_assert!(outcome.is_none(), "{}", outcome.unwrap_or_default());
    }

    #[test]
    fn random_token_sequences_parse_as_serde_json_parses_them(
        tokens in prop::collection::vec(token(), 0..30),
    ) {
        let text = tokens.concat();
        let outcome = disagreement(&text);
        prop_assert!(outcome.is_none(), "{}", outcome.unwrap_or_default());
    }

    #[test]
    fn any_string_parses_as_serde_json_parses_it(text in any::<String>()) {
        let outcome = disagreement(&text);
        prop_assert!(outcome.is_none(), "{}", outcome.unwrap_or_default());
    }

    #[test]
    fn deep_documents_parse_as_serde_json_parses_them(
        depth in 100usize..140,
        kinds in prop::collection::vec(any::<bool>(), 140),
        inner in prop_oneof![valid_document(), any_number(), any_string()],
        closed in 0usize..150,
    ) {
        let mut open = String::new();
        let mut close = Vec::new();
        for &object in &kinds[..depth] {
            open.push_str(if object { "{\"k\":" } else { "[" });
            close.push(if object { '}' } else { ']' });
        }
        let close: String = close.iter().rev().take(closed).collect();
        let text = format!("{open}{inner}{close}");
        let outcome = disagreement(&text);
        prop_assert!(outcome.is_none(), "{}", outcome.unwrap_or_default());
    }
}
