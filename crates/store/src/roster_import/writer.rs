//! The writing side of an import: each batch in one transaction, as multi-row upserts keyed on
//! the NIP, so that a batch is all in or all out and a file imported twice ends as it would
//! once. SQLite gets `INSERT … VALUES` lists (its parameter limit allows ~1,500 rows per
//! statement; 500 measured as fast); PostgreSQL gets one `INSERT … SELECT FROM UNNEST` of
//! column arrays per batch, which it plans once whatever the batch size.

use chrono::{DateTime, NaiveDate, Utc};
use netral_domain::roster::RosterRecord;
use sqlx::{Postgres, Sqlite, Transaction};

use crate::db::{Db, Tx};
use crate::error::StoreError;
use crate::registry::bulk::{Placeholders, Statement, chunk_sizes};
use crate::registry::{back_titles, front_titles};

/// Rows per SQLite statement: 21 parameters each, well under SQLite's 32,766.
const SQLITE_ROWS_PER_STATEMENT: usize = 500;

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

const POSTGRES_UPSERT: &str = concat!(
    "INSERT INTO civil_servants (",
    columns!(),
    ") SELECT r.*, $20::timestamptz, $21::text FROM UNNEST($1::text[], $2::text[], $3::text[], \
     $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[], $10::text[], \
     $11::text[], $12::text[], $13::bigint[], $14::text[], $15::text[], $16::text[], \
     $17::text[], $18::text[], $19::text[]) AS r ",
    upsert!("IS DISTINCT FROM"),
    " RETURNING (xmax = 0)"
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

/// Returns (rows changed, rows inserted).
async fn sqlite(
    tx: &mut Transaction<'static, Sqlite>,
    values: Vec<Values>,
    label: &str,
    now: DateTime<Utc>,
) -> Result<(u64, u64), StoreError> {
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
    let n = values.len();
    let mut nip = Vec::with_capacity(n);
    let mut nip_lama = Vec::with_capacity(n);
    let mut nik = Vec::with_capacity(n);
    let mut name = Vec::with_capacity(n);
    let mut given_name = Vec::with_capacity(n);
    let mut front = Vec::with_capacity(n);
    let mut back = Vec::with_capacity(n);
    let mut sex = Vec::with_capacity(n);
    let mut birth_date = Vec::with_capacity(n);
    let mut birth_place = Vec::with_capacity(n);
    let mut employee_type = Vec::with_capacity(n);
    let mut status = Vec::with_capacity(n);
    let mut agency_id = Vec::with_capacity(n);
    let mut unit = Vec::with_capacity(n);
    let mut work_location = Vec::with_capacity(n);
    let mut position_type = Vec::with_capacity(n);
    let mut position = Vec::with_capacity(n);
    let mut eselon = Vec::with_capacity(n);
    let mut rank = Vec::with_capacity(n);
    for v in values {
        nip.push(v.nip);
        nip_lama.push(v.nip_lama);
        nik.push(v.nik);
        name.push(v.name);
        given_name.push(v.given_name);
        front.push(v.front_titles);
        back.push(v.back_titles);
        sex.push(v.sex);
        birth_date.push(v.birth_date);
        birth_place.push(v.birth_place);
        employee_type.push(v.employee_type);
        status.push(v.status);
        agency_id.push(v.agency_id);
        unit.push(v.unit);
        work_location.push(v.work_location);
        position_type.push(v.position_type);
        position.push(v.position);
        eselon.push(v.eselon);
        rank.push(v.rank);
    }
    // One row back per row written; `xmax = 0` marks a row this statement inserted (an
    // updated row carries the updating transaction's id). Batches may be written side by
    // side, so counting ids afterwards would count the neighbour's rows too.
    let written: Vec<bool> = sqlx::query_scalar(POSTGRES_UPSERT)
        .bind(nip)
        .bind(nip_lama)
        .bind(nik)
        .bind(name)
        .bind(given_name)
        .bind(front)
        .bind(back)
        .bind(sex)
        .bind(birth_date)
        .bind(birth_place)
        .bind(employee_type)
        .bind(status)
        .bind(agency_id)
        .bind(unit)
        .bind(work_location)
        .bind(position_type)
        .bind(position)
        .bind(eselon)
        .bind(rank)
        .bind(now)
        .bind(label.to_owned())
        .fetch_all(&mut **tx)
        .await?;
    let inserted = written.iter().filter(|&&inserted| inserted).count();
    Ok((written.len() as u64, inserted as u64))
}
