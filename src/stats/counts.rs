//! Term counting over rated articles (docs/METHOD.md §4): each article's sentences
//! are tokenized once into token ids, words and term tokens (n_b) are counted per side as
//! they go, and [`TermCounts::finish`] counts the n-grams that can be listed (the `passes`
//! module). An n-gram is a [`Sequence`] of ids, so extending a term by one token is one
//! lookup and no string is built per occurrence. Counts and totals are integers, so they do
//! not depend on the order articles arrive in.
//!
//! The token ids are kept after counting: the listing rules and the examples find where the
//! terms of interest occur by walking them ([`TermFinder`]).

use super::finder::TermFinder;
use super::names::{names, Names};
use super::passes::{count_ngrams, Limits};
use super::sequences::Sequence;
#[cfg(feature = "explain")]
use super::sequences::NONE;
use super::token_ids::{TokenIds, TokenTexts};
use crate::input::Side;
use crate::text::{is_stopword, word_spans, Capitals, Token};

/// Ends a sentence in an article's token ids.
pub(crate) const END: u32 = u32::MAX;

/// Longest token, in characters, that can be part of a term. Longer ones are not words but
/// pasted URLs, base64 blobs or keyboard mashing: they still count as words, and break
/// n-grams as numbers do (docs/LIMITS.md).
pub(crate) const MAX_TERM_TOKEN_CHARS: usize = 50;

/// The id of a counted n-gram (a term, or a prefix leading to one).
pub(crate) type TermId = u32;

/// What the term rules need to know of a token.
#[derive(Debug, Clone, Copy)]
pub(super) struct TokenInfo {
    /// Has a letter and at most [`MAX_TERM_TOKEN_CHARS`] characters: may be in a term.
    pub has_letter: bool,
    pub is_stopword: bool,
}

impl TokenInfo {
    pub(super) fn of(text: &str) -> TokenInfo {
        TokenInfo {
            has_letter: text.chars().any(char::is_alphabetic)
                && text.chars().nth(MAX_TERM_TOKEN_CHARS).is_none(),
            is_stopword: is_stopword(text),
        }
    }

    /// Whether a term may start or end with this token (docs/METHOD.md §3).
    pub fn can_edge_a_term(self) -> bool {
        self.has_letter && !self.is_stopword
    }
}

/// Term and token counts per side.
pub(crate) struct TermCounts {
    limits: Limits,
    /// While counting: the token table. Dropped by `finish`, which keeps the texts.
    token_ids: TokenIds,
    token_text: TokenTexts,
    token_info: Vec<TokenInfo>,
    sequences: Vec<Sequence>,
    /// y_w per side, by term id (zero for the prefixes ending with a stopword, which are
    /// not terms).
    counts: Vec<[u32; 3]>,
    /// Word tokens per side (stopwords and numbers included).
    words: [u64; 3],
    /// n_b: term occurrences (term tokens) of every n-gram order per side.
    term_tokens: [u64; 3],
    /// Each article added: its side, and the token ids of its sentences, each followed by
    /// [`END`]. One exact-size slice an article: a single growing stream would briefly need
    /// three times its size while doubling.
    articles: Vec<(usize, Box<[u32]>)>,
    /// The article being tokenized, and the words of its sentence being counted.
    scratch_ids: Vec<u32>,
    scratch_spans: Vec<(usize, usize)>,
    /// Each article added: the marks of its capitalized words (`crate::text::Capitals`), the
    /// material names are built from (docs/METHOD.md §7).
    capitals: Vec<Box<[u32]>>,
    /// Whether capitalized words are marked for [`TermCounts::names`]: not for an analysis
    /// without emphasis, their only reader.
    marks_capitals: bool,
    /// The marks of the article being tokenized.
    scratch_capitals: Capitals,
}

impl TermCounts {
    /// Counts n-grams of 1..=`max_ngram` tokens; those occurring fewer than `min_count`
    /// times in every side may be left uncounted.
    pub fn new(max_ngram: usize, min_count: u32) -> TermCounts {
        TermCounts {
            limits: Limits {
                max_ngram,
                min_count,
            },
            token_ids: TokenIds::default(),
            token_text: TokenTexts::default(),
            token_info: Vec::new(),
            sequences: Vec::new(),
            counts: Vec::new(),
            words: [0; 3],
            term_tokens: [0; 3],
            articles: Vec::new(),
            scratch_ids: Vec::new(),
            scratch_spans: Vec::new(),
            capitals: Vec::new(),
            marks_capitals: true,
            scratch_capitals: Capitals::default(),
        }
    }

