//! The indicators, one module per theme, and what they share: the
//! [`IndicatorSpec`] catalogue, the evaluation [`Context`] and the builders.

use std::collections::{HashMap, HashSet};

use chrono::Days;
use mcn_core::{
    JsonPointer, NaiveDate, Period, Rag,
    id::{EventId, OrganisationId, PersonId},
};
use mcn_governance::quorum::MeetingQuorum;
use mcn_network::{Network, NetworkDocument};
use mcn_organisations::{Organisation, Sector};
use mcn_roles::RolesIndex;
use mcn_standards::queries::{AdoptionMatrix, adoption_matrix, endorsed_on};
use mcn_training::{Event, EventStats, Reach, event_stats, reach};
use uuid::Uuid;

use crate::{
    EvaluationSettings,
    report::{
        Basis, Breakdown, Column, Direction, Evidence, Indicator, Rate, Row, Theme, ThresholdUsed,
        Value,
    },
    settings::{AtLeast, AtMost},
};

pub(crate) mod collaboration;
pub(crate) mod equity;
pub(crate) mod governance;
pub(crate) mod leadership;
pub(crate) mod membership;
pub(crate) mod standards;
pub(crate) mod technology;
pub(crate) mod training;
pub(crate) mod workforce;

/// What an indicator is, independent of any document: its stable id, theme,
/// title, definition, unit, direction and the document collections it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndicatorSpec {
    /// Stable id, `theme.name`.
    pub id: &'static str,
    /// Theme.
    pub theme: Theme,
    /// Title.
    pub title: &'static str,
    /// How it is computed.
    pub definition: &'static str,
    /// What the headline counts.
    pub unit: &'static str,
    /// Which way is better.
    pub direction: Direction,
    /// Who or what the figure counts, for comparisons (see
    /// [`Basis`](crate::Basis)): for a share, what its denominator counts;
    /// empty where the figure has no basis (yes/no, a count of the things
    /// themselves).
    pub basis: &'static str,
    /// The dates the figure reads (and so what a report as of a date may
    /// not read before it is known): shown after the definition.
    pub reads: &'static str,
    /// Top-level document collections read (`network` is the profile).
    pub sources: &'static [&'static str],
}

/// Every indicator, in report order (grouped by theme).
pub const CATALOGUE: &[&IndicatorSpec] = &[
    &leadership::COORDINATOR_POST,
    &leadership::CLINICAL_LEAD,
    &leadership::POSTS_VACANT,
    &leadership::FUNDED_VACANT_POSTS,
    &leadership::FUNDING_ENDING,
    &governance::TERMS_CURRENT,
    &governance::MEETING_CADENCE,
    &governance::QUORATE_MEETINGS,
    &governance::OVERDUE_ACTIONS,
    &governance::OBJECTIVES_ON_TRACK,
    &governance::HIGH_RISKS,
    &membership::ACTIVE_MEMBERS,
    &membership::ENGAGEMENT,
    &membership::UNENGAGED,
    &training::EVENTS_HELD,
    &training::ATTENDANCE_RATE,
    &training::REACH,
    &training::ORGANISATIONS_REACHED,
    &training::BARRIERS,
    &training::RELEVANCE,
    &training::REQUIREMENTS_MET,
    &standards::ENDORSED,
    &standards::ADOPTION,
    &standards::COMPLIANCE,
    &standards::AUDIT_SUBMISSION,
    &collaboration::BODY_MIX,
    &collaboration::CROSS_ORGANISATION_EVENTS,
    &equity::QS160_24_7,
    &equity::SPECIALIST_TEAM,
    &equity::TRAINING_PER_CHILD,
    &workforce::VACANCY_RATE,
    &technology::RECORD_SHARING,
];

/// Evaluates every indicator of the catalogue, in catalogue order.
pub(crate) fn all(cx: &Context<'_>) -> Vec<Indicator> {
    let mut out = Vec::with_capacity(CATALOGUE.len());
    out.extend(leadership::indicators(cx));
    out.extend(governance::indicators(cx));
    out.extend(membership::indicators(cx));
    out.extend(training::indicators(cx));
    out.extend(standards::indicators(cx));
    out.extend(collaboration::indicators(cx));
    out.extend(equity::indicators(cx));
    out.extend(workforce::indicators(cx));
    out.extend(technology::indicators(cx));
    out
}

