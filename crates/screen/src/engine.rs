//! The screening of one record after another: parse, check the period, normalise, match,
//! apply the rules, and only then look for the owner — every record is screened, and what maps
//! to nobody is dropped after screening. Single-threaded by design: callers run one
//! [`Screener`] per core over separate inputs if they need more.

use std::collections::BTreeMap;

use crate::lead::{Lead, leads_for};
use crate::normalise::{Normalised, Normaliser};
use crate::owner::AccountBook;
use crate::period::Period;
use crate::record::{Activity, LineError, parse_line};
use crate::rules::{Finding, Rule, RuleConfig, apply_all};
use crate::watchlist::{Hit, Watchlist};

/// Everything one election's screening needs, built once.
#[derive(Debug)]
pub struct Screener {
    pub watchlist: Watchlist,
    pub book: AccountBook,
    /// `None`: every time is screened.
    pub period: Option<Period>,
    pub config: RuleConfig,
    normaliser: Normaliser,
}

/// Buffers reused from record to record.
#[derive(Debug, Default)]
pub struct Scratch {
    normalised: Normalised,
    hits: Vec<Hit>,
    findings: Vec<Finding>,
}

/// What became of one line.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Malformed(LineError),
    OutsidePeriod,
    /// Screened; nothing found.
    Clean,
    /// Findings, but the account maps to no civil servant: dropped.
    Unowned,
    /// This many leads were added.
    Leads(usize),
}

impl Screener {
    pub fn new(watchlist: Watchlist, book: AccountBook, period: Option<Period>) -> Screener {
        Screener {
            watchlist,
            book,
            period,
            config: RuleConfig::default(),
            normaliser: Normaliser::new(),
        }
    }

    /// Screens one raw line (`line` is its 1-based number), adding its leads to `out`.
    pub fn screen_line(
        &self,
        line: u64,
        raw: &str,
        scratch: &mut Scratch,
        out: &mut Vec<Lead>,
    ) -> Outcome {
        match parse_line(line, raw) {
            Ok(activity) => self.screen(&activity, raw, line, scratch, out),
            Err(e) => Outcome::Malformed(e),
        }
    }

    /// Screens one parsed record.
    pub fn screen(
        &self,
        activity: &Activity<'_>,
        raw: &str,
        line: u64,
        scratch: &mut Scratch,
        out: &mut Vec<Lead>,
    ) -> Outcome {
        if let Some(period) = &self.period
            && !period.contains(activity.time)
        {
            return Outcome::OutsidePeriod;
        }
        self.normaliser
            .normalise_into(&activity.text, &mut scratch.normalised);
        self.watchlist.find(&scratch.normalised, &mut scratch.hits);
        apply_all(
            activity,
            &scratch.hits,
            &self.watchlist,
            &self.config,
            &mut scratch.findings,
        );
        if scratch.findings.is_empty() {
            return Outcome::Clean;
        }
        let Some(owner) = self.book.owner_of(activity) else {
            return Outcome::Unowned;
        };
        let before = out.len();
        leads_for(
            activity,
            raw,
            line,
            &owner,
            &self.watchlist.election,
            &scratch.findings,
            out,
        );
        Outcome::Leads(out.len() - before)
    }
}

/// Counts for the end-of-run summary.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    pub records: u64,
    pub malformed: u64,
    /// The first few bad lines, for the operator.
    pub first_errors: Vec<LineError>,
    pub outside_period: u64,
    /// Records with at least one finding, owned or not.
    pub matched: u64,
    /// Of those, records mapping to nobody (dropped).
    pub unowned: u64,
    pub leads: u64,
    pub per_violation: BTreeMap<String, u64>,
    pub per_rule: BTreeMap<&'static str, u64>,
}

impl Summary {
    pub const ERRORS_KEPT: usize = 5;

    /// Counts one outcome; `new_leads` are the leads it added.
    pub fn count(&mut self, outcome: &Outcome, new_leads: &[Lead]) {
        self.records += 1;
        match outcome {
            Outcome::Malformed(e) => {
                self.malformed += 1;
                if self.first_errors.len() < Self::ERRORS_KEPT {
                    self.first_errors.push(e.clone());
                }
            }
            Outcome::OutsidePeriod => self.outside_period += 1,
            Outcome::Clean => {}
            Outcome::Unowned => {
                self.matched += 1;
                self.unowned += 1;
            }
            Outcome::Leads(_) => {
                self.matched += 1;
                for lead in new_leads {
                    self.leads += 1;
                    *self
                        .per_violation
                        .entry(lead.violation.clone())
                        .or_default() += 1;
                    for rule in &lead.rules {
                        *self.per_rule.entry(Rule::as_str(*rule)).or_default() += 1;
                    }
                }
            }
        }
    }
}
