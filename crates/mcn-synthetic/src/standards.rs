//! The standards catalogue (NICE QS160 and NG61) and network guidelines, each
//! endorsed by a board decision; organisations' adoption of them, and audit
//! results against their measures.

use mcn_core::{
    History, NaiveDate, Period, Proportion, StatusChange,
    id::{AdoptionId, AuditResultId, MeasureId, StandardId},
};
use mcn_governance::{DecisionKind, DecisionSubject};
use mcn_standards::{
    Adoption, AdoptionStatus, AuditResult, ConditionCategory, Measure, MeasureKind, SourceKind,
    Standard, StandardCode, StandardKind, StandardSource, StandardStatus, catalogue,
};

use super::{
    dates::{minus_days, minus_months, period, plus_days, plus_months},
    words,
    world::{World, text},
};

/// What adoptions and audits need to know about a standard.
#[derive(Debug, Clone)]
pub(super) struct StandardPlan {
    index: usize,
    /// When organisations may start adopting it.
    since: NaiveDate,
    measures: Vec<MeasureId>,
}

/// The share of `total` that falls to item `i` of `n` (shares add up to `total`).
pub(super) fn share(total: usize, n: usize, i: usize) -> usize {
    if n == 0 {
        return 0;
    }
    let at = |k: usize| {
        u128::try_from(total).unwrap_or(0) * u128::try_from(k).unwrap_or(0)
            / u128::try_from(n).unwrap_or(1)
    };
    usize::try_from(at(i + 1) - at(i)).unwrap_or(0)
}

impl World {
    /// Endorses `standard` (pushed last) at a board meeting on or after
    /// `not_before`: consultation, endorsement, decision, review date.
    fn endorse(&mut self, standard: &mut Standard, not_before: NaiveDate) -> Option<NaiveDate> {
        let text = format!(
            "{} \"{}\" (version {}) was endorsed for use across the network.",
            standard.code, standard.title, standard.version
        );
        let (decision, on) = self.board_decision(
            DecisionKind::EndorseStandard,
            DecisionSubject::Standard(standard.id),
            not_before,
            &text,
        )?;
        let drafted = standard.status.latest().map_or(on, |c| c.on);
        let consultation = minus_days(on, self.rng.between(20, 60)).max(drafted);
        standard.status.push(StatusChange::new(
            StandardStatus::Consultation,
            consultation,
        ));
        standard
            .status
            .push(StatusChange::new(StandardStatus::Endorsed, on));
        standard.endorsed_by = Some(decision);
        standard.review_by = Some(plus_months(on, 36));
        standard.effective = Some(period(on, None));
        Some(on)
    }

    fn local_measures(&mut self, title: &str) -> Vec<Measure> {
        let mut measures = vec![Measure {
            id: MeasureId::from_u128(self.rng.uuid()),
            kind: MeasureKind::Process,
            description: text(&format!("Children and young people cared for in line with: {title}")),
            numerator: self.note("Children and young people in the denominator whose record shows care in line with the guideline."),
            denominator: self.note("Children and young people with a life-limiting condition cared for by the organisation during the reporting period to whom the guideline applies."),
            target: Proportion::try_from(0.9).ok(),
            data_source: Some(self.note("Local audit of care records.")),
        }];
        if self.rng.percent(50) {
            measures.push(Measure {
                id: MeasureId::from_u128(self.rng.uuid()),
                kind: MeasureKind::Structure,
                description: text(&format!("Services with a local procedure for: {title}")),
                numerator: self.note("Services in the denominator with a written local procedure based on the guideline."),
                denominator: self.note("Services run by the organisation to which the guideline applies."),
                target: Proportion::try_from(1.0).ok(),
                data_source: Some(self.note("The organisation's service specifications.")),
            });
        }
        measures
    }

