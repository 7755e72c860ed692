//! Identifiers issued by outside registries: NHS ODS codes, charity and company
//! numbers, professional registrations.
//!
//! Each [`IdentifierSystem`] knows the format of its values, its system URI (the
//! FHIR `Identifier.system`) and, for organisations, its org-id.guide prefix.
//! One table of formats drives both the Rust check and the JSON Schema pattern,
//! so the two cannot drift apart.
//!
//! Letters are case-insensitive on input and normalised to upper case
//! (`rcb` loads as `RCB`); white space is never allowed inside a value.

use std::{borrow::Cow, fmt};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::text::{control, white_space};

/// Why an identifier was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdentifierError {
    /// The value does not fit its system's format.
    #[error("invalid {system} identifier {value:?}: expected {expected}")]
    Format {
        /// The system's short name.
        system: String,
        /// The offending value.
        value: String,
        /// The format expected.
        expected: &'static str,
    },
    /// The system is neither a known short name nor an absolute URI.
    #[error(
        "unknown identifier system {0:?}: expected one of ods, charity_england_wales, \
         charity_scotland, charity_northern_ireland, companies_house, gmc, nmc, hcpc, \
         or an absolute URI such as \"https://example.org/ids\""
    )]
    UnknownSystem(String),
    /// An `other` system URI that is the URI of a known system.
    #[error("identifier system URI {uri:?} is the {short} system: write \"{short}\" instead")]
    KnownUri {
        /// The URI given.
        uri: String,
        /// The short name to use.
        short: &'static str,
    },
}

/// One piece of an identifier format.
#[derive(Debug, Clone, Copy)]
enum Seg {
    /// `min..=max` ASCII digits.
    Digits(usize, usize),
    /// One digit 1–9.
    NonZeroDigit,
    /// `min..=max` ASCII letters.
    Letters(usize, usize),
    /// `min..=max` ASCII letters or digits.
    Alnum(usize, usize),
    /// Exactly this text (letters case-insensitive).
    Lit(&'static str),
}

impl Seg {
    fn accepts(self, b: u8) -> bool {
        match self {
            Self::Digits(..) => b.is_ascii_digit(),
            Self::NonZeroDigit => matches!(b, b'1'..=b'9'),
            Self::Letters(..) => b.is_ascii_uppercase(),
            Self::Alnum(..) => b.is_ascii_uppercase() || b.is_ascii_digit(),
            Self::Lit(_) => false,
        }
    }

    fn bounds(self) -> (usize, usize) {
        match self {
            Self::Digits(min, max) | Self::Letters(min, max) | Self::Alnum(min, max) => (min, max),
            Self::NonZeroDigit => (1, 1),
            Self::Lit(s) => (s.len(), s.len()),
        }
    }

    fn pattern(self) -> String {
        let class = match self {
            Self::Digits(..) => "[0-9]",
            Self::NonZeroDigit => return "[1-9]".to_owned(),
            Self::Letters(..) => "[A-Za-z]",
            Self::Alnum(..) => "[A-Za-z0-9]",
            Self::Lit(s) => {
                return s
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphabetic() {
                            format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
                        } else if "^$\\.*+?()[]{}|/".contains(c) {
                            format!("\\{c}")
                        } else {
                            // Escaping anything else (`\-`) is an error in
                            // ECMAScript's unicode mode, which Ajv uses.
                            c.to_string()
                        }
                    })
                    .collect();
            }
        };
        let (min, max) = self.bounds();
        if min == max {
            format!("{class}{{{min}}}")
        } else {
            format!("{class}{{{min},{max}}}")
        }
    }
}

/// Whether `value` (already upper-cased) matches `segs` exactly.
fn matches(value: &[u8], segs: &[Seg]) -> bool {
    let Some((&seg, rest)) = segs.split_first() else {
        return value.is_empty();
    };
    if let Lit(lit) = seg {
        return value
            .strip_prefix(lit.as_bytes())
            .is_some_and(|tail| matches(tail, rest));
    }
    let (min, max) = seg.bounds();
    let run = value
        .iter()
        .take(max)
        .take_while(|&&b| seg.accepts(b))
        .count();
    (min..=run)
        .rev()
        .any(|n| value.get(n..).is_some_and(|tail| matches(tail, rest)))
}

