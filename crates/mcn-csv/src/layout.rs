//! The table layouts: the one place that says which CSV file holds which part
//! of the document, and what each column means. Export, import, templates and
//! `docs/csv.md` all read [`TABLES`].

/// What a column holds, and so how a cell is read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// Free text (trimmed on import).
    Text,
    /// A calendar date: written `2026-03-01`; read as that or UK `01/03/2026`.
    Date,
    /// `TRUE` or `FALSE` (also `yes`/`no`, any case).
    Bool,
    /// A whole number.
    Integer,
    /// A decimal number, e.g. a WTE `0.8` or a proportion `0.75`.
    Decimal,
    /// Money in pounds with pence, e.g. `1480.50` (stored as pence).
    Money,
    /// The UUID of an entity.
    Id,
    /// A vocabulary value in `snake_case`; `Active`, `in progress` and
    /// `Children's hospice` are read as `active`, `in_progress` and
    /// `childrens_hospice`.
    Enum,
    /// Several vocabulary values or ids separated by `;`.
    List,
    /// Groups separated by `;`, alternatives within a group by `|`
    /// (`chair | vice_chair; clinical_lead`: a chair or vice-chair, and a
    /// clinical lead).
    RoleGroups,
    /// Identifiers by register, as `SYSTEM VALUE` pairs separated by `;`, in
    /// order: `ods RCB; charity_england_wales 1234567` (the system is a
    /// register's name, as in the JSON Schema, or a URI).
    Identifiers,
}

impl Kind {
    /// How the kind is described in `docs/csv.md`.
    #[must_use]
    pub const fn describe(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Date => "date",
            Self::Bool => "TRUE/FALSE",
            Self::Integer => "whole number",
            Self::Decimal => "decimal",
            Self::Money => "pounds (e.g. 1480.50)",
            Self::Id => "id (UUID)",
            Self::Enum => "vocabulary",
            Self::List => "list, `;`-separated",
            Self::RoleGroups => "role groups (`a | b; c`)",
            Self::Identifiers => "identifiers: `SYSTEM VALUE` pairs, `;`-separated",
        }
    }
}

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The header cell.
    pub header: &'static str,
    /// Where the value lives in the entity's JSON form, as `/`-separated
    /// keys (`period/start`); empty for a list of plain values, whose rows
    /// are the values themselves.
    pub path: &'static str,
    /// How cells are read and written.
    pub kind: Kind,
    /// Whether the header must be present in an imported file.
    pub required: bool,
}

/// Where a table's rows live in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// The network profile: one row (with the document's schema version).
    Profile,
    /// A top-level collection of the document, e.g. `organisations`.
    Collection(&'static str),
    /// A list inside each entity of another table.
    Nested {
        /// The parent table's name.
        parent: &'static str,
        /// Where the list lives in the parent's JSON form (`/`-separated).
        field: &'static str,
        /// The header of the column holding the parent's id (none when the
        /// parent is the one-row network profile).
        parent_column: Option<&'static str>,
    },
}

/// One CSV table: a file of the export and of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    /// The table's name; its file is `<name>.csv`.
    pub name: &'static str,
    /// What a row is.
    pub about: &'static str,
    /// Where its rows live in the document.
    pub location: Location,
    /// Its columns, in file order (after the parent id column, if any).
    pub columns: &'static [Column],
    /// Natural keys that match a row without an id to an existing entity:
    /// each a list of parts, all of which must be filled.
    pub natural_keys: &'static [&'static [KeyPart]],
}

/// One part of a natural key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPart {
    /// The value of the column with this header (compared ignoring case).
    Column(&'static str),
    /// The identifier in this register (e.g. `ods`), from the `identifiers`
    /// column (compared ignoring case).
    Identifier(&'static str),
}

impl KeyPart {
    /// How the part is named in messages and docs.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Self::Column(header) => header.to_owned(),
            Self::Identifier(system) => format!("{system} identifier"),
        }
    }
}

impl Table {
    /// The file name, `<name>.csv`.
    #[must_use]
    pub fn file_name(&self) -> String {
        format!("{}.csv", self.name)
    }

    /// The header row: the parent id column (if any), then the columns.
    pub fn headers(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.parent_column()
            .into_iter()
            .chain(self.columns.iter().map(|c| c.header))
    }