    pub(super) fn standards(&mut self) {
        let mut plans = Vec::new();
        for mut standard in catalogue::all() {
            let endorsed = self.endorse(&mut standard, self.start);
            plans.push(StandardPlan {
                index: self.doc.standards.len(),
                since: endorsed.unwrap_or(self.start),
                measures: standard.measures.iter().map(|m| m.id).collect(),
            });
            self.doc.standards.push(standard);
        }
        for g in 0..self.counts.local_standards {
            let number = g + 1;
            let code = if number < 100 {
                format!("NET-GL-{number:02}")
            } else {
                format!("NET-GL-{number}")
            };
            let title = words::cycle(&words::GUIDELINES, g);
            let kind = match g % 3 {
                0 => StandardKind::Guideline,
                1 => StandardKind::Protocol,
                _ => StandardKind::CarePathway,
            };
            let Ok(code) = StandardCode::new(&code) else {
                continue;
            };
            // The first guideline is the oldest: it has since been revised.
            let drafted = if g == 0 {
                minus_months(self.start, 6)
            } else {
                self.rng
                    .date(minus_months(self.start, 6), minus_days(self.as_of, 150))
            };
            let measures = self.local_measures(&title);
            let mut standard = Standard {
                id: StandardId::from_u128(self.rng.uuid()),
                code,
                title: text(&title),
                summary: Some(self.note("A network guideline written by the clinical reference group and endorsed by the network board.")),
                kind,
                source: StandardSource {
                    kind: SourceKind::NetworkGuideline,
                    reference: text(&format!("Network guideline {number}")),
                    title: None,
                    published_on: None,
                    updated_on: None,
                    url: None,
                },
                version: text("1.0"),
                status: History::starting(StandardStatus::Draft, drafted),
                effective: None,
                review_by: None,
                supersedes: None,
                endorsed_by: None,
                evidence: None,
                measures,
            };
            let roll = self.rng.below(20);
            let endorsed = if roll < 17 || g == 0 {
                self.endorse(&mut standard, plus_days(drafted, 60))
            } else {
                if roll < 19 {
                    let on = self.rng.date(drafted, self.as_of);
                    standard
                        .status
                        .push(StatusChange::new(StandardStatus::Consultation, on));
                }
                None
            };
            // The first guideline has since been revised: version 2 supersedes it.
            let revision = match endorsed {
                Some(first) if g == 0 && self.counts.local_standards >= 3 => {
                    self.revise(&standard, first)
                }
                _ => None,
            };
            let index = self.doc.standards.len();
            if let Some((revised, on)) = revision {
                standard
                    .status
                    .push(StatusChange::new(StandardStatus::Superseded, on));
                self.doc.standards.push(standard);
                plans.push(StandardPlan {
                    index: index + 1,
                    since: on,
                    measures: revised.measures.iter().map(|m| m.id).collect(),
                });
                self.doc.standards.push(revised);
            } else {
                plans.push(StandardPlan {
                    index,
                    since: endorsed.unwrap_or(drafted),
                    measures: standard.measures.iter().map(|m| m.id).collect(),
                });
                self.doc.standards.push(standard);
            }
        }
        self.standard_plans = plans;
    }

    /// Version 2 of `first` (endorsed on `endorsed`), endorsed later.
    fn revise(&mut self, first: &Standard, endorsed: NaiveDate) -> Option<(Standard, NaiveDate)> {
        let drafted = plus_days(endorsed, 1);
        let mut revised = Standard {
            id: StandardId::from_u128(self.rng.uuid()),
            version: text("2.0"),
            status: History::starting(StandardStatus::Draft, drafted),
            supersedes: Some(first.id),
            endorsed_by: None,
            review_by: None,
            effective: None,
            measures: self.local_measures(first.title.as_str()),
            ..first.clone()
        };
        let on = self.endorse(&mut revised, plus_days(drafted, 30))?;
        Some((revised, on))
    }

