//! The one error type at the HTTP edge. Whatever went wrong inside, the visitor sees a status and
//! a translated sentence; the detail goes to the log only.
//!
//! Rendering is split in two because `IntoResponse` knows nothing about the request: a
//! `WebError` becomes an empty response carrying an [`ErrorPage`] marker, and the
//! [`render_error_pages`] middleware, which knows the visitor's language, fills in the page.

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use netral_store::StoreError;

use crate::app::Ctx;
use crate::i18n::Lang;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("no such page")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("database unavailable: {0}")]
    Store(#[from] StoreError),
    #[error("no rule version in force: {0}")]
    NoRules(#[from] netral_domain::rules::NoRulesInForce),
    #[error("template failed: {0}")]
    Template(#[from] minijinja::Error),
    #[error("a handler panicked")]
    Panic,
}

/// What the error page shows: a status and the Fluent keys of its title and explanation.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ErrorPage {
    pub title_key: &'static str,
    pub message_key: &'static str,
}

impl WebError {
    fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            WebError::Store(_) => StatusCode::SERVICE_UNAVAILABLE,
            WebError::NoRules(_) | WebError::Template(_) | WebError::Panic => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn page(&self) -> ErrorPage {
        let (title_key, message_key) = match self {
            WebError::NotFound => ("error-not-found-title", "error-not-found-message"),
            WebError::MethodNotAllowed => ("error-method-title", "error-method-message"),
            WebError::Store(_) => ("error-unavailable-title", "error-unavailable-message"),
            WebError::NoRules(_) | WebError::Template(_) | WebError::Panic => ("error-internal-title", "error-internal-message"),
        };
        ErrorPage { title_key, message_key }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        } else {
            tracing::debug!(error = %self, "request refused");
        }
        let mut response = status.into_response();
        response.extensions_mut().insert(self.page());
        response
    }
}

/// Turns marked error responses into translated pages. Should the page itself fail to render,
/// a bare status goes out: the visitor still learns that something failed, and nothing loops.
pub(crate) async fn render_error_pages(State(ctx): State<Ctx>, request: Request, next: Next) -> Response {
    let lang = request.extensions().get::<Lang>().copied().unwrap_or_default();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let Some(page) = response.extensions().get::<ErrorPage>().copied() else {
        return response;
    };
    let status = response.status();
    let context = minijinja::context! {
        status => status.as_u16(),
        title_key => page.title_key,
        message_key => page.message_key,
    };
    match ctx.ui.render("error.html", lang, &path, context) {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "error page failed to render");
            status.into_response()
        }
    }
}
