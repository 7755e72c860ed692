//! What a merge does to what the CSV leaves out (nothing is deleted), and
//! children of a new, id-less parent row named as `row N` of its file.

use mcn_core::id::{MeetingId, PersonId};

use super::{example, files, problems, replace, text};

fn file(name: &str, text: &str) -> (String, Vec<u8>) {
    (name.to_owned(), text.as_bytes().to_vec())
}

const BODY: &str = "4e564e56-000a-8000-8000-000000000001";
const ADA: &str = "4e564e56-0006-8000-8000-000000000002";
const BOB: &str = "4e564e56-0006-8000-8000-00000000001b";

/// Two new meetings without ids (rows 2 and 3 of meetings.csv).
fn new_meetings() -> String {
    format!(
        "id,body,date,format,status\r\n\
         ,{BODY},15/01/2027,in person,held\r\n\
         ,{BODY},12/02/2027,virtual,held\r\n"
    )
}

#[test]
fn children_of_new_rows_name_them_as_row_n() {
    let original = example();
    let attendance = format!(
        "meeting_id,person,status\r\n\
         row 3,{ADA},present\r\n\
         Row 2,{ADA},present\r\n\
         row3,{BOB},apologies\r\n"
    );
    let files = [
        file("meetings.csv", &new_meetings()),
        file("meeting_attendance.csv", &attendance),
    ];
    let imported = mcn_csv::import(&files, Some(&original)).unwrap();
    let meetings = &imported.document.meetings;
    assert_eq!(meetings.len(), original.meetings.len() + 2);
    let (january, february) = (&meetings[meetings.len() - 2], &meetings[meetings.len() - 1]);
    assert_eq!(january.date.to_string(), "2027-01-15");
    let people = |attendance: Vec<PersonId>| attendance;
    let (ada, bob) = (ADA.parse().unwrap(), BOB.parse().unwrap());
    assert_eq!(
        people(january.attendance.iter().map(|a| a.person).collect()),
        [ada]
    );
    assert_eq!(
        people(february.attendance.iter().map(|a| a.person).collect()),
        [ada, bob]
    );
    // The new ids are the ones the summary reports for rows 2 and 3.
    let new: Vec<(u64, MeetingId)> = imported
        .summary
        .new_ids
        .iter()
        .map(|n| (n.row, n.id.into()))
        .collect();
    assert_eq!(new, [(2, january.id), (3, february.id)]);
    assert_eq!(meetings[..original.meetings.len()], original.meetings[..]);
}

#[test]
fn row_n_works_in_a_new_document_too() {
    let original = example();
    let mut files = files(&original);
    let meetings =
        text(&files, "meetings.csv") + &format!(",{BODY},15/01/2027,in person,held,\n")[..];
    let header = meetings.lines().next().unwrap().to_owned();
    assert_eq!(header, "id,body,date,status,format,minutes_approved_at");
    // The row is spelled in the file's column order.
    let meetings = meetings.replace(
        &format!(",{BODY},15/01/2027,in person,held,\n"),
        &format!(",{BODY},15/01/2027,held,in person,\n"),
    );
    let row = meetings.lines().count(); // the new row's number (header is 1)
    let attendance =
        text(&files, "meeting_attendance.csv") + &format!("row {row},{ADA},present,\n");
    replace(&mut files, "meetings.csv", &meetings);
    replace(&mut files, "meeting_attendance.csv", &attendance);
    let imported = mcn_csv::import(&files, None).unwrap();
    let added = imported.document.meetings.last().unwrap();
    assert_eq!(added.attendance.len(), 1);
    assert_eq!(added.attendance[0].person, ADA.parse::<PersonId>().unwrap());
    assert_eq!(imported.summary.new_ids.len(), 1);
    assert_eq!(imported.summary.new_ids[0].id, added.id.as_uuid());
    assert_eq!(
        imported.document.meetings[..original.meetings.len()],
        original.meetings[..]
    );
}

#[test]
fn a_row_reference_naming_no_row_is_refused_naming_both() {
    let original = example();
    let attendance = format!("meeting_id,person,status\r\nrow 9,{ADA},present\r\n");
    let with_meetings = [
        file("meetings.csv", &new_meetings()),
        file("meeting_attendance.csv", &attendance),
    ];
    assert_eq!(
        problems(mcn_csv::import(&with_meetings, Some(&original))),
        [
            "meeting_attendance.csv:2:1 (meeting_id): expected `row 9` to name a data row of meetings.csv, found none there"
        ]
    );
    let alone = [file("meeting_attendance.csv", &attendance)];
    assert_eq!(
        problems(mcn_csv::import(&alone, Some(&original))),
        [
            "meeting_attendance.csv:2:1 (meeting_id): expected `row 9` to name a row of meetings.csv in this import, found no meetings.csv"
        ]
    );
}

/// A merge adds and updates; it never deletes. An entity missing from a
/// top-level table stays as it was; a nested table replaces the lists of
/// the parents its rows name and leaves every other parent's list alone.
#[test]
fn a_merge_never_deletes_what_the_csv_leaves_out() {
    let original = example();
    assert!(original.organisations.len() > 1 && original.meetings.len() > 1);
    // organisations.csv with its header and one row only (the second
    // organisation, unchanged).
    let all = text(&files(&original), "organisations.csv");
    let mut lines = all.lines();
    let one = format!("{}\n{}\n", lines.next().unwrap(), lines.nth(1).unwrap());
    let merged = mcn_csv::import(&[file("organisations.csv", &one)], Some(&original)).unwrap();
    assert_eq!(merged.document, original);
    assert_eq!(merged.summary.tables[0].updated, 1);
    // An empty table (header only) changes nothing either.
    let header_only = format!("{}\n", all.lines().next().unwrap());
    let merged =
        mcn_csv::import(&[file("organisations.csv", &header_only)], Some(&original)).unwrap();
    assert_eq!(merged.document, original);
    // One meeting's attendance: that meeting's list is replaced, the
    // others are kept.
    let first = &original.meetings[0];
    let sheet = format!("meeting_id,person,status\n{},{BOB},present\n", first.id);
    let merged =
        mcn_csv::import(&[file("meeting_attendance.csv", &sheet)], Some(&original)).unwrap();
    let meetings = &merged.document.meetings;
    assert_eq!(meetings[0].attendance.len(), 1);
    assert_eq!(
        meetings[0].attendance[0].person,
        BOB.parse::<PersonId>().unwrap()
    );
    assert_eq!(meetings[1..], original.meetings[1..]);
}
