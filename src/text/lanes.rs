//! Bytes eight at a time: a `u64` read as eight lanes of one byte, the first byte in the
//! lowest lane, and tests that set the high bit of every lane whose byte passes. The scans
//! that meet every byte of a story (the markup check, sentence breaks, word ends) test a
//! whole word of bytes with a few integer operations where a byte loop takes several per
//! byte. Plain 64-bit arithmetic, so the WASM build (which has no SIMD enabled) gains as
//! much as the native one.
//!
//! Every test is exact in every lane: no carry crosses from one lane into the next, so a
//! mask can be read lane by lane, not only as "some lane passes".

pub(super) const ONES: u64 = 0x0101_0101_0101_0101;
pub(super) const HIGH_BITS: u64 = ONES << 7;
const LOW_BITS: u64 = !HIGH_BITS;

/// The eight bytes of `bytes` from `at`, if there are eight.
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub(super) fn lanes_at(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..)?.first_chunk::<8>()?;
    Some(u64::from_le_bytes(*chunk))
}

/// The index of the first lane set in `mask` (which must not be 0).
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub(super) fn first_lane(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

/// The lanes whose byte is `byte`.
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub(super) fn equal(lanes: u64, byte: u8) -> u64 {
    let differ = lanes ^ (ONES * u64::from(byte));
    // A lane is zero when neither its high bit nor, after adding 0x7F to its low seven
    // bits (which cannot carry out of the lane), any other bit is set.
    !(((differ & LOW_BITS) + LOW_BITS) | differ) & HIGH_BITS
}

/// The lanes whose low seven bits are at least `n` (at most 0x80): adding 0x80 − n to seven
/// bits sets the eighth exactly then, and cannot carry out of the lane.
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn low_at_least(lanes: u64, n: u8) -> u64 {
    ((lanes & LOW_BITS) + ONES * u64::from(0x80 - n)) & HIGH_BITS
}

/// The lanes whose byte is ASCII and from `low` to `high` (both ASCII).
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub(super) fn ascii_in(lanes: u64, low: u8, high: u8) -> u64 {
    low_at_least(lanes, low) & !low_at_least(lanes, high + 1) & !lanes & HIGH_BITS
}

/// The lanes whose byte is ASCII and below `n` (at most 0x80).
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub(super) fn ascii_below(lanes: u64, n: u8) -> u64 {
    !low_at_least(lanes, n) & !lanes & HIGH_BITS
}

/// The lanes whose byte is at least `n` (at least 0x80).
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub(super) fn at_least(lanes: u64, n: u8) -> u64 {
    low_at_least(lanes, n - 0x80) & lanes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Eight copies of `byte`, with `other` in lane `at`.
    fn lanes_with(byte: u8, at: usize, other: u8) -> u64 {
        let mut bytes = [byte; 8];
        bytes[at] = other;
        u64::from_le_bytes(bytes)
    }

    fn lane_set(mask: u64, lane: usize) -> bool {
        mask >> (8 * lane + 7) & 1 == 1
    }

    #[test]
    fn every_test_is_exact_in_every_lane_for_every_pair_of_bytes() {
        // Each byte in one lane beside every other byte in the rest, so that a carry or a
        // borrow from a neighbour would show.
        for byte in 0..=u8::MAX {
            for other in 0..=u8::MAX {
                for at in [0, 3, 7] {
                    let lanes = lanes_with(other, at, byte);
                    assert_eq!(lane_set(equal(lanes, b'.'), at), byte == b'.');
                    assert_eq!(lane_set(equal(lanes, 0x7F), at), byte == 0x7F);
                    assert_eq!(lane_set(equal(lanes, 0), at), byte == 0);
                    let in_range = byte.is_ascii_lowercase();
                    assert_eq!(lane_set(ascii_in(lanes, b'a', b'z'), at), in_range);
                    assert_eq!(lane_set(ascii_in(lanes, 0, 0x7F), at), byte < 0x80);
                    assert_eq!(lane_set(ascii_below(lanes, 0x20), at), byte < 0x20);
                    assert_eq!(lane_set(at_least(lanes, 0xC2), at), byte >= 0xC2);
                    assert_eq!(lane_set(at_least(lanes, 0x80), at), byte >= 0x80);
                }
            }
        }
    }

    #[test]
    fn the_first_lane_is_the_lowest_set_and_lanes_are_read_in_order() {
        let bytes = b"abcdefghij";
        let lanes = lanes_at(bytes, 2).unwrap();
        assert_eq!(first_lane(equal(lanes, b'e') | equal(lanes, b'h')), 2);
        assert_eq!(lanes_at(bytes, 3), None);
    }
}
