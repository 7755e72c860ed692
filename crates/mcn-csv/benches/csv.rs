//! CSV export and import of synthetic network documents (the generator of
//! `mcn-testkit`) beside a bare `serde_json` parse of the same document, so
//! the target of issue 16 (each ≤ 3 × the JSON parse) can be read off.
//!
//! ```text
//! cargo bench -p mcn-csv --bench csv                 # small and a tenth of national
//! MCN_BENCH_GROWTH=1 cargo bench -p mcn-csv --bench csv -- s2   # and 2 and 4 tenths
//! MCN_BENCH_NATIONAL=1 cargo bench -p mcn-csv --bench csv   # and national
//! ```
//!
//! Each scale's document is generated, serialised to JSON and exported to CSV
//! once, outside the timed part; outputs are dropped outside it too. Results
//! are in `docs/PERFORMANCE.md` ("CSV").
#![allow(clippy::expect_used)] // a bench may stop loudly when its fixture cannot be built

use std::sync::LazyLock;

use divan::{Bencher, black_box};
use mcn_network::NetworkDocument;
use mcn_synthetic::{Counts, Scale, generate};

fn main() {
    divan::main();
}

/// A generated document, its compact JSON and its CSV files.
struct Fixture {
    document: NetworkDocument,
    json: Vec<u8>,
    files: Vec<(String, Vec<u8>)>,
}

fn fixture(scale: Scale) -> Fixture {
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).expect("a valid date");
    let document = generate(1, scale, as_of);
    let json = serde_json::to_vec(&document).expect("a generated document serialises");
    let files = mcn_csv::export(&document)
        .expect("a generated document exports")
        .into_iter()
        .map(|t| (t.table.file_name(), t.text.into_bytes()))
        .collect();
    Fixture {
        document,
        json,
        files,
    }
}

static SMALL: LazyLock<Fixture> = LazyLock::new(|| fixture(Scale::Small));
static TENTH: LazyLock<Fixture> =
    LazyLock::new(|| fixture(Scale::Custom(Counts::NATIONAL.scaled(1, 10))));
static TWO_TENTHS: LazyLock<Fixture> =
    LazyLock::new(|| fixture(Scale::Custom(Counts::NATIONAL.scaled(2, 10))));
static FOUR_TENTHS: LazyLock<Fixture> =
    LazyLock::new(|| fixture(Scale::Custom(Counts::NATIONAL.scaled(4, 10))));
static NATIONAL: LazyLock<Fixture> = LazyLock::new(|| fixture(Scale::National));

/// Whether the national scale is asked for (it takes minutes and GBs).
fn national() -> bool {
    std::env::var_os("MCN_BENCH_NATIONAL").is_some()
}

/// Whether the growth scales (2 and 4 tenths of national) are asked for.
fn growth() -> bool {
    std::env::var_os("MCN_BENCH_GROWTH").is_some()
}

macro_rules! scale {
    ($name:ident, $fixture:ident, $samples:expr, $enabled:expr) => {
        mod $name {
            use super::*;

            /// (a) `serde_json::from_slice::<NetworkDocument>`: the yardstick.
            #[divan::bench(sample_count = $samples, sample_size = 1)]
            fn a_json_parse(bencher: Bencher) {
                if !$enabled {
                    return;
                }
                let bytes = &$fixture.json;
                bencher.bench(|| serde_json::from_slice::<NetworkDocument>(black_box(bytes)));
            }

            /// (b) `mcn_csv::export`: the document to one CSV text per table.
            #[divan::bench(sample_count = $samples, sample_size = 1)]
            fn b_csv_export(bencher: Bencher) {
                if !$enabled {
                    return;
                }
                let document = &$fixture.document;
                bencher.bench(|| mcn_csv::export(black_box(document)));
            }

            /// (c) `mcn_csv::import`: the CSV files to a new document.
            #[divan::bench(sample_count = $samples, sample_size = 1)]
            fn c_csv_import(bencher: Bencher) {
                if !$enabled {
                    return;
                }
                let files = &$fixture.files;
                bencher.bench(|| mcn_csv::import(black_box(files), None));
            }
        }
    };
}

scale!(s1_small, SMALL, 20, true);
scale!(s2_tenth, TENTH, 5, true);
scale!(s2b_two_tenths, TWO_TENTHS, 5, growth());
scale!(s2c_four_tenths, FOUR_TENTHS, 3, growth());
scale!(s3_national, NATIONAL, 3, national());
