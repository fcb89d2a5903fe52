//! The report form's fields: what the reporter typed (kept to show back when something must be
//! corrected), and the submission built from them, with every problem found on the way.

use chrono::NaiveDate;
use netral_domain::report::{
    Channel, ElectionKind, NewReport, ReportDraft, Reporter, ReporterMode, Subject,
};
use serde::Serialize;

use super::errors::{Problem, from_report_error};
use super::multipart::FormData;
use super::subject::{SubjectNumber, describe_subject, number_problem, parse_subject_number};
use crate::intake::{Submission, UploadedFile};

/// Every value of the form as typed; files excepted (browsers cannot be sent them back).
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct ReportValues {
    pub violations: Vec<String>,
    pub unsure: bool,
    pub summary: String,
    pub subject_number: String,
    pub subject_name: String,
    pub subject_agency: String,
    pub subject_position: String,
    pub incident_date: String,
    pub place: String,
    pub links: String,
    /// `pemilu`, `pilkada`, or "" for "don't know".
    pub election: String,
    /// `anonymous` unless chosen otherwise: the safest choice is the default.
    pub reporter_mode: String,
    pub reporter_name: String,
    pub reporter_phone: String,
    pub reporter_email: String,
}

impl ReportValues {
    pub fn new() -> Self {
        ReportValues {
            reporter_mode: "anonymous".into(),
            ..Self::default()
        }
    }

    pub fn from_form(form: &FormData) -> Self {
        let text = |name| form.get(name).to_owned();
        ReportValues {
            violations: form.all("violations").map(str::to_owned).collect(),
            unsure: !form.get("violations_unsure").is_empty(),
            summary: text("summary"),
            subject_number: text("subject_number"),
            subject_name: text("subject_name"),
            subject_agency: text("subject_agency"),
            subject_position: text("subject_position"),
            incident_date: text("incident_date"),
            place: text("place"),
            links: text("links"),
            election: text("election"),
            reporter_mode: text("reporter_mode"),
            reporter_name: text("reporter_name"),
            reporter_phone: text("reporter_phone"),
            reporter_email: text("reporter_email"),
        }
    }

    /// Whether the "I don't know the number" part holds anything, so it is shown open.
    pub fn describes_subject(&self) -> bool {
        [
            &self.subject_name,
            &self.subject_agency,
            &self.subject_position,
        ]
        .iter()
        .any(|v| !v.trim().is_empty())
    }

    /// The submission, or every problem found. `known_codes` are the violation codes the form
    /// offered; anything else was not typed by a person and is dropped (they are only hints).
    pub fn submission(
        &self,
        known_codes: &[&str],
        today: NaiveDate,
        idempotency_key: &str,
        files: Vec<UploadedFile>,
    ) -> Result<Submission, Vec<Problem>> {
        let mut problems = Vec::new();
        let subject = self.subject(&mut problems);
        let incident_date = match self.incident_date.trim() {
            "" => {
                problems.push(Problem::new("incident_date", "form-missing"));
                None
            }
            text => text.parse::<NaiveDate>().ok().or_else(|| {
                problems.push(Problem::new("incident_date", "form-date-invalid"));
                None
            }),
        };
        let election = match self.election.as_str() {
            "" => None,
            text => text.parse::<ElectionKind>().map_or_else(
                |e| {
                    problems.push(from_report_error(&e));
                    None
                },
                Some,
            ),
        };
        let reporter = self.reporter(&mut problems);
        let violation_hints = if self.unsure {
            Vec::new()
        } else {
            self.violations
                .iter()
                .filter(|code| known_codes.contains(&code.as_str()))
                .cloned()
                .collect()
        };
        let report = NewReport {
            channel: Channel::Public,
            // Stand-ins where the field was wrong, so the draft's own checks (summary, links,
            // place) still run and their problems are shown together with these.
            incident_date: incident_date.unwrap_or(today),
            summary: self.summary.clone(),
            subject: subject
                .clone()
                .unwrap_or_else(|| Subject::Described("-".into())),
            violation_hints,
            place: self.place.clone(),
            links: self.links.lines().map(str::to_owned).collect(),
            election,
        };
        if let Err(e) = ReportDraft::new(report.clone(), today) {
            problems.push(from_report_error(&e));
        }
        match (subject, incident_date, reporter) {
            (Some(_), Some(_), Some(reporter)) if problems.is_empty() => Ok(Submission {
                report,
                reporter,
                idempotency_key: idempotency_key.to_owned(),
                files,
            }),
            _ => Err(problems),
        }
    }

