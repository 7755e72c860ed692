//! The evaluation report: indicators grouped by theme, each with its value,
//! RAG rating, the threshold used, breakdowns and the evidence behind it.
//!
//! Every type here is public API in its serde form (the `json` output of
//! `mcn report` and its JSON Schema).

use std::fmt;

use mcn_core::{
    JsonPointer, Money, NaiveDate, Period, Proportion, Rag, WteTotal,
    id::NetworkId,
    vocab::{UnknownValue, Vocabulary},
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Comparison, EvaluationSettings};

/// The themes of the published evaluation of a children's palliative care
/// network, in report order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Theme {
    /// A funded co-ordinator, a clinical lead, posts filled and funded.
    Leadership,
    /// Terms of reference, meetings, quorum, actions, work plan, risks.
    Governance,
    /// Who the members are and whether they take part.
    Membership,
    /// Training and networking: events, reach, barriers, relevance.
    Training,
    /// Standardised practice: endorsed standards, adoption, audit.
    Standards,
    /// Working across organisations and sectors.
    Collaboration,
    /// Equity and coverage by locality.
    Equity,
    /// Funded versus in-post staff.
    Workforce,
    /// Shared technology.
    Technology,
}

impl Theme {
    /// Every theme, in report order.
    pub const ALL: [Self; 9] = [
        Self::Leadership,
        Self::Governance,
        Self::Membership,
        Self::Training,
        Self::Standards,
        Self::Collaboration,
        Self::Equity,
        Self::Workforce,
        Self::Technology,
    ];

    /// The heading used in reports.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Self::Leadership => "Leadership",
            Self::Governance => "Governance",
            Self::Membership => "Membership and engagement",
            Self::Training => "Training and networking",
            Self::Standards => "Standardised practice",
            Self::Collaboration => "Collaboration",
            Self::Equity => "Equity and coverage",
            Self::Workforce => "Workforce",
            Self::Technology => "Technology",
        }
    }

    /// The `snake_case` spelling used in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Leadership => "leadership",
            Self::Governance => "governance",
            Self::Membership => "membership",
            Self::Training => "training",
            Self::Standards => "standards",
            Self::Collaboration => "collaboration",
            Self::Equity => "equity",
            Self::Workforce => "workforce",
            Self::Technology => "technology",
        }
    }
}

/// By hand rather than through `vocabulary!`: a theme displays as its heading.
impl Vocabulary for Theme {
    const NAME: &'static str = "Theme";
    const ALL: &'static [Self] = &Self::ALL;

    fn as_str(self) -> &'static str {
        Self::as_str(self)
    }
}

impl std::str::FromStr for Theme {
    type Err = UnknownValue;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse_or_error(text)
    }
}

/// The heading, as [`Theme::title`].
impl fmt::Display for Theme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title())
    }
}

mcn_core::vocabulary! {
    /// Which way an indicator's headline figure should move.
    Direction {
        /// More is better (reach, adoption, quorate meetings).
        HigherIsBetter => "higher_is_better",
        /// Less is better (vacancies, overdue actions, high risks).
        LowerIsBetter => "lower_is_better",
        /// Context: neither direction is better in itself.
        Neutral => "neutral",
    }
}

/// A figure: the headline value of an indicator, or a cell of a breakdown.
///
/// In JSON an object tagged by `kind`, e.g.
/// `{"kind": "proportion", "numerator": 3, "denominator": 4, "proportion": 0.75}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Value {
    /// A number of things.
    Count {
        /// How many.
        count: u64,
    },
    /// A share: `numerator / denominator`, from 0 to 1.
    Proportion {
        /// The things counted.
        numerator: u64,
        /// Out of how many.
        denominator: u64,
        /// `numerator / denominator`; absent when the denominator is 0.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        proportion: Option<Proportion>,
    },
    /// A share of whole-time equivalents, from 0 to 1.
    WteProportion {
        /// The WTE counted (e.g. vacant).
        numerator: WteTotal,
        /// Out of how much (e.g. funded).
        denominator: WteTotal,
        /// `numerator / denominator`; absent when the denominator is 0.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        proportion: Option<Proportion>,
    },
    /// A rate that may exceed 1 (e.g. people trained per child).
    Ratio {
        /// The things counted.
        numerator: u64,
        /// Per how many.
        denominator: u64,
        /// `numerator / denominator`; absent when the denominator is 0.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ratio: Option<f64>,
    },
    /// A mean rating on a 1-to-`scale` scale.
    Mean {
        /// The sum of the ratings.
        total: u64,
        /// How many ratings.
        responses: u64,
        /// The top of the scale (5 for the feedback ratings).
        scale: u8,
        /// `total / responses`; absent with no responses.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        mean: Option<f64>,
    },
    /// An amount of money.
    Money {
        /// The amount, in pence (as everywhere in documents).
        amount: Money,
    },
    /// Whole-time equivalents.
    Wte {
        /// The WTE.
        wte: WteTotal,
    },
    /// Yes or no.
    Boolean {
        /// The answer.
        value: bool,
    },
    /// A word or date (e.g. an adoption status in a matrix cell).
    Text {
        /// The text.
        text: String,
    },
    /// The indicator is its breakdowns; the headline is their size.
    Table {
        /// Rows in the main breakdown.
        rows: u64,
    },
}

