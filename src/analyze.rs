//! The analysis itself: resolves each article's leaning, counts coverage, counts terms over
//! the rated articles, scores every term of every side against the rest (SPEC §3), applies
//! the listing rules, and picks display forms and example sentences. Articles are visited in
//! a canonical order (side, source, id), so the report does not depend on input order.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::error::Error;
use crate::leaning::{Leaning, LeaningSource, Side};
use crate::model::{Article, Options, Story};
use crate::report::{
    blindspot, comparison_text, share, ArticleSummary, Comparable, ComparisonLine, Coverage,
    Example, Framing, Params, Rates, Report, Rounded, SideCoverage, SideFraming, Term,
    UnratedCoverage,
};
use crate::stats::{log_odds, Occurrence, SentenceRef, TermCounts};
use crate::text::{sentence_ranges, tokens};

/// Fewest articles and words a side needs for its framing to be compared (SPEC §2).
pub const MIN_SIDE_ARTICLES: usize = 2;
pub const MIN_SIDE_WORDS: u64 = 200;
/// A shorter term is dropped when this share of its occurrences lies inside a listed
/// longer term (SPEC §3), as the fraction numerator / denominator.
const SUBSUMED: (u64, u64) = (4, 5);
/// Sentences longer than this are quoted as a window around the term, marked with "…".
const MAX_QUOTE_BYTES: usize = 480;
const QUOTE_CONTEXT_BYTES: usize = 200;
const MAX_EXAMPLES: usize = 3;
const MAX_LISTED_NAMES: usize = 5;

/// Analyzes a story given as JSON text.
pub fn analyze_json(json: &str, options: &Options) -> Result<Report, Error> {
    analyze(&Story::from_json(json)?, options)
}

/// The story as the analysis visits it, worked out once: articles in canonical order (side,
/// source, id), each article's side, its outlet's number within its side, and its sentences.
struct Visit<'a> {
    story: &'a Story,
    order: Vec<usize>,
    sides: Vec<Option<Side>>,
    outlets: Vec<u32>,
    outlets_per_side: [u32; 3],
    sentences: Vec<Vec<SentenceRef>>,
}

impl<'a> Visit<'a> {
    fn new(story: &'a Story, resolved: &[(Leaning, LeaningSource)]) -> Visit<'a> {
        let sides: Vec<Option<Side>> = resolved.iter().map(|(leaning, _)| leaning.side()).collect();
        let mut order: Vec<usize> = (0..story.articles.len()).collect();
        // Unstable is enough: ids are unique, so no two keys are equal.
        order.sort_unstable_by_key(|&i| {
            let article = &story.articles[i];
            (
                sides[i].map_or(3, Side::index),
                &article.source,
                &article.id,
            )
        });
        let mut outlets = vec![0u32; story.articles.len()];
        let mut outlets_per_side = [0u32; 3];
        let mut previous: Option<(usize, &str)> = None;
        for &index in &order {
            let Some(side) = sides[index] else { continue };
            let source = story.articles[index].source.as_str();
            if previous != Some((side.index(), source)) {
                outlets_per_side[side.index()] += 1;
                previous = Some((side.index(), source));
            }
            outlets[index] = outlets_per_side[side.index()];
        }
        Visit {
            story,
            order,
            sides,
            outlets,
            outlets_per_side,
            sentences: story.articles.iter().map(sentences).collect(),
        }
    }

    /// The articles of `side`, in canonical order.
    fn articles_of(&self, side: Side) -> impl Iterator<Item = usize> + '_ {
        self.order
            .iter()
            .copied()
            .filter(move |&i| self.sides[i] == Some(side))
    }
}

