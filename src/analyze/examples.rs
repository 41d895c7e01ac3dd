//! How a listed term is shown (docs/REPORT.md, "framing"): its display form (the most
//! frequent way the side wrote it), its rate per 10 000 term tokens on every side, and up
//! to three example sentences, each from a different outlet where there are three, quoted
//! exactly — a very long sentence as a marked window around the term; and the same choice of
//! sentences, from every side, for an explained term's dictionary card.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::evidence::{Chosen, Evidence};
use super::terms::side_sentences;
use super::visit::{SentenceRef, Visit};
use crate::input::Side;
#[cfg(feature = "explain")]
use crate::report::CardQuote;
use crate::report::{prose, Example, Rates, Rounded, Term};
use crate::stats::{Occurrence, TermCounts, TermId};
use crate::text::word_spans;

/// `text` as a display form: its words, white space between them made one space. The one
/// home of that rule, for the framing terms, the language section's terms and the emphasis
/// topics.
pub(crate) fn one_spaced(text: &str) -> String {
    let mut spaced = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !spaced.is_empty() {
            spaced.push(' ');
        }
        spaced.push_str(word);
    }
    spaced
}

/// Sentences longer than this are quoted as a window around the term, marked with "…".
const MAX_QUOTE_BYTES: usize = 480;
const QUOTE_CONTEXT_BYTES: usize = 200;
const MAX_EXAMPLES: usize = 3;

/// A sentence that may be quoted: (outlet, article index, sentence, the term's bytes in it).
type Candidate = (u32, usize, SentenceRef, Range<usize>);

/// A listed term's surface forms and example candidates, gathered over the side's sentences.
#[derive(Default)]
struct Gathered {
    surfaces: FxHashMap<String, u32>,
    /// In visiting order.
    examples: Vec<Candidate>,
    /// The number, within the side, of the last sentence an example was considered from.
    last_sentence: Option<usize>,
}

/// The listed terms of `side` as the report shows them.
pub(crate) fn shown_terms(
    visit: &Visit,
    counts: &TermCounts,
    evidence: &Evidence,
    side: Side,
    chosen: Vec<Chosen>,
) -> Vec<Term> {
    // Display forms and examples, for the listed terms only: their sentences are segmented
    // again for the exact bytes of each occurrence.
    let mut gathered: Vec<Gathered> = chosen.iter().map(|_| Gathered::default()).collect();
    let finder = counts.finder(chosen.iter().map(|c| c.listed.term));
    let mut found: Vec<Occurrence> = Vec::new();
    let mut token_bytes: Vec<(usize, usize)> = Vec::new();
    for (number, (index, sentence, ids)) in side_sentences(visit, counts, side).enumerate() {
        finder.find(ids, &mut found);
        if found.is_empty() {
            continue;
        }
        let text = visit.sentence(index, sentence);
        token_bytes.clear();
        word_spans(text, &mut token_bytes);
        for hit in &found {
            let entry = &mut gathered[hit.slot];
            let Some(bytes) = hit_bytes(&token_bytes, hit) else {
                continue;
            };
            count_surface(&mut entry.surfaces, &text[bytes.clone()]);
            if entry.last_sentence != Some(number) {
                entry.last_sentence = Some(number);
                record_example(
                    &mut entry.examples,
                    (visit.outlets[index], index, sentence.clone(), bytes),
                );
            }
        }
    }

    chosen
        .into_iter()
        .zip(gathered)
        .map(|(Chosen { listed: entry, p }, gathered)| {
            let display = gathered
                .surfaces
                .iter()
                .max_by(|(a, a_count), (b, b_count)| a_count.cmp(b_count).then_with(|| b.cmp(a)))
                .map(|(surface, _)| surface.clone())
                .unwrap_or_else(|| entry.text.clone());
            Term {
                display,
                z: Rounded::new(entry.z),
                count: counts.count(entry.term, side),
                outlets: entry.outlets,
                uses: prose::uses(counts.count(entry.term, side), entry.outlets),
                p: Rounded::new(p.p),
                evidence: prose::evidence(side, &evidence.design(side), &p),
                by_outlet: evidence.by_outlet(side, entry.term),
                rate: rates(counts, entry.term),
                examples: pick_examples(visit, &gathered.examples),
                term: entry.text,
            }
        })
        .collect()
}

