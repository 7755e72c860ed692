//! `docs/findings.md` lists exactly the codes the crates declare, with the
//! same severities, each once, under its crate's heading.

use std::collections::BTreeMap;

use mcn_core::FindingCode;

/// Every crate's declared codes, by the heading they belong under.
fn declared() -> Vec<(&'static str, &'static [FindingCode])> {
    vec![
        ("mcn-organisations", mcn_organisations::codes::ALL),
        ("mcn-roles", mcn_roles::codes::ALL),
        ("mcn-governance", mcn_governance::codes::ALL),
        ("mcn-training", mcn_training::codes::ALL),
        ("mcn-standards", mcn_standards::codes::ALL),
        ("mcn-network", mcn_network::codes::ALL),
        ("mcn-store", mcn::store::codes::ALL),
    ]
}

/// `code -> (heading, severity)` from the tables in docs/findings.md.
fn documented() -> BTreeMap<String, (String, String)> {
    let text = super::read("docs/findings.md");
    let mut heading = String::new();
    let mut rows = BTreeMap::new();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            h.trim().clone_into(&mut heading);
        } else if let Some(row) = line.strip_prefix("| `") {
            let mut cells = row.split('|').map(str::trim);
            let code = cells.next().unwrap().trim_end_matches('`').to_owned();
            let severity = cells.next().unwrap().to_owned();
            let previous = rows.insert(code.clone(), (heading.clone(), severity));
            assert!(
                previous.is_none(),
                "{code} is listed twice in docs/findings.md"
            );
        }
    }
    rows
}

#[test]
fn findings_md_matches_the_declared_codes() {
    let mut documented = documented();
    for (crate_name, codes) in declared() {
        let prefix = crate_name.trim_start_matches("mcn-");
        for code in codes {
            assert!(
                code.code.starts_with(&format!("{prefix}.")),
                "{} does not start with {prefix}.",
                code.code
            );
            let (heading, severity) = documented.remove(code.code).unwrap_or_else(|| {
                panic!(
                    "{} ({crate_name}) is missing from docs/findings.md",
                    code.code
                )
            });
            assert_eq!(
                heading, crate_name,
                "{} is listed under the wrong crate",
                code.code
            );
            assert_eq!(
                severity,
                code.severity.to_string(),
                "{} has another severity in docs/findings.md",
                code.code
            );
        }
    }
    assert!(
        documented.is_empty(),
        "docs/findings.md lists codes no crate declares: {:?}",
        documented.keys()
    );
}

#[test]
fn codes_are_unique_and_dotted() {
    let mut seen = std::collections::HashSet::new();
    for (_, codes) in declared() {
        for code in codes {
            assert!(seen.insert(code.code), "{} declared twice", code.code);
            let parts: Vec<_> = code.code.split('.').collect();
            assert_eq!(parts.len(), 3, "{} is not crate.entity.problem", code.code);
            assert!(
                code.code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_'),
                "{}",
                code.code
            );
        }
    }
}
