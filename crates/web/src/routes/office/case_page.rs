//! `GET /kantor/perkara/{number}`: everything about one case for the people handling it, and
//! the decision forms the signed-in role may use at this stage; `POST …/tindakan` takes one
//! decision; `GET …/bukti/{sha256}` serves an evidence file of the case. A case outside the
//! user's scope answers 404, the same as a number that does not exist.

use std::collections::BTreeMap;

use axum::body::Body;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use fluent_bundle::FluentValue;
use netral_domain::access::{Capability, role_may};
use netral_domain::case::{ActionKind, TransitionError};
use netral_domain::deadline::jakarta_date;
use netral_domain::ids::RegionCode;
use netral_store::StoreError;
use netral_store::case_desk::{self, CaseDetail};
use netral_store::cases;
use serde::Serialize;

use super::case_decision::{self, Refusal};
use super::case_forms::{self, FormView, Unreadable};
use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::verify_csrf;
use crate::labels;
use crate::page::Page;
use crate::staff::Staff;

#[derive(Serialize)]
struct EventView {
    at: String,
    actor: String,
    role_key: Option<String>,
    kind_key: String,
    to_state_key: String,
    note: Option<String>,
}

/// A letter to the PPK, downloaded through the evidence route once its PDF exists.
#[derive(Serialize)]
struct LetterView<'a> {
    kind_key: &'static str,
    number: &'a str,
    date: String,
    sha256: Option<&'a str>,
    size: Option<String>,
}

#[derive(Serialize)]
struct View<'a> {
    detail: &'a CaseDetail,
    letters: Vec<LetterView<'a>>,
    state_key: String,
    overdue: bool,
    may_open_roster: bool,
    may_reveal: bool,
    events: Vec<EventView>,
    forms: Vec<FormView>,
    /// The action whose form came back with problems, and what was typed into it.
    failed_action: Option<&'a str>,
    typed: BTreeMap<&'a str, &'a str>,
    problems: Vec<String>,
}

/// The case, if the user's role may open cases and its scope covers the case's agency. The
/// JSON API opens cases through this too, so both answer alike (403, or 404 outside the scope).
pub(crate) async fn open_case(
    ctx: &Ctx,
    staff: &Staff,
    number: &str,
) -> Result<CaseDetail, WebError> {
    staff.require(Capability::ViewCases)?;
    let detail = case_desk::case_detail(&ctx.app.db, number.trim())
        .await?
        .ok_or(WebError::NotFound)?;
    let covered = match detail.case.agency_id {
        Some(id) => {
            let region: Option<RegionCode> =
                detail.agency_region.as_deref().and_then(|r| r.parse().ok());
            staff.user.scope.covers_agency(id, region.as_ref())
        }
        // Not linked to an agency yet: only national staff can place it.
        None => staff.user.scope == netral_domain::access::Scope::National,
    };
    if covered {
        Ok(detail)
    } else {
        Err(WebError::NotFound)
    }
}

pub(crate) async fn show(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(number): Path<String>,
) -> Result<Response, WebError> {
    let detail = open_case(&ctx, &staff, &number).await?;
    render(
        &page,
        &ctx,
        &headers,
        &staff,
        &detail,
        None,
        &[],
        Vec::new(),
        StatusCode::OK,
    )
}

#[allow(clippy::too_many_arguments)]
pub(super) fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    staff: &Staff,
    detail: &CaseDetail,
    failed_action: Option<&str>,
    typed: &[(String, String)],
    problems: Vec<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let rules = ctx
        .app
        .rules
        .version(&detail.case.rules_version)
        .ok_or_else(|| {
            WebError::Store(StoreError::RulesVersionMissing {
                number: detail.case.number.clone(),
                version: detail.case.rules_version.clone(),
            })
        })?;
    let today = jakarta_date(Utc::now());
    let events = detail
        .events
        .iter()
        .map(|e| EventView {
            at: e.at.format("%Y-%m-%d %H:%M UTC").to_string(),
            actor: e.actor.clone(),
            role_key: e.role.parse().ok().map(labels::role),
            kind_key: if e.kind == cases::OPENED {
                "office-event-opened".to_owned()
            } else {
                format!("office-action-{}", e.kind.replace('_', "-"))
            },
            to_state_key: labels::state(e.to_state),
            note: super::case_work::event_note(e),
        })
        .collect();
    let forms = case_forms::available(staff.user.role, detail.case.state)
        .into_iter()
        .map(|kind| case_forms::form_view(kind, rules, &detail.case.file.violations, page.lang))
        .collect();
    let letters = detail
        .letters
        .iter()
        .map(|l| {
            Ok(LetterView {
                kind_key: labels::letter_kind(l.kind),
                number: &l.number,
                date: page.long_date(jakarta_date(l.issued_at))?,
                sha256: l.sha256.as_deref(),
                size: l
                    .size
                    .map(|n| page.file_size(u64::try_from(n).unwrap_or(0)))
                    .transpose()?,
            })
        })
        .collect::<Result<Vec<_>, WebError>>()?;
    let view = View {
        detail,
        letters,
        state_key: labels::state(detail.case.state),
        overdue: detail.case.deadline.is_some_and(|d| d.due < today),
        may_open_roster: role_may(staff.user.role, Capability::ViewRoster),
        may_reveal: role_may(staff.user.role, Capability::RevealReporterIdentity),
        events,
        forms,
        failed_action,
        typed: typed
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect(),
        problems,
    };
    frame::render(
        page,
        ctx,
        headers,
        &staff.user,
        "office/case.html",
        view,
        status,
    )
}

