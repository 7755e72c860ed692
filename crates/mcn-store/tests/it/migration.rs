//! A store created by schema version 2 (the tables of migrations 0001 and
//! 0002, with data in their form: ids as text, every version of every
//! entity in `entity_versions`, every declared id in `ids`) and opened by
//! this code: migration 3 converts it, every revision exports byte for byte
//! as before, history and the integrity indexes come along, and it takes
//! new change sets.
#![allow(
    clippy::cast_possible_wrap,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "counts and positions of a small example network"
)]

use std::collections::{BTreeMap, HashMap};

use mcn_network::{NetworkDocument, collection::Collection, references::EntityKind};
use mcn_store::{Change, ChangeSet, Expect, Layout, Store, StoreError};
use serde_json::json;
use sqlx::{
    SqlSafeStr as _,
    any::AnyPoolOptions,
    migrate::{Migration, MigrationType, Migrator},
};
use uuid::Uuid;

use crate::support::at;

/// The schema as migrations 1 and 2 left it, empty.
async fn version_2(url: &str) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    let sqlite = url.starts_with("sqlite:");
    let pool = AnyPoolOptions::new()
        .max_connections(1)
        .connect(&if sqlite {
            format!("{url}?mode=rwc")
        } else {
            url.to_owned()
        })
        .await
        .unwrap();
    let (one, two) = if sqlite {
        (
            include_str!("../../migrations/sqlite/0001_store.sql"),
            include_str!("../../migrations/sqlite/0002_tokens.sql"),
        )
    } else {
        (
            include_str!("../../migrations/postgres/0001_store.sql"),
            include_str!("../../migrations/postgres/0002_tokens.sql"),
        )
    };
    let migration = |version, name: &'static str, sql: &'static str| {
        Migration::new(
            version,
            name.into(),
            MigrationType::Simple,
            sql.into_sql_str(),
            false,
        )
    };
    Migrator::with_migrations(vec![
        migration(1, "store", one),
        migration(2, "tokens", two),
    ])
    .run(&pool)
    .await
    .unwrap();
    pool
}

fn kind_number(kind: EntityKind) -> i64 {
    EntityKind::ALL.iter().position(|k| *k == kind).unwrap() as i64
}

/// One row of the version 2 schema: a table and its values.
enum Value {
    Int(i64),
    Text(String),
    Null,
}

async fn insert(tx: &mut sqlx::AnyConnection, table: &str, values: Vec<Value>) {
    let marks: Vec<String> = (1..=values.len()).map(|n| format!("${n}")).collect();
    let sql = format!("INSERT INTO {table} VALUES ({})", marks.join(", "));
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for value in values {
        query = match value {
            Value::Int(i) => query.bind(i),
            Value::Text(t) => query.bind(t),
            Value::Null => query.bind(None::<String>),
        };
    }
    query.execute(tx).await.unwrap();
}

