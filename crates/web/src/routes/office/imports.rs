//! `/kantor/impor`: an administrator uploads a roster export; a worker imports it while the page
//! shows how far it is (htmx polls a fragment every second), then the counts and the report of
//! bad rows to download. The upload is streamed to disk, so a whole country's export fits.

use axum::body::Body;
use axum::extract::multipart::{Field, MultipartRejection};
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use netral_domain::access::Capability;
use netral_store::import_runs::{self, ImportRun};
use netral_store::vault::random_token;
use serde::Serialize;
use tokio::io::AsyncWriteExt;

use super::frame;
use crate::app::Ctx;
use crate::error::WebError;
use crate::forms::{FieldError, Problem, by_field, verify_csrf, word};
use crate::page::Page;
use crate::staff::Staff;

/// Runs listed on the page.
const RECENT: i64 = 20;

#[derive(Serialize)]
struct ListView<'a> {
    runs: Vec<ImportRun>,
    errors: &'a [FieldError],
    field_errors: std::collections::BTreeMap<&'static str, &'a str>,
}

pub(crate) async fn list(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    staff.require(Capability::ImportRegistry)?;
    render_list(&page, &ctx, &headers, &staff, &[], StatusCode::OK).await
}

async fn render_list(
    page: &Page,
    ctx: &Ctx,
    headers: &HeaderMap,
    staff: &Staff,
    errors: &[FieldError],
    status: StatusCode,
) -> Result<Response, WebError> {
    let view = ListView {
        runs: import_runs::recent(&ctx.app.db, RECENT).await?,
        errors,
        field_errors: by_field(errors),
    };
    frame::render(
        page,
        ctx,
        headers,
        &staff.user,
        "office/imports.html",
        view,
        status,
    )
}

pub(crate) async fn upload(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    staff.require(Capability::ImportRegistry)?;
    let mut multipart = multipart.map_err(|e| WebError::BadRequest(e.body_text()))?;
    let mut csrf_ok = false;
    let mut saved: Option<Saved> = None;
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        match field.name() {
            Some("csrf") => {
                let token = field.text().await.map_err(multipart_error)?;
                csrf_ok = verify_csrf(&ctx.app.vault, &headers, &token);
            }
            // The token comes first in the form: nothing is written to disk for a forged one.
            Some("file") if csrf_ok && saved.is_none() => {
                saved = save(&ctx, field).await?;
            }
            _ => {}
        }
    }
    if !csrf_ok {
        return Err(WebError::FormExpired);
    }
    let Some(saved) = saved else {
        let errors = word(&page, &[Problem::new("file", "office-import-no-file")])?;
        return render_list(
            &page,
            &ctx,
            &headers,
            &staff,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let id = import_runs::queue(
        &ctx.app.db,
        "roster",
        &saved.file_name,
        &saved.stored_name,
        saved.size,
        staff.user.id,
        Utc::now(),
    )
    .await?;
    Ok(Redirect::to(&format!("/kantor/impor/{id}")).into_response())
}

struct Saved {
    file_name: String,
    stored_name: String,
    size: i64,
}

/// Streams the file to the imports folder under a name of our own; `None` for an empty file
/// input. Over the limit, the partial file is removed and the request refused.
async fn save(ctx: &Ctx, mut field: Field<'_>) -> Result<Option<Saved>, WebError> {
    let file_name = field
        .file_name()
        .map(|n| n.rsplit(['/', '\\']).next().unwrap_or(n).to_owned())
        .unwrap_or_default();
    if file_name.is_empty() {
        return Ok(None);
    }
    let extension = std::path::Path::new(&file_name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .filter(|e| matches!(e.as_str(), "csv" | "tsv" | "txt" | "xlsx"))
        .unwrap_or_else(|| "csv".to_owned());
    let settings = &ctx.app.imports;
    tokio::fs::create_dir_all(&settings.dir)
        .await
        .map_err(io_error)?;
    let stored_name = format!(
        "{}-{}.{extension}",
        Utc::now().format("%Y%m%dT%H%M%S"),
        random_token(6)
    );
    let path = settings.dir.join(&stored_name);
    let mut file = tokio::fs::File::create(&path).await.map_err(io_error)?;
    let mut size: u64 = 0;
    let outcome: Result<(), WebError> = async {
        while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
            size += chunk.len() as u64;
            if size > settings.max_bytes {
                return Err(WebError::TooLarge);
            }
            file.write_all(&chunk).await.map_err(io_error)?;
        }
        file.sync_all().await.map_err(io_error)
    }
    .await;
    if let Err(e) = outcome {
        let _ = tokio::fs::remove_file(&path).await;
        return Err(e);
    }
    if size == 0 {
        let _ = tokio::fs::remove_file(&path).await;
        return Ok(None);
    }
    Ok(Some(Saved {
        file_name,
        stored_name,
        size: i64::try_from(size).unwrap_or(i64::MAX),
    }))
}

fn multipart_error(e: axum::extract::multipart::MultipartError) -> WebError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        WebError::TooLarge
    } else {
        WebError::BadRequest(e.body_text())
    }
}

fn io_error(e: std::io::Error) -> WebError {
    WebError::Io(e.to_string())
}

#[derive(Serialize)]
struct RunView {
    run: ImportRun,
    /// 0 to 100, by bytes read.
    percent: i64,
    finished: bool,
}

impl RunView {
    fn of(run: ImportRun) -> RunView {
        let percent = if run.size_bytes > 0 {
            (run.bytes_read.saturating_mul(100) / run.size_bytes).clamp(0, 100)
        } else {
            0
        };
        RunView {
            finished: matches!(run.status.as_str(), "done" | "failed"),
            percent,
            run,
        }
    }
}

async fn find(ctx: &Ctx, staff: &Staff, id: i64) -> Result<ImportRun, WebError> {
    staff.require(Capability::ImportRegistry)?;
    import_runs::get(&ctx.app.db, id)
        .await?
        .ok_or(WebError::NotFound)
}

pub(crate) async fn show(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let run = find(&ctx, &staff, id).await?;
    frame::render(
        &page,
        &ctx,
        &headers,
        &staff.user,
        "office/import_run.html",
        RunView::of(run),
        StatusCode::OK,
    )
}

/// The progress fragment htmx swaps in; it stops polling once the run has finished.
pub(crate) async fn progress(
    staff: Staff,
    page: Page,
    State(ctx): State<Ctx>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let run = find(&ctx, &staff, id).await?;
    let html = page.render("office/import_progress.html", RunView::of(run))?;
    let mut response = html.into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// The bad rows, as the import wrote them: `file,line,field,message`.
pub(crate) async fn report(
    staff: Staff,
    State(ctx): State<Ctx>,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let run = find(&ctx, &staff, id).await?;
    let path = ctx.app.imports.report_path(&run.stored_name);
    let bytes = tokio::fs::read(&path)
        .await
        .map_err(|_| WebError::NotFound)?;
    let mut response = Response::new(Body::from(bytes));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let download = format!("attachment; filename=\"impor-{id}-galat.csv\"");
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&download).expect("ASCII"),
    );
    Ok(response)
}
