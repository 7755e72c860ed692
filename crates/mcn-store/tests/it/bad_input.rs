//! Bad input: malformed change sets, unknown collections, entities their type
//! refuses, huge payloads, a changed profile id — clear errors, nothing written.

use mcn_store::{Layout, StoreError, parse_change_set};
use serde_json::json;

use crate::support::{Fresh, at, both};

fn bad_path(bytes: &[u8]) -> (String, String) {
    match parse_change_set(bytes) {
        Err(StoreError::BadInput { path, message }) => (path.as_str().to_owned(), message),
        other => panic!("expected bad input, got {other:?}"),
    }
}

#[test]
fn malformed_change_sets_name_the_place() {
    let (path, message) = bad_path(
        br#"{"message": "m", "changes": [{"op": "upsert", "collection": "peeple", "entity": {}}]}"#,
    );
    // The change is buffered to read its "op" (serde's error stops at the
    // change); the store points at the unknown collection itself.
    assert_eq!(path, "/changes/0/collection");
    assert!(message.contains("unknown variant `peeple`"), "{message}");
    let (path, message) = bad_path(br#"{"message": "m", "changes": [{"op": "rename"}]}"#);
    assert_eq!(path, "/changes/0/op");
    assert!(message.contains("rename"), "{message}");
    let (_, message) = bad_path(br#"{"message": "m", "message": "n", "changes": []}"#);
    assert!(message.contains("duplicate"), "{message}");
    let (_, message) = bad_path(br#"{"message": "m", "changes": [], "extra": 1}"#);
    assert!(message.contains("unknown field `extra`"), "{message}");
    let (_, message) = bad_path(b"{\"message\": \"m\", \"changes\": []} trailing");
    assert!(message.contains("trailing"), "{message}");
    // Duplicate keys inside an entity are refused too.
    let (_, message) = bad_path(br#"{"message": "m", "changes": [{"op": "upsert", "collection": "people", "expect": "absent", "entity": {"id": "4d494e49-0006-8000-8000-000000000009", "name": "A", "name": "B", "profession": "nurse"}}]}"#);
    assert!(message.contains("duplicate"), "{message}");
}

async fn invalid_entities_are_bad_input(fresh: &Fresh) {
    let (document, network) = crate::support::minimal_in(fresh).await;
    let before = fresh
        .store
        .export(network, None, Layout::Compact)
        .await
        .unwrap();
    let cases = [
        // A person without a name.
        (
            json!({"op": "upsert", "collection": "people", "expect": "absent", "entity": {"id": uuid::Uuid::now_v7(), "profession": "nurse"}}),
            "/changes/0/entity",
        ),
        // A malformed email.
        (
            json!({"op": "upsert", "collection": "people", "expect": "absent", "entity": {"id": uuid::Uuid::now_v7(), "name": "A", "profession": "nurse", "email": "bob@"}}),
            "/changes/0/entity/email",
        ),
        // A field the type does not have.
        (
            json!({"op": "upsert", "collection": "localities", "expect": "absent", "entity": {"id": uuid::Uuid::now_v7(), "name": "A", "kind": "place", "colour": "red"}}),
            "/changes/0/entity/colour",
        ),
        // Another network's id for the profile.
        (
            json!({"op": "profile", "expect": 1, "profile": {"id": uuid::Uuid::now_v7(), "name": "Other"}}),
            "/changes/0/profile/id",
        ),
    ];
    for (change, expected) in cases {
        let changes = parse_change_set(
            json!({"message": "m", "changes": [change]})
                .to_string()
                .as_bytes(),
        )
        .unwrap();
        match fresh.store.apply(network, &changes, "w", at(1)).await {
            Err(StoreError::BadInput { path, message }) => {
                assert_eq!(path.as_str(), expected, "{message}");
            }
            other => panic!("expected bad input at {expected}, got {other:?}"),
        }
    }
    // The same entity twice.
    let p = serde_json::to_value(&document.people[0]).unwrap();
    let changes = parse_change_set(
        json!({"message": "m", "changes": [
            {"op": "upsert", "collection": "people", "expect": 1, "entity": p},
            {"op": "delete", "collection": "people", "id": document.people[0].id, "expect": 1},
        ]})
        .to_string()
        .as_bytes(),
    )
    .unwrap();
    let Err(StoreError::BadInput { path, message }) =
        fresh.store.apply(network, &changes, "w", at(1)).await
    else {
        panic!()
    };
    assert_eq!(path.as_str(), "/changes/1");
    assert!(message.contains("twice"), "{message}");
    // A huge entity (a 5 MB name) is stored or refused whole: here, a
    // person's name is text, so it is stored, and read back the same.
    let huge = "x".repeat(5_000_000);
    let id = uuid::Uuid::now_v7();
    let changes = parse_change_set(json!({"message": "m", "changes": [
        {"op": "upsert", "collection": "people", "expect": "absent", "entity": {"id": id, "name": huge, "profession": "nurse"}},
    ]}).to_string().as_bytes()).unwrap();
    match fresh.store.apply(network, &changes, "w", at(1)).await {
        Ok(r) => {
            let doc = fresh
                .store
                .document_at(network, Some(r.number))
                .await
                .unwrap();
            assert_eq!(doc.people.last().unwrap().name.as_str().len(), 5_000_000);
        }
        Err(StoreError::BadInput { .. }) => {
            crate::support::assert_head_is(fresh, network, &before).await;
        }
        Err(other) => panic!("{other}"),
    }
    // No expectation at all is a conflict naming the current version.
    let changes = parse_change_set(
        json!({"message": "m", "changes": [
            {"op": "delete", "collection": "communications", "id": document.communications[0].id},
        ]})
        .to_string()
        .as_bytes(),
    )
    .unwrap();
    let Err(StoreError::Conflict(c)) = fresh.store.apply(network, &changes, "w", at(2)).await
    else {
        panic!()
    };
    assert_eq!((c[0].expected, c[0].current), (None, Some(1)));
}

both!(invalid_entities_are_bad_input);
