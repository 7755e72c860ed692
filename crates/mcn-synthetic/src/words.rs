//! Word lists for clearly fictional names, titles and minutes.

const PLACE_PREFIXES: [&str; 30] = [
    "North", "South", "East", "West", "Ash", "Oak", "Elm", "Brook", "River", "Stone", "Mill",
    "Kings", "Queens", "Market", "High", "Low", "Fern", "Holly", "Willow", "Bram", "Castle",
    "Church", "Green", "Red", "White", "Black", "Long", "Nether", "Upper", "Saxon",
];

const PLACE_SUFFIXES: [&str; 20] = [
    "vale", "field", "ford", "ham", "bury", "ton", "wick", "worth", "by", "stead", "mouth",
    "bridge", "combe", "ley", "dale", "minster", "thorpe", "well", "holme", "gate",
];

/// A fictional place name; the first 600 are all different, later ones carry a number.
pub(super) fn place(i: usize) -> String {
    let cycle = PLACE_PREFIXES.len() * PLACE_SUFFIXES.len();
    // 7 is coprime with 600: consecutive places do not share a prefix.
    let j = (i % cycle) * 7 % cycle;
    let prefix = PLACE_PREFIXES
        .get(j % PLACE_PREFIXES.len())
        .copied()
        .unwrap_or("New");
    let suffix = PLACE_SUFFIXES
        .get(j / PLACE_PREFIXES.len())
        .copied()
        .unwrap_or("ton");
    match i / cycle {
        0 => format!("{prefix}{suffix}"),
        n => format!("{prefix}{suffix} {}", n + 1),
    }
}

/// `title`, numbered from the second round on: "X", then "X (2)", "X (3)", ...
pub(super) fn numbered(title: &str, round: usize) -> String {
    match round {
        0 => title.to_owned(),
        n => format!("{title} ({})", n + 1),
    }
}

/// The `i`-th entry of `list`, numbered from the second time round.
pub(super) fn cycle(list: &[&str], i: usize) -> String {
    let len = list.len().max(1);
    numbered(list.get(i % len).copied().unwrap_or("Item"), i / len)
}

