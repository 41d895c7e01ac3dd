//! Unicode word segmentation (UAX #29, Unicode 17) for the sentences the byte scanner of
//! `tokens` does not take: the word segments of a text that contain a letter or a digit, with
//! their byte offsets, exactly as `unicode-segmentation`'s `unicode_word_indices` gives them
//! (its rules, its reading of them, its Unicode version). It replaces that crate in the build,
//! whose tables and code weighed about 4 KB of the widget's gzip budget.
//!
//! Each code point's word-break class comes from a compact table (`word_break_table.rs`, 3 364
//! runs in 7.1 KB). A test here writes that file from `unicode-segmentation` (its source,
//! version and licence are in the file's header) and fails when the committed one differs; to
//! write it again after updating the crate or Rust:
//! `WRITE_WORD_BREAK_TABLE=1 cargo test --release --lib the_table_is`. Other tests compare the
//! segments and words found with the crate's for every code point in context and on random text.

use super::word_break_table::{GROUP_STARTS, RUNS};

// A code point's *property*: its class (the low five bits) and whether it is a letter or a
// digit (`char::is_alphanumeric`, [`ALPHANUMERIC`]). The classes are UAX #29's Word_Break
// values, with Extend and Format as one (no rule tells them apart) and Extended_Pictographic
// apart where it matters (WB3c: after a ZWJ).

/// Any code point no other class takes (UAX #29 "Any", WB999).
const OTHER: u8 = 0;
/// ALetter.
const A_LETTER: u8 = 1;
/// Hebrew_Letter.
const HEBREW_LETTER: u8 = 2;
/// Numeric.
const NUMERIC: u8 = 3;
/// Katakana.
const KATAKANA: u8 = 4;
/// ExtendNumLet (`_` and other connectors).
const EXTEND_NUM_LET: u8 = 5;
/// Regional_Indicator (flags are pairs of them).
const REGIONAL_INDICATOR: u8 = 6;
/// Extend or Format (combining marks, variation selectors, soft hyphen, …).
const EXTEND: u8 = 7;
/// ZWJ, U+200D.
const ZWJ: u8 = 8;
/// MidLetter.
const MID_LETTER: u8 = 9;
/// MidNum.
const MID_NUM: u8 = 10;
/// MidNumLet.
const MID_NUM_LET: u8 = 11;
/// Single_Quote, `'`.
const SINGLE_QUOTE: u8 = 12;
/// Double_Quote, `"`.
const DOUBLE_QUOTE: u8 = 13;
/// WSegSpace.
const W_SEG_SPACE: u8 = 14;
/// CR.
const CR: u8 = 15;
/// LF.
const LF: u8 = 16;
/// Newline (VT, FF, NEL, LS, PS).
const NEWLINE: u8 = 17;
/// Any and Extended_Pictographic.
const PICTOGRAPHIC: u8 = 18;
/// ALetter and Extended_Pictographic (ℹ, Ⓜ, 🅰, …).
const PICTOGRAPHIC_LETTER: u8 = 19;
/// How many classes there are.
#[cfg(test)]
const CLASSES: u8 = 20;
/// The bits of a property that hold its class.
const CLASS: u8 = 0x1F;
/// The bit of a property set for letters and digits: a segment is a word when one of its
/// code points has it.
const ALPHANUMERIC: u8 = 0x20;

/// Every [`RUNS`] entry is a run of code points of one property: its length in the top ten
/// bits, the property in the low six.
const PROPERTY_BITS: u32 = 6;
/// [`GROUP_STARTS`] holds the first code point of every `GROUP`th run.
const GROUP: usize = 32;

/// The code points from `start` up to `end` have the property `property`.
#[derive(Clone, Copy)]
struct Run {
    start: u32,
    end: u32,
    property: u8,
}

/// The run `code` falls in: a binary search for its group of runs, then their lengths added
/// up. Past the last run every code point is [`OTHER`].
fn run_of(code: u32) -> Run {
    let group = GROUP_STARTS
        .partition_point(|&start| start <= code)
        .saturating_sub(1);
    let mut start = GROUP_STARTS.get(group).copied().unwrap_or(0);
    for &entry in RUNS.get(group * GROUP..).unwrap_or(&[]).iter().take(GROUP) {
        let end = start + (u32::from(entry) >> PROPERTY_BITS);
        if code < end {
            let property = (entry & ((1 << PROPERTY_BITS) - 1)) as u8;
            return Run {
                start,
                end,
                property,
            };
        }
        start = end;
    }
    Run {
        start,
        end: u32::MAX,
        property: OTHER,
    }
}

