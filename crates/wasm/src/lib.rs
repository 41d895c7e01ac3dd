//! The WebAssembly boundary, and nothing else: JS values in, the library's report out, every
//! error through [`into_error`]. The report crosses as the library's own JSON text parsed by
//! `JSON.parse`, so `JSON.stringify(report, null, 2)` is byte for byte the CLI's output.

use bias_compare::{analyze, Options, Story};
use wasm_bindgen::prelude::*;

/// Turns a library error into the JS `Error` whose message is the SPEC §1 message.
fn into_error(error: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&error.to_string()).into()
}

/// A JS value as JSON: strings are parsed as JSON text, anything else is converted.
fn to_json_value(value: JsValue, root: &str) -> Result<serde_json::Value, JsValue> {
    if let Some(text) = value.as_string() {
        return serde_json::from_str(&text)
            .map_err(|e| into_error(format!("{root}: not valid JSON: {e}")));
    }
    if value.is_undefined() {
        return Ok(serde_json::Value::Null);
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| into_error(format!("{root}: {e}")))
}

/// `analyze(story, options?)`: the report object of SPEC §2, or a thrown `Error`.
///
/// `story` is a story object or its JSON text; `options` may hold `maxNgram`, `priorScale`,
/// `zMin`, `minCount`, `top` and `ratings`.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_story(story: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    console_error_panic_hook::set_once();
    let options = Options::from_value(&to_json_value(options, "options")?).map_err(into_error)?;
    let story = Story::from_value(&to_json_value(story, "story")?).map_err(into_error)?;
    let report = analyze(&story, &options).map_err(into_error)?;
    js_sys::JSON::parse(&report.to_json())
}

/// The version of the analysis library.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
