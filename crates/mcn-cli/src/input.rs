//! Reading network documents from files (or standard input) and the `--as-of`
//! date: the CLI's only contact with the file system's inputs and the clock.

use std::{
    fmt, fs,
    io::{self, IsTerminal as _, Read as _},
    path::Path,
};

use chrono::NaiveDate;
use mcn_core::{JsonPointer, text::echo};
use mcn_network::{DEFAULT_INPUT_LIMIT, LoadError, NetworkDocument};

/// The environment variable that sets the largest input read, in bytes
/// (default [`DEFAULT_INPUT_LIMIT`], 2 GiB).
pub(crate) const LIMIT_VARIABLE: &str = "MCN_MAX_INPUT_BYTES";

/// The largest input read, in bytes: `MCN_MAX_INPUT_BYTES` or 2 GiB.
///
/// # Errors
///
/// The variable is set but not a whole number of bytes.
pub(crate) fn input_limit() -> Result<u64, String> {
    match std::env::var(LIMIT_VARIABLE) {
        Err(std::env::VarError::NotPresent) => Ok(DEFAULT_INPUT_LIMIT),
        Ok(text) => text.trim().parse::<u64>().map_err(|_| {
            format!(
                "{LIMIT_VARIABLE} must be a number of bytes, not \"{}\"",
                echo(&text)
            )
        }),
        Err(std::env::VarError::NotUnicode(_)) => {
            Err(format!("{LIMIT_VARIABLE} must be a number of bytes"))
        }
    }
}

/// Reads all of `reader`, refusing more than `limit` bytes (it stops reading
/// there, so `/dev/zero` is refused, not read forever).
pub(crate) fn read_limited(reader: impl io::Read, limit: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if u64::try_from(bytes.len()).map_or(true, |len| len > limit) {
        return Err(io::Error::other(format!(
            "the input is larger than the limit of {limit} bytes (set {LIMIT_VARIABLE} to allow more)"
        )));
    }
    Ok(bytes)
}

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

/// Parses exactly `YYYY-MM-DD` (as documents do: [`mcn_core::date::parse`]).
pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    mcn_core::date::parse(text).map_err(|error| error.to_string())
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
    /// `MCN_MAX_INPUT_BYTES` is not a number.
    Limit(String),
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
            Problem::Load(LoadError::TooLarge { limit }) => format!(
                "the input is larger than the limit of {limit} bytes (set {LIMIT_VARIABLE} to allow more)"
            ),
            Problem::Limit(message) | Problem::Load(LoadError::Invalid { message, .. }) => {
                message.clone()
            }
            Problem::Load(other) => other.to_string(),
        };
        echo(&text).into_owned()
    }
}

impl fmt::Display for InputError {
    /// `could not load FILE:LINE:COLUMN: /json/path: detail` (compiler style,
    /// so editors can jump to it), or `could not read FILE: detail`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = match self.problem {
            Problem::Load(LoadError::Io(_)) | Problem::Read(_) | Problem::Directory => "read",
            Problem::Terminal | Problem::Limit(_) | Problem::Load(_) => "load",
        };
        write!(f, "could not {verb} {}", self.file)?;
        if let Some((path, line, column)) = self.location() {
            write!(f, ":{line}:{column}: {}", echo(&path.to_string()))?;
        }
        write!(f, ": {}", self.detail())
    }
}

impl std::error::Error for InputError {}

/// How `path` is named in messages: as given (shortened, control characters
/// escaped: a file name can hold an escape sequence), `<stdin>` for `-`.
pub(crate) fn display_name(path: &Path) -> String {
    if path.as_os_str() == STDIN {
        "<stdin>".to_owned()
    } else {
        echo(&path.display().to_string()).into_owned()
    }
}

/// Reads and parses the document at `path` (`-`: standard input).
pub(crate) fn load(path: &Path) -> Result<NetworkDocument, InputError> {
    let fail = |problem| InputError {
        file: display_name(path),
        problem,
    };
    let limit = input_limit().map_err(|message| fail(Problem::Limit(message)))?;
    if path.as_os_str() == STDIN {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            return Err(fail(Problem::Terminal));
        }
        return NetworkDocument::from_reader_with_limit(stdin.lock(), limit)
            .map_err(|error| fail(Problem::Load(error)));
    }
    if path.is_dir() {
        return Err(fail(Problem::Directory));
    }
    let file = fs::File::open(path).map_err(|error| fail(Problem::Read(error)))?;
    NetworkDocument::from_reader_with_limit(io::BufReader::new(file), limit)
        .map_err(|error| fail(Problem::Load(error)))
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
        // chrono's "%Y-%m-%d" takes these; a document does not.
        assert!(NaiveDate::parse_from_str("2025-4-1", "%Y-%m-%d").is_ok());
        for lenient in [
            "2025-4-1",
            "2025-04-1",
            " 2025-04-01",
            "2025-04-01 ",
            "+2025-04-01",
        ] {
            assert!(parse_date(lenient).is_err(), "{lenient}");
        }
    }

    #[test]
    fn file_names_are_escaped() {
        let name = display_name(Path::new("evil\u{1b}[2J.json"));
        assert_eq!(name, "evil\\u{1b}[2J.json");
    }

    #[test]
    fn reads_stop_at_the_limit() {
        assert_eq!(read_limited(&b"abc"[..], 3).unwrap(), b"abc");
        let error = read_limited(io::repeat(0), 1000).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("larger than the limit of 1000 bytes")
        );
    }
}
