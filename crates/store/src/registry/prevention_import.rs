//! Importing prevention records from lists (CSV or XLSX): integrity pacts, CLTN periods and
//! resignations, whose columns are documented on [`PactField`], [`LeaveField`] and
//! [`ResignationField`]. People are found on the roster by NIP and agencies by code, so both
//! must be imported first; a `document` column names a file beside the list, stored as
//! evidence. Re-importing updates records by their key, as [`super::prevention`] defines it.

use std::collections::HashMap;
use std::future::Future;
use std::path::Path;

use chrono::{DateTime, Utc};
use netral_domain::election::Election;
use netral_domain::registry::{
    LeaveField, PactField, PactSubject, ResignationField, check_leave_row, check_pact_row,
    check_resignation_row,
};
use netral_domain::roster::EmployeeNumber;
use netral_domain::table::{FieldProblem, FileField, TextRow};

use super::documents::Documents;
use super::prevention::{
    NewLeave, NewPact, NewResignation, Signer, agency_id_by_code, civil_servant_by_nip, find_leave,
    find_pact, find_resignation, record_leave, record_pact, record_resignation,
};
use crate::db::{Db, Tx};
use crate::error::StoreError;
use crate::evidence::{EvidenceStore, StoredEvidence};
use crate::tabular::pipeline::{
    Change, FileImportError, FileImportOptions, FileImportSummary, RecordParser, RecordWriter,
    import_records, stored_now,
};

/// Imports an integrity-pact list. `elections` are the known elections with their file stems
/// (see [`crate::rules_files::load_elections`]): a row naming another is a bad row.
pub async fn import_pacts(
    db: &Db,
    path: &Path,
    options: FileImportOptions<PactField>,
    evidence: Option<EvidenceStore>,
    elections: &[(String, Election)],
) -> Result<FileImportSummary, FileImportError> {
    let parser = PactParser {
        common: Common::new(db, path, evidence),
        elections: elections
            .iter()
            .map(|(stem, e)| (stem.clone(), e.code.clone()))
            .collect(),
        seen: HashMap::new(),
    };
    let writer = Writer::new(&options);
    Ok(
        import_records(db, path, "integrity pact", options, parser, writer)
            .await?
            .0,
    )
}

/// Imports a list of CLTN (unpaid leave) periods.
pub async fn import_leave(
    db: &Db,
    path: &Path,
    options: FileImportOptions<LeaveField>,
    evidence: Option<EvidenceStore>,
) -> Result<FileImportSummary, FileImportError> {
    let parser = LeaveParser {
        common: Common::new(db, path, evidence),
        seen: HashMap::new(),
    };
    let writer = Writer::new(&options);
    Ok(
        import_records(db, path, "unpaid leave", options, parser, writer)
            .await?
            .0,
    )
}

/// Imports a list of resignations.
pub async fn import_resignations(
    db: &Db,
    path: &Path,
    options: FileImportOptions<ResignationField>,
    evidence: Option<EvidenceStore>,
) -> Result<FileImportSummary, FileImportError> {
    let parser = ResignationParser {
        common: Common::new(db, path, evidence),
        seen: HashMap::new(),
    };
    let writer = Writer::new(&options);
    Ok(
        import_records(db, path, "resignation", options, parser, writer)
            .await?
            .0,
    )
}

/// What every prevention parser needs: the database (read from the reading thread, which may
/// wait) and the documents.
struct Common {
    db: Db,
    runtime: tokio::runtime::Handle,
    documents: Documents,
    people: HashMap<String, Option<i64>>,
}

impl Common {
    fn new(db: &Db, path: &Path, evidence: Option<EvidenceStore>) -> Common {
        Common {
            db: db.clone(),
            runtime: tokio::runtime::Handle::current(),
            documents: Documents::new(path, evidence),
            people: HashMap::new(),
        }
    }

    fn wait<T>(&self, future: impl Future<Output = T>) -> T {
        self.runtime.block_on(future)
    }

