//! Import: CSV files → a new document, or merged into an existing one. All
//! or nothing: every problem is listed, and no document is produced unless
//! there are none.

use std::{collections::HashMap, fmt};

use mcn_network::NetworkDocument;
use serde::Deserialize as _;
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::{
    cell,
    layout::{Column, KeyPart, Location, TABLES, Table},
    path,
};

mod direct;

/// One problem with the input, located as
/// `file:row:column (header): what was expected, what was found`.
///
/// The row is the spreadsheet row (the header is row 1; a cell with line
/// breaks does not start a new row), the column counts from 1.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file, as named in the input.
    pub file: String,
    /// The row, when the problem is in one.
    pub row: Option<u64>,
    /// The column number, when the problem is in one cell.
    pub column: Option<usize>,
    /// The column's header, when known.
    pub header: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(row) = self.row {
            write!(f, ":{row}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some(header) = &self.header {
            write!(f, " ({header})")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Why an import produced no document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The input has problems: all of them, in file, row and column order.
    #[error("{}", list(.0))]
    Problems(Vec<Problem>),
    /// The document to merge into could not be turned into its JSON form.
    #[error("could not read the document to merge into: {0}")]
    Document(#[source] serde_json::Error),
}

fn list(problems: &[Problem]) -> String {
    let mut text = format!(
        "the CSV input has {} problem{}",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    for problem in problems {
        text.push_str("\n  ");
        text.push_str(&problem.to_string());
    }
    text
}

/// A successful import: the document and what happened to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The new or merged document.
    pub document: NetworkDocument,
    /// What each table did.
    pub summary: Summary,
}

/// What an import did, table by table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Per imported table: rows read, entities added and updated.
    pub tables: Vec<TableSummary>,
    /// Rows that had no id and matched nothing by natural key: the ids they
    /// were given (UUID v7).
    pub new_ids: Vec<NewId>,
}

/// What one table did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSummary {
    /// The table.
    pub table: &'static str,
    /// Data rows read.
    pub rows: usize,
    /// Entities added to the document (top-level tables).
    pub added: usize,
    /// Existing entities updated, matched by id or natural key (top-level
    /// tables); for nested tables, the parents whose lists were replaced.
    pub updated: usize,
}

/// An id given to a row that had none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewId {
    /// The file.
    pub file: String,
    /// The row.
    pub row: u64,
    /// The table.
    pub table: &'static str,
    /// The new id.
    pub id: Uuid,
}

impl Summary {
    /// A new id, a UUID v7, for a row that has none; recorded.
    fn record_new_id(&mut self, file: &str, row: u64, table: &'static str) -> Uuid {
        let id = Uuid::now_v7();
        self.new_ids.push(NewId {
            file: file.to_owned(),
            row,
            table,
            id,
        });
        id
    }

    /// Gives `entity` (a row's object) a new id, recorded.
    fn give_new_id(&mut self, entity: &mut Value, file: &str, row: u64, table: &'static str) {
        let Some(object) = entity.as_object_mut() else {
            return;
        };
        let id = self.record_new_id(file, row, table);
        object.insert("id".to_owned(), Value::String(id.to_string()));
    }
}

/// The table a file name stands for: its last path component without
/// `.csv` (any case).
#[must_use]
pub fn table_for_file(name: &str) -> Option<&'static Table> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base
        .len()
        .checked_sub(4)
        .and_then(|cut| {
            base.get(cut..)
                .filter(|ext| ext.eq_ignore_ascii_case(".csv"))
                .and(base.get(..cut))
        })
        .unwrap_or(base);
    crate::layout::table(&stem.to_ascii_lowercase())
}

/// Imports CSV files (each `(name, bytes)`, the table given by the file
/// name, see [`table_for_file`]) into a new document, or merged into `into`.
///
/// Merging: a row whose `id` is filled updates the entity with that id (or
/// adds one with it); a row without an id is matched by the table's natural
/// keys (organisations by ODS or charity number, people by professional
/// registration or e-mail, events by course and date), else added with a new
/// id (listed in [`Summary::new_ids`]). An updated entity keeps the values
/// of columns the file leaves out; an empty cell clears its value. A nested
/// table replaces the lists of the parents its rows name and leaves the
/// others alone. Without `into`, the `network` table is required.
///
/// Every value is then read by the document's own types, so nothing is
/// accepted that a JSON document would refuse.
pub fn import(
    files: &[(String, Vec<u8>)],
    into: Option<&NetworkDocument>,
) -> Result<Imported, ImportError> {
    // The first pass keeps no record of where values came from: a new
    // document is read row by row straight into the model (`direct`), a
    // merge through the document's JSON form. Only if it fails is the input
    // read again, through the JSON form and keeping that record, to locate
    // every problem.
    match run(files, into, false) {
        Outcome::Done(result) => *result,
        Outcome::Diagnose => match run(files, into, true) {
            Outcome::Done(result) => *result,
            Outcome::Diagnose => Err(ImportError::Problems(Vec::new())),
        },
    }
}

enum Outcome {
    Done(Box<Result<Imported, ImportError>>),
    /// The input has problems: read it again to locate them.
    Diagnose,
}

