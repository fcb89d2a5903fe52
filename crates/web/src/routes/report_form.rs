//! `GET /lapor`: the report form. Also renders it again, with everything typed kept, when a
//! submission must be corrected.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, Utc};
use netral_domain::deadline::jakarta_date;
use netral_domain::report::MAX_LINKS;
use netral_store::vault::random_token;
use serde::Serialize;

use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::{
    FieldError, HONEYPOT, ReportValues, by_field, issue_csrf, issued_token, private_page,
};
use crate::page::Page;
use crate::violation_choices::{ChoiceGroup, choice_groups};

pub(crate) async fn show(
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let form = FormState {
        values: &ReportValues::new(),
        errors: &[],
        files_lost: false,
    };
    render(&page, &ctx, &headers, form, StatusCode::OK, Utc::now())
}

/// What the form shows besides its fixed text.
pub(super) struct FormState<'a> {
    pub values: &'a ReportValues,
    pub errors: &'a [FieldError],
    /// Files were sent with a submission that must be corrected: browsers cannot be given
    /// them back, so the reporter is asked to attach them again.
    pub files_lost: bool,
}

#[derive(Serialize)]
struct FormView<'a> {
    values: &'a ReportValues,
    errors: &'a [FieldError],
    /// The first message for each field, shown beside it.
    field_errors: BTreeMap<&'static str, &'a str>,
    files_lost: bool,
    describe_open: bool,
    groups: Vec<ChoiceGroup>,
    today: String,
    max_files: usize,
    max_file_size: String,
    max_links: usize,
    csrf: String,
    /// New on every render: a retried send of this very form files once, a new form files anew.
    idempotency_key: String,
    issued: String,
    honeypot: &'static str,
}

pub(super) fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    form: FormState<'_>,
    status: StatusCode,
    now: DateTime<Utc>,
) -> Result<Response, WebError> {
    let app = &ctx.app;
    let today = jakarta_date(now);
    let set = app.rules.in_force_on(today)?;
    let csrf = issue_csrf(&app.vault, headers);
    let field_errors = by_field(form.errors);
    let view = FormView {
        values: form.values,
        errors: form.errors,
        describe_open: form.values.describes_subject() || field_errors.contains_key("subject_name"),
        field_errors,
        files_lost: form.files_lost,
        groups: choice_groups(page, set, &form.values.violations),
        today: today.to_string(),
        max_files: app.intake.max_files,
        max_file_size: page.file_size(app.intake.max_file_bytes)?,
        max_links: MAX_LINKS,
        csrf: csrf.token,
        idempotency_key: random_token(18),
        issued: issued_token(&app.vault, now),
        honeypot: HONEYPOT,
    };
    let html = page.render("report_form.html", view)?;
    Ok(private_page(status, html, csrf.set_cookie))
}
