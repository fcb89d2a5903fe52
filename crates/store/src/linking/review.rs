//! A reviewer's decision on a proposed pair. Accepting one checks the prevention records
//! first: a candidate who resigned by the end of the election's designation stage, or a spouse
//! on CLTN (unpaid leave) for the whole campaign, is covered — the proposal is closed naming
//! that record, and no report is filed. Otherwise it files a report on the Lead channel about
//! the civil servant with the violation the relation points to: `CALON_TIDAK_MUNDUR` for a
//! candidate, `ETIK_KAMPANYE_PASANGAN` for a spouse. Rejecting needs a reason and is remembered:
//! the pair is never proposed again. Each proposal is decided once; a second click finds it
//! decided and changes nothing.

use chrono::{DateTime, NaiveDate, SubsecRound, Utc};
use netral_domain::deadline::jakarta_date;
use netral_domain::election::Election;
use netral_domain::report::{Channel, NewReport, ReportDraft, ReporterMode, Subject};
use netral_domain::rules::RuleBook;

use super::proposals::{Covering, Proposal, get};
use crate::accounts::StaffUser;
use crate::audit;
use crate::db::{Db, sql};
use crate::error::StoreError;
use crate::intake::{self, Intake};
use crate::registry::prevention::resigned_by;
use crate::review_queue::{self, Queue, Refusal};

pub use crate::review_queue::MAX_NOTE_CHARS;
/// A civil servant designated a candidate without resigning (UU 20/2023 pasal 59 ayat (3)).
pub const CANDIDATE_VIOLATION: &str = "CALON_TIDAK_MUNDUR";
/// A civil servant at their spouse's campaign without CLTN (SKB 2022 Lampiran II).
pub const SPOUSE_VIOLATION: &str = "ETIK_KAMPANYE_PASANGAN";

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("no such proposal")]
    NotFound,
    #[error("this proposal was decided already")]
    AlreadyDecided,
    #[error("a rejection needs a reason of at most {MAX_NOTE_CHARS} characters")]
    BadNote,
    #[error("the proposal cannot become a report: {0}")]
    BadReport(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What accepting did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// A report was filed; its number.
    Reported(String),
    /// A prevention record already covers the pair: no report.
    Covered(Covering),
}

/// The violation a relation points to.
pub fn violation_of(relation: &str) -> &'static str {
    if relation == "spouse" {
        SPOUSE_VIOLATION
    } else {
        CANDIDATE_VIOLATION
    }
}

/// The last day a candidate may resign: the end of the designation stage (the campaign's start
/// when the election file names no such stage).
pub fn resignation_deadline(election: &Election) -> NaiveDate {
    election
        .stages
        .iter()
        .find(|s| s.code == "candidate_designation")
        .map_or(election.campaign_from, |s| s.until)
}

/// Any CLTN period of the person that overlaps the campaign: (id, starts, ends, decree).
type Leave = (i64, NaiveDate, NaiveDate, Option<String>);

async fn leaves_over_campaign(
    db: &Db,
    civil_servant_id: i64,
    election: &Election,
) -> Result<Vec<Leave>, StoreError> {
    sql(
        "SELECT id, starts_on, ends_on, decree_number FROM unpaid_leaves \
         WHERE civil_servant_id = $1 AND starts_on <= $3 AND ends_on >= $2 ORDER BY starts_on",
    )
    .bind(civil_servant_id)
    .bind(election.campaign_from)
    .bind(election.campaign_until)
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| {
        Ok((
            row.get("id")?,
            row.get("starts_on")?,
            row.get("ends_on")?,
            row.get("decree_number")?,
        ))
    })
    .collect()
}

