//! `mcn store`: a revisioned system of record (crate mcn-store) — init,
//! import, export, log, diff, apply. The clock is read here, never in the
//! store: a revision's time is now, as this adapter sees it.

use std::{io::Write as _, path::PathBuf, process::ExitCode};

use anyhow::Context as _;
use mcn_core::id::NetworkId;
use mcn_store::{Layout, Revision, Store, StoreError};

use crate::{exit, input, output};

/// Arguments of `mcn store`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    db: Db,
    #[command(subcommand)]
    command: StoreCommand,
}

/// The `--db URL` option of `mcn store`, `mcn token` and `mcn serve`.
#[derive(Debug, clap::Args)]
pub(crate) struct Db {
    /// The store: `sqlite://PATH` (created if missing), `sqlite::memory:` or
    /// `postgres://USER@HOST:PORT/DATABASE`.
    #[arg(
        long = "db",
        value_name = "URL",
        default_value = "sqlite://mcn.db",
        global = true
    )]
    pub(crate) url: String,
}

#[derive(Debug, clap::Subcommand)]
enum StoreCommand {
    /// Create the store (or bring its schema up to date).
    Init,
    /// Import a document: revision 1 of a new network, or with --network one
    /// change set onto that existing network.
    Import(ImportArgs),
    /// Write a network's document (the head, or any revision).
    Export(ExportArgs),
    /// List a network's revisions.
    Log(NetworkArg),
    /// List the entities that differ between two revisions.
    Diff(DiffArgs),
    /// Apply a change set (JSON, see docs/examples/store/change-set.json) as the next revision.
    Apply(ApplyArgs),
}

/// Which network (may be left out when the store holds exactly one).
#[derive(Debug, clap::Args)]
struct NetworkArg {
    /// The network's id.
    #[arg(long, value_name = "ID")]
    network: Option<NetworkId>,
}

#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// The network document (`-` for standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Import onto this existing network as one change set (it must be the
    /// document's own network id).
    #[arg(long, value_name = "ID")]
    network: Option<NetworkId>,
    /// Who imports (recorded in the log).
    #[arg(long, value_name = "NAME", default_value = "mcn")]
    author: String,
    /// Why (recorded in the log).
    #[arg(short, long, value_name = "TEXT", default_value = "import")]
    message: String,
}

#[derive(Debug, clap::Args)]
struct ExportArgs {
    #[command(flatten)]
    network: NetworkArg,
    /// The revision (default: the latest).
    #[arg(long, value_name = "N")]
    revision: Option<u64>,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct DiffArgs {
    /// The earlier revision.
    a: u64,
    /// The later revision.
    b: u64,
    #[command(flatten)]
    network: NetworkArg,
}

#[derive(Debug, clap::Args)]
struct ApplyArgs {
    /// The change set (`-` for standard input).
    #[arg(value_name = "CHANGES.json")]
    file: PathBuf,
    /// Who makes the change (recorded in the log).
    #[arg(long, value_name = "NAME")]
    author: String,
    #[command(flatten)]
    network: NetworkArg,
}

/// Runs `mcn store`.
pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    block_on(run_async(args))
}

/// Runs a store command on a single-threaded runtime (`mcn store`, `mcn token`).
pub(crate) fn block_on(
    command: impl Future<Output = anyhow::Result<ExitCode>>,
) -> anyhow::Result<ExitCode> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("could not start the async runtime")?
        .block_on(command)
}

/// The time of a new revision: now (an adapter may read the clock).
#[expect(
    clippy::disallowed_methods,
    reason = "the CLI is the adapter that gives the store its time"
)]
pub(crate) fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// Opens the store at `db`, the error naming it (`mcn store`, `mcn token`,
/// `mcn serve`).
pub(crate) async fn open(db: &str) -> anyhow::Result<Store> {
    Store::open(db)
        .await
        .with_context(|| format!("could not open the store {}", mcn_core::text::echo(db)))
}

async fn run_async(args: &Args) -> anyhow::Result<ExitCode> {
    let store = open(&args.db.url).await?;
    let result = match &args.command {
        StoreCommand::Init => {
            writeln!(
                std::io::stderr(),
                "mcn: store ready at {}",
                mcn_core::text::echo(&args.db.url)
            )?;
            Ok(ExitCode::SUCCESS)
        }
        StoreCommand::Import(a) => import(&store, a).await,
        StoreCommand::Export(a) => export(&store, a).await,
        StoreCommand::Log(a) => log(&store, a).await,
        StoreCommand::Diff(a) => diff(&store, a).await,
        StoreCommand::Apply(a) => apply(&store, a).await,
    };
    store.close().await;
    match result {
        Err(error) => match error.downcast::<StoreError>() {
            Ok(
                refused @ (StoreError::Conflict(_)
                | StoreError::Integrity(_)
                | StoreError::NetworkExists(_)),
            ) => {
                report_refusal(&refused)?;
                Ok(ExitCode::from(exit::FINDINGS))
            }
            Ok(other) => Err(other.into()),
            Err(other) => Err(other),
        },
        ok => ok,
    }
}

