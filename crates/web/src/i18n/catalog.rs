//! The Fluent translation files, compiled into the binary and parsed once at start.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

use super::Lang;

const SOURCES: [(Lang, &str); 2] = [
    (Lang::Id, include_str!("../../locales/id/netral.ftl")),
    (Lang::En, include_str!("../../locales/en/netral.ftl")),
];

/// Both languages' messages. The concurrent bundle is `Sync`, so one catalog serves all requests.
pub(crate) struct Catalog {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
}

#[derive(Debug, thiserror::Error)]
pub enum TextError {
    #[error("translation file for `{lang}` does not parse: {detail}")]
    Syntax { lang: &'static str, detail: String },
    #[error("no message `{key}` in the `{lang}` translations")]
    Missing { lang: &'static str, key: String },
    #[error("message `{key}` in `{lang}` failed to format: {detail}")]
    Format {
        lang: &'static str,
        key: String,
        detail: String,
    },
}

impl Catalog {
    pub fn load() -> Result<Self, TextError> {
        let mut bundles = Vec::with_capacity(SOURCES.len());
        for (lang, source) in SOURCES {
            let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| {
                TextError::Syntax {
                    lang: lang.tag(),
                    detail: format!("{errors:?}"),
                }
            })?;
            let id: LanguageIdentifier = lang.tag().parse().expect("language tags are valid");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Unicode isolation marks protect mixed-direction text; both languages read left
            // to right, and the marks would end up inside attributes and test assertions.
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .map_err(|errors| TextError::Syntax {
                    lang: lang.tag(),
                    detail: format!("{errors:?}"),
                })?;
            bundles.push((lang, bundle));
        }
        Ok(Self { bundles })
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        &self
            .bundles
            .iter()
            .find(|(l, _)| *l == lang)
            .expect("every language has a bundle")
            .1
    }

    /// The message `key` in `lang`. A missing message or argument is an error, not a silent
    /// fallback: tests catch it before a visitor sees half a sentence.
    pub fn text(
        &self,
        lang: Lang,
        key: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, TextError> {
        let bundle = self.bundle(lang);
        let pattern = bundle
            .get_message(key)
            .and_then(|message| message.value())
            .ok_or_else(|| TextError::Missing {
                lang: lang.tag(),
                key: key.to_owned(),
            })?;
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned();
        if errors.is_empty() {
            Ok(text)
        } else {
            Err(TextError::Format {
                lang: lang.tag(),
                key: key.to_owned(),
                detail: format!("{errors:?}"),
            })
        }
    }

    /// Every message key of `lang`, for the tests that keep both languages in step. Messages
    /// start at column 0 with their identifier; terms (`-x`), comments and continuations don't.
    #[cfg(test)]
    pub fn keys(lang: Lang) -> std::collections::BTreeSet<String> {
        let source = SOURCES
            .iter()
            .find(|(l, _)| *l == lang)
            .expect("every language has a source")
            .1;
        source
            .lines()
            .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
            .filter_map(|line| line.split_once('=').map(|(key, _)| key.trim().to_owned()))
            .collect()
    }
}
