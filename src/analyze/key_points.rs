//! Key points per side and common ground (docs/METHOD.md §7): extractive, every one an exact
//! sentence of an article. Centroid-based, after Radev, Jing, Styś & Tam (2004), over each
//! rated article's lead — its first [`LEAD_SENTENCES`] sentences, headline included, where
//! news writing puts an article's main points: a side's centroid gives each content word the
//! share of the side's articles whose lead uses it times its inverse document frequency over
//! the rated articles' leads; a lead sentence scores the cosine between its words (each
//! weighted by that idf) and the centroid. The common-ground centroid takes,
//! for each word, the smallest share over the sides with coverage, so only words every side
//! used count. Both are linear in the number of sentences, unlike the pairwise similarities
//! of LexRank (Erkan & Radev 2004). The best sentences are taken greedily: one per article,
//! one per outlet (or side) while others remain, none a near-duplicate of one already taken.

use super::topics::counted_articles;
use super::visit::Visit;
use crate::input::Side;
use crate::report::{KeyPoint, KeyPoints};
use crate::stats::{TermCounts, END};

/// The sentences of an article that are read: its lead.
pub(crate) const LEAD_SENTENCES: usize = 6;
/// Most key points per side, and most common-ground sentences.
pub(crate) const MAX_KEY_POINTS: usize = 4;
pub(crate) const MAX_COMMON_GROUND: usize = 3;
/// Words a quotable sentence has, and its longest length in bytes (it is quoted whole).
pub(crate) const SENTENCE_WORDS: (usize, usize) = (6, 60);
pub(crate) const MAX_SENTENCE_BYTES: usize = 480;
/// Two sentences are near-duplicates when the content words they share are at least this
/// share of the content words either has (Jaccard similarity, numerator / denominator).
pub(crate) const NEAR_DUPLICATE: (usize, usize) = (1, 2);

/// A quotable sentence: its article (input index), place in the article, side and outlet.
#[derive(Clone, Copy)]
struct Sentence {
    index: usize,
    position: usize,
    side: Side,
    unit: u32,
}

/// Word weights: for each token, what a sentence using it adds to its score against each
/// side's centroid and the common one, and to its own squared length (idf²).
struct Weights {
    per_token: Vec<[f64; 5]>,
    /// The length of each centroid (left, center, right, common).
    norms: [f64; 4],
}

/// The weights of the words of `rated` (input indexes in counting order, with `sides`).
fn weights(counts: &TermCounts, sides: &[usize]) -> Weights {
    let vocabulary = counts.vocabulary();
    let mut used = vec![[0u32; 3]; vocabulary];
    let mut stamp = vec![u32::MAX; vocabulary];
    let mut articles = [0u32; 3];
    for (k, &side) in sides.iter().enumerate() {
        articles[side] += 1;
        for &id in lead(counts.article(k).unwrap_or_default()) {
            // END is past every token id: `get_mut` skips it.
            if let Some(seen) = stamp.get_mut(id as usize) {
                if *seen != k as u32 {
                    *seen = k as u32;
                    used[id as usize][side] += 1;
                }
            }
        }
    }
    let total: u32 = articles.iter().sum();
    let covered = articles.iter().filter(|&&n| n > 0).count();
    // ln n for every article count n, rather than a logarithm per word.
    let ln: Vec<f64> = (0..=total).map(|n| libm::log(f64::from(n.max(1)))).collect();
    let mut per_token = vec![[0.0; 5]; vocabulary];
    let mut norms = [0.0; 4];
    for (id, (weight, used)) in per_token.iter_mut().zip(&used).enumerate() {
        let df: u32 = used.iter().sum();
        if df == 0 || !counts.is_content(id as u32) {
            continue;
        }
        let idf = ln[total as usize] - ln[df as usize];
        let mut common = f64::INFINITY;
        for side in 0..3 {
            if articles[side] == 0 {
                continue;
            }
            let share = f64::from(used[side]) / f64::from(articles[side]);
            common = common.min(share);
            // A word of one article is not the side's when the side has more.
            if used[side] >= articles[side].min(2) {
                weight[side] = idf * idf * share;
                norms[side] += (idf * share) * (idf * share);
            }
        }
        if covered >= 2 && common > 0.0 {
            weight[3] = idf * idf * common;
            norms[3] += (idf * common) * (idf * common);
        }
        weight[4] = idf * idf;
    }
    Weights {
        per_token,
        norms: norms.map(f64::sqrt),
    }
}

/// The token ids of an article's lead (sentences ended by END).
fn lead(ids: &[u32]) -> &[u32] {
    let mut ends = 0;
    for (at, &id) in ids.iter().enumerate() {
        ends += usize::from(id == END);
        if ends == LEAD_SENTENCES {
            return &ids[..at];
        }
    }
    ids
}

