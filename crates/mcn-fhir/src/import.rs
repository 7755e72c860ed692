//! Import: organisations from a FHIR R4 `Bundle` or a single `Organization`.

use std::{collections::BTreeMap, collections::HashMap, fmt, str::FromStr};

use mcn_core::{
    Identifier, IdentifierSystem, JsonPointer, Text,
    id::{LocalityId, OrganisationId},
    serde_error::{message, pointer},
    strict::{Strict, first_duplicate, is_duplicate},
    text::echo,
};
use mcn_organisations::{Organisation, OrganisationKind, Sector, Succession};
use serde::{
    Deserialize, Deserializer, Serialize,
    de::{MapAccess, SeqAccess, Visitor},
};
use serde_json::{Map, Value};

use crate::{
    r4,
    systems::{extension, local},
};

/// Why an input could not be imported at all (problems with single elements
/// are [`ImportWarning`]s instead).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// Nothing but white space was given.
    #[error("the input is empty: expected a FHIR R4 Bundle or Organization in JSON")]
    Empty,
    /// The input is not JSON.
    #[error("not JSON: {message} at line {line} column {column}")]
    Json {
        /// What was wrong.
        message: String,
        /// Line (1-based).
        line: usize,
        /// Column (1-based).
        column: usize,
    },
    /// The top-level resource is neither a `Bundle` nor an `Organization`.
    #[error("expected a FHIR Bundle or Organization, found resourceType \"{0}\"")]
    UnexpectedResource(String),
    /// The top level has no `resourceType`.
    #[error("no resourceType at the top level: expected a FHIR Bundle or Organization")]
    MissingResourceType,
    /// An element does not have the shape FHIR R4 gives it.
    #[error("{}: {message}", echo(path.as_str()))]
    Invalid {
        /// Where (a JSON Pointer into the input).
        path: JsonPointer,
        /// What was wrong.
        message: String,
    },
}

/// What kind of problem an [`ImportWarning`] reports; the `snake_case` names
/// are stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// Resources other than `Organization`s, and the `Organization` of an
    /// exported network itself, were skipped (one warning for the whole
    /// input, listing each `resourceType` with its count).
    SkippedResources,
    /// A bundle entry has no resource.
    MissingResource,
    /// An `Organization` has no usable name, so it was not imported (our
    /// organisations need one).
    MissingName,
    /// No `type` coding names one of our organisation kinds: imported as kind
    /// `other`, with the type's text (or first coding) as `kind_detail`.
    UnmappedType,
    /// An identifier was left out: no system or value, a system that is not
    /// an absolute URI, or a value that does not fit its register's format.
    InvalidIdentifier,
    /// A reference (`partOf`, a successor or locality extension) could not be
    /// turned into one of our ids and was left out.
    UnresolvedReference,
    /// A value could not be used (e.g. a type text too long for
    /// `kind_detail`, an unknown local code) and was left out.
    InvalidValue,
    /// Elements this import does not map (`telecom`, `address`, unknown
    /// extensions, ...), listed in one warning per organisation.
    UnmappedElements,
}

impl WarningKind {
    /// The `snake_case` name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::SkippedResources => "skipped_resources",
            Self::MissingResource => "missing_resource",
            Self::MissingName => "missing_name",
            Self::UnmappedType => "unmapped_type",
            Self::InvalidIdentifier => "invalid_identifier",
            Self::UnresolvedReference => "unresolved_reference",
            Self::InvalidValue => "invalid_value",
            Self::UnmappedElements => "unmapped_elements",
        }
    }
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something in the input that was not imported, or not as given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ImportWarning {
    /// What kind of problem.
    pub kind: WarningKind,
    /// Where: a JSON Pointer into the input (`/entry/3/resource/identifier/0`).
    pub path: JsonPointer,
    /// What happened, naming the values involved.
    pub message: String,
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.as_str().is_empty() {
            "/"
        } else {
            self.path.as_str()
        };
        write!(f, "{path}: {} ({})", self.message, self.kind)
    }
}

