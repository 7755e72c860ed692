//! [`Collection`]: the one registry of the document's top-level collections —
//! the name each has in JSON, the kind of entity it holds, and typed access to
//! its entities (parse one strictly, visit them, take or put a whole
//! collection as JSON values). The store and other adapters that keep a
//! document entity by entity use it instead of naming the 23 fields.
//!
//! ```
//! use mcn_network::{collection::Collection, references::EntityKind};
//! let localities = Collection::from_name("localities").unwrap();
//! assert_eq!(localities.kind(), EntityKind::Locality);
//! let json = br#"{"id": "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f", "name": "Northvale", "kind": "region"}"#;
//! let locality = localities.parse(json)?;
//! assert_eq!(locality.uuid().to_string(), "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f");
//! assert_eq!(
//!     locality.to_json()?,
//!     r#"{"id":"0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f","name":"Northvale","kind":"region"}"#
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use mcn_governance::{Body, Communication, FundingStream, Meeting, Objective, Risk, Seat};
use mcn_organisations::{Locality, Membership, Organisation, Service, SystemUse};
use mcn_roles::{Appointment, Person, Post, StaffingRecord};
use mcn_standards::{Adoption, AuditResult, Standard};
use mcn_training::{Course, Event, Registration, TrainingRequirement};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    LoadError, NetworkDocument,
    references::{EntityKind, HasReferences},
};

/// One entity of any collection, typed inside: what the store and other
/// adapters need of it without naming its type.
pub trait AnyEntity: HasReferences + fmt::Debug + Send + Sync {
    /// The collection it belongs to.
    fn collection(&self) -> Collection;

    /// Its id.
    fn uuid(&self) -> Uuid;

    /// Its compact JSON, exactly as [`NetworkDocument`] serialisation writes it.
    fn to_json(&self) -> Result<String, serde_json::Error>;
}

macro_rules! collections {
    ($( $variant:ident: $field:ident => $ty:ident; )+) => {
        /// A top-level collection of [`NetworkDocument`], in document order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Collection {
            $(
                #[doc = concat!("`", stringify!($field), "`.")]
                $variant,
            )+
        }

        impl Collection {
            /// Every collection, in the order the document serialises them.
            pub const ALL: &[Self] = &[$(Self::$variant),+];

            /// The collection's name in JSON (`"funding_streams"`).
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self {
                    $( Self::$variant => stringify!($field), )+
                }
            }

            /// The kind of entity it holds.
            #[must_use]
            pub const fn kind(self) -> EntityKind {
                match self {
                    $( Self::$variant => EntityKind::$ty, )+
                }
            }

            /// The collection named `name` in JSON.
            #[must_use]
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    $( stringify!($field) => Some(Self::$variant), )+
                    _ => None,
                }
            }

            /// How many entities `document` holds in this collection.
            #[must_use]
            pub fn len(self, document: &NetworkDocument) -> usize {
                match self {
                    $( Self::$variant => document.$field.len(), )+
                }
            }

            /// Whether `document` holds no entity in this collection.
            #[must_use]
            pub fn is_empty(self, document: &NetworkDocument) -> bool {
                self.len(document) == 0
            }

            /// The entity at `index` of this collection of `document`, if any.
            #[must_use]
            pub fn get(self, document: &NetworkDocument, index: usize) -> Option<&dyn AnyEntity> {
                match self {
                    $( Self::$variant => document.$field.get(index).map(|e| e as &dyn AnyEntity), )+
                }
            }

            /// Visits the entities of this collection of `document`, in order.
            pub fn for_each(self, document: &NetworkDocument, visit: &mut dyn FnMut(usize, &dyn AnyEntity)) {
                match self {
                    $( Self::$variant => {
                        for (i, entity) in document.$field.iter().enumerate() {
                            visit(i, entity);
                        }
                    } )+
                }
            }

            /// Parses one entity of this collection from JSON, as strictly as a
            /// document is loaded ([`NetworkDocument::from_json`]): errors name
            /// the path inside the entity, line and column.
            pub fn parse(self, bytes: &[u8]) -> Result<Box<dyn AnyEntity>, LoadError> {
                Ok(match self {
                    $( Self::$variant => Box::new(crate::load::parse::<$ty>(bytes)?), )+
                })
            }

            /// Takes the whole collection out of `document` as JSON values
            /// (leaving it empty).
            pub fn take_json(self, document: &mut NetworkDocument) -> Result<Vec<serde_json::Value>, serde_json::Error> {
                match self {
                    $( Self::$variant => std::mem::take(&mut document.$field).iter().map(serde_json::to_value).collect(), )+
                }
            }

            /// Replaces the whole collection of `document` with `values`, each
            /// read as this collection's entity type (on error, `document` is
            /// unchanged).
            pub fn put_json(self, document: &mut NetworkDocument, values: Vec<serde_json::Value>) -> Result<(), serde_json::Error> {
                match self {
                    $( Self::$variant => {
                        document.$field = values.into_iter().map(serde_json::from_value).collect::<Result<_, _>>()?;
                    } )+
                }
                Ok(())
            }
        }

        $(
            impl AnyEntity for $ty {
                fn collection(&self) -> Collection {
                    Collection::$variant
                }

                fn uuid(&self) -> Uuid {
                    self.id.as_uuid()
                }

                fn to_json(&self) -> Result<String, serde_json::Error> {
                    serde_json::to_string(self)
                }
            }
        )+
    };
}

