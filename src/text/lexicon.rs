//! The lexicons of the language analysis (docs/METHOD.md §6), read from the one compact text
//! that `scripts/lexicons.mjs` writes from the sources in `data/` (data/README.md): VADER's
//! valences and the word lists of its rules, and our charged and hedging phrases. Every word
//! any list knows gets one index in a vocabulary, with what the rules need to know of it
//! (its valence, booster, flags, where a phrase may start), so that a story's token is looked
//! up once and its sentences are then read as indices. Phrases are kept in a small trie over
//! those indices and matched as whole words, leftmost and longest first.
//!
//! Words are normalized as the counter normalizes tokens (docs/METHOD.md §3), with the same
//! tokenizer, so "so-called" is the two words "so called" and "Russia's" is "russia".

use rustc_hash::FxHashMap;

use super::{normalize_token, tokens};
use crate::error::Error;

/// No word of the vocabulary.
pub(crate) const NO_WORD: u32 = u32::MAX;
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

/// What the rules know of a word of the vocabulary.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Word {
    /// VADER's valence, when the word is in its lexicon.
    pub valence: Option<f64>,
    /// +1 for a VADER booster, −1 for a dampener, else 0.
    pub booster: i8,
    pub flags: u16,
    /// The phrase-trie node this word leads to from the root ([`NONE`]: no phrase starts
    /// with it).
    node: u32,
}

const EMPTY_WORD: Word = Word {
    valence: None,
    booster: 0,
    flags: 0,
    node: NONE,
};

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

/// A category of phrases: its list, and its key in the report (`violence`, `hedge`, …).
#[derive(Debug, Clone)]
pub(crate) struct Category {
    pub list: List,
    pub key: Box<str>,
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
    pub fn is(&self, words: &[u32], at: &[usize]) -> bool {
        at.len() == self.len
            && at
                .iter()
                .zip(&self.words)
                .all(|(&i, &w)| words.get(i) == Some(&w))
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
    pub(crate) idioms: Vec<Idiom>,
    pub(crate) booster_phrases: Vec<Idiom>,
    /// Written instead of a word that could not be added.
    scratch: Word,
}

/// The first line of the lexicons' text.
const HEADER: &str = "bias-compare lexicons 1";
/// Trie limits of the edge packing.
const MAX_NODES: usize = 1 << 20;
const MAX_WORDS: usize = 1 << 24;

/// A valence in tenths: "-1.5" → −15. Written by hand rather than with `str::parse::<f64>`,
/// whose float parser would add kilobytes to the widget's WASM for a few small numbers.
fn tenths(text: &str) -> Option<i32> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    if whole.is_empty() || whole.len() > 2 || fraction.len() != 1 {
        return None;
    }
    let mut value = 0i32;
    for byte in whole.bytes().chain(fraction.bytes()) {
        value = value * 10 + i32::from(byte.checked_sub(b'0').filter(|d| *d < 10)?);
    }
    Some(if negative { -value } else { value })
}

fn problem(line: usize, message: impl std::fmt::Display) -> Error {
    Error::at("lexicons", format!("line {line}: {message}"))
}

