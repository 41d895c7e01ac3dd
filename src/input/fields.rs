//! Reading fields out of parsed JSON so that every failure names the JSON path of the value
//! at fault (`articles[3].leaning`, `ratings["Other Herald"]`, `options.zMin`): the path
//! helpers and the typed field readers the story, ratings and options parsers share.

use serde_json::{Map, Value};

use crate::error::{quoted, Error};

/// How an error message names the kind of value found: "found a number".
pub(crate) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The error for a value of the wrong kind: `<path>: expected <what>, found <kind>`.
pub(crate) fn expected(path: &str, what: &str, found: &Value) -> Error {
    Error::at(path, format!("expected {what}, found {}", type_name(found)))
}

/// A JSON object key as it appears in a path: `ratings["Other Herald"]`.
pub(crate) fn key_path(parent: &str, key: &str) -> String {
    format!("{parent}[{}]", quoted(key))
}

/// `parent.field`, or just `field` at the root (whose parent path is empty).
pub(crate) fn field_path(parent: &str, field: &str) -> String {
    if parent.is_empty() {
        field.to_owned()
    } else {
        format!("{parent}.{field}")
    }
}

/// An optional string field: absent and `null` are both `None`.
/// Taken out of the object rather than copied: a story's texts are most of its bytes, and
/// the parsed JSON is dropped as the story is built, so they are held once, not twice.
pub(crate) fn optional_string(
    object: &mut Map<String, Value>,
    field: &str,
    path: &str,
) -> Result<Option<String>, Error> {
    // `take` leaves a null behind: cheaper in WASM than removing from the B-tree map.
    match object.get_mut(field).map(Value::take) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(expected(&field_path(path, field), "a string", &other)),
    }
}

/// A name-like string found at `path` (a facet's value): absent, `null` and blank are all
/// `None`; trimmed; at most `max_chars` characters.
pub(crate) fn optional_name(
    value: Option<&Value>,
    path: &str,
    max_chars: usize,
) -> Result<Option<String>, Error> {
    let text = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(text)) => text.trim(),
        Some(other) => return Err(expected(path, "a string", other)),
    };
    if text.chars().count() > max_chars {
        return Err(Error::at(
            path,
            format!("longer than {max_chars} characters"),
        ));
    }
    Ok((!text.is_empty()).then(|| text.to_owned()))
}

/// A string field that must be present.
pub(crate) fn required_string(
    object: &mut Map<String, Value>,
    field: &str,
    path: &str,
) -> Result<String, Error> {
    optional_string(object, field, path)?
        .ok_or_else(|| Error::at(field_path(path, field), "missing required field"))
}

/// A name (`id`, `source`): required, trimmed, not blank, at most `max_chars` characters.
pub(crate) fn required_name(
    object: &mut Map<String, Value>,
    field: &str,
    path: &str,
    max_chars: usize,
) -> Result<String, Error> {
    let name = required_string(object, field, path)?;
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(Error::at(format!("{path}.{field}"), "must not be empty"));
    }
    if trimmed.chars().count() > max_chars {
        return Err(Error::at(
            format!("{path}.{field}"),
            format!("longer than {max_chars} characters"),
        ));
    }
    Ok(trimmed.to_owned())
}
