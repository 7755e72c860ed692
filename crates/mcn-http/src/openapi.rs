//! `/openapi.json`: an `OpenAPI` 3.1 description of the router whose component
//! schemas are the project's own JSON Schemas (`mcn_schema`, 2020-12, the
//! dialect `OpenAPI` 3.1 uses), reused, not re-described. Committed as
//! `docs/openapi.json` and checked fresh by a test.
//!
//! Each schema is embedded whole under `components/schemas/<name>` with one
//! mechanical change, so that any `OpenAPI` tool resolves it: its `$id` and
//! `$schema` are dropped (the document declares the dialect) and its local
//! references (`#/$defs/Text`) point into the document
//! (`#/components/schemas/<name>/$defs/Text`).

use mcn_network::collection::Collection;
use serde_json::{Map, Value, json};

/// Where the document is committed, from the workspace root.
pub const FILE: &str = "docs/openapi.json";

/// The component name of a collection's entity schema (`system-use`).
fn entity_schema(collection: Collection) -> String {
    collection.kind().name().replace(' ', "-")
}

fn schema_ref(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

/// `value` with `key` set (an object).
fn with(mut value: Value, key: &str, inner: Value) -> Value {
    if let Value::Object(map) = &mut value {
        map.insert(key.to_owned(), inner);
    }
    value
}

fn json_content(schema: Value) -> Value {
    with(
        json!({}),
        "application/json",
        with(json!({}), "schema", schema),
    )
}

fn problem(description: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/problem+json": {"schema": schema_ref("problem")}}
    })
}

fn ok(description: &str, schema: Value) -> Value {
    json!({"description": description, "content": json_content(schema)})
}

fn query(name: &str, description: &str, schema: Value) -> Value {
    with(
        json!({"name": name, "in": "query", "required": false, "description": description}),
        "schema",
        schema,
    )
}

fn header(name: &str, description: &str) -> Value {
    json!({"name": name, "in": "header", "required": false, "description": description, "schema": {"type": "string"}})
}

/// The usual error answers of an authenticated route, plus `extra`.
fn responses(success: &[(&str, Value)], extra: &[(&str, &str)]) -> Value {
    let mut out = Map::new();
    for (status, response) in success {
        out.insert((*status).to_owned(), response.clone());
    }
    for (status, description) in [
        (
            "400",
            "malformed input (with a JSON Pointer where it applies)",
        ),
        ("401", "no or unknown credentials"),
        ("403", "the role or the network scope does not allow it"),
        ("404", "no such network, revision, collection or entity"),
    ]
    .iter()
    .chain(extra)
    {
        out.insert((*status).to_owned(), problem(description));
    }
    Value::Object(out)
}

fn etag() -> Value {
    json!({"ETag": {"description": "the revision (entity: that last changed it)", "schema": {"type": "string"}}})
}

fn with_etag(description: &str, schema: Value) -> Value {
    json!({"description": description, "headers": etag(), "content": json_content(schema)})
}