#[allow(clippy::too_many_lines)] // the import's steps in order, read top to bottom
fn run(files: &[(String, Vec<u8>)], into: Option<&NetworkDocument>, diagnose: bool) -> Outcome {
    let mut problems = Vec::new();
    let mut jobs: Vec<(&str, &'static Table, &[u8])> = Vec::new();
    for (name, bytes) in files {
        let Some(table) = table_for_file(name) else {
            problems.push(Problem {
                file: name.clone(),
                row: None,
                column: None,
                header: None,
                message: format!(
                    "expected a file named after a table (e.g. organisations.csv; see docs/csv.md), found `{name}`"
                ),
            });
            continue;
        };
        if let Some((other, _, _)) = jobs.iter().find(|(_, t, _)| t.name == table.name) {
            problems.push(Problem {
                file: name.clone(),
                row: None,
                column: None,
                header: None,
                message: format!("table `{}` is given twice (also by {})", table.name, other),
            });
            continue;
        }
        jobs.push((name, table, bytes));
    }
    let mut parsed = parse_all(&jobs, &mut problems);
    let mut root = if let Some(document) = into {
        match serde_json::to_value(document) {
            Ok(root) => root,
            Err(error) => return Outcome::Done(Box::new(Err(ImportError::Document(error)))),
        }
    } else {
        let mut root = Map::new();
        root.insert("network".to_owned(), Value::Object(Map::new()));
        Value::Object(root)
    };
    if into.is_none() && !parsed.iter().any(|p| p.table.location == Location::Profile) {
        problems.push(Problem {
            file: "network.csv".to_owned(),
            row: None,
            column: None,
            header: None,
            message: "a new document needs the network table (network.csv); or merge with --into"
                .to_owned(),
        });
    }
    let mut merger = Merger {
        root: &mut root,
        problems,
        summary: Summary::default(),
        origins: HashMap::new(),
        diagnose,
        row_ids: HashMap::new(),
    };
    // Parents first, in layout order; then nested tables.
    let order = |p: &Parsed| {
        (
            matches!(p.table.location, Location::Nested { .. }),
            TABLES.iter().position(|t| t.name == p.table.name),
        )
    };
    parsed.sort_by_key(order);
    if into.is_none() && !diagnose {
        // A new document from clean input: read each row straight into the
        // model; anything unusual is read again below, to be located.
        if !merger.problems.is_empty() {
            return Outcome::Diagnose;
        }
        return match direct::read(&mut parsed) {
            Some(imported) => Outcome::Done(Box::new(Ok(imported))),
            None => Outcome::Diagnose,
        };
    }
    for file in &mut parsed {
        let rows = std::mem::take(&mut file.rows);
        let file = &*file;
        match file.table.location {
            Location::Profile => merger.profile(file, rows),
            Location::Collection(key) => merger.collection(file, rows, key),
            Location::Nested {
                parent,
                field,
                parent_column,
            } => merger.nested(file, rows, parent, field, parent_column),
        }
    }
    let Merger {
        mut problems,
        summary,
        origins,
        ..
    } = merger;
    if !diagnose {
        if !problems.is_empty() {
            return Outcome::Diagnose;
        }
        return match serde_json::from_value(root) {
            Ok(document) => Outcome::Done(Box::new(Ok(Imported { document, summary }))),
            Err(_) => Outcome::Diagnose,
        };
    }
    if problems.is_empty() {
        match NetworkDocument::deserialize(&root) {
            Ok(document) => return Outcome::Done(Box::new(Ok(Imported { document, summary }))),
            Err(whole) => {
                problems = typed_problems(&root, &origins, &parsed);
                if problems.is_empty() {
                    problems.push(Problem {
                        file: "(document)".to_owned(),
                        row: None,
                        column: None,
                        header: None,
                        message: whole.to_string(),
                    });
                }
            }
        }
    } else {
        // Also what the model refuses, in rows with no problem of their own
        // yet (a row with a bad cell lacks that value, so the model would
        // complain about it again).
        // A file with a header problem is left at that.
        let rows_with_problems: std::collections::HashSet<(String, Option<u64>)> =
            problems.iter().map(|p| (p.file.clone(), p.row)).collect();
        let files_with_header_problems: std::collections::HashSet<String> = problems
            .iter()
            .filter(|p| matches!(p.row, None | Some(1)))
            .map(|p| p.file.clone())
            .collect();
        problems.extend(
            typed_problems(&root, &origins, &parsed)
                .into_iter()
                .filter(|p| {
                    p.row.is_some()
                        && !files_with_header_problems.contains(&p.file)
                        && !rows_with_problems.contains(&(p.file.clone(), p.row))
                }),
        );
    }
    problems.sort();
    problems.dedup();
    Outcome::Done(Box::new(Err(ImportError::Problems(problems))))
}

/// A file read into rows of cells, against its table's layout.
struct Parsed {
    file: String,
    table: &'static Table,
    /// For each column of the table, its 1-based position in the file.
    positions: Vec<Option<usize>>,
    /// The parent id column's position.
    parent_position: Option<usize>,
    rows: Vec<Row>,
    /// The text of the rows' [`Cell::Text`] cells, one after another.
    text: String,
}

struct Row {
    line: u64,
    /// The parent's id (nested tables).
    parent: Option<Uuid>,
    /// The parent named as `row N` of its file instead (nested tables):
    /// its id is known once that file is read.
    parent_line: Option<u64>,
    /// The row's own id (its `id` cell), when given.
    id: Option<Uuid>,
    /// The filled cells, in column order: column index in the table, value.
    cells: Vec<(usize, Cell)>,
}

/// A filled cell, read: 16 bytes (every parsed row is held until the
/// document is read).
enum Cell {
    /// The JSON value is the cell's own (trimmed) text: this range of the
    /// file's [`Parsed::text`] (no string of its own is made).
    Text(u32, u32),
    /// A number or boolean.
    Scalar(Scalar),
    /// Any other JSON value.
    Value(Box<Value>),
}

/// A number or boolean cell, kept unboxed.
#[derive(Debug, Clone, Copy)]
enum Scalar {
    Bool(bool),
    Negative(i64),
    Whole(u64),
    Decimal(f64),
}

impl Scalar {
    /// The JSON value (the same `Number` the cell was read as).
    fn value(self) -> Value {
        match self {
            Self::Bool(b) => Value::Bool(b),
            Self::Negative(n) => Value::from(n),
            Self::Whole(n) => Value::from(n),
            Self::Decimal(n) => Value::from(n),
        }
    }
}

impl Cell {
    /// A cell holding the JSON `value`.
    fn of(value: Value) -> Self {
        match value {
            Value::Bool(b) => Self::Scalar(Scalar::Bool(b)),
            Value::Number(n) if n.is_u64() => {
                Self::Scalar(Scalar::Whole(n.as_u64().unwrap_or_default()))
            }
            Value::Number(n) if n.is_i64() => {
                Self::Scalar(Scalar::Negative(n.as_i64().unwrap_or_default()))
            }
            Value::Number(n) if n.is_f64() => {
                Self::Scalar(Scalar::Decimal(n.as_f64().unwrap_or_default()))
            }
            other => Self::Value(Box::new(other)),
        }
    }

    /// The JSON value; `text` is the file's [`Parsed::text`].
    fn into_value(self, text: &str) -> Value {
        match self {
            Self::Text(start, end) => Value::String(span(text, start, end).to_owned()),
            Self::Scalar(scalar) => scalar.value(),
            Self::Value(value) => *value,
        }
    }
}

/// The text of a [`Cell::Text`] range.
fn span(text: &str, start: u32, end: u32) -> &str {
    let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else {
        return "";
    };
    text.get(start..end).unwrap_or_default()
}

impl Row {
    /// The filled cells as JSON values (taken out of the row); `text` is
    /// the file's [`Parsed::text`].
    fn take_values(&mut self, text: &str) -> Vec<(usize, Value)> {
        std::mem::take(&mut self.cells)
            .into_iter()
            .map(|(index, cell)| (index, cell.into_value(text)))
            .collect()
    }
}

impl Parsed {
    fn problem(&self, row: u64, column: Option<usize>, message: String) -> Problem {
        let header = column.and_then(|c| {
            if Some(c) == self.parent_position {
                self.table.parent_column().map(str::to_owned)
            } else {
                self.positions
                    .iter()
                    .position(|p| *p == Some(c))
                    .and_then(|i| self.table.columns.get(i))
                    .map(|c| c.header.to_owned())
            }
        });
        Problem {
            file: self.file.clone(),
            row: Some(row),
            column,
            header,
            message,
        }
    }

    fn column_problem(&self, row: u64, index: usize, message: String) -> Problem {
        self.problem(row, self.positions.get(index).copied().flatten(), message)
    }

    /// Whether the file has the column `index` of its table.
    fn has(&self, index: usize) -> bool {
        self.positions.get(index).is_some_and(Option::is_some)
    }
}

/// Reads the files, on two threads where the machine has two cores (each
/// file is read on its own, so the result is the same either way), in the
/// order given.
fn parse_all(jobs: &[(&str, &'static Table, &[u8])], problems: &mut Vec<Problem>) -> Vec<Parsed> {
    let one = |&(name, table, bytes): &(&str, &'static Table, &[u8])| {
        let mut problems = Vec::new();
        let parsed = parse(name, table, bytes, &mut problems);
        (parsed, problems)
    };
    let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
    let results: Vec<Option<(Parsed, Vec<Problem>)>> = if two_cores && jobs.len() > 1 {
        // The larger files first, each to the thread with less to read.
        let mut order: Vec<usize> = (0..jobs.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(jobs.get(i).map_or(0, |j| j.2.len())));
        let (mut mine, mut theirs) = (Vec::new(), Vec::new());
        let (mut my_bytes, mut their_bytes) = (0, 0);
        for i in order {
            let size = jobs.get(i).map_or(0, |j| j.2.len());
            if my_bytes <= their_bytes {
                mine.push(i);
                my_bytes += size;
            } else {
                theirs.push(i);
                their_bytes += size;
            }
        }
        let read = |indexes: &[usize]| -> Vec<(usize, (Parsed, Vec<Problem>))> {
            indexes
                .iter()
                .filter_map(|&i| jobs.get(i).map(|job| (i, one(job))))
                .collect()
        };
        let (done, other) = std::thread::scope(|scope| {
            let other = scope.spawn(|| read(&theirs));
            let done = read(&mine);
            // A failed thread's files are read again here.
            (done, other.join().unwrap_or_else(|_| read(&theirs)))
        });
        let mut results: Vec<_> = jobs.iter().map(|_| None).collect();
        for (i, result) in done.into_iter().chain(other) {
            if let Some(slot) = results.get_mut(i) {
                *slot = Some(result);
            }
        }
        results
    } else {
        jobs.iter().map(|job| Some(one(job))).collect()
    };
    results
        .into_iter()
        .flatten()
        .map(|(parsed, found)| {
            problems.extend(found);
            parsed
        })
        .collect()
}

/// Reads one file: headers against the layout, then every row's cells.
#[allow(clippy::too_many_lines)] // headers, then rows: one file's checks together
fn parse(name: &str, table: &'static Table, bytes: &[u8], problems: &mut Vec<Problem>) -> Parsed {
    let mut parsed = Parsed {
        file: name.to_owned(),
        table,
        positions: vec![None; table.columns.len()],
        parent_position: None,
        rows: Vec::new(),
        text: String::new(),
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(error)) => {
            problems.push(csv_problem(name, 1, &error));
            return parsed;
        }
        None => {
            problems.push(Problem {
                file: name.to_owned(),
                row: None,
                column: None,
                header: None,
                message: "expected a header row, found an empty file".to_owned(),
            });
            return parsed;
        }
    };
    let headers: Vec<&str> = header.iter().map(str::trim).collect();
    let width = headers
        .iter()
        .rposition(|h| !h.is_empty())
        .map_or(0, |last| last + 1);
    for (i, &text) in headers.iter().enumerate().take(width) {
        let position = i + 1;
        let problem = |message: String| Problem {
            file: name.to_owned(),
            row: Some(1),
            column: Some(position),
            header: Some(text.to_owned()),
            message,
        };
        if text.is_empty() {
            problems.push(problem("expected a header, found an empty cell".to_owned()));
        } else if table.parent_column() == Some(text) {
            if parsed.parent_position.is_some() {
                problems.push(problem(format!("column `{text}` appears twice")));
            }
            parsed.parent_position = Some(position);
        } else if let Some(index) = table.columns.iter().position(|c| c.header == text) {
            match parsed.positions.get_mut(index) {
                Some(Some(_)) => problems.push(problem(format!("column `{text}` appears twice"))),
                Some(slot) => *slot = Some(position),
                None => {}
            }
        } else {
            let expected: Vec<&str> = table.headers().collect();
            problems.push(problem(format!(
                "expected one of the {} columns ({}), found `{text}`",
                table.name,
                expected.join(", ")
            )));
        }
    }
    let missing = table
        .parent_column()
        .filter(|_| parsed.parent_position.is_none())
        .into_iter()
        .chain(
            table
                .columns
                .iter()
                .zip(&parsed.positions)
                .filter(|(c, p)| c.required && p.is_none())
                .map(|(c, _)| c.header),
        );
    for header in missing {
        problems.push(Problem {
            file: name.to_owned(),
            row: Some(1),
            column: None,
            header: Some(header.to_owned()),
            message: format!("expected a column `{header}`, found none"),
        });
    }
    let present = parsed.positions.iter().flatten().count();
    // One record buffer for every row: the cells keep what they need.
    let mut record = csv::StringRecord::new();
    let mut line: u64 = 1;
    loop {
        // The spreadsheet row: the header is row 1; a cell with line breaks
        // does not start a new row.
        line = line.saturating_add(1);
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                problems.push(csv_problem(name, line, &error));
                continue;
            }
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue; // a trailing (or spacer) empty row
        }
        let mut row = Row {
            line,
            parent: None,
            parent_line: None,
            id: None,
            // One allocation for the row's cells.
            cells: Vec::with_capacity(present),
        };
        for (i, raw) in record.iter().enumerate() {
            let text = raw.trim();
            if i >= width && !text.is_empty() {
                problems.push(parsed.problem(
                    line,
                    Some(i + 1),
                    format!("expected nothing in a column without a header, found `{text}`"),
                ));
            }
        }
        if let Some(position) = parsed.parent_position {
            let text = record.get(position - 1).unwrap_or_default().trim();
            match Uuid::try_parse(text) {
                Ok(id) => row.parent = Some(id),
                Err(_) if row_reference(text).is_some() => row.parent_line = row_reference(text),
                Err(_) => problems.push(parsed.problem(
                    line,
                    Some(position),
                    format!("expected the id (a UUID) of the parent row, found `{text}`"),
                )),
            }
        }
        for (index, column) in table.columns.iter().enumerate() {
            let Some(position) = parsed.positions.get(index).copied().flatten() else {
                continue;
            };
            let text = record.get(position - 1).unwrap_or_default().trim();
            if text.is_empty() {
                continue;
            }
            let read = if column.path == "id" {
                // The row's id, parsed once (matching and nesting use it).
                cell::read_id(text).map(|(id, itself)| {
                    row.id = Some(id);
                    (!itself).then(|| Value::String(id.to_string()))
                })
            } else {
                cell::read_in_place(column.kind, text)
            };
            match read {
                // A file's text beyond 4 GiB is kept as values.
                Ok(None) => match (
                    u32::try_from(parsed.text.len()),
                    u32::try_from(parsed.text.len() + text.len()),
                ) {
                    (Ok(start), Ok(end)) => {
                        parsed.text.push_str(text);
                        row.cells.push((index, Cell::Text(start, end)));
                    }
                    _ => row
                        .cells
                        .push((index, Cell::Value(Box::new(Value::String(text.to_owned()))))),
                },
                Ok(Some(value)) => row.cells.push((index, Cell::of(value))),
                Err(expected) => problems.push(parsed.problem(
                    line,
                    Some(position),
                    format!("expected {expected}, found `{text}`"),
                )),
            }
        }
        parsed.rows.push(row);
    }
    parsed
}

