//! Adversarial shapes: documents where one relation has a large fan-in or
//! depth (seats on one body, people at one meeting, representatives of one
//! organisation, meetings of one body, terms-of-reference versions, part-of,
//! successor and supersedes chains, many references to one entity), each at
//! n, 2n and 4n. Each is timed as a whole load (`from_json`, `Network::new`,
//! `validate` and `mcn_evaluation::evaluate`), so any cost that grows faster
//! than the input shows as a growth per doubling above 2×.
//!
//! ```text
//! cargo bench -p mcn-tests --bench adversarial            # divan timings
//! ADVERSARIAL_TABLE=1 cargo bench -p mcn-tests --bench adversarial
//! ```
//!
//! The second form prints the table of `docs/PERFORMANCE.md` ("Adversarial
//! shapes"): the best of five wall times, and the peak memory of one run in a
//! fresh process (this binary again, given the document in a temporary file):
//! how much its peak resident set (`VmHWM` in `/proc/self/status`, Linux
//! only; elsewhere the column is empty) grew from after reading the file to
//! after the run. Each document is built from the minimal example
//! (`mcn_testkit::adversarial`), outside the timed part.
#![allow(clippy::expect_used, clippy::indexing_slicing, clippy::print_stdout)] // a bench may stop loudly (building JSON by index) and print its table

use std::{sync::LazyLock, time::Instant};

use divan::{Bencher, black_box};
use mcn_core::NaiveDate;
use mcn_evaluation::EvaluationSettings;
use mcn_network::{Network, NetworkDocument};
use mcn_testkit::adversarial::Shape;

/// The date every document is validated and evaluated as of.
fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 1).expect("a valid date")
}

/// The timed part: load, validate, evaluate.
fn run(bytes: &[u8]) -> usize {
    let document = NetworkDocument::from_json(bytes).expect("an adversarial document loads");
    let network = Network::new(document);
    let report = network.validate(as_of());
    let evaluation =
        mcn_evaluation::evaluate(&network, &report, as_of(), &EvaluationSettings::default());
    report.findings().len() + evaluation.indicators.len()
}

/// Each shape's documents at n, 2n, 4n, built once.
static DOCUMENTS: LazyLock<Vec<(Shape, [Vec<u8>; 3])>> = LazyLock::new(|| {
    Shape::ALL
        .iter()
        .map(|&shape| {
            let n = shape.n();
            (
                shape,
                [
                    shape.document(n),
                    shape.document(2 * n),
                    shape.document(4 * n),
                ],
            )
        })
        .collect()
});

fn bytes(shape: usize, size: usize) -> &'static [u8] {
    DOCUMENTS
        .get(shape)
        .and_then(|(_, sizes)| sizes.get(size))
        .map(Vec::as_slice)
        .expect("a shape and size of the table")
}

/// Shape index (in `Shape::ALL`) × size (0: n, 1: 2n, 2: 4n).
#[divan::bench(args = [0, 1, 2], consts = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], sample_count = 5, sample_size = 1)]
fn shape<const SHAPE: usize>(bencher: Bencher, size: usize) {
    let input = bytes(SHAPE, size);
    bencher.bench(|| run(black_box(input)));
}

/// Peak resident memory of this process so far (kB), where Linux offers it.
fn peak_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// In a child process: read the document at `path`, note the peak resident
/// memory, run once, and print how much the peak grew (kB).
fn child(path: &std::ffi::OsStr) {
    let input = std::fs::read(path).expect("the parent wrote the document");
    let before = peak_kb();
    black_box(run(black_box(&input)));
    if let (Some(before), Some(after)) = (before, peak_kb()) {
        println!("{}", after.saturating_sub(before));
    }
}

/// The peak memory of one run in a fresh process (MB), or `None` where the
/// platform does not report it.
fn peak_mb(input: &[u8]) -> Option<f64> {
    let path = std::env::temp_dir().join(format!("mcn-adversarial-{}.json", std::process::id()));
    std::fs::write(&path, input).ok()?;
    let output = std::process::Command::new(std::env::current_exe().ok()?)
        .env("ADVERSARIAL_CHILD", &path)
        .output()
        .ok();
    let _ = std::fs::remove_file(&path);
    let kb: u64 = String::from_utf8(output?.stdout)
        .ok()?
        .trim()
        .parse()
        .ok()?;
    #[allow(clippy::cast_precision_loss)] // kB counts are far below 2^52
    Some(kb as f64 / 1024.0)
}

fn table() {
    println!(
        "| shape | n | JSON at 4n (MB) | time n / 2n / 4n (ms) | growth per doubling | steps: growth per doubling | peak memory n / 2n / 4n (MB) | growth |"
    );
    println!("|---|---:|---:|---|---|---|---|---|");
    for (index, (shape, sizes)) in DOCUMENTS.iter().enumerate() {
        let mut times = [0.0_f64; 3];
        let mut peaks = [None::<f64>; 3];
        let mut steps = [0.0_f64; 3];
        for size in 0..3 {
            let input = bytes(index, size);
            let mut best = f64::INFINITY;
            for _ in 0..5 {
                let start = Instant::now();
                black_box(run(black_box(input)));
                best = best.min(start.elapsed().as_secs_f64() * 1000.0);
            }
            times[size] = best;
            #[allow(clippy::cast_precision_loss)] // step counts are far below 2^52
            {
                steps[size] =
                    mcn_core::steps::counted(|| black_box(run(black_box(input)))).1 as f64;
            }
            peaks[size] = peak_mb(input);
        }
        let growth = |v: [f64; 3]| format!("{:.2}× / {:.2}×", v[1] / v[0], v[2] / v[1]);
        let peak_text = match peaks {
            [Some(a), Some(b), Some(c)] => (
                format!("{a:.1} / {b:.1} / {c:.1}"),
                growth([a.max(0.1), b.max(0.1), c.max(0.1)]),
            ),
            _ => (String::from("–"), String::from("–")),
        };
        #[allow(clippy::cast_precision_loss)] // sizes are far below 2^52
        let json_mb = sizes.get(2).map_or(0.0, |b| b.len() as f64 / 1_048_576.0);
        println!(
            "| {shape:?} | {} | {json_mb:.1} | {:.1} / {:.1} / {:.1} | {} | {} | {} | {} |",
            shape.n(),
            times[0],
            times[1],
            times[2],
            growth(times),
            growth(steps),
            peak_text.0,
            peak_text.1
        );
    }
}

fn main() {
    if let Some(path) = std::env::var_os("ADVERSARIAL_CHILD") {
        child(&path);
    } else if std::env::var_os("ADVERSARIAL_TABLE").is_some() {
        table();
    } else {
        divan::main();
    }
}