pub(crate) async fn act(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(number): Path<String>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, WebError> {
    let Form(values) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    let value = |name: &str| {
        values
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    };
    if !verify_csrf(&ctx.app.vault, &headers, value("csrf")) {
        return Err(WebError::FormExpired);
    }
    let detail = open_case(&ctx, &staff, &number).await?;
    let kind = ActionKind::ALL
        .into_iter()
        .find(|k| k.as_str() == value("action"))
        .ok_or_else(|| WebError::BadRequest(format!("unknown action `{}`", value("action"))))?;
    if case_decision::check(staff.user.role, detail.case.state, kind).is_err() {
        // Either the role may never take it, or someone moved the case on meanwhile.
        let problem = page.text("office-action-not-now", &[])?;
        return render(
            &page,
            &ctx,
            &headers,
            &staff,
            &detail,
            None,
            &[],
            vec![problem],
            StatusCode::CONFLICT,
        );
    }
    let seen: Option<i64> = value("revision").parse().ok();
    let problem = match case_forms::parse(kind, &values) {
        Err(Unreadable { field }) => Some(match field {
            Some(field) => page.text(
                "office-action-field-unreadable",
                &[("field", field_label(&page, field)?.into())],
            )?,
            None => page.text("office-action-unreadable", &[])?,
        }),
        Ok(action) => match case_decision::decide(&ctx, &staff, &detail, seen, &action).await? {
            Ok(_) => None,
            Err(Refusal::Stale) => Some(page.text("office-action-conflict", &[])?),
            Err(Refusal::Transition(e)) => Some(transition_problem(&page, &e)?),
            // Checked above: the case moved on in between.
            Err(Refusal::NotNow | Refusal::NotForRole) => {
                Some(page.text("office-action-not-now", &[])?)
            }
        },
    };
    match problem {
        None => Ok(
            Redirect::to(&format!("/kantor/perkara/{}#riwayat", detail.case.number))
                .into_response(),
        ),
        Some(problem) => {
            // The case as it is now, with the form as it was typed.
            let detail = open_case(&ctx, &staff, &number).await?;
            render(
                &page,
                &ctx,
                &headers,
                &staff,
                &detail,
                Some(kind.as_str()),
                &values,
                vec![problem],
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}

fn field_label(page: &Page, field: &str) -> Result<String, WebError> {
    Ok(page.text(&format!("office-field-{}", field.replace('_', "-")), &[])?)
}

/// The domain's refusal in the user's words, naming the field where there is one.
fn transition_problem(page: &Page, error: &TransitionError) -> Result<String, WebError> {
    let with_field =
        |key: &str, field: &str, extra: &[(&str, FluentValue<'_>)]| -> Result<String, WebError> {
            let mut args: Vec<(&str, FluentValue<'_>)> =
                vec![("field", field_label(page, field)?.into())];
            args.extend(extra.iter().cloned());
            Ok(page.text(key, &args)?)
        };
    match error {
        TransitionError::MissingField { field } => with_field("office-action-required", field, &[]),
        TransitionError::FieldTooLong { field, max } => with_field(
            "office-action-too-long",
            field,
            &[("max", (*max as i64).into())],
        ),
        TransitionError::UnknownViolation { field, code, .. }
        | TransitionError::UnknownSanction { field, code, .. } => with_field(
            "office-action-unknown-code",
            field,
            &[("code", code.clone().into())],
        ),
        TransitionError::DuplicateViolation { field, code } => with_field(
            "office-action-unknown-code",
            field,
            &[("code", code.clone().into())],
        ),
        TransitionError::OverrideReasonRequired { suggested } => Ok(page.text(
            "office-action-override-needed",
            &[("suggested", suggested.clone().into())],
        )?),
        TransitionError::DateInFuture { field, .. } => {
            with_field("office-action-future-date", field, &[])
        }
        TransitionError::DeadlineNotPassed { due } => Ok(page.text(
            "office-action-deadline-not-passed",
            &[("due", page.long_date(*due)?.into())],
        )?),
        // Desk work is refused before it reaches the state machine through this form.
        TransitionError::AlreadyPaused
        | TransitionError::NotPaused
        | TransitionError::AssigneeCannotHandle { .. }
        | TransitionError::AssignmentChanged { .. }
        | TransitionError::AlreadyAssigned { .. }
        | TransitionError::AlreadyLinked { .. }
        | TransitionError::NotAllowedFrom { .. }
        | TransitionError::RoleNotPermitted { .. } => Ok(page.text("office-action-not-now", &[])?),
    }
}

/// An evidence file of the case: images shown in the page, anything else downloaded.
pub(crate) async fn evidence(
    staff: Staff,
    State(ctx): State<Ctx>,
    Path((number, sha256)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let detail = open_case(&ctx, &staff, &number).await?;
    evidence_file(&ctx, &detail, &sha256).await
}

/// The evidence file of the case with this SHA-256 (404 for a file of no report or message
/// of this case). The JSON API serves files through this too.
pub(crate) async fn evidence_file(
    ctx: &Ctx,
    detail: &CaseDetail,
    sha256: &str,
) -> Result<Response, WebError> {
    let Some(file) = detail.evidence.iter().find(|e| e.sha256 == sha256) else {
        return Err(WebError::NotFound);
    };
    let bytes = ctx.app.evidence.get(&file.sha256).await?;
    let mut response = Body::from(bytes).into_response();
    let headers = response.headers_mut();
    let media_type = HeaderValue::from_str(&file.media_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    headers.insert(header::CONTENT_TYPE, media_type);
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    let disposition = if file.media_type.starts_with("image/") {
        "inline"
    } else {
        "attachment"
    };
    let safe_name: String = file
        .original_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&format!("{disposition}; filename=\"{safe_name}\"")).expect("ASCII"),
    );
    Ok(response)
}
