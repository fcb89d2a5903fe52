//! Social-media accounts civil servants declare as theirs (`nip,platform,handle,url,declared_on`).
//! The screening engine maps public activity to people through them, so one account belongs to
//! one person, and the same account written two ways (`@Budi_S`, `https://x.com/budi_s?s=20`)
//! must come out as the same key: [`normalise_handle`] makes that key, per platform.

use chrono::NaiveDate;

use crate::roster::EmployeeNumber;
use crate::table::{FieldProblem, Problems, TextRow};

use super::values::{date, employee_number};

crate::file_fields! {
    /// The columns of a declared-accounts file: one account a row. A row needs a handle or a
    /// profile address (or both, which must then name the same account).
    pub enum AccountField from "Netral" {
        Nip => ("nip", "nip", true),
        /// See [`Platform::parse`] for the names accepted.
        Platform => ("platform", "platform", true),
        /// As the person wrote it: `@budi`, `budi`, or a profile address.
        Handle => ("handle", "handle", false),
        /// The profile's address; made from the handle when empty.
        Url => ("url", "url", false),
        DeclaredOn => ("declared_on", "declared_on", false),
    }
}

/// Where an account lives. WhatsApp *channels* are listed because they are public broadcasts
/// with an address; WhatsApp numbers and groups are private and are not declared here.
/// Anything else (Telegram, a blog…) is `Other`, kept by its address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Platform {
    Facebook,
    Instagram,
    /// Formerly Twitter.
    X,
    TikTok,
    YouTube,
    Threads,
    LinkedIn,
    WhatsappChannel,
    Other,
}

impl Platform {
    pub const ALL: [Platform; 9] = [
        Platform::Facebook,
        Platform::Instagram,
        Platform::X,
        Platform::TikTok,
        Platform::YouTube,
        Platform::Threads,
        Platform::LinkedIn,
        Platform::WhatsappChannel,
        Platform::Other,
    ];

    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Facebook => "facebook",
            Platform::Instagram => "instagram",
            Platform::X => "x",
            Platform::TikTok => "tiktok",
            Platform::YouTube => "youtube",
            Platform::Threads => "threads",
            Platform::LinkedIn => "linkedin",
            Platform::WhatsappChannel => "whatsapp_channel",
            Platform::Other => "other",
        }
    }

    /// The stored name, or what people write in lists: any case, with or without spaces,
    /// "twitter", "fb", "ig", "yt", "saluran whatsapp", "lainnya".
    pub fn parse(text: &str) -> Option<Platform> {
        let key: String = text
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        Some(match key.as_str() {
            "facebook" | "fb" => Platform::Facebook,
            "instagram" | "ig" => Platform::Instagram,
            "x" | "twitter" | "xtwitter" | "twitterx" => Platform::X,
            "tiktok" => Platform::TikTok,
            "youtube" | "yt" => Platform::YouTube,
            "threads" => Platform::Threads,
            "linkedin" => Platform::LinkedIn,
            "whatsappchannel" | "wachannel" | "saluranwhatsapp" | "saluranwa" => {
                Platform::WhatsappChannel
            }
            "other" | "lainnya" | "lain" => Platform::Other,
            _ => return None,
        })
    }

    /// The hosts of its profile addresses, without `www.` or `m.`.
    fn hosts(self) -> &'static [&'static str] {
        match self {
            Platform::Facebook => &["facebook.com", "fb.com"],
            Platform::Instagram => &["instagram.com", "instagr.am"],
            Platform::X => &["x.com", "twitter.com"],
            Platform::TikTok => &["tiktok.com"],
            Platform::YouTube => &["youtube.com"],
            Platform::Threads => &["threads.net", "threads.com"],
            Platform::LinkedIn => &["linkedin.com"],
            Platform::WhatsappChannel => &["whatsapp.com"],
            Platform::Other => &[],
        }
    }

    /// The profile address of a normalised handle; `None` for an `Other` handle that is not
    /// an address.
    pub fn profile_url(self, key: &str) -> Option<String> {
        Some(match self {
            Platform::Facebook if key.bytes().all(|b| b.is_ascii_digit()) => {
                format!("https://www.facebook.com/profile.php?id={key}")
            }
            Platform::Facebook => format!("https://www.facebook.com/{key}"),
            Platform::Instagram => format!("https://www.instagram.com/{key}/"),
            Platform::X => format!("https://x.com/{key}"),
            Platform::TikTok => format!("https://www.tiktok.com/@{key}"),
            Platform::YouTube if key.contains('/') => format!("https://www.youtube.com/{key}"),
            Platform::YouTube => format!("https://www.youtube.com/@{key}"),
            Platform::Threads => format!("https://www.threads.net/@{key}"),
            Platform::LinkedIn if key.contains('/') => format!("https://www.linkedin.com/{key}"),
            Platform::LinkedIn => format!("https://www.linkedin.com/in/{key}"),
            Platform::WhatsappChannel => format!("https://whatsapp.com/channel/{key}"),
            Platform::Other => {
                let host = key.split('/').next().unwrap_or_default();
                if !host.contains('.') {
                    return None;
                }
                format!("https://{key}")
            }
        })
    }
}

