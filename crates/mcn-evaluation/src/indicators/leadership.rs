//! Leadership: the funded co-ordinator (the key enabler the evaluation found),
//! the clinical lead, vacant posts and funding that is about to end.

use std::collections::{BTreeMap, HashSet};

use chrono::Months;
use mcn_core::{NaiveDate, PostRole, Rag, WteTotal, id::FundingStreamId};
use mcn_governance::{
    Funder, FundingBasis,
    queries::{FundingEnding, funding_ending_within},
};
use mcn_roles::Post;

use super::{Context, EvidenceList, IndicatorSpec, breakdown, entry, row};
use crate::report::{Breakdown, Direction, Indicator, Row, Theme, Value};

/// `leadership.coordinator_post`.
pub(crate) const COORDINATOR_POST: IndicatorSpec = IndicatorSpec {
    id: "leadership.coordinator_post",
    theme: Theme::Leadership,
    title: "Network co-ordinator post funded and filled",
    definition: "Whether the network's co-ordinator post (the one the network profile names, \
                 else any post with the network co-ordinator role that exists on the report date) \
                 is funded on the report date and held by someone.",
    unit: "yes/no",
    direction: Direction::HigherIsBetter,
    basis: "",
    reads: "the profile's co-ordinator post; posts', funding and appointments' periods on the report date",
    sources: &["network", "posts", "appointments"],
};

/// `leadership.clinical_lead`.
pub(crate) const CLINICAL_LEAD: IndicatorSpec = IndicatorSpec {
    id: "leadership.clinical_lead",
    theme: Theme::Leadership,
    title: "Clinical lead in post",
    definition: "Whether a post with the clinical lead role exists on the report date and is held by someone.",
    unit: "yes/no",
    direction: Direction::HigherIsBetter,
    basis: "",
    reads: "posts' and appointments' periods on the report date",
    sources: &["posts", "appointments"],
};

/// `leadership.posts_vacant`.
pub(crate) const POSTS_VACANT: IndicatorSpec = IndicatorSpec {
    id: "leadership.posts_vacant",
    theme: Theme::Leadership,
    title: "Network posts vacant",
    definition: "Posts that exist on the report date with nobody appointed, out of all posts \
                 that exist on the report date.",
    unit: "posts",
    direction: Direction::LowerIsBetter,
    basis: "existing posts",
    reads: "posts' and appointments' periods on the report date",
    sources: &["posts", "appointments"],
};

/// `leadership.funded_vacant_posts`.
pub(crate) const FUNDED_VACANT_POSTS: IndicatorSpec = IndicatorSpec {
    id: "leadership.funded_vacant_posts",
    theme: Theme::Leadership,
    title: "Funded posts with nobody in post",
    definition: "Posts whose funding covers the report date and which exist then with nobody appointed.",
    unit: "posts",
    direction: Direction::LowerIsBetter,
    basis: "",
    reads: "posts' funding periods, posts' and appointments' periods on the report date",
    sources: &["posts", "appointments"],
};

/// `leadership.funding_ending`.
pub(crate) const FUNDING_ENDING: IndicatorSpec = IndicatorSpec {
    id: "leadership.funding_ending",
    theme: Theme::Leadership,
    title: "Funding ending within the horizon",
    definition: "The amount of the funding streams whose last day falls from the report date to \
                 the end of the funding horizon (recurrent streams at their yearly amount, \
                 time-limited streams in total), with the streams and the funded posts whose \
                 funding ends then.",
    unit: "GBP",
    direction: Direction::LowerIsBetter,
    basis: "",
    reads: "funding streams' and posts' funding periods, from the report date to the end of the horizon",
    sources: &["funding_streams", "posts"],
};

pub(crate) fn indicators(cx: &Context<'_>) -> Vec<Indicator> {
    vec![
        coordinator_post(cx),
        clinical_lead(cx),
        posts_vacant(cx),
        funded_vacant_posts(cx),
        funding_ending(cx),
    ]
}

/// One candidate post's state on the report date.
struct PostState {
    funded: bool,
    filled: bool,
}

