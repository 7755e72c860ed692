//! Property tests: JSON round-trips, id parsing, period algebra.

use mcn_core::{
    Email, Identifier, JsonPointer, Money, Note, Period, Proportion, Rag, Report, Text, Wte,
    WteTotal,
    history::History,
    id::{MeetingId, OrganisationId, PersonId},
    strategy::{self, round_trips},
};
use proptest::prelude::*;

proptest! {
    #[test]
    fn ids_round_trip(id in strategy::id::<OrganisationId>()) {
        round_trips(&id)?;
        prop_assert_eq!(id.to_string().parse::<OrganisationId>().unwrap(), id);
    }

    #[test]
    fn ids_never_parse_from_garbage(s in "[^0-9a-fA-F-]{1,40}|[0-9a-f]{1,31}|[0-9a-f]{33,40}") {
        prop_assert!(s.parse::<PersonId>().is_err());
        prop_assert!(serde_json::from_value::<MeetingId>(serde_json::Value::String(s)).is_err());
    }

    #[test]
    fn value_objects_round_trip(
        text in strategy::text(),
        note in strategy::note(),
        email in strategy::email(),
        money in strategy::money(),
        wte in strategy::wte(),
        total in strategy::wte_total(),
        proportion in strategy::proportion(),
        rag in strategy::vocabulary::<Rag>(),
        identifier in strategy::identifier(),
        period in strategy::period(),
    ) {
        round_trips::<Text>(&text)?;
        round_trips::<Note>(&note)?;
        round_trips::<Email>(&email)?;
        round_trips::<Money>(&money)?;
        round_trips::<Wte>(&wte)?;
        round_trips::<WteTotal>(&total)?;
        round_trips::<Proportion>(&proportion)?;
        round_trips::<Rag>(&rag)?;
        round_trips::<Identifier>(&identifier)?;
        round_trips::<Period>(&period)?;
    }

    #[test]
    fn reports_and_histories_round_trip(report in strategy::report(), history in strategy::history(strategy::vocabulary::<Rag>(), 5)) {
        round_trips::<Report>(&report)?;
        round_trips::<History<Rag>>(&history)?;
    }

    #[test]
    fn overlaps_is_symmetric_and_agrees_with_intersection(a in strategy::period(), b in strategy::period()) {
        prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
        prop_assert_eq!(a.overlaps(&b), a.intersection(&b).is_some());
        if let Some(shared) = a.intersection(&b) {
            prop_assert!(a.encloses(&shared) && b.encloses(&shared));
        }
    }

    #[test]
    fn contains_matches_bounds(p in strategy::period(), d in strategy::date()) {
        let expected = p.start() <= d && p.end().is_none_or(|e| d <= e);
        prop_assert_eq!(p.contains(d), expected);
    }

    #[test]
    fn periods_with_end_before_start_never_deserialize(a in strategy::date(), b in strategy::date()) {
        let json = serde_json::json!({"start": a, "end": b});
        prop_assert_eq!(serde_json::from_value::<Period>(json).is_ok(), b >= a);
    }

    #[test]
    fn wte_accepts_exactly_two_decimals_in_range(hundredths in 0_u32..200, extra in 1_u32..10) {
        let value = f64::from(hundredths) / 100.0;
        prop_assert_eq!(Wte::try_from(value).is_ok(), hundredths <= 100);
        let finer = value + f64::from(extra) / 1000.0;
        prop_assert!(Wte::try_from(finer).is_err());
    }

    #[test]
    fn text_is_never_blank_and_never_untrimmed(s in ".{0,60}") {
        if let Ok(t) = Text::new(&s) {
            prop_assert!(!t.as_str().is_empty());
            prop_assert_eq!(t.as_str(), t.as_str().trim());
        } else {
            prop_assert!(
                s.trim().chars().all(mcn_core::text::is_invisible)
                    || s.trim().chars().any(|c| c.is_control() || mcn_core::text::is_bidi_control(c))
            );
        }
    }

    #[test]
    fn pointer_segments_unescape_what_was_pushed(keys in prop::collection::vec("[a-z~/]{0,5}", 0..5)) {
        let p = keys.iter().fold(JsonPointer::root(), |p, k| p.key(k));
        prop_assert_eq!(p.segments().collect::<Vec<_>>(), keys);
    }

    #[test]
    fn proportion_of_is_within_bounds(n in 0_u64..1000, d in 0_u64..1000) {
        match Proportion::of(n, d) {
            Some(p) => prop_assert!((0.0..=1.0).contains(&p.value()) && n <= d && d > 0),
            None => prop_assert!(d == 0 || n > d),
        }
    }
}
