//! The dependency rule and lint opt-in of docs/ARCHITECTURE.md, checked on the
//! real manifests (via `cargo metadata`).
//!
//! Three rules, on every package of the workspace (adapters included):
//!
//! 1. **Layers.** A crate with a layer below the adapters depends (normally)
//!    only on the internal crates its layer allows ([`allowed`]).
//! 2. **Restricted dependents.** Some crates may be depended on (normally)
//!    only by a few packages ([`allowed_dependents`]): `mcn-synthetic` and
//!    `mcn-http` only by the CLI and the `mcn` facade, `mcn-store` only by
//!    those and `mcn-http`, the facade by none (it is the top).
//! 3. **Dev-only crates** ([`DEV_ONLY`], fixtures only tests use) are never a
//!    normal or build dependency of anything: tests, benches and examples
//!    reach them as dev-dependencies.

use std::{collections::BTreeMap, process::Command};

use serde_json::{Value, json};

/// The five domain crates.
const DOMAIN: &[&str] = &[
    "mcn-organisations",
    "mcn-roles",
    "mcn-governance",
    "mcn-training",
    "mcn-standards",
];

/// Crates that only tests, benches and examples may use (as dev-dependencies).
const DEV_ONLY: &[&str] = &["mcn-testkit"];

/// Internal crates each package may depend on (normal and build
/// dependencies); `None` for the adapters, the facade and the workspace test
/// package, which may depend on anything but a dev-only crate (and only the
/// allowed dependents on a restricted one).
fn allowed(package: &str) -> Option<Vec<&'static str>> {
    let core = ["mcn-core"];
    let network = core.iter().chain(DOMAIN).copied().collect::<Vec<_>>();
    Some(match package {
        "mcn-core" => Vec::new(),
        _ if DOMAIN.contains(&package) => core.to_vec(),
        "mcn-network" => network,
        "mcn-evaluation" | "mcn-synthetic" => network.into_iter().chain(["mcn-network"]).collect(),
        _ => return None,
    })
}

/// The only packages that may depend (normally) on a restricted crate.
fn allowed_dependents(dependency: &str) -> Option<&'static [&'static str]> {
    match dependency {
        // `mcn-synthetic`, an adapter-level user feature (`mcn generate`):
        // the CLI and the facade ship it; everything else reaches it as a
        // dev-dependency. `mcn-http`, a front end like the CLI: only the CLI
        // (`mcn serve`) and the facade build on it.
        "mcn-synthetic" | "mcn-http" => Some(&["mcn-cli", "mcn"]),
        // The store, the system of record: the HTTP adapter (its face on the
        // wire), the CLI and the facade build on it; no other adapter does.
        "mcn-store" => Some(&["mcn-http", "mcn-cli", "mcn"]),
        // The facade is the top: embedders depend on it, no crate here does.
        "mcn" => Some(&[]),
        _ => None,
    }
}

fn metadata() -> Value {
    let output = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(super::root())
        .output()
        .expect("run cargo metadata");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Each package's internal dependencies, with their kind (`normal`, `dev`
/// or `build`; a dependency listed under several kinds appears once per kind).
fn internal_dependencies(metadata: &Value) -> BTreeMap<String, Vec<(String, String)>> {
    metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|package| {
            let deps = package["dependencies"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["name"].as_str().unwrap().starts_with("mcn"))
                .map(|d| {
                    let kind = d["kind"].as_str().unwrap_or("normal").to_owned();
                    (d["name"].as_str().unwrap().to_owned(), kind)
                })
                .collect();
            (package["name"].as_str().unwrap().to_owned(), deps)
        })
        .collect()
}

/// Every breach of the three rules, in words.
fn violations(metadata: &Value) -> Vec<String> {
    let mut broken = Vec::new();
    for (package, deps) in internal_dependencies(metadata) {
        let allowed = allowed(&package);
        for (dep, kind) in deps {
            if kind == "dev" {
                continue;
            }
            if DEV_ONLY.contains(&dep.as_str()) {
                broken.push(format!(
                    "{package} depends on the dev-only {dep} as a {kind} dependency \
                     (only a dev-dependency is allowed)"
                ));
            }
            if let Some(allowed) = &allowed
                && !allowed.contains(&dep.as_str())
            {
                broken.push(format!("{package} must not depend on {dep}"));
            }
            if let Some(dependents) = allowed_dependents(&dep)
                && !dependents.contains(&package.as_str())
            {
                broken.push(format!(
                    "{package} must not depend on {dep} ({kind}): only {dependents:?} may, \
                     others as a dev-dependency"
                ));
            }
        }
    }
    broken
}

