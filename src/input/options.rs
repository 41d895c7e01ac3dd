//! The analysis options (docs/REPORT.md "params", docs/CLI.md "Options", docs/WIDGET.md): their defaults,
//! their ranges, and the WASM options object (`{ maxNgram, zMin, … }`) they are read from.
//! [`OptionName::ALL`] is the one list of options: parsing, the unknown-option message and
//! every error's path go by it, and each front end maps it to its own spelling (the CLI to
//! its flags).

use serde_json::Value;

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
    Ratings,
}

impl OptionName {
    /// Every option, in the order messages list them.
    pub const ALL: [OptionName; 7] = [
        OptionName::MaxNgram,
        OptionName::PriorScale,
        OptionName::ZMin,
        OptionName::MinCount,
        OptionName::Top,
        OptionName::MaxP,
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
            OptionName::Ratings => "ratings",
        }
    }

    fn from_js_name(key: &str) -> Option<OptionName> {
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

    /// Sets one option from its JSON value, checking its type (ranges are checked by
    /// [`Options::validate`], whatever front end set them).
    fn set(&mut self, name: OptionName, value: &Value) -> Result<(), Error> {
        let number = || {
            value.as_f64().ok_or_else(|| {
                Error::option(
                    name,
                    format!("expected a number, found {}", type_name(value)),
                )
            })
        };
        let whole = || {
            let n = number()?;
            if n.fract() != 0.0 || !(0.0..=u32::MAX as f64).contains(&n) {
                return Err(Error::option(
                    name,
                    format!("expected a whole number, found {}", number_text(n)),
                ));
            }
            Ok(n as u32)
        };
        match name {
            OptionName::MaxNgram => self.max_ngram = whole()? as usize,
            OptionName::PriorScale => self.prior_scale = number()?,
            OptionName::ZMin => self.z_min = number()?,
            OptionName::MinCount => self.min_count = whole()?,
            OptionName::Top => self.top_k = whole()? as usize,
            OptionName::MaxP => self.max_p = number()?,
            OptionName::Ratings => self.ratings = Ratings::from_value(value, "options.ratings")?,
        }
        Ok(())
    }

    /// Checks every parameter's range; the error names the option.
    pub fn validate(&self) -> Result<(), Error> {
        let check = |ok: bool, name: OptionName, rule: &str, got: String| {
            if ok {
                Ok(())
            } else {
                Err(Error::option(name, format!("{rule}, got {got}")))
            }
        };
        check(
            (1..=5).contains(&self.max_ngram),
            OptionName::MaxNgram,
            "must be a whole number from 1 to 5",
            self.max_ngram.to_string(),
        )?;
        check(
            self.prior_scale.is_finite() && self.prior_scale > 0.0 && self.prior_scale <= 1e9,
            OptionName::PriorScale,
            "must be a number above 0 and at most 1e9",
            number_text(self.prior_scale),
        )?;
        check(
            self.z_min.is_finite() && self.z_min.abs() <= 1e6,
            OptionName::ZMin,
            "must be a finite number between -1e6 and 1e6",
            number_text(self.z_min),
        )?;
        check(
            (1..=1_000_000).contains(&self.min_count),
            OptionName::MinCount,
            "must be a whole number from 1 to 1000000",
            self.min_count.to_string(),
        )?;
        check(
            (1..=1000).contains(&self.top_k),
            OptionName::Top,
            "must be a whole number from 1 to 1000",
            self.top_k.to_string(),
        )?;
        check(
            self.max_p > 0.0 && self.max_p <= 1.0,
            OptionName::MaxP,
            "must be a number above 0 and at most 1",
            number_text(self.max_p),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
            "options.zmin: unknown option (expected maxNgram, priorScale, zMin, minCount, top, maxP or ratings)"
        );
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
