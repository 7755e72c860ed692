//! `mcn token`: bearer tokens for `mcn serve`, kept in the store (only
//! their SHA-256): create (printed once), list, revoke.

use std::{io::Write as _, process::ExitCode};

use anyhow::{Context as _, bail};
use mcn_core::id::{NetworkId, OrganisationId};
use mcn_http::{NetworkScope, Principal, Role, tokens};
use mcn_store::Store;
use uuid::Uuid;

use crate::{exit, output};

/// Arguments of `mcn token`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    db: crate::store::Db,
    #[command(subcommand)]
    command: TokenCommand,
}

#[derive(Debug, clap::Subcommand)]
enum TokenCommand {
    /// Create a token and print it (once: only its hash is kept).
    Create(CreateArgs),
    /// List the tokens (never the tokens themselves).
    List,
    /// Revoke a token by its id.
    Revoke {
        /// The token's id (from `mcn token list`).
        id: Uuid,
    },
}

/// A role on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum RoleArg {
    /// Reads; staff personal data redacted.
    Viewer,
    /// Writes what its organisations own.
    MemberEditor,
    /// Reads and writes everything in its network.
    Coordinator,
    /// Everything, and creates networks.
    Admin,
}

#[derive(Debug, clap::Args)]
struct CreateArgs {
    /// What the token may do.
    #[arg(long, value_enum)]
    role: RoleArg,
    /// A member editor's organisation: its ODS code or id (repeatable).
    #[arg(long = "organisation", value_name = "ODS_OR_ID")]
    organisations: Vec<String>,
    /// The network it may use (an admin without one may use every network).
    #[arg(long, value_name = "ID")]
    network: Option<NetworkId>,
    /// Who holds it: the author of its changes (default: the role).
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
}

/// Runs `mcn token`.
pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    crate::store::block_on(run_async(args))
}

async fn run_async(args: &Args) -> anyhow::Result<ExitCode> {
    let store = crate::store::open(&args.db.url).await?;
    let result = match &args.command {
        TokenCommand::Create(create) => create_token(&store, create).await,
        TokenCommand::List => list(&store).await,
        TokenCommand::Revoke { id } => {
            if store.revoke_token(*id, crate::store::now()).await? {
                writeln!(std::io::stderr(), "mcn: token {id} revoked")?;
                Ok(ExitCode::SUCCESS)
            } else {
                writeln!(std::io::stderr(), "mcn: no valid token {id}")?;
                Ok(ExitCode::from(exit::FINDINGS))
            }
        }
    };
    store.close().await;
    result
}

async fn create_token(store: &Store, args: &CreateArgs) -> anyhow::Result<ExitCode> {
    let networks = match (args.network, args.role) {
        (Some(network), _) => {
            store
                .head(network)
                .await
                .with_context(|| format!("no network {network} in the store"))?;
            NetworkScope::Only(vec![network])
        }
        (None, RoleArg::Admin) => NetworkScope::All,
        (None, _) => bail!("--network ID: only an admin token may go without one"),
    };
    let role = match args.role {
        RoleArg::Viewer => Role::Viewer,
        RoleArg::Coordinator => Role::Coordinator,
        RoleArg::Admin => Role::Admin,
        RoleArg::MemberEditor => {
            let Some(network) = args.network else {
                bail!("--network ID: a member editor edits in one network");
            };
            if args.organisations.is_empty() {
                bail!(
                    "--organisation ODS_OR_ID: a member editor edits for one or more organisations"
                );
            }
            let document = store.document_at(network, None).await?;
            let organisations = args
                .organisations
                .iter()
                .map(|wanted| organisation(&document, wanted))
                .collect::<anyhow::Result<Vec<_>>>()?;
            Role::MemberEditor { organisations }
        }
    };
    if args.role != RoleArg::MemberEditor && !args.organisations.is_empty() {
        bail!("--organisation is for member editors only");
    }
    let principal = Principal {
        name: args
            .name
            .clone()
            .unwrap_or_else(|| role.name().replace('_', " ")),
        role,
        networks,
    };
    let issued = tokens::issue(store, &principal, crate::store::now()).await?;
    writeln!(
        std::io::stderr(),
        "mcn: token {} for {} ({}); it is shown once, keep it safe:",
        issued.record.id,
        mcn_core::text::echo(&principal.name),
        principal.role.name()
    )?;
    output::write_to(None, |out| {
        writeln!(out, "{}", issued.token)?;
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The organisation of `document` with this id or ODS code.
fn organisation(
    document: &mcn_network::NetworkDocument,
    wanted: &str,
) -> anyhow::Result<OrganisationId> {
    let by_id = wanted.parse::<OrganisationId>().ok();
    document
        .organisations
        .iter()
        .find(|o| {
            Some(o.id) == by_id
                || o.ods_code()
                    .is_some_and(|code| code.value().eq_ignore_ascii_case(wanted))
        })
        .map(|o| o.id)
        .with_context(|| {
            format!(
                "--organisation {}: no organisation with that id or ODS code in network {}",
                mcn_core::text::echo(wanted),
                document.network.id
            )
        })
}

async fn list(store: &Store) -> anyhow::Result<ExitCode> {
    let records = store.tokens().await?;
    output::write_to(None, |out| {
        for record in &records {
            let grant = tokens::principal(record).map_or_else(
                |_| "unreadable".to_owned(),
                |p| match &p.networks {
                    NetworkScope::Only(n) => format!(
                        "{} of {}",
                        p.role.name(),
                        n.iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    _ => format!("{} of every network", p.role.name()),
                },
            );
            let state = record.revoked.map_or_else(
                || "valid".to_owned(),
                |at| format!("revoked {}", at.to_rfc3339()),
            );
            writeln!(
                out,
                "{}\t{}\t{}\tcreated {}\t{}",
                record.id,
                mcn_core::text::echo(&record.name),
                grant,
                record.created.to_rfc3339(),
                state
            )?;
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
