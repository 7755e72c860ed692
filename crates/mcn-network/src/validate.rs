//! `validate`: every domain crate's rules plus the rules that need more than
//! one domain's data, in one deterministic report.

use std::{cell::Cell, collections::HashSet, fmt::Write as _};

use mcn_core::{
    Finding, JsonPointer, NaiveDate, Report,
    id::{OrganisationId, PersonId},
};
use mcn_governance::{
    DecisionKind, DecisionOutcome, DecisionSubject, SeatHolder, SeatHolders,
    quorum::{MeetingQuorum, QuorumCheck},
};
use mcn_organisations::MembershipStatus;
use mcn_roles::RolesIndex;
use uuid::Uuid;

use crate::{
    Network, NetworkDocument, codes,
    collection::Collection,
    index::entry_path,
    references::{HasReferences, Reference},
};

/// Checks `document` as of `as_of`: every domain crate's rules and the
/// cross-entity rules, sorted by path then code.
///
/// Never fails and never panics: every problem is a finding. The document is
/// borrowed, not copied; a caller that also evaluates the network builds one
/// [`Network`] and calls [`Network::validate`] on it, so the indexes are built
/// once.
pub fn validate(document: &NetworkDocument, as_of: NaiveDate) -> Report {
    Network::borrowed(document).validate(as_of)
}

thread_local! {
    /// How many times this thread has run the rules.
    static RULE_RUNS: Cell<u64> = const { Cell::new(0) };
}

/// How many times the current thread has run the rule set
/// ([`Network::validate`] or [`validate`]): a way for tests and profilers to
/// check that a pipeline validates once (e.g. validate, then evaluate with
/// those findings). Per thread, so tests running in parallel do not disturb
/// each other.
#[must_use]
pub fn rule_runs_on_this_thread() -> u64 {
    RULE_RUNS.with(Cell::get)
}

/// One independent set of rules: a domain crate's, or the cross-entity rules.
/// Each reads the network (and the roles index, built once and shared) and
/// returns its own findings; none depends on another's.
type RuleSet = fn(&Network<'_>, &RolesIndex<'_>, NaiveDate) -> Vec<Finding>;

/// Every rule set, in the order their findings are merged (the same order
/// whether they run one after another or side by side).
const RULE_SETS: [RuleSet; 6] = [
    |network, _, as_of| {
        mcn_organisations::validate(&network.document().organisations_data(), as_of)
    },
    |network, roles, as_of| {
        let d = network.document();
        mcn_roles::validate_indexed(roles, &d.people, &d.staffing, as_of)
    },
    |network, _, as_of| mcn_governance::validate(&network.document().governance_data(), as_of),
    |network, _, as_of| mcn_training::validate(&network.document().training_data(), as_of),
    |network, _, as_of| mcn_standards::validate(&network.document().standards_data(), as_of),
    cross_entity_rules,
];

/// Documents with fewer entities than this are checked on the calling thread
/// only: starting a thread costs tens of microseconds, as much as all the
/// rules of a document this small.
const PARALLEL_FROM_ENTITIES: usize = 10_000;

/// How the rule sets are run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Threads {
    /// One after another on the calling thread.
    One,
    /// Each domain's on a scoped thread of its own, the cross-entity rules on
    /// the calling thread.
    Several,
}

/// The number of top-level entities of `d`: the size that decides whether the
/// rules are worth spreading over threads.
fn entity_count(d: &NetworkDocument) -> usize {
    [
        d.localities.len(),
        d.organisations.len(),
        d.memberships.len(),
        d.services.len(),
        d.systems.len(),
        d.people.len(),
        d.posts.len(),
        d.appointments.len(),
        d.staffing.len(),
        d.bodies.len(),
        d.seats.len(),
        d.meetings.len(),
        d.objectives.len(),
        d.risks.len(),
        d.funding_streams.len(),
        d.communications.len(),
        d.courses.len(),
        d.events.len(),
        d.registrations.len(),
        d.training_requirements.len(),
        d.standards.len(),
        d.adoptions.len(),
        d.audit_results.len(),
    ]
    .iter()
    .fold(0, |sum, n| sum.saturating_add(*n))
}

