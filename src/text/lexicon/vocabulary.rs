//! The vocabulary of the lexicons: every word any list knows has one index, found from a
//! story's normalized token once ([`Lexicons::word_index`]), and what VADER's rules and the
//! phrase matching need to know of it in 8 bytes ([`Word`]): its valence, whether it boosts or
//! dampens, the rule words and negations it is, the trie node a phrase starting with it leads
//! to. A sentence is then read as indices ([`Words`]), its *hits* the words a rule starts from.

use super::phrases::NONE;
use super::Lexicons;

/// No word of the vocabulary; also the mask of an index or a position below the hit kinds.
pub(crate) const NO_WORD: u32 = 0x1FFF_FFFF;
/// What a word is to the rules that start from it, in the top bits of a sentence's hits (its
/// position below) and of a story's token table (its index below): a word with a valence,
/// the first word of a phrase, a "but".
pub(crate) const VALENCE_HIT: u32 = 1 << 31;
pub(crate) const PHRASE_HIT: u32 = 1 << 30;
pub(crate) const BUT_HIT: u32 = 1 << 29;
/// Stands for any other word with "n't" in it: a negation for VADER and a denial.
pub(super) const NT_WORD: u32 = 0;
/// Stands for any word without a letter (a number): `<number>` in a list's exclusions.
pub(super) const NUMBER_WORD: u32 = 1;

/// A word of VADER's `NEGATE` list, or one with "n't".
pub(crate) const NEGATION: u16 = 1;
/// A word that denies a charged or hedging phrase up to three words after it.
pub(crate) const DENIAL: u16 = 1 << 1;
/// A word after which a denial word denies nothing ("not only").
pub(crate) const DENIAL_EXCEPT: u16 = 1 << 2;
// The words VADER's rules name.
pub(crate) const BUT: u16 = 1 << 3;
pub(crate) const KIND: u16 = 1 << 4;
pub(crate) const OF: u16 = 1 << 5;
pub(crate) const LEAST: u16 = 1 << 6;
pub(crate) const NO: u16 = 1 << 7;
pub(crate) const NEVER: u16 = 1 << 8;
pub(crate) const SO_THIS: u16 = 1 << 9;
pub(crate) const WITHOUT: u16 = 1 << 10;
pub(crate) const DOUBT: u16 = 1 << 11;
pub(crate) const AT_VERY: u16 = 1 << 12;
pub(crate) const OR_NOR: u16 = 1 << 13;
/// The first word of one of VADER's special idioms or booster phrases: where none stands
/// among the three words before a word or the word itself, no idiom can apply to it.
pub(crate) const IDIOM_START: u16 = 1 << 14;

/// The words VADER's rules test for by name (vaderSentiment.py 3.3.2).
pub(super) const RULE_WORDS: [(&str, u16); 14] = [
    ("but", BUT),
    ("kind", KIND),
    ("of", OF),
    ("least", LEAST),
    ("no", NO),
    ("never", NEVER),
    ("so", SO_THIS),
    ("this", SO_THIS),
    ("without", WITHOUT),
    ("doubt", DOUBT),
    ("at", AT_VERY),
    ("very", AT_VERY),
    ("or", OR_NOR),
    ("nor", OR_NOR),
];

/// What the rules know of a word of the vocabulary, in 8 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    /// VADER's valence in tenths, or [`NO_VALENCE`] when the word is not in its lexicon.
    pub(super) tenths: i8,
    /// +1 for a VADER booster, −1 for a dampener, else 0.
    pub booster: i8,
    pub flags: u16,
    /// The phrase-trie node this word leads to from the root ([`NONE`]: no phrase starts
    /// with it).
    pub(super) node: u32,
}

const NO_VALENCE: i8 = i8::MIN;

pub(super) const EMPTY_WORD: Word = Word {
    tenths: NO_VALENCE,
    booster: 0,
    flags: 0,
    node: NONE,
};

impl Word {
    /// VADER's valence, when the word is in its lexicon: tenths ÷ 10, the same `f64` as
    /// the reference's `float("-1.9")` (both are the double nearest the decimal).
    #[inline]
    pub fn valence(self) -> Option<f64> {
        (self.tenths != NO_VALENCE).then(|| f64::from(self.tenths) / 10.0)
    }

    #[inline]
    pub fn in_lexicon(self) -> bool {
        self.tenths != NO_VALENCE
    }

