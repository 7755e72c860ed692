//! `validate`: every domain crate's rules plus the rules that need more than
//! one domain's data, in one deterministic report.

use std::{collections::HashSet, fmt::Write as _};

use mcn_core::{
    Finding, JsonPointer, NaiveDate, Report,
    id::{OrganisationId, PersonId},
};
use mcn_governance::{
    DecisionKind, DecisionOutcome, DecisionSubject, Funder, GovernanceData, SeatHolder,
    SeatHolders,
    quorum::{MeetingQuorum, QuorumCheck},
};
use mcn_organisations::{MembershipStatus, OrganisationsData};
use mcn_roles::RolesIndex;
use mcn_standards::StandardsData;
use mcn_training::TrainingData;
use uuid::Uuid;

use crate::{Network, NetworkDocument, codes, index::entry_path};

/// Checks `document` as of `as_of`: every domain crate's rules and the
/// cross-entity rules, sorted by path then code.
///
/// Never fails and never panics: every problem is a finding.
pub fn validate(document: &NetworkDocument, as_of: NaiveDate) -> Report {
    let network = Network::new(document.clone());
    network.validate(as_of)
}

impl Network {
    /// [`validate`] on an indexed network (no copy of the document).
    #[must_use]
    pub fn validate(&self, as_of: NaiveDate) -> Report {
        let d = self.document();
        let mut findings = mcn_organisations::validate(
            &OrganisationsData {
                localities: &d.localities,
                organisations: &d.organisations,
                memberships: &d.memberships,
                services: &d.services,
                systems: &d.systems,
            },
            as_of,
        );
        let roles = self.roles();
        findings.extend(mcn_roles::validate_indexed(
            &roles,
            &d.people,
            &d.staffing,
            as_of,
        ));
        findings.extend(mcn_governance::validate(
            &GovernanceData {
                bodies: &d.bodies,
                seats: &d.seats,
                meetings: &d.meetings,
                objectives: &d.objectives,
                risks: &d.risks,
                funding_streams: &d.funding_streams,
                communications: &d.communications,
            },
            as_of,
        ));
        findings.extend(mcn_training::validate(
            &TrainingData {
                courses: &d.courses,
                events: &d.events,
                registrations: &d.registrations,
                training_requirements: &d.training_requirements,
            },
            as_of,
        ));
        findings.extend(mcn_standards::validate(
            &StandardsData {
                standards: &d.standards,
                adoptions: &d.adoptions,
                audit_results: &d.audit_results,
            },
            as_of,
        ));
        let mut cross = Cross {
            network: self,
            roles: &roles,
            as_of,
            findings,
        };
        cross.duplicate_ids();
        cross.references();
        cross.membership_ties();
        cross.attendance_ties();
        cross.endorsements();
        cross.coordinator();
        cross.quorum();
        let mut report: Report = cross.findings.into_iter().collect();
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

struct Cross<'n, 'r> {
    network: &'n Network,
    roles: &'r RolesIndex<'n>,
    as_of: NaiveDate,
    findings: Vec<Finding>,
}

/// Checks one reference: `$exists` looks the id up; `$kind` is what it should be.
macro_rules! reference {
    ($cross:expr, $lookup:ident, $id:expr, $at:expr, $kind:literal, $owner:expr) => {{
        let id = $id;
        let found = $cross.network.$lookup(id).is_some();
        $cross.reference(found, id.as_uuid(), $at, $kind, &$owner);
    }};
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

    fn reference(&mut self, found: bool, uuid: Uuid, at: JsonPointer, expected: &str, owner: &str) {
        if found {
            return;
        }
        let finding = match self.network.locate(uuid) {
            Some((kind, path)) => codes::WRONG_KIND
                .at(at, format!("{owner} refers to {expected} {uuid}, but that id belongs to the {kind} at {path}"))
                .with_related(path),
            None => codes::DANGLING_REFERENCE
                .at(at, format!("{owner} refers to {expected} {uuid}, which is not in the document")),
        };
        self.push(finding);
    }

    #[allow(clippy::too_many_lines)] // one line per reference field: a table, not logic
    fn references(&mut self) {
        let d = self.network.document();
        let profile = JsonPointer::root().key("network");
        if let Some(id) = d.network.host_organisation {
            reference!(
                self,
                organisation,
                id,
                profile.clone().key("host_organisation"),
                "organisation",
                "the network profile"
            );
        }
        if let Some(id) = d.network.coordinator_post {
            reference!(
                self,
                post,
                id,
                profile.key("coordinator_post"),
                "post",
                "the network profile"
            );
        }
        for (i, locality) in d.localities.iter().enumerate() {
            let at = entry_path("localities", i);
            let owner = format!("locality \"{}\"", locality.name);
            if let Some(id) = locality.parent {
                reference!(self, locality, id, at.key("parent"), "locality", owner);
            }
        }
        for (i, organisation) in d.organisations.iter().enumerate() {
            let at = entry_path("organisations", i);
            let owner = format!("organisation \"{}\"", organisation.name);
            if let Some(id) = organisation.part_of {
                reference!(
                    self,
                    organisation,
                    id,
                    at.clone().key("part_of"),
                    "organisation",
                    owner
                );
            }
            if let Some(succession) = &organisation.successor {
                let path = at.clone().key("successor").key("organisation");
                reference!(
                    self,
                    organisation,
                    succession.organisation,
                    path,
                    "organisation",
                    owner
                );
            }
            for (j, &id) in organisation.localities.iter().enumerate() {
                reference!(
                    self,
                    locality,
                    id,
                    at.clone().key("localities").index(j),
                    "locality",
                    owner
                );
            }
        }
        for (i, membership) in d.memberships.iter().enumerate() {
            let at = entry_path("memberships", i);
            let owner = format!("membership {}", membership.id);
            reference!(
                self,
                organisation,
                membership.organisation,
                at.clone().key("organisation"),
                "organisation",
                owner
            );
            if let Some(id) = membership.representative {
                reference!(self, person, id, at.key("representative"), "person", owner);
            }
        }
        for (i, service) in d.services.iter().enumerate() {
            let at = entry_path("services", i);
            let owner = format!("service {}", service.id);
            reference!(
                self,
                organisation,
                service.provider,
                at.clone().key("provider"),
                "organisation",
                owner
            );
            for (j, &id) in service.localities.iter().enumerate() {
                reference!(
                    self,
                    locality,
                    id,
                    at.clone().key("localities").index(j),
                    "locality",
                    owner
                );
            }
        }
        for (i, system) in d.systems.iter().enumerate() {
            let owner = format!("system use \"{}\"", system.system);
            reference!(
                self,
                organisation,
                system.organisation,
                entry_path("systems", i).key("organisation"),
                "organisation",
                owner
            );
        }
        for (i, person) in d.people.iter().enumerate() {
            if let Some(id) = person.employer {
                let owner = format!("person {}", person.id);
                reference!(
                    self,
                    organisation,
                    id,
                    entry_path("people", i).key("employer"),
                    "organisation",
                    owner
                );
            }
        }
        for (i, post) in d.posts.iter().enumerate() {
            let at = entry_path("posts", i);
            let owner = format!("post \"{}\"", post.title);
            reference!(
                self,
                organisation,
                post.organisation,
                at.clone().key("organisation"),
                "organisation",
                owner
            );
            if let Some(id) = post.body {
                reference!(self, body, id, at.clone().key("body"), "body", owner);
            }
            if let Some(id) = post.funding.as_ref().and_then(|funding| funding.stream) {
                reference!(
                    self,
                    funding_stream,
                    id,
                    at.key("funding").key("stream"),
                    "funding stream",
                    owner
                );
            }
        }
        for (i, appointment) in d.appointments.iter().enumerate() {
            let at = entry_path("appointments", i);
            let owner = format!("appointment {}", appointment.id);
            reference!(
                self,
                post,
                appointment.post,
                at.clone().key("post"),
                "post",
                owner
            );
            reference!(
                self,
                person,
                appointment.person,
                at.key("person"),
                "person",
                owner
            );
        }
        for (i, record) in d.staffing.iter().enumerate() {
            let at = entry_path("staffing", i);
            let owner = format!("staffing record {}", record.id);
            reference!(
                self,
                organisation,
                record.organisation,
                at.clone().key("organisation"),
                "organisation",
                owner
            );
            if let Some(id) = record.service {
                reference!(self, service, id, at.key("service"), "service", owner);
            }
        }
        for (i, body) in d.bodies.iter().enumerate() {
            let at = entry_path("bodies", i);
            let owner = format!("body \"{}\"", body.name);
            if let Some(id) = body.reports_to {
                reference!(self, body, id, at.clone().key("reports_to"), "body", owner);
            }
            for (j, terms) in body.terms_of_reference.iter().enumerate() {
                if let Some(id) = terms.approved_by {
                    let path = at
                        .clone()
                        .key("terms_of_reference")
                        .index(j)
                        .key("approved_by");
                    reference!(self, decision, id, path, "decision", owner);
                }
            }
        }
        for (i, seat) in d.seats.iter().enumerate() {
            let at = entry_path("seats", i);
            let owner = format!("seat {}", seat.id);
            reference!(self, body, seat.body, at.clone().key("body"), "body", owner);
            match seat.holder {
                SeatHolder::Post(id) => {
                    reference!(self, post, id, at.key("holder").key("post"), "post", owner);
                }
                SeatHolder::Organisation(id) => {
                    reference!(
                        self,
                        organisation,
                        id,
                        at.key("holder").key("organisation"),
                        "organisation",
                        owner
                    );
                }
                _ => {}
            }
        }
        for (i, meeting) in d.meetings.iter().enumerate() {
            self.meeting_references(i, meeting);
        }
        for (i, objective) in d.objectives.iter().enumerate() {
            let owner = format!("objective \"{}\"", objective.title);
            reference!(
                self,
                person,
                objective.owner,
                entry_path("objectives", i).key("owner"),
                "person",
                owner
            );
        }
        for (i, risk) in d.risks.iter().enumerate() {
            let owner = format!("risk \"{}\"", risk.title);
            reference!(
                self,
                person,
                risk.owner,
                entry_path("risks", i).key("owner"),
                "person",
                owner
            );
        }
        for (i, stream) in d.funding_streams.iter().enumerate() {
            if let Funder::Organisation(id) = stream.funder {
                let owner = format!("funding stream {}", stream.id);
                let at = entry_path("funding_streams", i)
                    .key("funder")
                    .key("organisation");
                reference!(self, organisation, id, at, "organisation", owner);
            }
        }
        for (i, course) in d.courses.iter().enumerate() {
            let owner = format!("course \"{}\"", course.title);
            reference!(
                self,
                organisation,
                course.provider,
                entry_path("courses", i).key("provider"),
                "organisation",
                owner
            );
        }
        for (i, event) in d.events.iter().enumerate() {
            let at = entry_path("events", i);
            let owner = format!("event \"{}\"", event.title);
            reference!(
                self,
                organisation,
                event.host,
                at.clone().key("host"),
                "organisation",
                owner
            );
            if let Some(id) = event.course {
                reference!(self, course, id, at.clone().key("course"), "course", owner);
            }
            if let Some(id) = event.locality {
                reference!(self, locality, id, at.key("locality"), "locality", owner);
            }
        }
        for (i, registration) in d.registrations.iter().enumerate() {
            let at = entry_path("registrations", i);
            let owner = format!("registration {}", registration.id);
            reference!(
                self,
                event,
                registration.event,
                at.clone().key("event"),
                "event",
                owner
            );
            reference!(
                self,
                person,
                registration.person,
                at.clone().key("person"),
                "person",
                owner
            );
            reference!(
                self,
                organisation,
                registration.organisation,
                at.key("organisation"),
                "organisation",
                owner
            );
        }
        for (i, standard) in d.standards.iter().enumerate() {
            let at = entry_path("standards", i);
            let owner = format!("standard {}", standard.code);
            if let Some(id) = standard.supersedes {
                reference!(
                    self,
                    standard,
                    id,
                    at.clone().key("supersedes"),
                    "standard",
                    owner
                );
            }
            if let Some(id) = standard.endorsed_by {
                reference!(self, decision, id, at.key("endorsed_by"), "decision", owner);
            }
        }
        for (i, adoption) in d.adoptions.iter().enumerate() {
            let at = entry_path("adoptions", i);
            let owner = format!("adoption {}", adoption.id);
            reference!(
                self,
                organisation,
                adoption.organisation,
                at.clone().key("organisation"),
                "organisation",
                owner
            );
            reference!(
                self,
                standard,
                adoption.standard,
                at.key("standard"),
                "standard",
                owner
            );
        }
        for (i, result) in d.audit_results.iter().enumerate() {
            let at = entry_path("audit_results", i);
            let owner = format!("audit result {}", result.id);
            reference!(
                self,
                measure,
                result.measure,
                at.clone().key("measure"),
                "measure",
                owner
            );
            reference!(
                self,
                organisation,
                result.organisation,
                at.key("organisation"),
                "organisation",
                owner
            );
        }
    }

    fn meeting_references(&mut self, i: usize, meeting: &mcn_governance::Meeting) {
        let at = entry_path("meetings", i);
        let owner = format!("meeting {} on {}", meeting.id, meeting.date);
        reference!(
            self,
            body,
            meeting.body,
            at.clone().key("body"),
            "body",
            owner
        );
        if let Some(id) = meeting.minutes_approved_at {
            reference!(
                self,
                meeting,
                id,
                at.clone().key("minutes_approved_at"),
                "meeting",
                owner
            );
        }
        for (j, entry) in meeting.attendance.iter().enumerate() {
            let path = at.clone().key("attendance").index(j);
            reference!(
                self,
                person,
                entry.person,
                path.clone().key("person"),
                "person",
                owner
            );
            if let Some(id) = entry.on_behalf_of {
                reference!(
                    self,
                    organisation,
                    id,
                    path.key("on_behalf_of"),
                    "organisation",
                    owner
                );
            }
        }
        for (j, item) in meeting.agenda.iter().enumerate() {
            if let Some(id) = item.presenter {
                reference!(
                    self,
                    person,
                    id,
                    at.clone().key("agenda").index(j).key("presenter"),
                    "person",
                    owner
                );
            }
        }
        for (j, decision) in meeting.decisions.iter().enumerate() {
            let path = at.clone().key("decisions").index(j).key("subject");
            match decision.subject {
                // Endorse-standard decisions get their own, more specific finding.
                Some(DecisionSubject::Standard(id))
                    if decision.kind != DecisionKind::EndorseStandard =>
                {
                    reference!(self, standard, id, path.key("standard"), "standard", owner);
                }
                Some(DecisionSubject::Body(id)) => {
                    reference!(self, body, id, path.key("body"), "body", owner);
                }
                Some(DecisionSubject::Objective(id)) => {
                    reference!(
                        self,
                        objective,
                        id,
                        path.key("objective"),
                        "objective",
                        owner
                    );
                }
                Some(DecisionSubject::FundingStream(id)) => {
                    reference!(
                        self,
                        funding_stream,
                        id,
                        path.key("funding_stream"),
                        "funding stream",
                        owner
                    );
                }
                _ => {}
            }
        }
        for (j, action) in meeting.actions.iter().enumerate() {
            let path = at.clone().key("actions").index(j).key("owner");
            reference!(self, person, action.owner, path, "person", owner);
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
