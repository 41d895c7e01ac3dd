//! How each side talks (docs/METHOD.md §6): per side, the rate of charged words and of
//! hedging per 1 000 words, the words used most with their categories and examples, and the
//! tone of its sentences (VADER's compound score, `tone`); each side's rates and mean tone
//! tested against the other sides' by the outlet-level permutation test of §5, the outlet
//! being the unit.
//!
//! One walk over the rated sentences' token ids, which the counter kept: each story token is
//! looked up in the lexicons once, each sentence is then read as vocabulary indices — its
//! phrases matched, its tone scored — with no second tokenization. Only quoted sentences are
//! read again (`quotes`), for the bytes of the words they mark.
//!
//! Here the section built from the walk's tallies (`tally`), with the outlet-level tests of
//! its rates and tone; its term lists in `terms`.

mod quotes;
mod tally;
mod terms;
mod tone;

use super::visit::Visit;
use crate::input::{Options, Side};
use crate::report::{prose, Coverage, Language, Rounded, SideLanguage, Tone, WordUse};
use crate::stats::{order_key, p_value_of_keys, Design, Keyed, TermCounts, END};
use crate::text::{Lexicons, List, Words, NO_WORD};
use quotes::Quote;
use tally::{list_index, SideTally, Tally, TermTally, UnitTally};
use terms::top_terms;

/// VADER's usual bounds (Hutto & Gilbert 2014, the reference implementation's README): a
/// sentence scoring at most −0.05 is negative, at least 0.05 positive.
const NEGATIVE_AT_MOST: f64 = -0.05;
const POSITIVE_AT_LEAST: f64 = 0.05;
/// Rates are uses per this many words.
const PER_WORDS: f64 = 1000.0;
/// Example sentences per term.
const MAX_EXAMPLES: usize = 3;

/// The language section of a story's report.
#[cfg_attr(hot_paths_for_speed, optimize(speed))]
pub(crate) fn language(
    visit: &Visit,
    counts: &TermCounts,
    lexicons: &Lexicons,
    coverage: &Coverage,
    options: &Options,
) -> Language {
    // Each story token's vocabulary index, looked up once, with its hit kinds in the top bits.
    let mut table = Vec::with_capacity(counts.vocabulary());
    for id in 0..counts.vocabulary() as u32 {
        let word = lexicons.word_index(counts.token_text(id));
        table.push(word | lexicons.word(word).hit_kinds());
    }
    let mut lists = Vec::with_capacity(lexicons.entries.len());
    for entry in &lexicons.entries {
        let category = lexicons.categories.get(entry.category as usize);
        lists.push(category.map_or(0, |category| list_index(category.list)));
    }
    // Pushed, not `vec![…; n]`: that clones, and a clone of the tallies' quotes is code.
    let mut terms = Vec::with_capacity(3 * lexicons.entries.len());
    for _ in 0..3 * lexicons.entries.len() {
        terms.push(TermTally::default());
    }
    let mut tally = Tally {
        lexicons,
        lists,
        units: vec![UnitTally::default(); visit.units.len()],
        terms,
        sides: Default::default(),
        found: Vec::new(),
        sentiments: Vec::new(),
        hits: Vec::new(),
    };
    // The counter's token ids, article by article, split at the ends of sentences; each
    // sentence's hits found as its ids go by, its words read through the table where the
    // rules look.
    for side in Side::ALL {
        for (index, ids) in visit.articles_of(side).zip(counts.side_articles(side)) {
            let sentences = ids.split(|&id| id == END);
            for (sentence, ids) in visit.sentences[index].iter().zip(sentences) {
                tally.hits.clear();
                for (at, &id) in ids.iter().enumerate() {
                    let kinds = table.get(id as usize).map_or(0, |&entry| entry & !NO_WORD);
                    if kinds != 0 {
                        tally.hits.push(at as u32 | kinds);
                    }
                }
                tally.add(visit, side, index, sentence, Words::through(ids, &table));
            }
        }
    }
    let Tally {
        units,
        terms,
        sides,
        lists,
        ..
    } = tally;

    let seed = story_seed(visit, &units);
    let mut built = Vec::with_capacity(3);
    for side in Side::ALL {
        let design = Design::new(
            visit.outlets_per_side[side.index()] as usize,
            visit.units.len(),
        );
        let tested = design.units > 0 && design.min_p() <= options.max_p;
        let own = &sides[side.index()];
        let mut others = SideTally::default();
        for other in Side::ALL {
            if other != side {
                let tally = &sides[other.index()];
                others.words += tally.words;
                others.sentences += tally.sentences;
                others.tone_sum += tally.tone_sum;
                for list in 0..2 {
                    others.uses[list].count += tally.uses[list].count;
                }
            }
        }
        let mut uses = Vec::with_capacity(2);
        for list in [List::Charged, List::Hedging] {
            let l = list_index(list);
            let keyed = unit_keys(visit, side, &units, |unit| ratio(unit.uses[l], unit.words));
            let p = p_value_of_keys(&design, &keyed, seed ^ (side.index() as u64 * 8 + l as u64)).p;
            let rate = ratio(own.uses[l].count, own.words) * PER_WORDS;
            let others_rate = ratio(others.uses[l].count, others.words) * PER_WORDS;
            uses.push(WordUse {
                rate: Rounded::new(rate),
                others: Rounded::new(others_rate),
                count: own.uses[l].count,
                negated: own.uses[l].negated,
                p: Rounded::new(p),
                holds: tested && p <= options.max_p && rate > others_rate,
                terms: top_terms(visit, lexicons, &terms, &lists, side, l, options.top_k),
            });
        }
        let hedging = uses.pop().unwrap_or_else(|| unreachable!());
        let charged = uses.pop().unwrap_or_else(|| unreachable!());
        let mean = mean_of(own.tone_sum, own.sentences);
        let variance = (own.tone_squares / own.sentences.max(1) as f64 - mean * mean).max(0.0);
        let example = |found: &Option<(f64, Quote)>, clear: bool| {
            found
                .as_ref()
                .filter(|_| clear)
                .map(|(_, quote)| quotes::tone_example(visit, lexicons, quote))
        };
        let lowest = own.most_negative.as_ref().map_or(0.0, |(score, _)| *score);
        let highest = own.most_positive.as_ref().map_or(0.0, |(score, _)| *score);
        let others_mean = mean_of(others.tone_sum, others.sentences);
        let p = tone_p(
            visit,
            side,
            &units,
            &design,
            seed ^ (side.index() as u64 * 8 + 5),
        );
        let tone = Tone {
            mean: Rounded::new(mean),
            others: Rounded::new(others_mean),
            sd: Rounded::new(variance.sqrt()),
            negative_share: Rounded::new(ratio(own.negative, own.sentences)),
            positive_share: Rounded::new(ratio(own.positive, own.sentences)),
            p: Rounded::new(p),
            holds: tested && p <= options.max_p && Rounded::new(mean) != Rounded::new(others_mean),
            most_negative: example(&own.most_negative, lowest <= NEGATIVE_AT_MOST),
            most_positive: example(&own.most_positive, highest >= POSITIVE_AT_LEAST),
        };
        let mut language = SideLanguage {
            words: own.words,
            sentences: own.sentences,
            tested,
            note: None,
            charged,
            hedging,
            tone,
        };
        language.note = prose::language_note(side, coverage, &language);
        built.push(language);
    }
    let [left, center, right]: [SideLanguage; 3] =
        built.try_into().unwrap_or_else(|_| unreachable!());
    Language {
        left,
        center,
        right,
        note: prose::language_section_note(options),
        categories: prose::language_categories(lexicons),
    }
}

