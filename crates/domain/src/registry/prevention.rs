//! Prevention records, as personnel offices list them:
//!
//! - **Integrity pacts** (*pakta integritas*): a signed pledge of neutrality, by one civil
//!   servant (a NIP) or by an agency's representatives on behalf of all its staff.
//! - **Unpaid leave** (CLTN, *cuti di luar tanggungan negara*): a civil servant whose spouse runs
//!   for office must take it to accompany the campaign.
//! - **Resignations**: a civil servant who runs must resign in writing once designated
//!   (UU 20/2023 art. 59(3)).
//!
//! Each may point at a document (the signed pact, the decree), stored as evidence.

use chrono::NaiveDate;

use crate::roster::EmployeeNumber;
use crate::table::{FieldProblem, Problems, TextRow};

use super::values::{collapsed, date, employee_number, required};

crate::file_fields! {
    /// The columns of an integrity-pact file: one pact a row, by a person (`nip`) or by an
    /// agency (`agency_code`), never both.
    pub enum PactField from "Netral" {
        Nip => ("nip", "nip", false),
        AgencyCode => ("agency_code", "agency_code", false),
        /// An election code from rules/elections; empty for a pact not tied to one election.
        Election => ("election", "election", false),
        SignedOn => ("signed_on", "signed_on", true),
        /// Who signed for an agency (names and positions of its representatives).
        Signatory => ("signatory", "signatory", false),
        /// A file path, relative to the list's folder: the signed pact.
        Document => ("document", "document", false),
    }
}

crate::file_fields! {
    /// The columns of an unpaid-leave (CLTN) file: one period a row.
    pub enum LeaveField from "Netral" {
        Nip => ("nip", "nip", true),
        StartsOn => ("starts_on", "starts_on", true),
        EndsOn => ("ends_on", "ends_on", true),
        Reason => ("reason", "reason", false),
        DecreeNumber => ("decree_number", "decree_number", false),
        Document => ("document", "document", false),
    }
}

crate::file_fields! {
    /// The columns of a resignation file: one resignation a row.
    pub enum ResignationField from "Netral" {
        Nip => ("nip", "nip", true),
        /// The date of the written resignation.
        ResignedOn => ("resigned_on", "resigned_on", true),
        /// When it took effect (the decree's date), if known.
        EffectiveOn => ("effective_on", "effective_on", false),
        DecreeNumber => ("decree_number", "decree_number", false),
        Document => ("document", "document", false),
    }
}

