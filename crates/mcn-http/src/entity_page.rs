//! The page of one entity, where a finding's link leads a person: its
//! fields (staff personal data redacted for those who may not see it), the
//! entities it refers to, each linked to its own page, and the findings
//! about it as of today.

use std::fmt::Write as _;

use axum::{
    Extension,
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use mcn_evaluation::render::escape;
use mcn_network::{NetworkDocument, collection::Collection, references::Reference};
use serde_json::Value;
use uuid::Uuid;

use crate::{AppState, Principal, Problem, body, entities, pages};

/// `GET /networks/{network}/pages/{collection}/{id}`.
pub(crate) async fn entity(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path((network, collection, entity)): Path<(String, String, String)>,
) -> Result<Response, Problem> {
    let collection = body::collection(&collection)?;
    let entity = body::entity_id(&entity)?;
    let (id, head) = body::network(&state, &principal, &network).await?;
    let stored = state
        .store
        .entity(id, collection, entity)
        .await?
        .ok_or_else(|| entities::not_found(collection, entity))?;
    let parsed = collection
        .parse(stored.json.as_bytes())
        .map_err(|e| Problem::Internal(e.to_string()))?;
    let value: Value =
        serde_json::from_str(&stored.json).map_err(|e| Problem::Internal(e.to_string()))?;
    let value = entities::redact_value(&principal, collection, value);
    let (as_of, report, document) =
        crate::reads::findings_today(&state, &principal, id, head).await?;
    let about = findings_about(&document, collection, entity, &report.findings);
    let mut references = Vec::new();
    parsed.references(&mut |r| references.push(r));

    let title = format!(
        "{}: {}",
        capitalised(collection.kind().name()),
        label(&value, entity)
    );
    let mut out = format!(
        "<h1>{}</h1>\n<p>Last changed in revision {}; findings as of {as_of}. \
         <a href=\"../../{collection}/{entity}\">JSON</a> · \
         <a href=\"../../{collection}/{entity}/history\">History</a></p>\n<h2>Fields</h2>\n",
        escape(&title),
        stored.revision,
    );
    fields(&mut out, &value);
    if !references.is_empty() {
        out.push_str("<h2>Refers to</h2>\n<ul>\n");
        for reference in &references {
            refers_to(&mut out, reference);
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h2>Findings</h2>\n");
    pages::findings_table(&mut out, &document, &about, "../");
    Ok(pages::page(&title, "../", &out).into_response())
}

/// The findings whose path lies in the entity (`/people/17` and below).
fn findings_about(
    document: &NetworkDocument,
    collection: Collection,
    entity: Uuid,
    findings: &[mcn_core::Finding],
) -> Vec<mcn_core::Finding> {
    let mut index = None;
    collection.for_each(document, &mut |i, e| {
        if index.is_none() && e.uuid() == entity {
            index = Some(i);
        }
    });
    let Some(index) = index else {
        return Vec::new();
    };
    let base = format!("/{collection}/{index}");
    findings
        .iter()
        .filter(|f| {
            let path = f.path.as_str();
            path.strip_prefix(base.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
        .cloned()
        .collect()
}

/// The entity's name, or its id when it has none.
fn label(value: &Value, id: Uuid) -> String {
    ["name", "title"]
        .iter()
        .find_map(|key| value.get(key).and_then(Value::as_str))
        .map_or_else(|| id.to_string(), str::to_owned)
}

/// `"system use"` → `"System use"`.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The entity's top-level fields as a table: plain values as text, lists
/// and objects as indented JSON.
fn fields(out: &mut String, value: &Value) {
    out.push_str("<table>\n");
    if let Value::Object(map) = value {
        for (key, field) in map {
            let shown = match field {
                Value::String(text) => escape(text),
                Value::Null => "—".to_owned(),
                Value::Bool(_) | Value::Number(_) => field.to_string(),
                Value::Array(_) | Value::Object(_) => format!(
                    "<pre>{}</pre>",
                    escape(&serde_json::to_string_pretty(field).unwrap_or_default())
                ),
            };
            let _ = writeln!(out, "<tr><th>{}</th><td>{shown}</td></tr>", escape(key));
        }
    }
    out.push_str("</table>\n");
}

/// One reference as a list item, linked to the page of the entity it names
/// when that is a top-level entity (seats, decisions, actions and measures
/// live inside another entity: their id is shown).
fn refers_to(out: &mut String, reference: &Reference) {
    let target = Collection::ALL
        .iter()
        .find(|c| c.kind() == reference.kind)
        .map_or_else(
            || format!("<code>{}</code>", reference.id),
            |c| format!("<a href=\"../{c}/{0}\"><code>{0}</code></a>", reference.id),
        );
    let _ = writeln!(
        out,
        "<li><code>{}</code>: {} {target}</li>",
        escape(&reference.path.to_string()),
        escape(reference.kind.name()),
    );
}