/// Each candidate post's state, a table of them (funded?, filled?, funded WTE,
/// holders) and evidence: each post and its appointments in force.
fn states<'a>(
    cx: &Context<'a>,
    posts: &[&'a Post],
    evidence: &mut EvidenceList,
) -> (Vec<PostState>, Breakdown) {
    let mut states = Vec::new();
    let mut rows = Vec::new();
    for post in posts {
        let funded = post.is_funded_on(cx.as_of);
        let current = cx
            .roles
            .appointments_to(post.id)
            .filter(|(_, a)| a.is_current(cx.as_of));
        let mut holders = HashSet::new();
        for (position, appointment) in current {
            holders.insert(appointment.person);
            evidence.add(
                appointment.id.as_uuid(),
                entry("appointments", position),
                format!("appointment to \"{}\"", post.title),
                Some(format!("in force on {}", cx.as_of)),
            );
        }
        let filled = post.exists_on(cx.as_of) && !holders.is_empty();
        let path = cx.network.post_path(post.id);
        if let Some(path) = path.clone() {
            evidence.add(
                post.id.as_uuid(),
                path,
                post.title.to_string(),
                Some(format!(
                    "{}, {}",
                    if funded { "funded" } else { "not funded" },
                    if filled { "filled" } else { "vacant" }
                )),
            );
        }
        rows.push(row(
            post.id.to_string(),
            post.title.to_string(),
            path,
            vec![
                Value::Boolean { value: funded },
                Value::Boolean { value: filled },
                Value::Wte {
                    wte: post.funded_wte_on(cx.as_of).unwrap_or(WteTotal::ZERO),
                },
                Value::count(holders.len()),
            ],
        ));
        states.push(PostState { funded, filled });
    }
    let table = breakdown(
        "posts",
        "Posts",
        &[
            ("funded", "Funded"),
            ("filled", "Filled"),
            ("funded_wte", "Funded WTE"),
            ("holders", "Holders"),
        ],
        rows,
    );
    (states, table)
}

fn coordinator_post(cx: &Context<'_>) -> Indicator {
    let candidates: Vec<&Post> = match cx.doc.network.coordinator_post {
        Some(id) => cx.network.post(id).into_iter().collect(),
        None => cx
            .doc
            .posts
            .iter()
            .filter(|p| p.role == PostRole::NetworkCoordinator && p.exists_on(cx.as_of))
            .collect(),
    };
    let mut evidence = EvidenceList::default();
    let (states, table) = states(cx, &candidates, &mut evidence);
    let both = states.iter().any(|s| s.funded && s.filled);
    let either = states.iter().any(|s| s.funded || s.filled);
    let rag = if both {
        Rag::Green
    } else if either {
        Rag::Amber
    } else {
        Rag::Red
    };
    COORDINATOR_POST
        .with(Value::Boolean { value: both })
        .by_rule(
            rag,
            "green when a co-ordinator post is funded and filled; amber when it is only one of \
             the two; red when neither, or when there is no co-ordinator post",
        )
        .table(table)
        .evidence(evidence, cx.limit())
}

fn clinical_lead(cx: &Context<'_>) -> Indicator {
    let candidates: Vec<&Post> = cx
        .doc
        .posts
        .iter()
        .filter(|p| p.role == PostRole::ClinicalLead && p.exists_on(cx.as_of))
        .collect();
    let mut evidence = EvidenceList::default();
    let (states, table) = states(cx, &candidates, &mut evidence);
    let filled = states.iter().any(|s| s.filled);
    CLINICAL_LEAD
        .with(Value::Boolean { value: filled })
        .by_rule(
            if filled { Rag::Green } else { Rag::Red },
            "green when a clinical lead post is filled; red otherwise",
        )
        .table(table)
        .evidence(evidence, cx.limit())
}