/// A refused change: one line per conflict or finding, on standard error.
fn report_refusal(error: &StoreError) -> anyhow::Result<()> {
    let mut err = std::io::stderr().lock();
    match error {
        StoreError::Conflict(conflicts) => {
            writeln!(err, "error: conflict, nothing written")?;
            for c in conflicts {
                let what = c
                    .collection
                    .map_or_else(|| "the profile".to_owned(), |col| format!("{col} {}", c.id));
                let expected = c.expected.map_or_else(
                    || "no expected version".to_owned(),
                    |e| {
                        e.revision()
                            .map_or_else(|| "absent".to_owned(), |n| format!("revision {n}"))
                    },
                );
                let current = c
                    .current
                    .map_or_else(|| "absent".to_owned(), |n| format!("revision {n}"));
                writeln!(
                    err,
                    "  /changes/{}: {what}: expected {expected}, current {current}",
                    c.change
                )?;
            }
        }
        StoreError::Integrity(findings) => {
            writeln!(err, "error: refused, nothing written")?;
            for f in findings {
                writeln!(
                    err,
                    "  {}: {} [{}]",
                    f.path,
                    mcn_core::text::echo(&f.message),
                    f.code
                )?;
            }
        }
        other => writeln!(err, "error: {other}")?,
    }
    Ok(())
}

async fn network(store: &Store, arg: &NetworkArg) -> anyhow::Result<NetworkId> {
    Ok(match arg.network {
        Some(id) => id,
        None => store.only_network().await?,
    })
}

fn summary(revision: &Revision) -> String {
    format!(
        "revision {} (+{} ~{} -{})",
        revision.number, revision.added, revision.changed, revision.removed
    )
}

async fn import(store: &Store, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let document = input::load(&args.file)?;
    let revision = match args.network {
        Some(id) if id != document.network.id => anyhow::bail!(
            "{} is network {}, not {id}: a document imports onto its own network only",
            input::display_name(&args.file),
            document.network.id
        ),
        Some(_) => {
            store
                .import_onto(&document, &args.author, &args.message, now())
                .await?
        }
        None => {
            store
                .import(&document, &args.author, &args.message, now())
                .await?
        }
    };
    writeln!(
        std::io::stderr(),
        "mcn: network {} {}",
        document.network.id,
        summary(&revision)
    )?;
    Ok(ExitCode::SUCCESS)
}

async fn export(store: &Store, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let id = network(store, &args.network).await?;
    let json = store.export(id, args.revision, Layout::Pretty).await?;
    output::write_to(args.output.as_deref(), |out| {
        out.write_all(json.as_bytes())?;
        out.write_all(b"\n")?;
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

async fn log(store: &Store, args: &NetworkArg) -> anyhow::Result<ExitCode> {
    let id = network(store, args).await?;
    let revisions = store.log(id).await?;
    output::write_to(None, |out| {
        for r in &revisions {
            writeln!(
                out,
                "{}\t{}\t{}\t+{} ~{} -{}\t{}",
                r.number,
                r.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                mcn_core::text::escape(&r.author),
                r.added,
                r.changed,
                r.removed,
                mcn_core::text::escape(&r.message)
            )?;
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

async fn diff(store: &Store, args: &DiffArgs) -> anyhow::Result<ExitCode> {
    let id = network(store, &args.network).await?;
    let diff = store.diff(id, args.a, args.b).await?;
    output::write_to(None, |out| {
        if diff.profile {
            writeln!(out, "~ network {id}")?;
        }
        for c in &diff.collections {
            for (mark, ids) in [("+", &c.added), ("~", &c.changed), ("-", &c.removed)] {
                for entity in ids {
                    writeln!(out, "{mark} {} {entity}", c.collection)?;
                }
            }
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

async fn apply(store: &Store, args: &ApplyArgs) -> anyhow::Result<ExitCode> {
    let name = input::display_name(&args.file);
    let limit = input::input_limit().map_err(anyhow::Error::msg)?;
    let bytes = if args.file.as_os_str() == "-" {
        input::read_limited(std::io::stdin().lock(), limit)
    } else {
        std::fs::File::open(&args.file).and_then(|file| input::read_limited(file, limit))
    }
    .with_context(|| format!("could not read {name}"))?;
    let changes =
        mcn_store::parse_change_set(&bytes).with_context(|| format!("could not load {name}"))?;
    let id = network(store, &args.network).await?;
    let revision = store.apply(id, &changes, &args.author, now()).await?;
    writeln!(
        std::io::stderr(),
        "mcn: network {id} {}",
        summary(&revision)
    )?;
    Ok(ExitCode::SUCCESS)
}
