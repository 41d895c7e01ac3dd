//! Key points per side and common ground (docs/METHOD.md §7): extractive, every one an exact
//! sentence of an article. Centroid-based, after Radev, Jing, Styś & Tam (2004), over each
//! rated article's lead — its first [`LEAD_SENTENCES`] sentences, headline included, where
//! news writing puts an article's main points: a side's centroid gives each content word the
//! share of the side's articles whose lead uses it times its inverse document frequency over
//! the rated articles' leads; a lead sentence scores the cosine between its words (each
//! weighted by that idf) and the centroid. The common-ground centroid takes,
//! for each word, the smallest share over the sides with coverage, so only words every side
//! used count. Both are linear in the number of sentences, unlike the pairwise similarities
//! of LexRank (Erkan & Radev 2004). The best sentences are taken greedily: one per outlet
//! (or side) and article while others remain, none a near-duplicate of one already taken.

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

/// A quotable sentence: its article (input index), place in the article, side, outlet and
/// token ids.
struct Sentence<'c> {
    index: usize,
    position: usize,
    side: usize,
    unit: u32,
    ids: &'c [u32],
}

/// Word weights: for each token, what a sentence using it adds to its score against each
/// side's centroid and the common one, and to its own squared length (idf²); and each
/// centroid's length (left, center, right, common).
struct Weights {
    per_token: Vec<[f64; 5]>,
    norms: [f64; 4],
    /// Each article's lead, in token ids, in counting order.
    leads: Vec<usize>,
}

/// The token ids of an article's lead (sentences ended by END).
fn lead(ids: &[u32]) -> &[u32] {
    let mut ends = 0;
    for (at, &id) in ids.iter().enumerate() {
        if id == END {
            ends += 1;
            if ends == LEAD_SENTENCES {
                return &ids[..at];
            }
        }
    }
    ids
}

