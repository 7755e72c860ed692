//! Localities: the areas a network covers (region → integrated care system →
//! place), with the population figures equity reporting is built on.

use mcn_core::{Text, id::LocalityId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use mcn_core::vocabulary;

vocabulary! {
    /// The level of a locality, from the widest to the narrowest.
    LocalityKind {
        /// An NHS region (e.g. North East and Yorkshire).
        Region => "region",
        /// An integrated care system, within a region.
        IntegratedCareSystem => "integrated_care_system",
        /// A place (usually a local authority area), within an integrated care system.
        Place => "place",
    }
}

impl LocalityKind {
    /// The depth of the level: region 0, integrated care system 1, place 2. A
    /// locality's parent should be at a smaller depth.
    #[must_use]
    pub const fn depth(self) -> u8 {
        match self {
            Self::Region => 0,
            Self::IntegratedCareSystem => 1,
            Self::Place => 2,
        }
    }
}

/// Prevalence of life-limiting conditions among children and young people aged
/// 0–19 in England, per 10,000: 66.4 in 2017/18, rounded to 66.
///
/// Source: Fraser LK, Gibson-Smith D, Jarvis S, Norman P, Parslow RC. *Estimating
/// the current and future prevalence of life-limiting conditions in children in
/// England.* Palliative Medicine 2021;35(9):1641–1651 (published online December
/// 2020), doi:10.1177/0269216320975308.
pub const LLC_PREVALENCE_PER_10_000: u64 = 66;

/// The estimated number of children and young people with a life-limiting
/// condition in a population aged 0–19, at [`LLC_PREVALENCE_PER_10_000`], rounded
/// to the nearest whole child (halves up).
///
/// ```
/// use mcn_organisations::estimate_children_with_llc;
/// assert_eq!(estimate_children_with_llc(100_000), 660);
/// assert_eq!(estimate_children_with_llc(1_000), 7); // 6.6 rounds up
/// assert_eq!(estimate_children_with_llc(0), 0);
/// ```
#[must_use]
pub fn estimate_children_with_llc(population_0_19: u64) -> u64 {
    let scaled = u128::from(population_0_19) * u128::from(LLC_PREVALENCE_PER_10_000) + 5_000;
    u64::try_from(scaled / 10_000).unwrap_or(u64::MAX)
}

/// An area the network covers.
///
/// Rules (reported by [`crate::validate`]): parents form no cycle
/// (`organisations.locality.cycle`), a parent is at a wider level
/// (`organisations.locality.parent_kind`), and the estimate of children with a
/// life-limiting condition does not exceed the population aged 0–19
/// (`organisations.locality.estimate_exceeds_population`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Locality {
    /// The locality's id.
    pub id: LocalityId,
    /// Its name, e.g. "North Yorkshire".
    pub name: Text,
    /// Its level.
    pub kind: LocalityKind,
    /// The wider locality it lies in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<LocalityId>,
    /// Number of children and young people aged 0–19 living there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population_0_19: Option<u64>,
    /// Estimated number of children and young people aged 0–19 with a
    /// life-limiting condition, where a local figure is known; otherwise
    /// [`Locality::llc_estimate`] derives one from the population.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children_with_llc_estimate: Option<u64>,
}

impl Locality {
    /// A locality with no parent and no figures.
    #[must_use]
    pub const fn new(id: LocalityId, name: Text, kind: LocalityKind) -> Self {
        Self {
            id,
            name,
            kind,
            parent: None,
            population_0_19: None,
            children_with_llc_estimate: None,
        }
    }

    /// The estimated number of children with a life-limiting condition: the
    /// stated estimate, else one derived from `population_0_19` with
    /// [`estimate_children_with_llc`], else `None`.
    #[must_use]
    pub fn llc_estimate(&self) -> Option<u64> {
        self.children_with_llc_estimate
            .or_else(|| self.population_0_19.map(estimate_children_with_llc))
    }

    /// `"Name" (id)`, for messages.
    #[must_use]
    pub fn describe(&self) -> String {
        format!("\"{}\" ({})", self.name, self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depths() {
        assert!(LocalityKind::Region.depth() < LocalityKind::IntegratedCareSystem.depth());
        assert!(LocalityKind::IntegratedCareSystem.depth() < LocalityKind::Place.depth());
    }

    #[test]
    fn estimate_rounds_half_up_and_never_overflows() {
        assert_eq!(estimate_children_with_llc(10_000), 66);
        assert_eq!(estimate_children_with_llc(75), 0); // 0.495
        assert_eq!(estimate_children_with_llc(76), 1); // 0.5016
        let expected = (u128::from(u64::MAX) * 66 + 5_000) / 10_000;
        assert_eq!(u128::from(estimate_children_with_llc(u64::MAX)), expected);
    }

    #[test]
    fn llc_estimate_prefers_the_stated_figure() {
        let mut l = Locality::new(
            LocalityId::generate(),
            Text::new("Place").unwrap(),
            LocalityKind::Place,
        );
        assert_eq!(l.llc_estimate(), None);
        l.population_0_19 = Some(200_000);
        assert_eq!(l.llc_estimate(), Some(1_320));
        l.children_with_llc_estimate = Some(1_500);
        assert_eq!(l.llc_estimate(), Some(1_500));
    }

    #[test]
    fn serde_shape() {
        let id = LocalityId::generate();
        let json =
            format!(r#"{{"id":"{id}","name":"Leeds","kind":"place","population_0_19":180000}}"#);
        let l: Locality = serde_json::from_str(&json).unwrap();
        assert_eq!(l.population_0_19, Some(180_000));
        assert_eq!(serde_json::to_string(&l).unwrap(), json);
        assert!(serde_json::from_str::<Locality>(&json.replace("180000", "-1")).is_err());
    }
}
