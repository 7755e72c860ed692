//! document → CSV → document is the identity.

use proptest::prelude::*;

use super::{example, files, first_difference, synthetic};

#[test]
fn the_example_network_round_trips() {
    let document = example();
    let imported = mcn_csv::import(&files(&document), None).unwrap();
    assert_eq!(first_difference(&imported.document, &document), None);
    assert!(imported.document == document);
    assert!(imported.summary.new_ids.is_empty());
}

#[test]
fn export_is_stable() {
    let document = example();
    assert_eq!(files(&document), files(&document));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]

    #[test]
    fn synthetic_networks_round_trip(seed in 0_u64..1_000) {
        let document = synthetic(seed);
        let imported = mcn_csv::import(&files(&document), None).unwrap();
        prop_assert!(imported.document == document, "{:?}", first_difference(&imported.document, &document));
    }
}
