//! The lexicons of the language analysis (docs/METHOD.md §6), read from the one compact text
//! that `scripts/lexicons.mjs` writes from the sources in `data/` (data/README.md): VADER's
//! valences and the word lists of its rules, and our charged and hedging phrases. Every word
//! any list knows gets one index in a vocabulary, with what the rules need to know of it
//! (its valence, booster, flags, where a phrase may start), so that a story's token is looked
//! up once and its sentences are then read as indices. Phrases are kept in a small trie over
//! those indices and matched as whole words, leftmost and longest first.
//!
//! The text holds every word as the counter normalizes tokens (docs/METHOD.md §3), so
//! "so-called" is the two words "so called" and "Russia's" would be "russia"; the tests
//! check that each phrase of the sources reads so through the crate's own tokenizer. The
//! reader is kept short (it is part of the widget's WASM): one character says what a line is.

use rustc_hash::FxHashMap;

use crate::error::Error;

/// No word of the vocabulary; also the mask of an index or a position below the hit kinds.
pub(crate) const NO_WORD: u32 = 0x1FFF_FFFF;
/// What a word is to the rules that start from it, in the top bits of a sentence's hits (its
/// position below) and of a story's token table (its index below): a word with a valence,
/// the first word of a phrase, a "but".
pub(crate) const VALENCE_HIT: u32 = 1 << 31;
pub(crate) const PHRASE_HIT: u32 = 1 << 30;
pub(crate) const BUT_HIT: u32 = 1 << 29;
const NONE: u32 = u32::MAX;
/// Stands for any other word with "n't" in it: a negation for VADER and a denial.
const NT_WORD: u32 = 0;
/// Stands for any word without a letter (a number): `<number>` in a list's exclusions.
const NUMBER_WORD: u32 = 1;

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
const RULE_WORDS: [(&str, u16); 14] = [
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
    tenths: i8,
    /// +1 for a VADER booster, −1 for a dampener, else 0.
    pub booster: i8,
    pub flags: u16,
    /// The phrase-trie node this word leads to from the root ([`NONE`]: no phrase starts
    /// with it).
    node: u32,
}

const NO_VALENCE: i8 = i8::MIN;

const EMPTY_WORD: Word = Word {
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

/// Which list a phrase belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    Charged,
    Hedging,
}

/// A phrase of the charged or hedging lists.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// Its words, normalized, joined by one space.
    pub text: Box<str>,
    /// Its category, an index into [`Lexicons::categories`].
    pub category: u32,
    /// Not counted when the next word is one of these, or the word before one of those.
    not_before: Vec<u32>,
    not_after: Vec<u32>,
}

/// A category of phrases: its list, its key in the report (`violence`, `hedge`, …), and its
/// name and meaning for readers, written in data/ beside its words so that lexicons describe
/// themselves (and the widget's WASM carries none of these sentences).
#[derive(Debug, Clone)]
pub(crate) struct Category {
    pub list: List,
    pub key: Box<str>,
    pub name: Box<str>,
    pub meaning: Box<str>,
}

/// A sequence of two or three words with a value: VADER's special cases (the value replaces
/// the valence) and its booster phrases ("kind of": the value is added).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Idiom {
    words: [u32; 3],
    len: usize,
    pub value: f64,
}

impl Idiom {
    /// Whether the words at `at` in `words` are this idiom's, and no more.
    pub fn is(&self, words: Words, at: &[usize]) -> bool {
        let mut same = at.len() == self.len;
        for (&i, &w) in at.iter().zip(&self.words) {
            same &= i < words.len() && words.get(i) == w;
        }
        same
    }
}

/// One use of a phrase in a sentence: where, and whether a denial word precedes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match {
    pub entry: u32,
    pub position: usize,
    pub length: usize,
    pub negated: bool,
}

