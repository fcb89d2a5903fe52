//! What the public forms share: protection against forged and automated submissions, reading
//! multipart bodies, and turning what was wrong into messages that name the field.

mod anti_bot;
mod csrf;
mod errors;
mod multipart;
mod report;
mod subject;

use axum::http::header::{CACHE_CONTROL, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};

pub(crate) use anti_bot::{HONEYPOT, ISSUED, Suspicion, check_not_a_bot, issued_token};
pub(crate) use csrf::{CSRF_FIELD, issue_csrf, verify_csrf};
pub(crate) use errors::{FieldError, Problem, WHOLE_FORM, by_field, from_intake_error, word};
pub(crate) use multipart::read_multipart;
pub(crate) use report::ReportValues;
pub(crate) use subject::{SubjectNumber, number_problem, parse_subject_number};

/// A page no browser, proxy or back button may keep: forms carry tokens, receipts and status
/// pages carry the reporter's only key to their report.
pub(crate) fn private_page(
    status: StatusCode,
    html: Html<String>,
    set_cookie: Option<HeaderValue>,
) -> Response {
    let mut response = (status, html).into_response();
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(cookie) = set_cookie {
        // Appended, not inserted: the language middleware may add its own cookie.
        headers.append(SET_COOKIE, cookie);
    }
    response
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Catalog, Lang};

    /// Message keys written as literals in Rust (problems, error pages) exist in both
    /// languages; keys in templates are checked in `templates`.
    #[test]
    fn every_key_named_in_rust_is_translated() {
        let sources = [
            include_str!("forms/errors.rs"),
            include_str!("forms/report.rs"),
            include_str!("forms/subject.rs"),
            include_str!("routes/report_submit.rs"),
            include_str!("routes/receipt_check.rs"),
            include_str!("routes/reply.rs"),
            include_str!("routes/office/sign_in.rs"),
            include_str!("routes/office/second_factor.rs"),
            include_str!("routes/office/enroll.rs"),
            include_str!("routes/office/password.rs"),
            include_str!("routes/office/users.rs"),
            include_str!("routes/office/imports.rs"),
            include_str!("routes/office/case_page.rs"),
            include_str!("routes/office/case_thread.rs"),
            include_str!("routes/office/api_tokens.rs"),
            include_str!("violation_choices.rs"),
            include_str!("error.rs"),
        ];
        let prefixes = [
            "form-", "number-", "status-", "receipt-", "report-", "error-", "citizen-", "office-",
        ];
        let mut checked = 0;
        for source in sources {
            for literal in source.split('"').skip(1).step_by(2) {
                let is_key = prefixes.iter().any(|p| literal.starts_with(p))
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                    && !literal.ends_with('-');
                if !is_key {
                    continue;
                }
                for lang in Lang::ALL {
                    assert!(
                        Catalog::keys(lang).contains(literal),
                        "`{literal}` is missing in {}",
                        lang.tag()
                    );
                }
                checked += 1;
            }
        }
        assert!(checked > 40, "found only {checked} keys");
    }
}
