//! A labelled corpus of public social-media activity for the screening engine: who posts
//! (civil servants with declared or undeclared accounts, and the public), what they post
//! (partisan cases of each screening rule, hard negatives, and mostly chatter), and the truth
//! of each line. Everything follows from the seed and the sizes.
//!
//! # Files (`netral synth activity`)
//! - `activity.jsonl` — one record a line: platform, account_id, handle, display_name, bio,
//!   action, text, target_account, target_post, time (RFC 3339, WIB), url.
//! - `candidates.csv` — a KPU list of Pilkada pairs (`kepala_daerah` and `wakil_kepala_daerah`
//!   rows sharing a ballot number per district, a nominating party), titles in names.
//! - `accounts.csv` — `nip,platform,handle,url,declared_on`: the declared accounts.
//! - `roster.csv` — `nip,name`: the civil servants, for name proposals.
//! - `watchlist.toml` — nicknames, slogans, hashtags and campaign accounts of the pairs.
//! - `truth.csv` — `line,violation,case`: the violation a lead should name (empty: no lead is
//!   expected, because the content is not partisan, the account maps to nobody, or the time
//!   is outside the Pilkada 2024 screening window) and the template case.

mod texts;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::str::FromStr;

use netral_domain::ids::{PersonName, Sex};

use crate::csv::Line;
use crate::rng::{Rng, Stream};
use crate::{Country, Person, Roster};

/// Sizes of the corpus.
#[derive(Debug, Clone, Copy)]
pub struct ActivityOptions {
    pub seed: u64,
    pub records: u64,
    /// Rows of the candidate list (two per pair).
    pub candidates: u64,
    /// Civil servants on the roster, each with one account.
    pub civil_servants: u64,
}

/// Where each file goes.
pub struct ActivityOutputs<'a> {
    pub activity: &'a mut dyn Write,
    pub candidates: &'a mut dyn Write,
    pub accounts: &'a mut dyn Write,
    pub roster: &'a mut dyn Write,
    pub watchlist: &'a mut dyn Write,
    pub truth: &'a mut dyn Write,
}

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ActivityCounts {
    pub records: u64,
    pub candidates: u64,
    pub declared: u64,
    pub expected_leads: u64,
}

/// Records are drawn far from the indices other streams of `Setup` use.
const RECORD_OFFSET: u64 = 1 << 40;
/// The public: people whose names are on no roster.
const PUBLIC_POOL: u64 = 30_000;
/// Pairs that campaign online (nicknames, hashtags, accounts).
const FEATURED_PAIRS: u64 = 2_000;
/// Screening window of Pilkada 2024 (registration to the end of counting), in days from the
/// corpus's first day, 2024-08-20: records fall 7 days before to 7 days after it.
const FIRST_DAY_IN: u64 = 7;
const DAYS: u64 = 126;
const LAST_DAY_IN: u64 = 118;

struct Account {
    platform: &'static str,
    handle: String,
    display: String,
    bio: String,
    id: u64,
    /// Whether screening can find the owner (declared, or a unique roster name).
    mapped: bool,
}

struct Pair {
    number: u32,
    dapil: String,
    head: String,
    head_plain: String,
    party: usize,
    nickname: String,
    slogan: String,
    hashtag: String,
    accounts: [String; 2],
}

const PLATFORMS: [&str; 4] = ["instagram", "x", "facebook", "tiktok"];