/// The record that covers the pair, if any; and, for a spouse, the CLTN periods that cover part
/// of the campaign only (named in the report).
async fn coverage(
    db: &Db,
    proposal: &Proposal,
    election: &Election,
) -> Result<(Option<Covering>, Vec<Leave>), StoreError> {
    if proposal.relation == "spouse" {
        let leaves = leaves_over_campaign(db, proposal.civil_servant_id, election).await?;
        let whole = leaves.iter().find(|(_, starts, ends, _)| {
            *starts <= election.campaign_from && *ends >= election.campaign_until
        });
        Ok(match whole {
            Some((id, starts_on, ends_on, decree_number)) => (
                Some(Covering::UnpaidLeave {
                    id: *id,
                    starts_on: *starts_on,
                    ends_on: *ends_on,
                    decree_number: decree_number.clone(),
                }),
                Vec::new(),
            ),
            None => (None, leaves),
        })
    } else {
        let resigned = resigned_by(db, &proposal.nip, resignation_deadline(election)).await?;
        Ok((
            resigned.map(|r| Covering::Resignation {
                id: r.id,
                resigned_on: r.resigned_on,
                effective_on: r.effective_on,
                decree_number: r.decree_number,
            }),
            Vec::new(),
        ))
    }
}

/// The report's summary: who is on which list, who on the roster, why the engine paired them
/// and which record was looked for. In Indonesian, as reports are.
fn summary(p: &Proposal, election: &Election, partial_leave: &[Leave]) -> String {
    let party = p
        .candidate_party_name
        .as_deref()
        .map(|name| format!(", {name}"))
        .unwrap_or_default();
    let mut text = format!(
        "Temuan pencocokan daftar calon {election} ({violation}), diterima peninjau.\n\
         Calon: {candidate} ({level}, dapil {dapil}{party}, nomor urut {number}).\n",
        election = election.code,
        violation = violation_of(&p.relation),
        candidate = p.candidate_name,
        level = p.candidate_level,
        dapil = p.candidate_dapil,
        number = p.candidate_number,
    );
    if p.relation == "spouse" {
        text.push_str(&format!(
            "Pasangan yang tertulis di daftar: {}.\n",
            p.candidate_spouse.as_deref().unwrap_or("-")
        ));
    }
    text.push_str(&format!(
        "ASN yang dicocokkan{as_spouse}: {nip} {name}, {agency}.\n\
         Skor {score:.1} (probabilitas {probability:.3}, pita {band}). Penjelasan: {why}.\n",
        as_spouse = if p.relation == "spouse" {
            " sebagai pasangan calon"
        } else {
            ""
        },
        nip = p.nip,
        name = p.name,
        agency = p.agency_name,
        score = p.score,
        probability = p.probability,
        band = p.band,
        why = p
            .explanation
            .iter()
            .map(|c| format!("{} {} {:+.1}", c.field, c.level, c.weight))
            .collect::<Vec<_>>()
            .join("; "),
    ));
    if p.relation == "spouse" {
        text.push_str(&format!(
            "Tidak ada CLTN yang meliputi seluruh masa kampanye {} s.d. {}.",
            election.campaign_from, election.campaign_until
        ));
        for (_, starts, ends, decree) in partial_leave {
            text.push_str(&format!(
                "\nCLTN sebagian masa kampanye: {starts} s.d. {ends} (SK {}).",
                decree.as_deref().unwrap_or("-")
            ));
        }
    } else {
        text.push_str(&format!(
            "Tidak ada catatan pengunduran diri sampai {}.",
            resignation_deadline(election)
        ));
    }
    text
}

fn election_of<'a>(rules: &'a RuleBook, code: &str) -> Result<&'a Election, ReviewError> {
    rules
        .elections()
        .iter()
        .find(|e| e.code == code)
        .ok_or_else(|| ReviewError::BadReport(format!("unknown election `{code}`")))
}

