//! The analysis options (docs/REPORT.md "params", docs/CLI.md "Options", docs/WIDGET.md): their defaults,
//! their ranges, and the WASM options object (`{ maxNgram, zMin, … }`) they are read from.
//! [`OptionName::ALL`] is the one list of options: parsing, the unknown-option message and
//! every error's path go by it, and each front end maps it to its own spelling (the CLI to
//! its flags).

use super::json::Value;

use super::fields::{expected, type_name};
use super::ratings::Ratings;
use crate::error::{number_text, Error};

/// An analysis option, named so each front end can show it in its own spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionName {
    MaxNgram,
    PriorScale,
    ZMin,
    MinCount,
    Top,
    MaxP,
    Language,
    Emphasis,
    KeyPoints,
    Ratings,
}

impl OptionName {
    /// Every option, in the order messages list them.
    pub const ALL: [OptionName; 10] = [
        OptionName::MaxNgram,
        OptionName::PriorScale,
        OptionName::ZMin,
        OptionName::MinCount,
        OptionName::Top,
        OptionName::MaxP,
        OptionName::Language,
        OptionName::Emphasis,
        OptionName::KeyPoints,
        OptionName::Ratings,
    ];

    /// The name in the WASM options object, and in error paths (`options.zMin`).
    pub fn js_name(self) -> &'static str {
        match self {
            OptionName::MaxNgram => "maxNgram",
            OptionName::PriorScale => "priorScale",
            OptionName::ZMin => "zMin",
            OptionName::MinCount => "minCount",
            OptionName::Top => "top",
            OptionName::MaxP => "maxP",
            OptionName::Language => "language",
            OptionName::Emphasis => "emphasis",
            OptionName::KeyPoints => "keyPoints",
            OptionName::Ratings => "ratings",
        }
    }

    /// The option named `key` in the WASM options object.
    pub fn from_js_name(key: &str) -> Option<OptionName> {
        OptionName::ALL
            .into_iter()
            .find(|name| name.js_name() == key)
    }
}

/// Analysis parameters. `Options::default()` gives the documented defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Longest n-gram counted as a term (1..=5).
    pub max_ngram: usize,
    /// α0 of docs/METHOD.md: the total weight of the informative Dirichlet prior (> 0).
    pub prior_scale: f64,
    /// Smallest z-score listed.
    pub z_min: f64,
    /// Fewest occurrences in a side for a term to be listed (≥ 1).
    pub min_count: u32,
    /// Most terms listed per side (1..=1000).
    pub top_k: usize,
    /// Largest outlet-level p-value listed, where the story has outlets enough to reach it
    /// (0 < max_p ≤ 1; 1 turns the test's filter off).
    pub max_p: f64,
    /// Whether to analyze how each side talks (docs/METHOD.md §6): charged words, hedging,
    /// tone. Off, the report's `language` is `null`.
    pub language: bool,
    /// Whether to analyze what each side stresses or leaves out (docs/METHOD.md §7). Off,
    /// the report's `emphasis` is `null` and the comparison bullets cite no emphasis.
    pub emphasis: bool,
    /// Whether to pick key points per side and common ground (docs/METHOD.md §8). Off, the
    /// report's `key_points` and `common_ground` are `null`.
    pub key_points: bool,
    /// The host page's ratings table, consulted after the story's own.
    pub ratings: Ratings,
}

impl Default for Options {
    /// The defaults of docs/TUNING.md.
    fn default() -> Options {
        Options {
            max_ngram: 3,
            prior_scale: 500.0,
            z_min: 1.645,
            min_count: 3,
            top_k: 10,
            max_p: 0.05,
            language: true,
            emphasis: true,
            key_points: true,
            ratings: Ratings::default(),
        }
    }
}

/// "a, b, c or d".
fn alternatives(names: &[&str]) -> String {
    match names {
        [init @ .., last] if !init.is_empty() => format!("{} or {last}", init.join(", ")),
        _ => names.concat(),
    }
}

impl Options {
    /// Parses the WASM options object; missing or `null` keys keep their defaults, unknown
    /// keys are an error (a typo should not pass silently).
    pub fn from_value(value: &Value) -> Result<Options, Error> {
        let mut options = Options::default();
        let object = match value {
            Value::Null => return Ok(options),
            Value::Object(object) => object,
            other => return Err(expected("options", "an object", other)),
        };
        for (key, value) in object {
            let name = OptionName::from_js_name(key).ok_or_else(|| {
                let known = OptionName::ALL.map(OptionName::js_name);
                Error::at(
                    format!("options.{key}"),
                    format!("unknown option (expected {})", alternatives(&known)),
                )
            })?;
            if !value.is_null() {
                options.set(name, value)?;
            }
        }
        Ok(options)
    }

