//! `GET /kantor/sosialisasi/{id}`: one meeting — its details, the survey's link and QR code to
//! show on the screen, the attendance list matched to the roster (`POST …/hadir` adds to it,
//! a NIP a line; a wrong line is named and the rest kept), and the survey's results so far;
//! `GET …/ekspor?tabel=hasil|hadir&format=csv|xlsx` downloads either table.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::Utc;
use netral_domain::access::Capability;
use netral_domain::survey::{ResultDetail, SurveyTemplate, summarise};
use netral_store::prevention::socialization::{
    AttendanceProblem, Event, MAX_ATTENDEES, add_attendance, attendance, event_by_id,
    read_attendance,
};
use netral_store::prevention::survey_responses::responses_of;
use serde::{Deserialize, Serialize};

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::export::{Format, Table, Value, download};
use crate::forms::verify_csrf;
use crate::i18n::Lang;
use crate::page::Page;
use crate::qr::qr_svg;
use crate::staff::Staff;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct AttendanceForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    attendance: String,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ExportParams {
    #[serde(default)]
    tabel: String,
    #[serde(default)]
    format: String,
}

#[derive(Serialize)]
struct AttendeeLine {
    nip: String,
    listed_name: String,
    roster_name: Option<String>,
    roster_agency: Option<String>,
}

#[derive(Serialize)]
struct ResultLine {
    label: String,
    count: u32,
    percent: String,
}

#[derive(Serialize)]
struct QuestionLine {
    prompt: String,
    answered: u32,
    kind: &'static str,
    lines: Vec<ResultLine>,
    mean: Option<String>,
    texts: Vec<String>,
}

#[derive(Serialize)]
struct ProblemLine {
    /// 0 for a problem with the whole list.
    line: usize,
    text: String,
    message: String,
}

#[derive(Serialize)]
struct Outcome {
    added: usize,
    on_roster: usize,
    problems: Vec<ProblemLine>,
}

#[derive(Serialize)]
struct View {
    id: i64,
    title: String,
    agency: String,
    held_on: String,
    place: String,
    audience: String,
    materials: String,
    survey_title: String,
    survey_url: String,
    qr: Option<String>,
    attendees: Vec<AttendeeLine>,
    on_roster: usize,
    responses: usize,
    results: Vec<QuestionLine>,
    outcome: Option<Outcome>,
    typed_attendance: String,
    max_attendees: usize,
}

/// The meeting, if the user may see it.
async fn event_for(ctx: &Ctx, staff: &Staff, id: i64) -> Result<Event, WebError> {
    staff.require(Capability::RunPrevention)?;
    let event = event_by_id(&ctx.app.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let region = event.region_code.as_deref().and_then(|r| r.parse().ok());
    if !staff
        .user
        .scope
        .covers_agency(event.agency_id, region.as_ref())
    {
        // As if it did not exist: the user's scope does not reach it.
        return Err(WebError::NotFound);
    }
    Ok(event)
}

fn template_of<'a>(ctx: &'a Ctx, event: &Event) -> Result<&'a SurveyTemplate, WebError> {
    ctx.app.rules.survey(&event.survey_code).ok_or_else(|| {
        WebError::BadRequest(format!("unknown survey template `{}`", event.survey_code))
    })
}

/// The survey's address as participants reach it: this server, as the browser named it.
fn survey_url(headers: &HeaderMap, token: &str) -> String {
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let scheme = headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
        .unwrap_or("http");
    format!("{scheme}://{host}/survei/{token}")
}

pub(crate) async fn show(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let event = event_for(&ctx, &staff, id).await?;
    render(
        &page,
        &ctx,
        &headers,
        &staff,
        &event,
        None,
        String::new(),
        StatusCode::OK,
    )
    .await
}

pub(crate) async fn add(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    form: Result<Form<AttendanceForm>, FormRejection>,
) -> Result<Response, WebError> {
    let event = event_for(&ctx, &staff, id).await?;
    let Form(form) = form.map_err(|e| WebError::BadRequest(e.body_text()))?;
    if !verify_csrf(&ctx.app.vault, &headers, &form.csrf) {
        return Err(WebError::FormExpired);
    }
    let (listed, mut problems) = read_attendance(&form.attendance);
    let room = MAX_ATTENDEES.saturating_sub(usize::try_from(event.attendees).unwrap_or(0));
    if listed.len() > room {
        problems.push(AttendanceProblem {
            line: 0,
            text: String::new(),
            message: format!("at most {MAX_ATTENDEES} participants per meeting"),
        });
    }
    let added = if listed.len() <= room {
        add_attendance(&ctx.app.db, &staff.user, id, &listed, Utc::now()).await?
    } else {
        Default::default()
    };
    // The lines that could not be taken stay in the box to be corrected.
    let retry = problems
        .iter()
        .filter(|p| p.line > 0)
        .map(|p| p.text.clone())
        .collect::<Vec<_>>()
        .join("\n");
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let event = event_for(&ctx, &staff, id).await?;
    let outcome = Outcome {
        added: added.added,
        on_roster: added.on_roster,
        problems: problems
            .into_iter()
            .map(|p| ProblemLine {
                line: p.line,
                text: p.text,
                message: p.message,
            })
            .collect(),
    };
    render(
        &page,
        &ctx,
        &headers,
        &staff,
        &event,
        Some(outcome),
        retry,
        status,
    )
    .await
}

