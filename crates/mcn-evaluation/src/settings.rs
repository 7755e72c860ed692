//! Evaluation settings: the activity window, horizons and the RAG bands of
//! every rated indicator, each with a documented default.
//!
//! Settings are a serde document too, so a tool can pass its own bands:
//! every field is optional in JSON and defaults as documented here, e.g.
//! `{"window_months": 6, "thresholds": {"attendance_rate": {"green": 0.9, "amber": 0.8}}}`.

use std::{borrow::Cow, fmt};

use mcn_core::Rag;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::report::ThresholdUsed;

/// Settings whose values are out of range.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SettingsError {
    /// RAG bands for a higher-is-better figure whose green bound is below its amber one.
    #[error("at-least bands green {green} and amber {amber}: green must not be below amber")]
    AtLeastInverted {
        /// The green bound given.
        green: f64,
        /// The amber bound given.
        amber: f64,
    },
    /// RAG bands for a lower-is-better figure whose green bound is above its amber one.
    #[error("at-most bands green {green} and amber {amber}: green must not be above amber")]
    AtMostInverted {
        /// The green bound given.
        green: f64,
        /// The amber bound given.
        amber: f64,
    },
    /// A bound that is not a finite number.
    #[error("band bound {0} is not a finite number")]
    NotFinite(f64),
    /// A window or horizon of 0 or more than 120 months.
    #[error("{0} months is out of range: expected 1 to 120")]
    Months(u64),
    /// A basis tolerance outside 0 to 1.
    #[error("basis tolerance {0} is out of range: expected a share from 0 to 1")]
    Tolerance(f64),
}

/// Tolerance for comparing a figure with a band bound: 3/4 meets 0.75 even
/// after rounding.
const EPSILON: f64 = 1e-9;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBands {
    /// The bound of a green rating.
    green: f64,
    /// The bound of an amber rating; beyond it, red.
    amber: f64,
}

fn check_finite(value: f64) -> Result<f64, SettingsError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(SettingsError::NotFinite(value))
    }
}

macro_rules! bands {
    ($(#[$meta:meta])* $name:ident, $id:literal, $description:literal, $inverted:ident, |$g:ident, $a:ident| $ok:expr, |$v:ident, $bound:ident| $meets:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
        #[serde(try_from = "RawBands", into = "RawBands")]
        pub struct $name {
            green: f64,
            amber: f64,
        }

        impl $name {
            /// Bands from their bounds; checked as the type's docs say.
            pub fn new(green: f64, amber: f64) -> Result<Self, SettingsError> {
                let ($g, $a) = (check_finite(green)?, check_finite(amber)?);
                if $ok {
                    Ok(Self { green, amber })
                } else {
                    Err(SettingsError::$inverted { green, amber })
                }
            }

            /// The green bound.
            #[must_use]
            pub const fn green(self) -> f64 {
                self.green
            }

            /// The amber bound.
            #[must_use]
            pub const fn amber(self) -> f64 {
                self.amber
            }

            /// The rating of `value`.
            #[must_use]
            pub fn rate(self, value: f64) -> Rag {
                let meets = |$v: f64, $bound: f64| $meets;
                if meets(value, self.green) {
                    Rag::Green
                } else if meets(value, self.amber) {
                    Rag::Amber
                } else {
                    Rag::Red
                }
            }
        }

        impl TryFrom<RawBands> for $name {
            type Error = SettingsError;

            fn try_from(raw: RawBands) -> Result<Self, Self::Error> {
                Self::new(raw.green, raw.amber)
            }
        }

        impl From<$name> for RawBands {
            fn from(bands: $name) -> Self {
                Self { green: bands.green, amber: bands.amber }
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }

            fn schema_id() -> Cow<'static, str> {
                Cow::Borrowed($id)
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "object",
                    "description": $description,
                    "properties": {
                        "green": { "type": "number", "description": "The bound of a green rating." },
                        "amber": { "type": "number", "description": "The bound of an amber rating; beyond it, red." },
                    },
                    "required": ["green", "amber"],
                    "additionalProperties": false,
                })
            }
        }
    };
}

