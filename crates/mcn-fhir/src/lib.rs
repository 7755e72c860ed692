#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod export;
pub mod import;
pub mod r4;
pub mod systems;

pub use export::{ExportOptions, export, full_url};
pub use import::{Import, ImportError, ImportWarning, WarningKind, import_organisations};
pub use r4::Bundle;

/// Import warning kinds are a closed vocabulary (written by hand: the type is
/// serialised but never read back, so it does not go through `vocabulary!`).
impl mcn_core::vocab::Vocabulary for WarningKind {
    const NAME: &'static str = "WarningKind";
    const ALL: &'static [Self] = &[
        Self::SkippedResources,
        Self::MissingResource,
        Self::MissingName,
        Self::UnmappedType,
        Self::InvalidIdentifier,
        Self::UnresolvedReference,
        Self::InvalidValue,
        Self::UnmappedElements,
    ];

    fn as_str(self) -> &'static str {
        Self::as_str(self)
    }
}

#[cfg(test)]
mod tests {
    use mcn_core::vocab::Vocabulary;

    use super::WarningKind;

    #[test]
    fn warning_kinds_serialise_as_their_spelling() {
        // A new kind fails this match, a reminder to list it in `ALL` too.
        let listed = |kind: WarningKind| match kind {
            WarningKind::SkippedResources
            | WarningKind::MissingResource
            | WarningKind::MissingName
            | WarningKind::UnmappedType
            | WarningKind::InvalidIdentifier
            | WarningKind::UnresolvedReference
            | WarningKind::InvalidValue
            | WarningKind::UnmappedElements => <WarningKind as Vocabulary>::ALL.contains(&kind),
        };
        assert_eq!(<WarningKind as Vocabulary>::ALL.len(), 8);
        for &kind in <WarningKind as Vocabulary>::ALL {
            assert!(listed(kind));
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
            assert_eq!(WarningKind::parse(kind.as_str()), Some(kind));
        }
    }
}