/// The organisations read from a FHIR input, with everything that was not
/// imported as given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Import {
    /// The organisations, in input order.
    pub organisations: Vec<Organisation>,
    /// Warnings, in input order.
    pub warnings: Vec<ImportWarning>,
}

/// Elements of an `Organization` that are neither mapped nor warned about:
/// the narrative (`text`, generated from the data) and `meta` (bookkeeping).
const SILENT: [&str; 2] = ["meta", "text"];
/// Elements of an `Organization` this import maps.
const MAPPED: [&str; 8] = [
    "resourceType",
    "id",
    "extension",
    "identifier",
    "active",
    "type",
    "name",
    "partOf",
];

/// Reads organisations from a FHIR R4 `Bundle` (its `Organization` entries)
/// or from a single `Organization`, in JSON.
///
/// - **Ids**: an `Organization` whose `id` (or `fullUrl`, `urn:uuid:...`) is
///   a UUID keeps it, so an export imports back with the same ids; any other
///   id gives a UUID derived from it (the same input, the same id).
/// - **Identifiers** are mapped back by system URI
///   ([`IdentifierSystem::from_uri`]): ODS, charity and company numbers, any
///   other absolute URI as an `other` system.
/// - **Type**: the local `organisation-kind` code (and `organisation-sector`)
///   where present; otherwise kind `other` with a warning.
/// - `active` (true when absent), `name`, `partOf` (resolved within the
///   input by `fullUrl` or `Organization/<id>`) and the local successor and
///   locality extensions.
///
/// Everything else is reported as an [`ImportWarning`], never dropped
/// silently (except the generated narrative `text` and `meta`). Elements of
/// the wrong shape are an [`ImportError::Invalid`] naming the JSON path.
///
/// ```
/// let json = br#"{"resourceType": "Organization", "name": "Leeds Teaching Hospitals",
///   "identifier": [{"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "RR8"}],
///   "telecom": [{"system": "phone", "value": "0113 243 2799"}]}"#;
/// let import = mcn_fhir::import_organisations(json)?;
/// assert_eq!(import.organisations[0].ods_code().unwrap().value(), "RR8");
/// assert_eq!(import.warnings.len(), 2); // the type is unmapped; telecom is not imported
/// # Ok::<(), mcn_fhir::ImportError>(())
/// ```
pub fn import_organisations(bytes: &[u8]) -> Result<Import, ImportError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let top = read_top(bytes)?;
    let mut warnings = Vec::new();
    let resource_type = top
        .fields
        .get("resourceType")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let sources = match resource_type.as_deref() {
        Some("Bundle") => bundle_sources(top.entries.unwrap_or_default(), &mut warnings),
        Some("Organization") => {
            if top.entries.is_some() {
                warn(
                    &mut warnings,
                    WarningKind::UnmappedElements,
                    &JsonPointer::root(),
                    "elements not imported: entry".to_owned(),
                );
            }
            vec![Source {
                value: Value::Object(top.fields),
                path: JsonPointer::root(),
                full_url: None,
            }]
        }
        Some(other) => return Err(ImportError::UnexpectedResource(echo(other).into_owned())),
        None => return Err(ImportError::MissingResourceType),
    };
    let candidates = sources
        .iter()
        .map(Candidate::parse)
        .collect::<Result<Vec<_>, _>>()?;
    let mut references = HashMap::new();
    for candidate in &candidates {
        if let Some(full_url) = candidate.full_url {
            references.insert(full_url.to_owned(), candidate.id);
        }
        if let Some(id) = &candidate.resource.id {
            references.insert(format!("Organization/{id}"), candidate.id);
        }
    }
    let organisations = candidates
        .iter()
        .filter_map(|candidate| candidate.convert(&references, &mut warnings))
        .collect();
    Ok(Import {
        organisations,
        warnings,
    })
}

/// The top level of the input: every member but `entry` as JSON, and the
/// bundle entries sorted as they are read, so that only the organisations
/// are ever held in memory (a national export is hundreds of megabytes, most
/// of it other resources).
struct Top {
    fields: Map<String, Value>,
    entries: Option<Entries>,
}