    /// Counts without marking the capitalized words that names are made of: for an analysis
    /// without emphasis, where nothing reads [`TermCounts::names`], which then finds none.
    pub fn without_names(mut self) -> TermCounts {
        self.marks_capitals = false;
        self
    }

    /// Adds the sentences of one article of `side`, and returns its term tokens;
    /// [`TermCounts::finish`] must be called after the last article.
    #[cfg_attr(hot_paths_for_speed, optimize(speed), inline(never))]
    pub fn count_article<'s>(
        &mut self,
        side: Side,
        sentences: impl IntoIterator<Item = &'s str>,
    ) -> u64 {
        let side = side.index();
        let term_tokens_before = self.term_tokens[side];
        let mut ids = std::mem::take(&mut self.scratch_ids);
        ids.clear();
        self.scratch_capitals.clear();
        // n_b counts every term occurrence, including those of n-grams too rare to count: a
        // term token is counted once for each n-gram of at most `max_ngram` tokens with a
        // letter that ends on it and starts as a term may. Those starts are the set bits of
        // `starts`, bit i for the token i back, so this costs one step per token rather than
        // a walk of `max_ngram` tokens from each start. (Options allow at most 5 tokens; the
        // window holds 64.)
        let window = match self.limits.max_ngram {
            0 => 0,
            n => u64::MAX >> 64usize.saturating_sub(n),
        };
        // The start that leaves the window at the next shift. The set bits are counted as
        // they come and go: `count_ones` is a long sequence of instructions on x86-64
        // without POPCNT, which the portable build may not assume.
        let oldest = window & !(window >> 1);
        let mut spans = std::mem::take(&mut self.scratch_spans);
        for sentence in sentences {
            let first = ids.len();
            let mut starts = 0u64;
            let mut open = 0u64;
            spans.clear();
            word_spans(sentence, &mut spans);
            for &(start, end) in &spans {
                let surface = sentence.get(start..end).unwrap_or_default();
                let (id, info) = self.token_ids.count(surface, side);
                let position = ids.len();
                ids.push(id);
                if info.has_letter {
                    let edge = u64::from(info.can_edge_a_term()) & window;
                    open = open + edge - u64::from(starts & oldest != 0);
                    starts = ((starts << 1) | edge) & window;
                    if !info.is_stopword {
                        self.term_tokens[side] += open;
                        // Names are made of such words (docs/METHOD.md §7).
                        if self.marks_capitals {
                            let token = Token { start, surface };
                            self.scratch_capitals.word(sentence, &token, position);
                        }
                    }
                } else {
                    (starts, open) = (0, 0);
                }
            }
            self.words[side] += (ids.len() - first) as u64;
            ids.push(END);
            self.scratch_capitals.end_sentence(ids.len());
        }
        self.articles.push((side, ids.as_slice().into()));
        self.capitals
            .push(self.scratch_capitals.marks.as_slice().into());
        self.scratch_ids = ids;
        self.scratch_spans = spans;
        self.term_tokens[side] - term_tokens_before
    }

    /// Counts the n-grams of the sentences added, one order after the other, and keeps
    /// those frequent in some side.
    #[cfg_attr(hot_paths_for_speed, optimize(speed), inline(never))]
    pub fn finish(&mut self) {
        self.scratch_ids = Vec::new();
        self.scratch_spans = Vec::new();
        self.scratch_capitals = Capitals::default();
        // Words are all interned now: their table gives way to counts by id.
        let (texts, token_count, token_info) = std::mem::take(&mut self.token_ids).into_parts();
        self.token_text = texts;
        self.token_info = token_info;
        (self.sequences, self.counts) =
            count_ngrams(&self.articles, &self.token_info, &token_count, self.limits);
    }

    /// Every term id (terms and the prefixes leading to them, whose counts are 0).
    pub fn terms(&self) -> std::ops::Range<TermId> {
        0..self.counts.len() as TermId
    }

    /// y_w^b: the occurrences of `term` in `side`.
    pub fn count(&self, term: TermId, side: Side) -> u32 {
        self.counts
            .get(term as usize)
            .map_or(0, |per_side| per_side[side.index()])
    }

    /// The occurrences of `term` in all three sides.
    pub fn count_in_all(&self, term: TermId) -> u64 {
        self.counts
            .get(term as usize)
            .map_or(0, |per_side| per_side.iter().map(|&n| u64::from(n)).sum())
    }

    /// Word tokens in `side` (what the 200-word sufficiency rule counts).
    pub fn words(&self, side: Side) -> u64 {
        self.words[side.index()]
    }

    /// n_b: term tokens (occurrences of terms of every length) in `side`.
    pub fn term_tokens(&self, side: Side) -> u64 {
        self.term_tokens[side.index()]
    }

    /// n_all: term tokens in all three sides.
    pub fn all_term_tokens(&self) -> u64 {
        self.term_tokens.iter().sum()
    }

    /// The token ids of each article of `side`, in the order they were added: its
    /// sentences', each followed by [`END`].
    pub fn side_articles(&self, side: Side) -> impl Iterator<Item = &[u32]> + '_ {
        self.articles
            .iter()
            .filter(move |(of, _)| *of == side.index())
            .map(|(_, ids)| &ids[..])
    }

    /// The token ids of each sentence of `side`, in the order they were added.
    #[cfg(test)]
    pub fn side_sentences(&self, side: Side) -> impl Iterator<Item = &[u32]> + '_ {
        self.articles
            .iter()
            .filter(move |(of, _)| *of == side.index())
            .flat_map(|(_, ids)| ids.split_inclusive(|&token| token == END))
            .map(|sentence| &sentence[..sentence.len() - 1])
    }

    /// The token ids of the `k`-th article added, each sentence ended by [`END`].
    pub fn article(&self, k: usize) -> Option<&[u32]> {
        self.articles.get(k).map(|(_, ids)| &ids[..])
    }

    /// Distinct tokens: token ids are below this.
    pub fn vocabulary(&self) -> usize {
        self.token_text.len()
    }

    /// The normalized text of token `id`.
    pub fn token_text(&self, id: u32) -> &str {
        self.token_text.get(id)
    }

    /// Whether token `id` may start or end a term: a content word (docs/METHOD.md §3).
    pub fn is_content(&self, id: u32) -> bool {
        self.token_info
            .get(id as usize)
            .is_some_and(|info| info.can_edge_a_term())
    }

    /// The names of the articles added (docs/METHOD.md §7).
    pub fn names(&self) -> Names {
        names(
            &self.articles,
            &self.capitals,
            &self.token_info,
            &self.token_text,
        )
    }

    /// A finder for `terms`, which reports each by its place in `terms`.
    pub fn finder(&self, terms: impl IntoIterator<Item = TermId>) -> TermFinder {
        TermFinder::new(&self.sequences, self.token_text.len(), terms)
    }

    /// The longest n-gram counted.
    #[cfg(feature = "explain")]
    pub fn max_ngram(&self) -> usize {
        self.limits.max_ngram
    }

    #[cfg(feature = "explain")]
    /// The id of the counted n-gram whose normalized tokens are `words`: a walk along its
    /// prefixes, one token at a time. Plain scans: it is asked once per explanation.
    pub fn find(&self, words: &[String]) -> Option<TermId> {
        let mut id = NONE;
        for word in words {
            let token =
                (0..self.token_text.len() as u32).find(|&t| self.token_text.get(t) == word)?;
            id = self
                .sequences
                .iter()
                .position(|s| s.prefix == id && s.last == token)? as TermId;
        }
        (id != NONE).then_some(id)
    }

    /// The token ids of term `id`, first to last.
    pub fn term_words(&self, id: TermId) -> Vec<u32> {
        let mut words = Vec::new();
        let mut current = id;
        while let Some(sequence) = self.sequences.get(current as usize) {
            words.push(sequence.last);
            current = sequence.prefix;
        }
        words.reverse();
        words
    }

    /// The normalized term: its tokens joined by one space.
    pub fn term_text(&self, id: TermId) -> String {
        let mut parts = Vec::new();
        let mut current = id;
        while let Some(sequence) = self.sequences.get(current as usize) {
            parts.push(self.token_text.get(sequence.last));
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
            counts.count_article(Side::ALL[side], [sentence]);
        }
        counts.finish();
        counts
    }

    fn count_of(counts: &TermCounts, term: &str) -> [u32; 3] {
        counts
            .terms()
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
        assert_eq!(counts.term_tokens[0], 8);
        assert_eq!(counts.words[0], 5);
    }

    #[test]
    fn term_totals_count_each_term_token_once_per_ngram_ending_on_it() {
        let sentence = "the daring raid of 41 drones hit the old bombers of the fleet";
        for max_ngram in 0..=7 {
            let mut counts = TermCounts::new(max_ngram, 1);
            counts.count_article(Side::Center, [sentence]);
            let term_tokens = counts.term_tokens;
            counts.finish();
            // Every n-gram of at most max_ngram tokens with letters starting as a term may,
            // counted by its term tokens, as docs/METHOD.md defines n_b.
            let ids = &counts.articles[0].1;
            let infos: Vec<TokenInfo> = ids[..ids.len() - 1]
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
            assert_eq!(term_tokens, [0, expected, 0], "max_ngram {max_ngram}");
        }
    }

    #[test]
    fn counting_without_names_finds_none_and_counts_the_same() {
        let sentences = [
            (
                0,
                "Mayor Ellison of Calder said the raid on Calder was daring.",
            ),
            (1, "Mayor Ellison met Governor Hart in Calder on Tuesday."),
            (2, "Governor Hart and Mayor Ellison spoke again."),
        ];
        let count = |counts: TermCounts| {
            let mut counts = counts;
            for (side, sentence) in sentences {
                counts.count_article(Side::ALL[side], [sentence]);
            }
            counts.finish();
            counts
        };
        let with = count(TermCounts::new(3, 1));
        let without = count(TermCounts::new(3, 1).without_names());
        assert!(with.names().count() > 0, "the sentences hold names");
        assert_eq!(without.names().count(), 0);
        assert_eq!(
            (with.words, with.term_tokens),
            (without.words, without.term_tokens)
        );
        let terms = |counts: &TermCounts| -> Vec<(String, [u32; 3])> {
            counts
                .terms()
                .map(|id| {
                    (
                        counts.term_text(id),
                        *counts.counts.get(id as usize).unwrap(),
                    )
                })
                .collect()
        };
        assert_eq!(terms(&with), terms(&without));
    }

    #[test]
    fn only_sequences_frequent_in_some_side_are_kept() {
        let mut counts = TermCounts::new(2, 2);
        for (side, sentence) in [(0, "daring raid"), (0, "daring raid"), (1, "daring move")] {
            counts.count_article(Side::ALL[side], [sentence]);
        }
        counts.finish();
        let kept: Vec<String> = counts.terms().map(|id| counts.term_text(id)).collect();
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
        let per_side = Side::ALL.map(|s| counts.side_sentences(s).count());
        assert_eq!(per_side, [2, 1, 1]);
        let right: Vec<String> = counts
            .side_sentences(Side::Right)
            .flat_map(|ids| ids.iter().map(|&t| counts.token_text.get(t).to_string()))
            .collect();
        assert_eq!(right, ["a", "daring"]);
    }

    #[test]
    fn every_term_that_can_be_listed_is_counted_exactly() {
        let words = [
            "daring", "raid", "the", "bombers", "flop", "talks", "of", "wipe", "out",
        ];
        let sentences: Vec<(Vec<&str>, usize)> = (0..400usize)
            .map(|i| {
                (
                    (0..9).map(|j| words[(i * 7 + j * j * 3) % 9]).collect(),
                    i % 3,
                )
            })
            .collect();
        let mut counts = TermCounts::new(3, 3);
        for (sentence, side) in &sentences {
            counts.count_article(Side::ALL[*side], [sentence.join(" ").as_str()]);
        }
        counts.finish();
        let mut listable: Vec<(String, [u32; 3])> = counts
            .terms()
            .filter(|&id| counts.counts[id as usize].iter().any(|&n| n >= 3))
            .map(|id| (counts.term_text(id), counts.counts[id as usize]))
            .collect();
        listable.sort();
        // Every n-gram of 1 to 3 words neither starting nor ending with a stopword, counted
        // per side by brute force.
        let mut expected: std::collections::BTreeMap<String, [u32; 3]> = Default::default();
        for (sentence, side) in &sentences {
            for start in 0..sentence.len() {
                for end in start + 1..=(start + 3).min(sentence.len()) {
                    if !is_stopword(sentence[start]) && !is_stopword(sentence[end - 1]) {
                        expected.entry(sentence[start..end].join(" ")).or_default()[*side] += 1;
                    }
                }
            }
        }
        expected.retain(|_, per_side| per_side.iter().any(|&n| n >= 3));
        let expected: Vec<(String, [u32; 3])> = expected.into_iter().collect();
        assert!(expected.len() > 20, "{expected:?}");
        assert_eq!(listable, expected);
    }

    #[test]
    fn a_side_without_sentences_has_none() {
        let counts = counted(&[("daring raid", 0), ("daring move", 2)], 3);
        assert_eq!(counts.side_sentences(Side::Center).count(), 0);
        assert_eq!(counts.side_sentences(Side::Right).count(), 1);
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
        let id = |term: &str| counts.terms().find(|&id| counts.term_text(id) == term);
        let wanted = [id("pearl harbor").unwrap(), id("pearl").unwrap()];
        let finder = counts.finder(wanted);
        let ids = counts.side_sentences(Side::Left).next().unwrap();
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