/// The cross-entity rules (the ones that need more than one domain's data).
fn cross_entity_rules(
    network: &Network<'_>,
    roles: &RolesIndex<'_>,
    as_of: NaiveDate,
) -> Vec<Finding> {
    let mut cross = Cross {
        network,
        roles,
        as_of,
        findings: Vec::new(),
    };
    cross.duplicate_ids();
    cross.references();
    cross.membership_ties();
    cross.attendance_ties();
    cross.endorsements();
    cross.coordinator();
    cross.quorum();
    cross.findings
}

impl Network<'_> {
    /// [`validate`] on an indexed network.
    ///
    /// The five domain crates' rule sets and the cross-entity rules are
    /// independent: on a document of 10,000 entities or more they run side by
    /// side on scoped threads (the domain rule sets read only the document,
    /// so the network's indexes are built on the calling thread meanwhile,
    /// for the cross-entity rules), and their findings are merged in a fixed
    /// order and sorted, so the report is the same as one thread's.
    /// This counts as one run of the rules on the calling thread
    /// ([`rule_runs_on_this_thread`]).
    #[must_use]
    pub fn validate(&self, as_of: NaiveDate) -> Report {
        let threads = if entity_count(self.document()) >= PARALLEL_FROM_ENTITIES {
            Threads::Several
        } else {
            Threads::One
        };
        self.validate_on(as_of, threads)
    }

    /// [`Network::validate`], with the threading chosen.
    pub(crate) fn validate_on(&self, as_of: NaiveDate, threads: Threads) -> Report {
        RULE_RUNS.with(|runs| runs.set(runs.get().saturating_add(1)));
        let roles = self.roles();
        let findings: Vec<Vec<Finding>> = if threads == Threads::Several {
            let (domains, cross) = RULE_SETS.split_at(RULE_SETS.len() - 1);
            std::thread::scope(|scope| {
                let roles = &roles;
                let handles: Vec<_> = domains
                    .iter()
                    .map(|rules| {
                        scope.spawn(move || mcn_core::steps::counted(|| rules(self, roles, as_of)))
                    })
                    .collect();
                let cross: Vec<Vec<Finding>> = cross
                    .iter()
                    .map(|rules| rules(self, roles, as_of))
                    .collect();
                handles
                    .into_iter()
                    .map(|handle| {
                        let (findings, steps) = handle
                            .join()
                            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                        // The domain threads' work counts as this thread's.
                        mcn_core::steps::add(steps);
                        findings
                    })
                    .chain(cross)
                    .collect()
            })
        } else {
            RULE_SETS
                .iter()
                .map(|rules| rules(self, &roles, as_of))
                .collect()
        };
        let mut report: Report = findings.into_iter().flatten().collect();
        report.sort();
        report
    }

    /// The quorum check of every held meeting, with real seat holders from the
    /// roles data (see `mcn_governance::quorum` for how it is counted).
    #[must_use]
    pub fn quorum_checks(&self) -> Vec<MeetingQuorum> {
        let roles = self.roles();
        let d = self.document();
        mcn_governance::assess_meetings(&d.bodies, &d.seats, &d.meetings, &Holders(&roles))
    }
}

/// Seat holders from real appointments.
pub(crate) struct Holders<'a, 'r>(pub(crate) &'r RolesIndex<'a>);

impl SeatHolders for Holders<'_, '_> {
    fn holdings(&self) -> Vec<mcn_governance::quorum::Holding> {
        self.0
            .appointments()
            .iter()
            .map(|appointment| mcn_governance::quorum::Holding {
                post: appointment.post,
                person: appointment.person,
                period: appointment.period,
            })
            .collect()
    }