/// Bundle entries, sorted while reading.
#[derive(Default)]
struct Entries {
    /// `(index, fullUrl, resource)` of each `Organization` entry.
    organisations: Vec<(usize, Option<String>, Value)>,
    /// Indexes of entries without a resource.
    missing: Vec<usize>,
    /// Counts of skipped resources by type.
    skipped: BTreeMap<String, usize>,
}

fn read_top(bytes: &[u8]) -> Result<Top, ImportError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let top = serde_path_to_error::deserialize(Strict(&mut deserializer)).map_err(|error| {
        let path = if is_duplicate(&message(error.inner())) {
            first_duplicate(bytes).unwrap_or_else(|| pointer(JsonPointer::root(), error.path()))
        } else {
            pointer(JsonPointer::root(), error.path())
        };
        json_error(path, &error.into_inner())
    })?;
    deserializer
        .end()
        .map_err(|error| json_error(JsonPointer::root(), &error))?;
    Ok(top)
}

/// A syntax error names the line and column; a shape error the JSON path.
fn json_error(path: JsonPointer, error: &serde_json::Error) -> ImportError {
    if error.is_data() {
        ImportError::Invalid {
            path,
            message: echo(&message(error)).into_owned(),
        }
    } else {
        ImportError::Json {
            message: echo(&message(error)).into_owned(),
            line: error.line(),
            column: error.column(),
        }
    }
}

impl<'de> Deserialize<'de> for Top {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TopVisitor;
        impl<'de> Visitor<'de> for TopVisitor {
            type Value = Top;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a FHIR resource (a JSON object)")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
                let mut top = Top {
                    fields: Map::new(),
                    entries: None,
                };
                while let Some(key) = map.next_key::<String>()? {
                    if key == "entry" {
                        top.entries = Some(map.next_value()?);
                    } else {
                        let value = map.next_value()?;
                        top.fields.insert(key, value);
                    }
                }
                Ok(top)
            }
        }
        deserializer.deserialize_map(TopVisitor)
    }
}

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of bundle entries")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Entries, A::Error> {
                let mut entries = Entries::default();
                let mut index = 0;
                while let Some(entry) = seq.next_element::<Value>()? {
                    entries.sort(index, entry);
                    index += 1;
                }
                Ok(entries)
            }
        }
        deserializer.deserialize_seq(EntriesVisitor)
    }
}

impl Entries {
    fn sort(&mut self, index: usize, entry: Value) {
        let Value::Object(mut entry) = entry else {
            *self
                .skipped
                .entry("(not an object)".to_owned())
                .or_default() += 1;
            return;
        };
        let full_url = entry
            .get("fullUrl")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let Some(resource) = entry.remove("resource") else {
            self.missing.push(index);
            return;
        };
        let skipped = match resource.get("resourceType").and_then(Value::as_str) {
            Some("Organization") if is_network(&resource) => "Organization (the network itself)",
            Some("Organization") => {
                self.organisations.push((index, full_url, resource));
                return;
            }
            Some(other) => other,
            None => "(no resourceType)",
        };
        *self.skipped.entry(skipped.to_owned()).or_default() += 1;
    }
}

fn warn(warnings: &mut Vec<ImportWarning>, kind: WarningKind, path: &JsonPointer, message: String) {
    // Shortened, control characters escaped; kept as is when nothing changes.
    let message = match echo(&message) {
        std::borrow::Cow::Owned(escaped) => escaped,
        std::borrow::Cow::Borrowed(_) => message,
    };
    warnings.push(ImportWarning {
        kind,
        path: path.clone(),
        message,
    });
}

/// The organisations of a bundle, with warnings for entries without a
/// resource and one for all the resources skipped.
fn bundle_sources(entries: Entries, warnings: &mut Vec<ImportWarning>) -> Vec<Source> {
    for index in entries.missing {
        warn(
            warnings,
            WarningKind::MissingResource,
            &JsonPointer::root().key("entry").index(index),
            "bundle entry has no resource".to_owned(),
        );
    }
    if !entries.skipped.is_empty() {
        let total: usize = entries.skipped.values().sum();
        let list: Vec<String> = entries
            .skipped
            .iter()
            .map(|(kind, count)| format!("{kind} ({count})"))
            .collect();
        warn(
            warnings,
            WarningKind::SkippedResources,
            &JsonPointer::root().key("entry"),
            format!(
                "skipped {total} resource{} that are not organisations: {}",
                if total == 1 { "" } else { "s" },
                list.join(", ")
            ),
        );
    }
    entries
        .organisations
        .into_iter()
        .map(|(index, full_url, value)| Source {
            value,
            path: JsonPointer::root()
                .key("entry")
                .index(index)
                .key("resource"),
            full_url,
        })
        .collect()
}

