//! Hand-written, minimal HL7 FHIR R4 (4.0.1) structures: exactly the resources
//! and data types this adapter reads and writes, and of those only the
//! elements it uses.
//!
//! Each field's doc gives its R4 cardinality (`0..1`, `1..1`, `0..*`). Field
//! names are FHIR's (camelCase through serde), absent optional elements and
//! empty lists are left out of the JSON, as FHIR requires. Resources carry
//! their `resourceType` through [`Resource`] (and [`Bundle`] itself).
//!
//! These are a foreign format, not documents of ours: unlike the document
//! types they do *not* deny unknown fields, since real FHIR resources carry
//! many elements this adapter does not model. The import reports such
//! elements as warnings instead.
//!
//! Dates are written as FHIR `date`s (`2025-04-01`), which every `dateTime`
//! element accepts; times as FHIR `time`s (`09:00:00`).

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// A `Bundle` (R4): a collection of resources.
///
/// `bdl-7`: every `fullUrl` is unique within the bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "resourceType", rename = "Bundle", rename_all = "camelCase")]
#[non_exhaustive]
pub struct Bundle {
    /// `0..1` Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `1..1` `document | message | transaction | ... | collection`; always
    /// `collection` in exports.
    #[serde(rename = "type")]
    pub bundle_type: String,
    /// `0..*` The entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entry: Vec<BundleEntry>,
}

impl Bundle {
    /// The bundle as pretty-printed JSON.
    pub fn to_json_pretty(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }
}

/// `Bundle.entry` (R4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BundleEntry {
    /// `0..1` URI for the resource: `urn:uuid:<id>` in exports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_url: Option<String>,
    /// `0..1` The resource.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<Resource>,
}

/// A resource in a bundle entry, tagged by `resourceType`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "resourceType")]
#[non_exhaustive]
pub enum Resource {
    /// An `Organization`.
    Organization(Organization),
    /// An `OrganizationAffiliation`.
    OrganizationAffiliation(OrganizationAffiliation),
    /// A `Location`.
    Location(Location),
    /// A `Practitioner`.
    Practitioner(Practitioner),
    /// A `PractitionerRole`.
    PractitionerRole(PractitionerRole),
    /// A `HealthcareService`.
    HealthcareService(HealthcareService),
    /// A `Measure`.
    Measure(Measure),
    /// A `MeasureReport`.
    MeasureReport(MeasureReport),
}

impl Resource {
    /// The FHIR `resourceType`, e.g. `Organization`.
    #[must_use]
    pub const fn resource_type(&self) -> &'static str {
        match self {
            Self::Organization(_) => "Organization",
            Self::OrganizationAffiliation(_) => "OrganizationAffiliation",
            Self::Location(_) => "Location",
            Self::Practitioner(_) => "Practitioner",
            Self::PractitionerRole(_) => "PractitionerRole",
            Self::HealthcareService(_) => "HealthcareService",
            Self::Measure(_) => "Measure",
            Self::MeasureReport(_) => "MeasureReport",
        }
    }
}

// ---------------------------------------------------------------- data types

/// `Identifier` (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Identifier {
    /// `0..1` The namespace of the value (a URI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// `0..1` The value, unique within the system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// `Coding` (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Coding {
    /// `0..1` The code system (a URI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// `0..1` The code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `0..1` What the code means, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

impl Coding {
    /// A coding of `code` in `system`, without a display.
    #[must_use]
    pub fn new(system: &str, code: &str) -> Self {
        Self {
            system: Some(system.to_owned()),
            code: Some(code.to_owned()),
            display: None,
        }
    }
}

/// `CodeableConcept` (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CodeableConcept {
    /// `0..*` Codes for the concept (translations of each other).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coding: Vec<Coding>,
    /// `0..1` The concept in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl CodeableConcept {
    /// A concept with one coding and no text.
    #[must_use]
    pub fn coded(system: &str, code: &str) -> Self {
        Self {
            coding: vec![Coding::new(system, code)],
            text: None,
        }
    }

    /// The code of the first coding in `system`.
    #[must_use]
    pub fn code_in(&self, system: &str) -> Option<&str> {
        self.coding
            .iter()
            .find(|coding| coding.system.as_deref() == Some(system))
            .and_then(|coding| coding.code.as_deref())
    }
}

/// `Reference` (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Reference {
    /// `0..1` Literal reference: a `fullUrl` in the bundle (`urn:uuid:<id>`)
    /// or a relative URL (`Organization/<id>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// `0..1` Text alternative for the resource (organisations' names only;
    /// never a person's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

/// `Period` (R4): `per-1`, the start is not after the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Period {
    /// `0..1` Starting day, inclusive.
    #[serde(
        with = "mcn_core::date::strict_option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start: Option<NaiveDate>,
    /// `0..1` End day, inclusive; absent while ongoing.
    #[serde(
        with = "mcn_core::date::strict_option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub end: Option<NaiveDate>,
}