fn paths() -> Value {
    let network = || json!({"name": "network", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}});
    let collection = || {
        json!({
            "name": "collection", "in": "path", "required": true,
            "schema": {"type": "string", "enum": Collection::ALL.iter().map(|c| c.name()).collect::<Vec<_>>()}
        })
    };
    let id = || json!({"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}});
    let entity = || json!({"oneOf": Collection::ALL.iter().map(|c| schema_ref(&entity_schema(*c))).collect::<Vec<_>>()});
    let as_of = || {
        query(
            "as_of",
            "the date the rules are applied as of (YYYY-MM-DD; default today)",
            json!({"type": "string", "format": "date"}),
        )
    };
    let revision = || {
        query(
            "revision",
            "a revision (default the head)",
            json!({"type": "integer", "minimum": 1}),
        )
    };
    let writes = [
        (
            "412",
            "stale If-Match or change-set expectation: the conflicts with current versions",
        ),
        ("413", "body over the limit"),
        ("415", "body not application/json"),
        (
            "422",
            "the write would leave the network inconsistent: the findings",
        ),
    ];
    json!({
        "/health": {"get": {"summary": "the process answers", "security": [], "responses": {"200": ok("up", json!({"type": "object"}))}}},
        "/ready": {"get": {"summary": "the store answers", "security": [], "responses": {"200": ok("ready", json!({"type": "object"})), "503": ok("not ready", json!({"type": "object"}))}}},
        "/openapi.json": {"get": {"summary": "this document", "security": [], "responses": {"200": ok("OpenAPI 3.1", json!({"type": "object"}))}}},
        "/networks": {
            "get": {"summary": "the networks the principal reaches", "responses": responses(&[("200", ok("networks and heads", json!({"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string", "format": "uuid"}, "head": {"type": "integer"}}}})))], &[])},
            "post": {"summary": "import a document as a new network (admin)",
                     "requestBody": {"required": true, "content": json_content(schema_ref("network-document"))},
                     "responses": responses(&[("201", with_etag("the first revision", schema_ref("revision")))], &[("409", "the store holds that network"), ("413", "body over the limit"), ("415", "body not application/json"), ("422", "duplicate ids or dangling references")])}
        },
        "/networks/{network}": {"parameters": [network()], "get": {"summary": "profile and head revision", "responses": responses(&[("200", with_etag("the profile", json!({"type": "object", "properties": {"id": {"type": "string"}, "head": {"type": "integer"}, "profile": schema_ref("network-profile")}})))], &[])}},
        "/networks/{network}/document": {"parameters": [network()], "get": {"summary": "the whole document", "parameters": [revision()], "responses": responses(&[("200", with_etag("the document", schema_ref("network-document")))], &[])}},
        "/networks/{network}/change-sets": {"parameters": [network()], "post": {"summary": "apply a change set atomically", "requestBody": {"required": true, "content": json_content(schema_ref("change-set"))}, "responses": responses(&[("201", with_etag("the new revision", schema_ref("revision")))], &writes)}},
        "/networks/{network}/revisions": {"parameters": [network()], "get": {"summary": "the revision log", "responses": responses(&[("200", ok("oldest first", json!({"type": "array", "items": schema_ref("revision")})))], &[])}},
        "/networks/{network}/diff": {"parameters": [network()], "get": {"summary": "ids that differ between two revisions",
            "parameters": [query("from", "the earlier revision", json!({"type": "integer"})), query("to", "the later revision (default the head)", json!({"type": "integer"}))],
            "responses": responses(&[("200", ok("per collection", schema_ref("diff")))], &[])}},
        "/networks/{network}/findings": {"parameters": [network()], "get": {"summary": "the findings of every rule",
            "parameters": [as_of(), revision(), query("format", "json, markdown, html or text (else the Accept header)", json!({"type": "string", "enum": ["json", "markdown", "html", "text"]}))],
            "responses": responses(&[("200", json!({"description": "the findings", "headers": etag(), "content": {
                "application/json": {"schema": schema_ref("report")},
                "text/markdown": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
                "text/plain": {"schema": {"type": "string"}}}}))], &[("406", "no format fits Accept")])}},
        "/networks/{network}/report": {"parameters": [network()], "get": {"summary": "the evaluation report",
            "parameters": [as_of(), query("since", "compare with this earlier date", json!({"type": "string", "format": "date"})), revision(), query("format", "json, markdown, html or text (else the Accept header)", json!({"type": "string", "enum": ["json", "markdown", "html", "text"]})), header("Cache-Control", "no-cache: render the report anew rather than answer from the report cache (the answer's Cache-Status says which)")],
            "responses": responses(&[("200", json!({"description": "the report", "headers": etag(), "content": {
                "application/json": {"schema": schema_ref("evaluation-report")},
                "text/markdown": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
                "text/plain": {"schema": {"type": "string"}}}}))], &[("406", "no format fits Accept")])}},
        "/networks/{network}/fhir": {"parameters": [network()], "get": {"summary": "FHIR R4 collection Bundle", "parameters": [as_of(), query("measures", "include measures and audit results", json!({"type": "boolean"}))],
            "responses": responses(&[("200", json!({"description": "the Bundle", "content": {"application/fhir+json": {"schema": {"type": "object"}}}}))], &[])}},
        "/networks/{network}/{collection}": {"parameters": [network(), collection()], "get": {"summary": "a page of a collection",
            "parameters": [query("limit", "page size (default 100, at most 1000)", json!({"type": "integer", "minimum": 1})), query("after", "the id after which the page starts (the previous page's next)", json!({"type": "string", "format": "uuid"}))],
            "responses": responses(&[("200", with_etag("the page", json!({"type": "object", "properties": {"revision": {"type": "integer"}, "items": {"type": "array", "items": entity()}, "next": {"type": "string", "format": "uuid"}}})))], &[])}},
        "/networks/{network}/{collection}/{id}": {"parameters": [network(), collection(), id()],
            "get": {"summary": "one entity", "responses": responses(&[("200", with_etag("the entity", entity()))], &[])},
            "put": {"summary": "create (If-None-Match: *) or replace (If-Match)", "parameters": [header("If-Match", "the entity's ETag, or * for any current version"), header("If-None-Match", "* to create"), header("X-Change-Message", "the revision's message")],
                    "requestBody": {"required": true, "content": json_content(entity())},
                    "responses": responses(&[("200", with_etag("replaced", entity())), ("201", with_etag("created", entity()))], &[writes[0], writes[1], writes[2], writes[3], ("428", "neither If-Match nor If-None-Match")])},
            "delete": {"summary": "delete (If-Match)", "parameters": [header("If-Match", "the entity's ETag, or * for any current version")],
                       "responses": responses(&[("204", json!({"description": "deleted"}))], &[writes[0], writes[3], ("428", "no If-Match")])}},
        "/networks/{network}/{collection}/{id}/history": {"parameters": [network(), collection(), id()], "get": {"summary": "every version of one entity", "responses": responses(&[("200", ok("oldest first", json!({"type": "array", "items": schema_ref("entity-version")})))], &[])}},
        "/validate": {"post": {"summary": "check a posted document, storing nothing", "parameters": [as_of()], "requestBody": {"required": true, "content": json_content(schema_ref("network-document"))},
            "responses": responses(&[("200", ok("the findings", schema_ref("report")))], &[("413", "body over the limit"), ("415", "body not application/json")])}},
        "/schemas": {"get": {"summary": "the index of the JSON Schemas", "responses": responses(&[("200", ok("the index", json!({"type": "object"})))], &[])}},
        "/schemas/{name}": {"parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}}], "get": {"summary": "one JSON Schema", "responses": responses(&[("200", ok("the schema", json!({"type": "object"})))], &[])}}
    })
}