/// Writes the corpus.
pub fn write(
    country: &Country,
    options: &ActivityOptions,
    mut out: ActivityOutputs<'_>,
) -> io::Result<ActivityCounts> {
    let cs = options.civil_servants.max(1);
    let pairs_n = (options.candidates / 2).max(1);
    let roster = Roster::new(country, cs + pairs_n * 2 + PUBLIC_POOL)
        .map_err(|e| io::Error::other(e.to_string()))?;
    let mut counts = ActivityCounts::default();

    // The roster, and which names are unique on it.
    let mut line = Line::default();
    line.write_header(&["nip", "name"], &mut out.roster)?;
    let people: Vec<Person> = (0..cs).map(|i| roster.person(i)).collect();
    let mut key_count: HashMap<String, u32> = HashMap::new();
    let mut legal = Vec::with_capacity(people.len());
    for p in &people {
        let mut name = String::new();
        p.name.write_legal(&mut name);
        line.field(std::str::from_utf8(&p.number.digits()).expect("ASCII"));
        line.field(&name);
        line.end(&mut out.roster)?;
        if let Some(key) = name_key(&name) {
            *key_count.entry(key).or_default() += 1;
        }
        legal.push(name);
    }

    // Civil servants' accounts: declared, undeclared under their name, or under a nickname.
    line.write_header(
        &["nip", "platform", "handle", "url", "declared_on"],
        &mut out.accounts,
    )?;
    let mut civil = Vec::with_capacity(people.len());
    for (i, p) in people.iter().enumerate() {
        let mut rng = Rng::new(options.seed, Stream::Setup, RECORD_OFFSET - 1 - i as u64);
        let platform = PLATFORMS[rng.below(4) as usize];
        let handle = handle(&legal[i], i as u64);
        let region = country.geo.regencies[p.home].short;
        let bio = if rng.chance(0.6) {
            rng.pick(texts::BIOS_CIVIL).replace("{region}", region)
        } else {
            rng.pick(texts::BIOS_PUBLIC).to_owned()
        };
        let roll = rng.unit();
        let unique = name_key(&legal[i]).is_some_and(|k| key_count.get(&k) == Some(&1));
        let (display, mapped) = if roll < 0.55 {
            line.field(std::str::from_utf8(&p.number.digits()).expect("ASCII"));
            line.field(platform);
            line.field(&format!("@{handle}"));
            line.field("");
            line.field("2024-07-01");
            line.end(&mut out.accounts)?;
            counts.declared += 1;
            (legal[i].clone(), true)
        } else if roll < 0.8 {
            (legal[i].clone(), unique)
        } else {
            let first = legal[i].split(' ').next().unwrap_or("Kawan");
            (
                format!(
                    "{first} {}",
                    rng.pick(&["Kece", "Official", "Gaul", "Santuy"])
                ),
                false,
            )
        };
        civil.push(Account {
            platform,
            handle,
            display,
            bio,
            id: 17_841_000_000 + i as u64,
            mapped,
        });
    }

    // The public, never on the roster by name.
    let mut public = Vec::new();
    let mut index = cs + pairs_n * 2;
    while (public.len() as u64) < PUBLIC_POOL.min(options.records.max(1000)) {
        let p = roster.person(index);
        index += 1;
        let mut name = String::new();
        p.name.write_legal(&mut name);
        if name_key(&name).is_some_and(|k| key_count.contains_key(&k)) {
            continue;
        }
        let mut rng = Rng::new(options.seed, Stream::Setup, RECORD_OFFSET - 1 - index);
        public.push(Account {
            platform: PLATFORMS[rng.below(4) as usize],
            handle: handle(&name, index),
            display: name,
            bio: rng.pick(texts::BIOS_PUBLIC).to_owned(),
            id: 27_000_000_000 + index,
            mapped: false,
        });
        if index > cs + pairs_n * 2 + PUBLIC_POOL * 3 {
            break;
        }
    }

    // The candidate list: pairs numbered 1..=3 per district.
    let header = crate::candidates::HEADER;
    line.write_header(&header, &mut out.candidates)?;
    let mut pairs = Vec::with_capacity(pairs_n as usize);
    for k in 0..pairs_n {
        let mut rng = Rng::new(options.seed, Stream::Setup, RECORD_OFFSET + (1 << 38) + k);
        let head = roster.person(cs + 2 * k);
        let deputy = roster.person(cs + 2 * k + 1);
        let number = (k % 3) as u32 + 1;
        let region = country.geo.regencies[head.home].short;
        let dapil = format!("{} {}", region.to_uppercase(), k / 3 + 1);
        let party = rng.below(texts::PARTIES.len() as u64) as usize;
        for (person, level) in [(&head, "kepala_daerah"), (&deputy, "wakil_kepala_daerah")] {
            line.field(level);
            line.field(&dapil);
            line.field_fmt(format_args!("{}", texts::PARTIES[party].0));
            line.field(texts::PARTIES[party].2);
            line.field_fmt(format_args!("{number}"));
            line.field(&person.full_name());
            line.field(if person.sex() == Sex::Male { "L" } else { "P" });
            for _ in 0..3 {
                line.field("");
            }
            line.end(&mut out.candidates)?;
            counts.candidates += 1;
        }
        let mut head_plain = String::new();
        head.name.write_legal(&mut head_plain);
        let mut deputy_plain = String::new();
        deputy.name.write_legal(&mut deputy_plain);
        let nickname = nickname(&head_plain, &deputy_plain, k);
        let slogan = format!("{nickname} {}", rng.pick(texts::SLOGAN_WORDS));
        let hashtag = format!("#{nickname}Menang");
        let lower = nickname.to_lowercase();
        pairs.push(Pair {
            number,
            dapil,
            head: head.full_name(),
            head_plain,
            party,
            accounts: [format!("rel{lower}"), format!("tim{lower}{number}")],
            nickname,
            slogan,
            hashtag,
        });
    }
    let featured = FEATURED_PAIRS.min(pairs_n) as usize;
    write_watchlist(&pairs[..featured], out.watchlist)?;

    // The records.
    line.write_header(&["line", "violation", "case"], &mut out.truth)?;
    let days = day_strings();
    let mut text = String::with_capacity(256);
    let mut json = String::with_capacity(512);
    for r in 0..options.records {
        let mut rng = Rng::new(options.seed, Stream::Setup, RECORD_OFFSET + r);
        let author = if rng.chance(0.35) {
            &civil[rng.below(civil.len() as u64) as usize]
        } else {
            &public[rng.below(public.len() as u64) as usize]
        };
        let pair = &pairs[rng.below(featured as u64) as usize];
        let region =
            country.geo.regencies[rng.below(country.geo.regencies.len() as u64) as usize].short;
        let day = rng.below(DAYS);
        let in_period = (FIRST_DAY_IN..=LAST_DAY_IN).contains(&day);
        let post = draw_post(&mut rng, author.platform, pair, region, &public, &mut text);
        let violation = match post.violation {
            Some(v) if author.mapped && in_period => {
                counts.expected_leads += 1;
                v
            }
            _ => "",
        };
        json.clear();
        json.push_str("{\"platform\":\"");
        json.push_str(author.platform);
        let _ = write!(json, "\",\"account_id\":\"{}\",\"handle\":", author.id);
        push_json(&mut json, &author.handle);
        json.push_str(",\"display_name\":");
        push_json(&mut json, &author.display);
        json.push_str(",\"bio\":");
        push_json(&mut json, &author.bio);
        let _ = write!(json, ",\"action\":\"{}\",\"text\":", post.action);
        push_json(&mut json, &text);
        json.push_str(",\"target_account\":");
        match &post.target {
            Some(t) => push_json(&mut json, t),
            None => json.push_str("null"),
        }
        json.push_str(",\"target_post\":null,\"time\":\"");
        let seconds = rng.below(86_400);
        let _ = write!(
            json,
            "{}T{:02}:{:02}:{:02}+07:00\",\"url\":\"https://{}.com/p/{r}\"}}",
            days[day as usize],
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60,
            author.platform
        );
        json.push('\n');
        out.activity.write_all(json.as_bytes())?;
        line.field_fmt(format_args!("{}", r + 1));
        line.field(violation);
        line.field(post.case);
        line.end(&mut out.truth)?;
        counts.records += 1;
    }
    Ok(counts)
}

