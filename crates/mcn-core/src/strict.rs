//! A strict reading of JSON for every crate that reads it (document loading in
//! mcn-network, FHIR import): [`Strict`] wraps a `serde` [`Deserializer`] and
//! refuses two things `serde_json` and `serde`'s derive accept quietly:
//!
//! - **duplicate object keys**, anywhere: in maps and free-form
//!   `serde_json::Value`s (`serde_json` keeps the last one silently; derived
//!   structs already refuse a repeated field, "duplicate field"). Check
//!   [`is_duplicate`] on a message and [`first_duplicate`] finds the JSON
//!   Pointer of the duplicate;
//! - **arrays where a struct is expected** (derive's positional form, `[a, b]`
//!   for `{"x": a, "y": b}`): a struct must be a JSON object.
//!
//! Struct fields pass straight through; a map's or free-form object's key
//! costs one comparison per key seen before in the same object (a hash set for
//! objects with many keys), and no copy of keys read from a byte slice.
//!
//! ```
//! #[derive(serde::Deserialize)]
//! struct Point { x: u8, y: u8 }
//! let strict = |json: &str| {
//!     let mut de = serde_json::Deserializer::from_str(json);
//!     mcn_core::strict::deserialize::<_, Point>(&mut de).map(|_| ()).map_err(|e| e.to_string())
//! };
//! assert!(strict(r#"{"x": 1, "y": 2}"#).is_ok());
//! assert!(strict("[1, 2]").unwrap_err().contains("invalid type: sequence, expected struct Point"));
//! assert!(strict(r#"{"x": 1, "x": 2, "y": 3}"#).unwrap_err().contains("duplicate field `x`"));
//! let mut de = serde_json::Deserializer::from_str(r#"{"a": 1, "a": 2}"#);
//! let map = mcn_core::strict::deserialize::<_, std::collections::BTreeMap<String, u8>>(&mut de);
//! assert!(map.unwrap_err().to_string().contains("duplicate key \"a\""));
//! ```

use std::{borrow::Cow, cell::RefCell, collections::HashSet, fmt, marker::PhantomData};

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Error as _, IntoDeserializer as _, MapAccess,
    SeqAccess, Unexpected, VariantAccess, Visitor,
};

use crate::{JsonPointer, text::echo};

/// Deserialises a `T` from `deserializer` strictly (see the [module](self)).
///
/// # Errors
///
/// The deserialiser's errors, and a duplicate key or an array given for a
/// struct.
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: de::Deserialize<'de>,
{
    T::deserialize(Strict(deserializer))
}

/// A [`Deserializer`] that refuses duplicate keys and arrays for structs.
#[derive(Debug)]
pub struct Strict<D>(pub D);

/// Whether `message` (a `serde` error's) is about a repeated key: ours
/// (`duplicate key`) or derive's (`duplicate field`).
#[must_use]
pub fn is_duplicate(message: &str) -> bool {
    message.starts_with("duplicate key") || message.starts_with("duplicate field")
}

/// The message for a duplicate key.
fn duplicate_message(key: &str) -> String {
    format!(
        "duplicate key \"{}\": a key may appear only once in an object",
        echo(key)
    )
}