/// Writes `documents` as revisions 1, 2, … of one network in the version 2
/// form (what that code wrote). Returns the (added, changed, removed) counts.
async fn write_history(pool: &sqlx::AnyPool, documents: &[NetworkDocument]) -> Vec<[u64; 3]> {
    use Value::{Int, Null, Text};
    let mut tx = pool.begin().await.unwrap();
    let pool = &mut *tx;
    let last = documents.last().unwrap();
    let net = last.network.id.to_string();
    insert(
        &mut *pool,
        "networks",
        vec![
            Text(net.clone()),
            Int(documents.len() as i64),
            Text(serde_json::to_string(&last.schema_version).unwrap()),
            Text(serde_json::to_string(&last.network).unwrap()),
        ],
    )
    .await;
    // (collection, id) -> (revision, position, body)
    let mut state: BTreeMap<(i64, Uuid), (i64, i64, String)> = BTreeMap::new();
    let mut positions: HashMap<(i64, Uuid), i64> = HashMap::new();
    let mut counts = Vec::new();
    let mut profile = String::new();
    for (r, document) in documents.iter().enumerate() {
        let r = r as i64 + 1;
        let mut seen = Vec::new();
        let mut versions = Vec::new();
        let [mut added, mut changed, mut removed] = [0_u64; 3];
        for &collection in Collection::ALL {
            let c = collection.position() as i64;
            collection.for_each(document, &mut |i, entity| {
                let key = (c, entity.uuid());
                let body = entity.to_json().unwrap();
                // Positions grow as entities arrive, as that code gave them.
                let position = *positions.entry(key).or_insert(r * 1_000_000 + i as i64);
                seen.push(key);
                match state.get(&key) {
                    Some((_, _, old)) if *old == body => return,
                    Some(_) => changed += 1,
                    None => added += 1,
                }
                versions.push((key, position, Some(body.clone())));
                state.insert(key, (r, position, body));
            });
        }
        let gone: Vec<_> = state
            .keys()
            .filter(|k| !seen.contains(k))
            .copied()
            .collect();
        for key in gone {
            let (_, position, _) = state.remove(&key).unwrap();
            removed += 1;
            versions.push((key, position, None));
        }
        for ((c, id), position, body) in versions {
            insert(
                &mut *pool,
                "entity_versions",
                vec![
                    Text(net.clone()),
                    Int(c),
                    Text(id.to_string()),
                    Int(r),
                    Int(position),
                    body.map_or(Null, Text),
                ],
            )
            .await;
        }
        let this = serde_json::to_string(&document.network).unwrap();
        if this != profile {
            insert(
                &mut *pool,
                "profile_versions",
                vec![
                    Text(net.clone()),
                    Int(r),
                    Text(serde_json::to_string(&document.schema_version).unwrap()),
                    Text(this.clone()),
                ],
            )
            .await;
            profile = this;
        }
        insert(
            &mut *pool,
            "revisions",
            vec![
                Text(net.clone()),
                Int(r),
                Text("migrator".to_owned()),
                Text(format!("revision {r}")),
                Text(at(r as u32).to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)),
                Int(added as i64),
                Int(changed as i64),
                Int(removed as i64),
            ],
        )
        .await;
        counts.push([added, changed, removed]);
    }
    for ((c, id), (revision, position, body)) in &state {
        insert(
            &mut *pool,
            "entities",
            vec![
                Text(net.clone()),
                Int(*c),
                Text(id.to_string()),
                Int(*position),
                Int(*revision),
                Text(body.clone()),
            ],
        )
        .await;
    }
    // The indexes of the last revision: every declared id, every reference.
    let mut ids = Vec::new();
    let mut refs = Vec::new();
    for &collection in Collection::ALL {
        let c = collection.position() as i64;
        collection.for_each(last, &mut |_, entity| {
            let owner = entity.uuid().to_string();
            entity.declared_ids(&mut |d| {
                ids.push((d.id.to_string(), kind_number(d.kind), c, owner.clone()));
            });
            let mut targets = Vec::new();
            entity.references(&mut |r| targets.push(r.id));
            targets.sort_unstable();
            targets.dedup();
            for target in targets {
                refs.push((target.to_string(), c, owner.clone()));
            }
        });
    }
    for (id, kind, c, owner) in ids {
        insert(
            &mut *pool,
            "ids",
            vec![Text(net.clone()), Text(id), Int(kind), Int(c), Text(owner)],
        )
        .await;
    }
    for (target, c, source) in refs {
        insert(
            &mut *pool,
            "refs",
            vec![Text(net.clone()), Text(target), Int(c), Text(source)],
        )
        .await;
    }
    tx.commit().await.unwrap();
    counts
}

/// Three revisions of the example network: a person renamed and a
/// registration removed; then a locality added and the profile renamed.
fn documents() -> Vec<NetworkDocument> {
    let first = mcn_testkit::example::northvale();
    let mut second = first.clone();
    second.people[1].name = mcn_core::Text::new("Someone Else").unwrap();
    second.registrations.pop();
    let mut third = second.clone();
    let mut locality = third.localities[0].clone();
    locality.id = mcn_core::id::LocalityId::from_uuid(Uuid::from_u128(
        0x4e56_4e56_0001_8000_8000_0000_0000_0777,
    ));
    third.localities.push(locality);
    third.network.name = mcn_core::Text::new("Northvale renamed").unwrap();
    vec![first, second, third]
}

/// Applies one change to the network of the example, by `migrator` at `at(n)`.
async fn one_change(
    store: &Store,
    message: &str,
    change: Change,
    n: u32,
) -> Result<mcn_store::Revision, StoreError> {
    let network = mcn_testkit::example::northvale().network.id;
    let changes = ChangeSet {
        message: message.to_owned(),
        changes: vec![change],
    };
    store.apply(network, &changes, "migrator", at(n)).await
}

