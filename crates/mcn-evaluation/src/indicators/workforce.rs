//! Workforce: funded versus in-post whole-time equivalents by profession and
//! organisation, and the vacancy rate (the staff-shortage barrier).

use std::collections::{BTreeMap, BTreeSet};

use mcn_core::{NaiveDate, Profession, WteTotal, id::OrganisationId};
use mcn_roles::{StaffingFigures, StaffingRecord, latest_staffing_records, staffing_totals};

use super::{Context, EvidenceList, IndicatorSpec, breakdown, entry, row, words};
use crate::report::{Direction, Indicator, Row, Theme, Value};

/// `workforce.vacancy_rate`.
pub(crate) const VACANCY_RATE: IndicatorSpec = IndicatorSpec {
    id: "workforce.vacancy_rate",
    theme: Theme::Workforce,
    title: "Workforce vacancy rate",
    definition: "Funded WTE not in post, out of funded WTE, from the latest staffing record on \
                 or before the report date for each organisation, profession and service; the \
                 gap is taken per organisation and profession, so over-staffing in one \
                 profession or organisation does not offset a gap in another. A latest record \
                 older than the stale age (6 months by default) is left out and listed as \
                 stale.",
    unit: "WTE",
    direction: Direction::LowerIsBetter,
    basis: "organisations reporting staffing",
    reads: "staffing as_of: the latest on or before the report date, no older than the stale age",
    sources: &["staffing", "organisations"],
};

pub(crate) fn indicators(cx: &Context<'_>) -> Vec<Indicator> {
    vec![vacancy_rate(cx)]
}

/// Funded, in post, vacant (never negative per organisation and profession);
/// `too_large` once a sum overflowed: the figures are then not shown.
#[derive(Debug, Clone, Copy, Default)]
struct Totals {
    funded: WteTotal,
    in_post: WteTotal,
    vacant: WteTotal,
    too_large: bool,
}

impl Totals {
    fn add(&mut self, figures: &StaffingFigures) {
        let sums = (
            self.funded.checked_add(figures.funded_wte),
            self.in_post.checked_add(figures.in_post_wte),
            self.vacant.checked_add(figures.vacant_wte()),
        );
        match sums {
            (Some(funded), Some(in_post), Some(vacant)) if !figures.too_large => {
                self.funded = funded;
                self.in_post = in_post;
                self.vacant = vacant;
            }
            _ => self.too_large = true,
        }
    }

    fn headline(&self) -> Value {
        if self.too_large {
            super::too_large()
        } else {
            Value::wte_proportion(self.vacant, self.funded)
        }
    }

    fn cells(&self) -> Vec<Value> {
        if self.too_large {
            return vec![super::too_large(); 4];
        }
        vec![
            Value::Wte { wte: self.funded },
            Value::Wte { wte: self.in_post },
            Value::Wte { wte: self.vacant },
            Value::wte_proportion(self.vacant, self.funded),
        ]
    }
}

const COLUMNS: &[(&str, &str)] = &[
    ("funded_wte", "Funded WTE"),
    ("in_post_wte", "In post WTE"),
    ("vacant_wte", "Vacant WTE"),
    ("vacancy_rate", "Vacancy rate"),
];

