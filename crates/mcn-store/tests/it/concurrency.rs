//! Many writers at once: disjoint entities all succeed with dense, unique
//! revisions; one entity — exactly one writer wins each round, the others get
//! a conflict, nothing is lost.

use mcn_network::collection::Collection;
use mcn_store::{Change, ChangeSet, Expect, StoreError};
use serde_json::json;

use crate::support::{Fresh, at, both};

const WRITERS: u32 = 8;

async fn disjoint_writers_all_succeed(fresh: &Fresh) {
    let (document, network) = crate::support::minimal_in(fresh).await;
    let tasks: Vec<_> = (0..WRITERS)
        .map(|n| {
            let store = fresh.store.clone();
            tokio::spawn(async move {
                let changes = ChangeSet {
                    message: format!("writer {n}"),
                    changes: vec![Change::Upsert {
                        collection: Collection::Localities,
                        expect: Some(Expect::ABSENT),
                        entity: json!({"id": uuid::Uuid::now_v7(), "name": format!("Place {n}"), "kind": "place"}),
                    }],
                };
                store.apply(network, &changes, &format!("writer {n}"), at(n)).await
            })
        })
        .collect();
    let mut numbers = Vec::new();
    for task in tasks {
        numbers.push(task.await.unwrap().unwrap().number);
    }
    numbers.sort_unstable();
    assert_eq!(numbers, (2..=u64::from(WRITERS) + 1).collect::<Vec<_>>());
    let log = fresh.store.log(network).await.unwrap();
    assert_eq!(log.len(), WRITERS as usize + 1);
    let now = fresh.store.document_at(network, None).await.unwrap();
    assert_eq!(
        now.localities.len(),
        document.localities.len() + WRITERS as usize
    );
}

async fn one_entity_one_winner_per_round(fresh: &Fresh) {
    let (document, network) = crate::support::minimal_in(fresh).await;
    let person = document.people[0].id.as_uuid();
    for round in 0..3_u32 {
        let seen = fresh
            .store
            .entity(network, Collection::People, person)
            .await
            .unwrap()
            .unwrap()
            .revision;
        let tasks: Vec<_> = (0..WRITERS)
            .map(|n| {
                let store = fresh.store.clone();
                let mut entity = serde_json::to_value(&document.people[0]).unwrap();
                entity["name"] = json!(format!("Round {round} writer {n}"));
                tokio::spawn(async move {
                    let changes = ChangeSet {
                        message: "rename".to_owned(),
                        changes: vec![Change::Upsert {
                            collection: Collection::People,
                            expect: Some(Expect::Revision(seen)),
                            entity,
                        }],
                    };
                    (n, store.apply(network, &changes, "w", at(n)).await)
                })
            })
            .collect();
        let mut winners = Vec::new();
        for task in tasks {
            match task.await.unwrap() {
                (n, Ok(revision)) => winners.push((n, revision.number)),
                (_, Err(StoreError::Conflict(c))) => assert_eq!(c[0].current, Some(seen + 1)),
                (_, Err(other)) => panic!("{other}"),
            }
        }
        assert_eq!(winners.len(), 1, "round {round}: {winners:?}");
        let (n, number) = winners[0];
        assert_eq!(number, seen + 1);
        let now = fresh.store.document_at(network, None).await.unwrap();
        assert_eq!(
            now.people[0].name.as_str(),
            format!("Round {round} writer {n}")
        );
    }
    assert_eq!(fresh.store.head(network).await.unwrap(), 4);
}

both!(
    disjoint_writers_all_succeed,
    one_entity_one_winner_per_round
);
