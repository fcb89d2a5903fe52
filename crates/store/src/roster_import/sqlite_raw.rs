//! Rows bound straight through SQLite's C API, on the connection sqlx already holds: the one
//! place of the store with `unsafe` code.
//!
//! Why: through sqlx every value of every row is copied into an argument buffer, handed to
//! sqlx's worker thread, bound as a transient copy (copied again by SQLite) and freed; at a
//! million rows that was most of the writer's time (decision 0014). Here one statement is
//! prepared once per batch, and each row's values are bound in place, uncopied, then stepped.
//!
//! The statement runs on the writer connection inside the batch's transaction: the caller
//! holds sqlx's lock on the handle ([`LockedSqliteHandle`]), so sqlx's worker makes no call on
//! it meanwhile, and the transaction sqlx began is the one these rows join.

use std::ffi::{CStr, c_int};
use std::marker::PhantomData;
use std::ptr::{self, NonNull};

use libsqlite3_sys as ffi;
use sqlx::sqlite::LockedSqliteHandle;

use crate::error::StoreError;

/// One value to bind.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Cell<'a> {
    Null,
    Text(&'a str),
    Int(i64),
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(text: &'a str) -> Cell<'a> {
        Cell::Text(text)
    }
}

impl<'a> From<&'a Option<String>> for Cell<'a> {
    fn from(text: &'a Option<String>) -> Cell<'a> {
        text.as_deref().map_or(Cell::Null, Cell::Text)
    }
}

/// A prepared statement on a locked connection; finalized when dropped. Borrows the lock, so
/// it cannot outlive it.
pub(super) struct Prepared<'h> {
    db: NonNull<ffi::sqlite3>,
    stmt: NonNull<ffi::sqlite3_stmt>,
    parameters: usize,
    _handle: PhantomData<&'h mut ()>,
}

impl<'h> Prepared<'h> {
    pub fn new(
        handle: &'h mut LockedSqliteHandle<'_>,
        sql: &str,
    ) -> Result<Prepared<'h>, StoreError> {
        let db = handle.as_raw_handle();
        let length = c_int::try_from(sql.len()).map_err(|_| failed("statement too long"))?;
        let mut stmt = ptr::null_mut();
        // SAFETY: `db` is a live connection that only this thread uses while `handle` is
        // locked (sqlx's guarantee for `LockedSqliteHandle`); `sql` is valid for `length`
        // bytes, which SQLite reads during the call only; `stmt` is a valid out-pointer.
        let code = unsafe {
            ffi::sqlite3_prepare_v3(
                db.as_ptr(),
                sql.as_ptr().cast(),
                length,
                0,
                &mut stmt,
                ptr::null_mut(),
            )
        };
        if code != ffi::SQLITE_OK {
            return Err(error(db, code));
        }
        let stmt = NonNull::new(stmt).ok_or_else(|| failed("the statement is empty"))?;
        // SAFETY: `stmt` was just prepared and is not finalized.
        let parameters = unsafe { ffi::sqlite3_bind_parameter_count(stmt.as_ptr()) } as usize;
        Ok(Prepared {
            db,
            stmt,
            parameters,
            _handle: PhantomData,
        })
    }

    /// Binds `cells` to the statement's parameters in order, runs it, and returns how many rows
    /// it changed (`sqlite3_changes`: an upsert whose `WHERE` skipped the update counts 0).
    pub fn execute(&mut self, cells: &[Cell<'_>]) -> Result<u64, StoreError> {
        if cells.len() != self.parameters {
            return Err(failed(&format!(
                "{} values for {} parameters",
                cells.len(),
                self.parameters
            )));
        }
        let stmt = self.stmt.as_ptr();
        let result = self.bind(cells).and_then(|()| self.step());
        // SAFETY: `stmt` is live. Reset and clear drop every pointer to `cells` that SQLite
        // kept, so nothing bound outlives this call; neither can fail in a way that matters
        // (reset repeats the step's error, already taken).
        unsafe {
            ffi::sqlite3_reset(stmt);
            ffi::sqlite3_clear_bindings(stmt);
        }
        result
    }

    fn bind(&mut self, cells: &[Cell<'_>]) -> Result<(), StoreError> {
        let stmt = self.stmt.as_ptr();
        for (i, cell) in cells.iter().enumerate() {
            let index = i as c_int + 1;
            // SAFETY: `stmt` is live and `index` within 1..=parameters (checked above). Text is
            // bound SQLITE_STATIC (no copy): the `&str` outlives the step that reads it, and
            // `execute` clears the bindings before it returns. Its length is passed, so the
            // text needs no NUL at its end (one inside would be kept, as sqlx keeps it).
            let code = unsafe {
                match *cell {
                    Cell::Null => ffi::sqlite3_bind_null(stmt, index),
                    Cell::Int(value) => ffi::sqlite3_bind_int64(stmt, index, value),
                    Cell::Text(text) => {
                        let length = c_int::try_from(text.len())
                            .map_err(|_| failed("a value is too long"))?;
                        ffi::sqlite3_bind_text(stmt, index, text.as_ptr().cast(), length, None)
                    }
                }
            };
            if code != ffi::SQLITE_OK {
                return Err(error(self.db, code));
            }
        }
        Ok(())
    }

    fn step(&mut self) -> Result<u64, StoreError> {
        loop {
            // SAFETY: `stmt` is live, its parameters bound to values that live until `execute`
            // returns; `db` is its connection.
            match unsafe { ffi::sqlite3_step(self.stmt.as_ptr()) } {
                ffi::SQLITE_ROW => continue,
                ffi::SQLITE_DONE => {
                    // SAFETY: as above.
                    let changed = unsafe { ffi::sqlite3_changes64(self.db.as_ptr()) };
                    return Ok(changed.max(0) as u64);
                }
                code => return Err(error(self.db, code)),
            }
        }
    }
}

impl Drop for Prepared<'_> {
    fn drop(&mut self) {
        // SAFETY: `stmt` is live and finalized exactly once, here, while the handle is still
        // locked (the lock's borrow outlives `self`).
        unsafe {
            ffi::sqlite3_finalize(self.stmt.as_ptr());
        }
    }
}