/// An `Organization` as read: its JSON, where it is, its `fullUrl`.
struct Source {
    value: Value,
    path: JsonPointer,
    full_url: Option<String>,
}

/// Whether an `Organization` is a network as this adapter exports it (typed
/// with the local network-type code system).
fn is_network(resource: &Value) -> bool {
    resource
        .get("type")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|concept| concept.get("coding").and_then(Value::as_array))
        .flatten()
        .any(|coding| coding.get("system").and_then(Value::as_str) == Some(local::NETWORK_TYPE))
}

/// An `Organization` from the input, parsed, with its new id.
struct Candidate<'a> {
    value: &'a Value,
    resource: r4::Organization,
    path: JsonPointer,
    full_url: Option<&'a str>,
    id: OrganisationId,
}

impl<'a> Candidate<'a> {
    fn parse(source: &'a Source) -> Result<Self, ImportError> {
        let Source {
            value,
            path,
            full_url,
        } = source;
        let full_url = full_url.as_deref();
        let resource: r4::Organization =
            serde_path_to_error::deserialize(Strict(value)).map_err(|error| {
                ImportError::Invalid {
                    path: pointer(path.clone(), error.path()),
                    message: echo(&error.into_inner().to_string()).into_owned(),
                }
            })?;
        let id = resource
            .id
            .as_deref()
            .and_then(|id| OrganisationId::from_str(id).ok())
            .or_else(|| full_url.and_then(uuid_of))
            .unwrap_or_else(|| {
                derived_id(resource.id.as_deref().or(full_url).unwrap_or(path.as_str()))
            });
        Ok(Self {
            value,
            resource,
            path: path.clone(),
            full_url,
            id,
        })
    }

    fn convert(
        &self,
        references: &HashMap<String, OrganisationId>,
        warnings: &mut Vec<ImportWarning>,
    ) -> Option<Organisation> {
        let path = &self.path;
        let resource = &self.resource;
        let Some(raw_name) = resource.name.as_deref() else {
            warn(
                warnings,
                WarningKind::MissingName,
                path,
                format!("organization {} has no name: not imported", self.describe()),
            );
            return None;
        };
        let name = match Text::new(raw_name) {
            Ok(name) => name,
            Err(error) => {
                warn(
                    warnings,
                    WarningKind::MissingName,
                    &path.clone().key("name"),
                    format!(
                        "name {raw_name:?} cannot be used ({error}): organization not imported"
                    ),
                );
                return None;
            }
        };
        let (kind, kind_detail, sector) = self.kind_and_sector(warnings);
        let mut organisation = Organisation::new(self.id, name, kind);
        organisation.kind_detail = kind_detail;
        organisation.sector = sector;
        organisation.active = resource.active.unwrap_or(true);
        organisation.identifiers = self.identifiers(warnings);
        if let Some(part_of) = &resource.part_of {
            organisation.part_of =
                resolve_organisation(part_of, references, &path.clone().key("partOf"), warnings);
        }
        self.extensions(&mut organisation, references, warnings);
        self.unmapped_elements(warnings);
        Some(organisation)
    }

    fn describe(&self) -> String {
        self.resource
            .id
            .as_deref()
            .or(self.full_url)
            .map_or_else(|| "(without id)".to_owned(), |id| format!("{id:?}"))
    }

