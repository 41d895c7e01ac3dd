//! A story (docs/STORY.md): one news event and the articles that cover it, parsed and
//! validated from JSON. Owns the article fields, the story's size limits, and the checks that
//! need the whole story (unique ids, total text size).

use rustc_hash::FxHashMap;
use serde_json::Value;

use super::fields::{
    expected, field_path, optional_name, optional_string, required_name, required_string,
};
use super::leaning::Leaning;
use super::ratings::Ratings;
use crate::error::Error;
use crate::text::without_markup;

/// Most articles a story may have.
pub const MAX_ARTICLES: usize = 100_000;
/// Most bytes of headline and text a story may carry in all: room for 10 000 articles of
/// news length (about 475 words, 2.6 kB each: the largest story of the benchmarks,
/// docs/BENCHMARKS.md), with [`crate::MAX_STORY_BYTES`] of JSON leaving 4 MiB for ids,
/// sources, URLs and escapes. Past it the widget would stall a reader's page for seconds.
pub const MAX_TEXT_BYTES: usize = 28 * 1024 * 1024;
/// Longest `id` or `source`, in characters: longer ones are not names but pasted text.
pub const MAX_NAME_CHARS: usize = 300;
/// The outlet facts an article or a rating may give besides the leaning, each a string
/// (docs/STORY.md, "Facets"): coverage is split by each one the story gives.
pub const FACETS: [&str; 3] = ["region", "owner", "factuality"];

/// One article of a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub id: String,
    /// The outlet's name, trimmed of surrounding white space.
    pub source: String,
    pub url: Option<String>,
    pub leaning: Option<Leaning>,
    pub headline: Option<String>,
    pub text: String,
    pub published: Option<String>,
    /// Whether HTML tags or character references were removed from the headline or text
    /// (docs/STORY.md, "Markup"); `headline` and `text` hold what a browser would show.
    pub markup_removed: bool,
    /// The outlet's [`FACETS`], trimmed; blank counts as not given.
    pub facets: [Option<String>; 3],
}

/// One news event and the articles that cover it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    pub title: Option<String>,
    pub articles: Vec<Article>,
    pub ratings: Ratings,
}

impl Article {
    fn from_value(value: Value, path: &str) -> Result<Article, Error> {
        let object = &mut match value {
            Value::Object(object) => object,
            other => return Err(expected(path, "an object", &other)),
        };
        let leaning = match optional_string(object, "leaning", path)? {
            // A blank label is how many CMS templates say "not given": fall back to ratings.
            Some(label) if label.trim().is_empty() => None,
            Some(label) => Some(Leaning::parse_at(&label, &format!("{path}.leaning"))?),
            None => None,
        };
        let id = required_name(object, "id", path, MAX_NAME_CHARS)?;
        let source = required_name(object, "source", path, MAX_NAME_CHARS)?;
        let url = optional_string(object, "url", path)?;
        let mut headline = optional_string(object, "headline", path)?;
        let mut text = required_string(object, "text", path)?;
        let published = optional_string(object, "published", path)?;
        let facets = facets(object, path)?;
        let mut markup_removed = false;
        if let Some(shown) = headline.as_deref().and_then(without_markup) {
            // A headline is one line: the breaks its block tags leave are not part of it.
            headline = Some(shown.trim().to_owned());
            markup_removed = true;
        }
        if let Some(shown) = without_markup(&text) {
            text = shown;
            markup_removed = true;
        }
        Ok(Article {
            id,
            source,
            url,
            leaning,
            headline,
            text,
            published,
            markup_removed,
            facets,
        })
    }

    /// The article's headline and text length in bytes.
    fn text_bytes(&self) -> usize {
        self.text.len() + self.headline.as_ref().map_or(0, String::len)
    }
}

/// The [`FACETS`] of the object at `path` (an article or a rating).
pub(crate) fn facets(
    object: &serde_json::Map<String, Value>,
    path: &str,
) -> Result<[Option<String>; 3], Error> {
    let mut facets: [Option<String>; 3] = Default::default();
    for (facet, name) in facets.iter_mut().zip(FACETS) {
        *facet = optional_name(object.get(name), &field_path(path, name), MAX_NAME_CHARS)?;
    }
    Ok(facets)
}

impl Story {
    /// Parses and validates a story from JSON text.
    pub fn from_json(json: &str) -> Result<Story, Error> {
        Story::from_value(super::json::parse_json(json, "story")?)
    }

