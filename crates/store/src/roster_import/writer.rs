//! The writing side of an import: each batch in one transaction, as multi-row upserts keyed on
//! the NIP, so that a batch is all in or all out and a file imported twice ends as it would
//! once. SQLite gets `INSERT … VALUES` lists (its parameter limit allows ~1,500 rows per
//! statement; 500 measured as fast), rows in NIP order and a page cache large enough for the
//! NIP index. PostgreSQL gets the batch by `COPY` into a temporary table, then one `INSERT …
//! SELECT` of only the rows that are new or changed. See docs/decisions/0010.

use chrono::{DateTime, NaiveDate, Utc};
use netral_domain::roster::RosterRecord;
use sqlx::{Postgres, Sqlite, Transaction};

use crate::db::{Backend, Db, Tx};
use crate::error::StoreError;
use crate::registry::bulk::{Placeholders, Statement, chunk_sizes};
use crate::registry::{back_titles, front_titles};

/// Rows per SQLite statement: 21 parameters each, well under SQLite's 32,766.
const SQLITE_ROWS_PER_STATEMENT: usize = 500;

/// The writer connection's page cache during an import, in KiB (SQLite's negative form). The
/// default 2 MB cannot hold the NIP index of a large roster: every batch then re-reads its
/// pages from the OS and spills dirty ones to the WAL before the commit writes them again.
/// 64 MB holds the index of about two million rows; the cost is bounded, and given back by
/// [`end_import`].
const SQLITE_IMPORT_CACHE: &str = "PRAGMA cache_size = -65536";
const SQLITE_DEFAULT_CACHE: &str = "PRAGMA cache_size = -2000";

/// What one batch did to the table.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Written {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// The columns an import writes, in parameter order.
macro_rules! columns {
    () => {
        "nip, nip_lama, nik, name, given_name, front_titles, back_titles, sex, birth_date, \
         birth_place, employee_type, status, agency_id, unit, work_location, position_type, \
         position, eselon, rank, updated_at, import_batch"
    };
}

/// A row that is already there is rewritten only when something in it changed: an unchanged
/// row keeps the `updated_at` and `import_batch` of the import that last changed it. `$ne` is
/// the backend's null-safe "differs" (SQLite `IS NOT`, PostgreSQL `IS DISTINCT FROM`).
macro_rules! upsert {
    ($ne:literal) => {
        concat!(
            "ON CONFLICT (nip) DO UPDATE SET nip_lama = excluded.nip_lama, nik = excluded.nik, \
             name = excluded.name, given_name = excluded.given_name, \
             front_titles = excluded.front_titles, back_titles = excluded.back_titles, \
             sex = excluded.sex, birth_date = excluded.birth_date, birth_place = excluded.birth_place, \
             employee_type = excluded.employee_type, status = excluded.status, \
             agency_id = excluded.agency_id, unit = excluded.unit, \
             work_location = excluded.work_location, position_type = excluded.position_type, \
             position = excluded.position, eselon = excluded.eselon, rank = excluded.rank, \
             updated_at = excluded.updated_at, import_batch = excluded.import_batch \
             WHERE civil_servants.nip_lama ", $ne, " excluded.nip_lama \
             OR civil_servants.nik ", $ne, " excluded.nik \
             OR civil_servants.name ", $ne, " excluded.name \
             OR civil_servants.given_name ", $ne, " excluded.given_name \
             OR civil_servants.front_titles ", $ne, " excluded.front_titles \
             OR civil_servants.back_titles ", $ne, " excluded.back_titles \
             OR civil_servants.birth_place ", $ne, " excluded.birth_place \
             OR civil_servants.employee_type ", $ne, " excluded.employee_type \
             OR civil_servants.status ", $ne, " excluded.status \
             OR civil_servants.agency_id ", $ne, " excluded.agency_id \
             OR civil_servants.unit ", $ne, " excluded.unit \
             OR civil_servants.work_location ", $ne, " excluded.work_location \
             OR civil_servants.position_type ", $ne, " excluded.position_type \
             OR civil_servants.position ", $ne, " excluded.position \
             OR civil_servants.eselon ", $ne, " excluded.eselon \
             OR civil_servants.rank ", $ne, " excluded.rank"
        )
    };
}

static SQLITE_UPSERT: Statement = Statement {
    head: concat!("INSERT INTO civil_servants (", columns!(), ")"),
    columns: 21,
    tail: upsert!("IS NOT"),
    placeholders: Placeholders::Anonymous,
};

/// The batch's rows, as `COPY` delivers them: dropped at the end of the batch's transaction,
/// so that nothing outlives the batch and pooled connections carry no state.
const POSTGRES_STAGE: &str = "CREATE TEMPORARY TABLE roster_stage (nip text, nip_lama text, \
     nik text, name text, given_name text, front_titles text, back_titles text, sex text, \
     birth_date date, birth_place text, employee_type text, status text, agency_id bigint, \
     unit text, work_location text, position_type text, position text, eselon text, rank text) \
     ON COMMIT DROP";

const POSTGRES_COPY: &str = "COPY roster_stage FROM STDIN";

