//! The registry's reference records, as the files that feed them write them: employing
//! agencies, KPU candidate lists, civil servants' declared social-media accounts, and the prevention records (integrity pacts, unpaid leave,
//! resignations). Each kind of file has its columns ([`crate::table::FileField`]) and a check
//! that turns one row's text into a typed record or names every problem of the row. Looking
//! things up (regions, the roster, elections) belongs to the store.

mod account;
mod agency;
mod candidate;
mod place;
mod prevention;
mod values;

pub use account::{AccountField, AccountRecord, Platform, check_account_row, normalise_handle};
pub use agency::{AgencyField, AgencyKind, AgencyRecord, check_agency_row};
pub use candidate::{
    CandidateField, CandidateLevel, CandidateRecord, Party, candidate_header, check_candidate_row,
};
pub use place::{bare_place_key, place_key};
pub use prevention::{
    LeaveField, LeaveRecord, PactField, PactRecord, PactSubject, ResignationField,
    ResignationRecord, check_leave_row, check_pact_row, check_resignation_row,
};
