//! The language section's example sentences: quoted exactly as the framing terms' are (a very
//! long sentence as a marked window, `examples::quote_window`), and cut into parts so that a
//! page can mark the words that count — every charged or hedging word in a term's example,
//! every word that moved the score in a tone example — without finding them again itself.

use std::ops::Range;

use super::super::examples::{one_spaced, quote_window};
use super::super::visit::{SentenceRef, Visit};
use super::tone;
use crate::report::{Mark, MarkedExample, Part, Rounded, ToneExample};
use crate::text::{normalize_token, tokens, Lexicons, Match, Words};

/// A sentence that may be quoted: its outlet (unit), article and place, and the words of the
/// use it shows (token position and length; 0 and 0 for a tone example).
#[derive(Debug, Clone)]
pub(super) struct Quote {
    pub unit: u32,
    pub index: usize,
    pub sentence: SentenceRef,
    pub position: usize,
    pub length: usize,
}

/// A quoted sentence read again: its text, and each token's bytes and vocabulary index.
struct Reread<'a> {
    text: &'a str,
    bytes: Vec<Range<usize>>,
    words: Vec<u32>,
    hits: Vec<u32>,
}

fn reread<'a>(visit: &Visit<'a>, lexicons: &Lexicons, quote: &Quote) -> Reread<'a> {
    let text = visit.sentence(quote.index, &quote.sentence);
    let mut normalized = String::new();
    let (mut bytes, mut words) = (Vec::new(), Vec::new());
    for token in tokens(text) {
        bytes.push(token.start..token.end());
        normalize_token(token.surface, &mut normalized);
        words.push(lexicons.word_index(&normalized));
    }
    let mut hits = Vec::new();
    lexicons.hits(Words::direct(&words), &mut hits);
    Reread {
        text,
        bytes,
        words,
        hits,
    }
}

impl Reread<'_> {
    /// The bytes of the words from `position`, `length` long.
    fn span(&self, position: usize, length: usize) -> Range<usize> {
        match (
            self.bytes.get(position),
            self.bytes.get(position + length.max(1) - 1),
        ) {
            (Some(first), Some(last)) => first.start..last.end,
            _ => 0..0,
        }
    }

    /// The sentence as quoted around `hit`, and its parts with `marks` (byte ranges, in
    /// order, each with its category) inside the quoted window.
    fn parts(&self, hit: Range<usize>, marks: &[(Range<usize>, &str)]) -> (String, Vec<Part>) {
        let text = self.text;
        let window = quote_window(text, hit);
        let inner = &text[window.clone()];
        // `trim_start` and `trim`, which the crate links anyway, not a `trim_end` of its own.
        let start = window.start + (inner.len() - inner.trim_start().len());
        let end = start + inner.trim().len();
        let mut parts = Vec::new();
        let mut plain = String::from(if window.start > 0 { "…" } else { "" });
        let mut at = start;
        for (bytes, category) in marks {
            if bytes.start < at || bytes.end > end {
                continue;
            }
            plain.push_str(&text[at..bytes.start]);
            if !plain.is_empty() {
                parts.push(Part::Text(std::mem::take(&mut plain)));
            }
            parts.push(Part::Mark(Mark {
                text: text[bytes.clone()].to_owned(),
                category: (*category).to_owned(),
            }));
            at = bytes.end;
        }
        plain.push_str(&text[at..end]);
        if window.end < text.len() {
            plain.push('…');
        }
        if !plain.is_empty() {
            parts.push(Part::Text(plain));
        }
        let mut sentence = String::new();
        for part in &parts {
            sentence.push_str(match part {
                Part::Text(text) => text,
                Part::Mark(mark) => &mark.text,
            });
        }
        (sentence, parts)
    }
}

/// A term's example: the sentence with every charged and hedging word used in it (not
/// negated) marked with its category; and the term as written there.
#[inline(never)]
pub(super) fn term_example(
    visit: &Visit,
    lexicons: &Lexicons,
    quote: &Quote,
) -> (MarkedExample, String) {
    let read = reread(visit, lexicons, quote);
    let mut found: Vec<Match> = Vec::new();
    lexicons.phrases(Words::direct(&read.words), &read.hits, &mut found);
    let mut marks = Vec::new();
    for use_ in &found {
        if !use_.negated {
            let category = lexicons
                .entries
                .get(use_.entry as usize)
                .and_then(|entry| lexicons.categories.get(entry.category as usize))
                .map_or("", |category| &category.key);
            marks.push((read.span(use_.position, use_.length), category));
        }
    }
    let hit = read.span(quote.position, quote.length);
    let display = one_spaced(&read.text[hit.clone()]);
    let (sentence, parts) = read.parts(hit, &marks);
    let article = &visit.story.articles[quote.index];
    let example = MarkedExample {
        article: article.id.clone(),
        source: article.source.clone(),
        sentence,
        parts,
    };
    (example, display)
}

/// A tone example: the sentence, its score, and each word whose valence counted in it marked
/// `negative` or `positive`.
#[inline(never)]
pub(super) fn tone_example(visit: &Visit, lexicons: &Lexicons, quote: &Quote) -> ToneExample {
    let read = reread(visit, lexicons, quote);
    let mut sentiments = Vec::new();
    let score = tone::compound(
        lexicons,
        Words::direct(&read.words),
        &read.hits,
        read.text,
        &mut sentiments,
    );
    let mut marks = Vec::new();
    let mut strongest = (0.0f64, 0..0);
    for &(position, valence) in &sentiments {
        let bytes = read.span(position, 1);
        if valence.abs() > strongest.0 {
            strongest = (valence.abs(), bytes.clone());
        }
        marks.push((
            bytes,
            if valence < 0.0 {
                "negative"
            } else {
                "positive"
            },
        ));
    }
    let (sentence, parts) = read.parts(strongest.1, &marks);
    let article = &visit.story.articles[quote.index];
    ToneExample {
        article: article.id.clone(),
        source: article.source.clone(),
        sentence,
        score: Rounded::new(score),
        parts,
    }
}
