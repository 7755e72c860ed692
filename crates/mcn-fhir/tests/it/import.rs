//! Import: export → import gives the same organisations; a hand-written
//! bundle gives the documented warnings; malformed elements name their path.

use mcn_core::IdentifierSystem;
use mcn_fhir::{ExportOptions, ImportError, WarningKind, export, import_organisations};
use mcn_organisations::{OrganisationKind, Sector};

use crate::fixture;

fn example() -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/fhir/import-organisations.json"
    );
    std::fs::read(path).unwrap_or_else(|e| panic!("read {path}: {e}"))
}

#[test]
fn export_then_import_gives_the_same_organisations() {
    let document = fixture::document();
    for options in [
        ExportOptions::default(),
        ExportOptions::default()
            .with_measures(true)
            .with_personal_data(true),
    ] {
        let bundle = export(&fixture::network(), fixture::as_of(), &options);
        let bytes = serde_json::to_vec_pretty(&bundle).unwrap();
        let import = import_organisations(&bytes).unwrap();
        assert_eq!(import.organisations, document.organisations);
        // Only the other resources are reported, skipped.
        assert_eq!(import.warnings.len(), 1, "{:#?}", import.warnings);
        assert_eq!(import.warnings[0].kind, WarningKind::SkippedResources);
        assert!(
            import.warnings[0]
                .message
                .contains("Organization (the network itself) (1)"),
            "{}",
            import.warnings[0].message
        );
    }
}

#[test]
fn a_single_organization_imports() {
    let bundle = serde_json::to_value(export(
        &fixture::network(),
        fixture::as_of(),
        &ExportOptions::default(),
    ))
    .unwrap();
    let hospice = &bundle["entry"][3]["resource"];
    assert_eq!(hospice["name"], "Harbour Children's Hospice");
    let import = import_organisations(hospice.to_string().as_bytes()).unwrap();
    assert_eq!(
        import.organisations,
        [fixture::document().organisations[2].clone()]
    );
    assert!(import.warnings.is_empty(), "{:#?}", import.warnings);
}

#[test]
fn the_hand_written_bundle_gives_the_documented_warnings() {
    let import = import_organisations(&example()).unwrap();
    let found: Vec<(WarningKind, &str)> = import
        .warnings
        .iter()
        .map(|w| (w.kind, w.path.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (WarningKind::MissingResource, "/entry/8"),
            (WarningKind::SkippedResources, "/entry"),
            (WarningKind::UnmappedType, "/entry/0/resource/type"),
            (WarningKind::UnmappedElements, "/entry/0/resource"),
            (
                WarningKind::InvalidIdentifier,
                "/entry/2/resource/identifier/1"
            ),
            (
                WarningKind::InvalidIdentifier,
                "/entry/2/resource/identifier/2"
            ),
            (
                WarningKind::UnmappedElements,
                "/entry/2/resource/extension/0"
            ),
            (WarningKind::MissingName, "/entry/3/resource"),
            (WarningKind::UnmappedType, "/entry/9/resource/type"),
            (WarningKind::UnresolvedReference, "/entry/9/resource/partOf"),
        ],
        "{:#?}",
        import.warnings
    );
    let message = |i: usize| import.warnings[i].message.as_str();
    assert_eq!(
        message(1),
        "skipped 4 resources that are not organisations: Location (2), Patient (1), Practitioner (1)"
    );
    assert_eq!(
        message(3),
        "elements not imported: address, telecom, identifier/0/use"
    );
    assert!(message(4).contains("without a system"), "{}", message(4));
    assert!(
        message(5).contains("invalid companies_house identifier \"123\""),
        "{}",
        message(5)
    );
    assert!(message(6).contains("beds"), "{}", message(6));
    assert!(
        message(7).contains("\"XYZ99\" has no name"),
        "{}",
        message(7)
    );
    assert!(
        message(8).contains("kind_detail \"Social enterprise\""),
        "{}",
        message(8)
    );
    assert!(
        message(9).contains("Organization/forest-group"),
        "{}",
        message(9)
    );

    let names: Vec<&str> = import
        .organisations
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Leeds Teaching Hospitals NHS Trust",
            "St James's University Hospital",
            "Martin House Children's Hospice",
            "Forest Community Care CIC"
        ]
    );
    let [trust, site, hospice, forest] = &import.organisations[..] else {
        unreachable!()
    };
    assert_eq!(trust.kind, OrganisationKind::Other);
    assert_eq!(trust.kind_detail.as_ref().unwrap().as_str(), "NHS TRUST");
    assert_eq!(trust.ods_code().unwrap().value(), "RR8");
    assert_eq!(site.kind, OrganisationKind::NhsTrust);
    assert_eq!(site.part_of, Some(trust.id));
    assert_eq!(
        hospice
            .identifiers
            .iter()
            .map(|i| i.system().clone())
            .collect::<Vec<_>>(),
        [IdentifierSystem::CharityEnglandWales]
    );
    assert_eq!(forest.sector, Some(Sector::Independent));
    assert_eq!(forest.part_of, None);
    assert!(forest.active, "active when absent");
    // Ids from foreign ids are stable.
    let again = import_organisations(&example()).unwrap();
    assert_eq!(again.organisations, import.organisations);
    assert_ne!(trust.id, site.id);
}

#[test]
fn malformed_elements_name_their_json_path() {
    let mut bundle: serde_json::Value = serde_json::from_slice(&example()).unwrap();
    bundle["entry"][1]["resource"]["active"] = serde_json::json!("yes");
    let err = import_organisations(bundle.to_string().as_bytes()).unwrap_err();
    assert!(
        matches!(&err, ImportError::Invalid { path, .. } if path.as_str() == "/entry/1/resource/active"),
        "{err}"
    );
    assert!(
        err.to_string()
            .starts_with("/entry/1/resource/active: invalid type: string \"yes\""),
        "{err}"
    );

    let mut bundle: serde_json::Value = serde_json::from_slice(&example()).unwrap();
    bundle["entry"][2]["resource"]["identifier"][0]["value"] = serde_json::json!(517_919);
    let err = import_organisations(bundle.to_string().as_bytes()).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/entry/2/resource/identifier/0/value: invalid type"),
        "{err}"
    );

    let err = import_organisations(br#"{"resourceType": "Bundle", "entry": {}}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "/entry: invalid type: map, expected an array of bundle entries"
    );
    let err = import_organisations(b"[1, 2]").unwrap_err();
    assert!(
        matches!(&err, ImportError::Invalid { path, .. } if path.as_str().is_empty()),
        "{err}"
    );
    let err =
        import_organisations(br#"{"resourceType": "Organization", "name": "A"} x"#).unwrap_err();
    assert!(matches!(&err, ImportError::Json { line: 1, .. }), "{err}");
}

#[test]
fn the_example_and_a_synthetic_network_round_trip_their_organisations() {
    for (name, document, as_of) in crate::conformance::other_networks() {
        let network = mcn_network::Network::new(document.clone());
        let bundle = export(
            &network,
            as_of,
            &ExportOptions::default().with_measures(true),
        );
        let import = import_organisations(&serde_json::to_vec(&bundle).unwrap()).unwrap();
        assert_eq!(import.organisations, document.organisations, "{name}");
        assert_eq!(import.warnings.len(), 1, "{name}: {:#?}", import.warnings);
    }
}
