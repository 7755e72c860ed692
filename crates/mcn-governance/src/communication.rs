//! Communications that raise awareness of the network.

use mcn_core::{NaiveDate, Text, id::CommunicationId, vocabulary};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A communication: a newsletter, an e-mail, a web page, an event, a post, a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Communication {
    /// The communication's id.
    pub id: CommunicationId,
    /// When it went out.
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
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

vocabulary! {
    /// How a communication went out.
    Channel {
        /// A newsletter.
        Newsletter => "newsletter",
        /// An e-mail.
        Email => "email",
        /// The network's website.
        Website => "website",
        /// An event (a talk, a stand, a launch).
        Event => "event",
        /// Social media.
        SocialMedia => "social_media",
        /// A report (e.g. the annual report).
        Report => "report",
    }
}

vocabulary! {
    /// Who a communication was for.
    Audience {
        /// The network's member organisations and their staff.
        Members => "members",
        /// Professionals outside the network.
        Professionals => "professionals",
        /// Parents and carers.
        ParentsCarers => "parents_carers",
        /// Children and young people.
        ChildrenYoungPeople => "children_young_people",
        /// Commissioners and boards.
        Commissioners => "commissioners",
        /// The public.
        Public => "public",
    }
}
