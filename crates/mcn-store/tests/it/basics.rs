//! Import, export, history and conflicts on the example and a synthetic network.

use mcn_network::{NetworkDocument, collection::Collection};
use mcn_store::{Change, ChangeSet, Expect, Layout, StoreError};
use serde_json::json;

use crate::support::{Fresh, at, both};

fn synthetic() -> NetworkDocument {
    mcn_synthetic::generate(
        7,
        mcn_synthetic::Scale::Small,
        chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
    )
}

async fn export_is_serde_json_byte_for_byte(fresh: &Fresh) {
    let store = &fresh.store;
    for document in [
        mcn_testkit::example::northvale(),
        synthetic(),
        mcn_testkit::example::minimal(),
    ] {
        let network = document.network.id;
        store
            .import(&document, "importer", "import", at(0))
            .await
            .unwrap();
        let compact = store.export(network, None, Layout::Compact).await.unwrap();
        assert_eq!(compact, serde_json::to_string(&document).unwrap());
        let pretty = store
            .export(network, Some(1), Layout::Pretty)
            .await
            .unwrap();
        assert_eq!(pretty, document.to_json_pretty().unwrap());
        assert_eq!(store.document_at(network, None).await.unwrap(), document);
    }
    assert_eq!(store.networks().await.unwrap().len(), 3);
    assert!(matches!(
        store.only_network().await,
        Err(StoreError::WhichNetwork(_))
    ));
}

async fn importing_an_existing_network_is_refused(fresh: &Fresh) {
    let store = &fresh.store;
    let document = mcn_testkit::example::northvale();
    store.import(&document, "a", "first", at(0)).await.unwrap();
    let error = store
        .import(&document, "a", "again", at(1))
        .await
        .unwrap_err();
    assert!(
        matches!(error, StoreError::NetworkExists(id) if id == document.network.id),
        "{error}"
    );
    assert_eq!(store.head(document.network.id).await.unwrap(), 1);
}

/// A person's JSON as the example holds it, with a new name.
fn renamed(document: &NetworkDocument, i: usize, name: &str) -> serde_json::Value {
    let mut person = serde_json::to_value(&document.people[i]).unwrap();
    person["name"] = json!(name);
    person
}

