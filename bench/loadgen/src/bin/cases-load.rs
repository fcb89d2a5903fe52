//! Loads a synthetic case history (`cases.csv` of `netral synth`) into a migrated database that
//! already holds the synthetic agencies and roster, for the dashboard benchmark: each case's
//! row, its first report and its statistics facts (milestones folded from the events its
//! outcome implies, by the same `Milestones::from_events` the store uses). The event log itself
//! is not written: the dashboard never reads it. Then makes an analyst account with a session
//! and an API token and prints `session=… token=…` for the load generator.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use chrono::{Days, NaiveDate, TimeZone, Utc};
use clap::Parser;
use netral_domain::access::ScopeSpec;
use netral_domain::case::{ActionKind, CaseFile, CaseState, Role};
use netral_domain::stats::{Milestone, Milestones, position_class};
use netral_store::accounts::{self, NewStaffUser, api_tokens, sessions};
use netral_store::{Db, audit, registry, sql};
use serde::Deserialize;

#[derive(Parser)]
struct Args {
    /// `sqlite:PATH` or a PostgreSQL URL, migrated, with agencies and roster imported.
    #[arg(long)]
    database: String,
    /// `cases.csv` from `netral synth`.
    #[arg(long)]
    cases: PathBuf,
    /// Cases per transaction.
    #[arg(long, default_value_t = 5_000)]
    batch: usize,
}

#[derive(Deserialize)]
struct Row {
    case_number: String,
    nip: String,
    agency_code: String,
    violation: String,
    channel: String,
    election: String,
    reported_on: NaiveDate,
    phase: String,
    outcome: String,
}

/// The actions an outcome implies, with their day offsets from the report; the offsets vary
/// with the case (by `jitter`) so that durations have a spread.
fn history(outcome: &str, jitter: u64) -> (CaseState, Vec<(ActionKind, u64)>) {
    use ActionKind as A;
    let verify = 2 + jitter % 5;
    let review = verify + 7 + jitter % 11;
    let recommend = review + 2 + jitter % 4;
    let follow = recommend + 10 + jitter % 25;
    match outcome {
        "rejected" => (
            CaseState::Rejected,
            vec![(A::StartVerification, 1), (A::Reject, verify)],
        ),
        "not_proven" => (
            CaseState::NotProven,
            vec![
                (A::StartVerification, 1),
                (A::PassVerification, verify),
                (A::FindNotProven, review),
            ],
        ),
        "sanctioned" => (
            CaseState::Sanctioned,
            vec![
                (A::StartVerification, 1),
                (A::PassVerification, verify),
                (A::FindViolation, review),
                (A::IssueRecommendation, recommend),
                (A::RecordFollowUp, follow),
            ],
        ),
        "not_followed_up" => (
            CaseState::Closed,
            vec![
                (A::StartVerification, 1),
                (A::PassVerification, verify),
                (A::FindViolation, review),
                (A::IssueRecommendation, recommend),
                (A::RecordRefusal, follow),
                (A::Close, follow + 5),
            ],
        ),
        _ => (CaseState::Verification, vec![(A::StartVerification, 1)]),
    }
}

