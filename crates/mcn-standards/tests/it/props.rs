//! Property tests: JSON round trips, no panics, and queries against naive
//! reference computations.

use std::collections::HashSet;

use mcn_core::{
    NaiveDate, Period, Proportion,
    id::{AuditResultId, MeasureId, OrganisationId},
    strategy::{self as core, round_trips},
};
use mcn_standards::{
    AuditResult, Measure, StandardsData,
    queries::{
        Versions, adoption_matrix, adoption_status, compliance, compliance_by_measure,
        due_for_review,
    },
    strategy, validate,
};
use proptest::prelude::*;

proptest! {
    #[test]
    fn standards_round_trip(standard in strategy::standard()) {
        round_trips(&standard)?;
    }

    #[test]
    fn adoptions_round_trip(adoption in strategy::adoption()) {
        round_trips(&adoption)?;
    }

    #[test]
    fn audit_results_round_trip(result in strategy::audit_result()) {
        round_trips(&result)?;
        prop_assert!(result.counts_are_consistent());
    }

    #[test]
    fn codes_round_trip(code in strategy::standard_code()) {
        round_trips(&code)?;
    }
}

/// A small world: few measures, organisations and periods, so results collide.
fn world() -> impl Strategy<
    Value = (
        Vec<MeasureId>,
        Vec<OrganisationId>,
        Vec<AuditResult>,
        Period,
    ),
> {
    let measures = prop::collection::vec(core::id::<MeasureId>(), 1..4);
    let orgs = prop::collection::vec(core::id::<OrganisationId>(), 1..5);
    (measures, orgs).prop_flat_map(|(measures, orgs)| {
        let result = (
            prop::sample::select(measures.clone()),
            prop::sample::select(orgs.clone()),
            core::period(),
            0_u32..50,
            0_u32..50,
            prop::option::of(mcn_core::strategy::vocabulary::<
                mcn_standards::ConditionCategory,
            >()),
        )
            .prop_map(
                |(measure, organisation, period, numerator, denominator, category)| AuditResult {
                    id: AuditResultId::generate(),
                    measure,
                    organisation,
                    period,
                    numerator,
                    denominator,
                    submitted_on: period.start(),
                    category,
                    note: None,
                },
            );
        (
            Just(measures),
            Just(orgs),
            prop::collection::vec(result, 0..40),
            // Often a window wide enough to take most results in.
            prop_oneof![
                core::period(),
                Just(Period::starting(NaiveDate::MIN)),
                core::date().prop_map(Period::starting),
            ],
        )
    })
}

fn measure_with(id: MeasureId, target: Option<Proportion>) -> Measure {
    let mut m = crate::support::measure();
    m.id = id;
    m.target = target;
    m
}

