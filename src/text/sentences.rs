//! Sentence splitting tuned for news copy. A line break always ends a sentence (headlines,
//! bylines and CMS leftovers rarely end in a full stop); `.`, `!`, `?` and `…` end one when
//! followed by white space and then something other than a lowercase letter, except after
//! abbreviations that news style puts before a name or a number ("Sen.", "Dr.", "U.S.", "No.").

use std::borrow::Cow;
use std::ops::Range;

use super::lanes::{ascii_below, at_least, equal, first_lane, lanes_at};

/// Titles and abbreviations after which a full stop never ends a sentence.
const NEVER_FINAL: &[&str] = &[
    "adm", "atty", "capt", "cmdr", "col", "cpl", "det", "dr", "e.g", "e.u", "fig", "ft", "gen",
    "gov", "hon", "i.e", "insp", "lt", "maj", "messrs", "mr", "mrs", "ms", "mt", "pres", "prof",
    "rep", "reps", "rev", "sen", "sens", "sgt", "st", "supt", "u.k", "u.n", "u.s", "vs",
];

/// Abbreviations that do not end a sentence when a number follows ("No. 42", "Aug. 3"),
/// but do before a word ("The answer was no. Talks resumed.").
const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "approx", "art", "vol", "p", "pp",
];

#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‽' | '。' | '！' | '？' | '｡')
}

/// Full-width terminators end a sentence with no space after them (CJK text has none).
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn is_full_width_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）'
    )
}

/// The word just before byte `dot` (letters, digits and inner dots), as written.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn word_before(text: &str, dot: usize) -> &str {
    // Read by bytes while they are ASCII, as nearly every word before a full stop is.
    let bytes = text.as_bytes();
    let mut start = dot.min(bytes.len());
    while let Some(&byte) = start.checked_sub(1).and_then(|before| bytes.get(before)) {
        if byte.is_ascii_alphanumeric() || byte == b'.' {
            start -= 1;
        } else if byte.is_ascii() {
            return text
                .get(start..dot)
                .unwrap_or_default()
                .trim_start_matches('.');
        } else {
            break;
        }
    }
    word_before_by_chars(text, dot)
}

/// [`word_before`], read character by character.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn word_before_by_chars(text: &str, dot: usize) -> &str {
    let head = &text[..dot];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    head[start..].trim_start_matches('.')
}

/// Up to 8 bytes of ASCII, lowercased, as one integer (no byte is zero, so no two words
/// give the same one); `None` for a longer word. Every entry of the lists fits.
const fn packed_lowercase(word: &[u8]) -> Option<u64> {
    if word.len() > 8 {
        return None;
    }
    let mut packed = 0;
    let mut at = 0;
    while at < word.len() {
        packed = packed << 8 | word[at].to_ascii_lowercase() as u64;
        at += 1;
    }
    Some(packed)
}

/// A list of words as [`packed_lowercase`] integers.
const fn packed_list<const N: usize>(list: &[&str]) -> [u64; N] {
    let mut keys = [0; N];
    let mut at = 0;
    while at < N {
        keys[at] = match packed_lowercase(list[at].as_bytes()) {
            Some(key) => key,
            None => panic!("an abbreviation longer than 8 bytes"),
        };
        at += 1;
    }
    keys
}

const NEVER_FINAL_KEYS: [u64; NEVER_FINAL.len()] = packed_list(NEVER_FINAL);
const BEFORE_NUMBER_KEYS: [u64; BEFORE_NUMBER.len()] = packed_list(BEFORE_NUMBER);

/// Whether a full stop at byte `dot`, followed (after spaces) by `next`, ends a sentence.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn full_stop_ends_sentence(text: &str, dot: usize, next: char) -> bool {
    let written = word_before(text, dot);
    // An ASCII word, as nearly every one is, is compared to the lists ignoring case rather
    // than lowercased into a new string: a full stop ends most sentences.
    let word: Cow<str> = if written.is_ascii() {
        Cow::Borrowed(written)
    } else {
        Cow::Owned(super::lowercase(written))
    };
    // A word is compared to the lists as one integer, not byte by byte with each entry.
    let key = packed_lowercase(word.as_bytes());
    let is_one_of = |list: &[u64]| key.is_some_and(|key| list.contains(&key));
    if is_one_of(&NEVER_FINAL_KEYS) {
        return false;
    }
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        // A lone capital before a full stop is an initial: "J. Smith".
        if first.is_alphabetic() && text[..dot].ends_with(|c: char| c.is_uppercase()) {
            return false;
        }
    }
    !(is_one_of(&BEFORE_NUMBER_KEYS) && next.is_ascii_digit())
}