/// Only rows that are new or differ reach the `INSERT`: `ON CONFLICT DO UPDATE` locks the
/// existing row before it evaluates its `WHERE`, so an unchanged row sent to it costs a row
/// lock written to the heap and the WAL, which made a re-import as slow as the first. The
/// upsert's own `WHERE` stays for rows another import changes meanwhile.
const POSTGRES_UPSERT: &str = concat!(
    "WITH written AS (INSERT INTO civil_servants (",
    columns!(),
    ") SELECT s.*, $1::timestamptz, $2::text FROM roster_stage s \
     LEFT JOIN civil_servants c ON c.nip = s.nip \
     WHERE c.id IS NULL \
     OR c.nip_lama IS DISTINCT FROM s.nip_lama OR c.nik IS DISTINCT FROM s.nik \
     OR c.name IS DISTINCT FROM s.name OR c.given_name IS DISTINCT FROM s.given_name \
     OR c.front_titles IS DISTINCT FROM s.front_titles \
     OR c.back_titles IS DISTINCT FROM s.back_titles \
     OR c.birth_place IS DISTINCT FROM s.birth_place \
     OR c.employee_type IS DISTINCT FROM s.employee_type \
     OR c.status IS DISTINCT FROM s.status OR c.agency_id IS DISTINCT FROM s.agency_id \
     OR c.unit IS DISTINCT FROM s.unit OR c.work_location IS DISTINCT FROM s.work_location \
     OR c.position_type IS DISTINCT FROM s.position_type \
     OR c.position IS DISTINCT FROM s.position OR c.eselon IS DISTINCT FROM s.eselon \
     OR c.rank IS DISTINCT FROM s.rank ",
    upsert!("IS DISTINCT FROM"),
    // `xmax = 0` marks a row this statement inserted (an updated row carries the updating
    // transaction's id). Batches may be written side by side, so counting ids afterwards
    // would count the neighbour's rows too.
    " RETURNING (xmax = 0) AS inserted) \
     SELECT COUNT(*) AS changed, COUNT(*) FILTER (WHERE inserted) AS inserted FROM written"
);

/// One row's values as stored, made on the reading thread so that the writer only binds them.
pub(super) struct Values {
    nip: String,
    nip_lama: Option<String>,
    nik: Option<String>,
    name: String,
    given_name: String,
    front_titles: Option<String>,
    back_titles: Option<String>,
    sex: String,
    birth_date: NaiveDate,
    birth_place: Option<String>,
    employee_type: String,
    status: Option<String>,
    agency_id: i64,
    unit: String,
    work_location: Option<String>,
    position_type: String,
    position: String,
    eselon: Option<String>,
    rank: Option<String>,
}

impl Values {
    pub fn of(record: RosterRecord, agency_id: i64) -> Values {
        Values {
            nip: record.number.as_str().to_owned(),
            sex: match record.sex() {
                netral_domain::ids::Sex::Male => "male",
                netral_domain::ids::Sex::Female => "female",
            }
            .to_owned(),
            birth_date: record.birth_date(),
            employee_type: record.employee_type().as_str().to_owned(),
            nip_lama: record.nip_lama,
            nik: record.nik.map(|n| n.as_str().to_owned()),
            given_name: record.name.given_name().to_owned(),
            front_titles: front_titles(&record.name),
            back_titles: back_titles(&record.name),
            name: record.name.as_written().to_owned(),
            birth_place: record.birth_place,
            status: record.status,
            agency_id,
            // Columns from before the roster import, NOT NULL: empty when the export has none.
            unit: record.unit.unwrap_or_default(),
            work_location: record.work_location,
            position_type: record.position_type.unwrap_or_default(),
            position: record.position.unwrap_or_default(),
            eselon: record.eselon,
            rank: record.rank,
        }
    }
}

/// Writes one batch in one transaction. `fail_before_commit` is the test hook that stands for
/// a crash in the middle of a batch: everything is written, then rolled back.
pub(super) async fn write_batch(
    db: &Db,
    values: Vec<Values>,
    label: &str,
    now: DateTime<Utc>,
    fail_before_commit: bool,
) -> Result<Written, super::ImportError> {
    let total = values.len() as u64;
    let mut tx = db.begin().await?;
    let (changed, inserted) = match &mut tx {
        Tx::Sqlite(tx) => sqlite(tx, values, label, now).await?,
        Tx::Postgres(tx) => postgres(tx, values, label, now).await?,
    };
    if fail_before_commit {
        return Err(super::ImportError::Interrupted);
    }
    tx.commit().await?;
    Ok(Written {
        inserted,
        updated: changed.saturating_sub(inserted),
        unchanged: total.saturating_sub(changed),
    })
}

/// Gives the SQLite writer connection its usual page cache back once an import is over.
pub(super) async fn end_import(db: &Db) -> Result<(), StoreError> {
    if db.backend() != Backend::Sqlite {
        return Ok(());
    }
    let mut tx = db.begin().await?;
    if let Tx::Sqlite(tx) = &mut tx {
        sqlx::query(SQLITE_DEFAULT_CACHE).execute(&mut **tx).await?;
    }
    tx.commit().await
}

