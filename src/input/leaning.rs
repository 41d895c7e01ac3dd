//! Leanings and the three sides they fall into (docs/STORY.md, "Leanings"). Owns the
//! seven-point scale, its case-insensitive parsing, and the bucketing into left / center /
//! right / unrated.

use std::fmt;

use crate::error::{quoted, Error};

/// A source's political leaning on the seven-point scale, or `Unrated`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Leaning {
    FarLeft,
    Left,
    LeanLeft,
    Center,
    LeanRight,
    Right,
    FarRight,
    Unrated,
}

/// One of the three rated sides a report compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    Left,
    Center,
    Right,
}

/// The accepted spellings, in the order error messages list them.
const LABELS: [(&str, Leaning); 8] = [
    ("far-left", Leaning::FarLeft),
    ("left", Leaning::Left),
    ("lean-left", Leaning::LeanLeft),
    ("center", Leaning::Center),
    ("lean-right", Leaning::LeanRight),
    ("right", Leaning::Right),
    ("far-right", Leaning::FarRight),
    ("unrated", Leaning::Unrated),
];

/// How an article's leaning was found, for the reader who asks "why is this outlet left?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeaningSource {
    Article,
    StorySource,
    StoryHost,
    PageSource,
    PageHost,
    Unrated,
}

impl LeaningSource {
    /// The report's name for it (`articles[].leaning_from`).
    pub fn key(self) -> &'static str {
        match self {
            LeaningSource::Article => "article",
            LeaningSource::StorySource => "ratings.source",
            LeaningSource::StoryHost => "ratings.host",
            LeaningSource::PageSource => "options.ratings.source",
            LeaningSource::PageHost => "options.ratings.host",
            LeaningSource::Unrated => "none",
        }
    }
}

impl Leaning {
    /// Parses a label: case-insensitive, surrounding white space ignored, `centre` for
    /// `center`, and a space or underscore in place of the hyphen (AllSides writes "Lean Left").
    /// Returns `None` for anything else.
    pub fn parse(label: &str) -> Option<Leaning> {
        let normalized: String = label
            .trim()
            .chars()
            .map(|c| match c {
                ' ' | '_' => '-',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        if normalized == "centre" {
            return Some(Leaning::Center);
        }
        LABELS
            .iter()
            .find(|(name, _)| *name == normalized)
            .map(|&(_, leaning)| leaning)
    }

    /// The canonical label, e.g. `lean-left`.
    pub fn label(self) -> &'static str {
        LABELS
            .iter()
            .find(|(_, leaning)| *leaning == self)
            .map_or("unrated", |(name, _)| name)
    }

    /// The side this leaning counts for; `None` for unrated sources.
    pub fn side(self) -> Option<Side> {
        match self {
            Leaning::FarLeft | Leaning::Left | Leaning::LeanLeft => Some(Side::Left),
            Leaning::Center => Some(Side::Center),
            Leaning::LeanRight | Leaning::Right | Leaning::FarRight => Some(Side::Right),
            Leaning::Unrated => None,
        }
    }

    /// Parses the label found at `path`; the error names the path and lists the scale.
    pub(crate) fn parse_at(label: &str, path: &str) -> Result<Leaning, Error> {
        Leaning::parse(label).ok_or_else(|| Error::at(path, Leaning::unknown_message(label)))
    }

    /// The message for a label that [`Leaning::parse`] rejects.
    fn unknown_message(label: &str) -> String {
        let expected: Vec<&str> = LABELS.iter().map(|(name, _)| *name).collect();
        format!(
            "unknown leaning {} (expected one of {})",
            quoted(label),
            expected.join(", ")
        )
    }
}

impl fmt::Display for Leaning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl Side {
    /// All sides in report order.
    pub const ALL: [Side; 3] = [Side::Left, Side::Center, Side::Right];

    /// The report key: `left`, `center` or `right`.
    pub fn key(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Center => "center",
            Side::Right => "right",
        }
    }

    /// Index into per-side arrays, in [`Side::ALL`] order.
    pub fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_canonical_label_back_to_itself() {
        for (name, leaning) in LABELS {
            assert_eq!(Leaning::parse(name), Some(leaning));
            assert_eq!(leaning.label(), name);
        }
    }

    #[test]
    fn parsing_ignores_case_spaces_and_british_spelling() {
        assert_eq!(Leaning::parse("Lean Left"), Some(Leaning::LeanLeft));
        assert_eq!(Leaning::parse(" FAR_RIGHT "), Some(Leaning::FarRight));
        assert_eq!(Leaning::parse("Centre"), Some(Leaning::Center));
    }

    #[test]
    fn rejects_labels_off_the_scale() {
        assert_eq!(Leaning::parse("leftish"), None);
        assert_eq!(Leaning::parse(""), None);
        assert_eq!(Leaning::parse("center-left"), None);
    }

    #[test]
    fn buckets_seven_points_into_three_sides() {
        assert_eq!(Leaning::FarLeft.side(), Some(Side::Left));
        assert_eq!(Leaning::LeanLeft.side(), Some(Side::Left));
        assert_eq!(Leaning::Center.side(), Some(Side::Center));
        assert_eq!(Leaning::LeanRight.side(), Some(Side::Right));
        assert_eq!(Leaning::FarRight.side(), Some(Side::Right));
        assert_eq!(Leaning::Unrated.side(), None);
    }

    #[test]
    fn unknown_message_quotes_the_label_and_lists_the_scale() {
        assert_eq!(
            Leaning::unknown_message("leftish"),
            "unknown leaning \"leftish\" (expected one of far-left, left, lean-left, center, lean-right, right, far-right, unrated)"
        );
    }
}
