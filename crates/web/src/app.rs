//! The application as a router, and serving it until told to stop.

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::middleware;
use netral_domain::rules::RuleBook;
use netral_store::Db;
use netral_store::evidence::EvidenceStore;
use netral_store::vault::Vault;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

use crate::api;
use crate::error::{WebError, render_error_pages};
use crate::i18n::negotiate_language;
use crate::imports::ImportSettings;
use crate::routes;
use crate::security::security_headers;
use crate::settings::IntakeSettings;
use crate::statistics::cache::FactCache;
use crate::templates::Ui;

/// What the pages need from the rest of the system. Cheap to clone: all are shared handles.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub rules: Arc<RuleBook>,
    /// Seals reporters' identities, derives receipt codes, signs form tokens.
    pub vault: Arc<Vault>,
    /// Evidence files, stored once by SHA-256.
    pub evidence: EvidenceStore,
    pub intake: IntakeSettings,
    /// Uploads for import from the back office.
    pub imports: ImportSettings,
    /// Where the worker sends mail, and when reminders go out.
    pub mail: crate::mail::MailSettings,
    pub statistics: crate::settings::StatisticsSettings,
    pub screening: crate::settings::ScreeningSettings,
}

/// What handlers receive: the caller's state plus the compiled templates and translations.
#[derive(Clone)]
pub(crate) struct Ctx {
    pub app: AppState,
    pub ui: Arc<Ui>,
    /// Every case's facts for the figures, kept in step with the database.
    pub facts: Arc<FactCache>,
    /// The screening engine per election, for the batch ingest.
    pub screeners: Arc<crate::api::screening::ScreenerCache>,
    /// The public integrity-pact counts per election, recounted every few minutes.
    pub pact_counts: Arc<crate::routes::pacts::PublicPactCounts>,
}

/// The whole application. Layers run outside in: security headers wrap everything (error pages
/// and assets included), the language is settled before any page renders, and a panic becomes
/// an ordinary error page instead of a dropped connection.
pub fn router(state: AppState) -> Router {
    // Templates and translations are compiled into the binary and checked by the crate's
    // tests, so a failure here is a build defect, not something an operator can fix.
    let ui = Arc::new(Ui::new().expect("embedded templates and translations must load"));
    // Base64 makes files a third larger in JSON than in a form.
    let api_body_limit = state.intake.max_body_bytes().saturating_mul(4) / 3;
    let portal_body_limit = state.intake.max_body_bytes();
    let upload_limit = usize::try_from(state.imports.max_bytes).unwrap_or(usize::MAX);
    let ctx = Ctx {
        app: state,
        ui,
        facts: Arc::new(FactCache::default()),
        screeners: Arc::default(),
        pact_counts: Arc::default(),
    };
    routes::routes(portal_body_limit, upload_limit)
        .nest("/api", api::routes(api_body_limit))
        .merge(api::docs())
        .layer(CatchPanicLayer::custom(|_| {
            axum::response::IntoResponse::into_response(WebError::Panic)
        }))
        .layer(middleware::from_fn_with_state(
            ctx.clone(),
            render_error_pages,
        ))
        .layer(middleware::from_fn(negotiate_language))
        .layer(TraceLayer::new_for_http())
        .layer(middleware::map_response(security_headers))
        .with_state(ctx)
}

/// Serves until `shutdown` resolves, then lets requests in flight finish.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    if let Ok(address) = listener.local_addr() {
        tracing::info!(%address, "serving");
    }
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