/// A format: alternatives, each a sequence of segments, with a description.
struct Format {
    alternatives: &'static [&'static [Seg]],
    expected: &'static str,
}

impl Format {
    fn check(&self, value: &str) -> bool {
        let upper = value.to_ascii_uppercase();
        self.alternatives
            .iter()
            .any(|alt| matches(upper.as_bytes(), alt))
    }

    fn pattern(&self) -> String {
        let alternatives: Vec<String> = self
            .alternatives
            .iter()
            .map(|alt| alt.iter().map(|s| s.pattern()).collect())
            .collect();
        format!("^({})$", alternatives.join("|"))
    }
}

use Seg::{Alnum, Digits, Letters, Lit, NonZeroDigit};

/// The registry an identifier comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum IdentifierSystem {
    /// NHS Organisation Data Service code (trusts, sites, GP practices, ICBs).
    Ods,
    /// Charity Commission for England and Wales registered charity number.
    CharityEnglandWales,
    /// Office of the Scottish Charity Regulator (OSCR) number.
    CharityScotland,
    /// Charity Commission for Northern Ireland number.
    CharityNorthernIreland,
    /// Companies House company number.
    CompaniesHouse,
    /// General Medical Council reference number (doctors).
    Gmc,
    /// Nursing and Midwifery Council PIN (nurses, midwives, nursing associates).
    Nmc,
    /// Health and Care Professions Council registration (allied health professionals,
    /// practitioner psychologists, ...).
    Hcpc,
    /// Any other registry, named by an absolute URI.
    Other(String),
}

/// The known systems, in a fixed order.
pub const KNOWN_SYSTEMS: [IdentifierSystem; 8] = [
    IdentifierSystem::Ods,
    IdentifierSystem::CharityEnglandWales,
    IdentifierSystem::CharityScotland,
    IdentifierSystem::CharityNorthernIreland,
    IdentifierSystem::CompaniesHouse,
    IdentifierSystem::Gmc,
    IdentifierSystem::Nmc,
    IdentifierSystem::Hcpc,
];

const OTHER_FORMAT: Format = Format {
    alternatives: &[],
    expected: "1 to 256 characters without white space",
};