struct Post {
    action: &'static str,
    target: Option<String>,
    violation: Option<&'static str>,
    case: &'static str,
}

/// One record's content, its text written into `text`.
fn draw_post(
    rng: &mut Rng,
    platform: &str,
    pair: &Pair,
    region: &str,
    public: &[Account],
    text: &mut String,
) -> Post {
    text.clear();
    let post = |case, violation| Post {
        action: "post",
        target: None,
        violation,
        case,
    };
    let roll = rng.below(1000);
    match roll {
        0..=89 => {
            let reference = reference(rng, pair);
            let template = rng.pick(texts::CALL_NEAR);
            fill(
                text,
                template,
                &reference,
                rng.pick(texts::CALLS),
                region,
                pair,
            );
            post("call_near_mention", Some("MEDSOS_KAMPANYE"))
        }
        90..=119 => {
            let action = rng.pick(&["like", "follow", "join", "share", "comment"]);
            let handle = &pair.accounts[rng.below(2) as usize];
            let target = if platform == "instagram" && rng.chance(0.3) {
                format!("https://www.instagram.com/{handle}/")
            } else {
                format!("@{handle}")
            };
            if action == "comment" {
                text.push_str(rng.pick(texts::COMMENTS));
            }
            Post {
                action,
                target: Some(target),
                violation: Some("MEDSOS_INTERAKSI"),
                case: "campaign_account_interaction",
            }
        }
        120..=139 => {
            let reference = reference(rng, pair);
            fill(
                text,
                rng.pick(texts::HAND_SIGN),
                &reference,
                "",
                region,
                pair,
            );
            post("hand_sign_with_mention", Some("FOTO_KEBERPIHAKAN"))
        }
        140..=149 => {
            fill(text, rng.pick(texts::TAGS), "", "", region, pair);
            post("campaign_tag", Some("MEDSOS_KAMPANYE"))
        }
        150..=189 => {
            fill(text, rng.pick(texts::EVERYDAY_CALLS), "", "", region, pair);
            post("everyday_call_word", None)
        }
        190..=249 => {
            let reference = reference(rng, pair);
            fill(
                text,
                rng.pick(texts::NEUTRAL_MENTIONS),
                &reference,
                "",
                region,
                pair,
            );
            post("neutral_mention", None)
        }
        250..=279 => {
            fill(
                text,
                rng.pick(texts::FINGERS_ELSEWHERE),
                "",
                "",
                region,
                pair,
            );
            post("fingers_elsewhere", None)
        }
        280..=309 => {
            let other = &public[rng.below(public.len() as u64) as usize];
            let target = if rng.chance(0.3) {
                "@kpu_ri".to_owned()
            } else {
                format!("@{}", other.handle)
            };
            Post {
                action: rng.pick(&["like", "follow", "share"]),
                target: Some(target),
                violation: None,
                case: "other_account_interaction",
            }
        }
        _ => {
            fill(text, rng.pick(texts::CHATTER), "", "", region, pair);
            post("chatter", None)
        }
    }
}

