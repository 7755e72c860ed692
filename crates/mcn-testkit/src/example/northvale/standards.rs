//! The standards catalogue (NICE QS160 and two network guidelines), adoption
//! by members and audit results.

// Tables of example data, not logic: long functions and wide row types read
// best as they are.
#![allow(clippy::too_many_lines, clippy::type_complexity)]

use mcn_core::{
    History, StatusChange,
    id::{MeasureId, StandardId},
};
use mcn_network::NetworkDocument;
use mcn_standards::{
    Adoption, AdoptionStatus, AuditResult, ConditionCategory, Measure, MeasureKind, SourceKind,
    Standard, StandardKind, StandardSource, StandardStatus, catalogue,
};

use super::{IDS, d as dec, gl, o};
use crate::example::ctx::Ctx;

/// The catalogue id of NICE QS160 statement `statement` (1 to 6).
pub(super) fn qs160_id(statement: u64) -> StandardId {
    catalogue::nice_qs160()
        .iter()
        .find(|standard| standard.code.as_str() == format!("NICE-QS160-{statement}"))
        .map_or_else(|| IDS.standard(1000 + statement), |standard| standard.id)
}

/// The id of measure `number` (from 1) of QS160 statement `statement`.
fn qs160_measure(c: &Ctx, statement: u64, number: usize) -> MeasureId {
    catalogue::nice_qs160()
        .iter()
        .find(|standard| standard.id == qs160_id(statement))
        .and_then(|standard| standard.measures.get(number.wrapping_sub(1)))
        .map_or_else(
            || {
                c.problem(format!(
                    "QS160 statement {statement} has no measure {number}"
                ));
                IDS.measure(0)
            },
            |measure| measure.id,
        )
}

/// Adds the standards, adoption and audit results to `d`.
pub(super) fn add(c: &Ctx, d: &mut NetworkDocument) {
    qs160(c, d);
    guidelines(c, d);
    adoptions(c, d);
    audit_results(c, d);
}

/// QS160 as the catalogue has it, with the network's own lifecycle: statements
/// 1, 2, 4 and 6 endorsed, 3 out to consultation, 5 still a draft.
fn qs160(c: &Ctx, d: &mut NetworkDocument) {
    // (statement, consultation from, endorsed on, decision, review by)
    let endorsed = [
        (
            1,
            "2025-02-03",
            "2025-04-15",
            dec::ENDORSE_QS160_1,
            "2028-04-30",
        ),
        (
            2,
            "2025-02-03",
            "2025-04-15",
            dec::ENDORSE_QS160_2,
            "2028-04-30",
        ),
        (
            4,
            "2025-07-20",
            "2025-10-14",
            dec::ENDORSE_QS160_4,
            "2028-10-31",
        ),
        (
            6,
            "2025-07-20",
            "2025-10-14",
            dec::ENDORSE_QS160_6,
            "2028-10-31",
        ),
    ];
    for mut standard in catalogue::nice_qs160() {
        if let Some(&(statement, consulted, on, decision, review)) = endorsed
            .iter()
            .find(|(statement, ..)| qs160_id(*statement) == standard.id)
        {
            standard.status.push(StatusChange::new(
                StandardStatus::Consultation,
                c.date(consulted),
            ));
            standard
                .status
                .push(StatusChange::new(StandardStatus::Endorsed, c.date(on)));
            standard.endorsed_by = Some(IDS.decision(decision));
            standard.effective = Some(c.since(if statement <= 2 {
                "2025-05-01"
            } else {
                "2025-11-01"
            }));
            standard.review_by = Some(c.date(review));
        } else if standard.id == qs160_id(3) {
            standard.status.push(StatusChange::new(
                StandardStatus::Consultation,
                c.date("2026-06-01"),
            ));
        }
        // The network's targets for the measures its members audit.
        for measure in &mut standard.measures {
            let target = if measure.id == qs160_measure(c, 1, 2) {
                Some(0.8)
            } else if measure.id == qs160_measure(c, 6, 1) {
                Some(1.0)
            } else if measure.id == qs160_measure(c, 6, 2) {
                Some(0.9)
            } else {
                None
            };
            measure.target = target.and_then(|t| c.proportion(t));
        }
        d.standards.push(standard);
    }
}

