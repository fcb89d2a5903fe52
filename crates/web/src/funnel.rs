//! The case funnel as the public sees it: counts per state, grouped into the statuses used in
//! official reporting (Kemendagri, December 2024). Aggregates only, with counts below the
//! public minimum withheld as on `/statistik`, so no case is identifiable.

use netral_domain::case::{CaseState, ReportingStatus};
use netral_domain::stats::{Cell, suppress_column};
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
    /// `null` when withheld.
    pub count: Cell,
    pub states: Vec<StateCount>,
}

#[derive(Debug, Serialize)]
pub(crate) struct StateCount {
    pub key: String,
    pub count: Cell,
}

impl Funnel {
    /// From the store's counts, which leave out empty states: every state and status is shown,
    /// with zero where there is nothing, so the table's shape does not depend on the data.
    /// Statuses are withheld as one column under the published total, and the states of each
    /// status as one column under the status's count.
    pub fn from_counts(counts: &[(CaseState, i64)], min_cell: u64) -> Self {
        let count_of = |state: CaseState| {
            counts
                .iter()
                .filter(|(s, _)| *s == state)
                .map(|(_, n)| u64::try_from(*n).unwrap_or(0))
                .sum::<u64>()
        };
        let per_status: Vec<(ReportingStatus, Vec<(CaseState, u64)>)> = ReportingStatus::ALL
            .into_iter()
            .map(|status| {
                let states = CaseState::ALL
                    .into_iter()
                    .filter(|s| ReportingStatus::of(*s) == status)
                    .map(|s| (s, count_of(s)))
                    .collect();
                (status, states)
            })
            .collect();
        let totals: Vec<u64> = per_status
            .iter()
            .map(|(_, states)| states.iter().map(|(_, n)| n).sum())
            .collect();
        let status_cells = suppress_column(&totals, min_cell);
        let groups = per_status
            .into_iter()
            .zip(status_cells)
            .map(|((status, states), count)| {
                let numbers: Vec<u64> = states.iter().map(|(_, n)| *n).collect();
                let cells = match count {
                    Cell::Shown(_) => suppress_column(&numbers, min_cell),
                    // A withheld status withholds every non-zero state in it.
                    Cell::Suppressed => numbers
                        .iter()
                        .map(|n| {
                            if *n > 0 {
                                Cell::Suppressed
                            } else {
                                Cell::Shown(0)
                            }
                        })
                        .collect(),
                };
                Group {
                    key: status.key(),
                    count,
                    states: states
                        .iter()
                        .zip(cells)
                        .map(|((state, _), count)| StateCount {
                            key: labels::state(*state),
                            count,
                        })
                        .collect(),
                }
            })
            .collect();
        Funnel {
            total: i64::try_from(totals.iter().sum::<u64>()).unwrap_or(i64::MAX),
            groups,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_add_up_to_the_total_and_small_ones_are_withheld() {
        let funnel = Funnel::from_counts(
            &[
                (CaseState::Received, 20),
                (CaseState::Review, 10),
                (CaseState::Appeal, 40),
                (CaseState::Closed, 2),
                (CaseState::Separated, 1),
                (CaseState::NotProven, 7),
            ],
            5,
        );
        assert_eq!(funnel.total, 80);
        let of = |key: &str| funnel.groups.iter().find(|g| g.key == key).unwrap();
        assert_eq!(of("status-awaiting-verification").count, Cell::Shown(30));
        assert_eq!(of("status-sanctioned").count, Cell::Shown(42));
        assert_eq!(of("status-separated").count, Cell::Suppressed);
        assert_eq!(
            of("status-not-proven").count,
            Cell::Suppressed,
            "the lone small status takes the next smallest with it"
        );
        assert_eq!(of("status-rejected").count, Cell::Shown(0));
        let closed = of("status-sanctioned")
            .states
            .iter()
            .find(|s| s.key == "state-closed")
            .unwrap();
        assert_eq!(closed.count, Cell::Suppressed);
        assert_eq!(
            funnel.groups.iter().map(|g| g.states.len()).sum::<usize>(),
            CaseState::ALL.len(),
            "every stage is listed once"
        );
    }
}