/// The property of each ASCII character, read from the table when compiling.
static ASCII: [u8; 128] = {
    let mut table = [OTHER; 128];
    let mut run = 0;
    let mut start = 0;
    while start < 128 && run < RUNS.len() {
        let end = start + (RUNS[run] >> PROPERTY_BITS) as usize;
        while start < end && start < 128 {
            table[start] = (RUNS[run] & ((1 << PROPERTY_BITS) - 1)) as u8;
            start += 1;
        }
        run += 1;
    }
    table
};

/// The words of `text`: its UAX #29 word segments that hold a letter or a digit, with their
/// byte offsets.
pub(crate) fn unicode_word_indices(text: &str) -> UnicodeWordIndices<'_> {
    UnicodeWordIndices {
        text,
        position: 0,
        run: Run {
            start: 0,
            end: 0,
            property: OTHER,
        },
    }
}

/// The iterator [`unicode_word_indices`] returns.
pub(crate) struct UnicodeWordIndices<'a> {
    text: &'a str,
    /// Where the next segment starts.
    position: usize,
    /// The run last looked up: letters of one script mostly fall in one.
    run: Run,
}

/// Where a segment is in the rules, after its last code point but the Extend, Format and ZWJ
/// that follow (WB4).
#[derive(Clone, Copy)]
enum State {
    /// After ALetter: takes letters, digits and ExtendNumLet (WB5, WB9, WB13a), and a
    /// middle character if a letter follows it (WB6, WB7).
    Letter,
    /// After Hebrew_Letter: as [`State::Letter`], and also a `'` with or without a letter
    /// after it, and a `"` with a Hebrew letter after it (WB7a–WB7c).
    HebrewLetter,
    /// After Numeric: takes digits, letters and ExtendNumLet (WB8, WB10, WB13a), and a
    /// middle character if a digit follows it (WB11, WB12).
    Numeric,
    /// After Katakana (WB13, WB13a).
    Katakana,
    /// After ExtendNumLet (WB13a, WB13b).
    ExtendNumLet,
    /// After one regional indicator: takes a second (WB15, WB16).
    RegionalHalf,
    /// A run of WSegSpace (WB3d), until an Extend or Format has joined it.
    Space,
    /// After a `'` that follows a Hebrew letter: takes a letter, or the segment ends.
    AfterHebrewQuote,
    /// After a middle character that needs a letter (WB6, WB7); without one the segment
    /// ends before the middle character.
    NeedLetter,
    /// After a `"` that needs a Hebrew letter (WB7b, WB7c).
    NeedHebrewLetter,
    /// After a middle character that needs a digit (WB11, WB12).
    NeedNumeric,
    /// Anything else: a regional-indicator pair, an emoji sequence, or any character that
    /// takes nothing but what WB4 and WB3c join to it.
    Closed,
}

impl<'a> Iterator for UnicodeWordIndices<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        while self.position < self.text.len() {
            let start = self.position;
            let (end, word) = self.segment(start);
            self.position = end;
            if word {
                return Some((start, self.text.get(start..end)?));
            }
        }
        None
    }
}

