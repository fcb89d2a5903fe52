//! The candidate cross-check on both backends, with a roster of 50 and a list of 30 built
//! here: a run proposes the planted pairs (a candidate written with titles and an old
//! spelling, a candidate who resigned in time, and two spouses); accepting a candidate files a
//! CALON_TIDAK_MUNDUR report on the Lead channel, a spouse an ETIK_KAMPANYE_PASANGAN one, once
//! however often it is clicked; a resignation covers its candidate without a report; a
//! rejected pair is not proposed again by a later run; a queued run keeps a second one out.

use chrono::NaiveDate;
use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;
use netral_store::accounts::{self, StaffUser};
use netral_store::linking::proposals::{self, Proposal};
use netral_store::linking::{
    Covering, Decision, LinkOptions, QueueOutcome, ReviewError, accept, open_queue, queue_run,
    reject, run_cross_check, run_queued,
};
use netral_store::registry;
use netral_store::registry::prevention::{NewResignation, record_resignation};
use netral_store::{Db, sql};
use netral_testkit::cross_check::{
    ELECTION, OTHER_SPOUSE_NIP, OWN_NIP, RESIGNED_NIP, SPOUSE_NIP, add_candidates,
    add_civil_servant, add_roster, link_model,
};

/// Another Dewi Kartika Sari of Karawang, born a year after the rejected one.
const NAMESAKE_NIP: &str = "198011242006122003";
use netral_testkit::{at, on_both, rules};

use super::accounts::new_user;

on_both!(the_cross_check_proposes_files_covers_and_remembers);

async fn verifier(db: &Db) -> StaffUser {
    let id = accounts::create_user(
        db,
        &new_user("satgas", Role::Verifier, ScopeSpec::National),
        netral_store::audit::Actor::SYSTEM,
        at("2024-01-02T01:00:00Z"),
    )
    .await
    .unwrap();
    accounts::get_user(db, id).await.unwrap().unwrap()
}

pub fn options() -> LinkOptions {
    LinkOptions {
        threads: 1,
        model: Some(link_model()),
        ..LinkOptions::default()
    }
}

fn find<'a>(found: &'a [Proposal], nip: &str, relation: &str) -> &'a Proposal {
    found
        .iter()
        .find(|p| p.nip == nip && p.relation == relation)
        .unwrap_or_else(|| {
            panic!(
                "no {relation} proposal for {nip} in {:?}",
                found
                    .iter()
                    .map(|p| (&p.candidate_name, &p.relation, &p.nip, p.score))
                    .collect::<Vec<_>>()
            )
        })
}

async fn hinted(db: &Db, report: &str, violation: &str) -> bool {
    let n: i64 = sql(
        "SELECT COUNT(*) AS n FROM reports WHERE number = $1 AND channel = 'lead' \
         AND CAST(violation_hints AS TEXT) LIKE $2",
    )
    .bind(report.to_owned())
    .bind(format!("%{violation}%"))
    .fetch_one(db)
    .await
    .unwrap()
    .get("n")
    .unwrap();
    n == 1
}

async fn lead_reports(db: &Db) -> i64 {
    sql("SELECT COUNT(*) AS n FROM reports WHERE channel = 'lead'")
        .fetch_one(db)
        .await
        .unwrap()
        .get("n")
        .unwrap()
}

