//! Every indicator on the fixture, against figures worked out by hand from
//! `fixture.rs` (the arithmetic is in the comments). Report date 2026-11-01,
//! window 2025-11-02 to 2026-11-01.
//!
//! Members on the report date (sorted by name): Brookfield GP Practice (O3,
//! NHS), Northvale Children's Hospital NHS Trust (O1, NHS), Rainbow
//! Children's Hospice (O2, voluntary), Westfield Adult Hospice (O6,
//! voluntary). Parents Together (O4) was suspended on 2026-09-01.

use mcn_core::{Money, Rag, WteTotal};
use mcn_evaluation::{
    Breakdown, EvaluationReport, EvaluationSettings, Indicator, ThresholdUsed, Value,
};

use crate::evaluate;

use crate::fixture::{self, ACT, ADOPT, EVENT, MEAS, OBJ, ORG, REG, RISK, id};

fn report() -> EvaluationReport {
    evaluate(
        &fixture::network(),
        fixture::as_of(),
        &EvaluationSettings::default(),
    )
}

fn get<'a>(report: &'a EvaluationReport, id: &str) -> &'a Indicator {
    report
        .indicator(id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
}

/// `(numerator, denominator)` of a proportion.
fn share(indicator: &Indicator) -> (u64, u64) {
    match indicator.value {
        Value::Proportion {
            numerator,
            denominator,
            ..
        } => (numerator, denominator),
        ref other => panic!("{}: not a proportion: {other:?}", indicator.id),
    }
}

fn count(indicator: &Indicator) -> u64 {
    match indicator.value {
        Value::Count { count } => count,
        ref other => panic!("{}: not a count: {other:?}", indicator.id),
    }
}

fn table<'a>(indicator: &'a Indicator, id: &str) -> &'a Breakdown {
    indicator
        .breakdown(id)
        .unwrap_or_else(|| panic!("{}: no breakdown {id}", indicator.id))
}

/// The rows of a breakdown as `(label, cells rendered)`.
fn rows(breakdown: &Breakdown) -> Vec<(String, Vec<String>)> {
    breakdown
        .rows
        .iter()
        .map(|r| {
            (
                r.label.clone(),
                r.cells.iter().map(ToString::to_string).collect(),
            )
        })
        .collect()
}

fn row(label: &str, cells: &[&str]) -> (String, Vec<String>) {
    (
        label.to_owned(),
        cells.iter().map(|c| (*c).to_owned()).collect(),
    )
}

/// The evidence paths of an indicator.
fn paths(indicator: &Indicator) -> Vec<&str> {
    indicator.evidence.iter().map(|e| e.path.as_str()).collect()
}

fn at_least(green: f64, amber: f64) -> Option<ThresholdUsed> {
    Some(ThresholdUsed::AtLeast { green, amber })
}

fn at_most(green: f64, amber: f64) -> Option<ThresholdUsed> {
    Some(ThresholdUsed::AtMost { green, amber })
}

#[test]
fn report_frame() {
    let r = report();
    assert_eq!(
        r.network.name,
        "Northvale Children's Palliative Care Network"
    );
    assert_eq!(r.window.to_string(), "2025-11-02 to 2026-11-01");
    // The fixture is consistent: no error findings, so no warning.
    assert_eq!(r.validation.errors, 0);
    assert!(r.warning.is_none());
    let ids: Vec<&str> = r.indicators.iter().map(|i| i.id.as_str()).collect();
    let catalogue: Vec<&str> = mcn_evaluation::CATALOGUE.iter().map(|s| s.id).collect();
    assert_eq!(ids, catalogue);
    // Ratings, from the tests below:
    //   green: co-ordinator, active members, relevance, specialist team = 4
    //   amber: funded vacant posts, high risks, engagement, unengaged,
    //          attendance, requirements, compliance, body mix,
    //          cross-organisation events, workforce = 10
    //   red: clinical lead, posts vacant, funding ending, terms, cadence,
    //        quorate, overdue actions, objectives, adoption, audit submission,
    //        QS160 24/7, record sharing = 12
    //   not rated: events held, reach, organisations reached, barriers,
    //              endorsed, training per child = 6
    assert_eq!(
        (
            r.summary.green,
            r.summary.amber,
            r.summary.red,
            r.summary.not_rated
        ),
        (4, 10, 12, 6)
    );
}

