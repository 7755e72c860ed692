//! People, posts, appointments and workforce figures.

// Tables of example data, not logic: long functions and wide row types read
// best as they are.
#![allow(clippy::too_many_lines, clippy::type_complexity)]

use mcn_core::{PostRole, Profession};
use mcn_network::NetworkDocument;
use mcn_roles::{Appointment, AppointmentBasis, Person, Post, PostFunding, StaffingRecord};

use super::{IDS, b, f, o, p, po, sv};
use crate::example::ctx::Ctx;

/// Adds the network's people and posts to `d`.
pub(super) fn add(c: &Ctx, d: &mut NetworkDocument) {
    people(c, d);
    posts(c, d);
    appointments(c, d);
    staffing(c, d);
}

/// Every person: (number, name, profession, employer). The employer is the
/// legal employer (a trust, not the team within it that a person works in).
/// Registration numbers are left out on purpose: a syntactically valid GMC or
/// NMC number could belong to a real professional.
pub(super) const PEOPLE: [(u64, &str, Profession, u64); 66] = {
    use Profession::{
        Administrator, AlliedHealthProfessional as Ahp, Chaplain, Doctor, Educator, Manager, Nurse,
        Other, ParentCarer, Pharmacist, Psychologist, SocialWorker,
    };
    [
        (p::OKAFOR, "Dr Amara Okafor", Doctor, o::NVCH),
        (p::MARSH, "Helen Marsh", Manager, o::NVCH),
        (p::NATARAJAN, "Priya Natarajan", Administrator, o::NVCH),
        (p::WILK, "Dr Tomasz Wilk", Doctor, o::NVCH),
        (p::ADEYEMI, "Grace Adeyemi", Nurse, o::NVCH),
        (p::FROST, "Daniel Frost", Pharmacist, o::NVCH),
        (p::GALLAGHER, "Dr Sinead Gallagher", Psychologist, o::NVCH),
        (p::BEAUMONT, "Rachel Beaumont", Nurse, o::NVCH),
        (p::PRITCHARD, "Owen Pritchard", Nurse, o::NVCH),
        (p::MORRISON, "Leah Morrison", Nurse, o::NVCH),
        (p::SIDDIQUI, "Dr Farah Siddiqui", Doctor, o::NVCH),
        (p::ELLISON, "Mark Ellison", Manager, o::NVCH),
        (p::HALE, "Dr Catherine Hale", Doctor, o::NVGH),
        (p::WHITAKER, "Joanne Whitaker", Nurse, o::NVGH),
        (p::ASANTE, "Ben Asante", Nurse, o::NVGH),
        (p::LOWE, "Dr Hannah Lowe", Doctor, o::NVGH),
        (p::TATE, "Susan Tate", Manager, o::NVGH),
        (p::MEHTA, "Dr Rohan Mehta", Doctor, o::EMH),
        (p::DUNMORE, "Claire Dunmore", Nurse, o::EMH),
        (p::RAHMAN, "Aisha Rahman", Ahp, o::EMH),
        (p::BRENNAN, "Nicola Brennan", Manager, o::WECH),
        (p::LLOYD, "Gareth Lloyd", Nurse, o::WECH),
        (p::COLE, "Bethany Cole", Nurse, o::WECH),
        (p::CHAUDHRY, "Imran Chaudhry", Nurse, o::WECH),
        (p::FENWICK, "Lucy Fenwick", Nurse, o::WECH),
        (p::ROWLEY, "Kate Rowley", Nurse, o::WECH),
        (p::REID, "Jonathan Reid", Manager, o::ICB),
        (p::MCLEOD, "Fiona McLeod", Manager, o::ICB),
        (p::KAPOOR, "Ravi Kapoor", Other, o::ICB),
        (p::VOSS, "Dr Eleanor Voss", Doctor, o::GP_RIVERSIDE),
        (p::OKONKWO, "Dr Samuel Okonkwo", Doctor, o::GP_WESTDALE),
        (p::SHAH, "Dr Miriam Shah", Doctor, o::GP_EASTMOOR),
        (p::ELLERY, "Margaret Ellery", Manager, o::HARBOURSIDE),
        (p::HARTLEY, "Zoe Hartley", Nurse, o::HARBOURSIDE),
        (p::ASHWORTH, "Tom Ashworth", Nurse, o::HARBOURSIDE),
        (p::OKORO, "Ruth Okoro", SocialWorker, o::HARBOURSIDE),
        (p::CARVER, "Emily Carver", Nurse, o::HARBOURSIDE),
        (p::PENROSE, "Revd David Penrose", Chaplain, o::HARBOURSIDE),
        (p::GRIEVE, "Alison Grieve", Nurse, o::FELLSIDE),
        (p::KETTERING, "Joseph Kettering", Educator, o::FELLSIDE),
        (p::DOYLE, "Megan Doyle", Nurse, o::FELLSIDE),
        (p::BARNES, "Chloe Barnes", Ahp, o::FELLSIDE),
        (p::ALI, "Hamza Ali", Nurse, o::FELLSIDE),
        (p::FRANKS, "Dr Isobel Franks", Doctor, o::MEADOWBANK),
        (p::PIKE, "Naomi Pike", Nurse, o::MEADOWBANK),
        (p::LANG, "Dr Victoria Lang", Psychologist, o::MEADOWBANK),
        (
            p::QUINLAN,
            "Dr Peter Quinlan",
            Doctor,
            o::SOUTHBRIDGE_HOSPICE,
        ),
        (p::MOSS, "Janet Moss", Nurse, o::SCH),
        (p::GRANT, "Olivia Grant", Nurse, o::SCH),
        (p::DOHERTY, "Liam Doherty", Manager, o::HOMECARE),
        (
            p::WHITCOMBE,
            "Sarah Whitcombe",
            SocialWorker,
            o::CITY_COUNCIL,
        ),
        (p::BELL, "Andrew Bell", SocialWorker, o::COUNTY_COUNCIL),
        (
            p::ACHTERBERG,
            "Dr Yvonne Achterberg",
            Educator,
            o::UNIVERSITY,
        ),
        (p::OGILVIE, "Professor Martin Ogilvie", Other, o::UNIVERSITY),
        (p::NOLAN, "Kerry Nolan", ParentCarer, o::PARENT_FORUM),
        (p::SHAW, "Dominic Shaw", ParentCarer, o::PARENT_FORUM),
        (p::QUIGLEY, "Bernadette Quigley", Other, o::LANTERNS),
        (p::MUNRO, "Craig Munro", Ahp, o::AMBULANCE),
        (p::BRANDON, "Hollie Brandon", Nurse, o::NVGH),
        (p::KELLY, "Niamh Kelly", Nurse, o::NVCH),
        (p::YUSUF, "Ahmed Yusuf", Nurse, o::EMH),
        (p::THORNE, "Jessica Thorne", Ahp, o::NVCH),
        (p::BENNETT, "Dr Laura Bennett", Doctor, o::GP_SOUTHBRIDGE),
        (p::CROSS, "Matthew Cross", Nurse, o::MEADOWBANK),
        (p::LINDQVIST, "Sofia Lindqvist", Nurse, o::FELLSIDE),
        (p::BOATENG, "Dr Kwame Boateng", Doctor, o::NVCH),
    ]
};

