//! The tamper-evident audit log: who did what to which case or account, and every look at a
//! reporter's identity, as a hash chain. Each entry's hash covers its content and the hash of
//! the entry before it, so changing, inserting or deleting an entry behind the system's back
//! breaks the chain from that point on; [`verify`] finds the first broken link.
//!
//! Entries are appended inside the transaction of the change they record: the entry exists
//! exactly when its cause does. See docs/decisions/0012-audit-hash-chain.md for what is hashed,
//! why, and what the chain does not protect against.

use std::fmt;
use std::io::Write;

use chrono::{DateTime, SubsecRound, Utc};
use serde_json::Value;
use sha2::{Digest, Sha256};
use sqlx::types::Json;

use crate::db::{Backend, Db, Row, Tx, sql};
use crate::error::StoreError;

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Prefixed to what is hashed, so that a hash of this log can never be mistaken for (or made
/// to collide with) a hash of anything else, and so a later layout can say it is a later one.
const DOMAIN_TAG: &str = "netral-audit-v1\n";

/// Key of the PostgreSQL advisory lock that makes appends take turns ("ntrlaudt" in ASCII).
const APPEND_LOCK: i64 = 0x6e74_726c_6175_6474;

/// How many entries [`verify`] and [`export`] read at a time: memory stays flat however long
/// the log grows.
const PAGE: i64 = 2_000;

/// Who acted: a staff member's user name and role, or one of the non-persons below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor<'a> {
    pub name: &'a str,
    pub role: &'a str,
}

impl Actor<'static> {
    /// The command line, run by whoever operates the server.
    pub const SYSTEM: Actor<'static> = Actor {
        name: "system",
        role: "system",
    };
    /// A reporter: never named here, not even by report number.
    pub const REPORTER: Actor<'static> = Actor {
        name: "reporter",
        role: "reporter",
    };
}

/// What to record. `details` holds identifiers and states, never free text a person typed
/// (that stays in its own append-only table); numbers in it must be integers, which read back
/// from either database exactly as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'a> {
    pub actor: Actor<'a>,
    /// Dotted, e.g. `case.transition`, `identity.reveal`, `account.create`.
    pub action: &'a str,
    /// What the action was about: a case number, a user name, an import run id.
    pub subject: Option<&'a str>,
    pub details: Value,
}

/// One stored entry, as [`export`] writes it and [`verify`] reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub actor_role: String,
    pub action: String,
    pub subject: Option<String>,
    pub details: Value,
    pub prev_hash: String,
    pub hash: String,
}

impl Record {
    /// The hash this entry's content and link call for (compare with `hash`).
    pub fn expected_hash(&self) -> String {
        content_hash(
            self.seq,
            self.at,
            &self.actor,
            &self.actor_role,
            &self.action,
            self.subject.as_deref(),
            &self.details,
            &self.prev_hash,
        )
    }
}

