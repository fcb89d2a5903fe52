//! `GET /kantor/perkara`: the work queues. The queue, search and filters live in the URL, so a
//! view can be bookmarked or sent to a colleague; counts per queue sit on the tabs.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::Utc;
use netral_domain::access::Capability;
use netral_domain::case::CaseState;
use netral_domain::deadline::jakarta_date;
use netral_store::case_desk::{self, AssigneeFilter, CaseLine, CaseQuery, Queue};
use serde::{Deserialize, Serialize};

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::labels;
use crate::page::Page;
use crate::staff::Staff;

/// Cases shown per page; the search narrows beyond.
const LIMIT: i64 = 100;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Params {
    #[serde(default)]
    antrean: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    tahap: String,
    #[serde(default)]
    pemilihan: String,
    /// Who works on the cases: empty for anyone, `saya` for the reader, `belum` for no one,
    /// or a user name.
    #[serde(default)]
    penangan: String,
}

#[derive(Serialize)]
struct Tab {
    queue: &'static str,
    label_key: String,
    count: i64,
    current: bool,
}

#[derive(Serialize)]
struct Line {
    #[serde(flatten)]
    case: CaseLine,
    state_key: String,
}

#[derive(Serialize)]
struct StateOption {
    value: &'static str,
    label_key: String,
    selected: bool,
}

#[derive(Serialize)]
struct AssigneeOption {
    value: &'static str,
    label_key: &'static str,
    selected: bool,
}

#[derive(Serialize)]
struct View {
    queue: &'static str,
    penangan: String,
    assignee_options: Vec<AssigneeOption>,
    q: String,
    pemilihan: String,
    tabs: Vec<Tab>,
    states: Vec<StateOption>,
    cases: Vec<Line>,
    more: bool,
    limit: i64,
}

pub(crate) async fn list(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Query(params): Query<Params>,
) -> Result<Response, WebError> {
    staff.require(Capability::ViewCases)?;
    let scope = &staff.user.scope;
    let today = jakarta_date(Utc::now());
    let queue = Queue::parse(&params.antrean).unwrap_or(Queue::Open);
    let state: Option<CaseState> = params.tahap.parse().ok();
    let assignee = match params.penangan.trim() {
        "" => AssigneeFilter::Anyone,
        "saya" => AssigneeFilter::User(staff.user.username.clone()),
        "belum" => AssigneeFilter::Nobody,
        other => AssigneeFilter::User(other.to_lowercase()),
    };
    let query = CaseQuery {
        queue,
        viewer: staff.user.username.clone(),
        assignee,
        text: params.q.clone(),
        state,
        agency_id: None,
        election: Some(params.pemilihan.trim().to_owned()).filter(|e| !e.is_empty()),
        today,
        limit: LIMIT + 1,
    };
    let mut cases = case_desk::list_cases(&ctx.app.db, &query, scope).await?;
    let more = cases.len() > usize::try_from(LIMIT).unwrap_or(usize::MAX);
    cases.truncate(usize::try_from(LIMIT).unwrap_or(usize::MAX));
    let tabs = case_desk::queue_counts(&ctx.app.db, scope, today, &staff.user.username)
        .await?
        .into_iter()
        .map(|c| Tab {
            queue: c.queue.as_str(),
            label_key: format!("office-queue-{}", c.queue.as_str().replace('_', "-")),
            count: c.count,
            current: c.queue == queue,
        })
        .collect();
    let assignee_options = [
        ("", "office-cases-assignee-anyone"),
        ("saya", "office-cases-assignee-me"),
        ("belum", "office-cases-assignee-nobody"),
    ]
    .into_iter()
    .map(|(value, label_key)| AssigneeOption {
        value,
        label_key,
        selected: params.penangan.trim() == value,
    })
    .collect();
    let view = View {
        queue: queue.as_str(),
        penangan: params.penangan,
        assignee_options,
        q: params.q,
        pemilihan: params.pemilihan,
        tabs,
        states: CaseState::ALL
            .into_iter()
            .map(|s| StateOption {
                value: s.as_str(),
                label_key: labels::state(s),
                selected: Some(s) == state,
            })
            .collect(),
        cases: cases
            .into_iter()
            .map(|case| Line {
                state_key: labels::state(case.state),
                case,
            })
            .collect(),
        more,
        limit: LIMIT,
    };
    frame::render(
        &page,
        &ctx,
        &headers,
        &staff.user,
        "office/cases.html",
        view,
        StatusCode::OK,
    )
}

#[cfg(test)]
mod tests {
    use netral_store::case_desk::Queue;

    use crate::i18n::{Catalog, Lang};

    #[test]
    fn every_queue_has_a_label() {
        let catalog = Catalog::load().unwrap();
        for lang in Lang::ALL {
            for queue in Queue::ALL {
                let key = format!("office-queue-{}", queue.as_str().replace('_', "-"));
                catalog
                    .text(lang, &key, None)
                    .unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
}