/// Every list of the language analysis, read once (docs/METHOD.md §6).
#[derive(Debug)]
pub struct Lexicons {
    index: FxHashMap<Box<str>, u32>,
    words: Vec<Word>,
    pub(crate) entries: Vec<Entry>,
    pub(crate) categories: Vec<Category>,
    /// Trie edges below the first word: parent node (20 bits), word (24), child (20), sorted.
    edges: Vec<u64>,
    /// By trie node: the entry ending there, or [`NONE`].
    terminal: Vec<u32>,
    /// By trie node: whether a longer phrase goes on from it.
    branches: Vec<bool>,
    pub(crate) idioms: Vec<Idiom>,
    pub(crate) booster_phrases: Vec<Idiom>,
    /// Written instead of a word that could not be added.
    scratch: Word,
}

/// The first line of the lexicons' text.
const HEADER: &str = "bias-compare lexicons 2";
/// Trie limits of the edge packing.
const MAX_NODES: usize = 1 << 20;
const MAX_WORDS: usize = 1 << 24;

/// The one error of a text that is not the lexicons: the line where reading stopped.
fn problem(line: usize) -> Error {
    Error::at(
        "lexicons",
        format!("line {line} is not in the form of bias-compare-lexicons.txt"),
    )
}

impl Lexicons {
    /// Reads the lexicons' text (`data/lexicons.txt`, served to the widget as
    /// `bias-compare-lexicons.txt`; its form is described in scripts/lexicons.mjs). An error
    /// names the line at fault.
    pub fn parse(text: &str) -> Result<Lexicons, Error> {
        let mut index = FxHashMap::default();
        index.reserve(1 << 13); // about the size of the lexicons shipped
        let mut lexicons = Lexicons {
            index,
            words: vec![EMPTY_WORD; 2],
            entries: Vec::new(),
            categories: Vec::new(),
            edges: Vec::new(),
            terminal: vec![NONE],
            branches: vec![false],
            idioms: Vec::new(),
            booster_phrases: Vec::new(),
            scratch: EMPTY_WORD,
        };
        lexicons.words[NT_WORD as usize].flags = NEGATION | DENIAL;
        for (word, flag) in RULE_WORDS {
            let index = lexicons.intern(word);
            lexicons.word_mut(index).flags |= flag;
        }
        match lexicons.read(text) {
            Ok(()) => Ok(lexicons),
            Err(line) => Err(problem(line)),
        }
    }

