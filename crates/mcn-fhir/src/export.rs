//! Export: a network as a FHIR R4 `Bundle` of type `collection`.

use std::{borrow::Cow, collections::HashSet, fmt::Display};

use chrono::NaiveDate;
use mcn_core::{
    Redact,
    id::{LocalityId, OrganisationId},
};
use mcn_network::{Network, NetworkProfile};
use mcn_organisations::{
    Availability, Locality, Membership, Organisation, OrganisationKind, Service, WeeklySlot,
};
use mcn_roles::{Appointment, Person};
use mcn_standards::{AuditResult, MeasureKind, Standard, StandardStatus};
use uuid::Uuid;

use crate::{
    r4::{
        AvailableTime, Bundle, BundleEntry, CodeableConcept, Coding, ContactPoint, Expression,
        Extension, HealthcareService, HealthcareServiceEligibility, HumanName, Identifier,
        Location, Measure, MeasureGroup, MeasurePopulation, MeasureReport, MeasureReportGroup,
        MeasureReportPopulation, Organization, OrganizationAffiliation, Period, Practitioner,
        PractitionerQualification, PractitionerRole, Quantity, Reference, Resource,
    },
    systems::{extension, hl7, local},
};

/// What an export includes beyond organisations, memberships, localities,
/// people (redacted), appointments and services.
///
/// ```
/// let options = mcn_fhir::ExportOptions::default().with_measures(true);
/// assert!(options.measures() && !options.includes_personal_data());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExportOptions {
    include_personal_data: bool,
    measures: bool,
}

impl ExportOptions {
    /// Whether people's names, e-mail addresses and registration numbers are
    /// exported (default: no; `Practitioner`s then carry only an id and a
    /// profession).
    #[must_use]
    pub const fn with_personal_data(mut self, include: bool) -> Self {
        self.include_personal_data = include;
        self
    }

    /// Whether standards' measures are exported as `Measure`s and audit
    /// results as `MeasureReport`s (default: no).
    #[must_use]
    pub const fn with_measures(mut self, include: bool) -> Self {
        self.measures = include;
        self
    }

    /// Whether personal data is exported.
    #[must_use]
    pub const fn includes_personal_data(&self) -> bool {
        self.include_personal_data
    }

    /// Whether measures and audit results are exported.
    #[must_use]
    pub const fn measures(&self) -> bool {
        self.measures
    }
}

/// The `fullUrl` of the resource made from the entity with this id: `urn:uuid:<id>`.
#[must_use]
pub fn full_url(id: impl Display) -> String {
    format!("urn:uuid:{id}")
}

fn reference(id: impl Display, display: Option<&str>) -> Reference {
    Reference {
        reference: Some(full_url(id)),
        display: display.map(str::to_owned),
    }
}

/// Entries in order, each id once (a repeated id, an error the network's
/// validation reports, is exported at its first occurrence only).
struct Entries {
    entries: Vec<BundleEntry>,
    seen: HashSet<Uuid>,
}

impl Entries {
    fn push(&mut self, id: Uuid, resource: Resource) {
        if self.seen.insert(id) {
            self.entries.push(BundleEntry {
                full_url: Some(full_url(id)),
                resource: Some(resource),
            });
        }
    }
}

