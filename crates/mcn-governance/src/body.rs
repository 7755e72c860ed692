//! Governance bodies, their terms of reference, and the reporting tree.

use std::{borrow::Cow, fmt};

use mcn_core::{
    NaiveDate, Note, Period, Text,
    graph::parent_cycles,
    id::{BodyId, DecisionId},
    index::IdIndex,
    version::Version,
    vocabulary,
};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::{cadence::MeetingFrequency, quorum::QuorumRule};

/// A governance body of the network (W3C ORG `OrganizationalUnit`): the board,
/// the steering group, its working groups and forums.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// The body's id.
    pub id: BodyId,
    /// Its name, e.g. "Education working group".
    pub name: Text,
    /// What kind of body it is.
    pub kind: BodyKind,
    /// The body it reports to; absent for the root (the board or steering group).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reports_to: Option<BodyId>,
    /// Every version of its terms of reference (drafts included); the one in
    /// force on a date is the latest approved on or before it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms_of_reference: Vec<TermsOfReference>,
    /// When the body exists (from its establishment to its dissolution).
    pub active: Period,
}

impl Body {
    /// The terms of reference in force on `on`: of the versions approved on or
    /// before `on`, the latest approved (equal dates: the higher version, then
    /// the one listed last). Returns the index in [`Body::terms_of_reference`]
    /// and the version.
    #[must_use]
    pub fn terms_as_of(&self, on: NaiveDate) -> Option<(usize, &TermsOfReference)> {
        self.terms_of_reference
            .iter()
            .enumerate()
            .filter_map(|(i, terms)| {
                terms
                    .approved_on
                    .filter(|approved| *approved <= on)
                    .map(|approved| (approved, terms.version, i, terms))
            })
            .max_by_key(|(approved, version, i, _)| (*approved, *version, *i))
            .map(|(_, _, i, terms)| (i, terms))
    }

    /// The approved versions of its terms of reference in date order, for
    /// finding the one in force on many dates: O(V log V) once, then
    /// O(log V) per date (see [`TermsTimeline::as_of`]).
    #[must_use]
    pub fn terms_timeline(&self) -> TermsTimeline<'_> {
        let mut sorted: Vec<(NaiveDate, TorVersion, usize)> = self
            .terms_of_reference
            .iter()
            .enumerate()
            .filter_map(|(i, terms)| {
                terms
                    .approved_on
                    .map(|approved| (approved, terms.version, i))
            })
            .collect();
        sorted.sort_unstable();
        TermsTimeline { body: self, sorted }
    }

    /// Whether the body exists on `on`.
    #[must_use]
    pub fn is_active(&self, on: NaiveDate) -> bool {
        self.active.contains(on)
    }
}

/// A body's approved terms of reference sorted by (approval date, version,
/// position), from [`Body::terms_timeline`].
#[derive(Debug, Clone)]
pub struct TermsTimeline<'a> {
    body: &'a Body,
    sorted: Vec<(NaiveDate, TorVersion, usize)>,
}

impl<'a> TermsTimeline<'a> {
    /// The same answer as [`Body::terms_as_of`], by binary search.
    #[must_use]
    pub fn as_of(&self, on: NaiveDate) -> Option<(usize, &'a TermsOfReference)> {
        // A binary search: about log2(versions) probes.
        mcn_core::steps::add(u64::from(usize::BITS - self.sorted.len().leading_zeros()));
        let after = self
            .sorted
            .partition_point(|(approved, _, _)| *approved <= on);
        let &(_, _, i) = self.sorted.get(after.checked_sub(1)?)?;
        self.body.terms_of_reference.get(i).map(|terms| (i, terms))
    }
}

vocabulary! {
    /// The kind of a governance body.
    BodyKind {
        /// The network board (accountable body).
        Board => "board",
        /// The network steering group.
        SteeringGroup => "steering_group",
        /// A clinical reference group.
        ClinicalReferenceGroup => "clinical_reference_group",
        /// A working group (guidelines, data, ...).
        WorkingGroup => "working_group",
        /// The education (training) group.
        EducationGroup => "education_group",
        /// A locality group.
        LocalityGroup => "locality_group",
        /// A parent/carer forum.
        ParentCarerForum => "parent_carer_forum",
        /// Any other body.
        Other => "other",
    }
}

