//! The charged and hedging phrases and VADER's idioms: the phrase trie over vocabulary
//! indices, built as the text is read, and matched in a sentence as whole words, leftmost and
//! longest first, with each phrase's exclusions and the denial words before it; and the two-
//! and three-word idioms VADER's rules test for.

use super::vocabulary::{Words, DENIAL, DENIAL_EXCEPT, NO_WORD, PHRASE_HIT};
use super::Lexicons;

/// No trie node; no entry.
pub(super) const NONE: u32 = u32::MAX;
/// Most trie nodes: the 20 bits of a node in a trie edge.
const MAX_NODES: usize = 1 << 20;

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
    pub(super) words: [u32; 3],
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

impl Lexicons {
    /// An entry: its words, then after `|` the words after which it is not counted when
    /// they come next, then after another `|` those when they come before. False when the
    /// vocabulary or the trie is full.
    pub(super) fn add_entry(&mut self, line: &str, category: u32) -> bool {
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

/// A sequence of two or three words with a value; longer or shorter ones are never tested by
/// VADER's rules.
pub(super) fn idiom(words: &[u32], value: f64) -> Option<Idiom> {
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
}
