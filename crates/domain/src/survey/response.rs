//! One participant's answers, read from the survey form and checked against the template.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::template::{QuestionKind, SurveyTemplate};

/// Free-text answers are cut off here: a survey is not a place for documents.
pub const MAX_TEXT_CHARS: usize = 2_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerValue {
    Choice(String),
    Choices(Vec<String>),
    Scale(u8),
    Text(String),
}

/// Answers by question code; unanswered optional questions are absent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyResponse {
    pub answers: BTreeMap<String, AnswerValue>,
}

/// A question the form answered wrongly or not at all: the page shows `problem` (a translation
/// key) beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerProblem {
    pub question: String,
    pub problem: &'static str,
}

/// The form field that carries the answer to `question`: `q_` and its code (repeated for a
/// multiple choice).
pub fn field_name(question: &str) -> String {
    format!("q_{question}")
}

/// Reads the answers from the submitted fields (in order, repeated names allowed), refusing
/// values the template does not offer and missing required answers; every problem is reported
/// at once so the participant fixes them in one go.
pub fn read_response(
    template: &SurveyTemplate,
    fields: &[(String, String)],
) -> Result<SurveyResponse, Vec<AnswerProblem>> {
    let mut response = SurveyResponse::default();
    let mut problems = Vec::new();
    for question in &template.questions {
        let name = field_name(&question.code);
        let values: Vec<&str> = fields
            .iter()
            .filter(|(k, _)| *k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .collect();
        let problem = |problem| AnswerProblem {
            question: question.code.clone(),
            problem,
        };
        if values.is_empty() {
            if question.required {
                problems.push(problem("survey-error-required"));
            }
            continue;
        }
        let known = |v: &str| question.kind.options().iter().any(|o| o.code == v);
        let value = match &question.kind {
            QuestionKind::Single { .. } => match values.as_slice() {
                [one] if known(one) => AnswerValue::Choice((*one).to_owned()),
                _ => {
                    problems.push(problem("survey-error-choice"));
                    continue;
                }
            },
            QuestionKind::Multiple { options } => {
                if !values.iter().all(|v| known(v)) {
                    problems.push(problem("survey-error-choice"));
                    continue;
                }
                // In the template's order, each once.
                AnswerValue::Choices(
                    options
                        .iter()
                        .filter(|o| values.contains(&o.code.as_str()))
                        .map(|o| o.code.clone())
                        .collect(),
                )
            }
            QuestionKind::Scale { min, max, .. } => match values.as_slice() {
                [one] => match one.parse::<u8>() {
                    Ok(n) if (*min..=*max).contains(&n) => AnswerValue::Scale(n),
                    _ => {
                        problems.push(problem("survey-error-scale"));
                        continue;
                    }
                },
                _ => {
                    problems.push(problem("survey-error-scale"));
                    continue;
                }
            },
            QuestionKind::Text => {
                let text = values.join("\n");
                if text.chars().count() > MAX_TEXT_CHARS {
                    problems.push(problem("survey-error-too-long"));
                    continue;
                }
                AnswerValue::Text(text)
            }
        };
        response.answers.insert(question.code.clone(), value);
    }
    if problems.is_empty() {
        Ok(response)
    } else {
        Err(problems)
    }
}