    /// Validates a story already parsed into a JSON value, taking its strings over.
    pub fn from_value(value: Value) -> Result<Story, Error> {
        let object = &mut match value {
            Value::Object(object) => object,
            other => return Err(expected("story", "a JSON object", &other)),
        };
        let title = optional_string(object, "title", "")?;
        let items = match object.get_mut("articles").map(Value::take) {
            None => return Err(Error::at("articles", "missing required field")),
            Some(Value::Array(items)) => items,
            Some(other) => return Err(expected("articles", "an array", &other)),
        };
        if items.is_empty() || items.len() > MAX_ARTICLES {
            return Err(Error::at(
                "articles",
                format!(
                    "expected 1 to {MAX_ARTICLES} articles, found {}",
                    items.len()
                ),
            ));
        }
        let mut articles = Vec::with_capacity(items.len());
        let mut text_bytes = 0usize;
        for (index, item) in items.into_iter().enumerate() {
            let path = format!("articles[{index}]");
            let article = Article::from_value(item, &path)?;
            text_bytes += article.text_bytes();
            if text_bytes > MAX_TEXT_BYTES {
                return Err(Error::at(
                    path,
                    format!(
                        "the story's headlines and texts pass {} MiB in all",
                        MAX_TEXT_BYTES >> 20
                    ),
                ));
            }
            articles.push(article);
        }
        check_unique_ids(&articles)?;
        let ratings = match object.get("ratings") {
            None | Some(Value::Null) => Ratings::default(),
            Some(value) => Ratings::from_value(value, "ratings")?,
        };
        Ok(Story {
            title,
            articles,
            ratings,
        })
    }
}

/// Every article's id differs from the others'; the error names both articles.
fn check_unique_ids(articles: &[Article]) -> Result<(), Error> {
    let mut first_index_of_id: FxHashMap<&str, usize> = FxHashMap::default();
    for (index, article) in articles.iter().enumerate() {
        if let Some(first) = first_index_of_id.insert(&article.id, index) {
            return Err(Error::at(
                format!("articles[{index}].id"),
                format!(
                    "duplicate id {} (first used by articles[{first}])",
                    crate::report::json_string(&article.id)
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn article(extra: Value) -> Value {
        let mut base = json!({ "id": "a1", "source": "Example Daily", "text": "Some text." });
        base.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        base
    }

    fn story_error(story: Value) -> String {
        Story::from_value(story).unwrap_err().to_string()
    }

    #[test]
    fn unknown_leaning_names_the_article_and_lists_the_scale() {
        let message = story_error(json!({ "articles": [
            article(json!({})), article(json!({})), article(json!({})),
            article(json!({ "id": "a4", "leaning": "leftish" }))
        ]}));
        assert!(
            message.starts_with(
                "articles[3].leaning: unknown leaning \"leftish\" (expected one of far-left,"
            ),
            "{message}"
        );
    }

    #[test]
    fn duplicate_ids_name_both_articles() {
        let message = story_error(json!({ "articles": [article(json!({})), article(json!({}))] }));
        assert_eq!(
            message,
            "articles[1].id: duplicate id \"a1\" (first used by articles[0])"
        );
    }

    #[test]
    fn missing_and_mistyped_fields_name_their_path() {
        assert_eq!(story_error(json!({})), "articles: missing required field");
        assert_eq!(
            story_error(json!([])),
            "story: expected a JSON object, found an array"
        );
        assert_eq!(
            story_error(json!({ "articles": [{ "id": "a", "source": "S" }] })),
            "articles[0].text: missing required field"
        );
        assert_eq!(
            story_error(json!({ "articles": [article(json!({ "headline": 7 }))] })),
            "articles[0].headline: expected a string, found a number"
        );
        assert_eq!(
            story_error(json!({ "title": 1, "articles": [article(json!({}))] })),
            "title: expected a string, found a number"
        );
    }

    #[test]
    fn an_empty_story_is_an_error() {
        assert_eq!(
            story_error(json!({ "articles": [] })),
            "articles: expected 1 to 100000 articles, found 0"
        );
    }

    #[test]
    fn blank_names_are_errors() {
        assert_eq!(
            story_error(json!({ "articles": [article(json!({ "source": "  " }))] })),
            "articles[0].source: must not be empty"
        );
    }

    #[test]
    fn bad_ratings_name_the_key() {
        assert_eq!(
            story_error(json!({ "articles": [article(json!({}))], "ratings": { "Other Herald": "rightish" } })),
            "ratings[\"Other Herald\"]: unknown leaning \"rightish\" (expected one of far-left, left, lean-left, center, lean-right, right, far-right, unrated)"
        );
    }

    #[test]
    fn not_json_is_an_error_at_the_root() {
        let message = Story::from_json("{\"articles\": [")
            .unwrap_err()
            .to_string();
        assert!(message.starts_with("story: not valid JSON: "), "{message}");
    }
}
