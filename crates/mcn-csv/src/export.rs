//! Export: a document → one CSV text per table.

use mcn_network::NetworkDocument;
use serde_json::Value;

use crate::{
    cell,
    layout::{Location, TABLES, Table},
    path,
};

/// One exported table: its layout and its CSV text (UTF-8, a header row,
/// `\n` line ends, fields quoted only where they must be).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvTable {
    /// The table's layout (its name gives the file name).
    pub table: &'static Table,
    /// The CSV text: the header row, then one row per entity.
    pub text: String,
}

/// Why a document could not be exported.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The document could not be turned into its JSON form.
    #[error("could not serialise the document: {0}")]
    Serialise(#[from] serde_json::Error),
    /// A value of the document has no column (the layout is behind the
    /// model): exporting would lose it, so nothing is exported.
    #[error("{table}: no column holds `{path}` (the CSV layout does not cover this field yet)")]
    Unmapped {
        /// The table whose entity holds the value.
        table: &'static str,
        /// The value's `/`-separated path within the entity.
        path: String,
    },
    /// A value does not have the shape its column expects.
    #[error("{table}: column `{header}` cannot hold the value {value}")]
    Shape {
        /// The table.
        table: &'static str,
        /// The column's header.
        header: &'static str,
        /// The value, as JSON.
        value: String,
    },
    /// Writing CSV to memory failed.
    #[error("could not write CSV: {0}")]
    Csv(#[from] csv::Error),
}

/// Exports every table of `document`, in [`TABLES`] order (empty tables
/// have their header row only). Rows are in document order; columns in
/// layout order.
///
/// Nothing is dropped silently: a value of the document that no column
/// holds is an [`ExportError::Unmapped`].
pub fn export(document: &NetworkDocument) -> Result<Vec<CsvTable>, ExportError> {
    export_tables(document, |_| true)
}

/// Exports the tables `keep` selects (and only those: the others are not
/// written, though every value is still checked to have a column).
pub fn export_tables(
    document: &NetworkDocument,
    keep: impl Fn(&Table) -> bool,
) -> Result<Vec<CsvTable>, ExportError> {
    let mut root = serde_json::to_value(document)?;
    let mut exporter = Exporter {
        writers: TABLES
            .iter()
            .map(|t| {
                let mut w = csv::Writer::from_writer(Vec::new());
                w.write_record(t.headers())?;
                Ok(w)
            })
            .collect::<Result<_, csv::Error>>()?,
        keep: TABLES.iter().map(&keep).collect(),
        children: TABLES
            .iter()
            .map(|table| {
                TABLES
                    .iter()
                    .enumerate()
                    .filter(|(_, child)| {
                        matches!(child.location, Location::Nested { parent, .. } if parent == table.name)
                    })
                    .map(|(index, _)| index)
                    .collect()
            })
            .collect(),
        row: Vec::new(),
    };
    let root_object = root.as_object_mut().ok_or_else(|| ExportError::Unmapped {
        table: "network",
        path: String::new(),
    })?;
    let schema_version = root_object.remove("schema_version");
    let mut network = root_object.remove("network").unwrap_or(Value::Null);
    if let (Some(version), Some(profile)) = (schema_version, network.as_object_mut()) {
        profile.insert("schema_version".to_owned(), version);
    }
    for (index, table) in TABLES.iter().enumerate() {
        match table.location {
            Location::Profile => exporter.emit(index, network.take(), None)?,
            Location::Collection(key) => {
                if let Some(Value::Array(entities)) = root_object.remove(key) {
                    for entity in entities {
                        exporter.emit(index, entity, None)?;
                    }
                }
            }
            Location::Nested { .. } => {}
        }
    }
    let mut left = Vec::new();
    path::leftovers(&root, "", &mut left);
    if let Some(path) = left.into_iter().next() {
        return Err(ExportError::Unmapped {
            table: "network",
            path,
        });
    }
    TABLES
        .iter()
        .zip(exporter.writers)
        .zip(exporter.keep)
        .filter(|(_, keep)| *keep)
        .map(|((table, writer), _)| {
            let bytes = writer
                .into_inner()
                .map_err(|e| ExportError::Csv(e.into_error().into()))?;
            // The writer only ever received UTF-8 strings.
            let text = String::from_utf8(bytes).unwrap_or_default();
            Ok(CsvTable { table, text })
        })
        .collect()
}

struct Exporter {
    writers: Vec<csv::Writer<Vec<u8>>>,
    keep: Vec<bool>,
    /// For each table, the indexes of its nested tables.
    children: Vec<Vec<usize>>,
    row: Vec<String>,
}

impl Exporter {
    /// Writes `entity` as a row of table `index` (after `parent_id`, for a
    /// nested table), then its nested lists to their tables.
    fn emit(
        &mut self,
        index: usize,
        mut entity: Value,
        parent_id: Option<&str>,
    ) -> Result<(), ExportError> {
        let Some(table) = TABLES.get(index) else {
            return Ok(());
        };
        // The id names this entity's nested rows (taken before its column
        // takes it out of the entity); only tables with nested tables need it.
        let own_id = self
            .children
            .get(index)
            .is_some_and(|c| !c.is_empty())
            .then(|| entity.get("id").and_then(Value::as_str).map(str::to_owned))
            .flatten();
        // Cell buffers are reused from row to row.
        let width = table.columns.len() + usize::from(table.parent_column().is_some());
        let mut row = std::mem::take(&mut self.row);
        if row.len() < width {
            row.resize_with(width, String::new);
        }
        let mut cells = row.iter_mut();
        if table.parent_column().is_some()
            && let Some(cell) = cells.next()
        {
            cell.clear();
            cell.push_str(parent_id.unwrap_or_default());
        }
        for column in table.columns {
            let Some(text) = cells.next() else { break };
            text.clear();
            if let Some(value) = path::take(&mut entity, column).filter(|v| !v.is_null()) {
                cell::write(column.kind, &value, text).ok_or_else(|| ExportError::Shape {
                    table: table.name,
                    header: column.header,
                    value: value.to_string(),
                })?;
            }
        }
        if self.keep.get(index).copied().unwrap_or(false)
            && let Some(writer) = self.writers.get_mut(index)
        {
            writer.write_record(row.iter().take(width))?;
        }
        self.row = row;
        let children = self
            .children
            .get_mut(index)
            .map(std::mem::take)
            .unwrap_or_default();
        if !children.is_empty() {
            for &child in &children {
                if let Some(Location::Nested { field, .. }) = TABLES.get(child).map(|t| t.location)
                    && let Some(Value::Array(items)) = path::remove(&mut entity, field)
                {
                    for item in items {
                        self.emit(child, item, own_id.as_deref())?;
                    }
                }
            }
            if let Some(slot) = self.children.get_mut(index) {
                *slot = children;
            }
        }
        if !path::is_empty(&entity) {
            let mut left = Vec::new();
            path::leftovers(&entity, "", &mut left);
            return Err(ExportError::Unmapped {
                table: table.name,
                path: left.into_iter().next().unwrap_or_default(),
            });
        }
        Ok(())
    }
}
