//! proptest strategies for every core type (feature `proptest`), for this and
//! other crates' property tests. Every strategy yields valid values only.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use uuid::Uuid;

use crate::{
    Email, Identifier, IdentifierSystem, JsonPointer, Money, Note, Period, Proportion, Text, Wte,
    WteTotal,
    finding::{Finding, Report, Severity},
    history::{History, StatusChange},
    vocab::Vocabulary,
};

/// Any value of the vocabulary `V`, e.g. `vocabulary::<Profession>()`: the
/// one strategy for every closed vocabulary in the workspace.
///
/// [`Profession`]: crate::Profession
pub fn vocabulary<V: Vocabulary>() -> impl Strategy<Value = V> {
    prop::sample::select(V::ALL)
}

/// Any id of kind `T` (a random UUID, not necessarily v7).
pub fn id<T: From<Uuid> + std::fmt::Debug>() -> impl Strategy<Value = T> {
    any::<u128>().prop_map(|n| T::from(Uuid::from_u128(n)))
}

/// A date from 2000-01-01 to about 2040.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    (0_u64..15_000).prop_map(|days| {
        NaiveDate::from_ymd_opt(2000, 1, 1)
            .and_then(|base| base.checked_add_days(Days::new(days)))
            .unwrap_or(NaiveDate::MIN)
    })
}

/// A valid period, open-ended about a third of the time.
pub fn period() -> impl Strategy<Value = Period> {
    (date(), prop::option::weighted(0.66, 0_u64..3_000)).prop_map(|(start, length)| {
        let end = length.and_then(|days| start.checked_add_days(Days::new(days)));
        Period::new(start, end).unwrap_or(Period::starting(start))
    })
}

/// A name or title, sometimes with surrounding white space or non-ASCII letters.
pub fn text() -> impl Strategy<Value = Text> {
    "[A-Za-zÀ-ÿ0-9'&(),. -]{0,40}[A-Za-zÀ-ÿ0-9]"
        .prop_map(|s| Text::new(&s).unwrap_or_else(|_| fallback_text()))
}

fn fallback_text() -> Text {
    Text::new("x").unwrap_or_else(|_| Text::redacted())
}

/// A note, possibly on several lines.
pub fn note() -> impl Strategy<Value = Note> {
    "[A-Za-z0-9 .,\n]{0,80}[a-z]".prop_map(|s| Note::new(&s).unwrap_or_else(|_| fallback_note()))
}

fn fallback_note() -> Note {
    Note::new("note").unwrap_or_else(|_| Note::new("n").unwrap_or_else(|_| unreachable_note()))
}

#[allow(clippy::panic)] // only reached if the literal above stops parsing
fn unreachable_note() -> Note {
    panic!("the literal note \"n\" must parse")
}

/// An e-mail address.
pub fn email() -> impl Strategy<Value = Email> {
    (
        "[a-z][a-z0-9.]{0,10}",
        "[a-z]{1,8}",
        prop::sample::select(vec!["nhs.net", "org.uk", "ac.uk"]),
    )
        .prop_filter_map("valid email", |(local, domain, tld)| {
            Email::new(&format!("{local}@{domain}.{tld}")).ok()
        })
}

/// Up to £10m.
pub fn money() -> impl Strategy<Value = Money> {
    (0_u64..1_000_000_000).prop_map(Money::from_pence)
}

/// 0.00 to 1.00.
pub fn wte() -> impl Strategy<Value = Wte> {
    (0_u16..=100).prop_filter_map("in range", Wte::from_hundredths)
}

/// 0.00 to 200.00.
pub fn wte_total() -> impl Strategy<Value = WteTotal> {
    (0_u32..=20_000).prop_filter_map("in range", WteTotal::from_hundredths)
}

/// 0 to 1.
pub fn proportion() -> impl Strategy<Value = Proportion> {
    (0_u64..=1000).prop_filter_map("in range", |n| Proportion::of(n, 1000))
}

/// A valid value for `system` (upper or lower case where letters are allowed).
pub fn identifier_value(system: &IdentifierSystem) -> BoxedStrategy<String> {
    match system {
        IdentifierSystem::Ods => "[A-Za-z0-9]{1,9}".boxed(),
        IdentifierSystem::CharityEnglandWales => "[0-9]{6,7}(-[0-9]{1,3})?".boxed(),
        IdentifierSystem::CharityScotland => "[Ss][Cc][0-9]{6}".boxed(),
        IdentifierSystem::CharityNorthernIreland => "(NIC[0-9]{6}|[1-9][0-9]{5})".boxed(),
        IdentifierSystem::CompaniesHouse => "([0-9]{8}|[A-Z]{2}[0-9]{6}|R[0-9]{7})".boxed(),
        IdentifierSystem::Gmc => "[0-9]{7}".boxed(),
        IdentifierSystem::Nmc => "[0-9]{2}[A-Za-z][0-9]{4}[A-Za-z]".boxed(),
        IdentifierSystem::Hcpc => "[A-Z]{2,3}[0-9]{4,6}".boxed(),
        IdentifierSystem::Other(_) => "[A-Za-z0-9_-]{1,20}".boxed(),
    }
}