/// Exports `network` as a FHIR R4 `Bundle` of type `collection`, as of `as_of`
/// (which settles every `active` flag and each standard's status).
///
/// The bundle holds, in this order: the network as an `Organization`; each
/// organisation as an `Organization`; each locality as a `Location`; each
/// membership as an `OrganizationAffiliation`; each person as a
/// `Practitioner` (redacted unless `options` allow personal data); each
/// appointment as a `PractitionerRole`; each service as a
/// `HealthcareService`; and, with [`ExportOptions::with_measures`], each
/// standard's measure as a `Measure` and each audit result as a
/// `MeasureReport`. Within a kind, document order.
///
/// Every `fullUrl` is `urn:uuid:<our id>` and every resource id our id, so
/// exports of the same document are identical and stable across versions.
/// Every reference points at an entry of the bundle: a reference the network
/// cannot resolve (an error its validation reports) is left out, and an
/// affiliation, role or report that would lose its subject is not exported.
#[must_use]
pub fn export(network: &Network, as_of: NaiveDate, options: &ExportOptions) -> Bundle {
    let document = network.document();
    let mut entries = Entries {
        entries: Vec::new(),
        seen: HashSet::new(),
    };
    let profile = &document.network;
    entries.push(
        profile.id.as_uuid(),
        Resource::Organization(network_organization(profile)),
    );
    let organisation_ref = |id: OrganisationId| {
        network
            .organisation(id)
            .map(|o| reference(o.id, Some(o.name.as_str())))
    };
    let locality_ref = |id: LocalityId| {
        network
            .locality(id)
            .map(|l| reference(l.id, Some(l.name.as_str())))
    };
    for organisation in &document.organisations {
        entries.push(
            organisation.id.as_uuid(),
            Resource::Organization(organization(organisation, organisation_ref, locality_ref)),
        );
    }
    for locality in &document.localities {
        entries.push(
            locality.id.as_uuid(),
            Resource::Location(location(locality, locality_ref)),
        );
    }
    let network_ref = reference(profile.id, Some(profile.name.as_str()));
    for membership in &document.memberships {
        if let Some(affiliation) = affiliation(membership, &network_ref, organisation_ref, as_of) {
            entries.push(
                membership.id.as_uuid(),
                Resource::OrganizationAffiliation(affiliation),
            );
        }
    }
    for person in &document.people {
        entries.push(
            person.id.as_uuid(),
            Resource::Practitioner(practitioner(person, options.include_personal_data)),
        );
    }
    for appointment in &document.appointments {
        if let Some(role) = practitioner_role(appointment, network, organisation_ref, as_of) {
            entries.push(appointment.id.as_uuid(), Resource::PractitionerRole(role));
        }
    }
    for service in &document.services {
        entries.push(
            service.id.as_uuid(),
            Resource::HealthcareService(healthcare_service(
                service,
                organisation_ref,
                locality_ref,
                as_of,
            )),
        );
    }
    if options.measures {
        for standard in &document.standards {
            for measure in &standard.measures {
                entries.push(
                    measure.id.as_uuid(),
                    Resource::Measure(fhir_measure(standard, measure, as_of)),
                );
            }
        }
        for result in &document.audit_results {
            if network.measure(result.measure).is_some() {
                entries.push(
                    result.id.as_uuid(),
                    Resource::MeasureReport(measure_report(result, organisation_ref)),
                );
            }
        }
    }
    Bundle {
        id: Some(profile.id.to_string()),
        bundle_type: "collection".to_owned(),
        entry: entries.entries,
    }
}

fn network_organization(profile: &NetworkProfile) -> Organization {
    Organization {
        id: Some(profile.id.to_string()),
        extension: Vec::new(),
        identifier: Vec::new(),
        active: Some(true),
        organization_type: vec![CodeableConcept {
            coding: vec![Coding::new(
                local::NETWORK_TYPE,
                local::MANAGED_CLINICAL_NETWORK,
            )],
            text: Some(format!(
                "Managed clinical network: {}",
                profile.specialty.as_str()
            )),
        }],
        name: Some(profile.name.to_string()),
        part_of: None,
    }
}

/// The broad HL7 organization type of a kind (a translation beside the
/// exact local code).
pub(crate) const fn hl7_organization_type(kind: OrganisationKind) -> &'static str {
    match kind {
        OrganisationKind::NhsTrust
        | OrganisationKind::NhsFoundationTrust
        | OrganisationKind::GeneralPractice
        | OrganisationKind::ChildrensHospice
        | OrganisationKind::AdultHospice
        | OrganisationKind::CommunityProvider
        | OrganisationKind::IndependentProvider => "prov",
        OrganisationKind::IntegratedCareBoard => "pay",
        OrganisationKind::LocalAuthority => "govt",
        OrganisationKind::Charity => "cg",
        OrganisationKind::University => "edu",
        _ => "other",
    }
}

