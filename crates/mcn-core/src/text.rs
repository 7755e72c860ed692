//! Human-readable text that is never empty: [`Text`] for names and titles,
//! [`Note`] for longer, possibly multi-line descriptions.

use std::{borrow::Cow, fmt, fmt::Write as _};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// Why a text value was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    /// Nothing but white space or invisible characters (zero-width space,
    /// byte-order mark, Hangul filler, ...: [`is_invisible`]) was given.
    #[error("text is empty (after trimming white space; invisible characters do not count)")]
    Empty,
    /// The text is longer than the type allows.
    #[error("text is {len} characters long; at most {max} are allowed")]
    TooLong {
        /// Length in characters, after trimming.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// The text holds a control character the type does not allow.
    #[error("text contains control character {}", code_point(*.0))]
    ControlCharacter(char),
    /// The text holds a bidirectional override or isolate control, which
    /// could reorder how the text around it is shown.
    #[error(
        "text contains bidirectional control character {}, which could reorder what is shown",
        code_point(*.0)
    )]
    BidiControl(char),
}

/// `U+202E`: how a character is named in messages.
fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// Whether `c` is a bidirectional embedding, override or isolate control
/// (U+202A–U+202E, U+2066–U+2069).
#[must_use]
pub const fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` shows nothing on its own: white space, and the characters
/// that render as blank (zero-width space, joiners, word joiner, invisible
/// operators, byte-order mark, soft hyphen, combining grapheme joiner,
/// Mongolian vowel separator, directional marks, Braille blank, Hangul
/// fillers). A text made only of these is blank.
#[must_use]
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00ad}'
                | '\u{034f}'
                | '\u{061c}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{feff}'
                | '\u{ffa0}'
        )
}

fn parse_text(raw: &str, max: usize, multiline: bool) -> Result<String, TextError> {
    let trimmed = raw.trim();
    if trimmed.chars().all(is_invisible) {
        return Err(TextError::Empty);
    }
    if let Some(c) = trimmed
        .chars()
        .find(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
    {
        return Err(TextError::ControlCharacter(c));
    }
    if let Some(c) = trimmed.chars().find(|c| is_bidi_control(*c)) {
        return Err(TextError::BidiControl(c));
    }
    let len = trimmed.chars().count();
    if len > max {
        return Err(TextError::TooLong { len, max });
    }
    Ok(trimmed.to_owned())
}

/// The characters `char::is_whitespace` accepts, as the body of a regex
/// character class. Spelled out because ECMAScript's `\s` differs (it adds
/// U+FEFF and omits U+0085), so every validator reads the same set.
macro_rules! white_space {
    () => {
        "\\u0009-\\u000d\\u0020\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
    };
}

/// The characters `char::is_control` accepts (C0, DEL and C1), as the body of
/// a regex character class.
macro_rules! control {
    () => {
        "\\u0000-\\u001f\\u007f-\\u009f"
    };
}
pub(crate) use {control, white_space};

macro_rules! bounded_text {
    ($(#[$meta:meta])* $name:ident, max = $max:expr, multiline = $multiline:expr, pattern = $pattern:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The longest value allowed, in characters.
            pub const MAX_CHARS: usize = $max;

            /// Trims `raw` and checks it is non-empty, short enough and free of
            /// disallowed control characters.
            pub fn new(raw: &str) -> Result<Self, TextError> {
                parse_text(raw, Self::MAX_CHARS, $multiline).map(Self)
            }

            /// The text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = TextError;

            fn try_from(raw: String) -> Result<Self, Self::Error> {
                Self::new(&raw)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = TextError;

            fn try_from(raw: &str) -> Result<Self, Self::Error> {
                Self::new(raw)
            }
        }

        impl From<$name> for String {
            fn from(text: $name) -> Self {
                text.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = TextError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::new(s)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }

            fn schema_id() -> Cow<'static, str> {
                Cow::Borrowed(concat!("mcn_core::text::", stringify!($name)))
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "minLength": 1,
                    "maxLength": $max,
                    "pattern": $pattern,
                    "description": format!(
                        "Non-empty text (at least one non-space character), at most {} \
                         characters; surrounding white space is trimmed on load.",
                        Self::MAX_CHARS
                    ),
                })
            }
        }
    };
}

bounded_text! {
    /// A name or title: trimmed, non-empty, at most 500 characters, one line
    /// (no control characters).
    ///
    /// ```
    /// use mcn_core::Text;
    /// assert_eq!(Text::new("  Rainbow Hospice ")?.as_str(), "Rainbow Hospice");
    /// assert!(Text::new("   ").is_err());
    /// # Ok::<(), mcn_core::text::TextError>(())
    /// ```
    Text,
    max = 500,
    multiline = false,
    // Surrounding white space (tabs and line breaks too: they are trimmed), then
    // the text: it starts and ends with a visible character, no control inside.
    pattern = concat!(
        "^[", white_space!(), "]*[^", control!(), white_space!(), "]([^", control!(), "]*[^",
        control!(), white_space!(), "])?[", white_space!(), "]*$"
    )
}

