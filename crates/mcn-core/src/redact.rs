//! Redaction of staff personal data (names, e-mails, registration numbers), so
//! documents can be shared beyond the people entitled to see them.
//!
//! Fields that hold personal data are marked `"x-personal-data": true` in the
//! JSON Schema; types that hold them implement [`Redact`].

/// A type that holds staff personal data and can remove it.
///
/// After `redact`, no personal name, e-mail address or registration number
/// remains; ids and non-personal facts (profession, employer) stay, so
/// aggregate figures are unchanged.
pub trait Redact {
    /// Removes the personal data in place.
    fn redact(&mut self);

    /// A redacted copy.
    #[must_use]
    fn redacted(&self) -> Self
    where
        Self: Clone,
    {
        let mut copy = self.clone();
        copy.redact();
        copy
    }
}

impl<T: Redact> Redact for [T] {
    fn redact(&mut self) {
        self.iter_mut().for_each(Redact::redact);
    }
}

impl<T: Redact> Redact for Vec<T> {
    fn redact(&mut self) {
        self.as_mut_slice().redact();
    }
}

impl<T: Redact> Redact for Option<T> {
    fn redact(&mut self) {
        if let Some(value) = self {
            value.redact();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq)]
    struct Name(String);

    impl Redact for Name {
        fn redact(&mut self) {
            self.0 = crate::text::REDACTED.to_owned();
        }
    }

    #[test]
    fn collections_redact_every_element() {
        let names = vec![Name("Ann".into()), Name("Bo".into())];
        let redacted = names.redacted();
        assert!(redacted.iter().all(|n| n.0 == "[redacted]"));
        assert_eq!(names[0].0, "Ann", "the original is untouched");
        let mut some = Some(Name("Cy".into()));
        some.redact();
        assert_eq!(some.unwrap().0, "[redacted]");
    }
}
