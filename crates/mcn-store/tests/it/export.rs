//! The head exported in chunks (`mcn_store`'s `export` module): a
//! collection longer than a chunk, gaps left by deletions at and around
//! chunk boundaries, a collection ending exactly at a boundary, empty
//! collections between full ones, both layouts, and the row-by-row export
//! of an earlier revision agreeing with it.

use mcn_core::{Text, id::LocalityId};
use mcn_network::{NetworkDocument, collection::Collection};
use mcn_store::{Change, ChangeSet, Expect, Layout};
use uuid::Uuid;

use crate::support::{Fresh, at, both};

/// Bodies per chunk of a head export (the store's `CHUNK_ROWS`).
const CHUNK: usize = 4096;

/// `network` exports as `document` at `revision` (the head when `None`) in
/// both layouts.
async fn assert_exports(fresh: &Fresh, document: &NetworkDocument, revision: Option<u64>) {
    let network = document.network.id;
    for layout in [Layout::Compact, Layout::Pretty] {
        let expected = if layout == Layout::Compact {
            serde_json::to_string(document).unwrap()
        } else {
            serde_json::to_string_pretty(document).unwrap()
        };
        let exported = fresh.store.export(network, revision, layout).await.unwrap();
        assert!(
            exported == expected,
            "{layout:?} export at {revision:?} differs"
        );
    }
}

/// A change set deleting the localities at `positions` of `document`
/// (expected at `revision`), and `document` without them.
fn delete(
    document: &NetworkDocument,
    positions: &[usize],
    revision: u64,
) -> (ChangeSet, NetworkDocument) {
    let changes = positions
        .iter()
        .map(|&p| Change::Delete {
            collection: Collection::Localities,
            id: document.localities[p].id.as_uuid(),
            expect: Some(Expect::Revision(revision)),
        })
        .collect();
    let mut rest = document.clone();
    let mut position = 0;
    rest.localities.retain(|_| {
        position += 1;
        !positions.contains(&(position - 1))
    });
    (
        ChangeSet {
            message: "remove places".to_owned(),
            changes,
        },
        rest,
    )
}

async fn a_long_collection_with_gaps(fresh: &Fresh) {
    let store = &fresh.store;
    let mut document = mcn_testkit::example::minimal();
    // The minimal example leaves collections empty between full ones
    // (services, systems, ...): they must stay absent.
    assert!(document.services.is_empty() && !document.people.is_empty());
    let first = document.localities.len();
    let template = document.localities[0].clone();
    for i in 0..2 * CHUNK + 108 {
        let mut place = template.clone();
        place.id = LocalityId::from_uuid(Uuid::from_u128(0x1000 + i as u128));
        place.name = Text::new(&format!("Place \"{i}\"")).unwrap();
        document.localities.push(place);
    }
    let network = document.network.id;
    store
        .import(&document, "importer", "import", at(0))
        .await
        .unwrap();
    assert_exports(fresh, &document, None).await;

    // Gaps at, before and after both chunk boundaries and at the end, and
    // the collection left exactly two chunks long.
    let last = document.localities.len() - 1;
    let mut positions = vec![CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK - 1, 2 * CHUNK];
    let mut p = last;
    while positions.len() < document.localities.len() - 2 * CHUNK {
        positions.push(p);
        p -= 1;
    }
    let (changes, exact) = delete(&document, &positions, 1);
    store.apply(network, &changes, "a", at(1)).await.unwrap();
    assert_eq!(exact.localities.len(), 2 * CHUNK);
    assert_exports(fresh, &exact, None).await;
    // The same revision read as an earlier one once it is no longer the
    // head, and the first revision.
    let (changes, shorter) = delete(&exact, &[first, 2 * CHUNK - 1], 1);
    store.apply(network, &changes, "a", at(2)).await.unwrap();
    assert_exports(fresh, &shorter, None).await;
    assert_exports(fresh, &exact, Some(2)).await;
    assert_exports(fresh, &document, Some(1)).await;

    // A new place comes last, after the gaps.
    let mut place = template.clone();
    place.id = LocalityId::from_uuid(Uuid::from_u128(0x99_0000));
    let create = ChangeSet {
        message: "add a place".to_owned(),
        changes: vec![Change::Upsert {
            collection: Collection::Localities,
            expect: Some(Expect::ABSENT),
            entity: serde_json::to_value(&place).unwrap(),
        }],
    };
    store.apply(network, &create, "a", at(3)).await.unwrap();
    let mut longer = shorter.clone();
    longer.localities.push(place);
    assert_exports(fresh, &longer, None).await;

    // Two places renamed (one past the first chunk) and a deleted id
    // created again (it comes last); then every revision, read from the
    // versions kept and the current rows unchanged since.
    let mut edited = longer.clone();
    let mut changes = Vec::new();
    for p in [first + 10, CHUNK + 5] {
        edited.localities[p].name = Text::new(&format!("Renamed {p}")).unwrap();
        changes.push(Change::Upsert {
            collection: Collection::Localities,
            expect: Some(Expect::Revision(1)),
            entity: serde_json::to_value(&edited.localities[p]).unwrap(),
        });
    }
    let again = document.localities[CHUNK].clone();
    changes.push(Change::Upsert {
        collection: Collection::Localities,
        expect: Some(Expect::ABSENT),
        entity: serde_json::to_value(&again).unwrap(),
    });
    edited.localities.push(again);
    let changes = ChangeSet {
        message: "rename two, restore one".to_owned(),
        changes,
    };
    store.apply(network, &changes, "a", at(4)).await.unwrap();
    for (revision, expected) in [&document, &exact, &shorter, &longer, &edited]
        .into_iter()
        .enumerate()
    {
        assert_exports(fresh, expected, Some(revision as u64 + 1)).await;
    }
    assert_exports(fresh, &edited, None).await;
}

both!(a_long_collection_with_gaps);
