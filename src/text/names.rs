//! Names in running text (docs/METHOD.md §6): which words are written with a capital, which
//! capitals say nothing because they only start a sentence, a quotation or a title-case line,
//! and which capitalized neighbours make one name ("Oleksandr Syrskyi", but not "Kharkiv,
//! Odesa" or "Ukraine’s President"). [`Capitals`] records these marks while a sentence is
//! tokenized, as one number per capitalized word, so that names can be built later from the
//! token ids without segmenting the text again.

use super::tokens::Token;

/// The mark of a capital that only starts something: the first word of a sentence, a word
/// after an opening quote, bracket or colon, or any word of a title-case line.
pub const INITIAL: u32 = 1;
/// The mark of a capitalized word joined to the capitalized word before it: only spaces or
/// one hyphen between them, and no possessive `'s` ending the first.
pub const JOINED: u32 = 2;
/// The mark of every capitalized word of a title-case line (with [`INITIAL`]).
pub const TITLE: u32 = 4;
/// A capitalized word's token position is the mark shifted left by this much.
pub const MARK_BITS: u32 = 3;

/// Whether a word starts with a capital letter (`É` included: a character that lowercasing
/// changes).
#[inline]
pub fn is_capitalized(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(&byte) if byte < 0x80 => byte.is_ascii_uppercase(),
        Some(_) => capital_beyond_ascii(word),
        None => false,
    }
}

#[inline(never)]
fn capital_beyond_ascii(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| super::lowercase::lowercase_char(c) != c)
}

/// The marks of an article's capitalized words, as the counter meets its tokens. Nothing is
/// kept per word: a word without a capital costs one comparison, and what a capital needs
/// to know about the word before it is read off the sentence and the last mark.
#[derive(Debug, Default)]
pub struct Capitals {
    /// One entry per capitalized word of the article so far: its token position in the
    /// article, shifted by [`MARK_BITS`], with [`INITIAL`] and [`JOINED`].
    pub marks: Vec<u32>,
    /// Where the current sentence's marks start, and its first token position.
    sentence_marks: usize,
    sentence_start: usize,
}

impl Capitals {
    /// Notes the token of `sentence` at token `position` of its article.
    #[inline]
    pub fn word(&mut self, sentence: &str, token: &Token, position: usize) {
        if is_capitalized(token.surface) {
            self.capital(
                sentence.as_bytes().get(..token.start).unwrap_or_default(),
                position,
            );
        }
    }

    /// Marks a capitalized word, `before` being the sentence's bytes up to it.
    #[inline(never)]
    fn capital(&mut self, before: &[u8], position: usize) {
        let initial = position == self.sentence_start || opens(before);
        let previous_capital = self.marks[self.sentence_marks..]
            .last()
            .is_some_and(|&mark| (mark >> MARK_BITS) as usize + 1 == position);
        let joined = previous_capital && !initial && joins(before);
        self.marks
            .push(((position as u32) << MARK_BITS) | u32::from(initial) | (u32::from(joined) << 1));
    }

    /// Ends a sentence; the next starts at token position `next`. When more than two thirds
    /// of its words (and at least three) are capitalized, it is a title-case line, and its
    /// capitals say nothing about names.
    pub fn end_sentence(&mut self, next: usize) {
        let words = next.saturating_sub(self.sentence_start + 1);
        let capitals = self.marks.len() - self.sentence_marks;
        if words >= 3 && 3 * capitals > 2 * words {
            for mark in &mut self.marks[self.sentence_marks..] {
                *mark |= INITIAL | TITLE;
            }
        }
        self.sentence_marks = self.marks.len();
        self.sentence_start = next;
    }

    /// Starts a new article.
    pub fn clear(&mut self) {
        self.marks.clear();
        self.sentence_marks = 0;
        self.sentence_start = 0;
    }
}

/// `bytes` without the spaces that end it.
fn without_spaces(bytes: &[u8]) -> &[u8] {
    let mut end = bytes.len();
    while end > 0 && bytes[end - 1] == b' ' {
        end -= 1;
    }
    &bytes[..end]
}