/// `row 5` (any case, the space optional): the parent named by its row in
/// its own file of the same import, for a parent row that has no id yet.
fn row_reference(text: &str) -> Option<u64> {
    let rest = text
        .get(..3)
        .filter(|p| p.eq_ignore_ascii_case("row"))
        .and(text.get(3..))?
        .trim_start();
    if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    rest.parse().ok()
}

fn csv_problem(file: &str, row: u64, error: &csv::Error) -> Problem {
    Problem {
        file: file.to_owned(),
        row: Some(row),
        column: None,
        header: None,
        message: format!("expected UTF-8 CSV: {error}"),
    }
}

/// Where a JSON element of the document came from, for error messages.
struct Origin {
    /// The table's position in `TABLES` (one file per table).
    table: usize,
    /// The spreadsheet row.
    row: u64,
}

struct Merger<'a> {
    root: &'a mut Value,
    problems: Vec<Problem>,
    summary: Summary,
    /// JSON Pointer of an element → where it came from.
    origins: HashMap<String, Origin>,
    /// Whether to record `origins` (the second, diagnosing pass).
    diagnose: bool,
    /// The id each row of a top-level table ended with, by table and row
    /// (for nested rows naming their parent as `row N`).
    row_ids: HashMap<(&'static str, u64), Uuid>,
}

