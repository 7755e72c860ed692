//! Queries as of a date over posts and appointments, through an index built once.

use std::collections::{HashMap, HashSet};

use mcn_core::{
    NaiveDate, WteTotal,
    id::{PersonId, PostId},
    index::IdIndex,
};

use crate::{Appointment, Post};

/// Posts and appointments indexed by post and by person.
///
/// Building is O(n); each per-post or per-person query then costs O(k) for the
/// k appointments of that post or person, and each whole-collection query O(n).
/// Where a post id occurs twice in `posts`, the first occurrence is the post.
///
/// ```
/// use mcn_roles::{Appointment, Post, RolesIndex};
/// # let (posts, appointments): (Vec<Post>, Vec<Appointment>) = (Vec::new(), Vec::new());
/// # let as_of = mcn_core::NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
/// let index = RolesIndex::new(&posts, &appointments);
/// for post in index.vacant_funded_posts(as_of) {
///     println!("{} is funded but vacant", post.title);
/// }
/// ```
#[derive(Debug, Clone)]
pub struct RolesIndex<'a> {
    posts: &'a [Post],
    appointments: &'a [Appointment],
    post_position: IdIndex<PostId>,
    by_post: HashMap<PostId, Vec<usize>>,
    by_person: HashMap<PersonId, Vec<usize>>,
}

impl<'a> RolesIndex<'a> {
    /// Indexes `posts` and `appointments` (the document's collections).
    #[must_use]
    pub fn new(posts: &'a [Post], appointments: &'a [Appointment]) -> Self {
        let post_position = IdIndex::new(posts.iter().map(|post| post.id));
        let mut by_post: HashMap<PostId, Vec<usize>> = HashMap::new();
        let mut by_person: HashMap<PersonId, Vec<usize>> = HashMap::new();
        for (position, appointment) in appointments.iter().enumerate() {
            by_post.entry(appointment.post).or_default().push(position);
            by_person
                .entry(appointment.person)
                .or_default()
                .push(position);
        }
        Self {
            posts,
            appointments,
            post_position,
            by_post,
            by_person,
        }
    }

    /// The posts indexed.
    #[must_use]
    pub const fn posts(&self) -> &'a [Post] {
        self.posts
    }

    /// The appointments indexed.
    #[must_use]
    pub const fn appointments(&self) -> &'a [Appointment] {
        self.appointments
    }

    /// The position in `posts` of the post with this id.
    #[must_use]
    pub fn post_position(&self, id: PostId) -> Option<usize> {
        self.post_position.position(id)
    }

    /// The post with this id.
    #[must_use]
    pub fn post(&self, id: PostId) -> Option<&'a Post> {
        self.post_position.get(id, self.posts).map(|(_, post)| post)
    }

    /// Every appointment to a post, whatever its dates, with its position in
    /// `appointments`, in document order.
    pub fn appointments_to(&self, post: PostId) -> impl Iterator<Item = (usize, &'a Appointment)> {
        self.positions(self.by_post.get(&post))
    }

    /// Every appointment of a person, whatever its dates, with its position in
    /// `appointments`, in document order.
    pub fn appointments_of(
        &self,
        person: PersonId,
    ) -> impl Iterator<Item = (usize, &'a Appointment)> {
        self.positions(self.by_person.get(&person))
    }

    fn positions(
        &self,
        positions: Option<&Vec<usize>>,
    ) -> impl Iterator<Item = (usize, &'a Appointment)> {
        let appointments = self.appointments;
        positions
            .into_iter()
            .flatten()
            .filter_map(move |&position| appointments.get(position).map(|a| (position, a)))
    }

    /// The appointments to a post in force on `as_of`, in document order.
    #[must_use]
    pub fn current_appointments_to(&self, post: PostId, as_of: NaiveDate) -> Vec<&'a Appointment> {
        self.appointments_to(post)
            .map(|(_, appointment)| appointment)
            .filter(|appointment| appointment.is_current(as_of))
            .collect()
    }

    /// The people holding a post on `as_of`, each once, in document order of
    /// their appointments.
    #[must_use]
    pub fn holders(&self, post: PostId, as_of: NaiveDate) -> Vec<PersonId> {
        let mut seen = HashSet::new();
        self.current_appointments_to(post, as_of)
            .into_iter()
            .map(|appointment| appointment.person)
            .filter(|person| seen.insert(*person))
            .collect()
    }

    /// Whether a post has no appointment in force on `as_of` (whether or not
    /// the post itself exists then).
    #[must_use]
    pub fn has_no_holder(&self, post: PostId, as_of: NaiveDate) -> bool {
        !self
            .appointments_to(post)
            .any(|(_, appointment)| appointment.is_current(as_of))
    }

    /// Whether the post exists on `as_of` and nobody holds it then.
    #[must_use]
    pub fn is_vacant(&self, post: &Post, as_of: NaiveDate) -> bool {
        post.exists_on(as_of) && self.has_no_holder(post.id, as_of)
    }

    /// Posts that exist on `as_of` and have no current appointment, in document order.
    #[must_use]
    pub fn vacant_posts(&self, as_of: NaiveDate) -> Vec<&'a Post> {
        self.posts
            .iter()
            .filter(|post| self.is_vacant(post, as_of))
            .collect()
    }

    /// Vacant posts that are funded on `as_of`, in document order.
    #[must_use]
    pub fn vacant_funded_posts(&self, as_of: NaiveDate) -> Vec<&'a Post> {
        self.posts
            .iter()
            .filter(|post| post.is_funded_on(as_of) && self.is_vacant(post, as_of))
            .collect()
    }

    /// A person's appointments in force on `as_of`, in document order.
    #[must_use]
    pub fn current_appointments_of(
        &self,
        person: PersonId,
        as_of: NaiveDate,
    ) -> Vec<&'a Appointment> {
        self.appointments_of(person)
            .map(|(_, appointment)| appointment)
            .filter(|appointment| appointment.is_current(as_of))
            .collect()
    }

    /// The posts a person holds on `as_of`, each once, in document order of the
    /// appointments (appointments to posts not in `posts` are left out).
    #[must_use]
    pub fn current_posts(&self, person: PersonId, as_of: NaiveDate) -> Vec<&'a Post> {
        let mut seen = HashSet::new();
        self.current_appointments_of(person, as_of)
            .into_iter()
            .filter(|appointment| seen.insert(appointment.post))
            .filter_map(|appointment| self.post(appointment.post))
            .collect()
    }

    /// The total WTE of a person's appointments in force on `as_of`; `None`
    /// when it is above the largest [`WteTotal`] (100,000.00).
    #[must_use]
    pub fn appointed_wte(&self, person: PersonId, as_of: NaiveDate) -> Option<WteTotal> {
        WteTotal::checked_sum(
            self.current_appointments_of(person, as_of)
                .into_iter()
                .map(|appointment| appointment.wte),
        )
    }
}
