//! The parsed JSON value the story, ratings and options readers walk: the six JSON kinds,
//! numbers kept as the parser read them (`u64`, negative `i64` or `f64`, as serde_json keeps
//! them), and objects as one vector of members sorted by key with each key once — the last
//! value given for a repeated key, members in code-point order of their keys, as serde_json's
//! `Map` (a `BTreeMap`) had them, so every "first error" found by walking an object is the
//! one it was. A vector rather than a tree: objects are built once and read a few times, and
//! a vector's code is a fraction of a B-tree's in the WASM module.

use crate::sort::sorted_positions;

/// One JSON value.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number as the parser read it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// An integer from 0 to `u64::MAX`.
    Unsigned(u64),
    /// An integer from `i64::MIN` to -1.
    Negative(i64),
    /// Anything else: a fraction or exponent, `-0`, or an integer past the two above.
    /// Always finite.
    Float(f64),
}

impl Number {
    /// The number as an `f64` (integers past 2^53 rounded to the nearest).
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Unsigned(n) => n as f64,
            Number::Negative(n) => n as f64,
            Number::Float(f) => f,
        }
    }
}

/// A JSON object: its members sorted by key, each key once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Map {
    members: Vec<(String, Value)>,
}

impl Map {
    /// The object of `members` given in document order: sorted by key (code point by code
    /// point), and of members with the same key only the last kept.
    pub fn from_members(mut members: Vec<(String, Value)>) -> Map {
        let mut sorted_already = true;
        for i in 1..members.len() {
            if members[i - 1].0 >= members[i].0 {
                sorted_already = false;
                break;
            }
        }
        if sorted_already {
            return Map { members };
        }
        // Stable: of equal keys, the one given last comes last and is kept.
        let order = sorted_positions(members.len(), &|a, b| members[a].0 < members[b].0);
        let mut sorted: Vec<(String, Value)> = Vec::with_capacity(members.len());
        for (i, &position) in order.iter().enumerate() {
            let last_of_key = match order.get(i + 1) {
                Some(&next) => members[next].0 != members[position].0,
                None => true,
            };
            if last_of_key {
                sorted.push(std::mem::take(&mut members[position]));
            }
        }
        Map { members: sorted }
    }

    /// The value of `key`, if the object has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        let at = self.position(key)?;
        Some(&self.members[at].1)
    }

    /// The value of `key` to change or take, if the object has it.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        let at = self.position(key)?;
        Some(&mut self.members[at].1)
    }

    /// Where `key` is among the members: a binary search, as the keys are sorted.
    fn position(&self, key: &str) -> Option<usize> {
        let (mut low, mut high) = (0, self.members.len());
        while low < high {
            let middle = low + (high - low) / 2;
            let here = self.members[middle].0.as_str();
            if here == key {
                return Some(middle);
            }
            if here < key {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        None
    }

    /// The number of members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether the object has no members.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The members, sorted by key.
    pub fn iter(&self) -> std::slice::Iter<'_, (String, Value)> {
        self.members.iter()
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = &'a (String, Value);
    type IntoIter = std::slice::Iter<'a, (String, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.members.iter()
    }
}

impl Value {
    /// The value, leaving `null` in its place.
    pub fn take(&mut self) -> Value {
        std::mem::take(self)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A number as an `f64`; `None` for any other kind.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n.as_f64()),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(object) => Some(object),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(keys: &[&str]) -> Map {
        let members = keys
            .iter()
            .enumerate()
            .map(|(i, key)| (key.to_string(), Value::Number(Number::Unsigned(i as u64))))
            .collect();
        Map::from_members(members)
    }

    fn keys_and_values(map: &Map) -> Vec<(&str, f64)> {
        map.iter()
            .map(|(key, value)| (key.as_str(), value.as_f64().unwrap()))
            .collect()
    }

    #[test]
    fn members_are_sorted_by_code_point_and_the_last_of_a_repeated_key_wins() {
        let object = map(&["b", "a", "é", "B", "a", "", "b"]);
        assert_eq!(
            keys_and_values(&object),
            [("", 5.0), ("B", 3.0), ("a", 4.0), ("b", 6.0), ("é", 2.0)]
        );
    }

    #[test]
    fn keys_are_found_in_objects_of_any_size() {
        for size in 0..40 {
            let keys: Vec<String> = (0..size).rev().map(|i| format!("k{i}")).collect();
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            let object = map(&keys);
            assert_eq!(object.len(), size);
            for (i, key) in keys.iter().enumerate() {
                assert_eq!(object.get(key).and_then(Value::as_f64), Some(i as f64));
            }
            assert_eq!(object.get("k"), None);
            assert_eq!(object.get("zz"), None);
        }
    }
}
