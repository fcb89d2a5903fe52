//! The statuses used in official reporting (Kemendagri, December 2024): awaiting verification,
//! awaiting PPK follow-up, sanctioned, not proven, rejected, cancelled, separated. Each case
//! state belongs to exactly one, so public figures always add up.

use serde::Serialize;

use super::CaseState;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportingStatus {
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
        use CaseState as S;
        match state {
            S::Received | S::Verification | S::Review => Self::AwaitingVerification,
            S::Recommendation
            | S::AwaitingFollowUp
            | S::FollowUpRefused
            | S::Warned
            | S::DataBlocked => Self::AwaitingFollowUp,
            S::Sanctioned | S::Appeal | S::Closed => Self::Sanctioned,
            S::NotProven => Self::NotProven,
            // Official reporting counts a duplicate as rejected (DOMAIN.md, step 2): the
            // incident is counted once, under the case the duplicate was merged into.
            S::Rejected | S::Merged => Self::Rejected,
            S::Cancelled => Self::Cancelled,
            S::Separated => Self::Separated,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_a_state() {
        for status in ReportingStatus::ALL {
            assert!(
                CaseState::ALL
                    .into_iter()
                    .any(|s| ReportingStatus::of(s) == status),
                "{status:?}"
            );
        }
    }
}