impl Value {
    /// A count.
    #[must_use]
    pub fn count(count: impl TryInto<u64>) -> Self {
        Self::Count {
            count: count.try_into().unwrap_or(u64::MAX),
        }
    }

    /// A proportion of counts (`proportion` absent when `denominator` is 0;
    /// a numerator above the denominator is never built by this crate).
    #[must_use]
    pub fn proportion(numerator: impl TryInto<u64>, denominator: impl TryInto<u64>) -> Self {
        let numerator = numerator.try_into().unwrap_or(u64::MAX);
        let denominator = denominator.try_into().unwrap_or(u64::MAX);
        Self::Proportion {
            numerator,
            denominator,
            proportion: Proportion::of(numerator, denominator),
        }
    }

    /// A proportion of WTE.
    #[must_use]
    pub fn wte_proportion(numerator: WteTotal, denominator: WteTotal) -> Self {
        Self::WteProportion {
            numerator,
            denominator,
            proportion: Proportion::of(
                u64::from(numerator.hundredths()),
                u64::from(denominator.hundredths()),
            ),
        }
    }

    /// A ratio of counts.
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    pub fn ratio(numerator: u64, denominator: u64) -> Self {
        Self::Ratio {
            numerator,
            denominator,
            ratio: (denominator > 0).then(|| numerator as f64 / denominator as f64),
        }
    }

    /// A mean rating.
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    pub fn mean(total: u64, responses: u64, scale: u8) -> Self {
        Self::Mean {
            total,
            responses,
            scale,
            mean: (responses > 0).then(|| total as f64 / responses as f64),
        }
    }

    /// Text.
    #[must_use]
    pub fn text(text: impl Into<String>) -> Self {
        Self::Text { text: text.into() }
    }

    /// The headline number the RAG rating and comparisons use: a count, a
    /// proportion (0–1), a ratio, a mean, pence, WTE, or 1/0 for yes/no;
    /// `None` for text, tables and undefined shares.
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // counts and pence far below 2^52
    pub fn number(&self) -> Option<f64> {
        match self {
            Self::Count { count } => Some(*count as f64),
            Self::Proportion { proportion, .. } | Self::WteProportion { proportion, .. } => {
                proportion.map(Proportion::value)
            }
            Self::Ratio { ratio, .. } => *ratio,
            Self::Mean { mean, .. } => *mean,
            Self::Money { amount } => Some(amount.pence() as f64),
            Self::Wte { wte } => Some(wte.as_f64()),
            Self::Boolean { value } => Some(if *value { 1.0 } else { 0.0 }),
            Self::Text { .. } | Self::Table { .. } => None,
        }
    }

    /// Whether the value is a share (its number is a proportion from 0 to 1).
    #[must_use]
    pub const fn is_proportion(&self) -> bool {
        matches!(self, Self::Proportion { .. } | Self::WteProportion { .. })
    }
}

impl fmt::Display for Value {
    /// A short human form: `75.0% (3 of 4)`, `£1,200.00`, `2.50 WTE`, `yes`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Count { count } => write!(f, "{count}"),
            Self::Proportion {
                numerator,
                denominator,
                proportion,
            } => match proportion {
                Some(p) => write!(f, "{p} ({numerator} of {denominator})"),
                None => write!(f, "n/a (0 of 0)"),
            },
            Self::WteProportion {
                numerator,
                denominator,
                proportion,
            } => match proportion {
                Some(p) => write!(f, "{p} ({numerator} of {denominator} WTE)"),
                None => write!(f, "n/a (no funded WTE)"),
            },
            Self::Ratio {
                numerator,
                denominator,
                ratio,
            } => match ratio {
                Some(r) => write!(f, "{r:.3} ({numerator} / {denominator})"),
                None => write!(f, "n/a ({numerator} / 0)"),
            },
            Self::Mean {
                responses,
                scale,
                mean,
                ..
            } => match mean {
                Some(m) => write!(f, "{m:.2} of {scale} ({responses} responses)"),
                None => write!(f, "n/a (no responses)"),
            },
            Self::Money { amount } => write!(f, "{amount}"),
            Self::Wte { wte } => write!(f, "{wte} WTE"),
            Self::Boolean { value } => f.write_str(if *value { "yes" } else { "no" }),
            Self::Text { text } => f.write_str(text),
            Self::Table { rows } => write!(f, "{rows} rows"),
        }
    }
}

