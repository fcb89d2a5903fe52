//! Civil servants' declared social-media accounts: imported from lists
//! (`nip,platform,handle,url,declared_on`, CSV or XLSX; columns on [`AccountField`]), listed on
//! a person's record, and looked up by handle when public activity must be traced to a person.
//!
//! An account is keyed by platform and normalised handle ([`normalise_handle`]) and belongs to
//! one person: re-importing updates its handle as written, address and date; a row giving
//! another person's account is a bad row naming the owner. Accounts absent from a list are
//! kept, since lists come agency by agency.

use std::collections::HashMap;
use std::future::Future;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use netral_domain::registry::{AccountField, Platform, check_account_row, normalise_handle};
use netral_domain::table::{FieldProblem, TextRow};

use super::prevention::civil_servant_by_nip;
use crate::db::{Db, Row, Tx, sql};
use crate::error::StoreError;
use crate::tabular::pipeline::{
    Change, FileImportError, FileImportOptions, FileImportSummary, RecordParser, RecordWriter,
    import_records, stored_now,
};

/// An account as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredAccount {
    pub platform: Platform,
    /// As declared.
    pub handle: String,
    pub handle_normalised: String,
    pub url: Option<String>,
    pub declared_on: Option<NaiveDate>,
}

/// Who declared an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountOwner {
    pub civil_servant_id: i64,
    pub nip: String,
    pub name: String,
    pub agency_id: i64,
}

fn platform(row: &Row) -> Result<Platform, StoreError> {
    let stored: String = row.get("platform")?;
    Platform::parse(&stored).ok_or_else(|| StoreError::Corrupt {
        column: "platform",
        message: format!("unknown platform {stored}"),
    })
}

/// The accounts the civil servant with this NIP declared, by platform and handle.
pub async fn accounts_of(db: &Db, nip: &str) -> Result<Vec<DeclaredAccount>, StoreError> {
    sql(
        "SELECT d.platform, d.handle, d.handle_normalised, d.url, d.declared_on \
         FROM declared_accounts d JOIN civil_servants p ON p.id = d.civil_servant_id \
         WHERE p.nip = $1 ORDER BY d.platform, d.handle_normalised",
    )
    .bind(nip.to_owned())
    .fetch_all(db)
    .await?
    .iter()
    .map(|row| {
        Ok(DeclaredAccount {
            platform: platform(row)?,
            handle: row.get("handle")?,
            handle_normalised: row.get("handle_normalised")?,
            url: row.get("url")?,
            declared_on: row.get("declared_on")?,
        })
    })
    .collect()
}

/// Who declared the account `handle` names on `platform`, the handle written any way the
/// import accepts (`@Budi`, a profile address…); `None` when nobody did, or when `handle` is
/// not a handle at all.
pub async fn find_account_owner(
    db: &Db,
    platform: Platform,
    handle: &str,
) -> Result<Option<AccountOwner>, StoreError> {
    let Ok(key) = normalise_handle(platform, handle) else {
        return Ok(None);
    };
    sql(
        "SELECT p.id, p.nip, p.name, p.agency_id FROM declared_accounts d \
         JOIN civil_servants p ON p.id = d.civil_servant_id \
         WHERE d.platform = $1 AND d.handle_normalised = $2",
    )
    .bind(platform.as_str())
    .bind(key)
    .fetch_optional(db)
    .await?
    .map(|row| {
        Ok(AccountOwner {
            civil_servant_id: row.get("id")?,
            nip: row.get("nip")?,
            name: row.get("name")?,
            agency_id: row.get("agency_id")?,
        })
    })
    .transpose()
}

/// Imports a list of declared accounts. The people must be on the roster.
pub async fn import_accounts(
    db: &Db,
    path: &Path,
    options: FileImportOptions<AccountField>,
) -> Result<FileImportSummary, FileImportError> {
    let parser = AccountParser {
        db: db.clone(),
        runtime: tokio::runtime::Handle::current(),
        people: HashMap::new(),
        seen: HashMap::new(),
    };
    let writer = AccountWriter {
        label: options.label.clone(),
        now: stored_now(options.now),
    };
    Ok(
        import_records(db, path, "declared accounts", options, parser, writer)
            .await?
            .0,
    )
}

/// An account to write; `id` when it is stored already.
pub struct AccountWrite {
    id: Option<i64>,
    civil_servant_id: i64,
    platform: Platform,
    handle: String,
    handle_normalised: String,
    url: Option<String>,
    declared_on: Option<NaiveDate>,
}

struct Stored {
    id: i64,
    civil_servant_id: i64,
    owner_nip: String,
    handle: String,
    url: Option<String>,
    declared_on: Option<NaiveDate>,
}