/// A written address split up: host without `www.`/`m.`, path segments, query.
struct Address<'a> {
    host: String,
    segments: Vec<&'a str>,
    query: &'a str,
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    text.get(..prefix.len())
        .filter(|head| head.eq_ignore_ascii_case(prefix))
        .map(|_| &text[prefix.len()..])
}

/// The address in `text`, when it is one: with a scheme, or starting with a known host.
fn address(text: &str) -> Option<Address<'_>> {
    let rest = strip_prefix_ignore_case(text, "https://")
        .or_else(|| strip_prefix_ignore_case(text, "http://"));
    let had_scheme = rest.is_some();
    let rest = rest.unwrap_or(text);
    let (host_part, tail) = rest.split_at(rest.find(['/', '?', '#']).unwrap_or(rest.len()));
    let written_host = host_part.to_ascii_lowercase();
    // Subdomains (www., m., web., id.linkedin.com) are the same site; short links
    // (vm.tiktok.com/ZS…) hide the profile, so they stay recognisable.
    let short = written_host.starts_with("vm.") || written_host.starts_with("vt.");
    let known = Platform::ALL
        .iter()
        .flat_map(|p| p.hosts())
        .find(|h| written_host == **h || written_host.ends_with(&format!(".{h}")));
    let host = match known {
        Some(h) if !short => (*h).to_owned(),
        _ => written_host
            .strip_prefix("www.")
            .unwrap_or(&written_host)
            .to_owned(),
    };
    let known = known.is_some();
    if !had_scheme && !known {
        return None;
    }
    let tail = tail.split('#').next().unwrap_or_default();
    let (path, query) = tail.split_once('?').unwrap_or((tail, ""));
    Some(Address {
        host,
        segments: path.split('/').filter(|s| !s.is_empty()).collect(),
        query,
    })
}

fn check_chars(
    key: &str,
    allowed: impl Fn(char) -> bool,
    lengths: std::ops::RangeInclusive<usize>,
    rule: &str,
) -> Result<(), String> {
    let count = key.chars().count();
    if !lengths.contains(&count) || !key.chars().all(allowed) {
        return Err(format!("\"{key}\" is not a valid handle: {rule}"));
    }
    Ok(())
}

