//! What was wrong with a form, field by field, worded in the visitor's language. Each message
//! names its field ("NIP atau NIK: NIP harus 18 angka, baru 17."), so it reads the same in the
//! summary at the top of the page and beside the field.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use fluent_bundle::FluentValue;
use netral_domain::report::{MAX_LINKS, ReportError};
use netral_store::evidence::EvidenceError;
use serde::Serialize;

use crate::error::WebError;
use crate::intake::IntakeError;
use crate::page::Page;

/// The form as a whole (a stale or tampered form): shown in the summary, linked to no field.
pub(crate) const WHOLE_FORM: &str = "form";

/// Every field a message can point at; each has a `field-<name>` label in both languages.
pub(crate) const FIELDS: [&str; 42] = [
    "violations",
    "summary",
    "subject_number",
    "subject_name",
    "incident_date",
    "place",
    "links",
    "election",
    "evidence",
    "reporter_mode",
    "reporter_name",
    "reporter_phone",
    "reporter_email",
    "body",
    "report_number",
    "receipt_code",
    "username",
    "password",
    "code",
    "current_password",
    "new_password",
    "repeat_password",
    "display_name",
    "email",
    "role",
    "scope",
    "q",
    "file",
    "token_name",
    "lifetime",
    "agency",
    "title",
    "held_on",
    "audience",
    "materials",
    "survey",
    "attendance",
    "nip",
    "target",
    "question",
    "answer",
    "verdict",
];

/// A value to put into a message, formatted for the visitor's language when worded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Arg {
    Text(String),
    Number(i64),
    /// Bytes, shown as "20 MB".
    Size(u64),
    /// Shown as "Rabu, 14 Februari 2024".
    Date(NaiveDate),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<NaiveDate> for Arg {
    fn from(date: NaiveDate) -> Self {
        Arg::Date(date)
    }
}

/// One thing wrong with one field: the Fluent key of the message and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub field: &'static str,
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Problem {
    pub fn new(field: &'static str, key: &'static str) -> Self {
        Problem {
            field,
            key,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    #[cfg(test)]
    pub fn args_for_test(&self) -> Vec<(&'static str, String)> {
        self.args
            .iter()
            .map(|(name, arg)| {
                let text = match arg {
                    Arg::Text(t) => t.clone(),
                    Arg::Number(n) => n.to_string(),
                    Arg::Size(b) => format!("{b} bytes"),
                    Arg::Date(d) => d.to_string(),
                };
                (*name, text)
            })
            .collect()
    }
}

/// A worded problem, as templates show it: `field` is the id of the input it belongs to.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FieldError {
    pub field: &'static str,
    pub message: String,
}

/// The first message for each field, to show beside it.
pub(crate) fn by_field(errors: &[FieldError]) -> BTreeMap<&'static str, &str> {
    let mut fields = BTreeMap::new();
    for error in errors {
        fields.entry(error.field).or_insert(error.message.as_str());
    }
    fields
}

/// Words each problem in the visitor's language, prefixed with its field's label, in the
/// order of the form's fields (problems about the whole form first), so the summary reads
/// from top to bottom like the form.
pub(crate) fn word(page: &Page, problems: &[Problem]) -> Result<Vec<FieldError>, WebError> {
    let mut ordered: Vec<&Problem> = problems.iter().collect();
    ordered.sort_by_key(|problem| FIELDS.iter().position(|f| *f == problem.field));
    ordered
        .into_iter()
        .map(|problem| {
            let mut args = Vec::with_capacity(problem.args.len());
            for (name, arg) in &problem.args {
                let value: FluentValue = match arg {
                    Arg::Text(text) => text.clone().into(),
                    Arg::Number(n) => (*n).into(),
                    Arg::Size(bytes) => page.file_size(*bytes)?.into(),
                    Arg::Date(date) => page.long_date(*date)?.into(),
                };
                args.push((*name, value));
            }
            let message = page.text(problem.key, &args)?;
            let message = if problem.field == WHOLE_FORM {
                message
            } else {
                let label = page.text(&format!("field-{}", problem.field), &[])?;
                page.text(
                    "form-error",
                    &[("field", label.into()), ("message", message.into())],
                )?
            };
            Ok(FieldError {
                field: problem.field,
                message,
            })
        })
        .collect()
}

