//! The watchlist of one election: every phrase worth noticing (candidates, nicknames, parties,
//! ballot numbers, slogans, hashtags, calls to vote, hand signs) in one Aho-Corasick automaton
//! over normalised text, plus the campaign accounts. Built from the candidate list, the shipped
//! party table and the election's editable extras file.

pub mod builtin;
pub mod extras;
pub mod kinds;
pub mod names;
pub mod parties;

use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

use aho_corasick::{AhoCorasick, Input, MatchKind, StartKind};
use netral_domain::registry::{Platform, normalise_handle};

pub use extras::{CampaignAccount, Extras, ExtrasError, Nickname};
pub use kinds::{Kind, Kinds};

use crate::normalise::{Normalised, Normaliser};

/// One candidate of the list, as much as screening needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateEntry {
    /// As written, titles included.
    pub name: String,
    /// On the party's list, or the pair's number.
    pub number: u32,
    pub party_name: Option<String>,
    pub party_number: Option<u32>,
    /// `dpr`, `kepala_daerah`… as stored.
    pub level: String,
    pub dapil: String,
}

/// A watched phrase.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Normalised words, single spaces.
    pub phrase: String,
    pub kinds: Kinds,
    /// As first written (a candidate's name, "Gerindra"), for explanations.
    pub label: String,
}

/// One occurrence of a pattern in a normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub pattern: u32,
    /// First and last word index covered.
    pub first_word: u32,
    pub last_word: u32,
}

impl Hit {
    /// Words strictly between two hits (0 when adjacent or overlapping).
    pub fn gap(&self, other: &Hit) -> u32 {
        if self.last_word < other.first_word {
            other.first_word - self.last_word - 1
        } else if other.last_word < self.first_word {
            self.first_word - other.last_word - 1
        } else {
            0
        }
    }
}

/// The campaign accounts of an election, by platform and normalised handle.
#[derive(Debug, Default, Clone)]
pub struct CampaignAccounts {
    accounts: HashMap<(Platform, String), String>,
}

impl CampaignAccounts {
    /// The label of the campaign account `handle` names on `platform`, if it is one.
    pub fn find(&self, platform: Platform, handle: &str) -> Option<&str> {
        let key = normalise_handle(platform, handle).ok()?;
        self.accounts.get(&(platform, key)).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.accounts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.accounts.is_empty()
    }
}

/// The whole watchlist, ready to match.
#[derive(Debug, Clone)]
pub struct Watchlist {
    pub election: String,
    patterns: Vec<Pattern>,
    automaton: AhoCorasick,
    pub accounts: CampaignAccounts,
}

#[derive(Debug, thiserror::Error)]
pub enum WatchlistError {
    #[error("campaign account {handle:?} on {platform:?}: {message}")]
    Account {
        platform: String,
        handle: String,
        message: String,
    },
    #[error("the watchlist file is for election {file}, not {wanted}")]
    WrongElection { file: String, wanted: String },
    #[error("cannot build the automaton: {0}")]
    Automaton(String),
}

/// Collects phrases, merging the kinds of a phrase given twice.
#[derive(Debug)]
pub struct WatchlistBuilder {
    election: String,
    normaliser: Normaliser,
    index: HashMap<String, usize>,
    patterns: Vec<Pattern>,
    accounts: CampaignAccounts,
    numbers: HashSet<u32>,
}

impl WatchlistBuilder {
    /// A builder holding the built-in phrases and the shipped party table.
    pub fn new(election: &str) -> WatchlistBuilder {
        let mut builder = WatchlistBuilder {
            election: election.to_owned(),
            normaliser: Normaliser::new(),
            index: HashMap::new(),
            patterns: Vec::new(),
            accounts: CampaignAccounts::default(),
            numbers: HashSet::new(),
        };
        for call in builtin::CAMPAIGN_CALLS {
            builder.add(Kind::CampaignCall, call, call);
        }
        for phrase in builtin::NEUTRAL {
            builder.add(Kind::Neutral, phrase, phrase);
        }
        for sign in builtin::hand_signs() {
            builder.add(Kind::HandSign, &sign, &sign);
        }
        for party in parties::shipped() {
            for form in parties::party_forms(&party) {
                builder.add(Kind::Party, &form, &party.name);
            }
            builder.numbers.insert(party.number);
        }
        builder
    }

