//! `mcn store`: the example network through init, import, apply, log, diff and
//! export; two processes writing at once; a process killed mid-import. On
//! SQLite always, and on PostgreSQL when `MCN_TEST_POSTGRES_URL` is set (a
//! must under `CI=true`).

use std::{
    path::Path,
    process::Stdio,
    sync::atomic::{AtomicU32, Ordering},
};

use crate::support::{TempDir, command, finish, run_in};

fn example() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/example-network.json")
}

fn change_set() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/store/change-set.json")
}

/// A fresh PostgreSQL database (dropped with the guard), or `None` with a
/// note when no server is configured outside CI.
struct Postgres {
    admin: String,
    name: String,
    url: String,
}

impl Postgres {
    fn new() -> Option<Self> {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let Ok(admin) = std::env::var("MCN_TEST_POSTGRES_URL") else {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "MCN_TEST_POSTGRES_URL is not set, and CI=true: .ci/run starts a PostgreSQL cluster for these tests"
            );
            eprintln!("note: MCN_TEST_POSTGRES_URL is not set: skipping the PostgreSQL run");
            return None;
        };
        let name = format!(
            "mcn_cli_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let url = block_on(mcn_store::postgres::create_database(&admin, &name)).unwrap();
        Some(Self { admin, name, url })
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = block_on(mcn_store::postgres::drop_database(&self.admin, &self.name));
    }
}

fn block_on<T>(future: impl Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(future)
}

/// Runs `body` with the URL of a fresh SQLite store and, when available, a
/// fresh PostgreSQL one.
pub(crate) fn on_both(name: &str, body: impl Fn(&TempDir, &str)) {
    let dir = TempDir::new(name);
    let sqlite = format!("sqlite://{}", dir.path().join("store.db").display());
    body(&dir, &sqlite);
    if let Some(postgres) = Postgres::new() {
        let dir = TempDir::new(name);
        body(&dir, &postgres.url);
    }
}

fn store(dir: &TempDir, db: &str, args: &[&str]) -> crate::support::Run {
    let mut all = vec!["store", "--db", db];
    all.extend_from_slice(args);
    run_in(dir.path(), &all)
}

