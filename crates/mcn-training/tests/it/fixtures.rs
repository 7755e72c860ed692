//! Small, valid building blocks for the tests.

use mcn_core::{Money, NaiveDate};
use mcn_training::*;

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A readable UUID-based id: `id::<PersonId>(3)`.
pub(crate) fn id<T: std::str::FromStr>(n: u64) -> T
where
    T::Err: std::fmt::Debug,
{
    format!("00000000-0000-7000-8000-{n:012}").parse().unwrap()
}

pub(crate) fn course(n: u64, level: EducationLevel, outcomes: &[LearningOutcome]) -> Course {
    Course {
        id: id(n),
        title: format!("Course {n}").parse().unwrap(),
        provider: id(900),
        level,
        outcomes: outcomes.to_vec(),
        delivery: Delivery::InPerson,
        cpd_hours: CpdHours::from_hundredths(600),
        professions: vec![],
        accreditation: None,
    }
}

/// A held, in-person event with a locality and venue, capacity 10, on `date`.
pub(crate) fn event(n: u64, date: NaiveDate) -> Event {
    Event {
        id: id(n),
        kind: EventKind::StudyDay,
        course: None,
        title: format!("Event {n}").parse().unwrap(),
        date,
        duration_minutes: Minutes::new(360).unwrap(),
        delivery: Delivery::InPerson,
        level: Some(EducationLevel::Universal),
        outcomes: vec![LearningOutcome::Communication],
        locality: Some(id(800)),
        venue: Some("Education Centre".parse().unwrap()),
        capacity: Some(Capacity::new(10).unwrap()),
        cost: Money::ZERO,
        host: id(900),
        status: EventStatus::Held,
    }
}

pub(crate) fn reg(n: u64, event: &Event, person: u64, status: RegistrationStatus) -> Registration {
    Registration {
        id: id(n),
        event: event.id,
        person: id(person),
        organisation: id(700),
        status,
        barrier: None,
        barrier_detail: None,
        feedback: None,
    }
}

pub(crate) fn feedback(overall: u64, relevance: u64, would_recommend: bool) -> Feedback {
    Feedback {
        overall: Rating::new(overall).unwrap(),
        relevance: Rating::new(relevance).unwrap(),
        would_recommend,
        comment: None,
    }
}