/// Returns (rows changed, rows inserted).
async fn sqlite(
    tx: &mut Transaction<'static, Sqlite>,
    mut values: Vec<Values>,
    label: &str,
    now: DateTime<Utc>,
) -> Result<(u64, u64), StoreError> {
    sqlx::query(SQLITE_IMPORT_CACHE).execute(&mut **tx).await?;
    // In NIP order, consecutive rows land on the same pages of the NIP index.
    values.sort_unstable_by(|a, b| a.nip.cmp(&b.nip));
    // New rows get rowids above the largest one, which tells inserted rows from updated ones
    // without reading the batch back; the transaction holds SQLite's only write lock.
    let before: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM civil_servants")
        .fetch_one(&mut **tx)
        .await?;
    let mut changed = 0;
    let mut rows = values.into_iter();
    for size in chunk_sizes(rows.len(), SQLITE_ROWS_PER_STATEMENT) {
        let mut query = sqlx::query(SQLITE_UPSERT.text(size));
        for v in rows.by_ref().take(size) {
            query = query
                .bind(v.nip)
                .bind(v.nip_lama)
                .bind(v.nik)
                .bind(v.name)
                .bind(v.given_name)
                .bind(v.front_titles)
                .bind(v.back_titles)
                .bind(v.sex)
                .bind(v.birth_date)
                .bind(v.birth_place)
                .bind(v.employee_type)
                .bind(v.status)
                .bind(v.agency_id)
                .bind(v.unit)
                .bind(v.work_location)
                .bind(v.position_type)
                .bind(v.position)
                .bind(v.eselon)
                .bind(v.rank)
                .bind(now)
                .bind(label.to_owned());
        }
        changed += query.execute(&mut **tx).await?.rows_affected();
    }
    let inserted: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM civil_servants WHERE id > $1")
        .bind(before)
        .fetch_one(&mut **tx)
        .await?;
    Ok((changed, inserted as u64))
}

/// Returns (rows changed, rows inserted).
async fn postgres(
    tx: &mut Transaction<'static, Postgres>,
    values: Vec<Values>,
    label: &str,
    now: DateTime<Utc>,
) -> Result<(u64, u64), StoreError> {
    let data = copy_text(&values);
    drop(values);
    sqlx::raw_sql(POSTGRES_STAGE).execute(&mut **tx).await?;
    let mut copy = tx.copy_in_raw(POSTGRES_COPY).await?;
    if let Err(e) = copy.send(data).await {
        // The transaction is rolled back anyway; the first error is the one to report.
        let _ = copy.abort("the import's writer failed").await;
        return Err(e.into());
    }
    copy.finish().await?;
    let (changed, inserted): (i64, i64) = sqlx::query_as(POSTGRES_UPSERT)
        .bind(now)
        .bind(label.to_owned())
        .fetch_one(&mut **tx)
        .await?;
    Ok((changed as u64, inserted as u64))
}

/// The rows in `COPY`'s text format: one line a row, tab between columns, `\N` for NULL.
fn copy_text(values: &[Values]) -> Vec<u8> {
    let mut out = Vec::with_capacity(values.len() * 256);
    for v in values {
        let mut row = CopyRow {
            out: &mut out,
            first: true,
        };
        row.text(&v.nip);
        row.optional(&v.nip_lama);
        row.optional(&v.nik);
        row.text(&v.name);
        row.text(&v.given_name);
        row.optional(&v.front_titles);
        row.optional(&v.back_titles);
        row.text(&v.sex);
        row.raw(&v.birth_date.format("%Y-%m-%d").to_string());
        row.optional(&v.birth_place);
        row.text(&v.employee_type);
        row.optional(&v.status);
        row.raw(&v.agency_id.to_string());
        row.text(&v.unit);
        row.optional(&v.work_location);
        row.text(&v.position_type);
        row.text(&v.position);
        row.optional(&v.eselon);
        row.optional(&v.rank);
        out.push(b'\n');
    }
    out
}

/// Appends one row's columns, tab-separated.
struct CopyRow<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl CopyRow<'_> {
    fn separate(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.out.push(b'\t');
        }
    }

    /// A value known to need no escaping (a number, a date).
    fn raw(&mut self, value: &str) {
        self.separate();
        self.out.extend_from_slice(value.as_bytes());
    }

    /// Text, with the characters `COPY` gives a meaning escaped: a name may hold any of them.
    fn text(&mut self, value: &str) {
        self.separate();
        for &b in value.as_bytes() {
            match b {
                b'\\' => self.out.extend_from_slice(b"\\\\"),
                b'\t' => self.out.extend_from_slice(b"\\t"),
                b'\n' => self.out.extend_from_slice(b"\\n"),
                b'\r' => self.out.extend_from_slice(b"\\r"),
                _ => self.out.push(b),
            }
        }
    }

    fn optional(&mut self, value: &Option<String>) {
        match value {
            Some(value) => self.text(value),
            None => {
                self.separate();
                self.out.extend_from_slice(b"\\N");
            }
        }
    }
}
