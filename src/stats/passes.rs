//! The counting passes (Apriori): most n-grams of a story occur once or twice, and a term
//! needs `min_count` occurrences in a side to be listed, so n-grams are counted level by
//! level. Unigrams are counted as their tokens; pass k counts the k-grams whose first k−1
//! tokens and last k−1 tokens each occur at least `min_count` times in one side. An n-gram's
//! count in a side is at most that of each of its parts, so every n-gram that can be listed
//! is counted exactly. A pass collects each side's k-grams, sorts them and merges the runs,
//! rather than hashing the many that occur once; only the frequent k-grams of a pass are
//! kept, so the tables that later passes and the analysis look up stay small.

use super::counts::TokenInfo;
use super::sequences::{Sequence, SequenceIds, NONE};

/// What the passes count: n-grams of at most `max_ngram` tokens, kept with `min_count` uses
/// in some side; stories of more than `sketch_from_positions` token positions are sketched
/// first.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    pub max_ngram: usize,
    pub min_count: u32,
    pub sketch_from_positions: usize,
}

/// A token's part in the k-grams `finish` counts, worked out once per token.
#[derive(Debug, Clone, Copy, Default)]
struct Role {
    /// Starts or ends a term (docs/METHOD.md §3).
    edges: bool,
    /// Ends a k-gram shorter than `max_ngram` that may be counted: has a letter and is
    /// frequent. A prefix may end with a stopword ("war of" of "war of words").
    ends_prefix: bool,
    /// Ends a `max_ngram`-gram that may be counted: also not a stopword.
    ends_longest: bool,
}

/// A side is frequent for an n-gram with `min_count` uses there: a term is listed for a side
/// only with that many, and each of its parts has at least as many uses as the term itself.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn frequent(per_side: [u32; 3], min_count: u32) -> bool {
    per_side.iter().any(|&n| n >= min_count)
}

/// Calls `count` with (prefix id, last token) of each k-gram (k ≥ 2) of `stream` to count:
/// all in one sentence, ending as a term or prefix may, its first k−1 tokens counted and
/// kept at level k−1, and so are its last k−1 tokens when they can start a term. Only
/// frequent sequences are kept, so a found part is frequent.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
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

/// Token positions (about 6 bytes of text each) above which [`count_ngrams`] sketches k-gram counts
/// before storing them: about 6 MB of text, where the tables start to cost tens of MB.
pub(super) const SKETCH_FROM_POSITIONS: usize = 1 << 20;

/// The sketch counter of a k-gram (Fibonacci hashing: the top `bits` bits of the product).
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn sketch_slot(prefix: u32, last: u32, bits: u32) -> usize {
    (Sequence { prefix, last }.hash() >> (64 - bits)) as usize
}

/// The n-grams of 2..=`limits.max_ngram` tokens of `articles` (each a side and its token ids,
/// sentences ended by `END`) that are frequent in some side, one order after the other,
/// after the unigrams of the tokens with `token_info` and `token_count` per side. Returns
/// the sequences kept, by id, and their counts per side.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub(super) fn count_ngrams(
    articles: &[(usize, Box<[u32]>)],
    token_info: &[TokenInfo],
    token_count: &[[u32; 3]],
    limits: Limits,
) -> (Vec<Sequence>, Vec<[u32; 3]>) {
    let Limits {
        max_ngram,
        min_count,
        sketch_from_positions,
    } = limits;
    let mut counts: Vec<[u32; 3]> = Vec::new();
    let roles: Vec<Role> = token_info
        .iter()
        .zip(token_count)
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
    let mut ids = SequenceIds::new(token_info.len());
    for (token, (role, &per_side)) in roles.iter().zip(token_count).enumerate() {
        if role.edges && role.ends_prefix {
            counts.push(per_side);
            ids.keep(Sequence {
                prefix: NONE,
                last: token as u32,
            });
        }
    }
    let positions: usize = articles.iter().map(|(_, stream)| stream.len()).sum();
    // Small stories skip the sketch: their tables are small anyway, and it would cost a
    // second look at every position.
    let sketched = positions > sketch_from_positions;
    let sketch_bits = positions
        .next_power_of_two()
        .clamp(1 << 10, 1 << 22)
        .trailing_zeros();
    for k in 2..=max_ngram {
        let ends_longest = k == max_ngram;
        let extensions = |side: usize, count: &mut dyn FnMut(u32, u32)| {
            for (_, stream) in articles.iter().filter(|(of, _)| *of == side) {
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
                counts.push(per_side);
                ids.keep(Sequence::from_key(key));
            }
        }
    }
    let sequences = ids.into_sequences();
    // Prefixes ending with a stopword were counted for the pruning only.
    for (sequence, count) in sequences.iter().zip(&mut counts) {
        if token_info
            .get(sequence.last as usize)
            .is_some_and(|info| info.is_stopword)
        {
            *count = [0; 3];
        }
    }
    (sequences, counts)
}