    fn post_holders(&self, post: mcn_core::id::PostId, on: NaiveDate) -> Vec<PersonId> {
        self.0.holders(post, on)
    }

    fn post_role(&self, post: mcn_core::id::PostId) -> Option<mcn_core::PostRole> {
        self.0.post(post).map(|post| post.role)
    }
}

struct Cross<'n, 'r> {
    network: &'n Network<'n>,
    roles: &'r RolesIndex<'n>,
    as_of: NaiveDate,
    findings: Vec<Finding>,
}

impl Cross<'_, '_> {
    fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    fn duplicate_ids(&mut self) {
        for (kind, repeat, first) in self.network.duplicate_ids() {
            let message = format!("this {kind} has the same id as the {kind} at {first}");
            self.push(
                codes::DUPLICATE_ID
                    .at(repeat.key("id"), message)
                    .with_related(first),
            );
        }
    }

    /// Reports a reference that does not resolve: dangling, or the id of
    /// another kind of entity.
    fn unresolved(&mut self, uuid: Uuid, at: JsonPointer, expected: &str, owner: &str) {
        let finding = match self.network.locate(uuid) {
            Some((kind, path)) => codes::WRONG_KIND
                .at(at, format!("{owner} refers to {expected} {uuid}, but that id belongs to the {kind} at {path}"))
                .with_related(path),
            None => codes::DANGLING_REFERENCE
                .at(at, format!("{owner} refers to {expected} {uuid}, which is not in the document")),
        };
        self.push(finding);
    }

    /// Every reference of the document ([`crate::references`]): each check
    /// is a hash lookup; the path and the owner's description are built only
    /// for a reference that does not resolve, so a million registrations cost
    /// no allocations.
    fn references(&mut self) {
        let network = self.network;
        let d = network.document();
        let profile = JsonPointer::root().key("network");
        d.network.references(&mut |r| {
            self.check(r, || profile.clone(), || "the network profile".to_owned());
        });
        for &collection in Collection::ALL {
            collection.for_each(d, &mut |i, entity| {
                entity.references(&mut |r| {
                    self.check(
                        r,
                        || entry_path(collection.name(), i),
                        || owner(d, collection, i),
                    );
                });
            });
        }
    }

    /// Checks one reference held by the entity at `base()`, described by `owner()`.
    fn check(
        &mut self,
        reference: Reference,
        base: impl FnOnce() -> JsonPointer,
        owner: impl FnOnce() -> String,
    ) {
        // Endorse-standard decisions get their own, more specific finding.
        if reference.endorsement || self.network.resolves(reference.kind, reference.id) {
            return;
        }
        self.unresolved(
            reference.id,
            reference.path.under(base()),
            reference.kind.name(),
            &owner(),
        );
    }

    /// Organisations whose membership is active on `on`.
    fn active_on(&self, organisation: OrganisationId, on: NaiveDate) -> bool {
        self.network
            .memberships_of(organisation)
            .any(|m| m.is_active(on))
    }

    fn withdrawn_on(&self, organisation: OrganisationId, on: NaiveDate) -> bool {
        let mut statuses = self
            .network
            .memberships_of(organisation)
            .filter_map(|m| m.status_as_of(on))
            .peekable();
        statuses.peek().is_some() && statuses.all(|status| status == MembershipStatus::Withdrawn)
    }

