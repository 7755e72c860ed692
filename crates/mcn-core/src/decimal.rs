//! Exact two-decimal quantities (WTE, hours) read from JSON numbers.

/// Why a two-decimal quantity was rejected.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum DecimalError {
    /// Negative, not a number, or above the maximum.
    #[error("{value} is out of range: expected 0.00 to {max:.2}")]
    OutOfRange {
        /// The value given.
        value: f64,
        /// The largest value allowed.
        max: f64,
    },
    /// More than two decimal places.
    #[error("{0} has more than two decimal places")]
    TooPrecise(f64),
}

/// Converts a decimal to exact hundredths, rejecting values outside
/// `0..=max_hundredths / 100` or with more than two decimal places.
///
/// ```
/// use mcn_core::decimal::{to_hundredths, DecimalError};
/// assert_eq!(to_hundredths(0.07, 100), Ok(7));
/// assert!(matches!(to_hundredths(1.01, 100), Err(DecimalError::OutOfRange { .. })));
/// assert_eq!(to_hundredths(0.125, 100), Err(DecimalError::TooPrecise(0.125)));
/// ```
pub fn to_hundredths(value: f64, max_hundredths: u32) -> Result<u32, DecimalError> {
    let max = from_hundredths(max_hundredths);
    if !value.is_finite() || value < 0.0 || value > max {
        return Err(DecimalError::OutOfRange { value, max });
    }
    let scaled = value * 100.0;
    let rounded = scaled.round();
    if (scaled - rounded).abs() > 1e-6 {
        return Err(DecimalError::TooPrecise(value));
    }
    // In range 0..=max_hundredths by the check above, so the cast is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Ok(rounded as u32)
}

/// Exact hundredths as a decimal.
#[must_use]
pub fn from_hundredths(hundredths: u32) -> f64 {
    f64::from(hundredths) / 100.0
}

/// Exact hundredths as a JSON number: an integer when whole (`48`, not `48.0`).
#[must_use]
pub fn json_number(hundredths: u32) -> serde_json::Value {
    if hundredths.is_multiple_of(100) {
        serde_json::Value::from(hundredths / 100)
    } else {
        serde_json::Value::from(from_hundredths(hundredths))
    }
}

/// Defines a non-negative two-decimal quantity newtype held as exact hundredths:
/// `from_hundredths`, `hundredths`, `as_f64`, `MAX_HUNDREDTHS`, `TryFrom<f64>`
/// (via [`to_hundredths`]), `Display` (`0.60`), serde as a JSON number, and a
/// JSON Schema with `minimum`, `maximum` and the description given, identified
/// by the type's Rust path (`module_path!()::Name`).
///
/// ```
/// mcn_core::hundredths_quantity! {
///     /// Hours a week, 0 to 48.
///     pub struct Hours(u16), max = 4800,
///     description = "Hours a week, 0 to 48, at most two decimal places."
/// }
/// assert_eq!(Hours::try_from(7.5).unwrap().to_string(), "7.50");
/// assert!(Hours::try_from(48.01).is_err());
/// ```
#[macro_export]
macro_rules! hundredths_quantity {
    (
        $(#[$meta:meta])*
        pub struct $name:ident($repr:ty), max = $max:expr, description = $description:expr
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name($repr);

        impl $name {
            /// The largest value allowed, in hundredths.
            pub const MAX_HUNDREDTHS: $repr = $max;

            /// From exact hundredths (`60` is 0.60); `None` above the maximum.
            #[must_use]
            pub const fn from_hundredths(hundredths: $repr) -> Option<Self> {
                if hundredths <= Self::MAX_HUNDREDTHS { Some(Self(hundredths)) } else { None }
            }

            /// The value in hundredths.
            #[must_use]
            pub const fn hundredths(self) -> $repr {
                self.0
            }

            /// The value as a decimal.
            #[must_use]
            pub fn as_f64(self) -> f64 {
                $crate::decimal::from_hundredths(u32::from(self.0))
            }
        }

        impl TryFrom<f64> for $name {
            type Error = $crate::decimal::DecimalError;

            fn try_from(value: f64) -> Result<Self, Self::Error> {
                let hundredths = $crate::decimal::to_hundredths(value, u32::from(Self::MAX_HUNDREDTHS))?;
                <$repr>::try_from(hundredths).map(Self).map_err(|_| $crate::decimal::DecimalError::OutOfRange {
                    value,
                    max: $crate::decimal::from_hundredths(u32::from(Self::MAX_HUNDREDTHS)),
                })
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_f64(self.as_f64())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <f64 as $crate::__private::serde::Deserialize>::deserialize(deserializer)?;
                Self::try_from(value).map_err(<D::Error as $crate::__private::serde::de::Error>::custom)
            }
        }

        impl $crate::__private::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(stringify!($name))
            }

            fn schema_id() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(concat!(module_path!(), "::", stringify!($name)))
            }

            fn json_schema(_: &mut $crate::__private::schemars::SchemaGenerator) -> $crate::__private::schemars::Schema {
                $crate::__private::schemars::json_schema!({
                    "type": "number",
                    "minimum": 0,
                    "maximum": $crate::decimal::json_number(u32::from(Self::MAX_HUNDREDTHS)),
                    "description": $description,
                })
            }
        }
    };
}