fn vacancy_rate(cx: &Context<'_>) -> Indicator {
    // The latest record of each organisation, profession and service; those
    // older than the stale age are left out (a year-old return is not today's
    // staffing) and listed.
    let cutoff = cx
        .as_of
        .checked_sub_months(chrono::Months::new(cx.settings.stale_after_months.get()))
        .unwrap_or(NaiveDate::MIN);
    let (fresh, stale): (Vec<usize>, Vec<usize>) =
        latest_staffing_records(&cx.doc.staffing, cx.as_of)
            .into_iter()
            .partition(|&i| cx.doc.staffing.get(i).is_some_and(|r| r.as_of >= cutoff));
    let records: Vec<StaffingRecord> = fresh
        .iter()
        .filter_map(|&i| cx.doc.staffing.get(i).cloned())
        .collect();
    let totals = staffing_totals(&records, cx.as_of);
    let reporting: BTreeSet<OrganisationId> = records.iter().map(|r| r.organisation).collect();
    let mut all = Totals::default();
    let mut by_profession: BTreeMap<Profession, Totals> = BTreeMap::new();
    let mut by_organisation: BTreeMap<OrganisationId, Totals> = BTreeMap::new();
    for ((organisation, profession), figures) in &totals {
        all.add(figures);
        by_profession.entry(*profession).or_default().add(figures);
        by_organisation
            .entry(*organisation)
            .or_default()
            .add(figures);
    }
    let profession_rows = by_profession
        .iter()
        .map(|(p, t)| row(p.as_str(), words(p), None, t.cells()))
        .collect();
    let mut organisation_rows: Vec<Row> = by_organisation
        .iter()
        .map(|(o, t)| row(o.to_string(), cx.org_label(*o), cx.org_path(*o), t.cells()))
        .collect();
    super::sort_rows(&mut organisation_rows);
    let mut evidence = EvidenceList::default();
    for &i in &fresh {
        let Some(record) = cx.doc.staffing.get(i) else {
            continue;
        };
        add_evidence(
            cx,
            &mut evidence,
            i,
            format!(
                "funded {} WTE, {} in post, as of {}",
                record.funded_wte, record.in_post_wte, record.as_of
            ),
        );
    }
    let stale_rows = stale_rows(cx, &stale, cutoff, &mut evidence);
    let mut indicator = VACANCY_RATE
        .with(all.headline())
        .basis(reporting.len())
        .at_most(cx.settings.thresholds.workforce_vacancy)
        .table(breakdown(
            "by_profession",
            "By profession",
            COLUMNS,
            profession_rows,
        ))
        .table(breakdown(
            "by_organisation",
            "By organisation",
            COLUMNS,
            organisation_rows,
        ));
    if !stale_rows.is_empty() {
        indicator = indicator.table(breakdown(
            "stale",
            &format!("Stale staffing records, left out (figures before {cutoff})"),
            &[
                ("as_of", "Figures as of"),
                ("funded_wte", "Funded WTE"),
                ("in_post_wte", "In post WTE"),
            ],
            stale_rows,
        ));
    }
    indicator.stale = u64::try_from(stale.len()).unwrap_or(u64::MAX);
    indicator.evidence(evidence, cx.limit())
}

/// The stale records' rows (sorted), each also added to `evidence`.
fn stale_rows(
    cx: &Context<'_>,
    stale: &[usize],
    cutoff: NaiveDate,
    evidence: &mut EvidenceList,
) -> Vec<Row> {
    let mut stale_rows = Vec::new();
    for &i in stale {
        let Some(record) = cx.doc.staffing.get(i) else {
            continue;
        };
        add_evidence(
            cx,
            evidence,
            i,
            format!(
                "stale: figures as of {}, before {cutoff}: not counted",
                record.as_of
            ),
        );
        stale_rows.push(row(
            record.id.to_string(),
            staffing_label(cx, record),
            Some(entry("staffing", i)),
            vec![
                Value::text(record.as_of.to_string()),
                Value::Wte {
                    wte: record.funded_wte,
                },
                Value::Wte {
                    wte: record.in_post_wte,
                },
            ],
        ));
    }
    super::sort_rows(&mut stale_rows);
    stale_rows
}

/// Adds staffing record `i` to `evidence` with `note`.
fn add_evidence(cx: &Context<'_>, evidence: &mut EvidenceList, i: usize, note: String) {
    if let Some(record) = cx.doc.staffing.get(i) {
        evidence.add(
            record.id.as_uuid(),
            entry("staffing", i),
            staffing_label(cx, record),
            Some(note),
        );
    }
}

/// A staffing record in words: organisation and profession.
fn staffing_label(cx: &Context<'_>, record: &StaffingRecord) -> String {
    format!(
        "{}, {}",
        cx.org_label(record.organisation),
        words(&record.profession)
    )
}
