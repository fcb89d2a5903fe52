//! The people who handle cases. Each transition names the roles that may take it; the server
//! enforces it, whatever the page shows.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Member of the Satgas, the joint verification task force (BKN, KemenPAN-RB, Kemendagri,
    /// Bawaslu).
    Verifier,
    /// Bawaslu officer who reviews whether a violation is proven.
    Reviewer,
    /// Oversight official (BKN Deputi Wasdal today) who signs recommendations and escalations.
    DecisionMaker,
    /// Liaison at the PPK (*Pejabat Pembina Kepegawaian*, the employing authority: regional
    /// head, minister, agency head) who records the PPK's follow-up.
    PpkLiaison,
    /// Keeper of reporters' identities; the only role that may reveal one.
    Custodian,
    /// Reads statistics; touches no case.
    Analyst,
    /// Manages accounts and rules; deliberately takes no case decision (separation of duties).
    Administrator,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Self::Verifier,
        Self::Reviewer,
        Self::DecisionMaker,
        Self::PpkLiaison,
        Self::Custodian,
        Self::Analyst,
        Self::Administrator,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Verifier => "verifier",
            Self::Reviewer => "reviewer",
            Self::DecisionMaker => "decision_maker",
            Self::PpkLiaison => "ppk_liaison",
            Self::Custodian => "custodian",
            Self::Analyst => "analyst",
            Self::Administrator => "administrator",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown role `{0}`; roles are verifier, reviewer, decision_maker, ppk_liaison, custodian, analyst, administrator"
)]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|role| role.as_str() == s)
            .ok_or_else(|| UnknownRole(s.to_owned()))
    }
}