    fn kind_and_sector(
        &self,
        warnings: &mut Vec<ImportWarning>,
    ) -> (OrganisationKind, Option<Text>, Option<Sector>) {
        let types = &self.resource.organization_type;
        let mut kind = None;
        let mut sector = None;
        for (index, concept) in types.iter().enumerate() {
            let at = self.path.clone().key("type").index(index);
            if let Some(code) = concept.code_in(local::ORGANISATION_KIND) {
                match OrganisationKind::ALL.iter().find(|k| k.as_str() == code) {
                    Some(found) if kind.is_none() => {
                        let detail = concept.text.as_deref().and_then(|text| {
                            text_or_warn(text, &at.clone().key("text"), "kind_detail", warnings)
                        });
                        kind = Some((*found, detail));
                    }
                    Some(_) => {}
                    None => warn(
                        warnings,
                        WarningKind::InvalidValue,
                        &at,
                        format!("unknown organisation kind code {code:?} left out"),
                    ),
                }
            }
            if let Some(code) = concept.code_in(local::ORGANISATION_SECTOR) {
                match Sector::ALL.iter().find(|s| s.as_str() == code) {
                    Some(found) => sector = Some(*found),
                    None => warn(
                        warnings,
                        WarningKind::InvalidValue,
                        &at,
                        format!("unknown sector code {code:?} left out"),
                    ),
                }
            }
        }
        if let Some((kind, detail)) = kind {
            return (kind, detail, sector);
        }
        // No local kind: keep what the type says, in words, as the detail.
        let described = types.iter().find_map(|concept| {
            concept.text.clone().or_else(|| {
                concept
                    .coding
                    .iter()
                    .find_map(|c| c.display.clone().or_else(|| c.code.clone()))
            })
        });
        let codes: Vec<String> = types
            .iter()
            .flat_map(|concept| &concept.coding)
            .map(|c| {
                format!(
                    "{}|{}",
                    c.system.as_deref().unwrap_or(""),
                    c.code.as_deref().unwrap_or("")
                )
            })
            .collect();
        let at = self.path.clone().key("type");
        warn(
            warnings,
            WarningKind::UnmappedType,
            &at,
            if codes.is_empty() && described.is_none() {
                format!(
                    "organization {} has no type: imported as kind \"other\"",
                    self.describe()
                )
            } else {
                format!(
                    "no organisation kind in type [{}]: imported as kind \"other\"{}",
                    codes.join(", "),
                    described
                        .as_ref()
                        .map(|d| format!(" with kind_detail {d:?}"))
                        .unwrap_or_default()
                )
            },
        );
        let detail = described
            .as_deref()
            .and_then(|text| text_or_warn(text, &at, "kind_detail", warnings));
        (OrganisationKind::Other, detail, sector)
    }

    fn identifiers(&self, warnings: &mut Vec<ImportWarning>) -> Vec<Identifier> {
        let mut identifiers = Vec::new();
        for (index, identifier) in self.resource.identifier.iter().enumerate() {
            let at = self.path.clone().key("identifier").index(index);
            let (Some(system), Some(value)) = (&identifier.system, &identifier.value) else {
                warn(
                    warnings,
                    WarningKind::InvalidIdentifier,
                    &at,
                    format!(
                        "identifier without {} left out",
                        if identifier.system.is_none() {
                            "a system"
                        } else {
                            "a value"
                        }
                    ),
                );
                continue;
            };
            match IdentifierSystem::from_uri(system)
                .and_then(|system| Identifier::new(system, value))
            {
                Ok(identifier) => identifiers.push(identifier),
                Err(error) => warn(
                    warnings,
                    WarningKind::InvalidIdentifier,
                    &at,
                    format!("identifier {system}|{value} left out: {error}"),
                ),
            }
        }
        identifiers
    }

