//! Courses, events, registrations (with access barriers and feedback) and
//! training requirements.

// Tables of example data, not logic: long functions and wide row types read
// best as they are.
#![allow(clippy::too_many_lines, clippy::type_complexity)]

use mcn_core::{Money, PostRole, Profession};
use mcn_network::NetworkDocument;
use mcn_training::{
    AccessBarrier, AppliesTo, Course, Delivery, EducationLevel, Event, EventKind, EventStatus,
    Feedback, LearningOutcome, Registration, RegistrationStatus, TrainingRequirement,
};

use super::{IDS, l, o, p, people::employer};
use crate::example::ctx::Ctx;

/// Adds the network's education programme to `d`.
pub(super) fn add(c: &Ctx, d: &mut NetworkDocument) {
    courses(c, d);
    events(c, d);
    registrations(c, d);
    requirements(c, d);
}

/// Course numbers.
mod co {
    pub(super) const INTRODUCTION: u64 = 1;
    pub(super) const CORE_SKILLS: u64 = 2;
    pub(super) const SYMPTOMS: u64 = 3;
    pub(super) const CONVERSATIONS: u64 = 4;
    pub(super) const COMMUNITIES: u64 = 5;
    pub(super) const ADVANCE_CARE_PLANNING: u64 = 6;
}

fn courses(c: &Ctx, d: &mut NetworkDocument) {
    use LearningOutcome::{Collaboration, Communication, SymptomManagement, Wellbeing};
    // (number, title, provider, level, outcomes, delivery, CPD hundredths, professions, accreditation)
    let rows: [(
        u64,
        &str,
        u64,
        EducationLevel,
        &[LearningOutcome],
        Delivery,
        u32,
        &[Profession],
        Option<&str>,
    ); 6] = [
        (
            co::INTRODUCTION,
            "Introduction to children's palliative care",
            o::UNIVERSITY,
            EducationLevel::Universal,
            &[Communication, Collaboration, SymptomManagement, Wellbeing],
            Delivery::ELearning,
            200,
            &[],
            None,
        ),
        (
            co::CORE_SKILLS,
            "Core skills in children's palliative care",
            o::HARBOURSIDE,
            EducationLevel::Core,
            &[Communication, Collaboration, SymptomManagement, Wellbeing],
            Delivery::Blended,
            1200,
            &[],
            None,
        ),
        (
            co::SYMPTOMS,
            "Managing symptoms in paediatric palliative care",
            o::NVCH,
            EducationLevel::Specialist,
            &[SymptomManagement],
            Delivery::InPerson,
            650,
            &[
                Profession::Doctor,
                Profession::Nurse,
                Profession::Pharmacist,
            ],
            None,
        ),
        (
            co::CONVERSATIONS,
            "Difficult conversations with children and families",
            o::FELLSIDE,
            EducationLevel::Core,
            &[Communication, Wellbeing],
            Delivery::Virtual,
            300,
            &[],
            None,
        ),
        (
            co::COMMUNITIES,
            "Compassionate communities: supporting families at home",
            o::UNIVERSITY,
            EducationLevel::PublicHealth,
            &[Collaboration, Wellbeing],
            Delivery::Virtual,
            150,
            &[],
            None,
        ),
        (
            co::ADVANCE_CARE_PLANNING,
            "Advance care planning with children and young people",
            o::NVCH,
            EducationLevel::Core,
            &[Communication, Collaboration],
            Delivery::InPerson,
            600,
            &[],
            Some("Accredited for CPD by the University of Northvale."),
        ),
    ];
    for (number, title, provider, level, outcomes, delivery, cpd, professions, accreditation) in
        rows
    {
        d.courses.push(Course {
            id: IDS.course(number),
            title: c.text(title),
            provider: IDS.organisation(provider),
            level,
            outcomes: outcomes.to_vec(),
            delivery,
            cpd_hours: c.cpd(cpd),
            professions: professions.to_vec(),
            accreditation: accreditation.map(|a| c.note(a)),
        });
    }
}

