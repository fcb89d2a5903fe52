//! The body of `POST /api/v1/cases/{number}/actions`: the domain's `Action` exactly as the
//! event log keeps it (`{"action": "reject", "reason": "duplicate", "note": "…"}`) plus
//! `revision`, the revision of the case the caller decided on. Read and described from the
//! case page's table of facts (`case_forms::facts`), so the page's forms, this body and its
//! OpenAPI schema name the same fields. serde's own messages for an internally tagged enum do
//! not always say which field was wrong; here every unreadable value is named.

use std::borrow::Cow;

use chrono::NaiveDate;
use netral_domain::case::{Action, ActionKind};
use serde_json::Value;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{
    ArrayBuilder, KnownFormat, ObjectBuilder, OneOfBuilder, Schema, SchemaFormat, SchemaType, Type,
};

use crate::routes::office::case_forms::{Ask, facts};

/// A value that cannot be read: the field (dotted for a nested one) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unreadable {
    pub field: Option<String>,
    pub message: String,
}

fn unreadable(field: &str, message: impl Into<String>) -> Unreadable {
    Unreadable {
        field: Some(field.to_owned()),
        message: message.into(),
    }
}

const APPEAL_RESULTS: [&str; 3] = ["upheld", "changed", "annulled"];

/// The revision seen and the action the body describes.
pub(crate) fn read(body: Value) -> Result<(i64, Action), Unreadable> {
    let Value::Object(mut object) = body else {
        return Err(Unreadable {
            field: None,
            message: "the body must be a JSON object: the action's fields and `revision`".into(),
        });
    };
    let revision = match object.remove("revision") {
        None => {
            return Err(unreadable(
                "revision",
                "missing: the case's revision as you read it",
            ));
        }
        Some(value) => value.as_i64().filter(|r| *r >= 1).ok_or_else(|| {
            unreadable(
                "revision",
                "must be a whole number: the case's `revision` as you read it",
            )
        })?,
    };
    let kind = match object.get("action") {
        None => return Err(unreadable("action", "missing: the action to take")),
        Some(Value::String(name)) => decisions().find(|k| k.as_str() == name).ok_or_else(|| {
            unreadable(
                "action",
                format!("unknown action `{name}`; actions are {}", kind_list()),
            )
        })?,
        Some(_) => return Err(unreadable("action", "must be a string naming the action")),
    };
    let fields = facts(kind);
    if let Some(stray) = object
        .keys()
        .find(|key| *key != "action" && !fields.iter().any(|(name, _)| name == key))
    {
        let takes: Vec<&str> = fields.iter().map(|(name, _)| *name).collect();
        return Err(unreadable(
            stray,
            format!(
                "`{kind}` takes no `{stray}`; it takes {}",
                if takes.is_empty() {
                    "no facts".to_owned()
                } else {
                    takes.join(", ")
                }
            ),
        ));
    }
    for (name, ask) in fields {
        check(name, *ask, object.get(*name))?;
    }
    // What the store gives (the letter number) goes in empty, as the page sends it.
    for (name, _) in fields.iter().filter(|(_, ask)| *ask == Ask::Assigned) {
        object.insert((*name).to_owned(), Value::from(""));
    }
    // The checks above follow the same table as the domain's type; should they ever differ,
    // serde's own message still goes back, unnamed.
    let action = serde_json::from_value(Value::Object(object)).map_err(|e| Unreadable {
        field: None,
        message: e.to_string(),
    })?;
    Ok((revision, action))
}

/// The stage decisions: desk work (assigning, linking the subject, merging) has its own
/// endpoints, as it has its own forms.
fn decisions() -> impl Iterator<Item = ActionKind> {
    ActionKind::ALL
        .into_iter()
        .filter(|kind| !kind.is_desk_work())
}

