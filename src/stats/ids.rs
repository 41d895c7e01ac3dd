//! Ids for the words and n-grams of a story, in compact open-addressing tables of `u32` ids
//! ([`IdSlots`]) whose keys stay in dense arrays by id: token text → token id
//! ([`TokenIds`], words of up to 15 bytes keyed by their packed bytes), and (prefix id, last
//! token id) → n-gram id for the frequent n-grams of a counting pass ([`SequenceIds`]).
//!
//! What the counting loops call per token or per k-gram is `#[inline]`: a module of its own
//! may be compiled in a codegen unit of its own, and a call there cost the native build 1–2%.

use rustc_hash::FxHashMap;

use crate::text::without_possessive;

/// The id of "no prefix": a unigram's prefix, and "no sequence".
pub(super) const NONE: u32 = u32::MAX;

/// An n-gram: the id of its first n−1 tokens ([`NONE`] for a unigram) and its last token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Sequence {
    pub prefix: u32,
    pub last: u32,
}

impl Sequence {
    /// The sequence as one integer, prefix in the high half: the key of the tables and of
    /// the sorted occurrences of a counting pass.
    #[inline]
    pub(super) fn key(self) -> u64 {
        (u64::from(self.prefix) << 32) | u64::from(self.last)
    }

    #[inline]
    pub(super) fn from_key(key: u64) -> Sequence {
        Sequence {
            prefix: (key >> 32) as u32,
            last: key as u32,
        }
    }
}

