//! `GET /kantor/pengguna` and the administrator's actions on accounts: create one, reset its
//! password, disable or enable it, forget a lost authenticator. A new or reset password is made by the server, shown once
//! on the answer page (never stored in clear, never mailed) and must be replaced at first use.

use std::collections::BTreeMap;

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use netral_domain::access::{Capability, ScopeSpec};
use netral_domain::case::Role;
use netral_domain::ids::RegionCode;
use netral_store::accounts::{self, AccountError, NewStaffUser, StaffUser};
use netral_store::registry::lookup;
use netral_store::registry::regions;
use netral_store::vault::random_token;
use serde::{Deserialize, Serialize};

use super::frame;
use super::password::password_problem;
use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::{FieldError, Problem, by_field, verify_csrf, word};
use crate::page::Page;
use crate::staff::Staff;

#[derive(Debug, Default, Deserialize, Serialize)]
pub(crate) struct NewUserForm {
    #[serde(default, skip_serializing)]
    csrf: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    scope_kind: String,
    #[serde(default)]
    province: String,
    #[serde(default)]
    agency: String,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ActionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    disabled: String,
}

/// A password just made for someone, to hand over in person.
#[derive(Serialize)]
struct Issued {
    username: String,
    password: String,
}

#[derive(Serialize)]
struct UserLine {
    id: i64,
    username: String,
    display_name: String,
    role_key: String,
    scope_kind: &'static str,
    scope_label: Option<String>,
    has_second_factor: bool,
    disabled: bool,
    is_me: bool,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    name: String,
}

#[derive(Serialize)]
struct View<'a> {
    users: Vec<UserLine>,
    roles: Vec<Choice>,
    provinces: Vec<Choice>,
    agencies: Vec<Choice>,
    typed: &'a NewUserForm,
    issued: Option<Issued>,
    errors: &'a [FieldError],
    field_errors: BTreeMap<&'static str, &'a str>,
}

pub(crate) async fn list(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    staff.require(Capability::ManageAccounts)?;
    render(
        &page,
        &ctx,
        &headers,
        &staff,
        &NewUserForm::default(),
        None,
        &[],
        StatusCode::OK,
    )
    .await
}