impl IndicatorSpec {
    /// The definition with the dates it reads, as reports show it.
    #[must_use]
    pub fn described(&self) -> String {
        format!("{} Dates read: {}.", self.definition, self.reads)
    }

    /// An unrated indicator with this spec and `value`; a share's (or
    /// ratio's, or mean's) basis is its denominator, counted in the spec's
    /// `basis`.
    pub(crate) fn with(&self, value: Value) -> Indicator {
        let count = match &value {
            Value::Proportion { denominator, .. } | Value::Ratio { denominator, .. } => {
                Some(*denominator)
            }
            Value::Mean { responses, .. } => Some(*responses),
            _ => None,
        };
        let basis = count.filter(|_| !self.basis.is_empty()).map(|count| Basis {
            count,
            what: self.basis.to_owned(),
        });
        Indicator {
            id: self.id.to_owned(),
            theme: self.theme,
            title: self.title.to_owned(),
            definition: self.described(),
            value,
            unit: self.unit.to_owned(),
            direction: self.direction,
            rag: None,
            threshold: None,
            breakdowns: Vec::new(),
            evidence: Vec::new(),
            evidence_omitted: 0,
            basis,
            rate: None,
            stale: 0,
            sources: self.sources.iter().map(|s| (*s).to_owned()).collect(),
            source_errors: 0,
        }
    }
}

/// Builders used by the theme modules.
impl Indicator {
    /// Rated against at-least bands (no rating when the value is undefined).
    pub(crate) fn at_least(mut self, bands: AtLeast) -> Self {
        self.rag = self.value.number().map(|v| bands.rate(v));
        self.threshold = Some(bands.into());
        self
    }

    /// Rated against at-most bands (no rating when the value is undefined).
    pub(crate) fn at_most(mut self, bands: AtMost) -> Self {
        self.rag = self.value.number().map(|v| bands.rate(v));
        self.threshold = Some(bands.into());
        self
    }

    /// Rated by a rule in words.
    pub(crate) fn by_rule(mut self, rag: Rag, rule: &str) -> Self {
        self.rag = Some(rag);
        self.threshold = Some(ThresholdUsed::Rule {
            rule: rule.to_owned(),
        });
        self
    }

    /// Sets the basis: `count` of the spec's basis.
    pub(crate) fn basis(mut self, count: impl TryInto<u64>) -> Self {
        let what = CATALOGUE
            .iter()
            .find(|s| s.id == self.id)
            .map_or("", |s| s.basis);
        self.basis = Some(Basis {
            count: count.try_into().unwrap_or(u64::MAX),
            what: what.to_owned(),
        });
        self
    }

    /// Adds a rate alongside a count.
    pub(crate) fn rate(mut self, rate: Rate) -> Self {
        self.rate = Some(rate);
        self
    }

    /// Adds a breakdown.
    pub(crate) fn table(mut self, breakdown: Breakdown) -> Self {
        self.breakdowns.push(breakdown);
        self
    }

    /// Sets the evidence, sorted by path, deduplicated and limited.
    pub(crate) fn evidence(mut self, evidence: EvidenceList, limit: Option<u32>) -> Self {
        let EvidenceList {
            mut items, skipped, ..
        } = evidence;
        items.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.note.cmp(&b.note)));
        items.dedup_by(|later, earlier| later.path == earlier.path);
        if let Some(limit) = limit.and_then(|l| usize::try_from(l).ok())
            && items.len() > limit
        {
            self.evidence_omitted = u64::try_from(items.len() - limit).unwrap_or(u64::MAX);
            items.truncate(limit);
        }
        self.evidence_omitted = self.evidence_omitted.saturating_add(skipped);
        self.evidence = items;
        self
    }
}

/// Evidence collected for one indicator.
#[derive(Debug, Default)]
pub(crate) struct EvidenceList {
    items: Vec<Evidence>,
    /// For [`EvidenceList::in_order`]: the most items kept.
    keep: Option<usize>,
    /// Items counted but not built (beyond `keep`).
    skipped: u64,
}

impl EvidenceList {
    /// A list for evidence added in increasing path order from one collection
    /// (a loop over it in document order) with [`EvidenceList::add_in_order`]:
    /// only the first `limit` items are built, the rest only counted, so a
    /// national document does not format a million labels to keep a hundred.
    pub(crate) fn in_order(limit: Option<u32>) -> Self {
        Self {
            items: Vec::new(),
            keep: limit.and_then(|l| usize::try_from(l).ok()),
            skipped: 0,
        }
    }

