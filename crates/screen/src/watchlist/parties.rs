//! The shipped table of Indonesian parties (`data/parties.toml`): names, abbreviations and
//! ballot numbers, since posts say "Gerindra" or "PDIP" far more often than the legal name.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct PartyEntry {
    pub number: u32,
    pub name: String,
    /// Written forms that match on their own.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Everyday words that mean the party only as "partai <alias>".
    #[serde(default)]
    pub guarded: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct File {
    party: Vec<PartyEntry>,
}

/// The shipped table. It is part of the build, so a broken file is a defect: a test parses it.
pub fn shipped() -> Vec<PartyEntry> {
    let file: File = toml::from_str(include_str!("../../data/parties.toml"))
        .expect("data/parties.toml is checked by a test");
    file.party
}

/// Every written form of a party: the name, the aliases, "partai <alias>" for all of them.
pub fn party_forms(party: &PartyEntry) -> Vec<String> {
    let mut forms = vec![party.name.clone()];
    for alias in &party.aliases {
        forms.push(alias.clone());
        forms.push(format!("partai {alias}"));
    }
    for alias in &party.guarded {
        forms.push(format!("partai {alias}"));
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_parses_with_unique_numbers() {
        let parties = shipped();
        assert!(parties.len() >= 17);
        let mut numbers: Vec<u32> = parties.iter().map(|p| p.number).collect();
        numbers.sort_unstable();
        numbers.dedup();
        assert_eq!(numbers.len(), parties.len());
        assert!(
            parties
                .iter()
                .any(|p| p.aliases.iter().any(|a| a == "PDIP"))
        );
    }

    #[test]
    fn everyday_words_need_the_word_partai() {
        let buruh = shipped().into_iter().find(|p| p.number == 6).unwrap();
        let forms = party_forms(&buruh);
        assert!(forms.contains(&"partai Buruh".to_owned()));
        assert!(!forms.contains(&"Buruh".to_owned()));
    }
}
