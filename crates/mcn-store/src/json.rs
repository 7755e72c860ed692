//! Assembling documents from stored canonical bodies, without re-parsing.

/// Where an exported document is written as its pieces arrive: as they are
/// (compact), or re-indented on the way in exactly as
/// `serde_json::to_string_pretty` writes the same value (two spaces,
/// `": "`, empty arrays and objects as `[]`/`{}`), so only one string is
/// ever held.
///
/// The pieces must be `serde_json` compact output (no white space outside
/// strings): stored bodies always are.
pub(crate) struct Sink {
    out: String,
    pretty: Option<Indent>,
}

/// The state of re-indenting between pieces.
#[derive(Default)]
struct Indent {
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// The closing bracket of an array or object just opened: if it comes
    /// next, the pair is written `[]` / `{}`.
    opened: Option<char>,
}

impl Sink {
    /// An empty sink; `pretty` re-indents.
    pub(crate) fn new(pretty: bool) -> Self {
        Self {
            out: String::new(),
            pretty: pretty.then(Indent::default),
        }
    }

    /// Appends a piece of compact JSON.
    pub(crate) fn push_str(&mut self, piece: &str) {
        match &mut self.pretty {
            None => self.out.push_str(piece),
            Some(indent) => {
                for c in piece.chars() {
                    indent.push(&mut self.out, c);
                }
            }
        }
    }

    /// Writes `"key":` after a comma into a document being assembled.
    pub(crate) fn key(&mut self, name: &str) {
        self.push_str(",\"");
        self.push_str(name);
        self.push_str("\":");
    }

    /// The document.
    pub(crate) fn finish(mut self) -> String {
        if let Some(indent) = &mut self.pretty
            && indent.opened.take().is_some()
        {
            indent.depth += 1;
            newline(&mut self.out, indent.depth);
        }
        self.out
    }
}

fn newline(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

impl Indent {
    fn push(&mut self, out: &mut String, c: char) {
        if let Some(close) = self.opened.take() {
            if c == close {
                out.push(c);
                return;
            }
            self.depth += 1;
            newline(out, self.depth);
        }
        if self.in_string {
            out.push(c);
            if self.escaped {
                self.escaped = false;
            } else if c == '\\' {
                self.escaped = true;
            } else if c == '"' {
                self.in_string = false;
            }
            return;
        }
        match c {
            '"' => {
                self.in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                self.opened = Some(if c == '{' { '}' } else { ']' });
            }
            '}' | ']' => {
                self.depth = self.depth.saturating_sub(1);
                newline(out, self.depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(out, self.depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Sink;

    #[test]
    fn pretty_matches_serde_json_piece_by_piece() {
        let value = serde_json::json!({
            "a": [], "b": {}, "c": [1, {"d": "x,:{}[]\"\\"}], "e": {"f": null, "g": [true]}
        });
        let compact = serde_json::to_string(&value).unwrap();
        // Split at every place, so a piece may end inside a string, an
        // escape or between a bracket and its pair.
        for split in 0..=compact.len() {
            let (a, b) = compact.split_at(split);
            let mut sink = Sink::new(true);
            sink.push_str(a);
            sink.push_str(b);
            assert_eq!(
                sink.finish(),
                serde_json::to_string_pretty(&value).unwrap(),
                "split at {split}"
            );
        }
        let mut sink = Sink::new(false);
        sink.push_str(&compact);
        assert_eq!(sink.finish(), compact);
    }
}