#[test]
fn leadership() {
    let r = report();
    // The profile names post 1 (co-ordinator): funded 2024-04-01..2027-03-31,
    // appointment of person 4 from 2024-05-01, open: funded and filled.
    let coordinator = get(&r, "leadership.coordinator_post");
    assert_eq!(coordinator.value, Value::Boolean { value: true });
    assert_eq!(coordinator.rag, Some(Rag::Green));
    assert_eq!(
        rows(table(coordinator, "posts")),
        [row(
            "Network co-ordinator",
            &["yes", "yes", "1.00 WTE", "1"]
        )]
    );
    assert_eq!(paths(coordinator), ["/appointments/0", "/posts/0"]);

    // Post 2 (clinical lead): its only appointment ended 2026-06-30: vacant.
    let lead = get(&r, "leadership.clinical_lead");
    assert_eq!(lead.value, Value::Boolean { value: false });
    assert_eq!(lead.rag, Some(Rag::Red));
    assert_eq!(paths(lead), ["/posts/1"]);

    // Posts existing on 2026-11-01: 1, 2, 3, 4 (post 5 ended 2025-12-31) = 4.
    // Vacant: post 2 (appointment ended), post 3 (never filled) = 2.
    // 2 / 4 = 50% > 25% → red.
    let vacant = get(&r, "leadership.posts_vacant");
    assert_eq!(share(vacant), (2, 4));
    assert_eq!(vacant.rag, Some(Rag::Red));
    assert_eq!(vacant.threshold, at_most(0.10, 0.25));
    assert_eq!(
        rows(table(vacant, "by_role")),
        [
            row("network coordinator", &["1", "0", "0.0% (0 of 1)"]),
            row("clinical lead", &["1", "1", "100.0% (1 of 1)"]),
            row("chair", &["1", "0", "0.0% (0 of 1)"]),
            row("education lead", &["1", "1", "100.0% (1 of 1)"]),
        ]
    );
    assert_eq!(paths(vacant), ["/posts/1", "/posts/2"]);

    // Funded and vacant: post 3 only (funded 2025-01-01..2026-12-31) = 1 → amber (≤ 1).
    let funded_vacant = get(&r, "leadership.funded_vacant_posts");
    assert_eq!(count(funded_vacant), 1);
    assert_eq!(funded_vacant.rag, Some(Rag::Amber));
    assert_eq!(
        rows(table(funded_vacant, "posts")),
        [row(
            "Education lead",
            &[
                "education lead",
                "Rainbow Children's Hospice",
                "0.50 WTE",
                "2026-12-31"
            ]
        )]
    );

    // Horizon: 6 months → 2027-05-01. Streams ending by then: 1 (time-limited
    // £40,000, ends 2027-03-31) and 2 (recurrent £10,000 a year, ends
    // 2026-12-31); stream 3 ends 2028. £40,000 + £10,000 = £50,000.
    // Posts whose funding ends: 1 (2027-03-31) and 3 (2026-12-31) → red.
    let funding = get(&r, "leadership.funding_ending");
    assert_eq!(
        funding.value,
        Value::Money {
            amount: Money::from_pounds(50_000)
        }
    );
    assert_eq!(funding.rag, Some(Rag::Red));
    assert_eq!(
        rows(table(funding, "by_basis")),
        [
            row("Recurrent (per year)", &["1", "£10,000.00"]),
            row("Time-limited (in total)", &["1", "£40,000.00"]),
        ]
    );
    assert_eq!(
        rows(table(funding, "posts")),
        [
            row(
                "Network co-ordinator",
                &["network coordinator", "1.00 WTE", "2027-03-31"]
            ),
            row(
                "Education lead",
                &["education lead", "0.50 WTE", "2026-12-31"]
            ),
        ]
    );
    assert_eq!(
        paths(funding),
        [
            "/funding_streams/0",
            "/funding_streams/1",
            "/posts/0",
            "/posts/2"
        ]
    );
}

