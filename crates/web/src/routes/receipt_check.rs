//! Opening a report with its number and receipt code, for the status page and for replies,
//! guarded against guessing: a report number whose codes were tried wrong too often is closed
//! for the rest of the rate window (even to the right code, or guessing would just continue
//! until it hit), and every wrong try is answered only after a pause. An unknown number and a
//! wrong code get the same answer after the same wait, so the page does not tell which report
//! numbers exist.

use std::time::Duration;

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use netral_store::rate_limit;
use netral_store::thread::{self, ReporterView};
use netral_store::vault::{ReceiptCode, ReceiptCodeError};

use crate::app::AppState;
use crate::error::WebError;
use crate::forms::{Problem, WHOLE_FORM};

/// Long enough to make guessing slow, short enough that a reporter with a typo barely notices.
const WRONG_TRY_PAUSE: Duration = Duration::from_secs(1);
/// Report numbers are short (`LAP-2024-000123`); anything longer is not one, and is cut before
/// it becomes a rate-limit bucket name.
const MAX_NUMBER_LEN: usize = 40;

pub(super) enum Opened {
    Report {
        view: ReporterView,
        code: ReceiptCode,
    },
    Refused {
        problem: Problem,
        status: StatusCode,
    },
}

fn refused(problem: Problem, status: StatusCode) -> Opened {
    Opened::Refused { problem, status }
}

/// `LAP-2024-000123` however it was typed: in lower case, or with spaces between the parts.
pub(super) fn normalise_number(typed: &str) -> String {
    typed
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .to_uppercase()
        .chars()
        .take(MAX_NUMBER_LEN)
        .collect()
}

pub(super) async fn open_report(
    app: &AppState,
    typed_number: &str,
    typed_code: &str,
    now: DateTime<Utc>,
) -> Result<Opened, WebError> {
    let number = normalise_number(typed_number);
    if number.is_empty() {
        return Ok(refused(
            Problem::new("report_number", "form-missing"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    let settings = &app.intake;
    let bucket = format!("receipt-fail:{number}");
    let window = settings.window();
    if settings.wrong_receipts_per_window > 0
        && rate_limit::hits(&app.db, &bucket, window, now).await?
            >= settings.wrong_receipts_per_window
    {
        let minutes = settings.rate_window.as_secs().div_ceil(60);
        let problem = Problem::new(WHOLE_FORM, "status-locked").arg("minutes", minutes as usize);
        return Ok(refused(problem, StatusCode::TOO_MANY_REQUESTS));
    }
    // A code that cannot be one is a typo, not a guess: said plainly, and not counted.
    let code = match ReceiptCode::parse(typed_code) {
        Ok(code) => code,
        Err(ReceiptCodeError::WrongLength(0)) => {
            return Ok(refused(
                Problem::new("receipt_code", "form-missing"),
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
        Err(ReceiptCodeError::WrongLength(got)) => {
            return Ok(refused(
                Problem::new("receipt_code", "status-code-length").arg("got", got),
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
        Err(ReceiptCodeError::InvalidCharacter(found)) => {
            return Ok(refused(
                Problem::new("receipt_code", "status-code-character")
                    .arg("found", found.to_string()),
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
    };
    match thread::reporter_view(&app.db, &number, &code.hash()).await? {
        Some(view) => Ok(Opened::Report { view, code }),
        None => {
            rate_limit::hit(&app.db, &bucket, window, now).await?;
            tokio::time::sleep(WRONG_TRY_PAUSE).await;
            Ok(refused(
                Problem::new(WHOLE_FORM, "status-no-match"),
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::normalise_number;

    #[test]
    fn numbers_are_read_as_typed_by_people() {
        assert_eq!(normalise_number(" lap-2024-000123 "), "LAP-2024-000123");
        assert_eq!(normalise_number("LAP 2024 - 000123"), "LAP-2024-000123");
        assert_eq!(normalise_number(&"9".repeat(100)).len(), 40);
    }
}
