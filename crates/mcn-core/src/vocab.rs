//! Closed vocabularies: the [`Vocabulary`] trait every closed `snake_case`
//! unit enum implements, the [`vocabulary!`](crate::vocabulary) macro that
//! declares one, and the vocabularies more than one domain names: professions
//! (people, workforce, training requirements) and post roles (posts, seats and
//! quorum rules, training requirements).

use std::fmt;

use crate::IdentifierSystem;

/// A closed vocabulary: a unit enum whose values are spelled in documents as
/// fixed `snake_case` words.
///
/// [`vocabulary!`](crate::vocabulary) implements it (with `FromStr` and
/// `Display`) for every enum it declares; the few whose `Display` is not the
/// spelling, or that are only ever written, implement it by hand (and check
/// it with [`serde_mismatches`] in a test).
///
/// ```
/// use mcn_core::{Profession, vocab::Vocabulary};
/// assert_eq!(Profession::parse("social_worker"), Some(Profession::SocialWorker));
/// assert_eq!(Profession::parse("Social Worker"), None);
/// let error = "vet".parse::<Profession>().unwrap_err();
/// assert!(error.to_string().starts_with(r#"unknown Profession "vet": expected one of doctor, nurse,"#));
/// assert_eq!(<Profession as Vocabulary>::ALL.len(), 12);
/// ```
pub trait Vocabulary: Copy + Eq + fmt::Debug + Send + Sync + 'static {
    /// The vocabulary's name for messages: the type's name (`Profession`).
    const NAME: &'static str;

    /// Every value, in declaration order.
    const ALL: &'static [Self];

    /// The `snake_case` spelling used in documents.
    fn as_str(self) -> &'static str;

    /// The value spelled `text`, if any (exact match: no trimming, no case folding).
    fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|value| value.as_str() == text)
    }

    /// The value spelled `text`, or an error naming it and the spellings expected.
    fn parse_or_error(text: &str) -> Result<Self, UnknownValue> {
        Self::parse(text).ok_or_else(|| UnknownValue {
            vocabulary: Self::NAME,
            value: text.to_owned(),
            expected: Self::ALL.iter().map(|value| value.as_str()).collect(),
        })
    }
}

/// A word that is not in a vocabulary.
///
/// ```
/// use mcn_core::vocab::UnknownValue;
/// let error = UnknownValue { vocabulary: "Rag", value: "blue".into(), expected: vec!["red", "amber", "green"] };
/// assert_eq!(error.to_string(), r#"unknown Rag "blue": expected one of red, amber, green"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {vocabulary} {value:?}: expected one of {}", expected.join(", "))]
pub struct UnknownValue {
    /// The vocabulary's name (`Profession`).
    pub vocabulary: &'static str,
    /// The word given.
    pub value: String,
    /// Every spelling the vocabulary has, in declaration order.
    pub expected: Vec<&'static str>,
}

/// The values of `V` whose serde form disagrees with [`Vocabulary::as_str`]:
/// serialised as anything but the JSON string `as_str()`, or that string not
/// read back as the value. Empty for a sound vocabulary; a test calls it for
/// each hand-written one (the macro checks its own at compile time).
pub fn serde_mismatches<V>() -> Vec<V>
where
    V: Vocabulary + serde::Serialize + serde::de::DeserializeOwned,
{
    V::ALL
        .iter()
        .copied()
        .filter(|&value| {
            let written = serde_json::to_value(value).ok();
            let read = serde_json::from_value::<V>(serde_json::Value::from(value.as_str())).ok();
            written != Some(serde_json::Value::from(value.as_str())) || read != Some(value)
        })
        .collect()
}

