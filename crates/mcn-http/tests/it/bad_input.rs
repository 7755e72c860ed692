//! Bad input over HTTP: each gets its problem response (never a 500),
//! nothing is written, and the router goes on answering.

use axum::{body::Body, http::Method};
use mcn_http::{AppState, Limits};
use serde_json::json;

use crate::support::{ADMIN, Answer, App, COORDINATOR, app, tokens};

const OKAFOR: &str = "4e564e56-0006-8000-8000-000000000001";

/// Asserts a client-error problem, never a success or a 500.
#[track_caller]
fn refused(answer: &Answer, what: &str) {
    assert!(
        answer.status.is_client_error(),
        "{what}: {} {}",
        answer.status,
        answer.text()
    );
    assert_eq!(
        answer
            .headers
            .get("content-type")
            .map(|v| v.to_str().unwrap()),
        Some("application/problem+json"),
        "{what}"
    );
    let body = answer.json();
    assert!(
        body["type"]
            .as_str()
            .unwrap()
            .starts_with("https://mcn.example/problems/")
    );
    assert!(!body["detail"].as_str().unwrap().is_empty());
}

async fn still_up(app: &App) {
    assert_eq!(app.head().await, 1, "nothing was written");
    let health = app.send(Method::GET, "/health", None, &[], None).await;
    assert_eq!(health.status, 200);
}

/// The example app with small body limits.
async fn small_app() -> App {
    let mut app = app().await;
    let limits = Limits::default()
        .with_entity_body(1024)
        .with_document_body(16 * 1024);
    app.router = mcn_http::router(
        AppState::new(app.store.clone(), tokens(&app.document)).with_limits(limits),
    );
    app
}