async fn the_cross_check_proposes_files_covers_and_remembers(db: &Db) {
    let dir = tempfile::tempdir().unwrap();
    let agency_id = add_roster(db).await;
    add_candidates(db, dir.path()).await;
    let satgas = verifier(db).await;
    let (resigned_id, _) = registry::prevention::civil_servant_by_nip(db, RESIGNED_NIP)
        .await
        .unwrap()
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    record_resignation(
        &mut tx,
        &NewResignation {
            civil_servant_id: resigned_id,
            resigned_on: NaiveDate::from_ymd_opt(2023, 10, 2).unwrap(),
            effective_on: None,
            decree_number: Some("800/117/BKPSDM".into()),
            document: None,
        },
        "test",
        at("2023-10-02T03:00:00Z"),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    // A run queued from the back office keeps a second one out until the worker ran it.
    let QueueOutcome::Queued(run) = queue_run(db, ELECTION, &satgas, at("2024-01-02T02:00:00Z"))
        .await
        .unwrap()
    else {
        panic!("the first run is queued");
    };
    assert_eq!(
        queue_run(db, ELECTION, &satgas, at("2024-01-02T02:00:01Z"))
            .await
            .unwrap(),
        QueueOutcome::AlreadyActive(run)
    );
    let summary = run_queued(db, run, options()).await.unwrap();
    assert_eq!(summary.stats.roster_rows, 50);
    assert!(summary.added >= 4, "{summary:?}");
    let found = proposals::of_election(db, ELECTION).await.unwrap();
    assert_eq!(found.len() as u64, summary.added);
    let own = find(&found, OWN_NIP, "self");
    assert_eq!(own.candidate_name, "Ir. H. Joko Santosa, M.T.");
    assert_eq!(own.band, "match", "{own:?}");
    let total: f64 = own.explanation.iter().map(|c| c.weight).sum();
    assert!((total - own.score).abs() < 1e-6, "explanation adds up");
    assert_eq!(own.explanation[0].field, "prior");
    let resigned = find(&found, RESIGNED_NIP, "self");
    let spouse = find(&found, SPOUSE_NIP, "spouse");
    let other_spouse = find(&found, OTHER_SPOUSE_NIP, "spouse");
    let run_row = netral_store::linking::latest_run(db, ELECTION)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (run_row.status.as_str(), run_row.progress, run_row.added),
        ("done", 50, Some(summary.added as i64))
    );

    let queue = open_queue(db, ELECTION, &satgas.scope, 0).await.unwrap();
    assert_eq!(queue.total as usize, found.len());
    let bands: Vec<&str> = queue.lines.iter().map(|l| l.band.as_str()).collect();
    assert!(
        bands
            .windows(2)
            .all(|w| !(w[0] == "review" && w[1] == "match")),
        "matches first: {bands:?}"
    );

    // The candidate: a report of running without resigning, once.
    let now = at("2024-01-03T02:00:00Z");
    let Decision::Reported(report) = accept(db, &rules(), &satgas, own.id, now).await.unwrap()
    else {
        panic!("no resignation: a report");
    };
    assert!(hinted(db, &report, "CALON_TIDAK_MUNDUR").await, "{report}");
    assert!(matches!(
        accept(db, &rules(), &satgas, own.id, now).await,
        Err(ReviewError::AlreadyDecided)
    ));
    assert_eq!(lead_reports(db).await, 1, "a second accept files nothing");
    let summary_text: String = sql("SELECT summary FROM reports WHERE number = $1")
        .bind(report.clone())
        .fetch_one(db)
        .await
        .unwrap()
        .get("summary")
        .unwrap();
    assert!(
        summary_text.contains("Ir. H. Joko Santosa, M.T.") && summary_text.contains(OWN_NIP),
        "{summary_text}"
    );

    // The candidate who resigned in time: covered, no report.
    match accept(db, &rules(), &satgas, resigned.id, now)
        .await
        .unwrap()
    {
        Decision::Covered(Covering::Resignation { decree_number, .. }) => {
            assert_eq!(decree_number.as_deref(), Some("800/117/BKPSDM"));
        }
        other => panic!("covered by the resignation, not {other:?}"),
    }
    assert_eq!(lead_reports(db).await, 1);
    let after = proposals::get(db, resigned.id).await.unwrap().unwrap();
    assert_eq!(
        (after.status.as_str(), after.report_number.as_deref()),
        ("covered", None)
    );

    // A spouse without CLTN: an ethics report.
    let Decision::Reported(report) = accept(db, &rules(), &satgas, spouse.id, now).await.unwrap()
    else {
        panic!("no CLTN: a report");
    };
    assert!(
        hinted(db, &report, "ETIK_KAMPANYE_PASANGAN").await,
        "{report}"
    );

    // The other spouse is rejected, with a reason, and stays rejected.
    assert!(matches!(
        reject(db, &satgas, other_spouse.id, " ", now).await,
        Err(ReviewError::BadNote)
    ));
    reject(
        db,
        &satgas,
        other_spouse.id,
        "Orang lain, beda tanggal lahir",
        now,
    )
    .await
    .unwrap();
    assert!(matches!(
        reject(db, &satgas, other_spouse.id, "lagi", now).await,
        Err(ReviewError::AlreadyDecided)
    ));
    let again = run_cross_check(db, ELECTION, Some(&satgas), options())
        .await
        .unwrap();
    assert_eq!(again.added, 0, "every pair is known already");
    let later = proposals::get(db, other_spouse.id).await.unwrap().unwrap();
    assert_eq!(later.status, "rejected");
    assert_eq!(
        proposals::of_election(db, ELECTION).await.unwrap().len(),
        found.len()
    );

    // A namesake of the rejected wife joins the roster: she scores as well, and the next run
    // proposes her instead of the pair already rejected.
    add_civil_servant(db, agency_id, NAMESAKE_NIP, "Dewi Kartika Sari").await;
    let third = run_cross_check(db, ELECTION, Some(&satgas), options())
        .await
        .unwrap();
    assert_eq!(third.added, 1, "{:?}", third.stats);
    let now_found = proposals::of_election(db, ELECTION).await.unwrap();
    let namesake = find(&now_found, NAMESAKE_NIP, "spouse");
    assert_eq!(namesake.status, "open");
    assert_eq!(namesake.candidate_id, other_spouse.candidate_id);
    let audited: i64 = sql(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action IN \
         ('link.queued', 'link.started', 'link.done', 'link.accept', 'link.covered', 'link.reject')",
    )
    .fetch_one(db)
    .await
    .unwrap()
    .get("n")
    .unwrap();
    // Three runs (started, done), two acceptances, one covered, one rejection.
    assert_eq!(audited, 3 * 2 + 2 + 1 + 1);
}