    /// The person's id on the roster, or a message for the NIP column.
    fn person(&mut self, number: &EmployeeNumber) -> Result<Result<i64, String>, StoreError> {
        let nip = number.as_str();
        if let Some(found) = self.people.get(nip) {
            return Ok(found.ok_or_else(|| not_on_roster(nip)));
        }
        let found = self
            .wait(civil_servant_by_nip(&self.db, nip))?
            .map(|(id, _)| id);
        self.people.insert(nip.to_owned(), found);
        Ok(found.ok_or_else(|| not_on_roster(nip)))
    }

    fn document<F: FileField>(
        &mut self,
        written: Option<&str>,
        field: F,
        problems: &mut Vec<FieldProblem<F>>,
    ) -> Option<Option<StoredEvidence>> {
        match written.map(|w| self.documents.store(w)) {
            None => Some(None),
            Some(Ok(stored)) => Some(Some(stored)),
            Some(Err(message)) => {
                problems.push(FieldProblem::new(field, message));
                None
            }
        }
    }
}

fn not_on_roster(nip: &str) -> String {
    format!("NIP {nip} is not on the roster: import the roster first")
}

/// The change a found record asks for.
fn change<R>(found: Option<(i64, bool)>, record: R) -> Change<R> {
    match found {
        None => Change::New(record),
        Some((_, true)) => Change::Changed(record),
        Some((_, false)) => Change::Same,
    }
}

/// Reports a key met twice in one file; remembers the first line.
fn first_time<K: std::hash::Hash + Eq, F>(
    seen: &mut HashMap<K, u64>,
    key: K,
    line: u64,
    field: F,
    what: &str,
    problems: &mut Vec<FieldProblem<F>>,
) -> bool {
    if let Some(first) = seen.get(&key) {
        problems.push(FieldProblem::new(
            field,
            format!("{what} appears again: it was already on line {first}"),
        ));
        false
    } else {
        seen.insert(key, line);
        true
    }
}

struct PactParser {
    common: Common,
    /// (file stem, code) of each known election.
    elections: Vec<(String, String)>,
    seen: HashMap<(Signer, Option<String>), u64>,
}

impl RecordParser for PactParser {
    type Field = PactField;
    type Record = NewPact;

    fn parse(
        &mut self,
        line: u64,
        row: &TextRow<PactField>,
        problems: &mut Vec<FieldProblem<PactField>>,
    ) -> Result<Option<Change<NewPact>>, StoreError> {
        let record = match check_pact_row(row) {
            Ok(record) => record,
            Err(found) => {
                problems.extend(found);
                return Ok(None);
            }
        };
        let election = match record.election {
            None => Some(None),
            Some(wanted) => match self
                .elections
                .iter()
                .find(|(stem, code)| *code == wanted || *stem == wanted)
            {
                Some((_, code)) => Some(Some(code.clone())),
                None => {
                    let known: Vec<&str> = self.elections.iter().map(|(_, c)| c.as_str()).collect();
                    problems.push(FieldProblem::new(
                        PactField::Election,
                        format!(
                            "unknown election `{wanted}`; the known elections are: {}",
                            known.join(", ")
                        ),
                    ));
                    None
                }
            },
        };
        let signer = match &record.subject {
            PactSubject::Person(number) => match self.common.person(number)? {
                Ok(id) => Some(Signer::Person(id)),
                Err(message) => {
                    problems.push(FieldProblem::new(PactField::Nip, message));
                    None
                }
            },
            PactSubject::Agency(code) => {
                match self.common.wait(agency_id_by_code(&self.common.db, code))? {
                    Some(id) => Some(Signer::Agency(id)),
                    None => {
                        problems.push(FieldProblem::new(
                            PactField::AgencyCode,
                            format!("agency {code} is not in the registry: import agencies first"),
                        ));
                        None
                    }
                }
            }
        };
        let (Some(election), Some(signer)) = (election, signer) else {
            return Ok(None);
        };
        let field = match signer {
            Signer::Person(_) => PactField::Nip,
            Signer::Agency(_) => PactField::AgencyCode,
        };
        if !first_time(
            &mut self.seen,
            (signer, election.clone()),
            line,
            field,
            "this signer's pact for this election",
            problems,
        ) {
            return Ok(None);
        }
        let document =
            self.common
                .document(record.document.as_deref(), PactField::Document, problems);
        let Some(document) = document else {
            return Ok(None);
        };
        let pact = NewPact {
            signer,
            election_code: election,
            signed_on: record.signed_on,
            signatory: record.signatory,
            document,
        };
        let found = self.common.wait(find_pact(&self.common.db, &pact))?;
        Ok(Some(change(found, pact)))
    }
}

