//! The text pipeline (docs/METHOD.md §3): markup removed, sentences, then word tokens,
//! their normalized form, and the stopword rule that decides which tokens may start or end
//! a term. Every function here is total over `&str`: any string, however odd, yields some
//! (possibly empty) result and never panics.

mod lanes;
mod markup;
mod normalize;
mod sentences;
mod stopwords;
mod tokens;

pub use markup::without_markup;
pub use normalize::{lowercase, normal_form, normalize_token, NormalForm, PackedForm};
pub use sentences::{sentence_ranges, sentence_ranges_into};
pub use stopwords::is_stopword;
pub use tokens::{tokens, word_spans, Token, Tokens};
