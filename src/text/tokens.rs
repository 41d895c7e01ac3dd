//! Word tokens: Unicode word segmentation (UAX #29) of a sentence into words with their
//! offsets (docs/METHOD.md §3); `normalize` turns a word into its term form.
//!
//! News copy is nearly all ASCII, plus curly quotes, apostrophes and dashes. Sentences made
//! only of those are split by a byte scanner applying the few UAX #29 rules such text can
//! meet, several times faster than the general segmenter (`words`), which takes every other
//! sentence. Tests check that both give the words `unicode-segmentation` gives.

use super::words::{unicode_word_indices, UnicodeWordIndices};

/// One word of a sentence: its byte offsets in the sentence and its normalized form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte offset of the word's first character.
    pub start: usize,
    /// The word exactly as written.
    pub surface: &'a str,
}

impl Token<'_> {
    /// Byte offset just past the word.
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub fn end(&self) -> usize {
        self.start + self.surface.len()
    }
}

/// The characters beyond ASCII the scanner knows. U+2018 and U+2019 are MidNumLet in
/// UAX #29: between two letters or two digits they join them, as `.` does. The others are
/// Other: they break words on both sides, as ASCII punctuation does.
const SCANNED_BEYOND_ASCII: [char; 8] = [
    '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2013}', '\u{2014}', '\u{2026}', '\u{A0}',
];

/// The words of `sentence` (UAX #29 word segments that contain a letter or a digit).
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub fn tokens(sentence: &str) -> Tokens<'_> {
    let scannable = sentence.is_ascii()
        || sentence
            .chars()
            .all(|c| c.is_ascii() || SCANNED_BEYOND_ASCII.contains(&c));
    Tokens(if scannable {
        Segmenter::Scanner {
            sentence,
            position: 0,
        }
    } else {
        Segmenter::Unicode(unicode_word_indices(sentence))
    })
}

/// The iterator [`tokens`] returns.
pub struct Tokens<'a>(Segmenter<'a>);

enum Segmenter<'a> {
    /// Scanning from byte `position` of a sentence of ASCII and [`SCANNED_BEYOND_ASCII`].
    Scanner {
        sentence: &'a str,
        position: usize,
    },
    Unicode(UnicodeWordIndices<'a>),
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    fn next(&mut self) -> Option<Token<'a>> {
        match &mut self.0 {
            Segmenter::Scanner { sentence, position } => next_scanned_word(sentence, position),
            Segmenter::Unicode(words) => words
                .next()
                .map(|(start, surface)| Token { start, surface }),
        }
    }
}

/// Letters, digits and `_` (ExtendNumLet): the characters a word is a run of (WB5, WB8–WB10,
/// WB13a, WB13b). Read from a table: one load per byte, where the WASM build otherwise
/// spends several compares and branches on each byte of every sentence.
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn is_word_byte(byte: u8) -> bool {
    WORD_BYTES[usize::from(byte)]
}

/// [`is_word_byte`] by byte.
static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || b == b'_';
        byte += 1;
    }
    table
};

/// The length in bytes of the character at `at` when it joins the characters on either
/// side into one word: `:` between letters (WB6, WB7), `,` `;` between digits (WB11, WB12),
/// and `.` `'` `‘` `’` between letters or between digits.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn joiner_at(bytes: &[u8], at: usize) -> Option<usize> {
    let before = *bytes.get(at.checked_sub(1)?)?;
    let (len, between_letters, between_digits) = match bytes.get(at..)? {
        [b'.' | b'\'', ..] => (1, true, true),
        [b':', ..] => (1, true, false),
        [b',' | b';', ..] => (1, false, true),
        [0xE2, 0x80, 0x98 | 0x99, ..] => (3, true, true),
        _ => return None,
    };
    let after = *bytes.get(at + len)?;
    let joins = (between_letters && before.is_ascii_alphabetic() && after.is_ascii_alphabetic())
        || (between_digits && before.is_ascii_digit() && after.is_ascii_digit());
    joins.then_some(len)
}