/// Who signed a pact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PactSubject {
    Person(EmployeeNumber),
    /// By its code in the registry.
    Agency(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PactRecord {
    pub subject: PactSubject,
    pub election: Option<String>,
    pub signed_on: NaiveDate,
    pub signatory: Option<String>,
    pub document: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaveRecord {
    pub number: EmployeeNumber,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub reason: Option<String>,
    pub decree_number: Option<String>,
    pub document: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResignationRecord {
    pub number: EmployeeNumber,
    pub resigned_on: NaiveDate,
    pub effective_on: Option<NaiveDate>,
    pub decree_number: Option<String>,
    pub document: Option<String>,
}

fn text<F: crate::table::FileField>(row: &TextRow<F>, field: F) -> Option<String> {
    row.optional(field).map(collapsed)
}

pub fn check_pact_row(
    row: &TextRow<PactField>,
) -> Result<PactRecord, Vec<FieldProblem<PactField>>> {
    use PactField as F;
    let mut problems = Problems::default();
    let subject = match (row.optional(F::Nip), row.optional(F::AgencyCode)) {
        (Some(nip), None) => problems
            .check(F::Nip, employee_number(nip))
            .map(PactSubject::Person),
        (None, Some(code)) => Some(PactSubject::Agency(code.to_owned())),
        (Some(_), Some(_)) => {
            problems.push(
                F::AgencyCode,
                "both a NIP and an agency code: a pact is signed by a person or by an agency; put them on separate rows",
            );
            None
        }
        (None, None) => {
            problems.push(F::Nip, "neither a NIP nor an agency code: who signed?");
            None
        }
    };
    let signed_on = problems.check(
        F::SignedOn,
        required(row.get(F::SignedOn), "the signing date").and_then(date),
    );
    match (subject, signed_on) {
        (Some(subject), Some(signed_on)) if problems.is_empty() => Ok(PactRecord {
            subject,
            election: row.optional(F::Election).map(str::to_owned),
            signed_on,
            signatory: text(row, F::Signatory),
            document: row.optional(F::Document).map(str::to_owned),
        }),
        _ => Err(problems.into_vec()),
    }
}

pub fn check_leave_row(
    row: &TextRow<LeaveField>,
) -> Result<LeaveRecord, Vec<FieldProblem<LeaveField>>> {
    use LeaveField as F;
    let mut problems = Problems::default();
    let number = problems.check(F::Nip, employee_number(row.get(F::Nip)));
    let starts_on = problems.check(
        F::StartsOn,
        required(row.get(F::StartsOn), "the start date").and_then(date),
    );
    let ends_on = problems.check(
        F::EndsOn,
        required(row.get(F::EndsOn), "the end date").and_then(date),
    );
    if let (Some(starts), Some(ends)) = (starts_on, ends_on)
        && ends < starts
    {
        problems.push(
            F::EndsOn,
            format!("the leave ends ({ends}) before it starts ({starts})"),
        );
    }
    match (number, starts_on, ends_on) {
        (Some(number), Some(starts_on), Some(ends_on)) if problems.is_empty() => Ok(LeaveRecord {
            number,
            starts_on,
            ends_on,
            reason: text(row, F::Reason),
            decree_number: text(row, F::DecreeNumber),
            document: row.optional(F::Document).map(str::to_owned),
        }),
        _ => Err(problems.into_vec()),
    }
}

pub fn check_resignation_row(
    row: &TextRow<ResignationField>,
) -> Result<ResignationRecord, Vec<FieldProblem<ResignationField>>> {
    use ResignationField as F;
    let mut problems = Problems::default();
    let number = problems.check(F::Nip, employee_number(row.get(F::Nip)));
    let resigned_on = problems.check(
        F::ResignedOn,
        required(row.get(F::ResignedOn), "the resignation date").and_then(date),
    );
    let effective_on = match row.optional(F::EffectiveOn) {
        Some(text) => problems.check(F::EffectiveOn, date(text)),
        None => None,
    };
    if let (Some(resigned), Some(effective)) = (resigned_on, effective_on)
        && effective < resigned
    {
        problems.push(
            F::EffectiveOn,
            format!("the resignation takes effect ({effective}) before it was made ({resigned})"),
        );
    }
    match (number, resigned_on) {
        (Some(number), Some(resigned_on)) if problems.is_empty() => Ok(ResignationRecord {
            number,
            resigned_on,
            effective_on,
            decree_number: text(row, F::DecreeNumber),
            document: row.optional(F::Document).map(str::to_owned),
        }),
        _ => Err(problems.into_vec()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::FileField;

    #[test]
    fn a_pact_is_by_a_person_or_an_agency() {
        let person = check_pact_row(&TextRow::of([
            (PactField::Nip, "198503122010011003"),
            (PactField::SignedOn, "2024-09-01"),
            (PactField::Election, "pilkada-2024"),
        ]))
        .unwrap();
        assert!(matches!(person.subject, PactSubject::Person(_)));
        let both = check_pact_row(&TextRow::of([
            (PactField::Nip, "198503122010011003"),
            (PactField::AgencyCode, "3215"),
            (PactField::SignedOn, "1 Sept"),
        ]))
        .unwrap_err();
        let fields: Vec<&str> = both.iter().map(|p| p.field.header()).collect();
        assert_eq!(fields, ["agency_code", "signed_on"]);
    }

    #[test]
    fn periods_run_forward() {
        let problems = check_leave_row(&TextRow::of([
            (LeaveField::Nip, "198503122010011003"),
            (LeaveField::StartsOn, "2024-10-01"),
            (LeaveField::EndsOn, "01/09/2024"),
        ]))
        .unwrap_err();
        assert_eq!(problems[0].field, LeaveField::EndsOn);
        let problems = check_resignation_row(&TextRow::of([
            (ResignationField::Nip, "12"),
            (ResignationField::ResignedOn, "2024-10-01"),
            (ResignationField::EffectiveOn, "2024-09-01"),
        ]))
        .unwrap_err();
        let fields: Vec<ResignationField> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [ResignationField::Nip, ResignationField::EffectiveOn]
        );
    }
}
