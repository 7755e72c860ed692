//! Code system and extension URIs: HL7's where core FHIR has a code, ours
//! (under [`LOCAL_BASE`]) where it has none.
//!
//! Local codes are the `snake_case` spellings the network document uses
//! (`childrens_hospice`, `network_coordinator`, ...), so a code in an export
//! is the value in the document.

/// The base of every local code system and extension URI of this adapter.
pub const LOCAL_BASE: &str = "https://mcn.example/fhir";

/// Local code systems (`{LOCAL_BASE}/CodeSystem/<name>`).
pub mod local {
    /// Kinds of organisation (`nhs_trust`, `childrens_hospice`, ...): `Organization.type`.
    pub const ORGANISATION_KIND: &str = "https://mcn.example/fhir/CodeSystem/organisation-kind";
    /// Sectors (`nhs`, `voluntary`, ...), where stated: a second `Organization.type`.
    pub const ORGANISATION_SECTOR: &str = "https://mcn.example/fhir/CodeSystem/organisation-sector";
    /// Network types (`managed_clinical_network`): the network's `Organization.type`.
    pub const NETWORK_TYPE: &str = "https://mcn.example/fhir/CodeSystem/network-type";
    /// Membership tiers (`full`, `associate`): a second `OrganizationAffiliation.code`.
    pub const MEMBERSHIP_TIER: &str = "https://mcn.example/fhir/CodeSystem/membership-tier";
    /// Post roles (`network_coordinator`, `clinical_lead`, ...): `PractitionerRole.code`.
    pub const POST_ROLE: &str = "https://mcn.example/fhir/CodeSystem/post-role";
    /// Professions (`doctor`, `nurse`, ...): `Practitioner.qualification.code`.
    pub const PROFESSION: &str = "https://mcn.example/fhir/CodeSystem/profession";
    /// Service kinds (`consultant_advice_line`, ...): `HealthcareService.type`.
    pub const SERVICE_KIND: &str = "https://mcn.example/fhir/CodeSystem/service-kind";
    /// Locality levels (`region`, `integrated_care_system`, `place`): `Location.type`.
    pub const LOCALITY_KIND: &str = "https://mcn.example/fhir/CodeSystem/locality-kind";
    /// Together for Short Lives condition categories
    /// (`curative_treatment_may_fail`, ...): `MeasureReport.group.code`.
    pub const CONDITION_CATEGORY: &str = "https://mcn.example/fhir/CodeSystem/condition-category";

    /// The network type code.
    pub const MANAGED_CLINICAL_NETWORK: &str = "managed_clinical_network";
}

/// Local extensions (`{LOCAL_BASE}/StructureDefinition/<name>`).
pub mod extension {
    /// On `Organization`: the organisation this one merged into. A complex
    /// extension with `organisation` (`valueReference`) and `on` (`valueDate`).
    pub const ORGANISATION_SUCCESSOR: &str =
        "https://mcn.example/fhir/StructureDefinition/organisation-successor";
    /// On `Organization`, repeated: a locality the organisation serves
    /// (`valueReference` to a `Location`).
    pub const ORGANISATION_LOCALITY: &str =
        "https://mcn.example/fhir/StructureDefinition/organisation-locality";
}

/// HL7 code systems.
pub mod hl7 {
    /// Organization affiliation roles (R4); code `member`.
    pub const ORGANIZATION_ROLE: &str = "http://hl7.org/fhir/organization-role";
    /// Organization types (`prov`, `govt`, `edu`, `cg`, `other`, ...): a broad
    /// translation beside the local organisation kind.
    pub const ORGANIZATION_TYPE: &str = "http://terminology.hl7.org/CodeSystem/organization-type";
    /// Location physical types; code `area` for localities.
    pub const LOCATION_PHYSICAL_TYPE: &str =
        "http://terminology.hl7.org/CodeSystem/location-physical-type";
    /// Measure scoring; code `proportion`.
    pub const MEASURE_SCORING: &str = "http://terminology.hl7.org/CodeSystem/measure-scoring";
    /// Measure types: `structure`, `process`, `outcome`.
    pub const MEASURE_TYPE: &str = "http://terminology.hl7.org/CodeSystem/measure-type";
    /// Measure populations: `numerator`, `denominator`.
    pub const MEASURE_POPULATION: &str = "http://terminology.hl7.org/CodeSystem/measure-population";
    /// Measure improvement notation: `increase`.
    pub const MEASURE_IMPROVEMENT_NOTATION: &str =
        "http://terminology.hl7.org/CodeSystem/measure-improvement-notation";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_uris_share_one_base() {
        for uri in [
            local::ORGANISATION_KIND,
            local::ORGANISATION_SECTOR,
            local::NETWORK_TYPE,
            local::MEMBERSHIP_TIER,
            local::POST_ROLE,
            local::PROFESSION,
            local::SERVICE_KIND,
            local::LOCALITY_KIND,
            local::CONDITION_CATEGORY,
        ] {
            assert!(
                uri.starts_with(&format!("{LOCAL_BASE}/CodeSystem/")),
                "{uri}"
            );
        }
        for uri in [
            extension::ORGANISATION_SUCCESSOR,
            extension::ORGANISATION_LOCALITY,
        ] {
            assert!(
                uri.starts_with(&format!("{LOCAL_BASE}/StructureDefinition/")),
                "{uri}"
            );
        }
    }
}
