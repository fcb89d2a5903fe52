//! The decision forms of the case page, one per action, generated from one table: which facts
//! each action records and how they are asked. A submitted form becomes the domain's `Action`
//! through its serialised form, so the fields here are exactly the ones the event log keeps,
//! and the domain's own checks (required fields, known codes, the override reason) apply.

use netral_domain::case::{Action, ActionKind, CaseState, Role, permitted};
use netral_domain::rules::{Bilingual, RuleSet};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::i18n::Lang;

/// How a fact is asked (and, for the JSON API, what JSON value it takes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ask {
    /// A paragraph.
    LongText,
    /// A line: a letter or decree number.
    Line,
    Date,
    /// One of fixed values, each labelled `office-choice-<value>`.
    Choice(&'static [&'static str]),
    /// Violation codes of the case's rules, as checkboxes.
    Violations,
    /// A sanction code of the case's rules; the suggested one chosen first.
    Sanction,
    /// A line that may stay empty.
    OptionalLine,
    /// Upheld, changed (with a sanction) or annulled.
    AppealOutcome,
    /// Not asked: the letter number, which the store assigns (it stays in the action, and so
    /// in the event log, as before).
    Assigned,
}

const NOTE: (&str, Ask) = ("note", Ask::LongText);

/// The facts `kind` records, in the order the form asks them: the fields of the domain's
/// `Action` for it. The JSON API reads and describes decisions from this table too.
pub(crate) fn facts(kind: ActionKind) -> &'static [(&'static str, Ask)] {
    use ActionKind as A;
    match kind {
        A::StartVerification | A::ResumeClock => &[],
        A::PassVerification | A::Cancel | A::FindNotProven | A::Close => &[NOTE],
        A::Reject => &[
            (
                "reason",
                Ask::Choice(&["not_an_asn", "no_evidence", "out_of_scope", "duplicate"]),
            ),
            NOTE,
        ],
        A::MarkSeparated => &[
            (
                "separation",
                Ask::Choice(&["retired", "dismissed", "resigned", "died"]),
            ),
            NOTE,
        ],
        A::PauseClock | A::RecordRefusal => &[("reason", Ask::LongText)],
        A::FindViolation => &[("violations", Ask::Violations), NOTE],
        A::IssueRecommendation => &[
            ("letter_number", Ask::Assigned),
            ("sanction", Ask::Sanction),
            ("override_reason", Ask::OptionalLine),
        ],
        A::RecordFollowUp | A::Unblock => &[
            ("decree_number", Ask::Line),
            ("decree_date", Ask::Date),
            ("sanction", Ask::Sanction),
        ],
        A::Warn => &[("letter_number", Ask::Assigned)],
        A::BlockData => &[("request_number", Ask::Line)],
        A::FileAppeal => &[
            ("kind", Ask::Choice(&["objection", "administrative_appeal"])),
            ("filed_on", Ask::Date),
        ],
        A::DecideAppeal => &[("outcome", Ask::AppealOutcome), NOTE],
        // Desk work has forms of its own (case_assign, case_link, case_merge).
        A::Assign | A::LinkSubject | A::MergeInto => &[],
    }
}

/// The actions `role` may take on a case in `state`, in the domain's order.
pub(crate) fn available(role: Role, state: CaseState) -> Vec<ActionKind> {
    ActionKind::ALL
        .into_iter()
        .filter(|kind| !kind.is_desk_work())
        .filter(|kind| permitted(*kind, state).is_some_and(|(_, roles)| roles.contains(&role)))
        .collect()
}

/// A form as the template draws it: every text a Fluent key or a value from the rules.
#[derive(Debug, Serialize)]
pub(super) struct FormView {
    pub action: &'static str,
    pub title_key: String,
    /// A line under the title, for forms that need one said.
    pub hint_key: Option<&'static str>,
    pub fields: Vec<FieldView>,
}

#[derive(Debug, Serialize)]
pub(super) struct FieldView {
    pub name: &'static str,
    pub label_key: String,
    /// `long_text`, `line`, `date`, `choice`, `checkboxes`, `optional_line`, `select`.
    pub input: &'static str,
    pub options: Vec<OptionView>,
}

#[derive(Debug, Serialize)]
pub(super) struct OptionView {
    pub value: String,
    /// A Fluent key (fixed choices) or a text from the rules (violations, sanctions).
    pub key: Option<String>,
    pub text: Option<String>,
    pub selected: bool,
}

fn title(text: &Bilingual, lang: Lang) -> String {
    lang.pick(text).to_owned()
}