fn guidelines(c: &Ctx, d: &mut NetworkDocument) {
    // (number, code, title, summary, drafted, consulted, endorsed, decision, review by, measure)
    let rows = [
        (
            gl::SYMPTOMS,
            "NVCPC-GL-01",
            "Symptom management in the last days of life",
            "How members assess, anticipate and manage pain, breathlessness, agitation and other distressing symptoms for children and young people in the last days of life, at home, in hospice and in hospital, including anticipatory prescribing.",
            ["2025-02-04", "2025-05-06", "2025-07-15"],
            dec::ENDORSE_GL01,
            "2027-07-31",
            (
                MeasureKind::Process,
                "Children in the last days of life with an individualised symptom management plan",
                "Children and young people in the denominator whose record holds an individualised symptom management plan, including anticipatory medicines, agreed before the last days of life.",
                "Children and young people cared for by the organisation who died during the reporting period.",
                0.9,
            ),
        ),
        (
            gl::ADVANCE_CARE_PLANNING,
            "NVCPC-GL-02",
            "Advance care planning and parallel planning",
            "When and how members start, share and review advance care plans with children, young people and families, including parallel planning when the illness course is uncertain, so that one plan travels with the child between services.",
            ["2025-06-03", "2025-10-01", "2026-01-20"],
            dec::ENDORSE_GL02,
            "2028-01-31",
            (
                MeasureKind::Structure,
                "Services that share advance care plans with the other services caring for the child",
                "Services in the denominator with a written procedure for sharing the advance care plan with every other service caring for the child, within five working days of any change.",
                "Services run by the organisation that care for children and young people with a life-limiting condition.",
                1.0,
            ),
        ),
    ];
    for (number, code, title, summary, [drafted, consulted, endorsed], decision, review, measure) in
        rows
    {
        let (kind, description, numerator, denominator, target) = measure;
        d.standards.push(Standard {
            id: IDS.standard(number),
            code: c.standard_code(code),
            title: c.text(title),
            summary: Some(c.note(summary)),
            kind: StandardKind::Guideline,
            source: StandardSource {
                kind: SourceKind::NetworkGuideline,
                reference: c.text(code),
                title: Some(c.text(title)),
                published_on: Some(c.date(endorsed)),
                updated_on: None,
                url: None,
            },
            version: c.text("1.0"),
            status: c.history(
                (StandardStatus::Draft, drafted),
                &[(StandardStatus::Consultation, consulted), (StandardStatus::Endorsed, endorsed)],
            ),
            effective: Some(c.since(endorsed)),
            review_by: Some(c.date(review)),
            supersedes: None,
            endorsed_by: Some(IDS.decision(decision)),
            evidence: Some(c.note("Written by the network's clinical guidelines working group from NICE NG61 and QS160, and agreed after consultation with every provider member.")),
            measures: vec![Measure {
                id: IDS.measure(number),
                kind,
                description: c.text(description),
                numerator: c.note(numerator),
                denominator: c.note(denominator),
                target: c.proportion(target),
                data_source: Some(c.note("The organisation's own care records, counted to the network's shared minimum dataset.")),
            }],
        });
    }
}

/// Which standard an adoption row is about.
#[derive(Clone, Copy)]
enum Of {
    Qs160(u64),
    Guideline(u64),
}

