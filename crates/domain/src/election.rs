//! Elections and their stages, as data (`rules/elections/*.toml`), so that every report can be
//! placed before, during or after the campaign: the breakdown the statistics need.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::report::ElectionKind;
use crate::rules::RulesError;
use crate::rules::parse::{TomlDate, deserialize};

/// Where an incident falls against an election's campaign period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignPhase {
    Before,
    During,
    After,
}

impl CampaignPhase {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Before => "before",
            Self::During => "during",
            Self::After => "after",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElectionStage {
    pub code: String,
    pub name: String,
    pub from: NaiveDate,
    pub until: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Election {
    pub code: String,
    pub kind: ElectionKind,
    pub name: String,
    pub campaign_from: NaiveDate,
    pub campaign_until: NaiveDate,
    /// In date order.
    pub stages: Vec<ElectionStage>,
}

impl Election {
    pub fn phase_of(&self, date: NaiveDate) -> CampaignPhase {
        if date < self.campaign_from {
            CampaignPhase::Before
        } else if date <= self.campaign_until {
            CampaignPhase::During
        } else {
            CampaignPhase::After
        }
    }

    /// The stages running on `date` (counting starts on voting day, so there may be two).
    pub fn stages_on(&self, date: NaiveDate) -> impl Iterator<Item = &ElectionStage> {
        self.stages
            .iter()
            .filter(move |s| s.from <= date && date <= s.until)
    }

    fn ends(&self) -> NaiveDate {
        self.stages
            .iter()
            .map(|s| s.until)
            .max()
            .unwrap_or(self.campaign_until)
    }
}

/// The election of `kind` an incident on `date` belongs to: the first one, in date order, that
/// has not ended by then. An incident after the last known election has none.
pub fn election_for(
    elections: &[Election],
    kind: ElectionKind,
    date: NaiveDate,
) -> Option<&Election> {
    elections
        .iter()
        .filter(|e| e.kind == kind && date <= e.ends())
        .min_by_key(|e| e.campaign_from)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawElection {
    code: String,
    kind: ElectionKind,
    name: String,
    campaign: RawPeriod,
    stages: Vec<RawStage>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeriod {
    from: TomlDate,
    until: TomlDate,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStage {
    code: String,
    name: String,
    from: TomlDate,
    until: TomlDate,
}

/// Parses one election file; `file` names it in errors.
pub fn parse_election(file: &str, text: &str) -> Result<Election, RulesError> {
    let raw: RawElection = deserialize(file, text)?;
    let (campaign_from, campaign_until) = (raw.campaign.from.0, raw.campaign.until.0);
    if campaign_until < campaign_from {
        return Err(RulesError::new(
            file,
            format!("the campaign ends ({campaign_until}) before it starts ({campaign_from})"),
        )
        .field("campaign"));
    }
    let mut stages = Vec::with_capacity(raw.stages.len());
    for (i, stage) in raw.stages.into_iter().enumerate() {
        if stage.until.0 < stage.from.0 {
            return Err(RulesError::new(
                file,
                format!("stage `{}` ends before it starts", stage.code),
            )
            .field(format!("stages[{i}].until")));
        }
        stages.push(ElectionStage {
            code: stage.code,
            name: stage.name,
            from: stage.from.0,
            until: stage.until.0,
        });
    }
    stages.sort_by_key(|s| (s.from, s.until));
    Ok(Election {
        code: raw.code,
        kind: raw.kind,
        name: raw.name,
        campaign_from,
        campaign_until,
        stages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEMILU: &str = include_str!("../../../rules/elections/2024-pemilu.toml");
    const PILKADA: &str = include_str!("../../../rules/elections/2024-pilkada.toml");

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn elections() -> Vec<Election> {
        vec![
            parse_election("pemilu.toml", PEMILU).unwrap(),
            parse_election("pilkada.toml", PILKADA).unwrap(),
        ]
    }

    #[test]
    fn incidents_fall_before_during_or_after_the_campaign() {
        let all = elections();
        let pemilu = election_for(&all, ElectionKind::Pemilu, d(2023, 10, 1)).unwrap();
        assert_eq!(pemilu.code, "pemilu-2024");
        assert_eq!(pemilu.phase_of(d(2023, 11, 27)), CampaignPhase::Before);
        assert_eq!(pemilu.phase_of(d(2023, 11, 28)), CampaignPhase::During);
        assert_eq!(pemilu.phase_of(d(2024, 2, 10)), CampaignPhase::During);
        assert_eq!(
            pemilu.phase_of(d(2024, 2, 12)),
            CampaignPhase::After,
            "the quiet period is after the campaign"
        );
        let stages: Vec<&str> = pemilu
            .stages_on(d(2024, 2, 14))
            .map(|s| s.code.as_str())
            .collect();
        assert_eq!(stages, ["voting", "counting"]);
        let pilkada = election_for(&all, ElectionKind::Pilkada, d(2024, 10, 10)).unwrap();
        assert_eq!(
            (pilkada.code.as_str(), pilkada.phase_of(d(2024, 10, 10))),
            ("pilkada-2024", CampaignPhase::During)
        );
        assert!(
            election_for(&all, ElectionKind::Pilkada, d(2025, 1, 1)).is_none(),
            "no later Pilkada is known yet"
        );
    }

    #[test]
    fn a_malformed_election_file_is_named() {
        let err = parse_election(
            "pilkada.toml",
            &PILKADA.replacen("kind = \"pilkada\"", "kind = \"pileg\"", 1),
        )
        .unwrap_err();
        assert_eq!(
            (err.field.as_deref(), err.line),
            (Some("kind"), Some(3)),
            "{err}"
        );
        let err = parse_election(
            "pilkada.toml",
            &PILKADA.replacen("until = 2024-08-29", "until = 2024-08-20", 1),
        )
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("stages[0].until"), "{err}");
    }
}