    fn extensions(
        &self,
        organisation: &mut Organisation,
        references: &HashMap<String, OrganisationId>,
        warnings: &mut Vec<ImportWarning>,
    ) {
        for (index, ext) in self.resource.extension.iter().enumerate() {
            let at = self.path.clone().key("extension").index(index);
            match ext.url.as_str() {
                extension::ORGANISATION_LOCALITY => {
                    match ext.value_reference.as_ref().and_then(locality_of) {
                        Some(locality) => organisation.localities.push(locality),
                        None => warn(
                            warnings,
                            WarningKind::UnresolvedReference,
                            &at,
                            format!(
                                "locality reference {:?} is not a Location with a UUID id: left out",
                                ext.value_reference
                                    .as_ref()
                                    .and_then(|r| r.reference.as_deref())
                                    .unwrap_or("")
                            ),
                        ),
                    }
                }
                extension::ORGANISATION_SUCCESSOR => {
                    let part = |name: &str| ext.extension.iter().find(|e| e.url == name);
                    let target = part("organisation")
                        .and_then(|e| e.value_reference.as_ref())
                        .and_then(|r| resolve_organisation(r, references, &at, warnings));
                    match (target, part("on").and_then(|e| e.value_date)) {
                        (Some(organisation_id), Some(on)) => {
                            organisation.successor = Some(Succession {
                                organisation: organisation_id,
                                on,
                            });
                        }
                        _ => warn(
                            warnings,
                            WarningKind::InvalidValue,
                            &at,
                            "successor extension needs an organisation reference and an \"on\" date: left out"
                                .to_owned(),
                        ),
                    }
                }
                other => warn(
                    warnings,
                    WarningKind::UnmappedElements,
                    &at,
                    format!("extension {other:?} not imported"),
                ),
            }
        }
    }

    /// One warning listing every element that is not mapped.
    fn unmapped_elements(&self, warnings: &mut Vec<ImportWarning>) {
        let Some(object) = self.value.as_object() else {
            return;
        };
        let mut unmapped: Vec<String> = object
            .keys()
            .filter(|key| !MAPPED.contains(&key.as_str()) && !SILENT.contains(&key.as_str()))
            .cloned()
            .collect();
        for (element, shape) in NESTED {
            if let Some(value) = object.get(*element) {
                unknown_nested(value, shape, element, &mut unmapped);
            }
        }
        if !unmapped.is_empty() {
            warn(
                warnings,
                WarningKind::UnmappedElements,
                &self.path,
                format!("elements not imported: {}", unmapped.join(", ")),
            );
        }
    }
}

/// Which members of a mapped element are read (the rest are listed as not
/// imported). Arrays are walked item by item.
enum Shape {
    /// A value read whole (a string, a date, ...).
    Leaf,
    /// An object of which only these members are read.
    Object(&'static [(&'static str, Shape)]),
    /// Extensions: those with one of our URLs are read with this shape;
    /// others are warned about on their own (`extension ... not imported`).
    Extension(&'static Shape),
}

const CODING: Shape = Shape::Object(&[
    ("system", Shape::Leaf),
    ("code", Shape::Leaf),
    ("display", Shape::Leaf),
]);
const REFERENCE: Shape = Shape::Object(&[("reference", Shape::Leaf), ("display", Shape::Leaf)]);
const EXTENSION: Shape = Shape::Object(&[
    ("url", Shape::Leaf),
    ("valueReference", REFERENCE),
    ("valueDate", Shape::Leaf),
    (
        "extension",
        Shape::Object(&[
            ("url", Shape::Leaf),
            ("valueReference", REFERENCE),
            ("valueDate", Shape::Leaf),
        ]),
    ),
]);
/// The mapped elements of an `Organization` that have members of their own.
const NESTED: &[(&str, Shape)] = &[
    (
        "identifier",
        Shape::Object(&[("system", Shape::Leaf), ("value", Shape::Leaf)]),
    ),
    (
        "type",
        Shape::Object(&[("coding", CODING), ("text", Shape::Leaf)]),
    ),
    ("partOf", REFERENCE),
    ("extension", Shape::Extension(&EXTENSION)),
];

