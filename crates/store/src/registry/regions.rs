//! The official regions: 38 provinces and their 514 regencies (*kabupaten*) and cities
//! (*kota*), shipped in `data/regions` (see its README) and kept in the `regions` table, where
//! agencies, reports and statistics can refer to them.

use std::collections::HashMap;

use netral_domain::ids::{RegionCode, RegionLevel};

use super::bulk::{Placeholders, Statement, chunk_sizes};
use crate::db::{Db, sql};
use crate::error::StoreError;

const PROVINCES: &str = include_str!("../../../../data/regions/provinces.csv");
const REGENCIES: &str = include_str!("../../../../data/regions/regencies.csv");

/// Province, regency (*kabupaten*) or city (*kota*): the three levels the table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RegionKind {
    Province,
    Regency,
    City,
}

impl RegionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RegionKind::Province => "province",
            RegionKind::Regency => "regency",
            RegionKind::City => "city",
        }
    }

    /// Regency or city is told by the code (01–69 regency, 71–99 city), never by the name.
    pub fn of(code: &RegionCode) -> Option<RegionKind> {
        match (code.level(), code.is_city()) {
            (RegionLevel::Province, _) => Some(RegionKind::Province),
            (RegionLevel::RegencyOrCity, Some(true)) => Some(RegionKind::City),
            (RegionLevel::RegencyOrCity, _) => Some(RegionKind::Regency),
            _ => None,
        }
    }

    fn parse(text: &str) -> Option<RegionKind> {
        [RegionKind::Province, RegionKind::Regency, RegionKind::City]
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub code: RegionCode,
    pub name: String,
    pub kind: RegionKind,
    pub parent: Option<RegionCode>,
}

/// The shipped regions, provinces first so that every parent precedes its children. A
/// malformed line is a defect of the build, found by the tests: it panics, naming the line.
pub fn shipped() -> Vec<Region> {
    let mut regions = Vec::with_capacity(560);
    for (file, text, name_column) in [
        ("provinces.csv", PROVINCES, 1),
        ("regencies.csv", REGENCIES, 2),
    ] {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        for (index, record) in reader.records().enumerate() {
            let line = index + 2;
            let record = record.unwrap_or_else(|e| panic!("data/regions/{file}: {e}"));
            let code: RegionCode = record[0]
                .parse()
                .unwrap_or_else(|e| panic!("data/regions/{file}, line {line}: {e}"));
            let kind = RegionKind::of(&code)
                .unwrap_or_else(|| panic!("data/regions/{file}, line {line}: {code} is too deep"));
            let parent = code.parent();
            if name_column == 2 {
                assert_eq!(
                    parent.map(|p| p.to_string()).as_deref(),
                    Some(&record[1]),
                    "data/regions/{file}, line {line}: province column disagrees with the code"
                );
            }
            regions.push(Region {
                code,
                name: record[name_column].trim().to_owned(),
                kind,
                parent,
            });
        }
    }
    regions
}

static UPSERT: Statement = Statement {
    head: "INSERT INTO regions (code, name, level, parent_code)",
    columns: 4,
    tail: "ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, \
           parent_code = excluded.parent_code",
    placeholders: Placeholders::Numbered,
};

