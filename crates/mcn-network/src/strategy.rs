//! proptest strategies for whole documents (feature `proptest`).
//!
//! [`document`] draws every collection from the domain crates' strategies, so
//! its references mostly dangle; [`wired_document`] then re-points each
//! reference, at random, to an id that exists in the document (of the right
//! kind or not) or leaves it dangling — so rules see resolving, dangling and
//! wrong-kind references in one document.

use mcn_core::{id::NetworkId, strategy as core};
use proptest::{collection::vec, prelude::*};
use serde_json::Value;

use crate::{NetworkDocument, NetworkProfile};

/// Up to `max` values of `strategy`.
fn some<T: std::fmt::Debug>(
    strategy: impl Strategy<Value = T>,
    max: usize,
) -> impl Strategy<Value = Vec<T>> {
    vec(strategy, 0..=max)
}

/// A network profile.
pub fn profile() -> impl Strategy<Value = NetworkProfile> {
    (
        core::id::<NetworkId>(),
        core::text(),
        prop::option::of(core::id()),
        prop::option::of(core::id()),
    )
        .prop_map(|(id, name, host, coordinator)| {
            let mut profile = NetworkProfile::new(id, name);
            profile.host_organisation = host;
            profile.coordinator_post = coordinator;
            profile
        })
}

/// A document of a few entities of every kind, drawn independently (most
/// references dangle).
pub fn document() -> impl Strategy<Value = NetworkDocument> {
    use mcn_governance::strategy as gov;
    use mcn_organisations::strategy as org;
    use mcn_roles::strategy as roles;
    use mcn_standards::strategy as std_;
    use mcn_training::strategy as tr;
    let organisations = (
        some(org::locality(), 3),
        some(org::organisation(), 4),
        some(org::membership(), 4),
        some(org::service(), 3),
        some(org::system_use(), 2),
    );
    let people = (
        some(roles::person(), 4),
        some(roles::post(), 4),
        some(roles::appointment(), 5),
        some(roles::staffing_record(), 2),
    );
    let governance = (
        some(gov::body(), 3),
        some(gov::seat(), 4),
        some(gov::meeting(), 3),
        some(gov::objective(), 2),
        some(gov::risk(), 2),
        some(gov::funding_stream(), 2),
        some(gov::communication(), 2),
    );
    let training = (
        some(tr::course(), 2),
        some(tr::event(), 3),
        some(tr::registration(), 5),
        some(tr::training_requirement(), 2),
    );
    let standards = (
        some(std_::standard(), 3),
        some(std_::adoption(), 3),
        some(std_::audit_result(), 4),
    );
    (
        profile(),
        organisations,
        people,
        governance,
        training,
        standards,
    )
        .prop_map(
            |(
                network,
                (localities, organisations, memberships, services, systems),
                (people, posts, appointments, staffing),
                (bodies, seats, meetings, objectives, risks, funding_streams, communications),
                (courses, events, registrations, training_requirements),
                (standards, adoptions, audit_results),
            )| NetworkDocument {
                localities,
                organisations,
                memberships,
                services,
                systems,
                people,
                posts,
                appointments,
                staffing,
                bodies,
                seats,
                meetings,
                objectives,
                risks,
                funding_streams,
                communications,
                courses,
                events,
                registrations,
                training_requirements,
                standards,
                adoptions,
                audit_results,
                ..NetworkDocument::new(network)
            },
        )
}

/// A [`document`] whose references are re-pointed at random: to an id of the
/// document (any kind), or left dangling. Ids of entities are never changed.
pub fn wired_document() -> impl Strategy<Value = NetworkDocument> {
    (document(), vec(any::<(bool, prop::sample::Index)>(), 64)).prop_map(|(document, choices)| {
        let Ok(mut value) = serde_json::to_value(&document) else {
            return document;
        };
        let mut ids = Vec::new();
        collect_ids(&value, &mut ids);
        if ids.is_empty() {
            return document;
        }
        let mut choices = choices.into_iter().cycle();
        rewire(&mut value, &ids, &mut choices);
        serde_json::from_value(value).unwrap_or(document)
    })
}

/// Every `"id"` string in the tree.
fn collect_ids(value: &Value, ids: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                match child {
                    Value::String(id) if key == "id" => ids.push(id.clone()),
                    _ => collect_ids(child, ids),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_ids(item, ids)),
        _ => {}
    }
}

/// Replaces each UUID-shaped string that is not an `"id"` with a chosen id
/// (or leaves it, so some references still dangle).
fn rewire(
    value: &mut Value,
    ids: &[String],
    choices: &mut impl Iterator<Item = (bool, prop::sample::Index)>,
) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                if key != "id" {
                    rewire(child, ids, choices);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| rewire(item, ids, choices)),
        Value::String(text) if uuid::Uuid::try_parse(text).is_ok() => {
            if let Some((true, index)) = choices.next()
                && let Some(id) = ids.get(index.index(ids.len()))
            {
                text.clone_from(id);
            }
        }
        _ => {}
    }
}
