//! `mcn csv export`, `import` and `template`.

use mcn_network::NetworkDocument;

use crate::support::{TempDir, run_in};

fn example() -> String {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/example-network.json"
    )
    .to_owned()
}

#[test]
fn the_example_goes_out_and_comes_back_the_same() {
    let dir = TempDir::new("csv-round-trip");
    run_in(
        dir.path(),
        &["csv", "export", &example(), "--out", "sheets"],
    )
    .assert_code(0);
    assert!(dir.path().join("sheets/meeting_attendance.csv").is_file());
    let run = run_in(
        dir.path(),
        &[
            "csv",
            "import",
            "sheets",
            "-o",
            "back.json",
            "--as-of",
            "2026-11-01",
        ],
    );
    run.assert_code(0);
    assert!(
        run.stderr
            .contains("mcn: organisations: 26 rows, 26 added, 0 updated"),
        "{}",
        run.stderr
    );
    assert!(run.out().contains("back.json: 0 errors"), "{}", run.out());
    let back =
        NetworkDocument::from_json(&std::fs::read(dir.path().join("back.json")).unwrap()).unwrap();
    let original = NetworkDocument::from_json(&std::fs::read(example()).unwrap()).unwrap();
    assert_eq!(back, original);
}

#[test]
fn a_bad_cell_fails_the_import_and_writes_nothing() {
    let dir = TempDir::new("csv-bad");
    std::fs::copy(example(), dir.path().join("network.json")).unwrap();
    let before = std::fs::read(dir.path().join("network.json")).unwrap();
    dir.write(
        "people.csv",
        "name,profession,email\r\nAda,wizard,ada@x.example\r\nBob,nurse,\r\n",
    );
    dir.write("posts.csv", "title,role,organisation,period_start\r\nLead,clinical_lead,4e564e56-0002-8000-8000-000000000001,31/31/2026\r\n");
    let run = run_in(
        dir.path(),
        &[
            "csv",
            "import",
            "people.csv",
            "posts.csv",
            "--into",
            "network.json",
            "-o",
            "network.json",
        ],
    );
    run.assert_code(2);
    assert!(
        run.stderr.contains("error: posts.csv:2:4 (period_start): expected a date as 2026-03-01 or 01/03/2026 (day first), found `31/31/2026`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error: people.csv:2:2 (profession): unknown variant `wizard`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("2 problems in the CSV input; nothing written"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read(dir.path().join("network.json")).unwrap(),
        before
    );
}

#[test]
fn error_findings_after_a_clean_import_write_nothing() {
    let dir = TempDir::new("csv-findings");
    dir.write(
        "appointments.csv",
        "post,person,period_start,wte\n4e564e56-0007-8000-8000-000000000001,0190f6a4-0000-7000-8000-0000000000ff,2026-01-01,0.5\n",
    );
    let run = run_in(
        dir.path(),
        &[
            "csv",
            "import",
            "appointments.csv",
            "--into",
            &example(),
            "-o",
            "out.json",
            "--as-of",
            "2026-11-01",
        ],
    );
    run.assert_code(1);
    assert!(
        run.out().contains("error[network.reference.dangling]"),
        "{}",
        run.out()
    );
    assert!(run.stderr.contains("new id"), "{}", run.stderr);
    assert!(run.stderr.contains("nothing written"), "{}", run.stderr);
    assert!(!dir.path().join("out.json").exists());
}

#[test]
fn a_template_is_the_header_and_an_example_row() {
    let dir = TempDir::new("csv-template");
    let run = run_in(dir.path(), &["csv", "template", "meeting_attendance"]);
    run.assert_code(0);
    let out = run.out();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "meeting_id,person,status,on_behalf_of");
    assert_eq!(lines.len(), 2);
    run_in(
        dir.path(),
        &["csv", "template", "people", "-o", "people.csv"],
    )
    .assert_code(0);
    assert!(
        std::fs::read_to_string(dir.path().join("people.csv"))
            .unwrap()
            .starts_with("id,name,profession,")
    );
    let run = run_in(dir.path(), &["csv", "template", "nope"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("no table is called `nope`"),
        "{}",
        run.stderr
    );
}
