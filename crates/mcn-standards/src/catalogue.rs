//! Built-in catalogue: NICE QS160 and NICE NG61, ready to load into a network.
//!
//! Sources (the wording here is our own paraphrase, never NICE's text):
//!
//! - NICE quality standard QS160, *End of life care for infants, children and
//!   young people*, published 12 September 2017,
//!   <https://www.nice.org.uk/guidance/qs160>: six quality statements, each
//!   with structure, process and outcome measures.
//! - NICE guideline NG61, *End of life care for infants, children and young
//!   people with life-limiting conditions: planning and management*, published
//!   7 December 2016, last updated 25 July 2019,
//!   <https://www.nice.org.uk/guidance/ng61>; QS160 is based on it.
//!
//! Every entry has **fixed ids** (the same on every call and in every build),
//! so loading the catalogue twice yields the same standards and measures, and
//! audit results submitted against a catalogue measure stay attached to it.
//!
//! **Status.** Publication by NICE is not endorsement by the network: in this
//! model `endorsed` means the network endorsed the standard through one of its
//! own governance decisions. Each entry therefore enters the network as a
//! `draft`, dated on the day NICE published it (the day it became available to
//! adopt). The network then consults on it and endorses it, appending the
//! status changes and setting `endorsed_by`, `effective` and `review_by`.
//!
//! **Targets.** NICE sets no numeric targets; measures come without one, for
//! the network to set.

use mcn_core::{
    History, NaiveDate, Note, Text,
    id::{MeasureId, StandardId},
};

use crate::{
    Measure, MeasureKind, SourceKind, Standard, StandardCode, StandardKind, StandardSource,
    StandardStatus,
};

/// The day NICE published QS160.
pub const QS160_PUBLISHED: NaiveDate = date(2017, 9, 12);
/// The day NICE published NG61.
pub const NG61_PUBLISHED: NaiveDate = date(2016, 12, 7);
/// The day NICE last updated NG61.
pub const NG61_UPDATED: NaiveDate = date(2019, 7, 25);

const QS160_TITLE: &str = "End of life care for infants, children and young people";
const QS160_URL: &str = "https://www.nice.org.uk/guidance/qs160";
const NG61_TITLE: &str = "End of life care for infants, children and young people with life-limiting conditions: planning and management";
const NG61_URL: &str = "https://www.nice.org.uk/guidance/ng61";

/// Fixed ids: `4e494345` is ASCII "NICE", then the document number (`0160`,
/// `0061`), UUID version 8 (custom) and variant bits, then statement and
/// measure numbers in the last group (`0s00` a statement, `0smm` its measures).
const QS160_BASE: u128 = 0x4e49_4345_0160_8000_8000_0000_0000_0000;
const NG61_BASE: u128 = 0x4e49_4345_0061_8000_8000_0000_0000_0000;

const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

/// The six NICE QS160 quality statements, in statement order, codes
/// `NICE-QS160-1` to `NICE-QS160-6`, each a `draft` with at least one
/// structure or process measure (see the [module docs](self)).
///
/// ```
/// let qs160 = mcn_standards::catalogue::nice_qs160();
/// assert_eq!(qs160.len(), 6);
/// assert_eq!(qs160[5].code.as_str(), "NICE-QS160-6");
/// assert_eq!(qs160, mcn_standards::catalogue::nice_qs160()); // same ids every time
/// ```
#[must_use]
pub fn nice_qs160() -> Vec<Standard> {
    let source = qs160_source();
    QS160
        .iter()
        .filter_map(|def| def.build(QS160_BASE, source.as_ref()))
        .collect()
}

/// The NICE NG61 guideline as one entry, code `NICE-NG61`, with one structure
/// measure (see the [module docs](self)).
///
/// ```
/// let ng61 = mcn_standards::catalogue::nice_ng61();
/// assert_eq!(ng61.len(), 1);
/// assert_eq!(ng61[0].source.reference.as_str(), "NG61");
/// ```
#[must_use]
pub fn nice_ng61() -> Vec<Standard> {
    NG61.build(NG61_BASE, ng61_source().as_ref())
        .into_iter()
        .collect()
}

