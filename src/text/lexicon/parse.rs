//! The lexicons' text (docs/METHOD.md §6), as `scripts/lexicons.mjs` writes it: a header,
//! VADER's words front-coded and their valences, then one line per booster, negation, denial,
//! idiom, category and phrase. The text holds every word as the counter normalizes tokens
//! (docs/METHOD.md §3), so "so-called" is the two words "so called" and "Russia's" would be
//! "russia"; the tests check that each phrase of the sources reads so through the crate's own
//! tokenizer. The reader is kept short (it is part of the widget's WASM): one character says
//! what a line is.

use rustc_hash::FxHashMap;

use super::phrases::{idiom, Category, List, NONE};
use super::vocabulary::{
    DENIAL, DENIAL_EXCEPT, EMPTY_WORD, IDIOM_START, NEGATION, NT_WORD, NUMBER_WORD, RULE_WORDS,
};
use super::Lexicons;
use crate::error::Error;

/// The first line of the lexicons' text.
const HEADER: &str = "bias-compare lexicons 2";

/// The one error of a text that is not the lexicons: the line where reading stopped.
fn problem(line: usize) -> Error {
    Error::at(
        "lexicons",
        format!("line {line} is not in the form of bias-compare-lexicons.txt"),
    )
}

impl Lexicons {
    /// Reads the lexicons' text (`data/lexicons.txt`, served to the widget as
    /// `bias-compare-lexicons.txt`; its form is described in scripts/lexicons.mjs). An error
    /// names the line at fault.
    pub fn parse(text: &str) -> Result<Lexicons, Error> {
        let mut index = FxHashMap::default();
        index.reserve(1 << 13); // about the size of the lexicons shipped
        let mut lexicons = Lexicons {
            index,
            words: vec![EMPTY_WORD; 2],
            entries: Vec::new(),
            categories: Vec::new(),
            edges: Vec::new(),
            terminal: vec![NONE],
            branches: vec![false],
            idioms: Vec::new(),
            booster_phrases: Vec::new(),
            scratch: EMPTY_WORD,
        };
        lexicons.words[NT_WORD as usize].flags = NEGATION | DENIAL;
        for (word, flag) in RULE_WORDS {
            let index = lexicons.intern(word);
            lexicons.word_mut(index).flags |= flag;
        }
        match lexicons.read(text) {
            Ok(()) => Ok(lexicons),
            Err(line) => Err(problem(line)),
        }
    }

    /// The reading of [`Lexicons::parse`] after the rule words, into `self`: the number of
    /// the line at fault on error. Apart, so that each way out is a plain return, with the
    /// lexicons dropped and the error made once, in `parse`.
    fn read(&mut self, text: &str) -> Result<(), usize> {
        let mut lines = text.split('\n');
        let vader = match (lines.next(), lines.next()) {
            (Some(HEADER), Some(count)) => count.parse::<usize>().map_err(|_| 2usize)?,
            _ => return Err(1),
        };
        // The VADER words, front-coded: a letter (how many to drop from the word before),
        // then the letters that follow.
        let mut word = String::new();
        let mut indices = Vec::with_capacity(vader.min(1 << 16));
        for number in 3..3 + vader {
            let line = lines.next().unwrap_or_default();
            let drop = line.bytes().next().unwrap_or(0).wrapping_sub(b'A');
            let keep = word.len().checked_sub(usize::from(drop));
            match (keep, line.get(1..)) {
                (Some(keep), Some(rest)) if drop < 26 && word.is_char_boundary(keep) => {
                    word.truncate(keep);
                    word.push_str(rest);
                }
                _ => return Err(number),
            }
            indices.push(self.intern(&word));
        }
        let values = lines.next().unwrap_or_default();
        if values.len() != vader {
            return Err(3 + vader);
        }
        for (index, value) in indices.into_iter().zip(values.bytes()) {
            let tenths = i16::from(value) - 79;
            if !(-40..=40).contains(&tenths) {
                return Err(3 + vader);
            }
            self.word_mut(index).tenths = tenths as i8;
        }
        let mut category = None;
        for (number, line) in (4 + vader..).zip(lines) {
            let (Some(tag), Some(rest)) = (line.bytes().next(), line.get(1..)) else {
                continue; // the empty line after the last
            };
            match tag {
                b'+' | b'-' => {
                    let words = self.words_of(rest);
                    let sign: i8 = if tag == b'+' { 1 } else { -1 };
                    if let [word] = words[..] {
                        self.word_mut(word).booster = sign;
                    } else if let Some(idiom) = idiom(&words, f64::from(sign) * 0.293) {
                        // "kind-of" is "kind of" once tokenized: one phrase, added once.
                        if !self.booster_phrases.iter().any(|b| b.words == idiom.words) {
                            self.booster_phrases.push(idiom);
                        }
                    }
                }
                b'!' | b'~' | b'^' => {
                    let flag = match tag {
                        b'!' => NEGATION,
                        b'~' => DENIAL,
                        _ => DENIAL_EXCEPT,
                    };
                    let index = self.intern(rest);
                    self.word_mut(index).flags |= flag;
                }
                b'=' => {
                    let (value, phrase) = rest.split_once(' ').ok_or(number)?;
                    let value = tenths(value).ok_or(number)?;
                    let words = self.words_of(phrase);
                    if let Some(idiom) = idiom(&words, value / 10.0) {
                        self.idioms.push(idiom);
                    }
                }
                b'#' => {
                    let list = match rest.get(..2) {
                        Some("c ") => List::Charged,
                        Some("h ") => List::Hedging,
                        _ => return Err(number),
                    };
                    let mut parts = rest[2..].split('|');
                    let (Some(key), Some(name), Some(meaning), None) =
                        (parts.next(), parts.next(), parts.next(), parts.next())
                    else {
                        return Err(number);
                    };
                    category = Some(self.categories.len() as u32);
                    self.categories.push(Category {
                        list,
                        key: key.into(),
                        name: name.into(),
                        meaning: meaning.into(),
                    });
                }
                b':' => {
                    let category = category.ok_or(number)?;
                    if !self.add_entry(rest, category) {
                        return Err(number);
                    }
                }
                _ => return Err(number),
            }
        }
        for k in 0..self.idioms.len() + self.booster_phrases.len() {
            let idiom = match self.idioms.get(k) {
                Some(idiom) => idiom,
                None => &self.booster_phrases[k - self.idioms.len()],
            };
            let start = idiom.words[0];
            self.word_mut(start).flags |= IDIOM_START;
        }
        Ok(())
    }