/// The row's filled cells as an entity; conflicts (two columns filling one
/// value) are problems.
fn build(
    file: &Parsed,
    line: u64,
    cells: Vec<(usize, Value)>,
    entity: &mut Value,
    problems: &mut Vec<Problem>,
) {
    for (index, value) in cells {
        let Some(column) = file.table.columns.get(index) else {
            continue;
        };
        if column.path.is_empty() {
            *entity = value;
        } else if path::put(entity, column.path, value).is_err() {
            problems.push(
                file.column_problem(
                    line,
                    index,
                    "expected this cell or another that fills the same value, found both filled"
                        .to_owned(),
                ),
            );
        }
    }
}

/// The natural-key text of one part in `entity` (lower case).
fn key_part(table: &Table, entity: &Value, part: KeyPart) -> Option<String> {
    let value = match part {
        KeyPart::Identifier(system) => entity
            .get("identifiers")?
            .as_array()?
            .iter()
            .find(|i| i.get("system").and_then(Value::as_str) == Some(system))?
            .get("value")?,
        KeyPart::Column(header) => {
            let column = table.columns.iter().find(|c| c.header == header)?;
            let mut here = entity;
            for key in column.path.split('/') {
                here = here.get(key)?;
            }
            here
        }
    };
    Some(match value {
        Value::String(s) => s.to_lowercase(),
        other => other.to_string(),
    })
}

