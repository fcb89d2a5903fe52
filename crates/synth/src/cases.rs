//! A case history whose mix is the published one (DOMAIN.md, "Figures to reproduce"), made
//! exact by apportionment: for 2,034 cases, 1,597 are proven and 1,450 sanctioned, as in the
//! 2020 regional elections, not roughly so.
//!
//! `cases.csv` columns:
//!
//! | column | meaning |
//! | --- | --- |
//! | `case_number` | `NTR-YYYY-NNNNNN`, numbered by reporting date within each year |
//! | `nip` | the subject's NIP or NI PPPK, a person of `roster.csv` |
//! | `agency_code` | the subject's agency, a code of `agencies.csv` |
//! | `violation` | a violation code of `rules/versions/*.toml`, e.g. `MEDSOS_KAMPANYE` |
//! | `position_type` | `jpt`, `administrator`, `supervisor`, `camat`, `lurah`, `functional`, `staff`: the post held when reported |
//! | `channel` | `public`, `bawaslu`, `inspectorate`, `superior`, `lead` |
//! | `election` | an election code: `pilkada-2020`, `pemilu-2024`, `pilkada-2024` (the codes of `rules/elections`) |
//! | `reported_on` | `YYYY-MM-DD` |
//! | `phase` | `before`, `during` or `after` the election's campaign |
//! | `outcome` | `rejected`, `not_proven`, `sanctioned` (proven and sanctioned), `not_followed_up` (proven, no sanction by the PPK), `in_progress` |
//!
//! The subject's position type is drawn first and a roster person holding such a post is then
//! looked for; in a roster too small to have one (a few hundred people hold no JPT post), the
//! last person tried stands in, and `position_type` still says what was drawn.

use std::io::{self, Write};

use chrono::{Datelike, Duration, NaiveDate};

use crate::apportion::{apportion, shuffled_labels};
use crate::csv::Line;
use crate::rng::{Rng, Stream};
use crate::roster::{PositionClass, Roster};

pub const HEADER: [&str; 10] = [
    "case_number",
    "nip",
    "agency_code",
    "violation",
    "position_type",
    "channel",
    "election",
    "reported_on",
    "phase",
    "outcome",
];

/// West Java 2020–2022 (seed 000): the five named violations; the remaining 18 % spread over
/// the rest of the list, most on social-media interaction and banners.
pub const VIOLATIONS: [(&str, f64); 13] = [
    ("MEDSOS_KAMPANYE", 30.2),
    ("KEGIATAN_KEBERPIHAKAN", 15.1),
    ("DEKLARASI", 13.5),
    ("FOTO_KEBERPIHAKAN", 13.1),
    ("PENDEKATAN_PARPOL", 10.1),
    ("MEDSOS_INTERAKSI", 6.0),
    ("ATRIBUT", 4.0),
    ("KEPUTUSAN_MENGUNTUNGKAN", 2.5),
    ("CALON_TIDAK_MUNDUR", 1.5),
    ("TIM_SETELAH_PENETAPAN", 1.5),
    ("DUKUNGAN_KTP", 1.0),
    ("ETIK_KAMPANYE_PASANGAN", 1.0),
    ("ANGGOTA_PARPOL", 0.5),
];

/// Pilkada 2020 by position: JPT 36 %, functional 17 %, administrator 13 %, staff 12 %,
/// camat/lurah 7 % (4 + 3); supervisors the remaining 15 %.
pub const POSITIONS: [(PositionClass, f64); 7] = [
    (PositionClass::Jpt, 36.0),
    (PositionClass::Functional, 17.0),
    (PositionClass::Administrator, 13.0),
    (PositionClass::Staff, 12.0),
    (PositionClass::Camat, 4.0),
    (PositionClass::Lurah, 3.0),
    (PositionClass::Supervisor, 15.0),
];

/// Pilkada 2020: 78.5 % of reported cases proven, 90.8 % of those sanctioned.
pub const PROVEN: f64 = 78.5;
pub const SANCTIONED_OF_PROVEN: f64 = 90.8;
/// Of the cases not proven: not proven on review, rejected at verification, still open.
const UNPROVEN: [(Outcome, f64); 3] = [
    (Outcome::NotProven, 45.0),
    (Outcome::Rejected, 40.0),
    (Outcome::InProgress, 15.0),
];
/// Pilkada 2020: 47.1 % before the campaign, 52.9 % during it.
pub const PHASES: [(Phase, f64); 3] = [
    (Phase::Before, 47.1),
    (Phase::During, 52.9),
    (Phase::After, 0.0),
];
const CHANNELS: [(&str, f64); 5] = [
    ("bawaslu", 55.0),
    ("public", 30.0),
    ("inspectorate", 8.0),
    ("superior", 5.0),
    ("lead", 2.0),
];

/// An election and its campaign period (`rules/elections` for 2024; PKPU 5/2020 for 2020).
#[derive(Debug, Clone, Copy)]
pub struct Election {
    pub code: &'static str,
    pub campaign_from: (i32, u32, u32),
    pub campaign_until: (i32, u32, u32),
    share: f64,
}

pub const ELECTIONS: [Election; 3] = [
    Election {
        code: "pilkada-2020",
        campaign_from: (2020, 9, 26),
        campaign_until: (2020, 12, 5),
        share: 55.0,
    },
    Election {
        code: "pemilu-2024",
        campaign_from: (2023, 11, 28),
        campaign_until: (2024, 2, 10),
        share: 20.0,
    },
    Election {
        code: "pilkada-2024",
        campaign_from: (2024, 9, 25),
        campaign_until: (2024, 11, 23),
        share: 25.0,
    },
];

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Before,
    During,
    After,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Before => "before",
            Phase::During => "during",
            Phase::After => "after",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Rejected,
    NotProven,
    Sanctioned,
    NotFollowedUp,
    InProgress,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Rejected => "rejected",
            Outcome::NotProven => "not_proven",
            Outcome::Sanctioned => "sanctioned",
            Outcome::NotFollowedUp => "not_followed_up",
            Outcome::InProgress => "in_progress",
        }
    }

    pub fn proven(self) -> bool {
        matches!(self, Outcome::Sanctioned | Outcome::NotFollowedUp)
    }
}

