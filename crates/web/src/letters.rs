//! The worker's part in letters: for each letter the store has numbered (a `letters` job), put
//! the recorded facts into words with the rules, render the PDF (`netral-letters`, off the
//! async threads), store it as evidence of the case and record its hash. Recording it releases
//! the PPK liaisons' notice, which then carries the PDF (see [`crate::mail`]).

use chrono::{DateTime, Duration, Utc};
use netral_domain::case::{Action, CaseState};
use netral_domain::deadline::{due_date, jakarta_date};
use netral_domain::rules::{RuleBook, RuleSet};
use netral_letters::{
    Addressee, CivilServant, FollowUpDeadline, Letter, LetterKind, Override, Provision, Reference,
};
use netral_store::StoreError;
use netral_store::jobs::{self, ClaimedJob};
use netral_store::letters::{self, LetterFacts, LetterFile};

use crate::app::AppState;

/// Rendering takes well under a second; a worker holding a letter longer has died.
const LETTER_LEASE: Duration = Duration::minutes(5);
/// A failed attempt is tried again after this pause (a full disk, a worker killed mid-way).
const RETRY_AFTER: Duration = Duration::minutes(5);
/// Printed where the records hold nothing (a case whose subject is not in the roster).
const UNKNOWN: &str = "-";

/// Renders every letter due at `now`; gives how many were tried.
pub async fn render_due(
    state: &AppState,
    worker: &str,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let mut tried = 0;
    while let Some(job) = jobs::claim(&state.db, letters::QUEUE, worker, LETTER_LEASE, now).await? {
        render_one(state, &job, worker, now).await?;
        tried += 1;
    }
    Ok(tried)
}

async fn render_one(
    state: &AppState,
    job: &ClaimedJob,
    worker: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let db = &state.db;
    let facts = match letters::letter_of_job(&job.payload) {
        Some(id) => letters::facts(db, id).await?,
        None => None,
    };
    let Some(facts) = facts.filter(|f| f.letter.sha256.is_none()) else {
        // Gone, or made already by an earlier attempt: nothing left to do.
        jobs::complete(db, job, worker, now).await?;
        return Ok(());
    };
    let id = facts.letter.id;
    let outcome = match compose(&state.rules, &facts) {
        Ok(letter) => make(state, letter).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(file) => {
            let file_name = netral_letters::file_name(&facts.letter.number);
            let file = LetterFile {
                sha256: &file.0,
                size: file.1,
                file_name: &file_name,
            };
            letters::record_file(db, id, &file, now).await?;
            jobs::complete(db, job, worker, now).await?;
        }
        Err(error) => {
            tracing::error!(letter = %facts.letter.number, attempt = job.attempts, %error, "letter not made");
            if job.attempts >= job.max_attempts {
                // The notices waiting for the PDF go without it rather than never.
                letters::release_without_file(db, id, now).await?;
            }
            jobs::fail(db, job, worker, &error, now + RETRY_AFTER, now).await?;
        }
    }
    Ok(())
}

/// Renders the PDF on a blocking thread and stores it; gives its SHA-256 and size.
async fn make(state: &AppState, letter: Letter) -> Result<(String, i64), String> {
    let pdf = tokio::task::spawn_blocking(move || netral_letters::render(&letter))
        .await
        .map_err(|e| format!("the rendering task failed: {e}"))?
        .map_err(|e| e.to_string())?;
    let stored = state.evidence.put(&pdf).await.map_err(|e| e.to_string())?;
    Ok((
        stored.sha256,
        i64::try_from(stored.size).unwrap_or(i64::MAX),
    ))
}

/// The letter in words: the recorded facts, with the titles and legal bases of the case's
/// rules, the clock of the stage the letter opens, and the letterhead of the rules in force on
/// the day of issue. `Err` names what the records lack.
pub(crate) fn compose(rules: &RuleBook, facts: &LetterFacts) -> Result<Letter, String> {
    let case = &facts.case;
    let rule_set = rules.version(&case.rules_version).ok_or_else(|| {
        format!(
            "case {} was judged under rules version {}, which is not loaded",
            case.number, case.rules_version
        )
    })?;
    let date = jakarta_date(facts.letter.issued_at);
    let issuer = rules
        .in_force_on(date)
        .map_err(|e| e.to_string())?
        .letters
        .clone();
    let (sanction_code, override_reason) = match &facts.action {
        Action::IssueRecommendation {
            sanction,
            override_reason,
            ..
        } => (sanction.clone(), override_reason.clone()),
        _ => (
            case.file
                .sanction
                .clone()
                .ok_or_else(|| format!("case {} has no sanction recommended", case.number))?,
            None,
        ),
    };
    let sanction = rule_set.sanction(&sanction_code).ok_or_else(|| {
        format!(
            "sanction {sanction_code} is not in rules {}",
            rule_set.version
        )
    })?;
    let suggested = rule_set.suggested_sanction(case.file.violations.iter().map(String::as_str));
    let override_reason = override_reason
        .filter(|reason| !reason.trim().is_empty())
        .filter(|_| suggested.map(|s| &s.code) != Some(&sanction.code))
        .map(|reason| Override {
            suggested: suggested.map(|s| s.title.id.clone()),
            reason,
        });
    let violations = case
        .file
        .violations
        .iter()
        .map(|code| {
            rule_set
                .violation(code)
                .map(|v| Provision {
                    title: v.title.id.clone(),
                    legal_basis: v.legal_basis.clone(),
                })
                .ok_or_else(|| format!("violation {code} is not in rules {}", rule_set.version))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let subject = facts.subject.clone();
    let known = |text: Option<String>| {
        text.filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| UNKNOWN.to_owned())
    };
    let civil_servant = CivilServant {
        name: known(subject.as_ref().map(|s| s.name.clone())),
        nip: known(subject.as_ref().map(|s| s.nip.clone())),
        position: known(subject.as_ref().map(|s| s.position.clone())),
        unit: known(subject.as_ref().map(|s| s.unit.clone())),
        agency: known(subject.as_ref().map(|s| s.agency.clone())),
    };
    let addressee = match &facts.addressee {
        Some(a) => Addressee {
            title: a.ppk_title.clone(),
            agency: a.agency.clone(),
        },
        None => Addressee {
            title: "Pejabat Pembina Kepegawaian".to_owned(),
            agency: civil_servant.agency.clone(),
        },
    };
    Ok(Letter {
        kind: facts.letter.kind,
        number: facts.letter.number.clone(),
        date,
        issuer,
        signer_name: facts.signer_name.clone(),
        addressee,
        civil_servant,
        case_number: case.number.clone(),
        violations,
        sanction: Provision {
            title: sanction.title.id.clone(),
            legal_basis: sanction.legal_basis.clone(),
        },
        override_reason,
        deadline: deadline(rule_set, rules, facts.event.to_state, date),
        recommendation: match facts.letter.kind {
            LetterKind::Warning => facts.recommendation.as_ref().map(|(number, at)| Reference {
                number: number.clone(),
                date: jakarta_date(*at),
            }),
            LetterKind::Recommendation => None,
        },
    })
}

/// The deadline of the stage the letter opens, counted from its date as the case's own is.
fn deadline(
    rule_set: &RuleSet,
    rules: &RuleBook,
    stage: CaseState,
    date: chrono::NaiveDate,
) -> Option<FollowUpDeadline> {
    let clock = rule_set.clock(stage)?.clock;
    let due = due_date(date, clock, &[], rules.calendar())?;
    Some(FollowUpDeadline {
        days: clock.days,
        unit: clock.unit,
        due: due.due,
    })
}
