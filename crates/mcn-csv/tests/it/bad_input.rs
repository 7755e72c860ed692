//! Bad input fails the whole import, each problem named precisely as
//! `file:row:column (header): expected ..., found ...`; the document merged
//! into is untouched (the import borrows it and returns no document).

use super::{example, files, problems, replace, text};

fn merge(name: &str, sheet: &str) -> Vec<String> {
    let example = example();
    let before = example.clone();
    let result = mcn_csv::import(
        &[(name.to_owned(), sheet.as_bytes().to_vec())],
        Some(&example),
    );
    assert_eq!(example, before);
    problems(result)
}

const PERSON: &str = "4e564e56-0006-8000-8000-000000000002";

#[test]
fn a_missing_column() {
    assert_eq!(
        merge("people.csv", "name,email\nAda,ada@x.example\n"),
        ["people.csv:1 (profession): expected a column `profession`, found none"]
    );
}

#[test]
fn an_unknown_column() {
    let found = merge("people.csv", "name,profession,nickname\nAda,doctor,Ada\n");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with(
            "people.csv:1:3 (nickname): expected one of the people columns (id, name, profession,"
        ),
        "{found:?}"
    );
    assert!(found[0].ends_with("found `nickname`"), "{found:?}");
}

#[test]
fn a_duplicated_column() {
    assert_eq!(
        merge("people.csv", "name,profession,name\nAda,doctor,Ada\n"),
        ["people.csv:1:3 (name): column `name` appears twice"]
    );
}

#[test]
fn a_value_in_a_column_without_a_header() {
    assert_eq!(
        merge("people.csv", "name,profession\nAda,doctor,surprise\n"),
        ["people.csv:2:3: expected nothing in a column without a header, found `surprise`"]
    );
}

#[test]
fn wrong_types_each_named() {
    let sheet = "id,title,role,organisation,period_start,max_holders,funding_wte\n\
                 not-an-id,Lead,clinical_lead,4e564e56-0002-8000-8000-000000000001,2026-01-01,two,0.5\n\
                 ,Lead,clinical_lead,4e564e56-0002-8000-8000-000000000001,2026-01-01,2,half\n";
    assert_eq!(
        merge("posts.csv", sheet),
        [
            "posts.csv:2:1 (id): expected an id (a UUID such as 0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f), found `not-an-id`",
            "posts.csv:2:6 (max_holders): expected a whole number, e.g. 12, found `two`",
            "posts.csv:3:7 (funding_wte): expected a decimal number, e.g. 0.8, found `half`",
        ]
    );
}

#[test]
fn bad_dates_are_never_guessed() {
    let sheet = format!(
        "id,post,person,period_start,period_end,wte\n\
         ,4e564e56-0007-8000-8000-000000000001,{PERSON},03/13/2026,,1.0\n\
         ,4e564e56-0007-8000-8000-000000000001,{PERSON},1/3/26,,1.0\n\
         ,4e564e56-0007-8000-8000-000000000001,{PERSON},2026-03-01,March 2027,1.0\n"
    );
    let expected = "expected a date as 2026-03-01 or 01/03/2026 (day first)";
    assert_eq!(
        merge("appointments.csv", &sheet),
        [
            format!("appointments.csv:2:4 (period_start): {expected}, found `03/13/2026`"),
            format!("appointments.csv:3:4 (period_start): {expected}, found `1/3/26`"),
            format!("appointments.csv:4:5 (period_end): {expected}, found `March 2027`"),
        ]
    );
}

#[test]
fn values_the_model_refuses_are_named_by_cell() {
    // Each cell parses as its kind, but the document's types refuse it: an
    // unknown vocabulary value, a malformed ODS code, a WTE above 1.
    let sheet = "name,kind,identifiers\nA,castle,\nB,charity,ods not an ods code\n";
    let found = merge("organisations.csv", sheet);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with("organisations.csv:2:2 (kind): unknown variant `castle`"),
        "{found:?}"
    );
    assert!(
        found[1].starts_with("organisations.csv:3:3 (identifiers): "),
        "{found:?}"
    );
    let sheet = format!(
        "post,person,period_start,wte\n4e564e56-0007-8000-8000-000000000001,{PERSON},2026-01-01,1.5\n"
    );
    let found = merge("appointments.csv", &sheet);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("appointments.csv:2:4 (wte): "),
        "{found:?}"
    );
}

#[test]
fn a_nested_row_naming_an_unknown_parent() {
    let sheet = format!(
        "meeting_id,person,status\n0190f6a4-0000-7000-8000-0000000000ff,{PERSON},present\n"
    );
    assert_eq!(
        merge("meeting_attendance.csv", &sheet),
        [
            "meeting_attendance.csv:2:1 (meeting_id): expected the id of a row of meetings.csv or of the document, found 0190f6a4-0000-7000-8000-0000000000ff, which is neither"
        ]
    );
}

