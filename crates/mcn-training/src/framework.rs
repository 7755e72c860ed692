//! The UK & Ireland children's palliative care education framework: four
//! levels and four learning-outcome areas; and how training is delivered.

use mcn_core::vocabulary;

vocabulary! {
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
    EducationLevel {
        /// Awareness for the public and the wider community workforce who may meet
        /// these children and families.
        PublicHealth => "public_health",
        /// For everyone whose work may bring them into contact with children who
        /// have life-limiting conditions and their families.
        Universal => "universal",
        /// For staff who regularly care for these children and families as part of
        /// their work.
        Core => "core",
        /// For staff whose main work is specialist children's palliative care.
        Specialist => "specialist",
    }
}

impl EducationLevel {
    /// Position in [`EducationLevel::ALL`] (0 for public health).
    #[must_use]
    pub(crate) const fn index(self) -> usize {
        // Unit variants are numbered 0, 1, ... in declaration order, as in `ALL`.
        self as usize
    }
}

vocabulary! {
    /// One of the framework's four learning-outcome areas (each level has all four).
    LearningOutcome {
        /// Talking and listening well with children, families and colleagues.
        Communication => "communication",
        /// Working jointly with other professionals and services across care settings.
        Collaboration => "collaboration",
        /// Recognising symptoms and knowing how to manage them.
        SymptomManagement => "symptom_management",
        /// Looking after one's own wellbeing and supporting that of colleagues and
        /// families.
        Wellbeing => "wellbeing",
    }
}

impl LearningOutcome {
    /// Position in [`LearningOutcome::ALL`].
    #[must_use]
    pub(crate) const fn index(self) -> usize {
        // Unit variants are numbered 0, 1, ... in declaration order, as in `ALL`.
        self as usize
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

vocabulary! {
    /// How training is delivered.
    Delivery {
        /// Face to face, at a venue.
        InPerson => "in_person",
        /// Live online (video call, webinar).
        Virtual => "virtual",
        /// Partly in person, partly online.
        Blended => "blended",
        /// Self-paced online learning, with no venue and no fixed session.
        ELearning => "e_learning",
    }
}

impl Delivery {
    /// Whether some of the training happens at a physical place (in person or blended).
    #[must_use]
    pub const fn has_place(self) -> bool {
        matches!(self, Self::InPerson | Self::Blended)
    }

    /// Position in [`Delivery::ALL`].
    pub(crate) const fn index(self) -> usize {
        // Unit variants are numbered 0, 1, ... in declaration order, as in `ALL`.
        self as usize
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
        for (i, level) in EducationLevel::ALL.iter().enumerate() {
            assert_eq!(level.index(), i);
        }
    }

    #[test]
    fn indexes_follow_declaration_order() {
        for (i, o) in LearningOutcome::ALL.iter().enumerate() {
            assert_eq!(o.index(), i);
        }
        for (i, d) in Delivery::ALL.iter().enumerate() {
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
