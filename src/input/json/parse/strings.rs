//! JSON strings: the run of bytes up to the next quote, backslash or control character found
//! eight bytes at a time, and the escapes decoded onto the parser's scratch string, as
//! serde_json reads them (`parse`'s module documentation has the errors and positions).
//!
//! One deliberate difference from serde_json: an escaped lone UTF-16 surrogate (`"\ud83d"`)
//! reads as U+FFFD where serde_json reports an error, which is what serde_json did on the
//! text with each such escape rewritten `\uFFFD` (how the parser was built before).

use super::{Parsed, Parser, CONTROL_CHARACTER, EOF_WHILE_PARSING_STRING, INVALID_ESCAPE};

impl Parser<'_> {
    /// A string's contents after its opening quote, and the closing quote.
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn string(&mut self) -> Parsed<String> {
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
}

/// The value of four hex digits.
fn hex4(digits: &[u8]) -> Option<u32> {
    let mut value = 0;
    for &digit in digits {
        value = value * 16 + char::from(digit).to_digit(16)?;
    }
    Some(value)
}
