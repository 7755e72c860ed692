//! Closed vocabularies: the [`vocabulary!`](crate::vocabulary) macro every
//! crate declares its unit enums with, and the vocabularies more than one
//! domain names: professions (people, workforce, training requirements) and
//! post roles (posts, seats and quorum rules, training requirements).

use crate::IdentifierSystem;

/// Declares a closed vocabulary: a `snake_case` unit-variant enum with `ALL`
/// (every value, in declaration order), `as_str` (the document spelling) and a
/// `Display` that writes it.
///
/// The enum derives `Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash`,
/// serde's `Serialize`/`Deserialize` (`rename_all = "snake_case"`) and
/// `JsonSchema`, and is `#[non_exhaustive]`; the docs given become the JSON
/// Schema descriptions. Each spelling is checked at compile time to be serde's
/// `snake_case` form of its variant, so `as_str`, `Display` and the JSON agree.
///
/// ```
/// mcn_core::vocabulary! {
///     /// How a meeting is held.
///     MeetingFormat {
///         /// Everyone in one room.
///         InPerson => "in_person",
///         /// Online.
///         Virtual => "virtual",
///     }
/// }
/// assert_eq!(MeetingFormat::ALL, [MeetingFormat::InPerson, MeetingFormat::Virtual]);
/// assert_eq!(MeetingFormat::InPerson.to_string(), "in_person");
/// assert_eq!(serde_json::to_string(&MeetingFormat::InPerson)?, r#""in_person""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// A spelling that is not the variant's `snake_case` form does not compile:
///
/// ```compile_fail
/// mcn_core::vocabulary! {
///     /// Wrong.
///     Bad {
///         /// Misspelt.
///         InPerson => "inperson",
///     }
/// }
/// ```
#[macro_export]
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            $crate::__private::serde::Serialize,
            $crate::__private::serde::Deserialize,
            $crate::__private::schemars::JsonSchema,
        )]
        #[serde(crate = "mcn_core::__private::serde", rename_all = "snake_case")]
        #[schemars(crate = "mcn_core::__private::schemars")]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        const _: () = {
            $(
                assert!(
                    $crate::vocab::is_snake_case_of(stringify!($variant), $text),
                    concat!(
                        "vocabulary ", stringify!($name), ": ", stringify!($text),
                        " is not the snake_case spelling of ", stringify!($variant)
                    )
                );
            )+
        };

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [Self; [$(stringify!($variant)),+].len()] = [$(Self::$variant),+];

            /// The `snake_case` spelling used in documents.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( Self::$variant => $text, )+
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// Whether `text` is serde's `snake_case` spelling of the variant name
/// `variant` (each upper-case letter but the first becomes `_` and its lower
/// case). Used by [`vocabulary!`](crate::vocabulary) at compile time.
#[doc(hidden)]
#[must_use]
pub const fn is_snake_case_of(variant: &str, text: &str) -> bool {
    let mut variant = variant.as_bytes();
    let mut text = text.as_bytes();
    let mut first = true;
    while let Some((&c, rest)) = variant.split_first() {
        variant = rest;
        if c.is_ascii_uppercase() && !first {
            match text.split_first() {
                Some((&b'_', rest)) => text = rest,
                _ => return false,
            }
        }
        match text.split_first() {
            Some((&t, rest)) if t == c.to_ascii_lowercase() => text = rest,
            _ => return false,
        }
        first = false;
    }
    text.is_empty()
}

crate::vocabulary! {
    /// A person's profession.
    Profession {
        /// Medical doctor (registered with the GMC).
        Doctor => "doctor",
        /// Nurse (registered with the NMC).
        Nurse => "nurse",
        /// Allied health professional: physiotherapist, occupational therapist, dietitian,
        /// speech and language therapist, ... (registered with the HCPC).
        AlliedHealthProfessional => "allied_health_professional",
        /// Practitioner psychologist (registered with the HCPC).
        Psychologist => "psychologist",
        /// Pharmacist (registered with the General Pharmaceutical Council).
        Pharmacist => "pharmacist",
        /// Social worker (registered with Social Work England or a devolved regulator).
        SocialWorker => "social_worker",
        /// Chaplain or spiritual care lead.
        Chaplain => "chaplain",
        /// Manager.
        Manager => "manager",
        /// Administrator.
        Administrator => "administrator",
        /// Educator or trainer.
        Educator => "educator",
        /// Parent or carer (for parent/carer representatives).
        ParentCarer => "parent_carer",
        /// Any other profession.
        Other => "other",
    }
}

impl Profession {
    /// The register among [`IdentifierSystem`]'s known systems that a registration
    /// for this profession belongs to, where there is one.
    #[must_use]
    pub const fn register(self) -> Option<IdentifierSystem> {
        match self {
            Self::Doctor => Some(IdentifierSystem::Gmc),
            Self::Nurse => Some(IdentifierSystem::Nmc),
            Self::AlliedHealthProfessional | Self::Psychologist => Some(IdentifierSystem::Hcpc),
            _ => None,
        }
    }
}

crate::vocabulary! {
    /// The role a post plays in the network (Popolo / W3C ORG `Post` role).
    PostRole {
        /// Network co-ordinator: the funded post the evaluation found key to success.
        NetworkCoordinator => "network_coordinator",
        /// Clinical lead.
        ClinicalLead => "clinical_lead",
        /// Chair of a governance body.
        Chair => "chair",
        /// Vice-chair of a governance body.
        ViceChair => "vice_chair",
        /// Network manager.
        NetworkManager => "network_manager",
        /// Administrator.
        Administrator => "administrator",
        /// Education lead.
        EducationLead => "education_lead",
        /// Locality lead.
        LocalityLead => "locality_lead",
        /// Champion (e.g. a palliative care champion in a team).
        Champion => "champion",
        /// Parent or carer representative.
        ParentCarerRepresentative => "parent_carer_representative",
        /// Member of a body.
        Member => "member",
        /// Any other role.
        Other => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_str_matches_serde_spelling() {
        for p in Profession::ALL {
            assert_eq!(serde_json::to_value(p).unwrap(), p.as_str());
        }
        for r in PostRole::ALL {
            assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
        }
    }

    #[test]
    fn all_lists_every_value_once_in_order() {
        assert_eq!(Profession::ALL.len(), 12);
        assert_eq!(PostRole::ALL.len(), 12);
        assert!(Profession::ALL.windows(2).all(|w| w[0] < w[1]));
        assert!(PostRole::ALL.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(PostRole::ViceChair.to_string(), "vice_chair");
        assert_eq!(
            serde_json::from_str::<Profession>("\"parent_carer\"").unwrap(),
            Profession::ParentCarer
        );
    }

    #[test]
    fn snake_case_check() {
        assert!(is_snake_case_of("ParentCarer", "parent_carer"));
        assert!(is_snake_case_of("ELearning", "e_learning"));
        assert!(is_snake_case_of("Other", "other"));
        assert!(!is_snake_case_of("ParentCarer", "parentcarer"));
        assert!(!is_snake_case_of("ParentCarer", "parent_carers"));
        assert!(!is_snake_case_of("ParentCarer", "parent_care"));
        assert!(!is_snake_case_of("Other", "Other"));
        assert!(!is_snake_case_of("Other", "_other"));
    }

    #[test]
    fn registers() {
        assert_eq!(Profession::Doctor.register(), Some(IdentifierSystem::Gmc));
        assert_eq!(
            Profession::Psychologist.register(),
            Some(IdentifierSystem::Hcpc)
        );
        assert_eq!(Profession::Manager.register(), None);
    }
}