/// [`nice_ng61`] followed by [`nice_qs160`].
#[must_use]
pub fn all() -> Vec<Standard> {
    let mut all = nice_ng61();
    all.extend(nice_qs160());
    all
}

fn qs160_source() -> Option<StandardSource> {
    Some(StandardSource {
        kind: SourceKind::NiceQualityStandard,
        reference: Text::new("QS160").ok()?,
        title: Text::new(QS160_TITLE).ok(),
        published_on: Some(QS160_PUBLISHED),
        updated_on: None,
        url: Text::new(QS160_URL).ok(),
    })
}

fn ng61_source() -> Option<StandardSource> {
    Some(StandardSource {
        kind: SourceKind::NiceGuideline,
        reference: Text::new("NG61").ok()?,
        title: Text::new(NG61_TITLE).ok(),
        published_on: Some(NG61_PUBLISHED),
        updated_on: Some(NG61_UPDATED),
        url: Text::new(NG61_URL).ok(),
    })
}

/// A catalogue entry as static text; [`Def::build`] parses it. The texts are
/// literals checked by the tests (a malformed one would drop the entry, which
/// the catalogue tests catch), so building never panics.
struct Def {
    number: u8,
    code: &'static str,
    kind: StandardKind,
    title: &'static str,
    summary: &'static str,
    version: &'static str,
    published: NaiveDate,
    evidence: &'static str,
    measures: &'static [MeasureDef],
}

struct MeasureDef {
    number: u8,
    kind: MeasureKind,
    description: &'static str,
    numerator: &'static str,
    denominator: &'static str,
    data_source: &'static str,
}

impl Def {
    fn build(&self, base: u128, source: Option<&StandardSource>) -> Option<Standard> {
        let standard_number = u128::from(self.number) << 8;
        let measures = self
            .measures
            .iter()
            .map(|m| m.build(base | standard_number | u128::from(m.number)))
            .collect::<Option<Vec<_>>>()?;
        Some(Standard {
            id: StandardId::from_u128(base | standard_number),
            code: StandardCode::new(self.code).ok()?,
            title: Text::new(self.title).ok()?,
            summary: Some(Note::new(self.summary).ok()?),
            kind: self.kind,
            source: source?.clone(),
            version: Text::new(self.version).ok()?,
            status: History::starting(StandardStatus::Draft, self.published),
            effective: None,
            review_by: None,
            supersedes: None,
            endorsed_by: None,
            evidence: Some(Note::new(self.evidence).ok()?),
            measures,
        })
    }
}

impl MeasureDef {
    fn build(&self, id: u128) -> Option<Measure> {
        Some(Measure {
            id: MeasureId::from_u128(id),
            kind: self.kind,
            description: Text::new(self.description).ok()?,
            numerator: Note::new(self.numerator).ok()?,
            denominator: Note::new(self.denominator).ok()?,
            target: None,
            data_source: Some(Note::new(self.data_source).ok()?),
        })
    }
}

const QS160_EVIDENCE: &str = "NICE quality standard QS160 (published 12 September 2017), built on NICE guideline NG61. Statement and measures paraphrased by the network; see the NICE page for the published text.";
const LOCAL_RECORDS: &str = "The organisation's own care records or a local audit of them.";
const LOCAL_SERVICE_DATA: &str =
    "The organisation's service specifications, rotas and written procedures.";

