//! What each side stresses or leaves out (docs/METHOD.md §6). The unit is the outlet: a
//! topic's weight on a side is the share of the side's outlets that mention it at all (and,
//! shown beside it, the share of its articles), so one long article or one prolific outlet
//! does not dominate. A topic is listed for the side whose outlets mention it most when that
//! share is at least [`GAP`] above the other outlets' share, or when at least half of that
//! side's outlets mention it and no outlet of another side does (an omission); on a side with
//! outlets enough for the outlet-level test, only with p ≤ `max_p`, the mention counted as
//! 0 or 1 per outlet.

use super::evidence::{self, Evidence};
use super::examples::quote;
use super::topics::{counted_articles, first_spot, name_topics, term_topics, Members, Terms, Topic};
use super::visit::Visit;
use crate::input::{Options, Side};
use crate::report::{prose, Emphasis, Example, Rounded, SideCounts, SideShares};
use crate::stats::{Names, TermCounts, TermId};
use crate::text::tokens;

/// Most topics listed per side.
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

/// A topic's mentions: outlets and articles per side, and the outlets (units) ascending.
struct Tally {
    outlets: [u32; 3],
    articles: [u32; 3],
    units: Vec<u32>,
}

/// A topic that passed the share rules for `side`: its place in the side's order (how far
/// its share falls short of the largest possible gap, then its text) and what was counted.
struct Candidate {
    topic: usize,
    side: Side,
    /// The side's share minus the other outlets' share, as a fraction of `side_outlets ×
    /// other_outlets`.
    gap: u64,
    whole: u64,
    omitted_by: Vec<&'static str>,
    tally: Tally,
    /// The topic's normalized forms, the label first.
    variants: Vec<String>,
}

fn tally(visit: &Visit, rated: &[usize], articles: &[u32]) -> Tally {
    let mut tally = Tally {
        outlets: [0; 3],
        articles: [0; 3],
        units: Vec::new(),
    };
    // Counting order is canonical order: an outlet's articles are neighbours.
    for &k in articles {
        let index = rated[k as usize];
        let Some(side) = visit.sides[index] else {
            continue;
        };
        tally.articles[side.index()] += 1;
        let unit = visit.unit_of[index];
        if tally.units.last() != Some(&unit) {
            tally.outlets[side.index()] += 1;
            tally.units.push(unit);
        }
    }
    tally
}

/// The share rules (docs/METHOD.md §6): the side whose outlets mention the topic most (the
/// first in left, center, right order on a tie), and whether it stresses the topic or
/// another side leaves it out.
fn candidate(visit: &Visit, topic: usize, tally: Tally) -> Option<Candidate> {
    let per_side = visit.outlets_per_side.map(u64::from);
    let mentions = tally.outlets.map(u64::from);
    let mut side = Side::Left;
    for other in Side::ALL {
        let (o, b) = (other.index(), side.index());
        if per_side[o] > 0 && (per_side[b] == 0 || mentions[o] * per_side[b] > mentions[b] * per_side[o]) {
            side = other;
        }
    }
    let b = side.index();
    let (own, outlets) = (mentions[b], per_side[b]);
    let others: u64 = per_side.iter().sum::<u64>() - outlets;
    let rest: u64 = mentions.iter().sum::<u64>() - own;
    if outlets == 0 || others == 0 || own < outlets.min(2) || 2 * own < outlets {
        return None;
    }
    let whole = outlets * others;
    let gap = own * others - rest * outlets;
    let mut omitted_by = Vec::new();
    for other in Side::ALL {
        if other != side && per_side[other.index()] > 0 && mentions[other.index()] == 0 {
            omitted_by.push(other.key());
        }
    }
    let stressed = gap * GAP.1 >= whole * GAP.0;
    (stressed || !omitted_by.is_empty()).then_some(Candidate {
        topic,
        side,
        gap,
        whole,
        omitted_by,
        tally,
        variants: Vec::new(),
    })
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
    let mut topics = name_topics(&names);
    let (term_topics, mut term_finder) = term_topics(counts, &names, evidence, &counting, terms);
    topics.extend(term_topics);

    let mut candidates: Vec<Candidate> = Vec::new();
    for (index, topic) in topics.iter().enumerate() {
        let tally = tally(visit, &rated, topic.articles(&names));
        if let Some(mut found) = candidate(visit, index, tally) {
            found.variants = topic.variants(counts, &names).into_iter().map(|v| v.1).collect();
            candidates.push(found);
        }
    }
    let mut chosen: Vec<(Candidate, f64)> = Vec::new();
    for side in Side::ALL {
        // The side's candidates by gap, largest first, then by text: one packed sort.
        let texts: Vec<&str> = candidates
            .iter()
            .filter(|c| c.side == side)
            .map(|c| c.variants[0].as_str())
            .collect();
        let mut sorted_texts = texts.clone();
        sorted_texts.sort_unstable();
        let mut order: Vec<u64> = Vec::new();
        let mut at = 0;
        for (slot, c) in candidates.iter().enumerate() {
            if c.side == side {
                let text_rank = sorted_texts.partition_point(|t| *t < texts[at]) as u64;
                let shortfall = (c.whole - c.gap) * (1 << 20) / c.whole.max(1);
                order.push((shortfall << 43) | (text_rank << 22) | slot as u64);
                at += 1;
            }
        }
        order.sort_unstable();
        let tested = evidence::tested(&evidence.design(side), options);
        let mut kept = 0;
        for key in order {
            if kept == MAX_TOPICS {
                break;
            }
            let slot = (key & ((1 << 22) - 1)) as usize;
            let c = &candidates[slot];
            let p = evidence.mention_p(side, &c.tally.units, &c.variants[0]);
            if !tested || p.p <= options.max_p {
                chosen.push((std::mem::replace(&mut candidates[slot], empty()), p.p));
                kept += 1;
            }
        }
    }
    // Strongest first: p, then the larger gap, then by text (a handful: insertion sort).
    let before = |a: &(Candidate, f64), b: &(Candidate, f64)| {
        let (ga, gb) = (a.0.gap * b.0.whole, b.0.gap * a.0.whole);
        a.1 < b.1
            || (a.1 == b.1
                && (ga > gb
                    || (ga == gb && a.0.variants[0] < b.0.variants[0])))
    };
    for i in 1..chosen.len() {
        let mut j = i;
        while j > 0 && before(&chosen[j], &chosen[j - 1]) {
            chosen.swap(j, j - 1);
            j -= 1;
        }
    }
    if chosen
        .iter()
        .any(|(c, _)| matches!(topics[c.topic].members, Members::Term(..)))
    {
        term_finder.finder = Some(counts.finder(term_finder.kept.iter().copied()));
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
        terms: &term_finder,
        rated: &rated,
    };
    let mut listed = Vec::with_capacity(chosen.len());
    for (c, p) in chosen {
        let tested = evidence::tested(&evidence.design(c.side), options);
        listed.push(entry(&context, &topics[c.topic], c, p, tested, articles_per_side));
    }
    listed
}

