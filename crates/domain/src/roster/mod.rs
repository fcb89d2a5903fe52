//! The civil-service roster as SIASN (BKN's personnel system) exports it: its columns, the
//! staff numbers of PNS and PPPK, and the checks one row must pass before it is stored.
//! Reading files and finding agencies belong to the store; this is the pure part.

mod field;
mod number;
mod record;
mod values;

pub use field::{Field, header_key};
pub use number::{EmployeeNumber, EmployeeNumberError, EmployeeType, PppkNumber, PppkNumberError};
pub use record::{RawRow, RejectedRow, RosterRecord, RowProblem, check_row};
pub use values::{agency_key, parse_date, parse_sex};