/// The first bytes of every line break and terminator: ASCII ones, and the lead bytes of
/// U+0085 (C2), U+2026/2028/2029/203D (E2), U+3002 (E3) and the full-width forms (EF).
const MAY_BREAK: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"\n\r\x0b\x0c.!?\xc2\xe2\xe3\xef";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// The byte offset, from `from` on, of the next character that may be a line break or a
/// terminator. Always a character boundary: the bytes looked for are ASCII or lead bytes.
/// Most of a text is neither: eight bytes at a time are tested for a superset (full stops,
/// `!`, `?`, ASCII controls and lead bytes from C2 on), and only those are looked up.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn next_break_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(lanes) = lanes_at(bytes, at) {
        let mut candidates = equal(lanes, b'.')
            | equal(lanes, b'!')
            | equal(lanes, b'?')
            | ascii_below(lanes, 0x20)
            | at_least(lanes, 0xC2);
        while candidates != 0 {
            let found = at + first_lane(candidates);
            if bytes
                .get(found)
                .is_some_and(|&byte| MAY_BREAK[usize::from(byte)])
            {
                return Some(found);
            }
            candidates &= candidates - 1;
        }
        at += 8;
    }
    bytes
        .get(at..)?
        .iter()
        .position(|&byte| MAY_BREAK[usize::from(byte)])
        .map(|offset| at + offset)
}

/// Whether `byte` is ASCII white space as `char::is_whitespace` has it: space and U+0009 to
/// U+000D.
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn is_ascii_white_space(byte: u8) -> bool {
    byte == b' ' || (b'\t'..=b'\r').contains(&byte)
}

/// `str::trim_start`, by bytes while they are ASCII: the standard library's walks a
/// searcher over `char`s, which the WASM build keeps as calls for size (it runs for every
/// sentence).
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn trim_start(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() && is_ascii_white_space(bytes[at]) {
        at += 1;
    }
    let rest = text.get(at..).unwrap_or_default();
    match rest.as_bytes().first() {
        Some(byte) if !byte.is_ascii() => rest.trim_start(),
        _ => rest,
    }
}

/// `str::trim_end`, by bytes while they are ASCII (see [`trim_start`]).
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn trim_end(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while end > 0 && is_ascii_white_space(bytes[end - 1]) {
        end -= 1;
    }
    let rest = text.get(..end).unwrap_or_default();
    match rest.as_bytes().last() {
        Some(byte) if !byte.is_ascii() => rest.trim_end(),
        _ => rest,
    }
}

/// Byte ranges of the sentences of `text`, trimmed of white space, in order, without
/// empty ones. Every range lies on `char` boundaries, so `&text[range]` is an exact quote.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub fn sentence_ranges(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    sentence_ranges_into(text, &mut sentences);
    sentences
}

