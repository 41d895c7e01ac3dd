//! Ids by key in compact open-addressing tables of `u32` ids ([`IdSlots`]), the structure
//! under the token and n-gram tables: the keys stay with the caller, in a dense array by id.
//!
//! What the counting loops call per token or per k-gram is `#[inline]`: a module of its own
//! may be compiled in a codegen unit of its own, and a call there cost the native build 1–2%.

/// Multiplies by 2⁶⁴/φ, so that every input bit reaches the top bits of the product
/// (Fibonacci hashing): tables index by those.
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub(super) fn spread(x: u64) -> u64 {
    x.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Ids by key in open addressing: each slot holds an id + 1, or 0 for none, and the keys stay
/// with the caller, in a dense array by id. A slot is 4 bytes, so a table of a story's words
/// or frequent n-grams stays in cache, where a general hash map stores key and value in
/// every slot. The WASM build runs a lookup at about half the cost of `FxHashMap`'s.
pub(super) struct IdSlots {
    /// A power of two long, at most half full, probed linearly from the top bits of a hash.
    pub(super) slots: Vec<u32>,
    len: usize,
}

impl IdSlots {
    /// A table of `slots` slots (a power of two, at least 2).
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn new(slots: usize) -> IdSlots {
        IdSlots {
            slots: vec![0; slots],
            len: 0,
        }
    }

    /// The slot holding the id for which `is_key` holds, or the empty slot where it would go.
    #[inline]
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
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
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn find(&self, hash: u64, is_key: impl Fn(u32) -> bool) -> Option<u32> {
        self.slots.get(self.probe(hash, is_key))?.checked_sub(1)
    }

    /// Adds `id`, not yet in the table, under `hash`; `hash_of` gives the hash of any id
    /// already in, for placing them again when the table doubles.
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn insert(&mut self, id: u32, hash: u64, hash_of: impl Fn(u32) -> u64) {
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

    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    fn place(&mut self, id: u32, hash: u64) {
        let at = self.probe(hash, |_| false);
        if let Some(slot) = self.slots.get_mut(at) {
            *slot = id + 1;
        }
    }
}
