//! Where a case stands. The names follow DOMAIN.md's process; the statuses used in official
//! reporting (awaiting verification, awaiting PPK follow-up, separated, not proven, cancelled,
//! rejected, sanctioned) are groupings of these.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseState {
    /// Filed, not yet taken up by the verification task force (Satgas).
    Received,
    /// The Satgas checks that the subject is an ASN, that there is evidence, that it is in scope.
    Verification,
    /// Bawaslu reviews whether a violation is proven.
    Review,
    /// A violation is proven; the recommendation to the PPK is being drawn up.
    Recommendation,
    /// The recommendation was sent; the PPK must act before the deadline.
    AwaitingFollowUp,
    /// The PPK answered with a reasoned refusal; the overseer accepts it or escalates.
    FollowUpRefused,
    /// The PPK missed the deadline or refused, and was warned in writing.
    Warned,
    /// The employee's personnel data is blocked until the PPK acts (Peraturan BKN 1/2023).
    DataBlocked,
    /// The PPK imposed a sanction by decree.
    Sanctioned,
    /// The sanctioned ASN objected (*keberatan*) or appealed (*banding*, to BPASN).
    Appeal,
    /// Done after a sanction, an accepted refusal or an appeal that annulled the sanction.
    Closed,
    /// Not an ASN, no evidence, out of scope, or a duplicate.
    Rejected,
    /// Review found no violation.
    NotProven,
    /// Withdrawn or cancelled before a finding.
    Cancelled,
    /// The subject left the service (retired, dismissed, resigned, died) before the case ended.
    Separated,
    /// A duplicate, merged into another case about the same incident before any finding: its
    /// reports, evidence and messages are handled under that case from then on.
    Merged,
}

impl CaseState {
    pub const ALL: [CaseState; 16] = [
        Self::Received,
        Self::Verification,
        Self::Review,
        Self::Recommendation,
        Self::AwaitingFollowUp,
        Self::FollowUpRefused,
        Self::Warned,
        Self::DataBlocked,
        Self::Sanctioned,
        Self::Appeal,
        Self::Closed,
        Self::Rejected,
        Self::NotProven,
        Self::Cancelled,
        Self::Separated,
        Self::Merged,
    ];

    /// A final state: no action leads out of it.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Self::Closed
                | Self::Rejected
                | Self::NotProven
                | Self::Cancelled
                | Self::Separated
                | Self::Merged
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::Verification => "verification",
            Self::Review => "review",
            Self::Recommendation => "recommendation",
            Self::AwaitingFollowUp => "awaiting_follow_up",
            Self::FollowUpRefused => "follow_up_refused",
            Self::Warned => "warned",
            Self::DataBlocked => "data_blocked",
            Self::Sanctioned => "sanctioned",
            Self::Appeal => "appeal",
            Self::Closed => "closed",
            Self::Rejected => "rejected",
            Self::NotProven => "not_proven",
            Self::Cancelled => "cancelled",
            Self::Separated => "separated",
            Self::Merged => "merged",
        }
    }
}

impl fmt::Display for CaseState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown case state `{0}`")]
pub struct UnknownState(pub String);

impl FromStr for CaseState {
    type Err = UnknownState;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|state| state.as_str() == s)
            .ok_or_else(|| UnknownState(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_round_trips_through_its_name() {
        for state in CaseState::ALL {
            assert_eq!(state.as_str().parse::<CaseState>(), Ok(state));
            let json = serde_json::to_string(&state).unwrap();
            assert_eq!(json, format!("\"{}\"", state.as_str()));
        }
        assert!("sanctionned".parse::<CaseState>().is_err());
    }
}
