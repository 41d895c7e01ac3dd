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

/// Whether a normalized token is a stopword.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub fn is_stopword(token: &str) -> bool {
    // Byte by byte rather than with `memcmp`: the words are a few bytes long, too short to
    // pay for a call (slow in WASM especially).
    STOPWORDS
        .binary_search_by(|word| word.bytes().cmp(token.bytes()))
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_and_free_of_duplicates() {
        assert!(STOPWORDS.windows(2).all(|pair| pair[0] < pair[1]));
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
