//! The stopword list: English function words that may sit inside a term ("war of words")
//! but never start or end one. Written for this project (see docs/METHOD.md); it leaves out
//! the phrasal-verb particles (out, up, off, down, back, away, over) so "wipe out" and
//! "blow up" stay terms, and it keeps content words that news copy repeats ("said") so
//! that a side that quotes more is still visible.

/// Sorted, so lookup is a binary search. Entries are normalized tokens (lowercase,
/// straight apostrophes, possessive dropped).
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "ain't",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "aren't",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "d",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "doing",
    "don't",
    "during",
    "each",
    "either",
    "else",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "hadn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "having",
    "he",
    "he'd",
    "he'll",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "if",
    "in",
    "into",
    "is",
    "isn't",
    "it",
    "its",
    "itself",
    "just",
    "let",
    "ll",
    "m",
    "may",
    "me",
    "might",
    "mightn't",
    "more",
    "most",
    "must",
    "mustn't",
    "my",
    "myself",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "o",
    "of",
    "on",
    "once",
    "only",
    "or",
    "other",
    "others",
    "ought",
    "our",
    "ours",
    "ourselves",
    "own",
    "re",
    "s",
    "same",
    "shall",
    "shan't",
    "she",
    "she'd",
    "she'll",
    "should",
    "shouldn't",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "they'd",
    "they'll",
    "they're",
    "they've",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "upon",
    "us",
    "ve",
    "very",
    "was",
    "wasn't",
    "we",
    "we'd",
    "we'll",
    "we're",
    "we've",
    "were",
    "weren't",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won't",
    "would",
    "wouldn't",
    "yet",
    "you",
    "you'd",
    "you'll",
    "you're",
    "you've",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Bytes in the longest word [`packed`] keeps whole: longer tokens are never stopwords.
const LONGEST: usize = 15;

/// Up to 15 bytes, zero past the end, and the length in the sixteenth, read as one
/// little-endian integer: equal for equal words and different for different ones (the
/// length tells a word from its extension by zero bytes). Little-endian, so that reading a
/// token is two plain 64-bit loads in WASM too; the integers do not order as the words do,
/// so [`KEYS`] is sorted by them.
const fn packed(word: &[u8]) -> u128 {
    let mut bytes = [0u8; 16];
    let mut at = 0;
    while at < word.len() && at < LONGEST {
        bytes[at] = word[at];
        at += 1;
    }
    bytes[LONGEST] = word.len() as u8;
    u128::from_le_bytes(bytes)
}

/// [`packed`] for a token of at most [`LONGEST`] bytes, with one copy rather than a loop
/// over its bytes.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn packed_token(token: &[u8]) -> u128 {
    let mut bytes = [0u8; 16];
    if let Some(start) = bytes.get_mut(..token.len()) {
        start.copy_from_slice(token);
    }
    bytes[LONGEST] = token.len() as u8;
    u128::from_le_bytes(bytes)
}

/// [`STOPWORDS`] [`packed`], sorted.
const KEYS: [u128; STOPWORDS.len()] = {
    let mut keys = [0; STOPWORDS.len()];
    let mut at = 0;
    while at < keys.len() {
        assert!(STOPWORDS[at].len() <= LONGEST);
        keys[at] = packed(STOPWORDS[at].as_bytes());
        // Insertion sort, at compile time.
        let mut to = at;
        while to > 0 && keys[to - 1] > keys[to] {
            let previous = keys[to - 1];
            keys[to - 1] = keys[to];
            keys[to] = previous;
            to -= 1;
        }
        at += 1;
    }
    keys
};

/// Whether a normalized token is a stopword. A binary search over integers whose steps
/// choose without branching: it runs once for every distinct word of a story, and a search
/// comparing strings mispredicted a branch at nearly every step.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub fn is_stopword(token: &str) -> bool {
    if token.len() > LONGEST {
        return false;
    }
    let key = packed_token(token.as_bytes());
    let mut base = 0;
    let mut size = KEYS.len();
    while size > 1 {
        let half = size / 2;
        if KEYS.get(base + half).is_some_and(|&middle| middle <= key) {
            base += half;
        }
        size -= half;
    }
    KEYS.get(base) == Some(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_and_free_of_duplicates() {
        assert!(STOPWORDS.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn keys_are_sorted_and_distinct() {
        assert!(KEYS.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn a_token_is_packed_as_the_listed_words_are() {
        for word in STOPWORDS
            .iter()
            .copied()
            .chain(["", "a\u{0}", "zzz", "fifteen-letters"])
        {
            assert_eq!(
                packed_token(word.as_bytes()),
                packed(word.as_bytes()),
                "{word:?}"
            );
        }
    }

    #[test]
    fn every_listed_word_and_nothing_else_is_a_stopword() {
        for (at, word) in STOPWORDS.iter().enumerate() {
            assert!(is_stopword(word), "{word}");
            // A word between this one and the next, a prefix and an extension.
            for other in [
                format!("{word}a"),
                format!("{word}\u{0}"),
                word[..word.len() - 1].to_string(),
            ] {
                let listed = STOPWORDS.contains(&other.as_str());
                assert_eq!(is_stopword(&other), listed, "{other:?} after {at}");
            }
        }
        for other in ["", "zzz", "aaaaaaaaaaaaaaaaa", "the the", "thé"] {
            assert!(!is_stopword(other), "{other}");
        }
    }

    #[test]
    fn function_words_are_stopwords() {
        for word in ["the", "of", "and", "they're", "wouldn't"] {
            assert!(is_stopword(word), "{word}");
        }
    }

    #[test]
    fn phrasal_verb_particles_are_not_stopwords() {
        for particle in ["out", "up", "off", "down", "back", "away", "over"] {
            assert!(!is_stopword(particle), "{particle}");
        }
    }

    #[test]
    fn content_words_are_not_stopwords() {
        for word in ["daring", "harbor", "said", "flop"] {
            assert!(!is_stopword(word), "{word}");
        }
    }
}
