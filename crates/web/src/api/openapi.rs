//! The OpenAPI description, generated from the handlers so that it cannot drift from them; a
//! test in tests/web/api_spec.rs checks that it lists every `/api/v1` route the router has and
//! that the copy committed at docs/api/openapi.json is current.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::error::{ApiErrorBody, ApiErrorDetail};
use super::reports::{
    self, AttachmentRequest, ReportReceipt, ReportRequest, ReporterRequest, SubjectRequest,
};
use super::{
    agencies, auth, case_action, case_desk, case_detail, case_evidence, case_identity, case_list,
    case_message, roster_record, roster_search, screening, statistics,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Netral API",
        description = "Reports of civil servants' breaches of political neutrality, and the back \
        office's work on them.\n\n`POST /api/v1/reports` is open to other systems (with an \
        Idempotency-Key). Every other endpoint acts as a staff account: send a personal token, \
        made on the back-office page `/kantor/akun/token`, as `Authorization: Bearer <token>`. \
        The token has its account's role and scope: what the account may not see or do in the \
        back office, the token may not either (403 for the role, 404 outside the scope, as for \
        a record that does not exist). The back office's session cookie opens nothing here."
    ),
    paths(
        reports::create,
        case_list::list,
        case_detail::show,
        case_evidence::file,
        case_action::take,
        case_message::post,
        case_desk::assign,
        case_desk::link_subject,
        case_desk::merge,
        case_identity::open,
        roster_search::search,
        roster_record::show,
        agencies::list,
        statistics::staff_figures,
        statistics::public_figures,
        screening::ingest,
    ),
    components(schemas(
        ReportRequest,
        SubjectRequest,
        ReporterRequest,
        AttachmentRequest,
        ReportReceipt,
        ApiErrorBody,
        ApiErrorDetail
    )),
    modifiers(&BearerToken),
    tags(
        (name = "reports", description = "Filing reports from other systems"),
        (name = "cases", description = "The work queues and decisions of the back office"),
        (name = "registry", description = "The roster of civil servants and the agencies"),
        (name = "screening", description = "Batches of public social-media activity for the screening engine; its leads go to review"),
        (name = "statistics", description = "The case funnel and its breakdowns; the public figures need no token"),
    )
)]
pub(crate) struct ApiDoc;

/// The personal API token, as the security scheme every staff endpoint names.
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            auth::SCHEME,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A personal API token (`ntr_…`) made on /kantor/akun/token",
                    ))
                    .build(),
            ),
        );
    }
}

pub(crate) async fn spec() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
