//! The in-memory side of the dashboard alone: builds N synthetic case facts (deterministic)
//! and times what one dashboard asks of them, two ways in the same run: one scan per table (the
//! funnel, then each breakdown on its own) and the single pass (`FactTable::summary`). Prints
//! the median of `--rounds` runs of each.

use std::time::Instant;

use chrono::{Days, NaiveDate};
use clap::Parser;
use netral_domain::case::{ActionKind, CaseState};
use netral_domain::election::CampaignPhase;
use netral_domain::stats::{CaseFact, Dimension, FactTable, Filter, Milestones};

#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 1_000_000)]
    cases: i64,
    #[arg(long, default_value_t = 15)]
    rounds: usize,
}

const DIMENSIONS: [Dimension; 12] = [
    Dimension::Violation,
    Dimension::Track,
    Dimension::PositionType,
    Dimension::AgencyKind,
    Dimension::Province,
    Dimension::Agency,
    Dimension::Election,
    Dimension::Phase,
    Dimension::Channel,
    Dimension::Month,
    Dimension::State,
    Dimension::Agency,
];

fn fact(id: i64) -> CaseFact {
    let h = (id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let reported = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + Days::new(h % 1_800);
    let events: Vec<(ActionKind, NaiveDate)> = match h % 5 {
        0 => vec![(ActionKind::Reject, reported + Days::new(3))],
        1 => vec![(ActionKind::PassVerification, reported + Days::new(3))],
        _ => vec![
            (ActionKind::PassVerification, reported + Days::new(3)),
            (ActionKind::FindViolation, reported + Days::new(12 + h % 9)),
            (
                ActionKind::IssueRecommendation,
                reported + Days::new(15 + h % 9),
            ),
            (
                ActionKind::RecordFollowUp,
                reported + Days::new(40 + h % 30),
            ),
        ],
    };
    CaseFact {
        case_id: id,
        state: CaseState::Closed,
        election: Some(["pilkada-2020", "pemilu-2024", "pilkada-2024"][(h % 3) as usize].into()),
        phase: Some([CampaignPhase::Before, CampaignPhase::During][(h % 2) as usize]),
        channel: ["public", "bawaslu", "inspectorate"][(h % 3) as usize].into(),
        violation: Some(format!("V{}", h % 20)),
        track: None,
        position_type: Some(["jpt", "functional", "staff"][(h % 3) as usize].into()),
        agency_id: Some((h % 600) as i64),
        agency_kind: Some("regency".into()),
        province: Some(format!("{}", 11 + h % 38)),
        reported_on: reported,
        deadline: None,
        milestones: Milestones::from_events(events),
    }
}

fn median(mut ms: Vec<f64>) -> f64 {
    ms.sort_by(f64::total_cmp);
    ms[ms.len() / 2]
}

fn main() {
    let args = Args::parse();
    let mut table = FactTable::new();
    let started = Instant::now();
    for id in 0..args.cases {
        table.upsert(&fact(id));
    }
    println!(
        "facts={} build_ms={:.0}",
        table.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let filters = {
        let mut west_java = Filter::default();
        west_java.allow(Dimension::Province, "32");
        [Filter::default(), west_java]
    };
    for (name, filter) in ["national", "one province"].into_iter().zip(&filters) {
        let (mut per_table, mut one_pass) = (Vec::new(), Vec::new());
        for _ in 0..args.rounds {
            let t = Instant::now();
            std::hint::black_box(table.funnel(filter, today));
            for d in DIMENSIONS {
                std::hint::black_box(table.breakdown(filter, d, today));
            }
            std::hint::black_box(table.durations(filter));
            per_table.push(t.elapsed().as_secs_f64() * 1e3);
            let t = Instant::now();
            std::hint::black_box(table.summary(filter, &DIMENSIONS, today));
            std::hint::black_box(table.durations(filter));
            one_pass.push(t.elapsed().as_secs_f64() * 1e3);
        }
        println!(
            "{name}: one scan per table median_ms={:.1}; one pass median_ms={:.1}",
            median(per_table),
            median(one_pass)
        );
    }
}
