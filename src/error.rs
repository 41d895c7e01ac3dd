//! The crate's one error type. Every failure names the JSON path of the value at fault
//! (SPEC §1), so a CMS author or a teacher can find the offending field without a debugger.

use std::fmt;

/// An analysis option, named so each front end can show it in its own spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionName {
    MaxNgram,
    PriorScale,
    ZMin,
    MinCount,
    Top,
    Ratings,
}

impl OptionName {
    /// The camelCase name used by the WASM `analyze(story, options)` call.
    pub fn js_name(self) -> &'static str {
        match self {
            OptionName::MaxNgram => "maxNgram",
            OptionName::PriorScale => "priorScale",
            OptionName::ZMin => "zMin",
            OptionName::MinCount => "minCount",
            OptionName::Top => "top",
            OptionName::Ratings => "ratings",
        }
    }

    /// The flag used by the native CLI.
    pub fn cli_flag(self) -> &'static str {
        match self {
            OptionName::MaxNgram => "--max-ngram",
            OptionName::PriorScale => "--prior-scale",
            OptionName::ZMin => "--z-min",
            OptionName::MinCount => "--min-count",
            OptionName::Top => "--top",
            OptionName::Ratings => "--ratings",
        }
    }
}

/// Bad input: a story or an option that cannot be analyzed.
///
/// `Display` gives the one-line message of SPEC §1: `<json path>: <problem>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    path: String,
    option: Option<OptionName>,
    message: String,
}

impl Error {
    pub(crate) fn at(path: impl Into<String>, message: impl Into<String>) -> Error {
        Error {
            path: path.into(),
            option: None,
            message: message.into(),
        }
    }

    pub(crate) fn option(option: OptionName, sub_path: &str, message: impl Into<String>) -> Error {
        Error {
            path: format!("options.{}{}", option.js_name(), sub_path),
            option: Some(option),
            message: message.into(),
        }
    }

    /// The JSON path of the offending value, e.g. `articles[3].leaning`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The problem, without the path.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The option at fault, when the error is about an option rather than the story.
    pub fn option_name(&self) -> Option<OptionName> {
        self.option
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for Error {}