bands! {
    /// RAG bands for a figure where more is better: green at or above
    /// `green`, amber at or above `amber`, red below (`green` ≥ `amber`).
    ///
    /// ```
    /// use mcn_core::Rag;
    /// use mcn_evaluation::AtLeast;
    /// let bands = AtLeast::new(0.9, 0.75)?;
    /// assert_eq!(bands.rate(0.9), Rag::Green);
    /// assert_eq!(bands.rate(0.8), Rag::Amber);
    /// assert_eq!(bands.rate(0.5), Rag::Red);
    /// assert!(AtLeast::new(0.5, 0.9).is_err());
    /// # Ok::<(), mcn_evaluation::SettingsError>(())
    /// ```
    AtLeast, "mcn_evaluation::settings::AtLeast",
    "RAG bands where more is better: green at or above `green`, amber at or above `amber` (green >= amber).",
    AtLeastInverted, |green, amber| green >= amber, |value, bound| value + EPSILON >= bound
}

bands! {
    /// RAG bands for a figure where less is better: green at or below
    /// `green`, amber at or below `amber`, red above (`green` ≤ `amber`).
    ///
    /// ```
    /// use mcn_core::Rag;
    /// use mcn_evaluation::AtMost;
    /// let bands = AtMost::new(0.0, 2.0)?;
    /// assert_eq!(bands.rate(0.0), Rag::Green);
    /// assert_eq!(bands.rate(2.0), Rag::Amber);
    /// assert_eq!(bands.rate(3.0), Rag::Red);
    /// # Ok::<(), mcn_evaluation::SettingsError>(())
    /// ```
    AtMost, "mcn_evaluation::settings::AtMost",
    "RAG bands where less is better: green at or below `green`, amber at or below `amber` (green <= amber).",
    AtMostInverted, |green, amber| green <= amber, |value, bound| value <= bound + EPSILON
}

impl From<AtLeast> for ThresholdUsed {
    fn from(bands: AtLeast) -> Self {
        Self::AtLeast {
            green: bands.green,
            amber: bands.amber,
        }
    }
}

impl From<AtMost> for ThresholdUsed {
    fn from(bands: AtMost) -> Self {
        Self::AtMost {
            green: bands.green,
            amber: bands.amber,
        }
    }
}

/// A number of months, 1 to 120.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u64", into = "u32")]
pub struct Months(u32);

impl Months {
    /// The most months allowed (ten years).
    pub const MAX: u32 = 120;

    /// `months`, if from 1 to 120.
    pub fn new(months: u32) -> Result<Self, SettingsError> {
        if (1..=Self::MAX).contains(&months) {
            Ok(Self(months))
        } else {
            Err(SettingsError::Months(u64::from(months)))
        }
    }

    /// The number of months.
    #[must_use]
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<u64> for Months {
    type Error = SettingsError;

    fn try_from(months: u64) -> Result<Self, Self::Error> {
        u32::try_from(months)
            .map_err(|_| SettingsError::Months(months))
            .and_then(Self::new)
    }
}

impl From<Months> for u32 {
    fn from(months: Months) -> Self {
        months.0
    }
}

impl fmt::Display for Months {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} months", self.0)
    }
}

impl JsonSchema for Months {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Months")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_evaluation::settings::Months")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "minimum": 1,
            "maximum": 120,
            "description": "A number of months, 1 to 120.",
        })
    }
}

/// How far the basis of a figure may move, as a share of the larger count,
/// before a comparison calls it changed instead of improved or worsened
/// (0 to 1; 0.2 is 20%).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Tolerance(f64);

impl Tolerance {
    /// `share`, if a finite number from 0 to 1.
    pub fn new(share: f64) -> Result<Self, SettingsError> {
        if (0.0..=1.0).contains(&share) {
            Ok(Self(share))
        } else {
            Err(SettingsError::Tolerance(share))
        }
    }

    /// The share.
    #[must_use]
    pub const fn get(self) -> f64 {
        self.0
    }

