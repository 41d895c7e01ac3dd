//! The crate's one error type. Every failure names the JSON path of the value at fault
//! (docs/STORY.md, "Errors"), so a CMS author or a teacher can find the offending field
//! without a debugger. Also the two ways a message quotes a value: strings and numbers.

use std::fmt;

use crate::input::OptionName;
use crate::report::{json_number, json_string};

/// Bad input: a story or an option that cannot be analyzed.
///
/// `Display` gives the one-line message `<json path>: <problem>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    path: String,
    option: Option<OptionName>,
    message: String,
}

impl Error {
    pub(crate) fn at(path: impl Into<String>, message: impl Into<String>) -> Error {
        Error {
            path: path.into(),
            option: None,
            message: message.into(),
        }
    }

    /// An error about an option's value, at `options.<js name>`.
    pub(crate) fn option(option: OptionName, message: impl Into<String>) -> Error {
        Error {
            path: format!("options.{}", option.js_name()),
            option: Some(option),
            message: message.into(),
        }
    }

    /// The JSON path of the offending value, e.g. `articles[3].leaning`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The problem, without the path.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The option at fault, when the error is about an option rather than the story.
    pub fn option_name(&self) -> Option<OptionName> {
        self.option
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for Error {}

/// Longest quoted value in an error message, in characters: a whole article pasted into the
/// `leaning` field must still give a short, one-line message (docs/LIMITS.md).
pub(crate) const MAX_QUOTED_CHARS: usize = 80;

/// `text` as a JSON string for an error message (control characters escaped, so the message
/// stays on one line), cut after [`MAX_QUOTED_CHARS`] characters with `…` after the quote.
pub(crate) fn quoted(text: &str) -> String {
    match text.char_indices().nth(MAX_QUOTED_CHARS) {
        None => json_string(text),
        Some((cut, _)) => format!("{}…", json_string(&text[..cut])),
    }
}

/// A number for an error message, written as JavaScript writes it ("9", "0.5", "1e-7",
/// "NaN", "Infinity"), so the CLI and the widget quote a bad option alike. Not through
/// `f64`'s `Display`: that links Rust's float printing, about 20 KB of WASM, while the
/// report's shortest-digits writer is linked anyway.
pub(crate) fn number_text(x: f64) -> String {
    if x.is_nan() {
        "NaN".into()
    } else if x.is_infinite() {
        (if x > 0.0 { "Infinity" } else { "-Infinity" }).into()
    } else if x.fract() == 0.0 && x.abs() < 1e21 {
        whole_number_text(x)
    } else {
        json_number(x)
    }
}

/// A whole number below 10²¹ in full digits, as JavaScript writes it. Beyond `i64` it is
/// doubled up from its 53-bit significand in base-10⁹ limbs rather than printed as an `i128`,
/// whose formatting WASM would carry for these rare messages alone.
fn whole_number_text(x: f64) -> String {
    const I64_LIMIT: f64 = 9_223_372_036_854_775_808.0;
    if x.abs() < I64_LIMIT {
        return (x as i64).to_string();
    }
    const LIMB: u64 = 1_000_000_000;
    let mut significand = x.abs();
    let mut doublings = 0;
    // Every whole double at or above 2⁵³ is even: halving it is exact.
    while significand >= 9_007_199_254_740_992.0 {
        significand /= 2.0;
        doublings += 1;
    }
    let mut rest = significand as u64;
    let mut limbs = Vec::new(); // least significant first
    while rest > 0 {
        limbs.push(rest % LIMB);
        rest /= LIMB;
    }
    for _ in 0..doublings {
        let mut carry = 0;
        for limb in limbs.iter_mut() {
            let doubled = *limb * 2 + carry;
            *limb = doubled % LIMB;
            carry = doubled / LIMB;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut text = String::from(if x < 0.0 { "-" } else { "" });
    for (at, limb) in limbs.iter().rev().enumerate() {
        let digits = limb.to_string();
        if at > 0 {
            text.push_str(&"000000000"[digits.len()..]);
        }
        text.push_str(&digits);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_messages_are_written_as_javascript_writes_them() {
        let cases = [
            (9.0, "9"),
            (-0.0, "0"),
            (0.5, "0.5"),
            (1e9 + 0.5, "1000000000.5"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-Infinity"),
            (1e20, "100000000000000000000"),
            (-1e20, "-100000000000000000000"),
            (9.223372036854776e18, "9223372036854775808"),
            (-9.223372036854775e18, "-9223372036854774784"),
            (1.8446744073709552e19, "18446744073709551616"),
            (9.999999999999999e20, "999999999999999868928"),
        ];
        for (x, text) in cases {
            assert_eq!(number_text(x), text, "{x:?}");
        }
    }

    #[test]
    fn whole_numbers_beyond_i64_are_written_in_full_digits() {
        // Checked against 128-bit integer printing, every power of two and its neighbours.
        let mut x = 9_223_372_036_854_775_808.0_f64;
        while x < 1e21 {
            for y in [x, x * 1.5, x * 1.999_999, -x] {
                let y = y.trunc();
                assert_eq!(whole_number_text(y), format!("{}", y as i128), "{y:?}");
            }
            x *= 2.0;
        }
    }

    #[test]
    fn quoted_values_are_escaped_and_cut() {
        assert_eq!(quoted("left\nish"), "\"left\\nish\"");
        let long = "é".repeat(MAX_QUOTED_CHARS + 1);
        assert_eq!(
            quoted(&long),
            format!("\"{}\"…", "é".repeat(MAX_QUOTED_CHARS))
        );
        assert_eq!(quoted(&long[2..]), format!("\"{}\"", &long[2..]));
    }
}