/// A candidate, nickname, ballot number or party, written as people write them.
fn reference(rng: &mut Rng, pair: &Pair) -> String {
    let mut out = match rng.below(6) {
        0 => pair.head.clone(),
        1 if pair.head_plain.contains(' ') => pair.head_plain.clone(),
        1 | 2 => pair.nickname.clone(),
        3 => format!(
            "{} {}",
            rng.pick(&["paslon", "Paslon", "nomor urut", "no", "nomer", "paslon 0"]),
            pair.number
        )
        .replace("0 ", "0"),
        4 => texts::PARTIES[pair.party].1.to_owned(),
        _ => format!(
            "{} {}",
            pair.nickname,
            rng.pick(&["", "pasti menang", "nomor 1"])
        )
        .trim_end()
        .to_owned(),
    };
    if rng.chance(0.2) {
        out = out.to_uppercase();
    }
    out
}

fn fill(text: &mut String, template: &str, reference: &str, call: &str, region: &str, pair: &Pair) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let close = open
            + rest[open..]
                .find('}')
                .expect("templates close their braces");
        match &rest[open + 1..close] {
            "ref" => text.push_str(reference),
            "call" => text.push_str(call),
            "region" => text.push_str(region),
            "n" => {
                let _ = write!(text, "{}", pair.number);
            }
            "tag" => text.push_str(&pair.hashtag),
            "slogan" => text.push_str(&pair.slogan),
            other => text.push_str(other),
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
}