fn adoptions(c: &Ctx, d: &mut NetworkDocument) {
    use AdoptionStatus::{Adopted, InProgress, NotApplicable, NotStarted, Planned};
    const NO_HOME_CARE: &str = "The trust provides no care at home: 24-hour care at home is given by the community nursing teams and hospices.";
    // (organisation, standard, status changes with an optional note)
    let rows: Vec<(u64, Of, Vec<(AdoptionStatus, &str, Option<&str>)>)> = vec![
        (
            o::NVCH,
            Of::Qs160(1),
            vec![
                (Planned, "2025-05-01", None),
                (InProgress, "2025-06-01", None),
                (Adopted, "2026-01-15", None),
            ],
        ),
        (
            o::NVGH,
            Of::Qs160(1),
            vec![
                (Planned, "2025-05-01", None),
                (InProgress, "2025-11-01", None),
            ],
        ),
        (
            o::EMH,
            Of::Qs160(1),
            vec![
                (NotStarted, "2025-05-01", None),
                (Planned, "2026-02-01", None),
            ],
        ),
        (
            o::WECH,
            Of::Qs160(1),
            vec![
                (InProgress, "2025-05-01", None),
                (Adopted, "2025-12-01", None),
            ],
        ),
        (
            o::HARBOURSIDE,
            Of::Qs160(1),
            vec![(
                Adopted,
                "2025-05-01",
                Some("Already the hospice's practice before the network endorsed it."),
            )],
        ),
        (
            o::FELLSIDE,
            Of::Qs160(1),
            vec![
                (InProgress, "2025-05-01", None),
                (Adopted, "2025-09-01", None),
            ],
        ),
        (
            o::MEADOWBANK,
            Of::Qs160(1),
            vec![
                (Planned, "2025-05-01", None),
                (InProgress, "2026-03-01", None),
            ],
        ),
        (o::SCH, Of::Qs160(1), vec![(NotStarted, "2025-05-01", None)]),
        (o::NVCH, Of::Qs160(2), vec![(Adopted, "2025-05-01", None)]),
        (
            o::NVGH,
            Of::Qs160(2),
            vec![
                (InProgress, "2025-05-01", None),
                (Adopted, "2026-04-01", None),
            ],
        ),
        (o::EMH, Of::Qs160(2), vec![(Planned, "2025-05-01", None)]),
        (
            o::NVCH,
            Of::Qs160(6),
            vec![
                (InProgress, "2025-11-01", None),
                (Adopted, "2026-02-01", None),
            ],
        ),
        (
            o::NVGH,
            Of::Qs160(6),
            vec![(NotApplicable, "2025-11-01", Some(NO_HOME_CARE))],
        ),
        (
            o::EMH,
            Of::Qs160(6),
            vec![(NotApplicable, "2025-11-01", Some(NO_HOME_CARE))],
        ),
        (
            o::WECH,
            Of::Qs160(6),
            vec![(
                InProgress,
                "2025-11-01",
                Some(
                    "24-hour nursing in both places; consultant advice out of hours still missing in Eastmoor.",
                ),
            )],
        ),
        (
            o::HARBOURSIDE,
            Of::Qs160(6),
            vec![(Adopted, "2025-11-01", None)],
        ),
        (
            o::FELLSIDE,
            Of::Qs160(6),
            vec![
                (Planned, "2025-11-01", None),
                (InProgress, "2026-05-01", None),
            ],
        ),
        (
            o::MEADOWBANK,
            Of::Qs160(6),
            vec![(Planned, "2025-11-01", None)],
        ),
        (
            o::SCH,
            Of::Qs160(6),
            vec![(
                Planned,
                "2025-11-01",
                Some(
                    "Needs overnight nursing cover, which the current establishment cannot staff.",
                ),
            )],
        ),
        (
            o::NVCH,
            Of::Guideline(gl::SYMPTOMS),
            vec![
                (InProgress, "2025-08-01", None),
                (Adopted, "2025-10-01", None),
            ],
        ),
        (
            o::NVGH,
            Of::Guideline(gl::SYMPTOMS),
            vec![
                (InProgress, "2025-08-01", None),
                (Adopted, "2026-01-01", None),
            ],
        ),
        (
            o::EMH,
            Of::Guideline(gl::SYMPTOMS),
            vec![(Planned, "2025-08-01", None)],
        ),
        (
            o::WECH,
            Of::Guideline(gl::SYMPTOMS),
            vec![(Adopted, "2025-09-01", None)],
        ),
        (
            o::HARBOURSIDE,
            Of::Guideline(gl::SYMPTOMS),
            vec![(Adopted, "2025-08-01", None)],
        ),
        (
            o::FELLSIDE,
            Of::Guideline(gl::SYMPTOMS),
            vec![
                (InProgress, "2025-08-01", None),
                (Adopted, "2025-11-01", None),
            ],
        ),
        (
            o::MEADOWBANK,
            Of::Guideline(gl::SYMPTOMS),
            vec![(InProgress, "2025-10-01", None)],
        ),
        (
            o::SCH,
            Of::Guideline(gl::SYMPTOMS),
            vec![
                (Planned, "2025-08-01", None),
                (InProgress, "2026-01-01", None),
            ],
        ),
        (
            o::NVCH,
            Of::Guideline(gl::ADVANCE_CARE_PLANNING),
            vec![(InProgress, "2026-02-01", None)],
        ),
        (
            o::HARBOURSIDE,
            Of::Guideline(gl::ADVANCE_CARE_PLANNING),
            vec![(InProgress, "2026-02-01", None)],
        ),
        (
            o::FELLSIDE,
            Of::Guideline(gl::ADVANCE_CARE_PLANNING),
            vec![(Planned, "2026-02-01", None)],
        ),
        (
            o::WECH,
            Of::Guideline(gl::ADVANCE_CARE_PLANNING),
            vec![(Planned, "2026-03-01", None)],
        ),
    ];
    for (number, (organisation, of, changes)) in (1..).zip(rows) {
        let standard = match of {
            Of::Qs160(statement) => qs160_id(statement),
            Of::Guideline(guideline) => IDS.standard(guideline),
        };
        let changes: Vec<StatusChange<AdoptionStatus>> = changes
            .into_iter()
            .map(|(status, on, note)| StatusChange {
                status,
                on: c.date(on),
                note: note.map(|note| c.note(note)),
            })
            .collect();
        let Ok(status) = History::new(changes) else {
            c.problem(format!("adoption {number} has no status"));
            continue;
        };
        d.adoptions.push(Adoption {
            id: IDS.adoption(number),
            organisation: IDS.organisation(organisation),
            standard,
            status,
            note: None,
        });
    }
}

