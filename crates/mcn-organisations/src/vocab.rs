//! A macro for this crate's closed vocabularies (unit-variant enums).

/// Declares a `snake_case` vocabulary enum with `ALL`, `as_str` and `Display`.
///
/// The derives and serde attributes are the same for every vocabulary; the
/// `as_str` spelling is checked against serde's by a unit test per enum.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize, schemars::JsonSchema,
        )]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The `snake_case` spelling used in documents.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( Self::$variant => $text, )+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use vocabulary;

/// Asserts that `as_str` matches the serde spelling for every value of a vocabulary.
#[cfg(test)]
macro_rules! assert_spellings {
    ($name:ty) => {
        for value in <$name>::ALL {
            assert_eq!(
                serde_json::to_value(value).unwrap(),
                serde_json::Value::String(value.as_str().to_owned()),
            );
            assert_eq!(
                serde_json::from_value::<$name>(serde_json::Value::String(value.to_string()))
                    .unwrap(),
                *value
            );
        }
    };
}

#[cfg(test)]
pub(crate) use assert_spellings;