proptest! {
    #[test]
    fn pooled_compliance_agrees_with_brute_force(
        (measures, orgs, results, window) in world(),
        target in prop::option::of(core::proportion()),
        category in prop::option::of(mcn_core::strategy::vocabulary::<mcn_standards::ConditionCategory>()),
        expected_extra in prop::collection::vec(core::id::<OrganisationId>(), 0..2),
    ) {
        let expected: Vec<OrganisationId> = orgs.iter().copied().chain(expected_extra).collect();
        for &measure_id in &measures {
            let measure = measure_with(measure_id, target);
            let report = compliance(&results, &measure, window, category, &expected);

            // Naive reference, written out longhand.
            let mut num = 0_u64;
            let mut den = 0_u64;
            let mut counted = 0;
            let mut excluded = 0;
            let mut submitters = Vec::new();
            for r in &results {
                let within = window.start() <= r.period.start()
                    && match (window.end(), r.period.end()) {
                        (None, _) => true,
                        (Some(_), None) => false,
                        (Some(w), Some(p)) => p <= w,
                    };
                if r.measure == measure_id && r.category == category && within {
                    submitters.push(r.organisation);
                    if r.numerator <= r.denominator {
                        num += u64::from(r.numerator);
                        den += u64::from(r.denominator);
                        counted += 1;
                    } else {
                        excluded += 1;
                    }
                }
            }
            prop_assert_eq!(report.pooled.numerator, num);
            prop_assert_eq!(report.pooled.denominator, den);
            prop_assert_eq!(report.pooled.results, counted);
            prop_assert_eq!(report.pooled.excluded, excluded);
            let rate = (den > 0).then(|| {
                f64::from(u32::try_from(num).unwrap()) / f64::from(u32::try_from(den).unwrap())
            });
            prop_assert_eq!(report.pooled.rate.map(Proportion::value), rate);
            prop_assert_eq!(
                report.pooled.target_met,
                rate.zip(target).map(|(r, t)| r >= t.value())
            );

            // Per-organisation rows add up to the pool.
            let row_num: u64 = report.organisations.iter().map(|o| o.compliance.numerator).sum();
            let row_den: u64 = report.organisations.iter().map(|o| o.compliance.denominator).sum();
            prop_assert_eq!((row_num, row_den), (num, den));
            let row_orgs: HashSet<_> = report.organisations.iter().map(|o| o.organisation).collect();
            prop_assert_eq!(row_orgs.clone(), submitters.iter().copied().collect::<HashSet<_>>());

            let mut not_submitted = Vec::new();
            for o in &expected {
                if !submitters.contains(o) && !not_submitted.contains(o) {
                    not_submitted.push(*o);
                }
            }
            prop_assert_eq!(&report.not_submitted, &not_submitted);
        }
    }

    #[test]
    fn compliance_by_measure_agrees_with_compliance(
        (measures, orgs, results, window) in world(),
        category in prop::option::of(mcn_core::strategy::vocabulary::<mcn_standards::ConditionCategory>()),
    ) {
        let mut standard = crate::support::endorsed("A");
        standard.measures = measures.iter().map(|&id| measure_with(id, None)).collect();
        let standards = [standard];
        let all = compliance_by_measure(&standards, &results, window, category, &orgs);
        prop_assert_eq!(all.len(), measures.len());
        for (report, measure) in all.iter().zip(&standards[0].measures) {
            prop_assert_eq!(report, &compliance(&results, measure, window, category, &orgs));
        }
    }

    #[test]
    fn rules_and_queries_never_panic(
        standards in prop::collection::vec(strategy::standard(), 0..6),
        adoptions in prop::collection::vec(strategy::adoption(), 0..6),
        results in prop::collection::vec(strategy::audit_result(), 0..6),
        as_of in core::date(),
        days in any::<u32>(),
    ) {
        let data = StandardsData { standards: &standards, adoptions: &adoptions, audit_results: &results };
        let findings = validate(&data, as_of);
        prop_assert_eq!(&findings, &validate(&data, as_of));
        let versions = Versions::new(&standards);
        for s in &standards {
            prop_assert!(versions.current(s.id, as_of).is_some());
        }
        let _ = due_for_review(&standards, as_of, days);
        let orgs: Vec<_> = adoptions.iter().map(|a| a.organisation).collect();
        let ids: Vec<_> = standards.iter().map(|s| s.id).chain(adoptions.iter().map(|a| a.standard)).collect();
        let matrix = adoption_matrix(&adoptions, &orgs, &ids, as_of);
        prop_assert_eq!(matrix.totals.total(), orgs.len() * ids.len());
    }

    #[test]
    fn matrix_agrees_with_single_lookups(
        adoptions in prop::collection::vec(strategy::adoption(), 0..8),
        as_of in core::date(),
    ) {
        let orgs: Vec<_> = adoptions.iter().map(|a| a.organisation).collect();
        let ids: Vec<_> = adoptions.iter().map(|a| a.standard).collect();
        let matrix = adoption_matrix(&adoptions, &orgs, &ids, as_of);
        for (row, &o) in orgs.iter().enumerate() {
            for (column, &s) in ids.iter().enumerate() {
                prop_assert_eq!(matrix.cells[row][column], adoption_status(&adoptions, o, s, as_of));
            }
        }
        let adopted = matrix.cells.iter().flatten().filter(|c| **c == Some(mcn_standards::AdoptionStatus::Adopted)).count();
        prop_assert_eq!(matrix.totals.adopted, adopted);
        let by_standard: usize = matrix.by_standard.iter().map(|c| c.adopted).sum();
        prop_assert_eq!(by_standard, adopted);
    }

    #[test]
    fn due_for_review_agrees_with_brute_force(
        standards in prop::collection::vec(strategy::standard(), 0..8),
        as_of in core::date(),
        days in 0_u32..5000,
    ) {
        let due = due_for_review(&standards, as_of, days);
        let horizon = as_of + chrono::Days::new(u64::from(days));
        let mut expected: Vec<(NaiveDate, usize)> = Vec::new();
        for (i, s) in standards.iter().enumerate() {
            if s.status_as_of(as_of) == Some(mcn_standards::StandardStatus::Endorsed)
                && let Some(r) = s.review_by
                && r <= horizon
            {
                expected.push((r, i));
            }
        }
        expected.sort();
        let got: Vec<_> = due.iter().map(|r| (r.review_by, r.index)).collect();
        prop_assert_eq!(got, expected);
    }
}
