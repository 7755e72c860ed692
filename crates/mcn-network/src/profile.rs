//! The network's own profile: who it is and who co-ordinates it.

use mcn_core::{
    NaiveDate, Note, Text,
    id::{NetworkId, OrganisationId, PostId},
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The specialty a network serves unless its document says otherwise.
pub const DEFAULT_SPECIALTY: &str = "children's palliative care";

/// The managed clinical network itself (a W3C ORG `OrganizationalCollaboration`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NetworkProfile {
    /// The network's id.
    pub id: NetworkId,
    /// The network's name.
    pub name: Text,
    /// The clinical specialty it serves; children's palliative care when absent.
    #[serde(
        default = "default_specialty",
        skip_serializing_if = "is_default_specialty"
    )]
    #[schemars(default = "default_specialty")]
    pub specialty: Text,
    /// The region it covers, e.g. "North West England".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Text>,
    /// When the network was formally established.
    #[schemars(with = "Option<NaiveDate>")]
    #[serde(
        with = "mcn_core::date::strict_option",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub established_on: Option<NaiveDate>,
    /// The organisation that hosts (employs the staff of) the network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_organisation: Option<OrganisationId>,
    /// The network's vision, in a sentence or two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vision: Option<Note>,
    /// Its aims, each a short text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aims: Vec<Text>,
    /// Its strategic objectives, each a short text (the work plan holds the detail).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<Text>,
    /// The network co-ordinator post: the funded, filled post the evaluation of a
    /// real network found to be its key enabler.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinator_post: Option<PostId>,
}

fn default_specialty() -> Text {
    Text::new(DEFAULT_SPECIALTY).unwrap_or_else(|_| Text::redacted())
}

fn is_default_specialty(text: &Text) -> bool {
    text.as_str() == DEFAULT_SPECIALTY
}

impl NetworkProfile {
    /// A profile with just an id and a name (specialty: children's palliative care).
    #[must_use]
    pub fn new(id: NetworkId, name: Text) -> Self {
        Self {
            id,
            name,
            specialty: default_specialty(),
            region: None,
            established_on: None,
            host_organisation: None,
            vision: None,
            aims: Vec::new(),
            objectives: Vec::new(),
            coordinator_post: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specialty_defaults_and_is_not_hard_wired() {
        let json =
            r#"{"id":"0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f","name":"Northvale CPC Network"}"#;
        let profile: NetworkProfile = serde_json::from_str(json).unwrap();
        assert_eq!(profile.specialty.as_str(), DEFAULT_SPECIALTY);
        assert_eq!(serde_json::to_string(&profile).unwrap(), json);

        let adult = r#"{"id":"0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f","name":"N","specialty":"adult palliative care"}"#;
        let profile: NetworkProfile = serde_json::from_str(adult).unwrap();
        assert_eq!(profile.specialty.as_str(), "adult palliative care");
        assert_eq!(serde_json::to_string(&profile).unwrap(), adult);
    }
}
