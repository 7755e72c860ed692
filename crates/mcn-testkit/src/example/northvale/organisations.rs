//! Localities, organisations, memberships, services and the technology inventory.

// Tables of example data, not logic: long functions and wide row types read
// best as they are.
#![allow(clippy::too_many_lines, clippy::type_complexity)]

use mcn_network::NetworkDocument;
use mcn_organisations::{
    Availability, CanShare, DayOfWeek, Locality, LocalityKind, Membership, MembershipStatus,
    MembershipTier, Organisation, OrganisationKind, Sector, Service, ServiceKind, Succession,
    SystemCategory, SystemUse, WeeklySchedule, WeeklySlot, estimate_children_with_llc,
};

use super::{IDS, l, o, p, sv};
use crate::example::ctx::Ctx;

/// Adds the network's places and members to `d`.
pub(super) fn add(c: &Ctx, d: &mut NetworkDocument) {
    localities(c, d);
    organisations(c, d);
    memberships(c, d);
    services(c, d);
    systems(c, d);
}

fn localities(c: &Ctx, d: &mut NetworkDocument) {
    // (number, name, kind, parent, population aged 0-19, local LLC figure)
    let places: [(u64, &str, LocalityKind, Option<u64>, u64, Option<u64>); 6] = [
        (
            l::REGION,
            "North Fells",
            LocalityKind::Region,
            None,
            1_284_000,
            None,
        ),
        (
            l::ICS,
            "Northvale and Eastmoor",
            LocalityKind::IntegratedCareSystem,
            Some(l::REGION),
            346_700,
            None,
        ),
        // The city's local register counts more children than prevalence
        // predicts (the tertiary children's hospital draws families in).
        (
            l::CITY,
            "Northvale City",
            LocalityKind::Place,
            Some(l::ICS),
            148_000,
            Some(1_040),
        ),
        (
            l::WESTDALE,
            "Westdale",
            LocalityKind::Place,
            Some(l::ICS),
            61_000,
            None,
        ),
        (
            l::EASTMOOR,
            "Eastmoor",
            LocalityKind::Place,
            Some(l::ICS),
            83_500,
            None,
        ),
        (
            l::SOUTHBRIDGE,
            "Southbridge",
            LocalityKind::Place,
            Some(l::ICS),
            54_200,
            None,
        ),
    ];
    for (number, name, kind, parent, population, local_figure) in places {
        let mut locality = Locality::new(IDS.locality(number), c.text(name), kind);
        locality.parent = parent.map(|parent| IDS.locality(parent));
        locality.population_0_19 = Some(population);
        locality.children_with_llc_estimate =
            Some(local_figure.unwrap_or_else(|| estimate_children_with_llc(population)));
        d.localities.push(locality);
    }
}

/// (number, name, kind, sector where the kind does not settle it, ODS code, localities)
type OrganisationRow = (
    u64,
    &'static str,
    OrganisationKind,
    Option<Sector>,
    Option<&'static str>,
    &'static [u64],
);