impl From<mcn_core::Period> for Period {
    fn from(period: mcn_core::Period) -> Self {
        Self {
            start: Some(period.start()),
            end: period.end(),
        }
    }
}

/// `HumanName` (R4); exports write the whole name as `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct HumanName {
    /// `0..1` The full name as it is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// `ContactPoint` (R4): `cpt-2`, a system is given with a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ContactPoint {
    /// `0..1` `phone | fax | email | pager | url | sms | other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// `0..1` The address or number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// `0..1` `home | work | temp | old | mobile`.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "use")]
    pub contact_use: Option<String>,
}

/// `Extension` (R4): `ext-1`, either nested extensions or a value, not both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Extension {
    /// `1..1` What the extension means (a URI).
    pub url: String,
    /// `0..*` Nested extensions (of a complex extension).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// `0..1` (`value[x]`) A reference value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_reference: Option<Reference>,
    /// `0..1` (`value[x]`) A date value.
    #[serde(
        with = "mcn_core::date::strict_option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub value_date: Option<NaiveDate>,
}

/// `Quantity` (R4).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Quantity {
    /// `0..1` The numerical value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

/// `Expression` (R4): `exp-1`, an expression or a reference is given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Expression {
    /// `0..1` The condition in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `1..1` `text/cql | text/fhirpath | application/x-fhir-query` (the
    /// R4 schema allows only these).
    pub language: String,
    /// `0..1` The expression itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expression: Option<String>,
}

// ------------------------------------------------------------------ resources

/// `Organization` (R4): `org-1`, it has at least a name or an identifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Organization {
    /// `0..1` Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `0..*` Extensions (the local successor and locality extensions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// `0..*` Identifiers (ODS code, charity and company numbers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    /// `0..1` Whether the record is in active use (assumed true when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `0..*` Kind of organisation.
    #[serde(default, skip_serializing_if = "Vec::is_empty", rename = "type")]
    pub organization_type: Vec<CodeableConcept>,
    /// `0..1` Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `0..1` The organisation this one is part of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<Reference>,
}

/// `OrganizationAffiliation` (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct OrganizationAffiliation {
    /// `0..1` Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `0..1` Whether the affiliation is in active use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `0..1` When the participating organisation is affiliated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// `0..1` The organisation where the role is available (the network).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<Reference>,
    /// `0..1` The organisation providing the role (the member).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participating_organization: Option<Reference>,
    /// `0..*` The networks the affiliation is part of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub network: Vec<Reference>,
    /// `0..*` Roles the participating organisation plays.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub code: Vec<CodeableConcept>,
}

/// `Location` (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Location {
    /// `0..1` Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `0..1` `active | suspended | inactive`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `0..1` Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `0..1` `instance | kind`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// `0..*` Type of location.
    #[serde(default, skip_serializing_if = "Vec::is_empty", rename = "type")]
    pub location_type: Vec<CodeableConcept>,
    /// `0..1` Physical form (an area, for localities).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub physical_type: Option<CodeableConcept>,
    /// `0..1` The wider location this one is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<Reference>,
}

/// `Practitioner.qualification` (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PractitionerQualification {
    /// `1..1` The qualification (exports: the profession).
    pub code: CodeableConcept,
}

/// `Practitioner` (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Practitioner {
    /// `0..1` Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `0..*` Registrations (personal data: only with personal data allowed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    /// `0..*` Names (personal data: only with personal data allowed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name: Vec<HumanName>,
    /// `0..*` Contact details (personal data: only with personal data allowed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub telecom: Vec<ContactPoint>,
    /// `0..*` Qualifications (the profession).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualification: Vec<PractitionerQualification>,
}

/// `PractitionerRole` (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PractitionerRole {
    /// `0..1` Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `0..1` Whether the role is in active use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `0..1` When the practitioner holds the role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// `0..1` The practitioner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practitioner: Option<Reference>,
    /// `0..1` The organisation where the role is held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<Reference>,
    /// `0..*` Roles the practitioner may perform.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub code: Vec<CodeableConcept>,
}

/// `HealthcareService.eligibility` (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct HealthcareServiceEligibility {
    /// `0..1` Describes the eligibility conditions (markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// `HealthcareService.availableTime` (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AvailableTime {
    /// `0..*` `mon | tue | wed | thu | fri | sat | sun`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub days_of_week: Vec<String>,
    /// `0..1` Available all day on those days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all_day: Option<bool>,
    /// `0..1` Opening time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_start_time: Option<NaiveTime>,
    /// `0..1` Closing time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_end_time: Option<NaiveTime>,
}