/// Each natural key of `table` that `entity` fills, as text.
fn natural_keys(table: &Table, entity: &Value) -> Vec<Option<String>> {
    table
        .natural_keys
        .iter()
        .map(|parts| {
            let parts: Option<Vec<String>> = parts
                .iter()
                .map(|part| key_part(table, entity, *part))
                .collect();
            parts.map(|p| p.join("\u{1f}"))
        })
        .collect()
}

fn key_label(table: &Table, k: usize) -> String {
    table
        .natural_keys
        .get(k)
        .map(|parts| {
            parts
                .iter()
                .map(|p| p.label())
                .collect::<Vec<_>>()
                .join(" + ")
        })
        .unwrap_or_default()
}

impl Merger<'_> {
    fn file_index(file: &Parsed) -> usize {
        // Parsed files are identified by table name, unique per import.
        TABLES
            .iter()
            .position(|t| t.name == file.table.name)
            .unwrap_or(usize::MAX)
    }

    fn profile(&mut self, file: &Parsed, rows: Vec<Row>) {
        let mut rows = rows.into_iter();
        let Some(row) = rows.next() else {
            self.problems.push(Problem {
                file: file.file.clone(),
                row: None,
                column: None,
                header: None,
                message: "expected one row describing the network, found none".to_owned(),
            });
            return;
        };
        for extra in rows {
            self.problems.push(file.problem(
                extra.line,
                None,
                "expected one row describing the network, found another".to_owned(),
            ));
        }
        let Some(root) = self.root.as_object_mut() else {
            return;
        };
        let mut profile = root.remove("network").unwrap_or(Value::Object(Map::new()));
        if let Some(version) = root.remove("schema_version")
            && let Some(object) = profile.as_object_mut()
        {
            object.insert("schema_version".to_owned(), version);
        }
        for (index, column) in file.table.columns.iter().enumerate() {
            if file.has(index) {
                let _ = path::remove(&mut profile, column.path);
            }
        }
        let line = row.line;
        let mut row = row;
        build(
            file,
            line,
            row.take_values(&file.text),
            &mut profile,
            &mut self.problems,
        );
        if let Some(object) = profile.as_object_mut()
            && let Some(version) = object.remove("schema_version")
        {
            root.insert("schema_version".to_owned(), version);
        }
        root.insert("network".to_owned(), profile);
        let file_index = Self::file_index(file);
        self.origins.insert(
            "/network".to_owned(),
            Origin {
                table: file_index,
                row: line,
            },
        );
        self.summary.tables.push(TableSummary {
            table: file.table.name,
            rows: 1,
            added: 0,
            updated: 1,
        });
    }

    #[allow(clippy::too_many_lines)] // matching by id, then natural key, then adding
    fn collection(&mut self, file: &Parsed, rows: Vec<Row>, key: &'static str) {
        let table = file.table;
        let file_index = Self::file_index(file);
        let Some(root) = self.root.as_object_mut() else {
            return;
        };
        let entities = root.entry(key).or_insert_with(|| Value::Array(Vec::new()));
        let Some(entities) = entities.as_array_mut() else {
            return;
        };
        let mut by_id: HashMap<String, usize> = HashMap::new();
        // A key several entities share matches none (`None`).
        let mut by_key: Vec<HashMap<String, Option<usize>>> =
            vec![HashMap::new(); table.natural_keys.len()];
        for (position, entity) in entities.iter().enumerate() {
            if let Some(id) = entity.get("id").and_then(Value::as_str) {
                by_id.entry(id.to_owned()).or_insert(position);
            }
            for (k, key) in natural_keys(table, entity).into_iter().enumerate() {
                if let (Some(key), Some(map)) = (key, by_key.get_mut(k)) {
                    map.entry(key)
                        .and_modify(|found| *found = None)
                        .or_insert(Some(position));
                }
            }
        }
        let id_index = table.columns.iter().position(|c| c.path == "id");
        let mut seen_ids: HashMap<u128, u64> = HashMap::new();
        let mut seen_keys: Vec<HashMap<String, u64>> =
            vec![HashMap::new(); table.natural_keys.len()];
        let mut summary = TableSummary {
            table: table.name,
            rows: rows.len(),
            added: 0,
            updated: 0,
        };
        for mut row in rows {
            let mut fresh = Value::Object(Map::new());
            build(
                file,
                row.line,
                row.take_values(&file.text),
                &mut fresh,
                &mut self.problems,
            );
            let given = fresh.get("id").and_then(Value::as_str).map(str::to_owned);
            let mut position = None;
            if let Some(id) = &given {
                let number = Uuid::try_parse(id).map_or(0, |u| u.as_u128());
                if let Some(first) = seen_ids.insert(number, row.line) {
                    self.problems.push(file.column_problem(
                        row.line,
                        id_index.unwrap_or(0),
                        format!("expected each id once, found {id} again (first in row {first})"),
                    ));
                    continue;
                }
                position = by_id.get(id).copied();
            }
            for (k, key) in natural_keys(table, &fresh).into_iter().enumerate() {
                let Some(key) = key else { continue };
                let label = key_label(table, k);
                let first = seen_keys
                    .get_mut(k)
                    .and_then(|m| m.insert(key.clone(), row.line));
                // Only a row without an id is matched by its natural key: two
                // such rows with one key (or one and an earlier row) are ambiguous.
                if given.is_none()
                    && let Some(first) = first
                {
                    self.problems.push(file.problem(
                        row.line,
                        None,
                        format!(
                            "expected each {} once, found `{}` again (first in row {first})",
                            label,
                            key.replace('\u{1f}', " + ")
                        ),
                    ));
                }
                if given.is_none()
                    && position.is_none()
                    && let Some(found) = by_key.get(k).and_then(|m| m.get(&key))
                {
                    match found {
                        Some(found) => position = Some(*found),
                        None => self.problems.push(file.problem(
                            row.line,
                            None,
                            format!(
                                "expected {} `{}` to name one entity of the document, found several",
                                label,
                                key.replace('\u{1f}', " + ")
                            ),
                        )),
                    }
                }
            }
            let position = if let Some(position) = position {
                let Some(existing) = entities.get_mut(position) else {
                    continue;
                };
                for (index, column) in table.columns.iter().enumerate() {
                    if file.has(index) && column.path != "id" {
                        let _ = path::remove(existing, column.path);
                        if let Some(value) = path::remove(&mut fresh, column.path) {
                            // Cleared just before: nothing to conflict with.
                            let _ = path::put(existing, column.path, value);
                        }
                    }
                }
                summary.updated += 1;
                position
            } else {
                if given.is_none() {
                    self.summary
                        .give_new_id(&mut fresh, &file.file, row.line, table.name);
                }
                entities.push(fresh);
                summary.added += 1;
                entities.len() - 1
            };
            if let Some(id) = entities
                .get(position)
                .and_then(|e| e.get("id"))
                .and_then(Value::as_str)
                .and_then(|id| Uuid::try_parse(id).ok())
            {
                self.row_ids.insert((table.name, row.line), id);
            }
            if self.diagnose {
                self.origins.insert(
                    format!("/{key}/{position}"),
                    Origin {
                        table: file_index,
                        row: row.line,
                    },
                );
            }
        }
        self.summary.tables.push(summary);
    }

    #[allow(clippy::too_many_lines)] // grouping by parent, then replacing each list
    fn nested(
        &mut self,
        file: &Parsed,
        rows: Vec<Row>,
        parent: &'static str,
        field: &'static str,
        parent_column: Option<&'static str>,
    ) {
        let table = file.table;
        let file_index = Self::file_index(file);
        let parent_location = crate::layout::table(parent).map(|t| t.location);
        // Group the rows by parent, in order of first appearance.
        let row_count = rows.len();
        let mut groups: Vec<(Option<Uuid>, Vec<Row>)> = Vec::new();
        let mut group_of: HashMap<Option<Uuid>, usize> = HashMap::new();
        for mut row in rows {
            if let Some(line) = row.parent_line {
                row.parent = self.row_ids.get(&(parent, line)).copied();
                if row.parent.is_none() {
                    let imported = self.summary.tables.iter().any(|t| t.table == parent);
                    self.problems.push(file.problem(
                        row.line,
                        file.parent_position,
                        if imported {
                            format!("expected `row {line}` to name a data row of {parent}.csv, found none there")
                        } else {
                            format!("expected `row {line}` to name a row of {parent}.csv in this import, found no {parent}.csv")
                        },
                    ));
                    continue;
                }
            }
            if parent_column.is_some() && row.parent.is_none() {
                continue; // already a problem
            }
            let slot = *group_of.entry(row.parent).or_insert_with(|| {
                groups.push((row.parent, Vec::new()));
                groups.len() - 1
            });
            if let Some((_, rows)) = groups.get_mut(slot) {
                rows.push(row);
            }
        }
        let mut summary = TableSummary {
            table: table.name,
            rows: row_count,
            added: 0,
            updated: 0,
        };
        let (collection, positions): (Option<&str>, HashMap<String, usize>) = match parent_location
        {
            Some(Location::Collection(key)) => {
                let positions = self
                    .root
                    .get(key)
                    .and_then(Value::as_array)
                    .map(|entities| {
                        entities
                            .iter()
                            .enumerate()
                            .filter_map(|(i, e)| {
                                e.get("id")
                                    .and_then(Value::as_str)
                                    .map(|id| (id.to_owned(), i))
                            })
                            .rev() // first occurrence wins
                            .collect()
                    })
                    .unwrap_or_default();
                (Some(key), positions)
            }
            _ => (None, HashMap::new()),
        };
        let has_id_column = table.columns.iter().any(|c| c.path == "id");
        for (parent_id, rows) in groups {
            let (pointer, target) = match (collection, &parent_id) {
                (Some(key), Some(id)) => {
                    let Some(position) = positions.get(&id.to_string()) else {
                        if let Some(first) = rows.first() {
                            self.problems.push(file.problem(
                                first.line,
                                file.parent_position,
                                format!(
                                    "expected the id of a row of {parent}.csv or of the document, found {id}, which is neither"
                                ),
                            ));
                        }
                        continue;
                    };
                    let target = self
                        .root
                        .get_mut(key)
                        .and_then(|v| v.as_array_mut())
                        .and_then(|v| v.get_mut(*position));
                    (format!("/{key}/{position}"), target)
                }
                _ => ("/network".to_owned(), self.root.get_mut("network")),
            };
            let Some(target) = target else { continue };
            let first_line = rows.first().map(|r| r.line);
            let mut items = Vec::with_capacity(rows.len());
            for (i, mut row) in rows.into_iter().enumerate() {
                let mut item = Value::Object(Map::new());
                build(
                    file,
                    row.line,
                    row.take_values(&file.text),
                    &mut item,
                    &mut self.problems,
                );
                if has_id_column && item.get("id").is_none() {
                    self.summary
                        .give_new_id(&mut item, &file.file, row.line, table.name);
                }
                items.push(item);
                if self.diagnose {
                    self.origins.insert(
                        format!("{pointer}/{field}/{i}"),
                        Origin {
                            table: file_index,
                            row: row.line,
                        },
                    );
                }
            }
            let _ = path::remove(target, field);
            if path::put(target, field, Value::Array(items)).is_err()
                && let Some(first_line) = first_line
            {
                self.problems.push(file.problem(
                    first_line,
                    None,
                    format!("expected the parent's `{field}` to be free for these rows, found it filled by another column"),
                ));
            }
            summary.updated += 1;
        }
        self.summary.tables.push(summary);
    }
}

