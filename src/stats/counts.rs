//! Term counting over rated articles. Tokens are interned once; an n-gram is interned as
//! (id of its first n−1 tokens, id of its last token), so extending a term by one token is
//! one hash lookup and no string is built per occurrence. Counts and term totals are
//! integers, so they do not depend on the order articles arrive in.
//!
//! Most n-grams of a story occur once or twice, and a term needs `min_count` occurrences in
//! a side to be listed, so n-grams are counted level by level (Apriori): the sentences are
//! tokenized once into a stream of token ids, then pass k counts the k-grams whose first
//! k−1 tokens and last k−1 tokens each occur at least `min_count` times. An n-gram's count
//! is at most that of each of its parts, so every n-gram that can be listed is counted
//! exactly, and the tables hold the few frequent n-grams instead of every one seen.
//! The totals n_b are counted over every n-gram, counted or not.
//!
//! The stream is kept after counting: finding where the terms of interest occur walks token
//! ids against a small table of just those terms ([`TermFinder`]), instead of segmenting and
//! looking up every word of the story a second time.

use rustc_hash::FxHashMap;

use crate::text::{is_stopword, normalize_token, tokens};

/// The id of "no prefix": a unigram's prefix. Also "no sequence here" in the stream passes.
const NONE: u32 = u32::MAX;
/// Ends a sentence in the token stream.
const END: u32 = u32::MAX;

/// Longest token, in characters, that can be part of a term. Longer ones are not words but
/// pasted URLs, base64 blobs or keyboard mashing: they still count as words, and break
/// n-grams as numbers do (docs/LIMITS.md).
pub const MAX_TERM_TOKEN_CHARS: usize = 50;

#[derive(Debug, Clone, Copy)]
struct TokenInfo {
    /// Has a letter and at most [`MAX_TERM_TOKEN_CHARS`] characters: may be in a term.
    has_letter: bool,
    is_stopword: bool,
}

impl TokenInfo {
    /// Whether a term may start or end with this token (SPEC §3).
    fn can_edge_a_term(self) -> bool {
        self.has_letter && !self.is_stopword
    }
}

#[derive(Debug, Clone, Copy)]
struct Sequence {
    prefix: u32,
    last: u32,
}

/// Where a sentence is in its article: the field, and the byte range within it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SentenceRef {
    pub in_headline: bool,
    pub range: std::ops::Range<usize>,
}

/// One occurrence of a term of interest inside a sentence, in tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Occurrence {
    /// Token position of the first word, and the n-gram's length in tokens.
    pub position: usize,
    pub length: usize,
    pub term: u32,
}

/// The terms being looked for, and every prefix leading to them: a table small enough to
/// stay in cache while the whole stream is walked.
pub(crate) struct TermFinder {
    /// Sequence key → (sequence id, whether the sequence is itself looked for).
    steps: FxHashMap<u64, (u32, bool)>,
}

/// Term and token counts per side (indexed by [`crate::Side::index`]).
pub(crate) struct TermCounts {
    max_ngram: usize,
    min_count: u32,
    token_ids: FxHashMap<Box<str>, u32>,
    token_text: Vec<Box<str>>,
    token_info: Vec<TokenInfo>,
    /// Occurrences of each token in all sides; emptied by `finish`.
    token_total: Vec<u32>,
    sequences: Vec<Sequence>,
    /// Occurrences of each sequence in all sides (terms and prefixes alike); emptied by
    /// `finish`.
    sequence_total: Vec<u32>,
    /// y_w per side, by sequence id (zero for sequences that are not terms).
    pub counts: Vec<[u32; 3]>,
    /// Word tokens per side (stopwords and numbers included).
    pub words: [u64; 3],
    /// n_b: term occurrences (term tokens) of every n-gram order per side; also the
    /// denominator of `rate`.
    pub term_total: [u64; 3],
    /// Token ids of the sentences added, each followed by [`END`].
    stream: Vec<u32>,
    /// Where each side's sentences start in `stream`; `side_start[3]` is the end.
    side_start: [usize; 4],
    current_side: usize,
    scratch_token: String,
}

fn sequence_key(prefix: u32, last: u32) -> u64 {
    (u64::from(prefix.wrapping_add(1)) << 32) | u64::from(last)
}

