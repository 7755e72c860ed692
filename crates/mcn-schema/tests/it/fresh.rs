//! The committed schemas in `docs/schemas/` are exactly what this build generates.

use std::{collections::BTreeSet, fs};

use crate::common::workspace;

#[test]
fn docs_schemas_are_up_to_date() {
    let dir = workspace().join("docs/schemas");
    let expected = mcn_schema::files();
    let mut problems = Vec::new();
    for file in &expected {
        match fs::read_to_string(dir.join(&file.name)) {
            Ok(contents) if contents == file.contents => {}
            Ok(_) => problems.push(format!("{} differs", file.name)),
            Err(_) => problems.push(format!("{} is missing", file.name)),
        }
    }
    let generated: BTreeSet<&str> = expected.iter().map(|file| file.name.as_str()).collect();
    for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name != "README.md" && !generated.contains(name.as_str()) {
            problems.push(format!("{name} is not generated any more (delete it)"));
        }
    }
    assert!(
        problems.is_empty(),
        "docs/schemas/ is stale: {}.\nRegenerate it with\n\n    {}\n\nand commit the result.",
        problems.join(", "),
        mcn_schema::REGENERATE_COMMAND
    );
}