/// `HealthcareService` (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct HealthcareService {
    /// `0..1` Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `0..1` Whether the service is in active use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `0..1` The organisation providing it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provided_by: Option<Reference>,
    /// `0..*` Type of service.
    #[serde(default, skip_serializing_if = "Vec::is_empty", rename = "type")]
    pub service_type: Vec<CodeableConcept>,
    /// `0..1` Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `0..*` Locations the service is available to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coverage_area: Vec<Reference>,
    /// `0..*` Who the service is for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eligibility: Vec<HealthcareServiceEligibility>,
    /// `0..*` Times the service is available.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub available_time: Vec<AvailableTime>,
    /// `0..1` Description of availability exceptions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_exceptions: Option<String>,
}

/// `Measure.group.population` (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MeasurePopulation {
    /// `0..1` `numerator | denominator | ...` (measure-population).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeableConcept>,
    /// `0..1` The population's definition in words (markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `1..1` The criteria for membership of the population.
    pub criteria: Expression,
}

/// `Measure.group` (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MeasureGroup {
    /// `0..1` Summary of the group (markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `0..*` Population criteria.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub population: Vec<MeasurePopulation>,
}

/// `Measure` (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Measure {
    /// `0..1` Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `0..1` Canonical identifier (exports: the entry's `fullUrl`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `0..1` Business version (the standard's version).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// `0..1` Human-friendly name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `1..1` `draft | active | retired | unknown`.
    pub status: String,
    /// `0..1` What the measure is about (markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `0..1` When the measure is expected to be used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_period: Option<Period>,
    /// `0..1` `proportion | ratio | continuous-variable | cohort`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<CodeableConcept>,
    /// `0..*` `process | outcome | structure | ...` (measure-type).
    #[serde(default, skip_serializing_if = "Vec::is_empty", rename = "type")]
    pub measure_type: Vec<CodeableConcept>,
    /// `0..1` `increase | decrease`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub improvement_notation: Option<CodeableConcept>,
    /// `0..1` Additional guidance for implementers (markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
    /// `0..*` Population criteria groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group: Vec<MeasureGroup>,
}

/// `MeasureReport.group.population` (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MeasureReportPopulation {
    /// `0..1` `numerator | denominator | ...` (measure-population).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeableConcept>,
    /// `0..1` Size of the population.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
}

/// `MeasureReport.group` (R4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MeasureReportGroup {
    /// `0..1` Meaning of the group (exports: the condition category a result
    /// is restricted to).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeableConcept>,
    /// `0..*` The populations in the group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub population: Vec<MeasureReportPopulation>,
    /// `0..1` The measure score (numerator / denominator).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure_score: Option<Quantity>,
}

/// `MeasureReport` (R4). R4's `subject` cannot be an `Organization`: the
/// organisation that counted is the `reporter`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MeasureReport {
    /// `0..1` Logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `1..1` `complete | pending | error`.
    pub status: String,
    /// `1..1` `individual | subject-list | summary | data-collection`.
    #[serde(rename = "type")]
    pub report_type: String,
    /// `1..1` The measure reported on (its canonical URL).
    pub measure: String,
    /// `0..1` When the report was produced (the day it was submitted).
    #[serde(
        with = "mcn_core::date::strict_option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub date: Option<NaiveDate>,
    /// `0..1` Who reported the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporter: Option<Reference>,
    /// `1..1` The reporting period.
    pub period: Period,
    /// `0..*` Measure results.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group: Vec<MeasureReportGroup>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundle_and_resources_carry_their_resource_type() {
        let bundle = Bundle {
            id: None,
            bundle_type: "collection".to_owned(),
            entry: vec![BundleEntry {
                full_url: Some("urn:uuid:x".to_owned()),
                resource: Some(Resource::Organization(Organization {
                    id: Some("x".to_owned()),
                    extension: Vec::new(),
                    identifier: Vec::new(),
                    active: Some(true),
                    organization_type: Vec::new(),
                    name: Some("N".to_owned()),
                    part_of: None,
                })),
            }],
        };
        let json = serde_json::to_value(&bundle).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "resourceType": "Bundle",
                "type": "collection",
                "entry": [{"fullUrl": "urn:uuid:x", "resource": {
                    "resourceType": "Organization", "id": "x", "active": true, "name": "N"}}]
            })
        );
        assert_eq!(serde_json::from_value::<Bundle>(json).unwrap(), bundle);
    }

    #[test]
    fn times_and_dates_use_fhir_forms() {
        let slot = AvailableTime {
            days_of_week: vec!["mon".to_owned()],
            all_day: None,
            available_start_time: NaiveTime::from_hms_opt(9, 0, 0),
            available_end_time: NaiveTime::from_hms_opt(17, 30, 0),
        };
        assert_eq!(
            serde_json::to_value(&slot).unwrap(),
            serde_json::json!({"daysOfWeek": ["mon"], "availableStartTime": "09:00:00", "availableEndTime": "17:30:00"})
        );
        let period = Period::from(mcn_core::Period::starting(
            NaiveDate::from_ymd_opt(2025, 4, 1).unwrap(),
        ));
        assert_eq!(
            serde_json::to_value(period).unwrap(),
            serde_json::json!({"start": "2025-04-01"})
        );
    }
}
