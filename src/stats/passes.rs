//! The counting passes (Apriori): most n-grams of a story occur once or twice, and a term
//! needs `min_count` occurrences in a side to be listed, so n-grams are counted level by
//! level. Unigrams are counted as their tokens; pass k counts the k-grams whose first k−1
//! tokens and last k−1 tokens each occur at least `min_count` times in one side. An n-gram's
//! count in a side is at most that of each of its parts, so every n-gram that can be listed
//! is counted exactly. A pass collects each side's k-grams, sorts them and merges the runs,
//! rather than hashing the many that occur once; only the frequent k-grams of a pass are
//! kept, so the tables that later passes and the analysis look up stay small.

use super::counts::TokenInfo;
use super::radix;
use super::sequences::{Sequence, SequenceIds, NONE};

/// What the passes count: n-grams of at most `max_ngram` tokens, kept with `min_count` uses
/// in some side.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    pub max_ngram: usize,
    pub min_count: u32,
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
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn for_each_extension(
    ids: &SequenceIds,
    roles: &[Role],
    stream: &[u32],
    k: usize,
    ends_longest: bool,
    mut count: impl FnMut(u32, u32),
) {
    let part_at = |p: usize| stream.get(p..p + k - 1).and_then(|part| ids.find(part));
    // The id of the (k−1)-gram at `p + 1`, when it was looked up at `p`: the last k−1 tokens
    // of the k-gram at p are the first k−1 of the one at p+1. Parts are looked up only for
    // positions whose last token may end the k-gram, which most tokens (rare words,
    // stopwords at the last level) may not: that test is one array read.
    let mut next_part: Option<Option<u32>> = None;
    for (p, &last) in stream.iter().enumerate().skip(k - 1) {
        let start = p + 1 - k;
        let known = next_part.take();
        let ends = roles.get(last as usize).is_some_and(|role| {
            if ends_longest {
                role.ends_longest
            } else {
                role.ends_prefix
            }
        });
        if !ends {
            continue;
        }
        let Some(prefix) = known.unwrap_or_else(|| part_at(start)) else {
            continue;
        };
        // The last k−1 tokens need looking up only when they can start a term.
        let second_edges = stream
            .get(start + 1)
            .and_then(|&second| roles.get(second as usize))
            .is_some_and(|role| role.edges);
        if second_edges {
            let suffix = part_at(start + 1);
            next_part = Some(suffix);
            if suffix.is_none() {
                continue;
            }
        }
        count(prefix, last);
    }
}

/// [`for_each_extension`] for k = 2, where both parts are unigrams: each token's unigram
/// is read once and carried to the next position as the prefix.
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn for_each_bigram(
    ids: &SequenceIds,
    roles: &[Role],
    stream: &[u32],
    ends_longest: bool,
    mut count: impl FnMut(u32, u32),
) {
    let mut prefix = NONE;
    for &last in stream {
        let unigram = ids.unigram(last);
        if prefix != NONE {
            if let Some(role) = roles.get(last as usize) {
                let ends = if ends_longest {
                    role.ends_longest
                } else {
                    role.ends_prefix
                };
                if ends && (unigram != NONE || !role.edges) {
                    count(prefix, last);
                }
            }
        }
        prefix = unigram;
    }
}

/// How k-gram occurrences are packed into one sortable integer: the prefix id, then the last
/// token in as many bits as token ids need, then the side in two bits. Integers sort as the
/// (prefix, last) pairs do, and are as short as the pass's ids allow.
#[derive(Clone, Copy)]
struct Packing {
    last_bits: u32,
    bits: u32,
}

/// Bits enough for every integer below `n`.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn bits_below(n: usize) -> u32 {
    usize::BITS - n.saturating_sub(1).leading_zeros()
}

impl Packing {
    /// For prefixes below `prefixes` and last tokens below `tokens`. Ids are below 2³⁰ (a
    /// story has fewer token positions), so the integer loses no bit.
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    fn new(prefixes: usize, tokens: usize) -> Packing {
        let last_bits = bits_below(tokens);
        Packing {
            last_bits,
            bits: bits_below(prefixes) + last_bits + 2,
        }
    }

    #[inline]
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    fn occurrence(self, prefix: u32, last: u32, side: usize) -> u64 {
        (((u64::from(prefix) << self.last_bits) | u64::from(last)) << 2) | side as u64
    }

    /// The sequence of an occurrence with its side bits shifted out.
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    fn sequence(self, key: u64) -> Sequence {
        Sequence {
            prefix: (key >> self.last_bits) as u32,
            last: (key & ((1 << self.last_bits) - 1)) as u32,
        }
    }
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
    // The occurrences of a pass, every side's, sorted so that equal k-grams are neighbours
    // and then counted run by run: no table holds the many k-grams seen once. The runs come
    // in key order, so ids do not depend on the order of the articles.
    let mut occurrences: Vec<u64> = Vec::new();
    for k in 2..=max_ngram {
        let ends_longest = k == max_ngram;
        let packing = Packing::new(counts.len(), token_info.len());
        occurrences.clear();
        for (side, stream) in articles {
            let count = |prefix, last| occurrences.push(packing.occurrence(prefix, last, *side));
            if k == 2 {
                for_each_bigram(&ids, &roles, stream, ends_longest, count);
            } else {
                for_each_extension(&ids, &roles, stream, k, ends_longest, count);
            }
        }
        radix::sort(&mut occurrences, packing.bits);
        let mut rest = occurrences.as_slice();
        while let Some(&first) = rest.first() {
            let key = first >> 2;
            let mut per_side = [0; 3];
            let run = rest.iter().take_while(|&&o| o >> 2 == key).count();
            for &o in &rest[..run] {
                if let Some(n) = per_side.get_mut((o & 3) as usize) {
                    *n += 1;
                }
            }
            rest = &rest[run..];
            if frequent(per_side, min_count) {
                counts.push(per_side);
                ids.keep(packing.sequence(key));
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
