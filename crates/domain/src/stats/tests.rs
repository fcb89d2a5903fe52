use chrono::NaiveDate;

use super::*;
use crate::case::{ActionKind, CaseState};
use crate::election::CampaignPhase;
use crate::rules::Track;

fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn fact(case_id: i64, province: &str, events: &[(ActionKind, &str)]) -> CaseFact {
    let milestones = Milestones::from_events(events.iter().map(|(k, day)| (*k, d(day))));
    CaseFact {
        case_id,
        state: CaseState::Received,
        election: Some("pemilu-2024".into()),
        phase: Some(CampaignPhase::During),
        channel: "public".into(),
        violation: Some("MEDSOS_KAMPANYE".into()),
        track: Some(Track::Ethics),
        position_type: None,
        agency_id: Some(7),
        agency_kind: Some("regency".into()),
        province: Some(province.into()),
        reported_on: d("2024-01-10"),
        deadline: None,
        milestones,
    }
}

const PROVEN: [(ActionKind, &str); 3] = [
    (ActionKind::PassVerification, "2024-01-12"),
    (ActionKind::FindViolation, "2024-01-20"),
    (ActionKind::IssueRecommendation, "2024-01-25"),
];

#[test]
fn the_first_time_a_milestone_is_reached_counts_and_unblocking_records_the_sanction() {
    let m = Milestones::from_events([
        (ActionKind::BlockData, d("2024-02-01")),
        (ActionKind::Unblock, d("2024-02-10")),
        (ActionKind::BlockData, d("2024-03-01")),
    ]);
    assert_eq!(m.get(Milestone::Blocked), Some(d("2024-02-01")));
    assert_eq!(m.get(Milestone::Unblocked), Some(d("2024-02-10")));
    assert_eq!(m.get(Milestone::Sanctioned), Some(d("2024-02-10")));
    assert_eq!(m.get(Milestone::Proven), None);
}

#[test]
fn the_funnel_counts_each_step_and_a_filter_narrows_it() {
    let mut table = FactTable::new();
    table.upsert(&fact(1, "32", &PROVEN));
    table.upsert(&fact(2, "32", &[(ActionKind::Reject, "2024-01-11")]));
    table.upsert(&fact(3, "31", &PROVEN[..2]));
    let today = d("2024-01-30");
    let all = table.funnel(&Filter::default(), today);
    assert_eq!(all.get(Step::Reported), 3);
    assert_eq!(all.get(Step::Verified), 2);
    assert_eq!(all.get(Step::Proven), 2);
    assert_eq!(all.get(Step::Recommended), 1);
    assert_eq!(all.get(Step::Rejected), 1);
    assert_eq!(all.rate(Step::Recommended), Some(50.0));
    let mut west_java = Filter::default();
    west_java.allow(Dimension::Province, "32");
    let funnel = table.funnel(&west_java, today);
    assert_eq!(funnel.get(Step::Reported), 2);
    assert_eq!(funnel.get(Step::Proven), 1);
    assert_eq!(table.cases(&west_java, Step::Rejected, today), vec![2]);
}

#[test]
fn a_scoped_reader_asking_for_another_province_gets_nothing() {
    let mut table = FactTable::new();
    table.upsert(&fact(1, "32", &[]));
    table.upsert(&fact(2, "31", &[]));
    let mut filter = Filter::default();
    filter.allow(Dimension::Province, "31");
    filter.restrict(Dimension::Province, "32");
    assert_eq!(
        table.funnel(&filter, d("2024-02-01")).get(Step::Reported),
        0
    );
    let mut own = Filter::default();
    own.restrict(Dimension::Province, "32");
    assert_eq!(table.cases(&own, Step::Reported, d("2024-02-01")), vec![1]);
}

#[test]
fn a_recommendation_past_its_deadline_becomes_not_followed_up() {
    let mut table = FactTable::new();
    let mut waiting = fact(1, "32", &PROVEN);
    waiting.state = CaseState::AwaitingFollowUp;
    waiting.deadline = Some(d("2024-02-10"));
    table.upsert(&waiting);
    let mut refused = fact(2, "32", &PROVEN);
    refused
        .milestones
        .set(Milestone::Refused, Some(d("2024-02-01")));
    table.upsert(&refused);
    let mut sanctioned = fact(3, "32", &PROVEN);
    sanctioned
        .milestones
        .set(Milestone::Sanctioned, Some(d("2024-02-05")));
    table.upsert(&sanctioned);
    let filter = Filter::default();
    assert_eq!(
        table.cases(&filter, Step::NotFollowedUp, d("2024-02-10")),
        vec![2]
    );
    assert_eq!(
        table.cases(&filter, Step::NotFollowedUp, d("2024-02-11")),
        vec![2, 1]
    );
}

