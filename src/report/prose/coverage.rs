//! The sides' names and their coverage in words, and the blindspot note.

use super::{counted, name_of, outlets_of, percent};
use crate::input::Side;
use crate::report::{Coverage, SideLabel, Sides};

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