#[test]
fn governance() {
    let r = report();
    // Bodies active on 2026-11-01: steering group (terms 2.0, review 2027-06-01:
    // current), education group (1.0 review 2025-06-01: overdue), parent forum
    // (draft only: none in force). Working group ended 2025-03-31. 1 / 3 → red.
    let terms = get(&r, "governance.terms_current");
    assert_eq!(share(terms), (1, 3));
    assert_eq!(terms.rag, Some(Rag::Red));
    assert_eq!(
        rows(table(terms, "bodies")),
        [
            row("Steering group", &["2.0", "2027-06-01", "current"]),
            row("Education group", &["1.0", "2025-06-01", "review overdue"]),
            row("Parent forum", &["none", "none", "none in force"]),
        ]
    );
    assert_eq!(
        paths(terms),
        ["/bodies/1/terms_of_reference/0", "/bodies/2"]
    );

    // Cadence over 2025-11-02..2026-11-01 (12 whole months):
    // steering group quarterly: 12 / 3 = 4 expected; held 2025-12-10,
    // 2026-03-10, 2026-06-10, 2026-09-10 = 4 → met.
    // education group every two months: 12 / 2 = 6 expected; held 2026-01-15,
    // 2026-05-15 (2026-07-15 cancelled) = 2 → short.
    // parent forum: no terms in force → no expectation. 1 / 2 → red.
    let cadence = get(&r, "governance.meeting_cadence");
    assert_eq!(share(cadence), (1, 2));
    assert_eq!(cadence.rag, Some(Rag::Red));
    let bodies = rows(table(cadence, "bodies"));
    assert_eq!(bodies[0].1[..3], ["quarterly", "4", "4"]);
    assert_eq!(bodies[1].1[..3], ["every two months", "2", "6"]);
    assert_eq!(bodies[2].1[..3], ["no terms in force", "1", "n/a"]);

    // Quorum (2 voting members; steering group also needs its chair):
    // 2025-12-10 chair + Rainbow → quorate; 2026-03-10 chair + Brookfield →
    // quorate; 2026-06-10 Rainbow + Brookfield, chair sent apologies →
    // inquorate; 2026-09-10 all three → quorate; education group 2026-01-15
    // trust only (person 3 present but not on Rainbow's behalf) → inquorate;
    // 2026-05-15 trust + Rainbow → quorate. Parent forum: no terms, not
    // assessed. 4 / 6 → red (< 75%).
    let quorate = get(&r, "governance.quorate_meetings");
    assert_eq!(share(quorate), (4, 6));
    assert_eq!(quorate.rag, Some(Rag::Red));
    assert_eq!(
        rows(table(quorate, "by_body")),
        [
            row("Education group", &["2", "1", "50.0% (1 of 2)", "0"]),
            row("Parent forum", &["0", "0", "n/a (0 of 0)", "1"]),
            row("Steering group", &["4", "3", "75.0% (3 of 4)", "0"]),
        ]
    );
    assert_eq!(paths(quorate), ["/meetings/3", "/meetings/5"]);
    // The note leads with what was missing, so it cannot read as quorate.
    let note = quorate.evidence[0].note.as_deref().unwrap();
    assert!(note.starts_with("inquorate: no chair"), "{note}");
    assert!(!note.contains("needed were present"), "{note}");

    // Actions open on 2026-11-01: 2 (open, due 2026-04-30: overdue), 3 (open,
    // due 2026-12-31), 4 (done 2026-11-15, after the report date, so open on
    // it; due 2026-10-01: overdue). Action 1 was done 2026-01-20, action 5
    // cancelled. 2 / 3 → red.
    let actions = get(&r, "governance.overdue_actions");
    assert_eq!(share(actions), (2, 3));
    assert_eq!(actions.rag, Some(Rag::Red));
    assert_eq!(
        paths(actions),
        ["/meetings/2/actions/0", "/meetings/4/actions/0"]
    );
    assert_eq!(actions.evidence[0].id.to_string(), id(ACT, 2));
    assert_eq!(actions.evidence[1].id.to_string(), id(ACT, 4));

    // Objectives with a stage on 2026-11-01, not cancelled: 1 (completed), 2
    // (in progress, due 2026-09-30: past due), 3 (in progress, red), 4
    // (proposed, due 2027). 5 cancelled; 6 starts 2027. On track: 1 and 4.
    // 2 / 4 → red (< 60%).
    let objectives = get(&r, "governance.objectives_on_track");
    assert_eq!(share(objectives), (2, 4));
    assert_eq!(objectives.rag, Some(Rag::Red));
    assert_eq!(
        rows(table(objectives, "by_stage")),
        [
            row("proposed", &["0", "0", "0", "1", "1"]),
            row("in progress", &["1", "1", "0", "0", "2"]),
            row("completed", &["0", "0", "1", "0", "1"]),
            row("cancelled", &["0", "0", "0", "1", "1"]),
        ]
    );
    assert_eq!(paths(objectives), ["/objectives/1", "/objectives/2"]);
    assert_eq!(objectives.evidence[0].id.to_string(), id(OBJ, 2));

    // Live risks scoring ≥ 15: 1 (4 × 4 = 16, open), 2 (3 × 5 = 15,
    // tolerated). 3 scores 25 but is closed; 4 scores 6. 2 → amber (≤ 2).
    let risks = get(&r, "governance.high_risks");
    assert_eq!(count(risks), 2);
    assert_eq!(risks.rag, Some(Rag::Amber));
    assert_eq!(
        rows(table(risks, "by_category")),
        [row("funding", &["1"]), row("workforce", &["1"])]
    );
    assert_eq!(paths(risks), ["/risks/0", "/risks/1"]);
    assert_eq!(risks.evidence[1].id.to_string(), id(RISK, 2));
}

