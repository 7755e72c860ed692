//! A load test of the router on loopback (not a test: its figures go into
//! `docs/PERFORMANCE.md`). Usage:
//!
//! ```text
//! cargo run --release -p mcn-http --example load -- [small|national] [CLIENTS] [SECONDS]
//! ```
//!
//! Generates the synthetic network, imports it into a fresh `SQLite` store
//! (or the store at `MCN_LOAD_DB`, e.g. a `PostgreSQL` URL of an empty
//! database), serves the router on 127.0.0.1 and runs CLIENTS keep-alive
//! HTTP/1.1 connections for SECONDS per scenario: get one entity, list a
//! page of 100, one-entity write (each client its own entity, through
//! `If-Match`; each client its own person), and the evaluation report
//! (JSON, 4 clients) twice: from the router's report cache, and rendered
//! anew for every request (`Cache-Control: no-cache`; the store's findings
//! cache still serves the rules), after one cold first request (findings,
//! evaluation and rendering) timed alone. Prints requests per second (per
//! the time taken, as the last requests may end after the deadline),
//! p50/p99 latency and the load average before and after each scenario.
//! The router's request timeout is 10 minutes here, so slow national
//! reports are measured, not cut.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)]

use std::{
    fmt::Write as _,
    net::SocketAddr,
    time::{Duration, Instant},
};

use mcn_http::{AppState, NetworkScope, Principal, Role, StaticTokens};
use tokio::{
    io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _, BufReader},
    net::TcpStream,
};

const TOKEN: &str = "load";

/// One keep-alive connection.
struct Client {
    stream: BufReader<TcpStream>,
}

impl Client {
    async fn new(address: SocketAddr) -> Self {
        let stream = TcpStream::connect(address).await.unwrap();
        stream.set_nodelay(true).unwrap();
        Self {
            stream: BufReader::new(stream),
        }
    }

    /// One exchange: status, etag, body.
    async fn call(
        &mut self,
        method: &str,
        path: &str,
        extra: &str,
        body: &str,
    ) -> (u16, String, Vec<u8>) {
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nhost: l\r\nauthorization: Bearer {TOKEN}\r\n{extra}"
        );
        if body.is_empty() {
            request.push_str("\r\n");
        } else {
            let _ = write!(
                request,
                "content-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                body.len()
            );
        }
        self.stream
            .get_mut()
            .write_all(request.as_bytes())
            .await
            .unwrap();
        let mut status = 0;
        let mut length = 0;
        let mut etag = String::new();
        loop {
            let mut line = String::new();
            self.stream.read_line(&mut line).await.unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(rest) = line.strip_prefix("HTTP/1.1 ") {
                status = rest[..3].parse().unwrap();
            } else if let Some((name, value)) = line.split_once(": ") {
                match name.to_ascii_lowercase().as_str() {
                    "content-length" => length = value.parse().unwrap(),
                    "etag" => etag = value.to_owned(),
                    _ => {}
                }
            }
        }
        let mut body = vec![0; length];
        self.stream.read_exact(&mut body).await.unwrap();
        (status, etag, body)
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

/// The one-minute load average (Linux), or `?`.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".to_owned())
}

/// How a scenario's clients call: GET, GET with `Cache-Control: no-cache`,
/// or PUT with the `If-Match` of their last answer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Call {
    Get,
    GetNoCache,
    Put,
}

async fn scenario(
    name: &'static str,
    address: SocketAddr,
    clients: usize,
    seconds: u64,
    make: impl Fn(usize) -> (String, String) + Clone + Send + 'static,
    call: Call,
) {
    let load_before = load_average();
    let write = call == Call::Put;
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for c in 0..clients {
        let make = make.clone();
        tasks.push(tokio::spawn(async move {
            let mut client = Client::new(address).await;
            let mut latencies = Vec::new();
            let (path, template) = make(c);
            let mut etag = String::new();
            if write {
                etag = client.call("GET", &path, "", "").await.1;
            }
            while Instant::now() < deadline {
                let start = Instant::now();
                let (status, new_etag, body) = if write {
                    client
                        .call("PUT", &path, &format!("if-match: {etag}\r\n"), &template)
                        .await
                } else if call == Call::GetNoCache {
                    client
                        .call("GET", &path, "cache-control: no-cache\r\n", "")
                        .await
                } else {
                    client.call("GET", &path, "", "").await
                };
                assert!(
                    status == 200,
                    "{name}: {status} {}",
                    String::from_utf8_lossy(&body)
                );
                if write {
                    etag = new_etag;
                }
                latencies.push(start.elapsed());
            }
            latencies
        }));
    }
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    // The last requests may end after the deadline: rates are per the
    // time taken.
    let elapsed = started.elapsed().as_secs_f64();
    all.sort();
    println!(
        "{name:<32} {clients:>3} clients {elapsed:>5.1} s: {:>8.1} req/s  p50 {:>8.2} ms  p99 {:>8.2} ms  ({} requests; load {load_before} -> {})",
        all.len() as f64 / elapsed,
        percentile(&all, 0.5).as_secs_f64() * 1e3,
        percentile(&all, 0.99).as_secs_f64() * 1e3,
        all.len(),
        load_average()
    );
}

