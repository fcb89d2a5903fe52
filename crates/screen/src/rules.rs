//! The screening rules. Each looks at one record (its action, its target, the watched phrases
//! found in its text) and may produce a [`Finding`]: the violation it points to, a score in
//! 0..1 and an explanation in Indonesian and English naming the words and the rule. Findings
//! are signals for a reviewer, never verdicts. Violation codes are those of the rule versions
//! (`rules/versions/*.toml`).
//!
//! What is deliberately *not* a finding: a candidate named without a call or a sign (news,
//! "nonton debat capres", "mendengarkan visi misi" — listening to candidates is allowed); a
//! call word without anyone to vote for ("pilih baju"); a finger count without anyone ("luka
//! dua jari").

use serde::Serialize;

use crate::record::{Action, Activity};
use crate::watchlist::{Hit, Kind, Kinds, Pattern, Watchlist};

/// Campaigning or promoting a candidate on social media (SKB 2022; heavy discipline).
pub const MEDSOS_KAMPANYE: &str = "MEDSOS_KAMPANYE";
/// Posting, commenting, sharing, liking, following or joining a campaign account or group.
pub const MEDSOS_INTERAKSI: &str = "MEDSOS_INTERAKSI";
/// A photo with a candidate showing a partisan hand gesture, attributes or party backdrop.
pub const FOTO_KEBERPIHAKAN: &str = "FOTO_KEBERPIHAKAN";

/// The rules, for summaries and explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    CampaignAccountInteraction,
    CallNearMention,
    HandSignWithMention,
    CampaignTag,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::CampaignAccountInteraction => "campaign_account_interaction",
            Rule::CallNearMention => "call_near_mention",
            Rule::HandSignWithMention => "hand_sign_with_mention",
            Rule::CampaignTag => "campaign_tag",
        }
    }

    pub fn violation(self) -> &'static str {
        match self {
            Rule::CampaignAccountInteraction => MEDSOS_INTERAKSI,
            Rule::CallNearMention | Rule::CampaignTag => MEDSOS_KAMPANYE,
            Rule::HandSignWithMention => FOTO_KEBERPIHAKAN,
        }
    }
}

/// How near is near, in words between the two phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleConfig {
    /// A call and a candidate, party or number: "coblos (yang) nomor 2" is 0 or 1 apart.
    pub call_window: u32,
    /// A finger sign and a candidate, party or number: captions put them further apart
    /// ("foto bareng Pak Budi tadi pagi ✌️").
    pub sign_window: u32,
}