fn organization(
    organisation: &Organisation,
    organisation_ref: impl Fn(OrganisationId) -> Option<Reference>,
    locality_ref: impl Fn(LocalityId) -> Option<Reference>,
) -> Organization {
    let mut extensions = Vec::new();
    if let Some(successor) = organisation.successor
        && let Some(target) = organisation_ref(successor.organisation)
    {
        extensions.push(Extension {
            url: extension::ORGANISATION_SUCCESSOR.to_owned(),
            extension: vec![
                Extension {
                    url: "organisation".to_owned(),
                    extension: Vec::new(),
                    value_reference: Some(target),
                    value_date: None,
                },
                Extension {
                    url: "on".to_owned(),
                    extension: Vec::new(),
                    value_reference: None,
                    value_date: Some(successor.on),
                },
            ],
            value_reference: None,
            value_date: None,
        });
    }
    extensions.extend(
        organisation
            .localities
            .iter()
            .filter_map(|&id| locality_ref(id))
            .map(|target| Extension {
                url: extension::ORGANISATION_LOCALITY.to_owned(),
                extension: Vec::new(),
                value_reference: Some(target),
                value_date: None,
            }),
    );
    let mut types = vec![CodeableConcept {
        coding: vec![
            Coding::new(local::ORGANISATION_KIND, organisation.kind.as_str()),
            Coding::new(
                hl7::ORGANIZATION_TYPE,
                hl7_organization_type(organisation.kind),
            ),
        ],
        text: organisation.kind_detail.as_ref().map(ToString::to_string),
    }];
    if let Some(sector) = organisation.sector {
        types.push(CodeableConcept::coded(
            local::ORGANISATION_SECTOR,
            sector.as_str(),
        ));
    }
    Organization {
        id: Some(organisation.id.to_string()),
        extension: extensions,
        identifier: organisation
            .identifiers
            .iter()
            .map(|id| Identifier {
                system: Some(id.system().uri().to_owned()),
                value: Some(id.value().to_owned()),
            })
            .collect(),
        active: Some(organisation.active),
        organization_type: types,
        name: Some(organisation.name.to_string()),
        part_of: organisation.part_of.and_then(organisation_ref),
    }
}

fn location(
    locality: &Locality,
    locality_ref: impl Fn(LocalityId) -> Option<Reference>,
) -> Location {
    Location {
        id: Some(locality.id.to_string()),
        status: Some("active".to_owned()),
        name: Some(locality.name.to_string()),
        mode: Some("instance".to_owned()),
        location_type: vec![CodeableConcept::coded(
            local::LOCALITY_KIND,
            locality.kind.as_str(),
        )],
        physical_type: Some(CodeableConcept::coded(hl7::LOCATION_PHYSICAL_TYPE, "area")),
        part_of: locality.parent.and_then(locality_ref),
    }
}

/// The affiliation period: from the first day the membership was active to
/// the last (open while it still is). R4 allows one period, so spells of
/// suspension inside it are not shown; `active` gives the state on the day.
fn affiliation_period(membership: &Membership) -> Option<Period> {
    let spells = membership.active_periods();
    let first = spells.first()?;
    let last = spells.last()?;
    Some(Period {
        start: Some(first.start()),
        end: last.end(),
    })
}

fn affiliation(
    membership: &Membership,
    network_ref: &Reference,
    organisation_ref: impl Fn(OrganisationId) -> Option<Reference>,
    as_of: NaiveDate,
) -> Option<OrganizationAffiliation> {
    let member = organisation_ref(membership.organisation)?;
    Some(OrganizationAffiliation {
        id: Some(membership.id.to_string()),
        active: Some(membership.is_active(as_of)),
        period: affiliation_period(membership),
        organization: Some(network_ref.clone()),
        participating_organization: Some(member),
        network: vec![network_ref.clone()],
        code: vec![
            CodeableConcept::coded(hl7::ORGANIZATION_ROLE, "member"),
            CodeableConcept::coded(local::MEMBERSHIP_TIER, membership.tier.as_str()),
        ],
    })
}