async fn stored_account(
    db: &Db,
    platform: Platform,
    key: &str,
) -> Result<Option<Stored>, StoreError> {
    sql(
        "SELECT d.id, d.civil_servant_id, p.nip, d.handle, d.url, d.declared_on \
         FROM declared_accounts d JOIN civil_servants p ON p.id = d.civil_servant_id \
         WHERE d.platform = $1 AND d.handle_normalised = $2",
    )
    .bind(platform.as_str())
    .bind(key.to_owned())
    .fetch_optional(db)
    .await?
    .map(|row| {
        Ok(Stored {
            id: row.get("id")?,
            civil_servant_id: row.get("civil_servant_id")?,
            owner_nip: row.get("nip")?,
            handle: row.get("handle")?,
            url: row.get("url")?,
            declared_on: row.get("declared_on")?,
        })
    })
    .transpose()
}

struct AccountParser {
    /// Read from the reading thread, which may wait.
    db: Db,
    runtime: tokio::runtime::Handle,
    /// Roster ids by NIP, as found so far.
    people: HashMap<String, Option<i64>>,
    /// Accounts met in this file: their line and the NIP that declared them.
    seen: HashMap<(Platform, String), (u64, String)>,
}

impl AccountParser {
    fn wait<T>(&self, future: impl Future<Output = T>) -> T {
        self.runtime.block_on(future)
    }
}

impl RecordParser for AccountParser {
    type Field = AccountField;
    type Record = AccountWrite;

    fn parse(
        &mut self,
        line: u64,
        row: &TextRow<AccountField>,
        problems: &mut Vec<FieldProblem<AccountField>>,
    ) -> Result<Option<Change<AccountWrite>>, StoreError> {
        let record = match check_account_row(row) {
            Ok(record) => record,
            Err(found) => {
                problems.extend(found);
                return Ok(None);
            }
        };
        let nip = record.number.as_str().to_owned();
        let person = match self.people.get(&nip) {
            Some(found) => *found,
            None => {
                let found = self
                    .wait(civil_servant_by_nip(&self.db, &nip))?
                    .map(|(id, _)| id);
                self.people.insert(nip.clone(), found);
                found
            }
        };
        let Some(person) = person else {
            problems.push(FieldProblem::new(
                AccountField::Nip,
                format!("NIP {nip} is not on the roster: import the roster first"),
            ));
            return Ok(None);
        };
        let account = (record.platform, record.handle_key.clone());
        if let Some((first, owner)) = self.seen.get(&account) {
            let message = if *owner == nip {
                format!("this account appears again: it was already on line {first}")
            } else {
                format!(
                    "this account was declared on line {first} by NIP {owner}: an account belongs to one person"
                )
            };
            problems.push(FieldProblem::new(AccountField::Handle, message));
            return Ok(None);
        }
        self.seen.insert(account, (line, nip.clone()));
        let stored = self.wait(stored_account(
            &self.db,
            record.platform,
            &record.handle_key,
        ))?;
        if let Some(stored) = &stored
            && stored.civil_servant_id != person
        {
            problems.push(FieldProblem::new(
                AccountField::Handle,
                format!(
                    "this account is already declared by NIP {}: an account belongs to one person",
                    stored.owner_nip
                ),
            ));
            return Ok(None);
        }
        let write = AccountWrite {
            id: stored.as_ref().map(|s| s.id),
            civil_servant_id: person,
            platform: record.platform,
            handle: record.handle,
            handle_normalised: record.handle_key,
            url: record.url,
            declared_on: record.declared_on,
        };
        Ok(Some(match stored {
            None => Change::New(write),
            Some(s)
                if s.handle == write.handle
                    && s.url == write.url
                    && s.declared_on == write.declared_on =>
            {
                Change::Same
            }
            Some(_) => Change::Changed(write),
        }))
    }
}

struct AccountWriter {
    label: String,
    now: DateTime<Utc>,
}

impl RecordWriter<AccountWrite> for AccountWriter {
    async fn write(&mut self, tx: &mut Tx, change: Change<AccountWrite>) -> Result<(), StoreError> {
        let (Change::New(account) | Change::Changed(account)) = change else {
            return Ok(());
        };
        match account.id {
            None => sql("INSERT INTO declared_accounts (civil_servant_id, platform, handle, handle_normalised, url, declared_on, updated_at, import_batch) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .bind(account.civil_servant_id)
                .bind(account.platform.as_str())
                .bind(account.handle)
                .bind(account.handle_normalised)
                .bind(account.url)
                .bind(account.declared_on)
                .bind(self.now)
                .bind(self.label.clone())
                .execute(tx)
                .await?,
            Some(id) => sql("UPDATE declared_accounts SET handle = $1, url = $2, declared_on = $3, updated_at = $4, import_batch = $5 WHERE id = $6")
                .bind(account.handle)
                .bind(account.url)
                .bind(account.declared_on)
                .bind(self.now)
                .bind(self.label.clone())
                .bind(id)
                .execute(tx)
                .await?,
        };
        Ok(())
    }
}
