//! Exit statuses shared by every subcommand (documented in the crate README).

/// The check found error findings (or warnings, with `--deny-warnings`).
pub(crate) const FINDINGS: u8 = 1;

/// The input could not be read or parsed, the output could not be written, or
/// the command line was wrong (clap's own usage errors also exit 2).
pub(crate) const UNUSABLE: u8 = 2;
