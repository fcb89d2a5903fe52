//! What every back-office page shows around its content: who is signed in, as which role and
//! for which scope, the menu of what that role may open, and the sign-out button (a form, so it
//! carries a CSRF token). Pages are never cached: they hold personal data.

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use netral_domain::access::{Capability, role_may};
use netral_store::accounts::StaffUser;
use serde::Serialize;

use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::{issue_csrf, private_page};
use crate::page::Page;

#[derive(Serialize)]
struct Who<'a> {
    display_name: &'a str,
    username: &'a str,
    role_key: String,
    scope_kind: &'static str,
    scope_label: Option<&'a str>,
    may_cases: bool,
    may_roster: bool,
    may_accounts: bool,
    may_import: bool,
    may_operate: bool,
    may_statistics: bool,
    may_prevention: bool,
    may_answer_questions: bool,
    may_review_leads: bool,
}

pub(super) fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    user: &StaffUser,
    template: &str,
    content: impl Serialize,
    status: StatusCode,
) -> Result<Response, WebError> {
    let csrf = issue_csrf(&ctx.app.vault, headers);
    let who = Who {
        display_name: &user.display_name,
        username: &user.username,
        role_key: crate::labels::role(user.role),
        scope_kind: user.scope.kind(),
        scope_label: user.scope_label.as_deref(),
        may_cases: role_may(user.role, Capability::ViewCases),
        may_roster: role_may(user.role, Capability::ViewRoster),
        may_accounts: role_may(user.role, Capability::ManageAccounts),
        may_import: role_may(user.role, Capability::ImportRegistry),
        may_operate: role_may(user.role, Capability::OperateSystem),
        may_statistics: role_may(user.role, Capability::ViewStatistics),
        may_prevention: role_may(user.role, Capability::RunPrevention),
        may_answer_questions: role_may(user.role, Capability::AnswerQuestions),
        may_review_leads: role_may(user.role, Capability::ReviewLeads),
    };
    let context = minijinja::context! {
        who => minijinja::Value::from_serialize(&who),
        csrf => csrf.token,
        ..minijinja::Value::from_serialize(&content)
    };
    let html = page.render(template, context)?;
    Ok(private_page(status, html, csrf.set_cookie))
}
