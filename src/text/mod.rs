//! The text pipeline (docs/METHOD.md §3): markup removed, sentences, then word tokens, their
//! normalized form, the stopword rule that decides which tokens may start or end a term, and
//! the capitals that mark names (§6). Every function here is total over `&str`: any string,
//! however odd, yields some (possibly empty) result and never panics.

mod lanes;
mod lowercase;
mod markup;
mod names;
mod normalize;
mod sentences;
mod stopwords;
mod tokens;

pub use markup::without_markup;
pub(crate) use names::{is_calendar_word, Capitals, INITIAL, JOINED, MARK_BITS, TITLE};
pub use normalize::{lowercase, normal_form, normalize_token, NormalForm, PackedForm};
pub use sentences::{sentence_ranges, sentence_ranges_into};
pub use stopwords::is_stopword;
pub use tokens::{tokens, word_spans, Token, Tokens};
