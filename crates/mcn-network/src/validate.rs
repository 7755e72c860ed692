//! `validate`: every domain crate's rules plus the rules that need more than
//! one domain's data, in one deterministic report.

use std::{cell::Cell, collections::HashSet, fmt::Write as _};

use mcn_core::{
    Finding, JsonPointer, NaiveDate, Report,
    id::{OrganisationId, PersonId},
};
use mcn_governance::{
    DecisionKind, DecisionOutcome, DecisionSubject, Funder, SeatHolder, SeatHolders,
    quorum::{MeetingQuorum, QuorumCheck},
};
use mcn_organisations::MembershipStatus;
use mcn_roles::RolesIndex;
use uuid::Uuid;

use crate::{Network, NetworkDocument, codes, index::entry_path, network::Referent};

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
    fn post_holders(&self, post: mcn_core::id::PostId, on: NaiveDate) -> Vec<PersonId> {
        self.0.holders(post, on)
    }

    fn post_role(&self, post: mcn_core::id::PostId) -> Option<mcn_core::PostRole> {
        self.0.post(post).map(|post| post.role)
    }
}

/// Where an entity's references are found.
#[derive(Clone, Copy)]
enum Base {
    /// The network profile, `/network`.
    Profile,
    /// Entry `index` of a top-level collection.
    Entry(&'static str, usize),
}

/// The references of one entity. Each check is a hash lookup; the path and the
/// owner's description are built only for a reference that does not resolve,
/// so a million registrations cost no allocations.
struct Refs<'x, 'n, 'r, F> {
    cross: &'x mut Cross<'n, 'r>,
    base: Base,
    owner: F,
}

impl<F: Fn() -> String> Refs<'_, '_, '_, F> {
    /// Checks the reference at `base/<name>`.
    fn field<K: Referent>(&mut self, name: &str, id: K) -> &mut Self {
        self.nested(|p| p.key(name), Some(id))
    }

    /// Checks the reference at `base/<name>`, if there is one.
    fn optional<K: Referent>(&mut self, name: &str, id: Option<K>) -> &mut Self {
        self.nested(|p| p.key(name), id)
    }

    /// Checks the reference at `path(base)`, if there is one.
    fn nested<K: Referent>(
        &mut self,
        path: impl FnOnce(JsonPointer) -> JsonPointer,
        id: Option<K>,
    ) -> &mut Self {
        if let Some(id) = id
            && !id.resolves(self.cross.network)
        {
            let base = match self.base {
                Base::Profile => JsonPointer::root().key("network"),
                Base::Entry(collection, index) => entry_path(collection, index),
            };
            self.cross
                .unresolved(id.uuid(), path(base), K::KIND, &(self.owner)());
        }
        self
    }
}

struct Cross<'n, 'r> {
    network: &'n Network<'n>,
    roles: &'r RolesIndex<'n>,
    as_of: NaiveDate,
    findings: Vec<Finding>,
}

impl<'n, 'r> Cross<'n, 'r> {
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