/// Analyzes a parsed story.
pub fn analyze(story: &Story, options: &Options) -> Result<Report, Error> {
    options.validate()?;
    let resolved: Vec<(Leaning, LeaningSource)> = story
        .articles
        .iter()
        .map(|article| story.leaning_of(article, &options.ratings))
        .collect();
    let visit = Visit::new(story, &resolved);
    let coverage = coverage(&visit);
    let mut counts = TermCounts::new(options.max_ngram, options.min_count);
    for side in Side::ALL {
        for index in visit.articles_of(side) {
            let article = &story.articles[index];
            let sentences = visit.sentences[index].iter().map(|s| field(article, s));
            counts.count_article(side.index(), sentences);
        }
    }
    counts.finish();

    let side_coverage = [&coverage.left, &coverage.center, &coverage.right];
    let term_total: u64 = counts.term_total.iter().sum();
    let mut framings = Vec::with_capacity(3);
    let mut comparison = Vec::with_capacity(3);
    for side in Side::ALL {
        let b = side.index();
        let insufficient =
            side_coverage[b].articles < MIN_SIDE_ARTICLES || counts.words[b] < MIN_SIDE_WORDS;
        let comparable = if insufficient {
            Comparable::Insufficient
        } else if term_total == counts.term_total[b] {
            Comparable::Alone
        } else {
            Comparable::Yes
        };
        let terms = if comparable == Comparable::Yes {
            side_terms(&visit, &counts, side, options)
        } else {
            Vec::new()
        };
        let framing = SideFraming {
            insufficient,
            terms,
            words: counts.words[b],
            term_tokens: counts.term_total[b],
        };
        comparison.push(ComparisonLine {
            side: side.key(),
            text: comparison_text(side, side_coverage[b], &framing, comparable),
        });
        framings.push(framing);
    }
    let [left, center, right]: [SideFraming; 3] =
        framings.try_into().unwrap_or_else(|_| unreachable!());

    Ok(Report {
        version: 1,
        params: Params {
            max_ngram: options.max_ngram,
            prior_scale: Rounded::new(options.prior_scale),
            z_min: Rounded::new(options.z_min),
            min_count: options.min_count,
            top_k: options.top_k,
        },
        blindspot: blindspot(&coverage),
        warnings: warnings(&visit, &coverage),
        coverage,
        framing: Framing {
            left,
            center,
            right,
        },
        comparison,
        articles: visit
            .order
            .iter()
            .map(|&index| {
                let article = &story.articles[index];
                let (leaning, leaning_from) = resolved[index];
                ArticleSummary {
                    id: article.id.clone(),
                    source: article.source.clone(),
                    leaning: leaning.label(),
                    leaning_from,
                    side: leaning.side().map_or("unrated", Side::key),
                    headline: article.headline.clone(),
                    url: article.url.clone(),
                }
            })
            .collect(),
    })
}

/// The sentences of an article: the headline as one sentence, then the text's.
fn sentences(article: &Article) -> Vec<SentenceRef> {
    let headline = article.headline.as_deref().unwrap_or_default();
    let trimmed = headline.trim();
    let headline_sentence = trimmed.chars().any(char::is_alphanumeric).then(|| {
        let start = headline.len() - headline.trim_start().len();
        SentenceRef {
            in_headline: true,
            range: start..start + trimmed.len(),
        }
    });
    headline_sentence
        .into_iter()
        .chain(
            sentence_ranges(&article.text)
                .into_iter()
                .map(|range| SentenceRef {
                    in_headline: false,
                    range,
                }),
        )
        .collect()
}

fn field<'a>(article: &'a Article, sentence: &SentenceRef) -> &'a str {
    let text = if sentence.in_headline {
        article.headline.as_deref().unwrap_or_default()
    } else {
        &article.text
    };
    &text[sentence.range.clone()]
}

fn coverage(visit: &Visit) -> Coverage {
    let mut articles = [0usize; 4];
    // `order` is sorted by side, then source: a source is new when it differs from the last.
    let mut sources = [0usize; 4];
    let mut previous: Option<(usize, &str)> = None;
    for &index in &visit.order {
        let bucket = visit.sides[index].map_or(3, Side::index);
        let source = visit.story.articles[index].source.as_str();
        articles[bucket] += 1;
        if previous != Some((bucket, source)) {
            sources[bucket] += 1;
            previous = Some((bucket, source));
        }
    }
    let rated = articles[..3].iter().sum();
    let side = |b: usize| SideCoverage {
        articles: articles[b],
        sources: sources[b],
        share: share(articles[b], rated),
    };
    let mut all_sources: Vec<&str> = visit
        .story
        .articles
        .iter()
        .map(|a| a.source.as_str())
        .collect();
    all_sources.sort_unstable();
    all_sources.dedup();
    Coverage {
        left: side(0),
        center: side(1),
        right: side(2),
        unrated: UnratedCoverage {
            articles: articles[3],
            sources: sources[3],
        },
        total_articles: visit.story.articles.len(),
        total_sources: all_sources.len(),
    }
}

