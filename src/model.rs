//! The input side of the contract (SPEC §1): a story, its articles and ratings tables, the
//! analysis options, and their validation. Parsing goes through `serde_json::Value` and is
//! checked by hand so that every error names the JSON path of the value at fault.

use rustc_hash::FxHashMap;

use serde_json::{Map, Value};

use crate::error::{Error, OptionName};
use crate::leaning::{Leaning, LeaningSource};

/// Most articles a story may have (SPEC §1).
pub const MAX_ARTICLES: usize = 100_000;
/// Most bytes of headline and text a story may carry in all: room for 10 000 articles of
/// news length (about 475 words, 2.6 kB each: the largest story of the benchmarks,
/// docs/BENCHMARKS.md), with [`crate::MAX_STORY_BYTES`] of JSON leaving 4 MiB for ids,
/// sources, URLs and escapes. Past it the widget would stall a reader's page for seconds.
pub const MAX_TEXT_BYTES: usize = 28 * 1024 * 1024;
/// Longest `id` or `source`, in characters: longer ones are not names but pasted text.
pub const MAX_NAME_CHARS: usize = 300;

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
}

/// A ratings table: outlet names or URL hosts to leanings. Keys match case-insensitively,
/// and a host key matches with or without a leading `www.`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ratings {
    // Only looked up, never listed, so its order cannot reach a report.
    by_key: FxHashMap<String, Leaning>,
}

/// One news event and the articles that cover it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    pub title: Option<String>,
    pub articles: Vec<Article>,
    pub ratings: Ratings,
}

/// Analysis parameters. `Options::default()` gives the documented defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Longest n-gram counted as a term (1..=5).
    pub max_ngram: usize,
    /// α0 of SPEC §3: the total weight of the informative Dirichlet prior (> 0).
    pub prior_scale: f64,
    /// Smallest z-score listed.
    pub z_min: f64,
    /// Fewest occurrences in a side for a term to be listed (≥ 1).
    pub min_count: u32,
    /// Most terms listed per side (1..=1000).
    pub top_k: usize,
    /// The host page's ratings table, consulted after the story's own.
    pub ratings: Ratings,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_ngram: 3,
            prior_scale: 500.0,
            z_min: 1.645,
            min_count: 3,
            top_k: 10,
            ratings: Ratings::default(),
        }
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn expected(path: &str, what: &str, found: &Value) -> Error {
    Error::at(path, format!("expected {what}, found {}", type_name(found)))
}

/// A JSON object key as it appears in a path: `ratings["Other Herald"]`.
fn key_path(parent: &str, key: &str) -> String {
    format!("{parent}[{}]", crate::error::quoted(key))
}

/// `parent.field`, or just `field` at the root (whose parent path is empty).
fn field_path(parent: &str, field: &str) -> String {
    if parent.is_empty() {
        field.to_owned()
    } else {
        format!("{parent}.{field}")
    }
}

/// An optional string field: absent and `null` are both `None`.
/// Taken out of the object rather than copied: a story's texts are most of its bytes, and
/// the parsed JSON is dropped as the model is built, so they are held once, not twice.
fn optional_string(
    object: &mut Map<String, Value>,
    field: &str,
    path: &str,
) -> Result<Option<String>, Error> {
    // `take` leaves a null behind: cheaper in WASM than removing from the B-tree map.
    match object.get_mut(field).map(Value::take) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(expected(&field_path(path, field), "a string", &other)),
    }
}

fn required_string(
    object: &mut Map<String, Value>,
    field: &str,
    path: &str,
) -> Result<String, Error> {
    optional_string(object, field, path)?
        .ok_or_else(|| Error::at(field_path(path, field), "missing required field"))
}