/// The bytes of a sentence that the term found at `hit` covers, from the sentence's word
/// spans ([`word_spans`]): the one reading of an occurrence for the examples and the card.
fn hit_bytes(token_bytes: &[(usize, usize)], hit: &Occurrence) -> Option<Range<usize>> {
    let (start, _) = *token_bytes.get(hit.position)?;
    let (_, end) = *token_bytes.get(hit.position + hit.length.checked_sub(1)?)?;
    Some(start..end)
}

/// Counts one use of `written`, the bytes of an occurrence, under its surface form: its
/// words joined by one space. Written so already, as nearly every occurrence is (ASCII
/// words, one space apart), it is looked up as it stands, without building a string.
fn count_surface(surfaces: &mut FxHashMap<String, u32>, written: &str) {
    // What `split_whitespace` splits ASCII at: space, and U+0009 to U+000D. Plain: none of
    // those but single spaces between words (a byte loop: a `str` pattern search would bring
    // its own searcher into the WASM module).
    let mut plain = !written.starts_with(' ') && !written.ends_with(' ');
    let mut after_space = false;
    for b in written.bytes() {
        let space = b == b' ';
        if !b.is_ascii() || (b'\t'..=b'\r').contains(&b) || (space && after_space) {
            plain = false;
            break;
        }
        after_space = space;
    }
    if plain {
        if let Some(count) = surfaces.get_mut(written) {
            *count += 1;
            return;
        }
    }
    *surfaces.entry(one_spaced(written)).or_insert(0) += 1;
}

/// A term's occurrences per 10 000 term tokens in each side.
fn rates(counts: &TermCounts, term: TermId) -> Rates {
    let rate = |side: Side| {
        let tokens = counts.term_tokens(side);
        Rounded::new(if tokens == 0 {
            0.0
        } else {
            f64::from(counts.count(term, side)) * 10_000.0 / tokens as f64
        })
    };
    Rates {
        left: rate(Side::Left),
        center: rate(Side::Center),
        right: rate(Side::Right),
    }
}

/// Keeps at most three sentences per outlet from the first three outlets met: enough to
/// pick three examples from different outlets where there are, and to fill up where not.
fn record_example(examples: &mut Vec<Candidate>, candidate: Candidate) {
    let outlet = candidate.0;
    let from_outlet = examples.iter().filter(|e| e.0 == outlet).count();
    // At most nine entries, so counting outlets by scanning is cheap.
    let outlets = examples
        .iter()
        .enumerate()
        .filter(|(i, e)| examples[..*i].iter().all(|earlier| earlier.0 != e.0))
        .count();
    if from_outlet < MAX_EXAMPLES && (from_outlet > 0 || outlets < MAX_EXAMPLES) {
        examples.push(candidate);
    }
}

/// The first sentence of each outlet first, then the others, up to three, each made into
/// what `quote` makes of it.
fn picked<T>(recorded: &[Candidate], quote: impl FnMut(&Candidate) -> T) -> Vec<T> {
    let mut seen_outlets = Vec::new();
    let (firsts, rest): (Vec<_>, Vec<_>) = recorded.iter().partition(|e| {
        let first = !seen_outlets.contains(&e.0);
        if first {
            seen_outlets.push(e.0);
        }
        first
    });
    firsts
        .into_iter()
        .chain(rest)
        .take(MAX_EXAMPLES)
        .map(quote)
        .collect()
}

fn pick_examples(visit: &Visit, recorded: &[Candidate]) -> Vec<Example> {
    picked(recorded, |(_, index, sentence, hit)| {
        let article = &visit.story.articles[*index];
        Example {
            article: article.id.clone(),
            source: article.source.clone(),
            sentence: quote(visit.sentence(*index, sentence), hit.clone()),
        }
    })
}

