//! The input side of the contract (docs/STORY.md): JSON text read the same way by every
//! front end, the story and its articles, leanings and the sides they fall into, ratings
//! tables and the order a leaning is resolved in, and the analysis options. Every error
//! names the JSON path of the value at fault.

mod fields;
mod json;
mod leaning;
mod options;
mod ratings;
mod story;

pub use json::{json_too_large, parse_json, utf8_text, MAX_STORY_BYTES};
pub use leaning::{Leaning, LeaningSource, Side};
pub use options::{OptionName, Options};
pub use ratings::Ratings;
pub(crate) use ratings::{resolve_facets, resolve_leaning};
pub use story::{Article, Story, FACETS};
