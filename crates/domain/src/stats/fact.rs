//! One case as the statistics see it: where it falls, and when it reached each milestone.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::case::{ActionKind, CaseState};
use crate::election::CampaignPhase;
use crate::rules::Track;

/// A case's place in every breakdown and its milestones. Derived from the case's row, its first
/// report and its events ([`Milestones::from_events`]); never edited on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseFact {
    pub case_id: i64,
    pub state: CaseState,
    /// Election code (`pemilu-2024`), when the report named one.
    pub election: Option<String>,
    pub phase: Option<CampaignPhase>,
    /// How the first report came in (`public`, `bawaslu`, ...).
    pub channel: String,
    /// The first violation found proven, else the first one the reporter named.
    pub violation: Option<String>,
    /// The violation's track in the case's rule version.
    pub track: Option<Track>,
    /// The subject's position type in the roster (`jpt`, `functional`, ...), once linked.
    pub position_type: Option<String>,
    pub agency_id: Option<i64>,
    /// `central`, `province`, `regency` or `city`.
    pub agency_kind: Option<String>,
    /// The two-digit province code of the agency's region.
    pub province: Option<String>,
    /// The day (WIB) the first report was received.
    pub reported_on: NaiveDate,
    /// The current stage's deadline.
    pub deadline: Option<NaiveDate>,
    pub milestones: Milestones,
}

/// A point in a case's life that the figures count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Milestone {
    Verified,
    Proven,
    NotProven,
    Rejected,
    Recommended,
    Sanctioned,
    Refused,
    Warned,
    Blocked,
    Unblocked,
    Appealed,
    Closed,
}

impl Milestone {
    pub const ALL: [Milestone; 12] = [
        Self::Verified,
        Self::Proven,
        Self::NotProven,
        Self::Rejected,
        Self::Recommended,
        Self::Sanctioned,
        Self::Refused,
        Self::Warned,
        Self::Blocked,
        Self::Unblocked,
        Self::Appealed,
        Self::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Verified => "verified",
            Self::Proven => "proven",
            Self::NotProven => "not_proven",
            Self::Rejected => "rejected",
            Self::Recommended => "recommended",
            Self::Sanctioned => "sanctioned",
            Self::Refused => "refused",
            Self::Warned => "warned",
            Self::Blocked => "blocked",
            Self::Unblocked => "unblocked",
            Self::Appealed => "appealed",
            Self::Closed => "closed",
        }
    }

    /// What an action marks. A merged duplicate counts as rejected, as official reporting
    /// counts it; lifting a data block records the PPK's decree, so it is also the sanction.
    pub fn marked_by(kind: ActionKind) -> &'static [Milestone] {
        use ActionKind as A;
        match kind {
            A::PassVerification => &[Self::Verified],
            A::Reject | A::MergeInto => &[Self::Rejected],
            A::FindViolation => &[Self::Proven],
            A::FindNotProven => &[Self::NotProven],
            A::IssueRecommendation => &[Self::Recommended],
            A::RecordFollowUp => &[Self::Sanctioned],
            A::RecordRefusal => &[Self::Refused],
            A::Warn => &[Self::Warned],
            A::BlockData => &[Self::Blocked],
            A::Unblock => &[Self::Unblocked, Self::Sanctioned],
            A::FileAppeal => &[Self::Appealed],
            A::Close => &[Self::Closed],
            A::StartVerification
            | A::Cancel
            | A::MarkSeparated
            | A::PauseClock
            | A::ResumeClock
            | A::DecideAppeal
            | A::Assign
            | A::LinkSubject => &[],
        }
    }
}

/// The first day (WIB) each milestone was reached.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Milestones([Option<NaiveDate>; 12]);

impl Milestones {
    /// Folds a case's events, oldest first, each as the action taken and its day. The first
    /// time counts: a second block after an unblock does not move the first.
    pub fn from_events(events: impl IntoIterator<Item = (ActionKind, NaiveDate)>) -> Self {
        let mut milestones = Self::default();
        for (kind, day) in events {
            for &milestone in Milestone::marked_by(kind) {
                milestones.0[milestone as usize].get_or_insert(day);
            }
        }
        milestones
    }

    pub fn get(&self, milestone: Milestone) -> Option<NaiveDate> {
        self.0[milestone as usize]
    }

    pub fn set(&mut self, milestone: Milestone, day: Option<NaiveDate>) {
        self.0[milestone as usize] = day;
    }
}
