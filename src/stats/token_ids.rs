//! Token ids: each distinct normalized word of a story gets the next id, and its
//! occurrences per side are counted as it is met. The key is the word's
//! [`PackedForm`](crate::text::PackedForm) — nearly every word fits in 15 bytes — so a lookup
//! compares two integers, where a string key would follow a pointer to the text and compare
//! it byte by byte (a tenth of the whole analysis, measured). Longer words go to a map of
//! their text.

use rustc_hash::FxHashMap;

use super::counts::TokenInfo;
use super::id_slots::{spread, IdSlots};
use crate::text::{normal_form, NormalForm, PackedForm};

/// A token's key (when short), its occurrences per side so far and what the term rules need
/// to know of it, by token id: the key compare of a lookup has just brought the entry into
/// cache, so counting it and reading its kind there cost no second miss (the kind fills the
/// entry's padding).
#[derive(Debug, Clone, Copy)]
struct TokenEntry {
    key: PackedForm,
    per_side: [u32; 3],
    info: TokenInfo,
}

/// The key of tokens too long to pack, in their entry: its length byte (255) is never that
/// of a packed form (at most 15).
const LONG: PackedForm = PackedForm([0, u64::MAX]);

/// Normalized token text → token id, each token's entry and its text. Packed keys are found
/// in [`IdSlots`], their keys in the dense `entries`, where the frequent words (seen first,
/// so with low ids) are neighbours.
pub(super) struct TokenIds {
    short: IdSlots,
    /// By token id.
    entries: Vec<TokenEntry>,
    long: FxHashMap<Box<str>, u32>,
    /// The normalized text of each token, by id.
    texts: TokenTexts,
    /// Where a form too long to pack is written.
    written: String,
}

/// The normalized texts of tokens, by id: one string holding them all, and where each ends
/// (one allocation for the story's words, not one per word).
#[derive(Default)]
pub(super) struct TokenTexts {
    joined: String,
    ends: Vec<u32>,
}

impl TokenTexts {
    /// The text of token `id` (empty for an unknown id).
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn get(&self, id: u32) -> &str {
        let id = id as usize;
        let start = match id.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(id).copied().unwrap_or(start);
        self.joined
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// How many tokens there are.
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Ends the text of the next token, written onto `joined`.
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    fn end_token(&mut self) {
        self.ends.push(self.joined.len() as u32);
    }
}

/// Slots of a new token table: enough for a story of a few hundred articles without growing.
const FIRST_SLOTS: usize = 1 << 12;

impl Default for TokenIds {
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    fn default() -> TokenIds {
        TokenIds {
            short: IdSlots::new(FIRST_SLOTS),
            entries: Vec::new(),
            long: FxHashMap::default(),
            texts: TokenTexts::default(),
            written: String::new(),
        }
    }
}

/// The hash of a packed key.
#[inline]
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
fn hash(key: PackedForm) -> u64 {
    spread(spread(key.0[0]) ^ key.0[1])
}

impl TokenIds {
    /// Counts one occurrence in `side` of the token `surface` normalizes to; returns its id
    /// and kind.
    #[inline]
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn count(&mut self, surface: &str, side: usize) -> (u32, TokenInfo) {
        let form = normal_form(surface, &mut self.written);
        let known = match form {
            NormalForm::Packed(key) => self.short.find(hash(key), |id| {
                self.entries
                    .get(id as usize)
                    .is_some_and(|entry| entry.key == key)
            }),
            NormalForm::Written => self.long.get(self.written.as_str()).copied(),
        };
        if let Some(id) = known {
            if let Some(entry) = self.entries.get_mut(id as usize) {
                entry.per_side[side] += 1;
                return (id, entry.info);
            }
        }
        self.insert(form, side)
    }

    /// Gives the token of `form` the next id, counted once in `side`. Out of the counting
    /// loop: most words of a story have been seen before.
    #[inline(never)]
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    fn insert(&mut self, form: NormalForm, side: usize) -> (u32, TokenInfo) {
        let id = self.entries.len() as u32;
        let mut per_side = [0; 3];
        per_side[side] = 1;
        let key = match form {
            NormalForm::Packed(key) => {
                key.write_text(&mut self.texts.joined);
                key
            }
            NormalForm::Written => {
                self.texts.joined.push_str(&self.written);
                self.long.insert(self.written.as_str().into(), id);
                LONG
            }
        };
        self.texts.end_token();
        let info = TokenInfo::of(self.texts.get(id));
        self.entries.push(TokenEntry {
            key,
            per_side,
            info,
        });
        if key != LONG {
            let entries = &self.entries;
            self.short.insert(id, hash(key), |id| {
                entries.get(id as usize).map_or(0, |entry| hash(entry.key))
            });
        }
        (id, info)
    }

    /// The normalized text of token `id`.
    #[cfg(test)]
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn text(&self, id: u32) -> &str {
        self.texts.get(id)
    }

    /// Once every word is counted: each token's text, its occurrences per side and its kind,
    /// by id. The lookup tables are dropped.
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub(super) fn into_parts(self) -> (TokenTexts, Vec<[u32; 3]>, Vec<TokenInfo>) {
        let counts = self.entries.iter().map(|entry| entry.per_side).collect();
        let infos = self.entries.iter().map(|entry| entry.info).collect();
        (self.texts, counts, infos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_table_grows_and_keeps_every_id() {
        let words: Vec<String> = (0..3 * FIRST_SLOTS).map(|i| format!("w{i}")).collect();
        let mut ids = TokenIds::default();
        for (id, word) in words.iter().enumerate() {
            assert_eq!(ids.count(word, 1).0, id as u32, "{word}");
        }
        ids.count(&"long".repeat(5), 2);
        assert!(ids.short.slots.len() >= 2 * 3 * FIRST_SLOTS);
        for (id, word) in words.iter().enumerate() {
            assert_eq!(ids.count(word, 0).0, id as u32, "{word}");
        }
        assert_eq!(ids.count("LONGlonglonglonglong", 0).0, words.len() as u32);
        let (texts, counts, _) = ids.into_parts();
        assert_eq!(counts.len(), words.len() + 1);
        assert_eq!(counts[0], [1, 1, 0]);
        assert_eq!(counts[words.len()], [1, 0, 1]);
        assert_eq!(texts.get(words.len() as u32), "longlonglonglonglong");
        assert_eq!(texts.get(0), "w0");
    }

    #[test]
    fn forms_of_a_word_share_one_id_and_keep_the_normalized_text() {
        let words = ["Kremlin's", "KREMLIN", "kremlin’s", "Élan", "élan", "Pearl"];
        let mut ids = TokenIds::default();
        let found: Vec<u32> = words.iter().map(|w| ids.count(w, 0).0).collect();
        assert_eq!(found, [0, 0, 0, 1, 1, 2]);
        assert_eq!(
            [ids.text(0), ids.text(1), ids.text(2)],
            ["kremlin", "élan", "pearl"]
        );
    }
}
