//! A message in words, from the translations: Indonesian first, then the same in English, in
//! one message (staff accounts and reporters have no language of their own on record, and every
//! recipient reads at least one of the two). A reporter's notice names only the report number
//! and the public wording of the stage, nothing of the case.

use std::sync::LazyLock;

use fluent_bundle::FluentArgs;
use netral_store::letters::LetterRecord;
use netral_store::mail::{MailKind, OutboxMail};

use crate::i18n::{Catalog, Lang, TextError};
use crate::labels;

static CATALOG: LazyLock<Catalog> =
    LazyLock::new(|| Catalog::load().expect("embedded translations must load"));

pub(super) struct Text {
    pub subject: String,
    pub body: String,
}

/// `letter` is the letter the message goes with, if any: the body says whether its PDF is
/// attached.
pub(super) fn render(
    message: &OutboxMail,
    letter: Option<&LetterRecord>,
) -> Result<Text, TextError> {
    render_with(&CATALOG, message, letter)
}

fn render_with(
    catalog: &Catalog,
    message: &OutboxMail,
    letter: Option<&LetterRecord>,
) -> Result<Text, TextError> {
    let key = message.kind.as_str().replace('_', "-");
    let mut subjects = Vec::new();
    let mut bodies = Vec::new();
    for lang in Lang::ALL {
        let args = arguments(catalog, lang, message)?;
        subjects.push(catalog.text(lang, &format!("mail-subject-{key}"), Some(&args))?);
        let mut body = catalog.text(lang, &format!("mail-body-{key}"), Some(&args))?;
        if let Some(letter) = letter {
            let mut letter_args = FluentArgs::new();
            letter_args.set("number", letter.number.clone());
            let key = match &letter.sha256 {
                Some(sha256) => {
                    letter_args.set("sha256", sha256.clone());
                    "mail-letter-attached"
                }
                None => "mail-letter-not-attached",
            };
            body.push_str("\n\n");
            body.push_str(&catalog.text(lang, key, Some(&letter_args))?);
        }
        let footer = catalog.text(lang, "mail-footer", None)?;
        bodies.push(format!("{body}\n\n{footer}"));
    }
    Ok(Text {
        subject: subjects.join(" / "),
        body: bodies.join("\n\n----------\n\n") + "\n",
    })
}

fn arguments<'a>(
    catalog: &Catalog,
    lang: Lang,
    message: &'a OutboxMail,
) -> Result<FluentArgs<'a>, TextError> {
    let mut args = FluentArgs::new();
    let missing = "-".to_owned();
    args.set(
        "case",
        message
            .case_number
            .clone()
            .unwrap_or_else(|| missing.clone()),
    );
    args.set(
        "report",
        message
            .report_number
            .clone()
            .unwrap_or_else(|| missing.clone()),
    );
    let stage = match (message.kind, message.stage) {
        (MailKind::StageChanged, Some(stage)) => {
            catalog.text(lang, &labels::citizen_state(stage), None)?
        }
        (_, Some(stage)) => catalog.text(lang, &labels::state(stage), None)?,
        (_, None) => missing.clone(),
    };
    args.set("stage", stage);
    let due = match message.due_on {
        Some(due) => labels::long_date(catalog, lang, due)?,
        None => missing,
    };
    args.set("due", due);
    // Messages about no case (pact reminders, advisory answers) carry their own figures.
    if let Some(serde_json::Value::Object(details)) = &message.details {
        for (key, value) in details {
            match value {
                serde_json::Value::String(text) => args.set(key.clone(), text.clone()),
                serde_json::Value::Number(n) => args.set(key.clone(), n.as_f64().unwrap_or(0.0)),
                _ => {}
            }
        }
    }
    Ok(args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use netral_domain::case::CaseState;

    fn message(kind: MailKind) -> OutboxMail {
        OutboxMail {
            id: 1,
            notice_key: "k".into(),
            kind,
            to_address: None,
            report_id: Some(1),
            report_number: Some("LAP-2024-000007".into()),
            case_id: Some(1),
            case_number: Some("NTR-2024-000003".into()),
            stage: Some(CaseState::Review),
            due_on: NaiveDate::from_ymd_opt(2024, 10, 15),
            letter_id: None,
            details: None,
            subject: None,
            body_text: None,
            created_at: chrono::DateTime::UNIX_EPOCH,
            status: "queued".into(),
            attempts: 0,
            last_error: None,
            sent_at: None,
        }
    }

    #[test]
    fn every_kind_renders_in_both_languages() {
        let catalog = Catalog::load().unwrap();
        for kind in [
            MailKind::Reminder,
            MailKind::Overdue,
            MailKind::RecommendationArrived,
        ] {
            let text = render_with(&catalog, &message(kind), None).unwrap();
            assert!(text.subject.contains("NTR-2024-000003"), "{}", text.subject);
            assert!(text.body.contains("NTR-2024-000003"), "{}", text.body);
            assert!(text.body.contains("----------"), "{}", text.body);
        }
        let due = render_with(&catalog, &message(MailKind::Reminder), None).unwrap();
        assert!(due.body.contains("15 Oktober 2024"), "{}", due.body);
        assert!(due.body.contains("15 October 2024"), "{}", due.body);
    }

    #[test]
    fn a_recommendation_notice_says_whether_its_letter_is_attached() {
        let catalog = Catalog::load().unwrap();
        let mut letter = LetterRecord {
            id: 1,
            case_id: 1,
            case_number: "NTR-2024-000003".into(),
            event_seq: 5,
            kind: netral_domain::letter::LetterKind::Recommendation,
            number: "0001/REK/BKN/X/2024".into(),
            issued_at: chrono::DateTime::UNIX_EPOCH,
            sha256: Some("ab".repeat(32)),
            size: Some(1000),
            rendered_at: Some(chrono::DateTime::UNIX_EPOCH),
        };
        let message = message(MailKind::RecommendationArrived);
        let text = render_with(&catalog, &message, Some(&letter)).unwrap();
        assert!(
            text.body
                .contains("Surat Nomor 0001/REK/BKN/X/2024 terlampir"),
            "{}",
            text.body
        );
        assert!(text.body.contains("is attached"), "{}", text.body);
        assert!(text.body.contains(&"ab".repeat(32)), "{}", text.body);
        letter.sha256 = None;
        let text = render_with(&catalog, &message, Some(&letter)).unwrap();
        assert!(
            text.body.contains("belum dapat dilampirkan"),
            "{}",
            text.body
        );
        assert!(!text.body.contains("terlampir"), "{}", text.body);
    }

    #[test]
    fn a_reporter_learns_the_public_stage_and_the_report_number_only() {
        let catalog = Catalog::load().unwrap();
        let text = render_with(&catalog, &message(MailKind::StageChanged), None).unwrap();
        assert!(text.subject.contains("LAP-2024-000007"), "{}", text.subject);
        assert!(
            text.body.contains("Sedang dikaji oleh Bawaslu"),
            "{}",
            text.body
        );
        assert!(!text.body.contains("NTR-2024-000003"), "{}", text.body);
        assert!(
            !text.subject.contains("NTR-2024-000003"),
            "{}",
            text.subject
        );
    }
}
