//! `mcn serve`: the network API (crate mcn-http) as a standalone server over
//! a store, authenticating bearer tokens kept in that store (`mcn token`).
//! Stops on SIGINT or SIGTERM after finishing the requests in flight.

use std::{io::Write as _, net::SocketAddr, process::ExitCode};

use anyhow::Context as _;
use mcn_http::{AppState, Limits, tokens::StoreTokens};

/// Arguments of `mcn serve`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    db: crate::store::Db,
    /// The address to listen on (port 0: any free port, printed).
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// Largest whole-document body (import, validate), in bytes.
    #[arg(long, value_name = "BYTES")]
    max_document_bytes: Option<usize>,
    /// Largest entity-write or change-set body, in bytes.
    #[arg(long, value_name = "BYTES")]
    max_entity_bytes: Option<usize>,
}

/// Runs `mcn serve` until a signal stops it.
pub(crate) fn run(args: &Args) -> anyhow::Result<ExitCode> {
    // The access log and request spans go to standard error; `MCN_LOG`
    // filters them (default `info`, the database driver's notices left out).
    let filter = tracing_subscriber::EnvFilter::try_from_env("MCN_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("could not start the async runtime")?;
    runtime.block_on(serve(args))
}

async fn serve(args: &Args) -> anyhow::Result<ExitCode> {
    let store = crate::store::open(&args.db.url).await?;
    let mut limits = Limits::default();
    if let Some(bytes) = args.max_document_bytes {
        limits = limits.with_document_body(bytes);
    }
    if let Some(bytes) = args.max_entity_bytes {
        limits = limits.with_entity_body(bytes);
    }
    let state = AppState::new(store.clone(), StoreTokens::new(store.clone())).with_limits(limits);
    let listener = tokio::net::TcpListener::bind(args.bind)
        .await
        .with_context(|| format!("could not listen on {}", args.bind))?;
    let address = listener.local_addr()?;
    writeln!(std::io::stderr(), "mcn: serving http://{address}")?;
    axum::serve(listener, mcn_http::router(state))
        .with_graceful_shutdown(stopped())
        .await
        .context("the server failed")?;
    store.close().await;
    writeln!(std::io::stderr(), "mcn: stopped")?;
    Ok(ExitCode::SUCCESS)
}

/// Resolves on SIGINT (Ctrl-C) or, on Unix, SIGTERM.
async fn stopped() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