/// Declares a closed vocabulary: a `snake_case` unit-variant enum with `ALL`
/// (every value, in declaration order, as an array), `as_str` (the document
/// spelling, `const`), a `Display` that writes it, `FromStr` (failing with
/// [`UnknownValue`]) and the [`Vocabulary`] trait.
///
/// The enum derives `Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash`,
/// serde's `Serialize`/`Deserialize` (`rename_all = "snake_case"`) and
/// `JsonSchema`, and is `#[non_exhaustive]` unless declared `exhaustive` (a
/// vocabulary that cannot grow, such as the days of the week); the docs given
/// become the JSON Schema descriptions. Each spelling is checked at compile time
/// to be serde's `snake_case` form of its variant, so `as_str`, `Display`,
/// `FromStr` and the JSON agree.
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
/// assert_eq!("virtual".parse::<MeetingFormat>(), Ok(MeetingFormat::Virtual));
/// assert_eq!(serde_json::to_string(&MeetingFormat::InPerson)?, r#""in_person""#);
///
/// mcn_core::vocabulary! {
///     /// A coin's face.
///     exhaustive Face {
///         /// Heads.
///         Heads => "heads",
///         /// Tails.
///         Tails => "tails",
///     }
/// }
/// let call = |face: Face| match face { Face::Heads => 1, Face::Tails => 0 };
/// assert_eq!(call(Face::Heads), 1);
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
        exhaustive $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $text:literal, )+
        }
    ) => {
        $crate::vocabulary! {
            @define [$(#[$meta])*] $name { $( [$(#[$vmeta])*] $variant => $text, )+ }
        }
    };
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $text:literal, )+
        }
    ) => {
        $crate::vocabulary! {
            @define [$(#[$meta])* #[non_exhaustive]] $name {
                $( [$(#[$vmeta])*] $variant => $text, )+
            }
        }
    };
    (
        @define [$($meta:tt)*] $name:ident {
            $( [$($vmeta:tt)*] $variant:ident => $text:literal, )+
        }
    ) => {
        $($meta)*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            $crate::__private::serde::Serialize,
            $crate::__private::serde::Deserialize,
            $crate::__private::schemars::JsonSchema,
        )]
        #[serde(crate = "mcn_core::__private::serde", rename_all = "snake_case")]
        #[schemars(crate = "mcn_core::__private::schemars")]
        pub enum $name {
            $( $($vmeta)* $variant, )+
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

        impl $crate::vocab::Vocabulary for $name {
            const NAME: &'static str = stringify!($name);
            const ALL: &'static [Self] = &Self::ALL;

            fn as_str(self) -> &'static str {
                Self::as_str(self)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::vocab::UnknownValue;

            fn from_str(text: &str) -> ::std::result::Result<Self, Self::Err> {
                <Self as $crate::vocab::Vocabulary>::parse_or_error(text)
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

    #[allow(unreachable_pub)]
    mod colour {
        crate::vocabulary! {
            /// A test vocabulary.
            Colour {
                /// Red.
                Red => "red",
                /// Light blue.
                LightBlue => "light_blue",
            }
        }
    }
    use colour::Colour;

    /// Round trip `as_str` -> `parse` and serde's spelling for any vocabulary.
    fn sound<V>()
    where
        V: Vocabulary
            + std::str::FromStr<Err = UnknownValue>
            + serde::Serialize
            + serde::de::DeserializeOwned,
    {
        assert!(!V::ALL.is_empty());
        for &value in V::ALL {
            assert_eq!(V::parse(value.as_str()), Some(value));
            assert_eq!(value.as_str().parse::<V>(), Ok(value));
        }
        assert!(serde_mismatches::<V>().is_empty());
    }

    #[test]
    fn vocabularies_round_trip_and_agree_with_serde() {
        sound::<Colour>();
        sound::<Profession>();
        sound::<PostRole>();
        sound::<crate::Severity>();
        sound::<crate::Rag>();
    }

    #[test]
    fn unknown_words_are_refused_naming_the_spellings() {
        assert_eq!(Colour::parse("Red"), None);
        assert_eq!(Colour::parse(" red"), None);
        assert_eq!(Colour::parse("lightblue"), None);
        let error = "blue".parse::<Colour>().unwrap_err();
        assert_eq!(
            error.to_string(),
            r#"unknown Colour "blue": expected one of red, light_blue"#
        );
        assert_eq!(error.expected, ["red", "light_blue"]);
    }

    #[test]
    fn serde_mismatches_finds_a_disagreeing_spelling() {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        enum Shouting {
            Loud,
        }
        impl Vocabulary for Shouting {
            const NAME: &'static str = "Shouting";
            const ALL: &'static [Self] = &[Self::Loud];
            fn as_str(self) -> &'static str {
                "loud"
            }
        }
        assert_eq!(serde_mismatches::<Shouting>(), [Shouting::Loud]);
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
