//! The outlet-level evidence for a side's terms (docs/METHOD.md §5): how many times each
//! rated outlet used a term, the term's permutation p-value for the side, and the side's
//! outlets that used it. Once p is known, a side whose outlets are enough for the test lists
//! only terms with p ≤ `max_p`; a side with too few outlets lists them as a description.

use super::terms::{side_sentences, Listed};
use super::visit::Visit;
use crate::input::{Options, Side};
use crate::report::{OutletUses, Rounded, TestDesign};
use crate::stats::{p_value, Design, Occurrence, PValue, TermCounts, TermId, Use};

/// What the outlet-level test needs of a story: its units and their term tokens, and every
/// wanted term's uses by unit.
pub(crate) struct Evidence<'v> {
    visit: &'v Visit<'v>,
    unit_tokens: Vec<u64>,
    /// The wanted terms, ascending, and the (unit, uses) of each, units ascending.
    wanted: Vec<TermId>,
    uses: Vec<Vec<(u32, u32)>>,
    /// The rated articles (input indexes, in canonical order) that use each wanted term.
    articles: Vec<Vec<u32>>,
    /// Derived from the story's outlets and their term tokens, so estimated p-values are
    /// the same on every run and whatever the order of the articles.
    story_seed: u64,
}

/// A term of a side that made the list, with its evidence.
pub(crate) struct Chosen {
    pub listed: Listed,
    pub p: PValue,
}

/// FNV-1a over `bytes` from `hash`: a hash that is the same on every platform.
fn stable_hash(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3)
    })
}

const FNV_OFFSET: u64 = 0xCBF2_9CE4_8422_2325;

