//! A message in words, from the translations: Indonesian first, then the same in English, in
//! one message (staff accounts and reporters have no language of their own on record, and every
//! recipient reads at least one of the two). A reporter's notice names only the report number
//! and the public wording of the stage, nothing of the case.

use std::sync::LazyLock;

use fluent_bundle::FluentArgs;
use netral_store::mail::{MailKind, OutboxMail};

use crate::i18n::{Catalog, Lang, TextError};
use crate::labels;

static CATALOG: LazyLock<Catalog> =
    LazyLock::new(|| Catalog::load().expect("embedded translations must load"));

pub(super) struct Text {
    pub subject: String,
    pub body: String,
}

pub(super) fn render(message: &OutboxMail) -> Result<Text, TextError> {
    render_with(&CATALOG, message)
}

fn render_with(catalog: &Catalog, message: &OutboxMail) -> Result<Text, TextError> {
    let key = message.kind.as_str().replace('_', "-");
    let mut subjects = Vec::new();
    let mut bodies = Vec::new();
    for lang in Lang::ALL {
        let args = arguments(catalog, lang, message)?;
        subjects.push(catalog.text(lang, &format!("mail-subject-{key}"), Some(&args))?);
        let body = catalog.text(lang, &format!("mail-body-{key}"), Some(&args))?;
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
            let text = render_with(&catalog, &message(kind)).unwrap();
            assert!(text.subject.contains("NTR-2024-000003"), "{}", text.subject);
            assert!(text.body.contains("NTR-2024-000003"), "{}", text.body);
            assert!(text.body.contains("----------"), "{}", text.body);
        }
        let due = render_with(&catalog, &message(MailKind::Reminder)).unwrap();
        assert!(due.body.contains("15 Oktober 2024"), "{}", due.body);
        assert!(due.body.contains("15 October 2024"), "{}", due.body);
    }

    #[test]
    fn a_reporter_learns_the_public_stage_and_the_report_number_only() {
        let catalog = Catalog::load().unwrap();
        let text = render_with(&catalog, &message(MailKind::StageChanged)).unwrap();
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
