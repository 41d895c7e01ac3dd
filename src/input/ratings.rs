//! Ratings tables and leaning resolution (docs/STORY.md, "How an article's leaning is found"): a
//! table maps outlet names or URL hosts to leanings (and, given as an object, to the outlet's
//! facets); an article's leaning is its own, else the story's table by source then by host,
//! else the host page's table likewise, else unrated, and each facet is found in the same
//! order. Owns the matching of keys (case, `www.`) and the parsing of a URL's host.

use rustc_hash::FxHashMap;
use serde_json::Value;

use super::fields::{expected, field_path, key_path};
use super::leaning::{Leaning, LeaningSource};
use super::story::{facets, Article, FACETS};
use crate::error::{quoted, Error};
use crate::text::lowercase;

/// A ratings table: outlet names or URL hosts to leanings. Keys match case-insensitively,
/// and a host key matches with or without a leading `www.`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ratings {
    // Only looked up, never listed, so its order cannot reach a report.
    by_key: FxHashMap<String, Rating>,
}

/// What a table says of one outlet: a leaning string, or an object of a leaning and facets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Rating {
    leaning: Option<Leaning>,
    facets: [Option<String>; 3],
}

/// A key as it is matched: trimmed, lowercased, without a leading `www.`.
fn normalize_key(key: &str) -> String {
    let lower = lowercase(key.trim());
    match lower.strip_prefix("www.") {
        Some(host) if !host.is_empty() => host.to_owned(),
        _ => lower,
    }
}

impl Ratings {
    /// Parses a `{ "name or host": "leaning" }` object found at `path`. Two keys for one
    /// outlet (`"Herald"`, `"herald"`) with different leanings are an error.
    pub fn from_value(value: &Value, path: &str) -> Result<Ratings, Error> {
        let object = value
            .as_object()
            .ok_or_else(|| expected(path, "an object", value))?;
        let mut ratings = Ratings::default();
        for (key, value) in object {
            let entry_path = key_path(path, key);
            let rating = match value {
                Value::String(label) => Rating {
                    leaning: Some(Leaning::parse_at(label, &entry_path)?),
                    facets: Default::default(),
                },
                Value::Object(fields) => {
                    let leaning_path = field_path(&entry_path, "leaning");
                    Rating {
                        leaning: match fields.get("leaning") {
                            None | Some(Value::Null) => None,
                            Some(Value::String(label)) if label.trim().is_empty() => None,
                            Some(Value::String(label)) => {
                                Some(Leaning::parse_at(label, &leaning_path)?)
                            }
                            Some(other) => return Err(expected(&leaning_path, "a string", other)),
                        },
                        facets: facets(fields, &entry_path)?,
                    }
                }
                other => return Err(expected(&entry_path, "a leaning string", other)),
            };
            let normalized = normalize_key(key);
            let entry = ratings.by_key.entry(normalized).or_default();
            if let (Some(earlier), Some(leaning)) = (entry.leaning, rating.leaning) {
                if earlier != leaning {
                    return Err(Error::at(
                        entry_path,
                        format!(
                            "rates {} {leaning}, but another key for the same outlet rates it {earlier}",
                            quoted(&normalize_key(key))
                        ),
                    ));
                }
            }
            entry.leaning = entry.leaning.or(rating.leaning);
            for ((earlier, given), name) in entry.facets.iter_mut().zip(rating.facets).zip(FACETS) {
                match (earlier.as_deref(), given) {
                    (Some(earlier), Some(given)) if earlier != given => {
                        return Err(Error::at(
                            entry_path,
                            format!(
                                "gives {} the {name} {}, but another key for the same outlet gives {}",
                                quoted(&normalize_key(key)),
                                quoted(&given),
                                quoted(earlier)
                            ),
                        ));
                    }
                    (None, given) => *earlier = given,
                    _ => {}
                }
            }
        }
        Ok(ratings)
    }

    /// Adds or replaces one entry; the key matches as in [`Ratings::from_value`].
    pub fn insert(&mut self, key: &str, leaning: Leaning) {
        self.by_key.entry(normalize_key(key)).or_default().leaning = Some(leaning);
    }

    fn get(&self, key: &str) -> Option<&Rating> {
        self.by_key.get(&normalize_key(key))
    }

    /// Whether some entry gives a facet.
    pub(crate) fn has_facets(&self) -> bool {
        self.by_key
            .values()
            .any(|rating| rating.facets.iter().any(Option::is_some))
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }
}