    /// The references of the entity at `/collection/index`, described by `owner`.
    fn entity<'x, F: Fn() -> String>(
        &'x mut self,
        collection: &'static str,
        index: usize,
        owner: F,
    ) -> Refs<'x, 'n, 'r, F> {
        Refs {
            cross: self,
            base: Base::Entry(collection, index),
            owner,
        }
    }

    /// Every reference field of the document, one line each.
    fn references(&mut self) {
        self.organisation_references();
        self.role_references();
        self.governance_references();
        self.training_references();
        self.standard_references();
    }

    /// References of the profile and the organisations' collections.
    fn organisation_references(&mut self) {
        let network = self.network;
        let d = network.document();
        Refs {
            cross: self,
            base: Base::Profile,
            owner: || "the network profile".to_owned(),
        }
        .optional("host_organisation", d.network.host_organisation)
        .optional("coordinator_post", d.network.coordinator_post);
        for (i, x) in d.localities.iter().enumerate() {
            self.entity("localities", i, || format!("locality \"{}\"", x.name))
                .optional("parent", x.parent);
        }
        for (i, x) in d.organisations.iter().enumerate() {
            let mut refs = self.entity("organisations", i, || {
                format!("organisation \"{}\"", x.name)
            });
            refs.optional("part_of", x.part_of).nested(
                |p| p.key("successor").key("organisation"),
                x.successor.as_ref().map(|s| s.organisation),
            );
            for (j, &id) in x.localities.iter().enumerate() {
                refs.nested(|p| p.key("localities").index(j), Some(id));
            }
        }
        for (i, x) in d.memberships.iter().enumerate() {
            self.entity("memberships", i, || format!("membership {}", x.id))
                .field("organisation", x.organisation)
                .optional("representative", x.representative);
        }
        for (i, x) in d.services.iter().enumerate() {
            let mut refs = self.entity("services", i, || format!("service {}", x.id));
            refs.field("provider", x.provider);
            for (j, &id) in x.localities.iter().enumerate() {
                refs.nested(|p| p.key("localities").index(j), Some(id));
            }
        }
        for (i, x) in d.systems.iter().enumerate() {
            self.entity("systems", i, || format!("system use \"{}\"", x.system))
                .field("organisation", x.organisation);
        }
    }

    /// References of people, posts, appointments and staffing.
    fn role_references(&mut self) {
        let network = self.network;
        let d = network.document();
        for (i, x) in d.people.iter().enumerate() {
            self.entity("people", i, || format!("person {}", x.id))
                .optional("employer", x.employer);
        }
        for (i, x) in d.posts.iter().enumerate() {
            self.entity("posts", i, || format!("post \"{}\"", x.title))
                .field("organisation", x.organisation)
                .optional("body", x.body)
                .nested(
                    |p| p.key("funding").key("stream"),
                    x.funding.as_ref().and_then(|f| f.stream),
                );
        }
        for (i, x) in d.appointments.iter().enumerate() {
            self.entity("appointments", i, || format!("appointment {}", x.id))
                .field("post", x.post)
                .field("person", x.person);
        }
        for (i, x) in d.staffing.iter().enumerate() {
            self.entity("staffing", i, || format!("staffing record {}", x.id))
                .field("organisation", x.organisation)
                .optional("service", x.service);
        }
    }

    /// References of the governance collections.
    fn governance_references(&mut self) {
        let network = self.network;
        let d = network.document();
        for (i, x) in d.bodies.iter().enumerate() {
            let mut refs = self.entity("bodies", i, || format!("body \"{}\"", x.name));
            refs.optional("reports_to", x.reports_to);
            for (j, terms) in x.terms_of_reference.iter().enumerate() {
                refs.nested(
                    |p| p.key("terms_of_reference").index(j).key("approved_by"),
                    terms.approved_by,
                );
            }
        }
        for (i, x) in d.seats.iter().enumerate() {
            let mut refs = self.entity("seats", i, || format!("seat {}", x.id));
            refs.field("body", x.body);
            match x.holder {
                SeatHolder::Post(id) => refs.nested(|p| p.key("holder").key("post"), Some(id)),
                SeatHolder::Organisation(id) => {
                    refs.nested(|p| p.key("holder").key("organisation"), Some(id))
                }
                _ => &mut refs,
            };
        }
        for (i, x) in d.meetings.iter().enumerate() {
            self.meeting_references(i, x);
        }
        for (i, x) in d.objectives.iter().enumerate() {
            self.entity("objectives", i, || format!("objective \"{}\"", x.title))
                .field("owner", x.owner);
        }
        for (i, x) in d.risks.iter().enumerate() {
            self.entity("risks", i, || format!("risk \"{}\"", x.title))
                .field("owner", x.owner);
        }
        for (i, x) in d.funding_streams.iter().enumerate() {
            let funder = match x.funder {
                Funder::Organisation(id) => Some(id),
                _ => None,
            };
            self.entity("funding_streams", i, || format!("funding stream {}", x.id))
                .nested(|p| p.key("funder").key("organisation"), funder);
        }
    }

    /// References of the training collections.
    fn training_references(&mut self) {
        let network = self.network;
        let d = network.document();
        for (i, x) in d.courses.iter().enumerate() {
            self.entity("courses", i, || format!("course \"{}\"", x.title))
                .field("provider", x.provider);
        }
        for (i, x) in d.events.iter().enumerate() {
            self.entity("events", i, || format!("event \"{}\"", x.title))
                .field("host", x.host)
                .optional("course", x.course)
                .optional("locality", x.locality);
        }
        for (i, x) in d.registrations.iter().enumerate() {
            self.entity("registrations", i, || format!("registration {}", x.id))
                .field("event", x.event)
                .field("person", x.person)
                .field("organisation", x.organisation);
        }
    }

    /// References of standards, adoptions and audit results.
    fn standard_references(&mut self) {
        let network = self.network;
        let d = network.document();
        for (i, x) in d.standards.iter().enumerate() {
            self.entity("standards", i, || format!("standard {}", x.code))
                .optional("supersedes", x.supersedes)
                .optional("endorsed_by", x.endorsed_by);
        }
        for (i, x) in d.adoptions.iter().enumerate() {
            self.entity("adoptions", i, || format!("adoption {}", x.id))
                .field("organisation", x.organisation)
                .field("standard", x.standard);
        }
        for (i, x) in d.audit_results.iter().enumerate() {
            self.entity("audit_results", i, || format!("audit result {}", x.id))
                .field("measure", x.measure)
                .field("organisation", x.organisation);
        }
    }

    fn meeting_references(&mut self, i: usize, meeting: &mcn_governance::Meeting) {
        let mut refs = self.entity("meetings", i, || {
            format!("meeting {} on {}", meeting.id, meeting.date)
        });
        refs.field("body", meeting.body)
            .optional("minutes_approved_at", meeting.minutes_approved_at);
        for (j, entry) in meeting.attendance.iter().enumerate() {
            refs.nested(
                |p| p.key("attendance").index(j).key("person"),
                Some(entry.person),
            )
            .nested(
                |p| p.key("attendance").index(j).key("on_behalf_of"),
                entry.on_behalf_of,
            );
        }
        for (j, item) in meeting.agenda.iter().enumerate() {
            refs.nested(
                |p| p.key("agenda").index(j).key("presenter"),
                item.presenter,
            );
        }
        for (j, decision) in meeting.decisions.iter().enumerate() {
            let subject =
                |p: JsonPointer, kind: &str| p.key("decisions").index(j).key("subject").key(kind);
            match decision.subject {
                // Endorse-standard decisions get their own, more specific finding.
                Some(DecisionSubject::Standard(id))
                    if decision.kind != DecisionKind::EndorseStandard =>
                {
                    refs.nested(|p| subject(p, "standard"), Some(id))
                }
                Some(DecisionSubject::Body(id)) => refs.nested(|p| subject(p, "body"), Some(id)),
                Some(DecisionSubject::Objective(id)) => {
                    refs.nested(|p| subject(p, "objective"), Some(id))
                }
                Some(DecisionSubject::FundingStream(id)) => {
                    refs.nested(|p| subject(p, "funding_stream"), Some(id))
                }
                _ => &mut refs,
            };
        }
        for (j, action) in meeting.actions.iter().enumerate() {
            refs.nested(
                |p| p.key("actions").index(j).key("owner"),
                Some(action.owner),
            );
        }
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