/// Brings the `regions` table in line with the shipped files, in one transaction. Runs on every
/// migration: when nothing changed it only reads. Regions missing from the files are kept
/// (codes are never reused, and rows may refer to them).
pub async fn ensure_loaded(db: &Db) -> Result<(), StoreError> {
    let stored: HashMap<String, (String, String, Option<String>)> =
        sql("SELECT code, name, level, parent_code FROM regions")
            .fetch_all(db)
            .await?
            .into_iter()
            .map(|row| {
                Ok((
                    row.get("code")?,
                    (row.get("name")?, row.get("level")?, row.get("parent_code")?),
                ))
            })
            .collect::<Result<_, StoreError>>()?;
    let changed: Vec<Region> = shipped()
        .into_iter()
        .filter(|region| {
            stored.get(region.code.as_str())
                != Some(&(
                    region.name.clone(),
                    region.kind.as_str().to_owned(),
                    region.parent.map(|p| p.to_string()),
                ))
        })
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    let mut tx = db.begin().await?;
    let mut rest = changed.as_slice();
    for size in chunk_sizes(changed.len(), 128) {
        let (chunk, tail) = rest.split_at(size);
        rest = tail;
        let mut statement = sql(UPSERT.text(size));
        for region in chunk {
            statement = statement
                .bind(region.code.to_string())
                .bind(region.name.clone())
                .bind(region.kind.as_str())
                .bind(region.parent.map(|p| p.to_string()));
        }
        statement.execute(&mut tx).await?;
    }
    tx.commit().await?;
    tracing::info!(regions = changed.len(), "regions loaded");
    Ok(())
}

/// One region by its code.
pub async fn find(db: &Db, code: &RegionCode) -> Result<Option<Region>, StoreError> {
    sql("SELECT code, name, level, parent_code FROM regions WHERE code = $1")
        .bind(code.to_string())
        .fetch_optional(db)
        .await?
        .map(|row| read(&row))
        .transpose()
}

/// The regencies and cities of a province, by code.
pub async fn children(db: &Db, code: &RegionCode) -> Result<Vec<Region>, StoreError> {
    sql("SELECT code, name, level, parent_code FROM regions WHERE parent_code = $1 ORDER BY code")
        .bind(code.to_string())
        .fetch_all(db)
        .await?
        .iter()
        .map(read)
        .collect()
}

/// Every province, by code.
pub async fn provinces(db: &Db) -> Result<Vec<Region>, StoreError> {
    sql("SELECT code, name, level, parent_code FROM regions WHERE level = 'province' ORDER BY code")
        .fetch_all(db)
        .await?
        .iter()
        .map(read)
        .collect()
}

/// How many regions each level holds.
pub async fn count_by_kind(db: &Db) -> Result<Vec<(RegionKind, i64)>, StoreError> {
    let mut counts = sql("SELECT level, COUNT(*) AS n FROM regions GROUP BY level")
        .fetch_all(db)
        .await?
        .iter()
        .map(|row| Ok((parse_kind(&row.get::<String>("level")?)?, row.get("n")?)))
        .collect::<Result<Vec<_>, StoreError>>()?;
    counts.sort();
    Ok(counts)
}

fn parse_kind(text: &str) -> Result<RegionKind, StoreError> {
    RegionKind::parse(text).ok_or_else(|| StoreError::Corrupt {
        column: "level",
        message: format!("unknown region level {text:?}"),
    })
}

fn read(row: &crate::db::Row) -> Result<Region, StoreError> {
    let parent: Option<String> = row.get("parent_code")?;
    Ok(Region {
        code: row.parse("code")?,
        name: row.get("name")?,
        kind: parse_kind(&row.get::<String>("level")?)?,
        parent: parent
            .map(|p| {
                p.parse()
                    .map_err(|e: netral_domain::ids::IdError| StoreError::Corrupt {
                        column: "parent_code",
                        message: e.to_string(),
                    })
            })
            .transpose()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_files_hold_every_province_regency_and_city() {
        let regions = shipped();
        let count = |kind| regions.iter().filter(|r| r.kind == kind).count();
        assert_eq!(count(RegionKind::Province), 38);
        assert_eq!(count(RegionKind::Regency), 416);
        assert_eq!(count(RegionKind::City), 98);
        // Names agree with the level the code gives.
        for region in &regions {
            let prefix = match region.kind {
                RegionKind::Province => continue,
                RegionKind::Regency => "Kabupaten ",
                RegionKind::City => "Kota ",
            };
            assert!(region.name.starts_with(prefix), "{region:?}");
        }
    }
}
