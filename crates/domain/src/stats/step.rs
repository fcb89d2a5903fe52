//! The funnel's steps and what puts a case in each.

use chrono::NaiveDate;
use serde::Serialize;

use super::fact::Milestone;
use crate::case::CaseState;

/// A count the figures report. The first five are the funnel proper, each a subset of the one
/// before; the rest are the exits and escalations beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Reported,
    Verified,
    Proven,
    Recommended,
    Sanctioned,
    NotProven,
    Rejected,
    /// Recommended, and the PPK has not imposed a sanction although it refused, was warned,
    /// had the employee's data blocked, let the deadline pass, or the case was closed.
    NotFollowedUp,
    /// The PPK was warned in writing.
    Escalated,
    Blocked,
    Unblocked,
}

impl Step {
    pub const ALL: [Step; 11] = [
        Self::Reported,
        Self::Verified,
        Self::Proven,
        Self::Recommended,
        Self::Sanctioned,
        Self::NotProven,
        Self::Rejected,
        Self::NotFollowedUp,
        Self::Escalated,
        Self::Blocked,
        Self::Unblocked,
    ];

    /// The funnel proper, in order.
    pub const FUNNEL: [Step; 5] = [
        Self::Reported,
        Self::Verified,
        Self::Proven,
        Self::Recommended,
        Self::Sanctioned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reported => "reported",
            Self::Verified => "verified",
            Self::Proven => "proven",
            Self::Recommended => "recommended",
            Self::Sanctioned => "sanctioned",
            Self::NotProven => "not_proven",
            Self::Rejected => "rejected",
            Self::NotFollowedUp => "not_followed_up",
            Self::Escalated => "escalated",
            Self::Blocked => "blocked",
            Self::Unblocked => "unblocked",
        }
    }

    pub fn parse(text: &str) -> Option<Step> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The step a rate is measured against: the funnel's previous step, and for an exit the
    /// step it leaves from (not proven and rejected from what was reported, escalations from
    /// what was recommended). `None` for the reported count itself.
    pub fn base(self) -> Option<Step> {
        match self {
            Self::Reported => None,
            Self::Verified | Self::Rejected => Some(Self::Reported),
            Self::Proven | Self::NotProven => Some(Self::Verified),
            Self::Recommended => Some(Self::Proven),
            Self::Sanctioned
            | Self::NotFollowedUp
            | Self::Escalated
            | Self::Blocked
            | Self::Unblocked => Some(Self::Recommended),
        }
    }

    /// The milestone this step counts, for the time it took to get there.
    pub fn milestone(self) -> Option<Milestone> {
        match self {
            Self::Reported | Self::NotFollowedUp => None,
            Self::Verified => Some(Milestone::Verified),
            Self::Proven => Some(Milestone::Proven),
            Self::Recommended => Some(Milestone::Recommended),
            Self::Sanctioned => Some(Milestone::Sanctioned),
            Self::NotProven => Some(Milestone::NotProven),
            Self::Rejected => Some(Milestone::Rejected),
            Self::Escalated => Some(Milestone::Warned),
            Self::Blocked => Some(Milestone::Blocked),
            Self::Unblocked => Some(Milestone::Unblocked),
        }
    }

    /// Whether a case with these milestones, in `state`, with the current stage due on
    /// `deadline`, counts in this step on `today`.
    pub(crate) fn holds(
        self,
        reached: impl Fn(Milestone) -> bool,
        state: CaseState,
        deadline: Option<NaiveDate>,
        today: NaiveDate,
    ) -> bool {
        match self.milestone() {
            Some(milestone) => reached(milestone),
            None if self == Self::Reported => true,
            None => {
                reached(Milestone::Recommended)
                    && !reached(Milestone::Sanctioned)
                    && (reached(Milestone::Refused)
                        || reached(Milestone::Warned)
                        || reached(Milestone::Blocked)
                        || state.is_final()
                        || deadline.is_some_and(|d| d < today))
            }
        }
    }
}

/// How many cases stand in each step.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Funnel([u64; 11]);

impl Funnel {
    pub fn get(&self, step: Step) -> u64 {
        self.0[step as usize]
    }

    /// Counts one case in each step whose bit `mask` sets. Only the set bits are visited: a
    /// case stands in three or four steps, and this runs once per case and breakdown.
    pub(crate) fn add_mask(&mut self, mut mask: u16) {
        while mask != 0 {
            self.0[mask.trailing_zeros() as usize] += 1;
            mask &= mask - 1;
        }
    }

    /// Counts `n` cases in each step whose bit `mask` sets.
    pub(crate) fn add_mask_n(&mut self, mut mask: u16, n: u64) {
        while mask != 0 {
            self.0[mask.trailing_zeros() as usize] += n;
            mask &= mask - 1;
        }
    }

    /// `step` as a share of its base step, in percent; `None` when the base is empty.
    pub fn rate(&self, step: Step) -> Option<f64> {
        let base = self.get(step.base()?);
        (base > 0).then(|| self.get(step) as f64 * 100.0 / base as f64)
    }

    /// `step` as a share of everything reported, in percent.
    pub fn share_of_reported(&self, step: Step) -> Option<f64> {
        let reported = self.get(Step::Reported);
        (reported > 0).then(|| self.get(step) as f64 * 100.0 / reported as f64)
    }
}

impl Serialize for Funnel {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(Step::ALL.len()))?;
        for step in Step::ALL {
            map.serialize_entry(step.as_str(), &self.get(step))?;
        }
        map.end()
    }
}