/// A placeholder left where a chosen candidate was taken out.
fn empty() -> Candidate {
    Candidate {
        topic: 0,
        side: Side::Left,
        gap: 0,
        whole: 0,
        omitted_by: Vec::new(),
        tally: Tally {
            outlets: [0; 3],
            articles: [0; 3],
            units: Vec::new(),
        },
        variants: Vec::new(),
    }
}

/// A listed topic as the report shows it.
fn entry(
    context: &Context,
    topic: &Topic,
    c: Candidate,
    p: f64,
    tested: bool,
    articles_per_side: [u32; 3],
) -> Emphasis {
    let share = |part: u32, whole: u32| {
        Rounded::new(if whole == 0 { 0.0 } else { f64::from(part) / f64::from(whole) })
    };
    let per_side = context.visit.outlets_per_side;
    let shares = |of: [u32; 3], whole: [u32; 3]| SideShares {
        left: share(of[0], whole[0]),
        center: share(of[1], whole[1]),
        right: share(of[2], whole[2]),
    };
    let counted = |of: [u32; 3]| SideCounts {
        left: of[0],
        center: of[1],
        right: of[2],
    };
    // The written form: the label's first mention.
    let label = topic.label(context.counts, context.names);
    let first = match &label {
        Members::Names(label) => context.names.articles[label[0] as usize].first().copied(),
        Members::Term(..) => topic.articles(context.names).first().copied(),
    };
    let topic_text = first
        .and_then(|k| written(context, &label, k).map(|(text, _, _)| text))
        .unwrap_or_else(|| c.variants[0].clone());
    let text = prose::emphasis_text(
        c.side,
        c.tally.outlets,
        per_side,
        &c.omitted_by,
        p,
        tested,
    );
    Emphasis {
        side: c.side.key(),
        kind: if matches!(topic.members, Members::Names(_)) { "name" } else { "term" },
        outlets: counted(c.tally.outlets),
        outlet_share: shares(c.tally.outlets, per_side),
        articles: counted(c.tally.articles),
        article_share: shares(c.tally.articles, articles_per_side),
        p: Rounded::new(p),
        tested,
        omitted_by: c.omitted_by,
        variants: c.variants,
        text,
        examples: examples(context, topic, c.side),
        topic: topic_text,
    }
}

/// Up to three sentences of `side` mentioning the topic: the first of each outlet first.
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
                picked.push(k);
                units.push(unit);
            }
        }
    }
    picked.sort_unstable();
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
    let mut words = tokens(sentence).skip(spot.word).take(spot.words);
    let first = words.next()?;
    let end = words.last().map_or(first.end(), |last| last.end());
    let bytes = first.start..end;
    let text = sentence[bytes.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
    Some((text, sentence, bytes))
}