impl UnicodeWordIndices<'_> {
    /// The property of `c`.
    #[inline]
    fn property(&mut self, c: char) -> u8 {
        let code = c as u32;
        if let Some(&property) = ASCII.get(code as usize) {
            return property;
        }
        if !(self.run.start <= code && code < self.run.end) {
            self.run = run_of(code);
        }
        self.run.property
    }

    /// The end of the segment that starts at byte `start`, past at least one character, and
    /// whether the segment holds a letter or a digit.
    fn segment(&mut self, start: usize) -> (usize, bool) {
        let rest = self.text.get(start..).unwrap_or("");
        let mut chars = rest.char_indices();
        let Some((_, first)) = chars.next() else {
            return (self.text.len(), false);
        };
        let property = self.property(first);
        let mut word = property & ALPHANUMERIC != 0;
        let mut previous = property & CLASS;
        let mut state = match previous {
            // WB3, WB3a: CR LF is one segment, and nothing else joins a line break.
            CR if rest.as_bytes().get(1) == Some(&b'\n') => return (start + 2, false),
            CR | LF | NEWLINE => return (start + first.len_utf8(), false),
            A_LETTER | PICTOGRAPHIC_LETTER => State::Letter,
            HEBREW_LETTER => State::HebrewLetter,
            NUMERIC => State::Numeric,
            KATAKANA => State::Katakana,
            EXTEND_NUM_LET => State::ExtendNumLet,
            REGIONAL_INDICATOR => State::RegionalHalf,
            W_SEG_SPACE => State::Space,
            _ => State::Closed,
        };
        // Extend, Format or ZWJ joined so far (WB4).
        let mut extended = false;
        // Where the segment ends, and whether it is a word, if the middle character the
        // state waits on finds no letter or digit after it.
        let mut fallback = (start, false);
        for (offset, c) in chars {
            let at = start + offset;
            let property = self.property(c);
            let class = property & CLASS;
            let after_zwj = previous == ZWJ;
            previous = class;
            let next = if class == EXTEND || class == ZWJ {
                // WB4: Extend, Format and ZWJ join what they follow (at the start of a
                // segment too: a run of them is one segment).
                extended = true;
                state
            } else if after_zwj && (class == PICTOGRAPHIC || class == PICTOGRAPHIC_LETTER) {
                // WB3c: an emoji ZWJ sequence, whatever came before the ZWJ.
                State::Closed
            } else {
                match (state, class) {
                    (State::Letter | State::HebrewLetter, A_LETTER | PICTOGRAPHIC_LETTER) => {
                        State::Letter
                    }
                    (State::Letter | State::HebrewLetter, HEBREW_LETTER) => State::HebrewLetter,
                    (State::Letter | State::HebrewLetter, NUMERIC) => State::Numeric,
                    (State::HebrewLetter, DOUBLE_QUOTE) => {
                        fallback = (at, word);
                        State::NeedHebrewLetter
                    }
                    (State::HebrewLetter, SINGLE_QUOTE) => State::AfterHebrewQuote,
                    (
                        State::Letter | State::HebrewLetter,
                        MID_LETTER | MID_NUM_LET | SINGLE_QUOTE,
                    ) => {
                        fallback = (at, word);
                        State::NeedLetter
                    }
                    (State::Numeric, NUMERIC) => State::Numeric,
                    (State::Numeric, A_LETTER | PICTOGRAPHIC_LETTER) => State::Letter,
                    (State::Numeric, HEBREW_LETTER) => State::HebrewLetter,
                    (State::Numeric, MID_NUM | MID_NUM_LET | SINGLE_QUOTE) => {
                        fallback = (at, word);
                        State::NeedNumeric
                    }
                    (State::Katakana, KATAKANA) => State::Katakana,
                    (
                        State::Letter
                        | State::HebrewLetter
                        | State::Numeric
                        | State::Katakana
                        | State::ExtendNumLet,
                        EXTEND_NUM_LET,
                    ) => State::ExtendNumLet,
                    (State::ExtendNumLet, A_LETTER | PICTOGRAPHIC_LETTER) => State::Letter,
                    (State::ExtendNumLet, HEBREW_LETTER) => State::HebrewLetter,
                    (State::ExtendNumLet, NUMERIC) => State::Numeric,
                    (State::ExtendNumLet, KATAKANA) => State::Katakana,
                    (State::RegionalHalf, REGIONAL_INDICATOR) => State::Closed,
                    (State::Space, W_SEG_SPACE) if !extended => State::Space,
                    (
                        State::NeedLetter | State::AfterHebrewQuote,
                        A_LETTER | PICTOGRAPHIC_LETTER,
                    ) => State::Letter,
                    (
                        State::NeedLetter | State::AfterHebrewQuote | State::NeedHebrewLetter,
                        HEBREW_LETTER,
                    ) => State::HebrewLetter,
                    (State::NeedNumeric, NUMERIC) => State::Numeric,
                    // The middle character found no partner: the segment ends before it.
                    (State::NeedLetter | State::NeedHebrewLetter | State::NeedNumeric, _) => {
                        return fallback
                    }
                    // WB999: a boundary before `c`.
                    _ => return (at, word),
                }
            };
            state = next;
            word |= property & ALPHANUMERIC != 0;
        }
        match state {
            State::NeedLetter | State::NeedHebrewLetter | State::NeedNumeric => fallback,
            _ => (self.text.len(), word),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn ours(text: &str) -> Vec<(usize, &str)> {
        unicode_word_indices(text).collect()
    }

    fn theirs(text: &str) -> Vec<(usize, &str)> {
        text.unicode_word_indices().collect()
    }

    fn words(text: &str) -> Vec<&str> {
        unicode_word_indices(text).map(|(_, word)| word).collect()
    }

    /// All the segments of `text`, words or not, as [`UnicodeWordIndices`] finds them.
    fn our_segments(text: &str) -> Vec<&str> {
        let mut segmenter = unicode_word_indices(text);
        let mut segments = Vec::new();
        let mut start = 0;
        while start < text.len() {
            let (end, _) = segmenter.segment(start);
            assert!(end > start, "no progress at byte {start} of {text:?}");
            segments.push(&text[start..end]);
            start = end;
        }
        segments
    }

    /// `text` with every code point beyond ASCII written `\u{…}`, for failure messages.
    fn escaped(text: &str) -> String {
        text.escape_unicode()
            .to_string()
            .replace("\\u{", " ")
            .replace('}', "")
    }

    /// Asserts that the segments and the words of `text` are `unicode-segmentation`'s.
    fn assert_segmented_as_unicode_segmentation(text: &str) {
        let segments: Vec<&str> = text.split_word_bounds().collect();
        assert_eq!(our_segments(text), segments, "segments of{}", escaped(text));
        assert_eq!(ours(text), theirs(text), "words of{}", escaped(text));
    }

    // ---- The table -------------------------------------------------------------------------

    /// A code point of each class, and the class. `unicode-segmentation` has no public
    /// lookup of its Word_Break table; a code point's class is the one whose example it
    /// segments alike in every context of [`PROBES`].
    const EXAMPLES: [(char, u8); CLASSES as usize] = [
        ('\u{A7}', OTHER),            // §
        ('\u{E9}', A_LETTER),         // é
        ('\u{5D0}', HEBREW_LETTER),   // א
        ('\u{663}', NUMERIC),         // ٣
        ('\u{30A2}', KATAKANA),       // ア
        ('\u{203F}', EXTEND_NUM_LET), // ‿
        ('\u{1F1E6}', REGIONAL_INDICATOR),
        ('\u{301}', EXTEND), // combining acute accent
        ('\u{200D}', ZWJ),
        ('\u{B7}', MID_LETTER),    // ·
        ('\u{66C}', MID_NUM),      // Arabic thousands separator
        ('\u{2024}', MID_NUM_LET), // one dot leader
        ('\'', SINGLE_QUOTE),
        ('"', DOUBLE_QUOTE),
        ('\u{3000}', W_SEG_SPACE), // ideographic space
        ('\r', CR),
        ('\n', LF),
        ('\u{2028}', NEWLINE),             // line separator
        ('\u{263A}', PICTOGRAPHIC),        // ☺
        ('\u{2139}', PICTOGRAPHIC_LETTER), // ℹ
    ];

    /// Contexts (`{}` is the code point) whose segmentation tells every class apart: the
    /// line breaks (WB3–WB3a), WB4, WB3c, WB3d, each letter class before and after, the
    /// middle characters between letters, digits and Hebrew letters, regional indicators.
    const PROBES: [(&str, &str); 18] = [
        ("", "\n"),
        ("\r", ""),
        ("", "\u{301}"),
        ("\u{A7}", ""),
        ("", "\u{263A}"),
        ("\u{200D}", ""),
        ("\u{3000}", ""),
        ("\u{E9}", ""),
        ("\u{663}", ""),
        ("\u{30A2}", ""),
        ("\u{203F}", ""),
        ("\u{1F1E6}", ""),
        ("", "'"),
        ("\u{663},", ""),
        ("\u{5D0}", ""),
        ("\u{E9}", "\u{E9}"),
        ("\u{663}", "\u{663}"),
        ("\u{5D0}", "\u{5D0}"),
    ];

    /// How `unicode-segmentation` splits `c` in each context of [`PROBES`]: the number of
    /// segments.
    fn signature(c: char, text: &mut String) -> [u8; PROBES.len()] {
        let mut signature = [0; PROBES.len()];
        for (count, (before, after)) in signature.iter_mut().zip(PROBES) {
            text.clear();
            text.push_str(before);
            text.push(c);
            text.push_str(after);
            *count = text.split_word_bounds().count() as u8;
        }
        signature
    }

    /// The property of every code point as `unicode-segmentation` and `char::is_alphanumeric`
    /// (which the crate's word test uses when it has the same Unicode version) give it.
    fn properties_from_unicode_segmentation() -> Vec<u8> {
        let mut text = String::new();
        let examples: Vec<([u8; PROBES.len()], u8)> = EXAMPLES
            .iter()
            .map(|&(c, class)| (signature(c, &mut text), class))
            .collect();
        for (i, (signature, _)) in examples.iter().enumerate() {
            for (other, _) in &examples[i + 1..] {
                assert_ne!(signature, other, "two classes segment alike in every probe");
            }
        }
        (0..=0x10FFFFu32)
            .map(|code| {
                let Some(c) = char::from_u32(code) else {
                    return OTHER; // surrogates: never in a &str
                };
                let signature = signature(c, &mut text);
                let Some(&(_, class)) = examples.iter().find(|(s, _)| *s == signature) else {
                    panic!("U+{code:04X} segments like no class: {signature:?}");
                };
                class | if c.is_alphanumeric() { ALPHANUMERIC } else { 0 }
            })
            .collect()
    }

    /// The table file for `properties` (indexed by code point).
    fn table_file(properties: &[u8]) -> String {
        let mut runs: Vec<(u32, u8)> = Vec::new(); // (length, property)
        for &property in properties {
            match runs.last_mut() {
                Some((length, last)) if *last == property && *length < 1023 => *length += 1,
                _ => runs.push((1, property)),
            }
        }
        // The last run, Other up to U+10FFFF, is implied.
        while runs.last().is_some_and(|&(_, property)| property == OTHER) {
            runs.pop();
        }
        let mut group_starts = Vec::new();
        let mut start = 0;
        for (i, &(length, _)) in runs.iter().enumerate() {
            if i % GROUP == 0 {
                group_starts.push(start);
            }
            start += length;
        }
        let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock"))
            .expect("Cargo.lock");
        let version = lock
            .split("[[package]]")
            .find(|package| package.contains("name = \"unicode-segmentation\""))
            .and_then(|package| package.split("version = \"").nth(1))
            .and_then(|rest| rest.split('"').next())
            .expect("unicode-segmentation in Cargo.lock");
        let (major, minor, update) = unicode_segmentation::UNICODE_VERSION;
        let mut file = format!(
            "//! The word-break property of every code point, as `unicode-segmentation` {version}
//! (Unicode {major}.{minor}.{update}) reads UAX #29's Word_Break and Extended_Pictographic, with
//! `char::is_alphanumeric`; `words.rs` says what the bits mean and how to read the table.
//!
//! Written by the test `the_table_is_unicode_segmentation_s_word_break_property` in
//! `words.rs`, which checks it against the crate for every code point; do not edit. To write
//! it again (a new `unicode-segmentation`, a new Rust):
//! `WRITE_WORD_BREAK_TABLE=1 cargo test --release --lib the_table_is`.
//!
//! Derived from the Unicode Character Database (© Unicode, Inc., Unicode License v3,
//! https://www.unicode.org/license.txt) through `unicode-segmentation`'s tables (© the Rust
//! Project Developers, MIT or Apache-2.0), and Rust's standard library (MIT or Apache-2.0).

/// Runs of code points from U+0000 on, each its length (top ten bits) and property (low six
/// bits). The code points after the last are Other.
#[rustfmt::skip]
pub(super) static RUNS: [u16; {}] = [",
            runs.len()
        );
        for (i, &(length, property)) in runs.iter().enumerate() {
            file.push_str(if i % 12 == 0 { "\n   " } else { "" });
            file.push_str(&format!(
                " 0x{:04X},",
                (length << PROPERTY_BITS) | u32::from(property)
            ));
        }
        file.push_str(&format!(
            "\n];

/// The first code point of runs 0, {GROUP}, {}, … of [`RUNS`].
#[rustfmt::skip]
pub(super) static GROUP_STARTS: [u32; {}] = [",
            GROUP * 2,
            group_starts.len()
        ));
        for (i, start) in group_starts.iter().enumerate() {
            file.push_str(if i % 8 == 0 { "\n   " } else { "" });
            file.push_str(&format!(" 0x{start:05X},"));
        }
        file.push_str("\n];\n");
        file
    }

    #[test]
    fn the_table_is_unicode_segmentation_s_word_break_property() {
        assert_eq!(
            unicode_segmentation::UNICODE_VERSION,
            {
                let (major, minor, update) = char::UNICODE_VERSION;
                (u64::from(major), u64::from(minor), u64::from(update))
            },
            "unicode-segmentation and this Rust read different Unicode versions: the crate's \
             words then use its own letter table, not char::is_alphanumeric"
        );
        let properties = properties_from_unicode_segmentation();
        let expected = table_file(&properties);
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/text/word_break_table.rs");
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        if expected != committed {
            if std::env::var_os("WRITE_WORD_BREAK_TABLE").is_some() {
                std::fs::write(path, &expected).expect("write the table");
                panic!("wrote {path}; run the tests again to check the new table");
            }
            panic!(
                "{path} is not unicode-segmentation's word-break table; write it again: \
                 WRITE_WORD_BREAK_TABLE=1 cargo test --release --lib the_table_is"
            );
        }
        // Looked up in order, as a text would: each run once through the cache.
        let mut words = unicode_word_indices("");
        for (code, &expected) in properties.iter().enumerate() {
            if let Some(c) = char::from_u32(code as u32) {
                assert_eq!(words.property(c), expected, "U+{code:04X}");
            }
        }
    }

    // ---- Every code point in context -------------------------------------------------------

    /// What comes before and after each code point, twice over, in the test of every code
    /// point: letters, digits, Hebrew letters (with `'` and `"`), the middle characters after a
    /// letter and after a digit, ZWJ and an emoji (WB3c), Katakana, `_`, a regional indicator,
    /// an ideographic space, CR and LF, a combining mark, and Other (`§`).
    const CONTEXTS: [(&str, &str); 14] = [
        ("a", "a"),
        ("1", "1"),
        ("\u{5D0}", "\"\u{5D0}"),
        ("\u{5D0}'", "'"),
        ("a'", ".1"),
        ("1,", "\u{301}"),
        ("\u{200D}", "\u{200D}\u{263A}"),
        ("\u{30A2}", "_"),
        ("_", "\u{30A2}"),
        ("\u{1F1E6}", "\u{1F1E6}"),
        ("\u{3000}", "\r"),
        ("\r", "\n"),
        ("\u{301}", "\u{A7}"),
        ("\u{A7}", "\u{3000}"),
    ];

    /// Whether our segments of `text`, and which of them are words, are `unicode-segmentation`'s:
    /// its segments, and a word where one holds a letter or a digit (its `has_alphanumeric`,
    /// which is `char::is_alphanumeric` when it and Rust read one Unicode version, as the test of
    /// the table checks). One pass over each: the test of every code point makes a million texts.
    fn segmented_as_unicode_segmentation(text: &str) -> bool {
        let mut segmenter = unicode_word_indices(text);
        let mut start = 0;
        for segment in text.split_word_bounds() {
            let (end, word) = segmenter.segment(start);
            if end != start + segment.len() || word != segment.chars().any(char::is_alphanumeric) {
                return false;
            }
            start = end;
        }
        start == text.len()
    }

    #[test]
    fn every_code_point_is_segmented_as_unicode_segmentation_segments_it_in_context() {
        let mut text = String::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            text.clear();
            for (before, after) in CONTEXTS {
                text.push_str(before);
                text.push(c);
                text.push(c);
                text.push_str(after);
            }
            if !segmented_as_unicode_segmentation(&text) {
                assert_segmented_as_unicode_segmentation(&text); // says how they differ
                panic!("the words of{} differ", escaped(&text));
            }
        }
    }

    // ---- Random text -----------------------------------------------------------------------

    /// Characters of every class, and of the sequences the rules treat apart.
    const SAMPLED: &[char] = &[
        'a',
        'Z',
        '\u{E9}',
        '\u{416}',
        '\u{3B1}', // letters: ASCII, Latin, Cyrillic, Greek
        '\u{5D0}',
        '\u{5E9}',
        '\u{5BC}', // Hebrew letters and a point (Extend)
        '0',
        '7',
        '\u{663}',
        '\u{FF11}', // digits: ASCII, Arabic-Indic, full-width
        '\u{30A2}',
        '\u{30FC}',
        '\u{3042}',
        '\u{6771}', // Katakana, the prolonged mark, Hiragana, Han
        '_',
        '\u{203F}',
        '\u{FF3F}', // ExtendNumLet
        '\u{1F1E6}',
        '\u{1F1EB}',
        '\u{1F1F7}', // regional indicators
        '\u{301}',
        '\u{FE0F}',
        '\u{1F3FD}',
        '\u{AD}',
        '\u{2060}', // Extend and Format
        '\u{200D}',
        '\u{1F468}',
        '\u{1F469}',
        '\u{2764}',
        '\u{263A}',
        '\u{1F44D}', // ZWJ, emoji
        '\u{2139}',
        '\u{24C2}', // letters that are also pictographs
        ':',
        '\u{B7}',
        '\u{5F4}', // MidLetter
        ',',
        ';',
        '\u{66C}', // MidNum
        '.',
        '\u{2018}',
        '\u{2019}', // MidNumLet
        '\'',
        '"', // Single_Quote, Double_Quote
        ' ',
        '\u{3000}',
        '\u{A0}',
        '\t', // spaces
        '\r',
        '\n',
        '\u{2028}',
        '\u{85}', // line breaks
        '-',
        '\u{2014}',
        '%',
        '\u{A7}', // Other
    ];

    fn text_of(characters: Vec<char>) -> String {
        characters.into_iter().collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn random_text_of_every_class_is_segmented_as_unicode_segmentation_segments_it(
            characters in prop::collection::vec(prop::sample::select(SAMPLED), 0..40)
        ) {
            assert_segmented_as_unicode_segmentation(&text_of(characters));
        }

        #[test]
        fn random_text_of_any_code_point_is_segmented_as_unicode_segmentation_segments_it(
            characters in prop::collection::vec(
                prop_oneof![prop::sample::select(SAMPLED), any::<char>()], 0..40)
        ) {
            assert_segmented_as_unicode_segmentation(&text_of(characters));
        }
    }

    // ---- The rules, by example ---------------------------------------------------------------

    #[test]
    fn apostrophes_and_full_stops_join_letters() {
        assert_eq!(
            words("l\u{2019}\u{C9}tat n'a U.S."),
            ["l\u{2019}\u{C9}tat", "n'a", "U.S"]
        );
    }

    #[test]
    fn commas_and_arabic_separators_join_digits_but_not_letters() {
        assert_eq!(
            words("3,5 \u{663}\u{66C}\u{664} a,b"),
            ["3,5", "\u{663}\u{66C}\u{664}", "a", "b"]
        );
    }

    #[test]
    fn a_hebrew_acronym_keeps_its_gershayim_and_geresh() {
        // צה"ל and ג' (WB7a–WB7c).
        assert_eq!(
            words("\u{5E6}\u{5D4}\"\u{5DC} \u{5D2}'"),
            ["\u{5E6}\u{5D4}\"\u{5DC}", "\u{5D2}'"]
        );
    }

    #[test]
    fn katakana_is_one_word_and_hiragana_one_word_per_character() {
        assert_eq!(
            words("\u{30C6}\u{30EC}\u{30D3}\u{3092}"),
            ["\u{30C6}\u{30EC}\u{30D3}", "\u{3092}"]
        );
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        assert_eq!(
            words("cafe\u{301} na\u{308}ive"),
            ["cafe\u{301}", "na\u{308}ive"]
        );
    }

    #[test]
    fn emoji_flags_and_zwj_sequences_are_not_words() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let text = format!("{family} \u{1F1EB}\u{1F1F7}\u{1F1E9}\u{1F1EA} ok\u{1F44D}\u{1F3FD}");
        assert_eq!(words(&text), ["ok"]);
        assert_eq!(
            our_segments(&text),
            [
                family,
                " ",
                "\u{1F1EB}\u{1F1F7}",
                "\u{1F1E9}\u{1F1EA}",
                " ",
                "ok",
                "\u{1F44D}\u{1F3FD}"
            ]
        );
    }

    #[test]
    fn a_letter_that_is_a_pictograph_is_a_word() {
        assert_eq!(words("\u{2139}\u{FE0F} info"), ["\u{2139}\u{FE0F}", "info"]);
    }

    #[test]
    fn offsets_are_byte_offsets_in_the_text() {
        assert_eq!(
            ours("\u{E9}t\u{E9} \u{2014} 3\u{66C}5"),
            [(0, "\u{E9}t\u{E9}"), (10, "3\u{66C}5")]
        );
    }
}
