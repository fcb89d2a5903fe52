//! Loads the rules folder: `versions/*.toml` (one rule set each), `holidays/*.toml` (one year
//! each) and, when present, `elections/*.toml` (one election each). Files are read in name
//! order so that errors come out the same every time.

use std::path::Path;

use netral_domain::election::{Election, parse_election};
use netral_domain::rules::{RuleBook, RulesError, parse_holiday_year, parse_rule_set};
use netral_domain::survey::parse_survey_template;

pub fn load_rule_book(dir: &Path) -> Result<RuleBook, RulesError> {
    let versions = read_folder(&dir.join("versions"))?
        .into_iter()
        .map(|(file, text)| parse_rule_set(&file, &text).map(|set| (file, set)))
        .collect::<Result<_, _>>()?;
    let holidays = read_folder(&dir.join("holidays"))?
        .into_iter()
        .map(|(file, text)| parse_holiday_year(&file, &text).map(|year| (file, year)))
        .collect::<Result<_, _>>()?;
    let elections = read_optional_folder(&dir.join("elections"), parse_election)?;
    let surveys = read_optional_folder(&dir.join("surveys"), parse_survey_template)?;
    RuleBook::new(versions, holidays)?
        .with_elections(elections)?
        .with_surveys(surveys)
}

/// Parses every file of a folder the rules may do without.
fn read_optional_folder<T>(
    dir: &Path,
    parse: fn(&str, &str) -> Result<T, RulesError>,
) -> Result<Vec<(String, T)>, RulesError> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    read_folder(dir)?
        .into_iter()
        .map(|(file, text)| parse(&file, &text).map(|value| (file, value)))
        .collect()
}

fn read_folder(dir: &Path) -> Result<Vec<(String, String)>, RulesError> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| RulesError::new(&shown, format!("cannot read the folder: {e}")))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| RulesError::new(&shown, format!("cannot read the folder: {e}")))?
            .path();
        if path.extension().is_some_and(|ext| ext == "toml") {
            paths.push(path);
        }
    }
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let file = path.display().to_string();
            std::fs::read_to_string(&path)
                .map(|text| (file.clone(), text))
                .map_err(|e| RulesError::new(&file, format!("cannot read the file: {e}")))
        })
        .collect()
}

/// An election named on the command line or in a file that `rules/elections` does not define.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown election `{wanted}`; the known elections are: {}", known.join(", "))]
pub struct UnknownElection {
    pub wanted: String,
    /// Each known election as `code (file name)`.
    pub known: Vec<String>,
}

/// The elections of a rules folder (`elections/*.toml`), each with its file's stem: an election
/// may be named by its code (`pemilu-2024`) or by its file (`2024-pemilu`).
pub fn load_elections(dir: &Path) -> Result<Vec<(String, Election)>, RulesError> {
    let elections_dir = dir.join("elections");
    if !elections_dir.is_dir() {
        return Ok(Vec::new());
    }
    read_folder(&elections_dir)?
        .into_iter()
        .map(|(file, text)| {
            let stem = Path::new(&file)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            parse_election(&file, &text).map(|election| (stem, election))
        })
        .collect()
}

/// The election `wanted` names, by code or by file stem; refused naming the known ones.
pub fn find_election<'a>(
    elections: &'a [(String, Election)],
    wanted: &str,
) -> Result<&'a Election, UnknownElection> {
    elections
        .iter()
        .find(|(stem, election)| election.code == wanted || stem == wanted)
        .map(|(_, election)| election)
        .ok_or_else(|| UnknownElection {
            wanted: wanted.to_owned(),
            known: elections
                .iter()
                .map(|(stem, e)| format!("{} ({stem})", e.code))
                .collect(),
        })
}