    /// Sets one option from its JSON value.
    fn set(&mut self, name: OptionName, value: &Value) -> Result<(), Error> {
        if name == OptionName::Ratings {
            self.ratings = Ratings::from_value(value, "options.ratings")?;
            return Ok(());
        }
        if let Some(switch) = self.switch(name) {
            *switch = value.as_bool().ok_or_else(|| {
                Error::option(
                    name,
                    format!("expected true or false, found {}", type_name(value)),
                )
            })?;
            return Ok(());
        }
        let number = value.as_f64().ok_or_else(|| {
            Error::option(
                name,
                format!("expected a number, found {}", type_name(value)),
            )
        })?;
        self.set_number(name, number)
    }

    /// Sets a numeric option, checking it as every front end must: a whole number where one
    /// is needed, then its range.
    pub fn set_number(&mut self, name: OptionName, value: f64) -> Result<(), Error> {
        let Some(accepts) = name.accepts() else {
            let expected = if self.switch(name).is_some() {
                "expected true or false, found a number"
            } else {
                "expected an object, found a number"
            };
            return Err(Error::option(name, expected));
        };
        if matches!(accepts, Accepts::Whole(..)) && value.fract() != 0.0 {
            return Err(Error::option(
                name,
                format!("expected a whole number, found {}", number_text(value)),
            ));
        }
        if !accepts.admits(value) {
            return Err(out_of_range(name, accepts, value));
        }
        match name {
            OptionName::MaxNgram => self.max_ngram = value as usize,
            OptionName::PriorScale => self.prior_scale = value,
            OptionName::ZMin => self.z_min = value,
            OptionName::MinCount => self.min_count = value as u32,
            OptionName::Top => self.top_k = value as usize,
            OptionName::MaxP => self.max_p = value,
            OptionName::Language
            | OptionName::Emphasis
            | OptionName::KeyPoints
            | OptionName::Ratings => {}
        }
        Ok(())
    }

    /// The switch that turns a section on or off (`language`, `emphasis`, `keyPoints`);
    /// `None` for any other option.
    fn switch(&mut self, name: OptionName) -> Option<&mut bool> {
        match name {
            OptionName::Language => Some(&mut self.language),
            OptionName::Emphasis => Some(&mut self.emphasis),
            OptionName::KeyPoints => Some(&mut self.key_points),
            OptionName::MaxNgram
            | OptionName::PriorScale
            | OptionName::ZMin
            | OptionName::MinCount
            | OptionName::Top
            | OptionName::MaxP
            | OptionName::Ratings => None,
        }
    }

    /// A numeric option's value.
    fn number(&self, name: OptionName) -> f64 {
        match name {
            OptionName::MaxNgram => self.max_ngram as f64,
            OptionName::PriorScale => self.prior_scale,
            OptionName::ZMin => self.z_min,
            OptionName::MinCount => f64::from(self.min_count),
            OptionName::Top => self.top_k as f64,
            OptionName::MaxP => self.max_p,
            OptionName::Language
            | OptionName::Emphasis
            | OptionName::KeyPoints
            | OptionName::Ratings => 0.0,
        }
    }

    /// Checks every parameter's range, whatever set it; the error names the option.
    pub fn validate(&self) -> Result<(), Error> {
        for name in OptionName::ALL {
            if let Some(accepts) = name.accepts() {
                let value = self.number(name);
                if !accepts.admits(value) {
                    return Err(out_of_range(name, accepts, value));
                }
            }
        }
        Ok(())
    }
}

