//! `bias-compare`: the native command line over the `bias_compare` library (docs/CLI.md).
//! `analyze` reads a story from a file or standard input and prints the report as JSON or as
//! text for people; `batch` scores a JSON Lines file of stories on every core (batch.rs).
//! Bad input or flags are one `error: …` line with exit status 2.

mod batch;
mod text;

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use bias_compare::{
    analyze, json_too_large, parse_json, utf8_text, OptionName, Options, Ratings, Story,
    MAX_STORY_BYTES,
};
use clap::error::ErrorKind;
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "bias-compare",
    version,
    about = "Compare how left, center and right outlets cover one story"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyze a story (JSON, see docs/STORY.md) and print its report.
    Analyze(AnalyzeArgs),
    /// Analyze a JSON Lines file of stories on every core: one report (or error record) per
    /// line, in input order.
    Batch(batch::BatchArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
}

#[derive(clap::Args)]
struct AnalyzeArgs {
    /// The story file, or `-` for standard input.
    file: PathBuf,
    /// `json`: the report of docs/REPORT.md; `text`: a summary for people.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    #[command(flatten)]
    analysis: AnalysisArgs,
}

/// The analysis options, the same for `analyze` and `batch`.
#[derive(clap::Args)]
struct AnalysisArgs {
    /// Longest n-gram counted as a term (1 to 5).
    #[arg(long, value_name = "N", default_value_t = Options::default().max_ngram)]
    max_ngram: usize,
    /// α0, the total weight of the informative Dirichlet prior.
    #[arg(long, value_name = "A", default_value_t = Options::default().prior_scale)]
    prior_scale: f64,
    /// Smallest z-score listed.
    #[arg(long, value_name = "Z", allow_negative_numbers = true, default_value_t = Options::default().z_min)]
    z_min: f64,
    /// Fewest uses within a side for a term to be listed.
    #[arg(long, value_name = "C", default_value_t = Options::default().min_count)]
    min_count: u32,
    /// Most terms listed per side.
    #[arg(long, value_name = "K", default_value_t = Options::default().top_k)]
    top: usize,
    /// Largest outlet-level p-value listed, where the story has outlets enough (0 < P ≤ 1;
    /// 1 lists terms whatever their p).
    #[arg(long, value_name = "P", allow_negative_numbers = true, default_value_t = Options::default().max_p)]
    max_p: f64,
    /// A JSON file of outlet names or hosts to leanings, used after the story's own ratings.
    #[arg(long, value_name = "FILE")]
    ratings: Option<PathBuf>,
}

/// Bad input or flags: printed as one line, exit status 2.
struct Failure(String);

/// The bytes of `path` (`-`: standard input) as UTF-8; `root` names it in errors.
fn read_input(path: &PathBuf, root: &str) -> Result<String, Failure> {
    // Read one byte past the limit (and a byte order mark), never a whole huge file or an
    // endless pipe: past MAX_STORY_BYTES the story is refused anyway.
    let limit = (MAX_STORY_BYTES + '\u{feff}'.len_utf8() + 1) as u64;
    let mut bytes = Vec::new();
    let result = if path.as_os_str() == "-" {
        io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|file| file.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?;
    if bytes.len() as u64 == limit {
        return Err(Failure(json_too_large(root).to_string()));
    }
    utf8_text(&bytes, root).map_err(|e| Failure(e.to_string()))?;
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

/// The options the flags set, not yet checked against their ranges (the library checks them,
/// after the story: an error about the story comes first).
fn options(args: &AnalysisArgs) -> Result<Options, Failure> {
    let ratings = match &args.ratings {
        None => Ratings::default(),
        Some(path) => {
            let root = path.display().to_string();
            let value =
                parse_json(&read_input(path, &root)?, &root).map_err(|e| Failure(e.to_string()))?;
            Ratings::from_value(&value, "ratings")
                .map_err(|e| Failure(format!("{}: {e}", path.display())))?
        }
    };
    Ok(Options {
        max_ngram: args.max_ngram,
        prior_scale: args.prior_scale,
        z_min: args.z_min,
        min_count: args.min_count,
        top_k: args.top,
        max_p: args.max_p,
        ratings,
    })
}

/// The flag that sets each option: errors about an option name it as the user typed it.
fn flag(option: OptionName) -> &'static str {
    match option {
        OptionName::MaxNgram => "--max-ngram",
        OptionName::PriorScale => "--prior-scale",
        OptionName::ZMin => "--z-min",
        OptionName::MinCount => "--min-count",
        OptionName::Top => "--top",
        OptionName::MaxP => "--max-p",
        OptionName::Ratings => "--ratings",
    }
}

/// A library error as the command line reports it: an option by its flag.
fn failure(error: bias_compare::Error) -> Failure {
    match error.option_name() {
        Some(option) => Failure(format!("{}: {}", flag(option), error.message())),
        None => Failure(error.to_string()),
    }
}

fn run(args: &AnalyzeArgs) -> Result<String, Failure> {
    let options = options(&args.analysis)?;
    let story =
        Story::from_json(&read_input(&args.file, "story")?).map_err(|e| Failure(e.to_string()))?;
    let report = analyze(&story, &options).map_err(failure)?;
    Ok(match args.format {
        Format::Json => report.to_json() + "\n",
        Format::Text => text::render(&story, &report),
    })
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            return fail(
                "missing command: try `bias-compare analyze <FILE|->`, `bias-compare batch <FILE|->` or --help",
            );
        }
        Err(e) => {
            let rendered = e.render().to_string();
            let first = rendered.lines().next().unwrap_or("bad arguments");
            return fail(first.trim_start_matches("error: "));
        }
    };
    let result = match cli.command {
        Command::Analyze(args) => run(&args).map(|output| {
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = io::stdout().lock().write_all(output.as_bytes());
        }),
        Command::Batch(args) => batch::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => fail(&message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_option_has_a_flag_both_commands_accept() {
        let command = Cli::command();
        for name in ["analyze", "batch"] {
            let subcommand = command.find_subcommand(name).unwrap();
            for option in OptionName::ALL {
                let long = flag(option).trim_start_matches("--");
                assert!(
                    subcommand
                        .get_arguments()
                        .any(|arg| arg.get_long() == Some(long)),
                    "{name} {long}"
                );
            }
        }
    }
}
