//! Property: a random sequence of change sets applied to a store, exported at
//! every revision, equals the same edits applied to an in-memory document;
//! a change set the store refuses (a dangling reference, a stale version)
//! leaves every revision unchanged.

use std::collections::HashMap;

use mcn_network::{NetworkDocument, collection::Collection};
use mcn_store::{Change, ChangeSet, Expect, Layout, Store, StoreError};
use proptest::prelude::*;
use serde_json::json;
use uuid::Uuid;

use crate::support::at;

/// One edit, its target chosen among the places that exist when it runs.
#[derive(Debug, Clone)]
enum Edit {
    Add(String),
    Rename(usize, String),
    Delete(usize),
    /// A new place under a parent that does not exist: refused.
    Dangling,
    /// A rename expecting a version that is not current: refused.
    Stale(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => "[A-Z][a-z]{1,8}".prop_map(Edit::Add),
        2 => (any::<usize>(), "[A-Z][a-z]{1,8}").prop_map(|(i, n)| Edit::Rename(i, n)),
        1 => any::<usize>().prop_map(Edit::Delete),
        1 => Just(Edit::Dangling),
        1 => any::<usize>().prop_map(Edit::Stale),
    ]
}

/// Places the test added (the example's own are referred to; these are not).
struct Model {
    document: NetworkDocument,
    added: Vec<Uuid>,
    versions: HashMap<Uuid, u64>,
    snapshots: Vec<String>,
}

async fn run(store: &Store, batches: Vec<Vec<Edit>>) {
    let document = mcn_testkit::example::minimal();
    let network = document.network.id;
    store.import(&document, "a", "import", at(0)).await.unwrap();
    let mut model = Model {
        snapshots: vec![serde_json::to_string(&document).unwrap()],
        document,
        added: Vec::new(),
        versions: HashMap::new(),
    };
    for (b, batch) in batches.into_iter().enumerate() {
        let next = model.snapshots.len() as u64 + 1;
        let mut next_doc = model.document.clone();
        let mut next_added = model.added.clone();
        let mut changes = Vec::new();
        let mut touched = std::collections::HashSet::new();
        let mut refused = false;
        for edit in &batch {
            let pick =
                |i: usize, added: &[Uuid]| (!added.is_empty()).then(|| added[i % added.len()]);
            match edit.clone() {
                Edit::Add(name) => {
                    let id = Uuid::now_v7();
                    let entity = json!({"id": id, "name": name, "kind": "place"});
                    changes.push(Change::Upsert {
                        collection: Collection::Localities,
                        expect: Some(Expect::ABSENT),
                        entity: entity.clone(),
                    });
                    next_doc
                        .localities
                        .push(serde_json::from_value(entity).unwrap());
                    next_added.push(id);
                    touched.insert(id);
                }
                Edit::Rename(i, _) | Edit::Stale(i)
                    if pick(i, &next_added).is_some_and(|id| !touched.contains(&id)) =>
                {
                    let id = pick(i, &next_added).unwrap();
                    touched.insert(id);
                    let stale = matches!(edit, Edit::Stale(_));
                    let name = if stale {
                        "Stale".to_owned()
                    } else {
                        name_of(edit)
                    };
                    let entity = json!({"id": id, "name": name, "kind": "place"});
                    let version = model.versions[&id];
                    changes.push(Change::Upsert {
                        collection: Collection::Localities,
                        expect: Some(Expect::Revision(if stale {
                            version + 100
                        } else {
                            version
                        })),
                        entity: entity.clone(),
                    });
                    refused |= stale;
                    let at = next_doc
                        .localities
                        .iter()
                        .position(|l| l.id.as_uuid() == id)
                        .unwrap();
                    next_doc.localities[at] = serde_json::from_value(entity).unwrap();
                }
                Edit::Delete(i)
                    if pick(i, &next_added).is_some_and(|id| !touched.contains(&id)) =>
                {
                    let id = pick(i, &next_added).unwrap();
                    touched.insert(id);
                    changes.push(Change::Delete {
                        collection: Collection::Localities,
                        id,
                        expect: Some(Expect::Revision(model.versions[&id])),
                    });
                    next_doc.localities.retain(|l| l.id.as_uuid() != id);
                    next_added.retain(|a| *a != id);
                }
                Edit::Dangling => {
                    let entity = json!({"id": Uuid::now_v7(), "name": "Orphan", "kind": "place", "parent": Uuid::now_v7()});
                    changes.push(Change::Upsert {
                        collection: Collection::Localities,
                        expect: Some(Expect::ABSENT),
                        entity,
                    });
                    refused = true;
                }
                _ => {}
            }
        }
        let set = ChangeSet {
            message: format!("batch {b}"),
            changes,
        };
        let result = store.apply(network, &set, "p", at(1)).await;
        if refused {
            assert!(
                matches!(
                    result,
                    Err(StoreError::Conflict(_) | StoreError::Integrity(_))
                ),
                "{result:?}"
            );
        } else {
            let revision = result.unwrap();
            assert_eq!(revision.number, next);
            for id in &touched {
                if next_added.contains(id) {
                    model.versions.insert(*id, next);
                }
            }
            model.document = next_doc;
            model.added = next_added;
            model
                .snapshots
                .push(serde_json::to_string(&model.document).unwrap());
        }
    }
    // Every revision exports as the model had it.
    assert_eq!(
        store.head(network).await.unwrap(),
        model.snapshots.len() as u64
    );
    for (r, snapshot) in model.snapshots.iter().enumerate() {
        let exported = store
            .export(network, Some(r as u64 + 1), Layout::Compact)
            .await
            .unwrap();
        assert_eq!(&exported, snapshot, "revision {}", r + 1);
    }
}

fn name_of(edit: &Edit) -> String {
    match edit {
        Edit::Add(name) | Edit::Rename(_, name) => name.clone(),
        _ => String::new(),
    }
}

fn batches() -> impl Strategy<Value = Vec<Vec<Edit>>> {
    prop::collection::vec(prop::collection::vec(edit(), 1..4), 1..8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn sqlite_matches_the_model(batches in batches()) {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        runtime.block_on(async {
            let fresh = crate::support::sqlite().await;
            run(&fresh.store, batches).await;
        });
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    #[test]
    fn postgres_matches_the_model(batches in batches()) {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        runtime.block_on(async {
            if let Some(fresh) = crate::support::postgres().await {
                run(&fresh.store, batches).await;
            }
        });
    }
}
