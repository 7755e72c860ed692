//! Bearer tokens kept in the store: issued once, only the hash kept,
//! listed, revoked; the router authenticates through them.

use axum::http::Method;
use mcn_http::{AppState, NetworkScope, Principal, Role, tokens};

use crate::support::{App, app, postgres_app};

async fn tokens_work(app: &mut App) {
    let principal = Principal {
        name: "tess token".to_owned(),
        role: Role::Coordinator,
        networks: NetworkScope::Only(vec![app.network]),
    };
    let at = chrono::DateTime::UNIX_EPOCH;
    let issued = tokens::issue(&app.store, &principal, at).await.unwrap();
    let secret = issued.token.strip_prefix(tokens::PREFIX).unwrap();
    assert_eq!(secret.len(), 64, "256 bits, hex");
    assert!(secret.bytes().all(|b| b.is_ascii_hexdigit()));
    let other = tokens::issue(&app.store, &principal, at).await.unwrap();
    assert_ne!(issued.token, other.token, "random");
    // Only the hash is kept.
    let listed = app.store.tokens().await.unwrap();
    assert_eq!(listed.len(), 2);
    assert!(
        listed
            .iter()
            .all(|t| !t.access.contains(secret) && t.revoked.is_none())
    );
    assert!(
        app.store
            .token_by_hash(&issued.token)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        tokens::principal(
            &app.store
                .token_by_hash(&tokens::hash(&issued.token))
                .await
                .unwrap()
                .unwrap()
        )
        .unwrap(),
        principal
    );
    // The router authenticates through them.
    app.router = mcn_http::router(AppState::new(
        app.store.clone(),
        tokens::StoreTokens::new(app.store.clone()),
    ));
    let answer = app.get(&app.at(""), &issued.token).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    app.get(&app.at(""), "mcn_0000")
        .await
        .problem(401, "unauthenticated");
    assert!(app.store.revoke_token(issued.record.id, at).await.unwrap());
    assert!(
        !app.store.revoke_token(issued.record.id, at).await.unwrap(),
        "once"
    );
    app.get(&app.at(""), &issued.token)
        .await
        .problem(401, "unauthenticated");
    assert_eq!(app.get(&app.at(""), &other.token).await.status, 200);
    let listed = app.store.tokens().await.unwrap();
    assert_eq!(listed.iter().filter(|t| t.revoked.is_some()).count(), 1);
    // A write through a token is authored by its principal.
    let answer = app
        .send(
            Method::POST,
            &app.at("/change-sets"),
            Some(&other.token),
            &[],
            Some(br#"{"message": "nothing", "changes": []}"#.to_vec()),
        )
        .await;
    assert_eq!(answer.status, 201, "{}", answer.text());
    assert_eq!(answer.json()["author"], "tess token");
}

#[tokio::test]
async fn tokens_on_sqlite() {
    tokens_work(&mut app().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_on_postgres() {
    if let Some(mut app) = postgres_app().await {
        tokens_work(&mut app).await;
    }
}