/// A name (`id`, `source`): required, not blank, not absurdly long.
fn required_name(
    object: &mut Map<String, Value>,
    field: &str,
    path: &str,
) -> Result<String, Error> {
    let name = required_string(object, field, path)?;
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(Error::at(format!("{path}.{field}"), "must not be empty"));
    }
    if trimmed.chars().count() > MAX_NAME_CHARS {
        return Err(Error::at(
            format!("{path}.{field}"),
            format!("longer than {MAX_NAME_CHARS} characters"),
        ));
    }
    Ok(trimmed.to_owned())
}

fn parse_leaning(value: &str, path: &str) -> Result<Leaning, Error> {
    Leaning::parse(value).ok_or_else(|| Error::at(path, Leaning::unknown_message(value)))
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
            Some(label) => Some(parse_leaning(&label, &format!("{path}.leaning"))?),
            None => None,
        };
        Ok(Article {
            id: required_name(object, "id", path)?,
            source: required_name(object, "source", path)?,
            url: optional_string(object, "url", path)?,
            leaning,
            headline: optional_string(object, "headline", path)?,
            text: required_string(object, "text", path)?,
            published: optional_string(object, "published", path)?,
        })
    }

    /// The article's URL host, lowercased, without port, user info or a leading `www.`.
    pub fn host(&self) -> Option<String> {
        let url = self.url.as_deref()?.trim();
        let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
        let authority = after_scheme
            .split(['/', '?', '#'])
            .next()
            .unwrap_or_default();
        let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        // An IPv6 literal keeps its colons: `[::1]:8080` is host `[::1]`.
        let host = match host_port.split_once(']') {
            Some((v6, _)) if v6.starts_with('[') => format!("{v6}]"),
            _ => host_port.split(':').next().unwrap_or_default().to_owned(),
        }
        .to_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host);
        (!host.is_empty()).then(|| host.to_owned())
    }

    /// The article's headline and text length in bytes.
    fn text_bytes(&self) -> usize {
        self.text.len() + self.headline.as_ref().map_or(0, String::len)
    }
}

fn normalize_key(key: &str) -> String {
    let lower = key.trim().to_lowercase();
    match lower.strip_prefix("www.") {
        Some(host) if !host.is_empty() => host.to_owned(),
        _ => lower,
    }
}

impl Ratings {
    /// Parses a `{ "name or host": "leaning" }` object found at `path`.
    pub fn from_value(value: &Value, path: &str) -> Result<Ratings, Error> {
        let object = value
            .as_object()
            .ok_or_else(|| expected(path, "an object", value))?;
        let mut ratings = Ratings::default();
        for (key, label) in object {
            let entry_path = key_path(path, key);
            let label = label
                .as_str()
                .ok_or_else(|| expected(&entry_path, "a leaning string", label))?;
            let leaning = parse_leaning(label, &entry_path)?;
            let normalized = normalize_key(key);
            if let Some(&earlier) = ratings.by_key.get(&normalized) {
                if earlier != leaning {
                    return Err(Error::at(
                        entry_path,
                        format!(
                            "rates {} {leaning}, but another key for the same outlet rates it {earlier}",
                            crate::error::quoted(&normalized)
                        ),
                    ));
                }
            }
            ratings.by_key.insert(normalized, leaning);
        }
        Ok(ratings)
    }

    /// Adds or replaces one entry; the key matches as in [`Ratings::from_value`].
    pub fn insert(&mut self, key: &str, leaning: Leaning) {
        self.by_key.insert(normalize_key(key), leaning);
    }

    fn get(&self, key: &str) -> Option<Leaning> {
        self.by_key.get(&normalize_key(key)).copied()
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }
}