/// An event as written below.
struct EventRow {
    number: u64,
    kind: EventKind,
    course: Option<u64>,
    title: &'static str,
    date: &'static str,
    minutes: u64,
    delivery: Delivery,
    /// The level, for events without a course.
    level: Option<EducationLevel>,
    outcomes: &'static [LearningOutcome],
    place: Option<(u64, &'static str)>,
    capacity: Option<u64>,
    cost_pounds: u64,
    host: u64,
    status: EventStatus,
}

fn events(c: &Ctx, d: &mut NetworkDocument) {
    use Delivery::{Blended, ELearning, InPerson, Virtual};
    use EventStatus::{Cancelled, Held, Planned};
    let row = |number, kind, course, title, date, minutes, delivery, host, status| EventRow {
        number,
        kind,
        course,
        title,
        date,
        minutes,
        delivery,
        level: None,
        outcomes: &[],
        place: None,
        capacity: None,
        cost_pounds: 0,
        host,
        status,
    };
    let rows = [
        EventRow {
            place: Some((l::CITY, "Harbourside Children's Hospice education centre")),
            capacity: Some(12),
            ..row(
                1,
                EventKind::CourseSession,
                Some(co::CORE_SKILLS),
                "Core skills in children's palliative care: cohort 1",
                "2025-03-20",
                420,
                Blended,
                o::HARBOURSIDE,
                Held,
            )
        },
        EventRow {
            place: Some((l::CITY, "Northvale Children's Hospital lecture theatre")),
            capacity: Some(40),
            cost_pounds: 30,
            ..row(
                2,
                EventKind::StudyDay,
                Some(co::SYMPTOMS),
                "Symptom management study day",
                "2025-05-15",
                360,
                InPerson,
                o::NVCH,
                Held,
            )
        },
        EventRow {
            level: Some(EducationLevel::Core),
            outcomes: &[LearningOutcome::Communication],
            capacity: Some(100),
            ..row(
                3,
                EventKind::Webinar,
                None,
                "Talking with families about advance care plans",
                "2025-06-24",
                60,
                Virtual,
                o::NVCH,
                Held,
            )
        },
        EventRow {
            capacity: Some(24),
            ..row(
                4,
                EventKind::CourseSession,
                Some(co::CONVERSATIONS),
                "Difficult conversations with children and families",
                "2025-09-18",
                180,
                Virtual,
                o::FELLSIDE,
                Held,
            )
        },
        EventRow {
            level: Some(EducationLevel::Universal),
            outcomes: &[LearningOutcome::Collaboration],
            place: Some((l::EASTMOOR, "Eastmoor Civic Hall")),
            capacity: Some(120),
            ..row(
                5,
                EventKind::NetworkingEvent,
                None,
                "Network launch and networking afternoon",
                "2025-10-09",
                240,
                InPerson,
                o::ICB,
                Held,
            )
        },
        EventRow {
            place: Some((l::WESTDALE, "Fellside Children's Hospice education room")),
            capacity: Some(12),
            ..row(
                6,
                EventKind::CourseSession,
                Some(co::CORE_SKILLS),
                "Core skills in children's palliative care: cohort 2",
                "2025-11-13",
                420,
                Blended,
                o::FELLSIDE,
                Held,
            )
        },
        EventRow {
            level: Some(EducationLevel::Core),
            outcomes: &[LearningOutcome::Wellbeing],
            capacity: Some(12),
            ..row(
                7,
                EventKind::PeerSupport,
                None,
                "Reflective practice group",
                "2026-01-27",
                90,
                Virtual,
                o::MEADOWBANK,
                Held,
            )
        },
        EventRow {
            place: Some((l::EASTMOOR, "Eastmoor Hospitals education centre")),
            capacity: Some(30),
            ..row(
                8,
                EventKind::CourseSession,
                Some(co::SYMPTOMS),
                "Managing symptoms in paediatric palliative care (Eastmoor)",
                "2026-02-26",
                360,
                InPerson,
                o::EMH,
                Held,
            )
        },
        // Called off when the speaker fell ill; rescheduled for November 2026.
        EventRow {
            place: Some((l::SOUTHBRIDGE, "Southbridge Hospice")),
            capacity: Some(30),
            ..row(
                9,
                EventKind::StudyDay,
                Some(co::ADVANCE_CARE_PLANNING),
                "Advance care planning study day",
                "2026-03-19",
                360,
                InPerson,
                o::NVCH,
                Cancelled,
            )
        },
        row(
            10,
            EventKind::CourseSession,
            Some(co::INTRODUCTION),
            "Introduction to children's palliative care (e-learning, spring)",
            "2026-04-23",
            120,
            ELearning,
            o::UNIVERSITY,
            Held,
        ),
        EventRow {
            place: Some((l::CITY, "University of Northvale conference centre")),
            capacity: Some(150),
            cost_pounds: 45,
            ..row(
                11,
                EventKind::Conference,
                None,
                "Northvale children's palliative care conference 2026",
                "2026-06-11",
                420,
                InPerson,
                o::UNIVERSITY,
                Held,
            )
        },
        EventRow {
            capacity: Some(60),
            ..row(
                12,
                EventKind::CourseSession,
                Some(co::COMMUNITIES),
                "Compassionate communities: supporting families at home",
                "2026-07-08",
                90,
                Virtual,
                o::UNIVERSITY,
                Held,
            )
        },
        EventRow {
            place: Some((l::EASTMOOR, "Meadowbank Children's Hospice")),
            capacity: Some(12),
            ..row(
                13,
                EventKind::CourseSession,
                Some(co::CORE_SKILLS),
                "Core skills in children's palliative care: cohort 3",
                "2026-09-24",
                420,
                Blended,
                o::MEADOWBANK,
                Held,
            )
        },
        EventRow {
            place: Some((l::SOUTHBRIDGE, "Southbridge Hospice")),
            capacity: Some(30),
            ..row(
                14,
                EventKind::StudyDay,
                Some(co::ADVANCE_CARE_PLANNING),
                "Advance care planning study day (rescheduled)",
                "2026-11-19",
                360,
                InPerson,
                o::NVCH,
                Planned,
            )
        },
        EventRow {
            level: Some(EducationLevel::Universal),
            outcomes: &[LearningOutcome::Collaboration],
            capacity: Some(100),
            ..row(
                15,
                EventKind::Webinar,
                None,
                "Transition to adult services",
                "2027-02-11",
                60,
                Virtual,
                o::SOUTHBRIDGE_HOSPICE,
                Planned,
            )
        },
    ];
    for event in rows {
        d.events.push(Event {
            id: IDS.event(event.number),
            kind: event.kind,
            course: event.course.map(|course| IDS.course(course)),
            title: c.text(event.title),
            date: c.date(event.date),
            duration_minutes: c.minutes(event.minutes),
            delivery: event.delivery,
            level: event.level,
            outcomes: event.outcomes.to_vec(),
            locality: event.place.map(|(place, _)| IDS.locality(place)),
            venue: event.place.map(|(_, venue)| c.text(venue)),
            capacity: event.capacity.and_then(|places| c.capacity(places)),
            cost: Money::from_pounds(event.cost_pounds),
            host: IDS.organisation(event.host),
            status: event.status,
        });
    }
}

/// How a registration turned out, in shorthand.
#[derive(Clone, Copy)]
enum R {
    /// Attended, no feedback returned.
    Came,
    /// Attended, with feedback: overall, relevance (1-5), would recommend.
    Rated(u8, u8, bool),
    /// Attended, with feedback and a comment.
    Said(u8, u8, bool, &'static str),
    /// Did not attend, because of the barrier.
    Dna(AccessBarrier),
    /// Did not attend for another reason, given in words.
    DnaOther(&'static str),
    /// Cancelled beforehand, because of the barrier.
    Withdrew(AccessBarrier),
    /// Cancelled because the event was called off.
    CalledOff,
    /// On the wait list, because the event was full.
    WaitListed,
    /// Booked for an event still to come.
    Booked,
}

fn registrations(c: &Ctx, d: &mut NetworkDocument) {
    use AccessBarrier::{Cost, Illness, NoRelease, Timing, TravelDistance};
    use R::{Booked, CalledOff, Came, Dna, DnaOther, Rated, Said, WaitListed, Withdrew};
    let rows: [(u64, &[(u64, R)]); 15] = [
        (
            1,
            &[
                (p::CARVER, Rated(5, 5, true)),
                (p::ASHWORTH, Rated(4, 5, true)),
                (p::PRITCHARD, Came),
                (p::WHITAKER, Rated(4, 4, true)),
                (p::ASANTE, Dna(NoRelease)),
                (
                    p::MORRISON,
                    Said(
                        5,
                        4,
                        true,
                        "The case studies from the hospice were the most useful part.",
                    ),
                ),
                (p::BRANDON, Came),
                (p::OKORO, Came),
                (p::DUNMORE, Dna(TravelDistance)),
                (p::GRANT, Withdrew(NoRelease)),
                (p::ROWLEY, Rated(4, 4, true)),
                (p::CROSS, Came),
                (p::LINDQVIST, WaitListed),
                (p::YUSUF, WaitListed),
            ],
        ),
        (
            2,
            &[
                (p::SIDDIQUI, Rated(5, 5, true)),
                (p::LOWE, Rated(4, 5, true)),
                (p::FROST, Came),
                (p::ADEYEMI, Came),
                (p::ASHWORTH, Came),
                (
                    p::FRANKS,
                    Said(
                        5,
                        5,
                        true,
                        "Anticipatory prescribing session should be repeated for GPs.",
                    ),
                ),
                (p::ALI, Dna(NoRelease)),
                (p::LINDQVIST, Withdrew(Cost)),
                (p::BOATENG, Rated(5, 5, true)),
                (p::VOSS, Withdrew(Timing)),
                (p::OKONKWO, Dna(TravelDistance)),
                (p::PIKE, Came),
            ],
        ),
        (
            3,
            &[
                (p::KELLY, Came),
                (p::THORNE, Came),
                (p::FENWICK, Came),
                (p::DOYLE, Came),
                (p::BARNES, Came),
                (p::YUSUF, Came),
                (p::SHAH, Came),
                (p::CROSS, Came),
                (p::LANG, Rated(4, 3, true)),
                (p::PENROSE, Rated(5, 4, true)),
                (p::GRANT, Dna(Timing)),
                (
                    p::MUNRO,
                    Said(
                        3,
                        3,
                        false,
                        "Useful, but little on what ambulance crews should do.",
                    ),
                ),
            ],
        ),
        (
            4,
            &[
                (p::DOYLE, Rated(5, 5, true)),
                (p::LINDQVIST, Came),
                (p::BARNES, Rated(4, 4, true)),
                (p::RAHMAN, Came),
                (p::DUNMORE, Rated(4, 5, true)),
                (p::PRITCHARD, Dna(Illness)),
                (p::CHAUDHRY, Came),
                (p::ROWLEY, Withdrew(NoRelease)),
                (p::WHITCOMBE, Rated(4, 4, true)),
                (p::BELL, Came),
            ],
        ),
        (
            5,
            &[
                (p::REID, Came),
                (p::MCLEOD, Came),
                (p::ELLERY, Came),
                (p::HARTLEY, Came),
                (p::GRIEVE, Came),
                (p::FRANKS, Came),
                (p::MEHTA, Came),
                (p::BRENNAN, Came),
                (p::LLOYD, Came),
                (p::MOSS, Came),
                (p::QUIGLEY, Rated(5, 4, true)),
                (p::SHAW, Rated(5, 5, true)),
                (p::NOLAN, Came),
                (p::VOSS, Came),
                (p::KAPOOR, Came),
                (p::COLE, Came),
                (p::DOHERTY, Dna(Timing)),
            ],
        ),
        (
            6,
            &[
                (p::FENWICK, Rated(5, 5, true)),
                (p::ROWLEY, Came),
                (p::CHAUDHRY, Came),
                (p::LINDQVIST, Rated(4, 5, true)),
                (p::BARNES, Came),
                (p::YUSUF, Dna(TravelDistance)),
                (p::RAHMAN, Came),
                (p::OKONKWO, Withdrew(Timing)),
                (p::GRANT, Rated(5, 4, true)),
                (p::DOHERTY, Rated(4, 4, true)),
            ],
        ),
        (
            7,
            &[
                (p::PIKE, Came),
                (p::CROSS, Came),
                (p::LANG, Rated(5, 5, true)),
                (p::CARVER, Came),
                (p::DOYLE, Came),
                (p::OKORO, Came),
                (p::PENROSE, Rated(5, 4, true)),
                (p::KELLY, Dna(NoRelease)),
            ],
        ),
        (
            8,
            &[
                (p::DUNMORE, Rated(5, 5, true)),
                (p::YUSUF, Came),
                (p::SHAH, Rated(4, 4, true)),
                (p::ALI, Came),
                (p::LINDQVIST, Rated(5, 5, true)),
                (p::CHAUDHRY, Came),
                (p::COLE, Came),
                (p::CROSS, Came),
                (p::OKONKWO, Came),
                (p::MUNRO, Dna(NoRelease)),
            ],
        ),
        (
            9,
            &[
                (p::MOSS, CalledOff),
                (p::GRANT, CalledOff),
                (p::BENNETT, CalledOff),
                (p::QUINLAN, CalledOff),
                (p::WHITAKER, CalledOff),
            ],
        ),
        (
            10,
            &[
                (p::NOLAN, Came),
                (p::SHAW, Came),
                (p::DOHERTY, Came),
                (p::BENNETT, Came),
                (p::MUNRO, Came),
                (p::THORNE, Rated(4, 4, true)),
                (p::WHITCOMBE, Came),
                (p::BELL, Came),
                (p::KAPOOR, Rated(3, 2, false)),
                (p::TATE, Came),
                (
                    p::ASANTE,
                    Said(
                        5,
                        4,
                        true,
                        "E-learning was the only way I could fit this in.",
                    ),
                ),
                (p::BRANDON, Came),
            ],
        ),
        (
            11,
            &[
                (p::OKAFOR, Came),
                (p::MARSH, Came),
                (p::WILK, Came),
                (p::ADEYEMI, Came),
                (p::GALLAGHER, Came),
                (p::BEAUMONT, Came),
                (p::HALE, Came),
                (p::LOWE, Came),
                (p::MEHTA, Came),
                (p::LLOYD, Came),
                (p::HARTLEY, Rated(5, 5, true)),
                (p::CARVER, Came),
                (p::KETTERING, Came),
                (p::FRANKS, Came),
                (p::LANG, Came),
                (p::QUINLAN, Rated(4, 4, true)),
                (p::ACHTERBERG, Came),
                (p::OGILVIE, Came),
                (p::BOATENG, Rated(5, 5, true)),
                (p::SIDDIQUI, Came),
                (p::YUSUF, Dna(Cost)),
                (p::WHITAKER, Dna(NoRelease)),
                (p::GRANT, Withdrew(TravelDistance)),
                (p::ROWLEY, DnaOther("Car broke down on the way")),
            ],
        ),
        (
            12,
            &[
                (p::WHITCOMBE, Rated(4, 5, true)),
                (p::BELL, Came),
                (p::SHAW, Rated(5, 5, true)),
                (p::NOLAN, Came),
                (p::QUIGLEY, Came),
                (p::PENROSE, Came),
                (p::VOSS, Came),
                (p::DOHERTY, Came),
                (p::TATE, Dna(Timing)),
            ],
        ),
        (
            13,
            &[
                (p::YUSUF, Rated(4, 5, true)),
                (p::DUNMORE, Came),
                (p::ROWLEY, Came),
                (p::COLE, Came),
                (p::PIKE, Rated(5, 5, true)),
                (p::SHAH, Came),
                (p::MUNRO, Came),
                (p::ALI, Came),
            ],
        ),
        (
            14,
            &[
                (p::MOSS, Booked),
                (p::GRANT, Booked),
                (p::BENNETT, Booked),
                (p::QUINLAN, Booked),
                (p::WHITAKER, Booked),
                (p::CROSS, Booked),
                (p::BRANDON, Withdrew(NoRelease)),
            ],
        ),
        (
            15,
            &[
                (p::ASHWORTH, Booked),
                (p::TATE, Booked),
                (p::KELLY, Booked),
                (p::MORRISON, Booked),
            ],
        ),
    ];
    let mut number = 0;
    for (event, people) in rows {
        for &(person, outcome) in people {
            number += 1;
            let Some(organisation) = employer(person) else {
                c.problem(format!(
                    "registration {number}: person {person} has no employer"
                ));
                continue;
            };
            let feedback = |overall, relevance, would_recommend, comment: Option<&str>| {
                Some(Feedback {
                    overall: c.rating(overall),
                    relevance: c.rating(relevance),
                    would_recommend,
                    comment: comment.map(|comment| c.note(comment)),
                })
            };
            let (status, barrier, detail, feedback) = match outcome {
                Came => (RegistrationStatus::Attended, None, None, None),
                Rated(overall, relevance, recommend) => (
                    RegistrationStatus::Attended,
                    None,
                    None,
                    feedback(overall, relevance, recommend, None),
                ),
                Said(overall, relevance, recommend, comment) => (
                    RegistrationStatus::Attended,
                    None,
                    None,
                    feedback(overall, relevance, recommend, Some(comment)),
                ),
                Dna(barrier) => (RegistrationStatus::DidNotAttend, Some(barrier), None, None),
                DnaOther(detail) => (
                    RegistrationStatus::DidNotAttend,
                    Some(AccessBarrier::Other),
                    Some(c.text(detail)),
                    None,
                ),
                Withdrew(barrier) => (RegistrationStatus::Cancelled, Some(barrier), None, None),
                CalledOff => (
                    RegistrationStatus::Cancelled,
                    None,
                    Some(c.text("The event was called off")),
                    None,
                ),
                WaitListed => (
                    RegistrationStatus::WaitListed,
                    Some(AccessBarrier::EventFull),
                    None,
                    None,
                ),
                Booked => (RegistrationStatus::Booked, None, None, None),
            };
            d.registrations.push(Registration {
                id: IDS.registration(number),
                event: IDS.event(event),
                person: IDS.person(person),
                organisation: IDS.organisation(organisation),
                status,
                barrier,
                barrier_detail: detail,
                feedback,
            });
        }
    }
}

fn requirements(c: &Ctx, d: &mut NetworkDocument) {
    use LearningOutcome::{Communication, SymptomManagement};
    // (applies to, level, outcomes, renewal months, note)
    let rows: [(
        AppliesTo,
        EducationLevel,
        &[LearningOutcome],
        Option<u64>,
        &str,
    ); 7] = [
        (
            AppliesTo::Role(PostRole::LocalityLead),
            EducationLevel::Core,
            &[],
            Some(36),
            "Locality leads support staff across sectors in their place.",
        ),
        (
            AppliesTo::Role(PostRole::ClinicalLead),
            EducationLevel::Specialist,
            &[SymptomManagement],
            Some(36),
            "Clinical leads advise on complex symptoms across the network.",
        ),
        (
            AppliesTo::Role(PostRole::EducationLead),
            EducationLevel::Specialist,
            &[],
            None,
            "The education lead teaches at every level.",
        ),
        (
            AppliesTo::Role(PostRole::Champion),
            EducationLevel::Core,
            &[],
            Some(24),
            "Champions keep their own practice current.",
        ),
        (
            AppliesTo::Role(PostRole::NetworkCoordinator),
            EducationLevel::Universal,
            &[],
            None,
            "The co-ordinator needs a grounding in children's palliative care.",
        ),
        (
            AppliesTo::Profession(Profession::Nurse),
            EducationLevel::Universal,
            &[],
            Some(36),
            "Every nurse in a member organisation who may care for a child with a life-limiting condition.",
        ),
        (
            AppliesTo::Profession(Profession::Doctor),
            EducationLevel::Core,
            &[Communication],
            Some(36),
            "Doctors lead conversations about advance care plans (QS160 statement 1).",
        ),
    ];
    for (number, (applies_to, level, outcomes, renewal, note)) in (1..).zip(rows) {
        d.training_requirements.push(TrainingRequirement {
            id: IDS.requirement(number),
            applies_to,
            level,
            outcomes: outcomes.to_vec(),
            renewal_months: renewal.and_then(|months| c.renewal(months)),
            note: Some(c.note(note)),
        });
    }
}
