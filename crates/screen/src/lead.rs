//! A lead: one record's findings for one violation, tied to the civil servant behind the
//! account, with what a reviewer needs to judge it and the evidence to file if accepted (text,
//! address, time, and the SHA-256 of the raw line as it was received).

use chrono::{DateTime, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::owner::{Owner, OwnerBasis};
use crate::record::Activity;
use crate::rules::{Finding, Rule};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lead {
    /// The civil servant (NIP: *Nomor Induk Pegawai*, the 18-digit staff number).
    pub nip: String,
    pub owner_basis: OwnerBasis,
    pub owner_confidence: f64,
    pub election: String,
    /// A violation code of the rule versions (`MEDSOS_KAMPANYE`…).
    pub violation: String,
    /// 0..1: how strongly the rules point at the violation (not a probability of guilt).
    pub score: f64,
    pub rules: Vec<Rule>,
    /// In Indonesian, one per finding: the words, the rule, the interaction.
    pub reasons: Vec<String>,
    pub reasons_en: Vec<String>,
    pub platform: String,
    pub handle: String,
    pub action: &'static str,
    pub text: String,
    /// The account or post acted on.
    pub target: Option<String>,
    pub url: String,
    pub time: DateTime<Utc>,
    /// The record's line in its input (1-based): where the evidence came from.
    pub line: u64,
    pub record_sha256: String,
}

/// Groups a record's findings by violation: one lead each, the best score raised a little per
/// further finding, every reason kept.
pub fn leads_for(
    activity: &Activity<'_>,
    raw_line: &str,
    line: u64,
    owner: &Owner,
    election: &str,
    findings: &[Finding],
    out: &mut Vec<Lead>,
) {
    let hash = hex::encode(Sha256::digest(raw_line.as_bytes()));
    let mut violations: Vec<&'static str> = findings.iter().map(|f| f.rule.violation()).collect();
    violations.sort_unstable();
    violations.dedup();
    for violation in violations {
        let mine: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.rule.violation() == violation)
            .collect();
        let best = mine.iter().map(|f| f.score).fold(0.0, f64::max);
        let score = (best + 0.03 * (mine.len() as f64 - 1.0)).min(0.99);
        out.push(Lead {
            nip: owner.nip.clone(),
            owner_basis: owner.basis,
            owner_confidence: owner.confidence,
            election: election.to_owned(),
            violation: violation.to_owned(),
            score: (score * 1000.0).round() / 1000.0,
            rules: mine.iter().map(|f| f.rule).collect(),
            reasons: mine.iter().map(|f| f.reason_id.clone()).collect(),
            reasons_en: mine.iter().map(|f| f.reason_en.clone()).collect(),
            platform: activity.platform.to_string(),
            handle: activity.handle.to_string(),
            action: activity.action.as_str(),
            text: activity.text.to_string(),
            target: activity
                .target_account
                .as_deref()
                .or(activity.target_post.as_deref())
                .map(str::to_owned),
            url: activity.url.to_string(),
            time: activity.time,
            line,
            record_sha256: hash.clone(),
        });
    }
}