bounded_text! {
    /// A description, note or comment: trimmed, non-empty, at most 10,000
    /// characters; line breaks and tabs are allowed, other control characters are not.
    Note,
    max = 10_000,
    multiline = true,
    pattern = concat!(
        "^[", white_space!(), "]*[^", control!(), white_space!(),
        "]([^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*[^", control!(),
        white_space!(), "])?[", white_space!(), "]*$"
    )
}

impl Text {
    /// The placeholder that [`crate::Redact`] puts in place of a personal name.
    #[must_use]
    pub fn redacted() -> Self {
        Self(REDACTED.to_owned())
    }
}

/// The text that stands in for redacted personal data.
pub const REDACTED: &str = "[redacted]";

/// Characters [`shorten`] keeps from the start and from the end.
const KEEP_HEAD: usize = 200;
const KEEP_TAIL: usize = 100;

/// `text`, with the middle of anything longer than a few hundred characters
/// left out (and the count of what was left out said): messages that quote
/// input, such as `serde_json`'s, must not echo a 100 MB value back.
///
/// ```
/// use mcn_core::text::shorten;
/// let long = format!("invalid value {:?}", "x".repeat(10_000));
/// let short = shorten(&long);
/// assert!(short.contains("characters left out") && short.chars().count() < 400);
/// assert_eq!(shorten("short"), "short");
/// ```
#[must_use]
pub fn shorten(text: &str) -> Cow<'_, str> {
    let count = text.chars().count();
    if count <= KEEP_HEAD + KEEP_TAIL + 40 {
        return Cow::Borrowed(text);
    }
    let byte_at = |chars: usize| {
        text.char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| i)
    };
    let head = text.get(..byte_at(KEEP_HEAD)).unwrap_or_default();
    let tail = text.get(byte_at(count - KEEP_TAIL)..).unwrap_or_default();
    Cow::Owned(format!(
        "{head}… [{} characters left out] …{tail}",
        count - KEEP_HEAD - KEEP_TAIL
    ))
}

/// `text` as it may be echoed back in a message: control characters,
/// bidirectional controls and other invisible characters (except the plain
/// space) escaped as `\u{1b}`, and the middle left out when long
/// ([`shorten`]). Every value from the input that a message quotes (unknown
/// fields and variants, FHIR import warnings, file names) goes through this,
/// so a terminal escape sequence in the input never reaches a terminal raw.
///
/// ```
/// use mcn_core::text::echo;
/// assert_eq!(echo("red\u{1b}[31m\u{202e}"), "red\\u{1b}[31m\\u{202e}");
/// assert_eq!(echo("plain text"), "plain text");
/// ```
#[must_use]
pub fn echo(text: &str) -> Cow<'_, str> {
    match escape(text) {
        Cow::Borrowed(text) => shorten(text),
        Cow::Owned(escaped) => Cow::Owned(shorten(&escaped).into_owned()),
    }
}