    fn membership_ties(&mut self) {
        let d = self.network.document();
        for (i, appointment) in d.appointments.iter().enumerate() {
            let Some(post) = self.roles.post(appointment.post) else {
                continue;
            };
            // The appointment's first day, and today if it is still in force.
            let days = [
                Some(appointment.period.start()),
                appointment
                    .period
                    .contains(self.as_of)
                    .then_some(self.as_of),
            ];
            if let Some(day) = days
                .into_iter()
                .flatten()
                .find(|&day| self.withdrawn_on(post.organisation, day))
            {
                let host = self.network.organisation(post.organisation).map_or_else(
                    || post.organisation.to_string(),
                    |o| format!("\"{}\"", o.name),
                );
                self.push(codes::HOST_WITHDRAWN.at(
                    entry_path("appointments", i).key("period"),
                    format!("appointment {} to post \"{}\" is in force on {day}, when its host organisation {host} had withdrawn from the network", appointment.id, post.title),
                ));
            }
        }
        for (i, seat) in d.seats.iter().enumerate() {
            let SeatHolder::Organisation(organisation) = seat.holder else {
                continue;
            };
            if !seat.period.contains(self.as_of)
                || self.network.organisation(organisation).is_none()
            {
                continue;
            }
            if !self.active_on(organisation, self.as_of) {
                let name = self
                    .network
                    .organisation(organisation)
                    .map(|o| o.name.to_string())
                    .unwrap_or_default();
                let body = self
                    .network
                    .body(seat.body)
                    .map(|b| b.name.to_string())
                    .unwrap_or_default();
                self.push(codes::SEAT_NOT_MEMBER.at(
                    entry_path("seats", i).key("holder").key("organisation"),
                    format!("seat {} on \"{body}\" is held by \"{name}\", which is not an active member on {}", seat.id, self.as_of),
                ));
            }
        }
    }

    fn attendance_ties(&mut self) {
        let d = self.network.document();
        let representatives: HashSet<(OrganisationId, PersonId)> = d
            .memberships
            .iter()
            .filter_map(|m| {
                Some((
                    self.network.top_organisation(m.organisation),
                    m.representative?,
                ))
            })
            .collect();
        for (i, meeting) in d.meetings.iter().enumerate() {
            for (j, entry) in meeting.attendance.iter().enumerate() {
                let Some(organisation) = entry.on_behalf_of else {
                    continue;
                };
                let Some(person) = self.network.person(entry.person) else {
                    continue;
                };
                if self.network.organisation(organisation).is_none() {
                    continue;
                }
                // Ties count across an organisation's hierarchy: a nurse employed
                // by a team that is part of a trust may speak for the trust.
                let group = self.network.top_organisation(organisation);
                let employed = person
                    .employer
                    .is_some_and(|e| self.network.top_organisation(e) == group);
                let hosts_post = || {
                    self.roles
                        .current_posts(entry.person, meeting.date)
                        .iter()
                        .any(|post| self.network.top_organisation(post.organisation) == group)
                };
                if employed || representatives.contains(&(group, entry.person)) || hosts_post() {
                    continue;
                }
                let name = self
                    .network
                    .organisation(organisation)
                    .map(|o| o.name.to_string())
                    .unwrap_or_default();
                self.push(codes::ATTENDEE_NOT_AFFILIATED.at(
                    entry_path("meetings", i).key("attendance").index(j).key("on_behalf_of"),
                    format!(
                        "\"{}\" attended meeting {} on {} on behalf of \"{name}\", which (with the organisations it is part of or contains) neither employs them, hosts a post they hold, nor names them its representative",
                        person.name, meeting.id, meeting.date
                    ),
                ));
            }
        }
    }