fn write_watchlist(pairs: &[Pair], out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "# Generated by `netral synth activity`: the online campaign of the featured pairs."
    )?;
    writeln!(out, "election = \"pilkada-2024\"")?;
    let list = |items: Vec<&str>| {
        items
            .iter()
            .map(|s| format!("{s:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(
        out,
        "slogans = [{}]",
        list(pairs.iter().map(|p| p.slogan.as_str()).collect())
    )?;
    writeln!(
        out,
        "hashtags = [{}]",
        list(pairs.iter().map(|p| p.hashtag.as_str()).collect())
    )?;
    for p in pairs {
        writeln!(
            out,
            "\n[[nicknames]]\nname = {:?}\nnumber = {}",
            p.nickname, p.number
        )?;
    }
    for p in pairs {
        for handle in &p.accounts {
            for platform in PLATFORMS {
                writeln!(
                    out,
                    "\n[[accounts]]\nplatform = \"{platform}\"\nhandle = \"@{handle}\"\nowner = \"tim {} nomor {} {}\"",
                    p.nickname, p.number, p.dapil
                )?;
            }
        }
    }
    Ok(())
}

/// A pair's nickname: four letters of the head's last name and three of the deputy's first,
/// plus a number that keeps it unique ("SantAhm12").
fn nickname(head: &str, deputy: &str, k: u64) -> String {
    let part = |word: &str, n: usize| -> String {
        let letters: String = word
            .chars()
            .filter(char::is_ascii_alphabetic)
            .take(n)
            .collect();
        let mut chars = letters.chars();
        chars
            .next()
            .map(|f| f.to_ascii_uppercase().to_string() + &chars.as_str().to_ascii_lowercase())
            .unwrap_or_default()
    };
    let last = head.split(' ').next_back().unwrap_or("X");
    let first = deputy.split(' ').next().unwrap_or("Y");
    format!("{}{}{k}", part(last, 4), part(first, 3))
}

/// A name as the screening compares it: see `netral_screen::owner::name_key` (the same steps,
/// kept in step by the corpus test there).
fn name_key(name: &str) -> Option<String> {
    let given = PersonName::from_str(name).ok()?;
    let words = netral_domain::text::normalise::words(given.given_name());
    (words.len() >= 2).then(|| words.join(" "))
}

/// A handle every platform accepts (X: 15 letters, digits or `_`; Facebook: no `_`): the first
/// two words and a number that keeps it unique.
fn handle(name: &str, index: u64) -> String {
    let suffix = index.to_string();
    let words: Vec<String> = name
        .split(' ')
        .map(|w| {
            w.chars()
                .filter(char::is_ascii_alphabetic)
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .take(2)
        .collect();
    let mut stem = if words.is_empty() {
        "akun".to_owned()
    } else {
        words.concat()
    };
    stem.truncate(15usize.saturating_sub(suffix.len()).max(1));
    stem + &suffix
}

fn push_json(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `2024-08-20` … for each day of the corpus.
fn day_strings() -> Vec<String> {
    let first = chrono::NaiveDate::from_ymd_opt(2024, 8, 20).expect("a real date");
    (0..DAYS)
        .map(|d| {
            (first + chrono::Duration::days(d as i64))
                .format("%Y-%m-%d")
                .to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scope;

    fn corpus(seed: u64) -> Vec<Vec<u8>> {
        let country = Country::new(seed, &Scope::Indonesia);
        let options = ActivityOptions {
            seed,
            records: 2_000,
            candidates: 100,
            civil_servants: 500,
        };
        let mut files = vec![Vec::new(); 6];
        let [a, c, d, r, w, t] = &mut files[..] else {
            unreachable!()
        };
        write(
            &country,
            &options,
            ActivityOutputs {
                activity: a,
                candidates: c,
                accounts: d,
                roster: r,
                watchlist: w,
                truth: t,
            },
        )
        .unwrap();
        files
    }

    #[test]
    fn the_same_seed_gives_the_same_bytes_and_another_seed_does_not() {
        let first = corpus(3);
        assert_eq!(first, corpus(3));
        assert_ne!(first[0], corpus(4)[0]);
        let activity = String::from_utf8(first[0].clone()).unwrap();
        assert_eq!(activity.lines().count(), 2_000);
        let truth = String::from_utf8(first[5].clone()).unwrap();
        assert_eq!(
            truth.lines().count(),
            2_001,
            "a header and a row per record"
        );
        assert!(truth.contains(",MEDSOS_KAMPANYE,") && truth.contains(",MEDSOS_INTERAKSI,"));
    }
}