#[test]
fn membership() {
    let r = report();
    // Active: O1, O2, O3, O6 = 4; NHS O1, O3; non-NHS O2, O6 → green.
    let active = get(&r, "membership.active_members");
    assert_eq!(count(active), 4);
    assert_eq!(active.rag, Some(Rag::Green));
    assert_eq!(
        rows(table(active, "by_nhs")),
        [
            row("NHS", &["2"]),
            row("Non-NHS", &["2"]),
            row("Sector unknown", &["0"])
        ]
    );
    assert_eq!(
        rows(table(active, "by_sector")),
        [row("NHS", &["2"]), row("Voluntary", &["2"])]
    );

    // Meetings attended (held, in the window, present or in attendance, on
    // behalf of / employed by / representative of):
    //   O1: 2025-12-10, 2026-03-10, 2026-09-10 (person 1), 2026-01-15,
    //       2026-05-15 (person 2) = 5
    //   O2: 2025-12-10, 2026-06-10, 2026-09-10, 2026-01-15, 2026-05-15,
    //       2026-04-01 (person 3) = 6
    //   O3: 2026-03-10, 2026-06-10, 2026-09-10 (person 5) = 3
    // People trained in the window: O1 persons 1, 2 = 2; O2 person 3 = 1.
    // Endorsed standards adopted: O1 QS160-6 = 1; O2 both = 2.
    // Audit results submitted in the window: O1 results 1, 3, 4; O2 result 2.
    // O6: nothing. Engaged 3 / 4 = 75% → amber.
    let engagement = get(&r, "membership.engagement");
    assert_eq!(share(engagement), (3, 4));
    assert_eq!(engagement.rag, Some(Rag::Amber));
    assert_eq!(
        rows(table(engagement, "profile")),
        [
            row(
                "Brookfield GP Practice",
                &["NHS", "3", "0", "0", "0", "yes"]
            ),
            row(
                "Northvale Children's Hospital NHS Trust",
                &["NHS", "5", "2", "1", "3", "yes"]
            ),
            row(
                "Rainbow Children's Hospice",
                &["Non-NHS", "6", "1", "2", "1", "yes"]
            ),
            row(
                "Westfield Adult Hospice",
                &["Non-NHS", "0", "0", "0", "0", "no"]
            ),
        ]
    );
    assert_eq!(paths(engagement), ["/organisations/5"]);

    let unengaged = get(&r, "membership.unengaged");
    assert_eq!(count(unengaged), 1);
    assert_eq!(unengaged.rag, Some(Rag::Amber));
    assert_eq!(unengaged.evidence[0].id.to_string(), id(ORG, 6));
}

