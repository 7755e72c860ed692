//! `mcn token` and `mcn serve`: tokens created, listed and revoked in the
//! store; a server that answers them, and that on SIGTERM finishes the
//! request in flight before it stops.

use std::{
    io::{BufRead as _, BufReader, Read as _, Write as _},
    net::TcpStream,
    process::{Child, ChildStderr, Stdio},
    time::Duration,
};

use crate::support::{TempDir, command, run_in};

const NETWORK: &str = "4e564e56-0000-8000-8000-000000000001";

/// A store holding the example network and a co-ordinator's token:
/// the directory, the store's URL and the `mcn token create` run.
fn store_with_token() -> (TempDir, String, crate::support::Run) {
    let dir = TempDir::new("serve");
    let db = format!("sqlite://{}", dir.path().join("n.db").display());
    let example = format!(
        "{}/../../docs/examples/example-network.json",
        env!("CARGO_MANIFEST_DIR")
    );
    run_in(dir.path(), &["store", "--db", &db, "import", &example]).assert_code(0);
    let created = run_in(
        dir.path(),
        &[
            "token",
            "--db",
            &db,
            "create",
            "--role",
            "coordinator",
            "--network",
            NETWORK,
            "--name",
            "cora",
        ],
    );
    created.assert_code(0);
    (dir, db, created)
}

#[test]
fn tokens_are_created_listed_and_revoked() {
    let (dir, db, created) = store_with_token();
    let token = created.out().trim().to_owned();
    assert!(token.starts_with("mcn_") && token.len() == 68, "{token}");
    assert!(created.stderr.contains("shown once"), "{}", created.stderr);
    // A member editor by ODS code (lower case too); unknown ones refused.
    run_in(
        dir.path(),
        &[
            "token",
            "--db",
            &db,
            "create",
            "--role",
            "member-editor",
            "--organisation",
            "zvc",
            "--network",
            NETWORK,
        ],
    )
    .assert_code(0);
    let unknown = run_in(
        dir.path(),
        &[
            "token",
            "--db",
            &db,
            "create",
            "--role",
            "member-editor",
            "--organisation",
            "NOPE",
            "--network",
            NETWORK,
        ],
    );
    unknown.assert_code(2);
    assert!(unknown.stderr.contains("NOPE"), "{}", unknown.stderr);
    run_in(
        dir.path(),
        &["token", "--db", &db, "create", "--role", "viewer"],
    )
    .assert_code(2);
    let listed = run_in(dir.path(), &["token", "--db", &db, "list"]);
    listed.assert_code(0);
    let lines: Vec<String> = listed.out().lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        !listed.out().contains(&token[4..]),
        "the token itself is never listed"
    );
    let id = lines[0].split('\t').next().unwrap().to_owned();
    run_in(dir.path(), &["token", "--db", &db, "revoke", &id]).assert_code(0);
    run_in(dir.path(), &["token", "--db", &db, "revoke", &id]).assert_code(1);
    assert!(
        run_in(dir.path(), &["token", "--db", &db, "list"])
            .out()
            .lines()
            .next()
            .unwrap()
            .contains("revoked")
    );
}

