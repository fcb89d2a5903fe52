//! The case funnel as the public sees it: counts per state, grouped into the statuses used in
//! official reporting (Kemendagri, December 2024). Aggregates only; no case is identifiable.

use netral_domain::case::CaseState;
use serde::Serialize;

use crate::labels;

/// The official reporting statuses. Each case state belongs to exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReportingStatus {
    AwaitingVerification,
    AwaitingFollowUp,
    Sanctioned,
    NotProven,
    Rejected,
    Cancelled,
    Separated,
}

impl ReportingStatus {
    pub const ALL: [ReportingStatus; 7] = [
        Self::AwaitingVerification,
        Self::AwaitingFollowUp,
        Self::Sanctioned,
        Self::NotProven,
        Self::Rejected,
        Self::Cancelled,
        Self::Separated,
    ];

    /// Exhaustive, so a new case state cannot be left out of the public figures.
    pub fn of(state: CaseState) -> Self {
        use CaseState::*;
        match state {
            Received | Verification | Review => Self::AwaitingVerification,
            Recommendation | AwaitingFollowUp | FollowUpRefused | Warned | DataBlocked => Self::AwaitingFollowUp,
            Sanctioned | Appeal | Closed => Self::Sanctioned,
            NotProven => Self::NotProven,
            Rejected => Self::Rejected,
            Cancelled => Self::Cancelled,
            Separated => Self::Separated,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::AwaitingVerification => "status-awaiting-verification",
            Self::AwaitingFollowUp => "status-awaiting-follow-up",
            Self::Sanctioned => "status-sanctioned",
            Self::NotProven => "status-not-proven",
            Self::Rejected => "status-rejected",
            Self::Cancelled => "status-cancelled",
            Self::Separated => "status-separated",
        }
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct Funnel {
    pub total: i64,
    pub statuses: Vec<StatusRow>,
    pub states: Vec<StateRow>,
}

#[derive(Debug, Serialize)]
pub(crate) struct StatusRow {
    pub key: &'static str,
    pub count: i64,
}

#[derive(Debug, Serialize)]
pub(crate) struct StateRow {
    pub key: String,
    pub status_key: &'static str,
    pub count: i64,
}

impl Funnel {
    /// From the store's counts, which leave out empty states: every state and status is shown,
    /// with zero where there is nothing, so the table's shape does not depend on the data.
    pub fn from_counts(counts: &[(CaseState, i64)]) -> Self {
        let count_of = |state: CaseState| counts.iter().filter(|(s, _)| *s == state).map(|(_, n)| n).sum::<i64>();
        let states: Vec<(CaseState, i64)> = CaseState::ALL.into_iter().map(|s| (s, count_of(s))).collect();
        let statuses = ReportingStatus::ALL
            .into_iter()
            .map(|status| StatusRow {
                key: status.key(),
                count: states.iter().filter(|(s, _)| ReportingStatus::of(*s) == status).map(|(_, n)| n).sum(),
            })
            .collect();
        Funnel {
            total: states.iter().map(|(_, n)| n).sum(),
            statuses,
            states: states.into_iter().map(|(s, count)| StateRow { key: labels::state(s), status_key: ReportingStatus::of(s).key(), count }).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_add_up_to_the_total() {
        let funnel = Funnel::from_counts(&[(CaseState::Received, 2), (CaseState::Review, 1), (CaseState::Appeal, 4), (CaseState::Separated, 1)]);
        assert_eq!(funnel.total, 8);
        let of = |key: &str| funnel.statuses.iter().find(|r| r.key == key).unwrap().count;
        assert_eq!(of("status-awaiting-verification"), 3);
        assert_eq!(of("status-sanctioned"), 4);
        assert_eq!(of("status-separated"), 1);
        assert_eq!(of("status-rejected"), 0);
        assert_eq!(funnel.states.len(), CaseState::ALL.len());
        assert_eq!(funnel.statuses.iter().map(|r| r.count).sum::<i64>(), funnel.total);
    }

    #[test]
    fn every_status_has_a_state() {
        for status in ReportingStatus::ALL {
            assert!(CaseState::ALL.into_iter().any(|s| ReportingStatus::of(s) == status), "{status:?}");
        }
    }
}