    /// Whether a basis of `before` and one of `after` differ beyond the
    /// tolerance: by more than the share of the larger count, and by more
    /// than one (one organisation more of two is not a new population).
    ///
    /// ```
    /// use mcn_evaluation::Tolerance;
    /// let t = Tolerance::new(0.2)?;
    /// assert!(t.exceeded(2, 5)); // 5 organisations reported, was 2
    /// assert!(!t.exceeded(10, 11));
    /// assert!(!t.exceeded(2, 3)); // one more
    /// # Ok::<(), mcn_evaluation::SettingsError>(())
    /// ```
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    pub fn exceeded(self, before: u64, after: u64) -> bool {
        let difference = before.abs_diff(after);
        difference > 1 && difference as f64 > self.0 * before.max(after) as f64 + EPSILON
    }
}

impl TryFrom<f64> for Tolerance {
    type Error = SettingsError;

    fn try_from(share: f64) -> Result<Self, Self::Error> {
        Self::new(share)
    }
}

impl From<Tolerance> for f64 {
    fn from(tolerance: Tolerance) -> Self {
        tolerance.0
    }
}

impl JsonSchema for Tolerance {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Tolerance")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_evaluation::settings::Tolerance")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "How far a figure's basis may move, as a share of the larger count, before a comparison calls it changed (0 to 1).",
        })
    }
}

/// Builds a band with bounds known to be valid (the defaults below).
const fn at_least(green: f64, amber: f64) -> AtLeast {
    AtLeast { green, amber }
}

const fn at_most(green: f64, amber: f64) -> AtMost {
    AtMost { green, amber }
}