    /// The reading of [`Lexicons::parse`] after the rule words, into `self`: the number of
    /// the line at fault on error. Apart, so that each way out is a plain return, with the
    /// lexicons dropped and the error made once, in `parse`.
    fn read(&mut self, text: &str) -> Result<(), usize> {
        let mut lines = text.split('\n');
        let vader = match (lines.next(), lines.next()) {
            (Some(HEADER), Some(count)) => count.parse::<usize>().map_err(|_| 2usize)?,
            _ => return Err(1),
        };
        // The VADER words, front-coded: a letter (how many to drop from the word before),
        // then the letters that follow.
        let mut word = String::new();
        let mut indices = Vec::with_capacity(vader.min(1 << 16));
        for number in 3..3 + vader {
            let line = lines.next().unwrap_or_default();
            let drop = line.bytes().next().unwrap_or(0).wrapping_sub(b'A');
            let keep = word.len().checked_sub(usize::from(drop));
            match (keep, line.get(1..)) {
                (Some(keep), Some(rest)) if drop < 26 && word.is_char_boundary(keep) => {
                    word.truncate(keep);
                    word.push_str(rest);
                }
                _ => return Err(number),
            }
            indices.push(self.intern(&word));
        }
        let values = lines.next().unwrap_or_default();
        if values.len() != vader {
            return Err(3 + vader);
        }
        for (index, value) in indices.into_iter().zip(values.bytes()) {
            let tenths = i16::from(value) - 79;
            if !(-40..=40).contains(&tenths) {
                return Err(3 + vader);
            }
            self.word_mut(index).tenths = tenths as i8;
        }
        let mut category = None;
        for (number, line) in (4 + vader..).zip(lines) {
            let (Some(tag), Some(rest)) = (line.bytes().next(), line.get(1..)) else {
                continue; // the empty line after the last
            };
            match tag {
                b'+' | b'-' => {
                    let words = self.words_of(rest);
                    let sign: i8 = if tag == b'+' { 1 } else { -1 };
                    if let [word] = words[..] {
                        self.word_mut(word).booster = sign;
                    } else if let Some(idiom) = idiom(&words, f64::from(sign) * 0.293) {
                        // "kind-of" is "kind of" once tokenized: one phrase, added once.
                        if !self.booster_phrases.iter().any(|b| b.words == idiom.words) {
                            self.booster_phrases.push(idiom);
                        }
                    }
                }
                b'!' | b'~' | b'^' => {
                    let flag = match tag {
                        b'!' => NEGATION,
                        b'~' => DENIAL,
                        _ => DENIAL_EXCEPT,
                    };
                    let index = self.intern(rest);
                    self.word_mut(index).flags |= flag;
                }
                b'=' => {
                    let (value, phrase) = rest.split_once(' ').ok_or(number)?;
                    let value = tenths(value).ok_or(number)?;
                    let words = self.words_of(phrase);
                    if let Some(idiom) = idiom(&words, value / 10.0) {
                        self.idioms.push(idiom);
                    }
                }
                b'#' => {
                    let list = match rest.get(..2) {
                        Some("c ") => List::Charged,
                        Some("h ") => List::Hedging,
                        _ => return Err(number),
                    };
                    let mut parts = rest[2..].split('|');
                    let (Some(key), Some(name), Some(meaning), None) =
                        (parts.next(), parts.next(), parts.next(), parts.next())
                    else {
                        return Err(number);
                    };
                    category = Some(self.categories.len() as u32);
                    self.categories.push(Category {
                        list,
                        key: key.into(),
                        name: name.into(),
                        meaning: meaning.into(),
                    });
                }
                b':' => {
                    let category = category.ok_or(number)?;
                    if !self.add_entry(rest, category) {
                        return Err(number);
                    }
                }
                _ => return Err(number),
            }
        }
        for k in 0..self.idioms.len() + self.booster_phrases.len() {
            let idiom = match self.idioms.get(k) {
                Some(idiom) => idiom,
                None => &self.booster_phrases[k - self.idioms.len()],
            };
            let start = idiom.words[0];
            self.word_mut(start).flags |= IDIOM_START;
        }
        Ok(())
    }

    /// An entry: its words, then after `|` the words after which it is not counted when
    /// they come next, then after another `|` those when they come before. False when the
    /// vocabulary or the trie is full.
    fn add_entry(&mut self, line: &str, category: u32) -> bool {
        let mut fields = line.split('|');
        let text = fields.next().unwrap_or_default();
        let words = self.words_of(text);
        let not_before = self.words_of(fields.next().unwrap_or_default());
        let not_after = self.words_of(fields.next().unwrap_or_default());
        if words.is_empty() || words.contains(&NO_WORD) {
            return false;
        }
        let mut node = NONE;
        for (depth, &word) in words.iter().enumerate() {
            let next = if depth == 0 {
                self.word(word).node
            } else {
                self.child(node, word)
            };
            node = if next != NONE {
                next
            } else {
                let new = self.terminal.len() as u32;
                if self.terminal.len() >= MAX_NODES {
                    return false;
                }
                self.terminal.push(NONE);
                self.branches.push(false);
                if let Some(branches) = self.branches.get_mut(node as usize) {
                    *branches = true;
                }
                if depth == 0 {
                    self.word_mut(word).node = new;
                } else {
                    // Kept sorted, so that `child` finds edges while phrases are still added.
                    let edge = u64::from(node) << 44 | u64::from(word) << 20 | u64::from(new);
                    let at = self.edge_at(edge);
                    self.edges.insert(at, edge);
                }
                new
            };
        }
        if let Some(terminal) = self.terminal.get_mut(node as usize) {
            if *terminal == NONE {
                *terminal = self.entries.len() as u32;
                self.entries.push(Entry {
                    text: text.into(),
                    category,
                    not_before,
                    not_after,
                });
            }
        }
        true
    }

