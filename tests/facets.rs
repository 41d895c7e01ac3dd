//! Coverage by facet (docs/METHOD.md §2, docs/STORY.md "Facets", docs/REPORT.md
//! "coverage_by"): each outlet fact a story gives — `region`, `owner`, `factuality` — is
//! found for every article in the order its leaning is (its own, the story's ratings by
//! source then host, the page's), and coverage is split by its values like the leaning
//! split, the unknown counted apart; a facet no article has gives no key.

use bias_compare::{analyze_json, Options, Ratings};
use serde_json::{json, Value};

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn coverage_by(story: &str, options: &Options) -> Value {
    let report = analyze_json(story, options).unwrap();
    let value: Value = serde_json::from_str(&report.to_json()).unwrap();
    value["coverage_by"].clone()
}

fn page_ratings() -> Options {
    let table: Value = serde_json::from_str(&read("tests/data/facets-page-ratings.json")).unwrap();
    Options {
        ratings: Ratings::from_value(&table, "options.ratings").unwrap(),
        ..Options::default()
    }
}

#[test]
fn each_facet_splits_coverage_by_value_with_the_unknown_counted_apart() {
    // f1, f2: Harbor Daily, rated by source (US, Corporate), f2 giving its own region;
    // f3: Valley Times, rated by host (US, no owner); f4 and f7: Mesa Wire, whose rating
    // gives facets but no leaning, f4 giving its own owner; f5: rated by the page's table;
    // f6: region "unknown".
    let expected = json!({
        "region": {
            "US": { "articles": 3, "sources": 3, "share": 0.5 },
            "Non-US": { "articles": 3, "sources": 2, "share": 0.5 },
            "unknown": { "articles": 1, "sources": 1 }
        },
        "owner": {
            "Corporate": { "articles": 3, "sources": 2, "share": 0.6 },
            "Independent": { "articles": 1, "sources": 1, "share": 0.2 },
            "Public": { "articles": 1, "sources": 1, "share": 0.2 },
            "unknown": { "articles": 2, "sources": 2 }
        }
    });
    assert_eq!(
        coverage_by(&read("tests/data/facets.json"), &page_ratings()),
        expected
    );
}

#[test]
fn facets_come_in_a_fixed_order_and_values_by_articles_then_by_value() {
    let report = analyze_json(&read("www/samples/rail-spill.json"), &Options::default()).unwrap();
    let facets: Vec<&str> = report
        .coverage_by
        .0
        .iter()
        .map(|(facet, _)| *facet)
        .collect();
    assert_eq!(facets, ["region", "owner"]);
    let owners: Vec<&str> = report.coverage_by.0[1]
        .1
        .values
        .iter()
        .map(|(v, _)| v.as_str())
        .collect();
    assert_eq!(owners, ["Corporate", "Independent", "Nonprofit", "Public"]);
    let json = report.to_json();
    let at = |key: &str| json.find(&format!("\"{key}\": {{")).unwrap();
    assert!(
        at("Corporate") < at("Independent") && at("Public") < json.rfind("\"unknown\"").unwrap()
    );
}

#[test]
fn a_rating_without_a_leaning_gives_facets_and_leaves_the_leaning_to_the_next_rule() {
    let report = analyze_json(&read("tests/data/facets.json"), &page_ratings()).unwrap();
    let f7 = report.articles.iter().find(|a| a.id == "f7").unwrap();
    assert_eq!((f7.side, f7.leaning_from.key()), ("unrated", "none"));
    let f5 = report.articles.iter().find(|a| a.id == "f5").unwrap();
    assert_eq!(f5.leaning_from.key(), "options.ratings.source");
}

#[test]
fn without_the_page_s_table_its_facets_are_unknown() {
    let by = coverage_by(&read("tests/data/facets.json"), &Options::default());
    assert_eq!(
        by["owner"]["unknown"],
        json!({ "articles": 3, "sources": 3 })
    );
    assert!(by["owner"].get("Independent").is_none());
}

#[test]
fn a_facet_no_article_has_gives_no_key() {
    let by = coverage_by(&read("tests/data/facets.json"), &page_ratings());
    assert!(by.get("factuality").is_none());
    let none = coverage_by(&read("tests/data/five-outlets.json"), &Options::default());
    assert_eq!(none, json!({}));
}

#[test]
fn the_rail_spill_sample_splits_as_its_manifest_says() {
    let manifest: Value =
        serde_json::from_str(&read("tests/data/planted/rail-spill.json")).unwrap();
    let by = coverage_by(&read("www/samples/rail-spill.json"), &Options::default());
    let expected = manifest["coverage_by"].as_object().unwrap();
    assert_eq!(by.as_object().unwrap().len(), expected.len());
    for (facet, values) in expected {
        let found = by[facet].as_object().unwrap();
        let names: Vec<&String> = found.keys().collect();
        let expected_names: Vec<&String> = values.as_object().unwrap().keys().collect();
        assert_eq!(names, expected_names, "{facet}");
        let known: u64 = values
            .as_object()
            .unwrap()
            .iter()
            .filter(|(value, _)| *value != "unknown")
            .map(|(_, counts)| counts[0].as_u64().unwrap())
            .sum();
        for (value, counts) in values.as_object().unwrap() {
            assert_eq!(found[value]["articles"], counts[0], "{facet} {value}");
            assert_eq!(found[value]["sources"], counts[1], "{facet} {value}");
            if value != "unknown" {
                let share = counts[0].as_f64().unwrap() / known as f64;
                assert!((found[value]["share"].as_f64().unwrap() - share).abs() < 0.00005);
            }
        }
    }
}
