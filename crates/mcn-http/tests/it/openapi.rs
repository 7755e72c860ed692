//! `/openapi.json` is served without a token and is the committed
//! `docs/openapi.json` (regenerate with `MCN_WRITE_OPENAPI=1 cargo test -p
//! mcn-http openapi`).

use axum::http::Method;

use crate::support::app;

const STALE: &str =
    "docs/openapi.json is stale: run MCN_WRITE_OPENAPI=1 cargo test -p mcn-http openapi";

#[test]
fn the_committed_openapi_document_is_fresh() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(mcn_http::openapi::FILE);
    let expected = mcn_http::openapi::to_string();
    if std::env::var_os("MCN_WRITE_OPENAPI").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == expected, "{STALE}");
}

#[tokio::test]
async fn openapi_json_is_served_to_anyone() {
    let app = app().await;
    let answer = app
        .send(Method::GET, "/openapi.json", None, &[], None)
        .await;
    assert_eq!(answer.status, 200);
    let document = answer.json();
    assert_eq!(document["openapi"], "3.1.0");
    // The component schemas are the project's own, references pointed into
    // the document.
    let organisation = &document["components"]["schemas"]["organisation"];
    let own = mcn_schema::find("organisation").unwrap().schema();
    assert_eq!(organisation["title"], own["title"]);
    assert_eq!(organisation["required"], own["required"]);
    assert_eq!(own["properties"]["name"]["$ref"], "#/$defs/Text");
    let pointed = serde_json::to_string(&own["$defs"])
        .unwrap()
        .replace("\"#/$defs/", "\"#/components/schemas/organisation/$defs/");
    assert_eq!(
        organisation["$defs"],
        serde_json::from_str::<serde_json::Value>(&pointed).unwrap()
    );
    assert_eq!(
        organisation["properties"]["name"]["$ref"],
        "#/components/schemas/organisation/$defs/Text"
    );
    assert!(organisation.get("$id").is_none());
    for collection in mcn_network::collection::Collection::ALL {
        let name = collection.kind().name().replace(' ', "-");
        assert!(
            document["components"]["schemas"][&name].is_object(),
            "{name}"
        );
    }
}

/// An independent validator, the `openapi-spec-validator` Python package,
/// accepts the committed document. `.ci/run` installs it in a virtual
/// environment and names its command in `MCN_OPENAPI_VALIDATOR`; where that
/// is unset the check cannot run, which fails under `CI=true` and is said
/// elsewhere.
#[test]
fn an_independent_validator_accepts_the_committed_document() {
    let Some(validator) = std::env::var_os("MCN_OPENAPI_VALIDATOR") else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but MCN_OPENAPI_VALIDATOR is unset: .ci/run installs openapi-spec-validator"
        );
        eprintln!(
            "note: MCN_OPENAPI_VALIDATOR is unset, so the independent OpenAPI check did not run"
        );
        return;
    };
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(mcn_http::openapi::FILE);
    let output = std::process::Command::new(&validator)
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", validator.to_string_lossy()));
    assert!(
        output.status.success(),
        "openapi-spec-validator refused docs/openapi.json:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
