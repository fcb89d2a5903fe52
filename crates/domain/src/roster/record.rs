//! One roster row checked: either a record fit to store, or every problem found in it.

use chrono::NaiveDate;

use super::{EmployeeNumber, EmployeeType, Field, parse_date, parse_sex};
use crate::ids::{Nik, PersonName, Sex};

/// The text of one row, by field; an absent column reads as empty.
#[derive(Debug, Clone, Default)]
pub struct RawRow {
    values: [String; Field::COUNT],
}

impl RawRow {
    pub fn new() -> RawRow {
        RawRow::default()
    }

    /// The value trimmed; `""` when absent.
    pub fn get(&self, field: Field) -> &str {
        self.values[field.index()].trim()
    }

    /// Replaces a value, reusing its buffer: rows are read by the million.
    pub fn set(&mut self, field: Field, value: &str) {
        let slot = &mut self.values[field.index()];
        slot.clear();
        slot.push_str(value);
    }

    pub fn clear(&mut self) {
        self.values.iter_mut().for_each(String::clear);
    }

    fn optional(&self, field: Field) -> Option<String> {
        Some(self.get(field))
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    }
}

/// What is wrong with one field of a row, in words for the person who fixes the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub field: Field,
    pub message: String,
}

impl RowProblem {
    pub fn new(field: Field, message: impl Into<String>) -> RowProblem {
        RowProblem {
            field,
            message: message.into(),
        }
    }
}

/// A row that can be stored. Birth date and sex come from the staff number; the row's own
/// columns were checked to agree with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterRecord {
    pub number: EmployeeNumber,
    pub nip_lama: Option<String>,
    pub name: PersonName,
    pub birth_place: Option<String>,
    pub nik: Option<Nik>,
    pub status: Option<String>,
    /// The agency's name as written; the store finds the agency.
    pub agency: String,
    pub parent_unit: Option<String>,
    pub unit: Option<String>,
    pub work_location: Option<String>,
    pub position_type: Option<String>,
    pub position: Option<String>,
    pub eselon: Option<String>,
    pub rank: Option<String>,
}

impl RosterRecord {
    pub fn employee_type(&self) -> EmployeeType {
        self.number.employee_type()
    }

    pub fn birth_date(&self) -> NaiveDate {
        self.number.birth_date()
    }

    pub fn sex(&self) -> Sex {
        self.number.sex()
    }
}

/// A row that cannot be stored: its problems, and its number when that at least was valid
/// (a later row with the same number is still a duplicate).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectedRow {
    pub number: Option<EmployeeNumber>,
    pub problems: Vec<RowProblem>,
}

/// Checks a row and reports every problem at once, so that one pass over the file finds them
/// all: an invalid number or NIK, a birth date or sex that contradicts the number, a missing
/// name or agency, an unknown employee type.
pub fn check_row(row: &RawRow) -> Result<RosterRecord, RejectedRow> {
    let mut problems = Vec::new();

    let kind_text = row.get(Field::EmployeeType);
    let kind = EmployeeType::from_siasn(kind_text);
    if kind.is_none() && !kind_text.is_empty() {
        problems.push(RowProblem::new(
            Field::EmployeeType,
            format!("employee type {kind_text:?} is neither PNS nor PPPK"),
        ));
    }

    let number_text = row.get(Field::Nip);
    let number = if number_text.is_empty() {
        problems.push(RowProblem::new(Field::Nip, "NIP is missing"));
        None
    } else {
        match EmployeeNumber::parse(number_text, kind) {
            Ok(number) => Some(number),
            Err(e) => {
                problems.push(RowProblem::new(Field::Nip, e.to_string()));
                None
            }
        }
    };

    if let Some(number) = number {
        check_against_number(row, &number, &mut problems);
    }

    let nik = match row.get(Field::Nik) {
        "" => None,
        text => match text.parse::<Nik>() {
            Ok(nik) => Some(nik),
            Err(e) => {
                problems.push(RowProblem::new(Field::Nik, e.to_string()));
                None
            }
        },
    };

    let name = compose_name(row)
        .map_err(|message| problems.push(RowProblem::new(Field::Name, message)))
        .ok();

    let agency = row.get(Field::Agency);
    if agency.is_empty() && row.get(Field::ParentUnit).is_empty() {
        problems.push(RowProblem::new(Field::Agency, "agency is missing"));
    }

    match (number, name) {
        (Some(number), Some(name)) if problems.is_empty() => Ok(RosterRecord {
            number,
            nip_lama: row.optional(Field::NipLama),
            name,
            birth_place: row.optional(Field::BirthPlace),
            nik,
            status: row.optional(Field::Status),
            agency: agency.to_owned(),
            parent_unit: row.optional(Field::ParentUnit),
            unit: row.optional(Field::Unit),
            work_location: row.optional(Field::WorkLocation),
            position_type: row.optional(Field::PositionType),
            position: row.optional(Field::Position),
            eselon: row.optional(Field::Eselon),
            rank: row.optional(Field::Rank),
        }),
        _ => Err(RejectedRow { number, problems }),
    }
}

