//! The export of an existing store against the parse of the same JSON, in
//! one process (not a test: its figures go into `docs/PERFORMANCE.md`,
//! "Store"). Usage, after `peak URL import national`:
//!
//! ```text
//! cargo run --release -p mcn-store --example export_time -- URL [RUNS]
//! ```
//!
//! Exports the head of the store's one network (compact) RUNS times (3 by
//! default), then parses the JSON as many times with
//! `NetworkDocument::from_json`, and prints each time and the ratio of the
//! fastest of each. Unlike the bench, the store is not freshly imported:
//! PostgreSQL has had its autovacuum, as a store in service has.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr
)]

use std::time::{Duration, Instant};

use mcn_network::NetworkDocument;
use mcn_store::{Layout, Store};

/// The fastest of `runs` runs of `f`, after printing each as `what`.
async fn fastest<T, F: Future<Output = T>>(
    what: &str,
    runs: usize,
    mut f: impl FnMut() -> F,
) -> (Duration, Option<T>) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let value = f().await;
        let took = start.elapsed();
        println!("{what}: {:.3} s", took.as_secs_f64());
        best = best.min(took);
        last = Some(value);
    }
    (best, last)
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(url), runs) = (args.first(), args.get(1)) else {
        eprintln!("usage: export_time URL [RUNS]");
        std::process::exit(2);
    };
    let runs = runs.map_or(3, |r| r.parse().expect("RUNS is a number"));
    let store = Store::open(url).await.unwrap();
    let network = store.only_network().await.unwrap();
    let (export, json) = fastest("export", runs, || {
        store.export(network, None, Layout::Compact)
    })
    .await;
    let json = json.expect("at least one run").unwrap();
    let (parse, _) = fastest("parse", runs, || async {
        NetworkDocument::from_json(json.as_bytes()).unwrap()
    })
    .await;
    println!(
        "fastest: export {:.3} s, parse {:.3} s: {:.2} x the parse ({} bytes of JSON)",
        export.as_secs_f64(),
        parse.as_secs_f64(),
        export.as_secs_f64() / parse.as_secs_f64(),
        json.len()
    );
    store.close().await;
}