/// The place name in lower case letters only (for e-mail domains).
pub(super) fn slug(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

pub(super) const FIRST_NAMES: [&str; 48] = [
    "Amira", "Ben", "Chloe", "Dev", "Ellie", "Femi", "Grace", "Harvey", "Isla", "Jamal", "Kate",
    "Liam", "Maya", "Noah", "Olivia", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor",
    "Wren", "Xander", "Yasmin", "Zak", "Aoife", "Bilal", "Cerys", "Dylan", "Esme", "Fraser",
    "Gemma", "Hamza", "Imogen", "Jonah", "Keira", "Luca", "Megan", "Nia", "Owen", "Poppy", "Rhys",
    "Sian", "Tom", "Ruth", "Kwame", "Mei",
];

pub(super) const LAST_NAMES: [&str; 48] = [
    "Okafor",
    "Patel",
    "Smith",
    "Jones",
    "Williams",
    "Brown",
    "Taylor",
    "Davies",
    "Evans",
    "Thomas",
    "Khan",
    "Roberts",
    "Walker",
    "Wright",
    "Robinson",
    "Thompson",
    "White",
    "Hughes",
    "Edwards",
    "Green",
    "Hall",
    "Wood",
    "Harris",
    "Lewis",
    "Martin",
    "Jackson",
    "Clarke",
    "Clark",
    "Turner",
    "Hill",
    "Scott",
    "Cooper",
    "Morris",
    "Ward",
    "Moore",
    "King",
    "Watson",
    "Baker",
    "Harrison",
    "Morgan",
    "Patel-Shah",
    "Young",
    "Allen",
    "Mitchell",
    "Anderson",
    "Nguyen",
    "Kowalski",
    "O'Brien",
];

pub(super) const STREETS: [&str; 16] = [
    "Station Road",
    "Church Lane",
    "Park View",
    "Mill Street",
    "The Green",
    "Victoria Road",
    "Orchard Way",
    "Riverside",
    "Bridge Street",
    "Hillcrest",
    "Meadow Lane",
    "Castle Street",
    "Beech Grove",
    "Market Place",
    "Albert Road",
    "Springfield",
];

pub(super) const SAINTS: [&str; 10] = [
    "Luke",
    "Mary",
    "Christopher",
    "Anne",
    "Columba",
    "Barnabas",
    "Catherine",
    "John",
    "Margaret",
    "Francis",
];

pub(super) const WORKING_GROUP_TOPICS: [&str; 14] = [
    "Transition to Adult Services",
    "Advance Care Planning",
    "Symptom Management",
    "Bereavement Support",
    "Care at Home Around the Clock",
    "Workforce",
    "Data and Audit",
    "Perinatal Palliative Care",
    "Psychological Support",
    "Rapid Transfer Home",
    "Anticipatory Prescribing",
    "Communication Skills",
    "Spiritual Care",
    "Equity of Access",
];

pub(super) const AGENDA_TOPICS: [&str; 16] = [
    "Work plan progress report",
    "Risk register review",
    "Finance and funding update",
    "Education and training update",
    "Audit results against NICE QS160",
    "Parent and carer feedback",
    "Locality leads' reports",
    "Guideline development update",
    "Workforce and vacancies",
    "Communications and awareness",
    "Transition pathway review",
    "Shared care records and data sharing",
    "Serious incident learning",
    "Annual report planning",
    "Membership and engagement",
    "Terms of reference review",
];

pub(super) const DECISIONS: [&str; 10] = [
    "The group agreed the revised referral criteria for specialist palliative care.",
    "Members agreed to pilot the shared advance care plan template in two localities.",
    "The group agreed to adopt the network's symptom management audit tool.",
    "It was agreed to run a joint study day with the adult palliative care network.",
    "Members agreed the communications plan for the coming year.",
    "The group agreed to escalate the out-of-hours advice gap to the board.",
    "It was agreed to review the risk register at every meeting.",
    "Members agreed the data sharing principles for the network dashboard.",
    "The group agreed to nominate a parent carer co-chair for the forum.",
    "It was agreed to set up a task-and-finish group on rapid transfer home.",
];

pub(super) const ACTIONS: [&str; 12] = [
    "Circulate the revised guideline to all member organisations for comment.",
    "Draft a briefing on out-of-hours consultant advice for commissioners.",
    "Collate audit returns for the last quarter and report back.",
    "Arrange the next study day venue and speakers.",
    "Update the risk register with the new workforce risk.",
    "Contact the ICB about recurrent funding for the co-ordinator post.",
    "Share the parent carer survey results with the education group.",
    "Review membership of the group against the terms of reference.",
    "Prepare a short report on transition referrals for the board.",
    "Map 24-hour nursing cover across the localities.",
    "Write to member organisations who have not returned audit data.",
    "Agree dates for next year's meetings and circulate them.",
];

pub(super) const OBJECTIVES: [&str; 12] = [
    "Round-the-clock consultant advice for every locality",
    "Shared advance care plans across all member organisations",
    "A core palliative care course for every children's community nursing team",
    "Transition pathway agreed with adult services",
    "Annual network audit against NICE QS160",
    "Parent and carer voice in every working group",
    "Recurrent funding for the network co-ordinator post",
    "Bereavement support offer mapped and published",
    "Network dashboard of training reach by locality",
    "Symptom management guideline reviewed and re-endorsed",
    "Peer support programme for hospice and hospital staff",
    "Electronic record sharing between hospices and trusts",
];

pub(super) const RISKS: [&str; 10] = [
    "Loss of time-limited funding for network posts",
    "Vacancies in specialist palliative care nursing",
    "Low engagement of general practice in training",
    "Variation in out-of-hours advice across localities",
    "Incompatible record systems prevent sharing care plans",
    "Staff unable to be released for training",
    "Key person dependency on the network co-ordinator",
    "Incomplete audit returns from member organisations",
    "Governance groups unable to reach quorum",
    "Reputational harm from a serious incident at end of life",
];

pub(super) const MITIGATIONS: [&str; 6] = [
    "Business case for recurrent funding submitted to the ICB.",
    "Deputy identified for each network post.",
    "Training offered virtually and at times agreed with managers.",
    "Quarterly reminder and support to submit audit data.",
    "Escalation route agreed with the board.",
    "Shared care record project joined with the ICS digital team.",
];

pub(super) const COMMUNICATION_TOPICS: [&str; 10] = [
    "Network newsletter",
    "Study day programme announced",
    "New guideline published",
    "Annual report",
    "Audit results summary",
    "Parent carer forum recruitment",
    "Children's Hospice Week",
    "Webinar recordings available",
    "Vacancy: locality lead",
    "Survey of training needs",
];

pub(super) const FEEDBACK: [&str; 8] = [
    "Very practical, I will use the symptom charts on the ward.",
    "Hearing from a parent was the most valuable part of the day.",
    "Would like more time on difficult conversations.",
    "Good mix of hospital and hospice staff.",
    "The virtual format made it possible to attend.",
    "Useful update on anticipatory prescribing.",
    "Too much content for one session.",
    "Clear and well organised; thank you.",
];

pub(super) const BARRIER_DETAILS: [&str; 5] = [
    "Clinical emergency on the ward",
    "Caring responsibilities at home",
    "Rota changed at short notice",
    "Childcare fell through",
    "Car broke down on the way",
];

pub(super) const NOT_APPLICABLE: [&str; 4] = [
    "The organisation does not provide care at home.",
    "Not applicable: the organisation provides education only.",
    "Commissioning body: assured through provider contracts instead.",
    "No children with life-limiting conditions on the practice list at present.",
];

pub(super) const GUIDELINES: [&str; 12] = [
    "Management of pain in children with life-limiting conditions",
    "Advance care planning and parallel planning",
    "Rapid transfer home for end of life care",
    "Anticipatory prescribing for children",
    "Care after death in the community",
    "Management of seizures at the end of life",
    "Transition to adult palliative care services",
    "Perinatal palliative care pathway",
    "Management of breathlessness",
    "Hydration and nutrition at the end of life",
    "Bereavement follow-up for families",
    "Syringe driver use in the community",
];

/// A course title and its education level index (public health, universal, core, specialist).
pub(super) const COURSES: [(&str, usize); 12] = [
    (
        "Talking about children's palliative care in your community",
        0,
    ),
    ("Foundations of children's palliative care", 1),
    (
        "Recognising the child who may be approaching the end of life",
        1,
    ),
    ("Communication with families: first conversations", 1),
    ("Advance care planning in practice", 2),
    ("Symptom management core course", 2),
    ("Caring for the family after a child's death", 2),
    ("Syringe driver competency for children's nurses", 2),
    ("Advanced symptom management", 3),
    ("Prescribing in paediatric palliative care", 3),
    ("Leading end of life conversations", 3),
    ("Complex pain: a specialist masterclass", 3),
];

pub(super) const EVENT_TITLES: [&str; 8] = [
    "Children's palliative care study day",
    "Annual network conference",
    "Lunchtime webinar: what's new in symptom management",
    "Networking event for hospice and hospital teams",
    "Peer support session for community nurses",
    "Reflective practice session",
    "Bereavement practitioners' forum",
    "Education showcase",
];

pub(super) const AIMS: [&str; 4] = [
    "Every child with a life-limiting condition and their family gets the right care, in the right place, at the right time.",
    "Staff across hospitals, hospices and the community are trained and supported to provide palliative care.",
    "Care is planned together with children, young people and families.",
    "Services work as one network, sharing standards, data and learning.",
];