    /// Adds one phrase of `kind`; `label` is what explanations show.
    pub fn add(&mut self, kind: Kind, written: &str, label: &str) {
        let phrase = self.normaliser.phrase(written);
        if phrase.is_empty() {
            return;
        }
        match self.index.get(&phrase) {
            Some(&i) => self.patterns[i].kinds = self.patterns[i].kinds.with(kind),
            None => {
                self.index.insert(phrase.clone(), self.patterns.len());
                self.patterns.push(Pattern {
                    phrase,
                    kinds: Kinds(kind.bit()),
                    label: label.to_owned(),
                });
            }
        }
    }

    /// A candidate: name forms, party forms and ballot numbers.
    pub fn add_candidate(&mut self, candidate: &CandidateEntry) {
        for form in names::name_forms(&candidate.name) {
            self.add(Kind::CandidateName, &form, &form);
        }
        if let Some(party) = &candidate.party_name {
            self.add(Kind::Party, party, party);
        }
        self.numbers.insert(candidate.number);
        if let Some(n) = candidate.party_number {
            self.numbers.insert(n);
        }
    }

    /// The election's extras file.
    pub fn add_extras(&mut self, extras: &Extras) -> Result<(), WatchlistError> {
        if let Some(file) = &extras.election
            && file != &self.election
        {
            return Err(WatchlistError::WrongElection {
                file: file.clone(),
                wanted: self.election.clone(),
            });
        }
        for nickname in &extras.nicknames {
            let label = match nickname.number {
                Some(n) => format!("{} (nomor {n})", nickname.name),
                None => nickname.name.clone(),
            };
            self.add(Kind::Nickname, &nickname.name, &label);
            if let Some(n) = nickname.number {
                self.numbers.insert(n);
            }
        }
        for slogan in &extras.slogans {
            self.add(Kind::Slogan, slogan, slogan);
        }
        for tag in &extras.hashtags {
            let tag = format!("#{}", tag.trim_start_matches('#'));
            self.add(Kind::Hashtag, &tag, &tag);
        }
        for call in &extras.campaign_calls {
            self.add(Kind::CampaignCall, call, call);
        }
        for account in &extras.accounts {
            self.add_account(account)?;
        }
        Ok(())
    }

    pub fn add_account(&mut self, account: &CampaignAccount) -> Result<(), WatchlistError> {
        let fail = |message: String| WatchlistError::Account {
            platform: account.platform.clone(),
            handle: account.handle.clone(),
            message,
        };
        let platform = Platform::parse(&account.platform)
            .ok_or_else(|| fail("unknown platform".to_owned()))?;
        let key = normalise_handle(platform, &account.handle).map_err(fail)?;
        let label = match &account.owner {
            Some(owner) => format!("@{key} ({owner})"),
            None => format!("@{key}"),
        };
        self.accounts.accounts.insert((platform, key), label);
        Ok(())
    }

    pub fn build(mut self) -> Result<Watchlist, WatchlistError> {
        let mut numbers: Vec<u32> = self.numbers.iter().copied().collect();
        numbers.sort_unstable();
        for n in numbers {
            for phrase in builtin::number_phrases(n) {
                let label = format!("nomor {n}");
                self.add(Kind::Number, &phrase, &label);
            }
        }
        let needles = self.patterns.iter().map(|p| format!(" {}", p.phrase));
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(needles)
            .map_err(|e| WatchlistError::Automaton(e.to_string()))?;
        Ok(Watchlist {
            election: self.election,
            patterns: self.patterns,
            automaton,
            accounts: self.accounts,
        })
    }
}