const QS160: &[Def] = &[
    Def {
        number: 1,
        code: "NICE-QS160-1",
        kind: StandardKind::QualityStatement,
        title: "Advance care planning",
        summary: "Every infant, child or young person with a life-limiting condition, together with their parents or carers, takes part in drawing up a plan for their future care, including care at the end of life.",
        version: "September 2017",
        published: QS160_PUBLISHED,
        evidence: QS160_EVIDENCE,
        measures: &[
            MeasureDef {
                number: 1,
                kind: MeasureKind::Structure,
                description: "Services with written arrangements for making advance care plans together with families",
                numerator: "Services in the denominator that have written arrangements making sure advance care plans are drawn up together with the child or young person and their parents or carers.",
                denominator: "Services run by the organisation that care for infants, children or young people with a life-limiting condition.",
                data_source: LOCAL_SERVICE_DATA,
            },
            MeasureDef {
                number: 2,
                kind: MeasureKind::Process,
                description: "Children and young people whose advance care plan was made with them and their family",
                numerator: "Children and young people in the denominator whose record shows an advance care plan that they, their parents or carers (or both) helped to draw up.",
                denominator: "Children and young people with a life-limiting condition cared for by the organisation during the reporting period.",
                data_source: LOCAL_RECORDS,
            },
        ],
    },
    Def {
        number: 2,
        code: "NICE-QS160-2",
        kind: StandardKind::QualityStatement,
        title: "Named medical specialist",
        summary: "Each infant, child or young person with a life-limiting condition has one named senior doctor from the relevant specialty who leads their care and coordinates it across services.",
        version: "September 2017",
        published: QS160_PUBLISHED,
        evidence: QS160_EVIDENCE,
        measures: &[MeasureDef {
            number: 1,
            kind: MeasureKind::Process,
            description: "Children and young people with a named lead medical specialist",
            numerator: "Children and young people in the denominator whose record names the medical specialist who leads and coordinates their care.",
            denominator: "Children and young people with a life-limiting condition cared for by the organisation during the reporting period.",
            data_source: LOCAL_RECORDS,
        }],
    },
    Def {
        number: 3,
        code: "NICE-QS160-3",
        kind: StandardKind::QualityStatement,
        title: "Information on emotional and psychological support",
        summary: "Children and young people with a life-limiting condition and their parents or carers are told what emotional and psychological support is available and how to reach it.",
        version: "September 2017",
        published: QS160_PUBLISHED,
        evidence: QS160_EVIDENCE,
        measures: &[MeasureDef {
            number: 1,
            kind: MeasureKind::Process,
            description: "Families given information on emotional and psychological support and how to access it",
            numerator: "Children and young people in the denominator whose record shows that they, or their parents or carers, were given information about emotional and psychological support, including how to get it.",
            denominator: "Children and young people with a life-limiting condition cared for by the organisation during the reporting period.",
            data_source: LOCAL_RECORDS,
        }],
    },
    Def {
        number: 4,
        code: "NICE-QS160-4",
        kind: StandardKind::QualityStatement,
        title: "Multidisciplinary team including specialist palliative care",
        summary: "Care for infants, children and young people with a life-limiting condition comes from a team of several professions that includes people from a specialist paediatric palliative care team.",
        version: "September 2017",
        published: QS160_PUBLISHED,
        evidence: QS160_EVIDENCE,
        measures: &[
            MeasureDef {
                number: 1,
                kind: MeasureKind::Structure,
                description: "Multidisciplinary teams with specialist paediatric palliative care members",
                numerator: "Teams in the denominator whose membership includes at least one member of a specialist paediatric palliative care team.",
                denominator: "Multidisciplinary teams in the organisation caring for infants, children or young people with a life-limiting condition.",
                data_source: LOCAL_SERVICE_DATA,
            },
            MeasureDef {
                number: 2,
                kind: MeasureKind::Process,
                description: "Children and young people cared for by a team with specialist palliative care members",
                numerator: "Children and young people in the denominator whose care team included a member of a specialist paediatric palliative care team.",
                denominator: "Children and young people with a life-limiting condition cared for by the organisation during the reporting period.",
                data_source: LOCAL_RECORDS,
            },
        ],
    },
    Def {
        number: 5,
        code: "NICE-QS160-5",
        kind: StandardKind::QualityStatement,
        title: "Support for grief and loss",
        summary: "Parents or carers of an infant, child or young person nearing the end of life are offered help with grief and loss, both before and after the death.",
        version: "September 2017",
        published: QS160_PUBLISHED,
        evidence: QS160_EVIDENCE,
        measures: &[MeasureDef {
            number: 1,
            kind: MeasureKind::Process,
            description: "Bereaved parents or carers offered support for grief and loss",
            numerator: "Children and young people in the denominator whose parents or carers were offered support for grief and loss, as shown in the record.",
            denominator: "Children and young people with a life-limiting condition cared for by the organisation who died during the reporting period.",
            data_source: LOCAL_RECORDS,
        }],
    },
    Def {
        number: 6,
        code: "NICE-QS160-6",
        kind: StandardKind::QualityStatement,
        title: "Round-the-clock nursing and consultant advice at home",
        summary: "When an infant, child or young person nearing the end of life is being cared for at home, the family can reach children's nursing care and advice from a consultant in paediatric palliative care at any hour of the day or night.",
        version: "September 2017",
        published: QS160_PUBLISHED,
        evidence: QS160_EVIDENCE,
        measures: &[
            MeasureDef {
                number: 1,
                kind: MeasureKind::Structure,
                description: "Localities served with both 24-hour children's nursing and 24-hour consultant advice",
                numerator: "Localities in the denominator where the organisation (alone or with partners) provides both children's nursing care and paediatric palliative care consultant advice 24 hours a day.",
                denominator: "Localities the organisation serves for children's end of life care at home.",
                data_source: LOCAL_SERVICE_DATA,
            },
            MeasureDef {
                number: 2,
                kind: MeasureKind::Process,
                description: "Children and young people at home near the end of life with 24-hour nursing and consultant advice",
                numerator: "Children and young people in the denominator whose family could reach both children's nursing care and paediatric palliative care consultant advice at any time of day or night.",
                denominator: "Children and young people approaching the end of life and cared for at home by the organisation during the reporting period.",
                data_source: LOCAL_RECORDS,
            },
        ],
    },
];