    /// The indices of words written as the engine reads them, one space apart ("0" stands
    /// for any number), added when new.
    fn words_of(&mut self, words: &str) -> Vec<u32> {
        let mut indices = Vec::new();
        for word in words.split(' ') {
            if word == "0" {
                indices.push(NUMBER_WORD);
            } else if !word.is_empty() {
                indices.push(self.intern(word));
            }
        }
        indices
    }

    /// The index of a normalized word, added when new ([`NO_WORD`] once the vocabulary is
    /// full).
    fn intern(&mut self, text: &str) -> u32 {
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
    fn word_mut(&mut self, index: u32) -> &mut Word {
        // NO_WORD only comes from a full vocabulary; the standing-for words stay as set.
        if (index as usize) < self.words.len() && index > NUMBER_WORD {
            &mut self.words[index as usize]
        } else {
            &mut self.scratch
        }
    }

    /// Where `key` is or would go among the sorted edges.
    fn edge_at(&self, key: u64) -> usize {
        self.edges.partition_point(|&edge| edge < key)
    }

    /// The trie node below `node` by `word`, or [`NONE`].
    fn child(&self, node: u32, word: u32) -> u32 {
        let key = u64::from(node) << 44 | u64::from(word) << 20;
        let at = self.edge_at(key);
        match self.edges.get(at) {
            Some(&edge) if edge >> 20 == key >> 20 => (edge & 0xF_FFFF) as u32,
            _ => NONE,
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

    /// The uses of charged and hedging phrases in a sentence given as vocabulary indices,
    /// with its [`Lexicons::hits`]: at each word, the longest phrase starting there that its
    /// exclusions allow, then on after it; each marked negated when a denial word is among
    /// the three words before.
    pub(crate) fn phrases(&self, words: Words, hits: &[u32], out: &mut Vec<Match>) {
        out.clear();
        let mut free = 0; // the first word after the last use found
        for &hit in hits {
            let at = (hit & NO_WORD) as usize;
            if hit & PHRASE_HIT == 0 || at < free {
                continue;
            }
            let mut node = self.word(words.get(at)).node;
            let mut best: Option<(u32, usize)> = None;
            let mut length = 1;
            while node != NONE {
                let entry = self.terminal.get(node as usize).copied().unwrap_or(NONE);
                if entry != NONE && self.allowed(entry, words, at, length) {
                    best = Some((entry, length));
                }
                let branches = self.branches.get(node as usize) == Some(&true);
                if !branches || at + length >= words.len() {
                    break;
                }
                node = self.child(node, words.get(at + length));
                length += 1;
            }
            if let Some((entry, length)) = best {
                out.push(Match {
                    entry,
                    position: at,
                    length,
                    negated: self.denied(words, at),
                });
                free = at + length;
            }
        }
    }

    /// Whether `entry`'s exclusions allow its use at `at`, `length` words long.
    fn allowed(&self, entry: u32, words: Words, at: usize, length: usize) -> bool {
        let Some(entry) = self.entries.get(entry as usize) else {
            return false;
        };
        let after = at + length < words.len() && entry.not_before.contains(&words.get(at + length));
        let before = at > 0 && entry.not_after.contains(&words.get(at - 1));
        !(after || before)
    }

    /// Whether a denial word stands among the three words before `at` (and is not followed
    /// by a word such as "only").
    fn denied(&self, words: Words, at: usize) -> bool {
        let mut denied = false;
        for back in 1..=3.min(at) {
            denied |= self.word(words.get(at - back)).flags & DENIAL != 0
                && (back == 1 || self.word(words.get(at - back + 1)).flags & DENIAL_EXCEPT == 0);
        }
        denied
    }
}

/// A whole number of tenths as `i32`'s parser reads one ("-34", "+5", "7"), as an `f64`;
/// through the `u32` parser the crate links anyway, not a second one for `i32`.
fn tenths(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(digits) if !digits.starts_with('+') => (true, digits),
        Some(_) => return None,
        None => (false, text),
    };
    let magnitude: u32 = digits.parse().ok()?;
    if magnitude > i32::MAX as u32 + u32::from(negative) {
        return None;
    }
    let value = f64::from(magnitude);
    Some(if negative { 0.0 - value } else { value })
}

/// Whether `text` has "n't" in it: bytes compared, not the standard library's substring
/// search, whose general algorithm is about 1 KB of WASM.
fn has_nt(text: &str) -> bool {
    text.as_bytes().windows(3).any(|w| w == b"n't")
}

/// A sequence of two or three words with a value; longer or shorter ones are never tested by
/// VADER's rules.
fn idiom(words: &[u32], value: f64) -> Option<Idiom> {
    let mut fixed = [NO_WORD; 3];
    (2..=3).contains(&words.len()).then(|| {
        fixed[..words.len()].copy_from_slice(words);
        Idiom {
            words: fixed,
            len: words.len(),
            value,
        }
    })
}

#[cfg(feature = "embedded-lexicons")]
impl Lexicons {
    /// The lexicons shipped with the crate (`data/lexicons.txt`), read on first use.
    pub fn embedded() -> &'static Lexicons {
        static EMBEDDED: std::sync::OnceLock<Lexicons> = std::sync::OnceLock::new();
        EMBEDDED.get_or_init(|| {
            Lexicons::parse(include_str!("../../data/lexicons.txt"))
                .expect("data/lexicons.txt is checked by the crate's tests")
        })
    }
}

#[cfg(all(test, feature = "embedded-lexicons"))]
mod tests {
    use super::*;
    use crate::text::{normalize_token, tokens};

