//! Personal data leaves only when asked for: the serialised bundle is
//! searched for every person's name, e-mail address and registration number.

use mcn_fhir::{ExportOptions, export};
use mcn_network::{Network, NetworkDocument};

use crate::fixture;

/// Every personal value of every person in `document`.
fn personal_values(document: &NetworkDocument) -> Vec<String> {
    let mut values = Vec::new();
    for person in &document.people {
        values.push(person.name.to_string());
        values.extend(person.email.iter().map(|e| e.as_str().to_owned()));
        values.extend(person.registration.iter().map(|r| r.value().to_owned()));
    }
    values
}

fn serialised(document: &NetworkDocument, options: ExportOptions) -> String {
    let bundle = export(&Network::new(document.clone()), fixture::as_of(), &options);
    serde_json::to_string(&bundle).unwrap()
}

/// The values of `values` that occur in `text`.
fn leaked<'a>(text: &str, values: &'a [String]) -> Vec<&'a String> {
    values
        .iter()
        .filter(|v| text.contains(v.as_str()))
        .collect()
}

pub(crate) fn assert_redacted(document: &NetworkDocument) {
    let values = personal_values(document);
    for measures in [false, true] {
        let text = serialised(document, ExportOptions::default().with_measures(measures));
        assert_eq!(leaked(&text, &values), Vec::<&String>::new());
    }
}

#[test]
fn without_personal_data_no_name_email_or_registration_appears() {
    let document = fixture::document();
    let values = personal_values(&document);
    assert_eq!(
        values.len(),
        5 + 4 + 3,
        "the fixture's people carry personal data"
    );
    assert_redacted(&document);
    // Practitioners are still there, with their profession.
    let text = serialised(&document, ExportOptions::default());
    assert_eq!(text.matches("\"resourceType\":\"Practitioner\"").count(), 5);
    assert!(!text.contains("[redacted]"), "no placeholder names either");
}

#[test]
fn with_personal_data_every_value_appears() {
    let document = fixture::document();
    let values = personal_values(&document);
    let text = serialised(&document, ExportOptions::default().with_personal_data(true));
    assert_eq!(leaked(&text, &values).len(), values.len());
    let bundle: serde_json::Value = serde_json::from_str(&text).unwrap();
    let doctor = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["resource"]["id"] == fixture::uuid(4, 1))
        .unwrap();
    assert_eq!(
        doctor["resource"]["identifier"],
        serde_json::json!([{"system": "https://fhir.hl7.org.uk/Id/gmc-number", "value": "7654321"}])
    );
    assert_eq!(doctor["resource"]["name"][0]["text"], "Annabel Quigley");
    assert_eq!(
        doctor["resource"]["telecom"][0],
        serde_json::json!({"system": "email", "value": "annabel.quigley@testvale.nhs.uk", "use": "work"})
    );
}

#[test]
fn the_example_and_a_synthetic_network_export_no_personal_data() {
    for (name, document, _) in crate::conformance::other_networks() {
        assert!(personal_values(&document).len() > 20, "{name}");
        assert_redacted(&document);
    }
}