impl BodyKind {
    /// Whether a body of this kind may be the root of the body tree (the board
    /// or the steering group).
    #[must_use]
    pub const fn can_be_root(self) -> bool {
        matches!(self, Self::Board | Self::SteeringGroup)
    }
}

/// One version of a body's terms of reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermsOfReference {
    /// Version, `MAJOR.MINOR` (e.g. `"2.1"`); unique within the body.
    pub version: TorVersion,
    /// The day it was approved; absent while it is a draft (a draft is never in force).
    #[schemars(with = "Option<NaiveDate>")]
    #[serde(
        with = "mcn_core::date::strict_option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub approved_on: Option<NaiveDate>,
    /// The decision (in a meeting's `decisions`) that approved it, where recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<DecisionId>,
    /// The day by which it must be reviewed.
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub review_by: NaiveDate,
    /// The body's purpose.
    pub purpose: Note,
    /// How often the body must meet.
    pub meeting_frequency: MeetingFrequency,
    /// When a meeting of the body is quorate.
    pub quorum: QuorumRule,
}

/// A terms-of-reference version was not `MAJOR.MINOR`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "terms of reference version {0:?} is malformed: expected MAJOR.MINOR such as \"1.0\" or \"2.1\" (no leading zeros)"
)]
pub struct TorVersionError(pub String);

/// A terms-of-reference version `MAJOR.MINOR` (e.g. `"1.0"`, `"2.1"`),
/// ordered numerically (`"1.10"` is after `"1.9"`): a [`Version`], so each
/// number has at most nine digits and no leading zeros, and every version has
/// exactly one spelling.
///
/// ```
/// use mcn_governance::TorVersion;
/// let v: TorVersion = "1.10".parse()?;
/// assert!(v > "1.9".parse()?);
/// assert!("1".parse::<TorVersion>().is_err());
/// assert!("01.0".parse::<TorVersion>().is_err());
/// # Ok::<(), mcn_governance::body::TorVersionError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TorVersion(Version);

impl TorVersion {
    /// A version from its numbers.
    #[must_use]
    pub const fn new(major: u16, minor: u16) -> Self {
        Self(Version::new(major, minor))
    }

    /// The version.
    #[must_use]
    pub const fn version(self) -> Version {
        self.0
    }

    /// The major number.
    #[must_use]
    pub const fn major(self) -> u32 {
        self.0.major()
    }

    /// The minor number.
    #[must_use]
    pub const fn minor(self) -> u32 {
        self.0.minor()
    }
}

impl std::str::FromStr for TorVersion {
    type Err = TorVersionError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        text.parse()
            .map(Self)
            .map_err(|_| TorVersionError(text.to_owned()))
    }
}

impl TryFrom<String> for TorVersion {
    type Error = TorVersionError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<TorVersion> for String {
    fn from(version: TorVersion) -> Self {
        version.to_string()
    }
}

impl fmt::Display for TorVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl JsonSchema for TorVersion {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("TorVersion")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_governance::body::TorVersion")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": Version::PATTERN,
            "description": "Terms of reference version MAJOR.MINOR, e.g. \"2.1\"; numbers without leading zeros.",
        })
    }
}

/// The reporting tree of bodies (`reports_to`), computed in linear time.
///
/// Indices are positions in the `bodies` slice given to [`body_tree`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BodyTree {
    /// Bodies that report to no one, in document order (a well-formed network has one).
    pub roots: Vec<usize>,
    /// For each body, its depth (root 0, a body reporting to the root 1, ...);
    /// `None` when it is in a cycle, under one, or reports (directly or not) to
    /// a body that is not in the slice.
    pub depth: Vec<Option<u32>>,
    /// Every `reports_to` cycle, each as body indices starting at the smallest
    /// index and following `reports_to`; sorted.
    pub cycles: Vec<Vec<usize>>,
}

/// A body's state while [`body_tree`] settles depths.
#[derive(Clone, Copy)]
enum State {
    New,
    OnWalk,
    Done(Option<u32>),
}

