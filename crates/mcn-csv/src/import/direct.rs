//! The direct path of a new document's import: each row is read straight
//! into the document's own types by a serde `Deserializer` over its cells
//! (the table's tree of column paths, [`crate::shape`], gives the nesting),
//! with nested rows read inside their parent's; no JSON tree of the
//! document is built.
//!
//! It reads input without problems only: anything unusual (a problem, a row
//! without an id that a natural key could match, a value the model refuses)
//! gives `None`, and the import then takes the merging path, which locates
//! every problem. So both paths accept exactly the same input.

use std::collections::{HashMap, HashSet};

use mcn_network::NetworkDocument;
use serde::{
    Deserialize as _,
    de::{
        self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer as _, MapAccess,
        SeqAccess, Unexpected, VariantAccess, Visitor,
        value::{BorrowedStrDeserializer, StrDeserializer},
    },
};
use serde_json::{Error, Value};
use uuid::Uuid;

use super::{Cell, Imported, Parsed, Row, Scalar, Summary, TableSummary, span};
use crate::{
    layout::{Location, TABLES},
    shape::{bit, shape},
};

/// One table's rows, ready to be read.
#[allow(clippy::struct_field_names)] // `rows` of a table's `Rows`
struct Rows {
    rows: Vec<Row>,
    /// The text of the rows' [`Cell::Text`] cells.
    text: String,
    /// Each row's id (top-level tables).
    ids: Vec<u128>,
    /// The same ids, to look parents up.
    id_set: HashSet<u128>,
    /// Nested tables: row indexes by parent id (0 under the profile).
    groups: HashMap<u128, Vec<usize>>,
}

struct Ctx {
    /// By index in [`TABLES`]: the rows of each table given.
    tables: Vec<Option<Rows>>,
}

/// Reads `parsed` (sorted parents first, as the merging path does) into a
/// new document, or `None` if the merging path must read it.
pub(super) fn read(parsed: &mut [Parsed]) -> Option<Imported> {
    let mut tables: Vec<Option<Rows>> = TABLES.iter().map(|_| None).collect();
    let mut summary = Summary::default();
    for file in parsed.iter_mut() {
        let index = TABLES.iter().position(|t| t.name == file.table.name)?;
        let table = file.table;
        let mut rows = Rows {
            rows: std::mem::take(&mut file.rows),
            text: std::mem::take(&mut file.text),
            ids: Vec::new(),
            id_set: HashSet::default(),
            groups: HashMap::default(),
        };
        let mut done = TableSummary {
            table: table.name,
            rows: rows.rows.len(),
            added: 0,
            updated: 0,
        };
        let id_column = table.columns.iter().position(|c| c.path == "id");
        match table.location {
            Location::Profile => {
                if rows.rows.len() != 1 {
                    return None;
                }
                done.updated = 1;
            }
            Location::Collection(_) => {
                rows.ids.reserve(rows.rows.len());
                rows.id_set.reserve(rows.rows.len());
                for row in &mut rows.rows {
                    let id = match row.id {
                        Some(id) => id,
                        // A natural key might match an earlier row: the
                        // merging path decides.
                        None if table.natural_keys.is_empty() => {
                            new_id(&mut summary, file, row, id_column?)
                        }
                        None => return None,
                    };
                    if !rows.id_set.insert(id.as_u128()) {
                        return None;
                    }
                    rows.ids.push(id.as_u128());
                }
                done.added = rows.rows.len();
            }
            Location::Nested {
                parent,
                parent_column,
                ..
            } => {
                let mut order = Vec::new();
                let parent = TABLES.iter().position(|t| t.name == parent)?;
                for (i, row) in rows.rows.iter().enumerate() {
                    let key = match (parent_column, row.parent, row.parent_line) {
                        (None, _, _) => 0,
                        (Some(_), Some(id), _) => id.as_u128(),
                        // `row N` of the parent's file: that row's id.
                        (Some(_), None, Some(line)) => {
                            let parents = tables.get(parent)?.as_ref()?;
                            let at = parents.rows.binary_search_by_key(&line, |r| r.line).ok()?;
                            *parents.ids.get(at)?
                        }
                        (Some(_), None, None) => return None,
                    };
                    rows.groups
                        .entry(key)
                        .or_insert_with(|| {
                            order.push(key);
                            Vec::new()
                        })
                        .push(i);
                }
                if parent_column.is_some() {
                    let parents = tables.get(parent)?.as_ref()?;
                    if !order.iter().all(|key| parents.id_set.contains(key)) {
                        return None;
                    }
                }
                if let Some(id_column) = id_column {
                    for key in &order {
                        for &i in rows.groups.get(key)? {
                            let row = rows.rows.get_mut(i)?;
                            if cell(row, id_column).is_none() {
                                new_id(&mut summary, file, row, id_column);
                            }
                        }
                    }
                }
                done.updated = order.len();
            }
        }
        summary.tables.push(done);
        *tables.get_mut(index)? = Some(rows);
    }
    let ctx = Ctx { tables };
    let document = NetworkDocument::deserialize(DocDe { ctx: &ctx }).ok()?;
    Some(Imported { document, summary })
}