/// The person's employer, from [`PEOPLE`].
pub(super) fn employer(person: u64) -> Option<u64> {
    PEOPLE
        .iter()
        .find(|(number, ..)| *number == person)
        .map(|&(.., employer)| employer)
}

/// The e-mail domain of each employer (all under the reserved `.example`).
fn domain(organisation: u64) -> &'static str {
    match organisation {
        o::NVCH | o::NVCH_CCN => "nvch.example",
        o::NVGH => "nvgh.example",
        o::EMH => "eastmoor-hospitals.example",
        o::WECH | o::WECH_W | o::WECH_E => "wech.example",
        o::ICB => "nv-icb.example",
        o::AMBULANCE => "nfas.example",
        o::GP_RIVERSIDE => "riverside-mp.example",
        o::GP_WESTDALE => "westdale-moor.example",
        o::GP_EASTMOOR => "eastmoor-hc.example",
        o::GP_SOUTHBRIDGE => "southbridge-fp.example",
        o::HARBOURSIDE => "harbourside-hospice.example",
        o::FELLSIDE => "fellside-hospice.example",
        o::MEADOWBANK => "meadowbank-hospice.example",
        o::SOUTHBRIDGE_HOSPICE => "southbridge-hospice.example",
        o::SCH => "sch-cic.example",
        o::HOMECARE => "fells-homecare.example",
        o::CITY_COUNCIL => "northvale-city.example",
        o::COUNTY_COUNCIL => "wecc.example",
        o::UNIVERSITY => "unv.example",
        o::PARENT_FORUM => "nvpcf.example",
        o::LANTERNS => "little-lanterns.example",
        _ => "northvale-cpcn.example",
    }
}