/// The RAG bands an indicator was rated against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ThresholdUsed {
    /// Green at or above `green`, amber at or above `amber`, red below.
    AtLeast {
        /// The green band's lower bound.
        green: f64,
        /// The amber band's lower bound.
        amber: f64,
    },
    /// Green at or below `green`, amber at or below `amber`, red above.
    AtMost {
        /// The green band's upper bound.
        green: f64,
        /// The amber band's upper bound.
        amber: f64,
    },
    /// A rule in words (for yes/no indicators).
    Rule {
        /// The rule, e.g. "green when funded and filled".
        rule: String,
    },
}

impl fmt::Display for ThresholdUsed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::AtLeast { green, amber } => {
                write!(f, "green at least {green}, amber at least {amber}")
            }
            Self::AtMost { green, amber } => {
                write!(f, "green at most {green}, amber at most {amber}")
            }
            Self::Rule { rule } => f.write_str(rule),
        }
    }
}

/// A column of a breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// Stable id, e.g. `people`.
    pub id: String,
    /// Heading, e.g. "People".
    pub title: String,
}

/// A row of a breakdown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// Stable key: an entity id, or a vocabulary spelling such as `nhs`.
    pub key: String,
    /// What the row is, for people: an organisation's name, "NHS".
    pub label: String,
    /// The entity the row is about, where it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<JsonPointer>,
    /// One value per column.
    pub cells: Vec<Value>,
}

/// A table behind an indicator: by sector, by body, by locality, ...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Breakdown {
    /// Stable id within the indicator, e.g. `by_sector`.
    pub id: String,
    /// Heading, e.g. "By sector".
    pub title: String,
    /// The columns (the row label is not a column).
    pub columns: Vec<Column>,
    /// The rows, in a stable order.
    pub rows: Vec<Row>,
}

impl Breakdown {
    /// The column position of `id`.
    #[must_use]
    pub fn column(&self, id: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.id == id)
    }
}

/// One entity behind a figure: what to open to check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The entity's id.
    pub id: Uuid,
    /// Where it is in the document.
    pub path: JsonPointer,
    /// What it is, for people (a name or title; never a person's name).
    pub label: String,
    /// Why it counts, e.g. "vacant", "review overdue since 2026-01-10".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Who or what a figure counts, and how many: what a comparison checks
/// before it calls a change an improvement (a vacancy rate over five
/// organisations is not comparable with one over two).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Basis {
    /// How many were counted.
    pub count: u64,
    /// What they are, e.g. "organisations reporting staffing", "active members".
    pub what: String,
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.count, self.what)
    }
}

/// A count per so many of the activity it scales with (missed registrations
/// per 100 registrations): comparable when the activity grows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rate {
    /// The things counted (the headline count).
    pub numerator: u64,
    /// The activity they are out of.
    pub denominator: u64,
    /// Per how many of the activity (100).
    pub per: u64,
    /// What the activity is, e.g. "registrations".
    pub of: String,
    /// `numerator × per / denominator`; absent when the denominator is 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<f64>,
}

impl Rate {
    /// `numerator` per `per` of `denominator` `of`.
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    pub fn new(numerator: u64, denominator: u64, per: u64, of: impl Into<String>) -> Self {
        Self {
            numerator,
            denominator,
            per,
            of: of.into(),
            rate: (denominator > 0).then(|| numerator as f64 * per as f64 / denominator as f64),
        }
    }
}

impl fmt::Display for Rate {
    /// `9.1 per 100 registrations`, or `n/a (no registrations)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.rate {
            Some(rate) => write!(f, "{rate:.1} per {} {}", self.per, self.of),
            None => write!(f, "n/a (no {})", self.of),
        }
    }
}

