//! `mcn schema`: one schema on standard output, all of them to a folder,
//! unknown names refused with the list.

use std::fs;

use serde_json::Value;

use crate::support::{TempDir, mcn, run_in};

#[test]
fn a_named_schema_is_printed_as_published() {
    let run = mcn(&["schema", "network-document"]);
    run.assert_code(0);
    assert_eq!(run.stderr, "");
    let expected = mcn_schema::find("network-document").unwrap().file();
    assert_eq!(run.out(), expected.contents);
    let schema: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(
        schema["$id"],
        "https://mcn.example/schemas/1/network-document.schema.json"
    );
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

#[test]
fn without_a_name_the_index_is_printed() {
    let run = mcn(&["schema"]);
    run.assert_code(0);
    let index: Value = serde_json::from_slice(&run.stdout).unwrap();
    let names: Vec<&str> = index["schemas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"person") && names.contains(&"report"),
        "{names:?}"
    );
}

#[test]
fn an_unknown_name_is_refused_with_the_known_names() {
    let run = mcn(&["schema", "people"]);
    run.assert_code(2);
    assert_eq!(run.out(), "");
    assert!(
        run.stderr
            .contains("unknown schema \"people\": expected one of network-document, "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("person"), "{}", run.stderr);
}

#[test]
fn out_writes_every_schema_and_the_index() {
    let dir = TempDir::new("schema-out");
    let run = run_in(dir.path(), &["schema", "--out", "schemas/v1"]);
    run.assert_code(0);
    assert_eq!(run.out(), "");
    let written = dir.path().join("schemas/v1");
    let expected = mcn_schema::files();
    let mut names: Vec<String> = fs::read_dir(&written)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected_names: Vec<String> = expected.iter().map(|f| f.name.clone()).collect();
    expected_names.sort();
    assert_eq!(names, expected_names);
    for file in &expected {
        assert_eq!(
            fs::read_to_string(written.join(&file.name)).unwrap(),
            file.contents,
            "{}",
            file.name
        );
    }
    let index: Value =
        serde_json::from_str(&fs::read_to_string(written.join("index.json")).unwrap()).unwrap();
    for entry in index["schemas"].as_array().unwrap() {
        let file = entry["file"].as_str().unwrap();
        assert!(written.join(file).is_file(), "index names missing {file}");
    }
}

#[test]
fn out_with_a_name_writes_that_schema_only() {
    let dir = TempDir::new("schema-one");
    run_in(dir.path(), &["schema", "person", "--out", "."]).assert_code(0);
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["person.schema.json"]);
}

#[test]
fn an_unwritable_out_dir_is_an_error() {
    let dir = TempDir::new("schema-blocked");
    dir.write("blocked", "a file, not a folder");
    let run = run_in(dir.path(), &["schema", "--out", "blocked"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("could not create blocked"),
        "{}",
        run.stderr
    );
}
