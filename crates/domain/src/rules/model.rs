//! The rules in force for one period: what is forbidden, what it costs, how long each stage may
//! take. Built only through `parse`, which checks that the pieces refer to each other correctly.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::case::CaseState;
use crate::deadline::Clock;
use crate::guide::GuideEntry;

/// Text the rules give in both languages (legal names change with regulations, so they live in
/// the rules data, not in the translation files).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    pub id: String,
    pub en: String,
}

/// The two tracks of the SKB 2022 joint decree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    /// Code of ethics and conduct; leads to a moral sanction (PP 42/2004).
    Ethics,
    /// Discipline (PP 94/2021); leads to medium or heavy discipline, or dismissal.
    Discipline,
}

/// Ordered from mildest to gravest, so the gravest of several can be picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Moral,
    Medium,
    Heavy,
    Dismissal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sanction {
    pub code: String,
    pub severity: Severity,
    pub title: Bilingual,
    pub legal_basis: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    pub code: String,
    pub track: Track,
    pub title: Bilingual,
    pub legal_basis: String,
    /// Code of the sanction the rules suggest; always one of the rule set's sanctions.
    pub suggested_sanction: String,
    /// Sources disagree on the severity; the suggestion is a default to be weighed.
    pub disputed: bool,
}

/// How long a case may stay in a state, and how sure the sources are of that figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageClock {
    pub clock: Clock,
    /// False where sources disagree (the PPK's deadline: 3, 14 or 30 days).
    pub confirmed: bool,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleSet {
    pub version: String,
    pub effective_from: NaiveDate,
    pub title: String,
    /// The body that receives complaints and signs recommendations in this period.
    pub oversight_body: String,
    pub sanctions: Vec<Sanction>,
    pub violations: Vec<Violation>,
    pub stages: BTreeMap<CaseState, StageClock>,
    /// How the body's letters to PPKs look and are numbered.
    pub letters: LetterSettings,
    /// The public "may I do this?" guide as this version answers it (`[[guide]]`); empty for
    /// versions without one. Only the version in force today is asked.
    pub guide: Vec<GuideEntry>,
}

/// The issuing body as its letters show it: the letterhead (*kop surat*), the prefix of its
/// letter numbers, who signs, and who receives copies (*tembusan*). A rule set's `[letters]`
/// table; each key missing there falls back to the `oversight_body`'s name (see
/// `rules/README.md`). Letters use the settings of the rule set in force on the day they are
/// issued, since the body that exists that day signs them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LetterSettings {
    /// The middle part of letter numbers, e.g. `BKN` in `0042/REK/BKN/XI/2026`.
    pub number_prefix: String,
    /// The body's name in the letterhead, e.g. `BADAN KEPEGAWAIAN NEGARA`.
    pub issuer: String,
    /// The unit under it, e.g. `DEPUTI BIDANG PENGAWASAN DAN PENGENDALIAN`; may be empty.
    pub issuer_unit: String,
    /// The letterhead's address line; may be empty.
    pub address: String,
    /// Where letters are signed, shown before the date (`Jakarta, 3 November 2026`).
    pub place: String,
    /// The signer's office, above the signature (the name is the issuing account's).
    pub signer_title: String,
    /// Offices that receive a copy.
    pub copies: Vec<String>,
}

impl RuleSet {
    pub fn violation(&self, code: &str) -> Option<&Violation> {
        self.violations.iter().find(|v| v.code == code)
    }

    pub fn sanction(&self, code: &str) -> Option<&Sanction> {
        self.sanctions.iter().find(|s| s.code == code)
    }

    pub fn clock(&self, state: CaseState) -> Option<&StageClock> {
        self.stages.get(&state)
    }

    /// The sanction the rules suggest for a set of proven violations: the gravest of their
    /// suggestions (one decree answers all of them). `None` for unknown codes or an empty set.
    pub fn suggested_sanction<'a>(
        &self,
        violation_codes: impl IntoIterator<Item = &'a str>,
    ) -> Option<&Sanction> {
        violation_codes
            .into_iter()
            .map(|code| {
                self.violation(code)
                    .and_then(|v| self.sanction(&v.suggested_sanction))
            })
            .collect::<Option<Vec<_>>>()?
            .into_iter()
            .max_by_key(|s| s.severity)
    }
}
