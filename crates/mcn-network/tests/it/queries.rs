//! Cross-domain queries on `Network`.

use mcn_core::id::MeetingId;
use mcn_governance::quorum::QuorumCheck;
use mcn_network::{Network, NetworkDocument};
use mcn_organisations::Sector;
use serde_json::json;

use crate::fixture::{as_of, clean, document, ids};

#[test]
fn lookups_by_id() {
    let network = Network::new(document(&clean()));
    let trust = ids::trust().parse().unwrap();
    assert_eq!(
        network.organisation(trust).unwrap().name.as_str(),
        "Testvale NHS Foundation Trust"
    );
    let decision = ids::decision().parse().unwrap();
    let (meeting, _) = network.decision(decision).unwrap();
    assert_eq!(meeting.id.to_string(), ids::meeting());
    assert!(network.person(ids::trust().parse().unwrap()).is_none());
}

#[test]
fn vacant_funded_posts_with_their_bodies() {
    let mut doc = clean();
    // The chair becomes funded and vacant; it belongs to the board and holds a seat on it.
    doc["posts"][1]["funding"] = json!({"wte": 0.1, "period": {"start": "2024-01-01"}});
    doc["appointments"][1]["period"]["end"] = json!("2026-01-31");
    let network = Network::new(document(&doc));
    let vacant = network.vacant_funded_posts(as_of());
    assert_eq!(vacant.len(), 1);
    assert_eq!(vacant[0].post.title.as_str(), "Chair");
    let bodies: Vec<_> = vacant[0].bodies.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(
        bodies,
        ["Steering group"],
        "listed once although both post.body and a seat name it"
    );
    assert!(
        Network::new(document(&clean()))
            .vacant_funded_posts(as_of())
            .is_empty()
    );
}

#[test]
fn members_by_sector_as_of_a_date() {
    let mut doc = clean();
    doc["memberships"][1]["status"]
        .as_array_mut()
        .unwrap()
        .push(json!({"status": "withdrawn", "on": "2026-05-01"}));
    let network = Network::new(document(&doc));
    let before = network.members_by_sector(mcn_core::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap());
    assert_eq!(before.get(&Some(Sector::Nhs)).map(Vec::len), Some(1));
    assert_eq!(before.get(&Some(Sector::Voluntary)).map(Vec::len), Some(1));
    let after = network.members_by_sector(as_of());
    assert_eq!(after.get(&Some(Sector::Voluntary)), None);
    let split = network.members_nhs_split(as_of());
    assert_eq!((split.nhs.len(), split.non_nhs.len()), (1, 0));
}

#[test]
fn quorum_of_one_meeting() {
    let network = Network::new(document(&clean()));
    let meeting: MeetingId = ids::meeting().parse().unwrap();
    let Some(QuorumCheck::Assessed(assessment)) = network.quorum(meeting) else {
        panic!("assessed")
    };
    assert!(assessment.quorate);
    assert_eq!(
        (
            assessment.members_present,
            assessment.required,
            assessment.voting_seats
        ),
        (2, 2, 3)
    );
    assert!(network.quorum(ids::board().parse().unwrap()).is_none());
}

/// Organisations `1..=n`, each part of the next (`n` at the top), the bottom
/// first, so the first walk climbs the whole chain.
fn chain(n: u128) -> Vec<mcn_organisations::Organisation> {
    (0..n)
        .map(|i| {
            let mut o = mcn_organisations::Organisation::new(
                mcn_core::id::OrganisationId::from_u128(i + 1),
                mcn_core::Text::new("Organisation").unwrap(),
                mcn_organisations::OrganisationKind::Other,
            );
            o.part_of = (i + 1 < n).then(|| mcn_core::id::OrganisationId::from_u128(i + 2));
            o
        })
        .collect()
}

#[test]
fn a_deep_part_of_chain_has_one_top() {
    let n = 50_000;
    let mut document = NetworkDocument::new(mcn_network::NetworkProfile::new(
        mcn_core::id::NetworkId::from_u128(1),
        mcn_core::Text::new("Network").unwrap(),
    ));
    document.organisations = chain(n);
    let network = Network::new(document);
    let top = mcn_core::id::OrganisationId::from_u128(n);
    for i in [1, 2, n / 2, n - 1, n] {
        let id = mcn_core::id::OrganisationId::from_u128(i);
        assert_eq!(network.top_organisation(id), top, "organisation {i}");
    }
}

#[test]
fn a_chain_into_a_cycle_shares_the_first_organisation_reached() {
    let mut document = NetworkDocument::new(mcn_network::NetworkProfile::new(
        mcn_core::id::NetworkId::from_u128(1),
        mcn_core::Text::new("Network").unwrap(),
    ));
    // 1 → 2 → 3 → 4 → 2: the walk from 1 meets itself at 2.
    let mut organisations = chain(4);
    organisations[3].part_of = Some(mcn_core::id::OrganisationId::from_u128(2));
    document.organisations = organisations;
    let network = Network::new(document);
    let first = mcn_core::id::OrganisationId::from_u128(1);
    for i in 1..=4 {
        let id = mcn_core::id::OrganisationId::from_u128(i);
        assert_eq!(network.top_organisation(id), first, "organisation {i}");
    }
}
