//! The JSON parser: text in, a [`Value`] out, with the results serde_json 1.0.154 gave when
//! the project used it — the same value for every valid text, and for every invalid one the
//! same message at the same line and column — in a fraction of the WASM that serde's generic
//! deserializer, `Value` and `Map` took (docs/STORY.md, "Reading the JSON text";
//! tests/json_parser.rs keeps serde_json as the oracle).
//!
//! It follows the control flow of serde_json's `from_str::<Value>` step by step (its
//! `de.rs` and `read.rs`), because the reported position depends on it: an error found on a
//! byte already consumed is reported at the current index (serde_json's `error`), one found
//! on a byte only peeked at one byte further (`peek_error`); see [`Parser::error`] and
//! [`Parser::peek_error`]. Lines and columns count bytes from the text's start, columns from
//! the last newline, as serde_json's `position_of_index` does.
//!
//! One deliberate difference from serde_json: an escaped lone UTF-16 surrogate (`"\ud83d"`)
//! reads as U+FFFD where serde_json reports an error, which is what serde_json did on the
//! text with each such escape rewritten `\uFFFD` (how this module was built before).
//!
//! Numbers are what serde_json without its `float_roundtrip` feature makes of them,
//! bit for bit: integers as `u64` (negative ones as `i64`), `-0` and integers beyond those
//! as `f64`, and fractions and exponents through serde_json's `f64_from_parts` — the digits
//! as a `u64` (digits past 19 or 20 dropped), multiplied or divided once by a power of ten
//! from a table (serde_json's, computed: [`powers_of_ten`]). That is not always the nearest `f64` (an exact algorithm, like
//! `str::parse`, would differ by an ulp on some long or extreme numbers), but it is the
//! value every report so far was computed from, and the same natively and in WASM: one Rust
//! implementation of IEEE arithmetic.
//!
//! Recursion is bounded (serde_json's limit: 127 arrays or objects deep, the error at the
//! 128th), every loop advances through the text, and nothing is copied twice: a string
//! without escapes is copied once out of the text, one with escapes through a scratch
//! buffer reused for every string.

use super::value::{Map, Number, Value};

// serde_json's messages (its `ErrorCode`s), each followed by ` at line L column C`.
const EOF_WHILE_PARSING_LIST: &str = "EOF while parsing a list";
const EOF_WHILE_PARSING_OBJECT: &str = "EOF while parsing an object";
const EOF_WHILE_PARSING_STRING: &str = "EOF while parsing a string";
const EOF_WHILE_PARSING_VALUE: &str = "EOF while parsing a value";
const EXPECTED_COLON: &str = "expected `:`";
const EXPECTED_LIST_COMMA_OR_END: &str = "expected `,` or `]`";
const EXPECTED_OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
const EXPECTED_SOME_IDENT: &str = "expected ident";
const EXPECTED_SOME_VALUE: &str = "expected value";
const INVALID_ESCAPE: &str = "invalid escape";
const INVALID_NUMBER: &str = "invalid number";
const NUMBER_OUT_OF_RANGE: &str = "number out of range";
const CONTROL_CHARACTER: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_MUST_BE_A_STRING: &str = "key must be a string";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING_CHARACTERS: &str = "trailing characters";
const RECURSION_LIMIT_EXCEEDED: &str = "recursion limit exceeded";

/// Arrays and objects that may be open at once, plus one: serde_json's `remaining_depth`.
const RECURSION_LIMIT: u8 = 128;

/// Why a text is not JSON, and the byte offset its position is reported at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Syntax {
    problem: &'static str,
    at: usize,
}

impl Syntax {
    /// serde_json's message: `expected value at line 1 column 1`.
    pub fn message(&self, text: &str) -> String {
        let (line, column) = line_and_column(text.as_bytes(), self.at);
        format!("{} at line {line} column {column}", self.problem)
    }
}

/// The line (from 1) and column (bytes after the line's last newline) of byte offset `at`.
fn line_and_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at.min(bytes.len())];
    let mut line = 1;
    let mut start_of_line = 0;
    for (i, &byte) in before.iter().enumerate() {
        if byte == b'\n' {
            line += 1;
            start_of_line = i + 1;
        }
    }
    (line, before.len() - start_of_line)
}

type Parsed<T> = Result<T, Syntax>;