/// The filled cell of column `index` (cells are in column order).
fn cell(row: &Row, index: usize) -> Option<&Cell> {
    let at = row.cells.binary_search_by_key(&index, |(i, _)| *i).ok()?;
    row.cells.get(at).map(|(_, cell)| cell)
}

/// The filled cell of column `index`, found by the row's `mask` of filled
/// columns (cells are in column order, one per column): as many cells come
/// before it as there are filled columns before it.
fn cell_at(row: &Row, mask: u64, index: usize) -> Option<&Cell> {
    let before = mask & bit(index).wrapping_sub(1);
    let at = usize::try_from(before.count_ones()).ok()?;
    match row.cells.get(at) {
        Some((i, cell)) if *i == index => Some(cell),
        _ => cell(row, index),
    }
}

/// Gives `row` a new id in column `id_column`, recorded in the summary.
fn new_id(summary: &mut Summary, file: &Parsed, row: &mut Row, id_column: usize) -> Uuid {
    let id = summary.record_new_id(&file.file, row.line, file.table.name);
    row.id = Some(id);
    let at = row
        .cells
        .binary_search_by_key(&id_column, |(i, _)| *i)
        .unwrap_or_else(|at| at);
    row.cells
        .insert(at, (id_column, Cell::of(Value::String(id.to_string()))));
    id
}

/// Where a value is: a node of one row of one table.
#[derive(Debug, Clone, Copy)]
struct At {
    table: usize,
    row: usize,
    node: usize,
    /// The row's filled columns.
    mask: u64,
    /// The row's id, naming its nested rows (0 for the profile).
    key: u128,
    /// The profile's root, whose schema version is the document's.
    skip_version: bool,
}

impl Ctx {
    fn rows(&self, table: usize) -> Option<&Rows> {
        self.tables.get(table)?.as_ref()
    }

    fn at_row(&self, table: usize, row: usize) -> At {
        let rows = self.rows(table);
        let mask = rows
            .and_then(|r| r.rows.get(row))
            .map_or(0, |r| r.cells.iter().fold(0, |m, (i, _)| m | bit(*i)));
        At {
            table,
            row,
            node: 0,
            mask,
            key: rows.and_then(|r| r.ids.get(row)).copied().unwrap_or(0),
            skip_version: false,
        }
    }

    /// The rows of `table` under the parent with id `key`.
    fn group(&self, table: usize, key: u128) -> &[usize] {
        self.rows(table)
            .and_then(|r| r.groups.get(&key))
            .map_or(&[][..], Vec::as_slice)
    }

    /// Whether any nested table at or below `node` has rows for `at`'s row.
    fn nested_filled(&self, at: &At, node: usize) -> bool {
        shape(at.table)
            .node(node)
            .nested_below
            .iter()
            .any(|&child| !self.group(child, at.key).is_empty())
    }

    /// Whether anything is filled at or below `node` of the row at `at`.
    fn filled(&self, at: &At, node: usize) -> bool {
        at.mask & shape(at.table).node(node).below != 0 || self.nested_filled(at, node)
    }

    /// The value of `column` in the row at `at`.
    fn leaf(&self, at: &At, column: usize) -> Option<Resolved<'_>> {
        let rows = self.rows(at.table)?;
        let row = rows.rows.get(at.row)?;
        Some(match cell_at(row, at.mask, column)? {
            Cell::Text(start, end) => Resolved::Text(span(&rows.text, *start, *end)),
            Cell::Scalar(scalar) => Resolved::Scalar(*scalar),
            Cell::Value(value) => Resolved::Leaf(value),
        })
    }
}