#[derive(Debug, Clone)]
pub struct Case {
    pub number: String,
    pub nip: String,
    /// Index into the roster.
    pub subject: u64,
    pub agency_code: String,
    pub violation: &'static str,
    pub position: PositionClass,
    pub channel: &'static str,
    pub election: &'static str,
    pub reported_on: NaiveDate,
    pub phase: Phase,
    pub outcome: Outcome,
}

fn weights<T>(table: &[(T, f64)]) -> Vec<f64> {
    table.iter().map(|t| t.1).collect()
}

/// How many roster people are looked at to find one holding a given post.
const SEARCH: u32 = 5_000;

/// `count` cases about people of `roster`, oldest first.
pub fn generate(roster: &Roster, count: u64) -> Vec<Case> {
    let country = roster.country();
    let mut rng = Rng::new(country.seed, Stream::Cases, u64::MAX);
    let violations = shuffled_labels(&apportion(count, &weights(&VIOLATIONS)), &mut rng);
    let positions = shuffled_labels(&apportion(count, &weights(&POSITIONS)), &mut rng);
    let channels = shuffled_labels(&apportion(count, &weights(&CHANNELS)), &mut rng);
    let phases = shuffled_labels(&apportion(count, &weights(&PHASES)), &mut rng);
    let mut elections = shuffled_labels(
        &apportion(
            count,
            &ELECTIONS.iter().map(|e| e.share).collect::<Vec<_>>(),
        ),
        &mut rng,
    );
    let proven = apportion(count, &[PROVEN, 100.0 - PROVEN]);
    let sanctioned = apportion(
        proven[0],
        &[SANCTIONED_OF_PROVEN, 100.0 - SANCTIONED_OF_PROVEN],
    );
    let unproven = apportion(proven[1], &weights(&UNPROVEN));
    let mut outcomes: Vec<Outcome> =
        std::iter::repeat_n(Outcome::Sanctioned, sanctioned[0] as usize)
            .chain(std::iter::repeat_n(
                Outcome::NotFollowedUp,
                sanctioned[1] as usize,
            ))
            .chain(
                UNPROVEN
                    .iter()
                    .zip(&unproven)
                    .flat_map(|((o, _), n)| std::iter::repeat_n(*o, *n as usize)),
            )
            .collect();
    rng.shuffle(&mut outcomes);
    // Open cases belong to the latest election: swap elections (counts stay exact) so that
    // no 2020 case is still in progress.
    let latest = ELECTIONS.len() - 1;
    let donors: Vec<usize> = (0..count as usize)
        .filter(|&k| outcomes[k] != Outcome::InProgress && elections[k] == latest)
        .collect();
    let mut donors = donors.into_iter();
    for k in 0..count as usize {
        if outcomes[k] == Outcome::InProgress
            && elections[k] != latest
            && let Some(d) = donors.next()
        {
            elections.swap(k, d);
        }
    }

    let mut cases: Vec<Case> = (0..count)
        .map(|k| {
            let i = k as usize;
            let mut rng = Rng::new(country.seed, Stream::Cases, k);
            let position = POSITIONS[positions[i]].0;
            let mut subject = 0;
            for _ in 0..SEARCH {
                subject = rng.below(roster.size().max(1));
                if roster.person(subject).class == position {
                    break;
                }
            }
            let person = roster.person(subject);
            let election = &ELECTIONS[elections[i]];
            let (from, until) = (date(election.campaign_from), date(election.campaign_until));
            let phase = PHASES[phases[i]].0;
            let reported_on = match phase {
                Phase::Before => from - Duration::days(rng.between(1, 150)),
                Phase::During => from + Duration::days(rng.between(0, (until - from).num_days())),
                Phase::After => until + Duration::days(rng.between(1, 45)),
            };
            Case {
                number: String::new(),
                nip: person.number.text(),
                subject,
                agency_code: country.agencies[person.agency].code.clone(),
                violation: VIOLATIONS[violations[i]].0,
                position,
                channel: CHANNELS[channels[i]].0,
                election: election.code,
                reported_on,
                phase,
                outcome: outcomes[i],
            }
        })
        .collect();
    cases.sort_by_key(|c| c.reported_on);
    let mut year = 0;
    let mut sequence = 0;
    for case in &mut cases {
        if case.reported_on.year() != year {
            year = case.reported_on.year();
            sequence = 0;
        }
        sequence += 1;
        case.number = format!("NTR-{year}-{sequence:06}");
    }
    cases
}

/// Writes `cases.csv`.
pub fn write(cases: &[Case], out: &mut impl Write) -> io::Result<u64> {
    let mut line = Line::default();
    line.write_header(&HEADER, out)?;
    for case in cases {
        line.field(&case.number);
        line.field(&case.nip);
        line.field(&case.agency_code);
        line.field(case.violation);
        line.field(case.position.as_str());
        line.field(case.channel);
        line.field(case.election);
        line.field_fmt(format_args!("{}", case.reported_on.format("%Y-%m-%d")));
        line.field(case.phase.as_str());
        line.field(case.outcome.as_str());
        line.end(out)?;
    }
    Ok(cases.len() as u64)
}
