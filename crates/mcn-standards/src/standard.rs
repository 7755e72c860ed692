//! Care standards and the shared measure definitions nested in them.

use mcn_core::{
    History, Lifecycle, NaiveDate, Note, Period, Proportion, Text,
    id::{DecisionId, MeasureId, StandardId},
    vocabulary,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::StandardCode;

vocabulary! {
    /// Where a standard stands in the network's own lifecycle.
    ///
    /// "Endorsed" means endorsed by the *network* through one of its governance
    /// decisions (recorded in [`Standard::endorsed_by`]), not published by NICE or
    /// another body: a published NICE statement enters the network as a `draft`.
    ///
    /// | from ↓ to →   | `draft` | `consultation` | `endorsed` | `superseded` | `retired` |
    /// |----------------|:-------:|:--------------:|:----------:|:------------:|:---------:|
    /// | *(start)*      |    ✓    |                |            |              |           |
    /// | `draft`        |         |       ✓        |            |              |     ✓     |
    /// | `consultation` |    ✓    |                |     ✓      |              |     ✓     |
    /// | `endorsed`     |         |                |     ✓      |      ✓       |     ✓     |
    /// | `superseded`   |         |                |            |              |     ✓     |
    /// | `retired`      |         |                |            |              |           |
    ///
    /// A history begins as a draft. A draft goes out to consultation (and may come
    /// back to draft for rework) before it is endorsed; a draft or consultation may
    /// be abandoned (retired). An endorsed standard may be endorsed again (after a
    /// review), superseded by a new version, or retired; a superseded one may later
    /// be retired. Retired is final.
    StandardStatus {
        /// Being drafted or proposed; not yet in force in the network.
        Draft => "draft",
        /// Out to the network's members for comment.
        Consultation => "consultation",
        /// Endorsed by the network through a governance decision; in force.
        Endorsed => "endorsed",
        /// Replaced by a newer version (the standard whose `supersedes` names this one).
        Superseded => "superseded",
        /// Withdrawn without replacement, or abandoned before endorsement.
        Retired => "retired",
    }
}

impl StandardStatus {
    /// Whether a standard in this status is still active (neither superseded nor retired).
    #[must_use]
    pub const fn is_active(self) -> bool {
        !matches!(self, Self::Superseded | Self::Retired)
    }
}

impl Lifecycle for StandardStatus {
    fn can_start_as(&self) -> bool {
        *self == Self::Draft
    }

    fn can_follow(&self, previous: &Self) -> bool {
        use StandardStatus::{Consultation, Draft, Endorsed, Retired, Superseded};
        matches!(
            (previous, self),
            (Draft, Consultation | Retired)
                | (Consultation, Draft | Endorsed | Retired)
                | (Endorsed, Endorsed | Superseded | Retired)
                | (Superseded, Retired)
        )
    }
}

vocabulary! {
    /// Who published the material a standard comes from.
    SourceKind {
        /// A NICE quality standard (e.g. QS160).
        NiceQualityStandard => "nice_quality_standard",
        /// A NICE guideline (e.g. NG61).
        NiceGuideline => "nice_guideline",
        /// Together for Short Lives (care pathways, standards).
        TogetherForShortLives => "together_for_short_lives",
        /// Written by the network itself.
        NetworkGuideline => "network_guideline",
        /// A formulary (e.g. a palliative care drug formulary).
        Formulary => "formulary",
        /// Any other source, named in the source's `reference` and `title`.
        Other => "other",
    }
}

/// The published source of a standard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StandardSource {
    /// Who published it.
    pub kind: SourceKind,
    /// The publisher's reference, e.g. `QS160`, `NG61`, or a network document number.
    pub reference: Text,
    /// The published title of the source document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// The day the source was first published.
    #[schemars(with = "Option<NaiveDate>")]
    #[serde(
        with = "mcn_core::date::strict_option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub published_on: Option<NaiveDate>,
    /// The day the source was last updated, if it has been.
    #[schemars(with = "Option<NaiveDate>")]
    #[serde(
        with = "mcn_core::date::strict_option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_on: Option<NaiveDate>,
    /// Where to read it (a web address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Text>,
}

vocabulary! {
    /// What sort of standard it is.
    StandardKind {
        /// One statement of a quality standard, with measures.
        QualityStatement => "quality_statement",
        /// A clinical guideline.
        Guideline => "guideline",
        /// A care pathway.
        CarePathway => "care_pathway",
        /// A policy.
        Policy => "policy",
        /// A formulary.
        Formulary => "formulary",
        /// A clinical protocol.
        Protocol => "protocol",
    }
}