#[test]
fn the_example_network_through_every_command() {
    on_both("store-example", |dir, db| {
        let example = example();
        let example = example.to_str().unwrap();
        let changes = change_set();
        let changes = changes.to_str().unwrap();
        store(dir, db, &["init"]).assert_code(0);
        let run = store(dir, db, &["import", example]);
        run.assert_code(0);
        assert!(
            run.stderr.contains("revision 1 (+573 ~0 -0)"),
            "{}",
            run.stderr
        );
        // The export is the file, byte for byte.
        let exported = store(dir, db, &["export"]);
        assert_eq!(
            exported.assert_code(0).stdout,
            std::fs::read(example).unwrap()
        );
        // Importing it again is refused (exit 1), naming the network.
        let again = store(dir, db, &["import", example]);
        assert!(
            again
                .assert_code(1)
                .stderr
                .contains("already holds network 4e564e56-0000-8000-8000-000000000001")
        );
        store(dir, db, &["apply", changes, "--author", "amara@nvch"]).assert_code(0);
        // The same change set again: every change conflicts, nothing written.
        let conflict = store(dir, db, &["apply", changes, "--author", "amara@nvch"]);
        let stderr = &conflict.assert_code(1).stderr;
        assert!(stderr.contains("/changes/0: people 4e564e56-0006-8000-8000-000000000001: expected revision 1, current revision 2"), "{stderr}");
        assert!(stderr.contains("/changes/2: communications 4e564e56-0012-8000-8000-00000000000c: expected revision 1, current absent"), "{stderr}");
        let log = store(dir, db, &["log"]).assert_code(0).out();
        let lines: Vec<&str> = log.lines().collect();
        assert_eq!(lines.len(), 2, "{log}");
        assert!(
            lines[1].starts_with("2\t") && lines[1].contains("\tamara@nvch\t+1 ~1 -1\t"),
            "{log}"
        );
        let diff = store(dir, db, &["diff", "1", "2"]).assert_code(0).out();
        assert_eq!(
            diff,
            "+ localities 4e564e56-0001-8000-8000-000000000099\n~ people 4e564e56-0006-8000-8000-000000000001\n- communications 4e564e56-0012-8000-8000-00000000000c\n"
        );
        // Revision 1 is still the file; -o writes a file.
        store(dir, db, &["export", "--revision", "1", "-o", "r1.json"]).assert_code(0);
        assert_eq!(
            std::fs::read(dir.path().join("r1.json")).unwrap(),
            std::fs::read(example).unwrap()
        );
        // A change set with a dangling reference is refused with its path.
        let bad = dir.write("bad.json", r#"{"message": "m", "changes": [{"op": "upsert", "collection": "localities", "expect": "absent",
            "entity": {"id": "4e564e56-0001-8000-8000-0000000000aa", "name": "Nowhere", "kind": "place", "parent": "4e564e56-0001-8000-8000-0000000000ab"}}]}"#);
        let refused = store(dir, db, &["apply", bad, "--author", "x"]);
        assert!(refused.assert_code(1).stderr.contains("/changes/0/entity/parent: locality 4e564e56-0001-8000-8000-0000000000aa refers to locality 4e564e56-0001-8000-8000-0000000000ab, which is not in the network [network.reference.dangling]"), "{}", refused.stderr);
        // Unreadable input exits 2 and names the place.
        let broken = dir.write(
            "broken.json",
            r#"{"message": "m", "changes": [{"op": "upsert", "collection": "peeple"}]}"#,
        );
        let run = store(dir, db, &["apply", broken, "--author", "x"]);
        assert!(
            run.assert_code(2)
                .stderr
                .contains("/changes/0/collection: not a change set: unknown variant `peeple`"),
            "{}",
            run.stderr
        );
        assert_eq!(store(dir, db, &["log"]).out().lines().count(), 2);
    });
}

#[test]
fn an_unreachable_store_or_a_missing_network_exits_2() {
    let dir = TempDir::new("store-errors");
    let run = run_in(dir.path(), &["store", "--db", "mysql://x", "log"]);
    assert!(
        run.assert_code(2)
            .stderr
            .contains("unsupported database url"),
        "{}",
        run.stderr
    );
    let run = run_in(dir.path(), &["store", "log"]);
    assert!(
        run.assert_code(2)
            .stderr
            .contains("the store holds no network"),
        "{}",
        run.stderr
    );
}

/// A change set adding one new locality (a fresh id from `n`).
fn new_locality(n: u32) -> String {
    format!(
        r#"{{"message": "writer {n}", "changes": [{{"op": "upsert", "collection": "localities", "expect": "absent",
            "entity": {{"id": "4e564e56-00ff-8000-8000-0000000{n:05}", "name": "Place {n}", "kind": "place"}}}}]}}"#
    )
}

