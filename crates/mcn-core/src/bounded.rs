//! Whole numbers bounded to a range (ratings, capacities, durations, week
//! counts): one macro, [`bounded_integer!`](crate::bounded_integer), and its error.

/// A whole number outside the range its type allows.
///
/// ```
/// use mcn_core::bounded::OutOfRange;
/// let error = OutOfRange { what: "rating", value: 6, min: 1, max: 5 };
/// assert_eq!(error.to_string(), "rating 6 is out of range: expected 1 to 5");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{what} {value} is out of range: expected {min} to {max}")]
pub struct OutOfRange {
    /// What the number is, e.g. `rating`.
    pub what: &'static str,
    /// The value given (it may be negative or far too large).
    pub value: i128,
    /// The smallest value allowed.
    pub min: u64,
    /// The largest value allowed.
    pub max: u64,
}

/// Defines a whole-number newtype bounded to `min..=max` over an unsigned
/// representation (`u8`, `u16` or `u32`):
///
/// - `MIN` and `MAX` (values of the type), `get`, and the one constructor
///   `new(value: u64) -> Result<Self, OutOfRange>`;
/// - `TryFrom<u64>` and `TryFrom<i64>` failing with [`OutOfRange`] (naming
///   `what`, the value and the range), `From<Self>` for the representation and
///   for `u64`, and `Display` (the number);
/// - serde as a JSON integer, checked on load (a fraction, a negative or an
///   out-of-range number is a clear error);
/// - a JSON Schema `{"type": "integer", "minimum": min, "maximum": max}` named
///   after the type, identified by its Rust path (`module_path!()::Name`) and
///   described by the first line of its doc comment (so that line is written
///   once, for both rustdoc and the schema).
///
/// ```
/// mcn_core::bounded_integer! {
///     /// Places at an event, 1 to 500.
///     ///
///     /// Further docs go to rustdoc only.
///     pub struct Places(u16), min = 1, max = 500, what = "places"
/// }
/// assert_eq!(Places::new(40).map(Places::get), Ok(40));
/// assert!(Places::new(0).is_err());
/// assert_eq!(Places::MAX.get(), 500);
/// let error = serde_json::from_str::<Places>("501").unwrap_err();
/// assert!(error.to_string().contains("places 501 is out of range: expected 1 to 500"));
/// assert!(serde_json::from_str::<Places>("-1").is_err());
/// assert_eq!(serde_json::to_string(&Places::MIN)?, "1");
/// let schema = serde_json::to_value(schemars::schema_for!(Places))?;
/// assert_eq!(schema["description"], "Places at an event, 1 to 500.");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[macro_export]
macro_rules! bounded_integer {
    (
        #[doc = $description:literal]
        $(#[$meta:meta])*
        pub struct $name:ident($repr:ty), min = $min:literal, max = $max:literal,
        what = $what:literal $(,)?
    ) => {
        #[doc = $description]
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name($repr);

        const _: () = assert!(
            $name::MIN.0 <= $name::MAX.0,
            concat!(stringify!($name), ": min above max")
        );

        impl $name {
            /// The smallest value allowed.
            pub const MIN: Self = Self($min);
            /// The largest value allowed.
            pub const MAX: Self = Self($max);

            /// The value if it lies in `MIN..=MAX`, else an error naming it and the range.
            pub fn new(value: u64) -> ::std::result::Result<Self, $crate::bounded::OutOfRange> {
                Self::try_from(value)
            }

            /// The value if it lies in `MIN..=MAX`.
            const fn in_range(value: $repr) -> Option<Self> {
                if value < Self::MIN.0 || value > Self::MAX.0 {
                    None
                } else {
                    Some(Self(value))
                }
            }

            fn out_of_range(value: i128) -> $crate::bounded::OutOfRange {
                $crate::bounded::OutOfRange {
                    what: $what,
                    value,
                    min: u64::from(Self::MIN.0),
                    max: u64::from(Self::MAX.0),
                }
            }

            /// The value.
            #[must_use]
            pub const fn get(self) -> $repr {
                self.0
            }
        }

        impl ::std::convert::TryFrom<u64> for $name {
            type Error = $crate::bounded::OutOfRange;

            fn try_from(value: u64) -> ::std::result::Result<Self, Self::Error> {
                <$repr>::try_from(value)
                    .ok()
                    .and_then(Self::in_range)
                    .ok_or_else(|| Self::out_of_range(i128::from(value)))
            }
        }

        impl ::std::convert::TryFrom<i64> for $name {
            type Error = $crate::bounded::OutOfRange;

            fn try_from(value: i64) -> ::std::result::Result<Self, Self::Error> {
                u64::try_from(value)
                    .map_err(|_| Self::out_of_range(i128::from(value)))
                    .and_then(Self::try_from)
            }
        }

        impl ::std::convert::From<$name> for $repr {
            fn from(value: $name) -> Self {
                value.0
            }
        }

        impl ::std::convert::From<$name> for u64 {
            fn from(value: $name) -> Self {
                u64::from(value.0)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_u64(u64::from(self.0))
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                struct Whole;

                impl $crate::__private::serde::de::Visitor<'_> for Whole {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        write!(f, "a whole number from {} to {}", $name::MIN.0, $name::MAX.0)
                    }

                    fn visit_u64<E: $crate::__private::serde::de::Error>(
                        self,
                        value: u64,
                    ) -> ::std::result::Result<$name, E> {
                        $name::try_from(value).map_err(E::custom)
                    }

                    fn visit_i64<E: $crate::__private::serde::de::Error>(
                        self,
                        value: i64,
                    ) -> ::std::result::Result<$name, E> {
                        $name::try_from(value).map_err(E::custom)
                    }
                }

                deserializer.deserialize_u64(Whole)
            }
        }

        impl $crate::__private::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(stringify!($name))
            }

            fn schema_id() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(concat!(module_path!(), "::", stringify!($name)))
            }

            fn json_schema(
                _: &mut $crate::__private::schemars::SchemaGenerator,
            ) -> $crate::__private::schemars::Schema {
                $crate::__private::schemars::json_schema!({
                    "type": "integer",
                    "minimum": Self::MIN.0,
                    "maximum": Self::MAX.0,
                    "description": $description.trim(),
                })
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::bounded_integer! {
        /// A score, 1 to 5.
        pub struct Score(u8), min = 1, max = 5, what = "score"
    }

    crate::bounded_integer! {
        /// 0 to 70000.
        ///
        /// Not in the schema.
        pub struct Wide(u32), min = 0, max = 70_000, what = "wide number",
    }

    #[test]
    fn constructor_bounds() {
        assert!(Score::new(0).is_err());
        assert_eq!(Score::new(1), Ok(Score::MIN));
        assert_eq!(Score::new(5), Ok(Score::MAX));
        assert!(Score::new(6).is_err());
        assert_eq!(u8::from(Score::MAX), 5);
        assert_eq!(u64::from(Score::MAX), 5);
        assert_eq!(Score::MAX.to_string(), "5");
    }

    #[test]
    fn constructor_and_try_from_name_the_value_and_range() {
        assert_eq!(Wide::new(0).map(Wide::get), Ok(0));
        assert_eq!(Wide::new(70_000).map(Wide::get), Ok(70_000));
        assert_eq!(
            Wide::new(70_001).unwrap_err().to_string(),
            "wide number 70001 is out of range: expected 0 to 70000"
        );
        assert_eq!(Wide::new(u64::MAX).unwrap_err().value, i128::from(u64::MAX));
        assert_eq!(
            Score::try_from(-3_i64).unwrap_err().to_string(),
            "score -3 is out of range: expected 1 to 5"
        );
        assert_eq!(Score::try_from(300_u64).unwrap_err().value, 300);
        assert_eq!(Score::try_from(3_i64).map(Score::get), Ok(3));
    }

    #[test]
    fn serde_is_a_checked_json_integer() {
        assert_eq!(serde_json::to_string(&Score::MAX).unwrap(), "5");
        assert_eq!(serde_json::from_str::<Score>("3").unwrap().get(), 3);
        for bad in [
            "0",
            "6",
            "-1",
            "256",
            "3.5",
            "\"3\"",
            "18446744073709551615",
        ] {
            assert!(serde_json::from_str::<Score>(bad).is_err(), "{bad}");
        }
        let error = serde_json::from_str::<Score>("-1").unwrap_err();
        assert!(
            error.to_string().contains("score -1 is out of range"),
            "{error}"
        );
        let error = serde_json::from_str::<Score>("3.5").unwrap_err();
        assert!(
            error.to_string().contains("a whole number from 1 to 5"),
            "{error}"
        );
    }

    #[test]
    fn schema_states_the_range() {
        let schema = serde_json::to_value(schemars::schema_for!(Wide)).unwrap();
        assert_eq!(schema["type"], "integer");
        assert_eq!(schema["minimum"], 0);
        assert_eq!(schema["maximum"], 70_000);
        assert_eq!(schema["description"], "0 to 70000.");
        assert_eq!(
            <Wide as schemars::JsonSchema>::schema_id(),
            "mcn_core::bounded::tests::Wide"
        );
    }
}
