//! Term counting over rated articles. Tokens are interned once; an n-gram is interned as
//! (id of its first n−1 tokens, id of its last token), so extending a term by one token is
//! one hash lookup and no string is built per occurrence. Counts and term totals are
//! integers, so they do not depend on the order articles arrive in.
//!
//! Most n-grams of a story occur once or twice, and a term needs `min_count` occurrences in
//! a side to be listed, so n-grams are counted level by level (Apriori): the sentences are
//! tokenized once into token ids, then pass k counts the k-grams whose first
//! k−1 tokens and last k−1 tokens each occur at least `min_count` times in one side. An
//! n-gram's count in a side is at most that of each of its parts, so every n-gram that can
//! be listed is counted exactly, and the tables hold the few frequent n-grams instead of
//! every one seen.
//! The totals n_b are counted over every n-gram, counted or not.
//!
//! The token ids are kept after counting: finding where the terms of interest occur walks
//! them against a small table of just those terms ([`TermFinder`]), instead of segmenting and
//! looking up every word of the story a second time.

use rustc_hash::FxHashMap;

use crate::text::{is_stopword, normalize_token, tokens};

/// The id of "no prefix": a unigram's prefix, and "no sequence".
const NONE: u32 = u32::MAX;
/// Ends a sentence in an article's token ids.
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
    /// Which of the terms given to [`TermCounts::finder`] it is, counting from 0.
    pub slot: usize,
}

/// Sequence ids while counting: unigrams by token id, longer n-grams hashed by (prefix id,
/// last token id), three `u32` an entry. Dropped once counted.
struct SequenceIds {
    unigrams: Vec<u32>,
    longer: FxHashMap<(u32, u32), u32>,
}

impl SequenceIds {
    /// The id of the sequence `prefix` + `last`, new or not; a new one gets zero counts.
    fn intern(&mut self, counts: &mut Vec<[u32; 3]>, prefix: u32, last: u32) -> u32 {
        let next = counts.len() as u32;
        let id = if prefix == NONE {
            let slot = &mut self.unigrams[last as usize];
            if *slot == NONE {
                *slot = next;
            }
            *slot
        } else {
            *self.longer.entry((prefix, last)).or_insert(next)
        };
        if id == next {
            counts.push([0; 3]);
        }
        id
    }

    /// The id of the sequence of these tokens, if it was counted. Looked up again at each
    /// pass rather than kept per stream position: that array would cost 4 bytes a token.
    fn find(&self, tokens: &[u32]) -> Option<u32> {
        let (&first, rest) = tokens.split_first()?;
        let mut id = *self.unigrams.get(first as usize)?;
        for &token in rest {
            if id == NONE {
                return None;
            }
            id = *self.longer.get(&(id, token))?;
        }
        (id != NONE).then_some(id)
    }
}

/// Normalized token text → token id. Nearly every word fits in 15 bytes, and those are keyed
/// by their bytes and length packed into a `u128`: a lookup then compares two integers,
/// where a string key would follow a pointer to the text and compare it byte by byte (a
/// tenth of the whole analysis, measured).
#[derive(Default)]
struct TokenIds {
    short: FxHashMap<u128, u32>,
    long: FxHashMap<Box<str>, u32>,
}

impl TokenIds {
    fn short_key(text: &str) -> Option<u128> {
        let bytes = text.as_bytes();
        if bytes.len() > 15 {
            return None;
        }
        let mut key = [0u8; 16];
        key[..bytes.len()].copy_from_slice(bytes);
        key[15] = bytes.len() as u8;
        Some(u128::from_le_bytes(key))
    }

    fn get(&self, text: &str) -> Option<u32> {
        match Self::short_key(text) {
            Some(key) => self.short.get(&key),
            None => self.long.get(text),
        }
        .copied()
    }

    fn insert(&mut self, text: &str, id: u32) {
        match Self::short_key(text) {
            Some(key) => self.short.insert(key, id),
            None => self.long.insert(text.into(), id),
        };
    }
}

/// What `finish` needs to decide whether to count a k-gram, apart from the counts it fills.
struct Rules<'a> {
    token_info: &'a [TokenInfo],
    token_count: &'a [[u32; 3]],
    min_count: u32,
    max_ngram: usize,
}

