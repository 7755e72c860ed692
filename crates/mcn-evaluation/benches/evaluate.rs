//! Evaluating synthetic network documents (mcn-synthetic) at the small and the
//! national scale, beside a bare `serde_json` parse of the same bytes, so the
//! ratio of `DESIGN.md` §6 (evaluation of all indicators ≤ 0.5 × bare parse)
//! can be read off.
//!
//! ```text
//! cargo bench -p mcn-evaluation --bench evaluate
//! ```
//!
//! Each scale's document is generated, serialised, indexed and validated once,
//! outside the timed part. Beside one report, a quarterly series over two
//! years (8 windows; issue 17's target: at most 3 × one report). Results are
//! in `docs/PERFORMANCE.md`.
#![allow(clippy::expect_used)] // a bench may stop loudly when its fixture cannot be built

use std::sync::LazyLock;

use divan::{Bencher, black_box};
use mcn_core::{NaiveDate, Report};
use mcn_evaluation::{
    EvaluationReport, EvaluationSettings, evaluate, render,
    series::{Cadence, series},
};
use mcn_network::{Network, NetworkDocument};
use mcn_synthetic::{Scale, generate};

fn main() {
    divan::main();
}

/// The date every document is generated and evaluated as of.
fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 1).expect("a valid date")
}

/// A generated document's JSON, the indexed network, its findings and its report.
struct Fixture {
    bytes: Vec<u8>,
    network: Network<'static>,
    findings: Report,
    report: EvaluationReport,
}

fn fixture(scale: Scale) -> Fixture {
    let document = generate(1, scale, as_of());
    let bytes = serde_json::to_vec(&document).expect("a generated document serialises");
    let network = Network::new(document);
    let findings = network.validate(as_of());
    let report = evaluate(&network, &findings, as_of(), &EvaluationSettings::default());
    Fixture {
        bytes,
        network,
        findings,
        report,
    }
}

static SMALL: LazyLock<Fixture> = LazyLock::new(|| fixture(Scale::Small));
static NATIONAL: LazyLock<Fixture> = LazyLock::new(|| fixture(Scale::National));

/// Where the two-year quarterly series starts: its 8 quarters are 2024 Q2
/// to 2026 Q1, the last ending the day before [`as_of`].
fn series_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 4, 1).expect("a valid date")
}

/// The same benchmarks for each scale.
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

            /// (b) `evaluate` with the validation findings given: the
            /// evaluation itself.
            #[divan::bench(sample_count = $samples, sample_size = 1)]
            fn b_indicators(bencher: Bencher) {
                let fixture = &*$fixture;
                let settings = EvaluationSettings::default();
                bencher.bench(|| {
                    evaluate(
                        black_box(&fixture.network),
                        &fixture.findings,
                        as_of(),
                        &settings,
                    )
                });
            }

            /// (c) validation, then every indicator with those findings.
            #[divan::bench(sample_count = $samples, sample_size = 1)]
            fn c_validate_and_indicators(bencher: Bencher) {
                let network = &$fixture.network;
                let settings = EvaluationSettings::default();
                bencher.bench(|| {
                    let network = black_box(network);
                    evaluate(network, &network.validate(as_of()), as_of(), &settings)
                });
            }

            /// (e) a quarterly series over two years (8 windows), the
            /// validation findings given: compare with (b).
            #[divan::bench(sample_count = $samples, sample_size = 1)]
            fn e_series_quarterly(bencher: Bencher) {
                let fixture = &*$fixture;
                let settings = EvaluationSettings::default();
                bencher.bench(|| {
                    series(
                        black_box(&fixture.network),
                        &fixture.findings,
                        Cadence::Quarterly,
                        series_from(),
                        as_of(),
                        &settings,
                    )
                });
            }

            /// (f) validation, then the two-year quarterly series (what
            /// `mcn report --series quarterly` runs): compare with (c).
            #[divan::bench(sample_count = $samples, sample_size = 1)]
            fn f_validate_and_series(bencher: Bencher) {
                let network = &$fixture.network;
                let settings = EvaluationSettings::default();
                bencher.bench(|| {
                    let network = black_box(network);
                    series(
                        network,
                        &network.validate(as_of()),
                        Cadence::Quarterly,
                        series_from(),
                        as_of(),
                        &settings,
                    )
                });
            }

            /// (d) the HTML page of the report.
            #[divan::bench(sample_count = $samples, sample_size = 1)]
            fn d_render_html(bencher: Bencher) {
                let report = &$fixture.report;
                bencher.bench(|| render::html(black_box(report)));
            }
        }
    };
}

scale!(small, SMALL, 100);
scale!(national, NATIONAL, 10);
