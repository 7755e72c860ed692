//! The roles rules: every problem in people, posts, appointments and staffing
//! that needs no other domain's data, reported as findings with paths.

use mcn_core::{
    Finding, JsonPointer, NaiveDate, finding::sort_findings, id::PersonId, index::IdIndex,
};

use crate::{
    Appointment, Person, Post, RolesIndex, StaffingRecord,
    codes::{
        APPOINTMENT_OUTSIDE_POST_PERIOD, APPOINTMENT_OVERLAP, APPOINTMENT_WTE_ABOVE_FUNDED,
        PERSON_OVER_ALLOCATED, PERSON_REGISTRATION_MISMATCH, POST_VACANT_FUNDED,
        STAFFING_IN_POST_ABOVE_FUNDED,
    },
    collections::{APPOINTMENTS, PEOPLE, POSTS, STAFFING},
    sweep::{Span, excesses},
};

/// The document collections the roles rules read (each slice in document order:
/// index *i* in the slice is index *i* in the document array).
#[derive(Debug, Clone, Copy, Default)]
pub struct RolesData<'a> {
    /// `people`.
    pub people: &'a [Person],
    /// `posts`.
    pub posts: &'a [Post],
    /// `appointments`.
    pub appointments: &'a [Appointment],
    /// `staffing`.
    pub staffing: &'a [StaffingRecord],
}

/// Runs every roles rule; `as_of` dates the time-dependent ones (vacant funded
/// posts, over-allocated people). Findings are sorted by path, then code, then
/// message. O(n log n) in the size of the collections.
#[must_use]
pub fn validate(data: &RolesData<'_>, as_of: NaiveDate) -> Vec<Finding> {
    let index = RolesIndex::new(data.posts, data.appointments);
    validate_indexed(&index, data.people, data.staffing, as_of)
}

/// [`validate`] with an index already built over the document's `posts` and
/// `appointments` (so a caller that also runs queries builds it once).
#[must_use]
pub fn validate_indexed(
    index: &RolesIndex<'_>,
    people: &[Person],
    staffing: &[StaffingRecord],
    as_of: NaiveDate,
) -> Vec<Finding> {
    let checker = Checker::new(index, people);
    let mut findings = Vec::new();
    checker.registrations(&mut findings);
    checker.appointment_periods(&mut findings);
    checker.overlaps(&mut findings);
    checker.wte_above_funded(&mut findings);
    checker.vacant_funded(as_of, &mut findings);
    checker.over_allocated(as_of, &mut findings);
    in_post_above_funded(staffing, &mut findings);
    sort_findings(&mut findings);
    findings
}

struct Checker<'i, 'a> {
    index: &'i RolesIndex<'a>,
    people: &'i [Person],
    person_position: IdIndex<PersonId>,
}

impl<'i, 'a> Checker<'i, 'a> {
    fn new(index: &'i RolesIndex<'a>, people: &'i [Person]) -> Self {
        Self {
            index,
            people,
            person_position: IdIndex::new(people.iter().map(|person| person.id)),
        }
    }

