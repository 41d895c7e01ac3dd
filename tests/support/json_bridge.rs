//! serde_json's `Value` (a dev-dependency: `json!`, proptest strategies, reading reports)
//! and the library's own [`bias_compare::json::Value`] (what `parse_json` gives and
//! `Story::from_value` takes), converted into each other member by member, numbers kept as
//! they are (`u64`, negative `i64`, `f64`), without going through JSON text.

#![allow(dead_code)]

use bias_compare::json::{Map, Number, Value};

/// A serde_json value as the library's.
pub fn from_serde(value: serde_json::Value) -> Value {
    match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(b),
        serde_json::Value::Number(n) => Value::Number(match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Number::Unsigned(u),
            (None, Some(i), _) => Number::Negative(i),
            (None, None, f) => Number::Float(f.expect("a serde_json number is one of the three")),
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

/// The library's value as serde_json's (an `f64` stays an `f64` even when whole).
pub fn to_serde(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Number(Number::Unsigned(u)) => serde_json::Value::from(*u),
        Value::Number(Number::Negative(i)) => serde_json::Value::from(*i),
        Value::Number(Number::Float(f)) => serde_json::Number::from_f64(*f)
            .map_or(serde_json::Value::Null, serde_json::Value::Number),
        Value::String(s) => serde_json::Value::String(s.clone()),
        Value::Array(items) => serde_json::Value::Array(items.iter().map(to_serde).collect()),
        Value::Object(object) => serde_json::Value::Object(
            object
                .iter()
                .map(|(k, v)| (k.clone(), to_serde(v)))
                .collect(),
        ),
    }
}
