//! Queries across domains on an indexed [`Network`].

use std::collections::{BTreeMap, HashSet};

use mcn_core::{NaiveDate, id::MeetingId};
use mcn_governance::{Body, SeatHolder, quorum::QuorumCheck};
use mcn_organisations::{Membership, NhsSplit, Sector};
use mcn_roles::Post;

use crate::{Network, validate::Holders};

/// A funded post with no holder, and the governance bodies it sits on.
#[derive(Debug, Clone, PartialEq)]
pub struct VacantPost<'a> {
    /// The post.
    pub post: &'a Post,
    /// Bodies the post belongs to (`post.body`) or holds a current seat on, in
    /// document order, each once.
    pub bodies: Vec<&'a Body>,
}

impl Network<'_> {
    /// Funded posts with no holder on `as_of`, with the bodies they sit on.
    #[must_use]
    pub fn vacant_funded_posts(&self, as_of: NaiveDate) -> Vec<VacantPost<'_>> {
        let roles = self.roles();
        let document = self.document();
        roles
            .vacant_funded_posts(as_of)
            .into_iter()
            .map(|post| {
                let seated = document.seats.iter().filter(|seat| {
                    seat.holder == SeatHolder::Post(post.id) && seat.period.contains(as_of)
                });
                let mut bodies: Vec<&Body> = post
                    .body
                    .into_iter()
                    .chain(seated.map(|seat| seat.body))
                    .filter_map(|id| self.body(id))
                    .collect();
                let mut seen = HashSet::new();
                bodies.retain(|body| seen.insert(body.id));
                VacantPost { post, bodies }
            })
            .collect()
    }

    /// Memberships active on `as_of`, grouped by their organisation's sector
    /// (`None` where the sector is unknown).
    #[must_use]
    pub fn members_by_sector(
        &self,
        as_of: NaiveDate,
    ) -> BTreeMap<Option<Sector>, Vec<&Membership>> {
        mcn_organisations::active_members_by_sector(
            &self.document().memberships,
            |id| self.sector_of(id),
            as_of,
        )
    }

    /// Memberships active on `as_of`, split NHS / non-NHS / unknown.
    #[must_use]
    pub fn members_nhs_split(&self, as_of: NaiveDate) -> NhsSplit<&Membership> {
        mcn_organisations::active_members_nhs_split(
            &self.document().memberships,
            |id| self.sector_of(id),
            as_of,
        )
    }

    /// The sector of an organisation of the document.
    #[must_use]
    pub fn sector_of(&self, organisation: mcn_core::id::OrganisationId) -> Option<Sector> {
        self.organisation(organisation)
            .and_then(mcn_organisations::Organisation::sector)
    }

    /// The quorum check of one meeting, with real seat holders; `None` if the
    /// meeting is not in the document or was not held.
    #[must_use]
    pub fn quorum(&self, meeting: MeetingId) -> Option<QuorumCheck> {
        let held = self
            .meeting(meeting)
            .filter(|m| m.status == mcn_governance::MeetingStatus::Held)?;
        let roles = self.roles();
        let document = self.document();
        let body = self.body(held.body);
        Some(match body {
            None => QuorumCheck::UnknownBody,
            Some(body) => match body.terms_as_of(held.date) {
                None => QuorumCheck::NoTermsOfReference,
                Some((_, terms)) => QuorumCheck::Assessed(mcn_governance::assess_quorum(
                    &terms.quorum,
                    held,
                    document.seats.iter().filter(|seat| seat.body == body.id),
                    &Holders(&roles),
                )),
            },
        })
    }
}
