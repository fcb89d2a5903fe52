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
    #[error("store failed: {0}")]
    Store(#[from] StoreError),
    #[error("no rule version in force: {0}")]
    NoRules(#[from] netral_domain::rules::NoRulesInForce),
    #[error("template failed: {0}")]
    Template(#[from] minijinja::Error),
    #[error("translation failed: {0}")]
    Text(#[from] crate::i18n::TextError),
    #[error("evidence storage failed: {0}")]
    Evidence(#[from] netral_store::evidence::EvidenceError),
    /// The CSRF token is missing or does not match the visitor's cookie.
    #[error("form token missing or not matching the cookie")]
    FormExpired,
    /// A form that only a program fills in that way (the hidden honeypot field has text).
    #[error("form refused as automated")]
    Refused,
    #[error("request body over the limit")]
    TooLarge,
    #[error("too many requests from one client")]
    TooManyRequests,
    /// A signed-in staff member whose role may not do this.
    #[error("the role may not do this")]
    Forbidden,
    /// A form body that cannot be read at all (not multipart, cut off, malformed).
    #[error("unreadable form: {0}")]
    BadRequest(String),
    #[error("a handler panicked")]
    Panic,
    /// Reading or writing a file of the data folder failed.
    #[error("file access failed: {0}")]
    Io(String),
}

/// What the error page shows: a status, the Fluent keys of its title and explanation, and for
/// a request that cannot be read, which part (a parameter or field named in the detail).
#[derive(Debug, Clone)]
pub(crate) struct ErrorPage {
    pub title_key: &'static str,
    pub message_key: &'static str,
    pub detail: Option<String>,
}

/// What the visitor is told; several internal causes share one explanation.
enum Shown {
    NotFound,
    MethodNotAllowed,
    FormExpired,
    Refused,
    TooLarge,
    TooManyRequests,
    Forbidden,
    BadRequest,
    Unavailable,
    Internal,
}

impl WebError {
    fn shown(&self) -> Shown {
        match self {
            WebError::NotFound => Shown::NotFound,
            WebError::MethodNotAllowed => Shown::MethodNotAllowed,
            WebError::FormExpired => Shown::FormExpired,
            WebError::Refused => Shown::Refused,
            WebError::TooLarge => Shown::TooLarge,
            WebError::TooManyRequests => Shown::TooManyRequests,
            WebError::Forbidden => Shown::Forbidden,
            WebError::BadRequest(_) => Shown::BadRequest,
            // A database that cannot be reached or answer (down, pool exhausted or closed) is
            // worth a retry later. Anything else the store reports (unreadable rows, a refused
            // transition) is a defect that waiting will not fix.
            WebError::Store(StoreError::Connect { .. } | StoreError::Db(_)) => Shown::Unavailable,
            WebError::Store(_)
            | WebError::NoRules(_)
            | WebError::Template(_)
            | WebError::Text(_)
            | WebError::Evidence(_)
            | WebError::Io(_)
            | WebError::Panic => Shown::Internal,
        }
    }

    fn status(&self) -> StatusCode {
        match self.shown() {
            Shown::NotFound => StatusCode::NOT_FOUND,
            Shown::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Shown::FormExpired => StatusCode::FORBIDDEN,
            // 400 rather than 403: nothing is forbidden to the visitor, the form was odd.
            Shown::Refused | Shown::BadRequest => StatusCode::BAD_REQUEST,
            Shown::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Shown::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            Shown::Forbidden => StatusCode::FORBIDDEN,
            Shown::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Shown::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn page(&self) -> ErrorPage {
        let (title_key, message_key) = match self.shown() {
            Shown::NotFound => ("error-not-found-title", "error-not-found-message"),
            Shown::MethodNotAllowed => ("error-method-title", "error-method-message"),
            Shown::FormExpired => ("error-form-title", "error-form-message"),
            Shown::Refused => ("error-refused-title", "error-refused-message"),
            Shown::TooLarge => ("error-too-large-title", "error-too-large-message"),
            Shown::TooManyRequests => ("error-too-many-title", "error-too-many-message"),
            Shown::Forbidden => ("error-forbidden-title", "error-forbidden-message"),
            Shown::BadRequest => ("error-bad-request-title", "error-bad-request-message"),
            Shown::Unavailable => ("error-unavailable-title", "error-unavailable-message"),
            Shown::Internal => ("error-internal-title", "error-internal-message"),
        };
        // Only a request the visitor can fix says more; other causes may hold internals.
        let detail = match self {
            WebError::BadRequest(detail) => Some(detail.clone()),
            _ => None,
        };
        ErrorPage {
            title_key,
            message_key,
            detail,
        }
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
pub(crate) async fn render_error_pages(
    State(ctx): State<Ctx>,
    request: Request,
    next: Next,
) -> Response {
    let lang = request
        .extensions()
        .get::<Lang>()
        .copied()
        .unwrap_or_default();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let Some(page) = response.extensions().get::<ErrorPage>().cloned() else {
        return response;
    };
    let status = response.status();
    let context = minijinja::context! {
        status => status.as_u16(),
        title_key => page.title_key,
        message_key => page.message_key,
        detail => page.detail,
    };
    match ctx.ui.render("error.html", lang, &path, context) {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "error page failed to render");
            status.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(error: WebError) -> (StatusCode, &'static str) {
        let response = error.into_response();
        let page = response
            .extensions()
            .get::<ErrorPage>()
            .cloned()
            .expect("marked for rendering");
        (response.status(), page.title_key)
    }

    #[test]
    fn causes_map_to_what_the_visitor_can_do() {
        assert_eq!(
            shown(WebError::NotFound),
            (StatusCode::NOT_FOUND, "error-not-found-title")
        );
        let down = StoreError::UnsupportedUrl("x".into());
        assert_eq!(
            shown(WebError::Store(down)),
            (StatusCode::INTERNAL_SERVER_ERROR, "error-internal-title")
        );
        let corrupt = StoreError::Corrupt {
            column: "state",
            message: "unknown case state `x`".into(),
        };
        assert_eq!(
            shown(WebError::Store(corrupt)).0,
            StatusCode::INTERNAL_SERVER_ERROR
        );
        assert_eq!(shown(WebError::Panic).0, StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[tokio::test]
    async fn the_response_carries_no_detail() {
        let corrupt = StoreError::Corrupt {
            column: "state",
            message: "secret detail".into(),
        };
        let body = axum::body::to_bytes(WebError::Store(corrupt).into_response().into_body(), 4096)
            .await
            .unwrap();
        assert!(
            body.is_empty(),
            "only the rendered page speaks to the visitor"
        );
    }
}