impl IdentifierSystem {
    /// The short name used in documents (`ods`), or the URI of an `Other` system.
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            Self::Ods => "ods",
            Self::CharityEnglandWales => "charity_england_wales",
            Self::CharityScotland => "charity_scotland",
            Self::CharityNorthernIreland => "charity_northern_ireland",
            Self::CompaniesHouse => "companies_house",
            Self::Gmc => "gmc",
            Self::Nmc => "nmc",
            Self::Hcpc => "hcpc",
            Self::Other(uri) => uri,
        }
    }

    /// The system URI used as FHIR `Identifier.system`.
    ///
    /// ODS and the professional registers use the NHS England and UK Core URIs;
    /// charity and company numbers, which have no NHS URI, use their org-id.guide
    /// list URI.
    #[must_use]
    pub fn uri(&self) -> &str {
        match self {
            Self::Ods => "https://fhir.nhs.uk/Id/ods-organization-code",
            Self::CharityEnglandWales => "https://org-id.guide/list/GB-CHC",
            Self::CharityScotland => "https://org-id.guide/list/GB-SC",
            Self::CharityNorthernIreland => "https://org-id.guide/list/GB-NIC",
            Self::CompaniesHouse => "https://org-id.guide/list/GB-COH",
            Self::Gmc => "https://fhir.hl7.org.uk/Id/gmc-number",
            Self::Nmc => "https://fhir.hl7.org.uk/Id/nmc-number",
            Self::Hcpc => "https://fhir.hl7.org.uk/Id/hcpc-number",
            Self::Other(uri) => uri,
        }
    }

    /// The system whose [`IdentifierSystem::uri`] is `uri`; any other absolute URI
    /// becomes [`IdentifierSystem::Other`].
    pub fn from_uri(uri: &str) -> Result<Self, IdentifierError> {
        KNOWN_SYSTEMS
            .into_iter()
            .find(|system| system.uri() == uri)
            .map_or_else(|| Self::other(uri), Ok)
    }

    /// An `Other` system; `uri` must be an absolute URI (`scheme:...`) that is not
    /// the URI of a known system.
    pub fn other(uri: &str) -> Result<Self, IdentifierError> {
        if let Some(known) = KNOWN_SYSTEMS.iter().find(|system| system.uri() == uri) {
            return Err(IdentifierError::KnownUri {
                uri: uri.to_owned(),
                short: known.static_name(),
            });
        }
        if is_absolute_uri(uri) {
            Ok(Self::Other(uri.to_owned()))
        } else {
            Err(IdentifierError::UnknownSystem(uri.to_owned()))
        }
    }

    /// The org-id.guide list prefix for organisation registers (`GB-NHS`, `GB-CHC`, ...).
    #[must_use]
    pub const fn org_id_prefix(&self) -> Option<&'static str> {
        match self {
            Self::Ods => Some("GB-NHS"),
            Self::CharityEnglandWales => Some("GB-CHC"),
            Self::CharityScotland => Some("GB-SC"),
            Self::CharityNorthernIreland => Some("GB-NIC"),
            Self::CompaniesHouse => Some("GB-COH"),
            Self::Gmc | Self::Nmc | Self::Hcpc | Self::Other(_) => None,
        }
    }

    /// Whether the system registers professionals (GMC, NMC, HCPC) rather than organisations.
    #[must_use]
    pub const fn is_professional_register(&self) -> bool {
        matches!(self, Self::Gmc | Self::Nmc | Self::Hcpc)
    }

    fn static_name(&self) -> &'static str {
        match self {
            Self::Ods => "ods",
            Self::CharityEnglandWales => "charity_england_wales",
            Self::CharityScotland => "charity_scotland",
            Self::CharityNorthernIreland => "charity_northern_ireland",
            Self::CompaniesHouse => "companies_house",
            Self::Gmc => "gmc",
            Self::Nmc => "nmc",
            Self::Hcpc => "hcpc",
            Self::Other(_) => "other",
        }
    }

    const fn format(&self) -> &'static Format {
        const ODS: Format = Format {
            alternatives: &[&[Alnum(1, 9)]],
            expected: "1 to 9 letters or digits, e.g. RCB, RCB01, B86022 or G7H8J",
        };
        const CHC: Format = Format {
            alternatives: &[&[Digits(6, 7)], &[Digits(6, 7), Lit("-"), Digits(1, 3)]],
            expected: "6 or 7 digits with an optional -N suffix, e.g. 1234567 or 1234567-1",
        };
        const OSCR: Format = Format {
            alternatives: &[&[Lit("SC"), Digits(6, 6)]],
            expected: "SC followed by 6 digits, e.g. SC012345",
        };
        const NIC: Format = Format {
            alternatives: &[&[Lit("NIC"), Digits(6, 6)], &[NonZeroDigit, Digits(5, 5)]],
            expected: "NIC followed by 6 digits, or a 6-digit number from 100000",
        };
        const COH: Format = Format {
            alternatives: &[
                &[Digits(8, 8)],
                &[Letters(2, 2), Digits(6, 6)],
                &[Lit("R"), Digits(7, 7)],
            ],
            expected: "8 characters: 8 digits, or 2 letters and 6 digits (e.g. 01234567, SC123456)",
        };
        const GMC: Format = Format {
            alternatives: &[&[Digits(7, 7)]],
            expected: "7 digits, e.g. 1234567",
        };
        const NMC: Format = Format {
            alternatives: &[&[Digits(2, 2), Letters(1, 1), Digits(4, 4), Letters(1, 1)]],
            expected: "a PIN of 2 digits, a letter, 4 digits and a letter, e.g. 12A3456E",
        };
        const HCPC: Format = Format {
            alternatives: &[&[Letters(2, 3), Digits(4, 6)]],
            expected: "2 or 3 letters and 4 to 6 digits, e.g. PH123456 or PYL12345",
        };
        match self {
            Self::Ods => &ODS,
            Self::CharityEnglandWales => &CHC,
            Self::CharityScotland => &OSCR,
            Self::CharityNorthernIreland => &NIC,
            Self::CompaniesHouse => &COH,
            Self::Gmc => &GMC,
            Self::Nmc => &NMC,
            Self::Hcpc => &HCPC,
            Self::Other(_) => &OTHER_FORMAT,
        }
    }

    /// A description of the values this system accepts.
    #[must_use]
    pub const fn expected_format(&self) -> &'static str {
        self.format().expected
    }

    fn normalise(&self, value: &str) -> Result<String, IdentifierError> {
        let ok = match self {
            Self::Other(_) => {
                !value.is_empty()
                    && value.chars().count() <= 256
                    && !value.chars().any(|c| c.is_whitespace() || c.is_control())
            }
            known => known.format().check(value),
        };
        if !ok {
            return Err(IdentifierError::Format {
                system: self.name().to_owned(),
                value: value.to_owned(),
                expected: self.expected_format(),
            });
        }
        Ok(match self {
            Self::Other(_) => value.to_owned(),
            _ => value.to_ascii_uppercase(),
        })
    }
}