    /// A sentence read as the analysis reads it: its words' indices.
    fn indices(lexicons: &Lexicons, sentence: &str) -> Vec<u32> {
        let mut normalized = String::new();
        tokens(sentence)
            .map(|token| {
                normalize_token(token.surface, &mut normalized);
                lexicons.word_index(&normalized)
            })
            .collect()
    }

    /// The uses found in a sentence: (entry, negated).
    fn uses(sentence: &str) -> Vec<(String, bool)> {
        let lexicons = Lexicons::embedded();
        let words = indices(lexicons, sentence);
        let words = Words::direct(&words);
        let (mut hits, mut found) = (Vec::new(), Vec::new());
        lexicons.hits(words, &mut hits);
        lexicons.phrases(words, &hits, &mut found);
        found
            .iter()
            .map(|m| {
                (
                    lexicons.entries[m.entry as usize].text.to_string(),
                    m.negated,
                )
            })
            .collect()
    }

    fn counted(entries: &[&str]) -> Vec<(String, bool)> {
        entries.iter().map(|e| (e.to_string(), false)).collect()
    }

    #[test]
    fn every_vader_word_is_one_word_of_ours_normalized_to_itself() {
        let lexicons = Lexicons::embedded();
        let mut checked = 0;
        for (text, &index) in &lexicons.index {
            if !lexicons.word(index).in_lexicon() {
                continue;
            }
            let mut normalized = String::new();
            let read: Vec<String> = tokens(text)
                .map(|token| {
                    normalize_token(token.surface, &mut normalized);
                    normalized.clone()
                })
                .collect();
            assert_eq!(read, [text.to_string()], "{text}");
            checked += 1;
        }
        assert!(checked > 7000, "{checked}");
    }

    #[test]
    fn every_phrase_of_the_lists_is_read_as_the_counter_reads_words() {
        let lexicons = Lexicons::embedded();
        let entries: Vec<&str> = lexicons.entries.iter().map(|e| &*e.text).collect();
        let mut listed = 0;
        for file in ["data/charged.txt", "data/hedging.txt"] {
            let mut in_list = false;
            for line in std::fs::read_to_string(file).unwrap().lines() {
                let line = line.trim();
                if line.starts_with("@name ") || line.starts_with("@meaning ") {
                    continue;
                }
                if line.starts_with('@') {
                    in_list = line.starts_with("@charged ") || line.starts_with("@hedging ");
                    continue;
                }
                if !in_list || line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let phrase = line.split('|').next().unwrap();
                let mut normalized = String::new();
                let words: Vec<String> = tokens(phrase)
                    .map(|token| {
                        normalize_token(token.surface, &mut normalized);
                        normalized.clone()
                    })
                    .collect();
                assert!(
                    entries.contains(&words.join(" ").as_str()),
                    "{file}: {line}"
                );
                listed += 1;
            }
        }
        assert_eq!(listed, lexicons.entries.len(), "an entry listed twice?");
    }