/// What is at a node of a row.
#[derive(Clone, Copy)]
enum Resolved<'de> {
    /// A cell whose value is its own text.
    Text(&'de str),
    /// A number or boolean cell.
    Scalar(Scalar),
    /// A cell's value.
    Leaf(&'de Value),
    /// An object of the keys below.
    Map,
    /// A nested table's rows (its index in [`TABLES`]).
    Seq(usize),
    /// Two columns fill one value.
    Conflict,
}

/// A cell's text, as the JSON string it stands for (borrowed: ids, dates
/// and vocabulary are read without a copy).
fn text_de(text: &str) -> BorrowedStrDeserializer<'_, Error> {
    BorrowedStrDeserializer::new(text)
}

/// The value at one node of one row.
#[derive(Clone, Copy)]
struct NodeDe<'de> {
    ctx: &'de Ctx,
    at: At,
}

impl<'de> NodeDe<'de> {
    fn resolve(self) -> Resolved<'de> {
        let here = shape(self.at.table).node(self.at.node);
        let own = here.column.map_or(0, bit);
        if let Some(column) = here.column
            && self.at.mask & own != 0
        {
            if self.at.mask & here.below & !own != 0
                || self.ctx.nested_filled(&self.at, self.at.node)
            {
                return Resolved::Conflict;
            }
            return self
                .ctx
                .leaf(&self.at, column)
                .unwrap_or(Resolved::Conflict);
        }
        if let Some(child) = here.nested
            && !self.ctx.group(child, self.at.key).is_empty()
        {
            if self.at.mask & here.below != 0 {
                return Resolved::Conflict;
            }
            return Resolved::Seq(child);
        }
        Resolved::Map
    }

    fn structured<V: Visitor<'de>>(
        self,
        resolved: Resolved<'de>,
        visitor: V,
    ) -> Result<V::Value, Error> {
        match resolved {
            Resolved::Text(text) => text_de(text).deserialize_any(visitor),
            Resolved::Scalar(scalar) => scalar.value().deserialize_any(visitor),
            Resolved::Leaf(value) => value.deserialize_any(visitor),
            Resolved::Map => visitor.visit_map(NodeMap {
                node: self,
                next: 0,
                value: 0,
            }),
            Resolved::Seq(child) => visitor.visit_seq(RowSeq {
                ctx: self.ctx,
                table: child,
                rows: self.ctx.group(child, self.at.key).iter().copied(),
            }),
            Resolved::Conflict => Err(de::Error::custom("two columns fill one value")),
        }
    }

    fn at(self, node: usize) -> Self {
        Self {
            ctx: self.ctx,
            at: At { node, ..self.at },
        }
    }
}

macro_rules! leaf_or_structured {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, Error> {
            match self.resolve() {
                Resolved::Text(text) => text_de(text).$method($($arg,)* visitor),
                Resolved::Scalar(scalar) => scalar.value().$method($($arg,)* visitor),
                Resolved::Leaf(value) => value.$method($($arg,)* visitor),
                other => self.structured(other, visitor),
            }
        }
    )*};
}

impl<'de> Deserializer<'de> for NodeDe<'de> {
    type Error = Error;

    leaf_or_structured! {
        deserialize_any(); deserialize_bool(); deserialize_i8(); deserialize_i16();
        deserialize_i32(); deserialize_i64(); deserialize_i128(); deserialize_u8();
        deserialize_u16(); deserialize_u32(); deserialize_u64(); deserialize_u128();
        deserialize_f32(); deserialize_f64(); deserialize_char(); deserialize_str();
        deserialize_string(); deserialize_bytes(); deserialize_byte_buf(); deserialize_unit();
        deserialize_seq(); deserialize_map(); deserialize_identifier(); deserialize_ignored_any();
        deserialize_unit_struct(name: &'static str);
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // Only filled nodes are read.
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.resolve() {
            Resolved::Text(text) => text_de(text).deserialize_enum(name, variants, visitor),
            Resolved::Scalar(scalar) => scalar.value().deserialize_enum(name, variants, visitor),
            Resolved::Leaf(value) => value.deserialize_enum(name, variants, visitor),
            Resolved::Map => {
                // `{"variant": value}`: exactly one key below is filled.
                let here = shape(self.at.table).node(self.at.node);
                let mut filled = here
                    .children
                    .iter()
                    .copied()
                    .filter(|&c| self.ctx.filled(&self.at, c));
                match (filled.next(), filled.next()) {
                    (Some(variant), None) => visitor.visit_enum(self.at(variant)),
                    _ => Err(de::Error::invalid_value(
                        Unexpected::Map,
                        &"a map with a single key",
                    )),
                }
            }
            other => self.structured(other, visitor),
        }
    }
}