collections! {
    Localities: localities => Locality;
    Organisations: organisations => Organisation;
    Memberships: memberships => Membership;
    Services: services => Service;
    Systems: systems => SystemUse;
    People: people => Person;
    Posts: posts => Post;
    Appointments: appointments => Appointment;
    Staffing: staffing => StaffingRecord;
    Bodies: bodies => Body;
    Seats: seats => Seat;
    Meetings: meetings => Meeting;
    Objectives: objectives => Objective;
    Risks: risks => Risk;
    FundingStreams: funding_streams => FundingStream;
    Communications: communications => Communication;
    Courses: courses => Course;
    Events: events => Event;
    Registrations: registrations => Registration;
    TrainingRequirements: training_requirements => TrainingRequirement;
    Standards: standards => Standard;
    Adoptions: adoptions => Adoption;
    AuditResults: audit_results => AuditResult;
}

impl Collection {
    /// Its position in [`Collection::ALL`] (document order): a stable small
    /// number for storage.
    #[must_use]
    pub fn position(self) -> usize {
        Self::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }

    /// The collection at `position` in [`Collection::ALL`].
    #[must_use]
    pub fn at(position: usize) -> Option<Self> {
        Self::ALL.get(position).copied()
    }
}

impl fmt::Display for Collection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_matches_the_document() {
        // Every collection name is a field of the document's JSON, in order.
        let schema = schemars::schema_for!(NetworkDocument);
        let properties: Vec<&String> = schema
            .get("properties")
            .and_then(|p| p.as_object())
            .unwrap()
            .keys()
            .collect();
        for collection in Collection::ALL {
            assert!(
                properties.iter().any(|p| *p == collection.name()),
                "{collection}"
            );
            assert_eq!(Collection::from_name(collection.name()), Some(*collection));
            assert_eq!(Collection::at(collection.position()), Some(*collection));
        }
        assert_eq!(properties.len(), Collection::ALL.len() + 2);
    }

    #[test]
    fn get_finds_what_for_each_visits() {
        let json = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../docs/examples/example-network.json"
        ));
        let document = NetworkDocument::from_json(json.as_bytes()).unwrap();
        for &collection in Collection::ALL {
            let mut visited = Vec::new();
            collection.for_each(&document, &mut |i, entity| visited.push((i, entity.uuid())));
            let got: Vec<_> = (0..collection.len(&document))
                .map(|i| (i, collection.get(&document, i).unwrap().uuid()))
                .collect();
            assert_eq!(got, visited, "{collection}");
            assert!(collection.get(&document, visited.len()).is_none());
        }
    }
}
