//! The story as the analysis visits it, worked out once: each article's resolved leaning and
//! side, the articles in a canonical order (side, source, id) so that no report depends on
//! input order, each article's outlet number within its side, and its sentences — the
//! headline as one sentence of its own, then the text's.

use std::ops::Range;

use crate::input::{resolve_leaning, Article, Leaning, LeaningSource, Ratings, Side, Story};
use crate::text::sentence_ranges_into;

/// Where a sentence is in its article: the field, and the byte range within it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SentenceRef {
    pub in_headline: bool,
    pub range: Range<usize>,
}

pub(crate) struct Visit<'a> {
    pub story: &'a Story,
    /// Each article's leaning and the rule that gave it, by input index.
    pub resolved: Vec<(Leaning, LeaningSource)>,
    /// Each article's side (`None`: unrated), by input index.
    pub sides: Vec<Option<Side>>,
    /// Input indexes in canonical order: by side (unrated last), source, id.
    pub order: Vec<usize>,
    /// Each rated article's outlet, numbered from 1 within its side, by input index.
    pub outlets: Vec<u32>,
    /// Distinct outlets of each side.
    pub outlets_per_side: [u32; 3],
    /// The rated outlets — each distinct (side, source) — in canonical order: the units of
    /// the outlet-level test.
    pub units: Vec<(Side, &'a str)>,
    /// Each rated article's unit, as an index into `units`, by input index.
    pub unit_of: Vec<u32>,
    /// Each article's sentences, by input index: `sentences[index]` is a slice.
    pub sentences: Sentences,
}

/// Every article's sentences in one array, with where each article's begin: one allocation
/// for the story rather than one per article.
pub(crate) struct Sentences {
    all: Vec<SentenceRef>,
    /// Where each article's sentences begin in `all`, by input index, and where the last end.
    starts: Vec<usize>,
}

impl std::ops::Index<usize> for Sentences {
    type Output = [SentenceRef];

    fn index(&self, article: usize) -> &[SentenceRef] {
        let start = self.starts.get(article).copied().unwrap_or(0);
        let end = self.starts.get(article + 1).copied().unwrap_or(start);
        self.all.get(start..end).unwrap_or_default()
    }
}

impl Sentences {
    /// The sentences of every article: each headline as one sentence, then the text's.
    fn of(articles: &[Article]) -> Sentences {
        let mut sentences = Sentences {
            all: Vec::new(),
            starts: Vec::with_capacity(articles.len() + 1),
        };
        let mut ranges = Vec::new();
        for article in articles {
            sentences.starts.push(sentences.all.len());
            let headline = article.headline.as_deref().unwrap_or_default();
            let trimmed = headline.trim();
            if trimmed.chars().any(char::is_alphanumeric) {
                let start = headline.len() - headline.trim_start().len();
                sentences.all.push(SentenceRef {
                    in_headline: true,
                    range: start..start + trimmed.len(),
                });
            }
            ranges.clear();
            sentence_ranges_into(&article.text, &mut ranges);
            sentences
                .all
                .extend(ranges.drain(..).map(|range| SentenceRef {
                    in_headline: false,
                    range,
                }));
        }
        sentences.starts.push(sentences.all.len());
        sentences
    }
}

impl<'a> Visit<'a> {
    /// Resolves every article's leaning against the story's ratings, then `page_ratings`.
    #[cfg_attr(hot_paths_for_speed, optimize(speed))]
    pub fn new(story: &'a Story, page_ratings: &Ratings) -> Visit<'a> {
        let resolved: Vec<(Leaning, LeaningSource)> = story
            .articles
            .iter()
            .map(|article| resolve_leaning(article, &story.ratings, page_ratings))
            .collect();
        let sides: Vec<Option<Side>> = resolved.iter().map(|(leaning, _)| leaning.side()).collect();
        let key = |i: usize| {
            let article = &story.articles[i];
            (
                sides[i].map_or(3, Side::index),
                article.source.as_str(),
                article.id.as_str(),
            )
        };
        // Ids are unique, so no two keys are equal.
        let order = crate::sort::sorted_positions(story.articles.len(), &|a, b| key(a) < key(b));
        let mut outlets = vec![0u32; story.articles.len()];
        let mut outlets_per_side = [0u32; 3];
        let mut units: Vec<(Side, &str)> = Vec::new();
        let mut unit_of = vec![u32::MAX; story.articles.len()];
        for &index in &order {
            let Some(side) = sides[index] else { continue };
            let source = story.articles[index].source.as_str();
            if units.last() != Some(&(side, source)) {
                outlets_per_side[side.index()] += 1;
                units.push((side, source));
            }
            outlets[index] = outlets_per_side[side.index()];
            unit_of[index] = units.len() as u32 - 1;
        }
        Visit {
            story,
            resolved,
            sides,
            order,
            outlets,
            outlets_per_side,
            units,
            unit_of,
            sentences: Sentences::of(&story.articles),
        }
    }

    /// The articles of `side`, in canonical order.
    pub fn articles_of(&self, side: Side) -> impl Iterator<Item = usize> + '_ {
        self.order
            .iter()
            .copied()
            .filter(move |&i| self.sides[i] == Some(side))
    }

    /// The text of a sentence of article `index`.
    pub fn sentence(&self, index: usize, sentence: &SentenceRef) -> &'a str {
        field(&self.story.articles[index], sentence)
    }
}

fn field<'a>(article: &'a Article, sentence: &SentenceRef) -> &'a str {
    let text = if sentence.in_headline {
        article.headline.as_deref().unwrap_or_default()
    } else {
        &article.text
    };
    text.get(sentence.range.clone()).unwrap_or_default()
}
