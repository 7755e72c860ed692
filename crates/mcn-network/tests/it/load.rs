//! Loading: errors name path, line and column; the version is checked first.

use mcn_network::{LoadError, NetworkDocument};

use crate::fixture::clean;

#[test]
fn error_names_path_line_and_column() {
    let mut doc = clean();
    doc["people"][1]["email"] = serde_json::json!("bob@");
    let text = serde_json::to_string_pretty(&doc).unwrap();
    let error = NetworkDocument::from_json(text.as_bytes()).unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with("/people/1/email: invalid email \"bob@\""),
        "{message}"
    );
    let LoadError::Invalid { line, .. } = error else {
        panic!("{message}")
    };
    let expected_line = text.lines().position(|l| l.contains("\"bob@\"")).unwrap() + 1;
    assert_eq!(line, expected_line);
}

#[test]
fn unsupported_version_first() {
    let mut doc = clean();
    doc["schema_version"] = serde_json::json!("2.1");
    doc["unknown_field"] = serde_json::json!(true);
    let error = NetworkDocument::from_json(doc.to_string().as_bytes()).unwrap_err();
    assert!(matches!(error, LoadError::Version(_)), "{error}");
}

#[test]
fn unknown_fields_are_refused_with_their_path() {
    let mut doc = clean();
    doc["posts"][0]["titel"] = serde_json::json!("typo");
    let error = NetworkDocument::from_json(doc.to_string().as_bytes()).unwrap_err();
    assert_eq!(
        error.path().map(mcn_core::JsonPointer::as_str),
        Some("/posts/0/titel"),
        "{error}"
    );
    assert!(
        error.to_string().contains("unknown field `titel`"),
        "{error}"
    );
}

#[test]
fn round_trip_is_lossless() {
    let document = crate::fixture::document(&clean());
    let again = NetworkDocument::from_json(document.to_json_pretty().unwrap().as_bytes()).unwrap();
    assert_eq!(again, document);
}
