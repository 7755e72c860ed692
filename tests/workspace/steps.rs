//! Work in proportion to the input (issue 18, "a standing defence"), counted
//! in deterministic steps (`mcn_core::steps`: ids indexed and looked up, hops
//! of parent-pointer walks, candidates scanned by the quorum matching, probes
//! of terms-of-reference timelines), not in wall time, so the checks hold on
//! a loaded machine and fail only when an algorithm does.
//!
//! - Every adversarial shape (`mcn_testkit::adversarial`: fan-in and depth
//!   for each relation that has them) costs at most 2.3² times as many steps
//!   at 4n as at n: growth of at most 2.3× per doubling, the bench's target.
//!   A quadratic pattern (a linear scan of versions per meeting, a walk
//!   re-checking its chain at every step) costs about 16×.
//! - Any generated document costs at most [`STEPS_PER_VALUE`] steps per JSON
//!   value it holds, plus a constant.

use std::fmt::Write as _;

use mcn::{EvaluationSettings, NaiveDate, Network, NetworkDocument};
use mcn_core::steps;
use mcn_testkit::adversarial::Shape;
use proptest::prelude::*;
use serde_json::Value;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()
}

/// The steps of loading, validating and evaluating `bytes`.
fn cost(bytes: &[u8]) -> u64 {
    steps::counted(|| {
        let document = NetworkDocument::from_json(bytes).unwrap();
        let network = Network::new(document);
        let findings = network.validate(as_of());
        let report = mcn::evaluate(&network, &findings, as_of(), &EvaluationSettings::default());
        assert!(!report.indicators.is_empty());
    })
    .1
}

/// How many JSON values (objects, arrays, scalars) `value` holds.
fn values(value: &Value) -> u64 {
    1 + match value {
        Value::Array(items) => items.iter().map(values).sum(),
        Value::Object(fields) => fields.values().map(values).sum(),
        _ => 0,
    }
}

/// The most steps a document may cost per JSON value it holds. The examples
/// cost well under one (see `the_examples_cost_less_than_the_bound`); the
/// margin absorbs documents dense in references.
const STEPS_PER_VALUE: u64 = 4;

/// Steps any document costs, however small (the evaluation's fixed work).
const BASE_STEPS: u64 = 2_000;

#[test]
fn every_adversarial_shape_costs_in_proportion_to_its_size() {
    let mut table = String::new();
    for shape in Shape::ALL {
        let n = 500;
        let small = cost(&shape.document(n));
        let large = cost(&shape.document(4 * n));
        #[allow(clippy::cast_precision_loss)] // step counts are far below 2^52
        let per_doubling = (large as f64 / small as f64).sqrt();
        writeln!(
            table,
            "{shape:?}: {small} → {large} steps, {per_doubling:.2}× per doubling"
        )
        .unwrap();
        assert!(
            large >= 2 * small,
            "{shape:?} grew from {small} to only {large} steps: the shape no longer grows\n{table}"
        );
        assert!(
            per_doubling <= 2.3,
            "{shape:?} costs {small} steps at n = {n} and {large} at 4n: {per_doubling:.2}× per doubling, over 2.3×\n{table}"
        );
    }
    println!("{table}");
}

#[test]
fn the_examples_cost_less_than_the_bound() {
    for name in ["example-network.json", "minimal-network.json"] {
        let bytes = crate::read(&format!("docs/examples/{name}"));
        let value: Value = serde_json::from_str(&bytes).unwrap();
        let spent = cost(bytes.as_bytes());
        let bound = BASE_STEPS + STEPS_PER_VALUE * values(&value);
        println!("{name}: {spent} steps for {} values", values(&value));
        assert!(spent > 0, "{name}: nothing was counted");
        assert!(spent <= bound, "{name}: {spent} steps, bound {bound}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_document_costs_steps_in_proportion_to_its_size(
        document in mcn_network::strategy::wired_document(),
    ) {
        let bytes = serde_json::to_vec(&document).unwrap();
        let value: Value = serde_json::from_slice(&bytes).unwrap();
        let spent = cost(&bytes);
        let bound = BASE_STEPS + STEPS_PER_VALUE * values(&value);
        prop_assert!(spent <= bound, "{spent} steps, bound {bound} ({} values)", values(&value));
    }
}
