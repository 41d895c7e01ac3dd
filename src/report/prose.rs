//! Every sentence a report carries: the comparison bullets, the blindspot note and the
//! warnings. Fixed templates, no generated prose: every figure in a sentence is a figure of
//! the report, so a reader can trace it. Front ends show these sentences; they do not
//! write their own.

use super::{json, Coverage, Notes, Params, Rounded, SideFraming, SideLabel, Sides};
use crate::analyze::{
    Comparable, BLINDSPOT_AT_MOST, BLINDSPOT_MIN_RATED, MIN_SIDE_ARTICLES, MIN_SIDE_WORDS,
    OPPOSITE_AT_LEAST,
};
use crate::error::number_text;
use crate::input::Side;
use crate::stats::{Design, PValue};

/// Most names a warning lists before "and N more".
const MAX_LISTED_NAMES: usize = 5;

/// How sentences name a side's outlets.
fn outlets_of(side: Side) -> &'static str {
    match side {
        Side::Left => "left-leaning outlets",
        Side::Center => "center outlets",
        Side::Right => "right-leaning outlets",
    }
}

/// A side's name and letter (`None`: the unrated outlets).
fn name_of(side: Option<Side>) -> (&'static str, &'static str) {
    match side {
        Some(Side::Left) => ("Left", "L"),
        Some(Side::Center) => ("Center", "C"),
        Some(Side::Right) => ("Right", "R"),
        None => ("Unrated", "U"),
    }
}

/// How front ends name each side, with its coverage in words.
pub(crate) fn sides(coverage: &Coverage) -> Sides {
    let rated = |side: Side| {
        let (name, short) = name_of(Some(side));
        let counts = coverage.side(side);
        SideLabel {
            name,
            short,
            outlets: outlets_of(side),
            articles: counted(counts.articles as u64, "article", "articles"),
            percent: Some(percent(counts.share.get())),
            summary: format!(
                "{} from {}",
                counted(counts.articles as u64, "article", "articles"),
                counted(counts.sources as u64, "outlet", "outlets"),
            ),
        }
    };
    let (name, short) = name_of(None);
    let unrated = &coverage.unrated;
    Sides {
        left: rated(Side::Left),
        center: rated(Side::Center),
        right: rated(Side::Right),
        unrated: SideLabel {
            name,
            short,
            outlets: "outlets without a bias rating",
            articles: counted(unrated.articles as u64, "article", "articles"),
            percent: None,
            summary: format!(
                "{} from {} without a bias rating, counted in coverage but left out of framing",
                counted(unrated.articles as u64, "article", "articles"),
                counted(unrated.sources as u64, "source", "sources"),
            ),
        },
    }
}

/// A term's uses in words: "9 uses in 4 outlets".
pub(crate) fn uses(count: u32, outlets: u32) -> String {
    format!(
        "{} in {}",
        counted(u64::from(count), "use", "uses"),
        counted(u64::from(outlets), "outlet", "outlets"),
    )
}

/// A fraction as a whole percentage.
fn fraction_percent((numerator, denominator): (usize, usize)) -> String {
    percent(numerator as f64 / denominator as f64)
}

/// How to read the report, with its parameters filled in.
pub(crate) fn notes(coverage: &Coverage, params: &Params) -> Notes {
    let rated = coverage.left.articles + coverage.center.articles + coverage.right.articles;
    let unrated = coverage.unrated.articles;
    let z_min = number_text(params.z_min.get());
    Notes {
        coverage: format!(
            "{} from {}{}.",
            counted(coverage.total_articles as u64, "article", "articles"),
            counted(coverage.total_sources as u64, "source", "sources"),
            if unrated > 0 {
                format!(", {unrated} of them unrated")
            } else {
                String::new()
            },
        ),
        shares: if rated > 0 {
            "Shares of articles from rated outlets.".into()
        } else {
            "No article comes from an outlet with a bias rating.".into()
        },
        framing: "Words and phrases each side used markedly more often than the other sides, with how often every side used them.".into(),
        rate: format!(
            "Per 10,000 terms: uses of the term for every 10,000 words and phrases of up to {} words that the side wrote.",
            params.max_ngram
        ),
        z: format!(
            "z: how far a side's use of the term stands out from the other sides' use (weighted log-odds with an informative prior); terms are listed from z {z_min}."
        ),
        p: format!(
            "p: how often outlets picked at random, as many as the side has, used the term at least as much as the side's own outlets did; terms are listed at p {} or less when the side has outlets enough to show it.",
            number_text(params.max_p.get()),
        ),
        blindspot: format!(
            "A blindspot is a left or right side with at most {} of the rated articles while the opposite side has at least {}, in a story with {BLINDSPOT_MIN_RATED} or more rated articles.",
            fraction_percent(BLINDSPOT_AT_MOST),
            fraction_percent(OPPOSITE_AT_LEAST),
        ),
        method: format!(
            "Terms scored by weighted log-odds with an informative prior (Monroe, Colaresi & Quinn 2008): z ≥ {z_min}, at least {} uses, up to {}-word phrases, prior {}; then tested outlet by outlet (rank-sum permutation test): p ≤ {}.",
            params.min_count,
            params.max_ngram,
            number_text(params.prior_scale.get()),
            number_text(params.max_p.get()),
        ),
    }
}