/// Starts one `mcn store apply FILE` process per file, all at once, and
/// waits for them all.
fn apply_at_once(dir: &TempDir, db: &str, files: &[impl AsRef<str>]) -> Vec<crate::support::Run> {
    let children: Vec<_> = files
        .iter()
        .map(|f| {
            let f = f.as_ref();
            command(
                dir.path(),
                &["store", "--db", db, "apply", f, "--author", f],
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
        })
        .collect();
    children.into_iter().map(finish).collect()
}

#[test]
fn separate_processes_behave_as_one() {
    on_both("store-processes", |dir, db| {
        let example = example();
        store(dir, db, &["import", example.to_str().unwrap()]).assert_code(0);
        // Disjoint entities: every process succeeds; revisions are dense.
        let files: Vec<String> = (0..6)
            .map(|n| {
                let name = format!("w{n}.json");
                std::fs::write(dir.path().join(&name), new_locality(n)).unwrap();
                name
            })
            .collect();
        for run in apply_at_once(dir, db, &files) {
            run.assert_code(0);
        }
        let log = store(dir, db, &["log"]).out();
        let numbers: Vec<&str> = log.lines().map(|l| l.split('\t').next().unwrap()).collect();
        assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7"]);
        // One entity, the same expectation: exactly one process wins.
        let rename = |name: &str| {
            format!(
                r#"{{"message": "rename", "changes": [{{"op": "upsert", "collection": "people", "expect": 1, "entity":
                {{"id": "4e564e56-0006-8000-8000-000000000001", "name": "{name}", "profession": "doctor", "employer": "4e564e56-0002-8000-8000-000000000001"}}}}]}}"#
            )
        };
        let a = dir.write("a.json", rename("Writer A"));
        let b = dir.write("b.json", rename("Writer B"));
        let mut codes: Vec<i32> = apply_at_once(dir, db, &[a, b])
            .into_iter()
            .map(|run| run.code.unwrap())
            .collect();
        codes.sort_unstable();
        assert_eq!(codes, [0, 1]);
        assert_eq!(store(dir, db, &["log"]).out().lines().count(), 8);
    });
}

/// A fresh store for one kill: SQLite in its own directory, or a PostgreSQL
/// database of its own (`None` without a server outside CI).
fn fresh_store(postgres: bool) -> Option<(TempDir, Option<Postgres>, String)> {
    let dir = TempDir::new("store-crash-db");
    if postgres {
        let database = Postgres::new()?;
        let url = database.url.clone();
        Some((dir, Some(database), url))
    } else {
        let url = format!("sqlite://{}", dir.path().join("crash.db").display());
        Some((dir, None, url))
    }
}

#[test]
fn a_process_killed_mid_import_leaves_all_or_nothing() {
    let generator = TempDir::new("store-crash-doc");
    let document = generator.path().join("small.json");
    run_in(
        generator.path(),
        &[
            "generate",
            "--scale",
            "small",
            "--as-of",
            "2026-04-01",
            "--compact",
            "-o",
            document.to_str().unwrap(),
        ],
    )
    .assert_code(0);
    let expected: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&document).unwrap()).unwrap();
    let import = |dir: &TempDir, db: &str| {
        command(
            dir.path(),
            &["store", "--db", db, "import", document.to_str().unwrap()],
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
    };
    for postgres in [false, true] {
        // One whole import, timed (process start to exit): the kills are
        // spread evenly over that span, from the process's start to its end.
        let Some((dir, _database, db)) = fresh_store(postgres) else {
            continue;
        };
        let started = std::time::Instant::now();
        assert!(import(&dir, &db).wait().unwrap().success());
        let whole = started.elapsed();
        let (mut nothing, mut all) = (0, 0);
        for k in 0..10_u32 {
            let delay = whole * k / 9;
            let (dir, _database, db) = fresh_store(postgres).unwrap();
            let mut child = import(&dir, &db);
            std::thread::sleep(delay);
            let _ = child.kill();
            let _ = child.wait();
            let log = store(&dir, &db, &["log"]);
            if log.code == Some(0) {
                // The whole revision 1, exactly the document.
                assert_eq!(log.out().lines().count(), 1, "{}", log.out());
                let exported = store(&dir, &db, &["export"]);
                let exported: serde_json::Value =
                    serde_json::from_slice(&exported.assert_code(0).stdout).unwrap();
                assert_eq!(exported, expected, "killed after {delay:?}");
                all += 1;
            } else {
                // Nothing at all.
                assert!(
                    log.assert_code(2).stderr.contains("holds no network"),
                    "killed after {delay:?}: {}",
                    log.stderr
                );
                nothing += 1;
            }
        }
        eprintln!(
            "{}: import took {whole:?}; 10 kills spread over it: {nothing} left nothing, {all} left the whole revision",
            if postgres { "postgres" } else { "sqlite" }
        );
    }
}