impl<'de> EnumAccess<'de> for NodeDe<'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let key = shape(self.at.table).node(self.at.node).key;
        Ok((seed.deserialize(text_de(key))?, self))
    }
}

impl<'de> VariantAccess<'de> for NodeDe<'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Err(de::Error::invalid_type(Unexpected::Map, &"a unit variant"))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_struct("", fields, visitor)
    }
}

/// The filled keys below a node, as an object.
struct NodeMap<'de> {
    node: NodeDe<'de>,
    /// The next child to look at.
    next: usize,
    /// The child whose value comes next.
    value: usize,
}

impl<'de> MapAccess<'de> for NodeMap<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let at = self.node.at;
        let shape = shape(at.table);
        let here = shape.node(at.node);
        while let Some(&child) = here.children.get(self.next) {
            self.next += 1;
            let key = shape.node(child).key;
            if at.skip_version && at.node == 0 && key == "schema_version" {
                continue;
            }
            if self.node.ctx.filled(&at, child) {
                self.value = child;
                return seed.deserialize(text_de(key)).map(Some);
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(self.node.at(self.value))
    }
}

/// Rows of a table, as a list of entities.
struct RowSeq<'de, I> {
    ctx: &'de Ctx,
    table: usize,
    rows: I,
}

impl<'de, I: ExactSizeIterator<Item = usize>> SeqAccess<'de> for RowSeq<'de, I> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(row) = self.rows.next() else {
            return Ok(None);
        };
        let at = self.ctx.at_row(self.table, row);
        seed.deserialize(NodeDe { ctx: self.ctx, at }).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.rows.len())
    }
}

/// The document: its schema version and profile from the profile row, then
/// each collection given.
struct DocDe<'de> {
    ctx: &'de Ctx,
}

enum Entry {
    Version(At),
    Network(At),
    Collection(&'static str, usize),
}

impl<'de> Deserializer<'de> for DocDe<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let mut entries = Vec::new();
        if let Some(profile) = TABLES.iter().position(|t| t.location == Location::Profile)
            && self.ctx.rows(profile).is_some()
        {
            let at = self.ctx.at_row(profile, 0);
            if let Some(version) = shape(profile).child(0, "schema_version")
                && self.ctx.filled(&at, version)
            {
                entries.push(Entry::Version(At {
                    node: version,
                    ..at
                }));
            }
            entries.push(Entry::Network(At {
                skip_version: true,
                ..at
            }));
        }
        for (index, table) in TABLES.iter().enumerate() {
            if let Location::Collection(key) = table.location
                && self.ctx.rows(index).is_some()
            {
                entries.push(Entry::Collection(key, index));
            }
        }
        visitor.visit_map(DocMap {
            ctx: self.ctx,
            entries: entries.into_iter(),
            value: None,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

struct DocMap<'de> {
    ctx: &'de Ctx,
    entries: std::vec::IntoIter<Entry>,
    value: Option<Entry>,
}

impl<'de> MapAccess<'de> for DocMap<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(entry) = self.entries.next() else {
            return Ok(None);
        };
        let key = match entry {
            Entry::Version(_) => "schema_version",
            Entry::Network(_) => "network",
            Entry::Collection(key, _) => key,
        };
        self.value = Some(entry);
        let key: StrDeserializer<'_, Error> = key.into_deserializer();
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(Entry::Version(at) | Entry::Network(at)) => {
                seed.deserialize(NodeDe { ctx: self.ctx, at })
            }
            Some(Entry::Collection(_, table)) => seed.deserialize(AllRows {
                ctx: self.ctx,
                table,
            }),
            None => Err(de::Error::custom("a value without a key")),
        }
    }
}