pub(crate) async fn create(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    form: Result<Form<NewUserForm>, FormRejection>,
) -> Result<Response, WebError> {
    staff.require(Capability::ManageAccounts)?;
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let password = random_token(12);
    let new = match new_user(&form, &password) {
        Ok(new) => new,
        Err(problems) => {
            let errors = word(&page, &problems)?;
            return render(
                &page,
                &ctx,
                &headers,
                &staff,
                &form,
                None,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    match accounts::create_user(&ctx.app.db, &new, staff.audit_actor(), Utc::now()).await {
        Ok(_) => {
            let issued = Issued {
                username: accounts::normalise_username(&form.username).unwrap_or_default(),
                password,
            };
            render(
                &page,
                &ctx,
                &headers,
                &staff,
                &NewUserForm::default(),
                Some(issued),
                &[],
                StatusCode::CREATED,
            )
            .await
        }
        Err(error) => {
            let problem = match error {
                AccountError::UsernameTaken(_) => Problem::new("username", "office-users-taken"),
                AccountError::BadUsername(_) => Problem::new("username", "office-users-bad-name"),
                AccountError::EmptyDisplayName => {
                    Problem::new("display_name", "office-field-required")
                }
                AccountError::UnknownAgency(_) => {
                    Problem::new("scope", "office-users-unknown-agency")
                }
                AccountError::UnknownProvince(_) => {
                    Problem::new("scope", "office-users-unknown-province")
                }
                AccountError::Password(problem) => password_problem(problem),
                AccountError::Store(e) => return Err(e.into()),
                AccountError::NotFound(_) | AccountError::WrongCurrentPassword => {
                    return Err(WebError::BadRequest(error.to_string()));
                }
            };
            let errors = word(&page, &[problem])?;
            render(
                &page,
                &ctx,
                &headers,
                &staff,
                &form,
                None,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// The account the form describes, or every field that is wrong.
fn new_user(form: &NewUserForm, password: &str) -> Result<NewStaffUser, Vec<Problem>> {
    let mut problems = Vec::new();
    let role = form.role.parse::<Role>();
    if role.is_err() {
        problems.push(Problem::new("role", "office-field-required"));
    }
    let scope = match form.scope_kind.as_str() {
        "national" => Some(ScopeSpec::National),
        "province" => form
            .province
            .parse::<RegionCode>()
            .ok()
            .map(ScopeSpec::Province),
        "agency" => Some(form.agency.trim())
            .filter(|code| !code.is_empty())
            .map(|code| ScopeSpec::Agency(code.to_owned())),
        _ => None,
    };
    if scope.is_none() {
        problems.push(Problem::new("scope", "office-users-scope-missing"));
    }
    if form.display_name.trim().is_empty() {
        problems.push(Problem::new("display_name", "office-field-required"));
    }
    match (role, scope) {
        (Ok(role), Some(scope)) if problems.is_empty() => Ok(NewStaffUser {
            username: form.username.clone(),
            display_name: form.display_name.clone(),
            email: Some(form.email.clone()),
            role,
            scope,
            password: password.to_owned(),
            must_change_password: true,
        }),
        _ => Err(problems),
    }
}

pub(crate) async fn reset_password(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Result<Response, WebError> {
    staff.require(Capability::ManageAccounts)?;
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let user = accounts::get_user(&ctx.app.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let password = random_token(12);
    match accounts::reset_password(&ctx.app.db, id, &password, staff.audit_actor(), Utc::now())
        .await
    {
        Ok(()) => {}
        Err(AccountError::Store(e)) => return Err(e.into()),
        Err(other) => return Err(WebError::BadRequest(other.to_string())),
    }
    let issued = Issued {
        username: user.username,
        password,
    };
    render(
        &page,
        &ctx,
        &headers,
        &staff,
        &NewUserForm::default(),
        Some(issued),
        &[],
        StatusCode::OK,
    )
    .await
}

pub(crate) async fn set_status(
    staff: Staff,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Result<Response, WebError> {
    staff.require(Capability::ManageAccounts)?;
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    // An administrator who disables their own account locks everyone out of account
    // management; another administrator must do it.
    if id == staff.user.id {
        return Err(WebError::Forbidden);
    }
    accounts::get_user(&ctx.app.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    accounts::set_disabled(
        &ctx.app.db,
        id,
        form.disabled == "1",
        staff.audit_actor(),
        Utc::now(),
    )
    .await?;
    Ok(Redirect::to("/kantor/pengguna").into_response())
}

/// For someone who lost their authenticator app: the account enrols a new one at its next
/// sign-in. Not on one's own account, for the same reason as disabling it.
pub(crate) async fn reset_second_factor(
    staff: Staff,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Result<Response, WebError> {
    staff.require(Capability::ManageAccounts)?;
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    if id == staff.user.id {
        return Err(WebError::Forbidden);
    }
    accounts::get_user(&ctx.app.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    accounts::reset_second_factor(&ctx.app.db, id, staff.audit_actor(), Utc::now()).await?;
    Ok(Redirect::to("/kantor/pengguna").into_response())
}

#[allow(clippy::too_many_arguments)]
async fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    staff: &Staff,
    typed: &NewUserForm,
    issued: Option<Issued>,
    errors: &[FieldError],
    status: StatusCode,
) -> Result<Response, WebError> {
    let users = accounts::list_users(&ctx.app.db)
        .await?
        .into_iter()
        .map(|u: StaffUser| UserLine {
            is_me: u.id == staff.user.id,
            id: u.id,
            role_key: crate::labels::role(u.role),
            scope_kind: u.scope.kind(),
            username: u.username,
            display_name: u.display_name,
            scope_label: u.scope_label,
            has_second_factor: u.has_second_factor,
            disabled: u.disabled,
        })
        .collect();
    let provinces = regions::provinces(&ctx.app.db)
        .await?
        .into_iter()
        .map(|r| Choice {
            value: r.code.to_string(),
            name: r.name,
        })
        .collect();
    let agencies = lookup::agencies_in_scope(&ctx.app.db, &netral_domain::access::Scope::National)
        .await?
        .into_iter()
        .map(|a| Choice {
            value: a.code,
            name: a.name,
        })
        .collect();
    let view = View {
        users,
        roles: Role::ALL
            .into_iter()
            .map(|r| Choice {
                value: r.as_str().to_owned(),
                name: crate::labels::role(r),
            })
            .collect(),
        provinces,
        agencies,
        typed,
        issued,
        errors,
        field_errors: by_field(errors),
    };
    frame::render(
        page,
        ctx,
        headers,
        &staff.user,
        "office/users.html",
        view,
        status,
    )
}
