//! The built-in catalogue loads and is self-consistent.

use std::collections::HashSet;

use mcn_standards::{
    MeasureKind, SourceKind, StandardKind, StandardStatus, StandardsData, catalogue, validate,
};

use crate::support::d;

#[test]
fn qs160_has_six_statements_with_unique_codes_in_order() {
    let qs160 = catalogue::nice_qs160();
    assert_eq!(qs160.len(), 6);
    let codes: Vec<_> = qs160.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "NICE-QS160-1",
            "NICE-QS160-2",
            "NICE-QS160-3",
            "NICE-QS160-4",
            "NICE-QS160-5",
            "NICE-QS160-6"
        ]
    );
    for s in &qs160 {
        assert_eq!(s.kind, StandardKind::QualityStatement);
        assert_eq!(s.source.kind, SourceKind::NiceQualityStandard);
        assert_eq!(s.source.reference.as_str(), "QS160");
        assert_eq!(s.source.published_on, Some(d(2017, 9, 12)));
        assert!(s.summary.is_some() && s.evidence.is_some());
        assert!(
            s.measures
                .iter()
                .any(|m| matches!(m.kind, MeasureKind::Structure | MeasureKind::Process)),
            "{} has no structure or process measure",
            s.code
        );
        assert!(s.measures.iter().all(|m| m.target.is_none()));
    }
}

#[test]
fn ng61_entry() {
    let ng61 = catalogue::nice_ng61();
    assert_eq!(ng61.len(), 1);
    let g = &ng61[0];
    assert_eq!(g.code.as_str(), "NICE-NG61");
    assert_eq!(g.kind, StandardKind::Guideline);
    assert_eq!(g.source.kind, SourceKind::NiceGuideline);
    assert_eq!(g.source.published_on, Some(d(2016, 12, 7)));
    assert_eq!(g.source.updated_on, Some(d(2019, 7, 25)));
    assert!(!g.measures.is_empty());
}

#[test]
fn ids_are_unique_and_stable_across_calls() {
    let all = catalogue::all();
    assert_eq!(all.len(), 7);
    let mut ids = HashSet::new();
    for s in &all {
        assert!(ids.insert(s.id.as_uuid()), "duplicate id {}", s.id);
        assert!(!s.id.as_uuid().is_nil());
        for m in &s.measures {
            assert!(ids.insert(m.id.as_uuid()), "duplicate id {}", m.id);
        }
    }
    assert_eq!(all, catalogue::all());
    assert_eq!(catalogue::nice_qs160(), catalogue::nice_qs160());
}

#[test]
fn catalogue_enters_as_draft_on_the_publication_day() {
    for s in catalogue::all() {
        assert_eq!(s.status.changes().len(), 1);
        let first = &s.status.changes()[0];
        assert_eq!(first.status, StandardStatus::Draft);
        assert_eq!(Some(first.on), s.source.published_on);
        assert!(s.endorsed_by.is_none() && s.review_by.is_none() && s.supersedes.is_none());
    }
}

#[test]
fn catalogue_validates_cleanly_and_round_trips() {
    let all = catalogue::all();
    let data = StandardsData {
        standards: &all,
        ..StandardsData::default()
    };
    assert_eq!(validate(&data, d(2025, 1, 1)), vec![]);
    let json = serde_json::to_string_pretty(&all).unwrap();
    let back: Vec<mcn_standards::Standard> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, all);
    assert!(json.contains("\"code\": \"NICE-QS160-6\""));
}

#[test]
fn paraphrases_are_ours() {
    // A guard against pasting published wording: none of NICE's statement
    // sentences (checked by their distinctive openings) appear verbatim.
    let published_openings = [
        "Infants, children and young people with a life-limiting condition and their parents or carers are involved in developing an advance care plan",
        "Infants, children and young people with a life-limiting condition have a named medical specialist",
        "Infants, children and young people approaching the end of life and being cared for at home have 24-hour access",
    ];
    let text = serde_json::to_string(&catalogue::all()).unwrap();
    for opening in published_openings {
        assert!(
            !text.contains(opening),
            "published wording found: {opening}"
        );
    }
}