fn audit_results(c: &Ctx, d: &mut NetworkDocument) {
    const PERIODS: [(&str, &str, &str); 3] = [
        ("2025-04-01", "2025-09-30", "2025-10-20"),
        ("2025-10-01", "2026-03-31", "2026-04-24"),
        ("2026-04-01", "2026-09-30", "2026-10-22"),
    ];
    let acp = qs160_measure(c, 1, 2);
    let home = qs160_measure(c, 6, 2);
    let plans = IDS.measure(gl::SYMPTOMS);
    // (measure, organisation, period, numerator, denominator, category, note)
    let rows: Vec<(
        MeasureId,
        u64,
        usize,
        u32,
        u32,
        Option<ConditionCategory>,
        Option<&str>,
    )> = vec![
        (
            acp,
            o::NVCH,
            0,
            96,
            161,
            None,
            Some("Baseline, before the shared minimum dataset."),
        ),
        (acp, o::NVCH, 1, 118, 164, None, None),
        (acp, o::NVCH, 2, 131, 158, None, None),
        (
            acp,
            o::NVCH,
            2,
            52,
            57,
            Some(ConditionCategory::ProgressiveWithoutCure),
            None,
        ),
        (
            acp,
            o::NVCH,
            2,
            38,
            49,
            Some(ConditionCategory::IrreversibleNonProgressive),
            None,
        ),
        (
            acp,
            o::WECH,
            0,
            31,
            72,
            None,
            Some("Baseline, before the shared minimum dataset."),
        ),
        (acp, o::WECH, 1, 40, 70, None, None),
        (acp, o::WECH, 2, 49, 71, None, None),
        (acp, o::HARBOURSIDE, 0, 88, 97, None, None),
        (acp, o::HARBOURSIDE, 1, 91, 99, None, None),
        (acp, o::HARBOURSIDE, 2, 95, 101, None, None),
        (acp, o::FELLSIDE, 0, 61, 80, None, None),
        (acp, o::FELLSIDE, 1, 70, 83, None, None),
        (acp, o::FELLSIDE, 2, 74, 82, None, None),
        (
            acp,
            o::MEADOWBANK,
            1,
            19,
            41,
            None,
            Some("First submission: counted by hand from paper records."),
        ),
        (acp, o::MEADOWBANK, 2, 24, 43, None, None),
        (home, o::NVCH, 1, 14, 16, None, None),
        (home, o::NVCH, 2, 15, 16, None, None),
        (
            home,
            o::WECH,
            1,
            9,
            17,
            None,
            Some("Eastmoor families had nursing but no consultant advice overnight."),
        ),
        (home, o::WECH, 2, 10, 18, None, None),
        (
            home,
            o::SCH,
            1,
            0,
            5,
            None,
            Some("No overnight nursing in Southbridge."),
        ),
        (home, o::SCH, 2, 1, 6, None, None),
        (home, o::HARBOURSIDE, 1, 11, 11, None, None),
        (home, o::HARBOURSIDE, 2, 12, 13, None, None),
        (plans, o::NVCH, 2, 21, 24, None, None),
        (plans, o::HARBOURSIDE, 2, 17, 18, None, None),
    ];
    for (number, (measure, organisation, period, numerator, denominator, category, note)) in
        (1..).zip(rows)
    {
        let Some(&(start, end, submitted)) = PERIODS.get(period) else {
            c.problem(format!("audit result {number}: no period {period}"));
            continue;
        };
        d.audit_results.push(AuditResult {
            id: IDS.audit_result(number),
            measure,
            organisation: IDS.organisation(organisation),
            period: c.period(start, end),
            numerator,
            denominator,
            submitted_on: c.date(submitted),
            category,
            note: note.map(|note| c.note(note)),
        });
    }
}