struct Person {
    id: i64,
    class: Option<&'static str>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let db = Db::connect(&args.database).await?;
    let rules = netral_testkit::rules();
    let agencies: HashMap<String, (i64, String, Option<String>)> = registry::list_agencies(&db)
        .await?
        .into_iter()
        .map(|a| (a.code, (a.id, a.kind, a.region_code)))
        .collect();
    let mut people = HashMap::new();
    for row in sql("SELECT id, nip, position_type, eselon, position FROM civil_servants")
        .fetch_all(&db)
        .await?
    {
        let class = position_class(
            row.get::<Option<String>>("position_type")?.as_deref(),
            row.get::<Option<String>>("eselon")?.as_deref(),
            row.get::<Option<String>>("position")?.as_deref(),
        );
        people.insert(
            row.get::<String>("nip")?,
            Person {
                id: row.get("id")?,
                class,
            },
        );
    }
    let started = Instant::now();
    let mut reader = csv::Reader::from_path(&args.cases)
        .with_context(|| format!("cannot read {}", args.cases.display()))?;
    let rows: Vec<Row> = reader.deserialize().collect::<Result<_, _>>()?;
    let first_rules = rules.versions().first().context("no rules")?;
    let mut seq: i64 = sql("SELECT coalesce(max(change_seq), 0) AS last FROM case_facts")
        .fetch_one(&db)
        .await?
        .get("last")?;
    let mut loaded = 0usize;
    for chunk in rows.chunks(args.batch) {
        let mut tx = db.begin().await?;
        for row in chunk {
            let (agency_id, kind, region) = agencies.get(&row.agency_code).with_context(|| {
                format!("{}: unknown agency {}", row.case_number, row.agency_code)
            })?;
            let person = people.get(&row.nip);
            let rule_set = rules.in_force_on(row.reported_on).unwrap_or(first_rules);
            let jitter = row
                .case_number
                .bytes()
                .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
            let (state, actions) = history(&row.outcome, jitter);
            let mut file = CaseFile::new(&rule_set.version, row.reported_on);
            file.state = state;
            if actions.iter().any(|(k, _)| *k == ActionKind::FindViolation) {
                file.violations = vec![row.violation.clone()];
            }
            let last_day = row.reported_on + Days::new(actions.last().map_or(0, |a| a.1));
            let opened =
                Utc.from_utc_datetime(&row.reported_on.and_hms_opt(3, 0, 0).expect("a time"));
            let case_id: i64 = sql(
                "INSERT INTO cases (number, state, rules_version, incident_date, subject_id, agency_id, \
                 stage_started_on, deadline, deadline_provisional, file, revision, opened_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, FALSE, $8, $9, $10, $10) RETURNING id",
            )
            .bind(row.case_number.clone())
            .bind(state.as_str())
            .bind(rule_set.version.clone())
            .bind(row.reported_on)
            .bind(person.map(|p| p.id))
            .bind(*agency_id)
            .bind(last_day)
            .bind(sqlx_json(&file))
            .bind(i64::try_from(actions.len() + 1)?)
            .bind(opened)
            .fetch_one(&mut tx)
            .await?
            .get("id")?;
            sql(
                "INSERT INTO reports (number, case_id, channel, received_at, incident_date, subject_nip, \
                 summary, violation_hints, election_code, campaign_phase, reporter_mode) \
                 VALUES ($1, $2, $3, $4, $5, $6, 'Data sintetis untuk uji beban', $7, $8, $9, 'anonymous')",
            )
            .bind(row.case_number.replace("NTR-", "LAP-"))
            .bind(case_id)
            .bind(row.channel.clone())
            .bind(opened)
            .bind(row.reported_on)
            .bind(row.nip.clone())
            .bind(sqlx_json(&vec![row.violation.clone()]))
            .bind(row.election.clone())
            .bind(row.phase.clone())
            .execute(&mut tx)
            .await?;
            let milestones = Milestones::from_events(
                actions
                    .iter()
                    .map(|(k, days)| (*k, row.reported_on + Days::new(*days))),
            );
            seq += 1;
            let mut facts = sql(concat!(
                "INSERT INTO case_facts (case_id, change_seq, state, rules_version, election, phase, \
                 channel, violation, position_type, agency_id, agency_kind, province, reported_on, \
                 deadline, ",
                "verified_on, proven_on, not_proven_on, rejected_on, recommended_on, sanctioned_on, \
                 refused_on, warned_on, blocked_on, unblocked_on, appealed_on, closed_on",
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, NULL, $14, $15, \
                 $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)"
            ))
            .bind(case_id)
            .bind(seq)
            .bind(state.as_str())
            .bind(rule_set.version.clone())
            .bind(row.election.clone())
            .bind(row.phase.clone())
            .bind(row.channel.clone())
            .bind(row.violation.clone())
            .bind(person.and_then(|p| p.class).map(str::to_owned))
            .bind(*agency_id)
            .bind(kind.clone())
            .bind(region.as_ref().map(|r| r.chars().take(2).collect::<String>()))
            .bind(row.reported_on);
            for milestone in Milestone::ALL {
                facts = facts.bind(milestones.get(milestone));
            }
            facts.execute(&mut tx).await?;
        }
        sql(
            "INSERT INTO counters (name, value) VALUES ('case_facts', $1) \
             ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        )
        .bind(seq)
        .execute(&mut tx)
        .await?;
        tx.commit().await?;
        loaded += chunk.len();
        eprint!("\r{loaded} cases");
    }
    eprintln!();
    let seconds = started.elapsed().as_secs_f64();
    let user = NewStaffUser {
        username: "analis.bench".into(),
        display_name: "Analis Uji Beban".into(),
        email: None,
        role: Role::Analyst,
        scope: ScopeSpec::National,
        password: "uji-beban-dashboard".into(),
        must_change_password: false,
    };
    let now = Utc::now();
    let id = accounts::create_user(&db, &user, audit::Actor::SYSTEM, now).await?;
    let account = accounts::get_user(&db, id)
        .await?
        .context("the account just made")?;
    let session = sessions::open(&db, id, true, "127.0.0.1", now).await?;
    let token = api_tokens::create(&db, &account, "bench", 1, now)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .secret;
    println!(
        "cases={loaded} seconds={seconds:.1} rate={:.0} session={session} token={token}",
        loaded as f64 / seconds.max(1e-9)
    );
    db.close().await;
    Ok(())
}

fn sqlx_json<T: serde::Serialize>(value: &T) -> sqlx::types::Json<&T> {
    sqlx::types::Json(value)
}