/// The body tree: roots, the depth of each body and the `reports_to` cycles.
///
/// A body id listed twice resolves to its first occurrence. Dissolved bodies
/// are part of the tree like any other (filter by [`Body::is_active`] if needed).
#[must_use]
pub fn body_tree(bodies: &[Body]) -> BodyTree {
    let index = IdIndex::new(bodies.iter().map(|body| body.id));
    let parent: Vec<Option<Option<usize>>> = bodies
        .iter()
        .map(|body| body.reports_to.map(|up| index.position(up)))
        .collect();

    let roots = bodies
        .iter()
        .enumerate()
        .filter(|(_, body)| body.reports_to.is_none())
        .map(|(i, _)| i)
        .collect();

    let mut state = vec![State::New; bodies.len()];
    let mut walk = Vec::new();
    for start in 0..bodies.len() {
        // Climb until a settled body, a root, a dangling parent, or a body
        // already on this walk (a cycle); then settle the walk top-down.
        walk.clear();
        let mut node = start;
        let base: Option<u32> = loop {
            match state.get(node).copied() {
                None | Some(State::OnWalk) => break None,
                Some(State::Done(depth)) => break depth,
                Some(State::New) => {}
            }
            match parent.get(node).copied().flatten() {
                None => {
                    if let Some(slot) = state.get_mut(node) {
                        *slot = State::Done(Some(0));
                    }
                    break Some(0);
                }
                Some(None) => {
                    walk.push(node);
                    break None;
                }
                Some(Some(up)) => {
                    if let Some(slot) = state.get_mut(node) {
                        *slot = State::OnWalk;
                    }
                    walk.push(node);
                    node = up;
                }
            }
        };
        let mut level = base;
        for &n in walk.iter().rev() {
            level = level.and_then(|l| l.checked_add(1));
            if let Some(slot) = state.get_mut(n) {
                *slot = State::Done(level);
            }
        }
    }
    let depth = state
        .into_iter()
        .map(|s| match s {
            State::Done(depth) => depth,
            State::New | State::OnWalk => None,
        })
        .collect();

    let cycles = reports_to_cycles(bodies, &index);
    BodyTree {
        roots,
        depth,
        cycles,
    }
}

/// `reports_to` cycles as body indices, each starting at its smallest index.
fn reports_to_cycles(bodies: &[Body], index: &IdIndex<BodyId>) -> Vec<Vec<usize>> {
    let edges = bodies.iter().enumerate().filter_map(|(i, body)| {
        let up = body.reports_to.and_then(|up| index.position(up))?;
        // Only first occurrences take part, so index → id → index is stable.
        index.is_first(body.id, i).then_some((i, up))
    });
    parent_cycles(edges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_parses_canonical_forms_only() {
        assert_eq!("1.0".parse::<TorVersion>(), Ok(TorVersion::new(1, 0)));
        assert_eq!("0.1".parse::<TorVersion>(), Ok(TorVersion::new(0, 1)));
        assert_eq!(
            "999999999.0".parse::<TorVersion>().map(TorVersion::major),
            Ok(999_999_999)
        );
        for bad in [
            "",
            "1",
            "1.",
            ".1",
            "1.0.0",
            "v1.0",
            "01.0",
            "1.00",
            "1.-1",
            " 1.0",
            "1000000000.0",
        ] {
            assert!(bad.parse::<TorVersion>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn version_orders_numerically_and_round_trips() {
        let v = |s: &str| s.parse::<TorVersion>().unwrap();
        assert!(v("1.10") > v("1.9"));
        assert!(v("2.0") > v("1.99"));
        assert_eq!(serde_json::to_string(&v("2.1")).unwrap(), "\"2.1\"");
        let err = serde_json::from_str::<TorVersion>("\"2\"").unwrap_err();
        assert!(err.to_string().contains("expected MAJOR.MINOR"), "{err}");
    }

    #[test]
    fn only_board_and_steering_group_can_be_root() {
        assert!(BodyKind::Board.can_be_root());
        assert!(BodyKind::SteeringGroup.can_be_root());
        assert!(!BodyKind::WorkingGroup.can_be_root());
    }
}
