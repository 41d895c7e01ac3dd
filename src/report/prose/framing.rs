//! The framing sentences: each side's comparison bullet, the title and reason of a column
//! without a tested list, a term's uses, and what a term's p counts.

use super::{capitalized, counted, grouped, listed, outlets_counted, outlets_of};
use crate::analyze::{Comparable, MIN_SIDE_ARTICLES, MIN_SIDE_WORDS};
use crate::error::number_text;
use crate::input::Side;
use crate::report::{Coverage, Rounded, SideFraming};
use crate::stats::{Design, PValue};

/// A term's uses in words: "9 uses in 4 outlets".
pub(crate) fn uses(count: u32, outlets: u32) -> String {
    format!(
        "{} in {}",
        counted(u64::from(count), "use", "uses"),
        counted(u64::from(outlets), "outlet", "outlets"),
    )
}

/// The first three terms of a side, with their uses: "“flop” (8 uses in 4 outlets), …".
fn cited_terms(framing: &SideFraming) -> String {
    let cited: Vec<String> = framing
        .terms
        .iter()
        .take(3)
        .map(|term| format!("“{}” ({})", term.display, term.uses))
        .collect();
    listed(&cited)
}

/// The comparison bullet for one side.
pub(crate) fn comparison(
    side: Side,
    coverage: &Coverage,
    framing: &SideFraming,
    comparable: Comparable,
) -> String {
    let who = outlets_of(side);
    let own = coverage.side(side);
    let articles = counted(own.articles as u64, "article", "articles");
    let outlets = counted(own.sources as u64, "outlet", "outlets");
    match comparable {
        Comparable::Insufficient => format!(
            "Not enough coverage from {who} to compare: {articles} and {} (at least {MIN_SIDE_ARTICLES} articles and {MIN_SIDE_WORDS} words are needed).",
            counted(framing.words, "word", "words"),
        ),
        Comparable::Alone => format!(
            "Only {who} covered this story ({articles}), so there is no other side's wording to compare with."
        ),
        Comparable::Yes if !framing.tested => {
            let head = untested(side, coverage);
            if framing.terms.is_empty() {
                format!("{head}, and no term stood out.")
            } else {
                format!(
                    "{head}; these terms only describe these articles: {}.",
                    cited_terms(framing)
                )
            }
        }
        Comparable::Yes if framing.terms.is_empty() => format!(
            "{} ({articles} from {outlets}) used no term markedly more often than the other sides.",
            capitalized(who),
        ),
        Comparable::Yes => format!(
            "{} ({articles} from {outlets}) stood out for {}.",
            capitalized(who),
            cited_terms(framing),
        ),
    }
}

/// The head of a not-`tested` side's sentences: "With 2 left-leaning outlets against 1
/// center outlet and 2 right-leaning outlets, differences in wording cannot be told apart
/// from chance".
fn untested(side: Side, coverage: &Coverage) -> String {
    let others: Vec<String> = Side::ALL
        .into_iter()
        .filter(|&other| other != side && coverage.side(other).sources > 0)
        .map(|other| outlets_counted(other, coverage.side(other).sources))
        .collect();
    format!(
        "With {} against {}, differences in wording cannot be told apart from chance",
        outlets_counted(side, coverage.side(side).sources),
        listed(&others),
    )
}

/// A side column's title and one-line reason, when its terms are not a tested list.
pub(crate) fn side_status(
    side: Side,
    coverage: &Coverage,
    framing: &SideFraming,
    comparable: Comparable,
) -> (Option<String>, Option<String>) {
    let title = match comparable {
        Comparable::Insufficient => "Not enough coverage",
        Comparable::Alone => "Nothing to compare with",
        Comparable::Yes if framing.terms.is_empty() => "No distinctive terms",
        Comparable::Yes if !framing.tested => "Description only",
        Comparable::Yes => return (None, None),
    };
    let note = if comparable == Comparable::Yes && !framing.tested && !framing.terms.is_empty() {
        format!(
            "{}; these terms only describe these articles.",
            untested(side, coverage)
        )
    } else {
        comparison(side, coverage, framing, comparable)
    };
    (Some(title.to_owned()), Some(note))
}

/// What a term's p counts, in words: "In 1 of the 495 ways to pick 4 of the 12 rated
/// outlets, the outlets picked use the term at least as much as the left-leaning outlets do
/// (p 0.002)."
pub(crate) fn evidence(side: Side, design: &Design, p: &PValue) -> String {
    let picks = if design.exact {
        format!(
            "{} of the {} ways to pick",
            grouped(p.at_least),
            grouped(p.out_of)
        )
    } else {
        format!(
            "{} of {} random picks of",
            grouped(p.at_least),
            grouped(p.out_of)
        )
    };
    format!(
        "In {picks} {} of the {} rated outlets, the outlets picked use the term at least as much as the {} do (p {}).",
        design.units,
        design.of,
        outlets_of(side),
        number_text(Rounded::new(p.p).get()),
    )
}
