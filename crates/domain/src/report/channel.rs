//! How a report reached the system, and which kind of election it concerns.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::ReportError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The public portal.
    Public,
    /// Forwarded by Bawaslu, the election supervisory body.
    Bawaslu,
    /// The agency's own inspectorate.
    Inspectorate,
    /// The subject's superior (head of the work unit, *Kepala OPD*).
    Superior,
    /// An automated lead (candidate cross-check, social-media screening) accepted by a person.
    Lead,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Self::Public,
        Self::Bawaslu,
        Self::Inspectorate,
        Self::Superior,
        Self::Lead,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::Bawaslu => "bawaslu",
            Self::Inspectorate => "inspectorate",
            Self::Superior => "superior",
            Self::Lead => "lead",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Channel {
    type Err = ReportError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| ReportError::UnknownChannel(s.to_owned()))
    }
}

/// *Pemilu*: the national general election (president, DPR, DPD, DPRD). *Pilkada*: the
/// regional-head elections (governor, regent, mayor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ElectionKind {
    Pemilu,
    Pilkada,
}

impl ElectionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pemilu => "pemilu",
            Self::Pilkada => "pilkada",
        }
    }
}

impl FromStr for ElectionKind {
    type Err = ReportError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "pemilu" => Ok(Self::Pemilu),
            "pilkada" => Ok(Self::Pilkada),
            other => Err(ReportError::UnknownElection(other.to_owned())),
        }
    }
}
