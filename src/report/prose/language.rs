//! The language section's sentences: how to read it, each category's name and meaning, why a
//! side's figures are a description only, the clause a side's comparison bullet gains when a
//! difference in its language holds, and the warning when the lexicons were not loaded.

use super::{listed, outlets_counted, outlets_of};
use crate::error::number_text;
use crate::input::{Options, Side};
use crate::report::{Coverage, LanguageCategory, SideLanguage, WordUse};
use crate::text::{Lexicons, List};

/// Every category of the lexicons, with the name and meaning the lexicons give it, then the
/// two of the tone examples.
pub(crate) fn language_categories(lexicons: &Lexicons) -> Vec<LanguageCategory> {
    let mut categories = Vec::new();
    for category in &lexicons.categories {
        let list = match category.list {
            List::Charged => "charged",
            List::Hedging => "hedging",
        };
        categories.push(LanguageCategory {
            key: category.key.to_string(),
            list,
            name: category.name.to_string(),
            text: category.meaning.to_string(),
        });
    }
    for (key, name, text) in [
        (
            "negative",
            "negative tone word",
            "A word that lowered the sentence's tone score (VADER's lexicon).",
        ),
        (
            "positive",
            "positive tone word",
            "A word that raised the sentence's tone score (VADER's lexicon).",
        ),
    ] {
        categories.push(LanguageCategory {
            key: key.to_owned(),
            list: "tone",
            name: name.to_owned(),
            text: text.to_owned(),
        });
    }
    categories
}

/// How to read the section, with the report's `max_p`.
pub(crate) fn language_section_note(options: &Options) -> String {
    format!(
        "Charged words and hedges per 1,000 words, and the tone of each sentence from -1 (negative) to 1 (positive) as VADER scores it (Hutto & Gilbert 2014); a side's figures are tested outlet by outlet against the other sides' (rank-sum permutation test) and hold at p {} or less.",
        number_text(options.max_p),
    )
}

/// Why a side's figures only describe its articles: no coverage, or too few outlets for the
/// test to show a difference. `None` for a tested side.
pub(crate) fn language_note(
    side: Side,
    coverage: &Coverage,
    language: &SideLanguage,
) -> Option<String> {
    if coverage.side(side).sources == 0 {
        return Some(format!("No article from {} to read.", outlets_of(side)));
    }
    if language.tested {
        return None;
    }
    let mut others = Vec::new();
    for other in Side::ALL {
        if other != side && coverage.side(other).sources > 0 {
            others.push(outlets_counted(other, coverage.side(other).sources));
        }
    }
    let against = if others.is_empty() {
        "no other side".to_owned()
    } else {
        listed(&others)
    };
    Some(format!(
        "With {} against {against}, differences in charged words, hedging and tone cannot be told apart from chance; these figures only describe these articles.",
        outlets_counted(side, coverage.side(side).sources),
    ))
}

/// `x` with one decimal: "2.4".
fn one_decimal(x: f64) -> String {
    let tenths = (x * 10.0).round() as i64;
    format!(
        "{}{}.{}",
        if tenths < 0 { "-" } else { "" },
        (tenths / 10).abs(),
        (tenths % 10).abs()
    )
}

/// `x` with two decimals: "-0.31".
fn two_decimals(x: f64) -> String {
    let hundredths = (x * 100.0).round() as i64;
    format!(
        "{}{}.{:02}",
        if hundredths < 0 { "-" } else { "" },
        (hundredths / 100).abs(),
        (hundredths % 100).abs()
    )
}

/// "… 2.4 times as often as the other sides (3.1 against 1.3 per 1,000 words): “wipe out”,
/// “Pearl Harbor” and “flop”."
fn more_often(uses: &WordUse) -> String {
    let (rate, others) = (uses.rate.get(), uses.others.get());
    let how = if others > 0.0 {
        format!(
            "{} times as often as the other sides ({} against {} per 1,000 words)",
            one_decimal(rate / others),
            one_decimal(rate),
            one_decimal(others),
        )
    } else {
        format!(
            "where the other sides used none ({} per 1,000 words)",
            one_decimal(rate)
        )
    };
    let mut cited = Vec::new();
    for term in &uses.terms {
        if term.count > 0 && cited.len() < 3 {
            cited.push(format!("“{}”", term.display));
        }
    }
    if cited.is_empty() {
        format!("{how}.")
    } else {
        format!("{how}: {}.", listed(&cited))
    }
}

/// The sentences a side's comparison bullet gains for each difference in its language that
/// holds (`holds`: tested, p ≤ `max_p`, in the direction said), each starting with a space;
/// empty when none does. The bullet has named the side's outlets already: "They used …".
pub(crate) fn language_clause(language: &SideLanguage) -> String {
    let mut clause = String::new();
    if language.charged.holds {
        clause.push_str(&format!(
            " They used charged words {}",
            more_often(&language.charged)
        ));
    }
    if language.hedging.holds {
        clause.push_str(&format!(" They hedged {}", more_often(&language.hedging)));
    }
    let tone = &language.tone;
    if tone.holds {
        let direction = if tone.mean.get() < tone.others.get() {
            "negative"
        } else {
            "positive"
        };
        clause.push_str(&format!(
            " Their sentences were more {direction} in tone than the other sides' (mean {} against {}, on a scale from -1 to 1).",
            two_decimals(tone.mean.get()),
            two_decimals(tone.others.get()),
        ));
    }
    clause
}

/// The warning of a report whose language section could not be computed.
pub(crate) fn lexicons_missing_warning() -> String {
    "The language section (charged words, hedging, tone) was not computed: the lexicons were not loaded.".to_owned()
}