impl Story {
    /// Parses and validates a story from JSON text.
    pub fn from_json(json: &str) -> Result<Story, Error> {
        Story::from_value(crate::json::parse_json(json, "story")?)
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
        let mut first_index_of_id: FxHashMap<&str, usize> = FxHashMap::default();
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
        for (index, article) in articles.iter().enumerate() {
            if let Some(first) = first_index_of_id.insert(&article.id, index) {
                return Err(Error::at(
                    format!("articles[{index}].id"),
                    format!(
                        "duplicate id {} (first used by articles[{first}])",
                        Value::from(article.id.as_str())
                    ),
                ));
            }
        }
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

    /// Resolves an article's leaning (SPEC §1): the article's own `leaning`, then the story's
    /// ratings by source, then by URL host, then the host page's ratings likewise, else
    /// unrated. Also says which of these gave the answer.
    pub fn leaning_of(
        &self,
        article: &Article,
        page_ratings: &Ratings,
    ) -> (Leaning, LeaningSource) {
        if let Some(leaning) = article.leaning {
            return (leaning, LeaningSource::Article);
        }
        let host = article.host();
        let tables = [
            (
                &self.ratings,
                LeaningSource::StorySource,
                LeaningSource::StoryHost,
            ),
            (
                page_ratings,
                LeaningSource::PageSource,
                LeaningSource::PageHost,
            ),
        ];
        for (ratings, by_source, by_host) in tables {
            if let Some(leaning) = ratings.get(&article.source) {
                return (leaning, by_source);
            }
            if let Some(leaning) = host.as_deref().and_then(|h| ratings.get(h)) {
                return (leaning, by_host);
            }
        }
        (Leaning::Unrated, LeaningSource::Unrated)
    }
}

impl Options {
    /// Parses the WASM options object (`{ maxNgram, priorScale, zMin, minCount, top,
    /// ratings }`); missing keys keep their defaults, unknown keys are an error (a typo).
    pub fn from_value(value: &Value) -> Result<Options, Error> {
        let mut options = Options::default();
        let object = match value {
            Value::Null => return Ok(options),
            Value::Object(object) => object,
            other => return Err(expected("options", "an object", other)),
        };
        for (key, value) in object {
            let name = [
                OptionName::MaxNgram,
                OptionName::PriorScale,
                OptionName::ZMin,
                OptionName::MinCount,
                OptionName::Top,
                OptionName::Ratings,
            ]
            .into_iter()
            .find(|name| name.js_name() == key)
            .ok_or_else(|| {
                Error::at(
                    format!("options.{key}"),
                    "unknown option (expected maxNgram, priorScale, zMin, minCount, top or ratings)",
                )
            })?;
            if value.is_null() {
                continue;
            }
            let number = || {
                value.as_f64().ok_or_else(|| {
                    Error::option(
                        name,
                        "",
                        format!("expected a number, found {}", type_name(value)),
                    )
                })
            };
            let whole = || {
                let n = number()?;
                if n.fract() != 0.0 || !(0.0..=u32::MAX as f64).contains(&n) {
                    return Err(Error::option(
                        name,
                        "",
                        format!(
                            "expected a whole number, found {}",
                            crate::error::number_text(n)
                        ),
                    ));
                }
                Ok(n as u32)
            };
            match name {
                OptionName::MaxNgram => options.max_ngram = whole()? as usize,
                OptionName::PriorScale => options.prior_scale = number()?,
                OptionName::ZMin => options.z_min = number()?,
                OptionName::MinCount => options.min_count = whole()?,
                OptionName::Top => options.top_k = whole()? as usize,
                OptionName::Ratings => {
                    options.ratings = Ratings::from_value(value, "options.ratings")?;
                }
            }
        }
        Ok(options)
    }

