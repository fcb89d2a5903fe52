//! The case funnel as the public sees it: counts per state, grouped into the statuses used in
//! official reporting (Kemendagri, December 2024). Aggregates only; no case is identifiable.

use netral_domain::case::{CaseState, ReportingStatus};
use serde::Serialize;

use crate::labels;

/// The Fluent key of an official reporting status.
trait StatusKey {
    fn key(self) -> &'static str;
}

impl StatusKey for ReportingStatus {
    fn key(self) -> &'static str {
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
    pub groups: Vec<Group>,
}

/// One official status, with the stages it is made of.
#[derive(Debug, Serialize)]
pub(crate) struct Group {
    pub key: &'static str,
    pub count: i64,
    pub states: Vec<StateCount>,
}

#[derive(Debug, Serialize)]
pub(crate) struct StateCount {
    pub key: String,
    pub count: i64,
}

impl Funnel {
    /// From the store's counts, which leave out empty states: every state and status is shown,
    /// with zero where there is nothing, so the table's shape does not depend on the data.
    pub fn from_counts(counts: &[(CaseState, i64)]) -> Self {
        let count_of = |state: CaseState| {
            counts
                .iter()
                .filter(|(s, _)| *s == state)
                .map(|(_, n)| n)
                .sum::<i64>()
        };
        let groups: Vec<Group> = ReportingStatus::ALL
            .into_iter()
            .map(|status| {
                let states: Vec<StateCount> = CaseState::ALL
                    .into_iter()
                    .filter(|s| ReportingStatus::of(*s) == status)
                    .map(|s| StateCount {
                        key: labels::state(s),
                        count: count_of(s),
                    })
                    .collect();
                Group {
                    key: status.key(),
                    count: states.iter().map(|s| s.count).sum(),
                    states,
                }
            })
            .collect();
        Funnel {
            total: groups.iter().map(|g| g.count).sum(),
            groups,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_add_up_to_the_total() {
        let funnel = Funnel::from_counts(&[
            (CaseState::Received, 2),
            (CaseState::Review, 1),
            (CaseState::Appeal, 4),
            (CaseState::Separated, 1),
        ]);
        assert_eq!(funnel.total, 8);
        let of = |key: &str| funnel.groups.iter().find(|g| g.key == key).unwrap().count;
        assert_eq!(of("status-awaiting-verification"), 3);
        assert_eq!(of("status-sanctioned"), 4);
        assert_eq!(of("status-separated"), 1);
        assert_eq!(of("status-rejected"), 0);
        assert_eq!(
            funnel.groups.iter().map(|g| g.states.len()).sum::<usize>(),
            CaseState::ALL.len(),
            "every stage is listed once"
        );
    }
}
