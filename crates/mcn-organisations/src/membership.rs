//! Membership of the network: which organisations belong, at which tier, and the
//! dated history of their status.
//!
//! Maps to FHIR `OrganizationAffiliation` (code `member`, `period` from
//! [`Membership::active_periods`]) and to a Popolo / W3C ORG `Membership` of the
//! network (an ORG `OrganizationalCollaboration`).

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use mcn_core::{
    History, Lifecycle, Period, StatusChange,
    id::{MembershipId, OrganisationId, PersonId},
    vocabulary,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::organisation::{NhsSplit, Sector};

vocabulary! {
    /// The tier of membership.
    MembershipTier {
        /// A full member: signs the memorandum, holds a seat and a vote.
        Full => "full",
        /// An associate member: takes part without the full commitments.
        Associate => "associate",
    }
}

vocabulary! {
    /// The status of a membership at a point in time.
    ///
    /// The lifecycle ([`Lifecycle`]) a history must follow; any move not in this
    /// table is an illegal transition (`organisations.membership.illegal_transition`),
    /// and a history must begin `invited` (`organisations.membership.not_invited_first`):
    ///
    /// | from \ to   | invited | active | suspended | withdrawn |
    /// |-------------|---------|--------|-----------|-----------|
    /// | (start)     | yes     | no     | no        | no        |
    /// | invited     | no      | yes    | no        | yes       |
    /// | active      | no      | no     | yes       | yes       |
    /// | suspended   | no      | yes    | no        | yes       |
    /// | withdrawn   | yes     | no     | no        | no        |
    ///
    /// That is: an invitation is accepted (active) or ends (withdrawn); an active
    /// member may be suspended and reinstated; anyone may withdraw; withdrawn is
    /// final unless the organisation is invited again. Repeating the current status
    /// is not a change and is illegal too.
    MembershipStatus {
        /// Invited to join; not yet a member.
        Invited => "invited",
        /// A member taking part.
        Active => "active",
        /// Membership suspended (e.g. the memorandum lapsed); not taking part.
        Suspended => "suspended",
        /// Left the network, or declined the invitation.
        Withdrawn => "withdrawn",
    }
}

impl Lifecycle for MembershipStatus {
    fn can_start_as(&self) -> bool {
        matches!(self, Self::Invited)
    }

    fn can_follow(&self, previous: &Self) -> bool {
        matches!(
            (previous, self),
            (Self::Invited | Self::Suspended, Self::Active)
                | (
                    Self::Invited | Self::Active | Self::Suspended,
                    Self::Withdrawn
                )
                | (Self::Active, Self::Suspended)
                | (Self::Withdrawn, Self::Invited)
        )
    }
}

/// An organisation's membership of the network.
///
/// One record per organisation: a re-joining organisation is invited again in the
/// same history (`withdrawn` → `invited`), not given a second record
/// (`organisations.membership.duplicate`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// The membership's id.
    pub id: MembershipId,
    /// The member organisation.
    pub organisation: OrganisationId,
    /// The tier.
    pub tier: MembershipTier,
    /// The dated status changes, oldest first, beginning with the invitation.
    pub status: History<MembershipStatus>,
    /// The day the organisation signed the network agreement (memorandum of
    /// understanding).
    #[schemars(with = "Option<NaiveDate>")]
    #[serde(
        with = "mcn_core::date::strict_option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub agreement_signed_on: Option<NaiveDate>,
    /// The person named to represent the organisation in the network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub representative: Option<PersonId>,
}

impl Membership {
    /// A membership that begins with an invitation on `invited_on`.
    #[must_use]
    pub fn invited(
        id: MembershipId,
        organisation: OrganisationId,
        tier: MembershipTier,
        invited_on: NaiveDate,
    ) -> Self {
        Self {
            id,
            organisation,
            tier,
            status: History::starting(MembershipStatus::Invited, invited_on),
            agreement_signed_on: None,
            representative: None,
        }
    }