#[test]
fn training() {
    let r = report();
    // Held in the window: events 1, 2, 3 (4 cancelled, 5 in 2024).
    let held = get(&r, "training.events_held");
    assert_eq!(count(held), 3);
    assert_eq!(held.rag, None);
    assert_eq!(
        rows(table(held, "by_kind")),
        [row("study day", &["2"]), row("webinar", &["1"])]
    );
    assert_eq!(
        rows(table(held, "by_delivery")),
        [row("in person", &["2"]), row("virtual", &["1"])]
    );

    // Attended / (attended + did not attend): event 1: 3 / 4; event 2: 2 / 3
    // (the cancelled registration is outside); event 3: 1 / 1 (wait-listed and
    // booked outside). 6 / 8 = 75% → amber.
    let attendance = get(&r, "training.attendance_rate");
    assert_eq!(share(attendance), (6, 8));
    assert_eq!(attendance.rag, Some(Rag::Amber));
    assert_eq!(paths(attendance), ["/events/0", "/events/1", "/events/2"]);

    // Attended: event 1 persons 3 (O2), 1 (O1), 6 (O4); event 2 persons 1, 2
    // (O1); event 3 person 2 (O1). People 1, 2, 3, 6 = 4; organisations O1,
    // O2, O4 = 3; attendances 6.
    let reach = get(&r, "training.reach");
    assert_eq!(count(reach), 4);
    assert_eq!(
        rows(table(reach, "by_sector")),
        [
            row("NHS", &["2", "1", "4"]),
            row("Non-NHS", &["2", "2", "2"])
        ]
    );
    assert_eq!(
        rows(table(reach, "by_locality")),
        [
            row("Ashford", &["3", "3", "3"]),
            row("Brookfield", &["1", "1", "1"]),
            row("No locality (online or not recorded)", &["2", "1", "2"]),
        ]
    );
    assert_eq!(
        rows(table(reach, "by_level")),
        [
            row("public health", &["0", "0", "0"]),
            row("universal", &["2", "1", "2"]),
            row("core", &["3", "3", "3"]),
            row("specialist", &["1", "1", "1"]),
        ]
    );
    assert_eq!(count(get(&r, "training.organisations_reached")), 3);

    // Missed at events in the window: registration 3 (did not attend, no
    // release), 7 (did not attend, timing), 8 (cancelled, timing), 10
    // (wait-listed, event full) = 4; 12 is for the cancelled event.
    let barriers = get(&r, "training.barriers");
    assert_eq!(count(barriers), 4);
    let by_barrier = rows(table(barriers, "by_barrier"));
    assert_eq!(
        by_barrier[0],
        row("no release or backfill", &["1", "25.0% (1 of 4)"])
    );
    assert_eq!(by_barrier[3], row("timing", &["2", "50.0% (2 of 4)"]));
    assert_eq!(by_barrier[6], row("event full", &["1", "25.0% (1 of 4)"]));
    assert_eq!(
        rows(table(barriers, "by_delivery"))[..2],
        [row("in person", &["2", "2"]), row("virtual", &["2", "2"])]
    );
    assert_eq!(
        paths(barriers),
        [
            "/registrations/2",
            "/registrations/6",
            "/registrations/7",
            "/registrations/9"
        ]
    );
    assert_eq!(barriers.evidence[0].id.to_string(), id(REG, 3));

    // Relevance ratings: 5, 4 (event 1), 3 (event 2), 5 (event 3) = 17 / 4 =
    // 4.25 → green (≥ 4.0).
    let relevance = get(&r, "training.relevance");
    assert_eq!(relevance.value, Value::mean(17, 4, 5));
    assert_eq!(relevance.rag, Some(Rag::Green));
    assert_eq!(relevance.threshold, at_least(4.0, 3.5));

    // Needs on 2026-11-01 (roles from posts held then):
    //   person 1 (nurse, chair): chair → universal: met (event 2); nurse → core
    //     within 24 months: met (event 1, 2026-02-10).
    //   person 3 (nurse): core: met (event 1).
    //   person 4 (co-ordinator): specialist: missing (only booked).
    //   person 7 (nurse): core on 2024-06-01, valid to 2026-06-01: expired.
    //   (person 2's clinical lead appointment ended; doctors have no requirement.)
    // Met 3 of 5 = 60% → amber (≥ 60%).
    let needs = get(&r, "training.requirements_met");
    assert_eq!(share(needs), (3, 5));
    assert_eq!(needs.rag, Some(Rag::Amber));
    assert_eq!(
        rows(table(needs, "by_requirement")),
        [
            row(
                "universal level for chair",
                &["1", "0", "0", "100.0% (1 of 1)"]
            ),
            row("core level for nurse", &["2", "1", "0", "66.7% (2 of 3)"]),
            row(
                "specialist level for network coordinator",
                &["0", "0", "1", "0.0% (0 of 1)"]
            ),
        ]
    );
}

