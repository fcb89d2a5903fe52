//! One handle over SQLite or PostgreSQL, and one way to write SQL for both: queries are written
//! once with `$1` placeholders (SQLite accepts them too), bound through [`Sql`], and rows read
//! through [`Row`]. Repository code never matches on the backend except where SQL must differ.

use std::future::Future;
use std::pin::Pin;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgArguments, PgConnectOptions, PgPoolOptions, PgRow};
use sqlx::sqlite::{
    SqliteArguments, SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};
use sqlx::{
    Arguments, ConnectOptions as _, Decode, Encode, PgPool, Postgres, Sqlite, SqlitePool,
    Transaction, Type,
};

use crate::error::StoreError;
use crate::group_commit::GroupCommit;

/// Which database a [`Db`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A connection pool. SQLite gets one writer connection (SQLite allows one writer at a time;
/// queuing in the pool beats failing with SQLITE_BUSY), several readers (WAL lets them read
/// while the writer writes), and group commit for the busiest writes.
#[derive(Debug, Clone)]
pub enum Db {
    Sqlite {
        writer: SqlitePool,
        reader: SqlitePool,
        group: GroupCommit,
    },
    Postgres(PgPool),
}

/// An open write transaction. Dropped without `commit`, it rolls back: nothing half-written.
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl Db {
    /// Connects to `sqlite:PATH` (the file is created when missing) or `postgres://…`.
    pub async fn connect(url: &str) -> Result<Db, StoreError> {
        let shown = redact(url);
        let fail = |source| StoreError::Connect {
            url: shown.clone(),
            source,
        };
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)
                .map_err(fail)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // FULL: a report acknowledged with a receipt must survive a power cut, not only
                // a crash of the process.
                .synchronous(SqliteSynchronous::Full)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10));
            // Checkpoints run in the background on a connection of their own (see group_commit).
            let writer = SqlitePoolOptions::new()
                .max_connections(1)
                .connect_with(options.clone().pragma("wal_autocheckpoint", "0"))
                .await
                .map_err(fail)?;
            let checkpointer = SqlitePoolOptions::new()
                .max_connections(1)
                .connect_with(options.clone())
                .await
                .map_err(fail)?;
            let reader = SqlitePoolOptions::new()
                .max_connections(4)
                .connect_with(options.read_only(true))
                .await
                .map_err(fail)?;
            let group = GroupCommit::start(writer.clone(), checkpointer);
            Ok(Db::Sqlite {
                writer,
                reader,
                group,
            })
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let options = PgConnectOptions::from_str(url).map_err(fail)?;
            // One plain attempt first: the pool would retry until its timeout, and an operator
            // who mistyped the host wants the answer now.
            sqlx::Connection::close(options.connect().await.map_err(fail)?)
                .await
                .map_err(fail)?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_lazy_with(options);
            Ok(Db::Postgres(pool))
        } else {
            Err(StoreError::UnsupportedUrl(shown))
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite { .. } => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Brings the schema up to date. Safe to run on every start.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self {
            Db::Sqlite { writer, .. } => sqlx::migrate!("./migrations/sqlite").run(writer).await?,
            Db::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        // Reference data shipped with the binary (regions), keys SQL cannot compute, and the
        // statistics of cases opened before they existed.
        crate::registry::after_migrate(self).await?;
        crate::case_facts::backfill(self).await?;
        Ok(())
    }

    /// Opens a write transaction. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`): a deferred transaction that reads, then writes, fails when another writer
    /// came in between.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(match self {
            Db::Sqlite { writer, .. } => Tx::Sqlite(writer.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Runs `work` in a write transaction and returns its result once committed. On SQLite,
    /// concurrent calls share one transaction (group commit), and `work` may run more than once
    /// (when another write in its batch failed): it must not act outside the transaction.
    pub async fn write<T, W>(&self, work: W) -> Result<T, StoreError>
    where
        T: Send + 'static,
        W: for<'t> Fn(
                &'t mut Tx,
            )
                -> Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 't>>
            + Send
            + Sync
            + 'static,
    {
        match self {
            Db::Sqlite { group, .. } => group.write(work).await,
            Db::Postgres(_) => {
                let mut tx = self.begin().await?;
                let value = work(&mut tx).await?;
                tx.commit().await?;
                Ok(value)
            }
        }
    }

    /// Checkpoints the WAL from the writer connection, between two write transactions: no write
    /// can come in meanwhile, so every frame is copied back and the next transaction starts the
    /// WAL over. A long import needs it: the background checkpoint (group_commit) runs while
    /// the import keeps writing, never catches up, and the WAL would grow by everything the
    /// import writes (tens of GB for a national roster). A checkpoint another connection is
    /// running makes this one a no-op. Nothing to do on PostgreSQL.
    pub async fn checkpoint_between_writes(&self) -> Result<(), StoreError> {
        if let Db::Sqlite { writer, .. } = self {
            sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                .execute(writer)
                .await?;
        }
        Ok(())
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite { writer, reader, .. } => {
                reader.close().await;
                writer.close().await;
            }
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), StoreError> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await?,
            Tx::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        match self {
            Tx::Sqlite(_) => Backend::Sqlite,
            Tx::Postgres(_) => Backend::Postgres,
        }
    }
}

