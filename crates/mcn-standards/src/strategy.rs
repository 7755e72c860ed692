//! proptest strategies for this crate's document types (feature `proptest`),
//! for this and other crates' property tests. Every strategy yields values
//! that parse; histories may break their lifecycle (rules report that).

use mcn_core::strategy as core;
use proptest::prelude::*;

use crate::{
    Adoption, AdoptionStatus, AuditResult, ConditionCategory, Measure, MeasureKind, SourceKind,
    Standard, StandardCode, StandardKind, StandardSource, StandardStatus,
};

/// A well-formed standard code such as `NICE-QS160-6`.
pub fn standard_code() -> impl Strategy<Value = StandardCode> {
    "[A-Z0-9]{1,6}(-[A-Z0-9]{1,5}){0,3}"
        .prop_filter_map("valid code", |s| StandardCode::new(&s).ok())
}

/// A standard's source.
pub fn standard_source() -> impl Strategy<Value = StandardSource> {
    (
        core::vocabulary::<SourceKind>(),
        core::text(),
        prop::option::of(core::text()),
        prop::option::of(core::date()),
        prop::option::of(core::date()),
        prop::option::of(core::text()),
    )
        .prop_map(
            |(kind, reference, title, published_on, updated_on, url)| StandardSource {
                kind,
                reference,
                title,
                published_on,
                updated_on,
                url,
            },
        )
}

/// A measure.
pub fn measure() -> impl Strategy<Value = Measure> {
    (
        core::id(),
        core::vocabulary::<MeasureKind>(),
        core::text(),
        core::note(),
        core::note(),
        prop::option::of(core::proportion()),
        prop::option::of(core::note()),
    )
        .prop_map(
            |(id, kind, description, numerator, denominator, target, data_source)| Measure {
                id,
                kind,
                description,
                numerator,
                denominator,
                target,
                data_source,
            },
        )
}

/// A standard with up to three measures and up to four status changes.
pub fn standard() -> impl Strategy<Value = Standard> {
    (
        (
            core::id(),
            standard_code(),
            core::text(),
            prop::option::of(core::note()),
            core::vocabulary::<StandardKind>(),
            standard_source(),
            core::text(),
        ),
        (
            core::history(core::vocabulary::<StandardStatus>(), 4),
            prop::option::of(core::period()),
            prop::option::of(core::date()),
            prop::option::of(core::id()),
            prop::option::of(core::id()),
            prop::option::of(core::note()),
            prop::collection::vec(measure(), 0..3),
        ),
    )
        .prop_map(
            |(
                (id, code, title, summary, kind, source, version),
                (status, effective, review_by, supersedes, endorsed_by, evidence, measures),
            )| Standard {
                id,
                code,
                title,
                summary,
                kind,
                source,
                version,
                status,
                effective,
                review_by,
                supersedes,
                endorsed_by,
                evidence,
                measures,
            },
        )
}

/// An adoption record with up to four status changes.
pub fn adoption() -> impl Strategy<Value = Adoption> {
    (
        core::id(),
        core::id(),
        core::id(),
        core::history(core::vocabulary::<AdoptionStatus>(), 4),
        prop::option::of(core::note()),
    )
        .prop_map(|(id, organisation, standard, status, note)| Adoption {
            id,
            organisation,
            standard,
            status,
            note,
        })
}

/// An audit result whose numerator does not exceed its denominator.
pub fn audit_result() -> impl Strategy<Value = AuditResult> {
    (
        (core::id(), core::id(), core::id(), core::period()),
        (0_u32..=500).prop_flat_map(|den| (0..=den, Just(den))),
        (
            core::date(),
            prop::option::of(core::vocabulary::<ConditionCategory>()),
            prop::option::of(core::note()),
        ),
    )
        .prop_map(
            |(
                (id, measure, organisation, period),
                (numerator, denominator),
                (submitted_on, category, note),
            )| {
                AuditResult {
                    id,
                    measure,
                    organisation,
                    period,
                    numerator,
                    denominator,
                    submitted_on,
                    category,
                    note,
                }
            },
        )
}
