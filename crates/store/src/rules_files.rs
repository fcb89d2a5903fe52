//! Loads the rules folder: `versions/*.toml` (one rule set each), `holidays/*.toml` (one year
//! each) and, when present, `elections/*.toml` (one election each). Files are read in name
//! order so that errors come out the same every time.

use std::path::Path;

use netral_domain::election::parse_election;
use netral_domain::rules::{RuleBook, RulesError, parse_holiday_year, parse_rule_set};

pub fn load_rule_book(dir: &Path) -> Result<RuleBook, RulesError> {
    let versions = read_folder(&dir.join("versions"))?
        .into_iter()
        .map(|(file, text)| parse_rule_set(&file, &text).map(|set| (file, set)))
        .collect::<Result<_, _>>()?;
    let holidays = read_folder(&dir.join("holidays"))?
        .into_iter()
        .map(|(file, text)| parse_holiday_year(&file, &text).map(|year| (file, year)))
        .collect::<Result<_, _>>()?;
    let elections_dir = dir.join("elections");
    let elections = if elections_dir.is_dir() {
        read_folder(&elections_dir)?
            .into_iter()
            .map(|(file, text)| parse_election(&file, &text).map(|election| (file, election)))
            .collect::<Result<_, _>>()?
    } else {
        Vec::new()
    };
    RuleBook::new(versions, holidays)?.with_elections(elections)
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
