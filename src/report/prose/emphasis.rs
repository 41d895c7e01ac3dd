//! The sentences about what each side stresses, leaves out and says: an emphasis entry's
//! numbers in words, the clauses the comparison bullets gain from emphasis and omission, and
//! the notes on how to read emphasis, key points and common ground. A clause reaches a
//! bullet only from a topic whose p passed `max_p` on a side with outlets enough for the
//! test; otherwise the bullet says plainly that the outlets are too few.

use super::{listed, outlets_counted, outlets_of};
use crate::error::number_text;
use crate::input::Side;
use crate::report::{Coverage, Emphasis, Params, Rounded, SideFraming};

/// "left-leaning", "center", "right-leaning".
fn kind_of(side: Side) -> &'static str {
    let outlets = outlets_of(side);
    outlets.strip_suffix(" outlets").unwrap_or(outlets)
}

/// The sides of `keys`, as adjectives joined by "or": "center or right-leaning".
fn sides_or(keys: &[&str]) -> String {
    let mut kinds: Vec<&str> = Vec::new();
    for side in Side::ALL {
        if keys.contains(&side.key()) {
            kinds.push(kind_of(side));
        }
    }
    kinds.join(" or ")
}

/// An emphasis entry in one sentence: "Mentioned by 4 of 4 left-leaning outlets, 1 of 4
/// center outlets and 0 of 4 right-leaning outlets (p 0.002). No right-leaning outlet
/// mentioned it."
pub(crate) fn emphasis_text(
    side: Side,
    mentions: [u32; 3],
    outlets: [u32; 3],
    omitted_by: &[&str],
    p: f64,
    tested: bool,
) -> String {
    let mut parts = Vec::new();
    for other in Side::ALL {
        let i = other.index();
        if outlets[i] > 0 {
            parts.push(format!(
                "{} of {}",
                mentions[i],
                outlets_counted(other, outlets[i] as usize)
            ));
        }
    }
    let mut text = format!(
        "Mentioned by {} (p {}).",
        listed(&parts),
        number_text(Rounded::new(p).get())
    );
    if !omitted_by.is_empty() {
        text.push_str(&format!(
            " No {} outlet mentioned it.",
            sides_or(omitted_by)
        ));
    }
    if !tested {
        text.push_str(&format!(
            " With {}, this cannot be told apart from chance.",
            outlets_counted(side, outlets[side.index()] as usize)
        ));
    }
    text
}

/// What a side's comparison bullet adds about the names its outlets stressed or other sides
/// left out: the first two that passed the test and are not among the framing terms the
/// bullet cites, or that its outlets are too few to tell.
pub(crate) fn emphasis_clauses(
    side: Side,
    coverage: &Coverage,
    framing: &SideFraming,
    emphasis: &[Emphasis],
    max_p: f64,
) -> String {
    let own = coverage.side(side).sources as u32;
    let others: u32 = Side::ALL
        .into_iter()
        .map(|s| coverage.side(s).sources as u32)
        .sum::<u32>()
        - own;
    let mut cited = Vec::new();
    // The sides that left out each cited name, and the names.
    let mut omitted: Vec<(&[&str], Vec<String>)> = Vec::new();
    let mut untested = None;
    for entry in emphasis {
        // The bullet already cites the side's first three framing terms.
        let mut framed = false;
        for term in framing.terms.iter().take(3) {
            framed |= entry.variants.contains(&term.term);
        }
        if entry.side != side.key() || entry.kind != "name" || framed {
            continue;
        }
        if !entry.tested {
            untested = untested.or(Some(&entry.topic));
        } else if entry.p.get() <= max_p && cited.len() < 2 {
            let counts = [
                entry.outlets.left,
                entry.outlets.center,
                entry.outlets.right,
            ];
            let mine = counts[side.index()];
            cited.push(format!(
                "“{}” ({mine} of {own} {}, against {} of {others} other outlets)",
                entry.topic,
                if own == 1 { "outlet" } else { "outlets" },
                counts.iter().sum::<u32>() - mine,
            ));
            let topic = format!("“{}”", entry.topic);
            match omitted
                .iter_mut()
                .find(|(by, _)| *by == &entry.omitted_by[..])
            {
                Some((_, topics)) => topics.push(topic),
                None if !entry.omitted_by.is_empty() => {
                    omitted.push((&entry.omitted_by, vec![topic]))
                }
                None => {}
            }
        }
    }
    let mut left_out = String::new();
    for (by, topics) in omitted {
        left_out += &format!(
            " No {} outlet mentioned {}.",
            sides_or(by),
            topics.join(" or ")
        );
    }
    match untested {
        _ if !cited.is_empty() => format!(" More of them mentioned {}.{left_out}", listed(&cited)),
        Some(topic) => format!(
            " With so few outlets, the names they mentioned more than the other sides (such as “{topic}”) may be chance."
        ),
        None => String::new(),
    }
}

/// How to read emphasis.
pub(crate) fn emphasis_note(params: &Params) -> String {
    format!(
        "Names, and the framing terms above, that more of one side's outlets mentioned than the other outlets did: a share of outlets at least 50 points higher, or at least half of the side's outlets while no outlet of another side mentioned it (left out). Each outlet counts once, however often it mentioned the topic; topics are listed at p {} or less when the side has outlets enough to show it.",
        number_text(params.max_p.get())
    )
}

/// How to read key points.
pub(crate) fn key_points_note() -> String {
    "For each side, the sentences closest to what the openings of its articles said as a whole: a sentence scores by the words it shares with them, rarer words counting more. One per outlet first; near-duplicates are left out.".into()
}

/// How to read common ground.
pub(crate) fn common_ground_note() -> String {
    "Sentences made mostly of words that the openings of every side's articles used, rarer words counting more: what all sides reported, as far as shared words can show it.".into()
}