fn posts_vacant(cx: &Context<'_>) -> Indicator {
    let mut by_role: BTreeMap<PostRole, (u64, u64)> = BTreeMap::new();
    let mut evidence = EvidenceList::default();
    let (mut existing, mut vacant) = (0_u64, 0_u64);
    for (i, post) in cx.doc.posts.iter().enumerate() {
        if !post.exists_on(cx.as_of) {
            continue;
        }
        existing += 1;
        let counts = by_role.entry(post.role).or_default();
        counts.0 += 1;
        if cx.roles.is_vacant(post, cx.as_of) {
            vacant += 1;
            counts.1 += 1;
            let note = if post.is_funded_on(cx.as_of) {
                "vacant (funded)"
            } else {
                "vacant"
            };
            evidence.add(
                post.id.as_uuid(),
                entry("posts", i),
                post.title.to_string(),
                Some(note.to_owned()),
            );
        }
    }
    let rows = by_role
        .into_iter()
        .map(|(role, (posts, vacant))| {
            row(
                role.as_str(),
                role_label(role),
                None,
                vec![
                    Value::count(posts),
                    Value::count(vacant),
                    Value::proportion(vacant, posts),
                ],
            )
        })
        .collect();
    POSTS_VACANT
        .with(Value::proportion(vacant, existing))
        .at_most(cx.settings.thresholds.posts_vacant)
        .table(breakdown(
            "by_role",
            "By role",
            &[
                ("posts", "Posts"),
                ("vacant", "Vacant"),
                ("share", "Share vacant"),
            ],
            rows,
        ))
        .evidence(evidence, cx.limit())
}

/// A role as words: `network_coordinator` → "network coordinator".
pub(crate) fn role_label(role: PostRole) -> String {
    role.as_str().replace('_', " ")
}

fn funded_vacant_posts(cx: &Context<'_>) -> Indicator {
    let posts = cx.roles.vacant_funded_posts(cx.as_of);
    let mut evidence = EvidenceList::default();
    let mut rows = Vec::new();
    for post in &posts {
        let path = cx.network.post_path(post.id);
        let end = post.funding.as_ref().and_then(|f| f.period.end());
        let ends = end.map_or_else(|| "open-ended".to_owned(), |d| d.to_string());
        let until = end.map_or_else(
            || "open-ended funding".to_owned(),
            |d| format!("funded to {d}"),
        );
        let wte = post.funded_wte_on(cx.as_of).unwrap_or(WteTotal::ZERO);
        if let Some(path) = path.clone() {
            evidence.add(
                post.id.as_uuid(),
                path,
                post.title.to_string(),
                Some(format!("{wte} WTE, {until}, nobody in post")),
            );
        }
        rows.push(row(
            post.id.to_string(),
            post.title.to_string(),
            path,
            vec![
                Value::text(role_label(post.role)),
                Value::text(cx.org_label(post.organisation)),
                Value::Wte { wte },
                Value::text(ends),
            ],
        ));
    }
    FUNDED_VACANT_POSTS
        .with(Value::count(posts.len()))
        .at_most(cx.settings.thresholds.funded_vacant_posts)
        .table(breakdown(
            "posts",
            "Funded vacant posts",
            &[
                ("role", "Role"),
                ("organisation", "Host organisation"),
                ("funded_wte", "Funded WTE"),
                ("funding_ends", "Funding ends"),
            ],
            rows,
        ))
        .evidence(evidence, cx.limit())
}

