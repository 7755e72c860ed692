//! Every resource once, as the role that may use it: what comes back, its
//! `ETag`, and what the store holds afterwards.

use axum::http::Method;
use serde_json::{Value, json};

use crate::support::{ADMIN, App, COORDINATOR, STRANGER, VIEWER, app, postgres_app};

const DR_OKAFOR: &str = "4e564e56-0006-8000-8000-000000000001";
const NEW_LOCALITY: &str = "4e564e56-0001-8000-8000-000000000099";

fn locality(name: &str) -> Vec<u8> {
    json!({
        "id": NEW_LOCALITY,
        "name": name,
        "kind": "place",
        "parent": "4e564e56-0001-8000-8000-000000000002"
    })
    .to_string()
    .into_bytes()
}

#[tokio::test]
async fn health_and_readiness_need_no_token_everything_else_does() {
    let app = app().await;
    for uri in ["/health", "/ready"] {
        let answer = app.send(Method::GET, uri, None, &[], None).await;
        assert_eq!(answer.status, 200, "{uri}");
    }
    for uri in [
        "/networks".to_owned(),
        app.at(""),
        app.at("/people"),
        "/schemas".to_owned(),
    ] {
        let answer = app.send(Method::GET, &uri, None, &[], None).await;
        answer.problem(401, "unauthenticated");
        assert_eq!(answer.headers.get("www-authenticate").unwrap(), "Bearer");
        let answer = app
            .send(Method::GET, &uri, Some("not-a-token"), &[], None)
            .await;
        answer.problem(401, "unauthenticated");
    }
    let answer = app.send(Method::GET, "/health", None, &[], None).await;
    assert!(
        answer.headers.contains_key("x-request-id"),
        "every answer has a request id"
    );
}

#[tokio::test]
async fn networks_are_listed_within_the_principals_scope() {
    let app = app().await;
    let listed = app.get("/networks", VIEWER).await.json();
    assert_eq!(listed, json!([{"id": app.network.to_string(), "head": 1}]));
    assert_eq!(app.get("/networks", STRANGER).await.json(), json!([]));
    app.get(&app.at(""), STRANGER)
        .await
        .problem(403, "forbidden");
    let shown = app.get(&app.at(""), VIEWER).await;
    assert_eq!(shown.status, 200);
    assert_eq!(shown.etag(), "\"1\"");
    let shown = shown.json();
    assert_eq!(shown["head"], 1);
    assert_eq!(shown["profile"]["name"], app.document.network.name.as_str());
}

