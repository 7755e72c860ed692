//! Documentation contracts: CI runs what the README says.

#[test]
fn ci_runs_the_readme_test_command_verbatim() {
    let readme = super::read("README.md");
    let ci = super::read(".ci/run");
    let command = readme
        .lines()
        .find_map(|line| {
            line.trim()
                .strip_prefix("cargo test --workspace")
                .map(|rest| format!("cargo test --workspace{rest}"))
        })
        .expect("README gives a `cargo test --workspace` command");
    assert!(ci.contains(&command), ".ci/run does not run `{command}`");
}

#[test]
fn ci_checks_format_and_lints() {
    let ci = super::read(".ci/run");
    assert!(ci.contains("cargo fmt --all --check"));
    assert!(ci.contains("cargo clippy --workspace --all-targets --all-features -- -D warnings"));
}