macro_rules! forward {
    ($($method:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            self.0.$method(Wrap { visitor, object_only: false })
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_unit_struct(
            name,
            Wrap {
                visitor,
                object_only: false,
            },
        )
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_newtype_struct(
            name,
            Wrap {
                visitor,
                object_only: false,
            },
        )
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple(
            len,
            Wrap {
                visitor,
                object_only: false,
            },
        )
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple_struct(
            name,
            len,
            Wrap {
                visitor,
                object_only: false,
            },
        )
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_struct(
            name,
            fields,
            Wrap {
                visitor,
                object_only: true,
            },
        )
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_enum(
            name,
            variants,
            Wrap {
                visitor,
                object_only: false,
            },
        )
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A visitor that hands on strict wrappers of what it is given; for a struct
/// (`object_only`) it refuses a sequence.
struct Wrap<V> {
    visitor: V,
    object_only: bool,
}

macro_rules! visit {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        fn $method<E: de::Error>(self, value: $ty) -> Result<Self::Value, E> {
            self.visitor.$method(value)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    visit!(
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_i128(i128),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_u128(u128),
        visit_f32(f32),
        visit_f64(f64),
        visit_char(char),
        visit_str(&str),
        visit_borrowed_str(&'de str),
        visit_string(String),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    );

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visitor.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visitor.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.visitor.visit_some(Strict(deserializer))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        self.visitor.visit_newtype_struct(Strict(deserializer))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        if self.object_only {
            return Err(A::Error::invalid_type(Unexpected::Seq, &self));
        }
        self.visitor.visit_seq(StrictSeq(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        // A derived struct refuses a repeated field itself ("duplicate
        // field"), and an unknown one with `deny_unknown_fields`: its keys go
        // straight through, which keeps the common case as fast as plain
        // serde_json. Maps and free-form values are checked here.
        self.visitor.visit_map(StrictMap {
            map,
            keys: (!self.object_only).then(Keys::default),
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.visitor.visit_enum(StrictEnum(data))
    }
}

/// A seed whose deserialiser is made strict.
struct Seed<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Strict(deserializer))
    }
}

struct StrictSeq<A>(A);

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for StrictSeq<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// Objects with at most this many keys are checked by comparing with each
/// key before; larger ones with a hash set.
const LINEAR: usize = 16;

/// The keys of one object seen so far.
#[derive(Default)]
struct Keys<'de> {
    list: Vec<Cow<'de, str>>,
    set: Option<HashSet<Cow<'de, str>>>,
}

impl<'de> Keys<'de> {
    /// Records `key`; false if it was seen before. (The `Cow` is kept: a
    /// borrowed key is recorded without a copy.)
    #[allow(clippy::ptr_arg)]
    fn insert(&mut self, key: &Cow<'de, str>) -> bool {
        if self.list.len() < LINEAR {
            if self.list.iter().any(|seen| seen == key) {
                return false;
            }
            self.list.push(key.clone());
            return true;
        }
        self.set
            .get_or_insert_with(|| self.list.iter().cloned().collect())
            .insert(key.clone())
    }
}

struct StrictMap<'de, A> {
    map: A,
    /// The keys seen, for a map or free-form object; `None` for a struct.
    keys: Option<Keys<'de>>,
}

/// Reads a key as text, borrowed from the input where it can be.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(value))
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for StrictMap<'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let Some(keys) = &mut self.keys else {
            return self.map.next_key_seed(Seed(seed));
        };
        let Some(key) = self.map.next_key_seed(KeySeed)? else {
            return Ok(None);
        };
        if !keys.insert(&key) {
            return Err(A::Error::custom(duplicate_message(&key)));
        }
        match key {
            Cow::Borrowed(text) => seed
                .deserialize(de::value::BorrowedStrDeserializer::<A::Error>::new(text))
                .map(Some),
            Cow::Owned(text) => seed
                .deserialize(text.as_str().into_deserializer())
                .map(Some),
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.map.next_value_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

struct StrictEnum<A>(A);

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for StrictEnum<A> {
    type Error = A::Error;
    type Variant = StrictVariant<A::Variant>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), A::Error> {
        self.0
            .variant_seed(seed)
            .map(|(value, variant)| (value, StrictVariant(variant)))
    }
}

struct StrictVariant<A>(A);

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for StrictVariant<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Seed(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(
            len,
            Wrap {
                visitor,
                object_only: false,
            },
        )
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(
            fields,
            Wrap {
                visitor,
                object_only: true,
            },
        )
    }
}

/// The JSON Pointer of the first duplicate key in the JSON `bytes`, if any
/// (`None` too for input that is not JSON). For messages: it reads the whole
/// input again.
///
/// ```
/// use mcn_core::strict::first_duplicate;
/// let json = br#"{"people": [{"name": "A"}, {"name": "B", "name": "C"}]}"#;
/// assert_eq!(first_duplicate(json).unwrap().as_str(), "/people/1/name");
/// assert_eq!(first_duplicate(br#"{"a": {"a": 1}}"#), None);
/// ```
#[must_use]
pub fn first_duplicate(bytes: &[u8]) -> Option<JsonPointer> {
    let found = RefCell::new(None);
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let _ = Walk {
        path: JsonPointer::root(),
        found: &found,
        marker: PhantomData,
    }
    .deserialize(&mut deserializer);
    found.into_inner()
}

/// Walks a JSON value; at a duplicate key records its pointer and stops
/// (with an error).
struct Walk<'f, 'de> {
    path: JsonPointer,
    found: &'f RefCell<Option<JsonPointer>>,
    marker: PhantomData<&'de ()>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while seq
            .next_element_seed(Walk {
                path: self.path.clone().index(index),
                found: self.found,
                marker: PhantomData,
            })?
            .is_some()
        {
            index += 1;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut keys = Keys::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let path = self.path.clone().key(&key);
            if !keys.insert(&key) {
                *self.found.borrow_mut() = Some(path);
                return Err(A::Error::custom("duplicate key"));
            }
            map.next_value_seed(Walk {
                path,
                found: self.found,
                marker: PhantomData,
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;
    use serde_json::Value;

    use super::*;

    fn strict<T: for<'de> Deserialize<'de>>(json: &str) -> Result<T, String> {
        let mut de = serde_json::Deserializer::from_str(json);
        deserialize::<_, T>(&mut de).map_err(|e| e.to_string())
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        a: u8,
        #[serde(default)]
        extra: Option<Value>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        inner: Vec<Inner>,
        #[serde(default)]
        map: BTreeMap<String, u8>,
    }

    #[test]
    fn accepts_well_formed_input() {
        let outer: Outer = strict(
            r#"{"inner": [{"a": 1, "extra": {"x": [1, {"y": 2}]}}], "map": {"k": 1, "l": 2}}"#,
        )
        .unwrap();
        assert_eq!(outer.inner[0].a, 1);
        assert_eq!(outer.map.len(), 2);
        // Escaped keys are read too.
        let outer: Outer = strict(r#"{"inner": [], "m\u0061p": {"\u006b": 1}}"#).unwrap();
        assert_eq!(outer.map.get("k"), Some(&1));
    }

    #[test]
    fn refuses_duplicates_everywhere() {
        // serde_json alone keeps the last of a map's keys and a value's keys.
        let lenient: BTreeMap<String, u8> = serde_json::from_str(r#"{"k": 1, "k": 2}"#).unwrap();
        assert_eq!(lenient.get("k"), Some(&2));
        for json in [
            r#"{"inner": [], "map": {"k": 1, "k": 2}}"#,
            r#"{"inner": [{"a": 1, "extra": {"x": 1, "x": 2}}]}"#,
            r#"{"inner": [], "map": {"k": 1, "\u006b": 2}}"#,
        ] {
            let error = strict::<Outer>(json).unwrap_err();
            assert!(error.contains("duplicate key"), "{json}: {error}");
        }
        // Derived structs refuse repeated fields themselves.
        for json in [
            r#"{"inner": [{"a": 1, "a": 1}]}"#,
            r#"{"inner": [], "inner": []}"#,
        ] {
            let error = strict::<Outer>(json).unwrap_err();
            assert!(is_duplicate(&error), "{json}: {error}");
        }
        let many: String = (0..100)
            .map(|i| ["\"k", &i.to_string(), "\": 1, "].concat())
            .collect();
        let error = strict::<BTreeMap<String, u8>>(&format!("{{{many}\"k99\": 2}}")).unwrap_err();
        assert!(error.contains("duplicate key \"k99\""), "{error}");
        assert!(strict::<BTreeMap<String, u8>>(&format!("{{{many}\"k100\": 2}}")).is_ok());
    }

    #[test]
    fn refuses_arrays_for_structs() {
        assert!(serde_json::from_str::<Inner>("[1, null]").is_ok());
        let error = strict::<Inner>("[1, null]").unwrap_err();
        assert!(
            error.contains("invalid type: sequence, expected struct Inner"),
            "{error}"
        );
        let error = strict::<Outer>("{\"inner\": [[1, null]]}").unwrap_err();
        assert!(error.contains("sequence"), "{error}");
        // Arrays where arrays belong are fine.
        assert!(strict::<Vec<u8>>("[1, 2]").is_ok());
        assert!(strict::<(u8, u8)>("[1, 2]").is_ok());
    }

    #[test]
    fn duplicate_pointer() {
        assert_eq!(
            first_duplicate(br#"{"a": [0, {"b": 1, "c": {"d": 1, "d": 2}}]}"#)
                .map(|p| p.as_str().to_owned()),
            Some("/a/1/c/d".to_owned())
        );
        assert_eq!(first_duplicate(br#"{"a": [{"b": 1}, {"b": 1}]}"#), None);
        assert_eq!(first_duplicate(b"not json"), None);
    }
}
