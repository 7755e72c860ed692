//! Small builders for hand-made fixtures.

use std::{num::NonZeroU16, str::FromStr};

use mcn_core::{
    Identifier, IdentifierSystem, NaiveDate, Period, PostRole, Profession, Text, Wte, WteTotal,
};
use mcn_roles::{Appointment, AppointmentBasis, Person, Post, PostFunding, StaffingRecord};

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// An id of any kind, numbered `n` within the kind `k`.
pub(crate) fn id<T: FromStr>(k: u8, n: u32) -> T
where
    T::Err: std::fmt::Debug,
{
    format!("0190f6a4-00{k:02x}-7000-8000-{n:012x}")
        .parse()
        .unwrap()
}

pub(crate) fn period(start: NaiveDate, end: Option<NaiveDate>) -> Period {
    Period::new(start, end).unwrap()
}

pub(crate) fn wte(hundredths: u16) -> Wte {
    Wte::from_hundredths(hundredths).unwrap()
}

pub(crate) fn total(hundredths: u32) -> WteTotal {
    WteTotal::from_hundredths(hundredths).unwrap()
}

pub(crate) fn person(n: u32, name: &str, profession: Profession) -> Person {
    Person {
        id: id(1, n),
        name: Text::new(name).unwrap(),
        profession,
        registration: None,
        employer: None,
        email: None,
    }
}

pub(crate) fn registered(mut person: Person, system: IdentifierSystem, value: &str) -> Person {
    person.registration = Some(Identifier::new(system, value).unwrap());
    person
}

pub(crate) fn post(n: u32, title: &str, exists: Period) -> Post {
    Post {
        id: id(2, n),
        title: Text::new(title).unwrap(),
        role: PostRole::NetworkCoordinator,
        organisation: id(3, 1),
        body: None,
        period: exists,
        funding: None,
        max_holders: None,
    }
}

pub(crate) fn funded(mut post: Post, hundredths: u32, period: Period) -> Post {
    post.funding = Some(PostFunding {
        stream: None,
        wte: total(hundredths),
        period,
    });
    post
}

pub(crate) fn holders(mut post: Post, n: u16) -> Post {
    post.max_holders = NonZeroU16::new(n);
    post
}

pub(crate) fn appointment(
    n: u32,
    post: &Post,
    person: &Person,
    period: Period,
    hundredths: u16,
) -> Appointment {
    Appointment {
        id: id(4, n),
        post: post.id,
        person: person.id,
        period,
        wte: wte(hundredths),
        protected_hours_per_week: None,
        basis: AppointmentBasis::Substantive,
    }
}

pub(crate) fn staffing(
    n: u32,
    org: u32,
    profession: Profession,
    funded: u32,
    in_post: u32,
    on: NaiveDate,
) -> StaffingRecord {
    StaffingRecord {
        id: id(5, n),
        organisation: id(3, org),
        profession,
        service: None,
        funded_wte: total(funded),
        in_post_wte: total(in_post),
        as_of: on,
    }
}
