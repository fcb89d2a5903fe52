//! Cases picked by id, for the lists behind a figure: the statistics know which cases a
//! number counts, this reads their lines.

use chrono::NaiveDate;

use super::queue::{CaseLine, case_line, case_line_columns};
use crate::db::{Backend, Db, sql};
use crate::error::StoreError;

/// Ids per statement: the list travels as one JSON parameter.
const CHUNK: usize = 1_000;

const SQLITE: &str = concat!(
    "SELECT c.id, ",
    case_line_columns!(),
    "FROM cases c LEFT JOIN civil_servants p ON p.id = c.subject_id \
     LEFT JOIN agencies a ON a.id = c.agency_id \
     WHERE c.id IN (SELECT value FROM json_each($1))"
);
const POSTGRES: &str = concat!(
    "SELECT c.id, ",
    case_line_columns!(),
    "FROM cases c LEFT JOIN civil_servants p ON p.id = c.subject_id \
     LEFT JOIN agencies a ON a.id = c.agency_id \
     WHERE c.id IN (SELECT value::bigint FROM jsonb_array_elements_text($1::jsonb))"
);

/// The lines of the cases with these ids, in the order given. The caller has already decided
/// that the reader may see them (the statistics narrow by scope before picking ids).
pub async fn case_lines(
    db: &Db,
    ids: &[i64],
    today: NaiveDate,
) -> Result<Vec<CaseLine>, StoreError> {
    let text = match db.backend() {
        Backend::Sqlite => SQLITE,
        Backend::Postgres => POSTGRES,
    };
    let mut lines = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        let list = serde_json::to_string(chunk).expect("ids serialise to JSON");
        let rows = sql(text).bind(list).fetch_all(db).await?;
        let mut found = std::collections::HashMap::with_capacity(rows.len());
        for row in &rows {
            found.insert(row.get::<i64>("id")?, case_line(row, today)?);
        }
        lines.extend(chunk.iter().filter_map(|id| found.remove(id)));
    }
    Ok(lines)
}
