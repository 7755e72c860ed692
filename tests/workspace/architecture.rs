//! The dependency rule and lint opt-in of docs/ARCHITECTURE.md, checked on the
//! real manifests (via `cargo metadata`).

use std::{collections::BTreeMap, process::Command};

use serde_json::Value;

/// Internal crates each package may depend on (normal dependencies).
fn allowed(package: &str) -> Option<&'static [&'static str]> {
    const DOMAIN: &[&str] = &["mcn-core"];
    Some(match package {
        "mcn-core" => &[],
        "mcn-organisations" | "mcn-roles" | "mcn-governance" | "mcn-training" | "mcn-standards" => {
            DOMAIN
        }
        "mcn-network" => &[
            "mcn-core",
            "mcn-organisations",
            "mcn-roles",
            "mcn-governance",
            "mcn-training",
            "mcn-standards",
        ],
        "mcn-evaluation" => &[
            "mcn-core",
            "mcn-organisations",
            "mcn-roles",
            "mcn-governance",
            "mcn-training",
            "mcn-standards",
            "mcn-network",
        ],
        _ => return None,
    })
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

fn internal_dependencies() -> BTreeMap<String, Vec<String>> {
    metadata()["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|package| {
            let deps = package["dependencies"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["kind"].is_null() && d["name"].as_str().unwrap().starts_with("mcn-"))
                .map(|d| d["name"].as_str().unwrap().to_owned())
                .collect();
            (package["name"].as_str().unwrap().to_owned(), deps)
        })
        .collect()
}

#[test]
fn dependency_rule_holds() {
    let packages = internal_dependencies();
    assert!(packages.contains_key("mcn-core"));
    for (package, deps) in &packages {
        let Some(allowed) = allowed(package) else {
            // Adapters and dev-only crates may depend on anything below them,
            // but nothing below may depend on them (checked next).
            continue;
        };
        for dep in deps {
            assert!(
                allowed.contains(&dep.as_str()),
                "{package} must not depend on {dep}"
            );
        }
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