impl Rules<'_> {
    /// Whether the k tokens of `window` (k = its length) make a k-gram to count, and as
    /// which (prefix id, last token): all in one sentence, starting and ending as a term may,
    /// and every part frequent. A term is listed for a side only with `min_count` uses there,
    /// and each of its parts has at least as many uses in that side as the term itself.
    fn extension(
        &self,
        counts: &[[u32; 3]],
        ids: &SequenceIds,
        parts: &mut PartIds,
        stream: &[u32],
        p: usize,
        k: usize,
    ) -> Option<(u32, u32)> {
        let frequent = |per_side: [u32; 3]| per_side.iter().any(|&n| n >= self.min_count);
        let window = stream.get(p..p + k)?;
        let (&first, &last) = (window.first()?, window.last()?);
        // Most positions fail here (stopwords, numbers, sentence ends): checked first.
        if first == END || !self.token_info[first as usize].can_edge_a_term() {
            return None;
        }
        if window.contains(&END) {
            return None;
        }
        let last_info = self.token_info[last as usize];
        // A longest n-gram ending with a stopword is neither a term nor a prefix.
        if !last_info.has_letter
            || (k == self.max_ngram && last_info.is_stopword)
            || !frequent(self.token_count[last as usize])
        {
            return None;
        }
        let prefix = if k == 1 {
            NONE
        } else {
            parts
                .find(ids, stream, p, k - 1)
                .filter(|&prefix| frequent(counts[prefix as usize]))?
        };
        // The last k−1 tokens, when they can start a term, must have been counted.
        if k > 2 && self.token_info[window[1] as usize].can_edge_a_term() {
            parts
                .find(ids, stream, p + 1, k - 1)
                .filter(|&suffix| frequent(counts[suffix as usize]))?;
        }
        Some((prefix, last))
    }
}

/// The id of the sequence of `len` tokens at one position of a stream, kept for the next
/// position: the last k−1 tokens of the k-gram at p are the first k−1 of the one at p+1, so
/// each is looked up once. Looked up rather than kept for every position of the story, which
/// would cost 4 bytes a token.
#[derive(Default)]
struct PartIds {
    position: Option<usize>,
    id: Option<u32>,
}

impl PartIds {
    fn find(
        &mut self,
        ids: &SequenceIds,
        stream: &[u32],
        position: usize,
        len: usize,
    ) -> Option<u32> {
        if self.position != Some(position) {
            self.position = Some(position);
            self.id = ids.find(stream.get(position..position + len)?);
        }
        self.id
    }
}

/// The terms being looked for, and every prefix leading to them: a table small enough to
/// stay in cache while every sentence is walked.
pub(crate) struct TermFinder {
    /// Sequence key → (sequence id, its slot when it is itself looked for, else NONE).
    steps: FxHashMap<u64, (u32, u32)>,
}

/// Term and token counts per side (indexed by [`crate::Side::index`]).
pub(crate) struct TermCounts {
    max_ngram: usize,
    min_count: u32,
    token_ids: TokenIds,
    token_text: Vec<Box<str>>,
    token_info: Vec<TokenInfo>,
    /// Occurrences of each token per side; emptied by `finish`.
    token_count: Vec<[u32; 3]>,
    sequences: Vec<Sequence>,
    /// y_w per side, by sequence id (zero, once counted, for sequences that are not terms:
    /// the prefixes ending with a stopword).
    pub counts: Vec<[u32; 3]>,
    /// Word tokens per side (stopwords and numbers included).
    pub words: [u64; 3],
    /// n_b: term occurrences (term tokens) of every n-gram order per side; also the
    /// denominator of `rate`.
    pub term_total: [u64; 3],
    /// Each article added: its side, and the token ids of its sentences, each followed by
    /// [`END`]. One exact-size slice an article: a single growing stream would briefly need
    /// three times its size while doubling.
    articles: Vec<(usize, Box<[u32]>)>,
    /// The article being tokenized.
    scratch_ids: Vec<u32>,
    /// Token positions above which k-gram counts are sketched first.
    sketch_from_positions: usize,
    scratch_token: String,
}

/// Token positions (about 6 bytes of text each) above which `finish` sketches k-gram counts
/// before storing them: about 6 MB of text, where the tables start to cost tens of MB.
const SKETCH_FROM_POSITIONS: usize = 1 << 20;

