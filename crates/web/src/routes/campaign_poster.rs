//! `GET /pilih-netral?instansi=CODE`: the "ASN Pilih Netral" campaign message as a printable
//! poster (one A4 page when printed: the print style sheet hides the site around it), made
//! from the guide's most read questions with their short answers, for one agency or for all.
//! Answers come from the rule set in force, so a poster printed after a rules change says the
//! new thing.

use axum::extract::{Query, State};
use axum::response::Html;
use netral_store::prevention::guide_reads::most_read;
use netral_store::registry::prevention::pact_coverage_of;
use serde::{Deserialize, Serialize};

use super::guide::{AnswerView, answer_view, rules_today};
use crate::app::Ctx;
use crate::error::WebError;
use crate::page::Page;

/// Questions on one poster: what fits a printed page in a readable size.
pub(crate) const POSTER_QUESTIONS: usize = 6;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Params {
    #[serde(default)]
    instansi: String,
}

#[derive(Serialize)]
struct View {
    agency: Option<String>,
    questions: Vec<AnswerView>,
    oversight_body: String,
}

pub(crate) async fn show(
    page: Page,
    State(ctx): State<Ctx>,
    Query(params): Query<Params>,
) -> Result<Html<String>, WebError> {
    let set = rules_today(&ctx)?;
    let code = params.instansi.trim();
    let agency = if code.is_empty() {
        None
    } else {
        Some(
            pact_coverage_of(&ctx.app.db, code, "")
                .await?
                .ok_or(WebError::NotFound)?
                .agency_name,
        )
    };
    // The most read first; entries nobody opened yet follow in the order of the rules file.
    let reads = most_read(&ctx.app.db).await?;
    let mut codes: Vec<&str> = reads
        .iter()
        .map(|(code, _)| code.as_str())
        .filter(|code| set.guide_answer(code).is_some())
        .collect();
    for entry in &set.guide {
        if !codes.contains(&entry.code.as_str()) {
            codes.push(&entry.code);
        }
    }
    let questions = codes
        .into_iter()
        .take(POSTER_QUESTIONS)
        .filter_map(|code| set.guide_answer(code))
        .map(|answer| answer_view(page.lang, &answer))
        .collect();
    page.render(
        "prevention/poster.html",
        View {
            agency,
            questions,
            oversight_body: set.oversight_body.clone(),
        },
    )
}