impl TermCounts {
    /// Counts n-grams of 1..=`max_ngram` tokens; those occurring fewer than `min_count`
    /// times in all sides together may be left uncounted.
    pub fn new(max_ngram: usize, min_count: u32) -> TermCounts {
        TermCounts {
            max_ngram,
            min_count,
            token_ids: FxHashMap::default(),
            token_text: Vec::new(),
            token_info: Vec::new(),
            token_total: Vec::new(),
            sequences: Vec::new(),
            sequence_total: Vec::new(),
            counts: Vec::new(),
            words: [0; 3],
            term_total: [0; 3],
            stream: Vec::new(),
            side_start: [0; 4],
            current_side: 0,
            scratch_token: String::new(),
        }
    }

    /// The number of sequence ids (terms and the prefixes leading to them).
    pub fn len(&self) -> usize {
        self.sequences.len()
    }

    fn intern_token(&mut self, surface: &str) -> u32 {
        normalize_token(surface, &mut self.scratch_token);
        if let Some(&id) = self.token_ids.get(self.scratch_token.as_str()) {
            return id;
        }
        let id = self.token_text.len() as u32;
        let text: Box<str> = self.scratch_token.as_str().into();
        self.token_info.push(TokenInfo {
            has_letter: text.chars().any(char::is_alphabetic)
                && text.chars().nth(MAX_TERM_TOKEN_CHARS).is_none(),
            is_stopword: is_stopword(&text),
        });
        self.token_total.push(0);
        self.token_ids.insert(text.clone(), id);
        self.token_text.push(text);
        id
    }

    /// The id of the sequence `prefix` + `last`, new or not. Unigrams are found through
    /// `unigram_ids` (by token id) rather than hashed: a third of all lookups, for free.
    fn intern_sequence(
        &mut self,
        prefix: u32,
        last: u32,
        sequence_ids: &mut FxHashMap<u64, u32>,
        unigram_ids: &mut [u32],
    ) -> u32 {
        let next = self.sequences.len() as u32;
        let id = if prefix == NONE {
            let slot = &mut unigram_ids[last as usize];
            if *slot == NONE {
                *slot = next;
            }
            *slot
        } else {
            *sequence_ids
                .entry(sequence_key(prefix, last))
                .or_insert(next)
        };
        if id == next {
            self.sequences.push(Sequence { prefix, last });
            self.sequence_total.push(0);
            self.counts.push([0; 3]);
        }
        id
    }

    /// Adds one sentence of an article of `side`. Sentences must arrive side after side
    /// (all of the left's, then the center's, then the right's), and [`TermCounts::finish`]
    /// must be called after the last one.
    pub fn count_sentence(&mut self, sentence: &str, side: usize) {
        debug_assert!(
            side >= self.current_side,
            "sentences must arrive side by side"
        );
        while self.current_side < side {
            self.current_side += 1;
            self.side_start[self.current_side] = self.stream.len();
        }
        let first = self.stream.len();
        for token in tokens(sentence) {
            let id = self.intern_token(token.surface);
            self.token_total[id as usize] += 1;
            self.stream.push(id);
        }
        let ids = &self.stream[first..];
        self.words[side] += ids.len() as u64;
        // n_b counts every term occurrence, including those of n-grams too rare to count.
        for start in 0..ids.len() {
            if !self.token_info[ids[start] as usize].can_edge_a_term() {
                continue;
            }
            for &token in ids[start..].iter().take(self.max_ngram) {
                let info = self.token_info[token as usize];
                if !info.has_letter {
                    break;
                }
                if !info.is_stopword {
                    self.term_total[side] += 1;
                }
            }
        }
        self.stream.push(END);
    }

