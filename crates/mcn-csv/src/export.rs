//! Export: a document → one CSV text per table.
//!
//! The document is walked once by a serde `Serializer` beside each table's
//! tree of column paths ([`crate::shape`]): every value goes straight into
//! its cell and every entity's row is written as soon as it is complete, so
//! no JSON tree of the document is built. Only an unusual value (a list of
//! identifiers or role groups, or one no column holds) is turned into JSON
//! on its own, to be written or named in the error.

use std::fmt::{self, Display, Write as _};

use mcn_network::NetworkDocument;
use serde::{
    Serialize,
    ser::{self, Impossible},
};
use serde_json::Value;

use crate::{
    cell,
    layout::{Kind, Location, TABLES, Table},
    path,
    shape::shape,
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
    let mut exporter = Exporter {
        out: TABLES
            .iter()
            .map(|table| {
                let mut writer = csv::Writer::from_writer(Vec::new());
                writer.write_record(table.headers())?;
                let offset = usize::from(table.parent_column().is_some());
                Ok(Out {
                    writer,
                    keep: keep(table),
                    cells: vec![String::new(); offset + table.columns.len()],
                    offset,
                    id: table.columns.iter().position(|c| c.path == "id"),
                    id_seen: false,
                })
            })
            .collect::<Result<_, csv::Error>>()?,
    };
    let profile = TABLES
        .iter()
        .position(|t| t.location == Location::Profile)
        .unwrap_or_default();
    exporter.begin(profile, None);
    match document.serialize(TopSer {
        ex: &mut exporter,
        profile,
        collection: None,
    }) {
        Ok(()) => {}
        Err(Fail::Export(error)) => return Err(error),
        Err(Fail::Capture | Fail::Restart) => {
            return Err(ExportError::Unmapped {
                table: "network",
                path: String::new(),
            });
        }
    }
    exporter.finish(profile)?;
    TABLES
        .iter()
        .zip(exporter.out)
        .filter(|(_, out)| out.keep)
        .map(|(table, out)| {
            let bytes = out
                .writer
                .into_inner()
                .map_err(|e| ExportError::Csv(e.into_error().into()))?;
            // The writer only ever received UTF-8 strings.
            let text = String::from_utf8(bytes).unwrap_or_default();
            Ok(CsvTable { table, text })
        })
        .collect()
}

/// One table's writer and the cells of the row being filled.
struct Out {
    writer: csv::Writer<Vec<u8>>,
    keep: bool,
    /// The parent id cell (nested tables), then one per column; reused.
    cells: Vec<String>,
    /// 1 when the first cell is the parent id.
    offset: usize,
    /// The index of the `id` column.
    id: Option<usize>,
    /// Whether the row's entity has given its id yet (its nested rows name it).
    id_seen: bool,
}

struct Exporter {
    out: Vec<Out>,
}

/// Why serialising a value stopped.
#[derive(Debug)]
enum Fail {
    /// The value is not one the direct path writes (raised before anything
    /// is written): the caller turns it into JSON and places that.
    Capture,
    /// A nested list came before its entity's id: the entity is written
    /// again from its JSON form, id first.
    Restart,
    /// A real failure.
    Export(ExportError),
}

impl Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Capture | Self::Restart => f.write_str("(internal: not written directly)"),
            Self::Export(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for Fail {}

impl ser::Error for Fail {
    fn custom<T: Display>(msg: T) -> Self {
        Self::Export(ExportError::Serialise(
            <serde_json::Error as ser::Error>::custom(msg),
        ))
    }
}

impl From<ExportError> for Fail {
    fn from(error: ExportError) -> Self {
        Self::Export(error)
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}/{key}")
    }
}

