//! The pages for people: login by cookie, the overview with links to each
//! finding's entity, the report and the revision log; hostile names are
//! escaped.

use axum::http::Method;
use serde_json::json;

use crate::support::{COORDINATOR, VIEWER, app};

const HOSTILE: &str = "<script>alert(1)</script>\"'&";

#[tokio::test]
async fn login_keeps_the_token_in_a_cookie() {
    let app = app().await;
    let form = app.send(Method::GET, "/login", None, &[], None).await;
    assert_eq!(form.status, 200);
    assert!(
        form.text()
            .contains("<form method=\"post\" action=\"login\">")
    );
    let bad = app
        .send(
            Method::POST,
            "/login",
            None,
            &[("content-type", "application/x-www-form-urlencoded")],
            Some(b"token=nope".to_vec()),
        )
        .await;
    bad.problem(401, "unauthenticated");
    let good = app
        .send(
            Method::POST,
            "/login",
            None,
            &[("content-type", "application/x-www-form-urlencoded")],
            Some(format!("token={VIEWER}").into_bytes()),
        )
        .await;
    assert_eq!(good.status, 303);
    assert_eq!(good.headers.get("location").unwrap(), "networks/pages");
    let cookie = good.headers.get("set-cookie").unwrap().to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().unwrap().to_owned();
    let list = app
        .send(
            Method::GET,
            "/networks/pages",
            None,
            &[("cookie", &pair)],
            None,
        )
        .await;
    assert_eq!(list.status, 200, "{}", list.text());
    assert!(
        list.text()
            .contains(&format!("href=\"{}/pages/overview\"", app.network))
    );
}

