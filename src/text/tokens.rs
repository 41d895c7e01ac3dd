//! Word tokens: Unicode word segmentation (UAX #29) of a sentence into words with their
//! offsets (docs/METHOD.md §3); `normalize` turns a word into its term form.
//!
//! News copy is nearly all ASCII, plus curly quotes, apostrophes and dashes. Sentences made
//! only of those are split by a byte scanner applying the few UAX #29 rules such text can
//! meet, several times faster than the general UAX #29 segmenter (`words`, checked against `unicode-segmentation`), which
//! takes every other sentence. A test checks that both give the same words.

use super::words::{unicode_word_indices, UnicodeWordIndices};

use super::lanes::{ascii_in, equal, first_lane, lanes_at, HIGH_BITS, ONES};

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

/// Whether the scanner can split `sentence`: it holds only ASCII and the characters beyond
/// it the scanner knows, U+2018 and U+2019 (MidNumLet in UAX #29: between two letters or
/// two digits they join them, as `.` does) and U+201C, U+201D, U+2013, U+2014, U+2026 and
/// U+00A0 (Other: they break words on both sides, as ASCII punctuation does). Read as
/// bytes: C2 A0, and E2 80 followed by the last byte of one of the others.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn scannable(sentence: &str) -> bool {
    if sentence.is_ascii() {
        return true;
    }
    let bytes = sentence.as_bytes();
    let mut at = 0;
    while let Some(offset) = bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| b >= 0x80))
    {
        at += offset;
        at += match bytes.get(at..) {
            Some([0xC2, 0xA0, ..]) => 2,
            Some([0xE2, 0x80, 0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D | 0xA6, ..]) => 3,
            _ => return false,
        };
    }
    true
}

/// The words of `sentence` (UAX #29 word segments that contain a letter or a digit).
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub fn tokens(sentence: &str) -> Tokens<'_> {
    Tokens(if scannable(sentence) {
        Segmenter::Scanner {
            sentence,
            position: 0,
        }
    } else {
        Segmenter::Unicode(unicode_word_indices(sentence))
    })
}

/// Appends the byte ranges (start, end) of the words of `sentence`, as [`tokens`] gives
/// them, to `out`. Counting, which meets every word of a story, splits a sentence in one
/// tight loop and then works through the words in another, rather than interleaving the
/// two through an iterator.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub fn word_spans(sentence: &str, out: &mut Vec<(usize, usize)>) {
    if scannable(sentence) {
        let mut position = 0;
        while let Some(span) = next_scanned_word(sentence.as_bytes(), &mut position) {
            out.push(span);
        }
    } else {
        for (start, surface) in unicode_word_indices(sentence) {
            out.push((start, start + surface.len()));
        }
    }
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
            Segmenter::Scanner { sentence, position } => {
                let (start, end) = next_scanned_word(sentence.as_bytes(), position)?;
                let surface = sentence.get(start..end)?;
                Some(Token { start, surface })
            }
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

/// Where the run of word bytes from `at` ends. Eight bytes are classified at once while
/// eight remain: most words end within the first eight.
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn word_run_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(lanes) = lanes_at(bytes, at) {
        let word = ascii_in(lanes, b'0', b'9')
            | ascii_in(lanes | (ONES * 0x20), b'a', b'z')
            | equal(lanes, b'_');
        let other = !word & HIGH_BITS;
        if other != 0 {
            return at + first_lane(other);
        }
        at += 8;
    }
    while bytes.get(at).is_some_and(|&byte| is_word_byte(byte)) {
        at += 1;
    }
    at
}