struct LeaveParser {
    common: Common,
    seen: HashMap<(i64, chrono::NaiveDate), u64>,
}

impl RecordParser for LeaveParser {
    type Field = LeaveField;
    type Record = NewLeave;

    fn parse(
        &mut self,
        line: u64,
        row: &TextRow<LeaveField>,
        problems: &mut Vec<FieldProblem<LeaveField>>,
    ) -> Result<Option<Change<NewLeave>>, StoreError> {
        let record = match check_leave_row(row) {
            Ok(record) => record,
            Err(found) => {
                problems.extend(found);
                return Ok(None);
            }
        };
        let id = match self.common.person(&record.number)? {
            Ok(id) => id,
            Err(message) => {
                problems.push(FieldProblem::new(LeaveField::Nip, message));
                return Ok(None);
            }
        };
        if !first_time(
            &mut self.seen,
            (id, record.starts_on),
            line,
            LeaveField::StartsOn,
            "this person's leave starting on this day",
            problems,
        ) {
            return Ok(None);
        }
        let document =
            self.common
                .document(record.document.as_deref(), LeaveField::Document, problems);
        let Some(document) = document else {
            return Ok(None);
        };
        let leave = NewLeave {
            civil_servant_id: id,
            starts_on: record.starts_on,
            ends_on: record.ends_on,
            reason: record.reason,
            decree_number: record.decree_number,
            document,
        };
        let found = self.common.wait(find_leave(&self.common.db, &leave))?;
        Ok(Some(change(found, leave)))
    }
}

struct ResignationParser {
    common: Common,
    seen: HashMap<(i64, chrono::NaiveDate), u64>,
}

impl RecordParser for ResignationParser {
    type Field = ResignationField;
    type Record = NewResignation;

    fn parse(
        &mut self,
        line: u64,
        row: &TextRow<ResignationField>,
        problems: &mut Vec<FieldProblem<ResignationField>>,
    ) -> Result<Option<Change<NewResignation>>, StoreError> {
        let record = match check_resignation_row(row) {
            Ok(record) => record,
            Err(found) => {
                problems.extend(found);
                return Ok(None);
            }
        };
        let id = match self.common.person(&record.number)? {
            Ok(id) => id,
            Err(message) => {
                problems.push(FieldProblem::new(ResignationField::Nip, message));
                return Ok(None);
            }
        };
        if !first_time(
            &mut self.seen,
            (id, record.resigned_on),
            line,
            ResignationField::ResignedOn,
            "this person's resignation on this day",
            problems,
        ) {
            return Ok(None);
        }
        let document = self.common.document(
            record.document.as_deref(),
            ResignationField::Document,
            problems,
        );
        let Some(document) = document else {
            return Ok(None);
        };
        let resignation = NewResignation {
            civil_servant_id: id,
            resigned_on: record.resigned_on,
            effective_on: record.effective_on,
            decree_number: record.decree_number,
            document,
        };
        let found = self
            .common
            .wait(find_resignation(&self.common.db, &resignation))?;
        Ok(Some(change(found, resignation)))
    }
}

/// Writes records with [`super::prevention`]'s record functions, which upsert by key.
struct Writer {
    label: String,
    now: DateTime<Utc>,
}

impl Writer {
    fn new<F>(options: &FileImportOptions<F>) -> Writer {
        Writer {
            label: options.label.clone(),
            now: stored_now(options.now),
        }
    }
}

macro_rules! writes {
    ($record:ty, $function:ident) => {
        impl RecordWriter<$record> for Writer {
            async fn write(
                &mut self,
                tx: &mut Tx,
                change: Change<$record>,
            ) -> Result<(), StoreError> {
                match change {
                    Change::New(record) | Change::Changed(record) => {
                        $function(tx, &record, &self.label, self.now).await?;
                        Ok(())
                    }
                    Change::Same => Ok(()),
                }
            }
        }
    };
}

writes!(NewPact, record_pact);
writes!(NewLeave, record_leave);
writes!(NewResignation, record_resignation);
