//! The analysis options as flags: their spellings, their help, and how they become the
//! library's `Options` — through the library's own setter, so a flag is checked exactly as
//! the same option given to WASM is, and an error names the flag the user typed.

use std::path::PathBuf;

use bias_compare::{parse_json, OptionName, Options, Ratings};

use crate::input::{read_input, Failure};

/// The flags every command that analyzes takes.
#[derive(clap::Args)]
pub struct OptionArgs {
    /// Longest n-gram counted as a term (1 to 5).
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = number, default_value_t = Options::default().max_ngram as f64)]
    max_ngram: f64,
    /// α0, the total weight of the informative Dirichlet prior.
    #[arg(long, value_name = "A", allow_negative_numbers = true, value_parser = number, default_value_t = Options::default().prior_scale)]
    prior_scale: f64,
    /// Smallest z-score listed.
    #[arg(long, value_name = "Z", allow_negative_numbers = true, value_parser = number, default_value_t = Options::default().z_min)]
    z_min: f64,
    /// Fewest uses within a side for a term to be listed.
    #[arg(long, value_name = "C", allow_negative_numbers = true, value_parser = number, default_value_t = f64::from(Options::default().min_count))]
    min_count: f64,
    /// Most terms listed per side.
    #[arg(long, value_name = "K", allow_negative_numbers = true, value_parser = number, default_value_t = Options::default().top_k as f64)]
    top: f64,
    /// Largest outlet-level p-value listed, where the story has outlets enough (0 < P ≤ 1;
    /// 1 lists terms whatever their p).
    #[arg(long, value_name = "P", allow_negative_numbers = true, value_parser = number, default_value_t = Options::default().max_p)]
    max_p: f64,
    /// Leave out how each side talks (charged words, hedging, tone): the report's
    /// `language` is null.
    #[arg(long)]
    no_language: bool,
    /// Leave out what each side stresses or leaves out: the report's `emphasis` is null and
    /// the comparison bullets cite no emphasis.
    #[arg(long)]
    no_emphasis: bool,
    /// Leave out key points and common ground: the report's `key_points` and
    /// `common_ground` are null.
    #[arg(long)]
    no_key_points: bool,
    /// A JSON file of outlet names or hosts to leanings, used after the story's own ratings.
    #[arg(long, value_name = "FILE")]
    ratings: Option<PathBuf>,
}

/// A flag's number: anything Rust reads as an `f64` (so `NaN` reaches the range check and
/// is refused there, as in every front end).
fn number(text: &str) -> Result<f64, String> {
    text.trim()
        .parse()
        .map_err(|_| "expected a number".to_owned())
}

/// The flag that sets each option.
pub fn flag(option: OptionName) -> &'static str {
    match option {
        OptionName::MaxNgram => "--max-ngram",
        OptionName::PriorScale => "--prior-scale",
        OptionName::ZMin => "--z-min",
        OptionName::MinCount => "--min-count",
        OptionName::Top => "--top",
        OptionName::MaxP => "--max-p",
        OptionName::Language => "--no-language",
        OptionName::Emphasis => "--no-emphasis",
        OptionName::KeyPoints => "--no-key-points",
        OptionName::Ratings => "--ratings",
    }
}

/// A library error, with an option's path (`options.top`) given as its flag (`--top`).
pub fn failure(error: bias_compare::Error) -> Failure {
    match error.option_name() {
        Some(option) => Failure(format!("{}: {}", flag(option), error.message())),
        None => Failure(error.to_string()),
    }
}

impl OptionArgs {
    fn number(&self, option: OptionName) -> Option<f64> {
        Some(match option {
            OptionName::MaxNgram => self.max_ngram,
            OptionName::PriorScale => self.prior_scale,
            OptionName::ZMin => self.z_min,
            OptionName::MinCount => self.min_count,
            OptionName::Top => self.top,
            OptionName::MaxP => self.max_p,
            OptionName::Language
            | OptionName::Emphasis
            | OptionName::KeyPoints
            | OptionName::Ratings => return None,
        })
    }

    /// The options these flags give, or the error naming the flag at fault.
    pub fn options(&self) -> Result<Options, Failure> {
        let mut options = Options::default();
        for option in OptionName::ALL {
            if let Some(value) = self.number(option) {
                options.set_number(option, value).map_err(failure)?;
            }
        }
        options.language = !self.no_language;
        options.emphasis = !self.no_emphasis;
        options.key_points = !self.no_key_points;
        if let Some(path) = &self.ratings {
            let root = path.display().to_string();
            let value =
                parse_json(&read_input(path, &root)?, &root).map_err(|e| Failure(e.to_string()))?;
            options.ratings = Ratings::from_value(&value, "ratings")
                .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        }
        Ok(options)
    }
}