    /// Checks every parameter's range; the error names the option.
    pub fn validate(&self) -> Result<(), Error> {
        let check = |ok: bool, name: OptionName, rule: &str, got: String| {
            if ok {
                Ok(())
            } else {
                Err(Error::option(name, "", format!("{rule}, got {got}")))
            }
        };
        check(
            (1..=5).contains(&self.max_ngram),
            OptionName::MaxNgram,
            "must be a whole number from 1 to 5",
            self.max_ngram.to_string(),
        )?;
        check(
            self.prior_scale.is_finite() && self.prior_scale > 0.0 && self.prior_scale <= 1e9,
            OptionName::PriorScale,
            "must be a number above 0 and at most 1e9",
            crate::error::number_text(self.prior_scale),
        )?;
        check(
            self.z_min.is_finite() && self.z_min.abs() <= 1e6,
            OptionName::ZMin,
            "must be a finite number between -1e6 and 1e6",
            crate::error::number_text(self.z_min),
        )?;
        check(
            (1..=1_000_000).contains(&self.min_count),
            OptionName::MinCount,
            "must be a whole number from 1 to 1000000",
            self.min_count.to_string(),
        )?;
        check(
            (1..=1000).contains(&self.top_k),
            OptionName::Top,
            "must be a whole number from 1 to 1000",
            self.top_k.to_string(),
        )
    }
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

    #[test]
    fn leaning_resolves_article_then_source_then_host_then_page() {
        let story = Story::from_value(json!({
            "articles": [
                article(json!({ "id": "own", "leaning": "right", "source": "Herald" })),
                article(json!({ "id": "by-source", "source": "Herald" })),
                article(json!({ "id": "by-host", "source": "Unknown", "url": "https://www.daily.test/x" })),
                article(json!({ "id": "by-page", "source": "Page Rated" })),
                article(json!({ "id": "none", "source": "Nobody" })),
            ],
            "ratings": { "herald": "lean-left", "DAILY.test": "center" }
        }))
        .unwrap();
        let mut page = Ratings::default();
        page.insert("Page Rated", Leaning::FarRight);
        let resolved: Vec<(Leaning, LeaningSource)> = story
            .articles
            .iter()
            .map(|a| story.leaning_of(a, &page))
            .collect();
        assert_eq!(
            resolved,
            [
                (Leaning::Right, LeaningSource::Article),
                (Leaning::LeanLeft, LeaningSource::StorySource),
                (Leaning::Center, LeaningSource::StoryHost),
                (Leaning::FarRight, LeaningSource::PageSource),
                (Leaning::Unrated, LeaningSource::Unrated),
            ]
        );
    }

    #[test]
    fn host_ignores_scheme_user_port_and_www() {
        let host = |url: &str| {
            Article {
                url: Some(url.into()),
                ..Article::from_value(article(json!({})), "a").unwrap()
            }
            .host()
        };
        assert_eq!(
            host("https://user@WWW.Example.test:8080/a?b#c"),
            Some("example.test".into())
        );
        assert_eq!(host("example.test/path"), Some("example.test".into()));
        assert_eq!(host("http://[::1]:8080/x"), Some("[::1]".into()));
        assert_eq!(host("http://[FE80::1]/x"), Some("[fe80::1]".into()));
        assert_eq!(host(""), None);
    }

    #[test]
    fn options_parse_camel_case_and_reject_unknown_keys() {
        let options =
            Options::from_value(&json!({ "maxNgram": 2, "zMin": 2.5, "top": 5 })).unwrap();
        assert_eq!(
            (options.max_ngram, options.z_min, options.top_k),
            (2, 2.5, 5)
        );
        assert_eq!(
            Options::from_value(&json!({ "zmin": 1 }))
                .unwrap_err()
                .path(),
            "options.zmin"
        );
        assert_eq!(
            Options::from_value(&json!({ "maxNgram": 2.5 }))
                .unwrap_err()
                .to_string(),
            "options.maxNgram: expected a whole number, found 2.5"
        );
    }

    #[test]
    fn options_out_of_range_name_the_option() {
        let options = Options {
            max_ngram: 9,
            ..Options::default()
        };
        let error = options.validate().unwrap_err();
        assert_eq!(
            error.to_string(),
            "options.maxNgram: must be a whole number from 1 to 5, got 9"
        );
        assert_eq!(error.option_name(), Some(OptionName::MaxNgram));
    }
}