    fn person(&self, id: PersonId) -> Option<&'i Person> {
        self.person_position
            .get(id, self.people)
            .map(|(_, person)| person)
    }

    fn person_label(&self, id: PersonId) -> String {
        match self.person(id) {
            Some(person) => format!("person \"{}\" ({id})", person.name),
            None => format!("unknown person {id}"),
        }
    }

    fn registrations(&self, findings: &mut Vec<Finding>) {
        for (position, person) in self.people.iter().enumerate() {
            let Some(registration) = &person.registration else {
                continue;
            };
            if person.registration_fits_profession() {
                continue;
            }
            let expected = person.profession.register().map_or_else(
                || "no GMC, NMC or HCPC registration (name other registers by URI)".to_owned(),
                |system| format!("a {system} registration"),
            );
            findings.push(PERSON_REGISTRATION_MISMATCH.at(
                JsonPointer::entry(PEOPLE, position).key("registration"),
                format!(
                    "person \"{}\" ({}) is a {} but has registration {registration}; a {} has {expected}",
                    person.name, person.id, person.profession, person.profession
                ),
            ));
        }
    }

    fn appointment_periods(&self, findings: &mut Vec<Finding>) {
        for (position, appointment) in self.index.appointments().iter().enumerate() {
            let path = JsonPointer::entry(APPOINTMENTS, position);
            // A post or person that does not resolve is mcn-network's
            // `network.reference.dangling`; nothing more to check here.
            let Some(post_position) = self.index.post_position(appointment.post) else {
                continue;
            };
            let Some(post) = self.index.post(appointment.post) else {
                continue;
            };
            if !post.period.encloses(&appointment.period) {
                findings.push(
                    APPOINTMENT_OUTSIDE_POST_PERIOD
                        .at(
                            path.key("period"),
                            format!(
                                "appointment {} of {} to post \"{}\" ({}) runs {}, outside the post's period {}",
                                appointment.id,
                                self.person_label(appointment.person),
                                post.title,
                                post.id,
                                appointment.period,
                                post.period
                            ),
                        )
                        .with_related(JsonPointer::entry(POSTS, post_position).key("period")),
                );
            }
        }
    }

    /// Posts in document order, each id once (its first occurrence).
    fn distinct_posts(&self) -> impl Iterator<Item = (usize, &'a Post)> {
        self.index
            .posts()
            .iter()
            .enumerate()
            .filter(|(position, post)| self.index.post_position(post.id) == Some(*position))
    }

    fn overlaps(&self, findings: &mut Vec<Finding>) {
        for (_, post) in self.distinct_posts() {
            let spans: Vec<Span> = self
                .index
                .appointments_to(post.id)
                .map(|(position, appointment)| Span {
                    period: appointment.period,
                    index: position,
                    weight: 1,
                })
                .collect();
            let limit = post.holder_limit();
            for excess in excesses(&spans, u32::from(limit)) {
                let Some(appointment) = self.index.appointments().get(excess.index) else {
                    continue;
                };
                let holders = if limit == 1 {
                    "one holder".to_owned()
                } else {
                    format!("{limit} holders")
                };
                let mut finding = APPOINTMENT_OVERLAP.at(
                    JsonPointer::entry(APPOINTMENTS, excess.index).key("period"),
                    format!(
                        "appointment {} of {} to post \"{}\" ({}) starts on {} while {} other appointment(s) to the post are in force, but the post may have at most {holders} at once",
                        appointment.id,
                        self.person_label(appointment.person),
                        post.title,
                        post.id,
                        excess.on,
                        excess.other_count
                    ),
                );
                for other in excess.others {
                    finding = finding.with_related(JsonPointer::entry(APPOINTMENTS, other));
                }
                findings.push(finding);
            }
        }
    }

    fn wte_above_funded(&self, findings: &mut Vec<Finding>) {
        for (post_position, post) in self.distinct_posts() {
            let Some(funding) = &post.funding else {
                continue;
            };
            let spans: Vec<Span> = self
                .index
                .appointments_to(post.id)
                .filter_map(|(position, appointment)| {
                    appointment
                        .period
                        .intersection(&funding.period)
                        .map(|period| Span {
                            period,
                            index: position,
                            weight: u32::from(appointment.wte.hundredths()),
                        })
                })
                .collect();
            for excess in excesses(&spans, funding.wte.hundredths()) {
                let Some(appointment) = self.index.appointments().get(excess.index) else {
                    continue;
                };
                let total = mcn_core::WteTotal::from_hundredths(excess.total)
                    .map_or_else(|| format!("{} hundredths", excess.total), |t| t.to_string());
                let mut warning = APPOINTMENT_WTE_ABOVE_FUNDED
                    .at(
                        JsonPointer::entry(APPOINTMENTS, excess.index).key("wte"),
                        format!(
                            "from {} appointments to post \"{}\" ({}) add up to {total} WTE, above the {} WTE funded ({}): appointment {} of {} at {} WTE takes it over",
                            excess.on,
                            post.title,
                            post.id,
                            funding.wte,
                            funding.period,
                            appointment.id,
                            self.person_label(appointment.person),
                            appointment.wte
                        ),
                    )
                    .with_related(JsonPointer::entry(POSTS, post_position).key("funding"));
                for other in excess.others {
                    warning = warning.with_related(JsonPointer::entry(APPOINTMENTS, other));
                }
                findings.push(warning);
            }
        }
    }

    fn vacant_funded(&self, as_of: NaiveDate, findings: &mut Vec<Finding>) {
        for (position, post) in self.index.posts().iter().enumerate() {
            let Some(funded) = post.funded_wte_on(as_of) else {
                continue;
            };
            if self.index.is_vacant(post, as_of) {
                findings.push(POST_VACANT_FUNDED.at(
                    JsonPointer::entry(POSTS, position),
                    format!(
                        "post \"{}\" ({}) is funded for {funded} WTE on {as_of} but nobody holds it",
                        post.title, post.id
                    ),
                ));
            }
        }
    }

    fn over_allocated(&self, as_of: NaiveDate, findings: &mut Vec<Finding>) {
        for (position, person) in self.people.iter().enumerate() {
            let current: Vec<(usize, &Appointment)> = self
                .index
                .appointments_of(person.id)
                .filter(|(_, appointment)| appointment.is_current(as_of))
                .collect();
            let total = mcn_core::WteTotal::checked_sum(
                current.iter().map(|(_, appointment)| appointment.wte),
            );
            if total.is_some_and(|total| total.hundredths() <= 100) {
                continue;
            }
            // Too large to add up is above 1.00 too: said so, not saturated.
            let total = total.map_or_else(|| "more than 100000.00".to_owned(), |t| t.to_string());
            let mut finding = PERSON_OVER_ALLOCATED.at(
                JsonPointer::entry(PEOPLE, position),
                format!(
                    "person \"{}\" ({}) holds {} appointment(s) on {as_of} adding up to {total} WTE, above 1.00",
                    person.name,
                    person.id,
                    current.len()
                ),
            );
            for (appointment_position, _) in current {
                finding =
                    finding.with_related(JsonPointer::entry(APPOINTMENTS, appointment_position));
            }
            findings.push(finding);
        }
    }
}

fn in_post_above_funded(staffing: &[StaffingRecord], findings: &mut Vec<Finding>) {
    for (position, record) in staffing.iter().enumerate() {
        if record.in_post_wte > record.funded_wte {
            let service = record
                .service
                .map(|service| format!(", service {service}"))
                .unwrap_or_default();
            findings.push(STAFFING_IN_POST_ABOVE_FUNDED.at(
                JsonPointer::entry(STAFFING, position).key("in_post_wte"),
                format!(
                    "staffing record {} ({} staff of organisation {}{service} on {}) has {} WTE in post, above the {} WTE funded",
                    record.id,
                    record.profession,
                    record.organisation,
                    record.as_of,
                    record.in_post_wte,
                    record.funded_wte
                ),
            ));
        }
    }
}