    /// The header of the parent id column of a nested table.
    #[must_use]
    pub const fn parent_column(&self) -> Option<&'static str> {
        match self.location {
            Location::Nested { parent_column, .. } => parent_column,
            _ => None,
        }
    }

    /// Whether rows carry their own `id` column.
    #[must_use]
    pub fn has_id(&self) -> bool {
        self.columns.iter().any(|c| c.path == "id")
    }
}

/// The table named `name` (as in its file name, without `.csv`).
#[must_use]
pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

const fn req(header: &'static str, path: &'static str, kind: Kind) -> Column {
    Column {
        header,
        path,
        kind,
        required: true,
    }
}

const fn opt(header: &'static str, path: &'static str, kind: Kind) -> Column {
    Column {
        header,
        path,
        kind,
        required: false,
    }
}

const fn top(
    name: &'static str,
    about: &'static str,
    columns: &'static [Column],
    natural_keys: &'static [&'static [KeyPart]],
) -> Table {
    Table {
        name,
        about,
        location: Location::Collection(name),
        columns,
        natural_keys,
    }
}

const fn nested(
    name: &'static str,
    about: &'static str,
    parent: &'static str,
    field: &'static str,
    parent_column: &'static str,
    columns: &'static [Column],
) -> Table {
    Table {
        name,
        about,
        location: Location::Nested {
            parent,
            field,
            parent_column: Some(parent_column),
        },
        columns,
        natural_keys: &[],
    }
}

use Kind::{Bool, Date, Decimal, Enum, Id, Identifiers, Integer, List, Money, RoleGroups, Text};

const ID: Column = opt("id", "id", Id);

/// A dated status history: `status`, `on`, `note`.
const HISTORY: &[Column] = &[
    req("status", "status", Enum),
    req("on", "on", Date),
    opt("note", "note", Text),
];

const PERIOD_START: Column = req("period_start", "period/start", Date);
const PERIOD_END: Column = opt("period_end", "period/end", Date);