#[test]
fn dependency_rule_holds() {
    let metadata = metadata();
    let packages = internal_dependencies(&metadata);
    for crate_name in [
        "mcn",
        "mcn-core",
        "mcn-network",
        "mcn-synthetic",
        "mcn-testkit",
    ] {
        assert!(packages.contains_key(crate_name), "no {crate_name}");
    }
    let broken = violations(&metadata);
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn dev_only_crates_are_not_published() {
    let metadata = metadata();
    for package in metadata["packages"].as_array().unwrap() {
        if DEV_ONLY.contains(&package["name"].as_str().unwrap()) {
            assert_eq!(package["publish"], json!([]), "{}", package["name"]);
        }
    }
}

/// The rules catch what they are for, on made-up manifests.
#[test]
fn the_rules_catch_each_kind_of_breach() {
    let package = |name: &str, deps: &[(&str, Option<&str>)]| {
        json!({
            "name": name,
            "dependencies": deps
                .iter()
                .map(|(dep, kind)| json!({ "name": dep, "kind": kind }))
                .collect::<Vec<_>>(),
        })
    };
    let fine = json!({ "packages": [
        package("mcn-core", &[]),
        package("mcn-roles", &[("mcn-core", None), ("mcn-testkit", Some("dev"))]),
        package("mcn-synthetic", &[("mcn-network", None), ("mcn-roles", None)]),
        package("mcn-cli", &[("mcn-synthetic", None), ("mcn-testkit", Some("dev"))]),
        package("mcn", &[("mcn-synthetic", None), ("mcn-evaluation", None)]),
        package("mcn-network", &[("mcn-synthetic", Some("dev"))]),
    ]});
    assert_eq!(violations(&fine), Vec::<String>::new());

    let broken = json!({ "packages": [
        package("mcn-roles", &[("mcn-governance", None)]),
        package("mcn-fhir", &[("mcn-testkit", None)]),
        package("mcn-cli", &[("mcn-testkit", Some("build"))]),
        package("mcn-schema", &[("mcn-synthetic", None)]),
        package("mcn-synthetic", &[("mcn-evaluation", None)]),
        package("mcn-evaluation", &[("mcn-synthetic", None)]),
        package("mcn-http", &[("mcn", None)]),
    ]});
    let found = violations(&broken);
    for expected in [
        "mcn-roles must not depend on mcn-governance",
        "mcn-fhir depends on the dev-only mcn-testkit as a normal dependency",
        "mcn-cli depends on the dev-only mcn-testkit as a build dependency",
        "mcn-schema must not depend on mcn-synthetic",
        "mcn-synthetic must not depend on mcn-evaluation",
        "mcn-evaluation must not depend on mcn-synthetic",
        "mcn-http must not depend on mcn (normal)",
    ] {
        assert!(
            found.iter().any(|f| f.starts_with(expected)),
            "{expected:?} not reported in {found:#?}"
        );
    }
}

#[test]
fn every_crate_opts_into_workspace_lints() {
    for entry in std::fs::read_dir(super::root().join("crates")).unwrap() {
        let manifest = entry.unwrap().path().join("Cargo.toml");
        let text = std::fs::read_to_string(&manifest).unwrap();
        assert!(
            text.contains("[lints]\nworkspace = true"),
            "{} lacks [lints] workspace = true",
            manifest.display()
        );
    }
}

#[test]
fn library_crates_deny_missing_docs_and_forbid_unsafe() {
    for entry in std::fs::read_dir(super::root().join("crates")).unwrap() {
        let lib = entry.unwrap().path().join("src/lib.rs");
        if let Ok(text) = std::fs::read_to_string(&lib) {
            assert!(
                text.contains("#![forbid(unsafe_code)]"),
                "{}",
                lib.display()
            );
            assert!(text.contains("#![deny(missing_docs)]"), "{}", lib.display());
        }
    }
}
