//! The WebAssembly boundary, and nothing else: JS values in, the library's report out, every
//! error through [`into_error`]. The report crosses as JSON text parsed by `JSON.parse`, so
//! `JSON.stringify(report, null, 2)` is byte for byte the CLI's output. The text is compact,
//! not indented as [`bias_compare::Report::to_json`] writes it: the same values, in 30% fewer
//! bytes to write, decode and parse.
//!
//! The lexicons of the language section are not compiled in (they would not fit the widget's
//! size budget): the worker fetches them once, as a separate file, and hands them over with
//! [`set_lexicons`]. Until then, or with `language: false`, reports carry `language: null`
//! (with a warning when the section was asked for).
//!
//! No panic hook: the library does not panic on any input (fuzzed, docs/LIMITS.md), a hook
//! would only add a console line before the `RuntimeError: unreachable` that `analyze` throws
//! anyway, and it costs about 1 KB of the widget's 120 KB gzip budget.

use std::cell::RefCell;

use bias_compare::{analyze_with_lexicons, json, Lexicons, OptionName, Options, Story};
use wasm_bindgen::prelude::*;

thread_local! {
    /// The lexicons given by `setLexicons`, for every later analysis.
    static LEXICONS: RefCell<Option<Lexicons>> = const { RefCell::new(None) };
}

/// Turns a library error into the JS `Error` whose message is the library's `<json path>: <problem>` message.
fn into_error(error: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&error.to_string()).into()
}

/// The first line of a thrown JS value's message.
fn js_message(thrown: &JsValue) -> String {
    let message = match thrown.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => thrown.as_string().unwrap_or_else(|| "unknown error".into()),
    };
    message.lines().next().unwrap_or_default().to_owned()
}

/// A JS value as JSON: strings are parsed as JSON text, anything else is first turned into
/// JSON text by `JSON.stringify`. Not walked from Rust: a cyclic or very deeply nested
/// object would overflow the WASM stack and trap, leaving the module unusable for every
/// later call. `JSON.stringify` throws a clean `TypeError`/`RangeError` instead, escapes
/// lone surrogates, honours `toJSON` (dates), and the text then meets the same parser and
/// limits as the CLI's (`bias_compare::parse_json`), so both give the same bytes.
fn to_json_value(value: JsValue, root: &str) -> Result<json::Value, JsValue> {
    if value.is_undefined() {
        return Ok(json::Value::Null);
    }
    let text = match value.dyn_ref::<js_sys::JsString>() {
        Some(text) => utf8_of(text),
        None => {
            let json = js_sys::JSON::stringify(&value).map_err(|thrown| {
                into_error(format!(
                    "{root}: cannot be read as JSON: {}",
                    js_message(&thrown)
                ))
            })?;
            if !json.is_string() {
                let kind = value.js_typeof().as_string().unwrap_or_default();
                return Err(into_error(format!(
                    "{root}: cannot be read as JSON: a {kind}"
                )));
            }
            utf8_of(&json)
        }
    };
    bias_compare::parse_json(&text, root).map_err(into_error)
}

/// A JS string as UTF-8, copied in pieces of 64 Ki code units, then joined into a string of
/// exactly the right size. Copied whole, wasm-bindgen reserves three bytes a code unit from
/// the first non-ASCII character on: 84 MB for a 28 MB story, and a module's memory never
/// shrinks. The pieces are kept until joined, rather than measured in a first pass and
/// copied in a second, so that each is encoded once: pieces and joined string briefly take
/// twice the story's size, less than its analysis takes later (the 28 MB story's memory
/// peak is unchanged). Lone surrogates become U+FFFD, as they do when copied whole, because
/// no piece ends between the two halves of a pair.
fn utf8_of(text: &js_sys::JsString) -> String {
    const PIECE: u32 = 1 << 16;
    let units = text.length();
    if units <= PIECE {
        return String::from(text);
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < units {
        let mut end = (start + PIECE).min(units);
        if end < units && (0xD800..0xDC00).contains(&(text.char_code_at(end - 1) as u32)) {
            end -= 1;
        }
        pieces.push(String::from(text.slice(start, end)));
        start = end;
    }
    pieces.concat()
}

/// The options object: read as JSON like the story, then its numbers JSON cannot carry (NaN,
/// ±Infinity, which `JSON.stringify` writes as `null`) handed to the library's setter, so
/// they are refused with the message a CLI flag gets rather than silently ignored.
fn read_options(value: JsValue) -> Result<Options, JsValue> {
    let mut options =
        Options::from_value(&to_json_value(value.clone(), "options")?).map_err(into_error)?;
    if value.is_object() && !value.is_string() {
        for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
            let pair: js_sys::Array = entry.unchecked_into();
            let (key, number) = (pair.get(0).as_string(), pair.get(1).as_f64());
            if let (Some(key), Some(number)) = (key, number) {
                match OptionName::from_js_name(&key) {
                    Some(name) if !number.is_finite() => {
                        options.set_number(name, number).map_err(into_error)?;
                    }
                    _ => {}
                }
            }
        }
    }
    Ok(options)
}

/// `analyze(story, options?)`: the report object of docs/REPORT.md, or a thrown `Error`.
///
/// `story` is a story object or its JSON text; `options` is the options object of
/// docs/CLI.md ("Options"; the library's `OptionName::ALL`).
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_story(story: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = read_options(options)?;
    let story = Story::from_value(to_json_value(story, "story")?).map_err(into_error)?;
    let report = LEXICONS
        .with(|lexicons| analyze_with_lexicons(&story, &options, lexicons.borrow().as_ref()))
        .map_err(into_error)?;
    js_sys::JSON::parse(&report.to_compact_json())
}

/// `setLexicons(text)`: reads the lexicons (`bias-compare-lexicons.txt`) for every later
/// analysis, or throws an `Error` naming the line at fault (the lexicons in use stay).
#[wasm_bindgen(js_name = setLexicons)]
pub fn set_lexicons(text: &str) -> Result<(), JsValue> {
    let lexicons = Lexicons::parse(text).map_err(into_error)?;
    LEXICONS.with(|cell| *cell.borrow_mut() = Some(lexicons));
    Ok(())
}

/// `explain(story, options, side, term)`: one term of one side taken apart (docs/REPORT.md,
/// "Explaining a term"), or a thrown `Error`. Only in the classroom's module (the `explain`
/// feature): it would add some 8.7 KB gzip to the widget's, past its budget.
#[cfg(feature = "explain")]
#[wasm_bindgen(js_name = explain)]
pub fn explain_term(
    story: JsValue,
    options: JsValue,
    side: &str,
    term: &str,
) -> Result<JsValue, JsValue> {
    let options = read_options(options)?;
    let story = Story::from_value(to_json_value(story, "story")?).map_err(into_error)?;
    let explanation = bias_compare::explain(&story, &options, side, term).map_err(into_error)?;
    js_sys::JSON::parse(&explanation.to_compact_json())
}

/// The version of the analysis library.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
