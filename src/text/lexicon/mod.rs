//! The lexicons of the language analysis (docs/METHOD.md §6), read from the one compact text
//! that `scripts/lexicons.mjs` writes from the sources in `data/` (data/README.md): VADER's
//! valences and the word lists of its rules, and our charged and hedging phrases. Every word
//! any list knows gets one index in a vocabulary, with what the rules need to know of it
//! (its valence, booster, flags, where a phrase may start), so that a story's token is looked
//! up once and its sentences are then read as indices. Phrases are kept in a small trie over
//! those indices and matched as whole words, leftmost and longest first.
//!
//! Here the lexicons as a whole; the text's form and its reading in `parse`, the vocabulary
//! (a word's index and what the rules know of it) in `vocabulary`, the phrase trie, its
//! matching and VADER's idioms in `phrases`.

mod parse;
mod phrases;
mod vocabulary;

use rustc_hash::FxHashMap;

use phrases::{Category, Entry, Idiom};
pub(crate) use phrases::{List, Match};
pub(crate) use vocabulary::{
    Word, Words, AT_VERY, BUT_HIT, DOUBT, IDIOM_START, KIND, LEAST, NEGATION, NEVER, NO, NO_WORD,
    OF, OR_NOR, SO_THIS, VALENCE_HIT, WITHOUT,
};

/// Every list of the language analysis, read once (docs/METHOD.md §6).
#[derive(Debug)]
pub struct Lexicons {
    index: FxHashMap<Box<str>, u32>,
    words: Vec<Word>,
    pub(crate) entries: Vec<Entry>,
    pub(crate) categories: Vec<Category>,
    /// Trie edges below the first word: parent node (20 bits), word (24), child (20), sorted.
    edges: Vec<u64>,
    /// By trie node: the entry ending there, or [`NONE`](phrases::NONE).
    terminal: Vec<u32>,
    /// By trie node: whether a longer phrase goes on from it.
    branches: Vec<bool>,
    pub(crate) idioms: Vec<Idiom>,
    pub(crate) booster_phrases: Vec<Idiom>,
    /// Written instead of a word that could not be added.
    scratch: Word,
}

#[cfg(feature = "embedded-lexicons")]
impl Lexicons {
    /// The lexicons shipped with the crate (`data/lexicons.txt`), read on first use.
    pub fn embedded() -> &'static Lexicons {
        static EMBEDDED: std::sync::OnceLock<Lexicons> = std::sync::OnceLock::new();
        EMBEDDED.get_or_init(|| {
            Lexicons::parse(include_str!("../../../data/lexicons.txt"))
                .expect("data/lexicons.txt is checked by the crate's tests")
        })
    }
}