/// Starts `mcn serve` on a free port: the child, its standard error (read
/// up to the line naming the address) and the address it serves.
fn start(dir: &TempDir, db: &str) -> (Child, BufReader<ChildStderr>, String) {
    let mut server = command(dir.path(), &["serve", "--db", db, "--bind", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(server.stderr.take().unwrap());
    // Log lines may come first.
    let address = loop {
        let mut line = String::new();
        assert!(stderr.read_line(&mut line).unwrap() > 0, "mcn serve ended");
        if let Some(address) = line.trim().strip_prefix("mcn: serving http://") {
            break address.to_owned();
        }
    };
    (server, stderr, address)
}

/// One request on a fresh connection; the whole response.
fn exchange(address: &str, request: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

/// Sends SIGTERM to `child`.
fn terminate(child: &Child) {
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
}

#[cfg(unix)]
#[test]
fn serve_answers_tokens_and_stops_gracefully_on_sigterm() {
    let (dir, db, created) = store_with_token();
    let token = created.out().trim().to_owned();
    let (mut server, mut stderr, address) = start(&dir, &db);
    let exchange = |request: &str| exchange(&address, request);
    let ok = exchange(&format!(
        "GET /networks HTTP/1.1\r\nhost: t\r\nconnection: close\r\nauthorization: Bearer {token}\r\n\r\n"
    ));
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
    assert!(ok.contains(NETWORK));
    let anonymous = exchange("GET /networks HTTP/1.1\r\nhost: t\r\nconnection: close\r\n\r\n");
    assert!(anonymous.starts_with("HTTP/1.1 401"), "{anonymous}");
    // A change set in flight: half its body sent, then SIGTERM, then the rest.
    let body = r#"{"message": "in flight", "changes": []}"#;
    let mut stream = TcpStream::connect(&address).unwrap();
    write!(
        stream,
        "POST /networks/{NETWORK}/change-sets HTTP/1.1\r\nhost: t\r\nconnection: close\r\n\
         authorization: Bearer {token}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{}",
        body.len(),
        &body[..10]
    )
    .unwrap();
    stream.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    terminate(&server);
    std::thread::sleep(Duration::from_millis(300));
    stream.write_all(&body.as_bytes()[10..]).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(
        response.starts_with("HTTP/1.1 201"),
        "the request in flight finished: {response}"
    );
    let status = server.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("mcn: stopped"), "{rest}");
    assert!(rest.contains("status=201"), "the access log: {rest}");
    // The revision was written, by the token's principal.
    let log = run_in(dir.path(), &["store", "--db", &db, "log"]);
    assert!(log.out().contains("in flight"), "{}", log.out());
}

/// Two servers on one store (SQLite file, and PostgreSQL when configured):
/// clients increment one entity through both with `If-Match`; none lost.
#[cfg(unix)]
#[test]
fn two_servers_on_one_store_lose_no_write() {
    crate::store::on_both("serve-two", |dir, db| {
        let example = format!(
            "{}/../../docs/examples/example-network.json",
            env!("CARGO_MANIFEST_DIR")
        );
        run_in(dir.path(), &["store", "--db", db, "import", &example]).assert_code(0);
        let created = run_in(
            dir.path(),
            &[
                "token",
                "--db",
                db,
                "create",
                "--role",
                "coordinator",
                "--network",
                NETWORK,
            ],
        );
        created.assert_code(0);
        let token = created.out().trim().to_owned();
        let servers = [start(dir, db), start(dir, db)];
        let addresses: Vec<String> = servers.iter().map(|(_, _, a)| a.clone()).collect();
        let path = format!("/networks/{NETWORK}/localities/4e564e56-0001-8000-8000-000000000001");
        let get = |address: &str| {
            let response = exchange(
                address,
                &format!(
                    "GET {path} HTTP/1.1\r\nhost: t\r\nconnection: close\r\nauthorization: Bearer {token}\r\n\r\n"
                ),
            );
            let (head, body) = response.split_once("\r\n\r\n").unwrap();
            assert!(head.starts_with("HTTP/1.1 200"), "{response}");
            let etag = head
                .lines()
                .find_map(|l| l.strip_prefix("etag: "))
                .unwrap()
                .to_owned();
            (
                etag,
                serde_json::from_str::<serde_json::Value>(body).unwrap(),
            )
        };
        let start_population = get(&addresses[0]).1["population_0_19"].as_u64().unwrap();
        std::thread::scope(|scope| {
            for client in 0..4 {
                let (addresses, get, path, token) = (&addresses, &get, &path, &token);
                scope.spawn(move || {
                    for i in 0..5 {
                        loop {
                            // Read through one server, write through the other.
                            let (etag, mut entity) = get(&addresses[(client + i) % 2]);
                            entity["population_0_19"] =
                                serde_json::json!(entity["population_0_19"].as_u64().unwrap() + 1);
                            let body = entity.to_string();
                            let response = exchange(
                                &addresses[(client + i + 1) % 2],
                                &format!(
                                    "PUT {path} HTTP/1.1\r\nhost: t\r\nconnection: close\r\nauthorization: Bearer {token}\r\n\
                                     if-match: {etag}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                                    body.len()
                                ),
                            );
                            if response.starts_with("HTTP/1.1 200") {
                                break;
                            }
                            assert!(response.starts_with("HTTP/1.1 412"), "{response}");
                        }
                    }
                });
            }
        });
        assert_eq!(
            get(&addresses[1]).1["population_0_19"].as_u64().unwrap(),
            start_population + 20
        );
        for (mut child, _, _) in servers {
            terminate(&child);
            assert!(child.wait().unwrap().success());
        }
        let log = run_in(dir.path(), &["store", "--db", db, "log"]);
        assert_eq!(log.out().lines().count(), 21, "{}", log.out());
    });
}
