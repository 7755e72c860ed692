//! The Northvale Children's Palliative Care Network: a realistic, fictional
//! regional network, as its co-ordinator would keep it on 1 November 2026.
//!
//! The story the data tells (all of it invented):
//!
//! - Established on 1 September 2024, hosted by Northvale Children's Hospital
//!   NHS Foundation Trust, funded recurrently by the integrated care board
//!   (co-ordinator, administrator, clinical and locality leadership) and by a
//!   two-year grant from the hospital charity for its education programme,
//!   which ends on 31 December 2026.
//! - A steering group with education, clinical guidelines, and data and
//!   evaluation working groups; two years of meetings; one data working group
//!   meeting in June 2025 was inquorate; the data group's terms of reference
//!   are past their review date.
//! - The Eastmoor locality lead left at the end of June 2026 and the funded
//!   post is vacant; three actions are overdue; the objective of 24-hour
//!   consultant advice in every place is past due (Eastmoor has advice in
//!   office hours only, and Southbridge has no 24-hour community nursing).
//! - QS160 statements 1, 2, 4 and 6 and two network guidelines are endorsed;
//!   members report adoption and audit results.
//! - Training across both sectors, with the access barriers staff met.

mod governance;
mod organisations;
mod people;
mod standards;
mod training;

use mcn_network::{NetworkDocument, NetworkProfile};

use super::ctx::{Ctx, Ids};

/// The Northvale example's ids ("NVNV").
const IDS: Ids = Ids(0x4e56_4e56);

/// Locality numbers.
mod l {
    pub(super) const REGION: u64 = 1;
    pub(super) const ICS: u64 = 2;
    pub(super) const CITY: u64 = 3;
    pub(super) const WESTDALE: u64 = 4;
    pub(super) const EASTMOOR: u64 = 5;
    pub(super) const SOUTHBRIDGE: u64 = 6;
}

/// Organisation numbers.
mod o {
    pub(super) const NVCH: u64 = 1;
    pub(super) const NVCH_CCN: u64 = 2;
    pub(super) const NVGH: u64 = 3;
    pub(super) const EMH: u64 = 4;
    pub(super) const WECH: u64 = 5;
    pub(super) const WECH_W: u64 = 6;
    pub(super) const WECH_E: u64 = 7;
    pub(super) const ECS: u64 = 8;
    pub(super) const ICB: u64 = 9;
    pub(super) const AMBULANCE: u64 = 10;
    pub(super) const GP_RIVERSIDE: u64 = 11;
    pub(super) const GP_WESTDALE: u64 = 12;
    pub(super) const GP_EASTMOOR: u64 = 13;
    pub(super) const GP_SOUTHBRIDGE: u64 = 14;
    pub(super) const HARBOURSIDE: u64 = 15;
    pub(super) const FELLSIDE: u64 = 16;
    pub(super) const MEADOWBANK: u64 = 17;
    pub(super) const SOUTHBRIDGE_HOSPICE: u64 = 18;
    pub(super) const SCH: u64 = 19;
    pub(super) const HOMECARE: u64 = 20;
    pub(super) const CITY_COUNCIL: u64 = 21;
    pub(super) const COUNTY_COUNCIL: u64 = 22;
    pub(super) const UNIVERSITY: u64 = 23;
    pub(super) const PARENT_FORUM: u64 = 24;
    pub(super) const LANTERNS: u64 = 25;
    pub(super) const HOSPITAL_CHARITY: u64 = 26;
}