    /// Adds one entity, building its label and note only when kept. Paths
    /// must come in increasing order.
    pub(crate) fn add_in_order(
        &mut self,
        id: Uuid,
        path: JsonPointer,
        describe: impl FnOnce() -> (String, Option<String>),
    ) {
        if self.keep.is_some_and(|keep| self.items.len() >= keep) {
            self.skipped = self.skipped.saturating_add(1);
        } else {
            let (label, note) = describe();
            self.add(id, path, label, note);
        }
    }

    /// Adds one entity.
    pub(crate) fn add(
        &mut self,
        id: Uuid,
        path: JsonPointer,
        label: impl Into<String>,
        note: impl Into<Option<String>>,
    ) {
        self.items.push(Evidence {
            id,
            path,
            label: label.into(),
            note: note.into(),
        });
    }
}

/// Builds a breakdown: `columns` as `(id, title)` pairs.
pub(crate) fn breakdown(
    id: &str,
    title: &str,
    columns: &[(&str, &str)],
    rows: Vec<Row>,
) -> Breakdown {
    Breakdown {
        id: id.to_owned(),
        title: title.to_owned(),
        columns: columns
            .iter()
            .map(|(id, title)| Column {
                id: (*id).to_owned(),
                title: (*title).to_owned(),
            })
            .collect(),
        rows,
    }
}

/// A breakdown row.
pub(crate) fn row(
    key: impl Into<String>,
    label: impl Into<String>,
    path: Option<JsonPointer>,
    cells: Vec<Value>,
) -> Row {
    Row {
        key: key.into(),
        label: label.into(),
        path,
        cells,
    }
}

/// The path of entry `index` of top-level `collection`.
/// What a figure says when its total is too large to hold (a sum of money
/// or WTE overflowed): never a saturated figure shown as real.
pub(crate) const TOO_LARGE: &str = "total too large to hold";

/// The cell for a total that overflowed.
pub(crate) fn too_large() -> Value {
    Value::Text {
        text: TOO_LARGE.to_owned(),
    }
}

/// An amount of money, or [`too_large`] when its sum overflowed.
pub(crate) fn money(amount: Option<mcn_core::Money>) -> Value {
    amount.map_or_else(too_large, |amount| Value::Money { amount })
}

pub(crate) fn entry(collection: &str, index: usize) -> JsonPointer {
    JsonPointer::root().key(collection).index(index)
}

/// NHS, non-NHS or unknown: the split reporting turns on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum NhsGroup {
    Nhs,
    NonNhs,
    Unknown,
}

impl NhsGroup {
    pub(crate) const ALL: [Self; 3] = [Self::Nhs, Self::NonNhs, Self::Unknown];

    pub(crate) fn of(sector: Option<Sector>) -> Self {
        match sector.map(Sector::is_nhs) {
            Some(true) => Self::Nhs,
            Some(false) => Self::NonNhs,
            None => Self::Unknown,
        }
    }

    pub(crate) const fn key(self) -> &'static str {
        match self {
            Self::Nhs => "nhs",
            Self::NonNhs => "non_nhs",
            Self::Unknown => "unknown",
        }
    }

    pub(crate) const fn label(self) -> &'static str {
        match self {
            Self::Nhs => "NHS",
            Self::NonNhs => "Non-NHS",
            Self::Unknown => "Sector unknown",
        }
    }
}

/// An organisation with an active membership on the report date.
#[derive(Debug, Clone)]
pub(crate) struct Member<'n> {
    /// The organisation's id.
    pub(crate) id: OrganisationId,
    /// The organisation, when it is in the document.
    pub(crate) organisation: Option<&'n Organisation>,
    /// Index of the (first) active membership record.
    pub(crate) membership: usize,
    /// The organisation's path, else the membership's.
    pub(crate) path: JsonPointer,
    /// The organisation's name, else `organisation <id>`.
    pub(crate) label: String,
}

