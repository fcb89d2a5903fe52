//! One roster row's values as stored, packed: the text of all its columns in one allocation,
//! made on the reading thread so that the writer only binds them.
//!
//! Why packed: a row of separate `String`s cost ~15 allocations and ~1 KB in flight; packed it
//! is one allocation and ~300 bytes, which is what lets batches be large (fewer commits, and on
//! SQLite fewer rewrites of the same NIP-index pages) while memory stays small. See 0014.

use std::fmt::Write as _;
use std::io::{self, Read, Write};

use chrono::{Datelike, NaiveDate};
use netral_domain::ids::Sex;
use netral_domain::roster::RosterRecord;

use super::sqlite_raw::Cell;
use crate::registry::{back_titles, front_titles};

/// The text columns, in the order they are packed.
#[derive(Clone, Copy)]
enum Text {
    Nip,
    NipLama,
    Nik,
    Name,
    GivenName,
    FrontTitles,
    BackTitles,
    BirthPlace,
    Status,
    Unit,
    WorkLocation,
    PositionType,
    Position,
    Eselon,
    Rank,
}

const TEXTS: usize = Text::Rank as usize + 1;

/// The values `sex` and `employee_type` take; a row spilled to a run file stores its index.
const SEXES: [&str; 2] = ["male", "female"];
const EMPLOYEE_TYPES: [&str; 2] = ["pns", "pppk"];

/// How many columns [`Values::cells`] gives: the import's columns but `updated_at` and
/// `import_batch`, which are the same for every row.
pub(super) const CELLS: usize = 19;

pub(super) struct Values {
    text: Box<str>,
    /// Where each column's text ends in `text`; it starts where the one before ends.
    ends: [u32; TEXTS],
    /// Bit `i` set: text column `i` is NULL.
    nulls: u16,
    birth_date: NaiveDate,
    agency_id: i64,
    sex: &'static str,
    employee_type: &'static str,
}

impl Values {
    pub fn of(record: RosterRecord, agency_id: i64) -> Values {
        let front = front_titles(&record.name);
        let back = back_titles(&record.name);
        let texts: [Option<&str>; TEXTS] = [
            Some(record.number.as_str()),
            record.nip_lama.as_deref(),
            record.nik.as_ref().map(|n| n.as_str()),
            Some(record.name.as_written()),
            Some(record.name.given_name()),
            front.as_deref(),
            back.as_deref(),
            record.birth_place.as_deref(),
            record.status.as_deref(),
            // Columns from before the roster import, NOT NULL: empty when the export has none.
            Some(record.unit.as_deref().unwrap_or_default()),
            record.work_location.as_deref(),
            Some(record.position_type.as_deref().unwrap_or_default()),
            Some(record.position.as_deref().unwrap_or_default()),
            record.eselon.as_deref(),
            record.rank.as_deref(),
        ];
        let mut text = String::with_capacity(texts.iter().flatten().map(|t| t.len()).sum());
        let mut ends = [0; TEXTS];
        let mut nulls = 0;
        for (i, value) in texts.iter().enumerate() {
            match value {
                Some(value) => text.push_str(value),
                None => nulls |= 1 << i,
            }
            ends[i] = u32::try_from(text.len()).expect("a roster row is shorter than 4 GB");
        }
        Values {
            text: text.into_boxed_str(),
            ends,
            nulls,
            birth_date: record.birth_date(),
            agency_id,
            sex: match record.sex() {
                Sex::Male => SEXES[0],
                Sex::Female => SEXES[1],
            },
            employee_type: record.employee_type().as_str(),
        }
    }

    fn text(&self, column: Text) -> Option<&str> {
        let i = column as usize;
        if self.nulls & (1 << i) != 0 {
            return None;
        }
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        Some(&self.text[start..self.ends[i] as usize])
    }

