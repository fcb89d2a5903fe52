//! Reading rules files (TOML). Serde checks the shape, with the field path and line of any
//! mismatch; `check` then verifies what serde cannot: codes unique, references resolvable.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use super::error::RulesError;
use super::model::{
    Bilingual, LetterSettings, RuleSet, Sanction, Severity, StageClock, Track, Violation,
};
use crate::calendar::{Holiday, HolidayKind};
use crate::case::CaseState;
use crate::deadline::{Clock, DayUnit};
use crate::guide::parse::{RawGuideEntry, guide_entries};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRuleSet {
    version: String,
    effective_from: TomlDate,
    title: String,
    oversight_body: String,
    sanctions: Vec<RawSanction>,
    violations: Vec<RawViolation>,
    stages: BTreeMap<String, RawStage>,
    #[serde(default)]
    letters: RawLetters,
    /// The "may I do this?" guide; optional, since older versions are only kept for their cases.
    #[serde(default)]
    guide: Vec<RawGuideEntry>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawLetters {
    number_prefix: Option<String>,
    issuer: Option<String>,
    issuer_unit: Option<String>,
    address: Option<String>,
    place: Option<String>,
    signer_title: Option<String>,
    #[serde(default)]
    copies: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSanction {
    code: Spanned<String>,
    severity: Severity,
    title: Bilingual,
    legal_basis: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawViolation {
    code: Spanned<String>,
    track: Track,
    title: Bilingual,
    legal_basis: String,
    suggested_sanction: Spanned<String>,
    #[serde(default)]
    disputed: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStage {
    days: u32,
    unit: DayUnit,
    confirmed: bool,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHolidayYear {
    year: i32,
    source: String,
    days: Vec<RawHoliday>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoliday {
    date: Spanned<TomlDate>,
    kind: HolidayKind,
    name: String,
}

/// A TOML local date (`2024-02-14`, unquoted); times and offsets are refused.
pub(crate) struct TomlDate(pub(crate) NaiveDate);

impl<'de> Deserialize<'de> for TomlDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = toml::value::Datetime::deserialize(deserializer)?;
        match (value.date, value.time, value.offset) {
            (Some(d), None, None) => {
                NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
                    .map(TomlDate)
                    .ok_or_else(|| D::Error::custom(format!("{value} is not a real date")))
            }
            _ => Err(D::Error::custom(format!(
                "expected a date like 2024-02-14, got {value}"
            ))),
        }
    }
}

/// A parsed holiday file: the year it covers, and its days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayYear {
    pub year: i32,
    pub source: String,
    pub days: Vec<Holiday>,
}

/// Parses one rule-set file. `file` names it in errors.
pub fn parse_rule_set(file: &str, text: &str) -> Result<RuleSet, RulesError> {
    let raw: RawRuleSet = deserialize(file, text)?;
    let mut codes = HashSet::new();
    for s in &raw.sanctions {
        if !codes.insert(s.code.get_ref().as_str()) {
            return Err(duplicate(file, text, "sanctions[].code", &s.code));
        }
    }
    let sanction_codes = codes;
    let mut codes = HashSet::new();
    for v in &raw.violations {
        if !codes.insert(v.code.get_ref().as_str()) {
            return Err(duplicate(file, text, "violations[].code", &v.code));
        }
        if !sanction_codes.contains(v.suggested_sanction.get_ref().as_str()) {
            return Err(RulesError::new(
                file,
                format!(
                    "violation {} suggests sanction `{}`, which no [[sanctions]] entry defines",
                    v.code.get_ref(),
                    v.suggested_sanction.get_ref()
                ),
            )
            .at(text, v.suggested_sanction.span().start)
            .field("violations[].suggested_sanction"));
        }
    }
    if raw.violations.is_empty() {
        return Err(
            RulesError::new(file, "a rule set needs at least one [[violations]] entry")
                .field("violations"),
        );
    }
    let mut stages = BTreeMap::new();
    for (name, s) in raw.stages {
        let field = format!("stages.{name}");
        // Keys stay strings so that serde errors inside a stage can name it; the table header
        // is where an administrator looks for a wrong key.
        let header = text.find(&format!("[{field}]")).unwrap_or(0);
        let state: CaseState = name.parse().map_err(|e: crate::case::UnknownState| {
            RulesError::new(file, e.to_string())
                .at(text, header)
                .field(&field)
        })?;
        if state.is_final() {
            return Err(RulesError::new(
                file,
                format!("`{state}` is a final state; it cannot have a deadline"),
            )
            .at(text, header)
            .field(field));
        }
        stages.insert(
            state,
            StageClock {
                clock: Clock {
                    days: s.days,
                    unit: s.unit,
                },
                confirmed: s.confirmed,
                source: s.source,
            },
        );
    }
    let guide = {
        let violation_codes = raw
            .violations
            .iter()
            .map(|v| v.code.get_ref().as_str())
            .collect();
        guide_entries(file, text, raw.guide, &violation_codes)?
    };
    let letters = letter_settings(file, raw.letters, &raw.oversight_body)?;
    Ok(RuleSet {
        letters,
        version: raw.version,
        effective_from: raw.effective_from.0,
        title: raw.title,
        oversight_body: raw.oversight_body,
        sanctions: raw
            .sanctions
            .into_iter()
            .map(|s| Sanction {
                code: s.code.into_inner(),
                severity: s.severity,
                title: s.title,
                legal_basis: s.legal_basis,
            })
            .collect(),
        violations: raw
            .violations
            .into_iter()
            .map(|v| Violation {
                code: v.code.into_inner(),
                track: v.track,
                title: v.title,
                legal_basis: v.legal_basis,
                suggested_sanction: v.suggested_sanction.into_inner(),
                disputed: v.disputed,
            })
            .collect(),
        stages,
        guide,
    })
}

/// The `[letters]` table with its defaults: the body's name stands in for the prefix, the
/// letterhead and the signer's office; letters are signed in Jakarta unless told otherwise.
fn letter_settings(
    file: &str,
    raw: RawLetters,
    oversight_body: &str,
) -> Result<LetterSettings, RulesError> {
    let or_body = |value: Option<String>| value.unwrap_or_else(|| oversight_body.to_owned());
    let settings = LetterSettings {
        number_prefix: or_body(raw.number_prefix),
        issuer: or_body(raw.issuer),
        issuer_unit: raw.issuer_unit.unwrap_or_default(),
        address: raw.address.unwrap_or_default(),
        place: raw.place.unwrap_or_else(|| "Jakarta".to_owned()),
        signer_title: or_body(raw.signer_title),
        copies: raw.copies,
    };
    // The prefix sits between slashes in every number; a slash or space in it would make
    // numbers that no longer read back as serial/kind/prefix/month/year.
    let prefix = &settings.number_prefix;
    if prefix.is_empty() || prefix.chars().any(|c| c == '/' || c.is_whitespace()) {
        return Err(RulesError::new(
            file,
            format!("letter number prefix `{prefix}` must be non-empty, without `/` or spaces"),
        )
        .field("letters.number_prefix"));
    }
    Ok(settings)
}

/// Parses one holiday file (one year).
pub fn parse_holiday_year(file: &str, text: &str) -> Result<HolidayYear, RulesError> {
    let raw: RawHolidayYear = deserialize(file, text)?;
    let mut seen = HashSet::new();
    let mut days = Vec::with_capacity(raw.days.len());
    for day in raw.days {
        let date = day.date.get_ref().0;
        if chrono::Datelike::year(&date) != raw.year {
            return Err(
                RulesError::new(file, format!("{date} is not in {}", raw.year))
                    .at(text, day.date.span().start)
                    .field("days[].date"),
            );
        }
        if !seen.insert(date) {
            return Err(RulesError::new(file, format!("{date} is listed twice"))
                .at(text, day.date.span().start)
                .field("days[].date"));
        }
        days.push(Holiday {
            date,
            kind: day.kind,
            name: day.name,
        });
    }
    Ok(HolidayYear {
        year: raw.year,
        source: raw.source,
        days,
    })
}

pub(crate) fn deserialize<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, RulesError> {
    let document = toml::Deserializer::parse(text).map_err(|e| from_toml(file, text, &e, None))?;
    serde_path_to_error::deserialize(document).map_err(|e| {
        let path = e.path().to_string();
        from_toml(file, text, e.inner(), (path != ".").then_some(path))
    })
}

fn from_toml(file: &str, text: &str, error: &toml::de::Error, field: Option<String>) -> RulesError {
    let mut out = RulesError::new(file, error.message().trim());
    if let Some(span) = error.span() {
        out = out.at(text, span.start);
    }
    if let Some(field) = field {
        out = out.field(field);
    }
    out
}

pub(crate) fn duplicate(file: &str, text: &str, field: &str, code: &Spanned<String>) -> RulesError {
    RulesError::new(file, format!("code `{}` is defined twice", code.get_ref()))
        .at(text, code.span().start)
        .field(field)
}