#[test]
fn standards() {
    let r = report();
    // Endorsed on 2026-11-01: NICE-QS160-6 (2025-03-04), NVCPN-GL-1
    // (2025-12-10); NVCPN-GL-2 is a draft.
    let endorsed = get(&r, "standards.endorsed");
    assert_eq!(count(endorsed), 2);
    assert_eq!(paths(endorsed), ["/standards/0", "/standards/1"]);
    assert!(
        endorsed.evidence[0]
            .note
            .as_deref()
            .unwrap()
            .contains("/meetings/0/decisions/0")
    );

    // Matrix rows O3, O1, O2, O6 × columns QS160-6, GL-1:
    //   O3: not applicable, not recorded
    //   O1: adopted, planned
    //   O2: adopted, adopted (in progress 2026-03-01, adopted 2026-08-01)
    //   O6: not recorded, not recorded
    // 8 cells, 1 not applicable → 7 applicable; adopted 3. 3 / 7 → red (< 50%).
    let adoption = get(&r, "standards.adoption");
    assert_eq!(share(adoption), (3, 7));
    assert_eq!(adoption.rag, Some(Rag::Red));
    assert_eq!(
        rows(table(adoption, "matrix")),
        [
            row(
                "Brookfield GP Practice",
                &["not_applicable", "not_recorded"]
            ),
            row(
                "Northvale Children's Hospital NHS Trust",
                &["adopted", "planned"]
            ),
            row("Rainbow Children's Hospice", &["adopted", "adopted"]),
            row("Westfield Adult Hospice", &["not_recorded", "not_recorded"]),
        ]
    );
    // by standard: adopted, in progress, planned, not started, not recorded,
    // not applicable, share: QS160-6 2/3, GL-1 1/4.
    assert_eq!(
        rows(table(adoption, "by_standard")),
        [
            row(
                "NICE-QS160-6",
                &["2", "0", "0", "0", "1", "1", "66.7% (2 of 3)"]
            ),
            row(
                "NVCPN-GL-1",
                &["1", "0", "1", "0", "2", "0", "25.0% (1 of 4)"]
            ),
        ]
    );
    // Evidence: the adoption records behind recorded cells (O4's is not a member's).
    assert_eq!(
        paths(adoption),
        [
            "/adoptions/0",
            "/adoptions/1",
            "/adoptions/2",
            "/adoptions/3",
            "/adoptions/4"
        ]
    );
    assert!(
        !adoption
            .evidence
            .iter()
            .any(|e| e.id.to_string() == id(ADOPT, 6))
    );

    // Pooled over results whose period lies within the window:
    //   measure 1: 8/10 + 9/10 + 10/10 = 27/30 = 90% vs 90% → met (result 5
    //     covers 2025 Q3, before the window);
    //   measure 2: 3/5 = 60% vs 80% → not met; measure 3: no results, no target.
    // Measures with a target and a rate: 2; met 1 → 50% → amber.
    let compliance = get(&r, "standards.compliance");
    assert_eq!(share(compliance), (1, 2));
    assert_eq!(compliance.rag, Some(Rag::Amber));
    assert_eq!(
        rows(table(compliance, "by_measure")),
        [
            row(
                "NICE-QS160-6: 24-hour nursing access",
                &["90.0% (27 of 30)", "90.0%", "yes", "2"]
            ),
            row(
                "NVCPN-GL-1: Advance care plan shared",
                &["60.0% (3 of 5)", "80.0%", "no", "1"]
            ),
            row(
                "NVCPN-GL-1: Preferred place of death achieved",
                &["n/a (0 of 0)", "none", "n/a", "0"]
            ),
        ]
    );
    assert_eq!(
        paths(compliance),
        [
            "/standards/0/measures/0",
            "/standards/1/measures/0",
            "/standards/1/measures/1"
        ]
    );
    assert_eq!(compliance.evidence[1].id.to_string(), id(MEAS, 2));

    // Adopters of standards with measures: O1 (QS160-6) and O2 (QS160-6 and
    // GL-1). O1 has results for QS160-6; O2 for QS160-6 (result 2) but none
    // for GL-1 (its measure 2 result is O1's). 1 / 2 → red (< 70%).
    let submission = get(&r, "standards.audit_submission");
    assert_eq!(share(submission), (1, 2));
    assert_eq!(submission.rag, Some(Rag::Red));
    assert_eq!(
        rows(table(submission, "not_submitting")),
        [row("Rainbow Children's Hospice", &["2", "1"])]
    );
    assert_eq!(paths(submission), ["/organisations/1"]);
}