#[cfg(feature = "explain")]
/// The dictionary card's sentences of `side` for `term`: chosen as a listed term's examples
/// are, each split around the term's first occurrence in it.
pub(crate) fn card_quotes(
    visit: &Visit,
    counts: &TermCounts,
    term: TermId,
    side: Side,
) -> Vec<CardQuote> {
    let finder = counts.finder([term]);
    let mut found: Vec<Occurrence> = Vec::new();
    let mut recorded: Vec<Candidate> = Vec::new();
    let mut token_bytes: Vec<(usize, usize)> = Vec::new();
    for (index, sentence, ids) in side_sentences(visit, counts, side) {
        finder.find(ids, &mut found);
        let Some(hit) = found.first() else { continue };
        token_bytes.clear();
        word_spans(visit.sentence(index, sentence), &mut token_bytes);
        let Some(bytes) = hit_bytes(&token_bytes, hit) else {
            continue;
        };
        record_example(
            &mut recorded,
            (visit.outlets[index], index, sentence.clone(), bytes),
        );
    }
    picked(&recorded, |(_, index, sentence, hit)| {
        let article = &visit.story.articles[*index];
        let text = visit.sentence(*index, sentence);
        let Range { start, end } = quote_window(text, hit.clone());
        CardQuote {
            article: article.id.clone(),
            source: article.source.clone(),
            before: format!(
                "{}{}",
                if start > 0 { "…" } else { "" },
                text[start..hit.start].trim_start()
            ),
            term: text[hit.clone()].to_owned(),
            after: format!(
                "{}{}",
                text[hit.end..end].trim_end(),
                if end < text.len() { "…" } else { "" }
            ),
        }
    })
}

/// The sentence, or for a very long one a window of it around the term, cut at spaces and
/// marked with "…" where it was cut. Everything between the marks is quoted exactly.
pub(super) fn quote(sentence: &str, hit: Range<usize>) -> String {
    let window = quote_window(sentence, hit);
    format!(
        "{}{}{}",
        if window.start > 0 { "…" } else { "" },
        sentence[window.clone()].trim(),
        if window.end < sentence.len() {
            "…"
        } else {
            ""
        }
    )
}

/// The bytes of `sentence` a quote of the term at `hit` shows: all of it up to
/// [`MAX_QUOTE_BYTES`], else about [`QUOTE_CONTEXT_BYTES`] either side of the term, cut at
/// spaces (white space at either end is the caller's to trim). The language analysis quotes
/// alike.
pub(crate) fn quote_window(sentence: &str, hit: Range<usize>) -> Range<usize> {
    if sentence.len() <= MAX_QUOTE_BYTES {
        return 0..sentence.len();
    }
    let mut start = hit.start.saturating_sub(QUOTE_CONTEXT_BYTES);
    while !sentence.is_char_boundary(start) {
        start -= 1;
    }
    if start > 0 {
        if let Some((offset, space)) = sentence[start..hit.start]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
        {
            start += offset + space.len_utf8();
        }
    }
    let mut end = (hit.end + QUOTE_CONTEXT_BYTES).min(sentence.len());
    while !sentence.is_char_boundary(end) {
        end += 1;
    }
    if end < sentence.len() {
        if let Some((offset, _)) = sentence[hit.end..end]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
        {
            end = hit.end + offset;
        }
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surfaces_are_counted_by_their_words_joined_by_one_space() {
        let mut surfaces = FxHashMap::default();
        for written in [
            "Pearl Harbor",
            "Pearl\tHarbor",
            "Pearl  Harbor",
            "Pearl\u{b}Harbor",
            "Pearl\u{a0}Harbor",
            "Pearl\u{2028}Harbor",
            "pearl harbor",
            "Pearl Harbor",
        ] {
            count_surface(&mut surfaces, written);
        }
        let mut counted: Vec<(String, u32)> = surfaces.into_iter().collect();
        counted.sort();
        assert_eq!(
            counted,
            [
                ("Pearl Harbor".to_string(), 7),
                ("pearl harbor".to_string(), 1)
            ]
        );
    }

    #[test]
    fn short_sentences_are_quoted_whole() {
        assert_eq!(quote("A daring raid.", 2..8), "A daring raid.");
    }

    #[test]
    fn long_sentences_are_quoted_around_the_term_with_marks() {
        let sentence = format!("{} daring {}", "word ".repeat(200), "more ".repeat(200));
        let start = sentence.find("daring").unwrap();
        let quoted = quote(&sentence, start..start + 6);
        assert!(
            quoted.starts_with("…word") && quoted.ends_with("more…"),
            "{quoted}"
        );
        assert!(quoted.contains(" daring "));
        assert!(sentence.contains(quoted.trim_matches('…')));
        assert!(quoted.len() < MAX_QUOTE_BYTES + 10);
    }
}
