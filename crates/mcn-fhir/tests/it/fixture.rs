//! A small network that uses every part of the export: a site of a trust, a
//! merged trust, explicit sectors, a suspended and a withdrawn membership,
//! people on all three professional registers, ended and current
//! appointments, services 24/7, weekly, extended hours, office hours and
//! ended, and standards draft, endorsed and retired with audit results.

use mcn_core::NaiveDate;
use mcn_network::{Network, NetworkDocument};
use serde_json::{Value, json};

/// The date the fixture is exported on.
pub(crate) fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
}

/// A readable UUID: `kind` names the entity kind, `n` the entity.
pub(crate) fn uuid(kind: u8, n: u8) -> String {
    format!("00000000-0000-0000-00{kind:02x}-0000000000{n:02x}")
}

fn org(n: u8) -> String {
    uuid(2, n)
}
fn loc(n: u8) -> String {
    uuid(3, n)
}
fn person(n: u8) -> String {
    uuid(4, n)
}
fn post(n: u8) -> String {
    uuid(5, n)
}
fn measure(n: u8) -> String {
    uuid(7, n)
}

/// The fixture as JSON.
#[allow(clippy::too_many_lines)] // one JSON literal
pub(crate) fn value() -> Value {
    json!({
        "schema_version": "1.0",
        "network": {
            "id": uuid(1, 1),
            "name": "Testvale Children's Palliative Care Network",
            "host_organisation": org(1),
            "coordinator_post": post(1)
        },
        "localities": [
            {"id": loc(1), "name": "North Testvale", "kind": "region"},
            {"id": loc(2), "name": "Testvale ICS", "kind": "integrated_care_system", "parent": loc(1)},
            {"id": loc(3), "name": "Harbourtown", "kind": "place", "parent": loc(2), "population_0_19": 60000}
        ],
        "organisations": [
            {"id": org(1), "name": "Testvale NHS Foundation Trust", "kind": "nhs_foundation_trust",
             "identifiers": [{"system": "ods", "value": "XT1"}], "localities": [loc(2)]},
            {"id": org(2), "name": "Testvale Children's Hospital", "kind": "nhs_foundation_trust",
             "identifiers": [{"system": "ods", "value": "XT101"}], "part_of": org(1)},
            {"id": org(3), "name": "Harbour Children's Hospice", "kind": "childrens_hospice",
             "identifiers": [{"system": "charity_england_wales", "value": "1234567"},
                             {"system": "companies_house", "value": "01234567"}],
             "localities": [loc(3)]},
            {"id": org(4), "name": "NHS Testvale Integrated Care Board", "kind": "integrated_care_board",
             "identifiers": [{"system": "ods", "value": "QXT"}]},
            {"id": org(5), "name": "Coastline Community Care CIC", "kind": "community_provider",
             "sector": "independent", "identifiers": [{"system": "companies_house", "value": "12345678"}]},
            {"id": org(6), "name": "Testvale Parent Carer Forum", "kind": "other",
             "kind_detail": "Parent carer forum", "sector": "voluntary",
             "identifiers": [{"system": "charity_scotland", "value": "SC012345"}]},
            {"id": org(7), "name": "Old Testvale Community Trust", "kind": "nhs_trust",
             "identifiers": [{"system": "ods", "value": "XT2"}], "active": false,
             "successor": {"organisation": org(1), "on": "2023-04-01"}}
        ],
        "memberships": [
            {"id": uuid(6, 1), "organisation": org(1), "tier": "full",
             "status": [{"status": "invited", "on": "2024-01-01"}, {"status": "active", "on": "2024-02-01"}],
             "agreement_signed_on": "2024-02-01", "representative": person(4)},
            {"id": uuid(6, 2), "organisation": org(3), "tier": "full",
             "status": [{"status": "invited", "on": "2024-01-01"}, {"status": "active", "on": "2024-02-01"},
                        {"status": "suspended", "on": "2025-01-01"}, {"status": "active", "on": "2025-03-01"}],
             "agreement_signed_on": "2024-02-01", "representative": person(2)},
            {"id": uuid(6, 3), "organisation": org(5), "tier": "associate",
             "status": [{"status": "invited", "on": "2024-01-01"}, {"status": "active", "on": "2024-03-01"},
                        {"status": "withdrawn", "on": "2025-06-01"}]},
            {"id": uuid(6, 4), "organisation": org(6), "tier": "associate",
             "status": [{"status": "invited", "on": "2026-05-01"}]}
        ],
        "services": [
            {"id": uuid(8, 1), "provider": org(1), "kind": "consultant_advice_line",
             "name": "Testvale palliative care advice line", "availability": "twenty_four_seven",
             "localities": [loc(2)]},
            {"id": uuid(8, 2), "provider": org(3), "kind": "community_childrens_nursing",
             "availability": {"weekly": [
                {"days_of_week": ["mon", "tue", "wed", "thu", "fri"],
                 "available_start_time": "08:00:00", "available_end_time": "20:00:00"},
                {"days_of_week": ["sat", "sun"], "all_day": true}]},
             "localities": [loc(3)], "age_range": {"min_years": 0, "max_years": 25}},
            {"id": uuid(8, 3), "provider": org(3), "kind": "hospice_short_breaks",
             "availability": "extended_hours", "localities": [loc(3)]},
            {"id": uuid(8, 4), "provider": org(5), "kind": "bereavement_support",
             "availability": "office_hours", "localities": [loc(1)],
             "period": {"start": "2024-01-01", "end": "2025-12-31"}},
            {"id": uuid(8, 5), "provider": org(6), "kind": "other", "kind_detail": "Sibling support group",
             "availability": "office_hours", "localities": [loc(3)]}
        ],
        "people": [
            {"id": person(1), "name": "Annabel Quigley", "profession": "doctor", "employer": org(1),
             "registration": {"system": "gmc", "value": "7654321"},
             "email": "annabel.quigley@testvale.nhs.uk"},
            {"id": person(2), "name": "Bartholomew Okafor", "profession": "nurse", "employer": org(3),
             "registration": {"system": "nmc", "value": "12A3456E"}, "email": "b.okafor@harbour.org.uk"},
            {"id": person(3), "name": "Carys Vaughan-Thomas", "profession": "psychologist", "employer": org(3),
             "registration": {"system": "hcpc", "value": "PYL12345"}, "email": "carys.vt@harbour.org.uk"},
            {"id": person(4), "name": "Dmitri Halvorsen", "profession": "manager", "employer": org(1),
             "email": "dmitri.halvorsen@testvale.nhs.uk"},
            {"id": person(5), "name": "Eleri Pugh", "profession": "parent_carer"}
        ],
        "posts": [
            {"id": post(1), "title": "Network co-ordinator", "role": "network_coordinator",
             "organisation": org(1), "period": {"start": "2024-01-01"},
             "funding": {"wte": 1.0, "period": {"start": "2024-01-01", "end": "2027-03-31"}}},
            {"id": post(2), "title": "Clinical lead", "role": "clinical_lead", "organisation": org(1),
             "period": {"start": "2024-01-01"}},
            {"id": post(3), "title": "Chair of the steering group", "role": "chair", "organisation": org(3),
             "period": {"start": "2024-01-01"}},
            {"id": post(4), "title": "Parent carer representative", "role": "parent_carer_representative",
             "organisation": org(6), "period": {"start": "2026-05-01"}}
        ],
        "appointments": [
            {"id": uuid(9, 1), "post": post(1), "person": person(4), "period": {"start": "2024-02-01"}, "wte": 1.0},
            {"id": uuid(9, 2), "post": post(2), "person": person(1), "period": {"start": "2024-02-01"}, "wte": 0.2},
            {"id": uuid(9, 3), "post": post(3), "person": person(2),
             "period": {"start": "2024-02-01", "end": "2025-12-31"}, "wte": 0.1},
            {"id": uuid(9, 4), "post": post(3), "person": person(3), "period": {"start": "2026-01-01"}, "wte": 0.1},
            {"id": uuid(9, 5), "post": post(4), "person": person(5), "period": {"start": "2026-05-15"},
             "wte": 0.1, "basis": "voluntary"}
        ],
        "standards": [
            {"id": uuid(10, 1), "code": "NICE-QS160-6", "title": "24-hour access at home near the end of life",
             "kind": "quality_statement",
             "source": {"kind": "nice_quality_standard", "reference": "QS160", "published_on": "2017-09-07"},
             "version": "September 2017",
             "status": [{"status": "draft", "on": "2024-01-01"}, {"status": "consultation", "on": "2024-03-01"},
                        {"status": "endorsed", "on": "2024-06-01"}],
             "effective": {"start": "2024-06-01"},
             "measures": [
                {"id": measure(1), "kind": "structure",
                 "description": "Local arrangements give 24-hour access to children's nursing care",
                 "numerator": "Localities with 24-hour access to children's nursing care at home",
                 "denominator": "Localities the network covers", "target": 0.9,
                 "data_source": "Service mapping"},
                {"id": measure(2), "kind": "process",
                 "description": "Children dying at home who had 24-hour advice from a consultant",
                 "numerator": "Children in the denominator who had 24-hour consultant advice",
                 "denominator": "Children who died at home after care by the network's members"}
             ]},
            {"id": uuid(10, 2), "code": "NET-GL-02", "title": "Bereavement follow-up guideline",
             "kind": "guideline", "source": {"kind": "network_guideline", "reference": "NET-GL-02"},
             "version": "0.1", "status": [{"status": "draft", "on": "2026-01-01"}],
             "measures": [
                {"id": measure(3), "kind": "outcome",
                 "description": "Families offered bereavement support within a month",
                 "numerator": "Families offered support within 30 days",
                 "denominator": "Families bereaved"}
             ]},
            {"id": uuid(10, 3), "code": "NET-GL-00", "title": "Withdrawn symptom chart",
             "kind": "guideline", "source": {"kind": "network_guideline", "reference": "NET-GL-00"},
             "version": "1.0",
             "status": [{"status": "draft", "on": "2023-01-01"}, {"status": "retired", "on": "2024-01-01"}],
             "measures": [
                {"id": measure(4), "kind": "process", "description": "Charts completed",
                 "numerator": "Charts completed", "denominator": "Charts started"}
             ]}
        ],
        "audit_results": [
            {"id": uuid(11, 1), "measure": measure(1), "organisation": org(1),
             "period": {"start": "2025-04-01", "end": "2026-03-31"},
             "numerator": 9, "denominator": 10, "submitted_on": "2026-04-15"},
            {"id": uuid(11, 2), "measure": measure(2), "organisation": org(3),
             "period": {"start": "2025-04-01", "end": "2026-03-31"},
             "numerator": 3, "denominator": 4, "submitted_on": "2026-04-20",
             "category": "progressive_without_cure"},
            {"id": uuid(11, 3), "measure": measure(2), "organisation": org(1),
             "period": {"start": "2025-04-01", "end": "2026-03-31"},
             "numerator": 0, "denominator": 0, "submitted_on": "2026-04-20"}
        ]
    })
}

/// The fixture document.
pub(crate) fn document() -> NetworkDocument {
    NetworkDocument::from_json(value().to_string().as_bytes())
        .unwrap_or_else(|e| panic!("fixture does not load: {e}"))
}

/// The fixture, indexed.
pub(crate) fn network() -> Network<'static> {
    Network::new(document())
}

#[test]
fn fixture_is_a_valid_network() {
    let report = network().validate(as_of());
    let errors: Vec<_> = report
        .findings()
        .iter()
        .filter(|f| f.severity == mcn_core::Severity::Error)
        .map(|f| format!("{} {} {}", f.code, f.path, f.message))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