/// After the whole document failed to deserialise: check each entity on its
/// own, so every broken one is named, located by the row it came from.
fn typed_problems(
    root: &Value,
    origins: &HashMap<String, Origin>,
    parsed: &[Parsed],
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let version = root
        .get("schema_version")
        .cloned()
        .unwrap_or_else(|| Value::String(mcn_core::SCHEMA_VERSION.to_owned()));
    let profile = root.get("network").cloned().unwrap_or(Value::Null);
    let mut minimal = Map::new();
    minimal.insert("schema_version".to_owned(), version);
    minimal.insert("network".to_owned(), profile);
    let minimal = Value::Object(minimal);
    let placeholder = {
        let mut p = Map::new();
        p.insert("id".to_owned(), Value::String(Uuid::nil().to_string()));
        p.insert("name".to_owned(), Value::String("placeholder".to_owned()));
        Value::Object(p)
    };
    let mut base = minimal.clone();
    if let Err(error) = serde_path_to_error::deserialize::<_, NetworkDocument>(&minimal) {
        problems.push(locate(&error, &[], origins, parsed));
        if let Some(object) = base.as_object_mut() {
            object.insert("network".to_owned(), placeholder);
            if !is_version_ok(object.get("schema_version")) {
                object.insert(
                    "schema_version".to_owned(),
                    Value::String(mcn_core::SCHEMA_VERSION.to_owned()),
                );
            }
        }
    }
    let Some(collections) = root.as_object() else {
        return problems;
    };
    for (key, entities) in collections {
        let Some(entities) = entities.as_array() else {
            continue;
        };
        for (position, entity) in entities.iter().enumerate() {
            let mut single = base.clone();
            if let Some(object) = single.as_object_mut() {
                object.insert(key.clone(), Value::Array(vec![entity.clone()]));
            }
            if let Err(error) = serde_path_to_error::deserialize::<_, NetworkDocument>(&single) {
                problems.push(locate(&error, &[(key, position)], origins, parsed));
            }
        }
    }
    problems
}

