//! The layout covers the model: every value of arbitrary documents has a
//! column and comes back; `docs/csv.md` is what the layout says.

use mcn_csv::{Location, TABLES};
use proptest::prelude::*;

use super::{files, first_difference, root};

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Arbitrary documents (every optional field, every enum shape the
    /// strategies make) export without an unmapped value and round-trip.
    #[test]
    fn arbitrary_documents_round_trip(document in mcn_network::strategy::document()) {
        let files = files(&document);
        match mcn_csv::import(&files, None) {
            Ok(imported) => prop_assert!(
                imported.document == document,
                "{:?}",
                first_difference(&imported.document, &document)
            ),
            // Generated documents may repeat an id within a collection: the
            // import refuses that, naming it; nothing else may fail.
            Err(mcn_csv::ImportError::Problems(problems)) => prop_assert!(
                problems.iter().all(|p| p.message.starts_with("expected each id once")),
                "{problems:#?}"
            ),
            Err(other) => prop_assert!(false, "{other}"),
        }
    }
}

#[test]
fn tables_are_well_formed() {
    let mut names = std::collections::BTreeSet::new();
    for table in TABLES {
        assert!(names.insert(table.name), "{} twice", table.name);
        let mut headers = std::collections::BTreeSet::new();
        for header in table.headers() {
            assert!(headers.insert(header), "{}: {header} twice", table.name);
        }
        if let Location::Nested { parent, .. } = table.location {
            let parent = mcn_csv::table(parent).unwrap();
            // One level of nesting: parents are the profile or collections.
            assert!(!matches!(parent.location, Location::Nested { .. }));
            assert!(
                TABLES.iter().position(|t| t == parent) < TABLES.iter().position(|t| t == table)
            );
            assert_eq!(
                table.parent_column().is_some(),
                matches!(parent.location, Location::Collection(_)),
                "{}",
                table.name
            );
        }
    }
}

#[test]
fn docs_csv_md_is_fresh() {
    let path = root().join("docs/csv.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == mcn_csv::markdown(),
        "docs/csv.md is stale: regenerate it with\n\n    cargo run -p mcn-cli -- csv docs -o docs/csv.md\n\nand commit the result."
    );
}

#[test]
fn templates_show_a_row_the_import_accepts() {
    let example = super::example();
    for table in TABLES {
        let template = mcn_csv::template(table.name, &example).unwrap().unwrap();
        let header: Vec<&str> = table.headers().collect();
        assert!(template.starts_with(&header.join(",")), "{}", table.name);
    }
    assert_eq!(mcn_csv::template("nonsense", &example).unwrap(), None);
    let people = mcn_csv::template("people", &example).unwrap().unwrap();
    assert_eq!(people.lines().count(), 2, "{people}");
}

#[test]
fn every_table_has_a_file_in_the_export() {
    let files = files(&super::example());
    let names: Vec<String> = TABLES.iter().map(mcn_csv::Table::file_name).collect();
    let exported: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    assert_eq!(exported, names);
}
