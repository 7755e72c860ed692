//! Hostile and broken input: every case is a clear error naming the file,
//! exit status 2, and never a panic or a flood of output.

use crate::support::{TempDir, fixtures, run_in};

/// Runs `mcn validate NAME` in `dir` in both formats and checks the common
/// contract; returns standard error.
#[track_caller]
fn unusable(dir: &TempDir, name: &str) -> String {
    unusable_in(dir, name, &["json", "text"])
}

#[track_caller]
fn unusable_in(dir: &TempDir, name: &str, formats: &[&str]) -> String {
    let mut stderr = String::new();
    for &format in formats {
        let run = run_in(dir.path(), &["validate", "--format", format, name]);
        run.assert_code(2);
        assert!(
            run.stderr.starts_with("error: could not "),
            "{name}: {}",
            run.stderr
        );
        assert!(run.stderr.contains(name), "{name}: {}", run.stderr);
        // One short line, however big the input.
        assert_eq!(run.stderr.lines().count(), 1, "{name}: {}", run.stderr);
        assert!(
            run.stderr.len() < 1_000,
            "{name}: {} bytes",
            run.stderr.len()
        );
        if format == "text" {
            assert_eq!(run.out(), "", "{name}");
        } else {
            let lines = run.json_lines();
            assert_eq!(lines.len(), 1, "{name}");
            assert!(lines[0].report.is_none(), "{name}");
            assert!(!lines[0].error.as_ref().unwrap().message.is_empty());
        }
        stderr = run.stderr;
    }
    stderr
}

fn valid_text() -> String {
    std::fs::read_to_string(fixtures().join("valid.json")).unwrap()
}

#[test]
fn empty_and_blank_files() {
    let dir = TempDir::new("empty");
    let err = unusable(&dir, dir.write("empty.json", ""));
    assert!(err.contains("empty"), "{err}");
    let err = unusable(&dir, dir.write("blank.json", " \n\t\n"));
    assert!(err.contains("empty"), "{err}");
}

#[test]
fn json_that_is_not_a_document() {
    let dir = TempDir::new("not-a-document");
    for (name, text) in [
        ("null.json", "null"),
        ("number.json", "42"),
        ("array.json", "[]"),
        ("object.json", "{}"),
        ("string.json", "\"network\""),
    ] {
        unusable(&dir, dir.write(name, text));
    }
}

#[test]
fn truncated_and_trailing_input_name_the_line() {
    let dir = TempDir::new("truncated");
    let text = valid_text();
    let half = text.get(..text.len() / 2).unwrap();
    let err = unusable(&dir, dir.write("truncated.json", half));
    let last_line = half.lines().count();
    assert!(
        err.starts_with(&format!(
            "error: could not load truncated.json:{last_line}:"
        )),
        "{err}"
    );
    let err = unusable(&dir, dir.write("trailing.json", format!("{text}\n}}")));
    assert!(err.contains("trailing"), "{err}");
}

#[test]
fn invalid_utf8() {
    let dir = TempDir::new("utf8");
    let mut bytes = valid_text().into_bytes();
    let at = bytes.windows(5).position(|w| w == b"Alex ").unwrap();
    bytes[at] = 0xff;
    let err = unusable(&dir, dir.write("latin1.json", bytes));
    assert!(err.contains("/people/0/name"), "{err}");
    unusable(&dir, dir.write("binary.json", [0xfe, 0xff, 0x00, 0x7b]));
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let dir = TempDir::new("deep");
    let depth = 200_000;
    let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    unusable(&dir, dir.write("arrays.json", &arrays));
    let objects = format!(
        r#"{{"schema_version": "1.0", "network": {}{}"#,
        r#"{"a": "#.repeat(depth),
        "}".repeat(depth + 1)
    );
    unusable(&dir, dir.write("objects.json", objects));
}

#[test]
fn huge_numbers() {
    let dir = TempDir::new("numbers");
    let text = valid_text();
    let wte = r#""wte": 1.0,"#;
    let nines = format!(r#""wte": {},"#, "9".repeat(5_000));
    for (name, from, to, path) in [
        (
            "exponent.json",
            wte,
            r#""wte": 1e999999,"#,
            "/posts/0/funding/wte",
        ),
        ("digits.json", wte, nines.as_str(), "/posts/0/funding/wte"),
        (
            "date.json",
            r#""start": "2023-05-01""#,
            r#""start": 18446744073709551616"#,
            "/appointments/0/period/start",
        ),
    ] {
        assert!(text.contains(from), "{from}");
        let err = unusable(&dir, dir.write(name, text.replacen(from, to, 1)));
        assert!(err.contains(&format!(": {path}: ")), "{name}: {err}");
    }
}

#[test]
fn a_100_mb_string_is_refused_briefly() {
    let dir = TempDir::new("big-string");
    let big = format!("\"{}\"", "a".repeat(100 * 1024 * 1024));
    // One run: a debug build parses 100 MB slowly.
    let err = unusable_in(&dir, dir.write("big.json", &big), &["text"]);
    assert!(err.contains("characters left out"), "{err}");
}

#[test]
fn unsupported_schema_version() {
    let dir = TempDir::new("version");
    let text = valid_text().replacen(
        r#""schema_version": "1.0""#,
        r#""schema_version": "2.0""#,
        1,
    );
    let err = unusable(&dir, dir.write("v2.json", text));
    assert!(err.contains("\"2.0\" is not supported"), "{err}");
}

#[test]
fn missing_file_and_directory() {
    let dir = TempDir::new("paths");
    let err = unusable(&dir, "no-such-file.json");
    assert!(
        err.starts_with("error: could not read no-such-file.json: "),
        "{err}"
    );
    std::fs::create_dir(dir.path().join("folder.json")).unwrap();
    let err = unusable(&dir, "folder.json");
    assert!(err.contains("directory"), "{err}");
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = TempDir::new("permissions");
    let name = dir.write("secret.json", valid_text());
    let path = dir.path().join(name);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&path).is_ok() {
        // Running as root: permissions do not stop reading; nothing to test.
        eprintln!("skipped: {} is readable despite mode 000", path.display());
        return;
    }
    let err = unusable(&dir, name);
    assert!(err.contains("ermission denied"), "{err}");
}
