//! The text pipeline of SPEC §3: sentences, then word tokens, then the stopword rule that
//! decides which tokens may start or end a term. Every function here is total over `&str`:
//! any string, however odd, yields some (possibly empty) result and never panics.

mod sentences;
mod stopwords;
mod tokens;

pub use sentences::sentence_ranges;
pub use stopwords::is_stopword;
pub use tokens::{normalize_token, tokens, without_possessive, Token, Tokens};