/// A URL's host, lowercased, without port, user info or a leading `www.`.
fn host_of(url: &str) -> Option<String> {
    let url = url.trim();
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    // An IPv6 literal keeps its colons: `[::1]:8080` is host `[::1]`.
    let host = lowercase(&match host_port.split_once(']') {
        Some((v6, _)) if v6.starts_with('[') => format!("{v6}]"),
        _ => host_port.split(':').next().unwrap_or_default().to_owned(),
    });
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty()).then(|| host.to_owned())
}

/// An article's leaning, and which rule gave it: the article's own `leaning`, then the
/// story's ratings by source, then by URL host, then the host page's ratings likewise, else
/// unrated.
pub(crate) fn resolve_leaning(
    article: &Article,
    story_ratings: &Ratings,
    page_ratings: &Ratings,
) -> (Leaning, LeaningSource) {
    if let Some(leaning) = article.leaning {
        return (leaning, LeaningSource::Article);
    }
    let host = article.url.as_deref().and_then(host_of);
    let tables = [
        (
            story_ratings,
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
        if let Some(leaning) = ratings.get(&article.source).and_then(|r| r.leaning) {
            return (leaning, by_source);
        }
        if let Some(host) = host.as_deref() {
            if let Some(leaning) = ratings.get(host).and_then(|r| r.leaning) {
                return (leaning, by_host);
            }
        }
    }
    (Leaning::Unrated, LeaningSource::Unrated)
}

/// An article's value of each of the [`FACETS`], each found in the order of its leaning:
/// its own, then the story's ratings by source and by host, then the host page's. Only the
/// `tables` that give facets are looked in.
pub(crate) fn resolve_facets<'a>(
    article: &'a Article,
    tables: &[&'a Ratings],
) -> [Option<&'a str>; 3] {
    let mut found = [None; 3];
    for (value, own) in found.iter_mut().zip(&article.facets) {
        *value = own.as_deref();
    }
    if found.iter().all(Option::is_some) || tables.is_empty() {
        return found;
    }
    let host = article.url.as_deref().and_then(host_of);
    for ratings in tables {
        for key in [Some(article.source.as_str()), host.as_deref()]
            .into_iter()
            .flatten()
        {
            if let Some(rating) = ratings.get(key) {
                for (value, given) in found.iter_mut().zip(&rating.facets) {
                    *value = value.or(given.as_deref());
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Story;
    use serde_json::json;

    #[test]
    fn leaning_resolves_article_then_source_then_host_then_page() {
        let story = Story::from_value(json!({
            "articles": [
                { "id": "own", "leaning": "right", "source": "Herald", "text": "" },
                { "id": "by-source", "source": "Herald", "text": "" },
                { "id": "by-host", "source": "Unknown", "url": "https://www.daily.test/x", "text": "" },
                { "id": "by-page", "source": "Page Rated", "text": "" },
                { "id": "none", "source": "Nobody", "text": "" },
            ],
            "ratings": { "herald": "lean-left", "DAILY.test": "center" }
        }))
        .unwrap();
        let mut page = Ratings::default();
        page.insert("Page Rated", Leaning::FarRight);
        let resolved: Vec<(Leaning, LeaningSource)> = story
            .articles
            .iter()
            .map(|a| resolve_leaning(a, &story.ratings, &page))
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
        assert_eq!(
            host_of("https://user@WWW.Example.test:8080/a?b#c"),
            Some("example.test".into())
        );
        assert_eq!(host_of("example.test/path"), Some("example.test".into()));
        assert_eq!(host_of("http://[::1]:8080/x"), Some("[::1]".into()));
        assert_eq!(host_of("http://[FE80::1]/x"), Some("[fe80::1]".into()));
        assert_eq!(host_of(""), None);
    }

    #[test]
    fn keys_match_ignoring_case_and_www() {
        let ratings =
            Ratings::from_value(&json!({ "WWW.Daily.test": "left", "Herald": "right" }), "r")
                .unwrap();
        assert_eq!(
            ratings.get("daily.test").unwrap().leaning,
            Some(Leaning::Left)
        );
        assert_eq!(
            ratings.get(" herald ").unwrap().leaning,
            Some(Leaning::Right)
        );
    }

    #[test]
    fn two_keys_for_one_outlet_must_agree() {
        let error = Ratings::from_value(&json!({ "Herald": "left", "herald": "right" }), "ratings")
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "ratings[\"herald\"]: rates \"herald\" right, but another key for the same outlet rates it left"
        );
    }
}