pub(super) fn form_view(
    kind: ActionKind,
    rules: &RuleSet,
    proven: &[String],
    lang: Lang,
) -> FormView {
    let suggested = rules
        .suggested_sanction(proven.iter().map(String::as_str))
        .map(|s| s.code.clone());
    let sanctions = |selected: Option<&str>| -> Vec<OptionView> {
        rules
            .sanctions
            .iter()
            .map(|s| OptionView {
                value: s.code.clone(),
                key: None,
                text: Some(title(&s.title, lang)),
                selected: Some(s.code.as_str()) == selected,
            })
            .collect()
    };
    let fields = facts(kind)
        .iter()
        .filter(|(_, ask)| *ask != Ask::Assigned)
        .map(|(name, ask)| {
            let (input, options) = match ask {
                Ask::LongText => ("long_text", Vec::new()),
                Ask::Line => ("line", Vec::new()),
                Ask::OptionalLine => ("optional_line", Vec::new()),
                Ask::Date => ("date", Vec::new()),
                Ask::Choice(values) => ("choice", choice_options(values)),
                Ask::Violations => (
                    "checkboxes",
                    rules
                        .violations
                        .iter()
                        .map(|v| OptionView {
                            value: v.code.clone(),
                            key: None,
                            text: Some(title(&v.title, lang)),
                            selected: proven.contains(&v.code),
                        })
                        .collect(),
                ),
                Ask::Sanction => ("select", sanctions(suggested.as_deref())),
                Ask::AppealOutcome => {
                    ("choice", choice_options(&["upheld", "changed", "annulled"]))
                }
                Ask::Assigned => unreachable!("filtered out above"),
            };
            let mut field = FieldView {
                name,
                label_key: format!("office-field-{}", name.replace('_', "-")),
                input,
                options,
            };
            if *ask == Ask::AppealOutcome {
                // The changed sanction rides along as a second field.
                field.label_key = "office-field-outcome".into();
            }
            field
        })
        .collect::<Vec<_>>();
    let mut fields = fields;
    if kind == ActionKind::DecideAppeal {
        fields.insert(
            1,
            FieldView {
                name: "changed_sanction",
                label_key: "office-field-changed-sanction".into(),
                input: "select",
                options: sanctions(None),
            },
        );
    }
    let numbers_a_letter = facts(kind).iter().any(|(_, ask)| *ask == Ask::Assigned);
    FormView {
        action: kind.as_str(),
        title_key: format!("office-action-{}", kind.as_str().replace('_', "-")),
        hint_key: numbers_a_letter.then_some("office-letter-numbered"),
        fields,
    }
}

fn choice_options(values: &[&str]) -> Vec<OptionView> {
    values
        .iter()
        .map(|v| OptionView {
            value: (*v).to_owned(),
            key: Some(format!("office-choice-{}", v.replace('_', "-"))),
            text: None,
            selected: false,
        })
        .collect()
}

/// Why a submitted form is not an action: the field it is about (or the whole form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Unreadable {
    pub field: Option<&'static str>,
}

/// The action a submitted form describes. Form values come as (name, value) pairs; checkboxes
/// repeat their name.
pub(super) fn parse(kind: ActionKind, values: &[(String, String)]) -> Result<Action, Unreadable> {
    let first = |name: &str| {
        values
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let mut object = Map::new();
    object.insert("action".into(), Value::String(kind.as_str().into()));
    for (name, ask) in facts(kind) {
        let value = match ask {
            Ask::Violations => Value::Array(
                values
                    .iter()
                    .filter(|(n, _)| n == name)
                    .map(|(_, v)| Value::String(v.clone()))
                    .collect(),
            ),
            Ask::OptionalLine => {
                let text = first(name);
                if text.is_empty() {
                    Value::Null
                } else {
                    Value::String(text)
                }
            }
            // Checked here, as serde's messages do not always name the field.
            Ask::Date => {
                let text = first(name);
                if chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").is_err() {
                    return Err(Unreadable { field: Some(name) });
                }
                Value::String(text)
            }
            Ask::Choice(allowed) => {
                let text = first(name);
                if !allowed.contains(&text.as_str()) {
                    return Err(Unreadable { field: Some(name) });
                }
                Value::String(text)
            }
            Ask::AppealOutcome => {
                let result = first(name);
                let mut outcome = Map::new();
                outcome.insert("result".into(), Value::String(result.clone()));
                if result == "changed" {
                    outcome.insert("sanction".into(), Value::String(first("changed_sanction")));
                }
                Value::Object(outcome)
            }
            Ask::LongText | Ask::Line | Ask::Sanction => Value::String(first(name)),
            // Whatever a crafted form sends, the store assigns the number.
            Ask::Assigned => Value::String(String::new()),
        };
        object.insert((*name).to_owned(), value);
    }
    serde_json::from_value(Value::Object(object)).map_err(|e| {
        // Serde names the field it could not read (a date, a choice) in its message.
        let message = e.to_string();
        let field = facts(kind)
            .iter()
            .map(|(name, _)| *name)
            .find(|name| message.contains(&format!("`{name}`")));
        Unreadable { field }
    })
}

