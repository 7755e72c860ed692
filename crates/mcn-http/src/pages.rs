//! Pages for people: server-rendered HTML, no scripts. The overview (members,
//! bodies, findings as of today with links to each finding's entity), the
//! evaluation report (the existing HTML report) and the revision log; a
//! login form that keeps a token in a cookie for the browser. Every text
//! from the document is escaped (`mcn_evaluation::render::escape`).

use std::{
    collections::{HashMap, HashSet},
    fmt::Write as _,
};

use axum::{
    Extension, Form,
    extract::{Path, State},
    http::{HeaderMap, StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
};
use mcn_core::{Finding, NaiveDate, Report, Severity};
use mcn_evaluation::render::{escape, escape_markdown};
use mcn_network::{NetworkDocument, collection::Collection};
use serde::Deserialize;
use uuid::Uuid;

use crate::{AppState, Principal, Problem, auth::COOKIE, body};

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}\
nav a{margin-right:1rem}.error{color:#a00}.warning{color:#850}.info{color:#555}code{font-size:90%}pre{white-space:pre-wrap;margin:0}";

/// A whole page around `content`; `pages` is the way from the page to
/// the `pages/` folder (`""` from a page in it).
pub(crate) fn page(title: &str, pages: &str, content: &str) -> Html<String> {
    Html(format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <nav><a href=\"{pages}overview\">Overview</a><a href=\"{pages}report\">Report</a><a href=\"{pages}revisions\">Revisions</a></nav>\n\
         {content}</body>\n</html>\n",
        escape(title)
    ))
}

/// The `(collection, index)` a finding's path starts with
/// (`/people/17/email` → people, 17).
fn position_of(path: &str) -> Option<(Collection, usize)> {
    let mut parts = path.split('/').skip(1);
    let collection = Collection::from_name(parts.next()?)?;
    Some((collection, parts.next()?.parse().ok()?))
}

/// The entity each finding's path is in, in the findings' order: one pass
/// over each collection a finding names, whatever the number of findings.
fn entities_of(
    document: &NetworkDocument,
    findings: &[Finding],
) -> Vec<Option<(Collection, Uuid)>> {
    let positions: Vec<_> = findings
        .iter()
        .map(|f| position_of(f.path.as_str()))
        .collect();
    let wanted: HashSet<(Collection, usize)> = positions.iter().flatten().copied().collect();
    let collections: HashSet<Collection> = wanted.iter().map(|(c, _)| *c).collect();
    let mut ids = HashMap::with_capacity(wanted.len());
    for collection in collections {
        collection.for_each(document, &mut |index, entity| {
            if wanted.contains(&(collection, index)) {
                ids.insert((collection, index), entity.uuid());
            }
        });
    }
    positions
        .into_iter()
        .map(|p| p.and_then(|key| ids.get(&key).map(|id| (key.0, *id))))
        .collect()
}

/// How many findings of each severity: `N errors, N warnings, N for
/// information`.
fn counts(findings: &[Finding]) -> String {
    let count = |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
    format!(
        "{} errors, {} warnings, {} for information",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    )
}

/// The findings' counts and their table, each finding linked to the page
/// of the entity its path is in (`pages` leads from the page to the
/// network's `pages/` folder).
pub(crate) fn findings_table(
    out: &mut String,
    document: &NetworkDocument,
    findings: &[Finding],
    pages: &str,
) {
    let _ = write!(
        out,
        "<p>{}.</p>\n<table>\n<tr><th>Severity</th><th>Code</th><th>Where</th><th>What</th></tr>\n",
        counts(findings)
    );
    for (finding, entity) in findings.iter().zip(entities_of(document, findings)) {
        let path = escape(finding.path.as_str());
        let place = entity.map_or_else(
            || format!("<code>{path}</code>"),
            |(collection, id)| {
                format!("<a href=\"{pages}{collection}/{id}\"><code>{path}</code></a>")
            },
        );
        let message = escape(&finding.message);
        let severity = finding.severity.to_string();
        let _ = writeln!(
            out,
            "<tr class=\"{0}\"><td>{0}</td><td><code>{1}</code></td><td>{place}</td><td>{message}</td></tr>",
            escape(&severity),
            escape(&finding.code),
        );
    }
    out.push_str("</table>\n");
}

/// The findings (already redacted for the principal) as an HTML page, for
/// `GET /networks/{network}/findings?format=html`.
pub(crate) fn findings_page(
    document: &NetworkDocument,
    report: &Report,
    revision: u64,
    as_of: NaiveDate,
) -> Response {
    let name = document.network.name.as_str();
    let mut out = format!(
        "<h1>Findings: {}</h1>\n<p>Revision {revision}, as of {as_of}.</p>\n",
        escape(name)
    );
    findings_table(&mut out, document, &report.findings, "pages/");
    page(&format!("Findings: {name}"), "pages/", &out).into_response()
}

/// The findings (already redacted for the principal) as markdown, for
/// `GET /networks/{network}/findings?format=markdown`.
pub(crate) fn findings_markdown(report: &Report, revision: u64, as_of: NaiveDate) -> String {
    let mut out = format!(
        "# Findings\n\nRevision {revision}, as of {as_of}: {}.\n\n| Severity | Code | Where | What |\n|---|---|---|---|\n",
        counts(&report.findings)
    );
    for finding in &report.findings {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            finding.severity,
            escape_markdown(&finding.code),
            escape_markdown(finding.path.as_str()),
            escape_markdown(&finding.message)
        );
    }
    out
}