    #[test]
    fn phrases_match_whole_words_in_any_case_longest_first() {
        assert_eq!(
            uses("Ukraine WIPED OUT the Bombers"),
            counted(&["wiped out"])
        );
        assert_eq!(uses("The wiper was out"), counted(&[]));
        assert_eq!(
            uses("Russia's Pearl Harbor moment"),
            counted(&["pearl harbor"])
        );
        assert_eq!(
            uses("It could not be confirmed."),
            counted(&["could not be confirmed"])
        );
        assert_eq!(
            uses("Critics called the so-called plan a flop"),
            counted(&["so called", "flop"])
        );
    }

    #[test]
    fn exclusions_keep_a_word_out_where_it_means_something_else() {
        assert_eq!(uses("Scores of residents opposed it"), counted(&[]));
        assert_eq!(uses("The mayor scores a win"), counted(&["scores"]));
        assert_eq!(uses("The vote was held in May 2024"), counted(&[]));
        assert_eq!(uses("The vote may be held in May"), counted(&["may"]));
        assert_eq!(uses("He could not be reached"), counted(&[]));
        assert_eq!(uses("Two blasts shook the port"), counted(&[]));
    }

    #[test]
    fn a_denial_up_to_three_words_before_negates_a_use() {
        assert_eq!(uses("It was not a flop"), [("flop".to_string(), true)]);
        assert_eq!(
            uses("It wasn’t really a flop"),
            [("flop".to_string(), true)]
        );
        assert_eq!(
            uses("It was not only a flop"),
            [("flop".to_string(), false)]
        );
        assert_eq!(
            uses("Not that it was a total flop"),
            [("flop".to_string(), false)]
        );
    }

    #[test]
    fn idiom_values_are_read_as_the_standard_i32_parser_reads_them() {
        for text in [
            "0",
            "-0",
            "7",
            "-34",
            "+5",
            "-+5",
            "--5",
            "+-5",
            "",
            "-",
            "+",
            "3.5",
            " 5",
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "4294967296",
            "x",
        ] {
            let standard = text.parse::<i32>().ok().map(f64::from);
            let ours = tenths(text);
            assert_eq!(
                ours.map(f64::to_bits),
                standard.map(f64::to_bits),
                "{text:?}"
            );
        }
    }

    #[test]
    fn text_that_is_not_the_lexicons_is_an_error_never_a_panic() {
        let text = include_str!("../../data/lexicons.txt");
        assert!(Lexicons::parse("").is_err());
        assert_eq!(
            Lexicons::parse("bias-compare lexicons 2\nlots\n")
                .unwrap_err()
                .to_string(),
            "lexicons: line 2 is not in the form of bias-compare-lexicons.txt"
        );
        // Every cut of the real text, and every byte of a stretch of it changed, reads or errs.
        let mut cuts = 0;
        for cut in (0..text.len()).step_by(997) {
            if text.is_char_boundary(cut) {
                let _ = Lexicons::parse(&text[..cut]);
                cuts += 1;
            }
        }
        assert!(cuts > 40);
        let tail = text.len() - 4000;
        for at in (tail..text.len()).step_by(151) {
            for replacement in ["\n", "Z", "é", ":", "#c ", "=x ", "|"] {
                let mut changed = text[..at].to_string();
                changed.push_str(replacement);
                changed.push_str(&text[at + 1..]);
                let _ = Lexicons::parse(&changed);
            }
        }
    }
}
