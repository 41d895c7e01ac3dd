//! N-grams as (id of their first n−1 tokens, id of their last token) — the key scheme of
//! every n-gram table — and the ids of the frequent n-grams kept by a counting pass
//! ([`SequenceIds`]): unigrams by token id, longer ones in an [`IdSlots`] table.

use super::id_slots::{spread, IdSlots};

/// The id of "no prefix": a unigram's prefix, and "no sequence".
pub(super) const NONE: u32 = u32::MAX;

/// An n-gram: the id of its first n−1 tokens ([`NONE`] for a unigram) and its last token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Sequence {
    pub prefix: u32,
    pub last: u32,
}

impl Sequence {
    /// The sequence as one integer, prefix in the high half: the key of the hash tables of
    /// sequences.
    #[inline]
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn key(self) -> u64 {
        (u64::from(self.prefix) << 32) | u64::from(self.last)
    }

    /// The hash tables of sequences index by.
    #[inline]
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn hash(self) -> u64 {
        spread(self.key())
    }
}

/// Ids of the frequent sequences, while counting: unigrams by token id, longer n-grams
/// found by (prefix id, last token id). Dropped once counted.
pub(super) struct SequenceIds {
    unigrams: Vec<u32>,
    /// Every sequence kept, by id: the keys of `longer`.
    sequences: Vec<Sequence>,
    longer: IdSlots,
}

/// Slots of a new table of longer sequences: a story of a few hundred articles keeps a few
/// hundred frequent n-grams.
const FIRST_SEQUENCE_SLOTS: usize = 1 << 10;

impl SequenceIds {
    /// No sequence yet, for tokens of ids below `tokens`.
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn new(tokens: usize) -> SequenceIds {
        SequenceIds {
            unigrams: vec![NONE; tokens],
            sequences: Vec::new(),
            longer: IdSlots::new(FIRST_SEQUENCE_SLOTS),
        }
    }

    /// Every sequence kept, by id.
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn into_sequences(self) -> Vec<Sequence> {
        self.sequences
    }

    /// Gives `sequence` the next id.
    #[inline]
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn keep(&mut self, sequence: Sequence) -> u32 {
        let id = self.sequences.len() as u32;
        self.sequences.push(sequence);
        if sequence.prefix == NONE {
            if let Some(unigram) = self.unigrams.get_mut(sequence.last as usize) {
                *unigram = id;
            }
        } else {
            let sequences = &self.sequences;
            self.longer.insert(id, sequence.hash(), |id| {
                sequences.get(id as usize).map_or(0, |&kept| kept.hash())
            });
        }
        id
    }

    /// The id of the unigram of `token`, or [`NONE`].
    #[inline]
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn unigram(&self, token: u32) -> u32 {
        self.unigrams.get(token as usize).copied().unwrap_or(NONE)
    }

    /// The id of `prefix` extended by `last`, if kept.
    #[inline]
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    fn extension(&self, prefix: u32, last: u32) -> Option<u32> {
        let sequence = Sequence { prefix, last };
        self.longer.find(sequence.hash(), |id| {
            self.sequences.get(id as usize) == Some(&sequence)
        })
    }

    /// The sequence of id `id`, and how many are kept.
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn get(&self, id: u32) -> Option<Sequence> {
        self.sequences.get(id as usize).copied()
    }

    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn len(&self) -> usize {
        self.sequences.len()
    }

    /// The id of the sequence of `tokens` (at least one), kept with each of its prefixes if
    /// new: how names are interned (`super::names`).
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn intern(&mut self, tokens: &[u32]) -> u32 {
        let mut id = NONE;
        for &last in tokens {
            let known = if id == NONE {
                self.unigrams.get(last as usize).copied()
            } else {
                self.extension(id, last)
            };
            id = match known {
                Some(known) if known != NONE => known,
                _ => self.keep(Sequence { prefix: id, last }),
            };
        }
        id
    }

    /// The id of the sequence of these tokens, if it was counted and kept. Looked up again
    /// at each pass rather than kept per stream position: that array would cost 4 bytes a
    /// token.
    #[inline]
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn find(&self, tokens: &[u32]) -> Option<u32> {
        let (&first, rest) = tokens.split_first()?;
        let mut id = *self.unigrams.get(first as usize)?;
        for &token in rest {
            if id == NONE {
                return None;
            }
            id = self.extension(id, token)?;
        }
        (id != NONE).then_some(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_table_grows_and_finds_every_kept_extension() {
        let mut ids = SequenceIds::new(4);
        let unigram = ids.keep(Sequence {
            prefix: NONE,
            last: 3,
        });
        let extensions: Vec<u32> = (0..3 * FIRST_SEQUENCE_SLOTS as u32)
            .map(|last| {
                ids.keep(Sequence {
                    prefix: unigram,
                    last,
                })
            })
            .collect();
        assert!(ids.longer.slots.len() >= 6 * FIRST_SEQUENCE_SLOTS);
        assert_eq!(ids.unigrams[3], unigram);
        for (last, &id) in extensions.iter().enumerate() {
            assert_eq!(ids.extension(unigram, last as u32), Some(id));
            assert_eq!(ids.find(&[3, last as u32]), Some(id));
        }
        assert_eq!(
            ids.extension(unigram, 3 * FIRST_SEQUENCE_SLOTS as u32),
            None
        );
        assert_eq!(ids.extension(extensions[0], 0), None);
        assert_eq!(ids.find(&[0, 0]), None);
    }
}
