//! `GET /kantor/perkara/{number}/meja`: the case's desk — who works on it (take it, or give it
//! to a colleague), its subject in the roster (search and link, or correct with a reason), and
//! the live cases that look like duplicates of it (merge). The case page loads it with htmx as
//! a fragment; without JavaScript, or with a roster search (`?q=`), it is a page of its own,
//! which is also where a refused desk form comes back with its problem. The forms post to
//! `case_assign`, `case_link` and `case_merge`; the store checks everything again.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use fluent_bundle::FluentValue;
use netral_domain::access::{AssignRefusal, Capability, role_may, stage_lead};
use netral_domain::case::{
    ActionKind, CaseState, Role, TransitionError, permitted, stage_handlers,
};
use netral_store::StoreError;
use netral_store::case_desk::{CaseDetail, MergedCase};
use netral_store::case_work::{self, CaseWorkError, DuplicateLine, Handler};
use netral_store::cases::EventRecord;
use netral_store::registry::lookup::{self, RosterLine, RosterQuery, SEARCH_LIMIT};
use serde::{Deserialize, Serialize};

use super::case_page::open_case;
use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::labels;
use crate::page::Page;
use crate::staff::Staff;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct DeskParams {
    /// A roster search for the subject: a NIP, a NIK or a name.
    #[serde(default)]
    q: String,
}

/// A desk form that came back refused: which one, what was typed, and why.
#[derive(Default)]
pub(super) struct Refused<'a> {
    pub form: Option<String>,
    pub typed: &'a [(String, String)],
    pub problems: Vec<String>,
}

#[derive(Serialize)]
struct AssigneeView {
    user: String,
    role_key: String,
    is_me: bool,
}

#[derive(Serialize)]
struct ChoiceView {
    username: String,
    display_name: String,
    role_key: String,
    current: bool,
}

#[derive(Serialize)]
struct DuplicateView {
    #[serde(flatten)]
    line: DuplicateLine,
    state_key: String,
    /// The signed-in role may merge that case into this one.
    merge_here: bool,
    /// The signed-in role may merge this case into that one.
    merge_there: bool,
}

#[derive(Serialize)]
struct View<'a> {
    number: &'a str,
    state_key: String,
    finished: bool,
    merged_into: Option<&'a str>,
    merged_from: &'a [MergedCase],
    assignee: Option<AssigneeView>,
    may_take: bool,
    may_assign: bool,
    choices: Vec<ChoiceView>,
    subject_nip: Option<&'a str>,
    /// NIPs the reporters typed that are not the linked subject's: where a search starts.
    reported_nips: Vec<&'a str>,
    may_link: bool,
    q: &'a str,
    searched: bool,
    results: Vec<RosterLine>,
    more: bool,
    limit: i64,
    duplicates: Vec<DuplicateView>,
    may_merge_away: bool,
    window_days: u64,
    failed: Option<String>,
    typed: BTreeMap<&'a str, &'a str>,
    problems: Vec<String>,
}

pub(crate) async fn show(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(number): Path<String>,
    Query(params): Query<DeskParams>,
) -> Result<Response, WebError> {
    let detail = open_case(&ctx, &staff, &number).await?;
    // htmx asks for the fragment the case page shows; anything else gets a whole page.
    let fragment = headers.contains_key("hx-request") && params.q.trim().is_empty();
    render(
        &page,
        &ctx,
        &headers,
        &staff,
        &detail,
        &params.q,
        Refused::default(),
        fragment,
        StatusCode::OK,
    )
    .await
}

/// The handler's part in desk work: their name, role and scope.
pub(super) fn handler(staff: &Staff) -> Handler<'_> {
    Handler {
        name: &staff.user.username,
        role: staff.user.role,
        scope: &staff.user.scope,
    }
}