/// Parses `text` as one JSON value with nothing but whitespace around it.
pub fn parse(text: &str) -> Result<Value, Syntax> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        index: 0,
        remaining_depth: RECURSION_LIMIT,
        scratch: String::new(),
        powers_of_ten: Vec::new(),
    };
    let value = parser.value()?;
    match parser.whitespace() {
        Some(_) => Err(parser.peek_error(TRAILING_CHARACTERS)),
        None => Ok(value),
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    index: usize,
    /// Arrays and objects that may still be opened.
    remaining_depth: u8,
    /// A string with escapes, as it is decoded (serde_json's `scratch`).
    scratch: String,
    /// [`powers_of_ten`], once a number needs them.
    powers_of_ten: Vec<f64>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.index).copied()
    }

    fn peek_or_null(&self) -> u8 {
        self.peek().unwrap_or(0)
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.index += 1;
        Some(byte)
    }

    /// An error on a byte already read: reported at the current index.
    #[cold]
    fn error(&self, problem: &'static str) -> Syntax {
        Syntax {
            problem,
            at: self.index,
        }
    }

    /// An error on a byte only peeked at: reported one byte on (at most at the end).
    #[cold]
    fn peek_error(&self, problem: &'static str) -> Syntax {
        Syntax {
            problem,
            at: (self.index + 1).min(self.bytes.len()),
        }
    }

    /// Skips whitespace and returns the next byte without reading it.
    fn whitespace(&mut self) -> Option<u8> {
        loop {
            match self.peek() {
                Some(b' ' | b'\n' | b'\t' | b'\r') => self.index += 1,
                other => return other,
            }
        }
    }

    /// serde_json's `deserialize_any` with its `Value` visitor.
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    fn value(&mut self) -> Parsed<Value> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(EOF_WHILE_PARSING_VALUE));
        };
        Ok(match peek {
            b'n' => {
                self.index += 1;
                self.ident(b"ull")?;
                Value::Null
            }
            b't' => {
                self.index += 1;
                self.ident(b"rue")?;
                Value::Bool(true)
            }
            b'f' => {
                self.index += 1;
                self.ident(b"alse")?;
                Value::Bool(false)
            }
            b'-' => {
                self.index += 1;
                self.integer(false)?
            }
            b'0'..=b'9' => self.integer(true)?,
            b'"' => {
                self.index += 1;
                Value::String(self.string()?)
            }
            b'[' | b'{' => {
                self.remaining_depth -= 1;
                if self.remaining_depth == 0 {
                    return Err(self.peek_error(RECURSION_LIMIT_EXCEEDED));
                }
                self.index += 1;
                let value = if peek == b'[' {
                    self.array()
                } else {
                    self.object()
                };
                self.remaining_depth += 1;
                value?
            }
            _ => return Err(self.peek_error(EXPECTED_SOME_VALUE)),
        })
    }

    /// The rest of `null`, `true` or `false`.
    fn ident(&mut self, rest: &[u8]) -> Parsed<()> {
        for &expected in rest {
            match self.next() {
                None => return Err(self.error(EOF_WHILE_PARSING_VALUE)),
                Some(byte) if byte != expected => return Err(self.error(EXPECTED_SOME_IDENT)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// The elements after `[`, and the `]` (serde_json's `SeqAccess` and `end_seq`).
    fn array(&mut self) -> Parsed<Value> {
        let mut elements = Vec::new();
        loop {
            let Some(peek) = self.whitespace() else {
                return Err(self.peek_error(EOF_WHILE_PARSING_LIST));
            };
            if peek == b']' {
                self.index += 1;
                return Ok(Value::Array(elements));
            }
            if !elements.is_empty() {
                if peek != b',' {
                    return Err(self.peek_error(EXPECTED_LIST_COMMA_OR_END));
                }
                self.index += 1;
                match self.whitespace() {
                    Some(b']') => return Err(self.peek_error(TRAILING_COMMA)),
                    Some(_) => {}
                    None => return Err(self.peek_error(EOF_WHILE_PARSING_VALUE)),
                }
            }
            elements.push(self.value()?);
        }
    }

    /// The members after `{`, and the `}` (serde_json's `MapAccess` and `end_map`). A key
    /// given twice keeps its last value ([`Map::from_members`]), as serde_json's did.
    fn object(&mut self) -> Parsed<Value> {
        let mut members = Vec::new();
        let mut first = true;
        loop {
            let Some(peek) = self.whitespace() else {
                return Err(self.peek_error(EOF_WHILE_PARSING_OBJECT));
            };
            if peek == b'}' {
                self.index += 1;
                return Ok(Value::Object(Map::from_members(members)));
            }
            if first {
                first = false;
                if peek != b'"' {
                    return Err(self.peek_error(KEY_MUST_BE_A_STRING));
                }
            } else if peek == b',' {
                self.index += 1;
                match self.whitespace() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.peek_error(TRAILING_COMMA)),
                    Some(_) => return Err(self.peek_error(KEY_MUST_BE_A_STRING)),
                    None => return Err(self.peek_error(EOF_WHILE_PARSING_VALUE)),
                }
            } else {
                return Err(self.peek_error(EXPECTED_OBJECT_COMMA_OR_END));
            }
            self.index += 1;
            let key = self.string()?;
            match self.whitespace() {
                Some(b':') => self.index += 1,
                Some(_) => return Err(self.peek_error(EXPECTED_COLON)),
                None => return Err(self.peek_error(EOF_WHILE_PARSING_OBJECT)),
            }
            let value = self.value()?;
            members.push((key, value));
        }
    }

    /// A string's contents after its opening quote, and the closing quote.
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    fn string(&mut self) -> Parsed<String> {
        self.scratch.clear();
        let mut start = self.index;
        loop {
            self.skip_to_escape();
            let Some(byte) = self.peek() else {
                return Err(self.error(EOF_WHILE_PARSING_STRING));
            };
            // `start` and `self.index` are both just after or at an ASCII byte (a quote, a
            // backslash, the end of an escape), so both are character boundaries.
            let run = &self.text[start..self.index];
            self.index += 1;
            match byte {
                b'"' if self.scratch.is_empty() => return Ok(String::from(run)),
                b'"' => {
                    self.scratch.push_str(run);
                    return Ok(String::from(self.scratch.as_str()));
                }
                b'\\' => {
                    self.scratch.push_str(run);
                    self.escape()?;
                    start = self.index;
                }
                _ => return Err(self.error(CONTROL_CHARACTER)),
            }
        }
    }

    /// Moves to the next `"`, `\` or control character, or to the end: eight bytes at a time
    /// (serde_json's `skip_to_escape`, Mycroft's zero-byte test).
    fn skip_to_escape(&mut self) {
        const ONES: u64 = u64::MAX / 255;
        let bytes = self.bytes;
        let mut i = self.index;
        while let Some(chunk) = bytes.get(i..i + 8) {
            let mut eight = [0; 8];
            eight.copy_from_slice(chunk);
            let chars = u64::from_le_bytes(eight);
            let control = chars.wrapping_sub(ONES * 0x20) & !chars;
            let quote = chars ^ (ONES * u64::from(b'"'));
            let quote = quote.wrapping_sub(ONES) & !quote;
            let backslash = chars ^ (ONES * u64::from(b'\\'));
            let backslash = backslash.wrapping_sub(ONES) & !backslash;
            let found = (control | quote | backslash) & (ONES << 7);
            if found != 0 {
                self.index = i + (found.trailing_zeros() / 8) as usize;
                return;
            }
            i += 8;
        }
        while let Some(&byte) = bytes.get(i) {
            if byte == b'"' || byte == b'\\' || byte < 0x20 {
                break;
            }
            i += 1;
        }
        self.index = i;
    }

    /// An escape after its backslash, decoded onto the scratch string.
    fn escape(&mut self) -> Parsed<()> {
        let Some(byte) = self.next() else {
            return Err(self.error(EOF_WHILE_PARSING_STRING));
        };
        let decoded = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\x08',
            b'f' => '\x0c',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => return Err(self.error(INVALID_ESCAPE)),
        };
        self.scratch.push(decoded);
        Ok(())
    }

    /// The character of a `\u` escape after its `u`: a surrogate pair's when a high
    /// surrogate is followed by `\u` and a low one, U+FFFD for any other surrogate.
    fn unicode_escape(&mut self) -> Parsed<char> {
        let unit = self.hex_escape()?;
        let code = match unit {
            0xD800..=0xDBFF => match self.low_surrogate_after() {
                Some(low) => {
                    self.index += 6;
                    0x1_0000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                }
                None => 0xFFFD,
            },
            0xDC00..=0xDFFF => 0xFFFD,
            _ => unit,
        };
        Ok(char::from_u32(code).unwrap_or('\u{FFFD}'))
    }

    /// The four hex digits at the index, read (serde_json's `decode_hex_escape`).
    fn hex_escape(&mut self) -> Parsed<u32> {
        let Some(digits) = self.bytes.get(self.index..self.index + 4) else {
            self.index = self.bytes.len();
            return Err(self.error(EOF_WHILE_PARSING_STRING));
        };
        let value = hex4(digits);
        self.index += 4;
        value.ok_or_else(|| self.error(INVALID_ESCAPE))
    }

    /// The low surrogate of a `\uDC00`–`\uDFFF` escape at the index, not read.
    fn low_surrogate_after(&self) -> Option<u32> {
        let escape = self.bytes.get(self.index..self.index + 6)?;
        if &escape[..2] != b"\\u" {
            return None;
        }
        hex4(&escape[2..]).filter(|low| (0xDC00..0xE000).contains(low))
    }

    /// A number after its `-` if any (serde_json's `parse_integer`).
    fn integer(&mut self, positive: bool) -> Parsed<Value> {
        let Some(first) = self.next() else {
            return Err(self.error(EOF_WHILE_PARSING_VALUE));
        };
        let mut significand = match first {
            b'0' => {
                if self.peek_or_null().is_ascii_digit() {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
                0
            }
            b'1'..=b'9' => u64::from(first - b'0'),
            _ => return Err(self.error(INVALID_NUMBER)),
        };
        if first != b'0' {
            while let Some(digit) = self.digit() {
                match significand
                    .checked_mul(10)
                    .and_then(|s| s.checked_add(digit))
                {
                    Some(more) => significand = more,
                    None => return float(self.long_integer(positive, significand)?),
                }
                self.index += 1;
            }
        }
        match self.peek_or_null() {
            b'.' => float(self.fraction(positive, significand, 0)?),
            b'e' | b'E' => float(self.exponent(positive, significand, 0)?),
            _ if positive => Ok(Value::Number(Number::Unsigned(significand))),
            _ => {
                let negative = (significand as i64).wrapping_neg();
                if negative >= 0 {
                    // `-0`, or below `i64::MIN`.
                    float(-(significand as f64))
                } else {
                    Ok(Value::Number(Number::Negative(negative)))
                }
            }
        }
    }

    /// The value of the digit at the index, not read.
    fn digit(&self) -> Option<u64> {
        let byte = self.peek_or_null();
        byte.is_ascii_digit().then(|| u64::from(byte - b'0'))
    }

    /// Skips digits.
    fn skip_digits(&mut self) {
        while self.digit().is_some() {
            self.index += 1;
        }
    }

    /// The digits of an integer past the 19 or 20 that fit a `u64`, each one more power of
    /// ten (serde_json's `parse_long_integer`).
    #[cold]
    fn long_integer(&mut self, positive: bool, significand: u64) -> Parsed<f64> {
        let mut exponent: i32 = 0;
        while self.digit().is_some() {
            self.index += 1;
            exponent = exponent.wrapping_add(1);
        }
        match self.peek_or_null() {
            b'.' => self.fraction(positive, significand, exponent),
            b'e' | b'E' => self.exponent(positive, significand, exponent),
            _ => self.f64_from_parts(positive, significand, exponent),
        }
    }

    /// From the `.` on (serde_json's `parse_decimal`): digits that still fit the significand
    /// are added to it, the rest skipped.
    fn fraction(&mut self, positive: bool, mut significand: u64, exponent: i32) -> Parsed<f64> {
        self.index += 1;
        if self.digit().is_none() {
            return Err(match self.peek() {
                Some(_) => self.peek_error(INVALID_NUMBER),
                None => self.peek_error(EOF_WHILE_PARSING_VALUE),
            });
        }
        let mut digits: i32 = 0;
        while let Some(digit) = self.digit() {
            match significand
                .checked_mul(10)
                .and_then(|s| s.checked_add(digit))
            {
                Some(more) => significand = more,
                None => {
                    self.skip_digits();
                    break;
                }
            }
            self.index += 1;
            digits = digits.wrapping_add(1);
        }
        let exponent = exponent.wrapping_sub(digits);
        match self.peek_or_null() {
            b'e' | b'E' => self.exponent(positive, significand, exponent),
            _ => self.f64_from_parts(positive, significand, exponent),
        }
    }

    /// From the `e` or `E` on (serde_json's `parse_exponent`).
    fn exponent(&mut self, positive: bool, significand: u64, starting: i32) -> Parsed<f64> {
        self.index += 1;
        let positive_exponent = match self.peek_or_null() {
            b'+' => {
                self.index += 1;
                true
            }
            b'-' => {
                self.index += 1;
                false
            }
            _ => true,
        };
        let first = match self.next() {
            None => return Err(self.error(EOF_WHILE_PARSING_VALUE)),
            Some(byte @ b'0'..=b'9') => i32::from(byte - b'0'),
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        };
        let mut exponent = first;
        while let Some(digit) = self.digit() {
            self.index += 1;
            match exponent
                .checked_mul(10)
                .and_then(|e| e.checked_add(digit as i32))
            {
                Some(more) => exponent = more,
                None => {
                    // Past `i32::MAX`: zero, or out of range.
                    if significand != 0 && positive_exponent {
                        return Err(self.error(NUMBER_OUT_OF_RANGE));
                    }
                    self.skip_digits();
                    return Ok(if positive { 0.0 } else { -0.0 });
                }
            }
        }
        let exponent = if positive_exponent {
            starting.saturating_add(exponent)
        } else {
            starting.saturating_sub(exponent)
        };
        self.f64_from_parts(positive, significand, exponent)
    }

    /// `significand × 10^exponent`, rounded as serde_json rounds it: one multiplication or
    /// division by a power of ten from [`powers_of_ten`], or, below 1e-308, divisions by
    /// 1e308 first.
    fn f64_from_parts(
        &mut self,
        positive: bool,
        significand: u64,
        mut exponent: i32,
    ) -> Parsed<f64> {
        if self.powers_of_ten.is_empty() {
            self.powers_of_ten = powers_of_ten();
        }
        let mut f = significand as f64;
        loop {
            match self.powers_of_ten.get(exponent.unsigned_abs() as usize) {
                Some(&pow) => {
                    if exponent >= 0 {
                        f *= pow;
                        if f.is_infinite() {
                            return Err(self.error(NUMBER_OUT_OF_RANGE));
                        }
                    } else {
                        f /= pow;
                    }
                    break;
                }
                None => {
                    if f == 0.0 {
                        break;
                    }
                    if exponent >= 0 {
                        return Err(self.error(NUMBER_OUT_OF_RANGE));
                    }
                    f /= 1e308;
                    exponent += 308;
                }
            }
        }
        Ok(if positive { f } else { -f })
    }
}

/// A float as a JSON value (always finite: infinities are errors).
fn float(f: f64) -> Parsed<Value> {
    Ok(Value::Number(Number::Float(f)))
}

/// The value of four hex digits.
fn hex4(digits: &[u8]) -> Option<u32> {
    let mut value = 0;
    for &digit in digits {
        value = value * 16 + char::from(digit).to_digit(16)?;
    }
    Some(value)
}

/// The powers of ten serde_json keeps in its `POW10` table.
const POWERS_OF_TEN: usize = 309;

/// 1e0 to 1e308, each the `f64` nearest the power of ten: serde_json's `POW10` table,
/// computed rather than stored, since its 2.4 KB of `f64`s do not compress. 10^k is 5^k × 2^k;
/// 5^k is kept to 125 bits, exact up to 5^53 and after that low by less than 2^-115 of
/// itself, and rounded to the nearest `f64` by the `u128` cast. A test checks all 309 against
/// the standard library's correctly rounded parse of `1e<k>`.
fn powers_of_ten() -> Vec<f64> {
    let mut powers = Vec::with_capacity(POWERS_OF_TEN);
    // 5^k is `mantissa × 2^scale`.
    let mut mantissa: u128 = 1;
    let mut scale: u64 = 0;
    for k in 0..POWERS_OF_TEN as u64 {
        // 2^(k + scale) as an `f64`: below 2^1023 for every k here.
        let two_to_the = f64::from_bits((1023 + k + scale) << 52);
        powers.push(mantissa as f64 * two_to_the);
        mantissa *= 5;
        while mantissa >> 125 != 0 {
            mantissa >>= 1;
            scale += 1;
        }
    }
    powers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powers_of_ten_are_the_nearest_f64_to_each_power() {
        let powers = powers_of_ten();
        assert_eq!(powers.len(), 309);
        for (k, power) in powers.into_iter().enumerate() {
            let nearest: f64 = format!("1e{k}").parse().unwrap();
            assert_eq!(power.to_bits(), nearest.to_bits(), "1e{k}");
        }
    }
}
