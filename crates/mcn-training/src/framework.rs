//! The UK & Ireland children's palliative care education framework: four
//! levels and four learning-outcome areas; and how training is delivered.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A level of the children's palliative care education framework, ordered
/// from the broadest audience to the most specialised:
/// `public_health < universal < core < specialist`.
///
/// Training at one level also satisfies a requirement for any lower level.
///
/// ```
/// use mcn_training::EducationLevel;
/// assert!(EducationLevel::Core > EducationLevel::Universal);
/// assert_eq!(EducationLevel::Specialist.as_str(), "specialist");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EducationLevel {
    /// Awareness for the public and the wider community workforce who may meet
    /// these children and families.
    PublicHealth,
    /// For everyone whose work may bring them into contact with children who
    /// have life-limiting conditions and their families.
    Universal,
    /// For staff who regularly care for these children and families as part of
    /// their work.
    Core,
    /// For staff whose main work is specialist children's palliative care.
    Specialist,
}

impl EducationLevel {
    /// Every level, lowest first.
    pub const ALL: [Self; 4] = [
        Self::PublicHealth,
        Self::Universal,
        Self::Core,
        Self::Specialist,
    ];

    /// The `snake_case` name used in documents (and as an alignment code in exports).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::PublicHealth => "public_health",
            Self::Universal => "universal",
            Self::Core => "core",
            Self::Specialist => "specialist",
        }
    }

    /// Position in [`EducationLevel::ALL`] (0 for public health).
    #[must_use]
    pub(crate) const fn index(self) -> usize {
        match self {
            Self::PublicHealth => 0,
            Self::Universal => 1,
            Self::Core => 2,
            Self::Specialist => 3,
        }
    }
}

impl fmt::Display for EducationLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One of the framework's four learning-outcome areas (each level has all four).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LearningOutcome {
    /// Talking and listening well with children, families and colleagues.
    Communication,
    /// Working jointly with other professionals and services across care settings.
    Collaboration,
    /// Recognising symptoms and knowing how to manage them.
    SymptomManagement,
    /// Looking after one's own wellbeing and supporting that of colleagues and
    /// families.
    Wellbeing,
}

impl LearningOutcome {
    /// Every outcome area, in framework order.
    pub const ALL: [Self; 4] = [
        Self::Communication,
        Self::Collaboration,
        Self::SymptomManagement,
        Self::Wellbeing,
    ];

    /// The `snake_case` name used in documents.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Communication => "communication",
            Self::Collaboration => "collaboration",
            Self::SymptomManagement => "symptom_management",
            Self::Wellbeing => "wellbeing",
        }
    }

    /// Position in [`LearningOutcome::ALL`].
    #[must_use]
    pub(crate) const fn index(self) -> usize {
        match self {
            Self::Communication => 0,
            Self::Collaboration => 1,
            Self::SymptomManagement => 2,
            Self::Wellbeing => 3,
        }
    }
}

impl fmt::Display for LearningOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of learning outcomes as a bit mask (internal; documents hold lists).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) struct OutcomeSet(u8);

impl OutcomeSet {
    /// The set of the outcomes listed (duplicates ignored).
    pub(crate) fn of(outcomes: &[LearningOutcome]) -> Self {
        Self(outcomes.iter().fold(0, |mask, o| mask | (1 << o.index())))
    }

    /// Whether `outcome` is in the set.
    pub(crate) const fn contains(self, outcome: LearningOutcome) -> bool {
        self.0 & (1 << outcome.index()) != 0
    }

    /// The outcomes in the set, in framework order.
    pub(crate) fn iter(self) -> impl Iterator<Item = LearningOutcome> {
        LearningOutcome::ALL
            .into_iter()
            .filter(move |o| self.contains(*o))
    }
}

/// How training is delivered.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Delivery {
    /// Face to face, at a venue.
    InPerson,
    /// Live online (video call, webinar).
    Virtual,
    /// Partly in person, partly online.
    Blended,
    /// Self-paced online learning, with no venue and no fixed session.
    ELearning,
}

impl Delivery {
    /// Every delivery mode, in declaration order.
    pub const ALL: [Self; 4] = [
        Self::InPerson,
        Self::Virtual,
        Self::Blended,
        Self::ELearning,
    ];

    /// The `snake_case` name used in documents.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::InPerson => "in_person",
            Self::Virtual => "virtual",
            Self::Blended => "blended",
            Self::ELearning => "e_learning",
        }
    }

    /// Whether some of the training happens at a physical place (in person or blended).
    #[must_use]
    pub const fn has_place(self) -> bool {
        matches!(self, Self::InPerson | Self::Blended)
    }

    /// Position in [`Delivery::ALL`].
    pub(crate) const fn index(self) -> usize {
        match self {
            Self::InPerson => 0,
            Self::Virtual => 1,
            Self::Blended => 2,
            Self::ELearning => 3,
        }
    }
}

impl fmt::Display for Delivery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_ordered_lowest_first() {
        assert!(EducationLevel::PublicHealth < EducationLevel::Universal);
        assert!(EducationLevel::Universal < EducationLevel::Core);
        assert!(EducationLevel::Core < EducationLevel::Specialist);
        let mut sorted = EducationLevel::ALL;
        sorted.sort();
        assert_eq!(sorted, EducationLevel::ALL);
        for (i, level) in EducationLevel::ALL.iter().enumerate() {
            assert_eq!(level.index(), i);
        }
    }

    #[test]
    fn as_str_matches_serde_spelling() {
        for l in EducationLevel::ALL {
            assert_eq!(serde_json::to_value(l).unwrap(), l.as_str());
        }
        for (i, o) in LearningOutcome::ALL.iter().enumerate() {
            assert_eq!(serde_json::to_value(o).unwrap(), o.as_str());
            assert_eq!(o.index(), i);
        }
        for (i, d) in Delivery::ALL.iter().enumerate() {
            assert_eq!(serde_json::to_value(d).unwrap(), d.as_str());
            assert_eq!(d.index(), i);
        }
        assert!(serde_json::from_str::<Delivery>("\"elearning\"").is_err());
    }

    #[test]
    fn outcome_sets() {
        let set = OutcomeSet::of(&[
            LearningOutcome::Wellbeing,
            LearningOutcome::Communication,
            LearningOutcome::Wellbeing,
        ]);
        assert!(set.contains(LearningOutcome::Wellbeing));
        assert!(!set.contains(LearningOutcome::Collaboration));
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            [LearningOutcome::Communication, LearningOutcome::Wellbeing]
        );
        assert_eq!(OutcomeSet::of(&[]), OutcomeSet::default());
    }

    #[test]
    fn places() {
        assert!(Delivery::InPerson.has_place() && Delivery::Blended.has_place());
        assert!(!Delivery::Virtual.has_place() && !Delivery::ELearning.has_place());
    }
}