fn is_absolute_uri(uri: &str) -> bool {
    let Some((scheme, rest)) = uri.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !uri.chars().any(char::is_whitespace)
}

impl fmt::Display for IdentifierSystem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for IdentifierSystem {
    type Err = IdentifierError;

    /// A short name (`ods`) or an absolute URI.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        KNOWN_SYSTEMS
            .into_iter()
            .find(|system| system.static_name() == s)
            .map_or_else(|| Self::other(s), Ok)
    }
}

/// An identifier: a value issued by a registry (its `system`), checked against
/// that registry's format.
///
/// ```
/// use mcn_core::{Identifier, IdentifierSystem};
/// let ods = Identifier::new(IdentifierSystem::Ods, "rcb")?;
/// assert_eq!(ods.value(), "RCB");
/// assert_eq!(ods.org_id().as_deref(), Some("GB-NHS-RCB"));
/// assert!(Identifier::new(IdentifierSystem::Gmc, "12345").is_err());
/// # Ok::<(), mcn_core::identifier::IdentifierError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawIdentifier", into = "RawIdentifier")]
pub struct Identifier {
    system: IdentifierSystem,
    value: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIdentifier {
    system: String,
    value: String,
}

impl Identifier {
    /// Checks `value` against `system`'s format and normalises its letters to upper case.
    pub fn new(system: IdentifierSystem, value: &str) -> Result<Self, IdentifierError> {
        let value = system.normalise(value)?;
        Ok(Self { system, value })
    }

    /// The registry.
    #[must_use]
    pub const fn system(&self) -> &IdentifierSystem {
        &self.system
    }

    /// The value, normalised.
    #[must_use]
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The org-id.guide identifier (`GB-CHC-1234567`) for organisation registers.
    #[must_use]
    pub fn org_id(&self) -> Option<String> {
        self.system
            .org_id_prefix()
            .map(|prefix| format!("{prefix}-{}", self.value))
    }
}

impl TryFrom<RawIdentifier> for Identifier {
    type Error = IdentifierError;

    fn try_from(raw: RawIdentifier) -> Result<Self, Self::Error> {
        Self::new(raw.system.parse()?, &raw.value)
    }
}

impl From<Identifier> for RawIdentifier {
    fn from(id: Identifier) -> Self {
        Self {
            system: id.system.name().to_owned(),
            value: id.value,
        }
    }
}

impl fmt::Display for Identifier {
    /// `ods:RCB`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.system, self.value)
    }
}