    /// Records a change of status (appended; checked by the rules, not here).
    #[must_use]
    pub fn then(mut self, status: MembershipStatus, on: NaiveDate) -> Self {
        self.status.push(StatusChange::new(status, on));
        self
    }

    /// The status in force on `as_of` (`None` before the first change).
    #[must_use]
    pub fn status_as_of(&self, as_of: NaiveDate) -> Option<MembershipStatus> {
        self.status.status_as_of(as_of).copied()
    }

    /// Whether the organisation is an active member on `as_of`.
    #[must_use]
    pub fn is_active(&self, as_of: NaiveDate) -> bool {
        self.status_as_of(as_of) == Some(MembershipStatus::Active)
    }

    /// The spells during which the membership was active, in date order: each from
    /// the day it became active to the day before it stopped being so (open while
    /// still active). Agrees with [`Membership::is_active`] on every day, whatever
    /// the order the changes were given in.
    #[must_use]
    pub fn active_periods(&self) -> Vec<Period> {
        let mut changes: Vec<(usize, &StatusChange<MembershipStatus>)> =
            self.status.changes().iter().enumerate().collect();
        changes.sort_by_key(|(index, change)| (change.on, *index));
        let mut periods = Vec::new();
        let mut open: Option<NaiveDate> = None;
        for (_, change) in changes {
            let active = change.status == MembershipStatus::Active;
            match (open, active) {
                (None, true) => open = Some(change.on),
                (Some(start), false) => {
                    if let Some(end) = change.on.checked_sub_days(Days::new(1))
                        && let Ok(period) = Period::new(start, Some(end))
                    {
                        periods.push(period);
                    }
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(start) = open {
            periods.push(Period::starting(start));
        }
        periods
    }
}

/// Memberships active on `as_of`, in input order.
pub fn active_members<'a>(
    memberships: impl IntoIterator<Item = &'a Membership>,
    as_of: NaiveDate,
) -> Vec<&'a Membership> {
    memberships
        .into_iter()
        .filter(|m| m.is_active(as_of))
        .collect()
}

/// Memberships grouped by their status on `as_of`, each group in input order;
/// memberships whose history begins after `as_of` are left out.
pub fn memberships_by_status<'a>(
    memberships: impl IntoIterator<Item = &'a Membership>,
    as_of: NaiveDate,
) -> BTreeMap<MembershipStatus, Vec<&'a Membership>> {
    let mut groups: BTreeMap<MembershipStatus, Vec<&'a Membership>> = BTreeMap::new();
    for membership in memberships {
        if let Some(status) = membership.status_as_of(as_of) {
            groups.entry(status).or_default().push(membership);
        }
    }
    groups
}

/// Memberships active on `as_of`, grouped by their organisation's sector as
/// `sector_of` gives it (`None`: unknown), each group in input order.
///
/// `sector_of` is usually `|id| index.sector(id)` over an
/// [`OrganisationIndex`](crate::OrganisationIndex).
pub fn active_members_by_sector<'a>(
    memberships: impl IntoIterator<Item = &'a Membership>,
    mut sector_of: impl FnMut(OrganisationId) -> Option<Sector>,
    as_of: NaiveDate,
) -> BTreeMap<Option<Sector>, Vec<&'a Membership>> {
    let mut groups: BTreeMap<Option<Sector>, Vec<&'a Membership>> = BTreeMap::new();
    for membership in memberships {
        if membership.is_active(as_of) {
            groups
                .entry(sector_of(membership.organisation))
                .or_default()
                .push(membership);
        }
    }
    groups
}

