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
//! Here the parser's state, its errors and the structure (values, arrays, objects); strings
//! and their escapes are read in `strings`, numbers in `numbers`.
//!
//! Recursion is bounded (serde_json's limit: 127 arrays or objects deep, the error at the
//! 128th), every loop advances through the text, and nothing is copied twice: a string
//! without escapes is copied once out of the text, one with escapes through a scratch
//! buffer reused for every string.

mod numbers;
mod strings;

use super::value::{Map, Value};

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
    /// [`numbers::powers_of_ten`], once a number needs them.
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
}
