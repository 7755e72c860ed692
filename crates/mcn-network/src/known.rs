//! The document as it was known on a date: [`NetworkDocument::as_known_on`].
//!
//! Every collection has a date that says when a fact in it became known
//! ([`KNOWN_SINCE`]). A report as of a date may only read what was known on
//! that date; `as_known_on` drops the rest, so a property test can check
//! that an evaluation as of `D` reads nothing `as_known_on(D)` drops.

use mcn_core::{History, NaiveDate};
use mcn_governance::ActionStatus;
use std::collections::HashSet;

use crate::NetworkDocument;

/// For each collection (a JSON Pointer of the document, nested ones with
/// `*`), the date that says when a record or a change in it became known,
/// and what [`NetworkDocument::as_known_on`] does with what is not yet known.
///
/// Collections not listed are standing records (the profile, localities,
/// organisations, people, posts, appointments, seats, bodies, services,
/// systems, funding streams, courses, training requirements): they carry
/// periods saying when they *apply* (a post from its start), not when they
/// were recorded, and are kept whole; the evaluation reads them through
/// their periods on the report date.
pub const KNOWN_SINCE: &[(&str, &str, &str)] = &[
    (
        "/memberships/*/status",
        "each change's `on`",
        "changes after the date dropped; a membership with none left dropped",
    ),
    (
        "/staffing",
        "`as_of` (the day the figures describe)",
        "records dated after the date dropped",
    ),
    (
        "/bodies/*/terms_of_reference",
        "`approved_on`",
        "versions approved after the date dropped (drafts, undated, kept)",
    ),
    (
        "/meetings",
        "`date` (what happened is known on the day)",
        "meetings after the date dropped, with their decisions and actions; \
         `minutes_approved_at` naming a dropped meeting cleared",
    ),
    (
        "/meetings/*/actions",
        "`completed_on` for completion",
        "an action completed or cancelled after the date is open again",
    ),
    (
        "/objectives/*/stages",
        "each change's `on`",
        "changes after the date dropped; an objective with none left dropped",
    ),
    (
        "/risks",
        "`recorded_on` (when entered on the register; absent: always known)",
        "risks recorded after the date dropped",
    ),
    (
        "/communications",
        "`date`",
        "communications after the date dropped",
    ),
    (
        "/events",
        "`date`",
        "events after the date dropped (what happens at an event is known on the day)",
    ),
    (
        "/registrations",
        "its event's `date` (attendance, barriers and feedback are recorded at the event)",
        "registrations for a dropped event dropped",
    ),
    (
        "/standards/*/status",
        "each change's `on`",
        "changes after the date dropped; a standard with none left dropped",
    ),
    (
        "/adoptions/*/status",
        "each change's `on`",
        "changes after the date dropped; an adoption with none left dropped",
    ),
    (
        "/audit_results",
        "`submitted_on` (not the reporting period)",
        "results submitted after the date dropped",
    ),
];

/// The changes of `history` on or before `date`; `None` when none are.
fn history_known_on<S: Clone>(history: &History<S>, date: NaiveDate) -> Option<History<S>> {
    History::new(
        history
            .changes()
            .iter()
            .filter(|c| c.on <= date)
            .cloned()
            .collect(),
    )
    .ok()
}

impl NetworkDocument {
    /// The document as it was known on `date`: what [`KNOWN_SINCE`] dates
    /// after `date` is dropped (records) or undone (later status changes,
    /// later completions), everything else kept in order.
    ///
    /// Reports as of `date` read nothing this drops: the evaluation's
    /// property tests check `evaluate(doc, date)` against
    /// `evaluate(doc.as_known_on(date), date)`. Positions change where
    /// records are dropped, so JSON Pointers into the two documents differ;
    /// ids do not.
    ///
    /// ```
    /// use mcn_core::NaiveDate;
    /// use mcn_network::NetworkDocument;
    /// let json = br#"{"schema_version": "1.0",
    ///   "network": {"id": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f", "name": "Northvale CPC Network"},
    ///   "communications": [
    ///     {"id": "0190f6a4-5b2e-7c3d-9e8f-000000000001", "channel": "newsletter",
    ///      "topic": "Spring newsletter", "date": "2026-03-01"},
    ///     {"id": "0190f6a4-5b2e-7c3d-9e8f-000000000002", "channel": "newsletter",
    ///      "topic": "Summer newsletter", "date": "2026-06-01"}]}"#;
    /// let document = NetworkDocument::from_json(json)?;
    /// let known = document.as_known_on(NaiveDate::from_ymd_opt(2026, 4, 1).unwrap());
    /// assert_eq!(known.communications.len(), 1);
    /// # Ok::<(), mcn_network::LoadError>(())
    /// ```
    #[must_use]
    pub fn as_known_on(&self, date: NaiveDate) -> Self {
        let mut doc = self.clone();
        doc.memberships.retain_mut(|m| {
            history_known_on(&m.status, date).is_some_and(|status| {
                m.status = status;
                true
            })
        });
        doc.staffing.retain(|s| s.as_of <= date);
        for body in &mut doc.bodies {
            body.terms_of_reference
                .retain(|t| t.approved_on.is_none_or(|approved| approved <= date));
        }
        doc.meetings.retain(|m| m.date <= date);
        let meetings: HashSet<_> = doc.meetings.iter().map(|m| m.id).collect();
        for meeting in &mut doc.meetings {
            if meeting
                .minutes_approved_at
                .is_some_and(|later| !meetings.contains(&later))
            {
                meeting.minutes_approved_at = None;
            }
            for action in &mut meeting.actions {
                if action.status != ActionStatus::Open
                    && action.completed_on.is_some_and(|done| done > date)
                {
                    action.status = ActionStatus::Open;
                    action.completed_on = None;
                }
            }
        }
        doc.objectives.retain_mut(|o| {
            history_known_on(&o.stages, date).is_some_and(|stages| {
                o.stages = stages;
                true
            })
        });
        doc.risks.retain(|r| r.is_known_on(date));
        doc.communications.retain(|c| c.date <= date);
        doc.events.retain(|e| e.date <= date);
        let events: HashSet<_> = doc.events.iter().map(|e| e.id).collect();
        let dropped: HashSet<_> = self
            .events
            .iter()
            .filter(|e| e.date > date)
            .map(|e| e.id)
            .collect();
        // A registration for an event not in the document is kept (its
        // dangling reference is a finding either way); only those of a
        // dropped event go (an id both kept and dropped, a repeat, stays).
        doc.registrations
            .retain(|r| events.contains(&r.event) || !dropped.contains(&r.event));
        doc.standards.retain_mut(|s| {
            history_known_on(&s.status, date).is_some_and(|status| {
                s.status = status;
                true
            })
        });
        doc.adoptions.retain_mut(|a| {
            history_known_on(&a.status, date).is_some_and(|status| {
                a.status = status;
                true
            })
        });
        doc.audit_results.retain(|r| r.submitted_on <= date);
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_collection_with_a_date_is_listed_once() {
        let mut paths: Vec<&str> = KNOWN_SINCE.iter().map(|(p, _, _)| *p).collect();
        let n = paths.len();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), n);
    }
}
