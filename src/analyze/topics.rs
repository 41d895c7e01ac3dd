//! The topics the emphasis analysis compares (docs/METHOD.md §6): the story's names, with
//! the variants of one name merged where that is safe, and the framing terms the sides list.
//! A topic knows the rated articles that mention it and can find its first mention in any
//! of them, for quoting.
//!
//! Merging. Names sharing their last word are compared. A name S is merged into a longer
//! name M when S's words appear in M in order (`Zelenskyy`, `Volodymyr Zelenskyy` and
//! `President Zelenskyy` in `President Volodymyr Zelenskyy`), M is the only longest name
//! that contains S, and some article mentions S together with M or with another name that
//! contains S and is contained in M. Two longest names that share a last word (`John
//! Smith`, `Jane Smith`) stay apart, and so does a short name either of them could mean
//! (`Smith`).

use super::visit::Visit;
use crate::input::Side;
use super::evidence::Evidence;
use crate::stats::{Names, TermCounts, TermFinder, TermId, END};

/// What a topic counts.
pub(crate) enum Members {
    /// Names (ids in [`Names`]).
    Names(Vec<u32>),
    /// A framing term, and its place among the terms of [`Terms`]' finder.
    Term(TermId, usize),
}

pub(crate) struct Topic {
    pub members: Members,
    /// The rated articles that mention it, by their place in counting order, ascending;
    /// `None` for a single name, whose articles are the name's own.
    articles: Option<Vec<u32>>,
}

/// The framing terms that are topics (by their place in [`Members::Term`]), and once
/// topics are chosen, a finder for them to quote from.
pub(crate) struct Terms {
    pub kept: Vec<TermId>,
    pub finder: Option<TermFinder>,
}

/// Where a topic is mentioned in an article: its sentence (by place in the article), and
/// its first word and length in tokens within that sentence.
pub(crate) struct Spot {
    pub sentence: usize,
    pub word: usize,
    pub words: usize,
}

impl Topic {
    /// The rated articles that mention it, by their place in counting order, ascending.
    pub fn articles<'a>(&'a self, names: &'a Names) -> &'a [u32] {
        match (&self.articles, &self.members) {
            (Some(articles), _) => articles,
            (None, Members::Names(members)) => members
                .first()
                .and_then(|&name| names.articles.get(name as usize))
                .map_or(&[], |articles| articles.as_slice()),
            (None, Members::Term(..)) => &[],
        }
    }

    /// The normalized forms it counts, each with its name (or term), the label first (the
    /// name mentioned in the most articles, then the longest, then by text), then the
    /// others by text.
    pub fn variants(&self, counts: &TermCounts, names: &Names) -> Vec<(u32, String)> {
        let text = |words: &[u32]| {
            let parts: Vec<&str> = words.iter().map(|&t| counts.token_text(t)).collect();
            parts.join(" ")
        };
        let members = match &self.members {
            Members::Term(term, _) => return vec![(*term, text(&counts.term_words(*term)))],
            Members::Names(members) => members,
        };
        let mut named: Vec<(usize, usize, u32, String)> = members
            .iter()
            .map(|&name| {
                let words = names.tokens(name);
                let articles = names.articles.get(name as usize).map_or(0, Vec::len);
                (articles, words.len(), name, text(&words))
            })
            .collect();
        let mut label = 0;
        for (i, entry) in named.iter().enumerate() {
            let best = &named[label];
            if (entry.0, entry.1) > (best.0, best.1)
                || ((entry.0, entry.1) == (best.0, best.1) && entry.3 < best.3)
            {
                label = i;
            }
        }
        named.swap(0, label);
        let mut variants: Vec<(u32, String)> =
            named.into_iter().map(|entry| (entry.2, entry.3)).collect();
        variants[1..].sort_unstable_by(|a, b| a.1.cmp(&b.1));
        variants
    }

    /// The label alone: what its written form is taken from.
    pub fn label(&self, counts: &TermCounts, names: &Names) -> Members {
        match &self.members {
            Members::Term(term, slot) => Members::Term(*term, *slot),
            Members::Names(_) => Members::Names(vec![self.variants(counts, names)[0].0]),
        }
    }
}

/// The rated articles' input indexes, in counting order.
pub(crate) fn counted_articles(visit: &Visit) -> Vec<usize> {
    // Counting goes side by side in canonical order, as `Visit::articles_of` lists them.
    let mut rated = Vec::new();
    for side in Side::ALL {
        rated.extend(visit.articles_of(side));
    }
    rated
}

/// Whether the words of `short` appear in `long` in order.
fn within(short: &[u32], long: &[u32]) -> bool {
    let mut rest = long.iter();
    short.len() < long.len() && short.iter().all(|word| rest.any(|w| w == word))
}

/// Whether two ascending lists share an entry.
fn meet(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        if x == y {
            return true;
        }
        i += usize::from(x < y);
        j += usize::from(y < x);
    }
    false
}

