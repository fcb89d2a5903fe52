//! What each dimension's values are called on screen: violation titles from the rules,
//! province and agency names from the registry, the rest from the translation files.

use std::collections::HashMap;

use netral_domain::rules::RuleBook;
use netral_domain::stats::Dimension;
use netral_store::{Db, StoreError, registry};

use crate::page::Page;

/// The registry's names, read once per request.
pub(crate) struct Names {
    provinces: HashMap<String, String>,
    /// By agency id, as the agency dimension's values are written.
    agencies: HashMap<String, String>,
}

impl Names {
    pub(crate) async fn load(db: &Db) -> Result<Self, StoreError> {
        let provinces = registry::regions::provinces(db)
            .await?
            .into_iter()
            .map(|r| (r.code.as_str().to_owned(), r.name))
            .collect();
        let agencies = registry::list_agencies(db)
            .await?
            .into_iter()
            .map(|a| (a.id.to_string(), a.name))
            .collect();
        Ok(Self {
            provinces,
            agencies,
        })
    }

    /// The name of `value` in `dimension`, in the page's language. A value no longer known
    /// (a violation code of retired rules) is shown as written.
    pub(crate) fn of(
        &self,
        page: &Page,
        rules: &RuleBook,
        dimension: Dimension,
        value: &str,
    ) -> String {
        if value.is_empty() {
            return text(page, "stats-unknown", value);
        }
        match dimension {
            Dimension::Violation => rules
                .versions()
                .iter()
                .rev()
                .find_map(|set| set.violations.iter().find(|v| v.code == value))
                .map_or_else(|| value.to_owned(), |v| page.lang.pick(&v.title).to_owned()),
            Dimension::Election => rules
                .elections()
                .iter()
                .find(|e| e.code == value)
                .map_or_else(|| value.to_owned(), |e| e.name.clone()),
            Dimension::Province => self
                .provinces
                .get(value)
                .cloned()
                .unwrap_or_else(|| value.to_owned()),
            Dimension::Agency => self
                .agencies
                .get(value)
                .cloned()
                .unwrap_or_else(|| value.to_owned()),
            Dimension::Month => value.to_owned(),
            Dimension::State => text(page, &format!("state-{}", value.replace('_', "-")), value),
            Dimension::Track => text(page, &format!("track-{value}"), value),
            Dimension::AgencyKind => text(page, &format!("agency-kind-{value}"), value),
            Dimension::Phase | Dimension::Channel | Dimension::PositionType => text(
                page,
                &format!("stats-{}-{}", dimension.as_str().replace('_', "-"), value),
                value,
            ),
        }
    }
}

fn text(page: &Page, key: &str, fallback: &str) -> String {
    if page.has_text(key) {
        page.text(key, &[]).unwrap_or_else(|_| fallback.to_owned())
    } else {
        fallback.to_owned()
    }
}
