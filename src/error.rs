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
        let sign = if x < 0.0 { "-" } else { "" };
        format!("{sign}{}", whole_digits(x.abs()))
    } else {
        json_number(x)
    }
}

/// The digits of a whole number below 10²¹, through `u64` (no 128-bit formatting in WASM,
/// about 1 KB): above 2⁶⁴ the number is a multiple of 2048, `w · 2048`, written as
/// `w · 2048 / 10⁶` and the six digits of `w · 2048 mod 10⁶`.
fn whole_digits(x: f64) -> String {
    const TWO_TO_64: f64 = 18_446_744_073_709_551_616.0;
    if x < TWO_TO_64 {
        return (x as u64).to_string();
    }
    let w = (x / 2048.0) as u64; // exact: a power of two, and x has no bits below 2¹²
    let (high, low) = (w / 1_000_000, (w % 1_000_000) * 2048);
    format!("{}{:06}", high * 2048 + low / 1_000_000, low % 1_000_000)
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
        ];
        for (x, text) in cases {
            assert_eq!(number_text(x), text, "{x:?}");
        }
        // Whole numbers up to 10²¹ in digits, as 128-bit integer formatting writes them.
        let mut x = 1.0f64;
        while x < 1e21 {
            for y in [
                x,
                x + 1.0,
                x * 1.5,
                x * 7.3,
                -x,
                f64::from_bits(x.to_bits() - 1),
            ] {
                let y = y.trunc();
                if y.abs() < 1e21 {
                    assert_eq!(number_text(y), format!("{}", y as i128), "{y:?}");
                }
            }
            x *= 2.0;
        }
        let below_1e21 = f64::from_bits(1e21f64.to_bits() - 1);
        assert_eq!(number_text(below_1e21), "999999999999999868928");
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
