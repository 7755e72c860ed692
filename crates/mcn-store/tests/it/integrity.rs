//! Integrity on write: dangling and wrong-kind references, duplicate ids
//! (across collections and nested), deleting what is still referred to —
//! refused with findings whose paths point into the change set, nothing written.

use mcn_network::{NetworkDocument, collection::Collection};
use mcn_store::{Change, ChangeSet, Expect, StoreError, parse_change_set};
use serde_json::json;

use crate::support::{Fresh, at, both};

/// The minimal example imported: (document, its compact JSON).
async fn imported(fresh: &Fresh) -> (NetworkDocument, String) {
    let (document, _) = crate::support::minimal_in(fresh).await;
    let json = serde_json::to_string(&document).unwrap();
    (document, json)
}

/// Applies `changes`, expecting integrity findings; checks nothing was written.
async fn refused(
    fresh: &Fresh,
    document: &NetworkDocument,
    before: &str,
    changes: serde_json::Value,
) -> Vec<(String, String)> {
    let network = document.network.id;
    let changes = parse_change_set(changes.to_string().as_bytes()).unwrap();
    let error = fresh
        .store
        .apply(network, &changes, "writer", at(1))
        .await
        .unwrap_err();
    let StoreError::Integrity(findings) = error else {
        panic!("expected integrity findings, got {error}")
    };
    assert_eq!(fresh.store.head(network).await.unwrap(), 1);
    crate::support::assert_head_is(fresh, network, before).await;
    findings
        .into_iter()
        .map(|f| (f.code, f.path.as_str().to_owned()))
        .collect()
}

fn person(document: &NetworkDocument, i: usize) -> serde_json::Value {
    serde_json::to_value(&document.people[i]).unwrap()
}

async fn dangling_and_wrong_kind_references(fresh: &Fresh) {
    let (document, before) = imported(fresh).await;
    let mut p = person(&document, 0);
    p["employer"] = json!(uuid::Uuid::now_v7());
    let mut q = person(&document, 1);
    // A person's id where an organisation is expected.
    q["employer"] = json!(document.people[2].id);
    let found = refused(
        fresh,
        &document,
        &before,
        json!({"message": "m", "changes": [
            {"op": "upsert", "collection": "people", "expect": 1, "entity": p},
            {"op": "upsert", "collection": "people", "expect": 1, "entity": q},
        ]}),
    )
    .await;
    assert_eq!(
        found,
        [
            (
                "network.reference.dangling".to_owned(),
                "/changes/0/entity/employer".to_owned()
            ),
            (
                "network.reference.wrong_kind".to_owned(),
                "/changes/1/entity/employer".to_owned()
            ),
        ]
    );
}

async fn duplicate_ids_across_collections_and_nested(fresh: &Fresh) {
    let (document, before) = imported(fresh).await;
    // A new locality with a person's id.
    let clash = json!({"id": document.people[0].id, "name": "Clash", "kind": "place"});
    // A new locality with a meeting's nested decision's id.
    let decision = document
        .meetings
        .iter()
        .flat_map(|m| &m.decisions)
        .next()
        .unwrap()
        .id;
    let nested = json!({"id": decision, "name": "Nested clash", "kind": "place"});
    // Two new entities of one change set with one id.
    let twin = uuid::Uuid::now_v7();
    let found = refused(fresh, &document, &before, json!({"message": "m", "changes": [
        {"op": "upsert", "collection": "localities", "expect": "absent", "entity": clash},
        {"op": "upsert", "collection": "localities", "expect": "absent", "entity": nested},
        {"op": "upsert", "collection": "localities", "expect": "absent", "entity": {"id": twin, "name": "A", "kind": "place"}},
        {"op": "upsert", "collection": "bodies", "expect": "absent", "entity": {"id": twin, "name": "B", "kind": "steering_group", "active": {"start": "2025-01-01"}}},
    ]})).await;
    let codes: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["network.id.duplicate"; 3], "{found:?}");
    assert_eq!(found[0].1, "/changes/0/entity/id");
    assert_eq!(found[1].1, "/changes/1/entity/id");
    assert_eq!(found[2].1, "/changes/3/entity/id");
}