const NG61: Def = Def {
    number: 1,
    code: "NICE-NG61",
    kind: StandardKind::Guideline,
    title: "End of life care for children with life-limiting conditions",
    summary: "NICE's guideline on planning and managing end of life and palliative care for infants, children and young people with life-limiting conditions: advance care planning, emotional and psychological support, managing distressing symptoms, care at home, and support for families and staff around and after a death.",
    version: "July 2019 update",
    published: NG61_PUBLISHED,
    evidence: "NICE guideline NG61 (published 7 December 2016, last updated 25 July 2019). Summary paraphrased by the network; see the NICE page for the published recommendations.",
    measures: &[MeasureDef {
        number: 1,
        kind: MeasureKind::Structure,
        description: "Services whose local guidance has been reviewed against NG61",
        numerator: "Services in the denominator whose local guidance on children's end of life care has been checked against NG61 in the last three years.",
        denominator: "Services run by the organisation that care for infants, children or young people with a life-limiting condition.",
        data_source: LOCAL_SERVICE_DATA,
    }],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_the_published_ones() {
        assert_eq!(QS160_PUBLISHED.to_string(), "2017-09-12");
        assert_eq!(NG61_PUBLISHED.to_string(), "2016-12-07");
        assert_eq!(NG61_UPDATED.to_string(), "2019-07-25");
    }

    #[test]
    fn ids_are_fixed_and_readable() {
        let qs160 = nice_qs160();
        assert_eq!(
            qs160[0].id.to_string(),
            "4e494345-0160-8000-8000-000000000100"
        );
        assert_eq!(
            qs160[5].measures[1].id.to_string(),
            "4e494345-0160-8000-8000-000000000602"
        );
        assert_eq!(
            nice_ng61()[0].id.to_string(),
            "4e494345-0061-8000-8000-000000000100"
        );
    }

    #[test]
    fn every_definition_builds() {
        assert_eq!(nice_qs160().len(), QS160.len());
        assert_eq!(nice_ng61().len(), 1);
        let measures: usize = QS160.iter().map(|d| d.measures.len()).sum();
        assert_eq!(
            nice_qs160().iter().map(|s| s.measures.len()).sum::<usize>(),
            measures
        );
    }
}