    fn cell(&self, column: Text) -> Cell<'_> {
        self.text(column).map_or(Cell::Null, Cell::Text)
    }

    pub fn nip(&self) -> &str {
        self.text(Text::Nip).unwrap_or_default()
    }

    /// Puts rows in NIP order (18 digits each, so text order is number order), the order in
    /// which they fill the NIP index from one end.
    pub fn sort_by_nip(rows: &mut [Values]) {
        rows.sort_unstable_by(|a, b| a.nip().cmp(b.nip()));
    }

    /// The birth date as stored (`YYYY-MM-DD`, as sqlx writes a date), into `buffer`.
    pub fn birth_date<'b>(&self, buffer: &'b mut String) -> &'b str {
        buffer.clear();
        let d = self.birth_date;
        write!(buffer, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
            .expect("writing to a String");
        buffer
    }

    /// Bytes the row holds in memory, near enough to size a sorted load's runs by.
    pub fn footprint(&self) -> usize {
        size_of::<Values>() + self.text.len()
    }

    /// Appends the row to a run file of a sorted load (`sorted_load`), which only
    /// [`Values::read_from`] reads back, in the same import.
    pub fn write_to(&self, out: &mut impl Write) -> io::Result<()> {
        let len = u32::try_from(self.text.len()).expect("a roster row is shorter than 4 GB");
        out.write_all(&len.to_le_bytes())?;
        out.write_all(self.text.as_bytes())?;
        for end in self.ends {
            out.write_all(&end.to_le_bytes())?;
        }
        out.write_all(&self.nulls.to_le_bytes())?;
        out.write_all(&self.birth_date.num_days_from_ce().to_le_bytes())?;
        out.write_all(&self.agency_id.to_le_bytes())?;
        out.write_all(&[
            index_of(&SEXES, self.sex),
            index_of(&EMPLOYEE_TYPES, self.employee_type),
        ])
    }

    /// Reads back a row [`Values::write_to`] wrote.
    pub fn read_from(input: &mut impl Read) -> io::Result<Values> {
        let mut text = vec![0; u32::from_le_bytes(read_array(input)?) as usize];
        input.read_exact(&mut text)?;
        let text = String::from_utf8(text)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?
            .into_boxed_str();
        let mut ends = [0; TEXTS];
        for end in &mut ends {
            *end = u32::from_le_bytes(read_array(input)?);
        }
        let nulls = u16::from_le_bytes(read_array(input)?);
        let birth_date =
            NaiveDate::from_num_days_from_ce_opt(i32::from_le_bytes(read_array(input)?))
                .ok_or_else(|| {
                    io::Error::new(io::ErrorKind::InvalidData, "birth date out of range")
                })?;
        let agency_id = i64::from_le_bytes(read_array(input)?);
        let [sex, employee_type] = read_array(input)?;
        let pick = |table: &[&'static str; 2], i: u8| {
            table.get(usize::from(i)).copied().ok_or_else(|| {
                io::Error::new(io::ErrorKind::InvalidData, "unknown sex or employee type")
            })
        };
        Ok(Values {
            text,
            ends,
            nulls,
            birth_date,
            agency_id,
            sex: pick(&SEXES, sex)?,
            employee_type: pick(&EMPLOYEE_TYPES, employee_type)?,
        })
    }

    /// The row's columns in the import's order, `birth_date` being [`Self::birth_date`]'s.
    pub fn cells<'a>(&'a self, birth_date: &'a str) -> [Cell<'a>; CELLS] {
        [
            self.cell(Text::Nip),
            self.cell(Text::NipLama),
            self.cell(Text::Nik),
            self.cell(Text::Name),
            self.cell(Text::GivenName),
            self.cell(Text::FrontTitles),
            self.cell(Text::BackTitles),
            Cell::Text(self.sex),
            Cell::Text(birth_date),
            self.cell(Text::BirthPlace),
            Cell::Text(self.employee_type),
            self.cell(Text::Status),
            Cell::Int(self.agency_id),
            self.cell(Text::Unit),
            self.cell(Text::WorkLocation),
            self.cell(Text::PositionType),
            self.cell(Text::Position),
            self.cell(Text::Eselon),
            self.cell(Text::Rank),
        ]
    }
}

fn index_of(table: &[&str; 2], value: &str) -> u8 {
    let i = table.iter().position(|v| *v == value);
    i.expect("sex and employee type come from these tables") as u8
}

fn read_array<const N: usize>(input: &mut impl Read) -> io::Result<[u8; N]> {
    let mut bytes = [0; N];
    input.read_exact(&mut bytes)?;
    Ok(bytes)
}
