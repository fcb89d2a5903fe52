//! What a set of responses says, question by question.

use super::response::{AnswerValue, SurveyResponse};
use super::template::{Choice, QuestionKind, SurveyTemplate};

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionResult {
    pub code: String,
    /// How many responses answered it.
    pub answered: u32,
    pub detail: ResultDetail,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ResultDetail {
    /// Each option with how many chose it (for a multiple choice, shares may add up past 100 %).
    Choices(Vec<(Choice, u32)>),
    /// How many gave each value from min to max, and their mean.
    Scale {
        counts: Vec<(u8, u32)>,
        mean: Option<f64>,
    },
    /// The texts, in the order given.
    Texts(Vec<String>),
}

/// Counts every question of `template` over `responses`; answers to questions the template no
/// longer has are ignored.
pub fn summarise(template: &SurveyTemplate, responses: &[SurveyResponse]) -> Vec<QuestionResult> {
    template
        .questions
        .iter()
        .map(|question| {
            let answers: Vec<&AnswerValue> = responses
                .iter()
                .filter_map(|r| r.answers.get(&question.code))
                .collect();
            let detail = match &question.kind {
                QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
                    ResultDetail::Choices(
                        options
                            .iter()
                            .map(|option| {
                                let n = answers
                                    .iter()
                                    .filter(|a| match a {
                                        AnswerValue::Choice(c) => *c == option.code,
                                        AnswerValue::Choices(cs) => cs.contains(&option.code),
                                        _ => false,
                                    })
                                    .count();
                                (option.clone(), n as u32)
                            })
                            .collect(),
                    )
                }
                QuestionKind::Scale { min, max, .. } => {
                    let values: Vec<u8> = answers
                        .iter()
                        .filter_map(|a| match a {
                            AnswerValue::Scale(n) => Some(*n),
                            _ => None,
                        })
                        .collect();
                    ResultDetail::Scale {
                        counts: (*min..=*max)
                            .map(|v| (v, values.iter().filter(|n| **n == v).count() as u32))
                            .collect(),
                        mean: mean(values.iter().map(|n| f64::from(*n))),
                    }
                }
                QuestionKind::Text => ResultDetail::Texts(
                    answers
                        .iter()
                        .filter_map(|a| match a {
                            AnswerValue::Text(t) => Some(t.clone()),
                            _ => None,
                        })
                        .collect(),
                ),
            };
            QuestionResult {
                code: question.code.clone(),
                answered: answers.len() as u32,
                detail,
            }
        })
        .collect()
}

/// One figure per response for comparing meetings, agencies and months: the mean of its scale
/// answers, each put on 0–100 (min = 0, max = 100), so scales of different lengths weigh
/// alike. `None` for a response that answered no scale question.
pub fn mean_score(template: &SurveyTemplate, response: &SurveyResponse) -> Option<f64> {
    mean(
        template
            .questions
            .iter()
            .filter_map(|q| match (&q.kind, response.answers.get(&q.code)) {
                (QuestionKind::Scale { min, max, .. }, Some(AnswerValue::Scale(n))) => {
                    Some(f64::from(n - min) * 100.0 / f64::from(max - min))
                }
                _ => None,
            }),
    )
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}
