//! Names (docs/METHOD.md §7): the capitalized word sequences of the rated articles, built
//! from the token ids and the capitals the counter marked (`crate::text::Capitals`), without
//! segmenting the text again. A *name word* is a token written with a capital somewhere a
//! capital is not merely the start of a sentence, a quotation or a title-case line; a name is
//! a run of name words joined by spaces — and the capitalized word that starts a sentence
//! when the next word is a name word joined to it ("Nina Okafor led…") — trimmed of
//! stopwords at its ends, of at most [`MAX_NAME_WORDS`] words. Each distinct name is interned as a sequence of token ids, and
//! the articles that mention it are listed.

use super::counts::TokenInfo;
use super::sequences::SequenceIds;
use super::token_ids::TokenTexts;
use crate::text::{is_calendar_word, INITIAL, JOINED, MARK_BITS, TITLE};

/// Longest name, in words: longer runs of capitals are headings or shouting, not names.
pub(crate) const MAX_NAME_WORDS: usize = 6;

/// One mention of a name: the article (in the order articles were counted), the token
/// position of its first word there, and the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mention {
    article: u32,
    position: u32,
    name: u32,
}

/// The names of a story.
pub(crate) struct Names {
    /// Every interned sequence (names and the prefixes leading to them), by id.
    interned: SequenceIds,
    /// Every mention, by article then position.
    mentions: Vec<Mention>,
    /// By sequence id: where its articles start and end in `articles` (empty for a sequence
    /// that is only a prefix of names). One array for all, not a vector per name.
    starts: Vec<u32>,
    ends: Vec<u32>,
    /// Each name's articles, ascending, one after the other.
    articles: Vec<u32>,
}

impl Names {
    /// The token ids of name `name`, first to last.
    pub fn tokens(&self, name: u32) -> Vec<u32> {
        let mut tokens = Vec::new();
        let mut current = name;
        while let Some(sequence) = self.interned.get(current) {
            tokens.push(sequence.last);
            current = sequence.prefix;
        }
        tokens.reverse();
        tokens
    }

    /// The last token of name `name`.
    pub fn last_token(&self, name: u32) -> Option<u32> {
        self.interned.get(name).map(|sequence| sequence.last)
    }

    /// The rated articles that mention name `name`, ascending.
    pub fn articles_of(&self, name: u32) -> &[u32] {
        let (start, end) = match (self.starts.get(name as usize), self.ends.get(name as usize)) {
            (Some(&start), Some(&end)) => (start as usize, end as usize),
            _ => return &[],
        };
        self.articles.get(start..end).unwrap_or_default()
    }

    /// Names are ids below this.
    pub fn count(&self) -> u32 {
        self.starts.len() as u32
    }

    /// The first mention in article `k` of one of `names`: its token position and length.
    pub fn first_mention(&self, k: u32, names: &[u32]) -> Option<(usize, usize)> {
        let from = self.mentions.partition_point(|m| m.article < k);
        for mention in self.mentions.get(from..)? {
            if mention.article != k {
                break;
            }
            if names.contains(&mention.name) {
                return Some((mention.position as usize, self.tokens(mention.name).len()));
            }
        }
        None
    }

    /// The name of these tokens, if the story has it.
    pub fn find(&self, tokens: &[u32]) -> Option<u32> {
        let name = self.interned.find(tokens)?;
        (!self.articles_of(name).is_empty()).then_some(name)
    }
}

/// The names of `articles` (each a side and its token ids, sentences ended by `END`), whose
/// capitalized words carry the marks `capitals`.
pub(super) fn names(
    articles: &[(usize, Box<[u32]>)],
    capitals: &[Box<[u32]>],
    token_info: &[TokenInfo],
    token_text: &TokenTexts,
) -> Names {
    let mut is_name = vec![false; token_info.len()];
    for ((_, ids), marks) in articles.iter().zip(capitals) {
        for &mark in marks.iter() {
            if mark & INITIAL == 0 {
                if let Some(&id) = ids.get((mark >> MARK_BITS) as usize) {
                    if let Some(flag) = is_name.get_mut(id as usize) {
                        *flag = true;
                    }
                }
            }
        }
    }
    for (id, flag) in is_name.iter_mut().enumerate() {
        if *flag {
            let text = token_text.get(id as u32);
            *flag =
                token_info.get(id).is_some_and(|info| info.has_letter) && !is_calendar_word(text);
        }
    }

    let mut found = Names {
        interned: SequenceIds::new(token_info.len()),
        mentions: Vec::new(),
        starts: Vec::new(),
        ends: Vec::new(),
        articles: Vec::new(),
    };
    let mut run: Vec<u32> = Vec::new();
    let mut run_start = 0usize;
    let name_word = |ids: &[u32], mark: u32| {
        ids.get((mark >> MARK_BITS) as usize)
            .is_some_and(|&id| is_name[id as usize])
    };
    for (article, ((_, ids), marks)) in articles.iter().zip(capitals).enumerate() {
        let article = article as u32;
        for (at, &mark) in marks.iter().enumerate() {
            let position = (mark >> MARK_BITS) as usize;
            let Some(&id) = ids.get(position) else {
                continue;
            };
            // A first word counts when a name word is joined to it.
            let first = mark & (INITIAL | TITLE) == INITIAL
                && marks
                    .get(at + 1)
                    .is_some_and(|&next| next & JOINED != 0 && name_word(ids, next));
            let counts = is_name[id as usize] || first;
            let joined = mark & JOINED != 0 && run_start + run.len() == position;
            if !joined || !counts {
                keep_run(&mut found, token_info, &run, run_start, article);
                run.clear();
            }
            if counts {
                if run.is_empty() {
                    run_start = position;
                }
                run.push(id);
            }
        }
        keep_run(&mut found, token_info, &run, run_start, article);
        run.clear();
    }
    // Each name's articles: its mentions counted, then placed, each article once.
    let names = found.interned.len();
    let mut starts = vec![0u32; names + 1];
    for mention in &found.mentions {
        starts[mention.name as usize + 1] += 1;
    }
    for name in 0..names {
        starts[name + 1] += starts[name];
    }
    starts.pop();
    let mut ends = starts.clone();
    let mut placed = vec![0u32; found.mentions.len()];
    for mention in &found.mentions {
        let name = mention.name as usize;
        let end = ends[name] as usize;
        if end == starts[name] as usize || placed[end - 1] != mention.article {
            placed[end] = mention.article;
            ends[name] += 1;
        }
    }
    (found.starts, found.ends, found.articles) = (starts, ends, placed);
    found
}

/// Interns the name a run of name words makes, once trimmed of stopwords at its ends, and
/// records its mention.
fn keep_run(found: &mut Names, token_info: &[TokenInfo], run: &[u32], start: usize, article: u32) {
    let edge = |id: &u32| {
        token_info
            .get(*id as usize)
            .is_some_and(|info| info.can_edge_a_term())
    };
    let Some(first) = run.iter().position(edge) else {
        return;
    };
    let last = run.iter().rposition(edge).unwrap_or(first);
    let name = &run[first..=last];
    if name.len() > MAX_NAME_WORDS {
        return;
    }
    let id = found.interned.intern(name);
    found.mentions.push(Mention {
        article,
        position: (start + first) as u32,
        name: id,
    });
}