/// One indicator, evaluated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable id, `theme.name`, e.g. `leadership.coordinator_post`.
    pub id: String,
    /// The theme it belongs to.
    pub theme: Theme,
    /// Title, e.g. "Network co-ordinator post funded and filled".
    pub title: String,
    /// How it is computed, in a sentence or two.
    pub definition: String,
    /// The headline figure.
    pub value: Value,
    /// What the figure counts, e.g. "bodies", "people", "WTE".
    pub unit: String,
    /// Which way is better.
    pub direction: Direction,
    /// The RAG rating; absent for context indicators and undefined shares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rag: Option<Rag>,
    /// The bands or rule the rating used; absent for context indicators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<ThresholdUsed>,
    /// Tables behind the figure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breakdowns: Vec<Breakdown>,
    /// The entities behind the figure, sorted by path, at most the settings'
    /// evidence limit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Evidence items left out by the limit.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub evidence_omitted: u64,
    /// Who or what the figure counts, and how many (the denominator of a
    /// share, the organisations reporting, the activity a count scales
    /// with); absent where the figure has no such basis (yes/no, a count of
    /// the things themselves).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
    /// For a count that scales with activity, the count per 100 of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Rate>,
    /// Snapshot records left out because they were older than the settings'
    /// `stale_after_months` on the report date (listed in a `stale` breakdown).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub stale: u64,
    /// The top-level collections of the document the figure reads.
    pub sources: Vec<String>,
    /// Error findings in those collections: when above 0 the figure may be wrong.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub source_errors: u64,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
const fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Indicator {
    /// The breakdown with this id.
    #[must_use]
    pub fn breakdown(&self, id: &str) -> Option<&Breakdown> {
        self.breakdowns.iter().find(|b| b.id == id)
    }
}

/// The validation findings of the document evaluated, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidationSummary {
    /// Error findings: the document is inconsistent somewhere.
    pub errors: u64,
    /// Warning findings (governance signals).
    pub warnings: u64,
    /// Informational findings.
    pub infos: u64,
}

/// Said when the document has error findings: which figures may be affected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataWarning {
    /// The warning in a sentence.
    pub message: String,
    /// Ids of the indicators reading a collection with an error finding.
    pub affected: Vec<String>,
}

/// How many indicators have each rating.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RagSummary {
    /// Rated green.
    pub green: u64,
    /// Rated amber.
    pub amber: u64,
    /// Rated red.
    pub red: u64,
    /// Not rated (context indicators and undefined shares).
    pub not_rated: u64,
}

impl RagSummary {
    /// Counts the ratings of `indicators`.
    pub fn of<'a>(indicators: impl IntoIterator<Item = &'a Indicator>) -> Self {
        let mut summary = Self::default();
        for indicator in indicators {
            let slot = match indicator.rag {
                Some(Rag::Green) => &mut summary.green,
                Some(Rag::Amber) => &mut summary.amber,
                Some(Rag::Red) => &mut summary.red,
                _ => &mut summary.not_rated,
            };
            *slot += 1;
        }
        summary
    }
}

/// The network an evaluation is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NetworkSummary {
    /// The network's id.
    pub id: NetworkId,
    /// Its name.
    pub name: String,
}

/// The evaluation of a network as of a date: see [`crate::evaluate`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluationReport {
    /// The network evaluated.
    pub network: NetworkSummary,
    /// The date the report is as of.
    pub as_of: NaiveDate,
    /// The window for activity figures (meetings, training, audits), ending
    /// on `as_of`.
    pub window: Period,
    /// The settings used.
    pub settings: EvaluationSettings,
    /// The document's validation findings, counted.
    pub validation: ValidationSummary,
    /// Present when the document has error findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<DataWarning>,
    /// Ratings counted.
    pub summary: RagSummary,
    /// Every indicator, grouped by theme in [`Theme::ALL`] order.
    pub indicators: Vec<Indicator>,
    /// The comparison with an earlier report, when one was asked for
    /// ([`EvaluationReport::with_comparison`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
}

impl EvaluationReport {
    /// The indicator with this id.
    #[must_use]
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The indicators of one theme, in report order.
    pub fn theme(&self, theme: Theme) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(move |i| i.theme == theme)
    }

    /// This report with its comparison against `earlier` attached
    /// ([`crate::compare()`]`(earlier, self)`).
    #[must_use]
    pub fn with_comparison(mut self, earlier: &Self) -> Self {
        self.comparison = Some(crate::compare(earlier, &self));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_is_a_sound_vocabulary() {
        assert!(mcn_core::vocab::serde_mismatches::<Theme>().is_empty());
        for &theme in <Theme as Vocabulary>::ALL {
            assert_eq!(theme.as_str().parse::<Theme>(), Ok(theme));
        }
    }
}
