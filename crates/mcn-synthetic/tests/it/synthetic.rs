//! Synthetic networks: valid by construction, deterministic, realistic in shape.

use std::collections::BTreeSet;

use mcn_core::{NaiveDate, Report, Severity};
use mcn_network::{Network, NetworkDocument};
use mcn_synthetic::{Counts, Scale, generate};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const AS_OF: [(i32, u32, u32); 3] = [(2026, 4, 1), (2025, 1, 31), (2024, 2, 29)];

/// Every error finding, one per line, for a failure message.
fn errors(report: &Report) -> String {
    report
        .errors()
        .map(|f| format!("{} {}: {}", f.code, f.path, f.message))
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_valid(document: NetworkDocument, as_of: NaiveDate, what: &str) -> Report {
    let report = Network::new(document).validate(as_of);
    assert_eq!(
        report.errors().count(),
        0,
        "{what} as of {as_of} has errors:\n{}",
        errors(&report)
    );
    report
}

#[test]
fn small_is_valid_for_several_seeds_and_dates() {
    for seed in [0, 1, 2, 3, 42, 2024, u64::MAX] {
        for (y, m, d) in AS_OF {
            let as_of = date(y, m, d);
            let document = generate(seed, Scale::Small, as_of);
            assert_valid(document, as_of, &format!("small seed {seed}"));
        }
    }
}

#[test]
fn mid_custom_scale_is_valid() {
    let counts = Counts::NATIONAL.scaled(1, 50);
    for seed in [5, 6] {
        let as_of = date(2026, 4, 1);
        let document = generate(seed, Scale::Custom(counts), as_of);
        assert_eq!(document.organisations.len(), 30);
        assert_eq!(document.registrations.len(), 20_000);
        assert_valid(document, as_of, &format!("national/50 seed {seed}"));
    }
}

/// 64-bit FNV-1a, enough to fingerprint a document's bytes.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The bytes of `mcn generate --scale small --seed 1 --as-of 2026-04-01`
/// (compact) do not change from one version to the next unless the generator
/// or the serde form is changed on purpose: then update the fingerprint and
/// say so in the change. (Schema 1.1: each risk's `recorded_on`, 216 bytes
/// for the 8 risks; nothing else moved.)
#[test]
fn the_small_document_for_seed_1_is_the_same_as_before() {
    let json = serde_json::to_vec(&generate(1, Scale::Small, date(2026, 4, 1))).unwrap();
    assert_eq!(
        (json.len(), fnv1a(&json)),
        (1_009_986, 6_937_859_178_732_121_948)
    );
}

#[test]
fn the_same_inputs_give_byte_identical_json_and_other_seeds_differ() {
    let as_of = date(2026, 4, 1);
    let json = |seed| serde_json::to_vec(&generate(seed, Scale::Small, as_of)).unwrap();
    let first = json(11);
    assert_eq!(first, json(11));
    let other = json(12);
    assert_ne!(first, other);
    let a = generate(11, Scale::Small, as_of);
    let b = generate(12, Scale::Small, as_of);
    assert_ne!(a.network.id, b.network.id);
    assert_ne!(
        a.organisations.iter().map(|o| &o.name).collect::<Vec<_>>(),
        b.organisations.iter().map(|o| &o.name).collect::<Vec<_>>()
    );
    // A different date moves the history with it.
    let later = generate(11, Scale::Small, date(2027, 4, 1));
    assert_ne!(
        a.meetings.first().map(|m| m.date),
        later.meetings.first().map(|m| m.date)
    );
}

#[test]
fn small_counts_are_in_the_documented_ranges() {
    let as_of = date(2026, 4, 1);
    for seed in [1, 2, 3] {
        let d = generate(seed, Scale::Small, as_of);
        assert_eq!(d.localities.len(), 5);
        assert_eq!(d.organisations.len(), 25);
        assert_eq!(d.people.len(), 150);
        assert!(
            (36..=40).contains(&d.posts.len()),
            "{} posts",
            d.posts.len()
        );
        assert_eq!(d.bodies.len(), 6);
        assert!(
            (40..=90).contains(&d.meetings.len()),
            "{} meetings",
            d.meetings.len()
        );
        assert_eq!(d.events.len(), 100);
        assert_eq!(d.registrations.len(), 2_500);
        assert_eq!(d.courses.len(), 8);
        // QS160 statements 1-6, NG61, three guidelines and the revision of one.
        assert!(
            (10..=11).contains(&d.standards.len()),
            "{} standards",
            d.standards.len()
        );
        assert!(
            (140..=150).contains(&d.adoptions.len()),
            "{} adoptions",
            d.adoptions.len()
        );
        assert!(
            (380..=400).contains(&d.audit_results.len()),
            "{} audit results",
            d.audit_results.len()
        );
        assert!(d.memberships.len() >= 20);
        assert!(!d.seats.is_empty() && !d.services.is_empty() && !d.staffing.is_empty());
        assert_eq!(d.funding_streams.len(), 3);
        assert!(d.network.coordinator_post.is_some());
    }
}

#[test]
fn scale_names_and_scaling() {
    assert_eq!("small".parse::<Scale>(), Ok(Scale::Small));
    assert_eq!("National".parse::<Scale>(), Ok(Scale::National));
    let error = "huge".parse::<Scale>().unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown scale \"huge\": expected small or national"
    );
    assert_eq!(Scale::National.counts().registrations, 1_000_000);
    assert_eq!(Scale::National.counts().organisations, 1_500);
    let tenth = Counts::NATIONAL.scaled(1, 10);
    assert_eq!(tenth.registrations, 100_000);
    assert_eq!(tenth.people, 2_500);
    assert_eq!(tenth.years, Counts::NATIONAL.years);
    assert_eq!(tenth.local_standards, Counts::NATIONAL.local_standards);
    assert_eq!(Counts::SMALL.scaled(1, 1000).organisations, 1);
    assert_eq!(Counts::default().scaled(3, 1), Counts::default());
    assert_eq!(Scale::Custom(tenth).counts(), tenth);
}