impl Lexicons {
    /// Reads the lexicons' text (`data/lexicons.txt`, served to the widget as
    /// `bias-compare-lexicons.txt`). An error names the line at fault.
    pub fn parse(text: &str) -> Result<Lexicons, Error> {
        let mut lexicons = Lexicons {
            index: FxHashMap::default(),
            words: vec![EMPTY_WORD; 2],
            entries: Vec::new(),
            categories: Vec::new(),
            edges: Vec::new(),
            terminal: vec![NONE],
            idioms: Vec::new(),
            booster_phrases: Vec::new(),
            scratch: EMPTY_WORD,
        };
        lexicons.words[NT_WORD as usize].flags = NEGATION | DENIAL;
        for (word, flag) in RULE_WORDS {
            let index = lexicons.intern(word);
            lexicons.word_mut(index).flags |= flag;
        }
        let mut lines = text.lines().enumerate().map(|(i, line)| (i + 1, line));
        if lines.next().map(|(_, line)| line) != Some(HEADER) {
            return Err(problem(1, format!("expected \"{HEADER}\"")));
        }
        let mut section = "";
        let mut category = 0u32;
        while let Some((number, line)) = lines.next() {
            if let Some(header) = line.strip_prefix('@') {
                section = header;
                if let Some(count) = header.strip_prefix("vader ") {
                    let count: usize = count
                        .parse()
                        .map_err(|_| problem(number, "expected a word count"))?;
                    lexicons.read_vader(&mut lines, count)?;
                } else if let Some((list, key)) = header.split_once(' ') {
                    let list = match list {
                        "charged" => List::Charged,
                        "hedging" => List::Hedging,
                        _ => continue,
                    };
                    category = lexicons.categories.len() as u32;
                    lexicons.categories.push(Category {
                        list,
                        key: key.into(),
                    });
                }
                continue;
            }
            let (words, joined) = lexicons.phrase(line.split('|').next().unwrap_or_default());
            match section {
                "booster up" | "booster down" => {
                    let sign: i8 = if section == "booster up" { 1 } else { -1 };
                    if let [word] = words[..] {
                        lexicons.word_mut(word).booster = sign;
                    } else if let Some(idiom) = idiom(&words, f64::from(sign) * 0.293) {
                        // "kind-of" is "kind of" once tokenized: one phrase, added once.
                        if !lexicons.booster_phrases.iter().any(|b| b.words == idiom.words) {
                            lexicons.booster_phrases.push(idiom);
                        }
                    }
                }
                "negation" | "denial" | "denial except" => {
                    let flag = match section {
                        "negation" => NEGATION,
                        "denial" => DENIAL,
                        _ => DENIAL_EXCEPT,
                    };
                    for word in words {
                        lexicons.word_mut(word).flags |= flag;
                    }
                }
                "idiom" => {
                    let (phrase, value) = line
                        .split_once('=')
                        .ok_or_else(|| problem(number, "expected \"phrase = value\""))?;
                    let value = tenths(value.trim())
                        .ok_or_else(|| problem(number, "expected a value such as -1.5"))?;
                    let (words, _) = lexicons.phrase(phrase);
                    if let Some(idiom) = idiom(&words, f64::from(value) / 10.0) {
                        lexicons.idioms.push(idiom);
                    }
                }
                _ if !lexicons.categories.is_empty() && !words.is_empty() => {
                    lexicons.add_entry(line, &words, joined, category, number)?;
                }
                _ => return Err(problem(number, "an entry outside any list")),
            }
        }
        for (text, &index) in &lexicons.index {
            if text.contains("n't") {
                if let Some(word) = lexicons.words.get_mut(index as usize) {
                    word.flags |= NEGATION | DENIAL;
                }
            }
        }
        Ok(lexicons)
    }

    /// The VADER section: `count` front-coded words, then their valences.
    fn read_vader<'t>(
        &mut self,
        lines: &mut impl Iterator<Item = (usize, &'t str)>,
        count: usize,
    ) -> Result<(), Error> {
        let mut word = String::new();
        let mut indices = Vec::with_capacity(count);
        for _ in 0..count {
            let (number, line) = lines
                .next()
                .ok_or_else(|| problem(0, "the VADER words end early"))?;
            let mut chars = line.chars();
            let drop = chars
                .next()
                .filter(char::is_ascii_uppercase)
                .map(|c| usize::from(c as u8 - b'A'))
                .ok_or_else(|| problem(number, "expected a letter A to Z"))?;
            let keep = word
                .len()
                .checked_sub(drop)
                .filter(|&keep| word.is_char_boundary(keep))
                .ok_or_else(|| problem(number, "drops more than the word before has"))?;
            word.truncate(keep);
            word.push_str(chars.as_str());
            indices.push(self.intern(&word));
        }
        let (number, values) = lines
            .next()
            .ok_or_else(|| problem(0, "the VADER valences are missing"))?;
        if values.len() != count || !values.is_ascii() {
            return Err(problem(number, "expected one valence for each VADER word"));
        }
        for (index, value) in indices.into_iter().zip(values.bytes()) {
            let tenths = i16::from(value) - 79;
            if !(-40..=40).contains(&tenths) {
                return Err(problem(number, "a valence beyond -4 to 4"));
            }
            self.word_mut(index).valence = Some(f64::from(tenths) / 10.0);
        }
        Ok(())
    }