    /// What the rules that start from a word see in it ([`VALENCE_HIT`], [`PHRASE_HIT`],
    /// [`BUT_HIT`]); 0 for most words. The positions of words with some are a sentence's
    /// *hits*.
    #[inline]
    pub fn hit_kinds(self) -> u32 {
        let mut kinds = 0;
        if self.tenths != NO_VALENCE {
            kinds |= VALENCE_HIT;
        }
        if self.node != NONE {
            kinds |= PHRASE_HIT;
        }
        if self.flags & BUT != 0 {
            kinds |= BUT_HIT;
        }
        kinds
    }
}

/// A sentence's words as vocabulary indices: the counter's token ids read through a story's
/// token table (an index per token id, with its hit kinds in the top bits), or indices given
/// directly. Read where the rules look, not copied out word by word.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Words<'a> {
    ids: &'a [u32],
    table: Option<&'a [u32]>,
}

impl<'a> Words<'a> {
    pub fn through(ids: &'a [u32], table: &'a [u32]) -> Words<'a> {
        Words {
            ids,
            table: Some(table),
        }
    }

    pub fn direct(words: &'a [u32]) -> Words<'a> {
        Words {
            ids: words,
            table: None,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// The vocabulary index of the word at `at` ([`NO_WORD`] past the end).
    #[inline]
    pub fn get(&self, at: usize) -> u32 {
        let Some(&id) = self.ids.get(at) else {
            return NO_WORD;
        };
        match self.table {
            None => id,
            Some(table) => table.get(id as usize).copied().unwrap_or(NO_WORD) & NO_WORD,
        }
    }
}

/// Most words of the vocabulary: the 24 bits of a word in a trie edge (`phrases`).
const MAX_WORDS: usize = 1 << 24;

impl Lexicons {
    /// The index of a normalized word, added when new ([`NO_WORD`] once the vocabulary is
    /// full).
    pub(super) fn intern(&mut self, text: &str) -> u32 {
        if let Some(&index) = self.index.get(text) {
            return index;
        }
        if self.words.len() >= MAX_WORDS {
            return NO_WORD;
        }
        let index = self.words.len() as u32;
        let mut word = EMPTY_WORD;
        if has_nt(text) {
            // A word with "n't" in it is a negation and a denial, as those not listed are.
            word.flags = NEGATION | DENIAL;
        }
        self.words.push(word);
        self.index.insert(text.into(), index);
        index
    }

    /// The word at `index`, to be changed; a scratch word for [`NO_WORD`].
    pub(super) fn word_mut(&mut self, index: u32) -> &mut Word {
        // NO_WORD only comes from a full vocabulary; the standing-for words stay as set.
        if (index as usize) < self.words.len() && index > NUMBER_WORD {
            &mut self.words[index as usize]
        } else {
            &mut self.scratch
        }
    }

    /// The vocabulary index of a normalized token: its own, the index standing for words
    /// with "n't" or for numbers, or [`NO_WORD`].
    pub(crate) fn word_index(&self, token: &str) -> u32 {
        match self.index.get(token) {
            Some(&index) => index,
            // Most words start with a letter and have no apostrophe: one byte read, one pass.
            None if has_nt(token) => NT_WORD,
            None if token
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_alphabetic) =>
            {
                NO_WORD
            }
            None if !token.chars().any(char::is_alphabetic) => NUMBER_WORD,
            None => NO_WORD,
        }
    }

    /// What the rules know of the word at `index` (nothing for [`NO_WORD`]).
    #[inline]
    pub(crate) fn word(&self, index: u32) -> Word {
        self.words
            .get(index as usize)
            .copied()
            .unwrap_or(EMPTY_WORD)
    }

    /// A sentence's hits ([`Word::hit_kinds`]): each one's position and kinds, into `hits`.
    pub(crate) fn hits(&self, words: Words, hits: &mut Vec<u32>) {
        hits.clear();
        for at in 0..words.len() {
            let kinds = self.word(words.get(at)).hit_kinds();
            if kinds != 0 {
                hits.push(at as u32 | kinds);
            }
        }
    }
}

/// Whether `text` has "n't" in it: bytes compared, not the standard library's substring
/// search, whose general algorithm is about 1 KB of WASM.
fn has_nt(text: &str) -> bool {
    text.as_bytes().windows(3).any(|w| w == b"n't")
}