    /// Counts the n-grams of the sentences added, one order after the other.
    pub fn finish(&mut self) {
        for later in self.current_side + 1..4 {
            self.side_start[later] = self.stream.len();
        }
        self.current_side = 3;
        let stream = std::mem::take(&mut self.stream);
        // The id of the (k−1)-gram starting at each position, or NONE where it is not counted.
        let mut at = vec![NONE; stream.len()];
        // Only needed while counting: afterwards terms are found with a [`TermFinder`].
        let mut sequence_ids: FxHashMap<u64, u32> = FxHashMap::default();
        let mut unigram_ids = vec![NONE; self.token_text.len()];
        for k in 1..=self.max_ngram {
            let mut side = 0;
            for p in 0..stream.len() {
                while p >= self.side_start[side + 1] {
                    side += 1;
                }
                let first = stream[p];
                if first == END {
                    continue;
                }
                let prefix = at[p];
                at[p] = NONE;
                if !self.token_info[first as usize].can_edge_a_term() || (k > 1 && prefix == NONE) {
                    continue;
                }
                let last = stream[p + k - 1];
                if last == END || !self.token_info[last as usize].has_letter {
                    continue;
                }
                if self.token_total[last as usize] < self.min_count {
                    continue;
                }
                if k > 1 {
                    if self.sequence_total[prefix as usize] < self.min_count {
                        continue;
                    }
                    // The last k−1 tokens, when they can start a term, were counted (or
                    // not) at p + 1 in the previous pass; not yet overwritten by this one.
                    let second = stream[p + 1];
                    if k > 2 && self.token_info[second as usize].can_edge_a_term() {
                        let suffix = at[p + 1];
                        if suffix == NONE || self.sequence_total[suffix as usize] < self.min_count {
                            continue;
                        }
                    }
                }
                let id = self.intern_sequence(
                    if k == 1 { NONE } else { prefix },
                    last,
                    &mut sequence_ids,
                    &mut unigram_ids,
                );
                at[p] = id;
                self.sequence_total[id as usize] += 1;
                if !self.token_info[last as usize].is_stopword {
                    self.counts[id as usize][side] += 1;
                }
            }
        }
        self.stream = stream;
        self.sequence_total = Vec::new();
        self.token_total = Vec::new();
    }

