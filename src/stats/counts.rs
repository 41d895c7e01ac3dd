//! Term counting over rated articles. Tokens are interned once; an n-gram is interned as
//! (id of its first n−1 tokens, id of its last token), so extending a term by one token is
//! one lookup in a compact table of ids (the `ids` module) and no string is built per
//! occurrence. Counts and term totals are integers, so they do not depend on the order
//! articles arrive in.
//!
//! Most n-grams of a story occur once or twice, and a term needs `min_count` occurrences in
//! a side to be listed, so n-grams are counted level by level (Apriori): the sentences are
//! tokenized once into token ids, unigrams are counted as their tokens, then pass k counts
//! the k-grams whose first k−1 tokens and last k−1 tokens each occur at least `min_count`
//! times in one side. An n-gram's count in a side is at most that of each of its parts, so
//! every n-gram that can be listed is counted exactly. A pass collects each side's k-grams,
//! sorts them and merges the runs, rather than hashing the many that occur once; only the
//! frequent k-grams of a pass are kept, so the tables that later passes and the analysis look
//! up stay small.
//! The totals n_b are counted over every n-gram, counted or not.
//!
//! The token ids are kept after counting: finding where the terms of interest occur walks
//! them against a small table of just those terms ([`TermFinder`]), instead of segmenting and
//! looking up every word of the story a second time.

use rustc_hash::FxHashMap;

use super::ids::{sequence_hash, Sequence, SequenceIds, TokenIds, NONE};
use crate::text::{is_stopword, normalize_token, tokens};

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

/// A token's part in the k-grams `finish` counts, worked out once per token.
#[derive(Debug, Clone, Copy, Default)]
struct Role {
    /// Starts or ends a term (SPEC §3).
    edges: bool,
    /// Ends a k-gram shorter than `max_ngram` that may be counted: has a letter and is
    /// frequent. A prefix may end with a stopword ("war of" of "war of words").
    ends_prefix: bool,
    /// Ends a `max_ngram`-gram that may be counted: also not a stopword.
    ends_longest: bool,
}

/// A side is frequent for an n-gram with `min_count` uses there: a term is listed for a side
/// only with that many, and each of its parts has at least as many uses as the term itself.
fn frequent(per_side: [u32; 3], min_count: u32) -> bool {
    per_side.iter().any(|&n| n >= min_count)
}

/// Calls `count` with (prefix id, last token) of each k-gram (k ≥ 2) of `stream` to count:
/// all in one sentence, ending as a term or prefix may, its first k−1 tokens counted and
/// kept at level k−1, and so are its last k−1 tokens when they can start a term. Only
/// frequent sequences are kept, so a found part is frequent.
fn for_each_extension(
    ids: &SequenceIds,
    roles: &[Role],
    stream: &[u32],
    k: usize,
    ends_longest: bool,
    mut count: impl FnMut(u32, u32),
) {
    // The id of the (k−1)-gram at each position, carried to the next: the last k−1 tokens
    // of the k-gram at p are the first k−1 of the one at p+1. A token that cannot start a
    // term has no unigram id, so most positions cost one array read.
    let part_at = |p: usize| stream.get(p..p + k - 1).and_then(|part| ids.find(part));
    let mut prefix = part_at(0);
    for p in 0..stream.len() {
        let suffix = part_at(p + 1);
        if let (Some(prefix), Some(&last)) = (prefix, stream.get(p + k - 1)) {
            let ends = roles.get(last as usize).is_some_and(|role| {
                if ends_longest {
                    role.ends_longest
                } else {
                    role.ends_prefix
                }
            });
            let suffix_counted = suffix.is_some()
                || !stream
                    .get(p + 1)
                    .and_then(|&second| roles.get(second as usize))
                    .is_some_and(|role| role.edges);
            if ends && suffix_counted {
                count(prefix, last);
            }
        }
        prefix = suffix;
    }
}

/// One step of a walk through a sentence towards the terms looked for: the sequence read so
/// far, and its slot when it is itself looked for.
#[derive(Debug, Clone, Copy)]
struct Step {
    id: u32,
    slot: u32,
}

