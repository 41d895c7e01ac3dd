//! `bias-compare`: the native command line over the `bias_compare` library (docs/CLI.md).
//! `analyze` reads a story from a file or standard input and prints the report as JSON or as
//! text for people; `batch` scores a JSON Lines file of stories on every core (batch.rs).
//! Bad input or flags are one `error: …` line with exit status 2.

mod batch;
mod input;
mod options;
mod text;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use bias_compare::{analyze, Story};
use clap::error::ErrorKind;
use clap::{Parser, Subcommand, ValueEnum};

use input::{read_input, Failure};
use options::OptionArgs;

const EXAMPLES: &str = "Examples:
  bias-compare analyze story.json --format text
  cat story.json | bias-compare analyze - --top 5
  bias-compare analyze story.json --ratings ratings.json --max-p 0.1 > report.json
  bias-compare batch stories.jsonl --jobs 4 > reports.jsonl";

#[derive(Parser)]
#[command(
    name = "bias-compare",
    version,
    about = "Compare how left, center and right outlets cover one story",
    after_help = EXAMPLES
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyze a story (JSON, see docs/STORY.md) and print its report.
    #[command(after_help = EXAMPLES)]
    Analyze(AnalyzeArgs),
    /// Analyze a JSON Lines file of stories on every core: one report (or error record) per
    /// line, in input order.
    #[command(after_help = EXAMPLES)]
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
    #[arg(value_name = "FILE|-")]
    file: PathBuf,
    /// `json`: the report of docs/REPORT.md; `text`: a summary for people.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    #[command(flatten)]
    options: OptionArgs,
}

fn run(args: &AnalyzeArgs) -> Result<String, Failure> {
    let options = args.options.options()?;
    let story =
        Story::from_json(&read_input(&args.file, "story")?).map_err(|e| Failure(e.to_string()))?;
    let report = analyze(&story, &options).map_err(options::failure)?;
    Ok(match args.format {
        Format::Json => report.to_json() + "\n",
        Format::Text => text::render(&story, &report),
    })
}

/// A command-line error as one line: clap's message, its details and tip on the same line,
/// and the usage when an argument or command is missing or unknown.
fn one_line(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let mut message = String::new();
    let mut usage = None;
    for line in rendered
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
    {
        if line.starts_with("For more information") {
            continue;
        }
        if let Some(found) = line.strip_prefix("Usage: ") {
            usage = Some(found.to_owned());
        } else if let Some(tip) = line.strip_prefix("tip: ") {
            // "a similar subcommand exists: 'analyze'" → "did you mean 'analyze'?"
            match tip.split_once(" exists: ") {
                Some((_, similar)) => message.push_str(&format!(" (did you mean {similar}?)")),
                None => message.push_str(&format!(" ({tip})")),
            }
        } else {
            if !message.is_empty() {
                message.push(' ');
            }
            message.push_str(line.trim_start_matches("error: "));
        }
    }
    let show_usage = matches!(
        error.kind(),
        ErrorKind::MissingRequiredArgument
            | ErrorKind::InvalidSubcommand
            | ErrorKind::UnknownArgument
            | ErrorKind::MissingSubcommand
    );
    if let (true, Some(usage)) = (show_usage, usage) {
        message.push_str(&format!("; usage: {usage} (see --help)"));
    }
    message
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
                "missing command; usage: bias-compare analyze [OPTIONS] <FILE|->, or bias-compare batch [OPTIONS] <FILE|-> (see --help)",
            );
        }
        Err(e) => return fail(&one_line(&e)),
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
    use bias_compare::OptionName;
    use clap::CommandFactory;

    #[test]
    fn every_option_has_a_flag_both_commands_accept() {
        let command = Cli::command();
        for name in ["analyze", "batch"] {
            let subcommand = command.find_subcommand(name).unwrap();
            for option in OptionName::ALL {
                let long = options::flag(option).trim_start_matches("--");
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
