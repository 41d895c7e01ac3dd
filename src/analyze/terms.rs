//! Which terms may be listed for a side (docs/METHOD.md §4): every term is scored against
//! the rest with the weighted log-odds z; those with enough uses and a high enough z must
//! also be used by at least two of the side's outlets (when it has two), and a shorter term
//! is dropped when most of its uses lie inside a longer candidate. What remains are the
//! candidates, z descending then term ascending; the outlet-level test (`evidence`) then
//! decides which of them the side lists.

use rustc_hash::FxHashMap;

use super::visit::{SentenceRef, Visit};
use crate::input::{Options, Side};
use crate::stats::{log_odds, Occurrence, TermCounts, TermId, END};

/// A shorter term is dropped when this share of its occurrences lies inside a listed
/// longer term, as the fraction numerator / denominator.
pub(crate) const SUBSUMED: (u64, u64) = (4, 5);

/// A term a side lists, before its display form and examples are found.
pub(crate) struct Listed {
    pub term: TermId,
    pub z: f64,
    /// Distinct outlets of the side using it.
    pub outlets: u32,
    /// The normalized term.
    pub text: String,
}

/// A term of a side with enough uses and a high enough z-score: the listing rules that need
/// its occurrences (outlets, subsumption) are applied next.
struct Candidate {
    term: TermId,
    z: f64,
    /// Distinct outlets of the side using it, and the last one seen while counting them.
    outlets: u32,
    last_outlet: u32,
}

/// Each sentence of `side` in counting order: (article index, the sentence, its token ids).
pub(crate) fn side_sentences<'v>(
    visit: &'v Visit,
    counts: &'v TermCounts,
    side: Side,
) -> SideSentences<'v> {
    SideSentences {
        visit,
        side,
        order: visit.order.iter(),
        articles: Box::new(counts.side_articles(side)),
        index: 0,
        sentences: [].iter(),
        ids: &[],
    }
}

/// The iterator [`side_sentences`] returns: the side's articles in canonical order, which is
/// the order their token ids were counted in, each sentence's ids ended by [`END`]. Walked
/// by the listing rules, the outlet test and the examples, so written as plain steps
/// rather than zipped and flattened iterators.
pub(crate) struct SideSentences<'v> {
    visit: &'v Visit<'v>,
    side: Side,
    order: std::slice::Iter<'v, usize>,
    articles: Box<dyn Iterator<Item = &'v [u32]> + 'v>,
    /// The article being walked, its sentences left and their token ids.
    index: usize,
    sentences: std::slice::Iter<'v, SentenceRef>,
    ids: &'v [u32],
}

impl<'v> Iterator for SideSentences<'v> {
    type Item = (usize, &'v SentenceRef, &'v [u32]);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(sentence) = self.sentences.next() {
                let end = self
                    .ids
                    .iter()
                    .position(|&id| id == END)
                    .unwrap_or(self.ids.len());
                let (ids, rest) = self.ids.split_at(end);
                self.ids = rest.get(1..).unwrap_or_default();
                return Some((self.index, sentence, ids));
            }
            let visit = self.visit;
            self.index = *self
                .order
                .find(|&&index| visit.sides[index] == Some(self.side))?;
            self.ids = self.articles.next()?;
            self.sentences = visit.sentences[self.index].iter();
        }
    }
}

/// The terms with at least `min_count` uses in `side` and z ≥ `z_min`.
fn scored(counts: &TermCounts, side: Side, options: &Options) -> Vec<Candidate> {
    let n_all = counts.all_term_tokens();
    let n_side = counts.term_tokens(side);
    let mut candidates = Vec::new();
    for term in counts.terms() {
        let y_side = counts.count(term, side);
        if y_side < options.min_count {
            continue;
        }
        let y_all = counts.count_in_all(term);
        let alpha_w = options.prior_scale * y_all as f64 / n_all as f64;
        let Some(score) = log_odds(
            f64::from(y_side),
            n_side as f64,
            (y_all - u64::from(y_side)) as f64,
            (n_all - n_side) as f64,
            alpha_w,
            options.prior_scale,
        ) else {
            continue;
        };
        if score.z >= options.z_min {
            candidates.push(Candidate {
                term,
                z: score.z,
                outlets: 0,
                last_outlet: u32::MAX,
            });
        }
    }
    candidates
}

/// The terms of `side` that pass every rule but the outlet-level test, best first.
pub(crate) fn listed_terms(
    visit: &Visit,
    counts: &TermCounts,
    side: Side,
    options: &Options,
) -> Vec<Listed> {
    let mut candidates = scored(counts, side, options);
    if candidates.is_empty() {
        return Vec::new();
    }

    // Outlets and containment need every occurrence of every candidate in the side.
    let finder = counts.finder(candidates.iter().map(|c| c.term));
    let mut inside: FxHashMap<(usize, usize), u64> = FxHashMap::default();
    let mut found: Vec<Occurrence> = Vec::new();
    let mut containing: Vec<usize> = Vec::new();
    for (index, _, ids) in side_sentences(visit, counts, side) {
        finder.find(ids, &mut found);
        let outlet = visit.outlets[index];
        for (k, hit) in found.iter().enumerate() {
            let slot = hit.slot;
            let candidate = &mut candidates[slot];
            if candidate.last_outlet != outlet {
                candidate.last_outlet = outlet;
                candidate.outlets += 1;
            }
            // Longer candidates containing this occurrence start at most max_ngram − 1
            // tokens before it; `found` is ordered by position, so look only nearby.
            containing.clear();
            let first = hit.position.saturating_sub(options.max_ngram - 1);
            let window_start = found[..k].partition_point(|o| o.position < first);
            for other in &found[window_start..] {
                if other.position > hit.position {
                    break;
                }
                if other.length > hit.length
                    && other.position + other.length >= hit.position + hit.length
                    && !containing.contains(&other.slot)
                {
                    containing.push(other.slot);
                }
            }
            for &longer in &containing {
                *inside.entry((slot, longer)).or_insert(0) += 1;
            }
        }
    }

    // One outlet's repeated word is not a framing of the side.
    let side_outlets = visit.outlets_per_side[side.index()];
    let widely_used: Vec<bool> = candidates
        .iter()
        .map(|c| side_outlets < 2 || c.outlets >= 2)
        .collect();
    let mut subsumed = vec![false; candidates.len()];
    for (&(shorter, longer), &within) in &inside {
        let total = u64::from(counts.count(candidates[shorter].term, side));
        if widely_used[longer] && within * SUBSUMED.1 >= total * SUBSUMED.0 {
            subsumed[shorter] = true;
        }
    }
    let listed: Vec<Listed> = candidates
        .into_iter()
        .enumerate()
        .filter(|&(slot, _)| widely_used[slot] && !subsumed[slot])
        .map(|(_, c)| Listed {
            term: c.term,
            z: c.z,
            outlets: c.outlets,
            text: counts.term_text(c.term),
        })
        .collect();
    // The texts of distinct terms differ, so no two keys are equal.
    let order = crate::sort::sorted_positions(listed.len(), &|a, b| {
        let (a, b) = (&listed[a], &listed[b]);
        b.z.total_cmp(&a.z)
            .then_with(|| a.text.cmp(&b.text))
            .is_lt()
    });
    let mut slots: Vec<Option<Listed>> = listed.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}
