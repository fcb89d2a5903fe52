//! Who is behind an account. A declared account (the civil servant listed it as theirs) is
//! certain; otherwise the display name may match exactly one roster name, which makes a
//! *proposed* owner with a confidence below one, higher when the bio says the person works for
//! the state. Activity that maps to nobody is dropped by the engine and never written.

use std::collections::HashMap;
use std::str::FromStr;

use netral_domain::ids::PersonName;
use netral_domain::registry::{Platform, normalise_handle};
use serde::Serialize;

use crate::record::Activity;

/// How an owner was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum OwnerBasis {
    /// The civil servant declared the account.
    Declared,
    /// The display name matches one roster name: a proposal for a person to confirm.
    #[serde(rename = "name")]
    NameMatch,
}

impl OwnerBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            OwnerBasis::Declared => "declared",
            OwnerBasis::NameMatch => "name",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Owner {
    pub nip: String,
    pub basis: OwnerBasis,
    /// 1 for a declared account, below 1 for a name proposal.
    pub confidence: f64,
}

/// Confidence of a unique exact name match, without and with a civil-service bio.
pub const NAME_CONFIDENCE: f64 = 0.6;
pub const NAME_WITH_BIO_CONFIDENCE: f64 = 0.85;

/// Words in a bio that say the person works for the state (ASN: *Aparatur Sipil Negara*, civil
/// servant; PNS/PPPK: its career and contract kinds; Pemkab/Pemkot/Pemprov: regency, city and
/// province governments).
const CIVIL_SERVICE_WORDS: &[&str] = &[
    "asn",
    "pns",
    "pppk",
    "guru",
    "dinas",
    "pemkab",
    "pemkot",
    "pemprov",
    "bkd",
    "bkpsdm",
    "camat",
    "lurah",
    "kecamatan",
    "kelurahan",
    "puskesmas",
    "setda",
    "abdi",
    "aparatur",
    "abdinegara",
];

#[derive(Debug, Clone)]
enum NameOwner {
    One(String),
    Many,
}

/// Declared accounts and roster names, looked up per record.
#[derive(Debug, Default, Clone)]
pub struct AccountBook {
    declared: HashMap<(Platform, String), String>,
    names: HashMap<String, NameOwner>,
}

impl AccountBook {
    /// Adds a declared account; refused when platform or handle cannot be read.
    pub fn add_declared(&mut self, platform: &str, handle: &str, nip: &str) -> Result<(), String> {
        let platform =
            Platform::parse(platform).ok_or_else(|| format!("unknown platform {platform:?}"))?;
        let key = normalise_handle(platform, handle)?;
        self.declared.insert((platform, key), nip.to_owned());
        Ok(())
    }

    /// Adds a roster person for name proposals. Two people with the same name make the name
    /// useless: it then proposes nobody.
    pub fn add_roster(&mut self, nip: &str, name: &str) {
        let Some(key) = name_key(name) else { return };
        self.names
            .entry(key)
            .and_modify(|owner| *owner = NameOwner::Many)
            .or_insert_with(|| NameOwner::One(nip.to_owned()));
    }

    pub fn declared_count(&self) -> usize {
        self.declared.len()
    }

    pub fn roster_names(&self) -> usize {
        self.names.len()
    }

    /// The owner of the account behind `activity`, if any.
    pub fn owner_of(&self, activity: &Activity<'_>) -> Option<Owner> {
        let platform = Platform::parse(&activity.platform);
        if let Some(platform) = platform {
            for handle in [activity.handle.as_ref(), activity.account_id.as_ref()] {
                if let Ok(key) = normalise_handle(platform, handle)
                    && let Some(nip) = self.declared.get(&(platform, key))
                {
                    return Some(Owner {
                        nip: nip.clone(),
                        basis: OwnerBasis::Declared,
                        confidence: 1.0,
                    });
                }
            }
        }
        let key = name_key(&activity.display_name)?;
        match self.names.get(&key)? {
            NameOwner::Many => None,
            NameOwner::One(nip) => Some(Owner {
                nip: nip.clone(),
                basis: OwnerBasis::NameMatch,
                confidence: if bio_says_civil_servant(&activity.bio) {
                    NAME_WITH_BIO_CONFIDENCE
                } else {
                    NAME_CONFIDENCE
                },
            }),
        }
    }
}

/// A person's name as compared: titles dropped, then the shared normalisation's words (lower
/// case, accents and punctuation gone), single spaces. `None` for a name of one short word,
/// which says too little to propose anyone.
pub fn name_key(name: &str) -> Option<String> {
    let given = PersonName::from_str(name).ok()?;
    let words = netral_domain::text::normalise::words(given.given_name());
    if words.len() < 2 {
        return None;
    }
    Some(words.join(" "))
}

fn bio_says_civil_servant(bio: &str) -> bool {
    if bio.is_empty() {
        return false;
    }
    netral_domain::text::normalise::words(bio)
        .iter()
        .any(|w| CIVIL_SERVICE_WORDS.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::parse_line;

    fn activity(handle: &str, display: &str, bio: &str) -> String {
        format!(
            r#"{{"platform":"instagram","account_id":"1","handle":"{handle}","display_name":"{display}","bio":"{bio}","action":"post","text":"x","time":"2024-10-01T08:00:00+07:00"}}"#
        )
    }

    fn book() -> AccountBook {
        let mut book = AccountBook::default();
        book.add_declared("ig", "@Budi.S", "199001012015011001")
            .unwrap();
        book.add_roster("198501012010012002", "Dra. Siti Aminah, M.Pd.");
        book.add_roster("197001012000011003", "Budi Santoso");
        book.add_roster("197101012000011004", "Agus Salim");
        book.add_roster("197201012000011005", "AGUS SALIM");
        book
    }

    #[test]
    fn a_declared_account_is_certain_and_beats_a_name() {
        let line = activity("budi.s", "Budi Santoso", "");
        let owner = book().owner_of(&parse_line(1, &line).unwrap()).unwrap();
        assert_eq!(owner.basis, OwnerBasis::Declared);
        assert_eq!(owner.nip, "199001012015011001");
        assert_eq!(owner.confidence, 1.0);
    }

    #[test]
    fn a_unique_name_proposes_an_owner_boosted_by_the_bio() {
        let line = activity("sitiaminah88", "Siti Aminah", "");
        let owner = book().owner_of(&parse_line(1, &line).unwrap()).unwrap();
        assert_eq!(owner.basis, OwnerBasis::NameMatch);
        assert_eq!(owner.confidence, NAME_CONFIDENCE);
        let line = activity("sitiaminah88", "siti aminah", "Guru SDN 1 Karawang");
        let owner = book().owner_of(&parse_line(1, &line).unwrap()).unwrap();
        assert_eq!(owner.confidence, NAME_WITH_BIO_CONFIDENCE);
    }

    #[test]
    fn an_ambiguous_or_unknown_name_proposes_nobody() {
        let line = activity("agus", "Agus Salim", "ASN");
        assert_eq!(book().owner_of(&parse_line(1, &line).unwrap()), None);
        let line = activity("rina", "Rina Wati", "ASN");
        assert_eq!(book().owner_of(&parse_line(1, &line).unwrap()), None);
    }
}