async fn history_log_diff_and_earlier_revisions(fresh: &Fresh) {
    let store = &fresh.store;
    let (document, network) = crate::support::example_in(fresh).await;
    let person = document.people[0].id.as_uuid();
    let change = ChangeSet {
        message: "rename".to_owned(),
        changes: vec![Change::Upsert {
            collection: Collection::People,
            expect: Some(Expect::Revision(1)),
            entity: renamed(&document, 0, "Renamed Person"),
        }],
    };
    let r2 = store.apply(network, &change, "alice", at(1)).await.unwrap();
    assert_eq!((r2.number, r2.added, r2.changed, r2.removed), (2, 0, 1, 0));
    // The same expectation again is stale now.
    let error = store
        .apply(network, &change, "bob", at(2))
        .await
        .unwrap_err();
    let StoreError::Conflict(conflicts) = error else {
        panic!("{error}")
    };
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].current, Some(2));
    assert_eq!(conflicts[0].id, person);

    let log = store.log(network).await.unwrap();
    assert_eq!(log.iter().map(|r| r.number).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(log[1].author, "alice");
    assert_eq!(log[1].at, at(1));

    // Revision 1 is still the imported document.
    assert_eq!(
        store
            .export(network, Some(1), Layout::Compact)
            .await
            .unwrap(),
        serde_json::to_string(&document).unwrap()
    );
    let now = store.document_at(network, None).await.unwrap();
    assert_eq!(now.people[0].name.as_str(), "Renamed Person");
    assert_eq!(now.people.len(), document.people.len());

    let diff = store.diff(network, 1, 2).await.unwrap();
    assert!(!diff.profile);
    assert_eq!(diff.collections.len(), 1);
    assert_eq!(diff.collections[0].collection, Collection::People);
    assert_eq!(diff.collections[0].changed, [person]);

    let history = store
        .entity_history(network, Collection::People, person)
        .await
        .unwrap();
    assert_eq!(
        history
            .iter()
            .map(|v| v.revision.number)
            .collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(
        history[1].entity.as_ref().unwrap()["name"],
        "Renamed Person"
    );
    assert_eq!(
        store
            .entity(network, Collection::People, person)
            .await
            .unwrap()
            .unwrap()
            .revision,
        2
    );

    // Findings of a revision are the rules' own.
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
    let findings = store.findings(network, Some(1), as_of).await.unwrap();
    assert_eq!(*findings, mcn_network::validate(&document, as_of));
}

async fn create_and_delete(fresh: &Fresh) {
    let store = &fresh.store;
    let (document, network) = crate::support::minimal_in(fresh).await;
    let id = uuid::Uuid::now_v7();
    let locality = json!({"id": id, "name": "Eastdale", "kind": "place"});
    let create = ChangeSet {
        message: "add a place".to_owned(),
        changes: vec![Change::Upsert {
            collection: Collection::Localities,
            expect: Some(Expect::ABSENT),
            entity: locality,
        }],
    };
    let r = store.apply(network, &create, "a", at(1)).await.unwrap();
    assert_eq!((r.added, r.changed), (1, 0));
    // Creating it again conflicts: it exists at revision 2.
    let StoreError::Conflict(c) = store.apply(network, &create, "a", at(2)).await.unwrap_err()
    else {
        panic!()
    };
    assert_eq!(c[0].current, Some(2));
    let delete = ChangeSet {
        message: "remove it".to_owned(),
        changes: vec![Change::Delete {
            collection: Collection::Localities,
            id,
            expect: Some(Expect::Revision(2)),
        }],
    };
    let r = store.apply(network, &delete, "a", at(3)).await.unwrap();
    assert_eq!((r.number, r.removed), (3, 1));
    assert_eq!(store.document_at(network, None).await.unwrap(), document);
    let diff = store.diff(network, 1, 3).await.unwrap();
    assert!(diff.collections.is_empty(), "{diff:?}");
    let diff = store.diff(network, 3, 2).await.unwrap();
    assert_eq!(diff.collections[0].added, [id]);
    let history = store
        .entity_history(network, Collection::Localities, id)
        .await
        .unwrap();
    assert_eq!(history.len(), 2);
    assert!(history[1].entity.is_none());
}

async fn import_onto_an_existing_network(fresh: &Fresh) {
    let store = &fresh.store;
    let mut document = mcn_testkit::example::northvale();
    let network = document.network.id;
    store
        .import(&document, "importer", "import", at(0))
        .await
        .unwrap();
    let removed = document.registrations.pop().unwrap();
    document.people[1].name = mcn_core::Text::new("Someone Else").unwrap();
    let r = store
        .import_onto(&document, "importer", "re-import", at(1))
        .await
        .unwrap();
    assert_eq!((r.number, r.added, r.changed, r.removed), (2, 0, 1, 1));
    assert_eq!(
        store.export(network, None, Layout::Compact).await.unwrap(),
        serde_json::to_string(&document).unwrap()
    );
    let diff = store.diff(network, 1, 2).await.unwrap();
    let registrations = diff
        .collections
        .iter()
        .find(|d| d.collection == Collection::Registrations)
        .unwrap();
    assert_eq!(registrations.removed, [removed.id.as_uuid()]);
}

/// An import onto an existing network keeps the stored order: entities
/// the store has keep their places (a re-ordered document changes nothing
/// by its order alone), new ones come last in their collection.
async fn import_onto_keeps_the_stored_order(fresh: &Fresh) {
    let store = &fresh.store;
    let (document, network) = crate::support::example_in(fresh).await;
    let mut reordered = document.clone();
    reordered.people.swap(0, 1);
    reordered.people[0].name = mcn_core::Text::new("Someone Else").unwrap();
    let mut locality = reordered.localities[0].clone();
    locality.id = mcn_core::id::LocalityId::from_uuid(uuid::Uuid::from_u128(0x77));
    reordered.localities.insert(0, locality.clone());
    let r = store
        .import_onto(&reordered, "importer", "re-import", at(1))
        .await
        .unwrap();
    assert_eq!((r.added, r.changed, r.removed), (1, 1, 0));
    let mut expected = document.clone();
    expected.people[1].name = mcn_core::Text::new("Someone Else").unwrap();
    expected.localities.push(locality);
    assert_eq!(
        store.export(network, None, Layout::Compact).await.unwrap(),
        serde_json::to_string(&expected).unwrap()
    );
}

/// Bodies with escapes (quotes, backslashes, non-ASCII) export byte for
/// byte on both backends (PostgreSQL reads them through `COPY`'s text
/// format, where backslashes are escaped).
async fn escapes_export_byte_for_byte(fresh: &Fresh) {
    let store = &fresh.store;
    let (mut document, network) = crate::support::example_in(fresh).await;
    let name = r#"Dr "Q" Back\slash \\ Zoë \u0001"#;
    document.people[2].name = mcn_core::Text::new(name).unwrap();
    store
        .import_onto(&document, "importer", "escapes", at(1))
        .await
        .unwrap();
    for layout in [Layout::Compact, Layout::Pretty] {
        let expected = if layout == Layout::Compact {
            serde_json::to_string(&document).unwrap()
        } else {
            serde_json::to_string_pretty(&document).unwrap()
        };
        assert_eq!(store.export(network, None, layout).await.unwrap(), expected);
    }
    assert_eq!(store.document_at(network, Some(2)).await.unwrap(), document);
}

async fn unknown_networks_and_revisions(fresh: &Fresh) {
    let store = &fresh.store;
    let document = mcn_testkit::example::minimal();
    let network = document.network.id;
    assert!(matches!(
        store.head(network).await,
        Err(StoreError::NetworkNotFound(_))
    ));
    store.import(&document, "a", "import", at(0)).await.unwrap();
    assert_eq!(store.only_network().await.unwrap(), network);
    assert!(matches!(
        store.export(network, Some(2), Layout::Compact).await,
        Err(StoreError::RevisionNotFound {
            revision: 2,
            head: 1,
            ..
        })
    ));
    assert!(matches!(
        store.export(network, Some(0), Layout::Compact).await,
        Err(StoreError::RevisionNotFound { .. })
    ));
}

/// Walking a collection page by page (`after` the last id of each page)
/// gives every entity once, in document order, for any page size; with a
/// filter that refuses most rows (so pages need several batches), exactly
/// the kept ones.
async fn pages_walk_a_collection(fresh: &Fresh) {
    let store = &fresh.store;
    let document = synthetic();
    let network = document.network.id;
    store.import(&document, "a", "import", at(0)).await.unwrap();
    let all: Vec<_> = document
        .registrations
        .iter()
        .map(|r| r.id.as_uuid())
        .collect();
    assert!(all.len() > 1_000, "enough rows for several batches");
    let index: std::collections::HashMap<_, _> =
        all.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    for (limit, every) in [(1, 1), (100, 1), (all.len(), 1), (3, 7), (50, 997)] {
        let expected: Vec<_> = all.iter().copied().step_by(every).collect();
        let mut seen = Vec::new();
        let mut after = None;
        loop {
            let mut keep = |body: &str| {
                let id: serde_json::Value = serde_json::from_str(body).unwrap();
                let id: uuid::Uuid = id["id"].as_str().unwrap().parse().unwrap();
                index[&id] % every == 0
            };
            let page = store
                .page(network, Collection::Registrations, after, limit, &mut keep)
                .await
                .unwrap();
            assert!(page.items.len() <= limit);
            seen.extend(page.items.iter().map(|(id, _)| *id));
            if !page.more {
                break;
            }
            after = seen.last().copied();
        }
        assert_eq!(seen, expected, "limit {limit}, every {every}");
    }
}

/// An import refused after its entities were written (the document's
/// integrity is checked while they are written, and refused once all are
/// sent) leaves nothing: its writer rolls back, and the document without
/// the fault then imports.
async fn a_refused_import_leaves_nothing(fresh: &Fresh) {
    let mut document = mcn_testkit::example::minimal();
    // Many parts of a thousand entities each.
    for i in 0..20_000 {
        document.localities.push(
            serde_json::from_value(
                json!({"id": uuid::Uuid::now_v7(), "name": format!("Place {i}"), "kind": "place"}),
            )
            .unwrap(),
        );
    }
    let network = document.network.id;
    let mut faulty = document.clone();
    let last = faulty.localities.len() - 1;
    let mut dangling = serde_json::to_value(&faulty.localities[last]).unwrap();
    dangling["parent"] = json!(uuid::Uuid::now_v7());
    faulty.localities[last] = serde_json::from_value(dangling).unwrap();
    let refused = fresh.store.import(&faulty, "i", "import", at(0)).await;
    assert!(
        matches!(refused, Err(StoreError::Integrity(_))),
        "{refused:?}"
    );
    assert!(matches!(
        fresh.store.head(network).await,
        Err(StoreError::NetworkNotFound(_))
    ));
    let revision = fresh
        .store
        .import(&document, "i", "again", at(1))
        .await
        .unwrap();
    assert_eq!(revision.number, 1);
    let log = fresh.store.log(network).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].message, "again");
    assert_eq!(
        fresh
            .store
            .export(network, None, Layout::Compact)
            .await
            .unwrap(),
        serde_json::to_string(&document).unwrap()
    );
}

both!(
    a_refused_import_leaves_nothing,
    export_is_serde_json_byte_for_byte,
    importing_an_existing_network_is_refused,
    history_log_diff_and_earlier_revisions,
    create_and_delete,
    import_onto_an_existing_network,
    import_onto_keeps_the_stored_order,
    escapes_export_byte_for_byte,
    unknown_networks_and_revisions,
    pages_walk_a_collection,
);

/// `sqlite::memory:` is a private database that lives as long as the store.
#[tokio::test]
async fn an_in_memory_store() {
    let store = mcn_store::Store::open("sqlite::memory:").await.unwrap();
    let document = mcn_testkit::example::minimal();
    store.import(&document, "a", "import", at(0)).await.unwrap();
    let exported = store
        .export(document.network.id, None, Layout::Compact)
        .await
        .unwrap();
    assert_eq!(exported, serde_json::to_string(&document).unwrap());
    assert!(matches!(
        mcn_store::Store::open("mysql://localhost/x").await,
        Err(StoreError::UnsupportedUrl(_))
    ));
}