/// `Ok` when nothing is left in `value` (nulls and empty objects), else the
/// error naming the first thing no column holds.
fn unmapped(table: usize, prefix: &str, value: &Value) -> Result<(), ExportError> {
    let mut left = Vec::new();
    path::leftovers(value, prefix, &mut left);
    match left.into_iter().next() {
        None => Ok(()),
        Some(path) => Err(ExportError::Unmapped {
            table: TABLES.get(table).map_or("network", |t| t.name),
            path,
        }),
    }
}

impl Exporter {
    fn out(&mut self, table: usize) -> Result<&mut Out, ExportError> {
        self.out
            .get_mut(table)
            .ok_or_else(|| ExportError::Unmapped {
                table: "network",
                path: String::new(),
            })
    }

    /// Starts a row of `table`: empty cells, and the parent's id.
    fn begin(&mut self, table: usize, parent_id: Option<&str>) {
        if let Some(out) = self.out.get_mut(table) {
            for cell in &mut out.cells {
                cell.clear();
            }
            if out.offset == 1
                && let Some(cell) = out.cells.first_mut()
            {
                cell.push_str(parent_id.unwrap_or_default());
            }
            out.id_seen = false;
        }
    }

    /// Writes the row of `table` (if the table is kept).
    fn finish(&mut self, table: usize) -> Result<(), ExportError> {
        let out = self.out(table)?;
        if out.keep {
            out.writer.write_record(&out.cells)?;
        }
        Ok(())
    }

    /// Writes `entity` as a row of `table` (after `parent_id`, for a nested
    /// table), and its nested lists to their tables as they come.
    fn entity<T: Serialize + ?Sized>(
        &mut self,
        table: usize,
        entity: &T,
        parent_id: Option<&str>,
    ) -> Result<(), ExportError> {
        self.begin(table, parent_id);
        match self.put(table, 0, entity) {
            Ok(()) => {}
            Err(Fail::Restart) => {
                self.begin(table, parent_id);
                self.place(table, 0, serde_json::to_value(entity)?)?;
            }
            Err(Fail::Export(error)) => return Err(error),
            Err(Fail::Capture) => unreachable_capture()?,
        }
        self.finish(table)
    }

    /// Writes `value`, found at `node` of a `table` entity: directly where it
    /// can, else through its JSON form.
    fn put<T: Serialize + ?Sized>(
        &mut self,
        table: usize,
        node: usize,
        value: &T,
    ) -> Result<(), Fail> {
        match value.serialize(NodeSer {
            ex: self,
            table,
            node,
        }) {
            Err(Fail::Capture) => {
                let value = serde_json::to_value(value).map_err(ExportError::from)?;
                Ok(self.place(table, node, value)?)
            }
            other => other,
        }
    }

    /// Writes the JSON `value` found at `node` of a `table` entity: a cell,
    /// an object's keys, or a nested list's rows; anything else is unmapped.
    fn place(&mut self, table: usize, node: usize, value: Value) -> Result<(), ExportError> {
        let shape = shape(table);
        let here = shape.node(node);
        if value.is_null() {
            return Ok(());
        }
        if let Some(column) = here.column
            && (is_list(table, column) || !(value.is_object() || value.is_array()))
        {
            return self.write_cell(table, column, &value);
        }
        match value {
            Value::Object(mut object) if !here.children.is_empty() => {
                // The id first: nested rows name it.
                if node == 0
                    && let Some(id) = object.remove("id")
                {
                    match shape.child(0, "id") {
                        Some(child) => self.place(table, child, id)?,
                        None => unmapped(table, "id", &id)?,
                    }
                }
                for (key, item) in object {
                    match shape.child(node, &key) {
                        Some(child) => self.place(table, child, item)?,
                        None => unmapped(table, &join(&here.path, &key), &item)?,
                    }
                }
                Ok(())
            }
            Value::Array(items) if here.nested.is_some() => {
                let child = here.nested.unwrap_or_default();
                let parent_id = self.own_id(table);
                for item in &items {
                    self.entity(child, item, parent_id.as_deref())?;
                }
                Ok(())
            }
            other => unmapped(table, &here.path, &other),
        }
    }