#[tokio::test]
async fn malformed_json_names_where() {
    let app = app().await;
    let person = app.at(&format!("/people/{OKAFOR}"));
    let etag = app.get(&person, COORDINATOR).await.etag();
    let answer = app
        .send(
            Method::PUT,
            &person,
            Some(COORDINATOR),
            &[("if-match", &etag)],
            Some(b"{\"id\": ".to_vec()),
        )
        .await;
    let body = answer.problem(400, "bad-input");
    assert!(
        body["detail"].as_str().unwrap().contains("line 1"),
        "{body}"
    );
    // Valid JSON that the type refuses: the pointer names the field.
    let bad_email = json!({"id": OKAFOR, "name": "Dr Amara Okafor", "profession": "doctor", "email": "not an email"});
    let answer = app
        .send(
            Method::PUT,
            &person,
            Some(COORDINATOR),
            &[("if-match", &etag)],
            Some(bad_email.to_string().into_bytes()),
        )
        .await;
    let body = answer.problem(400, "bad-input");
    assert!(
        body["pointer"].as_str().unwrap().ends_with("/email"),
        "{body}"
    );
    // The id in the body is the path's.
    let other =
        json!({"id": "4e564e56-0006-8000-8000-000000000002", "name": "X", "profession": "doctor"});
    let body = app
        .send(
            Method::PUT,
            &person,
            Some(COORDINATOR),
            &[("if-match", &etag)],
            Some(other.to_string().into_bytes()),
        )
        .await
        .problem(400, "bad-input");
    assert_eq!(body["pointer"], "/id");
    // A change set that is not one; a document that is not one.
    let body = app
        .send(
            Method::POST,
            &app.at("/change-sets"),
            Some(COORDINATOR),
            &[],
            Some(br#"{"message": "x", "changes": [{"op": "upsert"}]}"#.to_vec()),
        )
        .await
        .problem(400, "bad-input");
    assert!(
        body["pointer"].as_str().unwrap().starts_with("/changes/0"),
        "{body}"
    );
    let body = app
        .send(
            Method::POST,
            "/networks",
            Some(ADMIN),
            &[],
            Some(br#"{"schema_version": "1.0", "network": {"id": "nope"}}"#.to_vec()),
        )
        .await
        .problem(400, "bad-input");
    assert_eq!(body["pointer"], "/network/id");
    for bytes in [&b""[..], b"[]", b"null", b"\xff\xfe"] {
        let answer = app
            .send(
                Method::POST,
                "/validate",
                Some(COORDINATOR),
                &[],
                Some(bytes.to_vec()),
            )
            .await;
        refused(&answer, "validate of garbage");
    }
    still_up(&app).await;
}

#[tokio::test]
async fn wrong_content_types_and_preconditions() {
    let app = app().await;
    let person = app.at(&format!("/people/{OKAFOR}"));
    for media in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/jsonx",
    ] {
        app.send(
            Method::POST,
            &app.at("/change-sets"),
            Some(COORDINATOR),
            &[("content-type", media)],
            Some(b"{}".to_vec()),
        )
        .await
        .problem(415, "unsupported-media-type");
    }
    let mut request = axum::http::Request::builder()
        .method(Method::POST)
        .uri(app.at("/change-sets"))
        .header("authorization", format!("Bearer {COORDINATOR}"))
        .body(Body::from("{}"))
        .unwrap();
    request.headers_mut().remove("content-type");
    let answer = tower::ServiceExt::oneshot(app.router.clone(), request)
        .await
        .unwrap();
    assert_eq!(answer.status(), 415, "no content type at all");
    for bad in ["12", "\"x\"", "*", "\"1\", \"2\""] {
        let answer = app
            .send(
                Method::PUT,
                &person,
                Some(COORDINATOR),
                &[("if-match", bad)],
                Some(b"{}".to_vec()),
            )
            .await;
        answer.problem(400, "bad-input");
    }
    app.send(
        Method::PUT,
        &person,
        Some(COORDINATOR),
        &[("if-none-match", "\"1\"")],
        Some(b"{}".to_vec()),
    )
    .await
    .problem(400, "bad-input");
    app.send(Method::PATCH, &person, Some(COORDINATOR), &[], None)
        .await
        .problem(405, "method-not-allowed");
    still_up(&app).await;
}

#[tokio::test]
async fn oversize_bodies_are_413_with_or_without_a_length() {
    let app = small_app().await;
    let person = app.at(&format!("/people/{OKAFOR}"));
    let big = format!(
        "{{\"id\": \"{OKAFOR}\", \"name\": \"{}\"}}",
        "x".repeat(4000)
    )
    .into_bytes();
    let body = app
        .send(
            Method::PUT,
            &person,
            Some(COORDINATOR),
            &[("if-match", "\"1\"")],
            Some(big.clone()),
        )
        .await
        .problem(413, "too-large");
    assert!(body["detail"].as_str().unwrap().contains("1024"), "{body}");
    // Streamed, without a content length.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        big.chunks(100).map(|c| Ok(c.to_vec())).collect();
    let request = axum::http::Request::builder()
        .method(Method::PUT)
        .uri(&person)
        .header("authorization", format!("Bearer {COORDINATOR}"))
        .header("content-type", "application/json")
        .header("if-match", "\"1\"")
        .body(Body::from_stream(futures_util::stream::iter(chunks)))
        .unwrap();
    let answer = tower::ServiceExt::oneshot(app.router.clone(), request)
        .await
        .unwrap();
    assert_eq!(answer.status(), 413);
    // A whole document has its own, larger limit.
    let document = serde_json::to_vec(&mcn_testkit::example::northvale()).unwrap();
    assert!(document.len() > 16 * 1024);
    let body = app
        .send(
            Method::POST,
            "/validate",
            Some(COORDINATOR),
            &[],
            Some(document),
        )
        .await
        .problem(413, "too-large");
    assert!(body["detail"].as_str().unwrap().contains("16384"), "{body}");
    let minimal = serde_json::to_vec(&mcn_testkit::example::minimal()).unwrap();
    assert!(minimal.len() > 1024 && minimal.len() < 16 * 1024);
    let answer = app
        .send(
            Method::POST,
            "/validate",
            Some(COORDINATOR),
            &[],
            Some(minimal),
        )
        .await;
    assert_eq!(
        answer.status,
        200,
        "under the document limit: {}",
        answer.text()
    );
    still_up(&app).await;
}

#[tokio::test]
async fn unknown_collections_wrong_ids_and_traversal() {
    let app = app().await;
    let organisation = app.document.organisations[0].id.to_string();
    let cases = [
        (app.at("/patients"), 404),
        (app.at("/patients/x"), 404),
        (app.at(&format!("/people/{organisation}")), 404),
        (app.at(&format!("/people/{organisation}/history")), 404),
        (app.at("/people/not-a-uuid"), 400),
        ("/networks/not-a-uuid".to_owned(), 400),
        (
            format!("/networks/{}", mcn_core::id::NetworkId::generate()),
            404,
        ),
        (app.at("/..%2F..%2Fetc%2Fpasswd"), 404),
        (app.at("/people/..%2F..%2Fetc%2Fpasswd"), 400),
        ("/networks/../../etc/passwd".to_owned(), 404),
        ("/schemas/..%2F..%2FCargo.toml".to_owned(), 404),
        ("/schemas/%00".to_owned(), 404),
        (app.at("/document?revision=-1"), 400),
        (app.at("/document?revision=99999999999999999999999"), 400),
        (app.at("/diff?from=1&to=7"), 404),
        (app.at("/diff"), 400),
        (app.at("/findings?as_of=yesterday"), 400),
        (app.at("/report?format=pdf"), 400),
        (
            app.at("/people?after=4e564e56-0002-8000-8000-000000000001"),
            400,
        ),
        (app.at("/people?limit=many"), 400),
    ];
    for (uri, status) in cases {
        let answer = app.get(&uri, ADMIN).await;
        refused(&answer, &uri);
        assert_eq!(answer.status, status, "{uri}: {}", answer.text());
    }
    // A person given an organisation's id: refused by the store, not a 500.
    let person = json!({"id": organisation, "name": "Wrong Kind", "profession": "doctor"});
    let answer = app
        .send(
            Method::PUT,
            &app.at(&format!("/people/{organisation}")),
            Some(COORDINATOR),
            &[("if-none-match", "*")],
            Some(person.to_string().into_bytes()),
        )
        .await;
    refused(&answer, "a person with an organisation's id");
    still_up(&app).await;
}

#[tokio::test]
async fn huge_query_strings_are_414() {
    let app = app().await;
    let uri = app.at(&format!("/people?name={}", "x".repeat(10_000)));
    app.get(&uri, COORDINATOR)
        .await
        .problem(414, "uri-too-long");
    let uri = app.at(&format!("/people?{}", "a=1&".repeat(2000)));
    app.get(&uri, COORDINATOR)
        .await
        .problem(414, "uri-too-long");
    still_up(&app).await;
}

#[tokio::test]
async fn a_request_over_the_time_limit_is_a_timeout_problem() {
    let mut app = app().await;
    let limits = Limits::default().with_timeout(std::time::Duration::from_nanos(1));
    app.router = mcn_http::router(
        AppState::new(app.store.clone(), tokens(&app.document)).with_limits(limits),
    );
    // The report waits on the store: it cannot finish within a nanosecond.
    app.get(&app.at("/report"), COORDINATOR)
        .await
        .problem(503, "timeout");
}