macro_rules! thresholds {
    ($( $(#[$meta:meta])* $field:ident: $ty:ident = $default:expr; )+) => {
        /// The RAG bands of every rated indicator. Shares are proportions from 0
        /// to 1 (0.9 is 90%); counts are counts; the relevance rating is on its
        /// 1-to-5 scale. Each field defaults as documented.
        #[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields, default)]
        pub struct Thresholds {
            $( $(#[$meta])* pub $field: $ty, )+
        }

        impl Default for Thresholds {
            fn default() -> Self {
                Self { $( $field: $default, )+ }
            }
        }
    };
}

thresholds! {
    /// `leadership.posts_vacant`, share of posts vacant: green ≤ 10%, amber ≤ 25%.
    posts_vacant: AtMost = at_most(0.10, 0.25);
    /// `leadership.funded_vacant_posts`, funded posts with no holder: green 0, amber 1.
    funded_vacant_posts: AtMost = at_most(0.0, 1.0);
    /// `governance.terms_current`, share of bodies with current terms of
    /// reference: green 100%, amber ≥ 75%.
    terms_current: AtLeast = at_least(1.0, 0.75);
    /// `governance.meeting_cadence`, share of bodies meeting as often as their
    /// terms require: green 100%, amber ≥ 75%.
    meeting_cadence: AtLeast = at_least(1.0, 0.75);
    /// `governance.quorate_meetings`, share of meetings quorate: green ≥ 90%, amber ≥ 75%.
    quorate_meetings: AtLeast = at_least(0.90, 0.75);
    /// `governance.overdue_actions`, share of open actions overdue: green ≤ 10%, amber ≤ 25%.
    overdue_actions: AtMost = at_most(0.10, 0.25);
    /// `governance.objectives_on_track`, share of objectives on track: green ≥ 80%, amber ≥ 60%.
    objectives_on_track: AtLeast = at_least(0.80, 0.60);
    /// `governance.high_risks`, live risks at or above the high score: green 0, amber ≤ 2.
    high_risks: AtMost = at_most(0.0, 2.0);
    /// `membership.engagement`, share of active members engaged in the window:
    /// green ≥ 80%, amber ≥ 60%.
    member_engagement: AtLeast = at_least(0.80, 0.60);
    /// `membership.unengaged`, active members with no engagement: green 0, amber ≤ 2.
    unengaged_members: AtMost = at_most(0.0, 2.0);
    /// `training.attendance_rate`: green ≥ 85%, amber ≥ 70%.
    attendance_rate: AtLeast = at_least(0.85, 0.70);
    /// `training.relevance`, mean relevance rating out of 5: green ≥ 4.0, amber ≥ 3.5.
    relevance: AtLeast = at_least(4.0, 3.5);
    /// `training.requirements_met`, share of training needs met: green ≥ 80%, amber ≥ 60%.
    training_requirements: AtLeast = at_least(0.80, 0.60);
    /// `standards.adoption`, share of applicable member × standard cells
    /// adopted: green ≥ 75%, amber ≥ 50%.
    adoption: AtLeast = at_least(0.75, 0.50);
    /// `standards.compliance`, share of measures meeting their target: green ≥ 80%, amber ≥ 50%.
    measures_on_target: AtLeast = at_least(0.80, 0.50);
    /// `standards.audit_submission`, share of expected members submitting
    /// every audit: green ≥ 90%, amber ≥ 70%.
    audit_submission: AtLeast = at_least(0.90, 0.70);
    /// `collaboration.body_mix`, share of bodies meeting with both NHS and
    /// non-NHS organisations represented: green ≥ 75%, amber ≥ 50%.
    body_mix: AtLeast = at_least(0.75, 0.50);
    /// `collaboration.cross_organisation_events`, share of events attended
    /// beyond their host: green ≥ 50%, amber ≥ 25%.
    cross_organisation_events: AtLeast = at_least(0.50, 0.25);
    /// `equity.qs160_24_7`, share of localities with 24/7 nursing and
    /// consultant advice: green 100%, amber ≥ 75%.
    qs160_24_7: AtLeast = at_least(1.0, 0.75);
    /// `equity.specialist_team`, share of localities covered by a specialist
    /// palliative care team: green 100%, amber ≥ 75%.
    specialist_team: AtLeast = at_least(1.0, 0.75);
    /// `workforce.vacancy_rate`, vacant WTE over funded WTE: green ≤ 5%, amber ≤ 10%.
    workforce_vacancy: AtMost = at_most(0.05, 0.10);
    /// `technology.record_sharing`, share of members able to share records:
    /// green ≥ 75%, amber ≥ 50%.
    record_sharing: AtLeast = at_least(0.75, 0.50);
}

const fn default_window() -> Months {
    Months(12)
}

const fn default_horizon() -> Months {
    Months(6)
}

const fn default_stale_after() -> Months {
    Months(6)
}

const fn default_basis_tolerance() -> Tolerance {
    Tolerance(0.2)
}

const fn default_high_risk() -> u8 {
    15
}

#[allow(clippy::unnecessary_wraps)] // serde's default must return the field's type
const fn default_evidence_limit() -> Option<u32> {
    Some(100)
}

/// How to evaluate: the window, horizons, limits and RAG bands.
///
/// ```
/// use mcn_evaluation::EvaluationSettings;
/// let settings: EvaluationSettings = serde_json::from_str(r#"{"window_months": 6}"#)?;
/// assert_eq!(settings.window_months.get(), 6);
/// assert_eq!(settings.funding_horizon_months.get(), 6);
/// assert_eq!(settings, EvaluationSettings { window_months: settings.window_months, ..EvaluationSettings::default() });
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluationSettings {
    /// The activity window (meetings, training, audits), in months ending on
    /// the report date; default 12.
    #[serde(default = "default_window")]
    #[schemars(default = "default_window")]
    pub window_months: Months,
    /// How far ahead funding counts as ending soon, in months; default 6.
    #[serde(default = "default_horizon")]
    #[schemars(default = "default_horizon")]
    pub funding_horizon_months: Months,
    /// How old a snapshot record (a staffing return) may be on the report
    /// date and still count, in months; older ones are left out and listed
    /// as stale. Default 6.
    #[serde(default = "default_stale_after")]
    #[schemars(default = "default_stale_after")]
    pub stale_after_months: Months,
    /// How far a figure's basis (who or what it counts) may move between two
    /// reports, as a share of the larger count, before [`crate::compare()`]
    /// calls the change "basis changed" rather than improved or worsened
    /// (changes of one are always within it). Default 0.2.
    #[serde(default = "default_basis_tolerance")]
    #[schemars(default = "default_basis_tolerance")]
    pub basis_tolerance: Tolerance,
    /// The risk score (likelihood × impact, 1–25) from which a risk counts as
    /// high; default 15.
    #[serde(default = "default_high_risk")]
    #[schemars(default = "default_high_risk", range(min = 1, max = 25))]
    pub high_risk_score: u8,
    /// The most evidence items kept per indicator (sorted by path; the rest
    /// are counted in `evidence_omitted`); `null` keeps all; default 100.
    #[serde(default = "default_evidence_limit")]
    #[schemars(default = "default_evidence_limit")]
    pub evidence_limit: Option<u32>,
    /// RAG bands; each defaults as documented on [`Thresholds`].
    #[serde(default)]
    pub thresholds: Thresholds,
}

impl Default for EvaluationSettings {
    fn default() -> Self {
        Self {
            window_months: default_window(),
            funding_horizon_months: default_horizon(),
            stale_after_months: default_stale_after(),
            basis_tolerance: default_basis_tolerance(),
            high_risk_score: default_high_risk(),
            evidence_limit: default_evidence_limit(),
            thresholds: Thresholds::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_round_trip_and_partial_documents_fill_in() {
        let defaults = EvaluationSettings::default();
        let json = serde_json::to_value(&defaults).unwrap();
        assert_eq!(json["window_months"], 12);
        assert_eq!(json["thresholds"]["quorate_meetings"]["green"], 0.9);
        assert_eq!(
            serde_json::from_value::<EvaluationSettings>(json).unwrap(),
            defaults
        );
        let partial: EvaluationSettings = serde_json::from_str(
            r#"{"thresholds": {"attendance_rate": {"green": 0.95, "amber": 0.9}}, "evidence_limit": null}"#,
        )
        .unwrap();
        assert!((partial.thresholds.attendance_rate.green() - 0.95).abs() < f64::EPSILON);
        assert_eq!(
            partial.thresholds.relevance,
            Thresholds::default().relevance
        );
        assert_eq!(partial.evidence_limit, None);
        assert_eq!(
            serde_json::from_str::<EvaluationSettings>("{}").unwrap(),
            defaults
        );
    }

    #[test]
    fn bad_settings_do_not_load() {
        for bad in [
            r#"{"window_months": 0}"#,
            r#"{"window_months": 121}"#,
            r#"{"thresholds": {"attendance_rate": {"green": 0.5, "amber": 0.9}}}"#,
            r#"{"thresholds": {"high_risks": {"green": 3, "amber": 1}}}"#,
            r#"{"thresholds": {"no_such": {"green": 1, "amber": 1}}}"#,
            r#"{"windw_months": 6}"#,
            r#"{"basis_tolerance": 1.5}"#,
            r#"{"basis_tolerance": -0.1}"#,
            r#"{"stale_after_months": 0}"#,
        ] {
            assert!(
                serde_json::from_str::<EvaluationSettings>(bad).is_err(),
                "{bad}"
            );
        }
        assert!(matches!(
            AtLeast::new(f64::NAN, 0.0),
            Err(SettingsError::NotFinite(_))
        ));
        assert!(matches!(
            AtMost::new(0.0, f64::INFINITY),
            Err(SettingsError::NotFinite(_))
        ));
    }

    #[test]
    fn bands_rate_at_their_bounds() {
        let at_least = AtLeast::new(0.75, 0.5).unwrap();
        assert_eq!(at_least.rate(3.0 / 4.0), Rag::Green);
        assert_eq!(at_least.rate(0.749), Rag::Amber);
        assert_eq!(at_least.rate(0.5), Rag::Amber);
        assert_eq!(at_least.rate(0.499), Rag::Red);
        let at_most = AtMost::new(0.1, 0.25).unwrap();
        assert_eq!(at_most.rate(0.1), Rag::Green);
        assert_eq!(at_most.rate(0.2), Rag::Amber);
        assert_eq!(at_most.rate(0.26), Rag::Red);
    }
}
