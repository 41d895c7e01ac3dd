//! Finding where chosen terms occur: a [`TermFinder`] walks a sentence's token ids against
//! small tables of just those terms and the prefixes leading to them, instead of segmenting
//! and looking up every word of the story a second time. The listing rules (outlets,
//! containment) and the examples use it on the few terms that pass the score.

use rustc_hash::FxHashMap;

use super::sequences::{Sequence, NONE};

/// One occurrence of a term of interest inside a sentence, in tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Occurrence {
    /// Token position of the first word, and the n-gram's length in tokens.
    pub position: usize,
    pub length: usize,
    /// Which of the terms given to [`TermFinder::new`] it is, counting from 0.
    pub slot: usize,
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
    /// By token id, a bit each: whether the token starts a term looked for. Most tokens do
    /// not, and are passed over with one read of a table small enough for the first-level
    /// cache (a bit a word of the story).
    starts: Vec<u64>,
    /// By token id: the step of that token alone.
    first_steps: Vec<Step>,
    /// [`Sequence::key`] of (prefix id, last token) → the step of that n-gram.
    longer_steps: FxHashMap<u64, Step>,
}

impl TermFinder {
    /// A finder for `terms` (ids into `sequences`, the n-grams counted over `tokens` token
    /// ids), which reports each by its place in `terms`.
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn new(
        sequences: &[Sequence],
        tokens: usize,
        terms: impl IntoIterator<Item = u32>,
    ) -> TermFinder {
        let mut finder = TermFinder {
            starts: vec![0; tokens.div_ceil(64)],
            first_steps: vec![NO_STEP; tokens],
            longer_steps: FxHashMap::default(),
        };
        for (slot, term) in terms.into_iter().enumerate() {
            let mut current = term;
            let mut own_slot = Some(slot as u32);
            while let Some(&Sequence { prefix, last }) = sequences.get(current as usize) {
                let step = if prefix == NONE {
                    if let Some(bits) = finder.starts.get_mut(last as usize / 64) {
                        *bits |= 1 << (last % 64);
                    }
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

    /// The occurrences of the terms looked for in a sentence's token ids (from
    /// [`super::TermCounts::side_articles`], split at [`super::END`]), ordered by position
    /// then length.
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub fn find(&self, sentence: &[u32], out: &mut Vec<Occurrence>) {
        out.clear();
        for (start, &first) in sentence.iter().enumerate() {
            let starts = self
                .starts
                .get(first as usize / 64)
                .is_some_and(|bits| bits >> (first % 64) & 1 == 1);
            if !starts {
                continue;
            }
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
