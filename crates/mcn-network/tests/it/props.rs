//! Property tests: validation never panics, and is deterministic.

use mcn_core::strategy::date;
use mcn_network::{Network, NetworkDocument, strategy, validate};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn validate_never_panics_and_is_deterministic(document in strategy::wired_document(), as_of in date()) {
        let first = validate(&document, as_of);
        let second = Network::new(document.clone()).validate(as_of);
        prop_assert_eq!(&first, &second);
        let mut sorted = first.findings().to_vec();
        mcn_core::finding::sort_findings(&mut sorted);
        prop_assert_eq!(first.findings(), sorted.as_slice());
    }

    #[test]
    fn quorum_of_all_meetings_is_each_meetings_quorum(document in strategy::wired_document()) {
        // The sweep over every meeting (from appointments' periods) answers
        // as the one-meeting query (from the roles index) does.
        let network = Network::borrowed(&document);
        for check in network.quorum_checks() {
            prop_assert_eq!(Some(check.check), network.quorum(check.id));
        }
    }

    #[test]
    fn documents_round_trip_through_json(document in strategy::document()) {
        let json = document.to_json_pretty().unwrap();
        prop_assert_eq!(NetworkDocument::from_json(json.as_bytes()).unwrap(), document);
    }

    #[test]
    fn every_reference_is_resolved_or_reported(document in strategy::wired_document(), as_of in date()) {
        // A reference-free view of the same document has no reference findings.
        let report = validate(&document, as_of);
        for finding in report.with_code("network.reference.dangling") {
            prop_assert!(!finding.path.as_str().ends_with("/id"), "{}", finding.path);
        }
    }
}
