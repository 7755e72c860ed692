//! The generator's state: the document being built and the indexes later
//! steps need (who works where, who holds which post when, which meetings the
//! board held), all in `Vec`s so the output never depends on hash order.

use mcn_core::{NaiveDate, Note, Profession, Text, id::NetworkId};
use mcn_network::{NetworkDocument, NetworkProfile};

use super::{
    Counts,
    dates::{minus_months, plus_days},
    governance::SeatPlan,
    organisations::MembershipPlan,
    rng::Rng,
    standards::StandardPlan,
    words,
};

/// Someone holding a post from `start` to `end` (inclusive).
#[derive(Debug, Clone, Copy)]
pub(super) struct Tenure {
    pub(super) person: usize,
    pub(super) start: NaiveDate,
    pub(super) end: Option<NaiveDate>,
}

impl Tenure {
    pub(super) fn covers(&self, on: NaiveDate) -> bool {
        self.start <= on && self.end.is_none_or(|end| on <= end)
    }
}

/// The network-wide posts, by index into `posts` (each may be missing at tiny scales).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct KeyPosts {
    pub(super) coordinator: Option<usize>,
    pub(super) clinical_lead: Option<usize>,
    pub(super) chair: Option<usize>,
    pub(super) vice_chair: Option<usize>,
    pub(super) manager: Option<usize>,
    pub(super) education_lead: Option<usize>,
    pub(super) administrator: Option<usize>,
    pub(super) parent_rep: Option<usize>,
}

/// What the generator decided about a body beyond what the document holds.
#[derive(Debug, Clone)]
pub(super) struct BodyPlan {
    /// Percentage of seat holders who come to a meeting.
    pub(super) attendance: u64,
    /// The locality a locality group serves.
    pub(super) locality: Option<usize>,
    /// Who fills its seats.
    pub(super) seats: Vec<SeatPlan>,
    /// Indices into `meetings` of its held meetings, in date order.
    pub(super) held: Vec<usize>,
}

/// A funding stream's index and period, for funding posts.
#[derive(Debug, Clone, Copy)]
pub(super) struct StreamPlan {
    pub(super) index: usize,
    pub(super) start: NaiveDate,
    pub(super) end: Option<NaiveDate>,
}

/// The key funding streams (indices into `funding_streams`).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct KeyStreams {
    pub(super) recurrent: Option<StreamPlan>,
    pub(super) ending_soon: Option<StreamPlan>,
    pub(super) national: Option<StreamPlan>,
}

pub(super) struct World {
    pub(super) rng: Rng,
    pub(super) counts: Counts,
    pub(super) as_of: NaiveDate,
    /// First day of the history window (meetings, events, audits).
    pub(super) start: NaiveDate,
    /// When the network was established (before the window).
    pub(super) established: NaiveDate,
    pub(super) doc: NetworkDocument,
    fallback_note: Note,

    /// Locality indices of places (or of every locality when there is no place).
    pub(super) places: Vec<usize>,
    /// Locality index of each organisation's home.
    pub(super) org_place: Vec<Option<usize>>,
    /// Whether an organisation is a member throughout (never suspended or
    /// withdrawn): only these host posts, hold seats and host events.
    pub(super) org_stable: Vec<bool>,
    pub(super) stable_orgs: Vec<usize>,
    /// The e-mail domain of each organisation.
    pub(super) org_domain: Vec<String>,
    /// The network's host organisation (index 0 when there is one).
    pub(super) host: Option<usize>,

    /// People by employer.
    pub(super) employees: Vec<Vec<usize>>,
    pub(super) person_employer: Vec<Option<usize>>,
    /// People by profession (index in `Profession::ALL`).
    pub(super) by_profession: Vec<Vec<usize>>,
    /// WTE (hundredths) of each person's appointments current on `as_of`.
    pub(super) person_wte: Vec<u16>,

    /// Who holds each post when.
    pub(super) tenures: Vec<Vec<Tenure>>,
    pub(super) key_posts: KeyPosts,
    pub(super) key_streams: KeyStreams,
    pub(super) body_plans: Vec<BodyPlan>,
    /// Posts that sit on each body (by body index).
    pub(super) posts_by_body: Vec<Vec<usize>>,
    /// A locality lead post per locality index.
    pub(super) locality_leads: Vec<(usize, usize)>,
    pub(super) membership_plans: Vec<MembershipPlan>,
    pub(super) standard_plans: Vec<StandardPlan>,
}