/// The sketch counter of a k-gram (Fibonacci hashing: the top `bits` bits of the product).
fn sketch_slot(prefix: u32, last: u32, bits: u32) -> usize {
    let key = (u64::from(prefix) << 32) | u64::from(last);
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

fn sequence_key(prefix: u32, last: u32) -> u64 {
    (u64::from(prefix.wrapping_add(1)) << 32) | u64::from(last)
}

impl TermCounts {
    /// Counts n-grams of 1..=`max_ngram` tokens; those occurring fewer than `min_count`
    /// times in every side may be left uncounted.
    pub fn new(max_ngram: usize, min_count: u32) -> TermCounts {
        TermCounts {
            max_ngram,
            min_count,
            token_ids: TokenIds::default(),
            token_text: Vec::new(),
            token_info: Vec::new(),
            token_count: Vec::new(),
            sequences: Vec::new(),
            counts: Vec::new(),
            words: [0; 3],
            term_total: [0; 3],
            articles: Vec::new(),
            scratch_ids: Vec::new(),
            sketch_from_positions: SKETCH_FROM_POSITIONS,
            scratch_token: String::new(),
        }
    }

    /// The number of sequence ids (terms and the prefixes leading to them).
    pub fn len(&self) -> usize {
        self.sequences.len()
    }

    fn intern_token(&mut self, surface: &str) -> u32 {
        normalize_token(surface, &mut self.scratch_token);
        let text = self.scratch_token.as_str();
        if let Some(id) = self.token_ids.get(text) {
            return id;
        }
        let id = self.token_text.len() as u32;
        self.token_info.push(TokenInfo {
            has_letter: text.chars().any(char::is_alphabetic)
                && text.chars().nth(MAX_TERM_TOKEN_CHARS).is_none(),
            is_stopword: is_stopword(text),
        });
        self.token_count.push([0; 3]);
        self.token_ids.insert(text, id);
        self.token_text.push(text.into());
        id
    }

    /// Adds the sentences of one article of `side`; [`TermCounts::finish`] must be called
    /// after the last article.
    pub fn count_article<'s>(&mut self, side: usize, sentences: impl IntoIterator<Item = &'s str>) {
        let mut ids = std::mem::take(&mut self.scratch_ids);
        ids.clear();
        for sentence in sentences {
            let first = ids.len();
            for token in tokens(sentence) {
                let id = self.intern_token(token.surface);
                self.token_count[id as usize][side] += 1;
                ids.push(id);
            }
            let sentence_ids = &ids[first..];
            self.words[side] += sentence_ids.len() as u64;
            // n_b counts every term occurrence, including those of n-grams too rare to count.
            for start in 0..sentence_ids.len() {
                if !self.token_info[sentence_ids[start] as usize].can_edge_a_term() {
                    continue;
                }
                for &token in sentence_ids[start..].iter().take(self.max_ngram) {
                    let info = self.token_info[token as usize];
                    if !info.has_letter {
                        break;
                    }
                    if !info.is_stopword {
                        self.term_total[side] += 1;
                    }
                }
            }
            ids.push(END);
        }
        self.articles.push((side, ids.as_slice().into()));
        self.scratch_ids = ids;
    }

    /// Counts the n-grams of the sentences added, one order after the other.
    pub fn finish(&mut self) {
        self.scratch_ids = Vec::new();
        let articles = std::mem::take(&mut self.articles);
        let min_count = self.min_count;
        let mut ids = SequenceIds {
            unigrams: vec![NONE; self.token_text.len()],
            longer: FxHashMap::default(),
        };
        let positions: usize = articles.iter().map(|(_, stream)| stream.len()).sum();
        // Small stories skip the sketch: their tables are small anyway, and it would cost a
        // second look at every position.
        let sketched = positions > self.sketch_from_positions;
        let sketch_bits = positions
            .next_power_of_two()
            .clamp(1 << 10, 1 << 22)
            .trailing_zeros();
        let rules = Rules {
            token_info: &self.token_info,
            token_count: &self.token_count,
            min_count,
            max_ngram: self.max_ngram,
        };
        for k in 1..=self.max_ngram {
            // First a sketch of how often each k-gram occurs per side: saturating counters
            // shared by the k-grams that hash alike, so never below a k-gram's true count.
            // One under `min_count` in every side cannot be listed, and is not stored: most
            // k-grams occur once, and storing them is most of the memory an analysis takes.
            let sketched = sketched && k > 1;
            let mut sketch = vec![[0u8; 3]; if sketched { 1 << sketch_bits } else { 0 }];
            if sketched {
                for (side, stream) in &articles {
                    let mut parts = PartIds::default();
                    for p in 0..stream.len() {
                        let extension =
                            rules.extension(&self.counts, &ids, &mut parts, stream, p, k);
                        if let Some((prefix, last)) = extension {
                            let slot = &mut sketch[sketch_slot(prefix, last, sketch_bits)][*side];
                            *slot = slot.saturating_add(1);
                        }
                    }
                }
            }
            for (side, stream) in &articles {
                let mut parts = PartIds::default();
                for p in 0..stream.len() {
                    let extension = rules.extension(&self.counts, &ids, &mut parts, stream, p, k);
                    let Some((prefix, last)) = extension else {
                        continue;
                    };
                    if sketched {
                        let per_side = sketch[sketch_slot(prefix, last, sketch_bits)];
                        if per_side.iter().all(|&n| u32::from(n) < min_count.min(255)) {
                            continue;
                        }
                    }
                    let id = ids.intern(&mut self.counts, prefix, last);
                    self.counts[id as usize][*side] += 1;
                }
            }
        }
        // Id → (prefix, last), built only now, after counting, when memory is at its peak.
        let mut sequences = vec![
            Sequence {
                prefix: NONE,
                last: NONE
            };
            self.counts.len()
        ];
        for (token, &id) in ids.unigrams.iter().enumerate() {
            if id != NONE {
                sequences[id as usize] = Sequence {
                    prefix: NONE,
                    last: token as u32,
                };
            }
        }
        for (&(prefix, last), &id) in &ids.longer {
            sequences[id as usize] = Sequence { prefix, last };
        }
        drop(ids);
        // Prefixes ending with a stopword were counted for the pruning only.
        for (sequence, count) in sequences.iter().zip(&mut self.counts) {
            if self.token_info[sequence.last as usize].is_stopword {
                *count = [0; 3];
            }
        }
        self.sequences = sequences;
        self.articles = articles;
        self.token_count = Vec::new();
    }

    /// The token ids of each sentence of `side`, in the order they were added.
    pub fn side_sentences(&self, side: usize) -> impl Iterator<Item = &[u32]> + '_ {
        self.articles
            .iter()
            .filter(move |(of, _)| *of == side)
            .flat_map(|(_, ids)| ids.split_inclusive(|&token| token == END))
            .map(|sentence| &sentence[..sentence.len() - 1])
    }

    /// A finder for `terms` (sequence ids of terms, as in `counts`), which reports each by
    /// its place in `terms`.
    pub fn finder(&self, terms: impl IntoIterator<Item = u32>) -> TermFinder {
        let mut steps: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
        for (slot, term) in terms.into_iter().enumerate() {
            let mut current = term;
            let mut own_slot = slot as u32;
            while current != NONE {
                let Sequence { prefix, last } = self.sequences[current as usize];
                let step = steps
                    .entry(sequence_key(prefix, last))
                    .or_insert((current, NONE));
                if own_slot != NONE {
                    step.1 = own_slot;
                }
                own_slot = NONE;
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
                let Some(&(id, slot)) = finder.steps.get(&sequence_key(prefix, token)) else {
                    break;
                };
                prefix = id;
                if slot != NONE && !info.is_stopword {
                    out.push(Occurrence {
                        position: start,
                        length: offset + 1,
                        slot: slot as usize,
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
            counts.count_article(side, [sentence]);
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
    fn tokens_short_and_long_are_interned_once_each() {
        let words = [
            "a",
            "ab",
            "abcdefghijklmno",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
        ];
        let sentence = words.join(" ");
        let mut counts = TermCounts::new(1, 1);
        counts.count_article(0, [sentence.as_str(), sentence.to_uppercase().as_str()]);
        assert_eq!(counts.token_text.len(), words.len());
        for (id, word) in words.iter().enumerate() {
            assert_eq!(counts.token_ids.get(word), Some(id as u32));
            assert_eq!(&*counts.token_text[id], *word);
        }
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
    fn sketching_first_counts_every_term_that_can_be_listed_exactly() {
        let words = [
            "daring", "raid", "the", "bombers", "flop", "talks", "of", "wipe", "out",
        ];
        let sentences: Vec<(String, usize)> = (0..400usize)
            .map(|i| {
                let sentence: Vec<&str> = (0..9).map(|j| words[(i * 7 + j * j * 3) % 9]).collect();
                (sentence.join(" "), i % 3)
            })
            .collect();
        let count = |sketch_from_positions: usize| {
            let mut counts = TermCounts::new(3, 3);
            counts.sketch_from_positions = sketch_from_positions;
            for (sentence, side) in &sentences {
                counts.count_article(*side, [sentence.as_str()]);
            }
            counts.finish();
            let mut listable: Vec<(String, [u32; 3])> = (0..counts.len() as u32)
                .filter(|&id| counts.counts[id as usize].iter().any(|&n| n >= 3))
                .map(|id| (counts.term_text(id), counts.counts[id as usize]))
                .collect();
            listable.sort();
            listable
        };
        let exact = count(usize::MAX);
        assert!(exact.len() > 20, "{exact:?}");
        assert_eq!(count(0), exact);
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
            .map(|o| (o.position, o.length, counts.term_text(wanted[o.slot])))
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
