//! The leaning labels docs/METHOD.md §1 maps (AllSides, Ad Fontes Media, Media Bias/Fact
//! Check) are read from that table and each must parse to the leaning the table gives it, so
//! the documentation and the parser cannot drift apart; the everyday spellings docs/STORY.md
//! promises parse too.

use bias_compare::Leaning;

/// (their label, our label) for every label in the mapping table of docs/METHOD.md.
fn method_table() -> Vec<(String, String)> {
    let method = std::fs::read_to_string("docs/METHOD.md").unwrap();
    let table = method
        .split("| source of ratings | their label | ours |")
        .nth(1)
        .expect("the mapping table of docs/METHOD.md §1");
    let mut pairs = Vec::new();
    for row in table
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
    {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let (theirs, ours) = (cells[2], cells[3]);
        let ours: Vec<&str> = ours
            .split(" / ")
            .map(|label| label.split('`').nth(1).unwrap_or(label))
            .collect();
        let theirs: Vec<&str> = if ours.len() == 1 {
            theirs.split(", ").collect()
        } else {
            theirs.split(" / ").collect()
        };
        for (index, label) in theirs.iter().enumerate() {
            let mapped = ours[if ours.len() == 1 { 0 } else { index }];
            pairs.push(((*label).to_owned(), mapped.to_owned()));
        }
    }
    pairs
}

#[test]
fn every_label_the_method_table_maps_parses_to_its_leaning() {
    let pairs = method_table();
    assert!(pairs.len() >= 20, "{pairs:?}");
    for (theirs, ours) in pairs {
        let parsed = Leaning::parse(&theirs).map(Leaning::label);
        assert_eq!(parsed, Some(ours.as_str()), "{theirs:?}");
    }
}

#[test]
fn everyday_spellings_parse() {
    for (label, expected) in [
        ("centre-left", "lean-left"),
        ("Center-Left", "lean-left"),
        ("left of center", "lean-left"),
        ("center-right", "lean-right"),
        ("Centre Right", "lean-right"),
        ("right-leaning", "lean-right"),
        ("Skews Left", "lean-left"),
        ("far left", "far-left"),
        ("FAR_RIGHT", "far-right"),
        ("Least Biased", "center"),
    ] {
        assert_eq!(
            Leaning::parse(label).map(Leaning::label),
            Some(expected),
            "{label}"
        );
    }
}