/// A mid-sized document (national / 10: 150 organisations, 100,000 registrations).
fn tenth(seed: u64, as_of: NaiveDate) -> NetworkDocument {
    generate(seed, Scale::Custom(Counts::NATIONAL.scaled(1, 10)), as_of)
}

#[test]
fn sector_mix_and_membership_histories() {
    use mcn_organisations::{MembershipStatus, OrganisationKind as K};
    let as_of = date(2026, 4, 1);
    let small = generate(4, Scale::Small, as_of);
    let kinds: Vec<K> = small.organisations.iter().map(|o| o.kind).collect();
    for kind in [
        K::NhsFoundationTrust,
        K::NhsTrust,
        K::IntegratedCareBoard,
        K::GeneralPractice,
        K::LocalAuthority,
        K::University,
        K::Charity,
        K::AdultHospice,
    ] {
        assert!(kinds.contains(&kind), "no {kind:?} in a small network");
    }
    assert!(kinds.iter().filter(|k| **k == K::ChildrensHospice).count() >= 2);

    let d = tenth(4, as_of);
    let statuses: Vec<Option<MembershipStatus>> = d
        .memberships
        .iter()
        .map(|m| m.status_as_of(as_of))
        .collect();
    let active = statuses
        .iter()
        .filter(|s| **s == Some(MembershipStatus::Active))
        .count();
    assert!(
        active * 100 >= d.memberships.len() * 80,
        "{active} of {} active",
        d.memberships.len()
    );
    assert!(statuses.contains(&Some(MembershipStatus::Suspended)));
    assert!(statuses.contains(&Some(MembershipStatus::Withdrawn)));
    assert!(statuses.contains(&Some(MembershipStatus::Invited)));
    assert!(
        d.memberships.len() < d.organisations.len(),
        "a few are not members"
    );
}

#[test]
fn attendance_registrations_and_dates_are_realistic() {
    use mcn_governance::{AttendanceStatus, MeetingStatus};
    use mcn_training::RegistrationStatus;
    let as_of = date(2026, 4, 1);
    let d = tenth(8, as_of);
    let first = date(2024, 4, 2);
    let last = date(2026, 8, 1);

    let held: Vec<_> = d
        .meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Held)
        .collect();
    assert!(
        held.len() * 10 >= d.meetings.len() * 8,
        "most meetings are held"
    );
    let listed: usize = held.iter().map(|m| m.attendance.len()).sum();
    let came = held
        .iter()
        .flat_map(|m| &m.attendance)
        .filter(|a| {
            matches!(
                a.status,
                AttendanceStatus::Present | AttendanceStatus::InAttendance
            )
        })
        .count();
    assert!(
        (listed * 70..=listed * 90).contains(&(came * 100)),
        "{came} of {listed} came"
    );
    for meeting in &d.meetings {
        assert!(
            first <= meeting.date && meeting.date <= last,
            "{}",
            meeting.date
        );
        assert_eq!(
            meeting.status == MeetingStatus::Scheduled,
            meeting.date > as_of
        );
    }
    for event in &d.events {
        assert!(first <= event.date && event.date <= last, "{}", event.date);
    }
    assert!(
        d.audit_results
            .iter()
            .all(|r| r.submitted_on <= as_of && r.numerator <= r.denominator)
    );

    let count = |status| {
        d.registrations
            .iter()
            .filter(|r| r.status == status)
            .count()
    };
    let total = d.registrations.len();
    let attended = count(RegistrationStatus::Attended);
    assert!(
        (total * 60..=total * 85).contains(&(attended * 100)),
        "{attended} of {total} attended"
    );
    let missed: Vec<_> = d
        .registrations
        .iter()
        .filter(|r| r.status == RegistrationStatus::DidNotAttend)
        .collect();
    let with_barrier = missed.iter().filter(|r| r.barrier.is_some()).count();
    assert!(
        with_barrier * 100 >= missed.len() * 60,
        "{with_barrier} of {}",
        missed.len()
    );
    assert!(
        count(RegistrationStatus::Booked) > 0,
        "bookings for planned events"
    );
    assert!(d.registrations.iter().any(|r| r.feedback.is_some()));
}

