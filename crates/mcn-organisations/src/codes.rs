//! Every finding code this crate emits. `docs/findings.md` lists the same codes.

use mcn_core::{FindingCode, Severity};

/// The same identifier (system and value, e.g. one ODS code) on two organisations.
pub const IDENTIFIER_DUPLICATE: FindingCode = FindingCode::new(
    "organisations.identifier.duplicate",
    Severity::Error,
    "the same identifier (system and value) is given to two organisations",
);

/// An organisation with two identifiers from one system.
pub const IDENTIFIER_REPEATED_SYSTEM: FindingCode = FindingCode::new(
    "organisations.identifier.repeated_system",
    Severity::Error,
    "an organisation has more than one identifier from the same system",
);

/// An organisation identified by a professional register (GMC, NMC, HCPC).
pub const IDENTIFIER_PROFESSIONAL_REGISTER: FindingCode = FindingCode::new(
    "organisations.identifier.professional_register",
    Severity::Error,
    "an organisation has an identifier from a register of professionals (GMC, NMC, HCPC)",
);

/// No sector where the kind does not settle it.
pub const ORGANISATION_SECTOR_MISSING: FindingCode = FindingCode::new(
    "organisations.organisation.sector_missing",
    Severity::Error,
    "an organisation whose kind does not settle its sector (community provider, other) has no sector",
);

/// A stated sector that contradicts the kind.
pub const ORGANISATION_SECTOR_CONTRADICTS_KIND: FindingCode = FindingCode::new(
    "organisations.organisation.sector_contradicts_kind",
    Severity::Error,
    "an organisation's stated sector contradicts the sector its kind implies",
);

/// An organisation that is its own ancestor through `part_of`.
pub const PART_OF_CYCLE: FindingCode = FindingCode::new(
    "organisations.part_of.cycle",
    Severity::Error,
    "organisations are part of each other in a cycle (an organisation is its own ancestor)",
);

/// Organisations merged into each other in a cycle.
pub const SUCCESSOR_CYCLE: FindingCode = FindingCode::new(
    "organisations.successor.cycle",
    Severity::Error,
    "organisations are successors of each other in a cycle",
);

/// An organisation merged into another but still marked active.
pub const SUCCESSOR_STILL_ACTIVE: FindingCode = FindingCode::new(
    "organisations.successor.still_active",
    Severity::Warning,
    "an organisation that has merged into its successor is still marked active",
);

/// Localities that are each other's parents in a cycle.
pub const LOCALITY_CYCLE: FindingCode = FindingCode::new(
    "organisations.locality.cycle",
    Severity::Error,
    "localities lie within each other in a cycle",
);

/// A locality whose parent is not at a wider level.
pub const LOCALITY_PARENT_KIND: FindingCode = FindingCode::new(
    "organisations.locality.parent_kind",
    Severity::Warning,
    "a locality's parent is not at a wider level (region > integrated care system > place)",
);

/// More children with a life-limiting condition than children.
pub const LOCALITY_ESTIMATE_EXCEEDS_POPULATION: FindingCode = FindingCode::new(
    "organisations.locality.estimate_exceeds_population",
    Severity::Error,
    "a locality's estimate of children with a life-limiting condition exceeds its population aged 0-19",
);

/// A membership history that does not begin with an invitation.
pub const MEMBERSHIP_NOT_INVITED_FIRST: FindingCode = FindingCode::new(
    "organisations.membership.not_invited_first",
    Severity::Error,
    "a membership history does not begin with an invitation",
);

/// A membership status change dated before the one before it.
pub const MEMBERSHIP_OUT_OF_ORDER: FindingCode = FindingCode::new(
    "organisations.membership.out_of_order",
    Severity::Error,
    "a membership status change is dated before the change listed before it",
);

/// A membership status change the lifecycle does not allow.
pub const MEMBERSHIP_ILLEGAL_TRANSITION: FindingCode = FindingCode::new(
    "organisations.membership.illegal_transition",
    Severity::Error,
    "a membership status change the membership lifecycle does not allow",
);

/// Two membership records for one organisation.
pub const MEMBERSHIP_DUPLICATE: FindingCode = FindingCode::new(
    "organisations.membership.duplicate",
    Severity::Error,
    "an organisation has more than one membership record",
);

/// An active full member without a signed agreement.
pub const MEMBERSHIP_NO_AGREEMENT: FindingCode = FindingCode::new(
    "organisations.membership.no_agreement",
    Severity::Warning,
    "an active full member has not signed the network agreement (memorandum of understanding)",
);

/// A service covering no locality.
pub const SERVICE_NO_COVERAGE: FindingCode = FindingCode::new(
    "organisations.service.no_coverage",
    Severity::Error,
    "a service covers no locality",
);

/// The same record system listed twice for one organisation.
pub const SYSTEM_DUPLICATE: FindingCode = FindingCode::new(
    "organisations.system.duplicate",
    Severity::Warning,
    "an organisation lists the same record system more than once",
);

/// Every code this crate emits.
pub const ALL: &[FindingCode] = &[
    IDENTIFIER_DUPLICATE,
    IDENTIFIER_REPEATED_SYSTEM,
    IDENTIFIER_PROFESSIONAL_REGISTER,
    ORGANISATION_SECTOR_MISSING,
    ORGANISATION_SECTOR_CONTRADICTS_KIND,
    PART_OF_CYCLE,
    SUCCESSOR_CYCLE,
    SUCCESSOR_STILL_ACTIVE,
    LOCALITY_CYCLE,
    LOCALITY_PARENT_KIND,
    LOCALITY_ESTIMATE_EXCEEDS_POPULATION,
    MEMBERSHIP_NOT_INVITED_FIRST,
    MEMBERSHIP_OUT_OF_ORDER,
    MEMBERSHIP_ILLEGAL_TRANSITION,
    MEMBERSHIP_DUPLICATE,
    MEMBERSHIP_NO_AGREEMENT,
    SERVICE_NO_COVERAGE,
    SYSTEM_DUPLICATE,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_prefixed_and_dotted() {
        let mut seen = std::collections::HashSet::new();
        for code in ALL {
            assert!(seen.insert(code.code), "{} twice", code.code);
            assert!(code.code.starts_with("organisations."), "{}", code.code);
            assert_eq!(code.code.split('.').count(), 3, "{}", code.code);
        }
    }
}