    fn subject(&self, problems: &mut Vec<Problem>) -> Option<Subject> {
        match parse_subject_number(&self.subject_number) {
            Ok(Some(SubjectNumber::Nip(nip))) => Some(Subject::Nip(nip)),
            Ok(Some(SubjectNumber::Nik(nik))) => Some(Subject::Nik(nik)),
            Ok(None) => {
                let described = describe_subject(
                    &self.subject_name,
                    &self.subject_position,
                    &self.subject_agency,
                );
                if !described.is_empty() {
                    Some(Subject::Described(described))
                } else if self.describes_subject() {
                    problems.push(Problem::new("subject_name", "form-subject-name-missing"));
                    None
                } else {
                    problems.push(Problem::new("subject_number", "form-subject-missing"));
                    None
                }
            }
            Err(e) => {
                problems.push(number_problem("subject_number", &e));
                None
            }
        }
    }

    fn reporter(&self, problems: &mut Vec<Problem>) -> Option<Reporter> {
        // Nothing chosen means the default the form shows: anonymous.
        let chosen = if self.reporter_mode.is_empty() {
            "anonymous"
        } else {
            &self.reporter_mode
        };
        let Ok(mode) = chosen.parse::<ReporterMode>() else {
            problems.push(Problem::new("reporter_mode", "form-mode-invalid"));
            return None;
        };
        Reporter::new(
            mode,
            &self.reporter_name,
            &self.reporter_phone,
            &self.reporter_email,
        )
        .map_err(|e| problems.push(from_report_error(&e)))
        .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 10, 1).unwrap()
    }

    fn good() -> ReportValues {
        ReportValues {
            violations: vec!["MEDSOS_INTERAKSI".into(), "NOT_A_CODE".into()],
            summary: "Membagikan stiker paslon di grup WhatsApp".into(),
            subject_number: "19850312 201001 1 003".into(),
            incident_date: "2024-09-28".into(),
            links: "https://x.id/a\n\nhttps://x.id/b".into(),
            election: "pilkada".into(),
            ..ReportValues::new()
        }
    }

    fn problems(values: &ReportValues) -> Vec<(&'static str, &'static str)> {
        values
            .submission(&["MEDSOS_INTERAKSI"], today(), "k", Vec::new())
            .map(|_| Vec::new())
            .unwrap_or_else(|p| p.iter().map(|p| (p.field, p.key)).collect())
    }

    #[test]
    fn a_good_form_becomes_a_public_report() {
        let submission = good()
            .submission(&["MEDSOS_INTERAKSI"], today(), "key", Vec::new())
            .unwrap();
        assert_eq!(submission.report.channel, Channel::Public);
        assert_eq!(submission.report.violation_hints, ["MEDSOS_INTERAKSI"]);
        assert!(matches!(submission.report.subject, Subject::Nip(_)));
        assert_eq!(submission.reporter, Reporter::Anonymous);
        let unsure = ReportValues {
            unsure: true,
            ..good()
        };
        let submission = unsure
            .submission(&["MEDSOS_INTERAKSI"], today(), "key", Vec::new())
            .unwrap();
        assert!(submission.report.violation_hints.is_empty());
    }

    #[test]
    fn every_empty_required_field_is_reported_at_once() {
        let empty = ReportValues::new();
        assert_eq!(
            problems(&empty),
            [
                ("subject_number", "form-subject-missing"),
                ("incident_date", "form-missing"),
                ("summary", "form-missing"),
            ]
        );
    }

    #[test]
    fn a_description_needs_a_name() {
        let described = ReportValues {
            subject_number: String::new(),
            subject_agency: "Dinas Pendidikan".into(),
            ..good()
        };
        assert_eq!(
            problems(&described),
            [("subject_name", "form-subject-name-missing")]
        );
    }

    #[test]
    fn identities_need_a_contact() {
        let confidential = ReportValues {
            reporter_mode: "confidential".into(),
            reporter_name: "Budi".into(),
            ..good()
        };
        assert_eq!(
            problems(&confidential),
            [("reporter_phone", "form-contact-missing")]
        );
    }
}