async fn deleting_what_is_referred_to(fresh: &Fresh) {
    let (document, before) = imported(fresh).await;
    // The first person holds an appointment (and more).
    let found = refused(
        fresh,
        &document,
        &before,
        json!({"message": "m", "changes": [
            {"op": "delete", "collection": "people", "id": document.people[0].id, "expect": 1},
        ]}),
    )
    .await;
    assert_eq!(
        found,
        [(
            "store.entity.still_referred".to_owned(),
            "/changes/0".to_owned()
        )]
    );
    // Deleting the referrers too is fine: the appointment that names the
    // person, with the person, in one change set, if nothing else names them.
    let network = document.network.id;
    let lonely = uuid::Uuid::now_v7();
    let appointment = uuid::Uuid::now_v7();
    let add = ChangeSet {
        message: "add".to_owned(),
        changes: vec![
            Change::Upsert {
                collection: Collection::People,
                expect: Some(Expect::ABSENT),
                entity: json!({"id": lonely, "name": "Lonely", "profession": "nurse"}),
            },
            Change::Upsert {
                collection: Collection::Appointments,
                expect: Some(Expect::ABSENT),
                entity: {
                    let mut a = serde_json::to_value(&document.appointments[0]).unwrap();
                    a["id"] = json!(appointment);
                    a["person"] = json!(lonely);
                    a
                },
            },
        ],
    };
    fresh.store.apply(network, &add, "w", at(1)).await.unwrap();
    let only_person = ChangeSet {
        message: "remove".to_owned(),
        changes: vec![Change::Delete {
            collection: Collection::People,
            id: lonely,
            expect: Some(Expect::Revision(2)),
        }],
    };
    let StoreError::Integrity(f) = fresh
        .store
        .apply(network, &only_person, "w", at(2))
        .await
        .unwrap_err()
    else {
        panic!()
    };
    assert!(
        f[0].message.contains(&appointment.to_string()),
        "{}",
        f[0].message
    );
    let both = ChangeSet {
        message: "remove".to_owned(),
        changes: vec![
            Change::Delete {
                collection: Collection::People,
                id: lonely,
                expect: Some(Expect::Revision(2)),
            },
            Change::Delete {
                collection: Collection::Appointments,
                id: appointment,
                expect: Some(Expect::Revision(2)),
            },
        ],
    };
    fresh.store.apply(network, &both, "w", at(3)).await.unwrap();
    crate::support::assert_head_is(fresh, network, &before).await;
}

async fn dropping_a_nested_id_still_referred_to(fresh: &Fresh) {
    let (document, before) = imported(fresh).await;
    // A body's terms of reference name a decision of a meeting: the meeting
    // without its decisions leaves that reference dangling.
    let (i, meeting) = document
        .meetings
        .iter()
        .enumerate()
        .find(|(_, m)| {
            m.decisions.iter().any(|d| {
                document.bodies.iter().any(|b| {
                    b.terms_of_reference
                        .iter()
                        .any(|t| t.approved_by == Some(d.id))
                })
            })
        })
        .unwrap();
    let mut changed = serde_json::to_value(meeting).unwrap();
    changed.as_object_mut().unwrap().remove("decisions");
    let _ = i;
    let found = refused(
        fresh,
        &document,
        &before,
        json!({"message": "m", "changes": [
            {"op": "upsert", "collection": "meetings", "expect": 1, "entity": changed},
        ]}),
    )
    .await;
    assert!(
        found
            .iter()
            .all(|(c, p)| c == "store.entity.still_referred" && p == "/changes/0/entity"),
        "{found:?}"
    );
    assert!(!found.is_empty());
}

async fn import_refuses_an_inconsistent_document(fresh: &Fresh) {
    let mut document = mcn_testkit::example::minimal();
    document.people[1].id = document.people[0].id;
    let error = fresh
        .store
        .import(&document, "a", "import", at(0))
        .await
        .unwrap_err();
    let StoreError::Integrity(findings) = error else {
        panic!("{error}")
    };
    assert_eq!(findings[0].code, "network.id.duplicate");
    assert_eq!(findings[0].path.as_str(), "/people/1/id");
    assert!(fresh.store.networks().await.unwrap().is_empty());
}

