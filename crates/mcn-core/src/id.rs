//! Typed identifiers: one newtype per entity kind, all made by one macro.
//!
//! Every id wraps a [`Uuid`], serialises as the UUID string, has a JSON Schema
//! definition of its own (`format: uuid`) and cannot be mistaken for an id of
//! another kind at compile time:
//!
//! ```compile_fail
//! use mcn_core::id::{OrganisationId, PersonId};
//! let person: PersonId = OrganisationId::generate(); // mismatched types
//! ```

use std::{borrow::Cow, fmt, str::FromStr};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

/// The text given where an id was expected is not a UUID.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid {kind} {value:?}: expected a UUID such as \"0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f\""
)]
pub struct IdParseError {
    /// The id kind that was being parsed, e.g. `OrganisationId`.
    pub kind: &'static str,
    /// The offending text.
    pub value: String,
}

macro_rules! define_ids {
    ($( $(#[$meta:meta])* $name:ident ),+ $(,)?) => {
        $(
            $(#[$meta])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
            pub struct $name(Uuid);

            impl std::hash::Hash for $name {
                /// One 128-bit write: a third less hashing than the UUID's
                /// length-prefixed bytes, with the same (keyed) hasher.
                fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                    state.write_u128(self.0.as_u128());
                }
            }

            impl $name {
                /// Generates a new, time-ordered id (UUID v7).
                #[must_use]
                pub fn generate() -> Self {
                    Self(Uuid::now_v7())
                }

                /// Wraps an existing UUID.
                #[must_use]
                pub const fn from_uuid(uuid: Uuid) -> Self {
                    Self(uuid)
                }

                /// An id from a fixed 128-bit number: for built-in catalogue entries
                /// whose ids must be the same in every build.
                #[must_use]
                pub const fn from_u128(value: u128) -> Self {
                    Self(Uuid::from_u128(value))
                }

                /// The UUID inside.
                #[must_use]
                pub const fn as_uuid(&self) -> Uuid {
                    self.0
                }
            }

            impl fmt::Display for $name {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    fmt::Display::fmt(&self.0.hyphenated(), f)
                }
            }

            impl FromStr for $name {
                type Err = IdParseError;

                fn from_str(s: &str) -> Result<Self, Self::Err> {
                    Uuid::try_parse(s).map(Self).map_err(|_| IdParseError {
                        kind: stringify!($name),
                        value: s.to_owned(),
                    })
                }
            }

            impl From<Uuid> for $name {
                fn from(uuid: Uuid) -> Self {
                    Self(uuid)
                }
            }

            impl Serialize for $name {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.collect_str(&self.0.hyphenated())
                }
            }

            impl<'de> Deserialize<'de> for $name {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let text = Cow::<str>::deserialize(deserializer)?;
                    text.parse().map_err(serde::de::Error::custom)
                }
            }

            impl JsonSchema for $name {
                fn schema_name() -> Cow<'static, str> {
                    Cow::Borrowed(stringify!($name))
                }

                fn schema_id() -> Cow<'static, str> {
                    Cow::Borrowed(concat!("mcn_core::id::", stringify!($name)))
                }

                fn json_schema(_: &mut SchemaGenerator) -> Schema {
                    id_schema(stringify!($name))
                }
            }
        )+

        /// The name of every id kind, in declaration order.
        pub const ID_KINDS: &[&str] = &[$(stringify!($name)),+];
    };
}

fn id_schema(kind: &str) -> Schema {
    let description = format!("{kind}: a UUID (RFC 9562) in its hyphenated form.");
    json_schema!({
        "type": "string",
        "format": "uuid",
        "description": description,
    })
}

define_ids! {
    /// Identifies the managed clinical network itself.
    NetworkId,
    /// Identifies an organisation (a trust, hospice, practice, ...).
    OrganisationId,
    /// Identifies a locality (region, integrated care system or place).
    LocalityId,
    /// Identifies a service an organisation provides.
    ServiceId,
    /// Identifies an organisation's membership of the network.
    MembershipId,
    /// Identifies a record system in the technology inventory.
    SystemUseId,
    /// Identifies a person (staff or parent/carer representative).
    PersonId,
    /// Identifies a post, which exists independently of who holds it.
    PostId,
    /// Identifies an appointment of a person to a post.
    AppointmentId,
    /// Identifies a workforce staffing record.
    StaffingRecordId,
    /// Identifies a governance body.
    BodyId,
    /// Identifies a seat on a governance body.
    SeatId,
    /// Identifies a meeting of a governance body.
    MeetingId,
    /// Identifies a decision taken at a meeting.
    DecisionId,
    /// Identifies an action raised at a meeting.
    ActionId,
    /// Identifies a work-plan objective.
    ObjectiveId,
    /// Identifies an entry in the risk register.
    RiskId,
    /// Identifies a funding stream.
    FundingStreamId,
    /// Identifies a communication (newsletter, event, report, ...).
    CommunicationId,
    /// Identifies a training course.
    CourseId,
    /// Identifies a training or networking event.
    EventId,
    /// Identifies a registration of a person for an event.
    RegistrationId,
    /// Identifies a training requirement.
    TrainingRequirementId,
    /// Identifies a care standard.
    StandardId,
    /// Identifies a shared measure definition.
    MeasureId,
    /// Identifies an organisation's adoption record for a standard.
    AdoptionId,
    /// Identifies an audit result.
    AuditResultId,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_parse_round_trip() {
        let id = PersonId::generate();
        assert_eq!(id.to_string().parse::<PersonId>(), Ok(id));
    }

    #[test]
    fn generate_is_version_7() {
        assert_eq!(OrganisationId::generate().as_uuid().get_version_num(), 7);
    }

    #[test]
    fn parse_error_names_kind_and_value() {
        let err = "not-a-uuid".parse::<MeetingId>().unwrap_err();
        assert_eq!(err.kind, "MeetingId");
        assert!(
            err.to_string().contains("invalid MeetingId \"not-a-uuid\""),
            "{err}"
        );
    }

    #[test]
    fn serde_is_the_plain_uuid_string() {
        let uuid = Uuid::from_u128(0x0190_f6a4_5b2e_7c3d_9e8f_1a2b_3c4d_5e6f);
        let json = serde_json::to_string(&BodyId::from_uuid(uuid)).unwrap();
        assert_eq!(json, "\"0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f\"");
        assert_eq!(
            serde_json::from_str::<BodyId>(&json).unwrap().as_uuid(),
            uuid
        );
        assert!(serde_json::from_str::<BodyId>("\"garbage\"").is_err());
        assert!(serde_json::from_str::<BodyId>("42").is_err());
    }

    #[test]
    fn schema_has_own_name_and_uuid_format() {
        let schema = schemars::schema_for!(StandardId);
        assert_eq!(schema.get("format").and_then(|v| v.as_str()), Some("uuid"));
        assert_eq!(<StandardId as JsonSchema>::schema_name(), "StandardId");
        assert_ne!(
            <StandardId as JsonSchema>::schema_id(),
            <MeasureId as JsonSchema>::schema_id()
        );
    }
}
