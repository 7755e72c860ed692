//! JSON Pointers (RFC 6901) into a document, e.g. `/meetings/4/attendance/2/person`.

use std::{borrow::Cow, cmp::Ordering, fmt};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// A JSON Pointer, built segment by segment with `~` and `/` escaped.
///
/// Pointers order segment by segment, numbers numerically, so `/people/2`
/// sorts before `/people/10`.
///
/// ```
/// use mcn_core::JsonPointer;
/// let p = JsonPointer::root().key("people").index(12).key("email");
/// assert_eq!(p.as_str(), "/people/12/email");
/// assert_eq!(JsonPointer::root().key("a/b~c").as_str(), "/a~1b~0c");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JsonPointer(String);

impl JsonPointer {
    /// The whole document (the empty pointer).
    #[must_use]
    pub const fn root() -> Self {
        Self(String::new())
    }

    /// Entry `index` of the document's top-level collection `collection`:
    /// `JsonPointer::entry("people", 12)` is `/people/12`.
    #[must_use]
    pub fn entry(collection: &str, index: usize) -> Self {
        // One allocation: the name, two slashes and up to 20 digits.
        let mut pointer = Self(String::with_capacity(collection.len() + 22));
        pointer.push_key(collection);
        pointer.push_index(index);
        pointer
    }

    /// This pointer extended by an object member name (escaped per RFC 6901).
    #[must_use]
    pub fn key(mut self, name: &str) -> Self {
        self.push_key(name);
        self
    }

    /// This pointer extended by an array index.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.push_index(index);
        self
    }

    /// Appends an object member name in place.
    pub fn push_key(&mut self, name: &str) {
        self.0.reserve(name.len() + 1);
        self.0.push('/');
        if !name.contains(['~', '/']) {
            // The common case: nothing to escape.
            self.0.push_str(name);
            return;
        }
        for c in name.chars() {
            match c {
                '~' => self.0.push_str("~0"),
                '/' => self.0.push_str("~1"),
                c => self.0.push(c),
            }
        }
    }

    /// Appends an array index in place.
    pub fn push_index(&mut self, index: usize) {
        // The decimal digits, last first, without the formatting machinery
        // (paths are built for every entry some rules look at).
        let mut digits = [b'0'; 20];
        let mut start = digits.len();
        let mut rest = index;
        while let Some(slot) = start.checked_sub(1).and_then(|at| digits.get_mut(at)) {
            start -= 1;
            *slot = b'0' + u8::try_from(rest % 10).unwrap_or(0);
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        self.0.push('/');
        self.0
            .push_str(std::str::from_utf8(digits.get(start..).unwrap_or_default()).unwrap_or("0"));
    }

    /// The pointer text; empty for the root.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The segments, unescaped.
    pub fn segments(&self) -> impl Iterator<Item = String> + '_ {
        self.0
            .split('/')
            .skip(1)
            .map(|s| s.replace("~1", "/").replace("~0", "~"))
    }

    /// Whether `other` is this pointer or lies below it.
    #[must_use]
    pub fn is_prefix_of(&self, other: &Self) -> bool {
        other
            .0
            .strip_prefix(&self.0)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    }
}

impl Ord for JsonPointer {
    fn cmp(&self, other: &Self) -> Ordering {
        let mut mine = self.0.split('/');
        let mut theirs = other.0.split('/');
        loop {
            match (mine.next(), theirs.next()) {
                (None, None) => return Ordering::Equal,
                (None, Some(_)) => return Ordering::Less,
                (Some(_), None) => return Ordering::Greater,
                (Some(a), Some(b)) => {
                    let order = match (a.parse::<u64>(), b.parse::<u64>()) {
                        (Ok(x), Ok(y)) => x.cmp(&y).then_with(|| a.cmp(b)),
                        _ => a.cmp(b),
                    };
                    if order != Ordering::Equal {
                        return order;
                    }
                }
            }
        }
    }
}

impl PartialOrd for JsonPointer {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("(document root)")
        } else {
            f.write_str(&self.0)
        }
    }
}

impl JsonSchema for JsonPointer {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("JsonPointer")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_core::pointer::JsonPointer")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "json-pointer",
            "description": "A JSON Pointer (RFC 6901) into the document the finding is about.",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_and_keys_are_written_as_text() {
        for index in [0, 7, 10, 99, 12_345, usize::MAX] {
            assert_eq!(
                JsonPointer::entry("people", index).as_str(),
                format!("/people/{index}")
            );
        }
        assert_eq!(JsonPointer::root().key("a/b~c").as_str(), "/a~1b~0c");
        assert_eq!(JsonPointer::entry("x~", 3).key("").as_str(), "/x~0/3/");
    }

    #[test]
    fn escapes_tilde_before_slash() {
        let p = JsonPointer::root().key("~1").key("x/y").index(0);
        assert_eq!(p.as_str(), "/~01/x~1y/0");
        assert_eq!(p.segments().collect::<Vec<_>>(), ["~1", "x/y", "0"]);
    }

    #[test]
    fn entry_of_a_collection() {
        assert_eq!(JsonPointer::entry("people", 12).as_str(), "/people/12");
        assert_eq!(
            JsonPointer::entry("a/b", 0),
            JsonPointer::root().key("a/b").index(0)
        );
    }

    #[test]
    fn root_and_empty_key() {
        assert_eq!(JsonPointer::root().as_str(), "");
        assert_eq!(JsonPointer::root().key("").as_str(), "/");
        assert_eq!(JsonPointer::root().to_string(), "(document root)");
    }

    #[test]
    fn orders_indices_numerically() {
        let p = |i| JsonPointer::root().key("people").index(i);
        let mut v = [
            p(10),
            p(2),
            JsonPointer::root().key("people"),
            p(1).key("name"),
        ];
        v.sort();
        let got: Vec<_> = v.iter().map(JsonPointer::as_str).collect();
        assert_eq!(
            got,
            ["/people", "/people/1/name", "/people/2", "/people/10"]
        );
    }

    #[test]
    fn prefix() {
        let people = JsonPointer::root().key("people");
        assert!(people.is_prefix_of(&people.clone().index(3)));
        assert!(people.is_prefix_of(&people));
        assert!(!people.is_prefix_of(&JsonPointer::root().key("peoples")));
    }
}
