//! The role × endpoint matrix: who gets 401, 403 or an answer, and that a
//! refused write changes nothing (the head revision stays where it was).

use axum::http::Method;
use serde_json::{Value, json};

use crate::support::{ADMIN, Answer, App, COORDINATOR, EDITOR, STRANGER, VIEWER, app};

/// Employed by the editor's organisation.
const OWN_PERSON: &str = "4e564e56-0006-8000-8000-000000000001";
/// Employed elsewhere.
const OTHER_PERSON: &str = "4e564e56-0006-8000-8000-00000000000d";
/// To a post the editor's organisation hosts.
const OWN_APPOINTMENT: &str = "4e564e56-0008-8000-8000-000000000001";
/// To a post hosted elsewhere.
const OTHER_APPOINTMENT: &str = "4e564e56-0008-8000-8000-000000000003";
/// Provided by the editor's organisation.
const OWN_SERVICE: &str = "4e564e56-0004-8000-8000-000000000001";

const ROLES: [Option<&str>; 6] = [
    None,
    Some(VIEWER),
    Some(STRANGER),
    Some(EDITOR),
    Some(COORDINATOR),
    Some(ADMIN),
];

#[tokio::test]
async fn every_role_reads_what_it_may() {
    let app = app().await;
    let reads = [
        app.at(""),
        app.at("/document"),
        app.at("/people"),
        app.at(&format!("/people/{OWN_PERSON}")),
        app.at(&format!("/people/{OWN_PERSON}/history")),
        app.at("/revisions"),
        app.at("/diff?from=1"),
        app.at("/findings?as_of=2026-06-30"),
        app.at("/report?as_of=2026-06-30"),
        app.at("/fhir?as_of=2026-06-30"),
    ];
    for uri in &reads {
        for token in ROLES {
            let answer = app.send(Method::GET, uri, token, &[], None).await;
            match token {
                None => {
                    answer.problem(401, "unauthenticated");
                }
                Some(STRANGER) => {
                    answer.problem(403, "forbidden");
                }
                Some(_) => assert_eq!(answer.status, 200, "{uri} as {token:?}: {}", answer.text()),
            }
        }
    }
    // Personal data: co-ordinators and admins only.
    let person = app.at(&format!("/people/{OWN_PERSON}"));
    for (token, sees) in [
        (VIEWER, false),
        (EDITOR, false),
        (COORDINATOR, true),
        (ADMIN, true),
    ] {
        let name = app.get(&person, token).await.json()["name"].clone();
        assert_eq!(name != "[redacted]", sees, "{token}: {name}");
    }
}

/// A write to try as each role: method, path, headers and body, made from
/// the entity's current state.
struct Write {
    what: &'static str,
    method: Method,
    uri: String,
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
    /// Whether a member editor of the first organisation may make it.
    editor_may: bool,
}

async fn current(app: &App, collection: &str, id: &str) -> (Value, String) {
    let answer = app
        .get(&app.at(&format!("/{collection}/{id}")), COORDINATOR)
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    (answer.json(), answer.etag())
}

async fn replace(
    app: &App,
    what: &'static str,
    collection: &str,
    id: &str,
    edit: impl FnOnce(&mut Value),
    editor_may: bool,
) -> Write {
    let (mut entity, etag) = current(app, collection, id).await;
    edit(&mut entity);
    Write {
        what,
        method: Method::PUT,
        uri: app.at(&format!("/{collection}/{id}")),
        headers: vec![("if-match".to_owned(), etag)],
        body: Some(entity.to_string().into_bytes()),
        editor_may,
    }
}

