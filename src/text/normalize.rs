//! Token normalization (docs/METHOD.md §3): lowercase, curly apostrophes made
//! straight, and a trailing possessive `'s` dropped, so that "Russia’s" and "russia" are one
//! term. [`normal_form`] is the one implementation: it gives a form of at most 15 bytes
//! packed into two integers (the key the counter looks tokens up by) and writes longer ones
//! out. An ASCII word, nearly every word of news copy, is packed straight from its bytes,
//! lowercased as it is packed, without being written out first.

use super::lowercase::push_lowercase;

/// A normalized form of at most 15 bytes: its bytes little-endian in two words, its length
/// in the top byte of the second. Two `u64`, not a `u128`: WASM has 64-bit integers but not
/// 128-bit ones, and comparing or hashing a `u128` there takes several calls' worth of code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackedForm(pub [u64; 2]);

/// The normalized form of a token, as [`normal_form`] gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NormalForm {
    /// At most 15 bytes, packed.
    Packed(PackedForm),
    /// Longer: written out into the buffer given to [`normal_form`].
    Written,
}

const ONE_PER_BYTE: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = ONE_PER_BYTE * 0x80;

/// At most 8 bytes as a little-endian integer, zero above them: one or two overlapping
/// loads, instead of a copy into a buffer (which stalls the load that follows it).
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
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

/// Eight ASCII bytes lowercased at once: 0x20 added to those from `A` to `Z`. No byte
/// carries into the next, as every byte is below 0x80.
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn ascii_lowercase_8(word: u64) -> u64 {
    let from_a = word.wrapping_add(ONE_PER_BYTE * (0x80 - b'A' as u64));
    let past_z = word.wrapping_add(ONE_PER_BYTE * (0x80 - b'Z' as u64 - 1));
    let upper = from_a & !past_z & HIGH_BITS;
    word | (upper >> 2)
}

impl PackedForm {
    /// Up to 15 bytes packed, lowercased when `ascii_lowercase` (then `None` for a byte
    /// beyond ASCII); `None` for more than 15 bytes.
    #[inline]
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    fn pack(bytes: &[u8], ascii_lowercase: bool) -> Option<PackedForm> {
        if bytes.len() > 15 {
            return None;
        }
        let (low, high) = bytes.split_at(bytes.len().min(8));
        let (mut low, mut high) = (load_le(low), load_le(high));
        if ascii_lowercase {
            if (low | high) & HIGH_BITS != 0 {
                return None;
            }
            (low, high) = (ascii_lowercase_8(low), ascii_lowercase_8(high));
        }
        high |= (bytes.len() as u64) << 56;
        Some(PackedForm([low, high]))
    }

    /// The form as text.
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub fn to_text(self) -> String {
        let mut text = String::new();
        self.write_text(&mut text);
        text
    }

    /// Appends the form's text to `out`.
    pub fn write_text(self, out: &mut String) {
        let [low, high] = self.0;
        let len = (high >> 56) as usize;
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&low.to_le_bytes());
        bytes[8..].copy_from_slice(&high.to_le_bytes());
        out.push_str(std::str::from_utf8(&bytes[..len.min(15)]).unwrap_or_default());
    }
}

/// A word without its trailing possessive `'s`, if it has one and something before it. `'S`
/// counts too, so that the rule can run on ASCII words before they are lowercased.
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn without_possessive(word: &[u8]) -> &[u8] {
    match word {
        [stem @ .., b'\'', b's' | b'S'] if !stem.is_empty() => stem,
        _ => word,
    }
}

/// The normalized form of the word `surface`: packed when it fits in 15 bytes, otherwise
/// written into `out` (which is then overwritten; left as it was for a packed form of an
/// ASCII word). The ASCII path is inlined into the counting loop; the rest is not.
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub fn normal_form(surface: &str, out: &mut String) -> NormalForm {
    match PackedForm::pack(without_possessive(surface.as_bytes()), true) {
        Some(packed) => NormalForm::Packed(packed),
        None => written_form(surface, out),
    }
}

/// [`normal_form`] of a word beyond ASCII or longer than 15 bytes.
#[inline(never)]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn written_form(surface: &str, out: &mut String) -> NormalForm {
    out.clear();
    for c in surface.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => push_lowercase(c, out),
        }
    }
    let kept = without_possessive(out.as_bytes()).len();
    out.truncate(kept);
    match PackedForm::pack(out.as_bytes(), false) {
        Some(packed) => NormalForm::Packed(packed),
        None => NormalForm::Written,
    }
}

/// `text` in lowercase, character by character. Everything the crate lowercases goes
/// through the `lowercase` module's compact table, here and in [`normal_form`].
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            push_lowercase(c, &mut out);
        }
    }
    out
}

/// Writes the normalized form of `surface` into `out`.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub fn normalize_token(surface: &str, out: &mut String) {
    if let NormalForm::Packed(packed) = normal_form(surface, out) {
        *out = packed.to_text();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn normalized(word: &str) -> String {
        let mut out = String::new();
        normalize_token(word, &mut out);
        out
    }

    #[test]
    fn lowercases_and_drops_possessives() {
        assert_eq!(normalized("Russia’s"), "russia");
        assert_eq!(normalized("Kremlin's"), "kremlin");
        assert_eq!(normalized("KREMLIN'S"), "kremlin");
        assert_eq!(normalized("'s"), "'s");
        assert_eq!(normalized("its"), "its");
    }

    #[test]
    fn keeps_contractions_and_straightens_apostrophes() {
        assert_eq!(normalized("Don’t"), "don't");
        assert_eq!(normalized("o\u{2bc}clock"), "o'clock");
    }

    #[test]
    fn lowercases_beyond_ascii() {
        assert_eq!(normalized("ÉLAN"), "élan");
        assert_eq!(normalized("Straße"), "straße");
        assert_eq!(normalized("İ"), "i\u{307}");
    }

    #[test]
    fn forms_of_15_bytes_are_packed_and_longer_ones_written() {
        let mut out = String::new();
        let fifteen = "ABCDEFGHIJKLMNO";
        assert!(matches!(
            normal_form(fifteen, &mut out),
            NormalForm::Packed(_)
        ));
        assert_eq!(normalized(fifteen), fifteen.to_lowercase());
        assert_eq!(
            normal_form("ABCDEFGHIJKLMNOP", &mut out),
            NormalForm::Written
        );
        assert_eq!(out, "abcdefghijklmnop");
        // 15 bytes once the possessive is dropped.
        assert!(matches!(
            normal_form("ABCDEFGHIJKLMNO's", &mut out),
            NormalForm::Packed(_)
        ));
    }

    /// The definition written plainly: what the packed fast path must agree with.
    fn reference(word: &str) -> String {
        let lower: String = word
            .chars()
            .map(|c| match c {
                '\u{2019}' | '\u{2018}' | '\u{02BC}' => "'".to_owned(),
                c => c.to_lowercase().collect(),
            })
            .collect();
        match lower.strip_suffix("'s") {
            Some(stem) if !stem.is_empty() => stem.to_owned(),
            _ => lower,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn every_path_gives_the_plain_definition(word in "[a-zA-Z'’ʼ0-9_éÉß]{0,20}") {
            prop_assert_eq!(normalized(&word), reference(&word));
        }

        #[test]
        fn a_packed_form_is_the_written_form_packed(word in "[a-zA-Z'’é]{0,17}") {
            let mut out = String::new();
            let expected = PackedForm::pack(reference(&word).as_bytes(), false)
                .map_or(NormalForm::Written, NormalForm::Packed);
            prop_assert_eq!(normal_form(&word, &mut out), expected);
        }
    }
}