/// [`sentence_ranges`], appended to `sentences`.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub fn sentence_ranges_into(text: &str, sentences: &mut Vec<Range<usize>>) {
    let mut push = |range: Range<usize>| {
        let piece = trim_start(text.get(range.clone()).unwrap_or_default());
        let start = range.end - piece.len();
        let trimmed = trim_end(piece);
        if trimmed.chars().any(char::is_alphanumeric) {
            sentences.push(start..start + trimmed.len());
        }
    };
    let mut start = 0;
    let mut resume = 0;
    while let Some(i) = next_break_candidate(text.as_bytes(), resume) {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        resume = i + c.len_utf8();
        if is_line_break(c) {
            push(start..i);
            start = resume;
            continue;
        }
        if !is_terminator(c) {
            continue;
        }
        // Take the whole run of terminators and closing quotes or brackets: `?!”)`.
        let mut end = resume;
        let mut only_full_stop = c == '.';
        let mut full_width = is_full_width_terminator(c);
        for d in text[end..].chars() {
            if !(is_terminator(d) || is_closer(d)) {
                break;
            }
            only_full_stop &= d == '.' || is_closer(d);
            full_width |= is_full_width_terminator(d);
            end += d.len_utf8();
        }
        resume = end;
        let rest = &text[end..];
        let after_space = trim_start(rest);
        let ends = if full_width || rest.is_empty() {
            true
        } else if after_space.len() == rest.len() {
            false
        } else {
            match after_space.chars().next() {
                None => true,
                Some(next) if next.is_lowercase() => false,
                Some(next) => !only_full_stop || full_stop_ends_sentence(text, i, next),
            }
        };
        if ends {
            push(start..end);
            start = end;
        }
    }
    push(start..text.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentence_ranges(text)
            .into_iter()
            .map(|range| &text[range])
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, failure_persistence: None, ..Default::default() })]

        #[test]
        fn the_word_before_a_dot_is_read_alike_by_bytes_and_by_characters(
            characters in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'B', '1', '.', ' ', ',', 'é', 'ß', '’', 'Ⅻ', '٣',
            ]), 0..16)
        ) {
            let text: String = characters.into_iter().collect();
            for dot in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                proptest::prop_assert_eq!(word_before(&text, dot), word_before_by_chars(&text, dot));
            }
        }

        #[test]
        fn the_byte_trims_agree_with_the_standard_library_on_any_text(
            characters in proptest::collection::vec(proptest::sample::select(vec![
                'a', ' ', '\t', '\n', '\u{b}', '\u{1c}', '\u{85}', '\u{a0}', '\u{2009}', '\u{200b}',
                '\u{3000}', 'é', '.',
            ]), 0..12)
        ) {
            let text: String = characters.into_iter().collect();
            proptest::prop_assert_eq!(trim_start(&text), text.trim_start());
            proptest::prop_assert_eq!(trim_end(&text), text.trim_end());
        }
    }

    #[test]
    fn the_break_scan_stops_at_every_byte_that_may_break_and_no_other() {
        for byte in 0..=u8::MAX {
            for at in 0..20 {
                let mut bytes = [b'a'; 20];
                bytes[at] = byte;
                let expected = MAY_BREAK[usize::from(byte)].then_some(at);
                assert_eq!(
                    next_break_candidate(&bytes, 0),
                    expected,
                    "{byte:#04x} at {at}"
                );
                assert_eq!(next_break_candidate(&bytes, at + 1), None);
            }
            // A byte that may not break, before one that may in the same eight.
            if !MAY_BREAK[usize::from(byte)] {
                let mut bytes = [b'a'; 20];
                (bytes[2], bytes[5]) = (byte, b'.');
                assert_eq!(next_break_candidate(&bytes, 0), Some(5), "{byte:#04x}");
            }
        }
    }

    #[test]
    fn splits_on_full_stops_followed_by_a_capital() {
        assert_eq!(
            split("The talks ended. No deal was reached."),
            ["The talks ended.", "No deal was reached."]
        );
    }

    #[test]
    fn keeps_titles_and_country_abbreviations_inside_the_sentence() {
        assert_eq!(
            split("Sen. Dana Whitfield met Dr. Ruiz in the U.S. Capitol. They spoke."),
            [
                "Sen. Dana Whitfield met Dr. Ruiz in the U.S. Capitol.",
                "They spoke."
            ]
        );
    }

    #[test]
    fn abbreviations_are_recognized_in_any_case() {
        // U+212A KELVIN SIGN lowercases to an ASCII "k".
        assert_eq!(
            split("SEN. Whitfield left the U.\u{212A}. Capitol. They spoke."),
            [
                "SEN. Whitfield left the U.\u{212A}. Capitol.",
                "They spoke."
            ]
        );
    }

    #[test]
    fn keeps_initials_and_numbered_abbreviations_inside_the_sentence() {
        assert_eq!(
            split("J. Smith filed Bill No. 42 today. It passed."),
            ["J. Smith filed Bill No. 42 today.", "It passed."]
        );
    }

    #[test]
    fn a_line_break_ends_a_headline_without_a_full_stop() {
        assert_eq!(
            split("Talks end without a ceasefire\n\nThe talks ended."),
            ["Talks end without a ceasefire", "The talks ended."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("“It was daring.” Officials agreed. \"Why?\" she asked."),
            [
                "“It was daring.”",
                "Officials agreed.",
                "\"Why?\" she asked."
            ]
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations_do_not_split() {
        assert_eq!(
            split("Prices rose 3.5 percent, i.e. more than expected."),
            ["Prices rose 3.5 percent, i.e. more than expected."]
        );
    }

    #[test]
    fn full_width_terminators_split_without_spaces() {
        assert_eq!(split("会谈结束。没有停火。"), ["会谈结束。", "没有停火。"]);
    }

    #[test]
    fn non_ascii_terminators_and_line_breaks_split_among_other_non_ascii_text() {
        assert_eq!(
            split("Café owners waited… Then came news‽ Yes\u{2028}No\u{85}Maybe — ¿qué? Él dijo: «basta»。Fin"),
            [
                "Café owners waited…",
                "Then came news‽",
                "Yes",
                "No",
                "Maybe — ¿qué?",
                "Él dijo: «basta»。",
                "Fin"
            ]
        );
    }

    #[test]
    fn text_without_words_has_no_sentences() {
        assert!(split("").is_empty());
        assert!(split(" \n\n … ").is_empty());
    }

    #[test]
    fn the_byte_trims_agree_with_the_standard_library_on_the_white_space_edge_cases() {
        let samples = [
            "",
            " ",
            "\t\n",
            "a",
            " a ",
            "\u{a0}a\u{a0}",
            " \u{3000} b \u{2029}",
            "\u{85}",
            "x\u{1c}",
            "\u{1c} y",
            " é ",
            "\r\n\u{200a}\u{200b}z\u{200b} ",
            "\u{b}\u{c}q\u{b}",
        ];
        for sample in samples {
            assert_eq!(trim_start(sample), sample.trim_start(), "{sample:?}");
            assert_eq!(trim_end(sample), sample.trim_end(), "{sample:?}");
        }
    }
}