#[test]
fn upserting_a_case_again_replaces_it() {
    let mut table = FactTable::new();
    table.upsert(&fact(1, "32", &[]));
    table.upsert(&fact(1, "32", &PROVEN));
    assert_eq!(table.len(), 1);
    assert_eq!(
        table
            .funnel(&Filter::default(), d("2024-02-01"))
            .get(Step::Proven),
        1
    );
}

#[test]
fn breakdowns_order_values_by_cases_and_months_by_calendar() {
    let mut table = FactTable::new();
    for id in 1..=3 {
        table.upsert(&fact(id, "32", &[]));
    }
    let mut jakarta = fact(4, "31", &[]);
    jakarta.reported_on = d("2023-12-31");
    table.upsert(&jakarta);
    let mut unknown = fact(5, "", &[]);
    unknown.province = None;
    table.upsert(&unknown);
    let today = d("2024-02-01");
    let provinces: Vec<(String, u64)> = table
        .breakdown(&Filter::default(), Dimension::Province, today)
        .into_iter()
        .map(|g| (g.value, g.funnel.get(Step::Reported)))
        .collect();
    assert_eq!(
        provinces,
        [("32".into(), 3), ("".into(), 1), ("31".into(), 1)]
    );
    let months: Vec<String> = table
        .breakdown(&Filter::default(), Dimension::Month, today)
        .into_iter()
        .map(|g| g.value)
        .collect();
    assert_eq!(months, ["2023-12", "2024-01"]);
    let mut december = Filter::default();
    december.allow(Dimension::Month, "2023-12");
    assert_eq!(table.cases(&december, Step::Reported, today), vec![4]);
}

#[test]
fn durations_are_the_median_and_90th_percentile_by_nearest_rank() {
    let mut table = FactTable::new();
    for (id, days) in (1..=10).zip([1, 2, 3, 4, 5, 6, 7, 8, 9, 30]) {
        let mut f = fact(id, "32", &[]);
        f.milestones.set(
            Milestone::Verified,
            Some(d("2024-01-10") + chrono::Days::new(days)),
        );
        table.upsert(&f);
    }
    let verified = table.durations(&Filter::default())[0];
    assert_eq!(verified.step, Step::Verified);
    assert_eq!(verified.cases, 10);
    assert_eq!(verified.median_days, Some(5));
    assert_eq!(verified.p90_days, Some(9));
    assert_eq!(table.durations(&Filter::default())[1].median_days, None);
}

fn group(value: &str, reported: u64) -> Group {
    let mut table = FactTable::new();
    for id in 0..reported {
        table.upsert(&fact(i64::try_from(id).unwrap(), value, &[]));
    }
    Group {
        value: value.into(),
        funnel: table.funnel(&Filter::default(), d("2024-02-01")),
    }
}

#[test]
fn small_cells_are_withheld_and_a_lone_one_takes_the_next_smallest_with_it() {
    let groups = [
        group("31", 12),
        group("32", 3),
        group("33", 6),
        group("34", 0),
    ];
    let cells = suppress(&groups, &[Step::Reported], 5);
    let column: Vec<Cell> = cells.iter().map(|row| row[0]).collect();
    assert_eq!(
        column,
        [
            Cell::Shown(12),
            Cell::Suppressed,
            Cell::Suppressed,
            Cell::Shown(0)
        ]
    );
    let two_small = [group("31", 12), group("32", 3), group("33", 2)];
    let cells = suppress(&two_small, &[Step::Reported], 5);
    assert_eq!(cells[0][0], Cell::Shown(12));
    assert_eq!(serde_json::to_string(&cells[1][0]).unwrap(), "null");
}

#[test]
fn one_pass_gives_the_funnel_and_every_breakdown_as_separate_queries_do() {
    let mut table = FactTable::new();
    for id in 0..40 {
        let province = ["31", "32", "33"][id as usize % 3];
        let events: &[(ActionKind, &str)] = if id % 4 == 0 { &PROVEN } else { &[] };
        let mut f = fact(id, province, events);
        if id % 5 == 0 {
            f.reported_on = d("2023-11-02");
        }
        table.upsert(&f);
    }
    let today = d("2024-03-01");
    let mut filter = Filter::default();
    filter.allow(Dimension::Province, "32");
    filter.allow(Dimension::Province, "33");
    let dimensions = [Dimension::Province, Dimension::Month, Dimension::Violation];
    let (funnel, breakdowns) = table.summary(&filter, &dimensions, today);
    assert_eq!(funnel, table.funnel(&filter, today));
    for (dimension, groups) in dimensions.into_iter().zip(breakdowns) {
        assert_eq!(
            groups,
            table.breakdown(&filter, dimension, today),
            "{dimension:?}"
        );
    }
}