/// Where a statement runs: inside a write transaction, or on the database's read pool.
pub enum On<'a> {
    Tx(&'a mut Tx),
    Db(&'a Db),
}

impl<'a> From<&'a mut Tx> for On<'a> {
    fn from(tx: &'a mut Tx) -> Self {
        On::Tx(tx)
    }
}

impl<'a> From<&'a Db> for On<'a> {
    fn from(db: &'a Db) -> Self {
        On::Db(db)
    }
}

/// A value both backends can store. (An `Option` must own its value: sqlx requires `T: 'q` for
/// every `'q`, so bind `Option<String>` rather than `Option<&str>`.)
pub trait Param:
    for<'q> Encode<'q, Sqlite> + Type<Sqlite> + for<'q> Encode<'q, Postgres> + Type<Postgres>
{
}
impl<T> Param for T where
    T: for<'q> Encode<'q, Sqlite> + Type<Sqlite> + for<'q> Encode<'q, Postgres> + Type<Postgres>
{
}

/// A value both backends can read back.
pub trait Column:
    for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres>
{
}
impl<T> Column for T where
    T: for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres>
{
}

/// A statement with its parameters, ready for either backend. Each value is encoded for both
/// backends as it is bound: cheaper than the code it saves.
pub struct Sql {
    text: &'static str,
    sqlite: SqliteArguments,
    postgres: PgArguments,
    bind_error: Option<sqlx::error::BoxDynError>,
}

/// Starts a statement. SQL text is static: values always travel as parameters.
pub fn sql(text: &'static str) -> Sql {
    Sql {
        text,
        sqlite: SqliteArguments::default(),
        postgres: PgArguments::default(),
        bind_error: None,
    }
}

macro_rules! run {
    ($self:ident, $on:ident, $method:ident) => {{
        if let Some(e) = $self.bind_error {
            return Err(StoreError::Db(sqlx::Error::Encode(e)));
        }
        match $on.into() {
            On::Tx(Tx::Sqlite(tx)) => sqlx::query_with($self.text, $self.sqlite)
                .$method(&mut **tx)
                .await
                .map(Into::into),
            On::Tx(Tx::Postgres(tx)) => sqlx::query_with($self.text, $self.postgres)
                .$method(&mut **tx)
                .await
                .map(Into::into),
            On::Db(Db::Sqlite { reader, .. }) => sqlx::query_with($self.text, $self.sqlite)
                .$method(reader)
                .await
                .map(Into::into),
            On::Db(Db::Postgres(pool)) => sqlx::query_with($self.text, $self.postgres)
                .$method(pool)
                .await
                .map(Into::into),
        }
    }};
}

impl Sql {
    pub fn bind<T: Param>(mut self, value: T) -> Self {
        if self.bind_error.is_none() {
            self.bind_error = self
                .sqlite
                .add(&value)
                .and_then(|_| self.postgres.add(&value))
                .err();
        }
        self
    }