/// Accepts proposal `id`: closes it as covered when a prevention record covers the pair, or
/// files its report and marks it accepted.
pub async fn accept(
    db: &Db,
    rules: &RuleBook,
    user: &StaffUser,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Decision, ReviewError> {
    let proposal = get(db, id).await?.ok_or(ReviewError::NotFound)?;
    if proposal.status != "open" {
        return Err(ReviewError::AlreadyDecided);
    }
    let election = election_of(rules, &proposal.election)?;
    let (covered, partial_leave) = coverage(db, &proposal, election).await?;
    let at = now.trunc_subsecs(6);
    if let Some(record) = covered {
        let mut tx = db.begin().await?;
        let changed = sql(
            "UPDATE link_proposals SET status = 'covered', reviewed_by = $1, reviewed_at = $2, \
             covered_by = $3 WHERE id = $4 AND status = 'open'",
        )
        .bind(user.id)
        .bind(at)
        .bind(record.key())
        .bind(id)
        .execute(&mut tx)
        .await?;
        if changed == 0 {
            return Err(ReviewError::AlreadyDecided);
        }
        audit::append(
            &mut tx,
            &audit::Entry {
                actor: user.audit_actor(),
                action: "link.covered",
                subject: Some(&proposal.nip),
                details: serde_json::json!({ "proposal": id, "covered_by": record.key() }),
            },
            at,
        )
        .await?;
        tx.commit().await?;
        return Ok(Decision::Covered(record));
    }

    let today = jakarta_date(now);
    let incident = if proposal.relation == "spouse" {
        election.campaign_from
    } else {
        resignation_deadline(election)
    };
    let draft =
        ReportDraft::new(
            NewReport {
                channel: Channel::Lead,
                incident_date: incident.min(today),
                summary: summary(&proposal, election, &partial_leave),
                subject: Subject::Nip(proposal.nip.parse().map_err(
                    |e: netral_domain::ids::IdError| ReviewError::BadReport(e.to_string()),
                )?),
                violation_hints: vec![violation_of(&proposal.relation).to_owned()],
                place: String::new(),
                links: Vec::new(),
                election: Some(election.kind),
            },
            today,
        )
        .map_err(|e| ReviewError::BadReport(e.to_string()))?;
    // The same key for the same proposal: two clicks racing file one report.
    let key = format!("link-proposal-{id}");
    let filed = intake::file_report(
        db,
        rules,
        &Intake {
            draft: &draft,
            reporter_mode: ReporterMode::Anonymous,
            sealed_identity: None,
            idempotency_key: Some(&key),
            receipt_hash: None,
            attachments: &[],
        },
        now,
    )
    .await?;
    let mut tx = db.begin().await?;
    let changed = sql(
        "UPDATE link_proposals SET status = 'accepted', reviewed_by = $1, reviewed_at = $2, \
         report_id = (SELECT id FROM reports WHERE number = $3) WHERE id = $4 AND status = 'open'",
    )
    .bind(user.id)
    .bind(at)
    .bind(filed.report_number.clone())
    .bind(id)
    .execute(&mut tx)
    .await?;
    if changed == 0 {
        return Err(ReviewError::AlreadyDecided);
    }
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: user.audit_actor(),
            action: "link.accept",
            subject: Some(&filed.case_number),
            details: serde_json::json!({
                "proposal": id,
                "report": filed.report_number,
                "violation": violation_of(&proposal.relation),
            }),
        },
        at,
    )
    .await?;
    tx.commit().await?;
    Ok(Decision::Reported(filed.report_number))
}

/// Rejects proposal `id` with a reason; remembered, so the pair is not proposed again.
pub async fn reject(
    db: &Db,
    user: &StaffUser,
    id: i64,
    note: &str,
    now: DateTime<Utc>,
) -> Result<(), ReviewError> {
    const QUEUE: Queue = Queue {
        reject: "UPDATE link_proposals SET status = 'rejected', reviewed_by = $1, reviewed_at = $2, \
                 review_note = $3 WHERE id = $4 AND status = 'open'",
        exists: "SELECT 1 AS yes FROM link_proposals WHERE id = $1",
        audit_action: "link.reject",
        audit_key: "proposal",
    };
    review_queue::reject(db, &QUEUE, user, id, note, now)
        .await?
        .map_err(|refusal| match refusal {
            Refusal::NotFound => ReviewError::NotFound,
            Refusal::AlreadyDecided => ReviewError::AlreadyDecided,
            Refusal::BadNote => ReviewError::BadNote,
        })
}
