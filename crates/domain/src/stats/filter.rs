//! What a figure is about: the dimensions a case falls in, and a filter over them.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;

/// A way to slice the cases. Each case has one value in each (or none, shown as unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Election,
    /// Before, during or after the election's campaign.
    Phase,
    Channel,
    Violation,
    /// The SKB 2022 track of the violation: ethics or discipline.
    Track,
    PositionType,
    /// Central, province, regency or city government.
    AgencyKind,
    Province,
    Agency,
    /// The month the case was reported, `YYYY-MM`.
    Month,
    /// Where the case stands now.
    State,
}

impl Dimension {
    pub const ALL: [Dimension; 11] = [
        Self::Election,
        Self::Phase,
        Self::Channel,
        Self::Violation,
        Self::Track,
        Self::PositionType,
        Self::AgencyKind,
        Self::Province,
        Self::Agency,
        Self::Month,
        Self::State,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Election => "election",
            Self::Phase => "phase",
            Self::Channel => "channel",
            Self::Violation => "violation",
            Self::Track => "track",
            Self::PositionType => "position_type",
            Self::AgencyKind => "agency_kind",
            Self::Province => "province",
            Self::Agency => "agency",
            Self::Month => "month",
            Self::State => "state",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown dimension `{0}`; dimensions are election, phase, channel, violation, track, position_type, agency_kind, province, agency, month, state"
)]
pub struct UnknownDimension(pub String);

impl FromStr for Dimension {
    type Err = UnknownDimension;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|d| d.as_str() == s)
            .ok_or_else(|| UnknownDimension(s.to_owned()))
    }
}

/// Which cases a figure counts: for each dimension named, the values allowed (any of them);
/// and the days of reporting. An empty filter counts every case. The value `""` stands for
/// "unknown" (a case whose subject is not yet linked has no position type).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Filter {
    pub values: BTreeMap<Dimension, Vec<String>>,
    pub reported_from: Option<NaiveDate>,
    pub reported_until: Option<NaiveDate>,
}

impl Filter {
    /// Adds `value` to the values allowed in `dimension`.
    pub fn allow(&mut self, dimension: Dimension, value: impl Into<String>) -> &mut Self {
        let values = self.values.entry(dimension).or_default();
        let value = value.into();
        if !values.contains(&value) {
            values.push(value);
        }
        self
    }

    /// Narrows `dimension` to exactly `value`, whatever was allowed before: what a scoped
    /// reader's province or agency does to any filter they send.
    pub fn restrict(&mut self, dimension: Dimension, value: impl Into<String>) -> &mut Self {
        let value = value.into();
        let keep = match self.values.get(&dimension) {
            Some(values) => values.contains(&value),
            None => true,
        };
        // A reader who asks for another province than their own gets nothing, not their own.
        let values = if keep { vec![value] } else { Vec::new() };
        self.values.insert(dimension, values);
        self
    }

    pub fn allowed(&self, dimension: Dimension) -> Option<&[String]> {
        self.values.get(&dimension).map(Vec::as_slice)
    }
}
