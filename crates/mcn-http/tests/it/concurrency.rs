//! Lost updates over a real loopback server: many clients writing the same
//! entity and different ones at once through `If-Match`; none is lost.

use std::{fmt::Write as _, net::SocketAddr};

use serde_json::{Value, json};
use tokio::{
    io::{AsyncReadExt as _, AsyncWriteExt as _},
    net::TcpStream,
};

use crate::support::{App, COORDINATOR, app, postgres_app};

const CLIENTS: usize = 8;
const INCREMENTS: usize = 5;

/// One HTTP/1.1 exchange on a fresh connection: status, `ETag`, body.
async fn call(
    address: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> (u16, Option<String>, String) {
    let mut stream = TcpStream::connect(address).await.unwrap();
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nhost: test\r\nconnection: close\r\nauthorization: Bearer {COORDINATOR}\r\n"
    );
    for (name, value) in headers {
        write!(request, "{name}: {value}\r\n").unwrap();
    }
    if let Some(body) = body {
        write!(
            request,
            "content-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
    } else {
        request.push_str("\r\n");
    }
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let status = head[9..12].parse().unwrap();
    let etag = head
        .lines()
        .find_map(|l| l.strip_prefix("etag: "))
        .map(str::to_owned);
    (status, etag, body.to_owned())
}

async fn serve(app: &App) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let router = app.router.clone();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    address
}

async fn no_update_is_lost(app: &App) {
    let address = serve(app).await;
    let locality = app.document.localities[0].id;
    let path = format!("/networks/{}/localities/{locality}", app.network);
    let start = app.document.localities[0].population_0_19.unwrap();
    let mut clients = Vec::new();
    for client in 0..CLIENTS {
        let path = path.clone();
        let network = app.network;
        clients.push(tokio::spawn(async move {
            let mut conflicts = 0;
            for _ in 0..INCREMENTS {
                loop {
                    let (status, etag, body) = call(address, "GET", &path, &[], None).await;
                    assert_eq!(status, 200, "{body}");
                    let mut entity: Value = serde_json::from_str(&body).unwrap();
                    entity["population_0_19"] =
                        json!(entity["population_0_19"].as_u64().unwrap() + 1);
                    let etag = etag.unwrap();
                    let (status, _, body) = call(
                        address,
                        "PUT",
                        &path,
                        &[("if-match", &etag)],
                        Some(&entity.to_string()),
                    )
                    .await;
                    match status {
                        200 => break,
                        412 => conflicts += 1,
                        other => panic!("{other}: {body}"),
                    }
                }
            }
            // And one entity of its own, created once.
            let id = format!("4e564e56-0001-8000-8000-0000000001{client:02}");
            let own = json!({"id": id, "name": format!("Place {client}"), "kind": "place"});
            let (status, _, body) = call(
                address,
                "PUT",
                &format!("/networks/{network}/localities/{id}"),
                &[("if-none-match", "*")],
                Some(&own.to_string()),
            )
            .await;
            assert_eq!(status, 201, "{body}");
            conflicts
        }));
    }
    let mut conflicts = 0;
    for client in clients {
        conflicts += client.await.unwrap();
    }
    let (_, _, body) = call(address, "GET", &path, &[], None).await;
    let entity: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        entity["population_0_19"].as_u64().unwrap(),
        start + u64::try_from(CLIENTS * INCREMENTS).unwrap(),
        "every increment counted ({conflicts} conflicts retried)"
    );
    assert_eq!(
        app.head().await,
        1 + u64::try_from(CLIENTS * INCREMENTS + CLIENTS).unwrap(),
        "one revision per successful write, nothing else"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_update_is_lost_on_sqlite() {
    no_update_is_lost(&app().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_update_is_lost_on_postgres() {
    if let Some(app) = postgres_app().await {
        no_update_is_lost(&app).await;
    }
}