const NO_STEP: Step = Step {
    id: NONE,
    slot: NONE,
};

/// The terms being looked for, and every prefix leading to them: tables small enough to stay
/// in cache while every sentence is walked.
pub(crate) struct TermFinder {
    /// By token id: the step of that token alone. Most tokens start no term looked for, and
    /// are passed over with one array read.
    first_steps: Vec<Step>,
    /// [`Sequence::key`] of (prefix id, last token) → the step of that n-gram.
    longer_steps: FxHashMap<u64, Step>,
}

impl TermFinder {
    /// The occurrences of the terms looked for in a sentence's token ids (from
    /// [`TermCounts::side_sentences`]), ordered by position then length.
    pub fn find(&self, sentence: &[u32], out: &mut Vec<Occurrence>) {
        out.clear();
        for (start, &first) in sentence.iter().enumerate() {
            let mut step = self
                .first_steps
                .get(first as usize)
                .copied()
                .unwrap_or(NO_STEP);
            let mut length = 1;
            while step.id != NONE {
                if step.slot != NONE {
                    out.push(Occurrence {
                        position: start,
                        length,
                        slot: step.slot as usize,
                    });
                }
                let Some(&token) = sentence.get(start + length) else {
                    break;
                };
                step = self
                    .longer_steps
                    .get(
                        &Sequence {
                            prefix: step.id,
                            last: token,
                        }
                        .key(),
                    )
                    .copied()
                    .unwrap_or(NO_STEP);
                length += 1;
            }
        }
    }
}

/// Term and token counts per side (indexed by [`crate::Side::index`]).
pub(crate) struct TermCounts {
    max_ngram: usize,
    min_count: u32,
    token_ids: TokenIds,
    token_text: Vec<Box<str>>,
    token_info: Vec<TokenInfo>,
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
    (sequence_hash(Sequence { prefix, last }) >> (64 - bits)) as usize
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

    /// The id of a token of `side`, counting the occurrence.
    fn intern_token(&mut self, surface: &str, side: usize) -> u32 {
        // An ASCII word is keyed straight from its bytes; any other is normalized first.
        let surface_key = TokenIds::surface_key(surface);
        let key = surface_key.or_else(|| {
            normalize_token(surface, &mut self.scratch_token);
            TokenIds::short_key(&self.scratch_token)
        });
        // One lookup site, which the WASM build (optimized for size) then inlines.
        let known = match key {
            Some(key) => self.token_ids.find_short(key),
            None => self.token_ids.find_long(&self.scratch_token),
        };
        if let Some(id) = known {
            if self.token_ids.count(id, side) {
                return id;
            }
        }
        // A new token: its normalized form, unless written out for the lookup already.
        if surface_key.is_some() {
            normalize_token(surface, &mut self.scratch_token);
        }
        self.add_token(side)
    }

    /// Gives the token in `scratch_token` the next id, with one occurrence in `side`.
    fn add_token(&mut self, side: usize) -> u32 {
        let text = self.scratch_token.as_str();
        let id = self.token_text.len() as u32;
        self.token_info.push(TokenInfo {
            has_letter: text.chars().any(char::is_alphabetic)
                && text.chars().nth(MAX_TERM_TOKEN_CHARS).is_none(),
            is_stopword: is_stopword(text),
        });
        self.token_ids.insert(text, side);
        self.token_text.push(text.into());
        id
    }

