//! The Python boundary, and nothing else: Python values in, the library's report out as
//! compact JSON text (`bias_compare.analyze` parses it with `json.loads`), every error
//! through one conversion, [`Bad::raise`], into `bias_compare.InputError(path, message)`
//! (docs/PYTHON.md).
//!
//! A story given as `str` or `bytes` is JSON text and is read exactly as the CLI reads a
//! file. A `dict` is first written as JSON text by [`write_json`] and then read the same way,
//! as the WebAssembly shell reads a JS object through `JSON.stringify`: the same parser,
//! limits and messages, and the walk that writes the text can neither recurse without bound
//! nor loop on an object that contains itself. The analysis runs with the interpreter
//! released, so Python threads score stories in parallel.

use bias_compare::{
    analyze, json_too_large, parse_json, utf8_text, Error, OptionName, Options, Story,
    MAX_STORY_BYTES,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType,
};

/// The keyword that sets each option in Python: its name in the WASM options object in
/// snake case (`zMin` → `z_min`), which is the CLI's flag without `--`, `-` as `_`
/// (docs/CLI.md, "Options"). Derived, not listed, so every option of [`OptionName::ALL`]
/// has one. Errors about an option name it by its keyword.
fn keyword(option: OptionName) -> String {
    let mut keyword = String::new();
    for c in option.js_name().chars() {
        if c.is_ascii_uppercase() {
            keyword.push('_');
        }
        keyword.push(c.to_ascii_lowercase());
    }
    keyword
}

/// A path the library gives inside the options object (`options.ratings["X"]`) as Python
/// names it, from the keyword (`ratings["X"]`); any other path unchanged.
fn keyword_path(path: &str) -> String {
    let inside = path.strip_prefix("options.").and_then(|rest| {
        OptionName::ALL.into_iter().find_map(|name| {
            let tail = rest.strip_prefix(name.js_name())?;
            (tail.is_empty() || tail.starts_with(['.', '['])).then(|| keyword(name) + tail)
        })
    });
    inside.unwrap_or_else(|| path.to_owned())
}

/// Bad input: the JSON path (or keyword) at fault and the problem, as `InputError` carries them.
struct Bad {
    path: String,
    message: String,
}

impl From<Error> for Bad {
    /// A library error; one about an option is named by the option's keyword.
    fn from(error: Error) -> Bad {
        let path = match error.option_name() {
            Some(option) => keyword(option),
            None => keyword_path(error.path()),
        };
        Bad {
            path,
            message: error.message().to_owned(),
        }
    }
}

impl Bad {
    fn at(path: &str, message: impl Into<String>) -> Bad {
        Bad {
            path: if path.is_empty() { "story" } else { path }.to_owned(),
            message: message.into(),
        }
    }

    /// The one error conversion: `bias_compare.InputError(path, message)`, a `ValueError`.
    fn raise(self, py: Python<'_>) -> PyErr {
        static INPUT_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        let error = INPUT_ERROR
            .import(py, "bias_compare", "InputError")
            .and_then(|class| class.call1((self.path, self.message)));
        match error {
            Ok(error) => PyErr::from_value(error),
            Err(error) => error,
        }
    }
}

/// Deeper than this, the walk stops writing: the library's parser refuses nesting past 128
/// levels anyway, with its own message at the same place in the text. (A value both too
/// deep and over the size limit is reported as too deep; its JSON text would be refused as
/// too large first.)
const MAX_DEPTH: usize = 200;

/// Where a value is, for an error message; written out as a path only when one is needed.
enum Place<'a> {
    /// The value given: `""` for the story (whose errors are at `story`), or the keyword.
    Root(&'a str),
    Key(&'a Place<'a>, &'a str),
    Index(&'a Place<'a>, usize),
}

impl Place<'_> {
    /// The library's path style: `articles[0].id`, `ratings["Other Herald"]`, `story`.
    fn path(&self) -> String {
        match self {
            Place::Root(root) => root.to_string(),
            Place::Key(parent, key) => {
                let parent = parent.path();
                let plain = key
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || c == '_')
                    && key.chars().all(|c| c.is_alphanumeric() || c == '_');
                match (plain, parent.is_empty()) {
                    (true, true) => key.to_string(),
                    (true, false) => format!("{parent}.{key}"),
                    (false, _) => format!("{parent}[{}]", json_string(key)),
                }
            }
            Place::Index(parent, i) => match parent.path() {
                parent if parent.is_empty() => format!("story[{i}]"),
                parent => format!("{parent}[{i}]"),
            },
        }
    }
}

fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// A Python `str` as Rust text. A lone surrogate (from `surrogateescape`, or half of an
/// emoji cut in two) becomes U+FFFD, as an escaped one does in JSON text and as a JS
/// string's does when it crosses into WebAssembly; a surrogate pair becomes its character.
fn text_of(string: &Bound<'_, PyString>) -> PyResult<String> {
    if let Ok(text) = string.to_str() {
        return Ok(text.to_owned());
    }
    let utf16 = string.call_method1("encode", ("utf-16-le", "surrogatepass"))?;
    let bytes = utf16.cast::<PyBytes>()?.as_bytes();
    let units = bytes
        .chunks_exact(2)
        .map(|p| u16::from_le_bytes([p[0], p[1]]));
    Ok(char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect())
}

/// Why writing a value as JSON text stopped.
enum Stop {
    /// The value cannot be JSON.
    Bad(Bad),
    /// Its text would pass the library's limit on JSON text.
    TooLarge,
    /// Nested deeper than the library's parser accepts: the text written so far is enough
    /// for the parser to refuse it, with its own message.
    TooDeep,
}

impl From<PyErr> for Stop {
    fn from(error: PyErr) -> Stop {
        Stop::Bad(Bad::at("", format!("cannot be read as JSON: {error}")))
    }
}

/// Writes `value` as JSON text onto `out`: dicts with `str` keys, lists and tuples, `str`,
/// `int`, finite `float`, `bool` and `None`. `place` names the value in errors; `open` holds
/// the containers being written, to find one that contains itself.
fn write_json(
    value: &Bound<'_, PyAny>,
    place: &Place<'_>,
    open: &mut Vec<usize>,
    out: &mut String,
) -> Result<(), Stop> {
    let cannot = |what: String| {
        let message = format!("cannot be read as JSON: {what}");
        Stop::Bad(Bad::at(&place.path(), message))
    };
    if out.len() > MAX_STORY_BYTES {
        return Err(Stop::TooLarge);
    }
    if value.is_none() {
        out.push_str("null");
    } else if let Ok(flag) = value.cast::<PyBool>() {
        out.push_str(if flag.is_true() { "true" } else { "false" });
    } else if let Ok(string) = value.cast::<PyString>() {
        // Characters, each at least one byte: a longer string is refused without a copy.
        if string.len()? > MAX_STORY_BYTES {
            return Err(Stop::TooLarge);
        }
        out.push_str(&json_string(&text_of(string)?));
    } else if let Ok(number) = value.cast::<PyInt>() {
        match (number.extract::<i64>(), number.extract::<u64>()) {
            (Ok(n), _) => out.push_str(&n.to_string()),
            (_, Ok(n)) => out.push_str(&n.to_string()),
            // Beyond 64 bits: its digits (the parser reads them as the nearest float).
            _ => out.push_str(
                value
                    .py()
                    .get_type::<PyInt>()
                    .call_method1("__repr__", (number,))?
                    .extract::<&str>()?,
            ),
        }
    } else if let Ok(number) = value.cast::<PyFloat>() {
        let x = number.value();
        match serde_json::Number::from_f64(x) {
            Some(n) => out.push_str(&n.to_string()),
            None => return Err(cannot(format!("{} is not a JSON number", spelled(x)))),
        }
    } else if value.is_instance_of::<PyDict>()
        || value.is_instance_of::<PyList>()
        || value.is_instance_of::<PyTuple>()
    {
        let id = value.as_ptr() as usize;
        if open.contains(&id) {
            return Err(cannot("it contains itself".into()));
        }
        if open.len() == MAX_DEPTH {
            out.push('[');
            return Err(Stop::TooDeep);
        }
        open.push(id);
        if let Ok(dict) = value.cast::<PyDict>() {
            out.push('{');
            for (i, (key, item)) in dict.iter().enumerate() {
                let Ok(key) = key.cast::<PyString>() else {
                    let kind = key.get_type().name()?;
                    return Err(cannot(format!("a key that is not a string ({kind})")));
                };
                let key = text_of(key)?;
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&json_string(&key));
                out.push(':');
                write_json(&item, &Place::Key(place, &key), open, out)?;
            }
            out.push('}');
        } else {
            out.push('[');
            for (i, item) in value.try_iter()?.enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(&item?, &Place::Index(place, i), open, out)?;
            }
            out.push(']');
        }
        open.pop();
    } else {
        let kind = value.get_type().name()?;
        return Err(cannot(format!("a {kind}")));
    }
    Ok(())
}