/// Imports `document` into a store and serves the router on loopback.
async fn serve(document: &mcn_network::NetworkDocument) -> (SocketAddr, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = std::env::var("MCN_LOAD_DB")
        .unwrap_or_else(|_| format!("sqlite://{}", dir.path().join("load.db").display()));
    let store = mcn_store::Store::open(&url).await.unwrap();
    let started = Instant::now();
    store
        .import(document, "load", "load", chrono::DateTime::UNIX_EPOCH)
        .await
        .unwrap();
    println!(
        "store {url}: imported in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let tokens = StaticTokens::new().with(
        TOKEN,
        Principal {
            name: "load".to_owned(),
            role: Role::Coordinator,
            networks: NetworkScope::All,
        },
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    // A national report rendered anew takes longer than the default minute
    // when clients queue for the two cores: a longer limit, so it is measured.
    let limits = mcn_http::Limits::default().with_timeout(Duration::from_mins(10));
    let router = mcn_http::router(AppState::new(store, tokens).with_limits(limits));
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (address, dir)
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let scale = match args.get(1).map(String::as_str) {
        Some("national") => mcn_synthetic::Scale::National,
        _ => mcn_synthetic::Scale::Small,
    };
    let clients: usize = args.get(2).map_or(16, |c| c.parse().unwrap());
    let seconds: u64 = args.get(3).map_or(10, |s| s.parse().unwrap());
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
    let document = mcn_synthetic::generate(7, scale, as_of);
    let (address, _dir) = serve(&document).await;
    let network = document.network.id;
    let people: Vec<String> = document.people.iter().map(|p| p.id.to_string()).collect();
    let writable: Vec<serde_json::Value> = document
        .people
        .iter()
        .map(|l| serde_json::to_value(l).unwrap())
        .collect();
    let base = format!("/networks/{network}");
    {
        let (base, people) = (base.clone(), people.clone());
        scenario(
            "get one entity",
            address,
            clients,
            seconds,
            move |c| {
                (
                    format!("{base}/people/{}", people[c * 97 % people.len()]),
                    String::new(),
                )
            },
            Call::Get,
        )
        .await;
    }
    {
        let base = base.clone();
        scenario(
            "list a page of 100",
            address,
            clients,
            seconds,
            move |_| (format!("{base}/people?limit=100"), String::new()),
            Call::Get,
        )
        .await;
    }
    {
        let base = base.clone();
        assert!(writable.len() >= clients, "one person per client");
        scenario(
            "one-entity write",
            address,
            clients,
            seconds,
            move |c| {
                let entity = &writable[c];
                (
                    format!("{base}/people/{}", entity["id"].as_str().unwrap()),
                    entity.to_string(),
                )
            },
            Call::Put,
        )
        .await;
    }
    {
        // The first report of the head: the findings, the evaluation and
        // the rendering, nothing cached.
        let mut client = Client::new(address).await;
        let started = Instant::now();
        let (status, _, body) = client
            .call("GET", &format!("{base}/report?as_of=2026-04-01"), "", "")
            .await;
        assert!(status == 200, "{}", String::from_utf8_lossy(&body));
        println!(
            "first report of the head (cold)    1 client:  {:>8.2} ms ({} bytes)",
            started.elapsed().as_secs_f64() * 1e3,
            body.len()
        );
    }
    for (name, call) in [
        ("evaluation report (json, cached)", Call::Get),
        ("evaluation report (json, anew)", Call::GetNoCache),
    ] {
        let base = base.clone();
        scenario(
            name,
            address,
            clients.min(4),
            seconds,
            move |_| (format!("{base}/report?as_of=2026-04-01"), String::new()),
            call,
        )
        .await;
    }
}
