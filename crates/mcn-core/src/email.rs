//! E-mail addresses (staff personal data).

use std::{borrow::Cow, fmt};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::text::{control, white_space};

/// Why an e-mail address was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid email {value:?}: {reason}")]
pub struct EmailError {
    /// The offending text.
    pub value: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

/// An e-mail address: `local@domain.tld`, no white space, at most 254 characters.
///
/// The check is deliberately simple (one `@`, a non-empty local part, a domain
/// with a dot and no empty labels); it catches typos, not every RFC 5322 corner.
/// The domain is lower-cased; the local part is kept as given.
///
/// ```
/// use mcn_core::Email;
/// assert_eq!(Email::new("Ann.Lee@Example.NHS.uk")?.as_str(), "Ann.Lee@example.nhs.uk");
/// assert!(Email::new("bob@").is_err());
/// # Ok::<(), mcn_core::email::EmailError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// The longest address allowed (RFC 5321 path limit).
    pub const MAX_CHARS: usize = 254;

    /// Checks `raw` and normalises the domain to lower case.
    pub fn new(raw: &str) -> Result<Self, EmailError> {
        let fail = |reason| EmailError {
            value: raw.to_owned(),
            reason,
        };
        if raw.chars().count() > Self::MAX_CHARS {
            return Err(fail("longer than 254 characters"));
        }
        if raw.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(fail("contains white space or a control character"));
        }
        let Some((local, domain)) = raw.split_once('@') else {
            return Err(fail("missing '@'"));
        };
        if local.is_empty() {
            return Err(fail("nothing before '@'"));
        }
        if domain.contains('@') {
            return Err(fail("more than one '@'"));
        }
        if !domain.contains('.') || domain.split('.').any(str::is_empty) {
            return Err(fail("the domain after '@' needs a dot and no empty parts"));
        }
        Ok(Self(format!("{local}@{}", domain.to_lowercase())))
    }

    /// The address.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;

    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::new(&raw)
    }
}

impl From<Email> for String {
    fn from(email: Email) -> Self {
        email.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl JsonSchema for Email {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Email")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_core::email::Email")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "maxLength": 254,
            "pattern": concat!(
                "^[^@", control!(), white_space!(), "]+@[^@.", control!(), white_space!(),
                "]+(\\.[^@.", control!(), white_space!(), "]+)+$"
            ),
            "description": "An e-mail address, local@domain.tld: one @, no white space, a dot in the domain \
                            and no empty labels; a deliberately simple check, not `format: email` \
                            (staff personal data; removed on redaction).",
            "x-personal-data": true,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses() {
        for ok in ["a@b.co", "first.last+tag@nhs.net", "x@sub.domain.org.uk"] {
            assert!(Email::new(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn rejects_typos_with_reason() {
        for (bad, reason) in [
            (
                "bob@",
                "the domain after '@' needs a dot and no empty parts",
            ),
            ("bob", "missing '@'"),
            ("@nhs.net", "nothing before '@'"),
            ("a@b@c.com", "more than one '@'"),
            ("a b@c.com", "contains white space or a control character"),
            (
                "a@c..com",
                "the domain after '@' needs a dot and no empty parts",
            ),
            (
                "a@localhost",
                "the domain after '@' needs a dot and no empty parts",
            ),
        ] {
            assert_eq!(Email::new(bad).unwrap_err().reason, reason, "{bad}");
        }
        let long = format!("{}@nhs.net", "a".repeat(250));
        assert!(Email::new(&long).is_err());
    }

    #[test]
    fn error_message_names_value() {
        let err = serde_json::from_str::<Email>("\"bob@\"").unwrap_err();
        assert!(err.to_string().contains("invalid email \"bob@\""), "{err}");
    }
}
