//! What every page handler needs to answer in the visitor's language: an extractor holding the
//! negotiated language, the path and the templates.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::Html;
use fluent_bundle::{FluentArgs, FluentValue};
use serde::Serialize;

use crate::app::Ctx;
use crate::error::WebError;
use crate::i18n::{Lang, TextError};
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

    /// A message in the visitor's language, for text composed in Rust before rendering.
    pub fn text(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> Result<String, TextError> {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.ui.text(self.lang, key, Some(&fluent))
    }

    pub fn has_text(&self, key: &str) -> bool {
        self.ui.has_text(self.lang, key)
    }

    /// "Rabu, 14 Februari 2024".
    pub fn long_date(&self, date: chrono::NaiveDate) -> Result<String, TextError> {
        crate::labels::long_date(self.ui.catalog(), self.lang, date)
    }

    pub fn file_size(&self, bytes: u64) -> Result<String, TextError> {
        crate::labels::file_size(self.ui.catalog(), self.lang, bytes)
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
