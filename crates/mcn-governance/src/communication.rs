//! Communications that raise awareness of the network.

use mcn_core::{NaiveDate, Text, id::CommunicationId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A communication: a newsletter, an e-mail, a web page, an event, a post, a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Communication {
    /// The communication's id.
    pub id: CommunicationId,
    /// When it went out.
    pub date: NaiveDate,
    /// How.
    pub channel: Channel,
    /// Who it was for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audience: Vec<Audience>,
    /// What it was about.
    pub topic: Text,
    /// How many it reached (recipients, readers or attendees), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reach: Option<u32>,
}

/// How a communication went out.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Channel {
    /// A newsletter.
    Newsletter,
    /// An e-mail.
    Email,
    /// The network's website.
    Website,
    /// An event (a talk, a stand, a launch).
    Event,
    /// Social media.
    SocialMedia,
    /// A report (e.g. the annual report).
    Report,
}

/// Who a communication was for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Audience {
    /// The network's member organisations and their staff.
    Members,
    /// Professionals outside the network.
    Professionals,
    /// Parents and carers.
    ParentsCarers,
    /// Children and young people.
    ChildrenYoungPeople,
    /// Commissioners and boards.
    Commissioners,
    /// The public.
    Public,
}