/// ASCII only, because it only ever capitalizes [`outlets_of`]; `char::to_uppercase` would
/// put Unicode's case tables (12 KB) into the widget's WASM for nothing.
fn capitalized(text: &str) -> String {
    let mut text = text.to_owned();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// A whole number with thousands separated by commas: "9,999".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// "1 article", "6 articles", "1,204 articles".
fn counted(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", grouped(n), if n == 1 { one } else { many })
}

/// A whole percentage. Formatted as an integer, not an `f64`, which would link Rust's float
/// printing (about 20 KB of WASM) for numbers that are never fractional.
fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

/// Joins "a", "b" and "c" as "a, b and c".
fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Names, quoted and listed, at most [`MAX_LISTED_NAMES`] of them then "and N more".
fn name_list(names: &[&str]) -> String {
    let names: Vec<String> = names.iter().map(|&n| json::string(n)).collect();
    let shown = names.len().min(MAX_LISTED_NAMES);
    let mut text = names[..shown].join(", ");
    if names.len() > shown {
        text.push_str(&format!(" and {} more", names.len() - shown));
    }
    text
}

/// "2 left-leaning outlets", "1 center outlet".
fn outlets_counted(side: Side, n: usize) -> String {
    let many = outlets_of(side);
    let one = many.strip_suffix('s').unwrap_or(many);
    counted(n as u64, one, many)
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

/// The blindspot note: `side` has few of the `rated` articles, `opposite` many.
pub(crate) fn blindspot(side: Side, opposite: Side, coverage: &Coverage, rated: usize) -> String {
    let (own, other) = (coverage.side(side), coverage.side(opposite));
    format!(
        "Blindspot: {} of {rated} rated articles ({}) come from {}, against {} ({}) from {}.",
        own.articles,
        percent(own.share.get()),
        outlets_of(side),
        other.articles,
        percent(other.share.get()),
        outlets_of(opposite),
    )
}

/// The warning about `articles` articles from `sources` without a rating.
pub(crate) fn unrated_warning(articles: usize, sources: &[&str]) -> String {
    let one_article = articles == 1;
    let one_source = sources.len() == 1;
    format!(
        "{} {} from {} {} no rating, so {} counted in coverage but left out of the framing statistics: {}.",
        articles,
        if one_article { "article" } else { "articles" },
        if one_source { "this source" } else { "these sources" },
        if one_source { "has" } else { "have" },
        if one_article { "it is" } else { "they are" },
        name_list(sources),
    )
}

/// The warning about articles with no word in their headline or text.
pub(crate) fn wordless_warning(ids: &[&str]) -> String {
    format!(
        "No words in the headline or text of {}: counted in coverage only.",
        name_list(ids)
    )
}

/// The warning about a group of articles with the same text.
pub(crate) fn identical_texts_warning(ids: &[&str]) -> String {
    format!(
        "Articles {} have identical text (a syndicated copy?); each copy counts in coverage and framing.",
        name_list(ids)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_join_with_commas_and_a_final_and() {
        let items: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        assert_eq!(listed(&items), "a, b and c");
        assert_eq!(listed(&items[..1]), "a");
    }

    #[test]
    fn name_lists_are_cut_after_five() {
        assert_eq!(name_list(&["a", "b"]), "\"a\", \"b\"");
        assert_eq!(
            name_list(&["a", "b", "c", "d", "e", "f", "g"]),
            "\"a\", \"b\", \"c\", \"d\", \"e\" and 2 more"
        );
    }

    #[test]
    fn one_unrated_article_is_worded_in_the_singular() {
        assert_eq!(
            unrated_warning(1, &["Wire"]),
            "1 article from this source has no rating, so it is counted in coverage but left out of the framing statistics: \"Wire\"."
        );
    }
}