#[test]
fn collaboration() {
    let r = report();
    // Organisations at held meetings in the window:
    //   steering group: O1 (person 1), O2, O3 → NHS 2, non-NHS 1: mixed;
    //   education group: O1, O2 → mixed;
    //   parent forum: O4 (person 6's employer), O2 → non-NHS only.
    // 2 / 3 → amber.
    let mix = get(&r, "collaboration.body_mix");
    assert_eq!(share(mix), (2, 3));
    assert_eq!(mix.rag, Some(Rag::Amber));
    assert_eq!(
        rows(table(mix, "by_body")),
        [
            row("Steering group", &["4", "3", "2", "1", "0"]),
            row("Education group", &["2", "2", "1", "1", "0"]),
            row("Parent forum", &["1", "2", "0", "2", "0"]),
        ]
    );

    // Events with attendance: 1 (host O2; O1 and O4 attended too: beyond the
    // host), 2 and 3 (host O1, only O1 attended). 1 / 3 → amber (≥ 25%).
    let cross = get(&r, "collaboration.cross_organisation_events");
    assert_eq!(share(cross), (1, 3));
    assert_eq!(cross.rag, Some(Rag::Amber));
    assert_eq!(
        rows(table(cross, "by_host")),
        [
            row("Northvale Children's Hospital NHS Trust", &["2", "0", "0"]),
            row("Rainbow Children's Hospice", &["1", "1", "2"]),
        ]
    );
    assert_eq!(paths(cross), ["/events/0"]);
    assert_eq!(cross.evidence[0].id.to_string(), id(EVENT, 1));
}

