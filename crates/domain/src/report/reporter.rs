//! Who reported, and how much of that the system may know. GlobaLeaks and SP4N-LAPOR! offer the
//! same three choices; a confidential identity is known to the system but shown to handlers
//! only through the custodian.

use serde::{Deserialize, Serialize};

use super::ReportError;
use super::draft::required;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReporterMode {
    /// Nothing about the reporter is kept; they follow the case with the receipt alone.
    Anonymous,
    /// Identity kept sealed; revealed only by the custodian, every reveal logged.
    Confidential,
    /// Identity kept sealed as well, but the reporter agrees to be named to handlers.
    Identified,
}

impl ReporterMode {
    pub const ALL: [ReporterMode; 3] = [Self::Anonymous, Self::Confidential, Self::Identified];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Anonymous => "anonymous",
            Self::Confidential => "confidential",
            Self::Identified => "identified",
        }
    }
}

impl std::str::FromStr for ReporterMode {
    type Err = ReportError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|mode| mode.as_str() == s)
            .ok_or_else(|| ReportError::UnknownReporterMode(s.to_owned()))
    }
}

/// How to reach the reporter. Serialised only to be sealed, never stored in clear.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReporterIdentity {
    pub name: String,
    pub phone: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reporter {
    Anonymous,
    Confidential(ReporterIdentity),
    Identified(ReporterIdentity),
}

impl Reporter {
    /// A name and at least one way to reach them, unless anonymous (then any identity given is
    /// dropped, not kept by accident).
    pub fn new(
        mode: ReporterMode,
        name: &str,
        phone: &str,
        email: &str,
    ) -> Result<Self, ReportError> {
        if mode == ReporterMode::Anonymous {
            return Ok(Self::Anonymous);
        }
        let name = required("reporter_name", name)?;
        let (phone, email) = (phone.trim().to_owned(), email.trim().to_owned());
        if phone.is_empty() && email.is_empty() {
            return Err(ReportError::MissingField {
                field: "reporter_contact",
            });
        }
        if !phone.is_empty()
            && !phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +-()".contains(c))
        {
            return Err(ReportError::InvalidField {
                field: "reporter_phone",
            });
        }
        if !email.is_empty() && !looks_like_email(&email) {
            return Err(ReportError::InvalidField {
                field: "reporter_email",
            });
        }
        let identity = ReporterIdentity { name, phone, email };
        Ok(match mode {
            ReporterMode::Confidential => Self::Confidential(identity),
            _ => Self::Identified(identity),
        })
    }

    pub fn mode(&self) -> ReporterMode {
        match self {
            Self::Anonymous => ReporterMode::Anonymous,
            Self::Confidential(_) => ReporterMode::Confidential,
            Self::Identified(_) => ReporterMode::Identified,
        }
    }

    pub fn identity(&self) -> Option<&ReporterIdentity> {
        match self {
            Self::Anonymous => None,
            Self::Confidential(identity) | Self::Identified(identity) => Some(identity),
        }
    }
}

/// Something@something without spaces: enough to catch a phone number typed in the wrong box;
/// whether the address works is learned by writing to it.
fn looks_like_email(email: &str) -> bool {
    matches!(email.split_once('@'), Some((user, domain)) if !user.is_empty() && !domain.is_empty())
        && !email.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anonymous_keeps_nothing_and_others_need_a_contact() {
        assert_eq!(
            Reporter::new(ReporterMode::Anonymous, "Budi", "0812", "").unwrap(),
            Reporter::Anonymous
        );
        let confidential =
            Reporter::new(ReporterMode::Confidential, " Budi ", "0812-3456-7890", "").unwrap();
        assert_eq!(confidential.identity().unwrap().name, "Budi");
        assert_eq!(confidential.mode(), ReporterMode::Confidential);
        assert_eq!(
            Reporter::new(ReporterMode::Identified, "", "0812", ""),
            Err(ReportError::MissingField {
                field: "reporter_name"
            })
        );
        assert_eq!(
            Reporter::new(ReporterMode::Identified, "Budi", " ", ""),
            Err(ReportError::MissingField {
                field: "reporter_contact"
            })
        );
        assert_eq!(
            Reporter::new(ReporterMode::Identified, "Budi", "call me", ""),
            Err(ReportError::InvalidField {
                field: "reporter_phone"
            })
        );
        assert_eq!(
            Reporter::new(ReporterMode::Identified, "Budi", "", "budi.example"),
            Err(ReportError::InvalidField {
                field: "reporter_email"
            })
        );
        assert!(Reporter::new(ReporterMode::Identified, "Budi", "", "budi@example.id").is_ok());
    }
}