/// `firstname.lastname@domain`, without titles.
fn address(name: &str, organisation: u64) -> String {
    let local: Vec<String> = name
        .split_whitespace()
        .filter(|word| !matches!(*word, "Dr" | "Professor" | "Revd"))
        .map(str::to_lowercase)
        .collect();
    format!("{}@{}", local.join("."), domain(organisation))
}

fn people(c: &Ctx, d: &mut NetworkDocument) {
    for (number, name, profession, employer) in PEOPLE {
        d.people.push(Person {
            id: IDS.person(number),
            name: c.text(name),
            profession,
            registration: None,
            employer: Some(IDS.organisation(employer)),
            email: c.email(&address(name, employer)),
        });
    }
}

/// (number, title, role, host, body, from, funding: (stream, WTE hundredths, from, to))
type PostRow = (
    u64,
    &'static str,
    PostRole,
    u64,
    Option<u64>,
    &'static str,
    Option<(u64, u32, &'static str, Option<&'static str>)>,
);

const POSTS: [PostRow; 22] = {
    use PostRole::{
        Administrator, Chair, Champion, ClinicalLead, EducationLead, LocalityLead,
        NetworkCoordinator, Other, ParentCarerRepresentative, ViceChair,
    };
    [
        (
            po::COORDINATOR,
            "Network co-ordinator",
            NetworkCoordinator,
            o::NVCH,
            None,
            "2024-09-01",
            Some((f::ICB, 100, "2024-09-01", None)),
        ),
        (
            po::CLINICAL_LEAD,
            "Network clinical lead",
            ClinicalLead,
            o::NVCH,
            None,
            "2024-09-01",
            Some((f::ICB, 40, "2024-09-01", None)),
        ),
        (
            po::CHAIR,
            "Chair of the steering group",
            Chair,
            o::ICB,
            Some(b::STEERING),
            "2024-09-01",
            None,
        ),
        (
            po::VICE_CHAIR,
            "Vice-chair of the steering group",
            ViceChair,
            o::HARBOURSIDE,
            Some(b::STEERING),
            "2024-09-01",
            None,
        ),
        (
            po::ADMINISTRATOR,
            "Network administrator",
            Administrator,
            o::NVCH,
            None,
            "2024-11-01",
            Some((f::ICB, 60, "2024-11-01", None)),
        ),
        (
            po::EDUCATION_LEAD,
            "Network education lead",
            EducationLead,
            o::FELLSIDE,
            None,
            "2025-01-01",
            Some((f::GRANT, 60, "2025-01-01", Some("2026-12-31"))),
        ),
        (
            po::LEAD_NURSE,
            "Network lead nurse",
            ClinicalLead,
            o::NVCH,
            None,
            "2024-09-01",
            Some((f::ICB, 20, "2024-09-01", None)),
        ),
        (
            po::LEAD_CITY,
            "Locality lead, Northvale City",
            LocalityLead,
            o::NVCH_CCN,
            None,
            "2024-11-01",
            Some((f::ICB, 10, "2024-11-01", None)),
        ),
        (
            po::LEAD_WESTDALE,
            "Locality lead, Westdale",
            LocalityLead,
            o::WECH,
            None,
            "2024-11-01",
            Some((f::ICB, 10, "2024-11-01", None)),
        ),
        (
            po::LEAD_EASTMOOR,
            "Locality lead, Eastmoor",
            LocalityLead,
            o::WECH,
            None,
            "2025-04-01",
            Some((f::ICB, 10, "2025-04-01", None)),
        ),
        (
            po::LEAD_SOUTHBRIDGE,
            "Locality lead, Southbridge",
            LocalityLead,
            o::SCH,
            None,
            "2025-01-01",
            Some((f::ICB, 10, "2025-01-01", None)),
        ),
        (
            po::PARENT_REP,
            "Parent and carer representative",
            ParentCarerRepresentative,
            o::PARENT_FORUM,
            Some(b::STEERING),
            "2024-10-01",
            None,
        ),
        (
            po::EWG_CHAIR,
            "Chair of the education working group",
            Chair,
            o::UNIVERSITY,
            Some(b::EDUCATION),
            "2024-10-15",
            None,
        ),
        (
            po::GWG_CHAIR,
            "Chair of the clinical guidelines working group",
            Chair,
            o::NVGH,
            Some(b::GUIDELINES),
            "2024-10-15",
            None,
        ),
        (
            po::GWG_VICE_CHAIR,
            "Vice-chair of the clinical guidelines working group",
            ViceChair,
            o::NVCH,
            Some(b::GUIDELINES),
            "2024-10-15",
            None,
        ),
        (
            po::DWG_CHAIR,
            "Chair of the data and evaluation working group",
            Chair,
            o::UNIVERSITY,
            Some(b::DATA),
            "2025-01-21",
            None,
        ),
        (
            po::SYMPTOM_CHAMPION,
            "Symptom management champion",
            Champion,
            o::NVCH,
            None,
            "2025-01-01",
            None,
        ),
        (
            po::BEREAVEMENT_CHAMPION,
            "Bereavement support champion",
            Champion,
            o::HARBOURSIDE,
            None,
            "2025-01-01",
            None,
        ),
        (
            po::TRANSITION_CHAMPION,
            "Transition to adult services champion",
            Champion,
            o::SOUTHBRIDGE_HOSPICE,
            None,
            "2025-04-01",
            None,
        ),
        (
            po::PSYCHOLOGY_LEAD,
            "Network lead for psychological support",
            ClinicalLead,
            o::NVCH,
            None,
            "2025-04-01",
            Some((f::ICB, 10, "2025-04-01", None)),
        ),
        (
            po::GP_CHAMPION,
            "Primary care champion",
            Champion,
            o::GP_RIVERSIDE,
            None,
            "2025-04-01",
            None,
        ),
        (
            po::RESEARCH_LEAD,
            "Research and evaluation lead",
            Other,
            o::UNIVERSITY,
            None,
            "2025-01-01",
            None,
        ),
    ]
};

