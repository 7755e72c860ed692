//! Workforce staffing: funded versus in-post WTE by organisation, profession
//! and (optionally) service — the evidence for the staff-shortage barrier.

use std::collections::{BTreeMap, HashMap};

use mcn_core::{
    NaiveDate, Profession, WteTotal,
    id::{OrganisationId, ServiceId, StaffingRecordId},
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A snapshot of one organisation's staffing in one profession (and optionally
/// one service) on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StaffingRecord {
    /// The record's id.
    pub id: StaffingRecordId,
    /// The organisation whose staff are counted.
    pub organisation: OrganisationId,
    /// The profession counted.
    pub profession: Profession,
    /// The service counted, when the figures are for one service only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ServiceId>,
    /// Whole-time equivalent the organisation is funded (has budget) for.
    pub funded_wte: WteTotal,
    /// Whole-time equivalent actually in post.
    pub in_post_wte: WteTotal,
    /// The date the figures describe.
    #[schemars(with = "NaiveDate")]
    #[serde(with = "mcn_core::date::strict")]
    pub as_of: NaiveDate,
}

/// Funded and in-post WTE summed over some staffing records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StaffingFigures {
    /// Total funded WTE.
    pub funded_wte: WteTotal,
    /// Total WTE in post.
    pub in_post_wte: WteTotal,
    /// How many records were summed.
    pub records: usize,
    /// Set when a total would have been above the largest [`WteTotal`]: the
    /// records that did not fit are left out of the totals, which must then
    /// not be shown as real figures.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub too_large: bool,
}

impl StaffingFigures {
    /// Funded WTE not in post (zero when in-post meets or exceeds funded).
    #[must_use]
    pub const fn vacant_wte(&self) -> WteTotal {
        self.funded_wte.saturating_sub(self.in_post_wte)
    }

    /// Adds one record's figures (checked: a total too large to hold sets
    /// [`StaffingFigures::too_large`] and leaves the totals as they were).
    pub fn add(&mut self, record: &StaffingRecord) {
        match (
            self.funded_wte.checked_add(record.funded_wte),
            self.in_post_wte.checked_add(record.in_post_wte),
        ) {
            (Some(funded), Some(in_post)) => {
                self.funded_wte = funded;
                self.in_post_wte = in_post;
                self.records += 1;
            }
            _ => self.too_large = true,
        }
    }
}

/// The records in force on `as_of`: for each (organisation, profession, service)
/// the latest record dated on or before `as_of` (of equal dates, the one given
/// last). Returned as indices into `records`, in document order. O(n log n).
#[must_use]
pub fn latest_staffing_records(records: &[StaffingRecord], as_of: NaiveDate) -> Vec<usize> {
    type Key = (OrganisationId, Profession, Option<ServiceId>);
    let mut latest: HashMap<Key, (NaiveDate, usize)> = HashMap::new();
    for (index, record) in records.iter().enumerate() {
        if record.as_of > as_of {
            continue;
        }
        let key = (record.organisation, record.profession, record.service);
        latest
            .entry(key)
            .and_modify(|held| {
                if record.as_of >= held.0 {
                    *held = (record.as_of, index);
                }
            })
            .or_insert((record.as_of, index));
    }
    let mut indices: Vec<usize> = latest.into_values().map(|(_, index)| index).collect();
    indices.sort_unstable();
    indices
}

/// Funded and in-post WTE as of `as_of`, grouped by any key: the records in
/// force ([`latest_staffing_records`]) are summed per `key(record)`.
///
/// The key can bring in data from other domains, e.g. an organisation's sector
/// or locality looked up in a map the caller passes in; return `None` to leave
/// a record out.
///
/// ```
/// use mcn_roles::{staffing_by, StaffingRecord};
/// # let records: Vec<StaffingRecord> = Vec::new();
/// # let as_of = mcn_core::NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
/// let by_profession = staffing_by(&records, as_of, |r| Some(r.profession));
/// assert!(by_profession.is_empty());
/// ```
pub fn staffing_by<K: Ord>(
    records: &[StaffingRecord],
    as_of: NaiveDate,
    mut key: impl FnMut(&StaffingRecord) -> Option<K>,
) -> BTreeMap<K, StaffingFigures> {
    let mut groups: BTreeMap<K, StaffingFigures> = BTreeMap::new();
    for index in latest_staffing_records(records, as_of) {
        let Some(record) = records.get(index) else {
            continue;
        };
        if let Some(k) = key(record) {
            groups.entry(k).or_default().add(record);
        }
    }
    groups
}

