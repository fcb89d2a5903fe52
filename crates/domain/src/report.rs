//! A report as it enters the system, checked before anything is stored: a case can only be
//! opened from a report that says who, when and what.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::case::MAX_TEXT;
use crate::ids::{Nik, Nip};

/// How a report reached the system (DOMAIN.md, step 1).
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

/// Who the report is about. Public reports must name the person by NIP or NIK; other channels
/// may describe someone not yet identified, and verification then identifies them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by", content = "value")]
pub enum Subject {
    Nip(Nip),
    Nik(Nik),
    /// Name, agency and position as the reporter gave them.
    Described(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportDraft {
    channel: Channel,
    incident_date: NaiveDate,
    summary: String,
    subject: Subject,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error("`{field}` is required")]
    MissingField { field: &'static str },
    #[error("`{field}` is longer than {max} characters")]
    FieldTooLong { field: &'static str, max: usize },
    #[error("`incident_date` ({0}) is in the future")]
    IncidentInFuture(NaiveDate),
    #[error("unknown channel `{0}`; channels are public, bawaslu, inspectorate, superior, lead")]
    UnknownChannel(String),
}

impl ReportDraft {
    pub fn new(
        channel: Channel,
        incident_date: NaiveDate,
        summary: &str,
        subject: Subject,
        today: NaiveDate,
    ) -> Result<Self, ReportError> {
        let summary = required("summary", summary)?;
        if incident_date > today {
            return Err(ReportError::IncidentInFuture(incident_date));
        }
        let subject = match subject {
            Subject::Described(text) => Subject::Described(required("subject_description", &text)?),
            identified => identified,
        };
        Ok(Self {
            channel,
            incident_date,
            summary,
            subject,
        })
    }

    pub fn channel(&self) -> Channel {
        self.channel
    }

    pub fn incident_date(&self) -> NaiveDate {
        self.incident_date
    }

    pub fn summary(&self) -> &str {
        &self.summary
    }

    pub fn subject(&self) -> &Subject {
        &self.subject
    }
}

fn required(field: &'static str, text: &str) -> Result<String, ReportError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ReportError::MissingField { field });
    }
    if text.chars().count() > MAX_TEXT {
        return Err(ReportError::FieldTooLong {
            field,
            max: MAX_TEXT,
        });
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_report_needs_a_summary_a_subject_and_a_past_date() {
        let today = d(2024, 10, 1);
        let described = || Subject::Described("Kepala Dinas X, Pemkab Y".into());
        assert!(
            ReportDraft::new(
                Channel::Bawaslu,
                d(2024, 9, 30),
                " liked a candidate's post ",
                described(),
                today
            )
            .is_ok()
        );
        assert_eq!(
            ReportDraft::new(Channel::Public, today, "  ", described(), today),
            Err(ReportError::MissingField { field: "summary" })
        );
        assert_eq!(
            ReportDraft::new(
                Channel::Public,
                today,
                "x",
                Subject::Described(" ".into()),
                today
            ),
            Err(ReportError::MissingField {
                field: "subject_description"
            })
        );
        assert_eq!(
            ReportDraft::new(Channel::Public, d(2024, 10, 2), "x", described(), today),
            Err(ReportError::IncidentInFuture(d(2024, 10, 2)))
        );
        let draft =
            ReportDraft::new(Channel::Public, today, "  trimmed  ", described(), today).unwrap();
        assert_eq!(draft.summary(), "trimmed");
    }

    #[test]
    fn channels_round_trip() {
        for channel in Channel::ALL {
            assert_eq!(channel.as_str().parse::<Channel>(), Ok(channel));
        }
        assert!("email".parse::<Channel>().is_err());
    }
}