fn is_version_ok(version: Option<&Value>) -> bool {
    version
        .and_then(|v| serde_json::from_value::<mcn_core::SchemaVersion>(v.clone()).ok())
        .is_some()
}

/// A serde error in a one-entity document, named by the file, row and
/// column its value came from.
fn locate(
    error: &serde_path_to_error::Error<serde_json::Error>,
    real: &[(&String, usize)],
    origins: &HashMap<String, Origin>,
    parsed: &[Parsed],
) -> Problem {
    let mut segments: Vec<String> = Vec::new();
    for segment in error.path() {
        match segment {
            serde_path_to_error::Segment::Seq { index } => {
                // The one entity of a one-entity document is element 0.
                let index = match (segments.len(), real.first()) {
                    (1, Some((_, position))) => *position,
                    _ => *index,
                };
                segments.push(index.to_string());
            }
            serde_path_to_error::Segment::Map { key } => segments.push(key.clone()),
            serde_path_to_error::Segment::Enum { variant } => segments.push(variant.clone()),
            serde_path_to_error::Segment::Unknown => {}
        }
    }
    let message = error.inner().to_string();
    // The longest prefix that is a row's element.
    for cut in (1..=segments.len()).rev() {
        let pointer = format!("/{}", segments.get(..cut).unwrap_or_default().join("/"));
        let Some(origin) = origins.get(&pointer) else {
            continue;
        };
        let Some(file) = parsed
            .iter()
            .find(|p| TABLES.iter().position(|t| t.name == p.table.name) == Some(origin.table))
        else {
            break;
        };
        let mut rest = segments.get(cut..).unwrap_or_default().join("/");
        // `missing field `x``: the column of `x`.
        if let Some(field) = message
            .strip_prefix("missing field `")
            .and_then(|m| m.split('`').next())
        {
            rest = if rest.is_empty() {
                field.to_owned()
            } else {
                format!("{rest}/{field}")
            };
        }
        let column = column_for(file.table, &rest);
        let position = column.and_then(|i| file.positions.get(i).copied().flatten());
        let mut problem = file.problem(origin.row, position, message.clone());
        if position.is_none()
            && let Some(column) = column.and_then(|i| file.table.columns.get(i))
        {
            problem.header = Some(column.header.to_owned());
        }
        if problem.header.is_none() && !rest.is_empty() {
            problem.message = format!("{rest}: {message}");
        }
        return problem;
    }
    Problem {
        file: "(document)".to_owned(),
        row: None,
        column: None,
        header: None,
        message: format!("/{}: {message}", segments.join("/")),
    }
}

/// The column whose path covers `rest` (a `/`-separated path inside the
/// element at `pointer`): the longest match.
fn column_for(table: &Table, rest: &str) -> Option<usize> {
    let covers = |column: &Column| {
        !column.path.is_empty()
            && (rest == column.path || rest.starts_with(&format!("{}/", column.path)))
    };
    let mut best: Option<(usize, usize)> = None;
    for (index, column) in table.columns.iter().enumerate() {
        if !covers(column) {
            continue;
        }
        if best.is_none_or(|(_, len)| column.path.len() > len) {
            best = Some((index, column.path.len()));
        }
    }
    best.map(|(index, _)| index).or_else(|| {
        table
            .columns
            .iter()
            .position(|c| c.path.is_empty() && rest.is_empty())
    })
}
