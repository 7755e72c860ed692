//! Assembling documents from stored canonical bodies, without re-parsing.

/// Re-indents compact JSON exactly as `serde_json::to_string_pretty` writes
/// the same value (two spaces, `": "`, empty arrays and objects as `[]`/`{}`).
///
/// `compact` must be `serde_json` compact output (no white space outside
/// strings): stored bodies always are.
pub(crate) fn pretty(compact: &str) -> String {
    // Pretty JSON of a document is about 1.3 × its compact form.
    let mut out = String::with_capacity(compact.len().saturating_add(compact.len() / 2));
    let mut depth = 0_usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

/// Writes `"key":` after a comma into a document being assembled.
pub(crate) fn key(out: &mut String, name: &str) {
    out.push_str(",\"");
    out.push_str(name);
    out.push_str("\":");
}

#[cfg(test)]
mod tests {
    use super::pretty;

    #[test]
    fn pretty_matches_serde_json() {
        let value = serde_json::json!({
            "a": [], "b": {}, "c": [1, {"d": "x,:{}[]\"\\"}], "e": {"f": null, "g": [true]}
        });
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(
            pretty(&compact),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }
}