    fn endorsements(&mut self) {
        let d = self.network.document();
        for (i, meeting) in d.meetings.iter().enumerate() {
            for (j, decision) in meeting.decisions.iter().enumerate() {
                if decision.kind != DecisionKind::EndorseStandard {
                    continue;
                }
                let at = entry_path("meetings", i).key("decisions").index(j);
                match decision.subject {
                    Some(DecisionSubject::Standard(id)) if self.network.standard(id).is_some() => {}
                    Some(DecisionSubject::Standard(id)) => self.push(codes::ENDORSED_STANDARD_MISSING.at(
                        at.key("subject").key("standard"),
                        format!("decision {} endorses standard {id}, which is not in the document", decision.id),
                    )),
                    _ => self.push(codes::ENDORSED_STANDARD_MISSING.at(
                        at,
                        format!("decision {} is to endorse a standard but names no standard as its subject", decision.id),
                    )),
                }
            }
        }
        for (i, standard) in d.standards.iter().enumerate() {
            let Some(decision_id) = standard.endorsed_by else {
                continue;
            };
            let Some((_, decision)) = self.network.decision(decision_id) else {
                continue;
            };
            let endorses_this = decision.kind == DecisionKind::EndorseStandard
                && decision.subject == Some(DecisionSubject::Standard(standard.id))
                && decision.outcome == DecisionOutcome::Carried;
            if !endorses_this {
                let mut finding = codes::ENDORSEMENT_MISMATCH.at(
                    entry_path("standards", i).key("endorsed_by"),
                    format!(
                        "standard {} names decision {decision_id} as its endorsement, but that decision is not a carried decision to endorse this standard",
                        standard.code
                    ),
                );
                if let Some(path) = self.network.decision_path(decision_id) {
                    finding = finding.with_related(path);
                }
                self.push(finding);
            }
        }
    }

    fn coordinator(&mut self) {
        let profile = JsonPointer::root().key("network");
        let Some(post_id) = self.network.document().network.coordinator_post else {
            self.push(
                codes::COORDINATOR_MISSING
                    .at(profile, "the network profile names no co-ordinator post"),
            );
            return;
        };
        let Some(post) = self.roles.post(post_id) else {
            return;
        };
        let at = self
            .network
            .post_path(post_id)
            .unwrap_or_else(|| profile.clone().key("coordinator_post"));
        if self.roles.is_vacant(post, self.as_of) {
            self.push(
                codes::COORDINATOR_VACANT
                    .at(
                        at.clone(),
                        format!(
                            "the co-ordinator post \"{}\" has no holder on {}",
                            post.title, self.as_of
                        ),
                    )
                    .with_related(profile.clone().key("coordinator_post")),
            );
        }
        if !post.is_funded_on(self.as_of) {
            self.push(
                codes::COORDINATOR_UNFUNDED
                    .at(
                        at,
                        format!(
                            "the co-ordinator post \"{}\" has no funding in force on {}",
                            post.title, self.as_of
                        ),
                    )
                    .with_related(profile.key("coordinator_post")),
            );
        }
    }

    fn quorum(&mut self) {
        let d = self.network.document();
        let checks =
            mcn_governance::assess_meetings(&d.bodies, &d.seats, &d.meetings, &Holders(self.roles));
        for check in checks {
            let QuorumCheck::Assessed(assessment) = &check.check else {
                continue;
            };
            if assessment.quorate {
                continue;
            }
            let Some(meeting) = d.meetings.get(check.meeting) else {
                continue;
            };
            let body = self
                .network
                .body(meeting.body)
                .map(|b| b.name.to_string())
                .unwrap_or_default();
            let mut why = format!(
                "{} of {} voting members present, {} required",
                assessment.members_present, assessment.voting_seats, assessment.required
            );
            if !assessment.missing_roles.is_empty() {
                let missing: Vec<String> = assessment
                    .missing_roles
                    .iter()
                    .map(|r| {
                        r.roles()
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(" or ")
                    })
                    .collect();
                let _ = write!(why, "; missing {}", missing.join(", "));
            }
            self.push(codes::MEETING_INQUORATE.at(
                entry_path("meetings", check.meeting),
                format!(
                    "meeting of \"{body}\" on {} was inquorate: {why}",
                    meeting.date
                ),
            ));
        }
    }
}