/// The key an account is stored and looked up by: the handle without `@` or address, lower
/// case where the platform ignores case (all of them but YouTube channel ids, WhatsApp
/// channel ids and `Other`). The error is for the person fixing the list.
pub fn normalise_handle(platform: Platform, written: &str) -> Result<String, String> {
    let text = written.trim();
    if text.is_empty() {
        return Err("the handle is empty".into());
    }
    let Some(address) = address(text) else {
        let bare = text.strip_prefix('@').unwrap_or(text);
        if bare.is_empty() || bare.contains(char::is_whitespace) || bare.contains('/') {
            return Err(format!(
                "\"{text}\" is not a handle: write it as @name or as the profile's address"
            ));
        }
        return bare_handle(platform, bare);
    };
    if platform == Platform::Other {
        let path = address.segments.join("/");
        let key = if path.is_empty() {
            address.host
        } else {
            format!("{}/{path}", address.host)
        };
        return Ok(key);
    }
    if address.host.starts_with("vm.") || address.host.starts_with("vt.") {
        return Err(format!(
            "\"{text}\" is a short link that hides the account: write the @handle or the profile's address"
        ));
    }
    if !platform.hosts().contains(&address.host.as_str()) {
        return Err(format!("\"{text}\" is not a {} address", platform.as_str()));
    }
    let not_profile = || format!("\"{text}\" is not the address of a profile");
    let segments = &address.segments;
    let first = *segments.first().ok_or_else(not_profile)?;
    match platform {
        Platform::Facebook => match first {
            "profile.php" => {
                let id = address
                    .query
                    .split('&')
                    .find_map(|pair| pair.strip_prefix("id="))
                    .ok_or_else(not_profile)?;
                bare_handle(platform, id)
            }
            // facebook.com/people/Name/100012345678901/
            "people" => bare_handle(platform, segments.get(2).ok_or_else(not_profile)?),
            _ => bare_handle(platform, first),
        },
        Platform::TikTok | Platform::Threads => {
            let handle = first.strip_prefix('@').ok_or_else(not_profile)?;
            bare_handle(platform, handle)
        }
        Platform::YouTube => match (first, segments.get(1)) {
            (h, _) if h.starts_with('@') => bare_handle(platform, &h[1..]),
            ("channel", Some(id)) => youtube_channel(id),
            ("c" | "user", Some(name)) => {
                let name = name.to_lowercase();
                check_chars(
                    &name,
                    |c| c.is_alphanumeric() || "._-".contains(c),
                    1..=100,
                    "letters, digits, '.', '_' and '-'",
                )?;
                Ok(format!("{first}/{name}"))
            }
            _ => Err(not_profile()),
        },
        Platform::LinkedIn => match (first, segments.get(1)) {
            ("in", Some(slug)) => bare_handle(platform, slug),
            ("company", Some(slug)) => Ok(format!("company/{}", linkedin_slug(slug)?)),
            _ => Err(not_profile()),
        },
        Platform::WhatsappChannel => match (first, segments.get(1)) {
            ("channel", Some(id)) => bare_handle(platform, id),
            _ => Err(not_profile()),
        },
        Platform::X => {
            if ["home", "i", "intent", "search", "hashtag", "share"].contains(&first) {
                return Err(not_profile());
            }
            bare_handle(platform, first)
        }
        Platform::Instagram => {
            if ["p", "reel", "reels", "stories", "explore"].contains(&first) {
                return Err(not_profile());
            }
            bare_handle(platform, first)
        }
        Platform::Other => unreachable!("handled above"),
    }
}

fn youtube_channel(id: &str) -> Result<String, String> {
    check_chars(
        id,
        |c| c.is_ascii_alphanumeric() || c == '_' || c == '-',
        24..=24,
        "a channel id is UC followed by 22 letters, digits, '_' or '-'",
    )?;
    Ok(format!("channel/{id}"))
}

fn linkedin_slug(slug: &str) -> Result<String, String> {
    let slug = slug.to_lowercase();
    check_chars(
        &slug,
        |c| c.is_alphanumeric() || "-_%.".contains(c),
        2..=100,
        "letters, digits and '-'",
    )?;
    Ok(slug)
}