impl Default for RuleConfig {
    fn default() -> Self {
        RuleConfig {
            call_window: 5,
            sign_window: 8,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: Rule,
    pub score: f64,
    pub reason_id: String,
    pub reason_en: String,
}

/// Runs every rule on one record.
pub fn apply_all(
    activity: &Activity<'_>,
    hits: &[Hit],
    watchlist: &Watchlist,
    config: &RuleConfig,
    out: &mut Vec<Finding>,
) {
    out.clear();
    out.extend(campaign_account_interaction(activity, watchlist));
    if hits.is_empty() {
        return;
    }
    out.extend(call_near_mention(hits, watchlist, config));
    out.extend(hand_sign_with_mention(hits, watchlist, config));
    out.extend(campaign_tag(hits, watchlist));
}

/// Rule 1 — any interaction (like, comment, share, follow, join) with a watched campaign
/// account is a lead for MEDSOS_INTERAKSI. Following or joining is the most deliberate act, a
/// like the least.
pub fn campaign_account_interaction(
    activity: &Activity<'_>,
    watchlist: &Watchlist,
) -> Option<Finding> {
    if !activity.action.is_interaction() || watchlist.accounts.is_empty() {
        return None;
    }
    let target = activity.target_account.as_deref()?;
    let platform = netral_domain::registry::Platform::parse(&activity.platform)?;
    let label = watchlist.accounts.find(platform, target)?;
    let score = match activity.action {
        Action::Follow | Action::Join => 0.9,
        Action::Share | Action::Comment => 0.85,
        Action::Like | Action::Post => 0.75,
    };
    Some(Finding {
        rule: Rule::CampaignAccountInteraction,
        score,
        reason_id: format!(
            "akun ini {} akun kampanye {label} yang ada di daftar pantauan (aturan: interaksi dengan akun kampanye)",
            activity.action.label_id()
        ),
        reason_en: format!(
            "the account did `{}` on the watched campaign account {label} (rule: campaign-account interaction)",
            activity.action.as_str()
        ),
    })
}

/// Rule 2 — a call to vote (coblos, pilih, dukung, menangkan, all in…) within
/// [`RuleConfig::call_window`] words of a candidate, party or ballot number is a lead for
/// MEDSOS_KAMPANYE. The nearer, the higher the score; naming several candidates, parties or
/// numbers adds a little.
pub fn call_near_mention(
    hits: &[Hit],
    watchlist: &Watchlist,
    config: &RuleConfig,
) -> Option<Finding> {
    let (call, mention, gap) =
        nearest_pair(hits, watchlist, Kind::CampaignCall, config.call_window)?;
    let mentions = distinct_mentions(hits, watchlist);
    let closeness = 1.0 - f64::from(gap) / f64::from(config.call_window + 1);
    let score = (0.7 + 0.2 * closeness + if mentions > 1 { 0.05 } else { 0.0 }).min(0.97);
    let (call_p, mention_p) = (
        watchlist.pattern(call.pattern),
        watchlist.pattern(mention.pattern),
    );
    let kind = mention_p.kinds.main().unwrap_or(Kind::CandidateName);
    Some(Finding {
        rule: Rule::CallNearMention,
        score,
        reason_id: format!(
            "ajakan \"{}\" berjarak {gap} kata dari {} \"{}\" ({}) (aturan: ajakan memilih di dekat calon, partai atau nomor urut)",
            call_p.phrase,
            kind.label_id(),
            mention_p.phrase,
            mention_p.label
        ),
        reason_en: format!(
            "call \"{}\" {gap} words from {} \"{}\" (rule: campaign call near a candidate, party or number)",
            call_p.phrase,
            kind.as_str(),
            mention_p.phrase
        ),
    })
}

/// Rule 3 — a finger sign (✌️, "salam dua jari") within [`RuleConfig::sign_window`] words of
/// a candidate, party or number is a lead for FOTO_KEBERPIHAKAN: the gesture names a ballot
/// number, and the caption says with whom.
pub fn hand_sign_with_mention(
    hits: &[Hit],
    watchlist: &Watchlist,
    config: &RuleConfig,
) -> Option<Finding> {
    let (sign, mention, gap) = nearest_pair(hits, watchlist, Kind::HandSign, config.sign_window)?;
    let (sign_p, mention_p) = (
        watchlist.pattern(sign.pattern),
        watchlist.pattern(mention.pattern),
    );
    let greeting = sign_p.phrase.starts_with("salam");
    let score = if greeting { 0.9 } else { 0.8 };
    let kind = mention_p.kinds.main().unwrap_or(Kind::CandidateName);
    Some(Finding {
        rule: Rule::HandSignWithMention,
        score,
        reason_id: format!(
            "simbol jari \"{}\" berjarak {gap} kata dari {} \"{}\" ({}) (aturan: simbol jari bersama calon, partai atau nomor urut)",
            sign_p.phrase,
            kind.label_id(),
            mention_p.phrase,
            mention_p.label
        ),
        reason_en: format!(
            "finger sign \"{}\" {gap} words from {} \"{}\" (rule: hand sign with a candidate, party or number)",
            sign_p.phrase,
            kind.as_str(),
            mention_p.phrase
        ),
    })
}

/// Rule 4 — a watched campaign hashtag or slogan is a lead for MEDSOS_KAMPANYE on its own,
/// with a lower score: people repeat slogans they dislike too.
pub fn campaign_tag(hits: &[Hit], watchlist: &Watchlist) -> Option<Finding> {
    let tag = Kinds(Kind::Hashtag.bit() | Kind::Slogan.bit());
    let hit = hits
        .iter()
        .find(|h| watchlist.pattern(h.pattern).kinds.any(tag))?;
    let p = watchlist.pattern(hit.pattern);
    let kind = if p.kinds.has(Kind::Hashtag) {
        Kind::Hashtag
    } else {
        Kind::Slogan
    };
    Some(Finding {
        rule: Rule::CampaignTag,
        score: 0.55,
        reason_id: format!(
            "{} \"{}\" ada di daftar pantauan (aturan: tagar atau slogan kampanye)",
            kind.label_id(),
            p.label
        ),
        reason_en: format!(
            "watched campaign {} \"{}\" (rule: campaign hashtag or slogan)",
            kind.as_str(),
            p.label
        ),
    })
}

/// The nearest (trigger, mention) pair within `window` words, trigger of kind `trigger`.
fn nearest_pair<'h>(
    hits: &'h [Hit],
    watchlist: &Watchlist,
    trigger: Kind,
    window: u32,
) -> Option<(&'h Hit, &'h Hit, u32)> {
    let mut best: Option<(&Hit, &Hit, u32)> = None;
    for t in hits
        .iter()
        .filter(|h| watchlist.pattern(h.pattern).kinds.has(trigger))
    {
        for m in hits.iter().filter(|h| {
            !std::ptr::eq(*h, t) && watchlist.pattern(h.pattern).kinds.any(Kinds::MENTION)
        }) {
            let gap = t.gap(m);
            if gap <= window
                && !everyday_pair(
                    watchlist.pattern(t.pattern),
                    watchlist.pattern(m.pattern),
                    gap,
                )
                && best.is_none_or(|(_, _, g)| gap < g)
            {
                best = Some((t, m, gap));
            }
        }
    }
    best
}

/// Calls that are everyday words too ("pilih baju", "dukung anak"), and number phrases that are
/// everyday too ("nomor 2", "urut 2"): together they count only side by side ("pilih nomor 2"),
/// not with words between ("pilih ukuran nomor 2").
const EVERYDAY_CALLS: [&str; 2] = ["pilih", "dukung"];
const EVERYDAY_NUMBER_WORDS: [&str; 3] = ["nomor", "no", "urut"];

fn everyday_pair(trigger: &Pattern, mention: &Pattern, gap: u32) -> bool {
    let bare_number = mention.kinds == Kinds(Kind::Number.bit())
        && mention
            .phrase
            .split_once(' ')
            .is_some_and(|(word, _)| EVERYDAY_NUMBER_WORDS.contains(&word));
    gap > 0 && bare_number && EVERYDAY_CALLS.contains(&trigger.phrase.as_str())
}

fn distinct_mentions(hits: &[Hit], watchlist: &Watchlist) -> usize {
    let mut seen: Vec<u32> = hits
        .iter()
        .filter(|h| watchlist.pattern(h.pattern).kinds.any(Kinds::MENTION))
        .map(|h| h.pattern)
        .collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::Normaliser;
    use crate::record::parse_line;
    use crate::watchlist::{CampaignAccount, CandidateEntry, WatchlistBuilder};

    fn watchlist() -> Watchlist {
        let mut b = WatchlistBuilder::new("pilkada-2024");
        b.add_candidate(&CandidateEntry {
            name: "H. Budi Santoso, S.H.".into(),
            number: 2,
            party_name: Some("Partai Gerakan Indonesia Raya".into()),
            party_number: Some(2),
            level: "kepala_daerah".into(),
            dapil: "KAB. KARAWANG".into(),
        });
        b.add(Kind::Hashtag, "#KarawangMaju", "#KarawangMaju");
        b.add(Kind::Slogan, "Karawang Juara", "Karawang Juara");
        b.add_account(&CampaignAccount {
            platform: "instagram".into(),
            handle: "@relawan.paslon2".into(),
            owner: None,
        })
        .unwrap();
        b.build().unwrap()
    }

    fn line(action: &str, text: &str, target: &str) -> String {
        format!(
            r#"{{"platform":"instagram","account_id":"1","handle":"a","action":"{action}","text":"{text}","target_account":"{target}","time":"2024-10-01T08:00:00+07:00"}}"#
        )
    }

    fn rules_fired(action: &str, text: &str, target: &str) -> Vec<Rule> {
        let w = watchlist();
        let raw = line(action, text, target);
        let activity = parse_line(1, &raw).unwrap();
        let n = Normaliser::new().normalise(&activity.text);
        let mut hits = Vec::new();
        w.find(&n, &mut hits);
        let mut out = Vec::new();
        apply_all(&activity, &hits, &w, &RuleConfig::default(), &mut out);
        out.iter().map(|f| f.rule).collect()
    }

    #[test]
    fn rule_1_interaction_with_a_campaign_account() {
        for action in ["like", "follow", "join", "share", "comment"] {
            assert_eq!(
                rules_fired(action, "", "https://www.instagram.com/Relawan.Paslon2/"),
                [Rule::CampaignAccountInteraction],
                "{action}"
            );
        }
        assert!(
            rules_fired("like", "", "@kpu_ri").is_empty(),
            "not a campaign account"
        );
        assert!(
            rules_fired("post", "", "@relawan.paslon2").is_empty(),
            "a post is no interaction"
        );
    }

    #[test]
    fn rule_2_campaign_call_near_a_candidate_party_or_number() {
        for text in [
            "Ayo c0bl0s Pak Budi Santoso!!",
            "jgn lupa pilihhh paslon 02 ya",
            "Dukung terus Gerindra",
            "menangkan nomor urut dua",
            "pilih nomor 2!",
            "coblos yang nomor 2",
        ] {
            assert_eq!(
                rules_fired("post", text, ""),
                [Rule::CallNearMention],
                "{text}"
            );
        }
    }

    #[test]
    fn rule_2_hard_negatives() {
        for text in [
            "lagi bingung pilih baju buat kondangan",
            "nonton debat capres bareng keluarga, Budi Santoso tampil tenang",
            "mendengarkan visi misi paslon 02 di aula kecamatan",
            "KPU: gunakan hak pilih Anda, paslon nomor urut 2 Budi Santoso telah ditetapkan",
            "pilih yang mana ya, besok aku mau ke pasar beli sayur dan ikan lalu pulang ke rumah Budi Santoso",
            "pilih ukuran nomor 2 aja kak, lebih pas",
            "dukung anak ikut lomba lari nomor 2",
        ] {
            assert!(rules_fired("post", text, "").is_empty(), "{text}");
        }
    }

    #[test]
    fn rule_3_hand_sign_with_a_candidate() {
        assert_eq!(
            rules_fired("post", "Foto bareng Pak Budi Santoso tadi ✌️", ""),
            [Rule::HandSignWithMention]
        );
        assert_eq!(
            rules_fired("post", "salam dua jari bersama Gerindra", ""),
            [Rule::HandSignWithMention]
        );
        assert!(rules_fired("post", "tangan luka dua jari kena pisau", "").is_empty());
        assert!(rules_fired("post", "peace ✌️ guys", "").is_empty());
    }

    #[test]
    fn rule_4_campaign_hashtag_or_slogan() {
        assert_eq!(
            rules_fired("post", "semangat pagi #KarawangMaju", ""),
            [Rule::CampaignTag]
        );
        assert_eq!(
            rules_fired("post", "KARAWANG JUARAAA", ""),
            [Rule::CampaignTag]
        );
        assert!(
            rules_fired("post", "karawang maju terus", "").is_empty(),
            "words, not the tag"
        );
    }

    #[test]
    fn nearer_calls_score_higher() {
        let w = watchlist();
        let score = |text: &str| {
            let n = Normaliser::new().normalise(text);
            let mut hits = Vec::new();
            w.find(&n, &mut hits);
            call_near_mention(&hits, &w, &RuleConfig::default())
                .unwrap()
                .score
        };
        assert!(score("coblos Budi Santoso") > score("coblos saja nanti ya Budi Santoso"));
    }
}