    /// The id of the entity being written to `table` (its nested rows'
    /// parent id column).
    fn own_id(&self, table: usize) -> Option<String> {
        let out = self.out.get(table)?;
        out.cells.get(out.offset + out.id?).cloned()
    }

    /// Writes a JSON value into `column`'s cell.
    fn write_cell(
        &mut self,
        table: usize,
        column: usize,
        value: &Value,
    ) -> Result<(), ExportError> {
        let (name, header, kind) = describe(table, column);
        let out = self.out(table)?;
        let index = out.offset + column;
        let cell = out.cells.get_mut(index).ok_or(ExportError::Unmapped {
            table: name,
            path: header.to_owned(),
        })?;
        cell::write(kind, value, cell).ok_or_else(|| ExportError::Shape {
            table: name,
            header,
            value: value.to_string(),
        })
    }

    /// Writes text into `column`'s cell when its kind is written as the text
    /// itself; `false` otherwise.
    fn write_text(&mut self, table: usize, column: usize, text: impl Display) -> bool {
        let (_, _, kind) = describe(table, column);
        if !matches!(kind, Kind::Text | Kind::Date | Kind::Id | Kind::Enum) {
            return false;
        }
        let Some(out) = self.out.get_mut(table) else {
            return false;
        };
        let index = out.offset + column;
        out.cells
            .get_mut(index)
            .is_some_and(|cell| write!(cell, "{text}").is_ok())
    }
}

/// `Capture` is always handled where it is raised: reaching the top is a bug
/// reported as a failure, never a panic.
fn unreachable_capture() -> Result<(), ExportError> {
    Err(ExportError::Unmapped {
        table: "network",
        path: String::new(),
    })
}

fn describe(table: usize, column: usize) -> (&'static str, &'static str, Kind) {
    let table = TABLES.get(table);
    let column = table.and_then(|t| t.columns.get(column));
    (
        table.map_or("network", |t| t.name),
        column.map_or("", |c| c.header),
        column.map_or(Kind::Text, |c| c.kind),
    )
}

fn is_list(table: usize, column: usize) -> bool {
    matches!(
        describe(table, column).2,
        Kind::List | Kind::RoleGroups | Kind::Identifiers
    )
}

/// Methods whose values the direct path does not write: the caller turns the
/// value into JSON instead.
macro_rules! capture {
    ($($method:ident($($arg:ty),*) -> $ok:ty;)*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<$ok, Fail> {
            Err(Fail::Capture)
        }
    )*};
}

macro_rules! capture_compounds {
    () => {
        capture! {
            serialize_bytes(&[u8]) -> ();
            serialize_i128(i128) -> ();
            serialize_u128(u128) -> ();
            serialize_tuple(usize) -> Impossible<(), Fail>;
            serialize_tuple_struct(&'static str, usize) -> Impossible<(), Fail>;
            serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Impossible<(), Fail>;
            serialize_map(Option<usize>) -> Impossible<(), Fail>;
        }
    };
}

/// The associated types of this module's serializers.
macro_rules! serializer_types {
    ($seq:ty, $structure:ty, $variant:ty) => {
        type Ok = ();
        type Error = Fail;
        type SerializeSeq = $seq;
        type SerializeTuple = Impossible<(), Fail>;
        type SerializeTupleStruct = Impossible<(), Fail>;
        type SerializeTupleVariant = Impossible<(), Fail>;
        type SerializeMap = Impossible<(), Fail>;
        type SerializeStruct = $structure;
        type SerializeStructVariant = $variant;
    };
}

/// A value at one node of a table's entity.
struct NodeSer<'a> {
    ex: &'a mut Exporter,
    table: usize,
    node: usize,
}

