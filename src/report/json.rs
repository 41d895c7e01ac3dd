//! The report as JSON text. Numbers are written the way JavaScript's `JSON.stringify` writes
//! them (`0` not `0.0`), so the CLI's JSON and `JSON.stringify` of the WASM report are the
//! same bytes (docs/REPORT.md, "Numbers, order and determinism").

use serde::{Serialize, Serializer};

use super::Report;

/// A float rounded to 4 decimal places, written as an integer when it is one.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Rounded(f64);

impl Rounded {
    pub fn new(value: f64) -> Rounded {
        let rounded = (value * 10_000.0).round() / 10_000.0;
        // `+ 0.0` turns −0 into 0: JSON.stringify(-0) is "0".
        Rounded(rounded + 0.0)
    }

    pub fn get(self) -> f64 {
        self.0
    }
}

impl Serialize for Rounded {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        const SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;
        if self.0.fract() == 0.0 && self.0.abs() <= SAFE_INTEGER {
            serializer.serialize_i64(self.0 as i64)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}

impl Report {
    /// The report as JSON, indented by two spaces like `JSON.stringify(report, null, 2)`.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_to_four_places_and_writes_whole_numbers_as_integers() {
        let json = |x: f64| serde_json::to_string(&Rounded::new(x)).unwrap();
        assert_eq!(json(2.718_26), "2.7183");
        assert_eq!(json(100.0), "100");
        assert_eq!(json(0.000_04), "0");
        assert_eq!(json(-0.000_01), "0");
        assert_eq!(json(0.25), "0.25");
        assert_eq!(json(-2.5), "-2.5");
    }
}