impl World {
    pub(super) fn new(seed: u64, counts: Counts, as_of: NaiveDate) -> Option<Self> {
        let mut rng = Rng::new(seed);
        let id = NetworkId::from_u128(rng.uuid());
        let profile = NetworkProfile::new(
            id,
            Text::new("Synthetic Children's Palliative Care Network").ok()?,
        );
        let years = counts.years.max(1);
        let start = plus_days(minus_months(as_of, years.saturating_mul(12)), 1);
        let established = minus_months(start, 36);
        Some(Self {
            rng,
            counts,
            as_of,
            start,
            established,
            doc: NetworkDocument::new(profile),
            fallback_note: Note::new("See the minutes.").ok()?,
            places: Vec::new(),
            org_place: Vec::new(),
            org_stable: Vec::new(),
            stable_orgs: Vec::new(),
            org_domain: Vec::new(),
            host: None,
            employees: Vec::new(),
            person_employer: Vec::new(),
            by_profession: vec![Vec::new(); Profession::ALL.len()],
            person_wte: Vec::new(),
            tenures: Vec::new(),
            key_posts: KeyPosts::default(),
            key_streams: KeyStreams::default(),
            body_plans: Vec::new(),
            posts_by_body: Vec::new(),
            locality_leads: Vec::new(),
            membership_plans: Vec::new(),
            standard_plans: Vec::new(),
        })
    }

    /// Builds every collection, in dependency order.
    pub(super) fn build(mut self) -> NetworkDocument {
        self.localities();
        self.organisations();
        self.people();
        self.memberships();
        self.services_and_systems();
        self.funding_streams();
        self.bodies();
        self.posts();
        self.seats();
        self.objectives_and_risks();
        self.meetings();
        self.terms_of_reference_reviews();
        self.standards();
        self.adoptions_and_audits();
        self.training();
        self.staffing();
        self.communications();
        self.profile();
        self.doc
    }

    /// The network's own profile: name, region, host, aims and co-ordinator.
    fn profile(&mut self) {
        let region = self.doc.localities.first().map_or_else(
            || "Northvale".to_owned(),
            |l| {
                let name = l.name.as_str();
                name.strip_suffix(" Region").unwrap_or(name).to_owned()
            },
        );
        let profile = &mut self.doc.network;
        profile.name = text(&format!("{region} Children's Palliative Care Network"));
        profile.region = Some(text(&format!("{region} (fictional)")));
        profile.established_on = Some(self.established);
        profile.host_organisation = self
            .host
            .and_then(|h| self.doc.organisations.get(h))
            .map(|o| o.id);
        profile.vision = Note::new(
            "Every child and young person with a life-limiting condition, and their family, \
             receives high-quality palliative care wherever they are.",
        )
        .ok();
        profile.aims = words::AIMS.iter().map(|aim| text(aim)).collect();
        profile.objectives = words::OBJECTIVES.iter().take(4).map(|o| text(o)).collect();
        profile.coordinator_post = self
            .key_posts
            .coordinator
            .and_then(|p| self.doc.posts.get(p))
            .map(|p| p.id);
    }

    /// A `Note` (the fixed texts the generator uses are all valid).
    pub(super) fn note(&self, text: &str) -> Note {
        Note::new(text).unwrap_or_else(|_| self.fallback_note.clone())
    }

    /// The person holding post `post` on `on`, if any.
    pub(super) fn holder(&self, post: usize, on: NaiveDate) -> Option<usize> {
        self.tenures
            .get(post)?
            .iter()
            .find(|tenure| tenure.covers(on))
            .map(|tenure| tenure.person)
    }

    /// A random stable member organisation, or the host, or any organisation.
    pub(super) fn stable_org(&mut self) -> Option<usize> {
        let any = self.doc.organisations.len();
        match self.rng.pick(&self.stable_orgs) {
            Some(&org) => Some(org),
            None => self.host.or_else(|| (any > 0).then(|| self.rng.index(any))),
        }
    }
}

/// A `Text` (the generator's texts are all short and single-line).
pub(super) fn text(value: &str) -> Text {
    Text::new(value).unwrap_or_else(|_| Text::redacted())
}

/// Index of a profession in `Profession::ALL`.
pub(super) fn profession_index(profession: Profession) -> usize {
    Profession::ALL
        .iter()
        .position(|p| *p == profession)
        .unwrap_or(0)
}
