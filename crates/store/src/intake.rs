//! Taking in a report: the report row, its case, the case's opening event and its evidence, in
//! one transaction. Evidence files are written to disk before it (content-addressed, so a file
//! left by a crash is never referenced and never wrong); a receipt is only returned after commit.

use chrono::{DateTime, SubsecRound, Utc};
use netral_domain::case::{CaseFile, CaseState};
use netral_domain::deadline::{Deadline, jakarta_date};
use netral_domain::election::election_for;
use netral_domain::report::{ReportDraft, ReporterMode, Subject};
use netral_domain::rules::RuleBook;
use sqlx::types::Json;

use crate::audit;
use crate::cases::{OPENED, append_event};
use crate::db::{Db, Tx, sql};
use crate::error::StoreError;

/// The role recorded on a case's opening event: the channel, not a person, opened it.
const INTAKE_ROLE: &str = "intake";

/// An evidence file already stored by its SHA-256, to be attached to a report or message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttachment {
    pub sha256: String,
    pub size: i64,
    /// MIME type found from the content, not from the name.
    pub media_type: String,
    /// The name the file had on the sender's device, kept for the handler's reference only.
    pub original_name: String,
}

pub struct Intake<'a> {
    pub draft: &'a ReportDraft,
    pub reporter_mode: ReporterMode,
    /// The reporter's identity, sealed by the vault; `None` when anonymous.
    pub sealed_identity: Option<Vec<u8>>,
    /// Same key, same report: a double click or a retried request files once.
    pub idempotency_key: Option<&'a str>,
    /// Hash of the receipt code given to the reporter; the code itself is never stored.
    pub receipt_hash: Option<String>,
    pub attachments: &'a [NewAttachment],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiledReport {
    pub report_number: String,
    pub case_number: String,
    pub case_id: i64,
    /// True when the idempotency key had been seen: nothing new was written.
    pub replayed: bool,
}

/// Files a report and opens its case. With an idempotency key seen before, returns the earlier
/// result and writes nothing. Returns only once the report is committed.
pub async fn file_report(
    db: &Db,
    rules: &RuleBook,
    intake: &Intake<'_>,
    now: DateTime<Utc>,
) -> Result<FiledReport, StoreError> {
    let now = now.trunc_subsecs(6);
    // Everything that can be refused is decided here, before the write: on SQLite the write
    // shares a transaction with other reports (group commit), and a failure inside it would
    // roll them back too.
    let rule_set = rules.in_force_on(intake.draft.incident_date())?;
    let file = CaseFile::new(&rule_set.version, jakarta_date(now));
    let deadline = file.deadline(rule_set, rules.calendar());
    let date = intake.draft.incident_date();
    let election = intake
        .draft
        .election()
        .and_then(|kind| election_for(rules.elections(), kind, date))
        .map(|e| (e.code.clone(), e.phase_of(date).as_str()));
    let (nip, nik, description) = match intake.draft.subject() {
        Subject::Nip(nip) => (Some(nip.as_str().to_owned()), None, None),
        Subject::Nik(nik) => (None, Some(nik.as_str().to_owned()), None),
        Subject::Described(text) => (None, None, Some(text.clone())),
    };
    let report = NewRow {
        draft: intake.draft.clone(),
        nip,
        nik,
        description,
        idempotency_key: intake.idempotency_key.map(str::to_owned),
        reporter_mode: intake.reporter_mode.as_str(),
        sealed_identity: intake.sealed_identity.clone(),
        receipt_hash: intake.receipt_hash.clone(),
        attachments: intake.attachments.to_vec(),
        file,
        deadline,
        election,
        now,
    };
    db.write(move |tx| Box::pin(write_report(tx, report.clone())))
        .await
}