    pub(super) fn adoptions_and_audits(&mut self) {
        let plans = std::mem::take(&mut self.standard_plans);
        let standards = plans.len();
        let members: Vec<usize> = self
            .membership_plans
            .iter()
            .enumerate()
            .filter(|(_, plan)| plan.is_member())
            .map(|(i, _)| i)
            .collect();
        // Complete, submitted quarters of the window.
        let mut quarters: Vec<Period> = Vec::new();
        // (A quarter whose end saturates at the last representable date is
        // never complete: stop there, or a window ending on that date loops.)
        for q in 0_u32.. {
            let from = plus_months(self.start, 3 * q);
            let next = plus_months(self.start, 3 * (q + 1));
            let to = minus_days(next, 1);
            if to >= self.as_of || next == NaiveDate::MAX {
                break;
            }
            quarters.push(period(from, Some(to)));
        }
        let adoptions = self.counts.adoptions;
        let audits = self.counts.audit_results;
        for (k, &org) in members.iter().enumerate() {
            let Some(organisation) = self.doc.organisations.get(org).map(|o| o.id) else {
                continue;
            };
            let count = share(adoptions, members.len(), k).min(standards);
            let offset = self.rng.index(standards);
            let compliance = self.rng.between(50, 95);
            // Measures of the standards it is adopting; failing those, of all
            // it has on its list (a baseline audit before adopting).
            let mut measures: Vec<MeasureId> = Vec::new();
            let mut baseline_measures: Vec<MeasureId> = Vec::new();
            for j in 0..count {
                let Some(plan) = plans.get((offset + j) % standards.max(1)) else {
                    continue;
                };
                let Some(standard) = self.doc.standards.get(plan.index).map(|s| s.id) else {
                    continue;
                };
                let (status, adopted) = self.adoption_history(plan.since);
                if adopted {
                    measures.extend(plan.measures.iter().copied());
                }
                baseline_measures.extend(plan.measures.iter().copied());
                self.doc.adoptions.push(Adoption {
                    id: AdoptionId::from_u128(self.rng.uuid()),
                    organisation,
                    standard,
                    status,
                    note: None,
                });
            }
            if measures.is_empty() {
                measures = baseline_measures;
            }
            // Results: every quarter for each measure, then by condition category.
            let wanted = share(audits, members.len(), k).min(measures.len() * quarters.len() * 5);
            for r in 0..wanted {
                let q = r % quarters.len().max(1);
                let rest = r / quarters.len().max(1);
                let (Some(&measure), Some(&reporting)) =
                    (measures.get(rest % measures.len().max(1)), quarters.get(q))
                else {
                    continue;
                };
                let category = match rest / measures.len().max(1) {
                    0 => None,
                    c => ConditionCategory::ALL.get(c - 1).copied(),
                };
                let denominator = if category.is_some() {
                    self.rng.between(1, 20)
                } else {
                    self.rng.between(5, 60)
                };
                let percent = (compliance + self.rng.between(0, 20))
                    .saturating_sub(10)
                    .min(100);
                let numerator = denominator * percent / 100;
                let end = reporting.end().unwrap_or(self.as_of);
                self.doc.audit_results.push(AuditResult {
                    id: AuditResultId::from_u128(self.rng.uuid()),
                    measure,
                    organisation,
                    period: reporting,
                    numerator: u32::try_from(numerator).unwrap_or(0),
                    denominator: u32::try_from(denominator).unwrap_or(0),
                    submitted_on: plus_days(end, self.rng.between(10, 40)).min(self.as_of),
                    category,
                    note: None,
                });
            }
        }
        self.standard_plans = plans;
    }

    /// An adoption history starting on or after `since`, and whether it
    /// reached `adopted` or `in_progress` (so the organisation audits it).
    fn adoption_history(&mut self, since: NaiveDate) -> (History<AdoptionStatus>, bool) {
        let first = self
            .rng
            .date(since.max(self.start), minus_days(self.as_of, 30).max(since));
        let mut history = History::starting(AdoptionStatus::NotStarted, first);
        if self.rng.percent(7) {
            let on = plus_days(first, self.rng.between(10, 60))
                .min(self.as_of)
                .max(first);
            let reason = self.rng.pick_or(
                &words::NOT_APPLICABLE,
                "Not applicable to this organisation.",
            );
            let mut change = StatusChange::new(AdoptionStatus::NotApplicable, on);
            change.note = Some(self.note(reason));
            history.push(change);
            return (history, false);
        }
        let target = self.rng.weighted(
            &[
                (AdoptionStatus::Adopted, 60),
                (AdoptionStatus::InProgress, 22),
                (AdoptionStatus::Planned, 12),
                (AdoptionStatus::NotStarted, 6),
            ],
            AdoptionStatus::Adopted,
        );
        let mut on = first;
        let mut reached = AdoptionStatus::NotStarted;
        for next in [
            AdoptionStatus::Planned,
            AdoptionStatus::InProgress,
            AdoptionStatus::Adopted,
        ] {
            if reached == target {
                break;
            }
            let date = plus_days(on, self.rng.between(20, 150));
            if date > self.as_of {
                break;
            }
            history.push(StatusChange::new(next, date));
            on = date;
            reached = next;
        }
        let audits = matches!(
            reached,
            AdoptionStatus::Adopted | AdoptionStatus::InProgress
        );
        (history, audits)
    }
}