/// The last day of the funding horizon.
fn horizon_end(as_of: NaiveDate, months: u32) -> NaiveDate {
    as_of
        .checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// Rows (and evidence) for the funding streams ending.
fn ending_streams(
    cx: &Context<'_>,
    ending: &FundingEnding,
    evidence: &mut EvidenceList,
) -> Vec<Row> {
    let mut rows = Vec::new();
    for stream in &ending.streams {
        let Some(record) = cx.doc.funding_streams.get(stream.stream) else {
            continue;
        };
        let funder = match &record.funder {
            Funder::Organisation(id) => cx.org_label(*id),
            Funder::External(name) => name.to_string(),
            _ => "other".to_owned(),
        };
        let basis = basis_label(stream.basis);
        evidence.add(
            stream.id.as_uuid(),
            entry("funding_streams", stream.stream),
            record.purpose.to_string(),
            Some(format!(
                "{basis}, {}, ends {}",
                stream.amount, stream.ends_on
            )),
        );
        rows.push(row(
            stream.id.to_string(),
            record.purpose.to_string(),
            Some(entry("funding_streams", stream.stream)),
            vec![
                Value::text(funder),
                Value::text(basis),
                Value::text(stream.ends_on.to_string()),
                Value::Money {
                    amount: stream.amount,
                },
            ],
        ));
    }
    rows
}

/// Rows (and evidence) for the posts funded on the report date whose funding
/// ends by `until`, by its own period or by the stream that pays for it.
fn ending_posts(
    cx: &Context<'_>,
    until: NaiveDate,
    ending: &HashSet<FundingStreamId>,
    evidence: &mut EvidenceList,
) -> Vec<Row> {
    let mut rows = Vec::new();
    for (i, post) in cx.doc.posts.iter().enumerate() {
        let Some(funding) = post.funding.as_ref().filter(|f| f.is_current(cx.as_of)) else {
            continue;
        };
        let own_end = funding.period.end().filter(|end| *end <= until);
        let stream_ending = funding.stream.filter(|s| ending.contains(s));
        if own_end.is_none() && stream_ending.is_none() {
            continue;
        }
        let ends = own_end.map_or_else(|| "its funding stream ends".to_owned(), |d| d.to_string());
        evidence.add(
            post.id.as_uuid(),
            entry("posts", i),
            post.title.to_string(),
            Some(format!("funding ends: {ends}")),
        );
        rows.push(row(
            post.id.to_string(),
            post.title.to_string(),
            Some(entry("posts", i)),
            vec![
                Value::text(role_label(post.role)),
                Value::Wte { wte: funding.wte },
                Value::text(ends),
            ],
        ));
    }
    rows
}

fn funding_ending(cx: &Context<'_>) -> Indicator {
    let until = horizon_end(cx.as_of, cx.settings.funding_horizon_months.get());
    let days = u32::try_from((until - cx.as_of).num_days()).unwrap_or(u32::MAX);
    let ending = funding_ending_within(&cx.doc.funding_streams, cx.as_of, days);
    let mut evidence = EvidenceList::default();
    let stream_rows = ending_streams(cx, &ending, &mut evidence);
    let ending_ids: HashSet<FundingStreamId> = ending.streams.iter().map(|s| s.id).collect();
    let post_rows = ending_posts(cx, until, &ending_ids, &mut evidence);
    let rag = if !post_rows.is_empty() {
        Rag::Red
    } else if ending.streams.is_empty() {
        Rag::Green
    } else {
        Rag::Amber
    };
    let count = |basis| ending.streams.iter().filter(|s| s.basis == basis).count();
    let by_basis = vec![
        row(
            "recurrent",
            "Recurrent (per year)",
            None,
            vec![
                Value::count(count(FundingBasis::Recurrent)),
                super::money(ending.recurrent_per_year),
            ],
        ),
        row(
            "time_limited",
            "Time-limited (in total)",
            None,
            vec![
                Value::count(count(FundingBasis::TimeLimited)),
                super::money(ending.time_limited_total),
            ],
        ),
    ];
    FUNDING_ENDING
        .with(super::money(
            ending
                .recurrent_per_year
                .zip(ending.time_limited_total)
                .and_then(|(recurrent, limited)| recurrent.checked_add(limited)),
        ))
        .by_rule(
            rag,
            "green when no funding ends within the horizon; amber when funding streams end but \
             no current post's funding does; red when the funding of a current post ends",
        )
        .table(breakdown(
            "by_basis",
            &format!("Ending by {until}, by basis"),
            &[("streams", "Streams"), ("amount", "Amount")],
            by_basis,
        ))
        .table(breakdown(
            "streams",
            "Funding streams ending",
            &[
                ("funder", "Funder"),
                ("basis", "Basis"),
                ("ends_on", "Ends on"),
                ("amount", "Amount"),
            ],
            stream_rows,
        ))
        .table(breakdown(
            "posts",
            "Funded posts whose funding ends",
            &[
                ("role", "Role"),
                ("funded_wte", "Funded WTE"),
                ("ends_on", "Funding ends"),
            ],
            post_rows,
        ))
        .evidence(evidence, cx.limit())
}

const fn basis_label(basis: FundingBasis) -> &'static str {
    match basis {
        FundingBasis::Recurrent => "recurrent",
        FundingBasis::TimeLimited => "time-limited",
        _ => "other",
    }
}
