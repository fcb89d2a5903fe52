//! All rule versions and the holiday calendar, as loaded at start. A case is judged by the
//! version in force on its incident date, and keeps that version's name for its whole life.

use chrono::NaiveDate;

use super::error::RulesError;
use super::model::RuleSet;
use super::parse::HolidayYear;
use crate::calendar::Calendar;
use crate::election::Election;
use crate::survey::SurveyTemplate;

#[derive(Debug, Clone)]
pub struct RuleBook {
    /// Sorted by `effective_from`, no two on the same day.
    versions: Vec<RuleSet>,
    calendar: Calendar,
    elections: Vec<Election>,
    /// Evaluation-survey templates for socialization meetings, by code.
    surveys: Vec<SurveyTemplate>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no rule version is in force on {0}; the earliest rules take effect on {1}")]
pub struct NoRulesInForce(pub NaiveDate, pub NaiveDate);

impl RuleBook {
    /// `versions` and `holidays` pair each parsed value with the file it came from, for errors.
    pub fn new(
        versions: Vec<(String, RuleSet)>,
        holidays: Vec<(String, HolidayYear)>,
    ) -> Result<Self, RulesError> {
        if versions.is_empty() {
            return Err(RulesError::new(
                "(rules folder)",
                "no rule version found: at least one versions/*.toml is needed",
            ));
        }
        let mut sorted: Vec<(String, RuleSet)> = versions;
        sorted.sort_by_key(|(_, set)| set.effective_from);
        for pair in sorted.windows(2) {
            let ((_, a), (file, b)) = (&pair[0], &pair[1]);
            if a.effective_from == b.effective_from {
                return Err(RulesError::new(
                    file,
                    format!(
                        "takes effect on {}, the same day as version {}",
                        b.effective_from, a.version
                    ),
                )
                .field("effective_from"));
            }
        }
        for (i, (file, set)) in sorted.iter().enumerate() {
            if sorted[..i]
                .iter()
                .any(|(_, other)| other.version == set.version)
            {
                return Err(RulesError::new(
                    file,
                    format!("version name `{}` is used twice", set.version),
                )
                .field("version"));
            }
        }
        let mut calendar = Calendar::new();
        for (file, year) in holidays {
            if calendar.knows_year(year.year) {
                return Err(RulesError::new(
                    &file,
                    format!("holidays for {} are given twice", year.year),
                )
                .field("year"));
            }
            calendar.add_year(year.year, year.days).map_err(|date| {
                RulesError::new(&file, format!("{date} is outside {}", year.year))
            })?;
        }
        Ok(Self {
            versions: sorted.into_iter().map(|(_, set)| set).collect(),
            calendar,
            elections: Vec::new(),
            surveys: Vec::new(),
        })
    }

    /// The version in force on `date`: the latest one that took effect on or before it.
    pub fn in_force_on(&self, date: NaiveDate) -> Result<&RuleSet, NoRulesInForce> {
        self.versions
            .iter()
            .rev()
            .find(|set| set.effective_from <= date)
            .ok_or(NoRulesInForce(date, self.versions[0].effective_from))
    }

    pub fn version(&self, name: &str) -> Option<&RuleSet> {
        self.versions.iter().find(|set| set.version == name)
    }

    pub fn versions(&self) -> &[RuleSet] {
        &self.versions
    }

    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// Adds the known elections; each file names one, and codes must be unique.
    pub fn with_elections(
        mut self,
        elections: Vec<(String, Election)>,
    ) -> Result<Self, RulesError> {
        for (file, election) in elections {
            if self
                .elections
                .iter()
                .any(|known| known.code == election.code)
            {
                return Err(RulesError::new(
                    &file,
                    format!("election code `{}` is used twice", election.code),
                )
                .field("code"));
            }
            self.elections.push(election);
        }
        self.elections.sort_by_key(|e| e.campaign_from);
        Ok(self)
    }

    pub fn elections(&self) -> &[Election] {
        &self.elections
    }

    /// Adds the survey templates; each file names one, and codes must be unique.
    pub fn with_surveys(
        mut self,
        surveys: Vec<(String, SurveyTemplate)>,
    ) -> Result<Self, RulesError> {
        for (file, survey) in surveys {
            if self.survey(&survey.code).is_some() {
                return Err(RulesError::new(
                    &file,
                    format!("survey code `{}` is used twice", survey.code),
                )
                .field("code"));
            }
            self.surveys.push(survey);
        }
        self.surveys.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(self)
    }

    pub fn surveys(&self) -> &[SurveyTemplate] {
        &self.surveys
    }

    pub fn survey(&self, code: &str) -> Option<&SurveyTemplate> {
        self.surveys.iter().find(|s| s.code == code)
    }
}
