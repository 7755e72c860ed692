//! Every constrained type on its own: near-miss values generated around its
//! limits are judged alike by the Rust type and by its schema definition
//! (both accept, both refuse, or a gap listed in `docs/schemas/README.md`).

use mcn_core::{
    Email, Identifier, Money, Note, Period, Proportion, SchemaVersion, Text, Wte, WteTotal,
};
use mcn_governance::{
    Impact, Likelihood, TorVersion, WeekCount,
    quorum::{Fraction, RequiredRoles},
};
use mcn_organisations::{AgeRange, WeeklySchedule, WeeklySlot};
use mcn_roles::HoursPerWeek;
use mcn_standards::StandardCode;
use mcn_training::{Capacity, CpdHours, Minutes, Rating, RenewalMonths};
use proptest::{prelude::*, sample::select};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::{Map, Value, json};

use crate::common::{DEFS, Verdict, def_validator, def_validator_in, defs_of, judge, rust};

fn agree<T: DeserializeOwned + Serialize>(
    def: &str,
    value: &Value,
) -> Result<Verdict, TestCaseError> {
    judge::<T>(def_validator(def), value)
        .map_err(|error| TestCaseError::fail(format!("{def}: {error}")))
}

/// Strings of up to `max` characters from `pool`.
fn string_from(pool: &'static [char], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(select(pool), 0..=max).prop_map(|chars| chars.into_iter().collect())
}

/// `x` repeated about `limit` times, padded with white space on both sides.
fn around_limit(limit: usize) -> impl Strategy<Value = String> {
    (limit - 3..=limit + 3, 0_usize..3).prop_map(|(len, pad)| {
        format!("{}{}{}", " ".repeat(pad), "x".repeat(len), "\t".repeat(pad))
    })
}

const TEXT_CHARS: &[char] = &[
    'a', 'Z', 'é', '😀', ' ', '\t', '\n', '\r', '\u{0}', '\u{b}', '\u{1f}', '\u{7f}', '\u{85}',
    '\u{9f}', '\u{a0}', '\u{2028}', '\u{3000}', '\u{feff}',
];

/// An object of the given optional fields, sometimes with an unknown one.
fn object(fields: Vec<(&str, Option<Value>)>, unknown: bool) -> Value {
    let mut map: Map<String, Value> = fields
        .into_iter()
        .filter_map(|(key, value)| value.map(|value| (key.to_owned(), value)))
        .collect();
    if unknown {
        map.insert("extra".to_owned(), json!(true));
    }
    Value::Object(map)
}

/// A number of thousandths in `range`, as a JSON number (sometimes `n.0`).
fn thousandths(range: std::ops::RangeInclusive<i64>) -> impl Strategy<Value = Value> {
    #[allow(clippy::cast_precision_loss)]
    range.prop_map(|n| json!(n as f64 / 1000.0))
}

