//! The warnings about the input a reader should know before trusting the numbers.

use super::name_list;

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

/// The warning about articles whose HTML markup was removed.
pub(crate) fn markup_warning(ids: &[&str]) -> String {
    format!(
        "HTML markup was removed from the headline or text of {}: tags and character references are read as a browser shows them, not as words.",
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