/// Every table, parents before their nested tables, in export order.
pub const TABLES: &[Table] = &[
    Table {
        name: "network",
        about: "the network itself (one row) and the document's schema version",
        location: Location::Profile,
        columns: &[
            req("schema_version", "schema_version", Text),
            req("id", "id", Id),
            req("name", "name", Text),
            opt("specialty", "specialty", Text),
            opt("region", "region", Text),
            opt("established_on", "established_on", Date),
            opt("host_organisation", "host_organisation", Id),
            opt("coordinator_post", "coordinator_post", Id),
            opt("vision", "vision", Text),
        ],
        natural_keys: &[],
    },
    Table {
        name: "network_aims",
        about: "the network's aims, one per row, in order",
        location: Location::Nested {
            parent: "network",
            field: "aims",
            parent_column: None,
        },
        columns: &[req("aim", "", Text)],
        natural_keys: &[],
    },
    Table {
        name: "network_objectives",
        about: "the network's objectives, one per row, in order",
        location: Location::Nested {
            parent: "network",
            field: "objectives",
            parent_column: None,
        },
        columns: &[req("objective", "", Text)],
        natural_keys: &[],
    },
    top(
        "localities",
        "regions, integrated care systems and places",
        &[
            ID,
            req("name", "name", Text),
            req("kind", "kind", Enum),
            opt("parent", "parent", Id),
            opt("population_0_19", "population_0_19", Integer),
            opt(
                "children_with_llc_estimate",
                "children_with_llc_estimate",
                Integer,
            ),
        ],
        &[],
    ),
    top(
        "organisations",
        "organisations in or around the network",
        &[
            ID,
            req("name", "name", Text),
            req("kind", "kind", Enum),
            opt("kind_detail", "kind_detail", Text),
            opt("sector", "sector", Enum),
            opt("active", "active", Bool),
            opt("part_of", "part_of", Id),
            opt("successor_organisation", "successor/organisation", Id),
            opt("successor_on", "successor/on", Date),
            opt("localities", "localities", List),
            opt("identifiers", "identifiers", Identifiers),
        ],
        &[
            &[KeyPart::Identifier("ods")],
            &[KeyPart::Identifier("charity_england_wales")],
            &[KeyPart::Identifier("charity_scotland")],
            &[KeyPart::Identifier("charity_northern_ireland")],
        ],
    ),
    top(
        "memberships",
        "organisations' memberships of the network",
        &[
            ID,
            req("organisation", "organisation", Id),
            req("tier", "tier", Enum),
            opt("agreement_signed_on", "agreement_signed_on", Date),
            opt("representative", "representative", Id),
        ],
        &[],
    ),
    nested(
        "membership_status",
        "each membership's status history, oldest first",
        "memberships",
        "status",
        "membership_id",
        HISTORY,
    ),
    top(
        "services",
        "services organisations provide",
        &[
            ID,
            req("provider", "provider", Id),
            req("kind", "kind", Enum),
            opt("kind_detail", "kind_detail", Text),
            opt("name", "name", Text),
            opt("availability", "availability", Enum),
            opt("localities", "localities", List),
            opt("age_range_min_years", "age_range/min_years", Integer),
            opt("age_range_max_years", "age_range/max_years", Integer),
            opt("period_start", "period/start", Date),
            opt("period_end", "period/end", Date),
        ],
        &[],
    ),
    nested(
        "service_schedule",
        "weekly availability slots of services whose availability is a schedule \
         (leave the service's `availability` empty)",
        "services",
        "availability/weekly",
        "service_id",
        &[
            req("days_of_week", "days_of_week", List),
            opt("all_day", "all_day", Bool),
            opt("available_start_time", "available_start_time", Text),
            opt("available_end_time", "available_end_time", Text),
        ],
    ),
    top(
        "systems",
        "the technology inventory: record systems members use",
        &[
            ID,
            req("organisation", "organisation", Id),
            req("system", "system", Text),
            req("category", "category", Enum),
            req("can_share", "can_share", Enum),
            opt("note", "note", Text),
        ],
        &[],
    ),
    top(
        "people",
        "people (staff personal data)",
        &[
            ID,
            req("name", "name", Text),
            req("profession", "profession", Enum),
            opt("employer", "employer", Id),
            opt("email", "email", Text),
            opt("registration_system", "registration/system", Text),
            opt("registration_value", "registration/value", Text),
        ],
        &[
            &[
                KeyPart::Column("registration_system"),
                KeyPart::Column("registration_value"),
            ],
            &[KeyPart::Column("email")],
        ],
    ),
    top(
        "posts",
        "posts, held or vacant",
        &[
            ID,
            req("title", "title", Text),
            req("role", "role", Enum),
            req("organisation", "organisation", Id),
            opt("body", "body", Id),
            PERIOD_START,
            PERIOD_END,
            opt("max_holders", "max_holders", Integer),
            opt("funding_stream", "funding/stream", Id),
            opt("funding_wte", "funding/wte", Decimal),
            opt("funding_period_start", "funding/period/start", Date),
            opt("funding_period_end", "funding/period/end", Date),
        ],
        &[],
    ),
    top(
        "appointments",
        "appointments of people to posts",
        &[
            ID,
            req("post", "post", Id),
            req("person", "person", Id),
            PERIOD_START,
            PERIOD_END,
            req("wte", "wte", Decimal),
            opt("basis", "basis", Enum),
            opt(
                "protected_hours_per_week",
                "protected_hours_per_week",
                Decimal,
            ),
        ],
        &[],
    ),
    top(
        "staffing",
        "workforce records: funded and in-post WTE",
        &[
            ID,
            req("organisation", "organisation", Id),
            req("profession", "profession", Enum),
            opt("service", "service", Id),
            req("funded_wte", "funded_wte", Decimal),
            req("in_post_wte", "in_post_wte", Decimal),
            req("as_of", "as_of", Date),
        ],
        &[],
    ),
    top(
        "bodies",
        "governance bodies",
        &[
            ID,
            req("name", "name", Text),
            req("kind", "kind", Enum),
            req("active_start", "active/start", Date),
            opt("active_end", "active/end", Date),
            opt("reports_to", "reports_to", Id),
        ],
        &[],
    ),
    nested(
        "body_terms_of_reference",
        "each body's terms of reference, one row per version, oldest first",
        "bodies",
        "terms_of_reference",
        "body_id",
        &[
            req("version", "version", Text),
            opt("approved_on", "approved_on", Date),
            opt("approved_by", "approved_by", Id),
            req("review_by", "review_by", Date),
            req("purpose", "purpose", Text),
            opt("meeting_frequency", "meeting_frequency", Enum),
            opt(
                "meeting_frequency_every_weeks",
                "meeting_frequency/every_weeks",
                Integer,
            ),
            opt("quorum_count", "quorum/threshold/count", Integer),
            opt(
                "quorum_fraction_numerator",
                "quorum/threshold/fraction/numerator",
                Integer,
            ),
            opt(
                "quorum_fraction_denominator",
                "quorum/threshold/fraction/denominator",
                Integer,
            ),
            opt("quorum_required_roles", "quorum/required_roles", RoleGroups),
        ],
    ),
    top(
        "seats",
        "seats on governance bodies, held by a post or an organisation",
        &[
            ID,
            req("body", "body", Id),
            opt("title", "title", Text),
            opt("holder_post", "holder/post", Id),
            opt("holder_organisation", "holder/organisation", Id),
            opt("voting", "voting", Bool),
            PERIOD_START,
            PERIOD_END,
        ],
        &[],
    ),
    top(
        "meetings",
        "meetings of governance bodies",
        &[
            ID,
            req("body", "body", Id),
            req("date", "date", Date),
            opt("status", "status", Enum),
            req("format", "format", Enum),
            opt("minutes_approved_at", "minutes_approved_at", Id),
        ],
        &[],
    ),
    nested(
        "meeting_attendance",
        "who attended each meeting",
        "meetings",
        "attendance",
        "meeting_id",
        &[
            req("person", "person", Id),
            req("status", "status", Enum),
            opt("on_behalf_of", "on_behalf_of", Id),
        ],
    ),
    nested(
        "meeting_agenda",
        "each meeting's agenda items, in order",
        "meetings",
        "agenda",
        "meeting_id",
        &[
            req("title", "title", Text),
            opt("presenter", "presenter", Id),
            opt("notes", "notes", Text),
        ],
    ),
    nested(
        "meeting_decisions",
        "decisions taken at each meeting",
        "meetings",
        "decisions",
        "meeting_id",
        &[
            ID,
            req("kind", "kind", Enum),
            req("text", "text", Text),
            opt("subject_standard", "subject/standard", Id),
            opt("subject_body", "subject/body", Id),
            opt("subject_objective", "subject/objective", Id),
            opt("subject_funding_stream", "subject/funding_stream", Id),
            req("outcome", "outcome", Enum),
            opt("votes_in_favour", "votes/in_favour", Integer),
            opt("votes_against", "votes/against", Integer),
            opt("votes_abstain", "votes/abstain", Integer),
        ],
    ),
    nested(
        "meeting_actions",
        "actions agreed at each meeting",
        "meetings",
        "actions",
        "meeting_id",
        &[
            ID,
            req("description", "description", Text),
            req("owner", "owner", Id),
            req("due", "due", Date),
            req("status", "status", Enum),
            opt("completed_on", "completed_on", Date),
        ],
    ),
    top(
        "objectives",
        "the work plan",
        &[
            ID,
            req("title", "title", Text),
            req("theme", "theme", Enum),
            req("owner", "owner", Id),
            req("due", "due", Date),
            opt("rag", "rag", Enum),
            opt("outcome", "outcome", Text),
        ],
        &[],
    ),
    nested(
        "objective_stages",
        "each objective's stages, oldest first",
        "objectives",
        "stages",
        "objective_id",
        HISTORY,
    ),
    top(
        "risks",
        "the risk register",
        &[
            ID,
            req("title", "title", Text),
            req("category", "category", Enum),
            req("likelihood", "likelihood", Integer),
            req("impact", "impact", Integer),
            req("owner", "owner", Id),
            req("status", "status", Enum),
            req("review_by", "review_by", Date),
            opt("recorded_on", "recorded_on", Date),
        ],
        &[],
    ),
    nested(
        "risk_mitigations",
        "each risk's mitigations, in order",
        "risks",
        "mitigations",
        "risk_id",
        &[req("mitigation", "", Text)],
    ),
    top(
        "funding_streams",
        "funding streams; the funder is an organisation or named outside",
        &[
            ID,
            req("purpose", "purpose", Text),
            opt("funder_organisation", "funder/organisation", Id),
            opt("funder_external", "funder/external", Text),
            req("amount", "amount", Money),
            req("basis", "basis", Enum),
            PERIOD_START,
            PERIOD_END,
        ],
        &[],
    ),
    top(
        "communications",
        "communications that raise awareness of the network",
        &[
            ID,
            req("date", "date", Date),
            req("channel", "channel", Enum),
            req("topic", "topic", Text),
            opt("audience", "audience", List),
            opt("reach", "reach", Integer),
        ],
        &[],
    ),
    top(
        "courses",
        "training courses",
        &[
            ID,
            req("title", "title", Text),
            req("provider", "provider", Id),
            req("level", "level", Enum),
            req("delivery", "delivery", Enum),
            opt("outcomes", "outcomes", List),
            opt("professions", "professions", List),
            opt("cpd_hours", "cpd_hours", Decimal),
            opt("accreditation", "accreditation", Text),
        ],
        &[],
    ),
    top(
        "events",
        "training and networking events",
        &[
            ID,
            req("kind", "kind", Enum),
            opt("course", "course", Id),
            req("title", "title", Text),
            req("date", "date", Date),
            req("duration_minutes", "duration_minutes", Integer),
            req("delivery", "delivery", Enum),
            opt("level", "level", Enum),
            opt("outcomes", "outcomes", List),
            opt("locality", "locality", Id),
            opt("venue", "venue", Text),
            opt("capacity", "capacity", Integer),
            opt("cost", "cost", Money),
            req("host", "host", Id),
            req("status", "status", Enum),
        ],
        &[&[KeyPart::Column("course"), KeyPart::Column("date")]],
    ),
    top(
        "registrations",
        "registrations of people for events, with their feedback",
        &[
            ID,
            req("event", "event", Id),
            req("person", "person", Id),
            req("organisation", "organisation", Id),
            req("status", "status", Enum),
            opt("barrier", "barrier", Enum),
            opt("barrier_detail", "barrier_detail", Text),
            opt("feedback_overall", "feedback/overall", Integer),
            opt("feedback_relevance", "feedback/relevance", Integer),
            opt("feedback_would_recommend", "feedback/would_recommend", Bool),
            opt("feedback_comment", "feedback/comment", Text),
        ],
        &[],
    ),
    top(
        "training_requirements",
        "which roles or professions need which training",
        &[
            ID,
            opt("applies_to_role", "applies_to/role", Enum),
            opt("applies_to_profession", "applies_to/profession", Enum),
            req("level", "level", Enum),
            opt("outcomes", "outcomes", List),
            opt("renewal_months", "renewal_months", Integer),
            opt("note", "note", Text),
        ],
        &[],
    ),
    top(
        "standards",
        "care standards and guidelines",
        &[
            ID,
            req("code", "code", Text),
            req("title", "title", Text),
            opt("summary", "summary", Text),
            req("kind", "kind", Enum),
            req("version", "version", Text),
            req("source_kind", "source/kind", Enum),
            req("source_reference", "source/reference", Text),
            opt("source_title", "source/title", Text),
            opt("source_published_on", "source/published_on", Date),
            opt("source_updated_on", "source/updated_on", Date),
            opt("source_url", "source/url", Text),
            opt("effective_start", "effective/start", Date),
            opt("effective_end", "effective/end", Date),
            opt("endorsed_by", "endorsed_by", Id),
            opt("evidence", "evidence", Text),
            opt("review_by", "review_by", Date),
            opt("supersedes", "supersedes", Id),
        ],
        &[],
    ),
    nested(
        "standard_status",
        "each standard's status history, oldest first",
        "standards",
        "status",
        "standard_id",
        HISTORY,
    ),
    nested(
        "standard_measures",
        "each standard's measures",
        "standards",
        "measures",
        "standard_id",
        &[
            ID,
            req("description", "description", Text),
            req("kind", "kind", Enum),
            req("numerator", "numerator", Text),
            req("denominator", "denominator", Text),
            opt("data_source", "data_source", Text),
            opt("target", "target", Decimal),
        ],
    ),
    top(
        "adoptions",
        "organisations' adoption of standards",
        &[
            ID,
            req("organisation", "organisation", Id),
            req("standard", "standard", Id),
            opt("note", "note", Text),
        ],
        &[],
    ),
    nested(
        "adoption_status",
        "each adoption's status history, oldest first",
        "adoptions",
        "status",
        "adoption_id",
        HISTORY,
    ),
    top(
        "audit_results",
        "audit results against measures",
        &[
            ID,
            req("measure", "measure", Id),
            req("organisation", "organisation", Id),
            PERIOD_START,
            PERIOD_END,
            opt("category", "category", Enum),
            req("numerator", "numerator", Integer),
            req("denominator", "denominator", Integer),
            req("submitted_on", "submitted_on", Date),
            opt("note", "note", Text),
        ],
        &[],
    ),
];