fn practitioner(person: &Person, include_personal_data: bool) -> Practitioner {
    // Redact first, so that whatever personal data `Person` holds now or
    // later is gone before anything is copied out.
    let person: Cow<'_, Person> = if include_personal_data {
        Cow::Borrowed(person)
    } else {
        Cow::Owned(person.redacted())
    };
    Practitioner {
        id: Some(person.id.to_string()),
        identifier: person
            .registration
            .iter()
            .map(|registration| Identifier {
                system: Some(registration.system().uri().to_owned()),
                value: Some(registration.value().to_owned()),
            })
            .collect(),
        name: if include_personal_data {
            vec![HumanName {
                text: Some(person.name.to_string()),
            }]
        } else {
            Vec::new()
        },
        telecom: person
            .email
            .iter()
            .map(|email| ContactPoint {
                system: Some("email".to_owned()),
                value: Some(email.as_str().to_owned()),
                contact_use: Some("work".to_owned()),
            })
            .collect(),
        qualification: vec![PractitionerQualification {
            code: CodeableConcept::coded(local::PROFESSION, person.profession.as_str()),
        }],
    }
}

fn practitioner_role(
    appointment: &Appointment,
    network: &Network,
    organisation_ref: impl Fn(OrganisationId) -> Option<Reference>,
    as_of: NaiveDate,
) -> Option<PractitionerRole> {
    let post = network.post(appointment.post)?;
    let person = network.person(appointment.person)?;
    Some(PractitionerRole {
        id: Some(appointment.id.to_string()),
        active: Some(appointment.is_current(as_of)),
        period: Some(appointment.period.into()),
        practitioner: Some(reference(person.id, None)),
        organization: organisation_ref(post.organisation),
        code: vec![CodeableConcept {
            coding: vec![Coding::new(local::POST_ROLE, post.role.as_str())],
            text: Some(post.title.to_string()),
        }],
    })
}

fn available_time(slot: &WeeklySlot) -> AvailableTime {
    AvailableTime {
        days_of_week: slot
            .days_of_week()
            .iter()
            .map(|day| day.as_str().to_owned())
            .collect(),
        all_day: slot.is_all_day().then_some(true),
        available_start_time: slot.available_start_time(),
        available_end_time: slot.available_end_time(),
    }
}

/// `availabilityExceptions` for availability without stated times.
const EXTENDED_HOURS: &str = "Extended hours: beyond office hours (evenings and weekends), not around the clock; times not stated.";

fn healthcare_service(
    service: &Service,
    organisation_ref: impl Fn(OrganisationId) -> Option<Reference>,
    locality_ref: impl Fn(LocalityId) -> Option<Reference>,
    as_of: NaiveDate,
) -> HealthcareService {
    HealthcareService {
        id: Some(service.id.to_string()),
        active: Some(service.is_current(as_of)),
        provided_by: organisation_ref(service.provider),
        service_type: vec![CodeableConcept {
            coding: vec![Coding::new(local::SERVICE_KIND, service.kind.as_str())],
            text: service.kind_detail.as_ref().map(ToString::to_string),
        }],
        name: service.name.as_ref().map(ToString::to_string),
        coverage_area: service
            .localities
            .iter()
            .filter_map(|&id| locality_ref(id))
            .collect(),
        eligibility: service
            .age_range
            .iter()
            .map(|range| HealthcareServiceEligibility {
                comment: Some(format!("Ages {range}")),
            })
            .collect(),
        available_time: service
            .availability
            .available_times()
            .iter()
            .map(available_time)
            .collect(),
        availability_exceptions: matches!(service.availability, Availability::ExtendedHours)
            .then(|| EXTENDED_HOURS.to_owned()),
    }
}

/// The FHIR publication status of a standard's status on the day.
const fn publication_status(status: Option<StandardStatus>) -> &'static str {
    match status {
        Some(StandardStatus::Endorsed) => "active",
        Some(StandardStatus::Superseded | StandardStatus::Retired) => "retired",
        Some(StandardStatus::Draft | StandardStatus::Consultation) | None => "draft",
        Some(_) => "unknown",
    }
}

const fn measure_type(kind: MeasureKind) -> Option<&'static str> {
    match kind {
        MeasureKind::Structure => Some("structure"),
        MeasureKind::Process => Some("process"),
        MeasureKind::Outcome => Some("outcome"),
        _ => None,
    }
}

