//! Writing results: to standard output or `-o FILE`, and what to do when the
//! reader of standard output goes away (`mcn ... | head`): stop quietly.
//!
//! Rust ignores `SIGPIPE`, so a closed pipe is an `EPIPE` error on write;
//! `println!` would panic on it. Everything here returns errors instead.

use std::{
    fs::File,
    io::{self, BufWriter, Write},
    path::Path,
};

use anyhow::Context as _;

/// Whether `error` (or anything it wraps) is a write to a closed pipe.
pub(crate) fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .map(io::Error::kind)
            .or_else(|| {
                cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            })
            == Some(io::ErrorKind::BrokenPipe)
    })
}

/// Runs `write` on a buffered writer to `file`, or to standard output when
/// `file` is `None`, and flushes it. Errors name the file; a closed standard
/// output is reported as a broken pipe (see [`is_broken_pipe`]).
pub(crate) fn write_to(
    file: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    if let Some(path) = file {
        let created =
            File::create(path).with_context(|| format!("could not create {}", path.display()))?;
        let mut out = BufWriter::new(created);
        write(&mut out)
            .and_then(|()| out.flush().map_err(anyhow::Error::from))
            .with_context(|| format!("could not write {}", path.display()))
    } else {
        let mut out = BufWriter::new(io::stdout().lock());
        write(&mut out)
            .and_then(|()| out.flush().map_err(anyhow::Error::from))
            .context("could not write to standard output")
    }
}

/// Standard output that, once its reader has gone, swallows further writes
/// instead of failing: a command can then finish its work and still exit with
/// the status its result deserves.
pub(crate) struct QuietStdout {
    out: BufWriter<io::StdoutLock<'static>>,
    closed: bool,
}

impl QuietStdout {
    /// Locks standard output.
    pub(crate) fn new() -> Self {
        Self {
            out: BufWriter::new(io::stdout().lock()),
            closed: false,
        }
    }

    fn quiet(&mut self, result: io::Result<usize>, len: usize) -> io::Result<usize> {
        match result {
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(len)
            }
            other => other,
        }
    }
}

impl Write for QuietStdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.out.write(buf);
        self.quiet(result, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.out.flush().map(|()| 0);
        self.quiet(result, 0).map(drop)
    }
}
