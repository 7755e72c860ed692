//! CSV as a spreadsheet saves it: a byte-order mark, CRLF line ends, UK
//! dates, quoted commas and line breaks, columns in any order, trailing
//! empty rows and columns. Each fixture asserts the entities it produces.

use mcn_core::id::{MeetingId, OrganisationId, PersonId};
use mcn_network::Network;

fn file(name: &str, text: &str) -> (String, Vec<u8>) {
    (name.to_owned(), text.as_bytes().to_vec())
}

const NETWORK: &str = "\u{feff}id,name,schema_version,established_on\r\n\
    0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f,\"Riverside Children's Palliative Care Network, North\",1.0,01/09/2024\r\n";

const ORGANISATIONS: &str = "\u{feff}id,name,kind,identifiers,active,,\r\n\
    0190f6a4-0000-7000-8000-000000000001,\"Riverside Hospital NHS Trust\",NHS trust,ods rvh,TRUE,,\r\n\
    0190f6a4-0000-7000-8000-000000000002,\"Riverside Children's Hospice, Ltd\",Childrens hospice,charity_england_wales 1234567,yes,,\r\n\
    ,,,,,,\r\n\
    ,,,,,,\r\n";

const PEOPLE: &str = "\u{feff}name,profession,employer,email,id\r\n\
    Dr Ada Lovelace,doctor,0190f6a4-0000-7000-8000-000000000001,ada@rvh.example,0190f6a4-0000-7000-8000-00000000000a\r\n\
    Grace Hopper,Nurse,0190f6a4-0000-7000-8000-000000000002,grace@hospice.example,0190f6a4-0000-7000-8000-00000000000b\r\n";

#[test]
fn a_new_network_from_spreadsheets() {
    let files = [
        file("network.csv", NETWORK),
        file("Organisations.CSV", ORGANISATIONS),
        file("people.csv", PEOPLE),
    ];
    let imported = mcn_csv::import(&files, None).unwrap();
    let document = imported.document;
    assert_eq!(
        document.network.name.as_str(),
        "Riverside Children's Palliative Care Network, North"
    );
    assert_eq!(
        document.network.established_on,
        chrono::NaiveDate::from_ymd_opt(2024, 9, 1)
    );
    assert_eq!(document.organisations.len(), 2);
    let hospital = &document.organisations[0];
    assert_eq!(
        hospital.id,
        "0190f6a4-0000-7000-8000-000000000001"
            .parse::<OrganisationId>()
            .unwrap()
    );
    assert_eq!(hospital.kind.as_str(), "nhs_trust");
    // Lower-case ODS codes are normalised by the model.
    assert_eq!(hospital.identifiers[0].value(), "RVH");
    let hospice = &document.organisations[1];
    assert_eq!(hospice.name.as_str(), "Riverside Children's Hospice, Ltd");
    assert_eq!(hospice.kind.as_str(), "childrens_hospice");
    assert!(hospice.active);
    assert_eq!(document.people.len(), 2);
    assert_eq!(document.people[1].profession.as_str(), "nurse");
    assert_eq!(
        document.people[1].employer,
        Some(hospice.id),
        "columns in any order"
    );
    assert!(imported.summary.new_ids.is_empty());
    let findings = Network::borrowed(&document).validate(super::as_of());
    assert_eq!(findings.errors().count(), 0, "{findings:?}");
}

const MEETINGS: &str = "\u{feff}id,body,date,format,status\r\n\
    0190f6a4-0000-7000-8000-0000000000c1,4e564e56-000a-8000-8000-000000000001,15/01/2027,in person,held\r\n";

const ATTENDANCE: &str = "meeting_id,person,status\r\n\
    0190f6a4-0000-7000-8000-0000000000c1,4e564e56-0006-8000-8000-000000000002,present\r\n\
    0190f6a4-0000-7000-8000-0000000000c1,4e564e56-0006-8000-8000-00000000001b,Apologies\r\n";

const ACTIONS: &str = "meeting_id,description,owner,due,status\r\n\
    0190f6a4-0000-7000-8000-0000000000c1,\"Write to the ICB, copying members:\r\n- funding\r\n- data\",4e564e56-0006-8000-8000-000000000002,28/02/2027,open\r\n";