impl Member<'_> {
    pub(crate) fn sector(&self) -> Option<Sector> {
        self.organisation.and_then(Organisation::sector)
    }

    /// A breakdown row about this member.
    pub(crate) fn row(&self, cells: Vec<Value>) -> Row {
        row(
            self.id.to_string(),
            self.label.clone(),
            Some(self.path.clone()),
            cells,
        )
    }

    /// Adds this member to `evidence`, with why it counts.
    pub(crate) fn evidence(&self, evidence: &mut EvidenceList, note: String) {
        evidence.add(
            self.id.as_uuid(),
            self.path.clone(),
            self.label.clone(),
            Some(note),
        );
    }
}

/// The lookups that do not depend on the date: built once per network and
/// shared by every report of a series.
pub(crate) struct Shared<'n> {
    roles: RolesIndex<'n>,
    employer: HashMap<PersonId, OrganisationId>,
    event_position: HashMap<EventId, usize>,
    /// Every meeting's quorum (each on its own date): the governance
    /// indicators pick the window's.
    quorum: Vec<MeetingQuorum>,
    /// Registrations tallied per event (one pass; the training indicators
    /// pick the window's events).
    event_stats: Vec<EventStats>,
}

impl<'n> Shared<'n> {
    pub(crate) fn new(network: &'n Network<'n>) -> Self {
        let doc = network.document();
        let employer = doc
            .people
            .iter()
            .rev() // the first record of a repeated id wins
            .filter_map(|p| p.employer.map(|e| (p.id, e)))
            .collect();
        let mut event_position = HashMap::new();
        event_position.reserve(doc.events.len());
        for (i, event) in doc.events.iter().enumerate() {
            event_position.entry(event.id).or_insert(i);
        }
        Self {
            roles: network.roles(),
            employer,
            event_position,
            quorum: network.quorum_checks(),
            event_stats: event_stats(&doc.events, &doc.registrations),
        }
    }
}

/// Everything the indicators share: the network, the dates, the settings and
/// lookups built once (those that do not depend on the date in [`Shared`]).
pub(crate) struct Context<'n> {
    pub(crate) network: &'n Network<'n>,
    pub(crate) doc: &'n NetworkDocument,
    pub(crate) as_of: NaiveDate,
    pub(crate) window: Period,
    pub(crate) settings: &'n EvaluationSettings,
    pub(crate) roles: &'n RolesIndex<'n>,
    /// Organisations with an active membership on `as_of`, one each, sorted
    /// by name then id.
    pub(crate) members: Vec<Member<'n>>,
    /// Employer of each person.
    pub(crate) employer: &'n HashMap<PersonId, OrganisationId>,
    /// Indices of the standards endorsed on `as_of`.
    pub(crate) endorsed: Vec<usize>,
    /// Adoption of the endorsed standards by the active members on `as_of`
    /// (rows in `members` order).
    pub(crate) matrix: AdoptionMatrix,
    /// Training reach over the window, grouped by the sector of the
    /// registration's organisation (and by organisation and locality): one
    /// pass over the registrations.
    pub(crate) attendance: Reach<NhsGroup>,
    /// Position of each event id (first occurrence).
    pub(crate) event_position: &'n HashMap<EventId, usize>,
    /// Every meeting's quorum check, in document order of the meetings.
    pub(crate) quorum: &'n [MeetingQuorum],
    /// Registrations tallied per event, in event order.
    pub(crate) event_stats: &'n [EventStats],
}

/// The window of `months` ending on `as_of`: from the day after `as_of`
/// minus `months` months, to `as_of` (12 months to 2026-11-01 start on
/// 2025-11-02; 3 months to 2026-06-30 start on 2026-04-01).
///
/// Counting back from the day after, not from `as_of`, makes a report dated
/// on the last day of a month cover whole calendar months, so reports dated
/// on consecutive month or quarter ends tile: each day is in exactly one of
/// their windows (counting back from 2026-06-30 would start on 2026-03-31,
/// a day the report to 2026-03-31 already covered). See [`crate::series`]
/// for how activities are assigned to a window.
pub(crate) fn window(as_of: NaiveDate, months: u32) -> Period {
    let start = as_of
        .checked_add_days(Days::new(1))
        .and_then(|next| next.checked_sub_months(chrono::Months::new(months)))
        .unwrap_or(NaiveDate::MIN)
        .min(as_of);
    Period::new(start, Some(as_of)).unwrap_or_else(|_| Period::day(as_of))
}

