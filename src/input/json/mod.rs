//! JSON text from outside — a file, standard input, a CMS field, a JS string — read the same
//! way by every front end, so the CLI and WASM give the same report or the same error for the
//! same text (docs/LIMITS.md):
//!
//! - a leading byte order mark is ignored (RFC 8259 §8.1 allows it; Windows editors write it);
//! - bytes that are not UTF-8 are refused with the offset of the first bad byte
//!   ([`utf8_text`]: the CLI reads files and lines, Python may pass `bytes`);
//! - text longer than [`MAX_STORY_BYTES`] is refused before it is parsed;
//! - an escaped lone UTF-16 surrogate (`"\ud83d"` without its pair, what a JS `substring` cut
//!   through an emoji serializes to) reads as U+FFFD, as a JS string crossing into WASM does;
//! - nesting deeper than 127 arrays or objects is an error at the 128th (serde_json's
//!   recursion limit, kept), so no input can exhaust the stack.
//!
//! The text is parsed by `parse/`, this crate's own parser, into this crate's own
//! [`Value`] (`value.rs`): the values and messages serde_json gave when the project used it,
//! without serde's generic deserializer, `Value` and `Map` in the WASM module.

mod parse;
mod value;

pub use value::{Map, Number, Value};

use crate::error::Error;

/// Most bytes of JSON text a story may have. Room for `MAX_TEXT_BYTES` (28 MiB) of text
/// with escapes, and for `MAX_ARTICLES` articles with ids, sources, URLs and
/// headlines; past it, fields the analysis never reads (unknown keys, huge URLs) would still
/// have to be held in memory.
pub const MAX_STORY_BYTES: usize = 32 * 1024 * 1024;

/// The error for JSON text over [`MAX_STORY_BYTES`], found at `root` (`story`, `options`).
pub fn json_too_large(root: &str) -> Error {
    Error::at(
        root,
        format!("larger than {} MiB of JSON", MAX_STORY_BYTES >> 20),
    )
}

/// `bytes` as UTF-8 text, or the error naming `root` and the offset of the first byte that is
/// not UTF-8: `story: not valid UTF-8 (invalid byte at offset 61)`.
pub fn utf8_text<'a>(bytes: &'a [u8], root: &str) -> Result<&'a str, Error> {
    std::str::from_utf8(bytes).map_err(|e| {
        Error::at(
            root,
            format!(
                "not valid UTF-8 (invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    })
}

/// Parses JSON text as every front end must (see the module documentation). Errors are
/// reported at `root`: `story: not valid JSON: EOF while parsing … at line 1 column 14`.
pub fn parse_json(text: &str, root: &str) -> Result<Value, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_STORY_BYTES {
        return Err(json_too_large(root));
    }
    parse::parse(text)
        .map_err(|syntax| Error::at(root, format!("not valid JSON: {}", syntax.message(text))))
}

/// A value built with serde_json's `json!` (a dev-dependency), for the unit tests.
#[cfg(test)]
pub(crate) fn from_serde(value: serde_json::Value) -> Value {
    match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(b),
        serde_json::Value::Number(n) => Value::Number(match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Number::Unsigned(u),
            (None, Some(i)) => Number::Negative(i),
            _ => Number::Float(n.as_f64().unwrap_or(0.0)),
        }),
        serde_json::Value::String(s) => Value::String(s),
        serde_json::Value::Array(items) => {
            Value::Array(items.into_iter().map(from_serde).collect())
        }
        serde_json::Value::Object(object) => Value::Object(Map::from_members(
            object
                .into_iter()
                .map(|(k, v)| (k, from_serde(v)))
                .collect(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn string(json: &str) -> String {
        parse_json(json, "story")
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn lone_surrogates_read_as_replacement_characters() {
        assert_eq!(string(r#""a\ud83db""#), "a\u{fffd}b");
        assert_eq!(string(r#""a\udE00""#), "a\u{fffd}");
        assert_eq!(string(r#""\ud83d\ud83d\ude00""#), "\u{fffd}😀");
        assert_eq!(string(r#""\ude00\ud83d""#), "\u{fffd}\u{fffd}");
        assert_eq!(string(r#""\ud83d\u0041""#), "\u{fffd}A");
    }

    #[test]
    fn pairs_and_escaped_backslashes_are_left_alone() {
        assert_eq!(string(r#""\ud83d\ude00""#), "😀");
        assert_eq!(string(r#""\\ud83d""#), "\\ud83d");
        assert_eq!(string(r#""\\\ud83d""#), "\\\u{fffd}");
        assert_eq!(string(r#""\u00e9\"""#), "é\"");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_with_the_offset_of_the_first_bad_byte() {
        assert_eq!(utf8_text(b"{\"a\": 1}", "story"), Ok("{\"a\": 1}"));
        assert_eq!(
            utf8_text(b"{\"a\": \"caf\xe9\"}", "story")
                .unwrap_err()
                .to_string(),
            "story: not valid UTF-8 (invalid byte at offset 10)"
        );
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        assert_eq!(string("\u{feff}\"x\""), "x");
    }

    #[test]
    fn malformed_escapes_stay_errors_with_their_position() {
        let error = parse_json(r#"{"a": "\u12"}"#, "story").unwrap_err();
        assert!(
            error.to_string().starts_with("story: not valid JSON: "),
            "{error}"
        );
        assert!(parse_json("\"\\", "story").is_err());
        assert!(parse_json("\"\\u", "story").is_err());
        assert!(parse_json("\"\\ud800\\u", "story").is_err());
        assert!(parse_json("\"\\é\\ud800\"", "story").is_err());
        assert!(parse_json("\"\\\u{1F600}\\ud800\"", "story").is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        let error = parse_json(&deep, "story").unwrap_err().to_string();
        assert!(
            error.starts_with("story: not valid JSON: recursion limit exceeded"),
            "{error}"
        );
    }

    #[test]
    fn oversized_text_is_refused_before_parsing() {
        let big = " ".repeat(MAX_STORY_BYTES + 1);
        assert_eq!(
            parse_json(&big, "story").unwrap_err().to_string(),
            "story: larger than 32 MiB of JSON"
        );
    }
}