/// `text` with control characters, bidirectional controls and other
/// invisible characters (except the plain space) escaped as `\u{1b}`, not
/// shortened: for a whole message that may name a file.
///
/// ```
/// use mcn_core::text::escape;
/// assert_eq!(escape("a\u{7}b"), "a\\u{7}b");
/// ```
#[must_use]
pub fn escape(text: &str) -> Cow<'_, str> {
    let needs_escape =
        |c: char| c != ' ' && (c.is_control() || is_bidi_control(c) || is_invisible(c));
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            // Writing to a `String` cannot fail.
            let _ = write!(escaped, "\\u{{{:x}}}", u32::from(c));
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_accepts() {
        assert_eq!(Text::new("\t Hello \n").unwrap().as_str(), "Hello");
        assert_eq!(
            Note::new(" line one\nline two ").unwrap().as_str(),
            "line one\nline two"
        );
    }

    #[test]
    fn empty_after_trim_is_rejected() {
        assert_eq!(Text::new(""), Err(TextError::Empty));
        assert_eq!(Text::new(" \t\n "), Err(TextError::Empty));
        assert_eq!(Note::new("\n\n"), Err(TextError::Empty));
    }

    #[test]
    fn length_boundary() {
        let max = "x".repeat(Text::MAX_CHARS);
        assert!(Text::new(&max).is_ok());
        assert_eq!(
            Text::new(&format!("{max}x")),
            Err(TextError::TooLong { len: 501, max: 500 })
        );
        // characters, not bytes
        assert!(Text::new(&"é".repeat(Text::MAX_CHARS)).is_ok());
        assert!(Note::new(&"y".repeat(Note::MAX_CHARS + 1)).is_err());
    }

    #[test]
    fn invisible_only_is_blank() {
        for blank in [
            "\u{200b}",
            "\u{200c}\u{200d}",
            "\u{2060}",
            "\u{feff}",
            "\u{2800}",
            "\u{115f}\u{1160}",
            "\u{3164}",
            "\u{ffa0}",
            " \u{200b} \u{feff} ",
        ] {
            assert_eq!(Text::new(blank), Err(TextError::Empty), "{blank:?}");
            assert_eq!(Note::new(blank), Err(TextError::Empty), "{blank:?}");
        }
        assert!(Text::new("a\u{200d}b").is_ok());
    }

    #[test]
    fn bidi_controls_are_refused() {
        for c in [
            '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}',
        ] {
            let text = format!("Hospice {c}exe.txt");
            assert_eq!(Text::new(&text), Err(TextError::BidiControl(c)));
            assert_eq!(Note::new(&text), Err(TextError::BidiControl(c)));
        }
        let error = Text::new("a\u{202e}b").unwrap_err().to_string();
        assert!(error.contains("U+202E"), "{error}");
        assert_eq!(
            Text::new("a\u{1b}b").unwrap_err().to_string(),
            "text contains control character U+001B"
        );
        assert!(Note::new("a\u{85}b").is_err());
        assert!(Note::new("a\u{9b}b").is_err());
    }

    #[test]
    fn echo_escapes_and_shortens() {
        assert_eq!(echo("\u{1b}[2J"), "\\u{1b}[2J");
        assert_eq!(echo("a\nb\tc\u{7f}"), "a\\u{a}b\\u{9}c\\u{7f}");
        let long = format!("{}\u{1b}", "x".repeat(10_000));
        let short = echo(&long);
        assert!(short.chars().count() < 400 && !short.contains('\u{1b}'));
    }

    #[test]
    fn control_characters() {
        assert_eq!(Text::new("a\nb"), Err(TextError::ControlCharacter('\n')));
        assert_eq!(
            Note::new("a\u{7}b"),
            Err(TextError::ControlCharacter('\u{7}'))
        );
        assert!(Note::new("a\r\n\tb").is_ok());
    }

    #[test]
    fn serde_trims_and_rejects() {
        let t: Text = serde_json::from_str("\" Chair \"").unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"Chair\"");
        let err = serde_json::from_str::<Text>("\"  \"").unwrap_err();
        assert!(err.to_string().contains("text is empty"), "{err}");
    }

    #[test]
    fn schema_states_constraints() {
        let schema = schemars::schema_for!(Text);
        assert_eq!(
            schema.get("minLength").and_then(serde_json::Value::as_u64),
            Some(1)
        );
        assert_eq!(
            schema.get("maxLength").and_then(serde_json::Value::as_u64),
            Some(500)
        );
        assert!(schema.get("pattern").is_some());
    }
}
