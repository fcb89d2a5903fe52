//! What every page handler needs to answer in the visitor's language: an extractor holding the
//! negotiated language, the path and the templates.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::Html;
use serde::Serialize;

use crate::app::Ctx;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::templates::Ui;

pub(crate) struct Page {
    pub lang: Lang,
    path: String,
    ui: Arc<Ui>,
}

impl Page {
    pub fn render(
        &self,
        template: &str,
        context: impl Serialize,
    ) -> Result<Html<String>, WebError> {
        Ok(Html(
            self.ui.render(template, self.lang, &self.path, context)?,
        ))
    }
}

impl FromRequestParts<Ctx> for Page {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, ctx: &Ctx) -> Result<Self, Self::Rejection> {
        Ok(Page {
            // The language middleware always runs first; the default only covers a router
            // assembled without it.
            lang: parts.extensions.get::<Lang>().copied().unwrap_or_default(),
            path: parts.uri.path().to_owned(),
            ui: ctx.ui.clone(),
        })
    }
}