/// A handle without `@` or address, checked against what the platform allows.
fn bare_handle(platform: Platform, bare: &str) -> Result<String, String> {
    let lower = bare.to_lowercase();
    let ascii_word =
        |extra: &'static str| move |c: char| c.is_ascii_alphanumeric() || extra.contains(c);
    match platform {
        Platform::Facebook => {
            // Facebook ignores dots and case in usernames: john.smith is johnsmith.
            let key: String = lower.chars().filter(|c| *c != '.').collect();
            check_chars(
                &key,
                ascii_word(""),
                1..=50,
                "letters, digits and '.', or the profile's number",
            )?;
            Ok(key)
        }
        Platform::Instagram | Platform::Threads => {
            check_chars(
                &lower,
                ascii_word("._"),
                1..=30,
                "up to 30 letters, digits, '.' and '_'",
            )?;
            Ok(lower)
        }
        Platform::X => {
            check_chars(
                &lower,
                ascii_word("_"),
                1..=15,
                "up to 15 letters, digits and '_'",
            )?;
            Ok(lower)
        }
        Platform::TikTok => {
            check_chars(
                &lower,
                ascii_word("._"),
                2..=24,
                "2 to 24 letters, digits, '.' and '_'",
            )?;
            Ok(lower)
        }
        Platform::YouTube => {
            // A bare channel id (UC + 22 characters) is case-sensitive; a handle is not.
            if bare.len() == 24 && bare.starts_with("UC") {
                return youtube_channel(bare);
            }
            check_chars(
                &lower,
                ascii_word("._-"),
                3..=30,
                "3 to 30 letters, digits, '.', '_' and '-'",
            )?;
            Ok(lower)
        }
        Platform::LinkedIn => linkedin_slug(bare),
        Platform::WhatsappChannel => {
            check_chars(
                bare,
                ascii_word(""),
                10..=40,
                "a channel id is letters and digits, as in whatsapp.com/channel/…",
            )?;
            Ok(bare.to_owned())
        }
        Platform::Other => Ok(bare.to_owned()),
    }
}

/// A row of an accounts file that can be stored, once the store has found the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRecord {
    pub number: EmployeeNumber,
    pub platform: Platform,
    /// As written (the address when only an address was given).
    pub handle: String,
    /// What [`normalise_handle`] makes of it.
    pub handle_key: String,
    pub url: Option<String>,
    pub declared_on: Option<NaiveDate>,
}

fn web_address(text: &str) -> Result<&str, String> {
    if strip_prefix_ignore_case(text, "https://").is_some()
        || strip_prefix_ignore_case(text, "http://").is_some()
    {
        if text.contains(char::is_whitespace) {
            return Err(format!("\"{text}\" has spaces in it"));
        }
        Ok(text)
    } else {
        Err(format!(
            "\"{text}\" is not a web address: it must start with https://"
        ))
    }
}