/// A population of a measure. Members count it by hand, to the definition in
/// words; the criteria name it the way CQL-based measures do (`Numerator`,
/// `Denominator`), since R4 requires an expression and allows only CQL,
/// `FHIRPath` or a FHIR query, but no CQL library is supplied.
fn population(code: &str, name: &str, definition: &str) -> MeasurePopulation {
    MeasurePopulation {
        code: Some(CodeableConcept::coded(hl7::MEASURE_POPULATION, code)),
        description: Some(definition.to_owned()),
        criteria: Expression {
            description: Some(definition.to_owned()),
            language: "text/cql".to_owned(),
            expression: Some(name.to_owned()),
        },
    }
}

fn fhir_measure(
    standard: &Standard,
    measure: &mcn_standards::Measure,
    as_of: NaiveDate,
) -> Measure {
    let mut guidance = Vec::new();
    if let Some(target) = measure.target {
        guidance.push(format!("Target: {:.0} %.", target.percent()));
    }
    if let Some(source) = &measure.data_source {
        guidance.push(format!("Data source: {}", source.as_str()));
    }
    Measure {
        id: Some(measure.id.to_string()),
        url: Some(full_url(measure.id)),
        version: Some(standard.version.to_string()),
        title: Some(measure.description.to_string()),
        status: publication_status(standard.status_as_of(as_of)).to_owned(),
        description: Some(format!(
            "A measure of standard {} \"{}\".",
            standard.code, standard.title
        )),
        effective_period: standard.effective.map(Period::from),
        scoring: Some(CodeableConcept::coded(hl7::MEASURE_SCORING, "proportion")),
        measure_type: measure_type(measure.kind)
            .map(|code| CodeableConcept::coded(hl7::MEASURE_TYPE, code))
            .into_iter()
            .collect(),
        improvement_notation: Some(CodeableConcept::coded(
            hl7::MEASURE_IMPROVEMENT_NOTATION,
            "increase",
        )),
        guidance: (!guidance.is_empty()).then(|| guidance.join("\n\n")),
        group: vec![MeasureGroup {
            description: None,
            population: vec![
                population("numerator", "Numerator", measure.numerator.as_str()),
                population("denominator", "Denominator", measure.denominator.as_str()),
            ],
        }],
    }
}

fn measure_report(
    result: &AuditResult,
    organisation_ref: impl Fn(OrganisationId) -> Option<Reference>,
) -> MeasureReport {
    let count = |code: &str, count: u32| MeasureReportPopulation {
        code: Some(CodeableConcept::coded(hl7::MEASURE_POPULATION, code)),
        count: Some(count),
    };
    MeasureReport {
        id: Some(result.id.to_string()),
        status: "complete".to_owned(),
        report_type: "summary".to_owned(),
        measure: full_url(result.measure),
        date: Some(result.submitted_on),
        reporter: organisation_ref(result.organisation),
        period: result.period.into(),
        group: vec![MeasureReportGroup {
            code: result.category.map(|category| {
                CodeableConcept::coded(local::CONDITION_CATEGORY, category.as_str())
            }),
            population: vec![
                count("numerator", result.numerator),
                count("denominator", result.denominator),
            ],
            measure_score: result.compliance().map(|score| Quantity {
                value: Some(score.value()),
            }),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_an_hl7_type() {
        for kind in OrganisationKind::ALL.iter().copied() {
            let code = hl7_organization_type(kind);
            assert!(
                ["prov", "pay", "govt", "cg", "edu", "other"].contains(&code),
                "{kind}: {code}"
            );
        }
        assert_eq!(hl7_organization_type(OrganisationKind::University), "edu");
    }

    #[test]
    fn standard_status_maps_to_publication_status() {
        assert_eq!(publication_status(Some(StandardStatus::Endorsed)), "active");
        assert_eq!(
            publication_status(Some(StandardStatus::Consultation)),
            "draft"
        );
        assert_eq!(
            publication_status(Some(StandardStatus::Superseded)),
            "retired"
        );
        assert_eq!(publication_status(Some(StandardStatus::Retired)), "retired");
        assert_eq!(publication_status(None), "draft");
    }
}