vocabulary! {
    /// What a measure looks at (as in NICE quality standards and FHIR `Measure`).
    MeasureKind {
        /// Whether arrangements are in place (services, teams, written procedures).
        Structure => "structure",
        /// Whether care was given as the standard expects.
        Process => "process",
        /// What difference it made to children and families.
        Outcome => "outcome",
    }
}

/// A shared measure definition: every member counts the numerator and the
/// denominator the same way, so results can be compared and pooled.
///
/// Compliance is always computed (`numerator / denominator` of an
/// [`AuditResult`](crate::AuditResult)), never stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// The measure's id, referred to by audit results.
    pub id: MeasureId,
    /// Structure, process or outcome.
    pub kind: MeasureKind,
    /// What is measured, in one line.
    pub description: Text,
    /// Who or what is counted in the numerator.
    pub numerator: Note,
    /// Who or what is counted in the denominator.
    pub denominator: Note,
    /// The proportion the network aims for, if it has set one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Proportion>,
    /// Where the counts come from (records, audit, local data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_source: Option<Note>,
}

/// A care standard: a quality statement, guideline, pathway, policy, formulary
/// or protocol, with its lifecycle in the network and its measures.
///
/// Versions of a standard are separate standards linked by [`Standard::supersedes`];
/// a new version may keep the code of the one it replaces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    /// The standard's id.
    pub id: StandardId,
    /// Short human-readable code, unique among active standards, e.g. `NICE-QS160-6`.
    pub code: StandardCode,
    /// Short title.
    pub title: Text,
    /// What the standard expects, in the network's own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Note>,
    /// What sort of standard it is.
    pub kind: StandardKind,
    /// Where it comes from.
    pub source: StandardSource,
    /// The version, as its source names it (e.g. `September 2017`, `2.1`).
    pub version: Text,
    /// Dated status changes in the network, oldest first (see [`StandardStatus`]).
    pub status: History<StandardStatus>,
    /// When the standard applies in the network; absent until that is decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Period>,
    /// The date by which the network should review it.
    #[schemars(with = "Option<NaiveDate>")]
    #[serde(
        with = "mcn_core::date::strict_option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub review_by: Option<NaiveDate>,
    /// The earlier standard (version) this one replaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<StandardId>,
    /// The governance decision by which the network endorsed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endorsed_by: Option<DecisionId>,
    /// The evidence the standard rests on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Note>,
    /// Its measures, each a shared definition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
}

impl Standard {
    /// The status in force on `as_of`; `None` before the history begins.
    #[must_use]
    pub fn status_as_of(&self, as_of: NaiveDate) -> Option<StandardStatus> {
        self.status.status_as_of(as_of).copied()
    }

    /// Whether the standard is active on `as_of`: its history has begun and it
    /// is neither superseded nor retired.
    #[must_use]
    pub fn is_active_as_of(&self, as_of: NaiveDate) -> bool {
        self.status_as_of(as_of)
            .is_some_and(StandardStatus::is_active)
    }

    /// The measure with this id.
    #[must_use]
    pub fn measure(&self, id: MeasureId) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use StandardStatus::{Consultation, Draft, Endorsed, Retired, Superseded};

    #[test]
    fn lifecycle_table() {
        let allowed = [
            (Draft, Consultation),
            (Draft, Retired),
            (Consultation, Draft),
            (Consultation, Endorsed),
            (Consultation, Retired),
            (Endorsed, Endorsed),
            (Endorsed, Superseded),
            (Endorsed, Retired),
            (Superseded, Retired),
        ];
        for from in StandardStatus::ALL {
            for to in StandardStatus::ALL {
                assert_eq!(
                    to.can_follow(&from),
                    allowed.contains(&(from, to)),
                    "{from} -> {to}"
                );
            }
        }
        let starts: Vec<_> = StandardStatus::ALL
            .into_iter()
            .filter(Lifecycle::can_start_as)
            .collect();
        assert_eq!(starts, [Draft]);
    }

    #[test]
    fn active_and_names() {
        assert!(Draft.is_active() && Consultation.is_active() && Endorsed.is_active());
        assert!(!Superseded.is_active() && !Retired.is_active());
        for s in StandardStatus::ALL {
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
    }
}
