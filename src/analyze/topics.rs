//! The topics the emphasis analysis compares (docs/METHOD.md §6): the story's names, with
//! the variants of one name merged where that is safe, and the framing terms the sides list.
//! A topic knows the rated articles that mention it and can find its first mention in any
//! of them, for quoting.
//!
//! Merging. Names sharing their last word are compared. A name S is merged into a longer
//! name M when it is safe: S's words appear in M in order (`Zelenskyy`, `Volodymyr
//! Zelenskyy` and `President Zelenskyy` in `President Volodymyr Zelenskyy`), M is the only
//! longest name that contains S, and, when S is a single word (a bare surname or place),
//! some article mentions S together with M or with another name that contains S and is
//! contained in M. Two longest names that share a last word (`John Smith`, `Jane Smith`)
//! stay apart, and so does a short name either of them could mean (`Smith`).

use super::evidence::Evidence;
use super::visit::Visit;
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
            (None, Members::Names(members)) => names.articles_of(members[0]),
            (None, Members::Term(..)) => &[],
        }
    }

    /// The normalized forms it counts, each with its name (or term), the label first (the
    /// name mentioned in the most articles, then the longest, then by text), then the
    /// others by text.
    pub fn variants(&self, counts: &TermCounts, names: &Names) -> Vec<(u32, String)> {
        let members = match &self.members {
            Members::Term(term, _) => {
                return vec![(*term, text(counts, &counts.term_words(*term)))]
            }
            Members::Names(members) => members,
        };
        // (articles, words, name, text); the label is the one that ranks first.
        let mut named: Vec<(usize, usize, u32, String)> = Vec::with_capacity(members.len());
        for &name in members {
            let words = names.tokens(name);
            named.push((
                names.articles_of(name).len(),
                words.len(),
                name,
                text(counts, &words),
            ));
        }
        let mut label = 0;
        for (i, entry) in named.iter().enumerate() {
            if ranks_before(entry, &named[label]) {
                label = i;
            }
        }
        let first = named.swap_remove(label);
        let mut variants = vec![(first.2, first.3)];
        for (_, _, name, text) in named {
            let mut at = variants.len();
            while at > 1 && text < variants[at - 1].1 {
                at -= 1;
            }
            variants.insert(at, (name, text));
        }
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

/// Whether a name ranks before another as a label: in more articles, then longer, then
/// first by text.
fn ranks_before(a: &(usize, usize, u32, String), b: &(usize, usize, u32, String)) -> bool {
    (a.0, a.1) > (b.0, b.1) || ((a.0, a.1) == (b.0, b.1) && a.3 < b.3)
}

/// Token ids as normalized text, joined by one space.
fn text(counts: &TermCounts, words: &[u32]) -> String {
    let mut text = String::new();
    for &word in words {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(counts.token_text(word));
    }
    text
}

/// The rated articles' input indexes, in counting order: side by side in canonical order.
pub(crate) fn counted_articles(visit: &Visit) -> Vec<usize> {
    let mut rated = Vec::new();
    for &index in &visit.order {
        if visit.sides[index].is_some() {
            rated.push(index);
        }
    }
    rated
}

/// Whether the words of `short` appear in `long` in order.
fn within(short: &[u32], long: &[u32]) -> bool {
    if short.len() >= long.len() {
        return false;
    }
    let mut matched = 0;
    for &word in long {
        if short.get(matched) == Some(&word) {
            matched += 1;
        }
    }
    matched == short.len()
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

/// The story's names as topics, variants merged: those whose names sharing their last word
/// are mentioned `at_least` times in all (articles counted once per name); the others cannot
/// reach the outlets a topic needs to be listed.
pub(crate) fn name_topics(names: &Names, vocabulary: usize, at_least: usize) -> Vec<Topic> {
    let mut mentions = vec![0u32; vocabulary];
    for name in 0..names.count() {
        if let Some(last) = names.last_token(name) {
            if let Some(count) = mentions.get_mut(last as usize) {
                *count += names.articles_of(name).len() as u32;
            }
        }
    }
    // Names mentioned somewhere, grouped by last word: (last token << 32 | name), sorted.
    let mut keys: Vec<u64> = Vec::new();
    for name in 0..names.count() {
        let Some(last) = names.last_token(name) else {
            continue;
        };
        let enough = mentions
            .get(last as usize)
            .is_some_and(|&n| n as usize >= at_least);
        if enough && !names.articles_of(name).is_empty() {
            keys.push((u64::from(last) << 32) | u64::from(name));
        }
    }
    keys.sort_unstable();
    let mut topics = Vec::new();
    let mut start = 0;
    while start < keys.len() {
        let last = keys[start] >> 32;
        let mut end = start + 1;
        while end < keys.len() && keys[end] >> 32 == last {
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
    let mut words: Vec<Vec<u32>> = Vec::with_capacity(group.len());
    for &key in group {
        words.push(names.tokens(key as u32));
    }
    let name = |n: usize| group[n] as u32;
    let inside = |n: usize, m: usize| within(&words[n], &words[m]);
    let mut longest: Vec<usize> = Vec::new();
    for n in 0..group.len() {
        if !(0..group.len()).any(|m| inside(n, m)) {
            longest.push(n);
        }
    }
    let mut merged: Vec<Vec<u32>> = Vec::with_capacity(longest.len());
    for &m in &longest {
        merged.push(vec![name(m)]);
    }
    for (n, own) in words.iter().enumerate() {
        if longest.contains(&n) {
            continue;
        }
        let mut head = None;
        let mut heads = 0;
        for (at, &m) in longest.iter().enumerate() {
            if inside(n, m) {
                head = Some((at, m));
                heads += 1;
            }
        }
        // Safe: one longest name contains it, and a single word is mentioned in some
        // article with that name or with a name between the two.
        let safe = match head {
            Some((_, m)) if heads == 1 => {
                own.len() > 1
                    || (0..group.len()).any(|b| {
                        (b == m || inside(b, m))
                            && inside(n, b)
                            && meet(names.articles_of(name(n)), names.articles_of(name(b)))
                    })
            }
            _ => false,
        };
        match head {
            Some((at, _)) if safe => merged[at].push(name(n)),
            _ => merged.push(vec![name(n)]),
        }
    }
    for members in merged {
        let articles = if members.len() == 1 {
            None
        } else {
            let mut all: Vec<u64> = Vec::new();
            for &member in &members {
                for &article in names.articles_of(member) {
                    all.push(u64::from(article));
                }
            }
            all.sort_unstable();
            all.dedup();
            let mut articles = Vec::with_capacity(all.len());
            for article in all {
                articles.push(article as u32);
            }
            Some(articles)
        };
        topics.push(Topic {
            members: Members::Names(members),
            articles,
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
        if kept.contains(&term) || names.find(&counts.term_words(term)).is_some() {
            continue;
        }
        let mut articles = Vec::new();
        for &index in evidence.articles_of(term) {
            articles.push(counting.get(index as usize).copied().unwrap_or(0));
        }
        topics.push(Topic {
            members: Members::Term(term, kept.len()),
            articles: Some(articles),
        });
        kept.push(term);
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
        Members::Names(members) => names.first_mention(k, members)?,
        Members::Term(_, slot) => {
            let mut found = Vec::new();
            terms.finder.as_ref()?.find(ids, &mut found);
            let mut spot = None;
            for hit in found {
                if hit.slot == *slot && spot.is_none() {
                    spot = Some((hit.position, hit.length));
                }
            }
            spot?
        }
    };
    // The sentence holding `position`: the ENDs before it.
    let (mut sentence, mut sentence_start) = (0, 0);
    for (at, &id) in ids.get(..position)?.iter().enumerate() {
        if id == END {
            sentence += 1;
            sentence_start = at + 1;
        }
    }
    Some(Spot {
        sentence,
        word: position - sentence_start,
        words,
    })
}