/// The field and message for a refusal by the intake; store and disk failures stay errors.
pub(crate) fn from_intake_error(error: IntakeError) -> Result<Problem, WebError> {
    Ok(match error {
        IntakeError::Report(e) => from_report_error(&e),
        IntakeError::NoRules(e) => {
            Problem::new("incident_date", "form-date-no-rules").arg("since", e.1)
        }
        IntakeError::TooManyFiles { max } => {
            Problem::new("evidence", "form-files-too-many").arg("max", max)
        }
        IntakeError::File { name, error } => {
            let file = |key| Problem::new("evidence", key).arg("name", name.clone());
            match error {
                EvidenceError::TooLarge { max, .. } => {
                    file("form-file-too-large").arg("size", Arg::Size(max))
                }
                EvidenceError::UnsupportedType => file("form-file-wrong-type"),
                EvidenceError::Empty => file("form-file-empty"),
                other => return Err(WebError::Evidence(other)),
            }
        }
        // The portal makes its own keys; a bad one means the form was altered or cut off.
        IntakeError::BadIdempotencyKey => Problem::new(WHOLE_FORM, "form-invalid"),
        IntakeError::Store(e) => return Err(WebError::Store(e)),
    })
}

pub(crate) fn from_report_error(error: &ReportError) -> Problem {
    match error {
        ReportError::MissingField {
            field: "subject_description",
        } => Problem::new("subject_number", "form-subject-missing"),
        ReportError::MissingField {
            field: "reporter_contact",
        } => Problem::new("reporter_phone", "form-contact-missing"),
        ReportError::MissingField { field } => Problem::new(form_field(field), "form-missing"),
        ReportError::FieldTooLong { field, max } => {
            Problem::new(form_field(field), "form-too-long").arg("max", *max)
        }
        ReportError::InvalidField {
            field: "reporter_phone",
        } => Problem::new("reporter_phone", "form-phone-invalid"),
        ReportError::InvalidField {
            field: "reporter_email",
        } => Problem::new("reporter_email", "form-email-invalid"),
        ReportError::InvalidField { field } => {
            Problem::new(form_field(field), "form-value-invalid")
        }
        ReportError::IncidentInFuture(date) => {
            Problem::new("incident_date", "form-date-future").arg("date", *date)
        }
        ReportError::TooManyLinks => {
            Problem::new("links", "form-links-too-many").arg("max", MAX_LINKS)
        }
        ReportError::InvalidLink(link) => {
            Problem::new("links", "form-link-invalid").arg("link", link.as_str())
        }
        ReportError::UnknownElection(_) => Problem::new("election", "form-election-invalid"),
        ReportError::UnknownReporterMode(_) => Problem::new("reporter_mode", "form-mode-invalid"),
        // The portal always files on the public channel.
        ReportError::UnknownChannel(_) => Problem::new(WHOLE_FORM, "form-invalid"),
    }
}

/// The form field a domain error names. The domain speaks of the subject's description where
/// the form has a name field, and a field the form does not know is reported for the form.
fn form_field(domain_field: &str) -> &'static str {
    match domain_field {
        "subject_description" => "subject_name",
        "reporter_contact" => "reporter_phone",
        other => FIELDS
            .into_iter()
            .find(|field| *field == other)
            .unwrap_or(WHOLE_FORM),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalog, Lang};

    #[test]
    fn domain_fields_map_to_form_fields() {
        let missing = |field| from_report_error(&ReportError::MissingField { field }).field;
        assert_eq!(missing("summary"), "summary");
        assert_eq!(missing("subject_description"), "subject_number");
        assert_eq!(missing("reporter_contact"), "reporter_phone");
        assert_eq!(missing("reporter_name"), "reporter_name");
        assert_eq!(missing("something_new"), WHOLE_FORM);
        let long = ReportError::FieldTooLong {
            field: "subject_description",
            max: 4000,
        };
        assert_eq!(from_report_error(&long).field, "subject_name");
    }

    #[test]
    fn every_field_has_a_label_in_both_languages() {
        let catalog = Catalog::load().unwrap();
        for lang in Lang::ALL {
            for field in FIELDS {
                catalog
                    .text(lang, &format!("field-{field}"), None)
                    .unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
}