fn kind_list() -> String {
    decisions()
        .map(ActionKind::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

fn check(name: &str, ask: Ask, value: Option<&Value>) -> Result<(), Unreadable> {
    if ask == Ask::Assigned {
        return match value {
            None => Ok(()),
            Some(_) => Err(unreadable(name, expected(ask))),
        };
    }
    let Some(value) = value else {
        return match ask {
            Ask::OptionalLine => Ok(()),
            _ => Err(unreadable(name, "missing")),
        };
    };
    let text = value.as_str();
    let ok = match ask {
        Ask::OptionalLine => value.is_null() || value.is_string(),
        Ask::LongText | Ask::Line | Ask::Sanction => value.is_string(),
        Ask::Date => text.is_some_and(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").is_ok()),
        Ask::Choice(allowed) => text.is_some_and(|t| allowed.contains(&t)),
        Ask::Violations => value
            .as_array()
            .is_some_and(|items| items.iter().all(Value::is_string)),
        Ask::AppealOutcome => return check_outcome(name, value),
        Ask::Assigned => false,
    };
    if ok {
        Ok(())
    } else {
        Err(unreadable(name, expected(ask)))
    }
}

fn expected(ask: Ask) -> String {
    match ask {
        Ask::LongText | Ask::Line | Ask::Sanction => "must be a string".into(),
        Ask::OptionalLine => "must be a string or null".into(),
        Ask::Date => "must be a date written YYYY-MM-DD".into(),
        Ask::Choice(allowed) => format!("must be one of {}", allowed.join(", ")),
        Ask::Violations => "must be a list of violation codes (strings)".into(),
        Ask::AppealOutcome => "must be an object with `result`".into(),
        Ask::Assigned => "is given by the system: leave it out".into(),
    }
}

/// `{"result": "upheld" | "annulled"}` or `{"result": "changed", "sanction": "…"}`.
fn check_outcome(name: &str, value: &Value) -> Result<(), Unreadable> {
    let Some(outcome) = value.as_object() else {
        return Err(unreadable(name, expected(Ask::AppealOutcome)));
    };
    let result_field = format!("{name}.result");
    let result = outcome
        .get("result")
        .and_then(Value::as_str)
        .filter(|r| APPEAL_RESULTS.contains(r))
        .ok_or_else(|| {
            unreadable(
                &result_field,
                format!("must be one of {}", APPEAL_RESULTS.join(", ")),
            )
        })?;
    let sanction_field = format!("{name}.sanction");
    match (result, outcome.get("sanction")) {
        ("changed", Some(Value::String(_))) => {}
        ("changed", _) => {
            return Err(unreadable(
                &sanction_field,
                "must be the code of the sanction the appeal put in place",
            ));
        }
        (_, Some(_)) => {
            return Err(unreadable(
                &sanction_field,
                "only a `changed` outcome names a sanction",
            ));
        }
        (_, None) => {}
    }
    if let Some(stray) = outcome.keys().find(|k| *k != "result" && *k != "sanction") {
        return Err(unreadable(
            &format!("{name}.{stray}"),
            "not a field of the outcome",
        ));
    }
    Ok(())
}

/// The body's schema for the OpenAPI description: one object per action.
pub(crate) struct DecisionRequest;

impl utoipa::PartialSchema for DecisionRequest {
    fn schema() -> RefOr<Schema> {
        let mut one_of = OneOfBuilder::new().description(Some(
            "The action as the case's event log keeps it, plus `revision`: the revision of the \
             case you decided on (from `GET /api/v1/cases/{number}`). The actions your role may \
             take at the case's stage are in that answer's `actions`.",
        ));
        for kind in decisions() {
            let mut object = ObjectBuilder::new()
                .title(Some(kind.as_str()))
                .property(
                    "action",
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .enum_values(Some([kind.as_str()])),
                )
                .required("action")
                .property(
                    "revision",
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64))),
                )
                .required("revision");
            for (name, ask) in facts(kind).iter().filter(|(_, ask)| *ask != Ask::Assigned) {
                object = object.property(*name, fact_schema(*ask));
                if *ask != Ask::OptionalLine {
                    object = object.required(*name);
                }
            }
            one_of = one_of.item(object);
        }
        one_of.into()
    }
}

impl utoipa::ToSchema for DecisionRequest {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("DecisionRequest")
    }
}

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

fn fact_schema(ask: Ask) -> RefOr<Schema> {
    match ask {
        Ask::LongText | Ask::Line => string().into(),
        Ask::Sanction => string()
            .description(Some("A sanction code of the case's rules version"))
            .into(),
        Ask::OptionalLine => ObjectBuilder::new()
            .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
            .into(),
        Ask::Date => string()
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .into(),
        Ask::Choice(allowed) => string().enum_values(Some(allowed.iter().copied())).into(),
        Ask::Violations => ArrayBuilder::new()
            .items(string().description(Some("A violation code of the case's rules version")))
            .into(),
        Ask::AppealOutcome => ObjectBuilder::new()
            .property("result", string().enum_values(Some(APPEAL_RESULTS)))
            .required("result")
            .property(
                "sanction",
                string().description(Some("Only with `changed`: the sanction now in place")),
            )
            .into(),
        Ask::Assigned => string()
            .description(Some("Given by the system: leave it out"))
            .into(),
    }
}

