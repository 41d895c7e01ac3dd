//! The language section's one walk over the rated sentences, as counted: each outlet's
//! words, uses and tone (the units of the test), each side's, and each lexicon entry's uses by
//! each side with the sentences that may be quoted for it. `Tally::add` reads one sentence:
//! its phrases matched, its tone scored, its uses and scores added where they count.

use super::super::visit::{SentenceRef, Visit};
use super::quotes::Quote;
use super::{tone, MAX_EXAMPLES, NEGATIVE_AT_MOST, POSITIVE_AT_LEAST};
use crate::input::Side;
use crate::text::{Lexicons, List, Match, Words};

/// One list's uses by a side or an outlet: counted, and negated.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Uses {
    pub(super) count: u64,
    pub(super) negated: u64,
}

/// What one outlet (unit of the test) wrote.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct UnitTally {
    pub(super) words: u64,
    /// Charged, hedging (counted uses).
    pub(super) uses: [u64; 2],
    pub(super) tone: f64,
    pub(super) sentences: u64,
}

/// One entry's uses by one side.
#[derive(Debug, Clone, Default)]
pub(super) struct TermTally {
    pub(super) count: u32,
    pub(super) negated: u32,
    pub(super) outlets: u32,
    pub(super) last_unit: Option<u32>,
    /// Sentences that may be quoted, at most three from each of the first three outlets.
    pub(super) quotes: Vec<Quote>,
}

/// What one side wrote.
#[derive(Debug, Clone, Default)]
pub(super) struct SideTally {
    pub(super) words: u64,
    pub(super) uses: [Uses; 2],
    pub(super) sentences: u64,
    pub(super) tone_sum: f64,
    pub(super) tone_squares: f64,
    pub(super) negative: u64,
    pub(super) positive: u64,
    pub(super) most_negative: Option<(f64, Quote)>,
    pub(super) most_positive: Option<(f64, Quote)>,
}

pub(super) fn list_index(list: List) -> usize {
    match list {
        List::Charged => 0,
        List::Hedging => 1,
    }
}

/// Everything counted in the walk over the rated sentences.
pub(super) struct Tally<'l> {
    pub(super) lexicons: &'l Lexicons,
    /// By entry: its list (0 charged, 1 hedging).
    pub(super) lists: Vec<usize>,
    pub(super) units: Vec<UnitTally>,
    /// By side, then entry.
    pub(super) terms: Vec<TermTally>,
    pub(super) sides: [SideTally; 3],
    pub(super) found: Vec<Match>,
    pub(super) sentiments: Vec<(usize, f64)>,
    /// The sentence being read: its hits.
    pub(super) hits: Vec<u32>,
}

impl Tally<'_> {
    /// Counts one sentence of `side`, of article `index`, with its hits in `self.hits`.
    pub(super) fn add(
        &mut self,
        visit: &Visit,
        side: Side,
        index: usize,
        sentence: &SentenceRef,
        words: Words,
    ) {
        let unit_index = visit.unit_of[index];
        let Some(unit) = self.units.get_mut(unit_index as usize) else {
            return;
        };
        let tally = &mut self.sides[side.index()];
        unit.words += words.len() as u64;
        tally.words += words.len() as u64;
        let lexicons = self.lexicons;
        lexicons.phrases(words, &self.hits, &mut self.found);
        let entries = lexicons.entries.len();
        for use_ in &self.found {
            let list = self.lists.get(use_.entry as usize).copied().unwrap_or(0);
            let Some(term) = self
                .terms
                .get_mut(side.index() * entries + use_.entry as usize)
            else {
                continue;
            };
            if use_.negated {
                term.negated += 1;
                tally.uses[list].negated += 1;
                continue;
            }
            term.count += 1;
            tally.uses[list].count += 1;
            unit.uses[list] += 1;
            if term.last_unit != Some(unit_index) {
                term.last_unit = Some(unit_index);
                term.outlets += 1;
            }
            let quote = Quote {
                unit: unit_index,
                index,
                sentence: sentence.clone(),
                position: use_.position,
                length: use_.length,
            };
            record_quote(&mut term.quotes, quote);
        }
        if words.len() == 0 {
            return;
        }
        let text = visit.sentence(index, sentence);
        let score = tone::compound(lexicons, words, &self.hits, text, &mut self.sentiments);
        unit.tone += score;
        unit.sentences += 1;
        tally.sentences += 1;
        tally.tone_sum += score;
        tally.tone_squares += score * score;
        tally.negative += u64::from(score <= NEGATIVE_AT_MOST);
        tally.positive += u64::from(score >= POSITIVE_AT_LEAST);
        let lowest = tally
            .most_negative
            .as_ref()
            .map_or(true, |(low, _)| score < *low);
        let highest = tally
            .most_positive
            .as_ref()
            .map_or(true, |(high, _)| score > *high);
        if lowest || highest {
            let quote = Quote {
                unit: unit_index,
                index,
                sentence: sentence.clone(),
                position: 0,
                length: 0,
            };
            if lowest {
                tally.most_negative = Some((score, quote.clone()));
            }
            if highest {
                tally.most_positive = Some((score, quote));
            }
        }
    }
}

/// Keeps at most three sentences per outlet from the first three outlets met, one per
/// sentence: enough to pick three examples from different outlets where there are. Quotes
/// arrive in visiting order, so each outlet's are together.
fn record_quote(quotes: &mut Vec<Quote>, quote: Quote) {
    if quotes.len() >= MAX_EXAMPLES * MAX_EXAMPLES {
        return;
    }
    if let Some(last) = quotes.last() {
        if last.index == quote.index && last.sentence == quote.sentence {
            return;
        }
    }
    let (mut from_outlet, mut outlets, mut previous) = (0, 0, None);
    for q in quotes.iter() {
        if previous != Some(q.unit) {
            outlets += 1;
            previous = Some(q.unit);
        }
        from_outlet += usize::from(q.unit == quote.unit);
    }
    if from_outlet < MAX_EXAMPLES && (from_outlet > 0 || outlets < MAX_EXAMPLES) {
        quotes.push(quote);
    }
}