/// The values a numeric option takes.
#[derive(Debug, Clone, Copy)]
enum Accepts {
    /// A whole number in this range.
    Whole(u32, u32),
    /// A number above the first and at most the second (written as the third).
    Above(f64, f64, &'static str),
    /// A finite number whose size is at most this (written as the second).
    Within(f64, &'static str),
}

impl OptionName {
    /// The values the option takes; `None` for the options that are not numbers (the
    /// switches, the ratings table).
    fn accepts(self) -> Option<Accepts> {
        Some(match self {
            OptionName::MaxNgram => Accepts::Whole(1, 5),
            OptionName::PriorScale => Accepts::Above(0.0, 1e9, "1e9"),
            OptionName::ZMin => Accepts::Within(1e6, "1e6"),
            OptionName::MinCount => Accepts::Whole(1, 1_000_000),
            OptionName::Top => Accepts::Whole(1, 1000),
            OptionName::MaxP => Accepts::Above(0.0, 1.0, "1"),
            OptionName::Language
            | OptionName::Emphasis
            | OptionName::KeyPoints
            | OptionName::Ratings => return None,
        })
    }
}

impl Accepts {
    fn admits(self, x: f64) -> bool {
        match self {
            Accepts::Whole(from, to) => {
                x.fract() == 0.0 && x >= f64::from(from) && x <= f64::from(to)
            }
            Accepts::Above(low, high, _) => x.is_finite() && x > low && x <= high,
            Accepts::Within(bound, _) => x.is_finite() && x.abs() <= bound,
        }
    }
}

/// "options.top: must be a whole number from 1 to 1000, got 0".
fn out_of_range(name: OptionName, accepts: Accepts, value: f64) -> Error {
    let rule = match accepts {
        Accepts::Whole(from, to) => format!("must be a whole number from {from} to {to}"),
        Accepts::Above(low, _, high) => {
            format!(
                "must be a number above {} and at most {high}",
                number_text(low)
            )
        }
        Accepts::Within(_, bound) => {
            format!("must be a finite number between -{bound} and {bound}")
        }
    };
    Error::option(name, format!("{rule}, got {}", number_text(value)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::json::from_serde;

    /// serde_json's `json!`, as this crate's [`Value`].
    macro_rules! json {
        ($($json:tt)+) => {
            from_serde(serde_json::json!($($json)+))
        };
    }

    #[test]
    fn options_parse_camel_case_and_reject_unknown_keys() {
        let options =
            Options::from_value(&json!({ "maxNgram": 2, "zMin": 2.5, "top": 5 })).unwrap();
        assert_eq!(
            (options.max_ngram, options.z_min, options.top_k),
            (2, 2.5, 5)
        );
        assert_eq!(
            Options::from_value(&json!({ "maxNgram": 2.5 }))
                .unwrap_err()
                .to_string(),
            "options.maxNgram: expected a whole number, found 2.5"
        );
    }

    #[test]
    fn an_unknown_option_lists_every_option() {
        assert_eq!(
            Options::from_value(&json!({ "zmin": 1 }))
                .unwrap_err()
                .to_string(),
            "options.zmin: unknown option (expected maxNgram, priorScale, zMin, minCount, top, maxP, language, emphasis, keyPoints or ratings)"
        );
    }

    #[test]
    fn emphasis_and_key_points_default_to_on_and_false_turns_each_off() {
        let defaults = Options::from_value(&json!({})).unwrap();
        assert!(defaults.emphasis && defaults.key_points);
        let off = Options::from_value(&json!({ "emphasis": false })).unwrap();
        assert!(!off.emphasis && off.key_points && off.language);
        let off = Options::from_value(&json!({ "keyPoints": false })).unwrap();
        assert!(off.emphasis && !off.key_points && off.language);
        let null = Options::from_value(&json!({ "emphasis": null, "keyPoints": null })).unwrap();
        assert_eq!(null, Options::default());
    }

    #[test]
    fn a_switch_given_anything_but_true_or_false_names_its_option() {
        for (options, message) in [
            (
                json!({ "emphasis": "no" }),
                "options.emphasis: expected true or false, found a string",
            ),
            (
                json!({ "emphasis": 0 }),
                "options.emphasis: expected true or false, found a number",
            ),
            (
                json!({ "keyPoints": [] }),
                "options.keyPoints: expected true or false, found an array",
            ),
            (
                json!({ "keyPoints": 1 }),
                "options.keyPoints: expected true or false, found a number",
            ),
        ] {
            let error = Options::from_value(&options).unwrap_err();
            assert_eq!(error.to_string(), message);
        }
        // A number given through the numeric setter (the CLI's, Python's) is refused alike.
        let error = Options::default()
            .set_number(OptionName::KeyPoints, 0.0)
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "options.keyPoints: expected true or false, found a number"
        );
        assert_eq!(error.option_name(), Some(OptionName::KeyPoints));
    }

    #[test]
    fn every_option_is_found_by_its_js_name() {
        for name in OptionName::ALL {
            assert_eq!(OptionName::from_js_name(name.js_name()), Some(name));
        }
    }

    #[test]
    fn options_out_of_range_name_the_option() {
        let options = Options {
            max_ngram: 9,
            ..Options::default()
        };
        let error = options.validate().unwrap_err();
        assert_eq!(
            error.to_string(),
            "options.maxNgram: must be a whole number from 1 to 5, got 9"
        );
        assert_eq!(error.option_name(), Some(OptionName::MaxNgram));
    }
}
