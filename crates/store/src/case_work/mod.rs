//! Desk work on cases, apart from the stage decisions of [`crate::cases::apply`]: giving a case
//! to a handler (or taking it), linking it to its subject in the roster, and merging a duplicate
//! into the case that carries on. Each is an action of the state machine (an event in the
//! case's log, replayable) taken in one transaction, after the checks the case file alone
//! cannot make: the assignee's account and scope, the roster and the handler's scope, the other
//! case. Every function takes the handler's scope and answers [`StoreError::CaseNotFound`] for
//! a case outside it, so a JSON endpoint can call them as the pages do.

mod assign;
mod error;
mod link;
mod merge;

pub use assign::{StaffChoice, assign, assignable_staff};
pub use error::CaseWorkError;
pub use link::{SubjectLink, link_subject};
pub use merge::{DUPLICATE_WINDOW_DAYS, DuplicateLine, likely_duplicates, merge};

use netral_domain::access::Scope;
use netral_domain::case::Role;

use crate::cases::{Actor, CaseRecord};
use crate::db::Tx;
use crate::error::StoreError;
use crate::mail::{agency_of, covers};

/// Who does the work: a staff member's user name and role, and the part of the country they
/// act for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handler<'a> {
    pub name: &'a str,
    pub role: Role,
    pub scope: &'a Scope,
}

impl Handler<'_> {
    fn actor(&self) -> Actor {
        Actor {
            name: self.name.to_owned(),
            role: self.role,
        }
    }
}

/// Whether `scope` reaches `case`, by the rule the case pages use (a case without an agency is
/// national business).
async fn reaches(tx: &mut Tx, scope: &Scope, case: &CaseRecord) -> Result<bool, StoreError> {
    let agency = agency_of(&mut *tx, case.agency_id).await?;
    Ok(covers(
        scope,
        agency.as_ref().map(|(id, region)| (*id, region.as_ref())),
    ))
}

/// The case numbered `number`, if it exists and `scope` reaches it.
async fn case_in_scope(
    tx: &mut Tx,
    number: &str,
    scope: &Scope,
) -> Result<Option<CaseRecord>, StoreError> {
    let Some(case) = crate::cases::case_by_number(&mut *tx, number.trim()).await? else {
        return Ok(None);
    };
    Ok(reaches(tx, scope, &case).await?.then_some(case))
}