async fn writes(app: &App) -> Vec<Write> {
    let other_employer = app.document.people[13].employer.unwrap().to_string();
    let (_, service_etag) = current(app, "services", OWN_SERVICE).await;
    let (_, profile_etag) = (0, app.head().await);
    vec![
        replace(app, "own person", "people", OWN_PERSON, |p| p["email"] = json!("new@nvch.example"), true).await,
        replace(app, "other's person", "people", OTHER_PERSON, |p| p["email"] = json!("x@elsewhere.example"), false).await,
        replace(app, "own person given away", "people", OWN_PERSON, |p| p["employer"] = json!(other_employer), false).await,
        replace(app, "other's person taken over", "people", OTHER_PERSON, |p| {
            p["employer"] = json!(app.document.organisations[0].id.to_string());
        }, false)
        .await,
        replace(app, "own appointment", "appointments", OWN_APPOINTMENT, |_| {}, true).await,
        replace(app, "other's appointment", "appointments", OTHER_APPOINTMENT, |_| {}, false).await,
        Write {
            what: "new locality",
            method: Method::PUT,
            uri: app.at("/localities/4e564e56-0001-8000-8000-000000000099"),
            headers: vec![("if-none-match".to_owned(), "*".to_owned())],
            body: Some(
                json!({"id": "4e564e56-0001-8000-8000-000000000099", "name": "Westmere", "kind": "place"})
                    .to_string()
                    .into_bytes(),
            ),
            editor_may: false,
        },
        Write {
            what: "delete other's appointment",
            method: Method::DELETE,
            uri: app.at(&format!("/appointments/{OTHER_APPOINTMENT}")),
            headers: vec![("if-match".to_owned(), current(app, "appointments", OTHER_APPOINTMENT).await.1)],
            body: None,
            editor_may: false,
        },
        Write {
            what: "change set: own service and the profile",
            method: Method::POST,
            uri: app.at("/change-sets"),
            headers: Vec::new(),
            body: Some(
                json!({
                    "message": "two things",
                    "changes": [
                        {"op": "upsert", "collection": "services",
                         "expect": service_etag.trim_matches('"').parse::<u64>().unwrap(),
                         "entity": current(app, "services", OWN_SERVICE).await.0},
                        {"op": "profile", "expect": profile_etag,
                         "profile": serde_json::to_value(&app.document.network).unwrap()}
                    ]
                })
                .to_string()
                .into_bytes(),
            ),
            editor_may: false,
        },
        Write {
            what: "create a network",
            method: Method::POST,
            uri: "/networks".to_owned(),
            headers: Vec::new(),
            body: Some(serde_json::to_vec(&mcn_testkit::example::minimal()).unwrap()),
            editor_may: false,
        },
    ]
}

async fn attempt(app: &App, write: &Write, token: Option<&str>) -> Answer {
    let headers: Vec<(&str, &str)> = write
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    app.send(
        write.method.clone(),
        &write.uri,
        token,
        &headers,
        write.body.clone(),
    )
    .await
}

#[tokio::test]
async fn a_refused_write_changes_nothing() {
    let app = app().await;
    for write in writes(&app).await {
        for token in [None, Some(VIEWER), Some(STRANGER), Some(EDITOR)] {
            if token == Some(EDITOR) && write.editor_may {
                continue;
            }
            let before = app.head().await;
            let answer = attempt(&app, &write, token).await;
            if token.is_none() {
                answer.problem(401, "unauthenticated");
            } else {
                let body = answer.problem(403, "forbidden");
                assert!(body["detail"].as_str().unwrap().len() > 10);
            }
            assert_eq!(
                app.head().await,
                before,
                "{} as {token:?} changed nothing",
                write.what
            );
            assert_eq!(app.store.networks().await.unwrap().len(), 1);
        }
    }
}

#[tokio::test]
async fn each_write_is_made_by_those_who_may() {
    let first = app().await;
    let plan: Vec<(&str, bool)> = writes(&first)
        .await
        .iter()
        .map(|w| (w.what, w.editor_may))
        .collect();
    for token in [EDITOR, COORDINATOR, ADMIN] {
        for &(what, editor_may) in &plan {
            let may = match token {
                EDITOR => editor_may,
                COORDINATOR => what != "create a network",
                _ => true,
            };
            if !may {
                continue;
            }
            // A fresh network for each write, so each starts from revision 1.
            let fresh = app().await;
            let write = writes(&fresh)
                .await
                .into_iter()
                .find(|w| w.what == what)
                .unwrap();
            let answer = attempt(&fresh, &write, Some(token)).await;
            assert!(
                answer.status.is_success(),
                "{what} as {token}: {} {}",
                answer.status,
                answer.text()
            );
            if what != "create a network" {
                assert_eq!(fresh.head().await, 2, "{what} as {token}");
                let log = fresh.get(&fresh.at("/revisions"), token).await.json();
                assert_ne!(log[1]["author"], "setup");
            }
        }
    }
}

/// A member editor's appointment write carries a guard on the post it is
/// to (the post's stored body, expecting the version the ownership check
/// read): the store skips it as unchanged, so the post keeps its version
/// and its history.
#[tokio::test]
async fn the_guard_on_an_appointments_post_writes_nothing() {
    let app = app().await;
    let (mut appointment, etag) = current(&app, "appointments", OWN_APPOINTMENT).await;
    let post = appointment["post"].as_str().unwrap().to_owned();
    let (_, post_etag) = current(&app, "posts", &post).await;
    appointment["wte"] = json!(0.5);
    let answer = app
        .send(
            Method::PUT,
            &app.at(&format!("/appointments/{OWN_APPOINTMENT}")),
            Some(EDITOR),
            &[("if-match", &etag)],
            Some(appointment.to_string().into_bytes()),
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(app.head().await, 2);
    let (_, after) = current(&app, "posts", &post).await;
    assert_eq!(after, post_etag, "the post is not written");
    let history = app
        .get(&app.at(&format!("/posts/{post}/history")), COORDINATOR)
        .await
        .json();
    assert_eq!(history.as_array().unwrap().len(), 1);
    let log = app.get(&app.at("/revisions"), COORDINATOR).await.json();
    assert_eq!(log[1]["changed"], 1, "{log}");
}
