//! A survey's questions as the template file gives them: single choice, multiple choice, a
//! scale, or free text.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::rules::parse::deserialize;
use crate::rules::{Bilingual, RulesError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SurveyTemplate {
    /// Unique among templates, e.g. `evaluasi-sosialisasi`; events keep it.
    pub code: String,
    pub title: Bilingual,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// Unique within the template; the key of the answer.
    pub code: String,
    pub prompt: Bilingual,
    pub kind: QuestionKind,
    /// Whether a response without an answer to it is refused.
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionKind {
    Single {
        options: Vec<Choice>,
    },
    Multiple {
        options: Vec<Choice>,
    },
    /// Whole numbers from `min` to `max`, with the words for both ends.
    Scale {
        min: u8,
        max: u8,
        low: Bilingual,
        high: Bilingual,
    },
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub code: String,
    pub label: Bilingual,
}

impl SurveyTemplate {
    pub fn question(&self, code: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.code == code)
    }
}

impl QuestionKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Single { .. } => "single",
            Self::Multiple { .. } => "multiple",
            Self::Scale { .. } => "scale",
            Self::Text => "text",
        }
    }

    pub fn options(&self) -> &[Choice] {
        match self {
            Self::Single { options } | Self::Multiple { options } => options,
            _ => &[],
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTemplate {
    code: String,
    title: Bilingual,
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    code: String,
    kind: String,
    prompt: Bilingual,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    options: Vec<Choice>,
    min: Option<u8>,
    max: Option<u8>,
    low: Option<Bilingual>,
    high: Option<Bilingual>,
}

/// Reads one template file; every mistake names the question's field.
pub fn parse_survey_template(file: &str, text: &str) -> Result<SurveyTemplate, RulesError> {
    let raw: RawTemplate = deserialize(file, text)?;
    if raw.questions.is_empty() {
        return Err(
            RulesError::new(file, "a survey needs at least one question").field("questions"),
        );
    }
    let mut codes = HashSet::new();
    let mut questions = Vec::with_capacity(raw.questions.len());
    for (i, q) in raw.questions.into_iter().enumerate() {
        let at = |key: &str| format!("questions[{i}].{key}");
        if !codes.insert(q.code.clone()) {
            return Err(
                RulesError::new(file, format!("question code `{}` is used twice", q.code))
                    .field(at("code")),
            );
        }
        let kind = question_kind(file, &q, &at)?;
        questions.push(Question {
            code: q.code,
            prompt: q.prompt,
            kind,
            required: q.required,
        });
    }
    Ok(SurveyTemplate {
        code: raw.code,
        title: raw.title,
        questions,
    })
}

fn question_kind(
    file: &str,
    q: &RawQuestion,
    at: &dyn Fn(&str) -> String,
) -> Result<QuestionKind, RulesError> {
    let choice_kind = matches!(q.kind.as_str(), "single" | "multiple");
    if !choice_kind && !q.options.is_empty() {
        return Err(
            RulesError::new(file, "only choice questions have options").field(at("options"))
        );
    }
    let scale_keys = q.min.is_some() || q.max.is_some() || q.low.is_some() || q.high.is_some();
    if q.kind != "scale" && scale_keys {
        return Err(
            RulesError::new(file, "only scale questions have min, max, low and high")
                .field(at("kind")),
        );
    }
    if choice_kind {
        if q.options.len() < 2 {
            return Err(
                RulesError::new(file, "a choice question needs at least two options")
                    .field(at("options")),
            );
        }
        let mut seen = HashSet::new();
        if let Some(twice) = q.options.iter().find(|o| !seen.insert(o.code.as_str())) {
            return Err(RulesError::new(
                file,
                format!("option code `{}` is used twice", twice.code),
            )
            .field(at("options")));
        }
    }
    Ok(match q.kind.as_str() {
        "single" => QuestionKind::Single {
            options: q.options.clone(),
        },
        "multiple" => QuestionKind::Multiple {
            options: q.options.clone(),
        },
        "text" => QuestionKind::Text,
        "scale" => {
            let (Some(min), Some(max), Some(low), Some(high)) =
                (q.min, q.max, q.low.clone(), q.high.clone())
            else {
                return Err(
                    RulesError::new(file, "a scale needs min, max, low and high").field(at("kind")),
                );
            };
            if min >= max || max - min > 10 {
                return Err(RulesError::new(
                    file,
                    format!("a scale runs from a smaller to a larger number, at most 10 apart (got {min} to {max})"),
                )
                .field(at("max")));
            }
            QuestionKind::Scale {
                min,
                max,
                low,
                high,
            }
        }
        other => {
            return Err(RulesError::new(
                file,
                format!("unknown question kind `{other}`; use single, multiple, scale or text"),
            )
            .field(at("kind")));
        }
    })
}
