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

/// Up to 15 bytes as two big-endian integers, zero past the end, and the length in the last
/// byte: pairs that order as the words do (a shorter word before its extensions), and
/// differ for different words.
const fn packed(word: &[u8]) -> (u64, u64) {
    let mut halves = [0u64; 2];
    let mut at = 0;
    while at < 16 {
        let byte = if at == 15 {
            word.len() as u8
        } else if at < word.len() {
            word[at]
        } else {
            0
        };
        halves[at / 8] = halves[at / 8] << 8 | byte as u64;
        at += 1;
    }
    (halves[0], halves[1])
}

/// Bytes in the longest word [`packed`] keeps whole: longer tokens are never stopwords.
const LONGEST: usize = 15;

/// [`STOPWORDS`] [`packed`], in the same (sorted) order.
const KEYS: [(u64, u64); STOPWORDS.len()] = {
    let mut keys = [(0, 0); STOPWORDS.len()];
    let mut at = 0;
    while at < keys.len() {
        assert!(STOPWORDS[at].len() <= LONGEST);
        keys[at] = packed(STOPWORDS[at].as_bytes());
        at += 1;
    }
    keys
};

/// Whether a normalized token is a stopword. A binary search over integers whose steps
/// choose without branching: it runs once for every distinct word of a story, and a search
/// comparing strings mispredicted a branch at nearly every step.
pub fn is_stopword(token: &str) -> bool {
    if token.len() > LONGEST {
        return false;
    }
    let key = packed(token.as_bytes());
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