/// An identifier in `system`.
pub fn identifier_in(system: IdentifierSystem) -> impl Strategy<Value = Identifier> {
    identifier_value(&system).prop_filter_map("valid identifier", move |value| {
        Identifier::new(system.clone(), &value).ok()
    })
}

/// Any identifier system, `Other` included.
pub fn identifier_system() -> impl Strategy<Value = IdentifierSystem> {
    let mut systems: Vec<IdentifierSystem> = crate::identifier::KNOWN_SYSTEMS.to_vec();
    systems.extend(IdentifierSystem::other("https://example.org/ids").ok());
    prop::sample::select(systems)
}

/// An identifier in any system.
pub fn identifier() -> impl Strategy<Value = Identifier> {
    identifier_system().prop_flat_map(identifier_in)
}

/// A JSON Pointer of up to four segments.
pub fn pointer() -> impl Strategy<Value = JsonPointer> {
    prop::collection::vec(
        prop_oneof!["[a-z~/]{0,6}".prop_map(Err), (0_usize..50).prop_map(Ok)],
        0..4,
    )
    .prop_map(|segments| {
        segments
            .into_iter()
            .fold(JsonPointer::root(), |p, s| match s {
                Ok(i) => p.index(i),
                Err(k) => p.key(&k),
            })
    })
}

/// A finding.
pub fn finding() -> impl Strategy<Value = Finding> {
    (
        "[a-z]{1,8}\\.[a-z]{1,8}\\.[a-z]{1,8}",
        vocabulary::<Severity>(),
        pointer(),
        ".{0,40}",
        prop::collection::vec(pointer(), 0..3),
        prop_oneof![Just(0_usize), 1_usize..100],
    )
        .prop_map(
            |(code, severity, path, message, related, related_omitted)| Finding {
                code,
                severity,
                path,
                message,
                related,
                related_omitted,
            },
        )
}

/// A report of up to eight findings.
pub fn report() -> impl Strategy<Value = Report> {
    prop::collection::vec(finding(), 0..8).prop_map(|findings| Report { findings })
}

/// A non-empty history of up to `max` changes drawn from `status`, in any order.
pub fn history<S: std::fmt::Debug + Clone>(
    status: impl Strategy<Value = S>,
    max: usize,
) -> impl Strategy<Value = History<S>> {
    prop::collection::vec((status, date(), prop::option::of(note())), 1..=max.max(1))
        .prop_filter_map("non-empty", |entries| {
            History::new(
                entries
                    .into_iter()
                    .map(|(status, on, note)| StatusChange { status, on, note })
                    .collect(),
            )
            .ok()
        })
}

/// A date within `days` days from `start`: narrow ranges make generated periods
/// overlap often, which rules about overlaps need.
pub fn date_in(start: NaiveDate, days: u64) -> impl Strategy<Value = NaiveDate> {
    (0..=days).prop_map(move |offset| start.checked_add_days(Days::new(offset)).unwrap_or(start))
}

/// A period starting within `days` days from `start`, lasting up to `days` days,
/// open-ended a quarter of the time.
pub fn period_in(start: NaiveDate, days: u64) -> impl Strategy<Value = Period> {
    (date_in(start, days), prop::option::weighted(0.75, 0..=days)).prop_map(|(from, length)| {
        let end = length.and_then(|l| from.checked_add_days(Days::new(l)));
        Period::new(from, end).unwrap_or(Period::starting(from))
    })
}

/// Checks that `value` survives a JSON round trip unchanged, for property
/// tests: `round_trips(&value)?` inside `proptest!`.
pub fn round_trips<T>(value: &T) -> Result<(), TestCaseError>
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_string(value)
        .map_err(|e| TestCaseError::fail(format!("{value:?} does not serialise: {e}")))?;
    let back: T =
        serde_json::from_str(&json).map_err(|e| TestCaseError::fail(format!("{json}: {e}")))?;
    prop_assert_eq!(&back, value, "{}", json);
    Ok(())
}