/// Multiplies by 2⁶⁴/φ, so that every input bit reaches the top bits of the product
/// (Fibonacci hashing): tables index by those.
#[inline]
fn spread(x: u64) -> u64 {
    x.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Ids by key in open addressing: each slot holds an id + 1, or 0 for none, and the keys stay
/// with the caller, in a dense array by id. A slot is 4 bytes, so a table of a story's words
/// or frequent n-grams stays in cache, where a general hash map stores key and value in
/// every slot. The WASM build runs a lookup at about half the cost of `FxHashMap`'s.
struct IdSlots {
    /// A power of two long, at most half full, probed linearly from the top bits of a hash.
    slots: Vec<u32>,
    len: usize,
}

impl IdSlots {
    /// A table of `slots` slots (a power of two, at least 2).
    fn new(slots: usize) -> IdSlots {
        IdSlots {
            slots: vec![0; slots],
            len: 0,
        }
    }

    /// The slot holding the id for which `is_key` holds, or the empty slot where it would go.
    #[inline]
    fn probe(&self, hash: u64, is_key: impl Fn(u32) -> bool) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = (hash >> (64 - self.slots.len().trailing_zeros())) as usize;
        // The table is at most half full, so the probe meets an empty slot.
        while let Some(&slot) = self.slots.get(at) {
            match slot.checked_sub(1) {
                Some(id) if !is_key(id) => at = (at + 1) & mask,
                _ => break,
            }
        }
        at
    }

    /// The id for which `is_key` holds, if any.
    #[inline]
    fn find(&self, hash: u64, is_key: impl Fn(u32) -> bool) -> Option<u32> {
        self.slots.get(self.probe(hash, is_key))?.checked_sub(1)
    }

    /// Adds `id`, not yet in the table, under `hash`; `hash_of` gives the hash of any id
    /// already in, for placing them again when the table doubles.
    fn insert(&mut self, id: u32, hash: u64, hash_of: impl Fn(u32) -> u64) {
        self.len += 1;
        if 2 * self.len > self.slots.len() {
            let doubled = vec![0; 2 * self.slots.len()];
            let old = std::mem::replace(&mut self.slots, doubled);
            for slot in old {
                if let Some(id) = slot.checked_sub(1) {
                    self.place(id, hash_of(id));
                }
            }
        }
        self.place(id, hash);
    }

    fn place(&mut self, id: u32, hash: u64) {
        let at = self.probe(hash, |_| false);
        if let Some(slot) = self.slots.get_mut(at) {
            *slot = id + 1;
        }
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

#[inline]
pub(super) fn sequence_hash(sequence: Sequence) -> u64 {
    spread(sequence.key())
}

impl SequenceIds {
    /// No sequence yet, for tokens of ids below `tokens`.
    pub(super) fn new(tokens: usize) -> SequenceIds {
        SequenceIds {
            unigrams: vec![NONE; tokens],
            sequences: Vec::new(),
            longer: IdSlots::new(FIRST_SEQUENCE_SLOTS),
        }
    }

    /// Every sequence kept, by id.
    pub(super) fn into_sequences(self) -> Vec<Sequence> {
        self.sequences
    }

    /// Gives `sequence` the next id.
    #[inline]
    pub(super) fn keep(&mut self, sequence: Sequence) -> u32 {
        let id = self.sequences.len() as u32;
        self.sequences.push(sequence);
        if sequence.prefix == NONE {
            if let Some(unigram) = self.unigrams.get_mut(sequence.last as usize) {
                *unigram = id;
            }
        } else {
            let sequences = &self.sequences;
            self.longer.insert(id, sequence_hash(sequence), |id| {
                sequences
                    .get(id as usize)
                    .map_or(0, |&kept| sequence_hash(kept))
            });
        }
        id
    }

    /// The id of `prefix` extended by `last`, if kept.
    #[inline]
    fn extension(&self, prefix: u32, last: u32) -> Option<u32> {
        let sequence = Sequence { prefix, last };
        self.longer.find(sequence_hash(sequence), |id| {
            self.sequences.get(id as usize) == Some(&sequence)
        })
    }

    /// The id of the sequence of these tokens, if it was counted and kept. Looked up again
    /// at each pass rather than kept per stream position: that array would cost 4 bytes a
    /// token.
    #[inline]
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

/// A token's key (when short) and its occurrences per side so far, by token id: the key
/// compare of a lookup has just brought the entry into cache, so counting it there costs no
/// second miss.
#[derive(Debug, Clone, Copy)]
struct TokenEntry {
    key: ShortKey,
    per_side: [u32; 3],
}

/// Up to 15 bytes of a normalized token, and their count in the top byte of the second
/// word. Two `u64`, not a `u128`: WASM has 64-bit integers but not 128-bit ones, and
/// comparing or hashing a `u128` there takes several calls' worth of code.
pub(super) type ShortKey = [u64; 2];

/// The key of tokens too long for a [`ShortKey`] in their entry: its length byte (255) is
/// never that of a short key (at most 15).
const LONG: ShortKey = [0, u64::MAX];

/// Normalized token text → token id, and each token's entry. Nearly every word fits in 15
/// bytes, and those are keyed by their bytes and length packed into a [`ShortKey`]: a lookup
/// then compares two integers, where a string key would follow a pointer to the text and
/// compare it byte by byte (a tenth of the whole analysis, measured).
///
/// Short keys are found in [`IdSlots`], their keys in the dense `entries`, where the
/// frequent words (seen first, so with low ids) are neighbours.
pub(super) struct TokenIds {
    short: IdSlots,
    /// By token id.
    entries: Vec<TokenEntry>,
    long: FxHashMap<Box<str>, u32>,
}

/// Slots of a new token table: enough for a story of a few hundred articles without growing.
const FIRST_SLOTS: usize = 1 << 12;

impl Default for TokenIds {
    fn default() -> TokenIds {
        TokenIds {
            short: IdSlots::new(FIRST_SLOTS),
            entries: Vec::new(),
            long: FxHashMap::default(),
        }
    }
}

const ONE_PER_BYTE: u64 = 0x0101_0101_0101_0101;

/// At most 8 bytes as a little-endian integer, zero above them: one or two overlapping
/// loads, instead of a copy into a buffer (which stalls the load that follows it).
#[inline]
fn load_le(bytes: &[u8]) -> u64 {
    if let Some(word) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*word);
    }
    let len = bytes.len();
    if let (Some(head), Some(tail)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        let (head, tail) = (u32::from_le_bytes(*head), u32::from_le_bytes(*tail));
        return u64::from(head) | u64::from(tail) << (8 * (len - 4));
    }
    let byte = |at: usize| bytes.get(at).map_or(0, |&b| u64::from(b) << (8 * at));
    byte(0) | byte(len / 2) | byte(len.saturating_sub(1))
}

/// The bytes of an ASCII word, lowercased 8 at a time: 0x20 added to those from `A` to `Z`.
/// No byte carries into the next, as every byte is below 0x80.
#[inline]
fn ascii_lowercase_8(word: u64) -> u64 {
    let from_a = word.wrapping_add(ONE_PER_BYTE * (0x80 - b'A' as u64));
    let past_z = word.wrapping_add(ONE_PER_BYTE * (0x80 - b'Z' as u64 - 1));
    let upper = from_a & !past_z & (ONE_PER_BYTE * 0x80);
    word | (upper >> 2)
}

impl TokenIds {
    /// Up to 15 bytes and their count in the top byte, as a [`ShortKey`].
    #[inline]
    fn pack(bytes: &[u8], lowercase_ascii: bool) -> Option<ShortKey> {
        if bytes.len() > 15 {
            return None;
        }
        let (low, high) = bytes.split_at(bytes.len().min(8));
        let (mut low, mut high) = (load_le(low), load_le(high));
        if lowercase_ascii {
            if (low | high) & (ONE_PER_BYTE * 0x80) != 0 {
                return None;
            }
            (low, high) = (ascii_lowercase_8(low), ascii_lowercase_8(high));
        }
        high |= (bytes.len() as u64) << 56;
        Some([low, high])
    }

    /// The key of a normalized token that fits in 15 bytes.
    #[inline]
    pub(super) fn short_key(text: &str) -> Option<ShortKey> {
        Self::pack(text.as_bytes(), false)
    }

    /// The key of the normalized form of an ASCII word, from the word as written: the same
    /// bytes, lowercased as they are packed (SPEC §3), without writing the form out.
    #[inline]
    pub(super) fn surface_key(surface: &str) -> Option<ShortKey> {
        Self::pack(without_possessive(surface.as_bytes()), true)
    }

    /// The hash of a short key.
    #[inline]
    fn hash(key: ShortKey) -> u64 {
        spread(spread(key[0]) ^ key[1])
    }

    /// The id of the short token with this key, if interned.
    #[inline]
    pub(super) fn find_short(&self, key: ShortKey) -> Option<u32> {
        self.short.find(Self::hash(key), |id| {
            self.entries
                .get(id as usize)
                .is_some_and(|entry| entry.key == key)
        })
    }

    /// The id of a token too long for a short key, if interned.
    #[inline]
    pub(super) fn find_long(&self, text: &str) -> Option<u32> {
        self.long.get(text).copied()
    }

    /// Counts one more occurrence in `side` of the token `id`; false if there is no such id.
    #[inline]
    pub(super) fn count(&mut self, id: u32, side: usize) -> bool {
        let Some(entry) = self.entries.get_mut(id as usize) else {
            return false;
        };
        entry.per_side[side] += 1;
        true
    }

    /// Interns `text` with the next id, counted once in `side`.
    #[inline]
    pub(super) fn insert(&mut self, text: &str, side: usize) {
        let id = self.entries.len() as u32;
        let mut per_side = [0; 3];
        per_side[side] = 1;
        let key = Self::short_key(text);
        self.entries.push(TokenEntry {
            key: key.unwrap_or(LONG),
            per_side,
        });
        match key {
            Some(key) => {
                let entries = &self.entries;
                self.short.insert(id, Self::hash(key), |id| {
                    entries
                        .get(id as usize)
                        .map_or(0, |entry| Self::hash(entry.key))
                });
            }
            None => {
                self.long.insert(text.into(), id);
            }
        }
    }

    /// The occurrences per side of each token, by id.
    pub(super) fn counts_by_id(&self) -> Vec<[u32; 3]> {
        self.entries.iter().map(|entry| entry.per_side).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize_token;

    #[test]
    fn the_token_table_grows_and_keeps_every_id() {
        let words: Vec<String> = (0..3 * FIRST_SLOTS).map(|i| format!("w{i}")).collect();
        let mut ids = TokenIds::default();
        for word in &words {
            ids.insert(word, 1);
        }
        ids.insert(&"long".repeat(5), 2);
        assert!(ids.short.slots.len() >= 2 * 3 * FIRST_SLOTS);
        for (id, word) in words.iter().enumerate() {
            let key = TokenIds::short_key(word).unwrap();
            assert_eq!(ids.find_short(key), Some(id as u32), "{word}");
        }
        assert_eq!(ids.find_short(TokenIds::short_key("absent").unwrap()), None);
        assert_eq!(
            ids.long.get("longlonglonglonglong"),
            Some(&(words.len() as u32))
        );
        let counts = ids.counts_by_id();
        assert_eq!(counts.len(), words.len() + 1);
        assert_eq!(counts[0], [0, 1, 0]);
        assert_eq!(counts[words.len()], [0, 0, 1]);
    }

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

    #[test]
    fn surface_keys_are_the_keys_of_normalized_ascii_forms() {
        let letters = "AbCdEfGhIjKlMnOpQ";
        let mut words: Vec<&str> = (1..=letters.len()).map(|n| &letters[..n]).collect();
        words.extend([
            "Kremlin's",
            "KREMLIN'S",
            "'s",
            "x's",
            "AbCdEfGhIjKlMnO's",
            "Don't",
            "café",
        ]);
        for word in words {
            let mut normalized = String::new();
            normalize_token(word, &mut normalized);
            let expected = word
                .is_ascii()
                .then(|| TokenIds::short_key(&normalized))
                .flatten();
            assert_eq!(TokenIds::surface_key(word), expected, "{word}");
        }
    }
}