/// The length in bytes of the character at `at` when it joins the characters on either
/// side into one word: `:` between letters (WB6, WB7), `,` `;` between digits (WB11, WB12),
/// and `.` `'` `‘` `’` between letters or between digits.
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn joiner_at(bytes: &[u8], at: usize) -> Option<usize> {
    // Most words end at a space: one compare rules it out.
    if !matches!(bytes.get(at)?, b'.' | b'\'' | b':' | b',' | b';' | 0xE2) {
        return None;
    }
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

/// The next word of a scannable sentence at or after byte `*position`, as its byte range;
/// `*position` moves past it. Every character outside a run of word bytes and joiners is a
/// segment of its own with no letter or digit, or a run of spaces: none is a word. Both
/// ends of a word sit next to ASCII bytes, so on character boundaries. Always inlined, so
/// that the loops calling it keep their constants and state in registers.
#[inline(always)]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn next_scanned_word(bytes: &[u8], position: &mut usize) -> Option<(usize, usize)> {
    let mut start = *position;
    loop {
        while !is_word_byte(*bytes.get(start)?) {
            start += 1;
        }
        let mut end = start + 1;
        loop {
            end = word_run_end(bytes, end);
            match joiner_at(bytes, end) {
                Some(len) => end += len,
                None => break,
            }
        }
        *position = end;
        // A run of underscores alone is a segment but not a word. (A joiner stands between
        // letters or digits, so a run with one is a word.)
        if bytes[start] != b'_' || bytes[start..end].iter().any(|&byte| byte != b'_') {
            return Some((start, end));
        }
        start = end;
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
    fn a_run_of_word_bytes_ends_at_the_first_other_byte() {
        for byte in 0..=u8::MAX {
            for at in 0..24 {
                let mut bytes = [b'a'; 24];
                bytes[at] = byte;
                let expected = if is_word_byte(byte) { 24 } else { at };
                assert_eq!(word_run_end(&bytes, 0), expected, "{byte:#04x} at {at}");
            }
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

    /// The characters beyond ASCII that [`scannable`] lets through.
    const SCANNED_BEYOND_ASCII: [char; 8] = [
        '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2013}', '\u{2014}', '\u{2026}',
        '\u{A0}',
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn the_scanner_finds_long_words_as_unicode_segmentation_does(
            characters in prop::collection::vec(prop::sample::select(vec![
                'a', 'a', 'Z', 'q', 'q', '1', '_', ' ', '.', ',', '\'', '\u{2019}',
            ]), 0..60)
        ) {
            let sentence: String = characters.into_iter().collect();
            let mut spans = Vec::new();
            word_spans(&sentence, &mut spans);
            let spanned: Vec<(usize, &str)> =
                spans.iter().map(|&(start, end)| (start, &sentence[start..end])).collect();
            let segmented: Vec<(usize, &str)> = sentence.unicode_word_indices().collect();
            prop_assert_eq!(spanned, segmented);
        }

        #[test]
        fn scannable_sentences_hold_only_ascii_and_the_scanned_characters(
            characters in prop::collection::vec(prop::sample::select(vec![
                'a', ' ', '.', '\u{7F}', '\u{80}', '\u{A0}', '\u{A1}', '\u{E0}', '\u{2012}',
                '\u{2013}', '\u{2014}', '\u{2015}', '\u{2018}', '\u{2019}', '\u{201A}',
                '\u{201C}', '\u{201D}', '\u{2026}', '\u{2027}', '\u{2098}', '\u{E2}',
                '\u{1F600}',
            ]), 0..12)
        ) {
            let sentence: String = characters.into_iter().collect();
            let expected = sentence
                .chars()
                .all(|c| c.is_ascii() || SCANNED_BEYOND_ASCII.contains(&c));
            prop_assert_eq!(scannable(&sentence), expected);
        }

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
            prop_assert_eq!(&scanned, &segmented);
            let mut spans = Vec::new();
            word_spans(&sentence, &mut spans);
            let spanned: Vec<(usize, &str)> =
                spans.iter().map(|&(start, end)| (start, &sentence[start..end])).collect();
            prop_assert_eq!(spanned, segmented);
        }

        #[test]
        fn any_sentence_is_split_into_the_words_unicode_segmentation_finds(
            characters in prop::collection::vec(prop_oneof![
                any::<char>(),
                prop::sample::select(vec![
                    'a', 'Z', '1', ' ', '.', ',', '\'', '\u{2019}', '\u{301}', '\u{200D}',
                    '\u{1F1FA}', '\u{1F1F8}', '\u{1F44D}', '\u{1F3FD}', 'é', 'ß', '中', 'ا', 'क', '\u{94D}',
                ]),
            ], 0..40)
        ) {
            let sentence: String = characters.into_iter().collect();
            let segmented: Vec<(usize, &str)> = sentence.unicode_word_indices().collect();
            let tokenized: Vec<(usize, &str)> =
                tokens(&sentence).map(|token| (token.start, token.surface)).collect();
            prop_assert_eq!(&tokenized, &segmented);
            let mut spans = Vec::new();
            word_spans(&sentence, &mut spans);
            let spanned: Vec<(usize, &str)> =
                spans.iter().map(|&(start, end)| (start, &sentence[start..end])).collect();
            prop_assert_eq!(spanned, segmented);
        }
    }
}