#[test]
fn an_unknown_reference_is_a_finding_of_the_validation() {
    // A reference to an entity that exists nowhere is not a cell problem: the
    // import succeeds and the normal validation names it (`mcn csv import`
    // then writes nothing).
    let example = example();
    let sheet = "post,person,period_start,wte\n\
                 4e564e56-0007-8000-8000-000000000001,0190f6a4-0000-7000-8000-0000000000ff,2026-01-01,0.5\n";
    let imported = mcn_csv::import(
        &[("appointments.csv".to_owned(), sheet.as_bytes().to_vec())],
        Some(&example),
    )
    .unwrap();
    let findings = mcn_network::Network::borrowed(&imported.document).validate(super::as_of());
    let dangling: Vec<_> = findings.with_code("network.reference.dangling").collect();
    assert_eq!(dangling.len(), 1);
    assert_eq!(
        dangling[0].path.as_str(),
        format!("/appointments/{}/person", example.appointments.len())
    );
}

#[test]
fn duplicate_natural_keys() {
    let sheet = "name,kind,identifiers\nA,charity,ods AB1\nB,charity,ods ab1\n";
    assert_eq!(
        merge("organisations.csv", sheet),
        [
            "organisations.csv:3: expected each ods identifier once, found `ab1` again (first in row 2)"
        ]
    );
    let sheet = "name,profession,email\nA,nurse,a@x.example\nB,nurse,A@X.example\n";
    assert_eq!(
        merge("people.csv", sheet),
        ["people.csv:3: expected each email once, found `a@x.example` again (first in row 2)"]
    );
}

#[test]
fn duplicate_ids() {
    let sheet = format!("id,name,profession\n{PERSON},A,nurse\n{PERSON},B,nurse\n");
    assert_eq!(
        merge("people.csv", &sheet),
        [format!(
            "people.csv:3:1 (id): expected each id once, found {PERSON} again (first in row 2)"
        )]
    );
}

#[test]
fn unknown_files_and_a_new_document_without_its_network() {
    let result = mcn_csv::import(
        &[
            (
                "people.csv".to_owned(),
                b"name,profession\nA,nurse\n".to_vec(),
            ),
            ("notes.csv".to_owned(), b"x\n1\n".to_vec()),
        ],
        None,
    );
    assert_eq!(
        problems(result),
        [
            "network.csv: a new document needs the network table (network.csv); or merge with --into",
            "notes.csv: expected a file named after a table (e.g. organisations.csv; see docs/csv.md), found `notes.csv`",
        ]
    );
}

#[test]
fn every_problem_of_an_export_with_several_broken_files_is_listed() {
    let mut files = files(&example());
    let orgs = text(&files, "organisations.csv").replacen(",TRUE", ",often", 1);
    replace(&mut files, "organisations.csv", &orgs);
    let events = text(&files, "events.csv").replacen(",30.00,", ",thirty pounds,", 1);
    replace(&mut files, "events.csv", &events);
    let found = problems(mcn_csv::import(&files, None));
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].starts_with("events.csv:"), "{found:?}");
    assert!(
        found[0]
            .contains("(cost): expected an amount in pounds, e.g. 1480.50, found `thirty pounds`"),
        "{found:?}"
    );
    assert!(found[1].starts_with("organisations.csv:"), "{found:?}");
    assert!(
        found[1].contains("(active): expected TRUE or FALSE (or yes or no), found `often`"),
        "{found:?}"
    );
}

#[test]
fn an_empty_required_cell_is_named_by_its_column() {
    assert_eq!(
        merge("people.csv", "name,profession\n,doctor\nAda,\n"),
        [
            "people.csv:2:1 (name): missing field `name`",
            "people.csv:3:2 (profession): missing field `profession`",
        ]
    );
}

#[test]
fn a_row_that_is_not_utf8_is_named_and_the_rows_after_it_are_read() {
    let mut sheet = b"name,profession\nAda,doctor\n".to_vec();
    sheet.extend_from_slice(b"Gr\xffce,nurse\n");
    sheet.extend_from_slice(b"Bob,maybe a pilot\n");
    let example = example();
    let found = problems(mcn_csv::import(
        &[("people.csv".to_owned(), sheet)],
        Some(&example),
    ));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with("people.csv:3: expected UTF-8 CSV"),
        "{found:?}"
    );
    assert!(
        found[1].starts_with("people.csv:4:2 (profession): unknown variant `maybe_a_pilot`"),
        "{found:?}"
    );
}
