//! A sweep over dated spans, finding where their concurrent weight first exceeds
//! a limit. O(k log k) for k spans.

use std::collections::BTreeSet;

use mcn_core::{NaiveDate, Period};

/// How many of the other concurrent spans an [`Excess`] names.
pub(crate) const MAX_OTHERS: usize = 5;

/// A weighted span of days, identified by its index in the document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span {
    pub(crate) period: Period,
    pub(crate) index: usize,
    pub(crate) weight: u32,
}

/// A span whose start took the concurrent weight above the limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Excess {
    /// The span's index.
    pub(crate) index: usize,
    /// Its start, when the limit was exceeded.
    pub(crate) on: NaiveDate,
    /// The concurrent weight just after it started.
    pub(crate) total: u32,
    /// Up to [`MAX_OTHERS`] other spans in force then, by ascending index.
    pub(crate) others: Vec<usize>,
    /// How many other spans were in force then.
    pub(crate) other_count: usize,
}

/// Every span whose start takes the total weight of spans in force above `limit`.
///
/// Spans start in order of (start date, index); on a day one span ends (its
/// inclusive end is the day before) and another starts, they do not overlap.
/// Each span is reported at most once, when it starts; results are by start order.
pub(crate) fn excesses(spans: &[Span], limit: u32) -> Vec<Excess> {
    // (date, 0 = end / 1 = start, index, position in `spans`)
    let mut events: Vec<(NaiveDate, u8, usize, usize)> = Vec::with_capacity(spans.len() * 2);
    for (position, span) in spans.iter().enumerate() {
        events.push((span.period.start(), 1, span.index, position));
        // A span ending on the last representable day never ends.
        if let Some(after) = span.period.end().and_then(|end| end.succ_opt()) {
            events.push((after, 0, span.index, position));
        }
    }
    events.sort_unstable();

    let mut active: BTreeSet<usize> = BTreeSet::new();
    let mut total: u64 = 0;
    let mut found = Vec::new();
    for (date, kind, index, position) in events {
        let weight = spans.get(position).map_or(0, |span| u64::from(span.weight));
        if kind == 0 {
            active.remove(&index);
            total = total.saturating_sub(weight);
            continue;
        }
        let others: Vec<usize> = active.iter().copied().take(MAX_OTHERS).collect();
        let other_count = active.len();
        active.insert(index);
        total = total.saturating_add(weight);
        if total > u64::from(limit) {
            found.push(Excess {
                index,
                on: date,
                total: u32::try_from(total).unwrap_or(u32::MAX),
                others,
                other_count,
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap()
    }

    fn span(index: usize, start: NaiveDate, end: Option<NaiveDate>, weight: u32) -> Span {
        Span {
            period: Period::new(start, end).unwrap(),
            index,
            weight,
        }
    }

    #[test]
    fn back_to_back_spans_do_not_overlap() {
        let spans = [
            span(0, d(1, 1), Some(d(3, 31)), 1),
            span(1, d(4, 1), None, 1),
        ];
        assert!(excesses(&spans, 1).is_empty());
    }

    #[test]
    fn sharing_one_day_overlaps_and_later_index_is_reported() {
        let spans = [
            span(3, d(4, 1), None, 1),
            span(1, d(1, 1), Some(d(4, 1)), 1),
        ];
        let found = excesses(&spans, 1);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].index, 3);
        assert_eq!(found[0].on, d(4, 1));
        assert_eq!(found[0].others, vec![1]);

        let same_start = [span(5, d(1, 1), None, 1), span(2, d(1, 1), None, 1)];
        assert_eq!(excesses(&same_start, 1)[0].index, 5);
    }

    #[test]
    fn weights_and_limits() {
        let spans = [
            span(0, d(1, 1), None, 60),
            span(1, d(2, 1), Some(d(2, 28)), 40),
            span(2, d(3, 1), None, 50),
        ];
        let found = excesses(&spans, 100);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].index, 2);
        assert_eq!(found[0].total, 110);
        assert!(excesses(&spans, 110).is_empty());
    }

    #[test]
    fn never_ending_at_max_date() {
        let spans = [
            span(0, d(1, 1), Some(NaiveDate::MAX), 1),
            span(1, NaiveDate::MAX, None, 1),
        ];
        assert_eq!(excesses(&spans, 1).len(), 1);
    }
}