/// A Python value as JSON text for the library's parser; `root` names it in errors (`""`
/// for the story).
fn json_text(value: &Bound<'_, PyAny>, root: &str) -> Result<String, Bad> {
    let mut out = String::new();
    let too_large = || Bad::from(json_too_large(if root.is_empty() { "story" } else { root }));
    match write_json(value, &Place::Root(root), &mut Vec::new(), &mut out) {
        Ok(()) if out.len() > MAX_STORY_BYTES => Err(too_large()),
        // Past the depth the parser refuses anyway: it names the place in its message.
        Ok(()) | Err(Stop::TooDeep) => Ok(out),
        Err(Stop::TooLarge) => Err(too_large()),
        Err(Stop::Bad(bad)) => Err(bad),
    }
}

/// NaN and the infinities as the library's messages (and JavaScript) spell them.
fn spelled(x: f64) -> &'static str {
    match x {
        x if x.is_nan() => "NaN",
        x if x > 0.0 => "Infinity",
        _ => "-Infinity",
    }
}

/// The options given as keywords, generic over [`OptionName::ALL`]; `None` keeps an
/// option's default. A number goes through the library's `Options::set_number`, as a flag's
/// value does on the command line (whole where it must be, then its range: NaN and the
/// infinities, which JSON cannot carry, fail there). Every other value is written as JSON and
/// read by the library's `Options::from_value`, as the same value given to WebAssembly is:
/// the ratings table, a switch, and any value of the wrong type, with the library's message.
fn read_options(keywords: Option<&Bound<'_, PyDict>>) -> Result<Options, Bad> {
    // The options object as JSON text (`{"ratings":{…}}`), read by the library's own parser,
    // so the binding depends on no particular JSON value type of the library.
    let mut object = String::from("{");
    let mut numbers = Vec::new();
    for (key, value) in keywords.into_iter().flat_map(|keywords| keywords.iter()) {
        let key: String = key
            .extract()
            .map_err(|e: PyErr| Bad::at("", e.to_string()))?;
        let Some(name) = OptionName::ALL.into_iter().find(|&n| keyword(n) == key) else {
            let known: Vec<String> = OptionName::ALL.into_iter().map(keyword).collect();
            let (last, init) = known.split_last().unwrap_or((&key, &[]));
            return Err(Bad::at(
                &key,
                format!("unknown option (expected {} or {last})", init.join(", ")),
            ));
        };
        let number = value.is_instance_of::<PyFloat>()
            || (value.is_instance_of::<PyInt>() && !value.is_instance_of::<PyBool>());
        if value.is_none() {
            continue;
        } else if number {
            // An int beyond the range of a float is infinite, as `--top 1e400` is.
            let x = value.extract::<f64>().unwrap_or_else(|_| {
                if value.lt(0).unwrap_or(false) {
                    f64::NEG_INFINITY
                } else {
                    f64::INFINITY
                }
            });
            numbers.push((name, x));
        } else {
            let text = json_text(&value, &key)?;
            // Read alone first, so that text JSON cannot hold is refused at the keyword.
            parse_json(&text, &key)?;
            if object.len() > 1 {
                object.push(',');
            }
            object.push_str(&json_string(name.js_name()));
            object.push(':');
            object.push_str(&text);
        }
    }
    object.push('}');
    let mut options = Options::from_value(&parse_json(&object, "options")?)?;
    for (name, x) in numbers {
        options.set_number(name, x)?;
    }
    Ok(options)
}

/// The story as JSON text, and its analysis.
fn report(text: &str, options: &Options) -> Result<String, Bad> {
    let story = Story::from_json(text)?;
    Ok(analyze(&story, options)?.to_compact_json())
}

/// `analyze_json(story, /, **options)`: the report as compact JSON text, or `InputError`.
#[pyfunction]
#[pyo3(signature = (story, /, **options))]
fn analyze_json(
    py: Python<'_>,
    story: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<String> {
    let options = read_options(options).map_err(|bad| bad.raise(py))?;
    let result = if let Ok(bytes) = story.cast::<PyBytes>() {
        let bytes = bytes.as_bytes();
        py.detach(|| report(utf8_text(bytes, "story")?, &options))
    } else if let Ok(bytes) = story.cast::<PyByteArray>() {
        let bytes = bytes.to_vec();
        py.detach(|| report(utf8_text(&bytes, "story")?, &options))
    } else if let Ok(text) = story.cast::<PyString>() {
        match text.to_str() {
            Ok(text) => py.detach(|| report(text, &options)),
            Err(_) => {
                let text = text_of(text)?;
                py.detach(|| report(&text, &options))
            }
        }
    } else {
        match json_text(story, "") {
            Ok(text) => py.detach(|| report(&text, &options)),
            Err(bad) => Err(bad),
        }
    };
    result.map_err(|bad| bad.raise(py))
}

#[pymodule(name = "_native")]
mod native {
    #[pymodule_export]
    use super::analyze_json;

    #[pymodule_init]
    fn init(module: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
        use pyo3::types::PyModuleMethods;
        module.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