#[tokio::test]
async fn hostile_names_are_escaped_on_every_page() {
    let app = app().await;
    // An organisation and a body with hostile names, and a hostile message.
    let organisation = app.document.memberships[0].organisation;
    let uri = app.at(&format!("/organisations/{organisation}"));
    let current = app.get(&uri, COORDINATOR).await;
    let mut entity = current.json();
    entity["name"] = json!(HOSTILE);
    let answer = app
        .send(
            Method::PUT,
            &uri,
            Some(COORDINATOR),
            &[("if-match", &current.etag()), ("x-change-message", HOSTILE)],
            Some(entity.to_string().into_bytes()),
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let organisation_page = format!("/pages/organisations/{organisation}");
    for (page, token) in [
        (organisation_page.as_str(), VIEWER),
        ("/pages/overview", COORDINATOR),
        ("/pages/overview", VIEWER),
        ("/pages/revisions", VIEWER),
        ("/pages/report", VIEWER),
        ("/findings?format=html", VIEWER),
        ("/findings?format=html", COORDINATOR),
    ] {
        let answer = app.get(&app.at(page), token).await;
        assert_eq!(answer.status, 200, "{page}: {}", answer.text());
        assert!(
            answer
                .headers
                .get("content-type")
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        let html = answer.text();
        assert!(!html.contains("<script>"), "{page} as {token}: unescaped");
        if page.starts_with("/pages/") && page != "/pages/report" {
            assert!(
                html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"),
                "{page}: escaped text shown"
            );
        }
    }
}

#[tokio::test]
async fn the_overview_links_each_finding_to_its_entity() {
    let app = app().await;
    let findings = app.get(&app.at("/findings"), COORDINATOR).await.json();
    let findings = findings["findings"].as_array().unwrap().clone();
    assert!(!findings.is_empty(), "the example has findings today");
    let html = app
        .get(&app.at("/pages/overview"), COORDINATOR)
        .await
        .text();
    assert_eq!(html.matches("<tr class=").count(), findings.len());
    for membership in &app.document.memberships {
        assert!(html.contains(&format!(
            "href=\"organisations/{}\"",
            membership.organisation
        )));
    }
    // Each finding in a collection links to the entity its path is in, and
    // the link resolves.
    for finding in &findings {
        let path = finding["path"].as_str().unwrap();
        let mut parts = path.split('/').skip(1);
        let (Some(collection), Some(index)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Ok(index) = index.parse::<usize>() else {
            continue;
        };
        let all = app
            .get(&app.at(&format!("/{collection}?limit=1000")), COORDINATOR)
            .await
            .json();
        let id = all["items"][index]["id"].as_str().unwrap().to_owned();
        assert!(
            html.contains(&format!("href=\"{collection}/{id}\"")),
            "{path}"
        );
        let page = app
            .get(&app.at(&format!("/pages/{collection}/{id}")), COORDINATOR)
            .await;
        assert_eq!(page.status, 200, "{path}");
        let code = finding["code"].as_str().unwrap();
        assert!(
            page.text().contains(&format!("<code>{code}</code>")),
            "{path}: the entity's page lists the finding"
        );
    }
}

/// Findings can name people (`person "Dr A" (id)`): viewers get the
/// messages with those names taken out, on the JSON and on the overview.
#[tokio::test]
async fn finding_messages_name_no_one_for_viewers() {
    let app = app().await;
    // An appointment that starts before its post: a finding naming the person.
    let appointment = &app.document.appointments[0];
    let person = app
        .document
        .people
        .iter()
        .find(|p| p.id == appointment.person)
        .unwrap();
    let name = person.name.as_str();
    let uri = app.at(&format!("/appointments/{}", appointment.id));
    let current = app.get(&uri, COORDINATOR).await;
    let mut entity = current.json();
    entity["period"]["start"] = json!("1990-01-01");
    let answer = app
        .send(
            Method::PUT,
            &uri,
            Some(COORDINATOR),
            &[("if-match", &current.etag())],
            Some(entity.to_string().into_bytes()),
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let full = app.get(&app.at("/findings"), COORDINATOR).await.text();
    assert!(
        full.contains(name),
        "the co-ordinator's findings name {name}"
    );
    let appointment_page = format!("/pages/appointments/{}", appointment.id);
    for page in ["/findings", "/pages/overview", appointment_page.as_str()] {
        let viewed = app.get(&app.at(page), VIEWER).await.text();
        assert!(!viewed.contains(name), "{page}: a viewer sees no names");
        assert!(viewed.contains("[redacted]"), "{page}");
    }
    let person_page = app.at(&format!("/pages/people/{}", person.id));
    assert!(!app.get(&person_page, VIEWER).await.text().contains(name));
    assert!(
        app.get(&person_page, COORDINATOR)
            .await
            .text()
            .contains(name)
    );
}

/// An entity's page: its fields, what it refers to (each linked to its
/// page), its JSON and history; unknown entities and collections are
/// problems, not pages.
#[tokio::test]
async fn an_entity_page_shows_its_fields_and_links_what_it_refers_to() {
    let app = app().await;
    let appointment = &app.document.appointments[0];
    let page = app
        .get(
            &app.at(&format!("/pages/appointments/{}", appointment.id)),
            VIEWER,
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.text());
    let html = page.text();
    assert!(html.contains(&format!("<td>{}</td>", appointment.id)));
    for link in [
        format!("href=\"../people/{}\"", appointment.person),
        format!("href=\"../posts/{}\"", appointment.post),
        format!("href=\"../../appointments/{}\"", appointment.id),
        format!("href=\"../../appointments/{}/history\"", appointment.id),
        "href=\"../overview\"".to_owned(),
    ] {
        assert!(html.contains(&link), "{link}");
    }
    let missing = app
        .get(
            &app.at(&format!("/pages/appointments/{}", uuid::Uuid::nil())),
            VIEWER,
        )
        .await;
    assert_eq!(missing.status, 404, "{}", missing.text());
    let unknown = app
        .get(
            &app.at(&format!("/pages/nonsense/{}", appointment.id)),
            VIEWER,
        )
        .await;
    assert!(
        unknown.status == 404 || unknown.status == 400,
        "{}",
        unknown.status
    );
    assert!(
        unknown.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/problem+json")
    );
}