/// `GET /networks/{network}/pages/overview`: members, bodies and the
/// findings as of today, each linked to its entity.
pub(crate) async fn overview(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(network): Path<String>,
) -> Result<Response, Problem> {
    let (id, head) = body::network(&state, &principal, &network).await?;
    let (as_of, report, document) =
        crate::reads::findings_today(&state, &principal, id, head).await?;
    let name = document.network.name.as_str().to_owned();
    let mut out = String::new();
    let _ = write!(
        out,
        "<h1>{}</h1>\n<p>Revision {head}, findings as of {as_of}.</p>\n<h2>Members</h2>\n<ul>\n",
        escape(&name)
    );
    let names: HashMap<_, _> = document
        .organisations
        .iter()
        .map(|o| (o.id, o.name.as_str()))
        .collect();
    for membership in &document.memberships {
        let id = membership.organisation;
        let label = names
            .get(&id)
            .map_or_else(|| id.to_string(), |name| (*name).to_owned());
        let _ = writeln!(
            out,
            "<li><a href=\"organisations/{id}\">{}</a> ({})</li>",
            escape(&label),
            escape(&membership.tier.to_string())
        );
    }
    out.push_str("</ul>\n<h2>Bodies</h2>\n<ul>\n");
    for b in &document.bodies {
        let _ = writeln!(
            out,
            "<li><a href=\"bodies/{}\">{}</a></li>",
            b.id,
            escape(b.name.as_str())
        );
    }
    out.push_str("</ul>\n<h2>Findings</h2>\n");
    findings_table(&mut out, &document, &report.findings, "");
    Ok(page(&name, "", &out).into_response())
}

/// `GET /networks/{network}/pages/revisions`: the revision log, newest first.
pub(crate) async fn revisions(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
    Path(network): Path<String>,
) -> Result<Response, Problem> {
    let (id, head) = body::network(&state, &principal, &network).await?;
    let log = state.store.log(id).await?;
    let mut out = format!(
        "<h1>Revisions</h1>\n<p>Network <code>{id}</code>, head {head}.</p>\n<table>\n\
         <tr><th>Revision</th><th>When</th><th>Who</th><th>Why</th><th>Added</th><th>Changed</th><th>Removed</th></tr>\n"
    );
    for r in log.iter().rev() {
        let number = if r.number > 1 {
            format!(
                "<a href=\"../diff?from={}&amp;to={}\">{}</a>",
                r.number - 1,
                r.number,
                r.number
            )
        } else {
            r.number.to_string()
        };
        let _ = writeln!(
            out,
            "<tr><td>{number}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            r.at.format("%Y-%m-%d %H:%M UTC"),
            escape(&r.author),
            escape(&r.message),
            r.added,
            r.changed,
            r.removed
        );
    }
    out.push_str("</table>\n");
    Ok(page("Revisions", "", &out).into_response())
}

/// The login form's fields.
#[derive(Deserialize)]
pub(crate) struct Login {
    token: String,
}

/// `GET /login`: a form that keeps a token for the browser.
pub(crate) async fn login_form() -> Html<String> {
    Html(format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>Log in</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n<h1>Log in</h1>\n\
         <form method=\"post\" action=\"login\"><label>Token <input name=\"token\" type=\"password\" autocomplete=\"off\" required></label> \
         <button type=\"submit\">Log in</button></form>\n</body>\n</html>\n"
    ))
}

/// `POST /login` (form): checks the token, keeps it in an `HttpOnly`,
/// `SameSite=Strict` cookie and goes to the network list.
pub(crate) async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(login): Form<Login>,
) -> Result<Response, Problem> {
    let token = login.token.trim();
    let mut request = axum::http::Request::new(());
    if let Ok(value) = format!("Bearer {token}").parse() {
        request.headers_mut().insert(header::AUTHORIZATION, value);
    }
    let (parts, ()) = request.into_parts();
    if state.authoriser.authenticate(&parts).await?.is_none() {
        return Err(Problem::Unauthenticated);
    }
    let secure = headers
        .get("x-forwarded-proto")
        .is_some_and(|p| p.as_bytes() == b"https");
    let cookie = format!(
        "{COOKIE}={token}; HttpOnly; SameSite=Strict{}",
        if secure { "; Secure" } else { "" }
    );
    let mut response = Redirect::to("networks/pages").into_response();
    if let Ok(value) = cookie.parse() {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    *response.status_mut() = StatusCode::SEE_OTHER;
    Ok(response)
}

/// `GET /networks/pages`: the networks the principal reaches, as links.
pub(crate) async fn networks(
    State(state): State<AppState>,
    Extension(principal): Extension<Principal>,
) -> Result<Response, Problem> {
    let mut out = String::from("<h1>Networks</h1>\n<ul>\n");
    for id in state.store.networks().await? {
        if principal.reaches(id) {
            let _ = writeln!(out, "<li><a href=\"{id}/pages/overview\">{id}</a></li>");
        }
    }
    out.push_str("</ul>\n");
    Ok(Html(format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>Networks</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n{out}</body>\n</html>\n"
    ))
    .into_response())
}
