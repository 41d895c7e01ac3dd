//! The framing statistic of SPEC §3: term counting over rated articles (`counts`) and the
//! Monroe, Colaresi & Quinn (2008) weighted log-odds with an informative Dirichlet prior
//! (`log_odds`).

mod counts;
mod ids;
mod log_odds;

pub use counts::MAX_TERM_TOKEN_CHARS;
pub(crate) use counts::{Occurrence, SentenceRef, TermCounts};
pub use log_odds::{log_odds, LogOdds};
