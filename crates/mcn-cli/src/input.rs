//! Reading network documents from files (or standard input) and the `--as-of`
//! date: the CLI's only contact with the file system's inputs and the clock.

use std::{
    fmt, fs,
    io::{self, IsTerminal as _},
    path::Path,
};

use chrono::NaiveDate;
use mcn_core::{JsonPointer, text::shorten};
use mcn_network::{LoadError, NetworkDocument};

/// The file name that means standard input.
const STDIN: &str = "-";

/// `--as-of DATE`, shared by every subcommand that judges dates.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct AsOf {
    /// The date to judge the network on, as YYYY-MM-DD [default: today].
    #[arg(long = "as-of", value_name = "DATE", value_parser = parse_date)]
    as_of: Option<NaiveDate>,
}

impl AsOf {
    /// The date given, or today.
    pub(crate) fn date(&self) -> NaiveDate {
        self.as_of.unwrap_or_else(today)
    }
}

/// Today's local date.
///
/// The one place the CLI reads the clock (docs/ARCHITECTURE.md, "no I/O and
/// no clock below the adapters"): the libraries take `as_of` instead.
#[allow(clippy::disallowed_methods)] // the adapter is where the clock is allowed
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|error| format!("expected a date as YYYY-MM-DD, e.g. 2025-04-01 ({error})"))
}

/// Why a document could not be used; names the file, and for a parse error the
/// line, column and JSON path.
#[derive(Debug)]
pub(crate) struct InputError {
    file: String,
    problem: Problem,
}

#[derive(Debug)]
enum Problem {
    /// The file could not be opened or read.
    Read(io::Error),
    /// The path names a directory.
    Directory,
    /// Standard input is a terminal: nothing was piped in.
    Terminal,
    /// The bytes are not a network document.
    Load(LoadError),
}

impl InputError {
    /// The file as named on the command line (`<stdin>` for `-`).
    pub(crate) fn file(&self) -> &str {
        &self.file
    }

    /// Where in the document the problem is: JSON path, line and column.
    pub(crate) fn location(&self) -> Option<(&JsonPointer, usize, usize)> {
        match &self.problem {
            Problem::Load(LoadError::Invalid {
                path, line, column, ..
            }) => Some((path, *line, *column)),
            _ => None,
        }
    }

    /// What is wrong, without the file name and location (long values shortened).
    pub(crate) fn detail(&self) -> String {
        let text = match &self.problem {
            Problem::Read(error) | Problem::Load(LoadError::Io(error)) => error.to_string(),
            Problem::Directory => "it is a directory, not a file".to_owned(),
            Problem::Terminal => "standard input is a terminal: pipe a document in".to_owned(),
            Problem::Load(LoadError::Invalid { message, .. }) => message.clone(),
            Problem::Load(other) => other.to_string(),
        };
        shorten(&text).into_owned()
    }
}

impl fmt::Display for InputError {
    /// `could not load FILE:LINE:COLUMN: /json/path: detail` (compiler style,
    /// so editors can jump to it), or `could not read FILE: detail`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = match self.problem {
            Problem::Load(LoadError::Io(_)) | Problem::Read(_) | Problem::Directory => "read",
            Problem::Terminal | Problem::Load(_) => "load",
        };
        write!(f, "could not {verb} {}", self.file)?;
        if let Some((path, line, column)) = self.location() {
            write!(f, ":{line}:{column}: {}", shorten(&path.to_string()))?;
        }
        write!(f, ": {}", self.detail())
    }
}

impl std::error::Error for InputError {}

/// How `path` is named in messages: as given, `<stdin>` for `-`.
pub(crate) fn display_name(path: &Path) -> String {
    if path.as_os_str() == STDIN {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Reads and parses the document at `path` (`-`: standard input).
pub(crate) fn load(path: &Path) -> Result<NetworkDocument, InputError> {
    let fail = |problem| InputError {
        file: display_name(path),
        problem,
    };
    if path.as_os_str() == STDIN {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            return Err(fail(Problem::Terminal));
        }
        return NetworkDocument::from_reader(stdin.lock())
            .map_err(|error| fail(Problem::Load(error)));
    }
    if path.is_dir() {
        return Err(fail(Problem::Directory));
    }
    let bytes = fs::read(path).map_err(|error| fail(Problem::Read(error)))?;
    NetworkDocument::from_json(&bytes).map_err(|error| fail(Problem::Load(error)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(
            parse_date("2025-04-01"),
            Ok(NaiveDate::from_ymd_opt(2025, 4, 1).unwrap())
        );
        assert!(parse_date("2025-13-01").is_err());
        assert!(parse_date("01/04/2025").is_err());
    }
}