const ORGANISATIONS: [OrganisationRow; 26] = [
    (
        o::NVCH,
        "Northvale Children's Hospital NHS Foundation Trust",
        OrganisationKind::NhsFoundationTrust,
        None,
        Some("ZVC"),
        &[l::CITY],
    ),
    (
        o::NVCH_CCN,
        "Northvale Children's Community Nursing Team",
        OrganisationKind::CommunityProvider,
        Some(Sector::Nhs),
        Some("ZVC01"),
        &[l::CITY],
    ),
    (
        o::NVGH,
        "Northvale General Hospitals NHS Trust",
        OrganisationKind::NhsTrust,
        None,
        Some("ZVG"),
        &[l::CITY, l::SOUTHBRIDGE],
    ),
    (
        o::EMH,
        "Eastmoor Hospitals NHS Foundation Trust",
        OrganisationKind::NhsFoundationTrust,
        None,
        Some("ZVE"),
        &[l::EASTMOOR],
    ),
    (
        o::WECH,
        "Westdale and Eastmoor Community Health NHS Trust",
        OrganisationKind::NhsTrust,
        None,
        Some("ZVW"),
        &[l::WESTDALE, l::EASTMOOR],
    ),
    (
        o::WECH_W,
        "Westdale Children's Community Nursing Team",
        OrganisationKind::CommunityProvider,
        Some(Sector::Nhs),
        Some("ZVW01"),
        &[l::WESTDALE],
    ),
    (
        o::WECH_E,
        "Eastmoor Children's Community Nursing Team",
        OrganisationKind::CommunityProvider,
        Some(Sector::Nhs),
        Some("ZVW02"),
        &[l::EASTMOOR],
    ),
    (
        o::ECS,
        "Eastmoor Community Services NHS Trust",
        OrganisationKind::NhsTrust,
        None,
        Some("ZVX"),
        &[l::EASTMOOR],
    ),
    (
        o::ICB,
        "NHS Northvale and Eastmoor Integrated Care Board",
        OrganisationKind::IntegratedCareBoard,
        None,
        Some("ZVQ"),
        &[l::ICS],
    ),
    (
        o::AMBULANCE,
        "North Fells Ambulance Service NHS Trust",
        OrganisationKind::NhsTrust,
        None,
        Some("ZVA"),
        &[l::REGION],
    ),
    (
        o::GP_RIVERSIDE,
        "Riverside Medical Practice",
        OrganisationKind::GeneralPractice,
        None,
        Some("Z91001"),
        &[l::CITY],
    ),
    (
        o::GP_WESTDALE,
        "Westdale Moor Surgery",
        OrganisationKind::GeneralPractice,
        None,
        Some("Z91002"),
        &[l::WESTDALE],
    ),
    (
        o::GP_EASTMOOR,
        "Eastmoor Health Centre",
        OrganisationKind::GeneralPractice,
        None,
        Some("Z91003"),
        &[l::EASTMOOR],
    ),
    (
        o::GP_SOUTHBRIDGE,
        "Southbridge Family Practice",
        OrganisationKind::GeneralPractice,
        None,
        Some("Z91004"),
        &[l::SOUTHBRIDGE],
    ),
    (
        o::HARBOURSIDE,
        "Harbourside Children's Hospice",
        OrganisationKind::ChildrensHospice,
        None,
        Some("Z1H2A"),
        &[l::CITY, l::SOUTHBRIDGE],
    ),
    (
        o::FELLSIDE,
        "Fellside Children's Hospice",
        OrganisationKind::ChildrensHospice,
        None,
        Some("Z2H3B"),
        &[l::WESTDALE, l::EASTMOOR],
    ),
    (
        o::MEADOWBANK,
        "Meadowbank Children's Hospice",
        OrganisationKind::ChildrensHospice,
        None,
        Some("Z3H4C"),
        &[l::EASTMOOR],
    ),
    (
        o::SOUTHBRIDGE_HOSPICE,
        "Southbridge Hospice",
        OrganisationKind::AdultHospice,
        None,
        Some("Z4H5D"),
        &[l::SOUTHBRIDGE],
    ),
    (
        o::SCH,
        "Southbridge Community Health CIC",
        OrganisationKind::CommunityProvider,
        Some(Sector::Independent),
        Some("Z5K6E"),
        &[l::SOUTHBRIDGE],
    ),
    (
        o::HOMECARE,
        "Fells Home Care Ltd",
        OrganisationKind::IndependentProvider,
        None,
        None,
        &[l::WESTDALE, l::EASTMOOR],
    ),
    (
        o::CITY_COUNCIL,
        "Northvale City Council",
        OrganisationKind::LocalAuthority,
        None,
        None,
        &[l::CITY],
    ),
    (
        o::COUNTY_COUNCIL,
        "Westdale and Eastmoor County Council",
        OrganisationKind::LocalAuthority,
        None,
        None,
        &[l::WESTDALE, l::EASTMOOR, l::SOUTHBRIDGE],
    ),
    (
        o::UNIVERSITY,
        "University of Northvale",
        OrganisationKind::University,
        None,
        None,
        &[l::CITY],
    ),
    (
        o::PARENT_FORUM,
        "Northvale Parent Carer Forum",
        OrganisationKind::Charity,
        None,
        None,
        &[l::ICS],
    ),
    (
        o::LANTERNS,
        "Little Lanterns Bereavement Support",
        OrganisationKind::Charity,
        None,
        None,
        &[l::ICS],
    ),
    (
        o::HOSPITAL_CHARITY,
        "Northvale Children's Hospital Charity",
        OrganisationKind::Charity,
        None,
        None,
        &[l::CITY],
    ),
];