#[test]
fn equity() {
    let r = report();
    // Finest localities: Ashford, Brookfield (Northvale ⊃ ICS ⊃ both).
    // 24/7 nursing: service 1 names the ICS, so both places. 24/7 advice:
    // service 2 names Ashford; Brookfield's line (service 3) is office hours.
    // 1 / 2 → red.
    let qs160 = get(&r, "equity.qs160_24_7");
    assert_eq!(share(qs160), (1, 2));
    assert_eq!(qs160.rag, Some(Rag::Red));
    // Estimates: Ashford 200 (stated), Brookfield 660 (100,000 × 66 / 10,000),
    // ICS and region 200 + 660 = 860 (sum of the localities within).
    assert_eq!(
        rows(table(qs160, "by_locality")),
        [
            row("Northvale", &["region", "860", "no", "no", "no"]),
            row(
                "Northvale ICS",
                &["integrated care system", "860", "yes", "no", "no"]
            ),
            row("Ashford", &["place", "200", "yes", "yes", "yes"]),
            row("Brookfield", &["place", "660", "yes", "no", "yes"]),
        ]
    );
    assert!(paths(qs160).contains(&"/localities/3"));
    assert!(!paths(qs160).contains(&"/localities/2"));

    // Specialist team: service 4 covers both places (service 5 ended
    // 2026-03-31). 2 / 2 → green.
    let specialist = get(&r, "equity.specialist_team");
    assert_eq!(share(specialist), (2, 2));
    assert_eq!(specialist.rag, Some(Rag::Green));

    // Trained at events in the window by place: Ashford (event 1) persons 3, 1,
    // 6 = 3; Brookfield (event 3) person 2 = 1; ICS and region 4. The widest
    // locality with an estimate is the region: 4 / 860.
    let per_child = get(&r, "equity.training_per_child");
    assert_eq!(per_child.value, Value::ratio(4, 860));
    assert_eq!(per_child.rag, None);
    assert_eq!(
        rows(table(per_child, "by_locality")),
        [
            row("Northvale", &["4", "860", "0.005 (4 / 860)"]),
            row("Northvale ICS", &["4", "860", "0.005 (4 / 860)"]),
            row("Ashford", &["3", "200", "0.015 (3 / 200)"]),
            row("Brookfield", &["1", "660", "0.002 (1 / 660)"]),
        ]
    );
}

#[test]
fn workforce_and_technology() {
    let r = report();
    // Latest records on or before 2026-11-01 per organisation, profession, service:
    //   O1 nurse: 10.00 funded, 9.00 in post (2026-10-01 replaces 2026-04-01) → gap 1.00
    //   O1 doctor: 2.00 / 2.00 → 0
    //   O2 nurse: 6.00 / 6.50 plus service 4: 1.50 / 0.50 → 7.50 / 7.00 → gap 0.50
    //   (O3's record is dated 2026-12-01, after the report date.)
    // Vacant 1.50 of 19.50 funded = 7.7% → amber (≤ 10%).
    let vacancy = get(&r, "workforce.vacancy_rate");
    assert_eq!(
        vacancy.value,
        Value::wte_proportion(
            WteTotal::from_hundredths(150).unwrap(),
            WteTotal::from_hundredths(1950).unwrap()
        )
    );
    assert_eq!(vacancy.rag, Some(Rag::Amber));
    assert_eq!(
        rows(table(vacancy, "by_profession")),
        [
            row(
                "doctor",
                &[
                    "2.00 WTE",
                    "2.00 WTE",
                    "0.00 WTE",
                    "0.0% (0.00 of 2.00 WTE)"
                ]
            ),
            row(
                "nurse",
                &[
                    "17.50 WTE",
                    "16.00 WTE",
                    "1.50 WTE",
                    "8.6% (1.50 of 17.50 WTE)"
                ]
            ),
        ]
    );
    assert_eq!(
        rows(table(vacancy, "by_organisation")),
        [
            row(
                "Northvale Children's Hospital NHS Trust",
                &[
                    "12.00 WTE",
                    "11.00 WTE",
                    "1.00 WTE",
                    "8.3% (1.00 of 12.00 WTE)"
                ]
            ),
            row(
                "Rainbow Children's Hospice",
                &[
                    "7.50 WTE",
                    "7.00 WTE",
                    "0.50 WTE",
                    "6.7% (0.50 of 7.50 WTE)"
                ]
            ),
        ]
    );
    assert_eq!(
        paths(vacancy),
        ["/staffing/1", "/staffing/2", "/staffing/3", "/staffing/4"]
    );

    // Best sharing ability of members: O1 yes; O2 partly (partly and no);
    // O3 and O6 no system. 1 / 4 → red.
    let sharing = get(&r, "technology.record_sharing");
    assert_eq!(share(sharing), (1, 4));
    assert_eq!(sharing.rag, Some(Rag::Red));
    assert_eq!(
        rows(table(sharing, "by_ability")),
        [
            row("Can share", &["1"]),
            row("Can partly share", &["1"]),
            row("Cannot share", &["0"]),
            row("No system recorded", &["2"]),
        ]
    );
    // Evidence: members' systems only (the charity's is not a member's now).
    assert_eq!(paths(sharing), ["/systems/0", "/systems/1", "/systems/2"]);
}