    /// The indices of words written as the engine reads them, one space apart ("0" stands
    /// for any number), added when new.
    pub(super) fn words_of(&mut self, words: &str) -> Vec<u32> {
        let mut indices = Vec::new();
        for word in words.split(' ') {
            if word == "0" {
                indices.push(NUMBER_WORD);
            } else if !word.is_empty() {
                indices.push(self.intern(word));
            }
        }
        indices
    }
}

/// A whole number of tenths as `i32`'s parser reads one ("-34", "+5", "7"), as an `f64`;
/// through the `u32` parser the crate links anyway, not a second one for `i32`.
fn tenths(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(digits) if !digits.starts_with('+') => (true, digits),
        Some(_) => return None,
        None => (false, text),
    };
    let magnitude: u32 = digits.parse().ok()?;
    if magnitude > i32::MAX as u32 + u32::from(negative) {
        return None;
    }
    let value = f64::from(magnitude);
    Some(if negative { 0.0 - value } else { value })
}

#[cfg(all(test, feature = "embedded-lexicons"))]
mod tests {
    use super::*;
    use crate::text::{normalize_token, tokens};

    #[test]
    fn every_vader_word_is_one_word_of_ours_normalized_to_itself() {
        let lexicons = Lexicons::embedded();
        let mut checked = 0;
        for (text, &index) in &lexicons.index {
            if !lexicons.word(index).in_lexicon() {
                continue;
            }
            let mut normalized = String::new();
            let read: Vec<String> = tokens(text)
                .map(|token| {
                    normalize_token(token.surface, &mut normalized);
                    normalized.clone()
                })
                .collect();
            assert_eq!(read, [text.to_string()], "{text}");
            checked += 1;
        }
        assert!(checked > 7000, "{checked}");
    }

    #[test]
    fn every_phrase_of_the_lists_is_read_as_the_counter_reads_words() {
        let lexicons = Lexicons::embedded();
        let entries: Vec<&str> = lexicons.entries.iter().map(|e| &*e.text).collect();
        let mut listed = 0;
        for file in ["data/charged.txt", "data/hedging.txt"] {
            let mut in_list = false;
            for line in std::fs::read_to_string(file).unwrap().lines() {
                let line = line.trim();
                if line.starts_with("@name ") || line.starts_with("@meaning ") {
                    continue;
                }
                if line.starts_with('@') {
                    in_list = line.starts_with("@charged ") || line.starts_with("@hedging ");
                    continue;
                }
                if !in_list || line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let phrase = line.split('|').next().unwrap();
                let mut normalized = String::new();
                let words: Vec<String> = tokens(phrase)
                    .map(|token| {
                        normalize_token(token.surface, &mut normalized);
                        normalized.clone()
                    })
                    .collect();
                assert!(
                    entries.contains(&words.join(" ").as_str()),
                    "{file}: {line}"
                );
                listed += 1;
            }
        }
        assert_eq!(listed, lexicons.entries.len(), "an entry listed twice?");
    }

    #[test]
    fn idiom_values_are_read_as_the_standard_i32_parser_reads_them() {
        for text in [
            "0",
            "-0",
            "7",
            "-34",
            "+5",
            "-+5",
            "--5",
            "+-5",
            "",
            "-",
            "+",
            "3.5",
            " 5",
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "4294967296",
            "x",
        ] {
            let standard = text.parse::<i32>().ok().map(f64::from);
            let ours = tenths(text);
            assert_eq!(
                ours.map(f64::to_bits),
                standard.map(f64::to_bits),
                "{text:?}"
            );
        }
    }

    #[test]
    fn text_that_is_not_the_lexicons_is_an_error_never_a_panic() {
        let text = include_str!("../../../data/lexicons.txt");
        assert!(Lexicons::parse("").is_err());
        assert_eq!(
            Lexicons::parse("bias-compare lexicons 2\nlots\n")
                .unwrap_err()
                .to_string(),
            "lexicons: line 2 is not in the form of bias-compare-lexicons.txt"
        );
        // Every cut of the real text, and every byte of a stretch of it changed, reads or errs.
        let mut cuts = 0;
        for cut in (0..text.len()).step_by(997) {
            if text.is_char_boundary(cut) {
                let _ = Lexicons::parse(&text[..cut]);
                cuts += 1;
            }
        }
        assert!(cuts > 40);
        let tail = text.len() - 4000;
        for at in (tail..text.len()).step_by(151) {
            for replacement in ["\n", "Z", "é", ":", "#c ", "=x ", "|"] {
                let mut changed = text[..at].to_string();
                changed.push_str(replacement);
                changed.push_str(&text[at + 1..]);
                let _ = Lexicons::parse(&changed);
            }
        }
    }
}