/// The content words of a sentence, ascending, each once.
fn word_set(counts: &TermCounts, ids: &[u32]) -> Vec<u64> {
    let mut set: Vec<u64> = ids
        .iter()
        .filter(|&&id| counts.is_content(id))
        .map(|&id| u64::from(id))
        .collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// Whether two word sets are near-duplicates.
fn near(a: &[u64], b: &[u64]) -> bool {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        shared += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    let union = a.len() + b.len() - shared;
    union == 0 || shared * NEAR_DUPLICATE.1 >= union * NEAR_DUPLICATE.0
}

/// The key points of each side, and the common ground.
pub(crate) fn key_points(visit: &Visit, counts: &TermCounts) -> (KeyPoints, Vec<KeyPoint>) {
    let rated = counted_articles(visit);
    let sides: Vec<usize> = rated
        .iter()
        .map(|&index| visit.sides[index].map_or(0, Side::index))
        .collect();
    let weights = weights(counts, &sides);
    let mut sentences: Vec<(Sentence, &[u32])> = Vec::new();
    // Per side, then common: (score, quantized and reversed, << 32 | sentence number).
    let mut ranked: [Vec<u64>; 4] = Default::default();
    let mut stamp = vec![u32::MAX; counts.vocabulary()];
    for (k, &index) in rated.iter().enumerate() {
        let (side, unit) = (sides[k], visit.unit_of[index]);
        let ids = lead(counts.article(k).unwrap_or_default());
        for (position, (ids, place)) in ids
            .split(|&t| t == END)
            .zip(&visit.sentences[index])
            .enumerate()
        {
            let fits = (SENTENCE_WORDS.0..=SENTENCE_WORDS.1).contains(&ids.len())
                && place.range.len() <= MAX_SENTENCE_BYTES;
            if !fits {
                continue;
            }
            let number = sentences.len() as u32;
            let (mut own, mut common, mut length, mut words, mut shared) = (0.0, 0.0, 0.0, 0, 0);
            for &id in ids {
                let (Some(weight), Some(seen)) =
                    (weights.per_token.get(id as usize), stamp.get_mut(id as usize))
                else {
                    continue;
                };
                if *seen != number && weight[4] > 0.0 {
                    *seen = number;
                    own += weight[side];
                    common += weight[3];
                    length += weight[4];
                    words += 1;
                    shared += usize::from(weight[3] > 0.0);
                }
            }
            if length == 0.0 {
                continue;
            }
            let length = length.sqrt();
            let mut rank = |list: usize, dot: f64| {
                let norm = weights.norms[list];
                if dot > 0.0 && norm > 0.0 {
                    let cosine = (dot / (length * norm)).min(1.0);
                    let quantized = (cosine * f64::from(u32::MAX)) as u64;
                    ranked[list].push(((u64::from(u32::MAX) - quantized) << 32) | u64::from(number));
                }
            };
            rank(side, own);
            // Common ground: most of the sentence's words used by every side.
            if 2 * shared >= words {
                rank(3, common);
            }
            let side = Side::ALL[side];
            sentences.push((Sentence { index, position, side, unit }, ids));
        }
    }
    let [left, center, right, common] = ranked.map(|mut list| {
        list.sort_unstable();
        list
    });
    let pick = |list: &[u64], most: usize, by_side: bool| {
        pick(visit, counts, &sentences, list, most, by_side)
    };
    (
        KeyPoints {
            left: pick(&left, MAX_KEY_POINTS, false),
            center: pick(&center, MAX_KEY_POINTS, false),
            right: pick(&right, MAX_KEY_POINTS, false),
        },
        pick(&common, MAX_COMMON_GROUND, true),
    )
}

/// The best `most` sentences of `ranked` (best first): one per article; while others remain,
/// one per outlet (or, `by_side`, per side); none a near-duplicate of one taken before.
fn pick(
    visit: &Visit,
    counts: &TermCounts,
    sentences: &[(Sentence, &[u32])],
    ranked: &[u64],
    most: usize,
    by_side: bool,
) -> Vec<KeyPoint> {
    let mut taken: Vec<(Sentence, Vec<u64>)> = Vec::new();
    for spread in [true, false] {
        for &key in ranked {
            if taken.len() == most {
                break;
            }
            let Some(&(sentence, ids)) = sentences.get((key & 0xFFFF_FFFF) as usize) else {
                continue;
            };
            let clash = taken.iter().any(|(other, _)| {
                other.index == sentence.index
                    || (spread && by_side && other.side == sentence.side)
                    || (spread && !by_side && other.unit == sentence.unit)
            });
            if clash {
                continue;
            }
            let words = word_set(counts, ids);
            if !taken.iter().any(|(_, other)| near(&words, other)) {
                taken.push((sentence, words));
            }
        }
    }
    taken
        .into_iter()
        .filter_map(|(sentence, _)| {
            let article = &visit.story.articles[sentence.index];
            let place = visit.sentences[sentence.index].get(sentence.position)?;
            Some(KeyPoint {
                sentence: visit.sentence(sentence.index, place).to_owned(),
                article: article.id.clone(),
                source: article.source.clone(),
                side: sentence.side.key(),
                position: sentence.position,
                in_headline: place.in_headline,
            })
        })
        .collect()
}