/// SQLite's own message for a failed call. Nothing of the batch is kept: the caller's
/// transaction rolls back.
fn error(db: NonNull<ffi::sqlite3>, code: c_int) -> StoreError {
    // SAFETY: `db` is live; the message is copied at once, before any other call on it.
    let message = unsafe {
        let text = ffi::sqlite3_errmsg(db.as_ptr());
        if text.is_null() {
            String::new()
        } else {
            CStr::from_ptr(text).to_string_lossy().into_owned()
        }
    };
    failed(&format!("SQLite error {code}: {message}"))
}

fn failed(message: &str) -> StoreError {
    StoreError::BatchFailed(format!("the roster batch could not be written: {message}"))
}

#[cfg(test)]
mod tests {
    use sqlx::{Connection, Row, SqliteConnection};

    use super::{Cell, Prepared};

    #[tokio::test]
    async fn values_arrive_as_bound_and_failures_are_sqlites_own() {
        let mut conn = SqliteConnection::connect("sqlite::memory:").await.unwrap();
        sqlx::query("CREATE TABLE t (a TEXT, b INTEGER, c TEXT NOT NULL UNIQUE)")
            .execute(&mut conn)
            .await
            .unwrap();
        let texts = [
            "it's \"quoted\", with; commas",
            "Đặng Thị Ñoño — 日本語 🙂",
            "",
            "\\N\tand\nlines",
        ];
        {
            let mut handle = conn.lock_handle().await.unwrap();
            assert!(Prepared::new(&mut handle, "INSERT INTO nowhere VALUES (?)").is_err());
            let mut insert =
                Prepared::new(&mut handle, "INSERT INTO t (a, b, c) VALUES (?, ?, ?)").unwrap();
            for (i, text) in texts.iter().enumerate() {
                let key = format!("k{i}");
                let cells = [Cell::Text(text), Cell::Int(i as i64 - 1), Cell::Text(&key)];
                assert_eq!(insert.execute(&cells).unwrap(), 1);
            }
            assert_eq!(
                insert
                    .execute(&[Cell::Null, Cell::Null, Cell::Text("k9")])
                    .unwrap(),
                1
            );
            let arity = insert.execute(&[Cell::Null]).unwrap_err();
            assert!(arity.to_string().contains("1 values for 3"), "{arity}");
            let duplicate = insert
                .execute(&[Cell::Null, Cell::Null, Cell::Text("k0")])
                .unwrap_err();
            assert!(duplicate.to_string().contains("UNIQUE"), "{duplicate}");
            // A failed row leaves the statement usable; NOT NULL is SQLite's to check.
            assert!(
                insert
                    .execute(&[Cell::Null, Cell::Null, Cell::Null])
                    .is_err()
            );
            let cells = [Cell::Text("after"), Cell::Int(i64::MAX), Cell::Text("k10")];
            assert_eq!(insert.execute(&cells).unwrap(), 1);
            drop(insert);
            let mut update = Prepared::new(&mut handle, "UPDATE t SET b = 0 WHERE b < ?").unwrap();
            assert_eq!(update.execute(&[Cell::Int(2)]).unwrap(), 3, "rows changed");
        }
        let rows = sqlx::query("SELECT a, b FROM t ORDER BY rowid")
            .fetch_all(&mut conn)
            .await
            .unwrap();
        let stored: Vec<(Option<String>, Option<i64>)> =
            rows.iter().map(|r| (r.get("a"), r.get("b"))).collect();
        let mut expected: Vec<(Option<String>, Option<i64>)> = texts
            .iter()
            .zip([0, 0, 0, 2])
            .map(|(t, b)| (Some(t.to_string()), Some(b)))
            .collect();
        expected.push((None, None));
        expected.push((Some("after".into()), Some(i64::MAX)));
        assert_eq!(stored, expected, "empty text stays text, NULL stays NULL");
    }
}
