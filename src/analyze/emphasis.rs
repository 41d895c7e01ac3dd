//! What each side stresses or leaves out (docs/METHOD.md §7). The unit is the outlet: a
//! topic's weight on a side is the share of the side's outlets that mention it at all (and,
//! shown beside it, the share of its articles), so one long article or one prolific outlet
//! does not dominate. A topic is listed for the side whose outlets mention it most when that
//! share is at least [`GAP`] above the other outlets' share, or when at least half of that
//! side's outlets mention it and no outlet of another side does (an omission); on a side with
//! outlets enough for the outlet-level test, only with p ≤ `max_p`, the mention counted as
//! 0 or 1 per outlet.

use super::evidence::{self, Evidence};
use super::examples::{one_spaced, quote};
use super::topics::{
    counted_articles, first_spot, name_topics, term_topics, Members, Terms, Topic,
};
use super::visit::Visit;
use crate::input::{Options, Side};
use crate::report::{prose, Emphasis, Example, Rounded, SideCounts, SideShares};
use crate::stats::{Names, TermCounts, TermId};
use crate::text::word_spans;

/// Most topics listed per side: names, and framing terms, apart.
pub(crate) const MAX_TOPICS: usize = 5;
/// A side stresses a topic when the share of its outlets mentioning it is at least this far
/// above the other outlets' share (numerator, denominator).
pub(crate) const GAP: (u64, u64) = (1, 2);
/// Examples quoted per topic.
const MAX_EXAMPLES: usize = 3;

/// What quoting a topic needs: the story, its counts and names, and the rated articles'
/// input indexes in counting order.
struct Context<'a, 'v> {
    visit: &'a Visit<'v>,
    counts: &'a TermCounts,
    names: &'a Names,
    terms: &'a Terms,
    rated: &'a [usize],
}

/// A topic that passed the share rules for `side`, with what was counted: outlets and
/// articles per side that mention it, and the outlets (units), ascending.
struct Candidate {
    topic: usize,
    side: Side,
    outlets: [u32; 3],
    articles: [u32; 3],
    units: Vec<u32>,
    /// The side's share minus the other outlets' share, as a fraction of `whole`, the
    /// side's outlets times the other outlets.
    gap: u64,
    whole: u64,
    omitted_by: Vec<&'static str>,
    /// The topic's normalized forms, the label first.
    variants: Vec<String>,
}

/// The share rules (docs/METHOD.md §7) for a topic mentioned in the rated `articles`
/// (counting order): the side whose outlets mention it most (the first in left, center,
/// right order on a tie), and whether that side stresses it or another side leaves it out.
fn candidate(visit: &Visit, rated: &[usize], topic: usize, articles: &[u32]) -> Option<Candidate> {
    let mut found = Candidate {
        topic,
        side: Side::Left,
        outlets: [0; 3],
        articles: [0; 3],
        units: Vec::new(),
        gap: 0,
        whole: 0,
        omitted_by: Vec::new(),
        variants: Vec::new(),
    };
    // Counting order is canonical order: an outlet's articles are neighbours.
    let mut last = u32::MAX;
    for &k in articles {
        let index = rated[k as usize];
        let Some(side) = visit.sides[index] else {
            continue;
        };
        found.articles[side.index()] += 1;
        let unit = visit.unit_of[index];
        if unit != last {
            found.outlets[side.index()] += 1;
            last = unit;
        }
    }
    let per_side = visit.outlets_per_side;
    let share_above = |a: usize, b: usize| {
        u64::from(found.outlets[a]) * u64::from(per_side[b])
            > u64::from(found.outlets[b]) * u64::from(per_side[a])
    };
    let mut b = 0;
    for other in 1..3 {
        if per_side[other] > 0 && (per_side[b] == 0 || share_above(other, b)) {
            b = other;
        }
    }
    let (own, outlets) = (u64::from(found.outlets[b]), u64::from(per_side[b]));
    let all: u64 = per_side.iter().map(|&n| u64::from(n)).sum();
    let mentions: u64 = found.outlets.iter().map(|&n| u64::from(n)).sum();
    let (others, rest) = (all - outlets, mentions - own);
    if outlets == 0 || others == 0 || own < outlets.min(2) || 2 * own < outlets {
        return None;
    }
    found.side = Side::ALL[b];
    found.whole = outlets * others;
    found.gap = own * others - rest * outlets;
    for other in Side::ALL {
        if other != found.side && per_side[other.index()] > 0 && found.outlets[other.index()] == 0 {
            found.omitted_by.push(other.key());
        }
    }
    let stressed = found.gap * GAP.1 >= found.whole * GAP.0;
    if !stressed && found.omitted_by.is_empty() {
        return None;
    }
    for &k in articles {
        let unit = visit.unit_of[rated[k as usize]];
        if found.units.last() != Some(&unit) {
            found.units.push(unit);
        }
    }
    Some(found)
}