fn posts(c: &Ctx, d: &mut NetworkDocument) {
    for (number, title, role, host, body, from, funding) in POSTS {
        d.posts.push(Post {
            id: IDS.post(number),
            title: c.text(title),
            role,
            organisation: IDS.organisation(host),
            body: body.map(|body| IDS.body(body)),
            period: c.since(from),
            funding: funding.map(|(stream, wte, start, end)| PostFunding {
                stream: Some(IDS.funding_stream(stream)),
                wte: c.wte_total(wte),
                period: end.map_or_else(|| c.since(start), |end| c.period(start, end)),
            }),
            max_holders: None,
        });
    }
}

fn appointments(c: &Ctx, d: &mut NetworkDocument) {
    use AppointmentBasis::{Honorary, Secondment, Substantive, Voluntary};
    // (post, person, from, to, WTE hundredths, basis)
    let rows: [(u64, u64, &str, Option<&str>, u16, AppointmentBasis); 22] = [
        (
            po::COORDINATOR,
            p::MARSH,
            "2024-09-01",
            None,
            100,
            Substantive,
        ),
        (
            po::CLINICAL_LEAD,
            p::OKAFOR,
            "2024-09-01",
            None,
            40,
            Substantive,
        ),
        (po::CHAIR, p::REID, "2024-09-01", None, 5, Substantive),
        (
            po::VICE_CHAIR,
            p::ELLERY,
            "2024-09-01",
            None,
            5,
            Substantive,
        ),
        (
            po::ADMINISTRATOR,
            p::NATARAJAN,
            "2024-11-01",
            None,
            60,
            Substantive,
        ),
        // A fixed-term secondment for as long as the grant lasts.
        (
            po::EDUCATION_LEAD,
            p::KETTERING,
            "2025-02-01",
            Some("2026-12-31"),
            60,
            Secondment,
        ),
        (
            po::LEAD_NURSE,
            p::ADEYEMI,
            "2024-09-01",
            None,
            20,
            Substantive,
        ),
        (
            po::LEAD_CITY,
            p::BEAUMONT,
            "2024-11-01",
            None,
            10,
            Substantive,
        ),
        (
            po::LEAD_WESTDALE,
            p::LLOYD,
            "2024-11-01",
            None,
            10,
            Substantive,
        ),
        // She stepped down at the end of June 2026: the funded post is vacant.
        (
            po::LEAD_EASTMOOR,
            p::COLE,
            "2025-04-01",
            Some("2026-06-30"),
            10,
            Substantive,
        ),
        (
            po::LEAD_SOUTHBRIDGE,
            p::MOSS,
            "2025-01-01",
            None,
            10,
            Substantive,
        ),
        (po::PARENT_REP, p::NOLAN, "2024-10-01", None, 2, Voluntary),
        (
            po::EWG_CHAIR,
            p::ACHTERBERG,
            "2024-10-15",
            None,
            5,
            Substantive,
        ),
        (po::GWG_CHAIR, p::HALE, "2024-10-15", None, 5, Substantive),
        (
            po::GWG_VICE_CHAIR,
            p::WILK,
            "2024-10-15",
            None,
            5,
            Substantive,
        ),
        (po::DWG_CHAIR, p::OGILVIE, "2025-01-21", None, 5, Honorary),
        (
            po::SYMPTOM_CHAMPION,
            p::FROST,
            "2025-01-01",
            None,
            5,
            Substantive,
        ),
        (
            po::BEREAVEMENT_CHAMPION,
            p::OKORO,
            "2025-01-01",
            None,
            5,
            Substantive,
        ),
        (
            po::TRANSITION_CHAMPION,
            p::QUINLAN,
            "2025-04-01",
            None,
            5,
            Substantive,
        ),
        (
            po::PSYCHOLOGY_LEAD,
            p::GALLAGHER,
            "2025-04-01",
            None,
            10,
            Substantive,
        ),
        (po::GP_CHAMPION, p::VOSS, "2025-04-01", None, 2, Substantive),
        (
            po::RESEARCH_LEAD,
            p::OGILVIE,
            "2025-01-01",
            None,
            10,
            Honorary,
        ),
    ];
    for (number, (post, person, from, to, wte, basis)) in (1..).zip(rows) {
        d.appointments.push(Appointment {
            id: IDS.appointment(number),
            post: IDS.post(post),
            person: IDS.person(person),
            period: to.map_or_else(|| c.since(from), |to| c.period(from, to)),
            wte: c.wte(wte),
            protected_hours_per_week: None,
            basis,
        });
    }
}