/// A term of a side with enough uses and a high enough z-score: the listing rules that need
/// its occurrences (outlets, subsumption) are applied next.
struct Candidate {
    term: u32,
    z: f64,
    /// Distinct outlets of the side using it, and the last one seen while counting them.
    outlets: u32,
    last_outlet: u32,
}

/// A listed term, gathering its display form and examples.
struct Listed {
    term: u32,
    z: f64,
    outlets: u32,
    text: String,
    surfaces: FxHashMap<String, u32>,
    /// (outlet, article index, sentence, term's bytes in the sentence), in visiting order.
    examples: Vec<(u32, usize, SentenceRef, Range<usize>)>,
    /// The number, within the side, of the last sentence an example was considered from.
    last_sentence: Option<usize>,
}

/// Each sentence of `side` in counting order: (article index, its sentence, its token ids).
fn side_sentences<'v>(
    visit: &'v Visit,
    counts: &'v TermCounts,
    side: Side,
) -> impl Iterator<Item = (usize, &'v SentenceRef, &'v [u32])> + 'v {
    visit
        .articles_of(side)
        .flat_map(move |index| visit.sentences[index].iter().map(move |s| (index, s)))
        .zip(counts.side_sentences(side.index()))
        .map(|((index, sentence), ids)| (index, sentence, ids))
}

