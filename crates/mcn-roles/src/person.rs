//! People who work in or with the network (FHIR `Practitioner`, Popolo `Person`).
//! Names, e-mail addresses and registration numbers are staff personal data.

use mcn_core::{
    Email, Identifier, IdentifierSystem, Profession, Redact, Text,
    id::{OrganisationId, PersonId},
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A person: a member of staff, or a parent/carer representative.
///
/// What posts the person holds is recorded in [`crate::Appointment`]s, not here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The person's id.
    pub id: PersonId,
    /// Full name (personal data; removed on redaction).
    #[schemars(extend("x-personal-data" = true))]
    pub name: Text,
    /// Profession.
    pub profession: Profession,
    /// Professional registration (personal data; removed on redaction): GMC for
    /// doctors, NMC for nurses, HCPC for allied health professionals and
    /// psychologists, or another register named by URI (e.g. the General
    /// Pharmaceutical Council for pharmacists). Checked against the profession by the rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-personal-data" = true))]
    pub registration: Option<Identifier>,
    /// The organisation that employs the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer: Option<OrganisationId>,
    /// Work e-mail address (personal data; removed on redaction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-personal-data" = true))]
    pub email: Option<Email>,
}

impl Person {
    /// Whether the registration, if any, fits the profession (see [`registration_fits`]).
    #[must_use]
    pub fn registration_fits_profession(&self) -> bool {
        self.registration
            .as_ref()
            .is_none_or(|registration| registration_fits(self.profession, registration.system()))
    }
}

/// Whether a registration on `system` fits `profession`.
///
/// - A profession with a known register ([`Profession::register`]: GMC, NMC,
///   HCPC) fits that register only among the known systems.
/// - A profession without one (pharmacist, social worker, manager, ...) fits no
///   known professional register.
/// - An organisation register (ODS, charity or company numbers) never fits.
/// - A register outside the known ones ([`IdentifierSystem::Other`], e.g. the
///   General Pharmaceutical Council or Social Work England named by URI) fits any profession: the model
///   cannot tell whom it registers.
///
/// ```
/// use mcn_core::{IdentifierSystem, Profession};
/// use mcn_roles::registration_fits;
/// assert!(registration_fits(Profession::Doctor, &IdentifierSystem::Gmc));
/// assert!(!registration_fits(Profession::Nurse, &IdentifierSystem::Gmc));
/// assert!(!registration_fits(Profession::Manager, &IdentifierSystem::Ods));
/// ```
#[must_use]
pub fn registration_fits(profession: Profession, system: &IdentifierSystem) -> bool {
    if matches!(system, IdentifierSystem::Other(_)) {
        return true;
    }
    profession
        .register()
        .is_some_and(|expected| expected == *system)
}

impl Redact for Person {
    /// Replaces the name with `[redacted]` and removes the registration and e-mail.
    fn redact(&mut self) {
        self.name = Text::redacted();
        self.registration = None;
        self.email = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mcn_core::text::REDACTED;

    fn person(profession: Profession, registration: Option<Identifier>) -> Person {
        Person {
            id: "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f".parse().unwrap(),
            name: Text::new("Ann Lee").unwrap(),
            profession,
            registration,
            employer: None,
            email: Some(Email::new("ann.lee@nhs.net").unwrap()),
        }
    }

    fn id(system: IdentifierSystem, value: &str) -> Identifier {
        Identifier::new(system, value).unwrap()
    }

    #[test]
    fn every_profession_fits_its_own_register_only() {
        for profession in Profession::ALL {
            for system in mcn_core::identifier::KNOWN_SYSTEMS {
                assert_eq!(
                    registration_fits(profession, &system),
                    profession.register() == Some(system.clone()),
                    "{profession} on {system}"
                );
            }
        }
    }

    #[test]
    fn other_registers_fit_any_profession() {
        let gphc = IdentifierSystem::other("https://www.pharmacyregulation.org/registers").unwrap();
        assert!(registration_fits(Profession::Pharmacist, &gphc));
        assert!(registration_fits(Profession::Doctor, &gphc));
    }

    #[test]
    fn person_registration_checks() {
        assert!(person(Profession::Doctor, None).registration_fits_profession());
        assert!(
            person(
                Profession::Doctor,
                Some(id(IdentifierSystem::Gmc, "1234567"))
            )
            .registration_fits_profession()
        );
        assert!(
            !person(
                Profession::Doctor,
                Some(id(IdentifierSystem::Nmc, "12A3456E"))
            )
            .registration_fits_profession()
        );
        assert!(
            !person(Profession::Manager, Some(id(IdentifierSystem::Ods, "RCB")))
                .registration_fits_profession()
        );
    }

    #[test]
    fn redaction_removes_personal_data_only() {
        let original = person(
            Profession::Nurse,
            Some(id(IdentifierSystem::Nmc, "12A3456E")),
        );
        let redacted = original.redacted();
        assert_eq!(redacted.name.as_str(), REDACTED);
        assert_eq!(redacted.registration, None);
        assert_eq!(redacted.email, None);
        assert_eq!(redacted.id, original.id);
        assert_eq!(redacted.profession, Profession::Nurse);
    }

    #[test]
    fn serde_shape_and_unknown_fields() {
        let p = person(
            Profession::Doctor,
            Some(id(IdentifierSystem::Gmc, "1234567")),
        );
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["registration"]["system"], "gmc");
        assert_eq!(json["profession"], "doctor");
        assert!(json.get("employer").is_none(), "absent options are skipped");
        let mut typo = json;
        typo["emial"] = "x".into();
        assert!(serde_json::from_value::<Person>(typo).is_err());
    }

    #[test]
    fn schema_marks_personal_data() {
        let schema = serde_json::to_value(schemars::schema_for!(Person)).unwrap();
        for field in ["name", "registration", "email"] {
            assert_eq!(
                schema["properties"][field]["x-personal-data"], true,
                "{field}: {}",
                schema["properties"][field]
            );
        }
        assert!(
            schema["properties"]["profession"]
                .get("x-personal-data")
                .is_none()
        );
    }
}