#[test]
fn an_attendance_sheet_merged_into_the_example() {
    let example = super::example();
    let files = [
        file("meetings.csv", MEETINGS),
        file("meeting_attendance.csv", ATTENDANCE),
        file("meeting_actions.csv", ACTIONS),
    ];
    let imported = mcn_csv::import(&files, Some(&example)).unwrap();
    let document = imported.document;
    assert_eq!(document.meetings.len(), example.meetings.len() + 1);
    let meeting = document.meetings.last().unwrap();
    assert_eq!(
        meeting.id,
        "0190f6a4-0000-7000-8000-0000000000c1"
            .parse::<MeetingId>()
            .unwrap()
    );
    assert_eq!(
        meeting.date,
        chrono::NaiveDate::from_ymd_opt(2027, 1, 15).unwrap()
    );
    assert_eq!(meeting.attendance.len(), 2);
    assert_eq!(
        meeting.attendance[0].person,
        "4e564e56-0006-8000-8000-000000000002"
            .parse::<PersonId>()
            .unwrap()
    );
    assert_eq!(meeting.attendance[1].status.as_str(), "apologies");
    // A quoted cell keeps its commas and line breaks (as CRLF, as saved).
    assert_eq!(meeting.actions.len(), 1);
    assert!(
        meeting.actions[0]
            .description
            .as_str()
            .contains("ICB, copying members:")
    );
    assert!(meeting.actions[0].description.as_str().contains("- data"));
    // The action had no id: it was given one, and the summary says so.
    assert_eq!(imported.summary.new_ids.len(), 1);
    assert_eq!(imported.summary.new_ids[0].table, "meeting_actions");
    assert_eq!(imported.summary.new_ids[0].row, 2);
    assert_eq!(
        meeting.actions[0].id.to_string(),
        imported.summary.new_ids[0].id.to_string()
    );
    // Everything else is as it was.
    assert_eq!(
        document.meetings[..example.meetings.len()],
        example.meetings[..]
    );
    assert_eq!(document.people, example.people);
}

#[test]
fn rows_without_ids_match_by_natural_key_or_are_added() {
    let example = super::example();
    let hospital = &example.organisations[0];
    let ods = hospital.identifiers[0].value().to_ascii_lowercase();
    let sheet = format!(
        "name,kind,identifiers\r\nRenamed Hospital,nhs_foundation_trust,ods {ods}\r\n\
         New Hospice,childrens_hospice,charity_england_wales 7654321\r\n"
    );
    let imported = mcn_csv::import(&[file("organisations.csv", &sheet)], Some(&example)).unwrap();
    let document = imported.document;
    assert_eq!(
        document.organisations.len(),
        example.organisations.len() + 1
    );
    assert_eq!(document.organisations[0].id, hospital.id);
    assert_eq!(document.organisations[0].name.as_str(), "Renamed Hospital");
    // Columns the sheet leaves out keep their values.
    assert_eq!(document.organisations[0].localities, hospital.localities);
    let added = document.organisations.last().unwrap();
    assert_eq!(added.name.as_str(), "New Hospice");
    assert_eq!(imported.summary.new_ids.len(), 1);
    assert_eq!(imported.summary.new_ids[0].id, added.id.as_uuid());
    assert_eq!(imported.summary.new_ids[0].id.get_version_num(), 7);
    let organisations = &imported.summary.tables[0];
    assert_eq!((organisations.added, organisations.updated), (1, 1));
}

#[test]
fn people_match_by_email_ignoring_case() {
    let example = super::example();
    let person = example.people.iter().find(|p| p.email.is_some()).unwrap();
    let email = person.email.as_ref().unwrap().as_str().to_ascii_uppercase();
    let sheet = format!("name,profession,email\n{},nurse,{email}\n", "New Name");
    let imported = mcn_csv::import(&[file("people.csv", &sheet)], Some(&example)).unwrap();
    assert_eq!(imported.document.people.len(), example.people.len());
    let updated = imported
        .document
        .people
        .iter()
        .find(|p| p.id == person.id)
        .unwrap();
    assert_eq!(updated.name.as_str(), "New Name");
    assert!(imported.summary.new_ids.is_empty());
}

#[test]
fn events_match_by_course_and_date() {
    let example = super::example();
    let event = example.events.iter().find(|e| e.course.is_some()).unwrap();
    let uk_date = event.date.format("%d/%m/%Y");
    let sheet = format!(
        "course,date,kind,title,duration_minutes,delivery,host,status\n\
         {},{uk_date},{},Renamed event,{},{},{},{}\n",
        event.course.unwrap(),
        event.kind,
        event.duration_minutes.get(),
        event.delivery,
        event.host,
        event.status,
    );
    let imported = mcn_csv::import(&[file("events.csv", &sheet)], Some(&example)).unwrap();
    assert_eq!(imported.document.events.len(), example.events.len());
    let updated = imported
        .document
        .events
        .iter()
        .find(|e| e.id == event.id)
        .unwrap();
    assert_eq!(updated.title.as_str(), "Renamed event");
}