/// A report with everything decided, owned so that it can wait for its batch.
#[derive(Clone)]
struct NewRow {
    draft: ReportDraft,
    nip: Option<String>,
    nik: Option<String>,
    description: Option<String>,
    idempotency_key: Option<String>,
    reporter_mode: &'static str,
    sealed_identity: Option<Vec<u8>>,
    receipt_hash: Option<String>,
    attachments: Vec<NewAttachment>,
    file: CaseFile,
    deadline: Option<Deadline>,
    /// The election's code and the campaign phase of the incident, when the report names the
    /// kind of election and one is known for its date.
    election: Option<(String, &'static str)>,
    now: DateTime<Utc>,
}

async fn write_report(tx: &mut Tx, row: NewRow) -> Result<FiledReport, StoreError> {
    let NewRow {
        draft,
        nip,
        nik,
        description,
        idempotency_key,
        reporter_mode,
        sealed_identity,
        receipt_hash,
        attachments,
        file,
        deadline,
        election,
        now,
    } = row;
    // One round trip for both look-ups: on SQLite every statement is a hand-off to the
    // connection's thread, which costs more than the look-up itself.
    let found = sql(
        "SELECT (SELECT r.number FROM reports r WHERE r.idempotency_key = $1) AS earlier_report, \
                (SELECT c.number FROM reports r JOIN cases c ON c.id = r.case_id WHERE r.idempotency_key = $1) AS earlier_case, \
                (SELECT r.case_id FROM reports r WHERE r.idempotency_key = $1) AS earlier_case_id, \
                (SELECT p.id FROM civil_servants p WHERE p.nip = $2) AS subject_id, \
                (SELECT p.agency_id FROM civil_servants p WHERE p.nip = $2) AS agency_id",
    )
    .bind(idempotency_key.clone())
    .bind(nip.clone())
    .fetch_one(&mut *tx)
    .await?;
    if let (Some(report_number), Some(case_number), Some(case_id)) = (
        found.get("earlier_report")?,
        found.get("earlier_case")?,
        found.get("earlier_case_id")?,
    ) {
        return Ok(FiledReport {
            report_number,
            case_number,
            case_id,
            replayed: true,
        });
    }
    let (subject_id, agency_id): (Option<i64>, Option<i64>) =
        (found.get("subject_id")?, found.get("agency_id")?);
    let year = now.format("%Y").to_string();
    let (case_seq, report_seq) = next_numbers(&mut *tx, &year).await?;
    let case_number = format!("NTR-{year}-{case_seq:06}");
    let report_number = format!("LAP-{year}-{report_seq:06}");
    let case_id: i64 = sql(
        "INSERT INTO cases (number, state, rules_version, incident_date, subject_id, agency_id, stage_started_on, deadline, \
         deadline_provisional, file, revision, opened_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $11) RETURNING id",
    )
    .bind(&case_number)
    .bind(file.state.as_str())
    .bind(&file.rules_version)
    .bind(draft.incident_date())
    .bind(subject_id)
    .bind(agency_id)
    .bind(file.stage_started_on)
    .bind(deadline.map(|d| d.due))
    .bind(deadline.is_some_and(|d| d.provisional))
    .bind(Json(&file))
    .bind(now)
    .fetch_one(&mut *tx)
    .await?
    .get("id")?;
    let opened = serde_json::json!({ "action": OPENED, "channel": draft.channel(), "report": report_number });
    append_event(
        &mut *tx,
        case_id,
        1,
        now,
        draft.channel().as_str(),
        INTAKE_ROLE,
        OPENED,
        None,
        CaseState::Received,
        &opened,
    )
    .await?;
    let report_id: i64 = sql(
        "INSERT INTO reports (number, case_id, channel, received_at, incident_date, subject_nip, subject_nik, subject_description, summary, \
         idempotency_key, violation_hints, place, links, election, reporter_mode, reporter_identity, receipt_hash, election_code, campaign_phase) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id",
    )
    .bind(&report_number)
    .bind(case_id)
    .bind(draft.channel().as_str())
    .bind(now)
    .bind(draft.incident_date())
    .bind(nip)
    .bind(nik)
    .bind(description)
    .bind(draft.summary())
    .bind(idempotency_key)
    .bind(Json(draft.violation_hints()))
    .bind(draft.place())
    .bind(Json(draft.links()))
    .bind(draft.election().map(|e| e.as_str().to_owned()))
    .bind(reporter_mode)
    .bind(sealed_identity)
    .bind(receipt_hash)
    .bind(election.as_ref().map(|(code, _)| code.clone()))
    .bind(election.map(|(_, phase)| phase.to_owned()))
    .fetch_one(&mut *tx)
    .await?
    .get("id")?;
    attach(&mut *tx, case_id, Some(report_id), None, &attachments, now).await?;
    // Inside the batch's transaction: a batch that fails and runs again rolls this back too.
    audit::append(
        &mut *tx,
        &audit::Entry {
            actor: audit::Actor {
                name: draft.channel().as_str(),
                role: INTAKE_ROLE,
            },
            action: "report.received",
            subject: Some(&case_number),
            details: serde_json::json!({
                "report": report_number,
                "attachments": attachments.len(),
            }),
        },
        now,
    )
    .await?;
    crate::case_facts::refresh(&mut *tx, case_id).await?;
    Ok(FiledReport {
        report_number,
        case_number,
        case_id,
        replayed: false,
    })
}

/// The year's next case and report numbers, in one statement: every round trip to SQLite's
/// worker thread costs more than the statement itself.
async fn next_numbers(tx: &mut Tx, year: &str) -> Result<(i64, i64), StoreError> {
    let (case, report) = (format!("case:{year}"), format!("report:{year}"));
    let rows = sql(
        "INSERT INTO counters (name, value) VALUES ($1, 1), ($2, 1) \
         ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING name, value",
    )
    .bind(&case)
    .bind(&report)
    .fetch_all(tx)
    .await?;
    let value_of = |name: &str| -> Result<i64, StoreError> {
        for row in &rows {
            if row.get::<String>("name")? == name {
                return row.get("value");
            }
        }
        Err(StoreError::Corrupt {
            column: "counters",
            message: format!("no value returned for {name}"),
        })
    };
    Ok((value_of(&case)?, value_of(&report)?))
}

/// Records evidence rows (once per SHA-256) and links them to a report or a message.
pub(crate) async fn attach(
    tx: &mut Tx,
    case_id: i64,
    report_id: Option<i64>,
    message_id: Option<i64>,
    attachments: &[NewAttachment],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    for file in attachments {
        sql("INSERT INTO evidence (sha256, size, media_type, first_stored_at) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING")
            .bind(&file.sha256)
            .bind(file.size)
            .bind(&file.media_type)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        let evidence_id: i64 = sql("SELECT id FROM evidence WHERE sha256 = $1")
            .bind(&file.sha256)
            .fetch_one(&mut *tx)
            .await?
            .get("id")?;
        sql("INSERT INTO attachments (case_id, report_id, message_id, evidence_id, original_name, added_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(case_id)
            .bind(report_id)
            .bind(message_id)
            .bind(evidence_id)
            .bind(&file.original_name)
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}