/// A locality (`parent`: the one it lies in).
fn locality(id: uuid::Uuid, parent: Option<uuid::Uuid>) -> serde_json::Value {
    match parent {
        Some(parent) => json!({"id": id, "name": "Place", "kind": "place", "parent": parent}),
        None => json!({"id": id, "name": "Place", "kind": "place"}),
    }
}

/// The references of an import are kept packed, and changes since as
/// deltas: every way a reference comes and goes is seen by the next delete.
async fn packed_references_follow_changes(fresh: &Fresh) {
    let mut document = mcn_testkit::example::minimal();
    let [root, a, b, c] = [(); 4].map(|()| uuid::Uuid::now_v7());
    for (id, parent) in [(root, None), (a, Some(root)), (b, Some(root))] {
        document
            .localities
            .push(serde_json::from_value(locality(id, parent)).unwrap());
    }
    let network = document.network.id;
    fresh
        .store
        .import(&document, "i", "import", at(0))
        .await
        .unwrap();
    let mut version = std::collections::HashMap::from([(a, 1), (b, 1), (root, 1)]);
    let mut revision = 1;
    // Applies upserts of localities (id, parent); returns the new revision.
    let mut set = async |fresh: &Fresh, places: &[(uuid::Uuid, Option<uuid::Uuid>)]| {
        let changes = places
            .iter()
            .map(|&(id, parent)| Change::Upsert {
                collection: Collection::Localities,
                expect: Some(
                    version
                        .get(&id)
                        .map_or(Expect::ABSENT, |v| Expect::Revision(*v)),
                ),
                entity: locality(id, parent),
            })
            .collect();
        let set = ChangeSet {
            message: "move".to_owned(),
            changes,
        };
        revision = fresh
            .store
            .apply(network, &set, "w", at(1))
            .await
            .unwrap()
            .number;
        for (id, _) in places {
            version.insert(*id, revision);
        }
    };
    // The ids named as still referring to the root when deleting it.
    let referrers = async |fresh: &Fresh, expect: u64| -> Vec<uuid::Uuid> {
        let delete = ChangeSet {
            message: "delete the root".to_owned(),
            changes: vec![Change::Delete {
                collection: Collection::Localities,
                id: root,
                expect: Some(Expect::Revision(expect)),
            }],
        };
        match fresh.store.apply(network, &delete, "w", at(2)).await {
            Ok(_) => Vec::new(),
            Err(StoreError::Integrity(findings)) => [a, b, c]
                .into_iter()
                .filter(|id| findings[0].message.contains(&id.to_string()))
                .collect(),
            Err(other) => panic!("{other}"),
        }
    };
    // Both packed at the import.
    assert_eq!(referrers(fresh, 1).await, [a, b]);
    // A packed reference removed (-1).
    set(fresh, &[(a, None)]).await;
    assert_eq!(referrers(fresh, 1).await, [b]);
    // ... and back (0: as packed); the other removed.
    set(fresh, &[(a, Some(root)), (b, None)]).await;
    assert_eq!(referrers(fresh, 1).await, [a]);
    // A new referrer (+1), the last packed one gone.
    set(fresh, &[(a, None), (c, Some(root))]).await;
    assert_eq!(referrers(fresh, 1).await, [c]);
    // The new one removed (0): nothing refers to the root, which goes.
    set(fresh, &[(c, None)]).await;
    assert!(referrers(fresh, 1).await.is_empty());
    assert!(
        fresh
            .store
            .entity(network, Collection::Localities, root)
            .await
            .unwrap()
            .is_none()
    );
}

both!(
    packed_references_follow_changes,
    dangling_and_wrong_kind_references,
    duplicate_ids_across_collections_and_nested,
    deleting_what_is_referred_to,
    dropping_a_nested_id_still_referred_to,
    import_refuses_an_inconsistent_document,
);
