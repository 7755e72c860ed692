//! Nothing the user has is lost: files are replaced atomically, an output
//! never replaces an input, `-o -` is standard output, and a failed write to
//! standard output is an error exit.

use std::{
    fs,
    path::Path,
    process::{Command, Stdio},
};

use crate::support::{TempDir, run, run_in};

const EXAMPLE: &str = "example-network.json";

fn example() -> Vec<u8> {
    fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../docs/examples")
            .join(EXAMPLE),
    )
    .unwrap()
}

/// The files in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_write_that_fails_part_way_leaves_the_old_file_and_no_debris() {
    let dir = TempDir::new("output-limit");
    dir.write("old.json", "{\"kept\": true}\n");
    // A file-size limit of 8 blocks (4 KiB with bash's 512-byte blocks), with
    // SIGXFSZ ignored so the write fails with EFBIG instead of killing mcn.
    let mut bash = Command::new("bash");
    bash.args([
        "-c",
        "trap '' XFSZ; ulimit -f 8; exec \"$0\" generate --scale small -o old.json",
        env!("CARGO_BIN_EXE_mcn"),
    ])
    .current_dir(dir.path());
    let run = run(bash, Stdio::piped());
    run.assert_code(2);
    assert!(
        run.stderr.contains("could not write old.json"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("old.json")).unwrap(),
        "{\"kept\": true}\n"
    );
    assert_eq!(listing(dir.path()), ["old.json"]);
}

#[test]
fn a_successful_write_replaces_the_file_and_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = TempDir::new("output-replace");
    dir.write("out.json", "old");
    let target = dir.path().join("out.json");
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
    run_in(
        dir.path(),
        &["generate", "--scale", "small", "-o", "out.json"],
    )
    .assert_code(0);
    let written = fs::read(&target).unwrap();
    assert!(written.starts_with(b"{"), "{:?}", &written[..10]);
    assert_eq!(
        fs::metadata(&target).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert_eq!(listing(dir.path()), ["out.json"]);
}

#[test]
fn an_output_that_is_an_input_is_refused_however_it_is_spelled() {
    let dir = TempDir::new("output-input");
    dir.write(EXAMPLE, example());
    fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink(EXAMPLE, dir.path().join("link.json")).unwrap();
    fs::hard_link(dir.path().join(EXAMPLE), dir.path().join("hard.json")).unwrap();
    let same = [
        "example-network.json",
        "sub/../example-network.json",
        "link.json",
        "hard.json",
    ];
    for output in same {
        for args in [
            vec!["report", EXAMPLE, "--as-of", "2026-11-01", "-o", output],
            vec![
                "fhir",
                "export",
                EXAMPLE,
                "--as-of",
                "2026-11-01",
                "-o",
                output,
            ],
            vec!["fhir", "import-organisations", EXAMPLE, "-o", output],
            vec!["csv", "import", EXAMPLE, "-o", output],
        ] {
            let run = run_in(dir.path(), &args);
            run.assert_code(2);
            assert!(
                run.stderr.contains("refusing to write"),
                "{args:?}: {}",
                run.stderr
            );
        }
    }
    assert_eq!(fs::read(dir.path().join(EXAMPLE)).unwrap(), example());
}

#[test]
fn a_dash_is_standard_output() {
    let dir = TempDir::new("output-dash");
    dir.write(EXAMPLE, example());
    let run = run_in(
        dir.path(),
        &["report", EXAMPLE, "--as-of", "2026-11-01", "-o", "-"],
    );
    run.assert_code(0);
    assert!(run.out().starts_with("Northvale"), "{}", run.out());
    assert_eq!(listing(dir.path()), [EXAMPLE]);
}

#[test]
fn a_full_standard_output_is_an_error_exit() {
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    for args in [
        vec!["validate", "--as-of", "2026-11-01", EXAMPLE],
        vec!["report", EXAMPLE, "--as-of", "2026-11-01"],
        vec!["generate", "--scale", "small"],
        vec!["schema", "network-document"],
    ] {
        let dir = TempDir::new("output-full");
        dir.write(EXAMPLE, example());
        let run = run(
            crate::support::command(dir.path(), &args),
            full.try_clone().unwrap().into(),
        );
        run.assert_code(2);
        assert!(
            run.stderr.contains("No space left"),
            "{args:?}: {}",
            run.stderr
        );
    }
}