pub fn check_account_row(
    row: &TextRow<AccountField>,
) -> Result<AccountRecord, Vec<FieldProblem<AccountField>>> {
    use AccountField as F;
    let mut problems = Problems::default();
    let number = problems.check(F::Nip, employee_number(row.get(F::Nip)));
    let platform = problems.check(
        F::Platform,
        match row.optional(F::Platform) {
            None => Err("the platform is empty".to_owned()),
            Some(text) => Platform::parse(text).ok_or_else(|| {
                format!(
                    "unknown platform \"{text}\"; write one of: facebook, instagram, x (or twitter), tiktok, youtube, threads, linkedin, whatsapp_channel, other"
                )
            }),
        },
    );
    let url = row
        .optional(F::Url)
        .and_then(|text| problems.check(F::Url, web_address(text)));
    let url_failed = row.optional(F::Url).is_some() && url.is_none();
    let declared_on = row
        .optional(F::DeclaredOn)
        .and_then(|text| problems.check(F::DeclaredOn, date(text)));
    let declared_failed = row.optional(F::DeclaredOn).is_some() && declared_on.is_none();
    let mut key = None;
    if let Some(platform) = platform {
        let from_handle = row
            .optional(F::Handle)
            .and_then(|h| problems.check(F::Handle, normalise_handle(platform, h)));
        let from_url = url.and_then(|u| problems.check(F::Url, normalise_handle(platform, u)));
        key = match (row.optional(F::Handle), from_handle, from_url) {
            (None, _, None) if url.is_none() && !url_failed => {
                problems.push(F::Handle, "neither a handle nor an address: which account?");
                None
            }
            (Some(_), Some(h), Some(u)) if h != u => {
                problems.push(
                    F::Url,
                    format!("the address is account \"{u}\", but the handle is \"{h}\": which one is it?"),
                );
                None
            }
            (Some(_), h, _) => h,
            (None, _, u) => u,
        };
    }
    match (number, platform, key) {
        (Some(number), Some(platform), Some(handle_key))
            if problems.is_empty() && !url_failed && !declared_failed =>
        {
            let handle = row
                .optional(F::Handle)
                .or(url)
                .unwrap_or_default()
                .to_owned();
            let url = url
                .map(str::to_owned)
                .or_else(|| platform.profile_url(&handle_key));
            Ok(AccountRecord {
                number,
                platform,
                handle,
                handle_key,
                url,
                declared_on,
            })
        }
        _ => Err(problems.into_vec()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(platform: Platform, written: &str) -> String {
        normalise_handle(platform, written).unwrap_or_else(|e| panic!("{written}: {e}"))
    }

    fn refused(platform: Platform, written: &str) -> String {
        normalise_handle(platform, written).expect_err(written)
    }

    #[test]
    fn platforms_are_read_as_lists_write_them() {
        assert_eq!(Platform::parse("Twitter"), Some(Platform::X));
        assert_eq!(Platform::parse("X"), Some(Platform::X));
        assert_eq!(Platform::parse("TikTok"), Some(Platform::TikTok));
        assert_eq!(Platform::parse("IG"), Some(Platform::Instagram));
        assert_eq!(
            Platform::parse("Saluran WhatsApp"),
            Some(Platform::WhatsappChannel)
        );
        assert_eq!(Platform::parse("lainnya"), Some(Platform::Other));
        assert_eq!(Platform::parse("friendster"), None);
        for platform in Platform::ALL {
            assert_eq!(Platform::parse(platform.as_str()), Some(platform));
        }
    }

    #[test]
    fn instagram_ignores_at_addresses_and_case() {
        for written in [
            "budi.santoso_",
            "@Budi.Santoso_",
            "https://www.instagram.com/budi.santoso_/",
            "http://instagram.com/Budi.Santoso_?igsh=abc123",
            "instagram.com/budi.santoso_",
        ] {
            assert_eq!(key(Platform::Instagram, written), "budi.santoso_");
        }
        assert!(
            refused(Platform::Instagram, "https://www.instagram.com/p/C1xyz/").contains("profile")
        );
        assert!(refused(Platform::Instagram, "budi santoso").contains("not a handle"));
        assert!(
            refused(Platform::Instagram, "https://x.com/budi").contains("not a instagram address")
        );
        assert!(refused(Platform::Instagram, "budi-santoso").contains("not a valid handle"));
    }

    #[test]
    fn x_accepts_twitter_addresses() {
        for written in [
            "@Budi_S",
            "https://twitter.com/budi_s",
            "https://x.com/BUDI_S?s=20",
            "https://mobile.twitter.com/budi_s/status/123",
        ] {
            assert_eq!(key(Platform::X, written), "budi_s");
        }
        assert!(refused(Platform::X, "a_handle_much_too_long").contains("15"));
        assert!(refused(Platform::X, "https://x.com/intent/follow").contains("profile"));
    }

    #[test]
    fn facebook_ignores_dots_and_knows_profile_numbers() {
        assert_eq!(key(Platform::Facebook, "Budi.Santoso.71"), "budisantoso71");
        assert_eq!(
            key(
                Platform::Facebook,
                "https://web.facebook.com/budi.santoso.71/"
            ),
            "budisantoso71"
        );
        assert_eq!(
            key(
                Platform::Facebook,
                "https://m.facebook.com/profile.php?id=100012345678901&ref=x"
            ),
            "100012345678901"
        );
        assert_eq!(
            key(
                Platform::Facebook,
                "https://www.facebook.com/people/Budi-Santoso/100012345678901/"
            ),
            "100012345678901"
        );
        assert_eq!(
            Platform::Facebook.profile_url("100012345678901").unwrap(),
            "https://www.facebook.com/profile.php?id=100012345678901"
        );
    }

    #[test]
    fn tiktok_and_threads_profiles_have_an_at_in_their_address() {
        assert_eq!(
            key(
                Platform::TikTok,
                "https://www.tiktok.com/@Budi.S/video/7312"
            ),
            "budi.s"
        );
        assert_eq!(key(Platform::TikTok, "@budi.s"), "budi.s");
        assert!(refused(Platform::TikTok, "https://vm.tiktok.com/ZSabc/").contains("short link"));
        assert_eq!(
            key(Platform::Threads, "https://www.threads.net/@Budi.S"),
            "budi.s"
        );
        assert_eq!(
            key(Platform::Threads, "https://threads.com/@budi.s"),
            "budi.s"
        );
    }

    #[test]
    fn youtube_handles_ignore_case_but_channel_ids_do_not() {
        assert_eq!(key(Platform::YouTube, "@BudiVlog"), "budivlog");
        assert_eq!(
            key(
                Platform::YouTube,
                "https://www.youtube.com/@BudiVlog/videos"
            ),
            "budivlog"
        );
        let id = "UCa1B2c3D4e5F6g7H8i9J0kL";
        assert_eq!(key(Platform::YouTube, id), format!("channel/{id}"));
        assert_eq!(
            key(
                Platform::YouTube,
                &format!("https://youtube.com/channel/{id}")
            ),
            format!("channel/{id}")
        );
        assert_eq!(
            key(Platform::YouTube, "https://www.youtube.com/c/BudiVlog"),
            "c/budivlog"
        );
        assert!(
            refused(Platform::YouTube, "https://www.youtube.com/watch?v=abc").contains("profile")
        );
        assert_eq!(
            Platform::YouTube.profile_url("budivlog").unwrap(),
            "https://www.youtube.com/@budivlog"
        );
    }

    #[test]
    fn linkedin_whatsapp_and_other() {
        assert_eq!(
            key(
                Platform::LinkedIn,
                "https://id.linkedin.com/in/Budi-Santoso-123/"
            ),
            "budi-santoso-123"
        );
        assert_eq!(
            key(Platform::LinkedIn, "budi-santoso-123"),
            "budi-santoso-123"
        );
        let channel = "0029VaABCdefGHIjkl12345X";
        assert_eq!(
            key(
                Platform::WhatsappChannel,
                &format!("https://whatsapp.com/channel/{channel}")
            ),
            channel,
            "channel ids keep their case"
        );
        assert_eq!(
            key(Platform::Other, "https://t.me/BudiChannel/"),
            "t.me/BudiChannel"
        );
        assert_eq!(key(Platform::Other, "@BudiS"), "BudiS");
        assert_eq!(
            Platform::Other.profile_url("t.me/BudiChannel").unwrap(),
            "https://t.me/BudiChannel"
        );
        assert_eq!(Platform::Other.profile_url("BudiS"), None);
    }

    fn row(values: &[(AccountField, &str)]) -> TextRow<AccountField> {
        TextRow::of(values.iter().copied())
    }

    const NIP: &str = "198503122010011003";

    #[test]
    fn a_row_needs_a_handle_or_an_address_naming_the_same_account() {
        use AccountField as F;
        let record = check_account_row(&row(&[
            (F::Nip, NIP),
            (F::Platform, "Twitter"),
            (F::Handle, "@Budi_S"),
            (F::DeclaredOn, "2024-08-01"),
        ]))
        .unwrap();
        assert_eq!(record.platform, Platform::X);
        assert_eq!(record.handle, "@Budi_S");
        assert_eq!(record.handle_key, "budi_s");
        assert_eq!(record.url.as_deref(), Some("https://x.com/budi_s"));

        let only_url = check_account_row(&row(&[
            (F::Nip, NIP),
            (F::Platform, "instagram"),
            (F::Url, "https://www.instagram.com/budi.s/"),
        ]))
        .unwrap();
        assert_eq!(only_url.handle_key, "budi.s");

        let fields = |values: &[(AccountField, &str)]| -> Vec<AccountField> {
            check_account_row(&row(values))
                .unwrap_err()
                .into_iter()
                .map(|p| p.field)
                .collect()
        };
        assert_eq!(
            fields(&[(F::Nip, NIP), (F::Platform, "instagram")]),
            [F::Handle]
        );
        assert_eq!(
            fields(&[
                (F::Nip, NIP),
                (F::Platform, "instagram"),
                (F::Handle, "budi"),
                (F::Url, "https://www.instagram.com/someone.else/"),
            ]),
            [F::Url]
        );
        assert_eq!(
            fields(&[
                (F::Nip, "123"),
                (F::Platform, "myspace"),
                (F::Handle, "budi"),
                (F::Url, "javascript:alert(1)"),
                (F::DeclaredOn, "kemarin"),
            ]),
            [F::Nip, F::Platform, F::Url, F::DeclaredOn]
        );
    }
}
