//! The staff's side of cases: the work queues (what is new, due soon, overdue, waiting on the
//! PPK, escalated) with their counts, searched and filtered, always within the reader's scope;
//! and everything about one case for its page. Changes to a case go through
//! [`crate::cases::apply`], never through here.

mod detail;
mod queue;

pub use detail::{
    CaseDetail, EvidenceLine, ReportDetail, StaffMessage, SubjectLine, case_detail,
    identity_context,
};
pub use queue::{CaseLine, CaseQuery, Queue, QueueCount, list_cases, queue_counts};

use netral_domain::access::Scope;

/// The scope as the three parameters every scoped case query takes: kind, province prefix,
/// agency. Cases whose agency is not known yet are national business only.
fn scope_params(scope: &Scope) -> (&'static str, Option<String>, Option<i64>) {
    match scope {
        Scope::National => ("national", None, None),
        Scope::Province(code) => ("province", Some(format!("{}%", code.as_str())), None),
        Scope::Agency(id) => ("agency", None, Some(*id)),
    }
}