    /// The token ids of each sentence of `side`, in the order they were added.
    pub fn side_sentences(&self, side: usize) -> impl Iterator<Item = &[u32]> + '_ {
        self.stream[self.side_start[side]..self.side_start[side + 1]]
            .split_inclusive(|&token| token == END)
            .map(|sentence| &sentence[..sentence.len() - 1])
    }

    /// A finder for `terms` (sequence ids of terms, as in `counts`).
    pub fn finder(&self, terms: impl IntoIterator<Item = u32>) -> TermFinder {
        let mut steps: FxHashMap<u64, (u32, bool)> = FxHashMap::default();
        for term in terms {
            let mut current = term;
            let mut wanted = true;
            while current != NONE {
                let Sequence { prefix, last } = self.sequences[current as usize];
                steps
                    .entry(sequence_key(prefix, last))
                    .or_insert((current, false))
                    .1 |= wanted;
                wanted = false;
                current = prefix;
            }
        }
        TermFinder { steps }
    }

    /// The occurrences of the finder's terms in a sentence's token ids (from
    /// [`TermCounts::side_sentences`]), ordered by position then length.
    pub fn find(&self, finder: &TermFinder, sentence: &[u32], out: &mut Vec<Occurrence>) {
        out.clear();
        for start in 0..sentence.len() {
            if !self.token_info[sentence[start] as usize].can_edge_a_term() {
                continue;
            }
            let mut prefix = NONE;
            for (offset, &token) in sentence[start..].iter().take(self.max_ngram).enumerate() {
                let info = self.token_info[token as usize];
                if !info.has_letter {
                    break;
                }
                let Some(&(id, wanted)) = finder.steps.get(&sequence_key(prefix, token)) else {
                    break;
                };
                prefix = id;
                if wanted && !info.is_stopword {
                    out.push(Occurrence {
                        position: start,
                        length: offset + 1,
                        term: id,
                    });
                }
            }
        }
    }

    /// The normalized term: its tokens joined by one space.
    pub fn term_text(&self, id: u32) -> String {
        let mut parts = Vec::new();
        let mut current = id;
        while current != NONE {
            let sequence = self.sequences[current as usize];
            parts.push(&*self.token_text[sequence.last as usize]);
            current = sequence.prefix;
        }
        parts.reverse();
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counted(sentences: &[(&str, usize)], max_ngram: usize) -> TermCounts {
        let mut counts = TermCounts::new(max_ngram, 1);
        for &(sentence, side) in sentences {
            counts.count_sentence(sentence, side);
        }
        counts.finish();
        counts
    }

    fn count_of(counts: &TermCounts, term: &str) -> [u32; 3] {
        (0..counts.len() as u32)
            .find(|&id| counts.term_text(id) == term)
            .map_or([0; 3], |id| counts.counts[id as usize])
    }

    #[test]
    fn counts_ngrams_that_neither_start_nor_end_with_a_stopword() {
        let counts = counted(&[("Strikes wipe out the bombers", 0)], 3);
        assert_eq!(count_of(&counts, "wipe out")[0], 1);
        assert_eq!(count_of(&counts, "strikes wipe out")[0], 1);
        assert_eq!(count_of(&counts, "out the bombers")[0], 1);
        assert_eq!(count_of(&counts, "the bombers"), [0; 3]);
        assert_eq!(count_of(&counts, "out the"), [0; 3]);
        // strikes, wipe, out, bombers; strikes wipe, wipe out; strikes wipe out, out the bombers.
        assert_eq!(counts.term_total[0], 8);
        assert_eq!(counts.words[0], 5);
    }

    #[test]
    fn numbers_break_ngrams_and_are_never_terms() {
        let counts = counted(&[("drones hit 41 bombers", 2)], 3);
        assert_eq!(count_of(&counts, "41"), [0; 3]);
        assert_eq!(count_of(&counts, "hit 41 bombers"), [0; 3]);
        assert_eq!(count_of(&counts, "drones hit")[2], 1);
    }

    #[test]
    fn overlong_tokens_count_as_words_but_break_ngrams() {
        let long = "x".repeat(MAX_TERM_TOKEN_CHARS + 1);
        let just_fits = "y".repeat(MAX_TERM_TOKEN_CHARS);
        let sentence = format!("drones hit {long} bombers {just_fits}");
        let counts = counted(&[(&sentence, 0)], 3);
        assert_eq!(counts.words[0], 5);
        assert_eq!(count_of(&counts, &long), [0; 3]);
        assert_eq!(count_of(&counts, &format!("hit {long}")), [0; 3]);
        assert_eq!(count_of(&counts, &just_fits)[0], 1);
        assert_eq!(count_of(&counts, &format!("bombers {just_fits}"))[0], 1);
    }

    #[test]
    fn counts_each_side_apart_and_keeps_sentences_in_order() {
        let counts = counted(
            &[
                ("daring raid", 0),
                ("daring raid", 0),
                ("daring move", 1),
                ("a daring", 2),
            ],
            3,
        );
        assert_eq!(count_of(&counts, "daring"), [2, 1, 1]);
        assert_eq!(count_of(&counts, "daring raid"), [2, 0, 0]);
        let per_side: Vec<usize> = (0..3).map(|s| counts.side_sentences(s).count()).collect();
        assert_eq!(per_side, [2, 1, 1]);
        let right: Vec<String> = counts
            .side_sentences(2)
            .flat_map(|ids| {
                ids.iter()
                    .map(|&t| counts.token_text[t as usize].to_string())
            })
            .collect();
        assert_eq!(right, ["a", "daring"]);
    }

    #[test]
    fn a_side_without_sentences_has_none() {
        let counts = counted(&[("daring raid", 0), ("daring move", 2)], 3);
        assert_eq!(counts.side_sentences(1).count(), 0);
        assert_eq!(counts.side_sentences(2).count(), 1);
    }

    #[test]
    fn max_ngram_bounds_term_length() {
        let counts = counted(&[("pearl harbor moment", 0)], 2);
        assert_eq!(count_of(&counts, "pearl harbor")[0], 1);
        assert_eq!(count_of(&counts, "pearl harbor moment"), [0; 3]);
    }

    #[test]
    fn the_finder_reports_wanted_terms_by_position_then_length() {
        let sentence = "Russia’s Pearl  Harbor, they said: Pearl Harbor";
        let counts = counted(&[(sentence, 0)], 3);
        let id = |term: &str| (0..counts.len() as u32).find(|&id| counts.term_text(id) == term);
        let wanted = [id("pearl harbor").unwrap(), id("pearl").unwrap()];
        let finder = counts.finder(wanted);
        let ids = counts.side_sentences(0).next().unwrap();
        let mut found = Vec::new();
        counts.find(&finder, ids, &mut found);
        let spans: Vec<(usize, usize, String)> = found
            .iter()
            .map(|o| (o.position, o.length, counts.term_text(o.term)))
            .collect();
        assert_eq!(
            spans,
            [
                (1, 1, "pearl".to_string()),
                (1, 2, "pearl harbor".to_string()),
                (5, 1, "pearl".to_string()),
                (5, 2, "pearl harbor".to_string()),
            ]
        );
    }
}