impl NodeSer<'_> {
    fn scalar(self, value: &Value) -> Result<(), Fail> {
        let here = shape(self.table).node(self.node);
        match here.column {
            Some(column) => Ok(self.ex.write_cell(self.table, column, value)?),
            None => Ok(unmapped(self.table, &here.path, value)?),
        }
    }

    fn text(self, text: impl Display) -> Result<(), Fail> {
        if let Some(column) = shape(self.table).node(self.node).column
            && self.ex.write_text(self.table, column, &text)
        {
            return Ok(());
        }
        self.scalar(&Value::String(text.to_string()))
    }
}

impl<'a> ser::Serializer for NodeSer<'a> {
    serializer_types!(Rows<'a>, Fields<'a>, Fields<'a>);

    capture_compounds!();

    fn serialize_bool(self, v: bool) -> Result<(), Fail> {
        self.scalar(&Value::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<(), Fail> {
        self.scalar(&Value::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Fail> {
        self.scalar(&Value::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Fail> {
        self.scalar(&Value::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Fail> {
        self.scalar(&Value::from(v))
    }
    fn serialize_u8(self, v: u8) -> Result<(), Fail> {
        self.scalar(&Value::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Fail> {
        self.scalar(&Value::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Fail> {
        self.scalar(&Value::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Fail> {
        self.scalar(&Value::from(v))
    }
    fn serialize_f32(self, v: f32) -> Result<(), Fail> {
        self.scalar(&Value::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Fail> {
        self.scalar(&Value::from(v))
    }
    fn serialize_char(self, v: char) -> Result<(), Fail> {
        self.text(v)
    }
    fn serialize_str(self, v: &str) -> Result<(), Fail> {
        self.text(v)
    }
    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<(), Fail> {
        self.text(value)
    }
    fn serialize_none(self) -> Result<(), Fail> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Fail> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Fail> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Fail> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Fail> {
        self.text(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Fail> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Fail> {
        // `{"variant": value}`: the variant is a key below this node.
        match shape(self.table).child(self.node, variant) {
            Some(child) => self.ex.put(self.table, child, value),
            None => Err(Fail::Capture),
        }
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Rows<'a>, Fail> {
        let here = shape(self.table).node(self.node);
        let (Some(child), None) = (here.nested, here.column) else {
            return Err(Fail::Capture);
        };
        let named = TABLES
            .get(child)
            .is_some_and(|t| t.parent_column().is_some());
        let out = self.ex.out(self.table)?;
        if named && !out.id_seen {
            return Err(Fail::Restart);
        }
        let parent_id = if named {
            self.ex.own_id(self.table)
        } else {
            None
        };
        Ok(Rows {
            ex: self.ex,
            table: child,
            parent_id,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'a>, Fail> {
        if shape(self.table).node(self.node).children.is_empty() {
            return Err(Fail::Capture);
        }
        Ok(Fields {
            ex: self.ex,
            table: self.table,
            node: self.node,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Fields<'a>, Fail> {
        let shape = shape(self.table);
        match shape.child(self.node, variant) {
            Some(child) if !shape.node(child).children.is_empty() => Ok(Fields {
                ex: self.ex,
                table: self.table,
                node: child,
            }),
            _ => Err(Fail::Capture),
        }
    }
}

/// The fields of a struct at one node.
struct Fields<'a> {
    ex: &'a mut Exporter,
    table: usize,
    node: usize,
}

impl Fields<'_> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Fail> {
        let shape = shape(self.table);
        let Some(child) = shape.child(self.node, key) else {
            let value = serde_json::to_value(value).map_err(ExportError::from)?;
            let path = join(&shape.node(self.node).path, key);
            return Ok(unmapped(self.table, &path, &value)?);
        };
        self.ex.put(self.table, child, value)?;
        if self.node == 0 && key == "id" {
            self.ex.out(self.table)?.id_seen = true;
        }
        Ok(())
    }
}

/// Fields are written by each type's `field`.
macro_rules! fields {
    ($($ty:ident: $trait:ident),*) => {$(
        impl ser::$trait for $ty<'_> {
            type Ok = ();
            type Error = Fail;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Fail> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Fail> {
                Ok(())
            }
        }
    )*};
}

fields!(Fields: SerializeStruct, Fields: SerializeStructVariant, DocFields: SerializeStruct);

/// The items of a list that is a table of its own: each is a row.
struct Rows<'a> {
    ex: &'a mut Exporter,
    table: usize,
    parent_id: Option<String>,
}

impl ser::SerializeSeq for Rows<'_> {
    type Ok = ();
    type Error = Fail;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, item: &T) -> Result<(), Fail> {
        Ok(self
            .ex
            .entity(self.table, item, self.parent_id.as_deref())?)
    }
    fn end(self) -> Result<(), Fail> {
        Ok(())
    }
}

/// The document (the profile row, with the schema version, and each
/// collection's rows), or one of its collections (`collection`: the
/// table's index).
struct TopSer<'a> {
    ex: &'a mut Exporter,
    profile: usize,
    collection: Option<usize>,
}

macro_rules! not_a_struct {
    ($($method:ident($($arg:ty),*);)*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<(), Fail> {
            Err(Fail::Capture)
        }
    )*};
}

macro_rules! reject_all_but_compounds {
    () => {
        capture_compounds!();
        not_a_struct! {
            serialize_bool(bool);
            serialize_i8(i8);
            serialize_i16(i16);
            serialize_i32(i32);
            serialize_i64(i64);
            serialize_u8(u8);
            serialize_u16(u16);
            serialize_u32(u32);
            serialize_u64(u64);
            serialize_f32(f32);
            serialize_f64(f64);
            serialize_char(char);
            serialize_str(&str);
            serialize_none();
            serialize_unit();
            serialize_unit_struct(&'static str);
            serialize_unit_variant(&'static str, u32, &'static str);
        }
        fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Fail> {
            Err(Fail::Capture)
        }
        fn serialize_newtype_struct<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: &T,
        ) -> Result<(), Fail> {
            Err(Fail::Capture)
        }
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<(), Fail> {
            Err(Fail::Capture)
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Impossible<(), Fail>, Fail> {
            Err(Fail::Capture)
        }
    };
}

impl<'a> ser::Serializer for TopSer<'a> {
    serializer_types!(Rows<'a>, DocFields<'a>, Impossible<(), Fail>);

    reject_all_but_compounds!();

    fn serialize_seq(self, _: Option<usize>) -> Result<Rows<'a>, Fail> {
        let table = self.collection.ok_or(Fail::Capture)?;
        Ok(Rows {
            ex: self.ex,
            table,
            parent_id: None,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<DocFields<'a>, Fail> {
        if self.collection.is_some() {
            return Err(Fail::Capture);
        }
        Ok(DocFields {
            ex: self.ex,
            profile: self.profile,
        })
    }
}

struct DocFields<'a> {
    ex: &'a mut Exporter,
    profile: usize,
}

impl DocFields<'_> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Fail> {
        let profile_shape = shape(self.profile);
        let place = match key {
            // The schema version is a column of the profile row.
            "schema_version" => profile_shape.child(0, key).map(|n| (self.profile, n)),
            "network" => Some((self.profile, 0)),
            _ => None,
        };
        if let Some((table, node)) = place {
            return self.ex.put(table, node, value);
        }
        let collection = TABLES
            .iter()
            .position(|t| t.location == Location::Collection(key));
        if let Some(table) = collection {
            let collection = TopSer {
                ex: self.ex,
                profile: self.profile,
                collection: Some(table),
            };
            match value.serialize(collection) {
                Err(Fail::Capture) => {}
                other => return other,
            }
            if let Value::Array(items) = serde_json::to_value(value).map_err(ExportError::from)? {
                for item in &items {
                    self.ex.entity(table, item, None)?;
                }
                return Ok(());
            }
        }
        let value = serde_json::to_value(value).map_err(ExportError::from)?;
        Ok(unmapped(self.profile, key, &value)?)
    }
}
