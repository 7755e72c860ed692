//! Appointments: a person holds a post for a period, at a WTE, with protected
//! time (Popolo `Membership` of a post; FHIR `PractitionerRole`).

use mcn_core::{
    NaiveDate, Period, Wte,
    id::{AppointmentId, PersonId, PostId},
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mcn_core::vocabulary! {
    /// On what basis a person holds a post.
    #[derive(Default)]
    AppointmentBasis {
        /// The permanent, substantive holder (the default).
        #[default]
        Substantive => "substantive",
        /// Acting up while the substantive holder is away or the post is being filled.
        Acting => "acting",
        /// An interim holder until a substantive appointment is made.
        Interim => "interim",
        /// Seconded from another organisation.
        Secondment => "secondment",
        /// Honorary (unpaid, e.g. an honorary contract).
        Honorary => "honorary",
        /// Voluntary (e.g. a parent/carer representative).
        Voluntary => "voluntary",
        /// Any other basis.
        Other => "other",
    }
}

/// A person's appointment to a post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Appointment {
    /// The appointment's id.
    pub id: AppointmentId,
    /// The post held.
    pub post: PostId,
    /// The person who holds it.
    pub person: PersonId,
    /// When the person holds it (an open end while the appointment continues).
    pub period: Period,
    /// The person's whole-time equivalent in this post, 0.00 to 1.00.
    pub wte: Wte,
    /// Hours a week protected for the post's work (e.g. a clinician's sessions
    /// as clinical lead), 0 to 48.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protected_hours_per_week: Option<HoursPerWeek>,
    /// Substantive, acting, interim, ... (`substantive` when absent).
    #[serde(default)]
    pub basis: AppointmentBasis,
}

impl Appointment {
    /// Whether the appointment is in force on `as_of`.
    #[must_use]
    pub fn is_current(&self, as_of: NaiveDate) -> bool {
        self.period.contains(as_of)
    }
}

mcn_core::hundredths_quantity! {
    /// Hours a week, 0 to 48 (the Working Time Regulations' weekly limit) in steps
    /// of 0.01, serialised as a JSON number (`7.5`).
    ///
    /// ```
    /// use mcn_roles::HoursPerWeek;
    /// assert_eq!(HoursPerWeek::try_from(7.5)?.hundredths(), 750);
    /// assert!(HoursPerWeek::try_from(48.5).is_err());
    /// assert!(HoursPerWeek::try_from(-1.0).is_err());
    /// # Ok::<(), mcn_core::decimal::DecimalError>(())
    /// ```
    pub struct HoursPerWeek(u16), max = 4800,
    description = "Hours a week, 0 to 48, at most two decimal places (the two-decimal \
                   rule is checked on load)."
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_boundaries() {
        assert_eq!(HoursPerWeek::try_from(0.0), Ok(HoursPerWeek(0)));
        assert_eq!(HoursPerWeek::try_from(48.0), Ok(HoursPerWeek(4800)));
        assert_eq!(
            HoursPerWeek::try_from(48.01),
            Err(mcn_core::decimal::DecimalError::OutOfRange {
                value: 48.01,
                max: 48.0
            })
        );
        assert_eq!(
            HoursPerWeek::try_from(-0.01),
            Err(mcn_core::decimal::DecimalError::OutOfRange {
                value: -0.01,
                max: 48.0
            })
        );
        assert!(HoursPerWeek::try_from(f64::NAN).is_err());
        assert!(HoursPerWeek::try_from(f64::INFINITY).is_err());
        assert_eq!(
            HoursPerWeek::try_from(7.125),
            Err(mcn_core::decimal::DecimalError::TooPrecise(7.125))
        );
        assert_eq!(HoursPerWeek::from_hundredths(4801), None);
        assert_eq!(HoursPerWeek::try_from(3.75).unwrap().to_string(), "3.75");
    }

    #[test]
    fn every_hundredth_is_exact() {
        for h in 0..=HoursPerWeek::MAX_HUNDREDTHS {
            let value = f64::from(h) / 100.0;
            assert_eq!(HoursPerWeek::try_from(value).unwrap().hundredths(), h);
        }
    }

    #[test]
    fn hours_serde_and_schema() {
        let hours: HoursPerWeek = serde_json::from_str("7.5").unwrap();
        assert_eq!(serde_json::to_string(&hours).unwrap(), "7.5");
        let err = serde_json::from_str::<HoursPerWeek>("60").unwrap_err();
        assert!(err.to_string().contains("out of range"), "{err}");
        let schema = serde_json::to_value(schemars::schema_for!(HoursPerWeek)).unwrap();
        assert_eq!(schema["maximum"], 48);
        assert_eq!(schema["minimum"], 0);
    }

    #[test]
    fn basis_defaults_to_substantive_on_load() {
        let json = serde_json::json!({
            "id": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f",
            "post": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e70",
            "person": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e71",
            "period": { "start": "2025-01-01" },
            "wte": 0.4,
        });
        let appointment: Appointment = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(appointment.basis, AppointmentBasis::Substantive);
        assert_eq!(appointment.wte.hundredths(), 40);
        let back = serde_json::to_value(&appointment).unwrap();
        assert_eq!(back["basis"], "substantive");
        let mut typo = json;
        typo["wtf"] = 1.into();
        assert!(serde_json::from_value::<Appointment>(typo).is_err());
    }
}
