//! Importing employing agencies from a file (`code,name,kind,region_code,ppk_title`, CSV or
//! XLSX): what the roster import needs first, since roster rows find their agency by name.
//! Re-importing updates agencies by code; names stay unique once case, punctuation and
//! abbreviations are set aside ([`agency_key`]).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use netral_domain::registry::{AgencyField, check_agency_row};
use netral_domain::roster::agency_key;
use netral_domain::table::{FieldProblem, TextRow};

use crate::db::{Db, Tx, sql};
use crate::error::StoreError;
use crate::tabular::pipeline::{
    Change, FileImportError, FileImportOptions, FileImportSummary, RecordParser, RecordWriter,
    import_records,
};

/// An agency's stored values, as compared on re-import.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Values {
    code: String,
    name: String,
    kind: &'static str,
    region_code: Option<String>,
    ppk_title: String,
}

pub struct AgencyWrite {
    id: Option<i64>,
    values: Values,
}

/// Imports an agency file. Regions must be loaded (they are, after migrating).
pub async fn import_agencies(
    db: &Db,
    path: &Path,
    options: FileImportOptions<AgencyField>,
) -> Result<FileImportSummary, FileImportError> {
    let regions: HashSet<String> = sql("SELECT code FROM regions")
        .fetch_all(db)
        .await?
        .iter()
        .map(|row| row.get("code"))
        .collect::<Result<_, _>>()?;
    let mut stored = HashMap::new();
    let mut keys = HashMap::new();
    for row in sql("SELECT id, code, name, name_key, kind, region_code, ppk_title FROM agencies")
        .fetch_all(db)
        .await?
    {
        let kind: String = row.get("kind")?;
        let values = Values {
            code: row.get("code")?,
            name: row.get("name")?,
            kind: netral_domain::registry::AgencyKind::parse(&kind)
                .map_or("central", |k| k.as_str()),
            region_code: row.get("region_code")?,
            ppk_title: row.get("ppk_title")?,
        };
        keys.insert(row.get::<String>("name_key")?, values.code.clone());
        stored.insert(values.code.clone(), (row.get::<i64>("id")?, values));
    }
    let parser = AgencyParser {
        regions,
        stored,
        keys,
        seen: HashMap::new(),
    };
    let (summary, _) = import_records(db, path, "agency", options, parser, AgencyWriter).await?;
    Ok(summary)
}

struct AgencyParser {
    regions: HashSet<String>,
    stored: HashMap<String, (i64, Values)>,
    /// Which agency holds each name key, as the file's rows so far leave them.
    keys: HashMap<String, String>,
    /// Codes met in this file, with their line.
    seen: HashMap<String, u64>,
}

impl RecordParser for AgencyParser {
    type Field = AgencyField;
    type Record = AgencyWrite;

    fn parse(
        &mut self,
        line: u64,
        row: &TextRow<AgencyField>,
        problems: &mut Vec<FieldProblem<AgencyField>>,
    ) -> Result<Option<Change<AgencyWrite>>, StoreError> {
        let record = match check_agency_row(row) {
            Ok(record) => record,
            Err(found) => {
                problems.extend(found);
                return Ok(None);
            }
        };
        if let Some(first) = self.seen.get(&record.code) {
            problems.push(FieldProblem::new(
                AgencyField::Code,
                format!(
                    "agency code {} appears again: it was already on line {first}",
                    record.code
                ),
            ));
            return Ok(None);
        }
        self.seen.insert(record.code.clone(), line);
        if let Some(region) = &record.region
            && !self.regions.contains(region.as_str())
        {
            problems.push(FieldProblem::new(
                AgencyField::RegionCode,
                format!("region {region} is not in the official list of regions"),
            ));
        }
        let key = agency_key(&record.name);
        if let Some(holder) = self.keys.get(&key)
            && *holder != record.code
        {
            problems.push(FieldProblem::new(
                AgencyField::Name,
                format!(
                    "agency {holder} already has this name (names are compared ignoring case, punctuation and abbreviations such as Kab.)"
                ),
            ));
        }
        if !problems.is_empty() {
            return Ok(None);
        }
        let values = Values {
            code: record.code.clone(),
            name: record.name,
            kind: record.kind.as_str(),
            region_code: record.region.map(|r| r.as_str().to_owned()),
            ppk_title: record.ppk_title,
        };
        match self.stored.get(&record.code) {
            Some((_, stored)) if *stored == values => Ok(Some(Change::Same)),
            Some((id, stored)) => {
                let old_key = agency_key(&stored.name);
                self.keys.remove(&old_key);
                self.keys.insert(key, record.code);
                Ok(Some(Change::Changed(AgencyWrite {
                    id: Some(*id),
                    values,
                })))
            }
            None => {
                self.keys.insert(key, record.code);
                Ok(Some(Change::New(AgencyWrite { id: None, values })))
            }
        }
    }
}

struct AgencyWriter;

impl RecordWriter<AgencyWrite> for AgencyWriter {
    async fn write(&mut self, tx: &mut Tx, change: Change<AgencyWrite>) -> Result<(), StoreError> {
        let (Change::New(write) | Change::Changed(write)) = change else {
            return Ok(());
        };
        let v = write.values;
        let key = agency_key(&v.name);
        match write.id {
            None => sql("INSERT INTO agencies (code, name, name_key, kind, region_code, ppk_title) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(v.code)
                .bind(v.name)
                .bind(key)
                .bind(v.kind)
                .bind(v.region_code)
                .bind(v.ppk_title)
                .execute(tx)
                .await?,
            Some(id) => sql("UPDATE agencies SET name = $1, name_key = $2, kind = $3, region_code = $4, ppk_title = $5 WHERE id = $6")
                .bind(v.name)
                .bind(key)
                .bind(v.kind)
                .bind(v.region_code)
                .bind(v.ppk_title)
                .bind(id)
                .execute(tx)
                .await?,
        };
        Ok(())
    }
}

/// An agency as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub region_code: Option<String>,
    pub ppk_title: String,
}

/// Every agency, by code.
pub async fn list_agencies(db: &Db) -> Result<Vec<Agency>, StoreError> {
    sql("SELECT id, code, name, kind, region_code, ppk_title FROM agencies ORDER BY code")
        .fetch_all(db)
        .await?
        .iter()
        .map(|row| {
            Ok(Agency {
                id: row.get("id")?,
                code: row.get("code")?,
                name: row.get("name")?,
                kind: row.get("kind")?,
                region_code: row.get("region_code")?,
                ppk_title: row.get("ppk_title")?,
            })
        })
        .collect()
}