/// The topics each side stresses or another leaves out, strongest first: names and the
/// framing terms `terms` the sides list.
pub(crate) fn emphasis(
    visit: &Visit,
    counts: &TermCounts,
    evidence: &Evidence,
    terms: &[TermId],
    options: &Options,
) -> Vec<Emphasis> {
    let rated = counted_articles(visit);
    let mut counting = vec![0u32; visit.story.articles.len()];
    for (k, &index) in rated.iter().enumerate() {
        counting[index] = k as u32;
    }
    let names = counts.names();
    // A topic needs 2 outlets of a side, or the one outlet of a side that has one.
    let at_least = if visit.outlets_per_side.contains(&1) {
        1
    } else {
        2
    };
    let mut topics = name_topics(&names, counts.vocabulary(), at_least);
    let (term_topics, mut terms) = term_topics(counts, &names, evidence, &counting, terms);
    topics.extend(term_topics);

    let mut candidates: Vec<Candidate> = Vec::new();
    for (index, topic) in topics.iter().enumerate() {
        if let Some(mut found) = candidate(visit, &rated, index, topic.articles(&names)) {
            for (_, variant) in topic.variants(counts, &names) {
                found.variants.push(variant);
            }
            candidates.push(found);
        }
    }
    // Each side's candidates by gap, largest first, then by text (one packed sort); p is
    // computed in that order until the side has MAX_TOPICS.
    let mut texts: Vec<&str> = Vec::with_capacity(candidates.len());
    for c in &candidates {
        texts.push(&c.variants[0]);
    }
    let texts = crate::sort::sorted_strs(&texts);
    let mut order: Vec<u64> = Vec::with_capacity(candidates.len());
    for (slot, c) in candidates.iter().enumerate() {
        let text_rank = texts.partition_point(|t| *t < c.variants[0].as_str()) as u64;
        let shortfall = (c.whole - c.gap) * (1 << 20) / c.whole.max(1);
        order.push(
            ((c.side.index() as u64) << 62) | (shortfall << 41) | (text_rank << 21) | slot as u64,
        );
    }
    order.sort_unstable();
    let mut chosen: Vec<(usize, f64)> = Vec::new();
    // Per side and kind (name, term).
    let mut listed = [0usize; 6];
    for key in order {
        let slot = (key & ((1 << 21) - 1)) as usize;
        let Some(c) = candidates.get(slot) else {
            continue;
        };
        let kind =
            2 * c.side.index() + usize::from(matches!(topics[c.topic].members, Members::Term(..)));
        if listed[kind] == MAX_TOPICS {
            continue;
        }
        let tested = evidence::tested(&evidence.design(c.side), options);
        let p = evidence.mention_p(c.side, &c.units, &c.variants[0]).p;
        if !tested || p <= options.max_p {
            // Strongest first: p, then the larger gap, then by text.
            let before = |other: &(usize, f64)| {
                let d = &candidates[other.0];
                let (mine, theirs) = (c.gap * d.whole, d.gap * c.whole);
                p < other.1
                    || (p == other.1
                        && (mine > theirs || (mine == theirs && c.variants[0] < d.variants[0])))
            };
            let mut at = chosen.len();
            while at > 0 && before(&chosen[at - 1]) {
                at -= 1;
            }
            chosen.insert(at, (slot, p));
            listed[kind] += 1;
        }
    }
    if chosen
        .iter()
        .any(|&(slot, _)| matches!(topics[candidates[slot].topic].members, Members::Term(..)))
    {
        terms.finder = Some(counts.finder(terms.kept.iter().copied()));
    }
    let mut articles_per_side = [0u32; 3];
    for &index in &rated {
        if let Some(side) = visit.sides[index] {
            articles_per_side[side.index()] += 1;
        }
    }
    let context = Context {
        visit,
        counts,
        names: &names,
        terms: &terms,
        rated: &rated,
    };
    let mut entries = Vec::with_capacity(chosen.len());
    for (slot, p) in chosen {
        let c = &candidates[slot];
        let tested = evidence::tested(&evidence.design(c.side), options);
        entries.push(entry(
            &context,
            &topics[c.topic],
            c,
            p,
            tested,
            articles_per_side,
        ));
    }
    entries
}