fn may(role: Role, action: ActionKind, state: CaseState) -> bool {
    permitted(action, state).is_some_and(|(_, roles)| roles.contains(&role))
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    staff: &Staff,
    detail: &CaseDetail,
    q: &str,
    refused: Refused<'_>,
    fragment: bool,
    status: StatusCode,
) -> Result<Response, WebError> {
    let user = &staff.user;
    let case = &detail.case;
    let state = case.state;
    let me = user.username.as_str();
    let assignee = case.file.assignee.as_ref();
    let handles = stage_handlers(state).contains(&user.role);
    let may_assign = stage_lead(state) == Some(user.role);
    let may_take =
        handles && assignee.is_none_or(|a| a.user != me) && (assignee.is_none() || may_assign);
    let choices = if may_assign {
        case_work::assignable_staff(&ctx.app.db, case)
            .await?
            .into_iter()
            .map(|c| ChoiceView {
                current: assignee.is_some_and(|a| a.user == c.username),
                role_key: labels::role(c.role),
                username: c.username,
                display_name: c.display_name,
            })
            .collect()
    } else {
        Vec::new()
    };
    let may_link = role_may(user.role, Capability::ViewRoster)
        && may(user.role, ActionKind::LinkSubject, state);
    let searched = !q.trim().is_empty();
    if searched && !role_may(user.role, Capability::ViewRoster) {
        return Err(WebError::Forbidden);
    }
    let mut results = if searched && may_link {
        let query = RosterQuery {
            text: q.to_owned(),
            agency_id: None,
        };
        lookup::search_roster(&ctx.app.db, &query, &user.scope).await?
    } else {
        Vec::new()
    };
    let limit = usize::try_from(SEARCH_LIMIT).unwrap_or(usize::MAX);
    let more = results.len() > limit;
    results.truncate(limit);
    let duplicates = if state.is_final() {
        Vec::new()
    } else {
        case_work::likely_duplicates(&ctx.app.db, case, &user.scope)
            .await?
            .into_iter()
            .map(|line| DuplicateView {
                state_key: labels::state(line.state),
                merge_here: may(user.role, ActionKind::MergeInto, line.state),
                merge_there: may(user.role, ActionKind::MergeInto, state),
                line,
            })
            .collect()
    };
    let subject_nip = detail.subject.as_ref().map(|s| s.nip.as_str());
    let mut reported_nips: Vec<&str> = detail
        .reports
        .iter()
        .filter_map(|r| r.subject_nip.as_deref())
        .filter(|nip| Some(*nip) != subject_nip)
        .collect();
    reported_nips.sort_unstable();
    reported_nips.dedup();
    let view = View {
        number: &case.number,
        state_key: labels::state(state),
        finished: state.is_final(),
        merged_into: detail.merged_into.as_deref(),
        merged_from: &detail.merged_from,
        assignee: assignee.map(|a| AssigneeView {
            user: a.user.clone(),
            role_key: labels::role(a.role),
            is_me: a.user == me,
        }),
        may_take,
        may_assign,
        choices,
        subject_nip,
        reported_nips,
        may_link,
        q,
        searched: searched && may_link,
        results,
        more,
        limit: SEARCH_LIMIT,
        duplicates,
        may_merge_away: may(user.role, ActionKind::MergeInto, state),
        window_days: case_work::DUPLICATE_WINDOW_DAYS,
        failed: refused.form,
        typed: refused
            .typed
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect(),
        problems: refused.problems,
    };
    let template = if fragment {
        "office/case_work.html"
    } else {
        "office/case_work_page.html"
    };
    frame::render(page, ctx, headers, user, template, view, status)
}

/// Back to the case page's desk after a change.
pub(super) fn done(number: &str) -> Response {
    Redirect::to(&format!("/kantor/perkara/{number}#meja")).into_response()
}

/// A refused desk form: the desk page of case `number` as it is now, with the problem, and the
/// form as it was typed. Errors that are no refusal go on as errors.
#[allow(clippy::too_many_arguments)]
pub(super) async fn refuse(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    staff: &Staff,
    number: &str,
    error: StoreError,
    form: &str,
    typed: &[(String, String)],
) -> Result<Response, WebError> {
    let Some((status, problem)) = problem(page, &error)? else {
        return Err(error.into());
    };
    let detail = open_case(ctx, staff, number).await?;
    let refused = Refused {
        form: Some(form.to_owned()),
        typed,
        problems: vec![problem],
    };
    render(
        page, ctx, headers, staff, &detail, "", refused, false, status,
    )
    .await
}

