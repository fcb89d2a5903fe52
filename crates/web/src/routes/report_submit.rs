//! `POST /lapor`: a report from the form. Checked in order of cost: the CSRF token, the signs
//! of a program, the client's rate, then every field; only a report with nothing wrong is
//! filed. Anything to correct brings the form back with all that was typed; success shows the
//! receipt in this very response, so the code never appears in a URL, a history or a log.

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, Utc};
use netral_domain::case::CaseState;
use netral_domain::deadline::jakarta_date;
use serde::Serialize;

use super::report_form::{self, FormState};
use crate::app::Ctx;
use crate::client::ClientIp;
use crate::error::WebError;
use crate::forms::{
    CSRF_FIELD, HONEYPOT, ISSUED, Problem, ReportValues, Suspicion, WHOLE_FORM, check_not_a_bot,
    from_intake_error, private_page, read_multipart, verify_csrf, word,
};
use crate::intake::{self, Receipt};
use crate::labels;
use crate::page::Page;

pub(crate) async fn submit(
    page: Page,
    State(ctx): State<Ctx>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let now = Utc::now();
    let app = &ctx.app;
    let mut form = read_multipart(multipart, "evidence").await?;
    if !verify_csrf(&app.vault, &headers, form.get(CSRF_FIELD)) {
        return Err(WebError::FormExpired);
    }
    let values = ReportValues::from_form(&form);
    let files = std::mem::take(&mut form.files);
    let files_lost = !files.is_empty();
    let correct = |problems: Vec<Problem>| {
        let errors = word(&page, &problems)?;
        let state = FormState {
            values: &values,
            errors: &errors,
            files_lost,
        };
        report_form::render(
            &page,
            &ctx,
            &headers,
            state,
            StatusCode::UNPROCESSABLE_ENTITY,
            now,
        )
    };
    let suspicion = check_not_a_bot(
        &app.vault,
        app.intake.min_fill_time,
        form.get(HONEYPOT),
        form.get(ISSUED),
        now,
    );
    match suspicion {
        Ok(()) => {}
        // Only a program fills a field nobody can see: refuse without echoing anything back.
        Err(Suspicion::Honeypot) => return Err(WebError::Refused),
        // The rest could be a person (a quick autofill, a tab left open overnight): the form
        // comes back with everything kept, ready to send again.
        Err(Suspicion::TooFast) => return correct(vec![Problem::new(WHOLE_FORM, "form-too-fast")]),
        Err(Suspicion::Stale) => return correct(vec![Problem::new(WHOLE_FORM, "form-expired")]),
        Err(Suspicion::Unsigned) => return correct(vec![Problem::new(WHOLE_FORM, "form-invalid")]),
    }
    limit_submissions(&ctx, ip, now).await?;

    let today = jakarta_date(now);
    let set = app.rules.in_force_on(today)?;
    let known: Vec<&str> = set.violations.iter().map(|v| v.code.as_str()).collect();
    let mut problems = Vec::new();
    if let Err(e) = intake::check_files(app, &files) {
        problems.push(from_intake_error(e)?);
    }
    let key = form.get("idempotency_key");
    let submission = match values.submission(&known, today, key, files) {
        Ok(submission) if problems.is_empty() => submission,
        Ok(_) => return correct(problems),
        Err(mut found) => {
            found.append(&mut problems);
            return correct(found);
        }
    };
    match intake::submit(app, submission, now).await {
        Ok(receipt) => receipt_page(&page, &ctx, &receipt, now),
        Err(e) => correct(vec![from_intake_error(e)?]),
    }
}

/// Refuses the submission when the client's allowance is spent; reports and replies share it.
pub(super) async fn limit_submissions(
    ctx: &Ctx,
    ip: std::net::IpAddr,
    now: DateTime<Utc>,
) -> Result<(), WebError> {
    if intake::within_submission_limit(&ctx.app, ip, now).await? {
        Ok(())
    } else {
        Err(WebError::TooManyRequests)
    }
}

#[derive(Serialize)]
struct ReceiptView {
    report_number: String,
    /// Grouped for reading: `7K3M-Q9TX-2BHD-RW5N-C8FA`.
    code: String,
    replayed: bool,
    next: Vec<NextStep>,
    /// Switching language reloads the page, and a receipt cannot be shown twice: the switch
    /// is left out here, the page being in the language the reporter wrote in.
    hide_language_switch: bool,
}

/// One stage ahead, with the time it may take under the rules in force.
#[derive(Serialize)]
struct NextStep {
    key: &'static str,
    days: u32,
    duration_key: &'static str,
}

fn receipt_page(
    page: &Page,
    ctx: &Ctx,
    receipt: &Receipt,
    now: DateTime<Utc>,
) -> Result<Response, WebError> {
    let set = ctx.app.rules.in_force_on(jakarta_date(now))?;
    let next = [
        (CaseState::Received, "receipt-next-received"),
        (CaseState::Verification, "receipt-next-verification"),
    ]
    .into_iter()
    .filter_map(|(state, key)| {
        set.clock(state).map(|stage| NextStep {
            key,
            days: stage.clock.days,
            duration_key: labels::duration(stage.clock.unit),
        })
    })
    .collect();
    let view = ReceiptView {
        report_number: receipt.report_number.clone(),
        code: receipt.code.to_string(),
        replayed: receipt.replayed,
        next,
        hide_language_switch: true,
    };
    let html = page.render("receipt.html", view)?;
    Ok(private_page(StatusCode::OK, html, None))
}