impl<'n> Context<'n> {
    pub(crate) fn new(
        network: &'n Network<'n>,
        shared: &'n Shared<'n>,
        as_of: NaiveDate,
        settings: &'n EvaluationSettings,
    ) -> Self {
        let doc = network.document();
        let mut seen = HashSet::new();
        let mut members: Vec<Member<'n>> = doc
            .memberships
            .iter()
            .enumerate()
            .filter(|(_, m)| m.is_active(as_of) && seen.insert(m.organisation))
            .map(|(i, m)| {
                let organisation = network.organisation(m.organisation);
                Member {
                    id: m.organisation,
                    organisation,
                    membership: i,
                    path: organisation
                        .and_then(|_| path_of(network, "organisation", m.organisation.as_uuid()))
                        .unwrap_or_else(|| entry("memberships", i)),
                    label: organisation.map_or_else(
                        || format!("organisation {}", m.organisation),
                        |o| o.name.to_string(),
                    ),
                }
            })
            .collect();
        members.sort_by(|a, b| by_label(&a.label, &b.label).then(a.id.cmp(&b.id)));
        let window = window(as_of, settings.window_months.get());
        let endorsed = endorsed_on(&doc.standards, as_of);
        let member_ids: Vec<OrganisationId> = members.iter().map(|m| m.id).collect();
        let endorsed_ids: Vec<_> = endorsed
            .iter()
            .filter_map(|&i| doc.standards.get(i).map(|s| s.id))
            .collect();
        let matrix = adoption_matrix(&doc.adoptions, &member_ids, &endorsed_ids, as_of);
        let attendance = reach(&doc.training_data(), window, |organisation| {
            NhsGroup::of(
                network
                    .organisation(organisation)
                    .and_then(Organisation::sector),
            )
        });
        Self {
            network,
            doc,
            as_of,
            window,
            settings,
            roles: &shared.roles,
            members,
            employer: &shared.employer,
            endorsed,
            matrix,
            attendance,
            event_position: &shared.event_position,
            quorum: &shared.quorum,
            event_stats: &shared.event_stats,
        }
    }

    /// The evidence limit.
    pub(crate) const fn limit(&self) -> Option<u32> {
        self.settings.evidence_limit
    }

    /// The sector of an organisation of the document.
    pub(crate) fn sector(&self, id: OrganisationId) -> Option<Sector> {
        self.network.organisation(id).and_then(Organisation::sector)
    }

    /// An organisation's name, or `organisation <id>` when it is not in the document.
    pub(crate) fn org_label(&self, id: OrganisationId) -> String {
        self.network
            .organisation(id)
            .map_or_else(|| format!("organisation {id}"), |o| o.name.to_string())
    }

    /// The event a registration names, with its position, when it is in the
    /// document, not cancelled and dated within the window.
    pub(crate) fn event_in_window(&self, id: EventId) -> Option<(usize, &'n Event)> {
        let i = *self.event_position.get(&id)?;
        let event = self.doc.events.get(i)?;
        (!event.is_cancelled() && self.window.contains(event.date)).then_some((i, event))
    }

    /// An organisation's path, when it is in the document.
    pub(crate) fn org_path(&self, id: OrganisationId) -> Option<JsonPointer> {
        path_of(self.network, "organisation", id.as_uuid())
    }
}

/// The path of the entity of `kind` (as [`Network::locate`] names kinds) with
/// this id.
pub(crate) fn path_of(network: &Network, kind: &str, uuid: Uuid) -> Option<JsonPointer> {
    network
        .locate(uuid)
        .filter(|(found, _)| *found == kind)
        .map(|(_, path)| path)
}

/// Orders labels for people: ignoring case first ("Westdale and ..." before
/// "Westdale Moor ..."), then exactly.
pub(crate) fn by_label(a: &str, b: &str) -> std::cmp::Ordering {
    a.to_lowercase()
        .cmp(&b.to_lowercase())
        .then_with(|| a.cmp(b))
}

/// Sorts rows by label (see [`by_label`]), then key.
pub(crate) fn sort_rows(rows: &mut [Row]) {
    rows.sort_by(|a, b| by_label(&a.label, &b.label).then_with(|| a.key.cmp(&b.key)));
}

/// A vocabulary value in words: its serde spelling with `_` as spaces
/// (`time_limited` → "time limited").
pub(crate) fn words<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s.replace('_', " "),
        _ => "other".to_owned(),
    }
}
