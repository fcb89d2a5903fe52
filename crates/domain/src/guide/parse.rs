//! The `[[guide]]` tables of a rule-set file. Serde checks their shape; `check` what it cannot:
//! codes unique, the violation known, and each verdict's required fields present, so that the
//! public guide never shows a forbidden act without its violation or a condition-less "maybe".

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use super::entry::{GuideEntry, Verdict};
use crate::rules::parse::duplicate;
use crate::rules::{Bilingual, RulesError};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGuideEntry {
    code: Spanned<String>,
    question: Bilingual,
    verdict: Verdict,
    violation: Option<Spanned<String>>,
    answer: Bilingual,
    conditions: Option<Bilingual>,
    instead: Option<Bilingual>,
    legal_basis: Option<String>,
    phrases: Vec<String>,
}

/// Checks the raw entries against the rule set's violation codes and builds them.
pub(crate) fn guide_entries(
    file: &str,
    text: &str,
    raw: Vec<RawGuideEntry>,
    violation_codes: &HashSet<&str>,
) -> Result<Vec<GuideEntry>, RulesError> {
    let mut codes = HashSet::new();
    for entry in &raw {
        let code = entry.code.get_ref();
        // Errors about a missing field point at the entry's code: the field has no line.
        let error = |field: &str, message: &str| {
            RulesError::new(file, format!("guide entry {code}: {message}"))
                .at(text, entry.code.span().start)
                .field(format!("guide[].{field}"))
        };
        if !codes.insert(code.as_str()) {
            return Err(duplicate(file, text, "guide[].code", &entry.code));
        }
        match &entry.violation {
            Some(v) if !violation_codes.contains(v.get_ref().as_str()) => {
                let message = format!(
                    "guide entry {code}: violation `{}` is not defined by any [[violations]] entry",
                    v.get_ref()
                );
                return Err(RulesError::new(file, message)
                    .at(text, v.span().start)
                    .field("guide[].violation"));
            }
            None if entry.verdict == Verdict::Forbidden => {
                return Err(error(
                    "violation",
                    "a forbidden act must name the violation it is",
                ));
            }
            None if blank(entry.legal_basis.as_deref()) => {
                return Err(error(
                    "legal_basis",
                    "without a violation, the entry must give its own legal basis",
                ));
            }
            _ => {}
        }
        if entry.verdict == Verdict::Conditional && entry.conditions.is_none() {
            return Err(error(
                "conditions",
                "a conditional answer must say its conditions",
            ));
        }
        if entry.phrases.iter().all(|p| p.trim().is_empty()) {
            return Err(error(
                "phrases",
                "give at least one everyday phrasing to search by",
            ));
        }
    }
    Ok(raw
        .into_iter()
        .map(|e| GuideEntry {
            code: e.code.into_inner(),
            question: e.question,
            verdict: e.verdict,
            violation: e.violation.map(Spanned::into_inner),
            answer: e.answer,
            conditions: e.conditions,
            instead: e.instead,
            legal_basis: e.legal_basis,
            phrases: e.phrases,
        })
        .collect())
}

fn blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}