/// The birth date and sex columns, when filled, must say what the number says: a mismatch
/// means one of them was typed wrong, and the roster cannot tell which.
fn check_against_number(row: &RawRow, number: &EmployeeNumber, problems: &mut Vec<RowProblem>) {
    let label = match number {
        EmployeeNumber::Pns(_) => "NIP",
        EmployeeNumber::Pppk(_) => "NI PPPK",
    };
    match row.get(Field::BirthDate) {
        "" => {}
        text => match parse_date(text) {
            None => problems.push(RowProblem::new(
                Field::BirthDate,
                format!("birth date {text:?} is not a date (YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY or YYYYMMDD)"),
            )),
            Some(date) if date != number.birth_date() => problems.push(RowProblem::new(
                Field::BirthDate,
                format!(
                    "birth date {date} disagrees with the {label}, which says {}",
                    number.birth_date()
                ),
            )),
            Some(_) => {}
        },
    }
    match row.get(Field::Sex) {
        "" => {}
        text => match parse_sex(text) {
            None => problems.push(RowProblem::new(
                Field::Sex,
                format!("sex {text:?} is not L/P, Laki-laki/Perempuan or M/F"),
            )),
            Some(sex) if sex != number.sex() => problems.push(RowProblem::new(
                Field::Sex,
                format!(
                    "sex {text:?} disagrees with the {label}, which says {}",
                    match number.sex() {
                        Sex::Male => "male",
                        Sex::Female => "female",
                    }
                ),
            )),
            Some(_) => {}
        },
    }
}

/// SIASN keeps titles in their own columns; the name is stored as people write it, titles
/// included, and split again by [`PersonName`] so that it reads the same as a name typed in.
fn compose_name(row: &RawRow) -> Result<PersonName, String> {
    let given = row.get(Field::Name);
    if given.is_empty() {
        return Err("name is missing".to_owned());
    }
    let front = row.get(Field::FrontTitles);
    let back = row.get(Field::BackTitles);
    let mut written = String::with_capacity(front.len() + given.len() + back.len() + 3);
    if !front.is_empty() {
        written.push_str(front);
        written.push(' ');
    }
    written.push_str(given);
    if !back.is_empty() {
        written.push_str(", ");
        written.push_str(back);
    }
    written
        .parse()
        .map_err(|e: crate::ids::IdError| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(values: &[(Field, &str)]) -> RawRow {
        let mut row = RawRow::new();
        for (field, value) in values {
            row.set(*field, value);
        }
        row
    }

    fn good() -> RawRow {
        row(&[
            (Field::Nip, "198503122010011003"),
            (Field::Name, "Ahmad Suryana"),
            (Field::FrontTitles, "Drs. H."),
            (Field::BackTitles, "M.Si."),
            (Field::BirthDate, "12-03-1985"),
            (Field::Sex, "L"),
            (Field::Nik, "3215011203850001"),
            (Field::EmployeeType, "PNS"),
            (Field::Agency, "Pemerintah Kab. Karawang"),
            (Field::Unit, "Dinas Pendidikan"),
        ])
    }

    fn fields(rejected: RejectedRow) -> Vec<Field> {
        rejected.problems.into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn a_good_row_becomes_a_record_with_titles_split() {
        let record = check_row(&good()).unwrap();
        assert_eq!(record.name.as_written(), "Drs. H. Ahmad Suryana, M.Si.");
        assert_eq!(record.name.given_name(), "Ahmad Suryana");
        assert_eq!(record.name.front_titles(), ["Drs.", "H."]);
        assert_eq!(record.name.back_titles(), ["M.Si."]);
        assert_eq!(record.employee_type(), EmployeeType::Pns);
        assert_eq!(record.unit.as_deref(), Some("Dinas Pendidikan"));
        assert_eq!(record.position, None);
    }

    #[test]
    fn every_problem_of_a_row_is_named() {
        let mut bad = good();
        bad.set(Field::BirthDate, "1985-03-13");
        bad.set(Field::Sex, "Perempuan");
        bad.set(Field::Nik, "32150112038500");
        bad.set(Field::Name, " ");
        let rejected = check_row(&bad).unwrap_err();
        assert!(rejected.number.is_some(), "the number itself was fine");
        assert_eq!(
            fields(rejected),
            [Field::BirthDate, Field::Sex, Field::Nik, Field::Name]
        );
    }

    #[test]
    fn an_invalid_number_is_named_and_not_kept() {
        let mut bad = good();
        bad.set(Field::Nip, "19850312201001100X");
        let rejected = check_row(&bad).unwrap_err();
        assert_eq!(rejected.number, None);
        assert_eq!(rejected.problems[0].field, Field::Nip);
        assert!(rejected.problems[0].message.contains("NIP"), "{rejected:?}");
    }

    #[test]
    fn missing_agency_or_name_is_a_problem() {
        let mut bad = good();
        bad.set(Field::Agency, "");
        bad.set(Field::Name, "");
        assert_eq!(
            fields(check_row(&bad).unwrap_err()),
            [Field::Name, Field::Agency]
        );
    }
}
