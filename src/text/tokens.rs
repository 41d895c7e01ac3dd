//! Word tokens: Unicode word segmentation (UAX #29), then the normalization of SPEC §3 —
//! lowercase, curly apostrophes made straight, a trailing possessive `'s` dropped.

use unicode_segmentation::UnicodeSegmentation;

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
    pub fn end(&self) -> usize {
        self.start + self.surface.len()
    }
}

/// The words of `sentence` (UAX #29 word segments that contain a letter or a digit).
pub fn tokens(sentence: &str) -> impl Iterator<Item = Token<'_>> {
    sentence
        .unicode_word_indices()
        .map(|(start, surface)| Token { start, surface })
}

/// Writes the normalized form of `surface` into `out` (cleared first): lowercase, `’ ‘ ʼ`
/// as `'`, and a trailing `'s` dropped so "Russia’s" and "Russia" are one term.
pub fn normalize_token(surface: &str, out: &mut String) {
    out.clear();
    if surface.is_ascii() {
        out.push_str(surface);
        out.make_ascii_lowercase();
    } else {
        normalize_unicode(surface, out);
    }
    if out.len() > 2 && out.ends_with("'s") {
        out.truncate(out.len() - 2);
    }
}

fn normalize_unicode(surface: &str, out: &mut String) {
    for c in surface.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn lowercases_beyond_ascii() {
        assert_eq!(normalized("ÉLAN Straße"), ["élan", "straße"]);
    }
}