    /// Runs a statement that returns no rows; gives the number of rows it changed.
    pub async fn execute<'a>(self, on: impl Into<On<'a>>) -> Result<u64, StoreError> {
        let done: Result<Affected, sqlx::Error> = run!(self, on, execute);
        Ok(done?.0)
    }

    /// Runs one write statement in a transaction of its own (the read pool of SQLite is
    /// read-only); gives the number of rows it changed.
    pub async fn execute_alone(self, db: &Db) -> Result<u64, StoreError> {
        let mut tx = db.begin().await?;
        let changed = self.execute(&mut tx).await?;
        tx.commit().await?;
        Ok(changed)
    }

    pub async fn fetch_all<'a>(self, on: impl Into<On<'a>>) -> Result<Vec<Row>, StoreError> {
        let rows: Result<Rows, sqlx::Error> = run!(self, on, fetch_all);
        Ok(rows?.0)
    }

    pub async fn fetch_optional<'a>(
        self,
        on: impl Into<On<'a>>,
    ) -> Result<Option<Row>, StoreError> {
        let row: Result<MaybeRow, sqlx::Error> = run!(self, on, fetch_optional);
        Ok(row?.0)
    }

    pub async fn fetch_one<'a>(self, on: impl Into<On<'a>>) -> Result<Row, StoreError> {
        let row: Result<Row, sqlx::Error> = run!(self, on, fetch_one);
        Ok(row?)
    }
}

/// A row from either backend.
pub enum Row {
    Sqlite(SqliteRow),
    Postgres(PgRow),
}

impl Row {
    /// Reads a column; a mismatch is reported with the column's name.
    pub fn get<T: Column>(&self, column: &'static str) -> Result<T, StoreError> {
        let value = match self {
            Row::Sqlite(row) => sqlx::Row::try_get(row, column),
            Row::Postgres(row) => sqlx::Row::try_get(row, column),
        };
        value.map_err(|e| StoreError::Corrupt {
            column,
            message: e.to_string(),
        })
    }

    /// Reads a text column and parses it into a domain value.
    pub fn parse<T>(&self, column: &'static str) -> Result<T, StoreError>
    where
        T: FromStr,
        T::Err: std::fmt::Display,
    {
        let text: String = self.get(column)?;
        text.parse().map_err(|e: T::Err| StoreError::Corrupt {
            column,
            message: e.to_string(),
        })
    }
}

struct Affected(u64);
impl From<sqlx::sqlite::SqliteQueryResult> for Affected {
    fn from(r: sqlx::sqlite::SqliteQueryResult) -> Self {
        Affected(r.rows_affected())
    }
}
impl From<sqlx::postgres::PgQueryResult> for Affected {
    fn from(r: sqlx::postgres::PgQueryResult) -> Self {
        Affected(r.rows_affected())
    }
}

struct Rows(Vec<Row>);
impl From<Vec<SqliteRow>> for Rows {
    fn from(rows: Vec<SqliteRow>) -> Self {
        Rows(rows.into_iter().map(Row::Sqlite).collect())
    }
}
impl From<Vec<PgRow>> for Rows {
    fn from(rows: Vec<PgRow>) -> Self {
        Rows(rows.into_iter().map(Row::Postgres).collect())
    }
}

struct MaybeRow(Option<Row>);
impl From<Option<SqliteRow>> for MaybeRow {
    fn from(row: Option<SqliteRow>) -> Self {
        MaybeRow(row.map(Row::Sqlite))
    }
}
impl From<Option<PgRow>> for MaybeRow {
    fn from(row: Option<PgRow>) -> Self {
        MaybeRow(row.map(Row::Postgres))
    }
}

impl From<SqliteRow> for Row {
    fn from(row: SqliteRow) -> Self {
        Row::Sqlite(row)
    }
}
impl From<PgRow> for Row {
    fn from(row: PgRow) -> Self {
        Row::Postgres(row)
    }
}

/// The URL without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.find(':') {
                Some(colon) => format!(
                    "{}://{}:***{}",
                    &url[..scheme_end],
                    &credentials[..colon],
                    &url[at..]
                ),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            super::redact("postgres://netral:s3cret@db:5432/netral"),
            "postgres://netral:***@db:5432/netral"
        );
        assert_eq!(
            super::redact("postgres://postgres@127.0.0.1/test"),
            "postgres://postgres@127.0.0.1/test"
        );
        assert_eq!(super::redact("sqlite:netral.db"), "sqlite:netral.db");
    }
}
