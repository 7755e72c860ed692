//! An export edited the way a person would: a row added, a row changed, a
//! column moved, saved by a spreadsheet (CRLF), imported into the original.

use super::{example, files, replace, text};

/// Moves column `from` to the front of every line (naive split: the
/// organisations file of the example has no quoted commas).
fn move_to_front(csv: &str, from: usize) -> String {
    csv.lines()
        .map(|line| {
            let mut cells: Vec<&str> = line.split(',').collect();
            let cell = cells.remove(from);
            cells.insert(0, cell);
            cells.join(",")
        })
        .collect::<Vec<_>>()
        .join("\r\n")
        + "\r\n"
}

#[test]
fn an_edited_export_imports_to_the_expected_document() {
    let original = example();
    let mut files = files(&original);
    let organisations = text(&files, "organisations.csv");
    assert!(
        !organisations.contains('"'),
        "the naive split above needs no quotes"
    );
    // A row changed: the first organisation renamed.
    let first = &original.organisations[0];
    let mut edited = organisations.replacen(
        &format!(",{},", first.name.as_str()),
        ",Northvale Children's Hospital,",
        1,
    );
    // A row added at the end, without an id.
    let header_line = edited.lines().next().unwrap().to_owned();
    let header: Vec<&str> = header_line.split(',').collect();
    let row: Vec<&str> = header
        .iter()
        .map(|h| match *h {
            "name" => "Westdale Community Hospice",
            "kind" => "Children's hospice",
            "identifiers" => "charity_england_wales 1190001",
            "active" => "yes",
            _ => "",
        })
        .collect();
    edited.push_str(&row.join(","));
    edited.push('\n');
    // A column moved: `name` first.
    let name_at = header.iter().position(|h| *h == "name").unwrap();
    let edited = move_to_front(&edited, name_at);
    assert!(edited.starts_with("name,id,"));
    replace(&mut files, "organisations.csv", &edited);

    let imported = mcn_csv::import(&files, Some(&original)).unwrap();

    let mut expected = original.clone();
    expected.organisations[0].name = mcn_core::Text::new("Northvale Children's Hospital").unwrap();
    let added = imported.document.organisations.last().unwrap().clone();
    assert_eq!(added.name.as_str(), "Westdale Community Hospice");
    assert_eq!(added.kind.as_str(), "childrens_hospice");
    assert_eq!(added.identifiers[0].value(), "1190001");
    expected.organisations.push(added.clone());
    assert_eq!(imported.document, expected);
    assert_eq!(imported.summary.new_ids.len(), 1);
    assert_eq!(imported.summary.new_ids[0].id, added.id.as_uuid());
    assert_eq!(
        imported.summary.new_ids[0].row,
        u64::try_from(original.organisations.len()).unwrap() + 2
    );
    // The same files into a new document give the same result (but the id).
    let fresh = mcn_csv::import(&files, None).unwrap();
    assert_eq!(
        fresh.document.organisations.len(),
        expected.organisations.len()
    );
    assert_eq!(fresh.document.people, expected.people);
}