/// Person numbers (surnames; see `people.rs` for who they are).
mod p {
    pub(super) const OKAFOR: u64 = 1;
    pub(super) const MARSH: u64 = 2;
    pub(super) const NATARAJAN: u64 = 3;
    pub(super) const WILK: u64 = 4;
    pub(super) const ADEYEMI: u64 = 5;
    pub(super) const FROST: u64 = 6;
    pub(super) const GALLAGHER: u64 = 7;
    pub(super) const BEAUMONT: u64 = 8;
    pub(super) const PRITCHARD: u64 = 9;
    pub(super) const MORRISON: u64 = 10;
    pub(super) const SIDDIQUI: u64 = 11;
    pub(super) const ELLISON: u64 = 12;
    pub(super) const HALE: u64 = 13;
    pub(super) const WHITAKER: u64 = 14;
    pub(super) const ASANTE: u64 = 15;
    pub(super) const LOWE: u64 = 16;
    pub(super) const TATE: u64 = 17;
    pub(super) const MEHTA: u64 = 18;
    pub(super) const DUNMORE: u64 = 19;
    pub(super) const RAHMAN: u64 = 20;
    pub(super) const BRENNAN: u64 = 21;
    pub(super) const LLOYD: u64 = 22;
    pub(super) const COLE: u64 = 23;
    pub(super) const CHAUDHRY: u64 = 24;
    pub(super) const FENWICK: u64 = 25;
    pub(super) const ROWLEY: u64 = 26;
    pub(super) const REID: u64 = 27;
    pub(super) const MCLEOD: u64 = 28;
    pub(super) const KAPOOR: u64 = 29;
    pub(super) const VOSS: u64 = 30;
    pub(super) const OKONKWO: u64 = 31;
    pub(super) const SHAH: u64 = 32;
    pub(super) const ELLERY: u64 = 33;
    pub(super) const HARTLEY: u64 = 34;
    pub(super) const ASHWORTH: u64 = 35;
    pub(super) const OKORO: u64 = 36;
    pub(super) const CARVER: u64 = 37;
    pub(super) const PENROSE: u64 = 38;
    pub(super) const GRIEVE: u64 = 39;
    pub(super) const KETTERING: u64 = 40;
    pub(super) const DOYLE: u64 = 41;
    pub(super) const BARNES: u64 = 42;
    pub(super) const ALI: u64 = 43;
    pub(super) const FRANKS: u64 = 44;
    pub(super) const PIKE: u64 = 45;
    pub(super) const LANG: u64 = 46;
    pub(super) const QUINLAN: u64 = 47;
    pub(super) const MOSS: u64 = 48;
    pub(super) const GRANT: u64 = 49;
    pub(super) const DOHERTY: u64 = 50;
    pub(super) const WHITCOMBE: u64 = 51;
    pub(super) const BELL: u64 = 52;
    pub(super) const ACHTERBERG: u64 = 53;
    pub(super) const OGILVIE: u64 = 54;
    pub(super) const NOLAN: u64 = 55;
    pub(super) const SHAW: u64 = 56;
    pub(super) const QUIGLEY: u64 = 57;
    pub(super) const MUNRO: u64 = 58;
    pub(super) const BRANDON: u64 = 59;
    pub(super) const KELLY: u64 = 60;
    pub(super) const YUSUF: u64 = 61;
    pub(super) const THORNE: u64 = 62;
    pub(super) const BENNETT: u64 = 63;
    pub(super) const CROSS: u64 = 64;
    pub(super) const LINDQVIST: u64 = 65;
    pub(super) const BOATENG: u64 = 66;
}

/// Post numbers.
mod po {
    pub(super) const COORDINATOR: u64 = 1;
    pub(super) const CLINICAL_LEAD: u64 = 2;
    pub(super) const CHAIR: u64 = 3;
    pub(super) const VICE_CHAIR: u64 = 4;
    pub(super) const ADMINISTRATOR: u64 = 5;
    pub(super) const EDUCATION_LEAD: u64 = 6;
    pub(super) const LEAD_NURSE: u64 = 7;
    pub(super) const LEAD_CITY: u64 = 8;
    pub(super) const LEAD_WESTDALE: u64 = 9;
    pub(super) const LEAD_EASTMOOR: u64 = 10;
    pub(super) const LEAD_SOUTHBRIDGE: u64 = 11;
    pub(super) const PARENT_REP: u64 = 12;
    pub(super) const EWG_CHAIR: u64 = 13;
    pub(super) const GWG_CHAIR: u64 = 14;
    pub(super) const GWG_VICE_CHAIR: u64 = 15;
    pub(super) const DWG_CHAIR: u64 = 16;
    pub(super) const SYMPTOM_CHAMPION: u64 = 17;
    pub(super) const BEREAVEMENT_CHAMPION: u64 = 18;
    pub(super) const TRANSITION_CHAMPION: u64 = 19;
    pub(super) const PSYCHOLOGY_LEAD: u64 = 20;
    pub(super) const GP_CHAMPION: u64 = 21;
    pub(super) const RESEARCH_LEAD: u64 = 22;
}

/// Body numbers.
mod b {
    pub(super) const STEERING: u64 = 1;
    pub(super) const EDUCATION: u64 = 2;
    pub(super) const GUIDELINES: u64 = 3;
    pub(super) const DATA: u64 = 4;
}