/// The weights of the words of the rated articles' leads (`sides`: each one's side, in
/// counting order).
fn weights(counts: &TermCounts, sides: &[usize]) -> Weights {
    let vocabulary = counts.vocabulary();
    let mut used = vec![[0u32; 3]; vocabulary];
    let mut stamp = vec![u32::MAX; vocabulary];
    let mut articles = [0u32; 3];
    let mut leads = Vec::with_capacity(sides.len());
    for (k, &side) in sides.iter().enumerate() {
        articles[side] += 1;
        let lead = lead(counts.article(k).unwrap_or_default());
        leads.push(lead.len());
        for &id in lead {
            // END is past every token id: `get_mut` skips it.
            if let Some(seen) = stamp.get_mut(id as usize) {
                if *seen != k as u32 {
                    *seen = k as u32;
                    used[id as usize][side] += 1;
                }
            }
        }
    }
    let total = articles[0] + articles[1] + articles[2];
    let mut covered = 0;
    for &n in &articles {
        covered += usize::from(n > 0);
    }
    // ln n for every article count n, rather than a logarithm per word.
    let mut ln = Vec::with_capacity(total as usize + 1);
    for n in 0..=total {
        ln.push(libm::log(f64::from(n.max(1))));
    }
    let mut per_token = vec![[0.0; 5]; vocabulary];
    let mut norms = [0.0; 4];
    for (id, used) in used.iter().enumerate() {
        let df = (used[0] + used[1] + used[2]) as usize;
        if df == 0 || !counts.is_content(id as u32) {
            continue;
        }
        let weight = &mut per_token[id];
        let idf = ln[total as usize] - ln[df];
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
    for norm in &mut norms {
        *norm = norm.sqrt();
    }
    Weights {
        per_token,
        norms,
        leads,
    }
}

/// The content words of a sentence, ascending, each once.
fn word_set(counts: &TermCounts, ids: &[u32]) -> Vec<u64> {
    let mut set: Vec<u64> = Vec::with_capacity(ids.len());
    for &id in ids {
        if counts.is_content(id) {
            set.push(u64::from(id));
        }
    }
    set.sort_unstable();
    set.dedup();
    set
}

/// Whether a sentence's quotation marks are balanced: the sentence splitter cuts quotations
/// of several sentences apart, and half a quotation is not a point.
fn balanced(sentence: &str) -> bool {
    let (mut open, mut close, mut straight) = (0, 0, 0);
    for c in sentence.chars() {
        open += usize::from(c == '“');
        close += usize::from(c == '”');
        straight += usize::from(c == '"');
    }
    open == close && straight % 2 == 0
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
    let mut sides = Vec::with_capacity(rated.len());
    for &index in &rated {
        sides.push(visit.sides[index].map_or(0, Side::index));
    }
    let weights = weights(counts, &sides);
    let mut sentences: Vec<Sentence> = Vec::new();
    // Per side, then common: (score, quantized and reversed, << 32 | sentence number).
    let mut ranked: [Vec<u64>; 4] = Default::default();
    let mut stamp = vec![u32::MAX; counts.vocabulary()];
    for (k, &index) in rated.iter().enumerate() {
        let (side, unit) = (sides[k], visit.unit_of[index]);
        let places = &visit.sentences[index];
        let mut position = 0;
        let ids = counts.article(k).unwrap_or_default();
        let lead = ids.get(..weights.leads[k]).unwrap_or_default();
        for ids in lead.split(|&t| t == END) {
            let Some(place) = places.get(position) else {
                break;
            };
            position += 1;
            let fits = ids.len() >= SENTENCE_WORDS.0
                && ids.len() <= SENTENCE_WORDS.1
                && place.range.len() <= MAX_SENTENCE_BYTES;
            if !fits {
                continue;
            }
            let number = sentences.len() as u32;
            let (mut own, mut common, mut length, mut words, mut shared) = (0.0, 0.0, 0.0, 0, 0);
            for &id in ids {
                let (Some(weight), Some(seen)) = (
                    weights.per_token.get(id as usize),
                    stamp.get_mut(id as usize),
                ) else {
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
            // Common ground: most of the sentence's words used by every side.
            let lists = [
                (side, own),
                (3, if 2 * shared >= words { common } else { 0.0 }),
            ];
            for (list, dot) in lists {
                let norm = weights.norms[list];
                if dot > 0.0 && norm > 0.0 {
                    let cosine = (dot / (length * norm)).min(1.0);
                    let quantized = (cosine * f64::from(u32::MAX)) as u64;
                    ranked[list]
                        .push(((u64::from(u32::MAX) - quantized) << 32) | u64::from(number));
                }
            }
            sentences.push(Sentence {
                index,
                position: position - 1,
                side,
                unit,
                ids,
            });
        }
    }
    for list in &mut ranked {
        list.sort_unstable();
    }
    let [left, center, right, common] = &ranked;
    (
        KeyPoints {
            left: pick(visit, counts, &sentences, left, MAX_KEY_POINTS, false),
            center: pick(visit, counts, &sentences, center, MAX_KEY_POINTS, false),
            right: pick(visit, counts, &sentences, right, MAX_KEY_POINTS, false),
        },
        pick(visit, counts, &sentences, common, MAX_COMMON_GROUND, true),
    )
}

/// The best `most` sentences of `ranked` (best first): one per outlet (or, `by_side`, per
/// side) and article while others remain, then the next best; none a near-duplicate of one
/// taken before.
fn pick(
    visit: &Visit,
    counts: &TermCounts,
    sentences: &[Sentence],
    ranked: &[u64],
    most: usize,
    by_side: bool,
) -> Vec<KeyPoint> {
    let mut taken: Vec<(&Sentence, Vec<u64>)> = Vec::new();
    for spread in [true, false] {
        for &key in ranked {
            if taken.len() == most {
                break;
            }
            let Some(sentence) = sentences.get((key & 0xFFFF_FFFF) as usize) else {
                continue;
            };
            let mut clash = false;
            for (other, _) in &taken {
                let same_group = if by_side {
                    other.side == sentence.side
                } else {
                    other.unit == sentence.unit
                };
                clash |= spread && (same_group || other.index == sentence.index);
            }
            let place = &visit.sentences[sentence.index][sentence.position];
            if clash || !balanced(visit.sentence(sentence.index, place)) {
                continue;
            }
            let words = word_set(counts, sentence.ids);
            let mut duplicate = false;
            for (_, other) in &taken {
                duplicate |= near(&words, other);
            }
            if !duplicate {
                taken.push((sentence, words));
            }
        }
    }
    let mut points = Vec::with_capacity(taken.len());
    for (sentence, _) in taken {
        let article = &visit.story.articles[sentence.index];
        if let Some(place) = visit.sentences[sentence.index].get(sentence.position) {
            points.push(KeyPoint {
                sentence: visit.sentence(sentence.index, place).to_owned(),
                article: article.id.clone(),
                source: article.source.clone(),
                side: Side::ALL[sentence.side].key(),
                position: sentence.position,
                in_headline: place.in_headline,
            });
        }
    }
    points
}
