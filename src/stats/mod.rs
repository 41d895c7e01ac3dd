//! The framing statistic (docs/METHOD.md): counting terms over the rated articles
//! (`counts`, with the id tables under it and the level-by-level `passes`), finding where
//! chosen terms occur (`finder`), and the weighted log-odds of Monroe, Colaresi & Quinn
//! (2008) with an informative Dirichlet prior (`log_odds`).

mod counts;
mod finder;
mod id_slots;
mod log_odds;
mod names;
mod passes;
mod permutation;
mod radix;
mod sequences;
mod token_ids;

pub(crate) use counts::{TermCounts, TermId, END};
pub(crate) use finder::{Occurrence, TermFinder};
pub(crate) use log_odds::log_odds;
#[cfg(feature = "explain")]
pub(crate) use log_odds::LogOdds;
pub(crate) use names::Names;
pub(crate) use permutation::{order_key, p_value, p_value_of_keys, Design, Keyed, PValue, Use};