/// Funding stream numbers.
mod f {
    pub(super) const ICB: u64 = 1;
    pub(super) const GRANT: u64 = 2;
}

/// Service numbers.
mod sv {
    pub(super) const PPC_TEAM: u64 = 1;
    pub(super) const ADVICE_LINE: u64 = 2;
    pub(super) const CCN_CITY: u64 = 4;
    pub(super) const CCN_WESTDALE: u64 = 5;
    pub(super) const CCN_EASTMOOR: u64 = 6;
    pub(super) const CCN_SOUTHBRIDGE: u64 = 7;
    pub(super) const PSYCHOLOGY: u64 = 14;
}

/// Decision numbers.
mod d {
    pub(super) const STEERING_TERMS_1: u64 = 1;
    pub(super) const EDUCATION_TERMS_1: u64 = 2;
    pub(super) const GUIDELINES_TERMS_1: u64 = 3;
    pub(super) const WORK_PLAN_2025: u64 = 4;
    pub(super) const DATA_TERMS_1: u64 = 5;
    pub(super) const GRANT: u64 = 6;
    pub(super) const ENDORSE_QS160_1: u64 = 7;
    pub(super) const ENDORSE_QS160_2: u64 = 8;
    pub(super) const ENDORSE_GL01: u64 = 9;
    pub(super) const STEERING_TERMS_2: u64 = 10;
    pub(super) const ENDORSE_QS160_4: u64 = 11;
    pub(super) const ENDORSE_QS160_6: u64 = 12;
    pub(super) const WORK_PLAN_2026: u64 = 13;
    pub(super) const ENDORSE_GL02: u64 = 14;
    pub(super) const EDUCATION_TERMS_2: u64 = 15;
    pub(super) const DEFER_RECORD_PILOT: u64 = 16;
    pub(super) const ANNUAL_REPORT: u64 = 17;
    pub(super) const EDUCATION_BID: u64 = 18;
    pub(super) const FRAMEWORK_LEVELS: u64 = 19;
    pub(super) const RECOMMEND_GL01: u64 = 20;
    pub(super) const RECOMMEND_GL02: u64 = 21;
    pub(super) const MINIMUM_DATASET: u64 = 22;
}

/// Objective numbers.
mod ob {
    pub(super) const MINIMUM_DATASET: u64 = 5;
    pub(super) const RECORD_PILOT: u64 = 6;
}

/// The network guidelines' numbers (QS160 keeps its catalogue ids).
mod gl {
    pub(super) const SYMPTOMS: u64 = 1;
    pub(super) const ADVANCE_CARE_PLANNING: u64 = 2;
}

/// The whole example document.
pub(super) fn document(c: &Ctx) -> NetworkDocument {
    let mut d = NetworkDocument::new(profile(c));
    organisations::add(c, &mut d);
    people::add(c, &mut d);
    governance::add(c, &mut d);
    training::add(c, &mut d);
    standards::add(c, &mut d);
    d
}

fn profile(c: &Ctx) -> NetworkProfile {
    let mut profile = NetworkProfile::new(
        IDS.network(1),
        c.text("Northvale Children's Palliative Care Network"),
    );
    profile.region = Some(c.text("North Fells"));
    profile.established_on = Some(c.date("2024-09-01"));
    profile.host_organisation = Some(IDS.organisation(o::NVCH));
    profile.vision = Some(c.note(
        "Every child and young person with a life-limiting condition in Northvale, Westdale, \
         Eastmoor and Southbridge, and their family, gets the same high-quality palliative care, \
         wherever they live and whoever provides it.",
    ));
    profile.aims = [
        "Bring NHS, hospice, local authority and voluntary services together as one network",
        "Agree and adopt shared standards of care, starting with NICE QS160",
        "Make palliative care training accessible to staff in every sector and place",
        "Measure what the network changes, the same way in every member",
    ]
    .into_iter()
    .map(|aim| c.text(aim))
    .collect();
    profile.objectives = [
        "24-hour children's nursing and consultant advice at home in every place",
        "Core-level training for 150 staff across both sectors by the end of 2026",
        "A shared minimum dataset for auditing QS160",
        "Recurrent funding for the network's education programme",
    ]
    .into_iter()
    .map(|objective| c.text(objective))
    .collect();
    profile.coordinator_post = Some(IDS.post(po::COORDINATOR));
    profile
}