impl JsonSchema for Identifier {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Identifier")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("mcn_core::identifier::Identifier")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut branches: Vec<Value> = KNOWN_SYSTEMS
            .iter()
            .map(|system| {
                json!({
                    "type": "object",
                    "description": format!("{}: {} ({})", system.static_name(), system.uri(), system.expected_format()),
                    "properties": {
                        "system": { "const": system.static_name() },
                        "value": { "type": "string", "pattern": system.format().pattern() },
                    },
                    "required": ["system", "value"],
                    "additionalProperties": false,
                })
            })
            .collect();
        let known_uris: Vec<&str> = KNOWN_SYSTEMS.iter().map(IdentifierSystem::uri).collect();
        let known_names: Vec<&str> = KNOWN_SYSTEMS
            .iter()
            .map(IdentifierSystem::static_name)
            .collect();
        branches.push(json!({
            "type": "object",
            "description": "Another registry, named by an absolute URI.",
            "properties": {
                "system": {
                    "type": "string",
                    "pattern": concat!("^[A-Za-z][A-Za-z0-9+.-]*:[^", white_space!(), "]+$"),
                    "not": { "enum": known_uris },
                },
                "value": { "type": "string", "minLength": 1, "maxLength": 256, "pattern": concat!("^[^", control!(), white_space!(), "]+$") },
            },
            "required": ["system", "value"],
            "additionalProperties": false,
        }));
        json_schema!({
            "description": format!(
                "An identifier issued by a registry. `system` is one of {} or an absolute URI; \
                 letters in known formats are case-insensitive and stored in upper case.",
                known_names.join(", ")
            ),
            "oneOf": branches,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(system: IdentifierSystem, value: &str) -> String {
        Identifier::new(system, value).map(|id| id.value).unwrap()
    }

    fn bad(system: IdentifierSystem, value: &str) {
        let accepted = Identifier::new(system, value);
        assert!(accepted.is_err(), "{value:?} accepted as {accepted:?}");
    }

    #[test]
    fn ods_each_length_and_case() {
        assert_eq!(ok(IdentifierSystem::Ods, "RCB"), "RCB"); // trust, 3
        assert_eq!(ok(IdentifierSystem::Ods, "RCB55"), "RCB55"); // site, 5
        assert_eq!(ok(IdentifierSystem::Ods, "B86022"), "B86022"); // GP practice, 6
        assert_eq!(ok(IdentifierSystem::Ods, "G7H8J"), "G7H8J"); // ANANA
        assert_eq!(ok(IdentifierSystem::Ods, "X"), "X");
        assert_eq!(ok(IdentifierSystem::Ods, "ABCDE1234"), "ABCDE1234"); // 9
        assert_eq!(ok(IdentifierSystem::Ods, "rcb"), "RCB"); // normalised
        bad(IdentifierSystem::Ods, "");
        bad(IdentifierSystem::Ods, "ABCDE12345"); // 10
        bad(IdentifierSystem::Ods, "RC B");
        bad(IdentifierSystem::Ods, " RCB");
        bad(IdentifierSystem::Ods, "RCB-1");
    }

    #[test]
    fn charities_and_companies() {
        ok(IdentifierSystem::CharityEnglandWales, "123456");
        ok(IdentifierSystem::CharityEnglandWales, "1234567");
        ok(IdentifierSystem::CharityEnglandWales, "1234567-1");
        bad(IdentifierSystem::CharityEnglandWales, "12345");
        bad(IdentifierSystem::CharityEnglandWales, "12345678");
        bad(IdentifierSystem::CharityEnglandWales, "1234567-");
        assert_eq!(
            ok(IdentifierSystem::CharityScotland, "sc012345"),
            "SC012345"
        );
        bad(IdentifierSystem::CharityScotland, "SC12345");
        bad(IdentifierSystem::CharityScotland, "012345");
        ok(IdentifierSystem::CharityNorthernIreland, "NIC100001");
        ok(IdentifierSystem::CharityNorthernIreland, "100000");
        bad(IdentifierSystem::CharityNorthernIreland, "099999");
        bad(IdentifierSystem::CharityNorthernIreland, "NIC10000");
        ok(IdentifierSystem::CompaniesHouse, "01234567");
        ok(IdentifierSystem::CompaniesHouse, "SC123456");
        ok(IdentifierSystem::CompaniesHouse, "R0000001");
        bad(IdentifierSystem::CompaniesHouse, "1234567");
        bad(IdentifierSystem::CompaniesHouse, "SC1234567");
    }

    #[test]
    fn professional_registers() {
        ok(IdentifierSystem::Gmc, "1234567");
        bad(IdentifierSystem::Gmc, "123456");
        bad(IdentifierSystem::Gmc, "12345678");
        assert_eq!(ok(IdentifierSystem::Nmc, "12a3456e"), "12A3456E");
        bad(IdentifierSystem::Nmc, "12A34567");
        bad(IdentifierSystem::Nmc, "1AA3456E");
        ok(IdentifierSystem::Hcpc, "PH123456");
        ok(IdentifierSystem::Hcpc, "SL1234");
        ok(IdentifierSystem::Hcpc, "PYL12345"); // practitioner psychologists
        bad(IdentifierSystem::Hcpc, "P1234");
        bad(IdentifierSystem::Hcpc, "PYLX12345");
        bad(IdentifierSystem::Hcpc, "PH1234567");
        assert!(IdentifierSystem::Nmc.is_professional_register());
        assert!(!IdentifierSystem::Ods.is_professional_register());
    }

    #[test]
    fn other_systems_need_absolute_uris() {
        let system = IdentifierSystem::other("https://example.org/ids").unwrap();
        assert_eq!(
            Identifier::new(system, "any-Value_1").unwrap().value(),
            "any-Value_1"
        );
        assert!(matches!(
            "not a uri".parse::<IdentifierSystem>(),
            Err(IdentifierError::UnknownSystem(_))
        ));
        assert!(matches!(
            IdentifierSystem::other("https://fhir.nhs.uk/Id/ods-organization-code"),
            Err(IdentifierError::KnownUri { short: "ods", .. })
        ));
        assert_eq!(
            IdentifierSystem::from_uri("https://fhir.nhs.uk/Id/ods-organization-code").unwrap(),
            IdentifierSystem::Ods
        );
    }

    #[test]
    fn every_known_system_round_trips_by_name_and_uri() {
        for system in KNOWN_SYSTEMS {
            assert_eq!(system.name().parse::<IdentifierSystem>().unwrap(), system);
            assert_eq!(IdentifierSystem::from_uri(system.uri()).unwrap(), system);
        }
    }

    #[test]
    fn serde_form_and_error() {
        let id: Identifier = serde_json::from_str(r#"{"system":"ods","value":"rcb"}"#).unwrap();
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            r#"{"system":"ods","value":"RCB"}"#
        );
        let err =
            serde_json::from_str::<Identifier>(r#"{"system":"gmc","value":"12"}"#).unwrap_err();
        assert!(
            err.to_string()
                .contains("invalid gmc identifier \"12\": expected 7 digits"),
            "{err}"
        );
        assert!(
            serde_json::from_str::<Identifier>(r#"{"system":"ods","value":"RCB","x":1}"#).is_err()
        );
    }

    #[test]
    fn schema_patterns_come_from_the_same_table() {
        assert_eq!(
            IdentifierSystem::Ods.format().pattern(),
            "^([A-Za-z0-9]{1,9})$"
        );
        assert_eq!(
            IdentifierSystem::CharityNorthernIreland.format().pattern(),
            "^([Nn][Ii][Cc][0-9]{6}|[1-9][0-9]{5})$"
        );
    }
}