/// Adds to `unmapped` the path (`type/0/coding/1/version`) of every member
/// of `value` that `shape` does not read.
fn unknown_nested(value: &Value, shape: &Shape, at: &str, unmapped: &mut Vec<String>) {
    match (value, shape) {
        (Value::Array(items), _) => {
            for (index, item) in items.iter().enumerate() {
                unknown_nested(item, shape, &format!("{at}/{index}"), unmapped);
            }
        }
        (Value::Object(object), Shape::Object(known)) => {
            for (key, member) in object {
                match known.iter().find(|(name, _)| name == key) {
                    Some((_, inner)) => {
                        unknown_nested(member, inner, &format!("{at}/{key}"), unmapped);
                    }
                    None => unmapped.push(format!("{at}/{key}")),
                }
            }
        }
        (Value::Object(object), Shape::Extension(inner)) => {
            let ours = object
                .get("url")
                .and_then(Value::as_str)
                .is_some_and(|url| {
                    url == extension::ORGANISATION_LOCALITY
                        || url == extension::ORGANISATION_SUCCESSOR
                });
            if ours {
                unknown_nested(value, inner, at, unmapped);
            }
        }
        _ => {}
    }
}

fn text_or_warn(
    text: &str,
    at: &JsonPointer,
    field: &str,
    warnings: &mut Vec<ImportWarning>,
) -> Option<Text> {
    match Text::new(text) {
        Ok(text) => Some(text),
        Err(error) => {
            warn(
                warnings,
                WarningKind::InvalidValue,
                at,
                format!("{text:?} cannot be the {field} ({error}): left out"),
            );
            None
        }
    }
}

/// The UUID of a `urn:uuid:` URL.
fn uuid_of<T: FromStr>(full_url: &str) -> Option<T> {
    full_url
        .strip_prefix("urn:uuid:")
        .and_then(|uuid| uuid.parse().ok())
}

/// The id a `Reference` to an organisation gives: an organisation of the
/// input (by `fullUrl` or `Organization/<id>`), else a UUID in the reference
/// itself (an organisation the target document may hold).
fn resolve_organisation(
    reference: &r4::Reference,
    references: &HashMap<String, OrganisationId>,
    at: &JsonPointer,
    warnings: &mut Vec<ImportWarning>,
) -> Option<OrganisationId> {
    let text = reference.reference.as_deref().unwrap_or("");
    let resolved = references.get(text).copied().or_else(|| {
        uuid_of(text).or_else(|| {
            text.strip_prefix("Organization/")
                .and_then(|id| id.parse().ok())
        })
    });
    if resolved.is_none() {
        warn(
            warnings,
            WarningKind::UnresolvedReference,
            at,
            format!("reference {text:?} is not an organisation of the input nor a UUID: left out"),
        );
    }
    resolved
}

fn locality_of(reference: &r4::Reference) -> Option<LocalityId> {
    let text = reference.reference.as_deref()?;
    uuid_of(text).or_else(|| {
        text.strip_prefix("Location/")
            .and_then(|id| id.parse().ok())
    })
}