    /// Adds the sentences of one article of `side`; [`TermCounts::finish`] must be called
    /// after the last article.
    pub fn count_article<'s>(&mut self, side: usize, sentences: impl IntoIterator<Item = &'s str>) {
        let mut ids = std::mem::take(&mut self.scratch_ids);
        ids.clear();
        // n_b counts every term occurrence, including those of n-grams too rare to count: a
        // term token is counted once for each n-gram of at most `max_ngram` tokens with a
        // letter that ends on it and starts as a term may. Those starts are the set bits of
        // `starts`, bit i for the token i back, so this costs one step per token rather than
        // a walk of `max_ngram` tokens from each start. (Options allow at most 5 tokens; the
        // window holds 64.)
        let window = match self.max_ngram {
            0 => 0,
            n => u64::MAX >> 64usize.saturating_sub(n),
        };
        for sentence in sentences {
            let first = ids.len();
            let mut starts = 0u64;
            for token in tokens(sentence) {
                let id = self.intern_token(token.surface, side);
                ids.push(id);
                let info = self.token_info[id as usize];
                starts = if info.has_letter {
                    ((starts << 1) | u64::from(info.can_edge_a_term())) & window
                } else {
                    0
                };
                if info.has_letter && !info.is_stopword {
                    self.term_total[side] += u64::from(starts.count_ones());
                }
            }
            self.words[side] += (ids.len() - first) as u64;
            ids.push(END);
        }
        self.articles.push((side, ids.as_slice().into()));
        self.scratch_ids = ids;
    }

    /// Counts the n-grams of the sentences added, one order after the other, and keeps
    /// those frequent in some side.
    pub fn finish(&mut self) {
        self.scratch_ids = Vec::new();
        // Words are all interned now: their table gives way to counts by id.
        let token_count = std::mem::take(&mut self.token_ids).counts_by_id();
        let min_count = self.min_count;
        let roles: Vec<Role> = self
            .token_info
            .iter()
            .zip(&token_count)
            .map(|(info, &per_side)| {
                let ends_prefix = info.has_letter && frequent(per_side, min_count);
                Role {
                    edges: info.can_edge_a_term(),
                    ends_prefix,
                    ends_longest: ends_prefix && !info.is_stopword,
                }
            })
            .collect();
        // Unigram counts are the counts of their token.
        let mut ids = SequenceIds::new(self.token_text.len());
        for (token, (role, &per_side)) in roles.iter().zip(&token_count).enumerate() {
            if role.edges && role.ends_prefix {
                self.counts.push(per_side);
                ids.keep(Sequence {
                    prefix: NONE,
                    last: token as u32,
                });
            }
        }
        let positions: usize = self.articles.iter().map(|(_, stream)| stream.len()).sum();
        // Small stories skip the sketch: their tables are small anyway, and it would cost a
        // second look at every position.
        let sketched = positions > self.sketch_from_positions;
        let sketch_bits = positions
            .next_power_of_two()
            .clamp(1 << 10, 1 << 22)
            .trailing_zeros();
        for k in 2..=self.max_ngram {
            let ends_longest = k == self.max_ngram;
            let extensions = |side: usize, count: &mut dyn FnMut(u32, u32)| {
                for (_, stream) in self.articles.iter().filter(|(of, _)| *of == side) {
                    for_each_extension(&ids, &roles, stream, k, ends_longest, &mut *count);
                }
            };
            // First a sketch of how often each k-gram occurs per side: saturating counters
            // shared by the k-grams that hash alike, so never below a k-gram's true count.
            // One under `min_count` in every side cannot be listed, and is not stored: most
            // k-grams occur once, and storing them is most of the memory an analysis takes.
            let mut sketch = vec![[0u8; 3]; if sketched { 1 << sketch_bits } else { 0 }];
            if sketched {
                for side in [0, 1, 2] {
                    extensions(side, &mut |prefix, last| {
                        let slot = &mut sketch[sketch_slot(prefix, last, sketch_bits)][side];
                        *slot = slot.saturating_add(1);
                    });
                }
            }
            // The occurrences of a side as their [`Sequence::key`], sorted, so that equal
            // k-grams are neighbours, then collapsed into runs (k-gram, count): no table holds
            // the many k-grams seen once, and one buffer serves the three sides in turn.
            let mut occurrences: Vec<u64> = Vec::new();
            let runs: [Vec<(u64, u32)>; 3] = std::array::from_fn(|side| {
                occurrences.clear();
                extensions(side, &mut |prefix, last| {
                    if sketched {
                        let per_side = sketch[sketch_slot(prefix, last, sketch_bits)];
                        if per_side.iter().all(|&n| u32::from(n) < min_count.min(255)) {
                            return;
                        }
                    }
                    occurrences.push(Sequence { prefix, last }.key());
                });
                occurrences.sort_unstable();
                occurrences
                    .chunk_by(|a, b| a == b)
                    .map(|run| (run[0], run.len() as u32))
                    .collect()
            });
            drop(sketch);
            drop(occurrences);
            // Merged in key order, so that ids do not depend on the order of the articles.
            let mut rest = runs.each_ref().map(|side| side.as_slice());
            while let Some(key) = rest
                .iter()
                .filter_map(|side| side.first())
                .map(|run| run.0)
                .min()
            {
                let mut per_side = [0; 3];
                for (count, side) in per_side.iter_mut().zip(&mut rest) {
                    if let Some((&(first, n), later)) = side.split_first() {
                        if first == key {
                            (*count, *side) = (n, later);
                        }
                    }
                }
                if frequent(per_side, min_count) {
                    self.counts.push(per_side);
                    ids.keep(Sequence::from_key(key));
                }
            }
        }
        self.sequences = ids.into_sequences();
        // Prefixes ending with a stopword were counted for the pruning only.
        for (sequence, count) in self.sequences.iter().zip(&mut self.counts) {
            if self.token_info[sequence.last as usize].is_stopword {
                *count = [0; 3];
            }
        }
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
        let mut finder = TermFinder {
            first_steps: vec![NO_STEP; self.token_text.len()],
            longer_steps: FxHashMap::default(),
        };
        for (slot, term) in terms.into_iter().enumerate() {
            let mut current = term;
            let mut own_slot = Some(slot as u32);
            while let Some(&Sequence { prefix, last }) = self.sequences.get(current as usize) {
                let step = if prefix == NONE {
                    finder.first_steps.get_mut(last as usize)
                } else {
                    Some(
                        finder
                            .longer_steps
                            .entry(Sequence { prefix, last }.key())
                            .or_insert(NO_STEP),
                    )
                };
                if let Some(step) = step {
                    step.id = current;
                    if let Some(slot) = own_slot.take() {
                        step.slot = slot;
                    }
                }
                current = prefix;
            }
        }
        finder
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
        let texts: Vec<&str> = counts.token_text.iter().map(|text| &**text).collect();
        assert_eq!(texts, words);
        let per_token = counts.token_ids.counts_by_id();
        assert_eq!(per_token, vec![[2, 0, 0]; words.len()]);
    }

    #[test]
    fn term_totals_count_each_term_token_once_per_ngram_ending_on_it() {
        let sentence = "the daring raid of 41 drones hit the old bombers of the fleet";
        for max_ngram in 0..=7 {
            let mut counts = TermCounts::new(max_ngram, 1);
            counts.count_article(1, [sentence]);
            // Every n-gram of at most max_ngram tokens with letters starting as a term may,
            // counted by its term tokens, as SPEC §3 defines n_b.
            let infos: Vec<TokenInfo> = counts.scratch_ids[..counts.scratch_ids.len() - 1]
                .iter()
                .map(|&id| counts.token_info[id as usize])
                .collect();
            let mut expected = 0;
            for start in 0..infos.len() {
                if !infos[start].can_edge_a_term() {
                    continue;
                }
                for info in infos[start..].iter().take(max_ngram) {
                    if !info.has_letter {
                        break;
                    }
                    expected += u64::from(!info.is_stopword);
                }
            }
            assert_eq!(counts.term_total, [0, expected, 0], "max_ngram {max_ngram}");
        }
    }

    #[test]
    fn only_sequences_frequent_in_some_side_are_kept() {
        let mut counts = TermCounts::new(2, 2);
        for (side, sentence) in [(0, "daring raid"), (0, "daring raid"), (1, "daring move")] {
            counts.count_article(side, [sentence]);
        }
        counts.finish();
        let kept: Vec<String> = (0..counts.len() as u32)
            .map(|id| counts.term_text(id))
            .collect();
        assert_eq!(kept, ["daring", "raid", "daring raid"]);
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
        finder.find(ids, &mut found);
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