async fn migrates(url: &str) -> Store {
    let documents = documents();
    let network = documents[0].network.id;
    let pool = version_2(url).await;
    let counts = write_history(&pool, &documents).await;
    pool.close().await;

    let store = Store::open(url).await.unwrap();
    for (r, document) in documents.iter().enumerate() {
        let r = r as u64 + 1;
        assert_eq!(
            store
                .export(network, Some(r), Layout::Compact)
                .await
                .unwrap(),
            serde_json::to_string(document).unwrap(),
            "revision {r}"
        );
    }
    assert_eq!(
        store.export(network, None, Layout::Pretty).await.unwrap(),
        serde_json::to_string_pretty(&documents[2]).unwrap()
    );
    let log = store.log(network).await.unwrap();
    let logged: Vec<[u64; 3]> = log
        .iter()
        .map(|r| [r.added, r.changed, r.removed])
        .collect();
    assert_eq!(logged, counts);
    assert_eq!(log[1].message, "revision 2");
    let person = documents[0].people[1].id.as_uuid();
    let history = store
        .entity_history(network, Collection::People, person)
        .await
        .unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(
        history[0].entity.as_ref().unwrap()["name"],
        json!(documents[0].people[1].name.as_str())
    );
    let diff = store.diff(network, 1, 3).await.unwrap();
    assert!(diff.profile);
    let changed: Vec<_> = diff
        .collections
        .iter()
        .map(|d| {
            (
                d.collection,
                d.added.len(),
                d.changed.len(),
                d.removed.len(),
            )
        })
        .collect();
    assert_eq!(
        changed,
        [
            (Collection::Localities, 1, 0, 0),
            (Collection::People, 0, 1, 0),
            (Collection::Registrations, 0, 0, 1)
        ]
    );

    // The indexes came along: references and nested ids are checked.
    let organisation = documents[0].organisations[0].id.as_uuid();
    let refused = one_change(
        &store,
        "remove a referred organisation",
        Change::Delete {
            collection: Collection::Organisations,
            id: organisation,
            expect: Some(Expect::Revision(1)),
        },
        10,
    )
    .await;
    assert!(
        matches!(refused, Err(StoreError::Integrity(_))),
        "{refused:?}"
    );
    // A nested id (a decision's) and an entity's own (found through its
    // key, which came along) are both taken.
    let decision = documents[0].meetings[0].decisions[0].id.as_uuid();
    for (taken, whose) in [
        (decision, "a decision's"),
        (organisation, "an organisation's"),
    ] {
        let mut clash = serde_json::to_value(&documents[0].localities[1]).unwrap();
        clash["id"] = json!(taken);
        let refused = one_change(
            &store,
            &format!("a locality with {whose} id"),
            Change::Upsert {
                collection: Collection::Localities,
                expect: Some(Expect::ABSENT),
                entity: clash,
            },
            10,
        )
        .await;
        assert!(
            matches!(refused, Err(StoreError::Integrity(_))),
            "{whose}: {refused:?}"
        );
    }
    let stored = store
        .entity(network, Collection::People, person)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.revision, 2);

    // And it takes a change set.
    let mut renamed = serde_json::to_value(&documents[2].people[1]).unwrap();
    renamed["name"] = json!("Third Name");
    let revision = one_change(
        &store,
        "rename",
        Change::Upsert {
            collection: Collection::People,
            expect: Some(Expect::Revision(2)),
            entity: renamed,
        },
        11,
    )
    .await
    .unwrap();
    assert_eq!(revision.number, 4);
    let mut fourth = documents[2].clone();
    fourth.people[1].name = mcn_core::Text::new("Third Name").unwrap();
    assert_eq!(
        store.export(network, None, Layout::Compact).await.unwrap(),
        serde_json::to_string(&fourth).unwrap()
    );
    assert_eq!(
        store
            .export(network, Some(3), Layout::Compact)
            .await
            .unwrap(),
        serde_json::to_string(&documents[2]).unwrap()
    );
    store
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_version_2_store_migrates_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("old.db").display());
    migrates(&url).await.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_version_2_store_migrates_postgres() {
    let Some(admin) = crate::support::postgres_admin_url() else {
        return;
    };
    let name = format!("mcn_test_{}_migration", std::process::id());
    let url = mcn_store::postgres::create_database(&admin, &name)
        .await
        .unwrap();
    let store = migrates(&url).await;
    mcn_store::postgres::close_and_drop_blocking(store, admin, name);
}
