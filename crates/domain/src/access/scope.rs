//! The part of the country a staff account acts for.

use std::fmt;
use std::str::FromStr;

use crate::ids::{RegionCode, RegionLevel};

/// Where an account may look. A national account reaches every agency; a province account the
/// province's own government and every regency and city in it (not central agencies, whose
/// staff a province has no say over); an agency account only that agency (a PPK liaison's:
/// PPK, *Pejabat Pembina Kepegawaian*, is the agency's employing authority).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scope {
    National,
    Province(RegionCode),
    /// The agency's database id.
    Agency(i64),
}

impl Scope {
    /// Whether an agency with this id and region (none for central agencies) lies in the scope.
    pub fn covers_agency(&self, agency_id: i64, agency_region: Option<&RegionCode>) -> bool {
        match self {
            Scope::National => true,
            Scope::Province(province) => agency_region.is_some_and(|r| province.contains(r)),
            Scope::Agency(id) => *id == agency_id,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Scope::National => "national",
            Scope::Province(_) => "province",
            Scope::Agency(_) => "agency",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScopeError {
    #[error(
        "unknown scope `{0}`; write `national`, `province:CODE` (e.g. province:32) or `agency:CODE`"
    )]
    Unknown(String),
    #[error("`{0}` is not a province code (two digits, e.g. 32 for Jawa Barat)")]
    NotAProvince(String),
}

/// A scope as written on the command line, before the agency code is looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeSpec {
    National,
    Province(RegionCode),
    /// An agency's code, as in the agencies table.
    Agency(String),
}

impl FromStr for ScopeSpec {
    type Err = ScopeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s == "national" {
            return Ok(ScopeSpec::National);
        }
        if let Some(code) = s.strip_prefix("province:") {
            let region: RegionCode = code
                .parse()
                .map_err(|_| ScopeError::NotAProvince(code.to_owned()))?;
            return match region.level() {
                RegionLevel::Province => Ok(ScopeSpec::Province(region)),
                _ => Err(ScopeError::NotAProvince(code.to_owned())),
            };
        }
        match s.strip_prefix("agency:") {
            Some(code) if !code.trim().is_empty() => Ok(ScopeSpec::Agency(code.trim().to_owned())),
            _ => Err(ScopeError::Unknown(s.to_owned())),
        }
    }
}

impl fmt::Display for ScopeSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScopeSpec::National => f.write_str("national"),
            ScopeSpec::Province(code) => write!(f, "province:{}", code.as_str()),
            ScopeSpec::Agency(code) => write!(f, "agency:{code}"),
        }
    }
}