/// `part / whole`, 0 when `whole` is 0.
fn ratio(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// A mean tone, 0 with no sentence.
fn mean_of(sum: f64, sentences: u64) -> f64 {
    if sentences == 0 {
        0.0
    } else {
        sum / sentences as f64
    }
}

/// Every unit's key of `value`, and whether it is on `side`, in unit order.
fn unit_keys(
    visit: &Visit,
    side: Side,
    units: &[UnitTally],
    value: impl Fn(&UnitTally) -> f64,
) -> Vec<Keyed> {
    let mut keyed = Vec::with_capacity(units.len());
    for (unit, &(unit_side, _)) in units.iter().zip(&visit.units) {
        keyed.push(Keyed {
            key: order_key(value(unit)),
            on_side: unit_side == side,
        });
    }
    keyed
}

/// The two-sided test of a side's outlets' mean tones: twice the smaller of the two one-sided
/// p-values (higher, lower), at most 1.
fn tone_p(visit: &Visit, side: Side, units: &[UnitTally], design: &Design, seed: u64) -> f64 {
    let mut keyed = unit_keys(visit, side, units, |unit| {
        mean_of(unit.tone, unit.sentences)
    });
    let higher = p_value_of_keys(design, &keyed, seed).p;
    for unit in &mut keyed {
        unit.key = !unit.key;
    }
    let lower = p_value_of_keys(design, &keyed, seed.rotate_left(17)).p;
    (2.0 * higher.min(lower)).min(1.0)
}

/// Seeds the draws of estimated p-values from the story's outlets and their words, so they
/// are the same on every run and whatever the order of the articles.
fn story_seed(visit: &Visit, units: &[UnitTally]) -> u64 {
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    let mut mix = |bytes: &[u8]| {
        for &byte in bytes {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3);
        }
    };
    mix(b"language");
    for ((side, source), unit) in visit.units.iter().zip(units) {
        mix(source.as_bytes());
        mix(&[side.index() as u8]);
        mix(&unit.words.to_le_bytes());
    }
    hash
}
