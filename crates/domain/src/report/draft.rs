//! The facts of a report, validated: who, when, what, where, which election, which links.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Channel, ElectionKind};
use crate::case::MAX_TEXT;
use crate::ids::{Nik, Nip};

/// At most this many links to posts per report; more belong in attached files.
pub const MAX_LINKS: usize = 10;
const MAX_SHORT_TEXT: usize = 300;

/// Who the report is about. Reports should name the person by NIP or NIK; one that can only
/// describe them (name, agency, position) goes to verification flagged "subject unidentified".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by", content = "value")]
pub enum Subject {
    Nip(Nip),
    Nik(Nik),
    /// Name, agency and position as the reporter gave them.
    Described(String),
}

/// A report as submitted, before checking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReport {
    pub channel: Channel,
    pub incident_date: NaiveDate,
    pub summary: String,
    pub subject: Subject,
    /// Violation codes the reporter thinks apply; empty when not sure. Hints for the
    /// verifier, not findings.
    pub violation_hints: Vec<String>,
    pub place: String,
    pub links: Vec<String>,
    pub election: Option<ElectionKind>,
}

/// A checked report: only `ReportDraft::new` makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportDraft(NewReport);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error("`{field}` is required")]
    MissingField { field: &'static str },
    #[error("`{field}` is longer than {max} characters")]
    FieldTooLong { field: &'static str, max: usize },
    #[error("`{field}` is not valid")]
    InvalidField { field: &'static str },
    #[error("`incident_date` ({0}) is in the future")]
    IncidentInFuture(NaiveDate),
    #[error("`links`: at most {MAX_LINKS} links")]
    TooManyLinks,
    #[error("`links`: `{0}` is not a web address (http:// or https://)")]
    InvalidLink(String),
    #[error("unknown channel `{0}`; channels are public, bawaslu, inspectorate, superior, lead")]
    UnknownChannel(String),
    #[error("unknown election `{0}`; elections are pemilu, pilkada")]
    UnknownElection(String),
    #[error("unknown reporter mode `{0}`; modes are anonymous, confidential, identified")]
    UnknownReporterMode(String),
}

impl ReportDraft {
    pub fn new(input: NewReport, today: NaiveDate) -> Result<Self, ReportError> {
        let summary = required("summary", &input.summary)?;
        if input.incident_date > today {
            return Err(ReportError::IncidentInFuture(input.incident_date));
        }
        let subject = match input.subject {
            Subject::Described(text) => Subject::Described(required("subject_description", &text)?),
            identified => identified,
        };
        let place = limited("place", &input.place, MAX_SHORT_TEXT)?;
        let links: Vec<String> = input
            .links
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        if links.len() > MAX_LINKS {
            return Err(ReportError::TooManyLinks);
        }
        if let Some(bad) = links.iter().find(|l| !is_web_address(l)) {
            return Err(ReportError::InvalidLink(bad.clone()));
        }
        let mut violation_hints = input.violation_hints;
        violation_hints.sort();
        violation_hints.dedup();
        Ok(Self(NewReport {
            summary,
            subject,
            place,
            links,
            violation_hints,
            ..input
        }))
    }

    pub fn channel(&self) -> Channel {
        self.0.channel
    }

    pub fn incident_date(&self) -> NaiveDate {
        self.0.incident_date
    }

    pub fn summary(&self) -> &str {
        &self.0.summary
    }

    pub fn subject(&self) -> &Subject {
        &self.0.subject
    }

    pub fn violation_hints(&self) -> &[String] {
        &self.0.violation_hints
    }

    pub fn place(&self) -> &str {
        &self.0.place
    }

    pub fn links(&self) -> &[String] {
        &self.0.links
    }

    pub fn election(&self) -> Option<ElectionKind> {
        self.0.election
    }
}

fn is_web_address(link: &str) -> bool {
    let rest = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"));
    rest.is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
        && link.len() <= 2000
        && !link
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

/// Trimmed, non-empty, not too long.
pub(super) fn required(field: &'static str, text: &str) -> Result<String, ReportError> {
    let text = limited(field, text, MAX_TEXT)?;
    if text.is_empty() {
        return Err(ReportError::MissingField { field });
    }
    Ok(text)
}

fn limited(field: &'static str, text: &str, max: usize) -> Result<String, ReportError> {
    let text = text.trim();
    if text.chars().count() > max {
        return Err(ReportError::FieldTooLong { field, max });
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn input() -> NewReport {
        NewReport {
            channel: Channel::Public,
            incident_date: d(2024, 9, 30),
            summary: " liked a candidate's post ".into(),
            subject: Subject::Described("Kepala Dinas X, Pemkab Y".into()),
            violation_hints: vec!["MEDSOS_INTERAKSI".into(), "MEDSOS_INTERAKSI".into()],
            place: "Karawang".into(),
            links: vec!["https://instagram.com/p/abc".into(), " ".into()],
            election: Some(ElectionKind::Pilkada),
        }
    }

    fn check(change: impl FnOnce(&mut NewReport)) -> Result<ReportDraft, ReportError> {
        let mut input = input();
        change(&mut input);
        ReportDraft::new(input, d(2024, 10, 1))
    }

    #[test]
    fn a_good_report_is_trimmed_and_deduplicated() {
        let draft = check(|_| {}).unwrap();
        assert_eq!(draft.summary(), "liked a candidate's post");
        assert_eq!(draft.violation_hints(), ["MEDSOS_INTERAKSI"]);
        assert_eq!(draft.links(), ["https://instagram.com/p/abc"]);
        assert_eq!(draft.election(), Some(ElectionKind::Pilkada));
    }

    #[test]
    fn each_bad_field_is_named() {
        assert_eq!(
            check(|r| r.summary = "  ".into()),
            Err(ReportError::MissingField { field: "summary" })
        );
        assert_eq!(
            check(|r| r.subject = Subject::Described(" ".into())),
            Err(ReportError::MissingField {
                field: "subject_description"
            })
        );
        assert_eq!(
            check(|r| r.incident_date = d(2024, 10, 2)),
            Err(ReportError::IncidentInFuture(d(2024, 10, 2)))
        );
        assert_eq!(
            check(|r| r.place = "x".repeat(301)),
            Err(ReportError::FieldTooLong {
                field: "place",
                max: 300
            })
        );
        assert_eq!(
            check(|r| r.links = vec!["javascript:alert(1)".into()]),
            Err(ReportError::InvalidLink("javascript:alert(1)".into()))
        );
        assert_eq!(
            check(|r| r.links = vec!["https://".into()]),
            Err(ReportError::InvalidLink("https://".into()))
        );
        assert_eq!(
            check(|r| r.links = vec!["https://x.id/a".into(); 11]),
            Err(ReportError::TooManyLinks)
        );
    }

    #[test]
    fn channels_and_elections_round_trip() {
        for channel in Channel::ALL {
            assert_eq!(channel.as_str().parse::<Channel>(), Ok(channel));
        }
        assert!("email".parse::<Channel>().is_err());
        assert_eq!("pilkada".parse::<ElectionKind>(), Ok(ElectionKind::Pilkada));
        assert!("pileg".parse::<ElectionKind>().is_err());
    }
}
