//! A report as it enters the system, checked before anything is stored: a case can only be
//! opened from a report that says who, when and what; a reporter who gives an identity gives
//! one that can be used to reach them.

mod channel;
mod draft;
mod reporter;

pub use channel::{Channel, ElectionKind};
pub use draft::{MAX_LINKS, NewReport, ReportDraft, ReportError, Subject};
pub use reporter::{Reporter, ReporterIdentity, ReporterMode};
