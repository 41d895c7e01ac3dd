//! The language section's term lists: for one side and one list, the entries it used most,
//! each with its counts and up to three example sentences, from different outlets first.

use super::super::visit::Visit;
use super::quotes::{self, Quote};
use super::tally::TermTally;
use super::MAX_EXAMPLES;
use crate::input::Side;
use crate::report::{prose, LanguageTerm};
use crate::text::Lexicons;

/// The entries of list `list` that `side` used (or used only negated), most uses first, then
/// in the lexicon's order; the first `top_k`, with their examples.
pub(super) fn top_terms(
    visit: &Visit,
    lexicons: &Lexicons,
    terms: &[TermTally],
    lists: &[usize],
    side: Side,
    list: usize,
    top_k: usize,
) -> Vec<LanguageTerm> {
    let entries = lexicons.entries.len();
    let own = &terms[side.index() * entries..(side.index() + 1) * entries];
    let mut order: Vec<u64> = Vec::new();
    for (entry, tally) in own.iter().enumerate() {
        if lists.get(entry) == Some(&list) && tally.count + tally.negated > 0 {
            order.push(u64::from(u32::MAX - tally.count) << 32 | entry as u64);
        }
    }
    order.sort_unstable();
    let mut shown = Vec::new();
    for key in order.into_iter().take(top_k) {
        let entry = (key & 0xFFFF_FFFF) as usize;
        let (Some(tally), Some(lexicon_entry)) = (own.get(entry), lexicons.entries.get(entry))
        else {
            continue;
        };
        let mut examples = Vec::new();
        let mut display = None;
        for quote in pick_quotes(&tally.quotes) {
            let (example, written) = quotes::term_example(visit, lexicons, quote);
            display.get_or_insert(written);
            examples.push(example);
        }
        let category = lexicons
            .categories
            .get(lexicon_entry.category as usize)
            .map_or("", |category| &category.key);
        shown.push(LanguageTerm {
            term: lexicon_entry.text.to_string(),
            display: display.unwrap_or_else(|| lexicon_entry.text.to_string()),
            category: category.to_owned(),
            count: tally.count,
            outlets: tally.outlets,
            uses: prose::uses(tally.count, tally.outlets),
            negated: tally.negated,
            examples,
        });
    }
    shown
}

/// The first sentence of each outlet first, then the others, up to three.
fn pick_quotes(recorded: &[Quote]) -> Vec<&Quote> {
    let mut picked: Vec<&Quote> = Vec::new();
    for (i, quote) in recorded.iter().enumerate() {
        if recorded[..i]
            .iter()
            .all(|earlier| earlier.unit != quote.unit)
        {
            picked.push(quote);
        }
    }
    for quote in recorded {
        if !picked.iter().any(|p| std::ptr::eq(*p, quote)) {
            picked.push(quote);
        }
    }
    picked.truncate(MAX_EXAMPLES);
    picked
}
