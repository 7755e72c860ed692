//! A test helper for this crate's vocabularies (declared with
//! [`mcn_core::vocabulary!`], which checks each spelling at compile time).

/// Asserts that `as_str` matches the serde spelling for every value of a vocabulary.
macro_rules! assert_spellings {
    ($name:ty) => {
        for value in &<$name>::ALL {
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

pub(crate) use assert_spellings;