/// A refusal in the user's words, with its status: 409 when the case's stage or someone else's
/// change stands in the way (reload and look), 422 when what was asked cannot be done as
/// typed. `None` for an error that is not a refusal.
fn problem(page: &Page, error: &StoreError) -> Result<Option<(StatusCode, String)>, WebError> {
    use CaseWorkError as W;
    use TransitionError as T;
    let conflict = StatusCode::CONFLICT;
    let unfit = StatusCode::UNPROCESSABLE_ENTITY;
    let text = |key: &str, args: &[(&str, FluentValue<'_>)]| page.text(key, args);
    let role = |role: &Role| page.text(&labels::role(*role), &[]);
    let field = |field: &str| page.text(&format!("office-field-{}", field.replace('_', "-")), &[]);
    let s = |value: &str| FluentValue::from(value.to_owned());
    let shown = match error {
        StoreError::CaseNotFound(_) => return Err(WebError::NotFound),
        StoreError::Conflict { .. } => (conflict, text("office-action-conflict", &[])?),
        StoreError::CaseWork(work) => match work {
            W::NotThroughApply(_) => return Ok(None),
            W::CaseFinished(number) => (
                conflict,
                text("office-work-finished", &[("number", s(number))])?,
            ),
            W::Assignment(AssignRefusal::Finished(_) | AssignRefusal::NotAHandler(..)) => {
                (conflict, text("office-action-not-now", &[])?)
            }
            W::Assignment(AssignRefusal::NotTheLead { lead, .. }) => (
                conflict,
                text("office-work-not-lead", &[("role", role(lead)?.into())])?,
            ),
            W::Assignment(AssignRefusal::Taken(user, lead)) => (
                conflict,
                text(
                    "office-work-taken",
                    &[("user", s(user)), ("role", role(lead)?.into())],
                )?,
            ),
            W::UnknownAssignee(user) => (
                unfit,
                text("office-work-unknown-assignee", &[("user", s(user))])?,
            ),
            W::AssigneeOutOfScope(user) => (
                unfit,
                text("office-work-assignee-out-of-scope", &[("user", s(user))])?,
            ),
            W::AssigneeWouldLoseCase(user) => (
                unfit,
                text("office-work-assignee-would-lose", &[("user", s(user))])?,
            ),
            W::SubjectNotFound(nip) => (
                unfit,
                text("office-work-subject-not-found", &[("nip", s(nip))])?,
            ),
            W::SubjectChanged { .. } => (conflict, text("office-work-subject-changed", &[])?),
            W::MergeIntoItself => (unfit, text("office-work-merge-itself", &[])?),
            W::MergeTargetNotFound(number) => (
                unfit,
                text("office-work-merge-not-found", &[("number", s(number))])?,
            ),
            W::SubjectsDiffer { duplicate, into } => (
                unfit,
                text(
                    "office-work-merge-subjects-differ",
                    &[("duplicate", s(duplicate)), ("into", s(into))],
                )?,
            ),
            W::AcrossScopes { duplicate, into } => (
                unfit,
                text(
                    "office-work-merge-across-scopes",
                    &[("duplicate", s(duplicate)), ("into", s(into))],
                )?,
            ),
        },
        StoreError::Transition(refusal) => match refusal {
            T::MissingField { field: name } => (
                unfit,
                text("office-action-required", &[("field", field(name)?.into())])?,
            ),
            T::FieldTooLong { field: name, max } => (
                unfit,
                text(
                    "office-action-too-long",
                    &[
                        ("field", field(name)?.into()),
                        ("max", (*max as i64).into()),
                    ],
                )?,
            ),
            T::AssigneeCannotHandle { role: r, .. } => (
                unfit,
                text(
                    "office-work-assignee-cannot-handle",
                    &[("role", role(r)?.into())],
                )?,
            ),
            T::AssignmentChanged { .. } => (conflict, text("office-work-assignment-changed", &[])?),
            T::AlreadyAssigned { user } => (
                unfit,
                text("office-work-already-assigned", &[("user", s(user))])?,
            ),
            T::AlreadyLinked { nip } => (
                unfit,
                text("office-work-already-linked", &[("nip", s(nip))])?,
            ),
            T::NotAllowedFrom {
                action: ActionKind::MergeInto,
                ..
            } => (conflict, text("office-work-merge-too-late", &[])?),
            _ => (conflict, text("office-action-not-now", &[])?),
        },
        _ => return Ok(None),
    };
    Ok(Some(shown))
}

/// What the timeline says of an event besides its kind: for desk work, from whom to whom
/// (an assignment), which NIP replaced which and why (a subject link), which case a duplicate
/// went into; for a decision, its note or reason.
pub(super) fn event_note(event: &EventRecord) -> Option<String> {
    let fact = |key: &str| event.payload.get(key).and_then(|v| v.as_str());
    match event.kind.as_str() {
        "assign" => Some(format!("{} → {}", fact("from").unwrap_or("—"), fact("to")?)),
        "link_subject" => {
            let linked = match fact("replaces") {
                Some(old) => format!("NIP {old} → {}", fact("nip")?),
                None => format!("NIP {}", fact("nip")?),
            };
            Some(match fact("reason") {
                Some(reason) => format!("{linked}: {reason}"),
                None => linked,
            })
        }
        "merge_into" => Some(format!(
            "→ {}: {}",
            fact("into")?,
            fact("note").unwrap_or("")
        )),
        _ => ["note", "reason"]
            .into_iter()
            .find_map(fact)
            .map(str::to_owned),
    }
}
