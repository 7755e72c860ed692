//! `mcn generate`: write a deterministic synthetic network document.

use std::{
    io::{self, IsTerminal as _, Write},
    path::PathBuf,
    process::ExitCode,
    time::Instant,
};

use mcn_network::NetworkDocument;
use mcn_synthetic::Scale;

use crate::{input::AsOf, output};

/// The seed used when `--seed` is not given.
const DEFAULT_SEED: u64 = 1;

/// Arguments of `mcn generate`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// How big a network: `small` (one regional network) or `national` (England-wide).
    #[arg(long, value_enum)]
    scale: ScaleArg,
    /// Seed for every random choice: the same seed, scale and --as-of give the same bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_SEED)]
    seed: u64,
    #[command(flatten)]
    as_of: AsOf,
    /// Write the document to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Write JSON on one line instead of pretty-printed (much smaller at national scale).
    #[arg(long)]
    compact: bool,
}

/// `--scale` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ScaleArg {
    /// About one regional network.
    Small,
    /// England-wide: ~1,500 organisations, ~25,000 people, ~1,000,000 registrations.
    National,
}

impl ScaleArg {
    const fn name(self) -> &'static str {
        match self {
            Self::Small => "small",
            Self::National => "national",
        }
    }
}

impl From<ScaleArg> for Scale {
    fn from(scale: ScaleArg) -> Self {
        match scale {
            ScaleArg::Small => Self::Small,
            ScaleArg::National => Self::National,
        }
    }
}

/// Runs `mcn generate`.
pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let as_of = args.as_of.date();
    let mut progress =
        Progress::new(args.scale == ScaleArg::National && io::stderr().is_terminal());
    progress.stage(&format!(
        "generating a {} network (seed {}, as of {as_of})...",
        args.scale.name(),
        args.seed
    ));
    let document = mcn_synthetic::generate(args.seed, args.scale.into(), as_of);
    progress.done(&counts(&document));
    let target = args.output.as_ref().map_or_else(
        || "standard output".to_owned(),
        |path| path.display().to_string(),
    );
    progress.stage(&format!("writing JSON to {target}..."));
    let mut written = 0;
    output::write_to(args.output.as_deref(), |out| {
        let mut out = Counting {
            inner: out,
            bytes: 0,
        };
        if args.compact {
            serde_json::to_writer(&mut out, &document)?;
        } else {
            serde_json::to_writer_pretty(&mut out, &document)?;
        }
        writeln!(out)?;
        written = out.bytes;
        Ok(())
    })?;
    #[allow(clippy::cast_precision_loss)] // a size for people to read
    progress.done(&format!("{:.1} MB", written as f64 / 1e6));
    Ok(ExitCode::SUCCESS)
}

/// `N organisations, N people, ...` for the progress display.
fn counts(document: &NetworkDocument) -> String {
    format!(
        "{} organisations, {} people, {} meetings, {} registrations, {} adoptions, {} audit results",
        document.organisations.len(),
        document.people.len(),
        document.meetings.len(),
        document.registrations.len(),
        document.adoptions.len(),
        document.audit_results.len(),
    )
}

/// Plain-text stages on standard error, when it is a terminal and the work is
/// long: `mcn: generating ... done: ... (1.2 s)`.
struct Progress {
    shown: bool,
    started: Instant,
}

impl Progress {
    fn new(shown: bool) -> Self {
        Self {
            shown,
            started: Instant::now(),
        }
    }

    fn stage(&mut self, what: &str) {
        self.started = Instant::now();
        if self.shown {
            let mut err = io::stderr().lock();
            let _ = write!(err, "mcn: {what} ");
            let _ = err.flush();
        }
    }

    fn done(&self, what: &str) {
        if self.shown {
            let _ = writeln!(
                io::stderr(),
                "done: {what} ({:.1} s)",
                self.started.elapsed().as_secs_f64()
            );
        }
    }
}

/// Counts the bytes written through it.
struct Counting<W> {
    inner: W,
    bytes: usize,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
