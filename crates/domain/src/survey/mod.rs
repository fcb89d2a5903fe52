//! Evaluation surveys of socialization meetings (*sosialisasi*): oversight bodies ask the
//! participants how useful a meeting was and what they understood. A survey is built from a
//! question template kept as data (`rules/surveys/*.toml`), filled without an account, and
//! summarised per meeting, per agency and over time.

mod response;
mod results;
mod template;

pub use response::{
    AnswerProblem, AnswerValue, MAX_TEXT_CHARS, SurveyResponse, field_name, read_response,
};
pub use results::{QuestionResult, ResultDetail, mean_score, summarise};
pub use template::{Choice, Question, QuestionKind, SurveyTemplate, parse_survey_template};

#[cfg(test)]
mod tests;