impl<'v> Evidence<'v> {
    /// Counts the uses of each `wanted` term (ascending) by every rated outlet: one walk
    /// over the rated sentences' token ids. `unit_tokens` are the units' term tokens.
    pub fn new(
        visit: &'v Visit<'v>,
        counts: &TermCounts,
        unit_tokens: Vec<u64>,
        wanted: Vec<TermId>,
    ) -> Evidence<'v> {
        let mut per_term: Vec<Vec<(u32, u32)>> = vec![Vec::new(); wanted.len()];
        let mut articles: Vec<Vec<u32>> = vec![Vec::new(); wanted.len()];
        if !wanted.is_empty() {
            let finder = counts.finder(wanted.iter().copied());
            let mut found: Vec<Occurrence> = Vec::new();
            for side in Side::ALL {
                for (index, _, ids) in side_sentences(visit, counts, side) {
                    finder.find(ids, &mut found);
                    let unit = visit.unit_of[index];
                    for hit in &found {
                        if articles[hit.slot].last() != Some(&(index as u32)) {
                            articles[hit.slot].push(index as u32);
                        }
                        let uses = &mut per_term[hit.slot];
                        match uses.last_mut() {
                            Some((last, count)) if *last == unit => *count += 1,
                            _ => uses.push((unit, 1)),
                        }
                    }
                }
            }
        }
        let mut story_seed = FNV_OFFSET;
        for ((side, source), tokens) in visit.units.iter().zip(&unit_tokens) {
            story_seed = stable_hash(story_seed, source.as_bytes());
            story_seed = stable_hash(story_seed, &[side.index() as u8]);
            story_seed = stable_hash(story_seed, &tokens.to_le_bytes());
        }
        Evidence {
            visit,
            unit_tokens,
            wanted,
            uses: per_term,
            articles,
            story_seed,
        }
    }

    /// The test design of `side`: its outlets among all rated outlets.
    pub fn design(&self, side: Side) -> Design {
        Design::new(
            self.visit.outlets_per_side[side.index()] as usize,
            self.visit.units.len(),
        )
    }

    /// The p-value of `listed` for `side`.
    pub fn p(&self, side: Side, listed: &Listed) -> PValue {
        let users: Vec<Use> = self
            .uses_of(listed.term)
            .iter()
            .map(|&(unit, count)| Use {
                count,
                term_tokens: self.unit_tokens.get(unit as usize).copied().unwrap_or(0),
                on_side: self.visit.units.get(unit as usize).map(|u| u.0) == Some(side),
            })
            .collect();
        let mut seed = stable_hash(self.story_seed, listed.text.as_bytes());
        seed = stable_hash(seed, &[side.index() as u8]);
        p_value(&self.design(side), &users, seed)
    }

    /// The p-value for `side` of a topic mentioned by the outlets (units) `mentioned_by`,
    /// ascending: the same test with each outlet's mention as a count of 1 in 1 term token,
    /// so every outlet that mentions it ties (docs/METHOD.md §6). `key` names the topic.
    pub fn mention_p(&self, side: Side, mentioned_by: &[u32], key: &str) -> PValue {
        let users: Vec<Use> = mentioned_by
            .iter()
            .map(|&unit| Use {
                count: 1,
                term_tokens: 1,
                on_side: self.visit.units.get(unit as usize).map(|u| u.0) == Some(side),
            })
            .collect();
        let mut seed = stable_hash(self.story_seed, key.as_bytes());
        seed = stable_hash(seed, &[side.index() as u8, b'm']);
        p_value(&self.design(side), &users, seed)
    }

    /// The rated articles that use `term`, a wanted term: input indexes in canonical order.
    pub fn articles_of(&self, term: TermId) -> &[u32] {
        let at = self.wanted.partition_point(|&t| t < term);
        match self.articles.get(at) {
            Some(articles) if self.wanted.get(at) == Some(&term) => articles,
            _ => &[],
        }
    }

    /// The (unit, uses) of a wanted term, units ascending; empty for a term not wanted.
    pub fn uses_of(&self, term: TermId) -> &[(u32, u32)] {
        let at = self.wanted.partition_point(|&t| t < term);
        match self.uses.get(at) {
            Some(uses) if self.wanted.get(at) == Some(&term) => uses,
            _ => &[],
        }
    }

    /// The outlets of `side` that used `term`, most uses first, then by name.
    pub fn by_outlet(&self, side: Side, term: TermId) -> Vec<OutletUses> {
        // Units are in name order within a side, so (fewest missing uses, unit) is the order
        // wanted, packed in one integer.
        let mut order: Vec<u64> = Vec::new();
        for &(unit, count) in self.uses_of(term) {
            if self.visit.units.get(unit as usize).map(|u| u.0) == Some(side) {
                order.push((u64::from(u32::MAX - count) << 32) | u64::from(unit));
            }
        }
        order.sort_unstable();
        let mut outlets = Vec::with_capacity(order.len());
        for key in order {
            let count = u32::MAX - (key >> 32) as u32;
            if let Some(&(_, source)) = self.visit.units.get((key & 0xFFFF_FFFF) as usize) {
                outlets.push(OutletUses {
                    source: source.to_owned(),
                    count,
                });
            }
        }
        outlets
    }
}

/// The test design as the report shows it.
pub(crate) fn test_design(design: &Design) -> TestDesign {
    TestDesign {
        units: design.units,
        of: design.of,
        assignments: design.assignments,
        exact: design.exact,
        min_p: Rounded::new(design.min_p()),
    }
}

/// Whether a side's design can show a difference at `max_p`.
pub(crate) fn tested(design: &Design, options: &Options) -> bool {
    design.min_p() <= options.max_p
}

/// The terms `side` lists, from the candidates that passed the other rules (best first):
/// when the side is tested, those with p ≤ `max_p`, up to `top_k`; otherwise the first
/// `top_k`, each with its p. p is computed only for the terms looked at.
pub(crate) fn choose(
    evidence: &Evidence,
    side: Side,
    candidates: Vec<Listed>,
    options: &Options,
) -> Vec<Chosen> {
    let filter = tested(&evidence.design(side), options);
    let mut chosen = Vec::new();
    for listed in candidates {
        if chosen.len() == options.top_k {
            break;
        }
        let p = evidence.p(side, &listed);
        if !filter || p.p <= options.max_p {
            chosen.push(Chosen { listed, p });
        }
    }
    chosen
}
