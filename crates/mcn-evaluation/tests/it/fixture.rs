//! A small network built for the evaluation tests: every indicator has
//! something to count, and every expected figure in `expected.rs` is worked
//! out by hand from this document (the arithmetic is in comments there).
//!
//! Report date 2026-11-01; the 12-month window runs 2025-11-02 to 2026-11-01.
//!
//! Ids: `id(kind, n)` so that a reader can tell them apart in failures.

use mcn_core::NaiveDate;
use mcn_network::{Network, NetworkDocument};
use serde_json::{Value, json};

pub(crate) fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

/// `KK000000-0000-7000-8000-0000000000NN`.
pub(crate) fn id(kind: u8, n: u8) -> String {
    format!("{kind:02x}000000-0000-7000-8000-{n:012x}")
}

// Kinds.
pub(crate) const LOC: u8 = 0x01;
pub(crate) const ORG: u8 = 0x02;
pub(crate) const MEM: u8 = 0x03;
pub(crate) const PER: u8 = 0x04;
pub(crate) const POST: u8 = 0x05;
pub(crate) const APP: u8 = 0x06;
pub(crate) const BODY: u8 = 0x07;
pub(crate) const SEAT: u8 = 0x08;
pub(crate) const MEET: u8 = 0x09;
pub(crate) const ACT: u8 = 0x0a;
pub(crate) const OBJ: u8 = 0x0b;
pub(crate) const RISK: u8 = 0x0c;
pub(crate) const FUND: u8 = 0x0d;
pub(crate) const COURSE: u8 = 0x0e;
pub(crate) const EVENT: u8 = 0x0f;
pub(crate) const REG: u8 = 0x10;
pub(crate) const REQ: u8 = 0x11;
pub(crate) const STD: u8 = 0x12;
pub(crate) const MEAS: u8 = 0x13;
pub(crate) const ADOPT: u8 = 0x14;
pub(crate) const AUDIT: u8 = 0x15;
pub(crate) const SVC: u8 = 0x16;
pub(crate) const SYS: u8 = 0x17;
pub(crate) const STAFF: u8 = 0x18;
pub(crate) const DEC: u8 = 0x19;
pub(crate) const NET: u8 = 0x1a;

fn registration(n: u8, event: u8, person: u8, org: u8, status: &str) -> Value {
    json!({"id": id(REG, n), "event": id(EVENT, event), "person": id(PER, person),
           "organisation": id(ORG, org), "status": status})
}

fn feedback(overall: u8, relevance: u8, recommend: bool) -> Value {
    json!({"overall": overall, "relevance": relevance, "would_recommend": recommend})
}

fn attend(person: u8, status: &str) -> Value {
    json!({"person": id(PER, person), "status": status})
}

fn attend_for(person: u8, org: u8) -> Value {
    json!({"person": id(PER, person), "on_behalf_of": id(ORG, org), "status": "present"})
}