impl Watchlist {
    pub fn pattern(&self, id: u32) -> &Pattern {
        &self.patterns[id as usize]
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Every watched phrase in `text`, left to right, longest first at each place, whole words
    /// only. When the longest phrase at a place ends inside a word, shorter ones at the same
    /// place are tried before moving on, so "ab" still matches "ab cd" next to pattern "ab c".
    pub fn find(&self, text: &Normalised, hits: &mut Vec<Hit>) {
        hits.clear();
        let hay = text.haystack();
        let bytes = hay.as_bytes();
        let mut at = 0;
        while at < hay.len() {
            let Some(found) = self.automaton.find(Input::new(hay).range(at..)) else {
                break;
            };
            let start = found.start();
            let mut candidate = Some(found);
            let mut accepted = None;
            while let Some(m) = candidate {
                if m.start() != start {
                    break;
                }
                if m.end() == bytes.len() || bytes[m.end()] == b' ' {
                    accepted = Some(m);
                    break;
                }
                // Cut the haystack back to the last word end before this match's end.
                let cut = hay[..m.end()].rfind(' ').unwrap_or(0);
                if cut <= start {
                    break;
                }
                candidate = self.automaton.find(
                    Input::new(hay)
                        .range(start..cut)
                        .anchored(aho_corasick::Anchored::Yes),
                );
            }
            match accepted {
                Some(m) => {
                    hits.push(Hit {
                        pattern: m.pattern().as_u32(),
                        first_word: text.word_at(m.start()) as u32,
                        last_word: text.word_at(m.end() - 1) as u32,
                    });
                    at = m.end();
                }
                None => at = start + 1,
            }
        }
    }

    /// Every phrase with its kinds, one a line (`kinds<TAB>phrase`), for baselines and review.
    pub fn export(&self, out: &mut impl Write) -> io::Result<()> {
        for p in &self.patterns {
            let kinds: Vec<&str> = Kind::ALL
                .iter()
                .filter(|k| p.kinds.has(**k))
                .map(|k| k.as_str())
                .collect();
            writeln!(out, "{}\t{}", kinds.join(","), p.phrase)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn watchlist() -> Watchlist {
        let mut b = WatchlistBuilder::new("pilkada-2024");
        b.add_candidate(&CandidateEntry {
            name: "Dr. H. Budi Santoso, S.H.".into(),
            number: 2,
            party_name: Some("Partai Gerakan Indonesia Raya".into()),
            party_number: Some(2),
            level: "kepala_daerah".into(),
            dapil: "KAB. KARAWANG".into(),
        });
        b.add(Kind::Slogan, "ab c", "ab c");
        b.add(Kind::Slogan, "ab", "ab");
        b.build().unwrap()
    }

    fn kinds_found(w: &Watchlist, text: &str) -> Vec<(String, Kinds)> {
        let n = Normaliser::new().normalise(text);
        let mut hits = Vec::new();
        w.find(&n, &mut hits);
        hits.iter()
            .map(|h| {
                (
                    w.pattern(h.pattern).phrase.clone(),
                    w.pattern(h.pattern).kinds,
                )
            })
            .collect()
    }

    #[test]
    fn names_without_titles_numbers_and_parties_are_found_on_word_boundaries() {
        let w = watchlist();
        let found = kinds_found(&w, "Ayo coblos Pak BUDI SANTOSO paslon 02, Gerindra!");
        let phrases: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(phrases, ["coblos", "budi santoso", "calon 2", "gerindra"]);
        assert!(found[1].1.has(Kind::CandidateName));
        assert!(found[2].1.has(Kind::Number));
        assert!(kinds_found(&w, "pencoblosan gerindraku").is_empty());
    }

    #[test]
    fn a_shorter_phrase_is_found_when_the_longer_ends_inside_a_word() {
        let w = watchlist();
        let found = kinds_found(&w, "ab cd");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "ab");
        let found = kinds_found(&w, "hak pilih kita");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].1.has(Kind::Neutral),
            "the longer neutral phrase hides `pilih`"
        );
    }

    #[test]
    fn hits_know_their_word_distance() {
        let a = Hit {
            pattern: 0,
            first_word: 0,
            last_word: 0,
        };
        let b = Hit {
            pattern: 0,
            first_word: 3,
            last_word: 4,
        };
        assert_eq!(a.gap(&b), 2);
        assert_eq!(b.gap(&a), 2);
    }
}
