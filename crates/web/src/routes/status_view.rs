//! The status page of one report, as its reporter sees it: the stage in plain words, the
//! deadline of that stage, the files they sent, the conversation with the handlers ("Petugas",
//! never a name), and a form to write back.

use std::collections::BTreeMap;

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, FixedOffset, Utc};
use netral_store::thread::{AttachmentView, Author, ReporterView};
use netral_store::vault::{ReceiptCode, random_token};
use serde::Serialize;

use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::{FieldError, by_field, issue_csrf, private_page};
use crate::i18n::Lang;
use crate::labels;
use crate::page::Page;

/// What the page shows besides the report itself.
pub(super) struct StatusPage<'a> {
    pub view: &'a ReporterView,
    pub code: &'a ReceiptCode,
    /// The reply being written, kept when it must be corrected.
    pub reply: &'a str,
    pub errors: &'a [FieldError],
    pub files_lost: bool,
    /// A reply was just added.
    pub sent: bool,
}

#[derive(Serialize)]
struct View<'a> {
    report_number: &'a str,
    /// Grouped, as on the receipt; sent back with a reply to open the report again.
    code: String,
    received: String,
    state_key: String,
    /// For a report merged as a duplicate: the case it is handled under now, and its stage
    /// (the deadline shown is that case's).
    continues_under: Option<ContinuesView<'a>>,
    deadline: Option<String>,
    deadline_provisional: bool,
    files: Vec<FileView<'a>>,
    messages: Vec<MessageView<'a>>,
    reply: &'a str,
    errors: &'a [FieldError],
    field_errors: BTreeMap<&'static str, &'a str>,
    files_lost: bool,
    sent: bool,
    csrf: String,
    idempotency_key: String,
    max_files: usize,
    max_file_size: String,
}

#[derive(Serialize)]
struct ContinuesView<'a> {
    number: &'a str,
    state_key: String,
}

#[derive(Serialize)]
struct FileView<'a> {
    name: &'a str,
    size: u64,
}

#[derive(Serialize)]
struct MessageView<'a> {
    mine: bool,
    date: String,
    time: String,
    body: &'a str,
    files: Vec<FileView<'a>>,
}

pub(super) fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    state: StatusPage<'_>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let report = state.view;
    let csrf = issue_csrf(&ctx.app.vault, headers);
    let field_errors = by_field(state.errors);
    let (received, _) = in_wib(report.received_at, page.lang);
    let deadline = match &report.continues_under {
        Some(carrying) => carrying.deadline,
        None => report.deadline,
    };
    let view = View {
        report_number: &report.report_number,
        code: state.code.to_string(),
        received,
        state_key: labels::citizen_state(report.state),
        continues_under: report.continues_under.as_ref().map(|c| ContinuesView {
            number: &c.case_number,
            state_key: labels::citizen_state(c.state),
        }),
        deadline: deadline.map(|d| d.due.to_string()),
        deadline_provisional: deadline.is_some_and(|d| d.provisional),
        files: report.attachments.iter().map(file_view).collect(),
        messages: report
            .messages
            .iter()
            .map(|message| {
                let (date, time) = in_wib(message.at, page.lang);
                MessageView {
                    mine: message.author == Author::Reporter,
                    date,
                    time,
                    body: &message.body,
                    files: message.attachments.iter().map(file_view).collect(),
                }
            })
            .collect(),
        reply: state.reply,
        errors: state.errors,
        field_errors,
        files_lost: state.files_lost,
        sent: state.sent,
        csrf: csrf.token,
        idempotency_key: random_token(18),
        max_files: ctx.app.intake.max_files,
        max_file_size: page.file_size(ctx.app.intake.max_file_bytes)?,
    };
    let html = page.render("status.html", view)?;
    Ok(private_page(status, html, csrf.set_cookie))
}

fn file_view(file: &AttachmentView) -> FileView<'_> {
    FileView {
        name: &file.original_name,
        size: u64::try_from(file.size).unwrap_or(0),
    }
}

/// The date (ISO, for `long_date`) and the time of day in Western Indonesia Time, where the
/// handlers work: "14.05" in Indonesian, "14:05" in English.
fn in_wib(at: DateTime<Utc>, lang: Lang) -> (String, String) {
    let wib = FixedOffset::east_opt(7 * 3600).expect("UTC+7 is a valid offset");
    let local = at.with_timezone(&wib);
    let time = match lang {
        Lang::Id => local.format("%H.%M"),
        Lang::En => local.format("%H:%M"),
    };
    (local.date_naive().to_string(), time.to_string())
}