    /// A charged or hedging entry: its phrase, then `| not before: …` and `| not after: …`.
    fn add_entry(
        &mut self,
        line: &str,
        words: &[u32],
        text: String,
        category: u32,
        number: usize,
    ) -> Result<(), Error> {
        let mut entry = Entry {
            text: text.into(),
            category,
            not_before: Vec::new(),
            not_after: Vec::new(),
        };
        for rule in line.split('|').skip(1) {
            let (name, list) = rule
                .split_once(':')
                .ok_or_else(|| problem(number, "expected \"not before:\" or \"not after:\""))?;
            let mut excluded = Vec::new();
            for word in list.split(',') {
                let word = word.trim();
                excluded.push(if word == "<number>" {
                    NUMBER_WORD
                } else {
                    let mut normalized = String::new();
                    normalize_token(word, &mut normalized);
                    self.intern(&normalized)
                });
            }
            match name.trim() {
                "not before" => entry.not_before = excluded,
                "not after" => entry.not_after = excluded,
                _ => return Err(problem(number, "expected \"not before:\" or \"not after:\"")),
            }
        }
        if words.contains(&NO_WORD) {
            return Err(problem(number, "too many words"));
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
                    return Err(problem(number, "too many phrases"));
                }
                self.terminal.push(NONE);
                if depth == 0 {
                    self.word_mut(word).node = new;
                } else {
                    // Kept sorted, so that `child` finds edges while phrases are still added.
                    let edge = u64::from(node) << 44 | u64::from(word) << 20 | u64::from(new);
                    let at = self.edges.partition_point(|&e| e < edge);
                    self.edges.insert(at, edge);
                }
                new
            };
        }
        if let Some(terminal) = self.terminal.get_mut(node as usize) {
            if *terminal == NONE {
                *terminal = self.entries.len() as u32;
                self.entries.push(entry);
            }
        }
        Ok(())
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
        self.words.push(EMPTY_WORD);
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

    /// A phrase's words, tokenized and normalized as the counter does, added when new; and
    /// the words joined by one space.
    fn phrase(&mut self, phrase: &str) -> (Vec<u32>, String) {
        let mut normalized = String::new();
        let mut words = Vec::new();
        let mut joined = String::new();
        for token in tokens(phrase) {
            normalize_token(token.surface, &mut normalized);
            words.push(self.intern(&normalized));
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(&normalized);
        }
        (words, joined)
    }

    /// The trie node below `node` by `word`, or [`NONE`].
    fn child(&self, node: u32, word: u32) -> u32 {
        let key = u64::from(node) << 44 | u64::from(word) << 20;
        let at = self.edges.partition_point(|&edge| edge < key);
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
            None if token.contains("n't") => NT_WORD,
            None if !token.chars().any(char::is_alphabetic) => NUMBER_WORD,
            None => NO_WORD,
        }
    }

    /// What the rules know of the word at `index` (nothing for [`NO_WORD`]).
    #[inline]
    pub(crate) fn word(&self, index: u32) -> Word {
        self.words.get(index as usize).copied().unwrap_or(EMPTY_WORD)
    }

    /// The uses of charged and hedging phrases in a sentence given as vocabulary indices:
    /// at each word, the longest phrase starting there that its exclusions allow, then on
    /// after it; each marked negated when a denial word is among the three words before.
    pub(crate) fn phrases(&self, words: &[u32], out: &mut Vec<Match>) {
        out.clear();
        let mut at = 0;
        while at < words.len() {
            let mut node = self.word(words[at]).node;
            let mut best: Option<(u32, usize)> = None;
            let mut length = 1;
            while node != NONE {
                let entry = self.terminal.get(node as usize).copied().unwrap_or(NONE);
                if entry != NONE && self.allowed(entry, words, at, length) {
                    best = Some((entry, length));
                }
                let Some(&next) = words.get(at + length) else {
                    break;
                };
                node = self.child(node, next);
                length += 1;
            }
            match best {
                Some((entry, length)) => {
                    out.push(Match {
                        entry,
                        position: at,
                        length,
                        negated: self.denied(words, at),
                    });
                    at += length;
                }
                None => at += 1,
            }
        }
    }

    /// Whether `entry`'s exclusions allow its use at `at`, `length` words long.
    fn allowed(&self, entry: u32, words: &[u32], at: usize, length: usize) -> bool {
        let Some(entry) = self.entries.get(entry as usize) else {
            return false;
        };
        let after = words.get(at + length);
        let before = at.checked_sub(1).and_then(|i| words.get(i));
        !(after.is_some_and(|w| entry.not_before.contains(w))
            || before.is_some_and(|w| entry.not_after.contains(w)))
    }

    /// Whether a denial word stands among the three words before `at` (and is not followed
    /// by a word such as "only").
    fn denied(&self, words: &[u32], at: usize) -> bool {
        (1..=3.min(at)).any(|back| {
            self.word(words[at - back]).flags & DENIAL != 0
                && (back == 1 || self.word(words[at - back + 1]).flags & DENIAL_EXCEPT == 0)
        })
    }
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
