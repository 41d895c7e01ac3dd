//! What a reader should know about the input before trusting the numbers: articles whose
//! sources have no rating, articles without a word, articles whose HTML markup was removed,
//! and articles with identical text (a syndicated copy counts twice). Found here; worded by
//! the report's prose module.

use rustc_hash::FxHashMap;

use super::visit::Visit;
use crate::report::prose;

/// The warnings of a story, in a fixed order: unrated sources, wordless articles, articles
/// with markup, then groups of identical texts by their first id.
pub(crate) fn warnings(visit: &Visit) -> Vec<String> {
    let (story, order) = (visit.story, &visit.order);
    let mut warnings = Vec::new();
    // `order` lists unrated articles together, sorted by source.
    let unrated: Vec<&str> = order
        .iter()
        .filter(|&&i| visit.sides[i].is_none())
        .map(|&i| story.articles[i].source.as_str())
        .collect();
    if !unrated.is_empty() {
        let articles = unrated.len();
        let mut sources = unrated;
        sources.dedup();
        warnings.push(prose::unrated_warning(articles, &sources));
    }
    let wordless: Vec<&str> = order
        .iter()
        .filter(|&&i| visit.sentences[i].is_empty())
        .map(|&i| story.articles[i].id.as_str())
        .collect();
    if !wordless.is_empty() {
        warnings.push(prose::wordless_warning(&wordless));
    }
    let with_markup: Vec<&str> = order
        .iter()
        .filter(|&&i| story.articles[i].markup_removed)
        .map(|&i| story.articles[i].id.as_str())
        .collect();
    if !with_markup.is_empty() {
        warnings.push(prose::markup_warning(&with_markup));
    }
    for ids in identical_texts(visit) {
        warnings.push(prose::identical_texts_warning(&ids));
    }
    warnings
}

/// The ids of articles sharing a non-blank text, each group sorted, groups by first id.
fn identical_texts<'a>(visit: &Visit<'a>) -> Vec<Vec<&'a str>> {
    // Groups of ids by text; the map's type is the one the story's id check uses, so WASM
    // carries one copy of its code.
    let mut group_of_text: FxHashMap<&str, usize> = FxHashMap::default();
    let mut groups: Vec<Vec<&str>> = Vec::new();
    for &index in &visit.order {
        let article = &visit.story.articles[index];
        if !article.text.trim().is_empty() {
            let next = groups.len();
            let group = *group_of_text.entry(article.text.as_str()).or_insert(next);
            if group == next {
                groups.push(Vec::new());
            }
            groups[group].push(&article.id);
        }
    }
    let mut copies: Vec<Vec<&str>> = groups.into_iter().filter(|ids| ids.len() > 1).collect();
    for ids in &mut copies {
        *ids = crate::sort::sorted_strs(ids);
    }
    // Groups share no id, so ordering them by their first id orders them fully.
    let firsts: Vec<&str> = copies.iter().map(|ids| ids[0]).collect();
    let firsts = crate::sort::sorted_strs(&firsts);
    let copy_of_first: FxHashMap<&str, usize> = copies
        .iter()
        .enumerate()
        .map(|(n, ids)| (ids[0], n))
        .collect();
    firsts
        .into_iter()
        .map(|first| copies[copy_of_first[first]].clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::input::{Options, Story};

    #[test]
    fn identical_texts_are_warned_once_per_group_in_id_order() {
        let texts = ["same", "other", "same", "other", "unique", "z", "z", "z"];
        let articles: Vec<serde_json::Value> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let leaning = ["left", "center", "right"][i % 3];
                serde_json::json!({
                    "id": format!("id{}", 9 - i), "source": format!("S{i}"), "text": text,
                    "leaning": leaning,
                })
            })
            .collect();
        let story = Story::from_value(serde_json::json!({ "articles": articles })).unwrap();
        let report = crate::analyze(&story, &Options::default()).unwrap();
        let groups: Vec<&str> = report
            .warnings
            .iter()
            .filter_map(|w| w.strip_prefix("Articles "))
            .filter_map(|w| w.split(" have identical text").next())
            .collect();
        assert_eq!(
            groups,
            [
                "\"id2\", \"id3\", \"id4\"",
                "\"id6\", \"id8\"",
                "\"id7\", \"id9\""
            ]
        );
    }
}