/// How the reference-checking findings name the entity at `/collection/index`
/// (`post "Lead nurse"`, `membership <id>`).
fn owner(d: &NetworkDocument, collection: Collection, i: usize) -> String {
    fn named<T>(items: &[T], i: usize, describe: impl FnOnce(&T) -> String) -> String {
        items.get(i).map(describe).unwrap_or_default()
    }
    match collection {
        Collection::Localities => named(&d.localities, i, |x| format!("locality \"{}\"", x.name)),
        Collection::Organisations => named(&d.organisations, i, |x| {
            format!("organisation \"{}\"", x.name)
        }),
        Collection::Memberships => named(&d.memberships, i, |x| format!("membership {}", x.id)),
        Collection::Services => named(&d.services, i, |x| format!("service {}", x.id)),
        Collection::Systems => named(&d.systems, i, |x| format!("system use \"{}\"", x.system)),
        Collection::People => named(&d.people, i, |x| format!("person {}", x.id)),
        Collection::Posts => named(&d.posts, i, |x| format!("post \"{}\"", x.title)),
        Collection::Appointments => named(&d.appointments, i, |x| format!("appointment {}", x.id)),
        Collection::Staffing => named(&d.staffing, i, |x| format!("staffing record {}", x.id)),
        Collection::Bodies => named(&d.bodies, i, |x| format!("body \"{}\"", x.name)),
        Collection::Seats => named(&d.seats, i, |x| format!("seat {}", x.id)),
        Collection::Meetings => named(&d.meetings, i, |x| {
            format!("meeting {} on {}", x.id, x.date)
        }),
        Collection::Objectives => named(&d.objectives, i, |x| format!("objective \"{}\"", x.title)),
        Collection::Risks => named(&d.risks, i, |x| format!("risk \"{}\"", x.title)),
        Collection::FundingStreams => named(&d.funding_streams, i, |x| {
            format!("funding stream {}", x.id)
        }),
        Collection::Communications => {
            named(&d.communications, i, |x| format!("communication {}", x.id))
        }
        Collection::Courses => named(&d.courses, i, |x| format!("course \"{}\"", x.title)),
        Collection::Events => named(&d.events, i, |x| format!("event \"{}\"", x.title)),
        Collection::Registrations => {
            named(&d.registrations, i, |x| format!("registration {}", x.id))
        }
        Collection::TrainingRequirements => named(&d.training_requirements, i, |x| {
            format!("training requirement {}", x.id)
        }),
        Collection::Standards => named(&d.standards, i, |x| format!("standard {}", x.code)),
        Collection::Adoptions => named(&d.adoptions, i, |x| format!("adoption {}", x.id)),
        Collection::AuditResults => {
            named(&d.audit_results, i, |x| format!("audit result {}", x.id))
        }
    }
}

#[cfg(all(test, feature = "proptest"))]
mod tests {
    use mcn_core::NaiveDate;
    use proptest::prelude::*;

    use super::{Threads, rule_runs_on_this_thread};
    use crate::{Network, strategy::wired_document};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// The rule sets run side by side give exactly the report they give
        /// one after another (the same findings in the same order), and count
        /// the same steps on the calling thread.
        #[test]
        fn threads_do_not_change_the_report(
            document in wired_document(),
            day in 0_u64..3_000,
        ) {
            let as_of = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(day);
            // A network each, so that both build the indexes.
            let (one, one_steps) = mcn_core::steps::counted(|| {
                Network::borrowed(&document).validate_on(as_of, Threads::One)
            });
            let (several, several_steps) = mcn_core::steps::counted(|| {
                Network::borrowed(&document).validate_on(as_of, Threads::Several)
            });
            prop_assert_eq!(one.findings(), several.findings());
            // The domain threads' steps are brought back to the calling thread.
            prop_assert_eq!(one_steps, several_steps);
        }
    }

    /// Run on several threads, the rules still count as one run on the
    /// calling thread.
    #[test]
    fn several_threads_count_one_run_on_the_calling_thread() {
        let document = crate::NetworkDocument::new(crate::NetworkProfile::new(
            mcn_core::id::NetworkId::generate(),
            mcn_core::Text::new("A network").unwrap(),
        ));
        let network = Network::borrowed(&document);
        let before = rule_runs_on_this_thread();
        let _ = network.validate_on(
            NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
            Threads::Several,
        );
        assert_eq!(rule_runs_on_this_thread(), before + 1);
    }
}
