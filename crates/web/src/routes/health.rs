//! `GET /healthz`: for load balancers and the operator. Makes one trivial database round trip so
//! that "ok" means the pages can actually be served; `SELECT 1` costs the same however many cases
//! there are, which a probe polled every few seconds must.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use netral_store::Backend;
use serde_json::json;

use crate::app::Ctx;

pub(crate) async fn check(State(ctx): State<Ctx>) -> Response {
    match netral_store::sql("SELECT 1 AS alive")
        .fetch_one(&ctx.app.db)
        .await
    {
        Ok(_) => {
            let database = match ctx.app.db.backend() {
                Backend::Sqlite => "sqlite",
                Backend::Postgres => "postgres",
            };
            Json(json!({ "status": "ok", "database": database })).into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "health check: database unavailable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable" })),
            )
                .into_response()
        }
    }
}
