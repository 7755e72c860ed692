//! Peak memory of an export (not a test: its figures go into
//! `docs/PERFORMANCE.md`, "Store"). Usage:
//!
//! ```text
//! cargo run --release -p mcn-store --example peak -- URL import [small|tenth|national]
//! cargo run --release -p mcn-store --example peak -- URL export [compact|pretty]
//! ```
//!
//! `import` generates the synthetic network (seed 1, as of 2026-04-01) into
//! the empty store at URL; `export` opens the store, notes the process's
//! peak resident memory (`VmHWM`), exports the head, and prints the JSON's
//! size and the peak's growth, as bytes and as a multiple of the JSON.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_precision_loss,
    clippy::print_stdout,
    clippy::print_stderr
)]

use mcn_store::{Layout, Store};
use mcn_synthetic::{Counts, Scale, generate};

/// The process's peak resident set, in bytes.
fn peak() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kib: u64 = line
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap();
    kib * 1024
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [url, verb, what] = args.as_slice() else {
        eprintln!("usage: peak URL import SCALE | peak URL export LAYOUT");
        std::process::exit(2);
    };
    let store = Store::open(url).await.unwrap();
    if verb == "import" {
        let scale = match what.as_str() {
            "small" => Scale::Small,
            "tenth" => Scale::Custom(Counts::NATIONAL.scaled(1, 10)),
            _ => Scale::National,
        };
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        let document = generate(1, scale, as_of);
        let at = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let started = std::time::Instant::now();
        store.import(&document, "peak", "import", at).await.unwrap();
        println!("imported {what} in {:.2?}", started.elapsed());
    } else {
        let layout = if what == "pretty" {
            Layout::Pretty
        } else {
            Layout::Compact
        };
        let network = store.only_network().await.unwrap();
        let before = peak();
        let json = store.export(network, None, layout).await.unwrap();
        let after = peak();
        let grown = after.saturating_sub(before);
        println!(
            "export {what}: {} bytes of JSON; peak {before} -> {after} bytes (+{grown}, {:.2}x the JSON)",
            json.len(),
            grown as f64 / json.len() as f64
        );
    }
    store.close().await;
}