/// Every row of a top-level table, as the collection.
struct AllRows<'de> {
    ctx: &'de Ctx,
    table: usize,
}

impl<'de> Deserializer<'de> for AllRows<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let count = self.ctx.rows(self.table).map_or(0, |r| r.rows.len());
        visitor.visit_seq(RowSeq {
            ctx: self.ctx,
            table: self.table,
            rows: 0..count,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The files of `document`'s export, parsed and sorted as `run` does.
    fn parsed(document: &NetworkDocument) -> Vec<Parsed> {
        let mut problems = Vec::new();
        let mut parsed: Vec<Parsed> = crate::export(document)
            .unwrap()
            .into_iter()
            .map(|t| {
                super::super::parse(
                    &t.table.file_name(),
                    t.table,
                    t.text.as_bytes(),
                    &mut problems,
                )
            })
            .collect();
        assert!(problems.is_empty(), "{problems:?}");
        parsed.sort_by_key(|p| {
            (
                matches!(p.table.location, Location::Nested { .. }),
                TABLES.iter().position(|t| t.name == p.table.name),
            )
        });
        parsed
    }

    #[test]
    fn a_cell_is_small() {
        // Every parsed row is held until the document is read.
        assert!(size_of::<Cell>() <= 16);
    }

    #[test]
    fn clean_exports_take_the_direct_path() {
        let json = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../docs/examples/example-network.json"
        ))
        .unwrap();
        let example = NetworkDocument::from_json(&json).unwrap();
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        let synthetic = mcn_synthetic::generate(3, mcn_synthetic::Scale::Small, as_of);
        for document in [example, synthetic] {
            let imported = read(&mut parsed(&document)).expect("the direct path reads it");
            assert!(imported.document == document);
            assert!(imported.summary.new_ids.is_empty());
        }
    }

    #[test]
    fn anything_unusual_is_left_to_the_merging_path() {
        let json = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../docs/examples/example-network.json"
        ))
        .unwrap();
        let example = NetworkDocument::from_json(&json).unwrap();
        let mut files = parsed(&example);
        // Two columns filling one value: a service's availability given
        // both as a word and as a weekly schedule.
        let layout = crate::layout::table("services").unwrap();
        let column = |header: &str| layout.columns.iter().position(|c| c.header == header);
        let availability = column("availability").unwrap();
        let scheduled = files
            .iter()
            .find(|p| p.table.name == "service_schedule")
            .and_then(|p| p.rows.first())
            .and_then(|r| r.parent)
            .expect("the example has a weekly schedule");
        let services = files
            .iter_mut()
            .find(|p| p.table.name == "services")
            .unwrap();
        let row = services
            .rows
            .iter_mut()
            .find(|r| r.id == Some(scheduled))
            .unwrap();
        assert!(cell(row, availability).is_none());
        let at = row
            .cells
            .binary_search_by_key(&availability, |(i, _)| *i)
            .unwrap_err();
        row.cells.insert(
            at,
            (
                availability,
                Cell::of(Value::String("office_hours".to_owned())),
            ),
        );
        assert!(read(&mut files).is_none());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..Default::default() })]

        /// The direct path reads exactly what the JSON path reads: on
        /// arbitrary documents' exports, whenever it gives a document, the
        /// JSON path (the one that locates problems) gives the same
        /// document and summary.
        #[test]
        fn the_direct_path_agrees_with_the_json_path(
            document in mcn_network::strategy::document()
        ) {
            let files: Vec<(String, Vec<u8>)> = crate::export(&document)
                .unwrap()
                .into_iter()
                .map(|t| (t.table.file_name(), t.text.into_bytes()))
                .collect();
            let direct = read(&mut parsed(&document));
            let super::super::Outcome::Done(json) = super::super::run(&files, None, true) else {
                panic!("the JSON path always concludes");
            };
            if let Some(direct) = direct {
                let json = json.unwrap();
                proptest::prop_assert!(direct.document == json.document);
                proptest::prop_assert_eq!(direct.summary, json.summary);
                proptest::prop_assert!(direct.document == document);
            }
        }
    }
}
