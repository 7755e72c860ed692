//! Writing results: to standard output or `-o FILE`, and what to do when the
//! reader of standard output goes away (`mcn ... | head`): stop quietly.
//!
//! Rust ignores `SIGPIPE`, so a closed pipe is an `EPIPE` error on write;
//! `println!` would panic on it. Everything here returns errors instead.
//!
//! Files are never half-written: each is written to a temporary file in the
//! same directory, flushed and synced, then renamed over the target, so a full
//! disk or a killed process leaves the old file as it was. `-o -` is standard
//! output. A command refuses an output that is one of its inputs unless it
//! documents writing in place.

use std::{
    fs::{self, File, OpenOptions},
    io::{self, BufWriter, Write},
    path::{Path, PathBuf},
    sync::atomic::{AtomicU32, Ordering},
};

use anyhow::{Context as _, bail};

/// `-o FILE` as given: `None` or `-` mean standard output.
fn file_of(output: Option<&Path>) -> Option<&Path> {
    output.filter(|path| *path != Path::new("-"))
}

/// Refuses `output` when it names one of `inputs` (the same file, however
/// spelled: through `..`, a symbolic link or a hard link), so a command cannot
/// replace what it reads. Standard input and output (`-`) never clash.
pub(crate) fn refuse_overwriting_inputs(
    output: Option<&Path>,
    inputs: &[&Path],
) -> anyhow::Result<()> {
    let Some(output) = file_of(output) else {
        return Ok(());
    };
    for input in inputs.iter().filter(|input| **input != Path::new("-")) {
        if same_file(output, input) {
            bail!(
                "refusing to write {} over the input {}: choose another output file",
                output.display(),
                input.display()
            );
        }
    }
    Ok(())
}

/// Whether `a` and `b` name one existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => same_inode(&a, &b),
        _ => false,
    }
}

#[cfg(unix)]
fn same_inode(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_inode(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

/// A temporary file beside its target, removed unless it was renamed over it.
struct Staged {
    path: PathBuf,
    file: Option<File>,
}

impl Staged {
    /// Creates a new, empty temporary file in `target`'s directory, with the
    /// permissions of `target` when it exists.
    fn beside(target: &Path) -> anyhow::Result<Self> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let Some(name) = target.file_name() else {
            bail!("{} names no file", target.display());
        };
        let directory = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let mut staged_name = std::ffi::OsString::from(".");
        staged_name.push(name);
        staged_name.push(format!(
            ".{}.{}.tmp",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let path = directory.join(staged_name);
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)?;
        let staged = Self {
            path,
            file: Some(file),
        };
        if let Ok(existing) = fs::metadata(target) {
            fs::set_permissions(&staged.path, existing.permissions())?;
        }
        Ok(staged)
    }

    /// Syncs the file and renames it over `target`.
    fn commit(mut self, target: &Path) -> anyhow::Result<()> {
        if let Some(file) = self.file.take() {
            file.sync_all()?;
        }
        fs::rename(&self.path, target)?;
        self.path = PathBuf::new();
        // The rename is durable once the directory is synced (where a
        // directory can be opened; a failure here loses nothing).
        if let Some(directory) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            let _ = File::open(directory).and_then(|d| d.sync_all());
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.path.as_os_str().is_empty() {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Writes `file` atomically: `write` fills a temporary file beside it, which
/// then replaces it. On any error the old file, if any, is untouched.
pub(crate) fn write_file(
    file: &Path,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut staged =
        Staged::beside(file).with_context(|| format!("could not create {}", file.display()))?;
    let written = (|| {
        {
            let Some(handle) = staged.file.as_mut() else {
                bail!("the temporary file is closed");
            };
            let mut out = BufWriter::new(handle);
            write(&mut out)?;
            out.flush()?;
        }
        staged.commit(file)
    })();
    written.with_context(|| format!("could not write {}", file.display()))
}

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

/// Runs `write` on a buffered writer to `file` (atomically, see
/// [`write_file`]), or to standard output when `file` is `None` or `-`, and
/// flushes it. Errors name the file; a closed standard output is reported as
/// a broken pipe (see [`is_broken_pipe`]).
pub(crate) fn write_to(
    file: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    if let Some(path) = file_of(file) {
        write_file(path, write)
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