/// Appends an entry inside `tx`; gives its sequence number. On PostgreSQL the transaction
/// holds the log's lock from here until it ends, so call this last, just before commit.
pub async fn append(tx: &mut Tx, entry: &Entry<'_>, now: DateTime<Utc>) -> Result<i64, StoreError> {
    if tx.backend() == Backend::Postgres {
        // SQLite has one writer at a time already (every write transaction is BEGIN IMMEDIATE).
        sql("SELECT pg_advisory_xact_lock($1)")
            .bind(APPEND_LOCK)
            .execute(&mut *tx)
            .await?;
    }
    let head = sql("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        .fetch_optional(&mut *tx)
        .await?;
    let (seq, prev_hash) = match head {
        Some(row) => (row.get::<i64>("seq")? + 1, row.get::<String>("hash")?),
        None => (1, GENESIS.to_owned()),
    };
    let at = now.trunc_subsecs(6);
    let hash = content_hash(
        seq,
        at,
        entry.actor.name,
        entry.actor.role,
        entry.action,
        entry.subject,
        &entry.details,
        &prev_hash,
    );
    sql(
        "INSERT INTO audit_log (seq, at, actor, actor_role, action, subject, details, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(seq)
    .bind(at)
    .bind(entry.actor.name)
    .bind(entry.actor.role)
    .bind(entry.action)
    .bind(entry.subject.map(str::to_owned))
    .bind(Json(&entry.details))
    .bind(prev_hash)
    .bind(hash)
    .execute(&mut *tx)
    .await?;
    Ok(seq)
}

/// SHA-256, in lower-case hex, of the domain tag followed by the canonical JSON array
/// `[seq, at, actor, actor_role, action, subject, details, prev_hash]`: JSON quoting makes the
/// encoding unambiguous (no field can bleed into the next), and anyone can recompute it with a
/// JSON library and `sha256sum`.
#[allow(clippy::too_many_arguments)]
fn content_hash(
    seq: i64,
    at: DateTime<Utc>,
    actor: &str,
    actor_role: &str,
    action: &str,
    subject: Option<&str>,
    details: &Value,
    prev_hash: &str,
) -> String {
    let content = Value::Array(vec![
        Value::from(seq),
        Value::from(format_at(at)),
        Value::from(actor),
        Value::from(actor_role),
        Value::from(action),
        subject.map_or(Value::Null, Value::from),
        details.clone(),
        Value::from(prev_hash),
    ]);
    let mut text = String::from(DOMAIN_TAG);
    canonical_json(&content, &mut text);
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// The instant as hashed and exported: UTC, microseconds, always the same width.
pub fn format_at(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// JSON with object keys sorted by their UTF-8 bytes and no white space. Written out here
/// rather than trusted to `serde_json`'s map order, which a dependency turning on its
/// `preserve_order` feature would silently change (and every hash with it).
fn canonical_json(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::from(key.as_str()).to_string());
                out.push(':');
                canonical_json(&map[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical_json(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// What [`verify`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    /// Entries read (including any after a break).
    pub entries: i64,
    /// The last entry's hash: printed, kept elsewhere, it lets a later check notice a log
    /// rewritten from some point on (see the decision record).
    pub last_hash: Option<String>,
    /// The first broken link, if any.
    pub broken: Option<Break>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Break {
    /// The entry where the chain first fails.
    pub seq: i64,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Entries `seq..=last` are not there (deleted, or the log starts late).
    Missing { last: i64 },
    /// The entry's `prev_hash` is not the previous entry's hash: something before it was
    /// rewritten, or it was put in from elsewhere.
    WrongLink,
    /// The entry's content does not give its stored hash: changed after it was written.
    WrongHash,
    /// A column cannot be read at all (e.g. `details` is no longer JSON).
    Unreadable(String),
}

/// Always "entry N: …", so that a message can say "broken at entry N: …".
impl fmt::Display for Break {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seq = self.seq;
        match &self.problem {
            Problem::Missing { last } if *last == seq => {
                write!(f, "entry {seq}: it is missing (deleted?)")
            }
            Problem::Missing { last } => write!(
                f,
                "entry {seq}: it and the entries after it up to {last} are missing (deleted?)"
            ),
            Problem::WrongLink => write!(
                f,
                "entry {seq}: it does not link to entry {} (that entry rewritten, or this one put in?)",
                seq - 1
            ),
            Problem::WrongHash => write!(
                f,
                "entry {seq}: its hash does not match its content (changed after it was written?)"
            ),
            Problem::Unreadable(why) => write!(f, "entry {seq}: it cannot be read: {why}"),
        }
    }
}

/// Reads the whole log in order, a page at a time, recomputing every hash and checking every
/// link and that no sequence number is skipped.
pub async fn verify(db: &Db) -> Result<VerifyReport, StoreError> {
    let mut report = VerifyReport {
        entries: 0,
        last_hash: None,
        broken: None,
    };
    let mut expected_seq = 1;
    let mut prev_hash = GENESIS.to_owned();
    let mut after = 0;
    loop {
        let rows = page(db, after).await?;
        let Some(last) = rows.last() else { break };
        after = last.get("seq")?;
        for row in &rows {
            let seq: i64 = row.get("seq")?;
            report.entries += 1;
            let found = match record_from_row(row) {
                Ok(record) => {
                    let problem = if seq != expected_seq {
                        Some((expected_seq, Problem::Missing { last: seq - 1 }))
                    } else if record.prev_hash != prev_hash {
                        Some((seq, Problem::WrongLink))
                    } else if record.expected_hash() != record.hash {
                        Some((seq, Problem::WrongHash))
                    } else {
                        None
                    };
                    prev_hash = record.hash;
                    problem
                }
                Err(e) => {
                    prev_hash = row.get("hash").unwrap_or_default();
                    Some((seq, Problem::Unreadable(e.to_string())))
                }
            };
            if let Some((seq, problem)) = found
                && report.broken.is_none()
            {
                report.broken = Some(Break { seq, problem });
            }
            expected_seq = seq + 1;
        }
    }
    report.last_hash = (report.entries > 0).then_some(prev_hash);
    Ok(report)
}

async fn page(db: &Db, after: i64) -> Result<Vec<Row>, StoreError> {
    sql(
        "SELECT seq, at, actor, actor_role, action, subject, details, prev_hash, hash \
         FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2",
    )
    .bind(after)
    .bind(PAGE)
    .fetch_all(db)
    .await
}

fn record_from_row(row: &Row) -> Result<Record, StoreError> {
    let Json(details): Json<Value> = row.get("details")?;
    Ok(Record {
        seq: row.get("seq")?,
        at: row.get("at")?,
        actor: row.get("actor")?,
        actor_role: row.get("actor_role")?,
        action: row.get("action")?,
        subject: row.get("subject")?,
        details,
        prev_hash: row.get("prev_hash")?,
        hash: row.get("hash")?,
    })
}

/// Up to `limit` entries, newest first, older than `before` when given: the administrator's
/// page through the log.
pub async fn latest(db: &Db, before: Option<i64>, limit: i64) -> Result<Vec<Record>, StoreError> {
    sql(
        "SELECT seq, at, actor, actor_role, action, subject, details, prev_hash, hash \
         FROM audit_log WHERE seq < $1 ORDER BY seq DESC LIMIT $2",
    )
    .bind(before.unwrap_or(i64::MAX))
    .bind(limit)
    .fetch_all(db)
    .await?
    .iter()
    .map(record_from_row)
    .collect()
}

/// Appends one entry in a transaction of its own, for what changes nothing else (an export,
/// a look at something).
pub async fn record(db: &Db, entry: &Entry<'_>, now: DateTime<Utc>) -> Result<i64, StoreError> {
    let mut tx = db.begin().await?;
    let seq = append(&mut tx, entry, now).await?;
    tx.commit().await?;
    Ok(seq)
}

/// The entries about one subject (a case number, a user name), oldest first.
pub async fn about(db: &Db, subject: &str) -> Result<Vec<Record>, StoreError> {
    sql(
        "SELECT seq, at, actor, actor_role, action, subject, details, prev_hash, hash \
         FROM audit_log WHERE subject = $1 ORDER BY seq",
    )
    .bind(subject)
    .fetch_all(db)
    .await?
    .iter()
    .map(record_from_row)
    .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One row per entry with a header; `details` as canonical JSON text.
    Csv,
    /// One JSON object per line.
    JsonLines,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the export: {0}")]
    Write(#[from] std::io::Error),
}

impl From<csv::Error> for ExportError {
    fn from(e: csv::Error) -> Self {
        ExportError::Write(e.into())
    }
}

const COLUMNS: [&str; 9] = [
    "seq",
    "at",
    "actor",
    "actor_role",
    "action",
    "subject",
    "details",
    "prev_hash",
    "hash",
];

/// Writes every entry, hashes included, so that the chain can be checked (and its last hash
/// kept) outside this system; gives the number written. Reads a page at a time.
pub async fn export<W: Write>(
    db: &Db,
    format: ExportFormat,
    mut out: W,
) -> Result<i64, ExportError> {
    let mut pages = ExportPages::new(format);
    while let Some(chunk) = pages.next(db).await? {
        out.write_all(&chunk)?;
    }
    out.flush()?;
    Ok(pages.written)
}

/// The export as a sequence of chunks, one page of entries each (the header first, for CSV):
/// for a caller that hands them on as they come, such as an HTTP download, without holding
/// the whole log or blocking a thread.
pub struct ExportPages {
    format: ExportFormat,
    after: i64,
    started: bool,
    done: bool,
    /// Entries written so far.
    pub written: i64,
}

impl ExportPages {
    pub fn new(format: ExportFormat) -> Self {
        ExportPages {
            format,
            after: 0,
            started: false,
            done: false,
            written: 0,
        }
    }

    /// The next chunk, or `None` once every entry was given.
    pub async fn next(&mut self, db: &Db) -> Result<Option<Vec<u8>>, ExportError> {
        if self.done {
            return Ok(None);
        }
        let rows = page(db, self.after).await?;
        let mut chunk = Vec::new();
        match self.format {
            ExportFormat::Csv => {
                let mut writer = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(&mut chunk);
                if !self.started {
                    writer.write_record(COLUMNS)?;
                }
                for row in &rows {
                    write_csv(&mut writer, &record_from_row(row)?)?;
                }
                writer.flush()?;
            }
            ExportFormat::JsonLines => {
                for row in &rows {
                    write_line(&mut chunk, &record_from_row(row)?);
                }
            }
        }
        self.started = true;
        self.written += rows.len() as i64;
        match rows.last() {
            Some(last) => self.after = last.get("seq")?,
            None => self.done = true,
        }
        // Only the last call (no rows, and the CSV header already given) comes back empty.
        Ok((!chunk.is_empty()).then_some(chunk))
    }
}

fn write_csv<W: Write>(writer: &mut csv::Writer<W>, record: &Record) -> Result<(), ExportError> {
    let mut details = String::new();
    canonical_json(&record.details, &mut details);
    writer.write_record([
        record.seq.to_string().as_str(),
        &format_at(record.at),
        &record.actor,
        &record.actor_role,
        &record.action,
        record.subject.as_deref().unwrap_or(""),
        &details,
        &record.prev_hash,
        &record.hash,
    ])?;
    Ok(())
}

fn write_line(out: &mut Vec<u8>, record: &Record) {
    let line = serde_json::json!({
        "seq": record.seq,
        "at": format_at(record.at),
        "actor": record.actor,
        "actor_role": record.actor_role,
        "action": record.action,
        "subject": record.subject,
        "details": record.details,
        "prev_hash": record.prev_hash,
        "hash": record.hash,
    });
    let mut text = String::new();
    canonical_json(&line, &mut text);
    text.push('\n');
    out.extend_from_slice(text.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_sorts_keys_at_every_depth() {
        let value = serde_json::json!({"b": 1, "a": {"d": [true, null], "c": "x\"y"}});
        let mut text = String::new();
        canonical_json(&value, &mut text);
        assert_eq!(text, r#"{"a":{"c":"x\"y","d":[true,null]},"b":1}"#);
    }

    #[test]
    fn every_field_changes_the_hash() {
        let at: DateTime<Utc> = "2024-10-01T03:00:00.123456Z".parse().unwrap();
        let details = serde_json::json!({"case": "NTR-2024-000001"});
        let base = content_hash(
            1,
            at,
            "siti",
            "verifier",
            "case.transition",
            Some("X"),
            &details,
            GENESIS,
        );
        let variants = [
            content_hash(
                2,
                at,
                "siti",
                "verifier",
                "case.transition",
                Some("X"),
                &details,
                GENESIS,
            ),
            content_hash(
                1,
                at + chrono::Duration::microseconds(1),
                "siti",
                "verifier",
                "case.transition",
                Some("X"),
                &details,
                GENESIS,
            ),
            content_hash(
                1,
                at,
                "sitI",
                "verifier",
                "case.transition",
                Some("X"),
                &details,
                GENESIS,
            ),
            content_hash(
                1,
                at,
                "siti",
                "reviewer",
                "case.transition",
                Some("X"),
                &details,
                GENESIS,
            ),
            content_hash(
                1,
                at,
                "siti",
                "verifier",
                "case.message",
                Some("X"),
                &details,
                GENESIS,
            ),
            content_hash(
                1,
                at,
                "siti",
                "verifier",
                "case.transition",
                None,
                &details,
                GENESIS,
            ),
            content_hash(
                1,
                at,
                "siti",
                "verifier",
                "case.transition",
                Some("X"),
                &serde_json::json!({}),
                GENESIS,
            ),
            content_hash(
                1,
                at,
                "siti",
                "verifier",
                "case.transition",
                Some("X"),
                &details,
                &"1".repeat(64),
            ),
            // Moving a character from one field to the next must not give the same input.
            content_hash(
                1,
                at,
                "sitiv",
                "erifier",
                "case.transition",
                Some("X"),
                &details,
                GENESIS,
            ),
        ];
        for (i, variant) in variants.iter().enumerate() {
            assert_ne!(&base, variant, "variant {i}");
        }
        assert_eq!(base.len(), 64);
    }
}