/// Integers around `min` and `max`, sometimes written with a fraction part.
fn integers(min: i64, max: i64) -> impl Strategy<Value = Value> {
    prop_oneof![
        (min - 2..=min + 2).prop_map(|n| json!(n)),
        (max - 2..=max + 2).prop_map(|n| json!(n)),
        #[allow(clippy::cast_precision_loss)]
        (min - 1..=max + 1, select(&[0.0, 0.5][..])).prop_map(|(n, f)| json!(n as f64 + f)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn text_and_note(
        short in string_from(TEXT_CHARS, 5),
        long_text in around_limit(Text::MAX_CHARS),
        long_note in around_limit(Note::MAX_CHARS),
    ) {
        for value in [&short, &long_text] {
            agree::<Text>("Text", &json!(value))?;
        }
        for value in [&short, &long_note] {
            agree::<Note>("Note", &json!(value))?;
        }
    }

    #[test]
    fn email(
        value in string_from(&['a', 'B', '.', '@', '-', '+', ' ', '\u{1}', '\u{85}', '\u{a0}', 'é'], 9),
        local in 240_usize..246,
    ) {
        agree::<Email>("Email", &json!(value))?;
        agree::<Email>("Email", &json!(format!("{}@example.org", "a".repeat(local))))?;
    }

    #[test]
    fn identifier(
        system in select(&[
            "ods", "charity_england_wales", "charity_scotland", "charity_northern_ireland",
            "companies_house", "gmc", "nmc", "hcpc", "ODS", "other", "https://example.org/ids",
            "urn:x", "x:", "1x:y", "https://fhir.nhs.uk/Id/gmc-number", "",
        ][..]),
        value in string_from(&['A', 'b', 'Z', '0', '1', '9', '-', 'S', 'C', 'N', 'I', 'R', ' ', 'é'], 11),
        unknown in prop::bool::weighted(0.05),
    ) {
        let identifier = object(vec![("system", Some(json!(system))), ("value", Some(json!(value)))], unknown);
        agree::<Identifier>("Identifier", &identifier)?;
    }

    #[test]
    fn two_decimal_quantities(
        wte in thousandths(-20..=1_020),
        total in thousandths(99_999_990..=100_000_020),
        hours in thousandths(47_990..=48_020),
        cpd in thousandths(-10..=1_000_020),
        proportion in thousandths(-20..=1_020),
    ) {
        agree::<Wte>("Wte", &wte)?;
        agree::<WteTotal>("WteTotal", &wte)?;
        agree::<WteTotal>("WteTotal", &total)?;
        agree::<HoursPerWeek>("HoursPerWeek", &hours)?;
        agree::<CpdHours>("CpdHours", &cpd)?;
        agree::<Proportion>("Proportion", &proportion)?;
    }

    #[test]
    fn bounded_integers(
        rating in integers(1, 5),
        capacity in integers(1, 100_000),
        minutes in integers(1, 10_080),
        renewal in integers(1, 600),
        weeks in integers(1, 52),
        money in integers(0, 1_000),
    ) {
        agree::<Rating>("Rating", &rating)?;
        agree::<Likelihood>("Likelihood", &rating)?;
        agree::<Impact>("Impact", &rating)?;
        agree::<Capacity>("Capacity", &capacity)?;
        agree::<Minutes>("Minutes", &minutes)?;
        agree::<RenewalMonths>("RenewalMonths", &renewal)?;
        agree::<WeekCount>("WeekCount", &weeks)?;
        agree::<Money>("Money", &money)?;
    }

    #[test]
    fn versions_and_codes(
        short in string_from(&['0', '1', '2', '9', '.', '-', 'A', 'Z', 'a', ' '], 7),
        digits in "[0-9]{9,11}",
        long_code in "[A-Z0-9]{38,42}",
    ) {
        for value in [short.clone(), format!("1.{digits}"), format!("{digits}.0")] {
            agree::<SchemaVersion>("SchemaVersion", &json!(value))?;
            agree::<TorVersion>("TorVersion", &json!(value))?;
        }
        agree::<StandardCode>("StandardCode", &json!(short))?;
        agree::<StandardCode>("StandardCode", &json!(long_code))?;
    }

    #[test]
    fn periods(
        start in select(&[None, Some("2025-01-01"), Some("2025-01-31"), Some("2025-02-30"), Some("x")][..]),
        end in select(&[None, Some("2025-01-01"), Some("2025-01-31"), Some("2024-12-31"), Some("2025-13-01")][..]),
        null_end in any::<bool>(),
        unknown in prop::bool::weighted(0.1),
    ) {
        let end = end.map(|end| json!(end)).or_else(|| null_end.then_some(Value::Null));
        let period = object(vec![("start", start.map(|s| json!(s))), ("end", end)], unknown);
        agree::<Period>("Period", &period)?;
    }

    #[test]
    fn age_ranges_and_fractions(
        a in select(&[-1_i64, 0, 1, 2, 3, 18, 25, 120, 121, 255, 256, 4_294_967_295, 4_294_967_296][..]),
        b in select(&[-1_i64, 0, 1, 2, 3, 18, 25, 120, 121, 255, 256, 4_294_967_295, 4_294_967_296][..]),
        unknown in prop::bool::weighted(0.1),
    ) {
        let range = object(vec![("min_years", Some(json!(a))), ("max_years", Some(json!(b)))], unknown);
        agree::<AgeRange>("AgeRange", &range)?;
        let fraction = object(vec![("numerator", Some(json!(a))), ("denominator", Some(json!(b)))], unknown);
        agree::<Fraction>("Fraction", &fraction)?;
    }

    #[test]
    fn required_roles(
        roles in prop::collection::vec(select(&["chair", "vice_chair", "Chair", "x"][..]), 0..3),
        unknown in prop::bool::weighted(0.1),
    ) {
        agree::<RequiredRoles>("RequiredRoles", &object(vec![("any_of", Some(json!(roles)))], unknown))?;
    }

    #[test]
    fn weekly_slots_and_schedules(
        slots in prop::collection::vec(
            (
                prop::collection::vec(select(&["mon", "tue", "sun", "Mon", "x"][..]), 0..4),
                select(vec![None, Some(json!(true)), Some(json!(false)), Some(Value::Null)]),
                select(vec![None, Some(Value::Null), Some(json!("09:00:00")), Some(json!("17:00")), Some(json!("24:00")), Some(json!("9:00")), Some(json!("x"))]),
                select(vec![None, Some(Value::Null), Some(json!("09:00:00")), Some(json!("17:30:00")), Some(json!("23:59:60"))]),
                prop::bool::weighted(0.05),
            ),
            0..3,
        ),
    ) {
        let slots: Vec<Value> = slots
            .into_iter()
            .map(|(days, all_day, start, end, unknown)| {
                object(
                    vec![
                        ("days_of_week", Some(json!(days))),
                        ("all_day", all_day),
                        ("available_start_time", start),
                        ("available_end_time", end),
                    ],
                    unknown,
                )
            })
            .collect();
        for slot in &slots {
            agree::<WeeklySlot>("WeeklySlot", slot)?;
        }
        agree::<WeeklySchedule>("WeeklySchedule", &json!(slots))?;
    }
}

fn accepts<T: DeserializeOwned>(text: &str) -> bool {
    rust::<T>(text).is_ok()
}

/// An enumeration: the schema it is in (`None`: [`DEFS`]), its definition
/// name, and whether the Rust type accepts a JSON text.
type Enumeration = (Option<&'static str>, &'static str, fn(&str) -> bool);

/// `(schema, "Name", accepts::<krate::Name>)` for each listed type.
macro_rules! enumerations {
    ($($schema:expr => $krate:ident::{$($ty:ident),+ $(,)?};)+) => {
        &[$($(($schema, stringify!($ty), accepts::<$krate::$ty> as fn(&str) -> bool)),+),+]
    };
}

/// Every enumeration of the document, the findings report and the evaluation
/// report.
const ENUMS: &[Enumeration] = enumerations! {
    None => mcn_core::{PostRole, Profession, Rag, Severity};
    None => mcn_organisations::{
        Availability, CanShare, DayOfWeek, LocalityKind, MembershipStatus, MembershipTier,
        OrganisationKind, Sector, ServiceKind, SystemCategory,
    };
    None => mcn_roles::{AppointmentBasis};
    None => mcn_governance::{
        ActionStatus, AttendanceStatus, Audience, BodyKind, Channel, DecisionKind,
        DecisionOutcome, DecisionSubject, Funder, FundingBasis, MeetingFormat, MeetingFrequency,
        MeetingStatus, ObjectiveStage, QuorumThreshold, RiskCategory, RiskStatus, SeatHolder,
        Theme,
    };
    None => mcn_training::{
        AccessBarrier, AppliesTo, Delivery, EducationLevel, EventKind, EventStatus,
        LearningOutcome, RegistrationStatus,
    };
    None => mcn_standards::{
        AdoptionStatus, ConditionCategory, MeasureKind, SourceKind, StandardKind, StandardStatus,
    };
    // The evaluation report's own.
    Some("evaluation-report") => mcn_evaluation::{Direction, Outcome, Theme};
};

/// The spellings (`const`) and object keys of an enumeration's variants.
fn variants(def: &Value) -> (Vec<String>, Vec<(String, Value)>) {
    let mut spellings = Vec::new();
    let mut keyed = Vec::new();
    for branch in def["oneOf"].as_array().into_iter().flatten() {
        if let Some(Value::String(spelling)) = branch.get("const") {
            spellings.push(spelling.clone());
        } else if let Some(Value::Array(required)) = branch.get("required")
            && let [Value::String(key)] = required.as_slice()
        {
            keyed.push((key.clone(), branch["properties"][key].clone()));
        }
    }
    (spellings, keyed)
}

fn is_enumeration(name: &str, def: &Value) -> bool {
    let (spellings, keyed) = variants(def);
    (!spellings.is_empty() || keyed.len() > 1) && !matches!(name, "Identifier" | "WeeklySlot")
}

#[test]
fn every_enumeration_is_checked_here() {
    let mut in_schemas: Vec<(Option<&str>, String)> = DEFS
        .iter()
        .filter(|(name, def)| is_enumeration(name, def))
        .map(|(name, _)| (None, name.clone()))
        .collect();
    for (name, def) in defs_of("evaluation-report") {
        if is_enumeration(&name, &def) && DEFS.get(&name) != Some(&def) {
            in_schemas.push((Some("evaluation-report"), name));
        }
    }
    in_schemas.sort_unstable();
    let mut here: Vec<(Option<&str>, String)> = ENUMS
        .iter()
        .map(|(schema, name, _)| (*schema, (*name).to_owned()))
        .collect();
    here.sort_unstable();
    assert_eq!(in_schemas, here);
}

#[test]
fn enum_spellings_are_exact_in_both() {
    let mut checked = 0;
    for &(schema, def, rust_accepts) in ENUMS {
        let validator = def_validator_in(schema, def);
        let defs = schema.map_or_else(|| DEFS.clone(), defs_of);
        let (spellings, keyed) = variants(&defs[def]);
        for spelling in &spellings {
            let text = json!(spelling).to_string();
            assert!(rust_accepts(&text), "{def}: Rust refuses {text}");
            assert!(
                validator.is_valid(&json!(spelling)),
                "{def}: schema refuses {text}"
            );
            let mut capitalised = spelling.clone();
            capitalised.get_mut(0..1).map(str::make_ascii_uppercase);
            for wrong in [
                spelling.to_uppercase(),
                capitalised,
                spelling.replace('_', "-"),
                spelling.replace('_', " "),
                format!("{spelling} "),
                format!("{spelling}x"),
                spelling.chars().skip(1).collect(),
            ] {
                if spellings.contains(&wrong) {
                    continue;
                }
                let text = json!(wrong).to_string();
                assert!(!rust_accepts(&text), "{def}: Rust accepts {text}");
                assert!(
                    !validator.is_valid(&json!(wrong)),
                    "{def}: schema accepts {text}"
                );
                checked += 1;
            }
        }
        // Keyed variants: `{"key": ...}` with a misspelt or second key.
        for (key, _) in &keyed {
            for wrong in [key.to_uppercase(), format!("{key}s")] {
                let value = json!({ wrong: "0190f6a4-5b2e-7c3d-9e8f-1a2b3c4d5e6f" });
                assert!(
                    !rust_accepts(&value.to_string()),
                    "{def}: Rust accepts {value}"
                );
                assert!(!validator.is_valid(&value), "{def}: schema accepts {value}");
                checked += 1;
            }
        }
        let unknown = json!({ "unknown": 1 });
        assert!(
            !rust_accepts(&unknown.to_string()) && !validator.is_valid(&unknown),
            "{def}"
        );
    }
    assert!(checked > 1000, "only {checked} misspellings checked");
}
