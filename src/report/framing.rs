//! The framing section's types (docs/REPORT.md, "framing"): for each side, its distinctive
//! terms with their z-scores, p-values, rates, outlets and example sentences, the outlet-level
//! test they were put to, and the totals they were computed from.

use super::Rounded;
use crate::input::Side;

/// Occurrences per 10 000 term tokens in each side.
#[derive(Debug, Clone, PartialEq)]
pub struct Rates {
    pub left: Rounded,
    pub center: Rounded,
    pub right: Rounded,
}

/// A sentence that uses a term, quoted from the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub article: String,
    pub source: String,
    pub sentence: String,
}

/// One distinctive framing term of a side.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub term: String,
    pub display: String,
    pub z: Rounded,
    pub count: u32,
    pub outlets: u32,
    /// `count` and `outlets` in words: "9 uses in 4 outlets".
    pub uses: String,
    /// The outlet-level permutation test's p-value for this term on this side.
    pub p: Rounded,
    /// What `p` counts, in words: "1 of the 495 ways to pick 4 of the 12 rated outlets …".
    pub evidence: String,
    /// Every outlet of the side that used the term, most uses first, then by name.
    pub by_outlet: Vec<OutletUses>,
    pub rate: Rates,
    pub examples: Vec<Example>,
}

/// One outlet's uses of a term.
#[derive(Debug, Clone, PartialEq)]
pub struct OutletUses {
    pub source: String,
    pub count: u32,
}

/// The outlet-level test a side's terms were put to: its k of N outlets, and what that
/// allows.
#[derive(Debug, Clone, PartialEq)]
pub struct TestDesign {
    /// k: the side's outlets.
    pub units: usize,
    /// N: all rated outlets.
    pub of: usize,
    /// C(N, k), the ways to choose k of the N outlets; `null` past 2⁵³.
    pub assignments: Option<u64>,
    /// Whether p counts every assignment (at most 10 000 of them) or estimates from 9 999
    /// random ones.
    pub exact: bool,
    /// The smallest p the design allows.
    pub min_p: Rounded,
}

/// One side's framing terms, with the totals they were computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct SideFraming {
    pub insufficient: bool,
    /// Whether the side's outlets are enough for the test to reach `max_p`; when false, its
    /// terms describe these articles and are not evidence of a difference.
    pub tested: bool,
    pub test: TestDesign,
    /// A short title for a side whose terms are not a tested list: "Not enough coverage",
    /// "Description only", "No distinctive terms", "Nothing to compare with"; else `null`.
    pub status: Option<String>,
    /// One sentence saying why, for the same sides; else `null`.
    pub note: Option<String>,
    pub terms: Vec<Term>,
    /// Word tokens in the side (what the 200-token sufficiency rule counts).
    pub words: u64,
    /// Term tokens (n_b: occurrences of terms of every length) in the side: the
    /// denominator of every `rate` for this side.
    pub term_tokens: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Framing {
    pub left: SideFraming,
    pub center: SideFraming,
    pub right: SideFraming,
}

impl Framing {
    /// The framing of a rated side.
    pub fn side(&self, side: Side) -> &SideFraming {
        match side {
            Side::Left => &self.left,
            Side::Center => &self.center,
            Side::Right => &self.right,
        }
    }
}