/// The fixture document as JSON.
#[allow(clippy::too_many_lines)] // one document, read top to bottom
pub(crate) fn json() -> Value {
    let r = |n, e, p, o, s| registration(n, e, p, o, s);
    let mut registrations = vec![
        // E1, study day in Ashford (L2), hosted by Rainbow (O2), core level via course C1.
        r(1, 1, 3, 2, "attended"),
        r(2, 1, 1, 1, "attended"),
        r(3, 1, 5, 3, "did_not_attend"),
        r(4, 1, 6, 4, "attended"),
        // E2, webinar, no locality, hosted by the trust (O1), universal.
        r(5, 2, 1, 1, "attended"),
        r(6, 2, 2, 1, "attended"),
        r(7, 2, 3, 2, "did_not_attend"),
        r(8, 2, 5, 3, "cancelled"),
        // E3, specialist day in Brookfield (L3), hosted by O1.
        r(9, 3, 2, 1, "attended"),
        r(10, 3, 1, 1, "wait_listed"),
        r(11, 3, 4, 2, "booked"),
        // E4, cancelled event: ignored everywhere.
        r(12, 4, 5, 3, "did_not_attend"),
        // E5, 2024, before the window: counts only for training needs.
        r(13, 5, 7, 3, "attended"),
    ];
    registrations[0]["feedback"] = feedback(5, 5, true);
    registrations[1]["feedback"] = feedback(4, 4, true);
    registrations[2]["barrier"] = json!("no_release");
    registrations[4]["feedback"] = feedback(4, 3, false);
    registrations[6]["barrier"] = json!("timing");
    registrations[7]["barrier"] = json!("timing");
    registrations[8]["feedback"] = feedback(5, 5, true);
    registrations[9]["barrier"] = json!("event_full");
    registrations[11]["barrier"] = json!("cost");

    let quorum_chair =
        json!({"threshold": {"count": 2}, "required_roles": [{"any_of": ["chair"]}]});
    json!({
      "schema_version": "1.0",
      "network": {
        "id": id(NET, 1), "name": "Northvale Children's Palliative Care Network",
        "host_organisation": id(ORG, 2), "coordinator_post": id(POST, 1)
      },
      "localities": [
        {"id": id(LOC, 0), "name": "Northvale", "kind": "region"},
        {"id": id(LOC, 1), "name": "Northvale ICS", "kind": "integrated_care_system", "parent": id(LOC, 0)},
        {"id": id(LOC, 2), "name": "Ashford", "kind": "place", "parent": id(LOC, 1), "children_with_llc_estimate": 200},
        {"id": id(LOC, 3), "name": "Brookfield", "kind": "place", "parent": id(LOC, 1), "population_0_19": 100_000}
      ],
      "organisations": [
        {"id": id(ORG, 1), "name": "Northvale Children's Hospital NHS Trust", "kind": "nhs_trust",
         "identifiers": [{"system": "ods", "value": "RXX"}], "localities": [id(LOC, 2)]},
        {"id": id(ORG, 2), "name": "Rainbow Children's Hospice", "kind": "childrens_hospice", "localities": [id(LOC, 3)]},
        {"id": id(ORG, 3), "name": "Brookfield GP Practice", "kind": "general_practice", "localities": [id(LOC, 3)]},
        {"id": id(ORG, 4), "name": "Parents Together", "kind": "charity"},
        {"id": id(ORG, 5), "name": "Northvale ICB", "kind": "integrated_care_board"},
        {"id": id(ORG, 6), "name": "Westfield Adult Hospice", "kind": "adult_hospice"}
      ],
      "memberships": [
        {"id": id(MEM, 1), "organisation": id(ORG, 1), "tier": "full", "representative": id(PER, 1),
         "status": [{"status": "invited", "on": "2024-01-01"}, {"status": "active", "on": "2024-02-01"}]},
        {"id": id(MEM, 2), "organisation": id(ORG, 2), "tier": "full", "representative": id(PER, 3),
         "status": [{"status": "invited", "on": "2024-01-01"}, {"status": "active", "on": "2024-03-01"}]},
        {"id": id(MEM, 3), "organisation": id(ORG, 3), "tier": "associate",
         "status": [{"status": "invited", "on": "2024-01-01"}, {"status": "active", "on": "2024-03-01"}]},
        {"id": id(MEM, 4), "organisation": id(ORG, 4), "tier": "associate",
         "status": [{"status": "invited", "on": "2024-06-01"}, {"status": "active", "on": "2024-07-01"},
                    {"status": "suspended", "on": "2026-09-01"}]},
        {"id": id(MEM, 6), "organisation": id(ORG, 6), "tier": "associate",
         "status": [{"status": "invited", "on": "2024-12-01"}, {"status": "active", "on": "2025-01-01"}]}
      ],
      "services": [
        {"id": id(SVC, 1), "provider": id(ORG, 1), "kind": "community_childrens_nursing",
         "availability": "twenty_four_seven", "localities": [id(LOC, 1)]},
        {"id": id(SVC, 2), "provider": id(ORG, 2), "kind": "consultant_advice_line",
         "availability": "twenty_four_seven", "localities": [id(LOC, 2)]},
        {"id": id(SVC, 3), "provider": id(ORG, 1), "kind": "consultant_advice_line",
         "availability": "office_hours", "localities": [id(LOC, 3)]},
        {"id": id(SVC, 4), "provider": id(ORG, 2), "kind": "specialist_palliative_care_team",
         "availability": "office_hours", "localities": [id(LOC, 2), id(LOC, 3)]},
        {"id": id(SVC, 5), "provider": id(ORG, 3), "kind": "specialist_palliative_care_team",
         "availability": "office_hours", "localities": [id(LOC, 3)],
         "period": {"start": "2024-01-01", "end": "2026-03-31"}}
      ],
      "systems": [
        {"id": id(SYS, 1), "organisation": id(ORG, 1), "system": "Trust EPR", "category": "epr", "can_share": "yes"},
        {"id": id(SYS, 2), "organisation": id(ORG, 2), "system": "Hospice records", "category": "epr", "can_share": "partly"},
        {"id": id(SYS, 3), "organisation": id(ORG, 2), "system": "Regional shared care record", "category": "shared_care_record", "can_share": "no"},
        {"id": id(SYS, 4), "organisation": id(ORG, 4), "system": "Charity CRM", "category": "other", "can_share": "yes"}
      ],
      "people": [
        {"id": id(PER, 1), "name": "Pat One", "profession": "nurse", "employer": id(ORG, 1)},
        {"id": id(PER, 2), "name": "Pat Two", "profession": "doctor", "employer": id(ORG, 1)},
        {"id": id(PER, 3), "name": "Pat Three", "profession": "nurse", "employer": id(ORG, 2)},
        {"id": id(PER, 4), "name": "Pat Four", "profession": "manager", "employer": id(ORG, 2)},
        {"id": id(PER, 5), "name": "Pat Five", "profession": "doctor", "employer": id(ORG, 3)},
        {"id": id(PER, 6), "name": "Pat Six", "profession": "social_worker", "employer": id(ORG, 4)},
        {"id": id(PER, 7), "name": "Pat Seven", "profession": "nurse", "employer": id(ORG, 3)}
      ],
      "posts": [
        {"id": id(POST, 1), "title": "Network co-ordinator", "role": "network_coordinator",
         "organisation": id(ORG, 2), "period": {"start": "2024-04-01"},
         "funding": {"stream": id(FUND, 1), "wte": 1.0, "period": {"start": "2024-04-01", "end": "2027-03-31"}}},
        {"id": id(POST, 2), "title": "Clinical lead", "role": "clinical_lead",
         "organisation": id(ORG, 1), "period": {"start": "2024-01-01"}},
        {"id": id(POST, 3), "title": "Education lead", "role": "education_lead",
         "organisation": id(ORG, 2), "period": {"start": "2025-01-01"},
         "funding": {"stream": id(FUND, 2), "wte": 0.5, "period": {"start": "2025-01-01", "end": "2026-12-31"}}},
        {"id": id(POST, 4), "title": "Chair, steering group", "role": "chair",
         "organisation": id(ORG, 1), "body": id(BODY, 1), "period": {"start": "2024-01-01"}},
        {"id": id(POST, 5), "title": "Locality lead, Ashford", "role": "locality_lead",
         "organisation": id(ORG, 3), "period": {"start": "2024-01-01", "end": "2025-12-31"}}
      ],
      "appointments": [
        {"id": id(APP, 1), "post": id(POST, 1), "person": id(PER, 4), "period": {"start": "2024-05-01"}, "wte": 1.0},
        {"id": id(APP, 2), "post": id(POST, 2), "person": id(PER, 2),
         "period": {"start": "2024-02-01", "end": "2026-06-30"}, "wte": 0.2},
        {"id": id(APP, 3), "post": id(POST, 4), "person": id(PER, 1), "period": {"start": "2024-01-01"}, "wte": 0.1},
        {"id": id(APP, 5), "post": id(POST, 5), "person": id(PER, 5),
         "period": {"start": "2024-01-01", "end": "2025-12-31"}, "wte": 0.1}
      ],
      "staffing": [
        {"id": id(STAFF, 1), "organisation": id(ORG, 1), "profession": "nurse",
         "funded_wte": 10.0, "in_post_wte": 8.5, "as_of": "2026-04-01"},
        {"id": id(STAFF, 2), "organisation": id(ORG, 1), "profession": "nurse",
         "funded_wte": 10.0, "in_post_wte": 9.0, "as_of": "2026-10-01"},
        {"id": id(STAFF, 3), "organisation": id(ORG, 1), "profession": "doctor",
         "funded_wte": 2.0, "in_post_wte": 2.0, "as_of": "2026-10-01"},
        {"id": id(STAFF, 4), "organisation": id(ORG, 2), "profession": "nurse",
         "funded_wte": 6.0, "in_post_wte": 6.5, "as_of": "2026-09-01"},
        {"id": id(STAFF, 5), "organisation": id(ORG, 2), "profession": "nurse", "service": id(SVC, 4),
         "funded_wte": 1.5, "in_post_wte": 0.5, "as_of": "2026-09-01"},
        {"id": id(STAFF, 6), "organisation": id(ORG, 3), "profession": "doctor",
         "funded_wte": 1.0, "in_post_wte": 1.0, "as_of": "2026-12-01"}
      ],
      "bodies": [
        {"id": id(BODY, 1), "name": "Steering group", "kind": "steering_group", "active": {"start": "2024-01-01"},
         "terms_of_reference": [
           {"version": "1.0", "approved_on": "2024-01-10", "review_by": "2025-01-10",
            "purpose": "Lead the network.", "meeting_frequency": "quarterly", "quorum": quorum_chair},
           {"version": "2.0", "approved_on": "2025-06-01", "review_by": "2027-06-01",
            "purpose": "Lead the network.", "meeting_frequency": "quarterly", "quorum": quorum_chair}]},
        {"id": id(BODY, 2), "name": "Education group", "kind": "education_group", "reports_to": id(BODY, 1),
         "active": {"start": "2024-06-01"},
         "terms_of_reference": [
           {"version": "1.0", "approved_on": "2024-06-01", "review_by": "2025-06-01",
            "purpose": "Plan training.", "meeting_frequency": "every_two_months",
            "quorum": {"threshold": {"count": 2}}}]},
        {"id": id(BODY, 3), "name": "Parent forum", "kind": "parent_carer_forum", "reports_to": id(BODY, 1),
         "active": {"start": "2026-01-01"},
         "terms_of_reference": [
           {"version": "0.1", "review_by": "2027-01-01", "purpose": "Hear families.",
            "meeting_frequency": "quarterly", "quorum": {"threshold": {"count": 2}}}]},
        {"id": id(BODY, 4), "name": "Guidelines working group", "kind": "working_group", "reports_to": id(BODY, 1),
         "active": {"start": "2024-01-01", "end": "2025-03-31"},
         "terms_of_reference": [
           {"version": "1.0", "approved_on": "2024-01-10", "review_by": "2026-01-10",
            "purpose": "Write guidelines.", "meeting_frequency": "monthly",
            "quorum": {"threshold": {"count": 2}}}]}
      ],
      "seats": [
        {"id": id(SEAT, 1), "body": id(BODY, 1), "holder": {"post": id(POST, 4)}, "period": {"start": "2024-01-01"}},
        {"id": id(SEAT, 2), "body": id(BODY, 1), "holder": {"organisation": id(ORG, 2)}, "period": {"start": "2024-01-01"}},
        {"id": id(SEAT, 3), "body": id(BODY, 1), "holder": {"organisation": id(ORG, 3)}, "period": {"start": "2024-03-01"}},
        {"id": id(SEAT, 4), "body": id(BODY, 2), "holder": {"post": id(POST, 3)}, "period": {"start": "2025-01-01"}},
        {"id": id(SEAT, 5), "body": id(BODY, 2), "holder": {"organisation": id(ORG, 1)}, "period": {"start": "2024-06-01"}},
        {"id": id(SEAT, 6), "body": id(BODY, 2), "holder": {"organisation": id(ORG, 2)}, "period": {"start": "2024-06-01"}}
      ],
      "meetings": [
        // Before the window: the decisions endorsing the standards.
        {"id": id(MEET, 1), "body": id(BODY, 1), "date": "2025-03-04", "format": "virtual",
         "attendance": [attend(1, "present"), attend_for(3, 2)],
         "decisions": [
           {"id": id(DEC, 1), "text": "Endorse NICE QS160 statement 6.", "kind": "endorse_standard",
            "subject": {"standard": id(STD, 1)}, "outcome": "carried"}]},
        {"id": id(MEET, 2), "body": id(BODY, 1), "date": "2025-12-10", "format": "in_person",
         "attendance": [attend(1, "present"), attend_for(3, 2), attend(5, "absent")],
         "decisions": [
           {"id": id(DEC, 2), "text": "Endorse the network's home care guideline.", "kind": "endorse_standard",
            "subject": {"standard": id(STD, 2)}, "outcome": "carried"}],
         "actions": [
           {"id": id(ACT, 1), "description": "Circulate the guideline.", "owner": id(PER, 4),
            "due": "2026-01-31", "status": "done", "completed_on": "2026-01-20"}]},
        {"id": id(MEET, 3), "body": id(BODY, 1), "date": "2026-03-10", "format": "virtual",
         "attendance": [attend(1, "present"), attend_for(5, 3)],
         "actions": [
           {"id": id(ACT, 2), "description": "Draft the data dashboard specification.", "owner": id(PER, 4),
            "due": "2026-04-30", "status": "open"}]},
        {"id": id(MEET, 4), "body": id(BODY, 1), "date": "2026-06-10", "format": "virtual",
         "attendance": [attend(1, "apologies"), attend_for(3, 2), attend_for(5, 3)],
         "actions": [
           {"id": id(ACT, 3), "description": "Recruit an education lead.", "owner": id(PER, 4),
            "due": "2026-12-31", "status": "open"}]},
        {"id": id(MEET, 5), "body": id(BODY, 1), "date": "2026-09-10", "format": "hybrid",
         "attendance": [attend(1, "present"), attend_for(3, 2), attend_for(5, 3)],
         "actions": [
           {"id": id(ACT, 4), "description": "Report training reach to the board.", "owner": id(PER, 4),
            "due": "2026-10-01", "status": "done", "completed_on": "2026-11-15"}]},
        {"id": id(MEET, 6), "body": id(BODY, 2), "date": "2026-01-15", "format": "virtual",
         "attendance": [attend_for(2, 1), attend(3, "present")]},
        {"id": id(MEET, 7), "body": id(BODY, 2), "date": "2026-05-15", "format": "virtual",
         "attendance": [attend_for(2, 1), attend_for(3, 2)],
         "actions": [
           {"id": id(ACT, 5), "description": "Book a venue.", "owner": id(PER, 3),
            "due": "2026-06-30", "status": "cancelled", "completed_on": "2026-06-01"}]},
        {"id": id(MEET, 8), "body": id(BODY, 2), "date": "2026-07-15", "status": "cancelled", "format": "virtual"},
        {"id": id(MEET, 9), "body": id(BODY, 3), "date": "2026-04-01", "format": "in_person",
         "attendance": [attend(6, "present"), attend(3, "present")]}
      ],
      "objectives": [
        {"id": id(OBJ, 1), "title": "Launch the education programme", "theme": "training", "owner": id(PER, 4),
         "due": "2026-06-30", "rag": "green",
         "stages": [{"status": "proposed", "on": "2025-01-01"}, {"status": "agreed", "on": "2025-02-01"},
                    {"status": "in_progress", "on": "2025-03-01"}, {"status": "completed", "on": "2026-05-01"}]},
        {"id": id(OBJ, 2), "title": "Agree shared guidelines", "theme": "standards", "owner": id(PER, 1),
         "due": "2026-09-30", "rag": "amber",
         "stages": [{"status": "agreed", "on": "2025-06-01"}, {"status": "in_progress", "on": "2025-07-01"}]},
        {"id": id(OBJ, 3), "title": "Build a data dashboard", "theme": "evaluation", "owner": id(PER, 4),
         "due": "2027-03-31", "rag": "red",
         "stages": [{"status": "agreed", "on": "2026-01-01"}, {"status": "in_progress", "on": "2026-02-01"}]},
        {"id": id(OBJ, 4), "title": "Set up the parent forum", "theme": "collaboration", "owner": id(PER, 3),
         "due": "2027-06-30",
         "stages": [{"status": "proposed", "on": "2026-08-01"}]},
        {"id": id(OBJ, 5), "title": "Old plan", "theme": "governance", "owner": id(PER, 4),
         "due": "2026-01-01",
         "stages": [{"status": "proposed", "on": "2025-01-01"}, {"status": "cancelled", "on": "2025-06-01"}]},
        {"id": id(OBJ, 6), "title": "Next year's plan", "theme": "governance", "owner": id(PER, 4),
         "due": "2027-12-31",
         "stages": [{"status": "proposed", "on": "2027-01-01"}]}
      ],
      "risks": [
        {"id": id(RISK, 1), "title": "Co-ordinator funding ends", "category": "funding", "likelihood": 4, "impact": 4,
         "owner": id(PER, 4), "status": "open", "review_by": "2027-01-01"},
        {"id": id(RISK, 2), "title": "Community nursing shortage", "category": "workforce", "likelihood": 3, "impact": 5,
         "owner": id(PER, 1), "status": "tolerated", "review_by": "2026-10-01"},
        {"id": id(RISK, 3), "title": "Low engagement", "category": "engagement", "likelihood": 5, "impact": 5,
         "owner": id(PER, 4), "status": "closed", "review_by": "2026-01-01"},
        {"id": id(RISK, 4), "title": "No shared record", "category": "technology", "likelihood": 2, "impact": 3,
         "owner": id(PER, 4), "status": "open", "review_by": "2027-01-01"}
      ],
      "funding_streams": [
        {"id": id(FUND, 1), "funder": {"external": "NHS England"}, "purpose": "Network co-ordinator",
         "amount": 4_000_000, "period": {"start": "2024-04-01", "end": "2027-03-31"}, "basis": "time_limited"},
        {"id": id(FUND, 2), "funder": {"organisation": id(ORG, 5)}, "purpose": "Education programme",
         "amount": 1_000_000, "period": {"start": "2025-01-01", "end": "2026-12-31"}, "basis": "recurrent"},
        {"id": id(FUND, 3), "funder": {"external": "Charity grant"}, "purpose": "Parent forum",
         "amount": 500_000, "period": {"start": "2026-01-01", "end": "2028-12-31"}, "basis": "time_limited"}
      ],
      "courses": [
        {"id": id(COURSE, 1), "title": "Core symptom management", "level": "core",
         "outcomes": ["symptom_management"], "delivery": "in_person", "provider": id(ORG, 2)}
      ],
      "events": [
        {"id": id(EVENT, 1), "kind": "study_day", "course": id(COURSE, 1), "title": "Symptom management study day",
         "date": "2026-02-10", "duration_minutes": 360, "delivery": "in_person", "locality": id(LOC, 2),
         "capacity": 20, "host": id(ORG, 2), "status": "held"},
        {"id": id(EVENT, 2), "kind": "webinar", "title": "Communication webinar", "level": "universal",
         "outcomes": ["communication"], "date": "2026-05-05", "duration_minutes": 60, "delivery": "virtual",
         "host": id(ORG, 1), "status": "held"},
        {"id": id(EVENT, 3), "kind": "study_day", "title": "Specialist study day", "level": "specialist",
         "date": "2026-09-20", "duration_minutes": 360, "delivery": "in_person", "locality": id(LOC, 3),
         "host": id(ORG, 1), "status": "held"},
        {"id": id(EVENT, 4), "kind": "study_day", "title": "Cancelled study day", "level": "core",
         "date": "2026-03-01", "duration_minutes": 360, "delivery": "in_person", "locality": id(LOC, 2),
         "host": id(ORG, 2), "status": "cancelled"},
        {"id": id(EVENT, 5), "kind": "study_day", "title": "2024 core study day", "level": "core",
         "date": "2024-06-01", "duration_minutes": 360, "delivery": "in_person", "locality": id(LOC, 2),
         "host": id(ORG, 2), "status": "held"}
      ],
      "registrations": registrations,
      "training_requirements": [
        {"id": id(REQ, 1), "applies_to": {"role": "chair"}, "level": "universal"},
        {"id": id(REQ, 2), "applies_to": {"profession": "nurse"}, "level": "core", "renewal_months": 24},
        {"id": id(REQ, 3), "applies_to": {"role": "network_coordinator"}, "level": "specialist"}
      ],
      "standards": [
        {"id": id(STD, 1), "code": "NICE-QS160-6", "title": "Care at home near the end of life",
         "kind": "quality_statement", "source": {"kind": "nice_quality_standard", "reference": "QS160"},
         "version": "2017", "review_by": "2028-03-04", "endorsed_by": id(DEC, 1),
         "status": [{"status": "draft", "on": "2025-01-01"}, {"status": "consultation", "on": "2025-02-01"},
                    {"status": "endorsed", "on": "2025-03-04"}],
         "measures": [
           {"id": id(MEAS, 1), "kind": "structure", "description": "24-hour nursing access",
            "numerator": "Children with 24-hour access.", "denominator": "Children near the end of life at home.",
            "target": 0.9}]},
        {"id": id(STD, 2), "code": "NVCPN-GL-1", "title": "Home care guideline",
         "kind": "guideline", "source": {"kind": "network_guideline", "reference": "NVCPN GL1"},
         "version": "1.0", "review_by": "2028-12-10", "endorsed_by": id(DEC, 2),
         "status": [{"status": "draft", "on": "2025-09-01"}, {"status": "consultation", "on": "2025-10-01"},
                    {"status": "endorsed", "on": "2025-12-10"}],
         "measures": [
           {"id": id(MEAS, 2), "kind": "process", "description": "Advance care plan shared",
            "numerator": "Plans shared.", "denominator": "Plans made.", "target": 0.8},
           {"id": id(MEAS, 3), "kind": "outcome", "description": "Preferred place of death achieved",
            "numerator": "Deaths in the preferred place.", "denominator": "Deaths."}]},
        {"id": id(STD, 3), "code": "NVCPN-GL-2", "title": "Transition guideline (draft)",
         "kind": "guideline", "source": {"kind": "network_guideline", "reference": "NVCPN GL2"},
         "version": "0.1", "status": [{"status": "draft", "on": "2026-06-01"}]}
      ],
      "adoptions": [
        {"id": id(ADOPT, 1), "organisation": id(ORG, 1), "standard": id(STD, 1),
         "status": [{"status": "not_started", "on": "2025-04-01"}, {"status": "in_progress", "on": "2025-06-01"},
                    {"status": "adopted", "on": "2026-01-01"}]},
        {"id": id(ADOPT, 2), "organisation": id(ORG, 1), "standard": id(STD, 2),
         "status": [{"status": "planned", "on": "2026-02-01"}]},
        {"id": id(ADOPT, 3), "organisation": id(ORG, 2), "standard": id(STD, 1),
         "status": [{"status": "adopted", "on": "2025-05-01"}]},
        {"id": id(ADOPT, 4), "organisation": id(ORG, 2), "standard": id(STD, 2),
         "status": [{"status": "in_progress", "on": "2026-03-01"}, {"status": "adopted", "on": "2026-08-01"}]},
        {"id": id(ADOPT, 5), "organisation": id(ORG, 3), "standard": id(STD, 1),
         "status": [{"status": "not_applicable", "on": "2025-05-01"}],
         "note": "No home care provided."},
        {"id": id(ADOPT, 6), "organisation": id(ORG, 4), "standard": id(STD, 1),
         "status": [{"status": "adopted", "on": "2025-05-01"}]}
      ],
      "audit_results": [
        {"id": id(AUDIT, 1), "measure": id(MEAS, 1), "organisation": id(ORG, 1),
         "period": {"start": "2026-01-01", "end": "2026-03-31"}, "numerator": 8, "denominator": 10, "submitted_on": "2026-04-15"},
        {"id": id(AUDIT, 2), "measure": id(MEAS, 1), "organisation": id(ORG, 2),
         "period": {"start": "2026-01-01", "end": "2026-03-31"}, "numerator": 9, "denominator": 10, "submitted_on": "2026-04-20"},
        {"id": id(AUDIT, 3), "measure": id(MEAS, 1), "organisation": id(ORG, 1),
         "period": {"start": "2026-04-01", "end": "2026-06-30"}, "numerator": 10, "denominator": 10, "submitted_on": "2026-07-10"},
        {"id": id(AUDIT, 4), "measure": id(MEAS, 2), "organisation": id(ORG, 1),
         "period": {"start": "2026-04-01", "end": "2026-06-30"}, "numerator": 3, "denominator": 5, "submitted_on": "2026-07-12"},
        {"id": id(AUDIT, 5), "measure": id(MEAS, 1), "organisation": id(ORG, 2),
         "period": {"start": "2025-07-01", "end": "2025-09-30"}, "numerator": 1, "denominator": 10, "submitted_on": "2025-10-15"}
      ]
    })
}

pub(crate) fn document() -> NetworkDocument {
    let bytes = serde_json::to_vec(&json()).unwrap();
    NetworkDocument::from_json(&bytes).unwrap()
}

pub(crate) fn network() -> Network<'static> {
    Network::new(document())
}