fn organisations(c: &Ctx, d: &mut NetworkDocument) {
    for (number, name, kind, sector, ods, places) in ORGANISATIONS {
        let mut organisation = Organisation::new(IDS.organisation(number), c.text(name), kind);
        organisation.sector = sector;
        organisation.identifiers = ods.map(|code| c.ods(code)).unwrap_or_default();
        organisation.localities = places.iter().map(|&place| IDS.locality(place)).collect();
        organisation.part_of = match number {
            o::NVCH_CCN => Some(IDS.organisation(o::NVCH)),
            o::WECH_W | o::WECH_E => Some(IDS.organisation(o::WECH)),
            _ => None,
        };
        if number == o::ECS {
            // Merged into the community trust on 1 April 2025.
            organisation.successor = Some(Succession {
                organisation: IDS.organisation(o::WECH),
                on: c.date("2025-04-01"),
            });
            organisation.active = false;
        }
        d.organisations.push(organisation);
    }
}

/// The status history of a membership, after its invitation.
enum Joined {
    /// Active since the date.
    Active(&'static str),
    /// Active, then withdrawn.
    Withdrawn(&'static str, &'static str),
    /// Still only invited.
    Invited,
}

fn memberships(c: &Ctx, d: &mut NetworkDocument) {
    use MembershipTier::{Associate, Full};
    // (organisation, tier, invited on, what followed, agreement signed on, representative)
    let rows: [(u64, MembershipTier, &str, Joined, Option<&str>, Option<u64>); 22] = [
        (
            o::NVCH,
            Full,
            "2024-07-01",
            Joined::Active("2024-09-01"),
            Some("2024-08-20"),
            Some(p::ELLISON),
        ),
        (
            o::NVGH,
            Full,
            "2024-07-01",
            Joined::Active("2024-09-01"),
            Some("2024-08-28"),
            Some(p::TATE),
        ),
        // Eastmoor Hospitals joined but has not yet signed the memorandum of
        // understanding: an honest warning.
        (
            o::EMH,
            Full,
            "2024-07-01",
            Joined::Active("2024-10-01"),
            None,
            Some(p::MEHTA),
        ),
        (
            o::WECH,
            Full,
            "2024-07-01",
            Joined::Active("2024-09-01"),
            Some("2024-08-30"),
            Some(p::BRENNAN),
        ),
        (
            o::ECS,
            Full,
            "2024-07-01",
            Joined::Withdrawn("2024-09-01", "2025-04-01"),
            Some("2024-08-30"),
            Some(p::COLE),
        ),
        (
            o::ICB,
            Full,
            "2024-07-01",
            Joined::Active("2024-09-01"),
            Some("2024-08-15"),
            Some(p::MCLEOD),
        ),
        (
            o::AMBULANCE,
            Associate,
            "2025-01-10",
            Joined::Active("2025-03-01"),
            None,
            Some(p::MUNRO),
        ),
        (
            o::GP_RIVERSIDE,
            Associate,
            "2024-11-01",
            Joined::Active("2025-01-01"),
            None,
            Some(p::VOSS),
        ),
        (
            o::GP_WESTDALE,
            Associate,
            "2024-11-01",
            Joined::Active("2025-02-01"),
            None,
            Some(p::OKONKWO),
        ),
        (
            o::GP_EASTMOOR,
            Associate,
            "2024-11-01",
            Joined::Active("2025-02-01"),
            None,
            Some(p::SHAH),
        ),
        (
            o::GP_SOUTHBRIDGE,
            Associate,
            "2026-10-01",
            Joined::Invited,
            None,
            Some(p::BENNETT),
        ),
        (
            o::HARBOURSIDE,
            Full,
            "2024-07-01",
            Joined::Active("2024-09-01"),
            Some("2024-08-12"),
            Some(p::HARTLEY),
        ),
        (
            o::FELLSIDE,
            Full,
            "2024-07-01",
            Joined::Active("2024-09-01"),
            Some("2024-08-22"),
            Some(p::GRIEVE),
        ),
        (
            o::MEADOWBANK,
            Full,
            "2024-07-01",
            Joined::Active("2024-10-01"),
            Some("2024-09-25"),
            Some(p::FRANKS),
        ),
        (
            o::SOUTHBRIDGE_HOSPICE,
            Associate,
            "2025-01-10",
            Joined::Active("2025-04-01"),
            None,
            Some(p::QUINLAN),
        ),
        (
            o::SCH,
            Full,
            "2024-10-01",
            Joined::Active("2025-01-01"),
            Some("2024-12-12"),
            Some(p::MOSS),
        ),
        (
            o::HOMECARE,
            Associate,
            "2026-09-15",
            Joined::Invited,
            None,
            Some(p::DOHERTY),
        ),
        (
            o::CITY_COUNCIL,
            Associate,
            "2024-07-01",
            Joined::Active("2024-09-01"),
            None,
            Some(p::WHITCOMBE),
        ),
        (
            o::COUNTY_COUNCIL,
            Associate,
            "2025-01-10",
            Joined::Active("2025-04-01"),
            None,
            Some(p::BELL),
        ),
        (
            o::UNIVERSITY,
            Associate,
            "2024-07-01",
            Joined::Active("2024-09-01"),
            Some("2024-09-10"),
            Some(p::OGILVIE),
        ),
        (
            o::PARENT_FORUM,
            Full,
            "2024-07-01",
            Joined::Active("2024-10-01"),
            Some("2024-09-30"),
            Some(p::SHAW),
        ),
        (
            o::LANTERNS,
            Associate,
            "2025-01-10",
            Joined::Active("2025-03-01"),
            None,
            Some(p::QUIGLEY),
        ),
    ];
    for (number, (organisation, tier, invited, joined, signed, representative)) in (1..).zip(rows) {
        let mut membership = Membership::invited(
            IDS.membership(number),
            IDS.organisation(organisation),
            tier,
            c.date(invited),
        );
        membership = match joined {
            Joined::Active(on) => membership.then(MembershipStatus::Active, c.date(on)),
            Joined::Withdrawn(active, withdrawn) => membership
                .then(MembershipStatus::Active, c.date(active))
                .then(MembershipStatus::Withdrawn, c.date(withdrawn)),
            Joined::Invited => membership,
        };
        membership.agreement_signed_on = signed.map(|on| c.date(on));
        membership.representative = representative.map(|person| IDS.person(person));
        d.memberships.push(membership);
    }
}

fn services(c: &Ctx, d: &mut NetworkDocument) {
    use ServiceKind as K;
    let all = [l::ICS];
    // (number, provider, kind, name, availability, localities, ages, from)
    let rows: [(
        u64,
        u64,
        ServiceKind,
        &str,
        Availability,
        &[u64],
        (u8, u8),
        Option<&str>,
    ); 16] = [
        (
            sv::PPC_TEAM,
            o::NVCH,
            K::SpecialistPalliativeCareTeam,
            "Northvale paediatric palliative care team",
            Availability::OfficeHours,
            &all,
            (0, 18),
            None,
        ),
        // Covers three of the four places: Eastmoor is not yet on the rota.
        (
            sv::ADVICE_LINE,
            o::NVCH,
            K::ConsultantAdviceLine,
            "Paediatric palliative care consultant advice line",
            Availability::TwentyFourSeven,
            &[l::CITY, l::WESTDALE, l::SOUTHBRIDGE],
            (0, 18),
            Some("2025-04-01"),
        ),
        (
            3,
            o::EMH,
            K::ConsultantAdviceLine,
            "Eastmoor paediatric consultant advice (office hours)",
            Availability::OfficeHours,
            &[l::EASTMOOR],
            (0, 18),
            None,
        ),
        (
            sv::CCN_CITY,
            o::NVCH_CCN,
            K::CommunityChildrensNursing,
            "Children's community nursing, Northvale City",
            Availability::TwentyFourSeven,
            &[l::CITY],
            (0, 18),
            None,
        ),
        (
            sv::CCN_WESTDALE,
            o::WECH_W,
            K::CommunityChildrensNursing,
            "Children's community nursing, Westdale",
            Availability::TwentyFourSeven,
            &[l::WESTDALE],
            (0, 18),
            None,
        ),
        (
            sv::CCN_EASTMOOR,
            o::WECH_E,
            K::CommunityChildrensNursing,
            "Children's community nursing, Eastmoor",
            Availability::TwentyFourSeven,
            &[l::EASTMOOR],
            (0, 18),
            Some("2025-04-01"),
        ),
        (
            sv::CCN_SOUTHBRIDGE,
            o::SCH,
            K::CommunityChildrensNursing,
            "Children's community nursing, Southbridge",
            southbridge_hours(c),
            &[l::SOUTHBRIDGE],
            (0, 18),
            None,
        ),
        (
            8,
            o::HARBOURSIDE,
            K::HospiceShortBreaks,
            "Harbourside short breaks",
            Availability::ExtendedHours,
            &[l::CITY, l::SOUTHBRIDGE],
            (0, 25),
            None,
        ),
        (
            9,
            o::HARBOURSIDE,
            K::HospiceEndOfLifeCare,
            "Harbourside end of life care",
            Availability::TwentyFourSeven,
            &[l::CITY, l::SOUTHBRIDGE],
            (0, 25),
            None,
        ),
        (
            10,
            o::FELLSIDE,
            K::HospiceShortBreaks,
            "Fellside short breaks",
            Availability::ExtendedHours,
            &[l::WESTDALE, l::EASTMOOR],
            (0, 25),
            None,
        ),
        (
            11,
            o::FELLSIDE,
            K::HospiceEndOfLifeCare,
            "Fellside end of life care",
            Availability::TwentyFourSeven,
            &[l::WESTDALE, l::EASTMOOR],
            (0, 25),
            None,
        ),
        (
            12,
            o::MEADOWBANK,
            K::HospiceEndOfLifeCare,
            "Meadowbank hospice at home",
            Availability::TwentyFourSeven,
            &[l::EASTMOOR],
            (0, 19),
            None,
        ),
        (
            13,
            o::LANTERNS,
            K::BereavementSupport,
            "Little Lanterns family bereavement support",
            Availability::OfficeHours,
            &all,
            (0, 25),
            None,
        ),
        (
            sv::PSYCHOLOGY,
            o::NVCH,
            K::PsychologicalSupport,
            "Paediatric psychology for children with life-limiting conditions",
            Availability::OfficeHours,
            &all,
            (0, 18),
            None,
        ),
        (
            15,
            o::SOUTHBRIDGE_HOSPICE,
            K::TransitionSupport,
            "Young adults' transition clinic",
            Availability::OfficeHours,
            &[l::SOUTHBRIDGE, l::CITY],
            (16, 25),
            None,
        ),
        (
            16,
            o::HOMECARE,
            K::Other,
            "Children's continuing care at home",
            Availability::ExtendedHours,
            &[l::WESTDALE, l::EASTMOOR],
            (0, 18),
            None,
        ),
    ];
    for (number, provider, kind, name, availability, places, (min, max), from) in rows {
        let mut service = Service::new(
            IDS.service(number),
            IDS.organisation(provider),
            kind,
            availability,
        );
        if kind == K::Other {
            service.kind_detail =
                Some(c.text("Continuing care packages for children with complex needs"));
        }
        service.name = Some(c.text(name));
        service.localities = places.iter().map(|&place| IDS.locality(place)).collect();
        service.age_range = c.ages(min, max);
        service.period = from.map(|start| c.since(start));
        d.services.push(service);
    }
}

/// Southbridge's community nurses: long days on weekdays, shorter at weekends,
/// nobody overnight (so no 24-hour nursing there).
fn southbridge_hours(c: &Ctx) -> Availability {
    let at = |hour| chrono::NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(chrono::NaiveTime::MIN);
    let slots = [
        WeeklySlot::between(DayOfWeek::WEEKDAYS.to_vec(), at(8), at(20)),
        WeeklySlot::between(vec![DayOfWeek::Sat, DayOfWeek::Sun], at(9), at(17)),
    ]
    .into_iter()
    .filter_map(|slot| {
        slot.map_err(|error| c.problem(format!("southbridge hours: {error}")))
            .ok()
    })
    .collect();
    WeeklySchedule::new(slots).map_or_else(
        |error| {
            c.problem(format!("southbridge hours: {error}"));
            Availability::ExtendedHours
        },
        Availability::Weekly,
    )
}

fn systems(c: &Ctx, d: &mut NetworkDocument) {
    use CanShare::{No, Partly, Yes};
    use SystemCategory::{Epr, Other, Scheduling, SharedCareRecord};
    const SHARED: &str = "Northvale and Eastmoor shared care record";
    // (organisation, system, category, can share, note)
    let rows: [(u64, &str, SystemCategory, CanShare, Option<&str>); 13] = [
        (
            o::NVCH,
            "Acute electronic patient record",
            Epr,
            Partly,
            Some("Sends discharge letters electronically; no access for hospices."),
        ),
        (o::NVCH, SHARED, SharedCareRecord, Yes, None),
        (
            o::NVGH,
            "Acute electronic patient record",
            Epr,
            Partly,
            None,
        ),
        (
            o::EMH,
            "Acute electronic patient record",
            Epr,
            No,
            Some("Not yet connected to the shared care record."),
        ),
        (
            o::WECH,
            "Community electronic patient record",
            Epr,
            Partly,
            None,
        ),
        (o::WECH, SHARED, SharedCareRecord, Yes, None),
        (
            o::HARBOURSIDE,
            "Hospice clinical record system",
            Epr,
            No,
            Some(
                "Cannot exchange records with NHS systems; advance care plans are scanned and e-mailed.",
            ),
        ),
        (o::FELLSIDE, "Hospice clinical record system", Epr, No, None),
        (
            o::FELLSIDE,
            "Rota and home-visit scheduling",
            Scheduling,
            No,
            None,
        ),
        (
            o::MEADOWBANK,
            "Paper records and spreadsheets",
            Other,
            No,
            Some("Plans to procure a clinical record system in 2027."),
        ),
        (
            o::SCH,
            "Community electronic patient record",
            Epr,
            Partly,
            None,
        ),
        (o::GP_RIVERSIDE, "GP clinical system", Epr, Partly, None),
        (
            o::ICB,
            SHARED,
            SharedCareRecord,
            Yes,
            Some("Hosted by the integrated care board for all NHS members."),
        ),
    ];
    for (number, (organisation, system, category, can_share, note)) in (1..).zip(rows) {
        d.systems.push(SystemUse {
            id: IDS.system(number),
            organisation: IDS.organisation(organisation),
            system: c.text(system),
            category,
            can_share,
            note: note.map(|note| c.note(note)),
        });
    }
}
