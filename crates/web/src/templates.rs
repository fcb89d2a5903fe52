//! The page templates (compiled into the binary) and the functions they may call. Templates
//! hold no words of their own: every text comes through `t("key", arg=value)` in the language
//! of the request being rendered.

use std::fmt::Write as _;

use chrono::NaiveDate;
use fluent_bundle::{FluentArgs, FluentValue};
use minijinja::value::{Kwargs, Value, ValueKind};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State, UndefinedBehavior};
use serde::Serialize;

use crate::assets;
use crate::i18n::{Catalog, Lang, TextError};
use crate::labels;

const TEMPLATES: [(&str, &str); 53] = [
    ("base.html", include_str!("../templates/base.html")),
    ("home.html", include_str!("../templates/home.html")),
    ("rules.html", include_str!("../templates/rules.html")),
    ("holidays.html", include_str!("../templates/holidays.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("macros.html", include_str!("../templates/macros.html")),
    (
        "stats_macros.html",
        include_str!("../templates/stats_macros.html"),
    ),
    (
        "statistics.html",
        include_str!("../templates/statistics.html"),
    ),
    (
        "office/statistics.html",
        include_str!("../templates/office/statistics.html"),
    ),
    (
        "office/statistics_cases.html",
        include_str!("../templates/office/statistics_cases.html"),
    ),
    (
        "form_macros.html",
        include_str!("../templates/form_macros.html"),
    ),
    (
        "report_form.html",
        include_str!("../templates/report_form.html"),
    ),
    (
        "number_check.html",
        include_str!("../templates/number_check.html"),
    ),
    ("receipt.html", include_str!("../templates/receipt.html")),
    (
        "status_form.html",
        include_str!("../templates/status_form.html"),
    ),
    ("status.html", include_str!("../templates/status.html")),
    (
        "office/frame.html",
        include_str!("../templates/office/frame.html"),
    ),
    (
        "office/sign_in.html",
        include_str!("../templates/office/sign_in.html"),
    ),
    (
        "office/second_factor.html",
        include_str!("../templates/office/second_factor.html"),
    ),
    (
        "office/enroll.html",
        include_str!("../templates/office/enroll.html"),
    ),
    (
        "office/password.html",
        include_str!("../templates/office/password.html"),
    ),
    (
        "office/home.html",
        include_str!("../templates/office/home.html"),
    ),
    (
        "office/roster_search.html",
        include_str!("../templates/office/roster_search.html"),
    ),
    (
        "office/roster_record.html",
        include_str!("../templates/office/roster_record.html"),
    ),
    (
        "office/users.html",
        include_str!("../templates/office/users.html"),
    ),
    (
        "office/imports.html",
        include_str!("../templates/office/imports.html"),
    ),
    (
        "office/import_run.html",
        include_str!("../templates/office/import_run.html"),
    ),
    (
        "office/import_progress.html",
        include_str!("../templates/office/import_progress.html"),
    ),
    (
        "office/cases.html",
        include_str!("../templates/office/cases.html"),
    ),
    (
        "office/case.html",
        include_str!("../templates/office/case.html"),
    ),
    (
        "prevention/survey.html",
        include_str!("../templates/prevention/survey.html"),
    ),
    (
        "prevention/pacts.html",
        include_str!("../templates/prevention/pacts.html"),
    ),
    (
        "office/socialization.html",
        include_str!("../templates/office/socialization.html"),
    ),
    (
        "office/socialization_event.html",
        include_str!("../templates/office/socialization_event.html"),
    ),
    (
        "office/socialization_summary.html",
        include_str!("../templates/office/socialization_summary.html"),
    ),
    (
        "office/pact_campaign.html",
        include_str!("../templates/office/pact_campaign.html"),
    ),
    (
        "prevention/guide.html",
        include_str!("../templates/prevention/guide.html"),
    ),
    (
        "prevention/guide_entry.html",
        include_str!("../templates/prevention/guide_entry.html"),
    ),
    (
        "prevention/poster.html",
        include_str!("../templates/prevention/poster.html"),
    ),
    (
        "office/advisory.html",
        include_str!("../templates/office/advisory.html"),
    ),
    (
        "office/pact_signers.html",
        include_str!("../templates/office/pact_signers.html"),
    ),
    (
        "office/leads.html",
        include_str!("../templates/office/leads.html"),
    ),
    (
        "office/lead_person.html",
        include_str!("../templates/office/lead_person.html"),
    ),
    (
        "office/cross_check.html",
        include_str!("../templates/office/cross_check.html"),
    ),
    (
        "office/cross_check_proposal.html",
        include_str!("../templates/office/cross_check_proposal.html"),
    ),
    (
        "office/agencies.html",
        include_str!("../templates/office/agencies.html"),
    ),
    (
        "office/identity.html",
        include_str!("../templates/office/identity.html"),
    ),
    (
        "office/audit.html",
        include_str!("../templates/office/audit.html"),
    ),
    (
        "office/outbox.html",
        include_str!("../templates/office/outbox.html"),
    ),
    (
        "office/outbox_mail.html",
        include_str!("../templates/office/outbox_mail.html"),
    ),
    (
        "office/api_tokens.html",
        include_str!("../templates/office/api_tokens.html"),
    ),
    (
        "office/case_work.html",
        include_str!("../templates/office/case_work.html"),
    ),
    (
        "office/case_work_page.html",
        include_str!("../templates/office/case_work_page.html"),
    ),
];

/// Templates and translations, built once and shared by all requests.
pub(crate) struct Ui {
    env: Environment<'static>,
    /// Also reachable from Rust, for texts composed before rendering (form error messages).
    catalog: std::sync::Arc<Catalog>,
}

#[derive(Debug, thiserror::Error)]
pub enum UiError {
    #[error(transparent)]
    Text(#[from] TextError),
    #[error(transparent)]
    Template(#[from] Error),
}

impl Ui {
    pub fn new() -> Result<Self, UiError> {
        let catalog = std::sync::Arc::new(Catalog::load()?);
        let mut env = Environment::new();
        // A misspelt variable fails the render (and the tests) instead of printing nothing.
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_formatter(html_formatter);
        for (name, source) in TEMPLATES {
            env.add_template(name, source)?;
        }
        let texts = catalog.clone();
        env.add_function(
            "t",
            move |state: &State, key: &str, kwargs: Kwargs| -> Result<String, Error> {
                let mut args = FluentArgs::new();
                for name in kwargs.args() {
                    args.set(name.to_owned(), fluent_value(kwargs.get::<Value>(name)?));
                }
                texts
                    .text(page_lang(state)?, key, Some(&args))
                    .map_err(template_error)
            },
        );
        let sizes = catalog.clone();
        env.add_function(
            "file_size",
            move |state: &State, bytes: u64| -> Result<String, Error> {
                labels::file_size(&sizes, page_lang(state)?, bytes).map_err(template_error)
            },
        );
        let dates = catalog.clone();
        env.add_function(
            "long_date",
            move |state: &State, iso: &str| -> Result<String, Error> {
                let date: NaiveDate = iso.parse().map_err(|e| {
                    Error::new(
                        ErrorKind::InvalidOperation,
                        format!("`{iso}` is not a date: {e}"),
                    )
                })?;
                labels::long_date(&dates, page_lang(state)?, date).map_err(template_error)
            },
        );
        env.add_function("asset", |path: &str| -> Result<String, Error> {
            assets::url(path).ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidOperation,
                    format!("no embedded asset `{path}`"),
                )
            })
        });
        Ok(Self { env, catalog })
    }

    /// The message `key` in `lang`, for text a handler composes itself.
    pub fn text(
        &self,
        lang: Lang,
        key: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, TextError> {
        self.catalog.text(lang, key, args)
    }

    /// Whether `key` is translated in `lang`: data-driven keys (one per violation code of
    /// the rules in force) may have none, and the page then falls back to the data's own text.
    pub fn has_text(&self, lang: Lang, key: &str) -> bool {
        self.catalog.text(lang, key, None).is_ok()
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Renders a page. `path` is the request path, for the language switch and the navigation.
    pub fn render(
        &self,
        name: &str,
        lang: Lang,
        path: &str,
        context: impl Serialize,
    ) -> Result<String, Error> {
        let page = minijinja::context! {
            lang => lang.tag(),
            switch_lang => lang.other().tag(),
            switch_href => switch_href(path, lang.other()),
            current_path => path,
            ..Value::from_serialize(context)
        };
        self.env.get_template(name)?.render(page)
    }
}

/// The same page in `lang`. Leading slashes are collapsed so that a request for `//evil.example`
/// cannot turn the switch link into a link to another site.
fn switch_href(path: &str, lang: Lang) -> String {
    format!("/{}?lang={}", path.trim_start_matches('/'), lang.tag())
}

/// Escapes text as Jinja2's markupsafe does (`& < > " '`). minijinja's default also escapes
/// `/`, which is harmless in HTML and would turn every path and "sosial/online" into `&#x2f;`.
fn html_formatter(out: &mut Output, state: &State, value: &Value) -> Result<(), Error> {
    match value.as_str() {
        Some(text) if state.auto_escape() == AutoEscape::Html && !value.is_safe() => {
            for c in text.chars() {
                match c {
                    '&' => out.write_str("&amp;")?,
                    '<' => out.write_str("&lt;")?,
                    '>' => out.write_str("&gt;")?,
                    '"' => out.write_str("&quot;")?,
                    '\'' => out.write_str("&#39;")?,
                    c => out.write_char(c)?,
                }
            }
            Ok(())
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

fn page_lang(state: &State) -> Result<Lang, Error> {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Lang::from_tag))
        .ok_or_else(|| Error::new(ErrorKind::UndefinedError, "the page has no `lang`"))
}

fn fluent_value(value: Value) -> FluentValue<'static> {
    match value.kind() {
        ValueKind::Number => match i64::try_from(value.clone()) {
            Ok(n) => FluentValue::from(n),
            Err(_) => f64::try_from(value)
                .map(FluentValue::from)
                .unwrap_or(FluentValue::None),
        },
        _ => FluentValue::from(value.to_string()),
    }
}

fn template_error(e: TextError) -> Error {
    Error::new(ErrorKind::InvalidOperation, e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_but_slashes_stay_readable() {
        let mut env = Environment::new();
        env.set_formatter(html_formatter);
        env.add_template("x.html", "{{ text }}|{{ html|safe }}|{{ n }}")
            .unwrap();
        let out = env.get_template("x.html").unwrap().render(minijinja::context! { text => "<a href=\"x\">'s/o & co</a>", html => "<b>", n => 3 }).unwrap();
        assert_eq!(
            out,
            "&lt;a href=&quot;x&quot;&gt;&#39;s/o &amp; co&lt;/a&gt;|<b>|3"
        );
    }

    #[test]
    fn the_switch_link_stays_on_this_site() {
        assert_eq!(switch_href("/aturan", Lang::En), "/aturan?lang=en");
        assert_eq!(switch_href("/", Lang::Id), "/?lang=id");
        assert_eq!(
            switch_href("//evil.example/x", Lang::En),
            "/evil.example/x?lang=en"
        );
    }

    /// Every `t("key")` written in a template exists in both languages. (Keys computed in
    /// Rust are checked in `labels`.)
    #[test]
    fn every_key_a_template_names_is_translated() {
        let mut checked = 0;
        for (name, source) in TEMPLATES {
            for (at, _) in source.match_indices("t(\"") {
                let before = source[..at].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue; // `asset("…")` and the like
                }
                let key = source[at + 3..].split('"').next().unwrap();
                for lang in Lang::ALL {
                    assert!(
                        Catalog::keys(lang).contains(key),
                        "{name}: `{key}` is missing in {}",
                        lang.tag()
                    );
                }
                checked += 1;
            }
        }
        assert!(
            checked > 20,
            "found only {checked} keys: did the call syntax change?"
        );
    }

    #[test]
    fn both_languages_have_the_same_keys() {
        let (id, en) = (Catalog::keys(Lang::Id), Catalog::keys(Lang::En));
        assert_eq!(
            id.difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "only in id"
        );
        assert_eq!(
            en.difference(&id).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "only in en"
        );
    }
}
