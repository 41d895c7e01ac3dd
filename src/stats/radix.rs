//! Sorting the k-gram occurrences of a counting pass: an in-place most-significant-digit
//! radix sort (American flag sort) of integers whose set bits all lie below a width known in
//! advance (a pass packs its keys into as few bits as its ids need). Each level moves the
//! keys into 256 buckets by their next byte, without a second buffer (which for the largest
//! stories would be tens of megabytes of WASM memory that is never given back); buckets of
//! a few dozen keys are finished by the comparison sort. A level costs a few operations per
//! key, where a comparison sort of a large story costs one comparison per key for each of
//! its twenty levels.

/// Buckets at most this long are sorted by comparison.
const SMALL: usize = 1024;

/// Sorts `keys`, each below 2^`bits`.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub(super) fn sort(keys: &mut [u64], bits: u32) {
    if keys.len() <= SMALL || bits == 0 {
        keys.sort_unstable();
        return;
    }
    let shift = bits.saturating_sub(8);
    let digit = |key: u64| usize::from((key >> shift) as u8);
    let mut ends = [0u32; 256];
    for &key in keys.iter() {
        ends[digit(key)] += 1;
    }
    // Each bucket's start, then its end; `next` is where its next key goes.
    let mut next = [0u32; 256];
    let mut total = 0;
    for (end, next) in ends.iter_mut().zip(&mut next) {
        *next = total;
        total += *end;
        *end = total;
    }
    let starts = next;
    for bucket in 0..256 {
        while next[bucket] < ends[bucket] {
            let at = next[bucket] as usize;
            let home = digit(keys[at]);
            if home == bucket {
                next[bucket] += 1;
            } else {
                // The key goes to the next free place of its bucket; what was there comes
                // here to be placed in turn.
                keys.swap(at, next[home] as usize);
                next[home] += 1;
            }
        }
    }
    for (&start, &end) in starts.iter().zip(&ends) {
        if let Some(bucket) = keys.get_mut(start as usize..end as usize) {
            sort(bucket, shift);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_a_comparison_sort_does_for_every_width() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for bits in [0, 1, 7, 8, 9, 17, 33, 63, 64] {
            for len in [0, 1, 2, 1025, 1000, 5001, 20_000, 20_001] {
                let keys: Vec<u64> = (0..len)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        let key = if len % 2 == 0 { state } else { state % 37 };
                        if bits == 64 {
                            key
                        } else {
                            key & ((1u64 << bits) - 1)
                        }
                    })
                    .collect();
                let mut expected = keys.clone();
                expected.sort_unstable();
                let mut sorted = keys;
                sort(&mut sorted, bits);
                assert_eq!(sorted, expected, "{bits} bits, {len} keys");
            }
        }
    }
}