/// A share per side, each of `of` in `whole`.
fn shares(of: [u32; 3], whole: [u32; 3]) -> SideShares {
    let share = |side: usize| {
        Rounded::new(if whole[side] == 0 {
            0.0
        } else {
            f64::from(of[side]) / f64::from(whole[side])
        })
    };
    SideShares {
        left: share(0),
        center: share(1),
        right: share(2),
    }
}

fn counted(of: [u32; 3]) -> SideCounts {
    SideCounts {
        left: of[0],
        center: of[1],
        right: of[2],
    }
}

/// A listed topic as the report shows it.
#[inline(never)]
fn entry(
    context: &Context,
    topic: &Topic,
    c: &Candidate,
    p: f64,
    tested: bool,
    articles_per_side: [u32; 3],
) -> Emphasis {
    let per_side = context.visit.outlets_per_side;
    // The written form: the label's first mention.
    let label = topic.label(context.counts, context.names);
    let first = match &label {
        Members::Names(label) => context.names.articles_of(label[0]).first(),
        Members::Term(..) => topic.articles(context.names).first(),
    };
    let written = match first {
        Some(&k) => written(context, &label, k),
        None => None,
    };
    Emphasis {
        topic: written.map_or_else(|| c.variants[0].clone(), |(text, _, _)| text),
        side: c.side.key(),
        kind: if matches!(topic.members, Members::Names(_)) {
            "name"
        } else {
            "term"
        },
        outlets: counted(c.outlets),
        outlet_share: shares(c.outlets, per_side),
        articles: counted(c.articles),
        article_share: shares(c.articles, articles_per_side),
        p: Rounded::new(p),
        tested,
        omitted_by: c.omitted_by.clone(),
        variants: c.variants.clone(),
        text: prose::emphasis_text(c.side, c.outlets, per_side, &c.omitted_by, p, tested),
        examples: examples(context, topic, c.side),
    }
}

/// Up to three sentences of `side` mentioning the topic: the first of each outlet first.
#[inline(never)]
fn examples(context: &Context, topic: &Topic, side: Side) -> Vec<Example> {
    let (visit, rated) = (context.visit, context.rated);
    let mut picked: Vec<u32> = Vec::new();
    let mut units: Vec<u32> = Vec::new();
    for new_outlets_only in [true, false] {
        for &k in topic.articles(context.names) {
            let index = rated[k as usize];
            let unit = visit.unit_of[index];
            if picked.len() < MAX_EXAMPLES
                && visit.sides[index] == Some(side)
                && !picked.contains(&k)
                && !(new_outlets_only && units.contains(&unit))
            {
                // In article order: after every one picked before it.
                let mut at = picked.len();
                while at > 0 && picked[at - 1] > k {
                    at -= 1;
                }
                picked.insert(at, k);
                units.push(unit);
            }
        }
    }
    let mut examples = Vec::new();
    for k in picked {
        if let Some((_, sentence, bytes)) = written(context, &topic.members, k) {
            let article = &visit.story.articles[rated[k as usize]];
            examples.push(Example {
                article: article.id.clone(),
                source: article.source.clone(),
                sentence: quote(sentence, bytes),
            });
        }
    }
    examples
}

/// The first mention of `members` in rated article `k`: as written (white space made one
/// space), its sentence, and its bytes there.
fn written<'v>(
    context: &Context<'_, 'v>,
    members: &Members,
    k: u32,
) -> Option<(String, &'v str, std::ops::Range<usize>)> {
    let (visit, rated) = (context.visit, context.rated);
    let spot = first_spot(context.counts, context.names, context.terms, members, k)?;
    let index = *rated.get(k as usize)?;
    let sentence = visit.sentence(index, visit.sentences[index].get(spot.sentence)?);
    let mut spans = Vec::new();
    word_spans(sentence, &mut spans);
    let last = (spot.word + spot.words).checked_sub(1);
    let (mut start, mut end) = (None, 0);
    for (at, &(first_byte, past_end)) in spans.iter().enumerate() {
        if at == spot.word {
            start = Some(first_byte);
        }
        if Some(at) == last {
            end = past_end;
            break;
        }
    }
    let bytes = start?..end;
    let mut text = one_spaced(sentence.get(bytes.clone())?);
    // A name is shown without the possessive it was written with ("Marlow’s").
    for possessive in ["'s", "’s"] {
        if let Some(name) = text.strip_suffix(possessive) {
            text.truncate(name.len());
        }
    }
    Some((text, sentence, bytes))
}