/// Whether a capital after `before` may only start something: the last character before it
/// other than a space is an opening quote or bracket, or a colon.
fn opens(before: &[u8]) -> bool {
    matches!(
        without_spaces(before),
        [.., b'"' | b'\'' | b'(' | b'[' | b':'] | [.., 0xE2, 0x80, 0x98 | 0x9C]
    )
}

/// Whether a capitalized word after `before` joins the word that ends it: spaces only
/// between them, or one hyphen, and no possessive `'s` ending the first.
fn joins(before: &[u8]) -> bool {
    let spaced = without_spaces(before);
    let word = match (spaced.len() < before.len(), before) {
        (true, _) => spaced,
        (false, [word @ .., b'-']) => word,
        _ => return false,
    };
    // A word ends with a letter or digit; past ASCII, with a byte of a letter.
    let ends_word = matches!(word, [.., last] if last.is_ascii_alphanumeric() || *last >= 0x80);
    ends_word && !matches!(word, [.., b'\'' | 0x99, b's' | b'S'])
}

/// Days and months: written with a capital, but dates rather than what a story is about.
pub fn is_calendar_word(normalized: &str) -> bool {
    const CALENDAR: [&str; 18] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    CALENDAR.contains(&normalized)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    /// Each capitalized word of `sentence` with its marks: (word, initial, joined).
    fn marked(sentence: &str) -> Vec<(&str, bool, bool)> {
        let mut capitals = Capitals::default();
        let words: Vec<Token> = tokens(sentence).collect();
        for (position, token) in words.iter().enumerate() {
            capitals.word(sentence, token, position);
        }
        capitals.end_sentence(words.len() + 1);
        capitals
            .marks
            .iter()
            .map(|&mark| {
                let word = words[(mark >> MARK_BITS) as usize].surface;
                (word, mark & INITIAL != 0, mark & JOINED != 0)
            })
            .collect()
    }

    #[test]
    fn capitals_beyond_ascii_count() {
        assert!(is_capitalized("Élan") && is_capitalized("Zelenskyy") && is_capitalized("ÖVP"));
        assert!(!is_capitalized("élan") && !is_capitalized("41") && !is_capitalized("日本"));
    }

    #[test]
    fn the_first_word_of_a_sentence_is_initial_and_neighbours_join() {
        assert_eq!(
            marked("Officials said Gen. Oleksandr Syrskyi visited Sumy on Monday."),
            [
                ("Officials", true, false),
                ("Gen", false, false),
                ("Oleksandr", false, false),
                ("Syrskyi", false, true),
                ("Sumy", false, false),
                ("Monday", false, false),
            ]
        );
    }

    #[test]
    fn commas_and_possessives_separate_names() {
        assert_eq!(
            marked("drones struck homes in Kharkiv, Odesa and the capital, said Ukraine’s President Volodymyr Zelenskyy"),
            [
                ("Kharkiv", false, false),
                ("Odesa", false, false),
                ("Ukraine’s", false, false),
                ("President", false, false),
                ("Volodymyr", false, true),
                ("Zelenskyy", false, true),
            ]
        );
    }

    #[test]
    fn capitals_after_an_opening_quote_or_colon_are_initial() {
        assert_eq!(
            marked("he said: “Today we rebuild,” and left for Jean-Claude Juncker’s office"),
            [
                ("Today", true, false),
                ("Jean", false, false),
                ("Claude", false, true),
                ("Juncker’s", false, true),
            ]
        );
    }

    #[test]
    fn a_title_case_line_says_nothing_about_names() {
        let marks = marked("Drones Hidden in Trucks Strike Russian Bombers");
        assert!(marks.iter().all(|&(_, initial, _)| initial), "{marks:?}");
        let sentence_case = marked("Drones hidden in trucks strike Russian bombers");
        assert_eq!(
            sentence_case,
            [("Drones", true, false), ("Russian", false, false)]
        );
    }
}