/// The next word of a scannable sentence at or after byte `*position`, which it moves past
/// the word. Every character outside a run of word bytes and joiners is a segment of its
/// own with no letter or digit, or a run of spaces: none is a word.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn next_scanned_word<'a>(sentence: &'a str, position: &mut usize) -> Option<Token<'a>> {
    let bytes = sentence.as_bytes();
    loop {
        let start = *position
            + bytes
                .get(*position..)?
                .iter()
                .position(|&b| is_word_byte(b))?;
        let mut end = start;
        let mut has_alphanumeric = false;
        while let Some(&byte) = bytes.get(end) {
            if is_word_byte(byte) {
                has_alphanumeric |= byte != b'_';
                end += 1;
            } else if let Some(len) = joiner_at(bytes, end) {
                end += len;
            } else {
                break;
            }
        }
        *position = end;
        // A run of underscores alone is a segment but not a word.
        if has_alphanumeric {
            // Both ends sit next to ASCII bytes, so on character boundaries.
            let surface = sentence.get(start..end)?;
            return Some(Token { start, surface });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize_token;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn normalized(sentence: &str) -> Vec<String> {
        tokens(sentence)
            .map(|token| {
                let mut out = String::new();
                normalize_token(token.surface, &mut out);
                out
            })
            .collect()
    }

    #[test]
    fn word_bytes_are_ascii_letters_digits_and_underscore() {
        for byte in 0..=u8::MAX {
            let expected = byte.is_ascii_alphanumeric() || byte == b'_';
            assert_eq!(is_word_byte(byte), expected, "{byte:#04x}");
        }
    }

    #[test]
    fn lowercases_and_drops_possessives() {
        assert_eq!(
            normalized("Russia’s Pearl Harbor"),
            ["russia", "pearl", "harbor"]
        );
        assert_eq!(normalized("the Kremlin's plan"), ["the", "kremlin", "plan"]);
    }

    #[test]
    fn keeps_contractions_as_one_token() {
        assert_eq!(normalized("They don’t know"), ["they", "don't", "know"]);
    }

    #[test]
    fn splits_hyphenated_words_and_skips_punctuation() {
        assert_eq!(
            normalized("A job-killing bill — really?"),
            ["a", "job", "killing", "bill", "really"]
        );
    }

    #[test]
    fn numbers_are_tokens_with_their_offsets() {
        let found: Vec<(usize, &str)> = tokens("In 2025, 3.5%")
            .map(|t| (t.start, t.surface))
            .collect();
        assert_eq!(found, [(0, "In"), (3, "2025"), (9, "3.5")]);
    }

    #[test]
    fn sentences_beyond_the_scanned_characters_go_to_the_unicode_segmenter() {
        assert!(matches!(
            tokens("“Don’t” — 3.5…").0,
            Segmenter::Scanner { .. }
        ));
        assert!(matches!(tokens("Élan").0, Segmenter::Unicode(_)));
        assert!(matches!(tokens("e\u{301}").0, Segmenter::Unicode(_)));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn the_scanner_finds_the_words_unicode_segmentation_finds(
            characters in prop::collection::vec(prop::sample::select(vec![
                'a', 'Z', 'q', '1', '0', '_', ' ', '.', ',', ';', ':', '\'', '"', '-', '\r', '\n',
                '\t', '%', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2013}',
                '\u{2014}', '\u{2026}', '\u{A0}',
            ]), 0..40)
        ) {
            let sentence: String = characters.into_iter().collect();
            let scanned: Vec<(usize, &str)> = Tokens(Segmenter::Scanner { sentence: &sentence, position: 0 })
                .map(|token| (token.start, token.surface))
                .collect();
            let segmented: Vec<(usize, &str)> = sentence.unicode_word_indices().collect();
            prop_assert_eq!(scanned, segmented);
        }

        #[test]
        fn the_tokens_of_any_sentence_are_the_words_unicode_segmentation_finds(
            characters in prop::collection::vec(prop_oneof![
                prop::sample::select(vec![
                    'a', 'Z', '1', '_', ' ', '.', ',', ':', '\'', '"', '\u{2019}', '\u{2014}',
                    '\u{A0}', '\u{E9}', '\u{5D0}', '\u{30A2}', '\u{663}', '\u{301}',
                    '\u{200D}', '\u{1F44D}', '\u{1F1EB}', '\u{3000}',
                ]),
                any::<char>(),
            ], 0..40)
        ) {
            let sentence: String = characters.into_iter().collect();
            let found: Vec<(usize, &str)> = tokens(&sentence)
                .map(|token| (token.start, token.surface))
                .collect();
            let segmented: Vec<(usize, &str)> = sentence.unicode_word_indices().collect();
            prop_assert_eq!(found, segmented);
        }
    }
}