/// A valid example of `ask`'s value, for the tests: whatever the domain then thinks of it.
#[cfg(test)]
fn example(ask: Ask) -> Value {
    match ask {
        Ask::LongText | Ask::Line | Ask::Sanction => Value::from("X"),
        Ask::OptionalLine => Value::Null,
        Ask::Date => Value::from("2024-11-02"),
        Ask::Choice(allowed) => Value::from(allowed[0]),
        Ask::Violations => Value::from(vec!["MEDSOS_KAMPANYE"]),
        Ask::AppealOutcome => serde_json::json!({"result": "changed", "sanction": "S"}),
        Ask::Assigned => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Map, json};

    use super::*;

    /// The table the body is read by and the domain's `Action` agree on every action: a body
    /// built from the table is an action of that kind.
    #[test]
    fn every_action_of_the_table_is_one_of_the_domain() {
        for kind in decisions() {
            let mut object = Map::new();
            object.insert("action".into(), kind.as_str().into());
            object.insert("revision".into(), 4.into());
            for (name, ask) in facts(kind).iter().filter(|(_, ask)| *ask != Ask::Assigned) {
                object.insert((*name).to_owned(), example(*ask));
            }
            let (revision, action) =
                read(Value::Object(object)).unwrap_or_else(|e| panic!("{kind}: {e:?}"));
            assert_eq!((revision, action.kind()), (4, kind));
        }
    }

    #[test]
    fn the_event_log_form_of_an_action_is_read_back() {
        let action = Action::Reject {
            reason: netral_domain::case::RejectionReason::Duplicate,
            note: "sama dengan LAP-2024-000001".into(),
        };
        let mut body = serde_json::to_value(&action).unwrap();
        body["revision"] = json!(2);
        assert_eq!(read(body), Ok((2, action)));
    }

    fn field_of(body: Value) -> Option<String> {
        read(body).unwrap_err().field
    }

    #[test]
    fn every_unreadable_value_is_named() {
        let cases = [
            (json!({"action": "start_verification"}), "revision"),
            (
                json!({"action": "start_verification", "revision": "3"}),
                "revision",
            ),
            (json!({"revision": 3}), "action"),
            (json!({"action": "terbang", "revision": 3}), "action"),
            (json!({"action": 7, "revision": 3}), "action"),
            (
                json!({"action": "start_verification", "revision": 3, "note": "x"}),
                "note",
            ),
            (
                json!({"action": "reject", "revision": 3, "note": "x"}),
                "reason",
            ),
            (
                json!({"action": "reject", "revision": 3, "reason": "bosan", "note": "x"}),
                "reason",
            ),
            (
                json!({"action": "record_follow_up", "revision": 3, "decree_number": "1",
                       "decree_date": "kemarin", "sanction": "S"}),
                "decree_date",
            ),
            (
                json!({"action": "find_violation", "revision": 3, "violations": "ATRIBUT",
                       "note": "x"}),
                "violations",
            ),
            (
                json!({"action": "pass_verification", "revision": 3, "note": 5}),
                "note",
            ),
            (
                json!({"action": "decide_appeal", "revision": 3, "note": "x",
                       "outcome": {"result": "changed"}}),
                "outcome.sanction",
            ),
            (
                json!({"action": "decide_appeal", "revision": 3, "note": "x",
                       "outcome": {"result": "kabur"}}),
                "outcome.result",
            ),
        ];
        for (body, field) in cases {
            assert_eq!(field_of(body.clone()).as_deref(), Some(field), "{body}");
        }
        assert_eq!(field_of(json!([1, 2])), None);
    }

    #[test]
    fn the_optional_override_reason_and_the_letter_number_are_left_out() {
        let body = json!({"action": "issue_recommendation", "revision": 5, "sanction": "S"});
        let (_, action) = read(body).unwrap();
        assert_eq!(
            action,
            Action::IssueRecommendation {
                letter_number: String::new(),
                sanction: "S".into(),
                override_reason: None,
            },
            "the store numbers the letter"
        );
        let typed = json!({"action": "issue_recommendation", "revision": 5,
                           "letter_number": "R-1/BKN/2024", "sanction": "S"});
        assert_eq!(field_of(typed).as_deref(), Some("letter_number"));
    }
}
