#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod canonical;
mod registry;
mod transform;

pub use canonical::to_canonical_json;
pub use registry::{DocumentType, Kind, UnknownSchema, document_types, find};

use serde_json::{Value, json};

/// The base every schema's `$id` starts with: `<BASE_URI><name>.schema.json`.
///
/// The `1` is the document schema's major version (`schema_version` `1.x`): a
/// breaking change to the JSON form moves every `$id` to `/schemas/2/`. An `$id`
/// is a name, not a download address; validators are given the schema itself.
pub const BASE_URI: &str = "https://mcn.example/schemas/1/";

/// The JSON Schema dialect every schema declares in `$schema` (draft 2020-12).
pub const META_SCHEMA: &str = "https://json-schema.org/draft/2020-12/schema";

/// The name of the index file [`files`] writes beside the schemas.
pub const INDEX_FILE: &str = "index.json";

/// The command that regenerates the committed schemas in `docs/schemas/`.
pub const REGENERATE_COMMAND: &str = "cargo run -p mcn-cli -- schema --out docs/schemas";

/// The index of all schemas: one entry per document type, in registry order,
/// with its `name`, `$id`, `title` and `file` (relative to the index).
///
/// ```
/// let index = mcn_schema::index();
/// assert_eq!(index["schemas"][0]["name"], "network-document");
/// assert_eq!(index["schemas"][0]["file"], "network-document.schema.json");
/// ```
#[must_use]
pub fn index() -> Value {
    let schemas: Vec<Value> = document_types()
        .iter()
        .map(|ty| {
            json!({
                "name": ty.name(),
                "$id": ty.id(),
                "title": ty.title(),
                "kind": ty.kind().as_str(),
                "file": ty.file_name(),
            })
        })
        .collect();
    json!({
        "base_uri": BASE_URI,
        "$schema": META_SCHEMA,
        "regenerate": REGENERATE_COMMAND,
        "schemas": schemas,
    })
}

/// A file of the published schema set: its name and exact contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaFile {
    /// The file name, e.g. `organisation.schema.json` or [`INDEX_FILE`].
    pub name: String,
    /// The canonical pretty-printed JSON, ending in a newline.
    pub contents: String,
}

/// Every file of the published schema set: one `<name>.schema.json` per
/// document type, then [`INDEX_FILE`]. Deterministic: the same build gives the
/// same bytes.
#[must_use]
pub fn files() -> Vec<SchemaFile> {
    let mut files: Vec<SchemaFile> = document_types().iter().map(DocumentType::file).collect();
    files.push(index_file());
    files
}

/// [`index`] as the file [`INDEX_FILE`].
#[must_use]
pub fn index_file() -> SchemaFile {
    SchemaFile {
        name: INDEX_FILE.to_owned(),
        contents: to_canonical_json(&index()),
    }
}
