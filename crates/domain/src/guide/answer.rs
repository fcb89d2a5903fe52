//! An entry resolved against its rule set: the violation, sanction and legal basis the guide
//! shows come from the rules, so a regulation change changes the answer.

use serde::Serialize;

use super::entry::{GuideEntry, Verdict};
use crate::rules::{RuleSet, Sanction, Violation};

/// What the guide answers for one entry under one rule set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer<'a> {
    pub entry: &'a GuideEntry,
    pub verdict: Verdict,
    /// The violation the act is (forbidden) or becomes when the conditions are broken.
    pub violation: Option<&'a Violation>,
    /// The violation's suggested sanction: what the act can bring.
    pub sanction: Option<&'a Sanction>,
    /// The violation's legal basis, then the entry's own if any, joined with "; ".
    pub legal_basis: String,
}

impl RuleSet {
    /// The guide's answer for the entry `code`, or `None` when this rule set has no such entry.
    pub fn guide_answer(&self, code: &str) -> Option<Answer<'_>> {
        self.guide
            .iter()
            .find(|e| e.code == code)
            .map(|entry| self.answer_for(entry))
    }

    pub(crate) fn answer_for<'a>(&'a self, entry: &'a GuideEntry) -> Answer<'a> {
        let violation = entry.violation.as_deref().and_then(|c| self.violation(c));
        let sanction = violation.and_then(|v| self.sanction(&v.suggested_sanction));
        let legal_basis = violation
            .map(|v| v.legal_basis.as_str())
            .into_iter()
            .chain(entry.legal_basis.as_deref())
            .filter(|basis| !basis.trim().is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        Answer {
            entry,
            verdict: entry.verdict,
            violation,
            sanction,
            legal_basis,
        }
    }
}