/// The story's names as topics, variants merged.
pub(crate) fn name_topics(names: &Names) -> Vec<Topic> {
    // Names mentioned somewhere, grouped by last word: (last token << 32 | name), sorted.
    let mut keys: Vec<u64> = Vec::new();
    for (name, articles) in names.articles.iter().enumerate() {
        if let (false, Some(last)) = (articles.is_empty(), names.last_token(name as u32)) {
            keys.push((u64::from(last) << 32) | name as u64);
        }
    }
    keys.sort_unstable();
    let mut topics = Vec::new();
    let mut start = 0;
    while start < keys.len() {
        let last = keys[start] >> 32;
        let mut end = start + 1;
        while keys.get(end).is_some_and(|&key| key >> 32 == last) {
            end += 1;
        }
        if end - start == 1 {
            topics.push(Topic {
                members: Members::Names(vec![keys[start] as u32]),
                articles: None,
            });
        } else {
            merge(names, &keys[start..end], &mut topics);
        }
        start = end;
    }
    topics
}

/// The topics of names sharing their last word (`group`, keys of [`name_topics`]): each
/// longest name heads one; each shorter name joins the longest name that alone contains it,
/// when they are mentioned together, or stays apart.
fn merge(names: &Names, group: &[u64], topics: &mut Vec<Topic>) {
    let group: Vec<(u32, Vec<u32>)> = group
        .iter()
        .map(|&key| (key as u32, names.tokens(key as u32)))
        .collect();
    let articles_of = |name: u32| names.articles[name as usize].as_slice();
    let longest: Vec<usize> = (0..group.len())
        .filter(|&n| !group.iter().any(|(_, m)| within(&group[n].1, m)))
        .collect();
    let mut merged: Vec<Vec<u32>> = longest.iter().map(|&m| vec![group[m].0]).collect();
    for (name, words) in &group {
        let mut heads = longest
            .iter()
            .enumerate()
            .filter(|&(_, &m)| within(words, &group[m].1));
        let joins = match (heads.next(), heads.next()) {
            (Some((at, &head)), None) => group
                .iter()
                .any(|(between, between_words)| {
                    (*between == group[head].0 || within(between_words, &group[head].1))
                        && within(words, between_words)
                        && meet(articles_of(*name), articles_of(*between))
                })
                .then_some(at),
            _ => None,
        };
        match joins {
            Some(at) => merged[at].push(*name),
            None if !longest.iter().any(|&m| group[m].0 == *name) => merged.push(vec![*name]),
            None => {}
        }
    }
    for members in merged {
        let mut all: Vec<u64> = Vec::new();
        for &name in &members {
            all.extend(articles_of(name).iter().map(|&a| u64::from(a)));
        }
        all.sort_unstable();
        all.dedup();
        topics.push(Topic {
            members: Members::Names(members),
            articles: Some(all.into_iter().map(|a| a as u32).collect()),
        });
    }
}

/// The framing terms as topics (each once, skipping one that is a name of the story), with
/// the articles that use them, which the outlet-level test's walk found (`counting`: each
/// input index's place in counting order).
pub(crate) fn term_topics(
    counts: &TermCounts,
    names: &Names,
    evidence: &Evidence,
    counting: &[u32],
    terms: &[TermId],
) -> (Vec<Topic>, Terms) {
    let mut kept: Vec<TermId> = Vec::new();
    let mut topics = Vec::new();
    for &term in terms {
        if !kept.contains(&term) && names.find(&counts.term_words(term)).is_none() {
            topics.push(Topic {
                members: Members::Term(term, kept.len()),
                articles: Some(
                    evidence
                        .articles_of(term)
                        .iter()
                        .map(|&index| counting.get(index as usize).copied().unwrap_or(0))
                        .collect(),
                ),
            });
            kept.push(term);
        }
    }
    (topics, Terms { kept, finder: None })
}

/// The first mention of any of `members` in the rated article `k` (counting order).
pub(crate) fn first_spot(
    counts: &TermCounts,
    names: &Names,
    terms: &Terms,
    members: &Members,
    k: u32,
) -> Option<Spot> {
    let ids = counts.article(k as usize)?;
    let (position, words) = match members {
        Members::Names(members) => {
            let from = names.mentions.partition_point(|m| m.article < k);
            let mention = names.mentions[from..]
                .iter()
                .take_while(|m| m.article == k)
                .find(|m| members.contains(&m.name))?;
            (mention.position as usize, names.tokens(mention.name).len())
        }
        Members::Term(_, slot) => {
            let mut found = Vec::new();
            terms.finder.as_ref()?.find(ids, &mut found);
            let hit = found.iter().find(|hit| hit.slot == *slot)?;
            (hit.position, hit.length)
        }
    };
    // The sentence holding `position`: the ENDs before it.
    let before = ids.get(..position)?;
    let sentence = before.iter().filter(|&&t| t == END).count();
    let sentence_start = before.iter().rposition(|&t| t == END).map_or(0, |at| at + 1);
    Some(Spot {
        sentence,
        word: position - sentence_start,
        words,
    })
}