/// The warnings a synthetic network is meant to show (a real network has
/// them); any other warning means the generator made something it did not intend.
const INTENDED_WARNINGS: [&str; 10] = [
    "governance.action.overdue",
    "governance.funding_stream.ending_soon",
    "governance.objective.past_due",
    "governance.risk.review_overdue",
    "governance.terms_of_reference.review_overdue",
    "network.meeting.inquorate",
    "organisations.membership.no_agreement",
    "roles.post.vacant_funded",
    "network.appointment.host_withdrawn",
    "network.seat.organisation_not_member",
];

#[test]
fn only_intended_warnings_and_a_few_of_them() {
    let as_of = date(2026, 4, 1);
    for (seed, document) in [(1, generate(1, Scale::Small, as_of)), (9, tenth(9, as_of))] {
        let meetings = document.meetings.len();
        let things = document.meetings.len()
            + document.posts.len()
            + document.bodies.len()
            + document.memberships.len()
            + document.objectives.len()
            + document.risks.len();
        let report = assert_valid(document, as_of, &format!("seed {seed}"));
        let codes: BTreeSet<&str> = report.warnings().map(|f| f.code.as_str()).collect();
        for code in &codes {
            assert!(
                INTENDED_WARNINGS.contains(code),
                "seed {seed}: unintended warning {code}"
            );
        }
        assert!(codes.contains("governance.funding_stream.ending_soon"));
        let inquorate = report
            .warnings()
            .filter(|f| f.code == "network.meeting.inquorate")
            .count();
        assert!(inquorate * 10 <= meetings, "{inquorate} inquorate meetings");
        let warnings = report.with_severity(Severity::Warning).count();
        assert!(
            warnings * 10 <= things,
            "{warnings} warnings for {things} meetings, posts, bodies, memberships, objectives and risks"
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Any counts at all, down to none of anything, give a valid document.
    #[test]
    fn any_small_counts_are_valid(
        seed in proptest::prelude::any::<u64>(),
        structure in proptest::collection::vec(0_usize..8, 7),
        volume in proptest::collection::vec(0_usize..60, 8),
        years in 0_u32..4,
    ) {
        let mut counts = Counts::default();
        counts.localities = structure[0];
        counts.organisations = structure[1] * 3;
        counts.bodies = structure[2];
        counts.funding_streams = structure[3];
        counts.courses = structure[4];
        counts.local_standards = structure[5];
        counts.years = years;
        counts.people = volume[0];
        counts.posts = volume[1];
        counts.events = volume[2] / 4;
        counts.registrations = volume[3] * 4;
        counts.adoptions = volume[4];
        counts.audit_results = volume[5] * 2;
        counts.objectives = volume[6] / 5;
        counts.risks = volume[7] / 5;
        counts.communications = structure[6];
        let as_of = date(2025, 6, 30);
        let document = generate(seed, Scale::Custom(counts), as_of);
        let report = Network::new(document).validate(as_of);
        proptest::prop_assert_eq!(report.errors().count(), 0, "{:?}\n{}", counts, errors(&report));
    }
}

/// At the ends of the calendar every loop over dates still ends: windows,
/// quarters and tenures saturate instead of running forever (before the fix,
/// a window ending on the last representable date never left its loop over
/// quarters).
#[test]
fn generation_ends_at_the_ends_of_the_calendar() {
    let day = chrono::Days::new(1);
    for as_of in [
        NaiveDate::MAX,
        NaiveDate::MAX.checked_sub_days(day).unwrap(),
        NaiveDate::MIN,
        NaiveDate::MIN.checked_add_days(day).unwrap(),
    ] {
        let document = generate(1, Scale::Small, as_of);
        assert!(!document.organisations.is_empty(), "as of {as_of}");
        // Loadable: the bytes read back as a document.
        let bytes = serde_json::to_vec(&document).unwrap();
        NetworkDocument::from_json(&bytes).unwrap();
    }
}