#[tokio::test]
async fn an_admin_creates_a_network_by_importing_a_document() {
    let app = app().await;
    let minimal = mcn_testkit::example::minimal();
    let bytes = serde_json::to_vec(&minimal).unwrap();
    app.send(
        Method::POST,
        "/networks",
        Some(COORDINATOR),
        &[],
        Some(bytes.clone()),
    )
    .await
    .problem(403, "forbidden");
    let created = app
        .send(
            Method::POST,
            "/networks",
            Some(ADMIN),
            &[],
            Some(bytes.clone()),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.text());
    assert_eq!(created.etag(), "\"1\"");
    assert_eq!(
        created.headers.get("location").unwrap().to_str().unwrap(),
        format!("networks/{}", minimal.network.id)
    );
    assert_eq!(created.json()["author"], "ada admin");
    let again = app
        .send(Method::POST, "/networks", Some(ADMIN), &[], Some(bytes))
        .await;
    again.problem(409, "exists");
    assert_eq!(
        app.get("/networks", ADMIN)
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn the_document_comes_whole_and_redacted_for_viewers() {
    let app = app().await;
    let whole = app.get(&app.at("/document"), COORDINATOR).await;
    assert_eq!(whole.etag(), "\"1\"");
    let exported = app
        .store
        .export(app.network, None, mcn_store::Layout::Compact)
        .await
        .unwrap();
    assert_eq!(whole.text(), exported, "byte for byte the store's export");
    let redacted = app.get(&app.at("/document"), VIEWER).await.text();
    assert!(whole.text().contains("Dr Amara Okafor"));
    assert!(
        !redacted.contains("Dr Amara Okafor"),
        "a viewer sees no names"
    );
    assert!(!redacted.contains("@nvch.example"), "nor e-mail addresses");
    app.get(&app.at("/document?revision=2"), VIEWER)
        .await
        .problem(404, "not-found");
}

#[tokio::test]
async fn collections_are_paged_and_filtered() {
    let app = app().await;
    let first = app.get(&app.at("/people?limit=2"), COORDINATOR).await;
    assert_eq!(first.status, 200, "{}", first.text());
    let first = first.json();
    let items = first["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["id"], DR_OKAFOR);
    let next = first["next"].as_str().unwrap();
    assert_eq!(next, items[1]["id"]);
    let second = app
        .get(
            &app.at(&format!("/people?limit=2&after={next}")),
            COORDINATOR,
        )
        .await
        .json();
    assert_eq!(
        second["items"][0]["id"],
        app.document.people[2].id.to_string()
    );
    let all = app
        .get(&app.at("/people?limit=1000"), COORDINATOR)
        .await
        .json();
    assert_eq!(
        all["items"].as_array().unwrap().len(),
        app.document.people.len()
    );
    assert!(all.get("next").is_none());
    let employer = app.document.people[0].employer.unwrap();
    let people_employed = app
        .get(
            &app.at(&format!("/people?employer={employer}&limit=1000")),
            COORDINATOR,
        )
        .await
        .json();
    let expected = app
        .document
        .people
        .iter()
        .filter(|p| p.employer == Some(employer))
        .count();
    assert_eq!(people_employed["items"].as_array().unwrap().len(), expected);
    assert!(expected > 1 && expected < app.document.people.len());
    let viewed = app.get(&app.at("/people?limit=1"), VIEWER).await.json();
    assert_eq!(viewed["items"][0]["name"], "[redacted]");
    // Filters cannot probe what is redacted.
    let probe = app.at("/people?name=Dr%20Amara%20Okafor");
    let seen = app.get(&probe, COORDINATOR).await.json();
    assert_eq!(seen["items"].as_array().unwrap().len(), 1);
    let probed = app.get(&probe, VIEWER).await.json();
    assert_eq!(probed["items"], json!([]));
}

#[tokio::test]
async fn an_entity_is_created_replaced_and_deleted_through_its_etag() {
    lifecycle(&app().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entity_is_created_replaced_and_deleted_through_its_etag_on_postgres() {
    if let Some(app) = postgres_app().await {
        lifecycle(&app).await;
    }
}

async fn lifecycle(app: &App) {
    let uri = app.at(&format!("/localities/{NEW_LOCALITY}"));
    app.get(&uri, COORDINATOR).await.problem(404, "not-found");
    let created = app
        .send(
            Method::PUT,
            &uri,
            Some(COORDINATOR),
            &[("if-none-match", "*")],
            Some(locality("Westmere")),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.text());
    assert_eq!(created.etag(), "\"2\"");
    let got = app.get(&uri, VIEWER).await;
    assert_eq!(got.etag(), "\"2\"");
    assert_eq!(got.json().pointer("/name").unwrap(), &json!("Westmere"));
    // Replace: without a precondition, with a stale one, with the right one.
    app.send(
        Method::PUT,
        &uri,
        Some(COORDINATOR),
        &[],
        Some(locality("Eastmere")),
    )
    .await
    .problem(428, "precondition-required");
    let stale = app
        .send(
            Method::PUT,
            &uri,
            Some(COORDINATOR),
            &[("if-match", "\"1\"")],
            Some(locality("Eastmere")),
        )
        .await;
    let body = stale.problem(412, "precondition-failed");
    assert_eq!(body.pointer("/conflicts/0/current").unwrap(), &json!(2));
    assert_eq!(app.head().await, 2, "a refused write changes nothing");
    let replaced = app
        .send(
            Method::PUT,
            &uri,
            Some(COORDINATOR),
            &[("if-match", "\"2\"")],
            Some(locality("Eastmere")),
        )
        .await;
    assert_eq!(replaced.status, 200, "{}", replaced.text());
    assert_eq!(replaced.etag(), "\"3\"");
    assert_eq!(
        replaced.json().pointer("/name").unwrap(),
        &json!("Eastmere")
    );
    // Delete.
    app.send(Method::DELETE, &uri, Some(COORDINATOR), &[], None)
        .await
        .problem(428, "precondition-required");
    let deleted = app
        .send(
            Method::DELETE,
            &uri,
            Some(COORDINATOR),
            &[("if-match", "\"3\"")],
            None,
        )
        .await;
    assert_eq!(deleted.status, 204, "{}", deleted.text());
    app.get(&uri, COORDINATOR).await.problem(404, "not-found");
    // The log, the diff and the history, with the principal as author.
    let log = app.get(&app.at("/revisions"), VIEWER).await.json();
    let authors: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.pointer("/author").unwrap().as_str().unwrap())
        .collect();
    assert_eq!(
        authors,
        [
            "setup",
            "cora coordinator",
            "cora coordinator",
            "cora coordinator"
        ]
    );
    let diff = app.get(&app.at("/diff?from=1&to=2"), VIEWER).await.json();
    assert_eq!(
        diff.pointer("/collections/0/added").unwrap(),
        &json!([NEW_LOCALITY])
    );
    let history = app.get(&format!("{uri}/history"), VIEWER).await.json();
    let versions: Vec<Value> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.pointer("/revision/number").unwrap().clone())
        .collect();
    assert_eq!(versions, [json!(2), json!(3), json!(4)]);
    assert_eq!(history.pointer("/2/entity").unwrap(), &Value::Null);
}

#[tokio::test]
async fn an_integrity_refusal_is_422_with_the_findings() {
    let app = app().await;
    let uri = app.at(&format!("/localities/{NEW_LOCALITY}"));
    let dangling = json!({
        "id": NEW_LOCALITY, "name": "Nowhere", "kind": "place",
        "parent": "4e564e56-0001-8000-8000-0000000000ff"
    });
    let answer = app
        .send(
            Method::PUT,
            &uri,
            Some(COORDINATOR),
            &[("if-none-match", "*")],
            Some(dangling.to_string().into_bytes()),
        )
        .await;
    let body = answer.problem(422, "integrity");
    assert_eq!(body["codes"], json!(["network.reference.dangling"]));
    assert_eq!(app.head().await, 1);
}

#[tokio::test]
async fn a_change_set_is_applied_atomically_as_the_principal() {
    let app = app().await;
    let changes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/store/change-set.json"
    ))
    .unwrap();
    let applied = app
        .send(
            Method::POST,
            &app.at("/change-sets"),
            Some(COORDINATOR),
            &[],
            Some(changes.clone()),
        )
        .await;
    assert_eq!(applied.status, 201, "{}", applied.text());
    assert_eq!(applied.etag(), "\"2\"");
    assert_eq!(applied.json()["author"], "cora coordinator");
    assert_eq!(applied.json()["changed"], 1);
    let again = app
        .send(
            Method::POST,
            &app.at("/change-sets"),
            Some(COORDINATOR),
            &[],
            Some(changes),
        )
        .await;
    let body = again.problem(412, "precondition-failed");
    assert_eq!(body["conflicts"].as_array().unwrap().len(), 3);
    assert_eq!(app.head().await, 2);
    let person = app
        .get(&app.at(&format!("/people/{DR_OKAFOR}")), COORDINATOR)
        .await;
    assert_eq!(person.etag(), "\"2\"");
    assert_eq!(person.json()["email"], "a.okafor@nvch.example");
    let viewed = app
        .get(&app.at(&format!("/people/{DR_OKAFOR}")), VIEWER)
        .await
        .json();
    assert_eq!(viewed["name"], "[redacted]");
    assert!(
        viewed
            .get("email")
            .is_none_or(|e| e != "a.okafor@nvch.example")
    );
}

#[tokio::test]
async fn findings_and_the_report_in_each_format() {
    let app = app().await;
    let findings = app.get(&app.at("/findings?as_of=2026-06-30"), VIEWER).await;
    assert_eq!(findings.status, 200, "{}", findings.text());
    assert!(findings.json()["findings"].is_array());
    let json = app.get(&app.at("/report?as_of=2026-06-30"), VIEWER).await;
    assert_eq!(
        json.headers.get("content-type").unwrap(),
        "application/json"
    );
    assert_eq!(json.json()["as_of"], "2026-06-30");
    let html = app
        .get(&app.at("/report?as_of=2026-06-30&format=html"), VIEWER)
        .await;
    assert!(
        html.headers
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(
        html.text().starts_with("<!DOCTYPE html>") || html.text().starts_with("<!doctype html>")
    );
    let markdown = app
        .send(
            Method::GET,
            &app.at("/report?as_of=2026-06-30&since=2025-06-30"),
            Some(VIEWER),
            &[("accept", "text/markdown")],
            None,
        )
        .await;
    assert!(
        markdown
            .headers
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/markdown")
    );
    assert!(markdown.text().starts_with('#'));
    app.send(
        Method::GET,
        &app.at("/report"),
        Some(VIEWER),
        &[("accept", "image/png")],
        None,
    )
    .await
    .problem(406, "not-acceptable");
    app.get(&app.at("/report?as_of=2026-13-01"), VIEWER)
        .await
        .problem(400, "bad-input");
}

#[tokio::test]
async fn fhir_carries_personal_data_only_for_those_who_may_see_it() {
    let app = app().await;
    let full = app
        .get(&app.at("/fhir?as_of=2026-06-30"), COORDINATOR)
        .await;
    assert_eq!(
        full.headers.get("content-type").unwrap(),
        "application/fhir+json"
    );
    assert_eq!(full.json()["resourceType"], "Bundle");
    assert!(full.text().contains("Okafor"));
    let redacted = app.get(&app.at("/fhir?as_of=2026-06-30"), VIEWER).await;
    assert!(!redacted.text().contains("Okafor"));
}

#[tokio::test]
async fn validate_checks_a_posted_document_and_stores_nothing() {
    let app = app().await;
    let invalid = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/invalid-dangling-reference.json"
    ))
    .unwrap();
    let report = app
        .send(
            Method::POST,
            "/validate?as_of=2026-06-30",
            Some(VIEWER),
            &[],
            Some(invalid),
        )
        .await;
    assert_eq!(report.status, 200, "{}", report.text());
    let codes: Vec<Value> = report.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].clone())
        .collect();
    assert!(
        codes.contains(&json!("network.reference.dangling")),
        "{codes:?}"
    );
    assert_eq!(app.store.networks().await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_json_schemas_are_served() {
    let app = app().await;
    let index = app.get("/schemas", VIEWER).await.json();
    assert!(index["schemas"].is_array() || index["schemas"].is_object());
    for name in ["organisation", "organisation.schema.json"] {
        let schema = app.get(&format!("/schemas/{name}"), VIEWER).await;
        assert_eq!(schema.status, 200, "{name}");
        assert_eq!(
            schema.json()["$id"],
            "https://mcn.example/schemas/1/organisation.schema.json"
        );
    }
    app.get("/schemas/nothing", VIEWER)
        .await
        .problem(404, "not-found");
}

/// The same app works nested under a host's prefix.
#[tokio::test]
async fn the_router_nests_under_a_prefix() {
    let mut app = app().await;
    app.router = axum::Router::new().nest("/mcn", app.router.clone());
    assert_eq!(app.get("/mcn/networks", VIEWER).await.status, 200);
    assert_eq!(
        app.get("/networks", VIEWER).await.status,
        404,
        "the host's own 404"
    );
}

/// Replacing an entity with the same body keeps its version: the answer's
/// `ETag` is the entity's, so the next write through it succeeds.
#[tokio::test]
async fn an_unchanged_replace_answers_the_entitys_own_etag() {
    let app = app().await;
    let uri = app.at(&format!("/people/{DR_OKAFOR}"));
    let current = app.get(&uri, COORDINATOR).await;
    let body = current.body.clone();
    let mut etag = current.etag();
    for _ in 0..3 {
        let answer = app
            .send(
                Method::PUT,
                &uri,
                Some(COORDINATOR),
                &[("if-match", &etag)],
                Some(body.clone()),
            )
            .await;
        assert_eq!(answer.status, 200, "{}", answer.text());
        etag = answer.etag();
        assert_eq!(etag, app.get(&uri, COORDINATOR).await.etag());
    }
}

/// `If-Match: *` (RFC 9110): any current version. An existing entity is
/// replaced or deleted whatever its version; an absent one is 412.
#[tokio::test]
async fn if_match_star_means_any_current_version() {
    let app = app().await;
    let uri = app.at(&format!("/localities/{NEW_LOCALITY}"));
    let absent = app.put(&uri, ("if-match", "*"), locality("Westmere")).await;
    let body = absent.problem(412, "precondition-failed");
    assert_eq!(
        body.pointer("/conflicts/0/id").unwrap(),
        &json!(NEW_LOCALITY)
    );
    assert!(body["conflicts"][0]["current"].is_null(), "{body}");
    app.send(
        Method::DELETE,
        &uri,
        Some(COORDINATOR),
        &[("if-match", "*")],
        None,
    )
    .await
    .problem(412, "precondition-failed");
    assert_eq!(app.head().await, 1, "a refused write changes nothing");
    let created = app
        .put(&uri, ("if-none-match", "*"), locality("Westmere"))
        .await;
    assert_eq!(created.status, 201, "{}", created.text());
    let replaced = app
        .put(&uri, ("if-match", " * "), locality("Eastmere"))
        .await;
    assert_eq!(replaced.status, 200, "{}", replaced.text());
    assert_eq!(replaced.etag(), "\"3\"");
    assert_eq!(replaced.json()["name"], "Eastmere");
    let deleted = app
        .send(
            Method::DELETE,
            &uri,
            Some(COORDINATOR),
            &[("if-match", "*")],
            None,
        )
        .await;
    assert_eq!(deleted.status, 204, "{}", deleted.text());
    app.get(&uri, COORDINATOR).await.problem(404, "not-found");
    // `*` is not a list member: `"2", *` is refused as bad input.
    app.put(&uri, ("if-match", "\"2\", *"), locality("Westmere"))
        .await
        .problem(400, "bad-input");
}

/// The findings as markdown, HTML (each linked to its entity) and text.
#[tokio::test]
async fn findings_come_as_markdown_html_and_text() {
    let app = app().await;
    let json = app
        .get(&app.at("/findings?as_of=2026-06-30"), COORDINATOR)
        .await
        .json();
    let findings = json["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    let media = |answer: &crate::support::Answer| answer.header("content-type");
    let markdown = app
        .get(
            &app.at("/findings?as_of=2026-06-30&format=markdown"),
            COORDINATOR,
        )
        .await;
    assert_eq!(markdown.status, 200, "{}", markdown.text());
    assert!(media(&markdown).starts_with("text/markdown"));
    assert_eq!(markdown.etag(), "\"1\"");
    let text = markdown.text();
    assert!(text.starts_with("# Findings\n\nRevision 1, as of 2026-06-30: "));
    let rows = text.lines().filter(|l| l.starts_with("| ")).count();
    assert_eq!(rows, findings.len() + 1, "a header and a row per finding");
    let html = app
        .send(
            Method::GET,
            &app.at("/findings?as_of=2026-06-30"),
            Some(COORDINATOR),
            &[("accept", "text/html")],
            None,
        )
        .await;
    assert_eq!(html.status, 200, "{}", html.text());
    assert!(media(&html).starts_with("text/html"));
    let page = html.text();
    assert_eq!(page.matches("<tr class=").count(), findings.len());
    assert!(page.contains("<a href=\"pages/overview\">Overview</a>"));
    // Links are relative to /networks/{network}/: each resolves, a
    // finding's to its entity's page.
    let link = page
        .split("<a href=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .find(|href| href.starts_with("pages/") && href.matches('/').count() == 2)
        .expect("a finding linked to its entity's page");
    assert_eq!(
        app.get(&app.at(&format!("/{link}")), COORDINATOR)
            .await
            .status,
        200
    );
    let plain = app
        .get(&app.at("/findings?as_of=2026-06-30&format=text"), VIEWER)
        .await;
    assert!(media(&plain).starts_with("text/plain"));
    assert_eq!(
        plain.text().matches("\n  --> ").count() + usize::from(plain.text().starts_with("  --> ")),
        findings.len()
    );
    app.send(
        Method::GET,
        &app.at("/findings"),
        Some(VIEWER),
        &[("accept", "image/png")],
        None,
    )
    .await
    .problem(406, "not-acceptable");
}

/// Rendered reports are kept per revision, dates and format: the second
/// request is a hit (`Cache-Status`, RFC 9211), `Cache-Control: no-cache`
/// renders anew, and a new revision is a new report.
#[tokio::test]
async fn the_report_is_kept_per_revision_dates_and_format() {
    let app = app().await;
    let uri = app.at("/report?as_of=2026-06-30");
    let status = |answer: &crate::support::Answer| answer.header("cache-status");
    let first = app.get(&uri, VIEWER).await;
    assert_eq!(status(&first), "mcn-http; fwd=miss");
    let second = app.get(&uri, VIEWER).await;
    assert_eq!(status(&second), "mcn-http; hit");
    assert_eq!(first.body, second.body);
    let other = app.get(&format!("{uri}&format=markdown"), VIEWER).await;
    assert_eq!(status(&other), "mcn-http; fwd=miss", "another format");
    let since = app.get(&format!("{uri}&since=2025-06-30"), VIEWER).await;
    assert_eq!(status(&since), "mcn-http; fwd=miss", "another since");
    let anew = app
        .send(
            Method::GET,
            &uri,
            Some(VIEWER),
            &[("cache-control", "max-age=0, no-cache")],
            None,
        )
        .await;
    assert_eq!(status(&anew), "mcn-http; fwd=request");
    assert_eq!(anew.body, first.body);
    // A write: the head's report is a new one; the old revision's is kept.
    let created = app
        .put(
            &app.at(&format!("/localities/{NEW_LOCALITY}")),
            ("if-none-match", "*"),
            locality("Westmere"),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.text());
    let head = app.get(&uri, VIEWER).await;
    assert_eq!(status(&head), "mcn-http; fwd=miss");
    assert_eq!(head.etag(), "\"2\"");
    let old = app.get(&format!("{uri}&revision=1"), VIEWER).await;
    assert_eq!(status(&old), "mcn-http; hit");
    // Requests at once for a new report: one renders it, the others get it.
    let uri = app.at("/report?as_of=2026-07-31");
    let answers = futures_util::future::join_all((0..4).map(|_| app.get(&uri, VIEWER))).await;
    let mut statuses: Vec<String> = answers.iter().map(status).collect();
    statuses.sort();
    assert_eq!(
        statuses,
        [
            "mcn-http; fwd=miss",
            "mcn-http; hit",
            "mcn-http; hit",
            "mcn-http; hit"
        ]
    );
    assert!(answers.iter().all(|a| a.body == answers[0].body));
}
