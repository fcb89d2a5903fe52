//! The editable part of a watchlist: `rules/watchlists/ELECTION.toml`, what candidate lists do
//! not say — nicknames, slogans, hashtags, campaign accounts and extra campaign-call words.
//! See `rules/README.md` for the format.

use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extras {
    /// The election code the file is for; checked against the one screened when present.
    #[serde(default)]
    pub election: Option<String>,
    #[serde(default)]
    pub slogans: Vec<String>,
    /// With or without the `#`.
    #[serde(default)]
    pub hashtags: Vec<String>,
    /// Words or phrases that call for a vote, on top of the built-in ones.
    #[serde(default)]
    pub campaign_calls: Vec<String>,
    #[serde(default)]
    pub nicknames: Vec<Nickname>,
    #[serde(default)]
    pub accounts: Vec<CampaignAccount>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nickname {
    pub name: String,
    /// The candidate's or pair's ballot number, for the explanation.
    #[serde(default)]
    pub number: Option<u32>,
}

/// An account run by or for a campaign: any interaction with it is a lead.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignAccount {
    /// facebook, instagram, x (twitter), tiktok, youtube, threads…
    pub platform: String,
    /// `@name` or the profile's address.
    pub handle: String,
    /// Whose account it is, for the explanation ("tim pemenangan paslon 2").
    #[serde(default)]
    pub owner: Option<String>,
}

#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct ExtrasError {
    pub file: String,
    pub message: String,
}

impl Extras {
    /// Parses a watchlist file; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Extras, ExtrasError> {
        toml::from_str(text).map_err(|e| ExtrasError {
            file: file.to_owned(),
            message: e.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Extras;

    #[test]
    fn a_watchlist_file_parses_and_typos_are_refused() {
        let text = r##"
election = "pilkada-2024"
slogans = ["Karawang Maju"]
hashtags = ["#KarawangMaju"]
campaign_calls = ["gaskeun"]
[[nicknames]]
name = "AMIN"
number = 1
[[accounts]]
platform = "instagram"
handle = "@relawan.paslon2"
"##;
        let extras = Extras::parse("x.toml", text).unwrap();
        assert_eq!(extras.nicknames[0].number, Some(1));
        assert_eq!(extras.accounts[0].handle, "@relawan.paslon2");
        let error = Extras::parse("x.toml", "slogan = []").unwrap_err();
        assert!(error.to_string().starts_with("x.toml:"), "{error}");
    }
}