/// Every Fluent key these forms compute, for the translation tests.
#[cfg(test)]
pub(super) fn computed_keys() -> Vec<String> {
    let mut keys = Vec::new();
    for kind in ActionKind::ALL {
        keys.push(format!("office-action-{}", kind.as_str().replace('_', "-")));
        for (name, ask) in facts(kind).iter().filter(|(_, ask)| *ask != Ask::Assigned) {
            keys.push(format!("office-field-{}", name.replace('_', "-")));
            if let Ask::Choice(values) = ask {
                keys.extend(
                    values
                        .iter()
                        .map(|v| format!("office-choice-{}", v.replace('_', "-"))),
                );
            }
        }
    }
    keys.extend(["upheld", "changed", "annulled"].map(|v| format!("office-choice-{v}")));
    keys.push("office-field-changed-sanction".into());
    keys.push("office-letter-numbered".into());
    keys
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use netral_domain::case::{AppealOutcome, RejectionReason};

    use super::*;
    use crate::i18n::Catalog;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn forms_become_the_domains_actions() {
        assert_eq!(
            parse(
                ActionKind::Reject,
                &pairs(&[("reason", "duplicate"), ("note", " sama ")])
            ),
            Ok(Action::Reject {
                reason: RejectionReason::Duplicate,
                note: "sama".into()
            })
        );
        assert_eq!(
            parse(
                ActionKind::FindViolation,
                &pairs(&[
                    ("violations", "MEDSOS_KAMPANYE"),
                    ("violations", "FOTO_KEBERPIHAKAN"),
                    ("note", "terbukti")
                ])
            ),
            Ok(Action::FindViolation {
                violations: vec!["MEDSOS_KAMPANYE".into(), "FOTO_KEBERPIHAKAN".into()],
                note: "terbukti".into()
            })
        );
        assert_eq!(
            parse(
                ActionKind::IssueRecommendation,
                &pairs(&[
                    ("letter_number", "R-12/BKN/2024"),
                    ("sanction", "X"),
                    ("override_reason", "")
                ])
            ),
            Ok(Action::IssueRecommendation {
                letter_number: String::new(),
                sanction: "X".into(),
                override_reason: None
            }),
            "the store numbers letters: a number sent along is dropped"
        );
        assert_eq!(
            parse(ActionKind::Warn, &[]),
            Ok(Action::Warn {
                letter_number: String::new()
            })
        );
        assert_eq!(
            parse(
                ActionKind::RecordFollowUp,
                &pairs(&[
                    ("decree_number", "800/12"),
                    ("decree_date", "2024-11-02"),
                    ("sanction", "S")
                ])
            ),
            Ok(Action::RecordFollowUp {
                decree_number: "800/12".into(),
                decree_date: NaiveDate::from_ymd_opt(2024, 11, 2).unwrap(),
                sanction: "S".into()
            })
        );
        assert_eq!(
            parse(
                ActionKind::DecideAppeal,
                &pairs(&[
                    ("outcome", "changed"),
                    ("changed_sanction", "S2"),
                    ("note", "n")
                ])
            ),
            Ok(Action::DecideAppeal {
                outcome: AppealOutcome::Changed {
                    sanction: "S2".into()
                },
                note: "n".into()
            })
        );
    }

    #[test]
    fn an_unreadable_value_names_its_field() {
        assert_eq!(
            parse(
                ActionKind::RecordFollowUp,
                &pairs(&[
                    ("decree_number", "1"),
                    ("decree_date", "kemarin"),
                    ("sanction", "S")
                ])
            ),
            Err(Unreadable {
                field: Some("decree_date")
            })
        );
        assert_eq!(
            parse(ActionKind::Reject, &pairs(&[("note", "x")])),
            Err(Unreadable {
                field: Some("reason")
            })
        );
        assert_eq!(
            parse(
                ActionKind::Reject,
                &pairs(&[("reason", "bosan"), ("note", "x")])
            )
            .unwrap_err()
            .field,
            Some("reason")
        );
    }

    #[test]
    fn every_computed_label_is_translated() {
        let catalog = Catalog::load().unwrap();
        for lang in Lang::ALL {
            for key in computed_keys() {
                catalog
                    .text(lang, &key, None)
                    .unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
}
