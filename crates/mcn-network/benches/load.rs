//! Loading and validating synthetic network documents (mcn-synthetic) at three
//! scales, beside a bare `serde_json` parse of the same bytes, so the ratio of
//! `DESIGN.md` §6 (load + all rules ≤ 1.3 × bare parse) and the growth from a
//! tenth of national to national (≤ 11 × for 10 × the data) can be read off.
//!
//! ```text
//! cargo bench -p mcn-network --bench load
//! ```
//!
//! Each scale's document is generated and serialised once, outside the timed
//! part; outputs are dropped outside it too. Results are in `docs/PERFORMANCE.md`.
#![allow(clippy::expect_used)] // a bench may stop loudly when its fixture cannot be built

use std::sync::LazyLock;

use divan::{Bencher, black_box};
use mcn_core::NaiveDate;
use mcn_network::{Network, NetworkDocument};
use mcn_synthetic::{Counts, Scale, generate};

fn main() {
    divan::main();
}

/// The date every document is generated and validated as of.
fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 1).expect("a valid date")
}

/// A generated document and its compact JSON.
struct Fixture {
    document: NetworkDocument,
    bytes: Vec<u8>,
}

fn fixture(scale: Scale) -> Fixture {
    let document = generate(1, scale, as_of());
    let bytes = serde_json::to_vec(&document).expect("a generated document serialises");
    Fixture { document, bytes }
}

static SMALL: LazyLock<Fixture> = LazyLock::new(|| fixture(Scale::Small));
static TENTH: LazyLock<Fixture> =
    LazyLock::new(|| fixture(Scale::Custom(Counts::NATIONAL.scaled(1, 10))));
static NATIONAL: LazyLock<Fixture> = LazyLock::new(|| fixture(Scale::National));

/// The same five benchmarks for each scale.
macro_rules! scale {
    ($name:ident, $fixture:ident, $samples:expr) => {
        mod $name {
            use super::*;

            /// (a) `serde_json::from_slice::<NetworkDocument>`: the yardstick.
            #[divan::bench(sample_count = $samples, sample_size = 1)]
            fn a_parse_bare(bencher: Bencher) {
                let bytes = &$fixture.bytes;
                bencher.bench(|| serde_json::from_slice::<NetworkDocument>(black_box(bytes)));
            }

            /// (b) `NetworkDocument::from_json` (schema version and error paths).
            #[divan::bench(sample_count = $samples, sample_size = 1)]
            fn b_from_json(bencher: Bencher) {
                let bytes = &$fixture.bytes;
                bencher.bench(|| NetworkDocument::from_json(black_box(bytes)));
            }

            /// (c) `Network::borrowed` + `Network::validate` on a parsed
            /// document (indexes and rules; no copy of the document).
            #[divan::bench(sample_count = $samples, sample_size = 1)]
            fn c_index_and_validate(bencher: Bencher) {
                let document = &$fixture.document;
                bencher.bench(|| {
                    let network = Network::borrowed(black_box(document));
                    let report = network.validate(as_of());
                    (network, report)
                });
            }

            /// (d) the whole load: `from_json` + `Network::new` + `validate`.
            #[divan::bench(sample_count = $samples, sample_size = 1)]
            fn d_load_and_validate(bencher: Bencher) {
                let bytes = &$fixture.bytes;
                bencher.bench(|| {
                    NetworkDocument::from_json(black_box(bytes)).map(|document| {
                        let network = Network::new(document);
                        let report = network.validate(as_of());
                        (network, report)
                    })
                });
            }
        }
    };
}

scale!(small, SMALL, 100);
scale!(tenth, TENTH, 20);
scale!(national, NATIONAL, 10);
