//! One activity record a line (JSON Lines), read without copying: fields borrow the line unless
//! JSON escapes force a copy. A bad line becomes a [`LineError`] naming its 1-based line number
//! and the field at fault, so a collector's mistake costs one record, never the batch.

use std::borrow::Cow;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::Deserialize;

/// What the account did. *Like*, *follow* and *join* carry no text of their own: they only say
/// something through the account or post they point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Post,
    Comment,
    Share,
    Like,
    Follow,
    Join,
}

impl Action {
    pub const ALL: [Action; 6] = [
        Action::Post,
        Action::Comment,
        Action::Share,
        Action::Like,
        Action::Follow,
        Action::Join,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Post => "post",
            Action::Comment => "comment",
            Action::Share => "share",
            Action::Like => "like",
            Action::Follow => "follow",
            Action::Join => "join",
        }
    }

    pub fn parse(text: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == text)
    }

    /// Whether the action is an interaction with someone else's account or post (everything but
    /// an original post).
    pub fn is_interaction(self) -> bool {
        self != Action::Post
    }

    /// Indonesian, for explanations.
    pub fn label_id(self) -> &'static str {
        match self {
            Action::Post => "mengunggah",
            Action::Comment => "mengomentari",
            Action::Share => "membagikan",
            Action::Like => "menyukai",
            Action::Follow => "mengikuti",
            Action::Join => "bergabung dengan",
        }
    }
}

/// The record as it comes off the wire, every field still text.
#[derive(Debug, Deserialize)]
struct Wire<'a> {
    #[serde(borrow)]
    platform: Cow<'a, str>,
    #[serde(borrow)]
    account_id: Cow<'a, str>,
    #[serde(borrow)]
    handle: Cow<'a, str>,
    #[serde(borrow, default)]
    display_name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    bio: Option<Cow<'a, str>>,
    #[serde(borrow)]
    action: Cow<'a, str>,
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    target_account: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    target_post: Option<Cow<'a, str>>,
    #[serde(borrow)]
    time: Cow<'a, str>,
    #[serde(borrow, default)]
    url: Option<Cow<'a, str>>,
}

/// One public activity: a post, a comment, a like… by one account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity<'a> {
    /// As the collector names it (`instagram`, `x`, `tiktok`…).
    pub platform: Cow<'a, str>,
    pub account_id: Cow<'a, str>,
    pub handle: Cow<'a, str>,
    pub display_name: Cow<'a, str>,
    pub bio: Cow<'a, str>,
    pub action: Action,
    /// Empty for a like, a follow or a join.
    pub text: Cow<'a, str>,
    pub target_account: Option<Cow<'a, str>>,
    pub target_post: Option<Cow<'a, str>>,
    pub time: DateTime<Utc>,
    pub url: Cow<'a, str>,
}

/// Why a line was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// 1-based, as editors count.
    pub line: u64,
    /// The field at fault; `json` when the line is not a JSON object at all.
    pub field: String,
    pub message: String,
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}: {}", self.line, self.field, self.message)
    }
}

impl std::error::Error for LineError {}

/// Parses one line. Unknown fields are ignored (collectors add their own); missing optional
/// ones are empty.
pub fn parse_line(line_number: u64, line: &str) -> Result<Activity<'_>, LineError> {
    let error = |field: &str, message: String| LineError {
        line: line_number,
        field: field.to_owned(),
        message,
    };
    let wire: Wire<'_> = serde_json::from_str(line).map_err(|e| {
        let (field, message) = diagnose(line, e);
        error(field, message)
    })?;
    let action = Action::parse(&wire.action).ok_or_else(|| {
        error(
            "action",
            format!(
                "\"{}\" is not one of post, comment, share, like, follow, join",
                wire.action
            ),
        )
    })?;
    let time = DateTime::parse_from_rfc3339(&wire.time)
        .map_err(|e| {
            error(
                "time",
                format!("\"{}\" is not an RFC 3339 time: {e}", wire.time),
            )
        })?
        .with_timezone(&Utc);
    Ok(Activity {
        platform: wire.platform,
        account_id: wire.account_id,
        handle: wire.handle,
        display_name: wire.display_name.unwrap_or_default(),
        bio: wire.bio.unwrap_or_default(),
        action,
        text: wire.text.unwrap_or_default(),
        target_account: wire.target_account.filter(|t| !t.is_empty()),
        target_post: wire.target_post.filter(|t| !t.is_empty()),
        time,
        url: wire.url.unwrap_or_default(),
    })
}

/// Only JSON parsing, into the same borrowed shape: the limit any screening can reach.
pub fn parse_json_only(line: &str) -> bool {
    serde_json::from_str::<Wire<'_>>(line).is_ok()
}

const REQUIRED: [&str; 5] = ["platform", "account_id", "handle", "action", "time"];
const OPTIONAL: [&str; 6] = [
    "display_name",
    "bio",
    "text",
    "target_account",
    "target_post",
    "url",
];

/// Names the field behind a failed parse. serde_json's own message names a missing field but
/// not a mistyped one, so the slow path (taken only for bad lines) looks at the object itself.
fn diagnose(line: &str, parse_error: serde_json::Error) -> (&'static str, String) {
    let Ok(serde_json::Value::Object(object)) = serde_json::from_str::<serde_json::Value>(line)
    else {
        return ("json", parse_error.to_string());
    };
    for field in REQUIRED {
        match object.get(field) {
            None | Some(serde_json::Value::Null) => return (field, "is missing".to_owned()),
            Some(serde_json::Value::String(_)) => {}
            Some(other) => return (field, format!("must be text, not {other}")),
        }
    }
    for field in OPTIONAL {
        match object.get(field) {
            None | Some(serde_json::Value::Null | serde_json::Value::String(_)) => {}
            Some(other) => return (field, format!("must be text or null, not {other}")),
        }
    }
    ("json", parse_error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"platform":"instagram","account_id":"1784","handle":"budi.s","display_name":"Budi","bio":"ASN","action":"like","text":"","target_account":"@relawan","target_post":null,"time":"2024-10-01T08:00:00+07:00","url":"https://instagram.com/p/x"}"#;

    #[test]
    fn a_good_line_borrows_its_text_and_reads_time_as_utc() {
        let a = parse_line(1, GOOD).unwrap();
        assert!(matches!(a.handle, Cow::Borrowed("budi.s")));
        assert_eq!(a.action, Action::Like);
        assert_eq!(a.time.to_rfc3339(), "2024-10-01T01:00:00+00:00");
        assert_eq!(a.target_account.as_deref(), Some("@relawan"));
        assert_eq!(a.target_post, None);
    }

    #[test]
    fn escapes_are_decoded() {
        let line = GOOD.replace(r#""text":"""#, r#""text":"say \"coblos\"""#);
        assert_eq!(parse_line(1, &line).unwrap().text, "say \"coblos\"");
    }

    #[test]
    fn bad_lines_name_line_and_field() {
        let e = parse_line(7, "{not json").unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (7, "json"));
        let e = parse_line(8, &GOOD.replace(r#""handle":"budi.s","#, "")).unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (8, "handle"));
        let e = parse_line(9, &GOOD.replace(r#""like""#, r#""poke""#)).unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (9, "action"));
        let e = parse_line(10, &GOOD.replace("2024-10-01T08", "kemarin")).unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (10, "time"));
        let e = parse_line(11, &GOOD.replace(r#""1784""#, "17")).unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (11, "account_id"));
    }
}
