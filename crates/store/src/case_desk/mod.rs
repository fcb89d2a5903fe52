//! The staff's side of cases: the work queues (what is new, due soon, overdue, waiting on the
//! PPK, escalated) with their counts, searched and filtered, always within the reader's scope;
//! and everything about one case for its page. Changes to a case go through
//! [`crate::cases::apply`], never through here.

mod by_ids;
mod detail;
mod queue;

pub(crate) use queue::ended_states;

pub use by_ids::case_lines;
pub use detail::{
    CaseDetail, EvidenceLine, MergedCase, ReportDetail, StaffMessage, SubjectLine, case_detail,
    identity_context,
};
pub use queue::{AssigneeFilter, CaseLine, CaseQuery, Queue, QueueCount, list_cases, queue_counts};