/// A UUID derived from a foreign id (FNV-1a, 128 bits, marked as a version 8
/// UUID): the same id always gives the same UUID.
fn derived_id(key: &str) -> OrganisationId {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut hash = OFFSET;
    for byte in "fhir-organization:".bytes().chain(key.bytes()) {
        hash ^= u128::from(byte);
        hash = hash.wrapping_mul(PRIME);
    }
    let versioned = (hash & !(0xf << 76)) | (0x8 << 76);
    let variant = (versioned & !(0b11 << 62)) | (0b10 << 62);
    OrganisationId::from_u128(variant)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids_are_stable_uuids() {
        let a = derived_id("RCB");
        assert_eq!(a, derived_id("RCB"));
        assert_ne!(a, derived_id("RCC"));
        let uuid = a.as_uuid();
        assert_eq!(uuid.get_version_num(), 8);
        assert_eq!(uuid.get_variant(), uuid::Variant::RFC4122);
    }

    #[test]
    fn top_level_errors() {
        assert!(matches!(
            import_organisations(b" \n"),
            Err(ImportError::Empty)
        ));
        assert!(matches!(
            import_organisations(b"{\"resourceType\": \"Patient\"}"),
            Err(ImportError::UnexpectedResource(t)) if t == "Patient"
        ));
        assert!(matches!(
            import_organisations(b"{}"),
            Err(ImportError::MissingResourceType)
        ));
        let err = import_organisations(b"{\"resourceType\": \"Bundle\",").unwrap_err();
        assert!(
            err.to_string().starts_with("not JSON: EOF while parsing"),
            "{err}"
        );
    }

    const ODS: &str = "https://fhir.nhs.uk/Id/ods-organization-code";

    #[test]
    fn duplicate_keys_are_refused_with_their_path() {
        let json = format!(
            r#"{{"resourceType": "Bundle", "type": "collection", "entry": [{{"resource": {{"resourceType": "Organization", "name": "A", "name": "B", "identifier": [{{"system": "{ODS}", "value": "RR8"}}]}}}}]}}"#
        );
        match import_organisations(json.as_bytes()) {
            Err(ImportError::Invalid { path, message }) => {
                assert_eq!(path.as_str(), "/entry/0/resource/name");
                assert!(message.contains("duplicate key \"name\""), "{message}");
            }
            other => panic!("{:?}", other.map(|i| i.organisations.len())),
        }
        let json =
            r#"{"resourceType": "Organization", "resourceType": "Organization", "name": "A"}"#;
        assert!(import_organisations(json.as_bytes()).is_err());
        // Inside a free-form element too.
        let json = r#"{"resourceType": "Organization", "name": "A", "telecom": [{"value": "1", "value": "2"}]}"#;
        assert!(import_organisations(json.as_bytes()).is_err());
    }

    #[test]
    fn arrays_for_elements_are_refused() {
        let json = r#"{"resourceType": "Organization", "name": "A", "identifier": [["https://x.org", "1"]]}"#;
        let error = import_organisations(json.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(error.contains("/identifier/0"), "{error}");
        assert!(error.contains("sequence"), "{error}");
        let json = r#"{"resourceType": "Organization", "name": "A", "partOf": ["Organization/1"]}"#;
        assert!(import_organisations(json.as_bytes()).is_err());
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let json = b"\xef\xbb\xbf{\"resourceType\": \"Organization\", \"name\": \"A\"}";
        assert_eq!(import_organisations(json).unwrap().organisations.len(), 1);
    }

    #[test]
    fn echoed_values_have_control_characters_escaped() {
        let json = r#"{"resourceType": "Organization", "name": "A", "\u001b[2J": 1,
                    "extension": [{"url": "https://x.org/\u001b]0;pwn\u0007"}]}"#;
        let import = import_organisations(json.as_bytes()).unwrap();
        for warning in &import.warnings {
            assert!(!warning.message.contains('\u{1b}'), "{}", warning.message);
            assert!(!warning.message.contains('\u{7}'), "{}", warning.message);
        }
        assert!(
            import
                .warnings
                .iter()
                .any(|w| w.message.contains("\\u{1b}[2J"))
        );
        let json = r#"{"resourceType": "\u001b[31mPatient"}"#;
        let error = import_organisations(json.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(
            !error.contains('\u{1b}') && error.contains("\\u{1b}[31mPatient"),
            "{error}"
        );
    }

    #[test]
    fn nested_elements_not_mapped_are_listed() {
        let json = format!(
            r#"{{"resourceType": "Organization", "name": "A",
              "identifier": [{{"system": "{ODS}", "value": "RR8", "period": {{"start": "2020-01-01"}}}}],
              "type": [{{"coding": [{{"system": "https://x.org", "code": "c", "version": "2", "extension": []}}], "id": "t"}}],
              "partOf": {{"reference": "Organization/x", "identifier": {{"value": "P"}}}},
              "extension": [{{"url": "{}", "valueReference": {{"reference": "Location/x", "type": "Location"}}, "id": "e"}}]}}"#,
            extension::ORGANISATION_LOCALITY
        );
        let import = import_organisations(json.as_bytes()).unwrap();
        let listed = import
            .warnings
            .iter()
            .find(|w| w.kind == WarningKind::UnmappedElements)
            .map(|w| w.message.clone())
            .unwrap();
        for element in [
            "identifier/0/period",
            "type/0/coding/0/version",
            "type/0/coding/0/extension",
            "type/0/id",
            "partOf/identifier",
            "extension/0/valueReference/type",
            "extension/0/id",
        ] {
            assert!(listed.contains(element), "{element} in {listed}");
        }
    }
}
