//! The text pipeline (docs/METHOD.md §3): markup removed, sentences, then word tokens, their
//! normalized form, the stopword rule that decides which tokens may start or end a term, the
//! capitals that mark names, and the lexicons of the language analysis, read in the same words
//! (`lexicon`). Every function here is total over `&str`: any string, however odd, yields some
//! (possibly empty) result and never panics.

mod lanes;
mod lexicon;
mod lowercase;
mod markup;
mod names;
mod normalize;
mod sentences;
mod stopwords;
mod tokens;
mod word_break_table;
mod words;

pub use lexicon::Lexicons;
pub(crate) use lexicon::{
    List, Match, Word, Words, AT_VERY, BUT_HIT, DOUBT, IDIOM_START, KIND, LEAST, NEGATION, NEVER,
    NO, NO_WORD, OF, OR_NOR, SO_THIS, VALENCE_HIT, WITHOUT,
};
pub use markup::without_markup;
pub(crate) use names::{is_calendar_word, Capitals, INITIAL, JOINED, MARK_BITS, TITLE};
pub use normalize::{lowercase, normal_form, normalize_token, NormalForm, PackedForm};
pub use sentences::{sentence_ranges, sentence_ranges_into};
pub use stopwords::is_stopword;
pub use tokens::{tokens, word_spans, Token, Tokens};
