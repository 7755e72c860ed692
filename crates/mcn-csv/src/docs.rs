//! What the layout says, for people: `docs/csv.md` and templates.

use std::fmt::Write as _;

use mcn_network::NetworkDocument;

use crate::{
    export::{ExportError, export_tables},
    layout::{Location, TABLES, Table},
};

/// `docs/csv.md`: every table, its file, where its rows live and its
/// columns, generated from [`TABLES`](crate::TABLES).
#[must_use]
pub fn markdown() -> String {
    let mut out = String::from(
        "# Spreadsheets: the CSV tables\n\n\
         Generated from `mcn_csv::TABLES` (the one place the layout is written \
         down); a test keeps this file fresh. Regenerate it with\n\n\
         ```sh\ncargo run -p mcn-cli -- csv docs -o docs/csv.md\n```\n\n\
         Every file is UTF-8 with a header row (a byte-order mark, CRLF line \
         ends, quoted fields with line breaks, trailing empty rows and columns \
         are all accepted on import). Columns may come in any order; optional \
         columns may be left out. Cells are trimmed; an empty cell is no value.\n\n\
         - **date**: `2026-03-01`, or UK day-first `01/03/2026` (`1/3/2026`); \
         anything else (two-digit years, month first, words) is an error.\n\
         - **TRUE/FALSE**: also `yes`/`no`, any case.\n\
         - **pounds**: `1480.50`, `£1,480.50` or `1480` (stored as pence).\n\
         - **vocabulary**: the `snake_case` spelling of the JSON Schema; case, \
         spaces, hyphens and apostrophes are forgiven (`In progress` reads as `in_progress`, `Children's hospice` as `childrens_hospice`).\n\
         - **lists**: `;`-separated; role groups `chair | vice_chair; clinical_lead` \
         (a chair or vice-chair, and a clinical lead).\n\
         - **id**: a UUID. Leave it empty on a new row: it is matched by natural \
         key where the table has one, else given a new id (UUID v7).\n\n\
         A nested table's rows name their parent by its id in the first column, \
         or, for a parent row new in the same import and without an id, as \
         `row N`: row N of the parent's file (the header is row 1, as a \
         spreadsheet numbers rows), whatever id that row ends with (given, \
         matched by natural key, or new). A `row N` naming no data row of the \
         parent's file in the import is an error naming both rows. The rows \
         of one parent replace that parent's list, in file order.\n\n\
         Merging into a document (`mcn csv import --into`) adds and updates; \
         it never deletes. An entity missing from a top-level file stays as it \
         was, and so does every list of a parent no nested row names (a \
         parent's list can be replaced, not emptied: delete in the JSON \
         document). An updated entity keeps the values of columns its file \
         leaves out; an empty cell clears its value.\n\n\
         | table | rows | parent | natural keys |\n| --- | --- | --- | --- |\n",
    );
    for table in TABLES {
        let _ = writeln!(
            out,
            "| [`{}.csv`](#{}) | {} | {} | {} |",
            table.name,
            table.name,
            table.about,
            parent(table),
            keys(table)
        );
    }
    for table in TABLES {
        let _ = write!(
            out,
            "\n## {}\n\n`{}.csv`: {}.",
            table.name, table.name, table.about
        );
        match table.location {
            Location::Profile => out.push_str(" The network profile (`/network`)."),
            Location::Collection(key) => {
                let _ = write!(out, " The collection `/{key}`.");
            }
            Location::Nested { parent, field, .. } => {
                let _ = write!(out, " The list `{field}` of each row of `{parent}`.");
            }
        }
        out.push_str("\n\n| column | holds | required | JSON path |\n| --- | --- | --- | --- |\n");
        if let Some(parent_column) = table.parent_column() {
            let _ = writeln!(
                out,
                "| `{parent_column}` | id of the parent row, or `row N` of its file | yes | |"
            );
        }
        for column in table.columns {
            let path = if column.path.is_empty() {
                "(the item)".to_owned()
            } else {
                format!("`{}`", column.path)
            };
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {path} |",
                column.header,
                column.kind.describe(),
                if column.required { "yes" } else { "" },
            );
        }
    }
    out
}

fn parent(table: &Table) -> String {
    match table.location {
        Location::Nested {
            parent,
            parent_column: Some(column),
            ..
        } => format!("`{parent}` by `{column}`"),
        Location::Nested { parent, .. } => format!("`{parent}`"),
        _ => String::new(),
    }
}

fn keys(table: &Table) -> String {
    table
        .natural_keys
        .iter()
        .map(|k| {
            k.iter()
                .map(|p| format!("`{}`", p.label()))
                .collect::<Vec<_>>()
                .join(" + ")
        })
        .collect::<Vec<_>>()
        .join(" or ")
}

/// A template for `table`: its header row and, from `example`, the first
/// row of that table (so every cell shows a value the import accepts).
/// `None` for an unknown table.
pub fn template(table: &str, example: &NetworkDocument) -> Result<Option<String>, ExportError> {
    let Some(table) = crate::layout::table(table) else {
        return Ok(None);
    };
    let tables = export_tables(example, |t| t.name == table.name)?;
    Ok(tables.into_iter().next().map(|t| {
        let mut lines = t.text.split_inclusive('\n');
        let mut text: String = lines.next().unwrap_or_default().to_owned();
        // A first row with quoted line breaks spans several lines: read it
        // as CSV rather than by lines.
        let mut reader = csv::ReaderBuilder::new().from_reader(t.text.as_bytes());
        if let Some(Ok(first)) = reader.records().next() {
            let mut writer = csv::Writer::from_writer(Vec::new());
            if writer.write_record(&first).is_ok()
                && let Ok(bytes) = writer.into_inner()
            {
                text.push_str(&String::from_utf8_lossy(&bytes));
            }
        }
        text
    }))
}