/// Funded versus in-post WTE as of `as_of` by organisation and profession
/// (services summed). O(n log n).
#[must_use]
pub fn staffing_totals(
    records: &[StaffingRecord],
    as_of: NaiveDate,
) -> BTreeMap<(OrganisationId, Profession), StaffingFigures> {
    staffing_by(records, as_of, |record| {
        Some((record.organisation, record.profession))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap()
    }

    fn wte(h: u32) -> WteTotal {
        WteTotal::from_hundredths(h).unwrap()
    }

    fn record(
        n: u8,
        org: u8,
        service: Option<u8>,
        funded: u32,
        in_post: u32,
        on: NaiveDate,
    ) -> StaffingRecord {
        let id = |prefix: &str, x: u8| format!("{prefix}-0000-7000-8000-0000000000{x:02x}");
        StaffingRecord {
            id: id("00000000", n).parse().unwrap(),
            organisation: id("00000001", org).parse().unwrap(),
            profession: Profession::Nurse,
            service: service.map(|s| id("00000002", s).parse().unwrap()),
            funded_wte: wte(funded),
            in_post_wte: wte(in_post),
            as_of: on,
        }
    }

    #[test]
    fn latest_per_key_on_or_before_as_of_last_of_equal_dates() {
        let records = [
            record(0, 1, None, 500, 400, d(1, 1)),
            record(1, 1, None, 600, 300, d(3, 1)),
            record(2, 1, None, 700, 700, d(6, 1)), // after as_of
            record(3, 1, Some(1), 200, 100, d(2, 1)),
            record(4, 1, Some(1), 250, 100, d(2, 1)), // same date: wins
            record(5, 2, None, 100, 100, d(1, 1)),
        ];
        assert_eq!(latest_staffing_records(&records, d(4, 1)), vec![1, 4, 5]);
        assert_eq!(latest_staffing_records(&records, d(1, 15)), vec![0, 5]);
        assert!(latest_staffing_records(&records, d(1, 1) - chrono::Days::new(1)).is_empty());

        let totals = staffing_totals(&records, d(4, 1));
        assert_eq!(totals.len(), 2);
        let first = totals.values().find(|f| f.records == 2).unwrap();
        assert_eq!(first.funded_wte, wte(850));
        assert_eq!(first.in_post_wte, wte(400));
        assert_eq!(first.vacant_wte(), wte(450));
    }

    #[test]
    fn vacant_never_negative() {
        let figures = StaffingFigures {
            funded_wte: wte(100),
            in_post_wte: wte(150),
            records: 1,
            too_large: false,
        };
        assert_eq!(figures.vacant_wte(), WteTotal::ZERO);
    }

    #[test]
    fn totals_too_large_are_flagged_not_saturated() {
        let max = WteTotal::MAX_HUNDREDTHS;
        let records = [
            record(1, 1, Some(1), max, max, d(1, 1)),
            record(2, 1, Some(2), 1, 0, d(1, 1)),
        ];
        let totals = staffing_totals(&records, d(6, 1));
        let figures = totals.values().next().unwrap();
        assert!(figures.too_large);
        assert_eq!(figures.records, 1);
        // Near the limit but within it: exact.
        let records = [
            record(1, 1, Some(1), max - 1, 0, d(1, 1)),
            record(2, 1, Some(2), 1, 0, d(1, 1)),
        ];
        let figures = *staffing_totals(&records, d(6, 1)).values().next().unwrap();
        assert!(!figures.too_large);
        assert_eq!(figures.funded_wte, wte(max));
    }
}