fn staffing(c: &Ctx, d: &mut NetworkDocument) {
    use Profession::{Doctor, Nurse, Psychologist, SocialWorker};
    // (organisation, profession, service, funded WTE, in post WTE, as of), in hundredths
    let rows: [(u64, Profession, Option<u64>, u32, u32, &str); 15] = [
        (o::NVCH, Doctor, Some(sv::PPC_TEAM), 300, 200, "2026-04-01"),
        (o::NVCH, Nurse, Some(sv::PPC_TEAM), 600, 540, "2026-04-01"),
        (
            o::NVCH,
            Psychologist,
            Some(sv::PSYCHOLOGY),
            100,
            60,
            "2026-04-01",
        ),
        (
            o::NVCH_CCN,
            Nurse,
            Some(sv::CCN_CITY),
            1400,
            1280,
            "2026-04-01",
        ),
        (
            o::WECH_W,
            Nurse,
            Some(sv::CCN_WESTDALE),
            800,
            700,
            "2026-04-01",
        ),
        (
            o::WECH_E,
            Nurse,
            Some(sv::CCN_EASTMOOR),
            900,
            660,
            "2026-04-01",
        ),
        (
            o::SCH,
            Nurse,
            Some(sv::CCN_SOUTHBRIDGE),
            500,
            400,
            "2025-04-01",
        ),
        (
            o::SCH,
            Nurse,
            Some(sv::CCN_SOUTHBRIDGE),
            500,
            320,
            "2026-04-01",
        ),
        (o::HARBOURSIDE, Nurse, None, 1800, 1550, "2026-04-01"),
        (o::HARBOURSIDE, Doctor, None, 100, 100, "2026-04-01"),
        (o::HARBOURSIDE, SocialWorker, None, 200, 200, "2026-04-01"),
        (o::FELLSIDE, Nurse, None, 1600, 1300, "2026-04-01"),
        (o::MEADOWBANK, Nurse, None, 1000, 880, "2026-04-01"),
        (o::MEADOWBANK, Doctor, None, 60, 60, "2026-04-01"),
        (o::EMH, Doctor, None, 200, 150, "2026-04-01"),
    ];
    for (number, (organisation, profession, service, funded, in_post, on)) in (1..).zip(rows) {
        d.staffing.push(StaffingRecord {
            id: IDS.staffing(number),
            organisation: IDS.organisation(organisation),
            profession,
            service: service.map(|service| IDS.service(service)),
            funded_wte: c.wte_total(funded),
            in_post_wte: c.wte_total(in_post),
            as_of: c.date(on),
        });
    }
}
