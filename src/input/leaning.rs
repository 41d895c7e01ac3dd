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

/// Every label accepted, in the folded form [`fold`] gives: the scale's own labels, the labels
/// the raters' tables use (AllSides, Ad Fontes Media, Media Bias/Fact Check; docs/METHOD.md §1
/// maps them and a test holds this list to that table), and the everyday spellings of the
/// same places on the scale, British `centre` included.
const ALIASES: [(&str, Leaning); 42] = [
    ("farleft", Leaning::FarLeft),
    ("left", Leaning::Left),
    ("leanleft", Leaning::LeanLeft),
    ("center", Leaning::Center),
    ("centre", Leaning::Center),
    ("leanright", Leaning::LeanRight),
    ("right", Leaning::Right),
    ("farright", Leaning::FarRight),
    ("unrated", Leaning::Unrated),
    ("leftcentre", Leaning::LeanLeft),
    ("centreleft", Leaning::LeanLeft),
    ("leftofcentre", Leaning::LeanLeft),
    ("rightcentre", Leaning::LeanRight),
    ("centreright", Leaning::LeanRight),
    ("rightofcentre", Leaning::LeanRight),
    ("centrist", Leaning::Center),
    ("extremeleft", Leaning::FarLeft),
    ("mostextremeleft", Leaning::FarLeft),
    ("hyperpartisanleft", Leaning::Left),
    ("leansleft", Leaning::LeanLeft),
    ("skewsleft", Leaning::LeanLeft),
    ("leftleaning", Leaning::LeanLeft),
    ("leftcenter", Leaning::LeanLeft),
    ("centerleft", Leaning::LeanLeft),
    ("leftofcenter", Leaning::LeanLeft),
    ("leastbiased", Leaning::Center),
    ("middleorbalancedbias", Leaning::Center),
    ("balanced", Leaning::Center),
    ("leansright", Leaning::LeanRight),
    ("skewsright", Leaning::LeanRight),
    ("rightleaning", Leaning::LeanRight),
    ("rightcenter", Leaning::LeanRight),
    ("centerright", Leaning::LeanRight),
    ("rightofcenter", Leaning::LeanRight),
    ("hyperpartisanright", Leaning::Right),
    ("extremeright", Leaning::FarRight),
    ("mostextremeright", Leaning::FarRight),
    ("notrated", Leaning::Unrated),
    ("proscience", Leaning::Unrated),
    ("conspiracypseudoscience", Leaning::Unrated),
    ("questionable", Leaning::Unrated),
    ("satire", Leaning::Unrated),
];

/// A label folded for matching: lowercase ASCII letters and digits only, so case, spaces,
/// hyphens and underscores do not matter.
fn fold(label: &str) -> String {
    label
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

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
    /// Parses a label: one of the scale's labels or of [`ALIASES`], ignoring case, spaces,
    /// hyphens, dashes and underscores (`Lean Left`, `LEFT_CENTER`, `centre-right`).
    /// Returns `None` for anything else.
    pub fn parse(label: &str) -> Option<Leaning> {
        // Only letters, digits and the separators fold away: "left!" or "le ft?" is no label.
        if !label
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '_' | '\t' | '–' | '—'))
        {
            return None;
        }
        let folded = fold(label);
        ALIASES
            .iter()
            .find(|(alias, _)| *alias == folded)
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
    fn parsing_ignores_case_spaces_hyphens_and_british_spelling() {
        assert_eq!(Leaning::parse("Lean Left"), Some(Leaning::LeanLeft));
        assert_eq!(Leaning::parse(" FAR_RIGHT "), Some(Leaning::FarRight));
        assert_eq!(Leaning::parse("Centre"), Some(Leaning::Center));
        assert_eq!(Leaning::parse("centre-left"), Some(Leaning::LeanLeft));
        assert_eq!(Leaning::parse("Center Right"), Some(Leaning::LeanRight));
        assert_eq!(Leaning::parse("Left–Center"), Some(Leaning::LeanLeft));
        assert_eq!(Leaning::parse("hyper-partisan LEFT"), Some(Leaning::Left));
    }

    #[test]
    fn rejects_labels_off_the_scale() {
        assert_eq!(Leaning::parse("leftish"), None);
        assert_eq!(Leaning::parse(""), None);
        assert_eq!(Leaning::parse("very right"), None);
        assert_eq!(Leaning::parse("left!"), None);
        assert_eq!(Leaning::parse("lefty"), None);
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
