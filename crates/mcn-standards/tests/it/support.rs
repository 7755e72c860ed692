//! Small builders for test documents.

use mcn_core::{
    History, NaiveDate, Note, Period, StatusChange, Text,
    id::{AdoptionId, AuditResultId, MeasureId, OrganisationId, StandardId},
};
use mcn_standards::{
    Adoption, AdoptionStatus, AuditResult, Measure, MeasureKind, SourceKind, Standard,
    StandardCode, StandardKind, StandardSource, StandardStatus,
};

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(crate) fn period(start: NaiveDate, end: NaiveDate) -> Period {
    Period::new(start, Some(end)).unwrap()
}

pub(crate) fn measure() -> Measure {
    Measure {
        id: MeasureId::generate(),
        kind: MeasureKind::Process,
        description: Text::new("Children with a plan").unwrap(),
        numerator: Note::new("Children with a plan").unwrap(),
        denominator: Note::new("Children on the caseload").unwrap(),
        target: None,
        data_source: None,
    }
}

/// A network guideline with the given code and status history and one measure.
pub(crate) fn standard(code: &str, history: &[(StandardStatus, NaiveDate)]) -> Standard {
    Standard {
        id: StandardId::generate(),
        code: StandardCode::new(code).unwrap(),
        title: Text::new(format!("Guideline {code}").as_str()).unwrap(),
        summary: None,
        kind: StandardKind::Guideline,
        source: StandardSource {
            kind: SourceKind::NetworkGuideline,
            reference: Text::new(code).unwrap(),
            title: None,
            published_on: None,
            updated_on: None,
            url: None,
        },
        version: Text::new("1").unwrap(),
        status: History::new(
            history
                .iter()
                .map(|&(status, on)| StatusChange::new(status, on))
                .collect(),
        )
        .unwrap(),
        effective: None,
        review_by: None,
        supersedes: None,
        endorsed_by: None,
        evidence: None,
        measures: vec![measure()],
    }
}

/// Draft 2024-01-01, consultation 2024-02-01, endorsed 2024-03-01.
pub(crate) fn endorsed(code: &str) -> Standard {
    standard(
        code,
        &[
            (StandardStatus::Draft, d(2024, 1, 1)),
            (StandardStatus::Consultation, d(2024, 2, 1)),
            (StandardStatus::Endorsed, d(2024, 3, 1)),
        ],
    )
}

pub(crate) fn adoption(
    organisation: OrganisationId,
    standard: StandardId,
    history: &[(AdoptionStatus, NaiveDate, Option<&str>)],
) -> Adoption {
    Adoption {
        id: AdoptionId::generate(),
        organisation,
        standard,
        status: History::new(
            history
                .iter()
                .map(|&(status, on, note)| StatusChange {
                    status,
                    on,
                    note: note.map(|n| Note::new(n).unwrap()),
                })
                .collect(),
        )
        .unwrap(),
        note: None,
    }
}

pub(crate) fn result(
    measure: MeasureId,
    organisation: OrganisationId,
    period: Period,
    numerator: u32,
    denominator: u32,
) -> AuditResult {
    AuditResult {
        id: AuditResultId::generate(),
        measure,
        organisation,
        period,
        numerator,
        denominator,
        submitted_on: period.end().unwrap_or(period.start()),
        category: None,
        note: None,
    }
}
