//! `GET /api/docs/`: the OpenAPI description, browsable and tried out in Swagger UI. The UI's
//! files are compiled into the binary by utoipa-swagger-ui (`vendored`: taken from a crate, not
//! downloaded at build time) and load only from this server, under the site's strict
//! Content-Security-Policy. The validator badge, which would fetch from swagger.io, is off.

use axum::Router;
use utoipa_swagger_ui::{Config, SwaggerUi};

use crate::app::Ctx;

pub(crate) fn routes() -> Router<Ctx> {
    let config = Config::from("/api/openapi.json")
        .validator_url("none")
        .try_it_out_enabled(false)
        .persist_authorization(false);
    Router::from(SwaggerUi::new("/api/docs").config(config))
}
