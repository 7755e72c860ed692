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

/// An authoriser that holds the request of the token `slow` until released,
/// and counts the requests that reached it. Clones share all of it.
#[derive(Clone)]
struct Gate {
    reached: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    entered: tokio::sync::mpsc::UnboundedSender<String>,
    release: std::sync::Arc<tokio::sync::Semaphore>,
}

impl mcn_http::Authoriser for Gate {
    fn authenticate<'a>(
        &'a self,
        request: &'a axum::http::request::Parts,
    ) -> mcn_http::auth::AuthFuture<'a> {
        Box::pin(async move {
            let token = mcn_http::auth::bearer(request)
                .unwrap_or_default()
                .to_owned();
            self.reached
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let _ = self.entered.send(token.clone());
            if token == "slow" {
                let _permit = self.release.acquire().await.unwrap();
            }
            Ok(Some(mcn_http::Principal {
                name: token,
                role: mcn_http::Role::Viewer,
                networks: mcn_http::NetworkScope::All,
            }))
        })
    }
}

/// `Limits::concurrency` requests are handled at once; more wait for a
/// place (they are not refused), within the request timeout.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_over_the_concurrency_limit_wait_their_turn() {
    use tower::ServiceExt as _;

    let app = app().await;
    let (entered, mut entries) = tokio::sync::mpsc::unbounded_channel();
    let gate = Gate {
        reached: std::sync::Arc::default(),
        entered,
        release: std::sync::Arc::new(tokio::sync::Semaphore::new(0)),
    };
    let router = mcn_http::router(
        mcn_http::AppState::new(app.store.clone(), gate.clone())
            .with_limits(mcn_http::Limits::default().with_concurrency(1)),
    );
    let request = |token: &str| {
        axum::http::Request::builder()
            .uri("/networks")
            .header("authorization", format!("Bearer {token}"))
            .body(axum::body::Body::empty())
            .unwrap()
    };
    let slow = tokio::spawn(router.clone().oneshot(request("slow")));
    assert_eq!(entries.recv().await.unwrap(), "slow");
    let waiting = tokio::spawn(router.clone().oneshot(request("quick")));
    // However long we look, the second request has not reached the
    // handler's authoriser while the first holds the only place.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(gate.reached.load(std::sync::atomic::Ordering::SeqCst), 1);
    assert!(!waiting.is_finished(), "the second request waits");
    gate.release.add_permits(1);
    assert_eq!(slow.await.unwrap().unwrap().status(), 200);
    assert_eq!(waiting.await.unwrap().unwrap().status(), 200);
    assert_eq!(entries.recv().await.unwrap(), "quick");
    assert_eq!(gate.reached.load(std::sync::atomic::Ordering::SeqCst), 2);
}
