//! A small, clean network as JSON, for tests to break one rule at a time.

use mcn_core::NaiveDate;
use mcn_network::{NetworkDocument, validate};
use serde_json::{Value, json};

/// The date the fixture is checked on.
pub(crate) fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
}

/// A readable UUID: `kind` names the entity kind, `n` the entity.
pub(crate) fn uuid(kind: u8, n: u8) -> String {
    format!("00000000-0000-0000-00{kind:02x}-0000000000{n:02x}")
}

/// Ids of the fixture's entities.
pub(crate) mod ids {
    use super::uuid;
    pub(crate) fn network() -> String {
        uuid(1, 1)
    }
    pub(crate) fn trust() -> String {
        uuid(2, 1)
    }
    pub(crate) fn hospice() -> String {
        uuid(2, 2)
    }
    pub(crate) fn ann() -> String {
        uuid(3, 1)
    }
    pub(crate) fn bo() -> String {
        uuid(3, 2)
    }
    pub(crate) fn coordinator() -> String {
        uuid(4, 1)
    }
    pub(crate) fn chair() -> String {
        uuid(4, 2)
    }
    pub(crate) fn board() -> String {
        uuid(5, 1)
    }
    pub(crate) fn meeting() -> String {
        uuid(6, 1)
    }
    pub(crate) fn standard() -> String {
        uuid(7, 1)
    }
    pub(crate) fn decision() -> String {
        uuid(8, 1)
    }
}

/// The clean fixture: two member organisations (NHS trust, children's
/// hospice), a funded and filled co-ordinator post, a chair, a steering group
/// with one quorate meeting that endorses one network guideline.
pub(crate) fn clean() -> Value {
    json!({
        "schema_version": "1.0",
        "network": {
            "id": ids::network(),
            "name": "Testvale Children's Palliative Care Network",
            "host_organisation": ids::trust(),
            "coordinator_post": ids::coordinator()
        },
        "organisations": [
            {"id": ids::trust(), "name": "Testvale NHS Foundation Trust", "kind": "nhs_foundation_trust",
             "identifiers": [{"system": "ods", "value": "XT1"}]},
            {"id": ids::hospice(), "name": "Harbour Children's Hospice", "kind": "childrens_hospice",
             "identifiers": [{"system": "charity_england_wales", "value": "1234567"}]}
        ],
        "memberships": [
            {"id": uuid(9, 1), "organisation": ids::trust(), "tier": "full",
             "status": [{"status": "invited", "on": "2024-01-01"}, {"status": "active", "on": "2024-02-01"}],
             "agreement_signed_on": "2024-02-01", "representative": ids::ann()},
            {"id": uuid(9, 2), "organisation": ids::hospice(), "tier": "full",
             "status": [{"status": "invited", "on": "2024-01-01"}, {"status": "active", "on": "2024-02-01"}],
             "agreement_signed_on": "2024-02-01", "representative": ids::bo()}
        ],
        "people": [
            {"id": ids::ann(), "name": "Ann Lee", "profession": "manager", "employer": ids::trust()},
            {"id": ids::bo(), "name": "Bo Chan", "profession": "nurse", "employer": ids::hospice()}
        ],
        "posts": [
            {"id": ids::coordinator(), "title": "Network co-ordinator", "role": "network_coordinator",
             "organisation": ids::trust(), "period": {"start": "2024-01-01"},
             "funding": {"wte": 1.0, "period": {"start": "2024-01-01", "end": "2027-03-31"}}},
            {"id": ids::chair(), "title": "Chair", "role": "chair", "organisation": ids::hospice(),
             "body": ids::board(), "period": {"start": "2024-01-01"}}
        ],
        "appointments": [
            {"id": uuid(10, 1), "post": ids::coordinator(), "person": ids::ann(),
             "period": {"start": "2024-02-01"}, "wte": 1.0},
            {"id": uuid(10, 2), "post": ids::chair(), "person": ids::bo(),
             "period": {"start": "2024-02-01"}, "wte": 0.1}
        ],
        "bodies": [
            {"id": ids::board(), "name": "Steering group", "kind": "steering_group", "active": {"start": "2024-01-01"},
             "terms_of_reference": [{
                "version": "1.0", "approved_on": "2024-01-15", "review_by": "2027-01-15",
                "purpose": "Leads the network.", "meeting_frequency": "quarterly",
                "quorum": {"threshold": {"count": 2}, "required_roles": [{"any_of": ["chair", "vice_chair"]}]}
             }]}
        ],
        "seats": [
            {"id": uuid(11, 1), "body": ids::board(), "holder": {"post": ids::coordinator()}, "period": {"start": "2024-01-01"}},
            {"id": uuid(11, 2), "body": ids::board(), "holder": {"post": ids::chair()}, "period": {"start": "2024-01-01"}},
            {"id": uuid(11, 3), "body": ids::board(), "holder": {"organisation": ids::hospice()}, "period": {"start": "2024-01-01"}}
        ],
        "meetings": [
            {"id": ids::meeting(), "body": ids::board(), "date": "2026-03-10", "format": "virtual",
             "attendance": [
                {"person": ids::ann(), "on_behalf_of": ids::trust(), "status": "present"},
                {"person": ids::bo(), "on_behalf_of": ids::hospice(), "status": "present"}
             ],
             "decisions": [
                {"id": ids::decision(), "text": "Endorse the network's symptom guideline.", "kind": "endorse_standard",
                 "subject": {"standard": ids::standard()}, "outcome": "carried"}
             ]}
        ],
        "standards": [
            {"id": ids::standard(), "code": "NET-GL-01", "title": "Symptom management guideline",
             "kind": "guideline", "source": {"kind": "network_guideline", "reference": "NET-GL-01"}, "version": "1.0",
             "status": [{"status": "draft", "on": "2025-10-01"}, {"status": "consultation", "on": "2025-12-01"},
                        {"status": "endorsed", "on": "2026-03-10"}],
             "review_by": "2028-03-10", "endorsed_by": ids::decision()}
        ]
    })
}

/// Parses a fixture value.
pub(crate) fn document(value: &Value) -> NetworkDocument {
    NetworkDocument::from_json(value.to_string().as_bytes())
        .unwrap_or_else(|e| panic!("fixture does not load: {e}"))
}

/// The codes `value` yields on the fixture date, sorted.
pub(crate) fn codes(value: &Value) -> Vec<String> {
    let mut codes: Vec<String> = validate(&document(value), as_of())
        .findings()
        .iter()
        .map(|f| f.code.clone())
        .collect();
    codes.sort();
    codes
}

/// `(code, path)` of every finding.
pub(crate) fn findings(value: &Value) -> Vec<(String, String)> {
    validate(&document(value), as_of())
        .findings()
        .iter()
        .map(|f| (f.code.clone(), f.path.as_str().to_owned()))
        .collect()
}