fn percent(count: u32, base: u32) -> String {
    if base == 0 {
        "–".into()
    } else {
        format!("{:.1} %", f64::from(count) * 100.0 / f64::from(base))
    }
}

fn result_lines(
    lang: Lang,
    template: &SurveyTemplate,
    event_responses: &[netral_domain::survey::SurveyResponse],
) -> Vec<QuestionLine> {
    summarise(template, event_responses)
        .into_iter()
        .filter_map(|result| {
            let question = template.question(&result.code)?;
            let mut line = QuestionLine {
                prompt: lang.pick(&question.prompt).to_owned(),
                answered: result.answered,
                kind: question.kind.as_str(),
                lines: Vec::new(),
                mean: None,
                texts: Vec::new(),
            };
            match result.detail {
                ResultDetail::Choices(counts) => {
                    line.lines = counts
                        .into_iter()
                        .map(|(choice, n)| ResultLine {
                            label: lang.pick(&choice.label).to_owned(),
                            count: n,
                            percent: percent(n, result.answered),
                        })
                        .collect();
                }
                ResultDetail::Scale { counts, mean } => {
                    line.lines = counts
                        .into_iter()
                        .map(|(value, n)| ResultLine {
                            label: value.to_string(),
                            count: n,
                            percent: percent(n, result.answered),
                        })
                        .collect();
                    line.mean = mean.map(|m| format!("{m:.2}"));
                }
                ResultDetail::Texts(texts) => line.texts = texts,
            }
            Some(line)
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
async fn render(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    staff: &Staff,
    event: &Event,
    outcome: Option<Outcome>,
    typed_attendance: String,
    status: StatusCode,
) -> Result<Response, WebError> {
    let template = template_of(ctx, event)?;
    let attendees: Vec<AttendeeLine> = attendance(&ctx.app.db, event.id)
        .await?
        .into_iter()
        .map(|a| AttendeeLine {
            nip: a.nip,
            listed_name: a.listed_name,
            roster_name: a.roster_name,
            roster_agency: a.roster_agency,
        })
        .collect();
    let responses = responses_of(&ctx.app.db, event.id).await?;
    let url = survey_url(headers, &event.survey_token);
    let view = View {
        id: event.id,
        title: event.title.clone(),
        agency: event.agency_name.clone(),
        held_on: page.long_date(event.held_on)?,
        place: event.place.clone(),
        audience: event.audience.clone(),
        materials: event.materials.clone(),
        survey_title: page.lang.pick(&template.title).to_owned(),
        qr: qr_svg(&url, &page.text("prevention-event-qr-label", &[])?),
        survey_url: url,
        on_roster: attendees.iter().filter(|a| a.roster_name.is_some()).count(),
        attendees,
        responses: responses.len(),
        results: result_lines(page.lang, template, &responses),
        outcome,
        typed_attendance,
        max_attendees: MAX_ATTENDEES,
    };
    frame::render(
        page,
        ctx,
        headers,
        &staff.user,
        "office/socialization_event.html",
        view,
        status,
    )
}

pub(crate) async fn export(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    Path(id): Path<i64>,
    Query(params): Query<ExportParams>,
) -> Result<Response, WebError> {
    let event = event_for(&ctx, &staff, id).await?;
    let format = Format::parse(params.format.trim())
        .ok_or_else(|| WebError::BadRequest("format: use csv or xlsx".into()))?;
    let header = |key: &str| page.text(key, &[]);
    let table =
        match params.tabel.trim() {
            "hadir" => Table {
                headers: vec![
                    header("field-nip")?,
                    header("prevention-col-listed-name")?,
                    header("prevention-col-roster-name")?,
                    header("prevention-col-roster-agency")?,
                ],
                rows: attendance(&ctx.app.db, id)
                    .await?
                    .into_iter()
                    .map(|a| {
                        vec![
                            Value::Text(a.nip),
                            Value::Text(a.listed_name),
                            Value::Text(a.roster_name.unwrap_or_default()),
                            Value::Text(a.roster_agency.unwrap_or_default()),
                        ]
                    })
                    .collect(),
            },
            "hasil" => {
                let template = template_of(&ctx, &event)?;
                let responses = responses_of(&ctx.app.db, id).await?;
                let mut rows = Vec::new();
                for line in result_lines(page.lang, template, &responses) {
                    for answer in &line.lines {
                        rows.push(vec![
                            Value::Text(line.prompt.clone()),
                            Value::Text(answer.label.clone()),
                            Value::Count(u64::from(answer.count)),
                            Value::Percent((line.answered > 0).then(|| {
                                f64::from(answer.count) * 100.0 / f64::from(line.answered)
                            })),
                        ]);
                    }
                    for text in &line.texts {
                        rows.push(vec![
                            Value::Text(line.prompt.clone()),
                            Value::Text(text.clone()),
                            Value::Count(1),
                            Value::Percent(None),
                        ]);
                    }
                }
                Table {
                    headers: vec![
                        header("prevention-col-question")?,
                        header("prevention-col-answer")?,
                        header("prevention-col-count")?,
                        header("prevention-col-percent")?,
                    ],
                    rows,
                }
            }
            _ => return Err(WebError::BadRequest("tabel: use hasil or hadir".into())),
        };
    download(
        &table,
        format,
        &format!("sosialisasi-{id}-{}", params.tabel.trim()),
    )
}