/// Memberships active on `as_of`, split into NHS, non-NHS and unknown sector.
pub fn active_members_nhs_split<'a>(
    memberships: impl IntoIterator<Item = &'a Membership>,
    mut sector_of: impl FnMut(OrganisationId) -> Option<Sector>,
    as_of: NaiveDate,
) -> NhsSplit<&'a Membership> {
    memberships
        .into_iter()
        .filter(|m| m.is_active(as_of))
        .map(|m| (sector_of(m.organisation), m))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use MembershipStatus::{Active, Invited, Suspended, Withdrawn};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap()
    }

    fn member() -> Membership {
        Membership::invited(
            MembershipId::generate(),
            OrganisationId::generate(),
            MembershipTier::Full,
            d(1, 1),
        )
    }

    #[test]
    fn transition_table() {
        let allowed = [
            (Invited, Active),
            (Invited, Withdrawn),
            (Active, Suspended),
            (Active, Withdrawn),
            (Suspended, Active),
            (Suspended, Withdrawn),
            (Withdrawn, Invited),
        ];
        for from in &MembershipStatus::ALL {
            for to in &MembershipStatus::ALL {
                assert_eq!(
                    to.can_follow(from),
                    allowed.contains(&(*from, *to)),
                    "{from} -> {to}"
                );
            }
            assert_eq!(from.can_start_as(), *from == Invited);
        }
    }

    #[test]
    fn status_and_active_spells() {
        let m = member()
            .then(Active, d(2, 1))
            .then(Suspended, d(5, 1))
            .then(Active, d(6, 1))
            .then(Withdrawn, d(9, 1));
        assert_eq!(m.status_as_of(d(1, 1).pred_opt().unwrap()), None);
        assert_eq!(m.status_as_of(d(1, 31)), Some(Invited));
        assert!(m.is_active(d(2, 1)) && m.is_active(d(4, 30)));
        assert!(!m.is_active(d(5, 1)));
        assert_eq!(
            m.active_periods(),
            vec![
                Period::new(d(2, 1), Some(d(4, 30))).unwrap(),
                Period::new(d(6, 1), Some(d(8, 31))).unwrap(),
            ]
        );
        let open = member().then(Active, d(3, 1));
        assert_eq!(open.active_periods(), vec![Period::starting(d(3, 1))]);
        // active and suspended on the same day: never active
        let blip = member().then(Active, d(3, 1)).then(Suspended, d(3, 1));
        assert!(blip.active_periods().is_empty());
        assert!(!blip.is_active(d(3, 1)));
    }

    #[test]
    fn serde_shape() {
        let m = member().then(Active, d(2, 1));
        let json = serde_json::to_value(&m).unwrap();
        assert_eq!(json["status"][1]["status"], "active");
        assert_eq!(json["tier"], "full");
        assert!(json.get("agreement_signed_on").is_none());
        assert_eq!(serde_json::from_value::<Membership>(json).unwrap(), m);
        let empty = format!(
            r#"{{"id":"{}","organisation":"{}","tier":"full","status":[]}}"#,
            m.id, m.organisation
        );
        assert!(serde_json::from_str::<Membership>(&empty).is_err());
    }

    #[test]
    fn queries() {
        let a = member().then(Active, d(2, 1));
        let b = member();
        let c = member().then(Active, d(2, 1)).then(Withdrawn, d(3, 1));
        let all = [a.clone(), b.clone(), c.clone()];
        let active: Vec<_> = active_members(&all, d(2, 15))
            .iter()
            .map(|m| m.id)
            .collect();
        assert_eq!(active, vec![a.id, c.id]);
        let groups = memberships_by_status(&all, d(3, 1));
        assert_eq!(groups[&Active].len(), 1);
        assert_eq!(groups[&Invited][0].id, b.id);
        assert_eq!(groups[&Withdrawn][0].id, c.id);
        assert!(memberships_by_status(&all, d(1, 1).pred_opt().unwrap()).is_empty());
        let sector = |id| (id == a.organisation).then_some(Sector::Voluntary);
        let by = active_members_by_sector(&all, sector, d(2, 15));
        assert_eq!(by[&Some(Sector::Voluntary)][0].id, a.id);
        assert_eq!(by[&None][0].id, c.id);
        let split = active_members_nhs_split(&all, sector, d(2, 15));
        assert_eq!(
            (split.nhs.len(), split.non_nhs.len(), split.unknown.len()),
            (0, 1, 1)
        );
    }
}
