//! The writing side of an import: each batch in one transaction, as upserts keyed on the NIP,
//! so that a batch is all in or all out and a file imported twice ends as it would once.
//! SQLite gets one prepared upsert stepped row by row through the raw handle (`sqlite_raw`),
//! rows in NIP order and a page cache large enough for the NIP index. PostgreSQL gets the batch
//! by `COPY` into a temporary table, then one `INSERT … SELECT` of only the rows that are new
//! or changed; into a table that was empty when the import began, `COPY` straight into it.
//! See docs/decisions/0010 and 0014.

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::sqlite::LockedSqliteHandle;
use sqlx::{Postgres, Sqlite, Transaction};

use super::sqlite_raw::{Cell, Prepared};
use super::values::{CELLS, Values};

use crate::db::{Backend, Db, Tx};
use crate::error::StoreError;
use crate::registry::bulk::{Placeholders, Statement};

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

const POSTGRES_COPY_FRESH: &str = concat!("COPY civil_servants (", columns!(), ") FROM STDIN");

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

/// Writes one batch in one transaction. `fail_before_commit` is the test hook that stands for
/// a crash in the middle of a batch: everything is written, then rolled back.
/// `fresh`: the table was empty when the import began (see [`table_is_empty`]).
pub(super) async fn write_batch(
    db: &Db,
    values: Vec<Values>,
    label: &str,
    now: DateTime<Utc>,
    fresh: bool,
    fail_before_commit: bool,
) -> Result<Written, super::ImportError> {
    let total = values.len() as u64;
    let mut tx = db.begin().await?;
    let (changed, inserted) = match &mut tx {
        Tx::Sqlite(tx) => sqlite(tx, values, label, now).await?,
        Tx::Postgres(tx) if fresh => postgres_fresh(tx, values, label, now).await?,
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

/// Whether `civil_servants` is empty: a first, national load. On PostgreSQL its batches are then
/// copied straight into the table (see [`postgres_fresh`]).
pub(super) async fn table_is_empty(db: &Db) -> Result<bool, StoreError> {
    let row = crate::db::sql("SELECT NOT EXISTS (SELECT 1 FROM civil_servants) AS empty")
        .fetch_one(db)
        .await?;
    row.get::<bool>("empty")
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
    Values::sort_by_nip(&mut values);
    // New rows get rowids above the largest one, which tells inserted rows from updated ones
    // without reading the batch back; the transaction holds SQLite's only write lock.
    let before: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM civil_servants")
        .fetch_one(&mut **tx)
        .await?;
    let changed = {
        let mut handle = tx.lock_handle().await?;
        off_the_runtime(|| sqlite_rows(&mut handle, &values, label, now))?
    };
    let inserted: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM civil_servants WHERE id > $1")
        .bind(before)
        .fetch_one(&mut **tx)
        .await?;
    Ok((changed, inserted as u64))
}

/// Binds and steps one upsert per row through the raw handle (see `sqlite_raw`): values as
/// sqlx would have stored them (dates `%F`, timestamps RFC 3339).
fn sqlite_rows(
    handle: &mut LockedSqliteHandle<'_>,
    values: &[Values],
    label: &str,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let now = now.to_rfc3339_opts(SecondsFormat::AutoSi, false);
    let mut upsert = Prepared::new(handle, SQLITE_UPSERT.text(1))?;
    let mut changed = 0;
    let mut date = String::with_capacity(10);
    for v in values {
        let birth_date = v.birth_date(&mut date);
        let mut cells = [Cell::Null; CELLS + 2];
        cells[..CELLS].copy_from_slice(&v.cells(birth_date));
        cells[CELLS] = Cell::Text(&now);
        cells[CELLS + 1] = Cell::Text(label);
        changed += upsert.execute(&cells)?;
    }
    Ok(changed)
}

/// Runs blocking work (a batch's SQLite writes, ~tens of milliseconds) where it does not hold
/// up other tasks: `block_in_place` on a multi-threaded runtime; inline on a current-thread
/// one (tests, where nothing else is waiting), which cannot move its tasks elsewhere.
fn off_the_runtime<T>(work: impl FnOnce() -> T) -> T {
    use tokio::runtime::{Handle, RuntimeFlavor};
    match Handle::try_current().map(|h| h.runtime_flavor()) {
        Ok(RuntimeFlavor::MultiThread) => tokio::task::block_in_place(work),
        _ => work(),
    }
}

/// Returns (rows changed, rows inserted).
async fn postgres(
    tx: &mut Transaction<'static, Postgres>,
    values: Vec<Values>,
    label: &str,
    now: DateTime<Utc>,
) -> Result<(u64, u64), StoreError> {
    let data = copy_text(&values, &[]);
    drop(values);
    sqlx::raw_sql(POSTGRES_STAGE).execute(&mut **tx).await?;
    copy_in(tx, POSTGRES_COPY, data).await?;
    let (changed, inserted): (i64, i64) = sqlx::query_as(POSTGRES_UPSERT)
        .bind(now)
        .bind(label.to_owned())
        .fetch_one(&mut **tx)
        .await?;
    Ok((changed as u64, inserted as u64))
}

/// A batch of a load into a table that was empty when the import began: `COPY` straight into
/// `civil_servants`, without the staging table and the upsert's join, since only rows of this
/// very file can be there and the reader lets each NIP through once. Should another writer have
/// added one of these NIPs meanwhile, the copy fails on the unique index; it is undone to a
/// savepoint and the batch goes the usual way, so the result is the same, only slower.
async fn postgres_fresh(
    tx: &mut Transaction<'static, Postgres>,
    values: Vec<Values>,
    label: &str,
    now: DateTime<Utc>,
) -> Result<(u64, u64), StoreError> {
    let now_text = now.to_rfc3339_opts(SecondsFormat::Micros, true);
    let mut label_text = Vec::new();
    CopyRow {
        out: &mut label_text,
        first: true,
    }
    .text(label);
    let label_text = String::from_utf8(label_text).expect("escaping keeps UTF-8");
    let data = copy_text(&values, &[&now_text, &label_text]);
    sqlx::raw_sql("SAVEPOINT roster_fresh")
        .execute(&mut **tx)
        .await?;
    match copy_in(tx, POSTGRES_COPY_FRESH, data).await {
        Ok(copied) => {
            sqlx::raw_sql("RELEASE SAVEPOINT roster_fresh")
                .execute(&mut **tx)
                .await?;
            Ok((copied, copied))
        }
        Err(e) if is_unique_violation(&e) => {
            sqlx::raw_sql("ROLLBACK TO SAVEPOINT roster_fresh")
                .execute(&mut **tx)
                .await?;
            postgres(tx, values, label, now).await
        }
        Err(e) => Err(e.into()),
    }
}

fn is_unique_violation(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .and_then(|e| e.code())
        .is_some_and(|code| code == "23505")
}

/// Sends `data` to a `COPY … FROM STDIN`; returns the rows copied.
async fn copy_in(
    tx: &mut Transaction<'static, Postgres>,
    statement: &str,
    data: Vec<u8>,
) -> Result<u64, sqlx::Error> {
    let mut copy = tx.copy_in_raw(statement).await?;
    if let Err(e) = copy.send(data).await {
        // The transaction is rolled back anyway; the first error is the one to report.
        let _ = copy.abort("the import's writer failed").await;
        return Err(e);
    }
    copy.finish().await
}

/// The rows in `COPY`'s text format: one line a row, tab between columns, `\N` for NULL;
/// `extra` columns (already escaped) end every row.
fn copy_text(values: &[Values], extra: &[&str]) -> Vec<u8> {
    let mut out = Vec::with_capacity(values.len() * 256);
    let mut date = String::with_capacity(10);
    for v in values {
        let mut row = CopyRow {
            out: &mut out,
            first: true,
        };
        for cell in v.cells(v.birth_date(&mut date)) {
            match cell {
                Cell::Null => row.null(),
                Cell::Text(text) => row.text(text),
                Cell::Int(number) => row.raw(&number.to_string()),
            }
        }
        for column in extra {
            row.raw(column);
        }
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

    fn null(&mut self) {
        self.separate();
        self.out.extend_from_slice(b"\\N");
    }
}