fn side_terms(visit: &Visit, counts: &TermCounts, side: Side, options: &Options) -> Vec<Term> {
    let b = side.index();
    let n_all: u64 = counts.term_total.iter().sum();
    let n_side = counts.term_total[b] as f64;
    let n_rest = (n_all - counts.term_total[b]) as f64;
    let mut candidates: Vec<Candidate> = Vec::new();
    for term in 0..counts.len() as u32 {
        let y = counts.counts[term as usize];
        let y_side = y[b];
        if y_side < options.min_count {
            continue;
        }
        let y_all = u64::from(y[0]) + u64::from(y[1]) + u64::from(y[2]);
        let alpha_w = options.prior_scale * y_all as f64 / n_all as f64;
        let y_rest = (y_all - u64::from(y_side)) as f64;
        let Some(score) = log_odds(
            f64::from(y_side),
            n_side,
            y_rest,
            n_rest,
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

    // One outlet's repeated word is not a framing of the side (SPEC §3).
    let side_outlets = visit.outlets_per_side[b];
    let widely_used: Vec<bool> = candidates
        .iter()
        .map(|c| side_outlets < 2 || c.outlets >= 2)
        .collect();
    let mut subsumed = vec![false; candidates.len()];
    for (&(shorter, longer), &within) in &inside {
        let total = u64::from(counts.counts[candidates[shorter].term as usize][b]);
        if widely_used[longer] && within * SUBSUMED.1 >= total * SUBSUMED.0 {
            subsumed[shorter] = true;
        }
    }
    let mut listed: Vec<Listed> = candidates
        .into_iter()
        .enumerate()
        .filter(|&(slot, _)| widely_used[slot] && !subsumed[slot])
        .map(|(_, c)| Listed {
            term: c.term,
            z: c.z,
            outlets: c.outlets,
            text: counts.term_text(c.term),
            surfaces: FxHashMap::default(),
            examples: Vec::new(),
            last_sentence: None,
        })
        .collect();
    // Unstable is enough: the texts of distinct terms differ, so no two keys are equal.
    listed.sort_unstable_by(|a, b| b.z.total_cmp(&a.z).then_with(|| a.text.cmp(&b.text)));
    listed.truncate(options.top_k);

    // Display forms and examples, for the listed terms only: their sentences are segmented
    // again for the exact bytes of each occurrence.
    let finder = counts.finder(listed.iter().map(|l| l.term));
    let mut token_bytes: Vec<Range<usize>> = Vec::new();
    for (number, (index, sentence, ids)) in side_sentences(visit, counts, side).enumerate() {
        finder.find(ids, &mut found);
        if found.is_empty() {
            continue;
        }
        let article = &visit.story.articles[index];
        let text = field(article, sentence);
        token_bytes.clear();
        token_bytes.extend(tokens(text).map(|token| token.start..token.end()));
        for hit in &found {
            let entry = &mut listed[hit.slot];
            let bytes =
                token_bytes[hit.position].start..token_bytes[hit.position + hit.length - 1].end;
            let surface = text[bytes.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            *entry.surfaces.entry(surface).or_insert(0) += 1;
            if entry.last_sentence != Some(number) {
                entry.last_sentence = Some(number);
                record_example(
                    &mut entry.examples,
                    visit.outlets[index],
                    index,
                    sentence,
                    bytes,
                );
            }
        }
    }

    let rate = |term: u32, s: usize| {
        let tokens = counts.term_total[s];
        Rounded::new(if tokens == 0 {
            0.0
        } else {
            f64::from(counts.counts[term as usize][s]) * 10_000.0 / tokens as f64
        })
    };
    listed
        .into_iter()
        .map(|entry| {
            let display = entry
                .surfaces
                .iter()
                .max_by(|(a, a_count), (b, b_count)| a_count.cmp(b_count).then_with(|| b.cmp(a)))
                .map(|(surface, _)| surface.clone())
                .unwrap_or_else(|| entry.text.clone());
            Term {
                display,
                z: Rounded::new(entry.z),
                count: counts.counts[entry.term as usize][b],
                outlets: entry.outlets,
                rate: Rates {
                    left: rate(entry.term, 0),
                    center: rate(entry.term, 1),
                    right: rate(entry.term, 2),
                },
                examples: pick_examples(visit.story, &entry.examples),
                term: entry.text,
            }
        })
        .collect()
}

/// Keeps at most three sentences per outlet from the first three outlets met: enough to
/// pick three examples from different outlets where there are, and to fill up where not.
fn record_example(
    examples: &mut Vec<(u32, usize, SentenceRef, Range<usize>)>,
    outlet: u32,
    article: usize,
    sentence: &SentenceRef,
    hit: Range<usize>,
) {
    let from_outlet = examples.iter().filter(|e| e.0 == outlet).count();
    // At most nine entries, so counting outlets by scanning is cheap.
    let outlets = examples
        .iter()
        .enumerate()
        .filter(|(i, e)| examples[..*i].iter().all(|earlier| earlier.0 != e.0))
        .count();
    if from_outlet < MAX_EXAMPLES && (from_outlet > 0 || outlets < MAX_EXAMPLES) {
        examples.push((outlet, article, sentence.clone(), hit));
    }
}

fn pick_examples(
    story: &Story,
    recorded: &[(u32, usize, SentenceRef, Range<usize>)],
) -> Vec<Example> {
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
        .map(|(_, index, sentence, hit)| {
            let article = &story.articles[*index];
            Example {
                article: article.id.clone(),
                source: article.source.clone(),
                sentence: quote(field(article, sentence), hit.clone()),
            }
        })
        .collect()
}

/// The sentence, or for a very long one a window of it around the term, cut at spaces and
/// marked with "…" where it was cut. Everything between the marks is quoted exactly.
fn quote(sentence: &str, hit: Range<usize>) -> String {
    if sentence.len() <= MAX_QUOTE_BYTES {
        return sentence.to_owned();
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
    format!(
        "{}{}{}",
        if start > 0 { "…" } else { "" },
        sentence[start..end].trim(),
        if end < sentence.len() { "…" } else { "" }
    )
}

/// Names, quoted and listed, at most [`MAX_LISTED_NAMES`] of them then "and N more".
fn name_list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<String> = names
        .into_iter()
        .map(|n| serde_json::Value::from(n).to_string())
        .collect();
    let shown = names.len().min(MAX_LISTED_NAMES);
    let mut text = names[..shown].join(", ");
    if names.len() > shown {
        text.push_str(&format!(" and {} more", names.len() - shown));
    }
    text
}

fn warnings(visit: &Visit, coverage: &Coverage) -> Vec<String> {
    let (story, order) = (visit.story, &visit.order);
    let mut warnings = Vec::new();
    if coverage.unrated.articles > 0 {
        // `order` lists unrated articles together, sorted by source.
        let mut sources: Vec<&str> = order
            .iter()
            .filter(|&&i| visit.sides[i].is_none())
            .map(|&i| story.articles[i].source.as_str())
            .collect();
        sources.dedup();
        warnings.push(format!(
            "{} {} from {} {} no rating, so {} counted in coverage but left out of the framing statistics: {}.",
            coverage.unrated.articles,
            if coverage.unrated.articles == 1 { "article" } else { "articles" },
            if sources.len() == 1 { "this source" } else { "these sources" },
            if sources.len() == 1 { "has" } else { "have" },
            if coverage.unrated.articles == 1 { "it is" } else { "they are" },
            name_list(sources),
        ));
    }
    let wordless: Vec<&str> = order
        .iter()
        .filter(|&&i| visit.sentences[i].is_empty())
        .map(|&i| story.articles[i].id.as_str())
        .collect();
    if !wordless.is_empty() {
        warnings.push(format!(
            "No words in the headline or text of {}: counted in coverage only.",
            name_list(wordless)
        ));
    }
    // Groups of ids by text; the map's type is the one the story's id check uses, so WASM
    // carries one copy of its code.
    let mut group_of_text: FxHashMap<&str, usize> = FxHashMap::default();
    let mut groups: Vec<Vec<&str>> = Vec::new();
    for &index in order.iter() {
        let article = &story.articles[index];
        if !article.text.trim().is_empty() {
            let next = groups.len();
            let group = *group_of_text.entry(article.text.as_str()).or_insert(next);
            if group == next {
                groups.push(Vec::new());
            }
            groups[group].push(&article.id);
        }
    }
    let mut copies: Vec<Vec<&str>> = groups.into_iter().filter(|ids| ids.len() > 1).collect();
    copies.iter_mut().for_each(|ids| ids.sort_unstable());
    // Groups share no id, so ordering them by their first id orders them fully; sorting
    // just those ids reuses the one `&str` sort the analysis already has.
    let mut firsts: Vec<&str> = copies.iter().map(|ids| ids[0]).collect();
    firsts.sort_unstable();
    let copy_of_first: FxHashMap<&str, usize> = copies
        .iter()
        .enumerate()
        .map(|(n, ids)| (ids[0], n))
        .collect();
    for first in firsts {
        warnings.push(format!(
            "Articles {} have identical text (a syndicated copy?); each copy counts in coverage and framing.",
            name_list(copies[copy_of_first[first]].iter().copied())
        ));
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn identical_texts_are_warned_once_per_group_in_id_order() {
        let texts = ["same", "other", "same", "other", "unique", "z", "z", "z"];
        let articles: Vec<serde_json::Value> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let leaning = ["left", "center", "right"][i % 3];
                serde_json::json!({
                    "id": format!("id{}", 9 - i), "source": format!("S{i}"), "text": text,
                    "leaning": leaning,
                })
            })
            .collect();
        let story = Story::from_value(serde_json::json!({ "articles": articles })).unwrap();
        let report = analyze(&story, &Options::default()).unwrap();
        let groups: Vec<&str> = report
            .warnings
            .iter()
            .filter_map(|w| w.strip_prefix("Articles "))
            .filter_map(|w| w.split(" have identical text").next())
            .collect();
        assert_eq!(
            groups,
            [
                "\"id2\", \"id3\", \"id4\"",
                "\"id6\", \"id8\"",
                "\"id7\", \"id9\""
            ]
        );
    }

    #[test]
    fn name_lists_are_cut_after_five() {
        assert_eq!(name_list(["a", "b"]), "\"a\", \"b\"");
        assert_eq!(
            name_list(["a", "b", "c", "d", "e", "f", "g"]),
            "\"a\", \"b\", \"c\", \"d\", \"e\" and 2 more"
        );
    }
}