/// `schema` made a component named `name` (see the module docs).
fn embed(name: &str, mut schema: Value) -> Value {
    fn point(value: &mut Value, base: &str) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map.iter_mut() {
                    match inner {
                        Value::String(target) if key == "$ref" => {
                            if let Some(local) = target.strip_prefix('#') {
                                *target = format!("{base}{local}");
                            }
                        }
                        _ => point(inner, base),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|item| point(item, base)),
            _ => {}
        }
    }
    if let Value::Object(map) = &mut schema {
        map.remove("$id");
        map.remove("$schema");
    }
    point(&mut schema, &format!("#/components/schemas/{name}"));
    schema
}

/// A schema of the store's wire types, made by schemars (2020-12).
fn schemars_of<T: schemars::JsonSchema>() -> Value {
    serde_json::to_value(schemars::schema_for!(T)).unwrap_or(Value::Null)
}

fn problem_schema() -> Value {
    json!({
        "type": "object",
        "description": "An RFC 9457 problem: a stable type per kind of error",
        "required": ["type", "title", "status", "detail"],
        "properties": {
            "type": {"type": "string", "format": "uri"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "pointer": {"type": "string", "description": "JSON Pointer into the request body"},
            "codes": {"type": "array", "items": {"type": "string"}, "description": "the finding codes"},
            "findings": {"type": "array", "items": {"type": "object"}},
            "conflicts": {"type": "array", "items": {"type": "object"}}
        }
    })
}

/// The `OpenAPI` 3.1 document.
#[must_use]
pub fn document() -> Value {
    let mut schemas = Map::new();
    let mut add = |name: &str, schema: Value| {
        schemas.insert(name.to_owned(), embed(name, schema));
    };
    for ty in mcn_schema::document_types() {
        add(ty.name(), ty.schema());
    }
    add("problem", problem_schema());
    add("change-set", schemars_of::<mcn_store::ChangeSet>());
    add("revision", schemars_of::<mcn_store::Revision>());
    add("diff", schemars_of::<mcn_store::Diff>());
    add("entity-version", schemars_of::<mcn_store::EntityVersion>());
    json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": mcn_schema::META_SCHEMA,
        "info": {
            "title": "mcn network API",
            "version": "1",
            "description": "A managed clinical network's shared record: documents, entities, change sets, revisions, findings and reports. See crates/mcn-http/README.md.",
            "license": {"name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0"}
        },
        "security": [{"bearer": []}],
        "paths": paths(),
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": schemas
        }
    })
}

/// [`document`] as committed: canonical pretty JSON ending in a newline.
#[must_use]
pub fn to_string() -> String {
    mcn_schema::to_canonical_json(&document())
}
