//! `GET /lapor/cek-nomor?subject_number=…`: the live check of the NIP/NIK field, a fragment
//! that htmx puts under the field. Says what is wrong with a number, or whether the roster
//! knows it, with the name masked: enough for a reporter to confirm they have the right person,
//! not enough to turn the form into a NIP-to-name directory. Valid NIPs are the only requests
//! that reach the roster, and they count against the client's look-up allowance.

use std::net::IpAddr;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use netral_domain::ids::{Nip, PersonName};
use netral_store::{rate_limit, registry};
use serde::{Deserialize, Serialize};

use crate::app::Ctx;
use crate::client::ClientIp;
use crate::error::WebError;
use crate::forms::{SubjectNumber, number_problem, parse_subject_number, private_page, word};
use crate::page::Page;

#[derive(Debug, Default, Deserialize)]
pub(crate) struct NumberQuery {
    #[serde(default)]
    subject_number: String,
}

#[derive(Serialize, Default)]
struct CheckView {
    /// `empty`, `invalid`, `found`, `not_found`, `nik`, `limited`.
    outcome: &'static str,
    message: String,
    name: String,
    position: String,
    agency: String,
}

pub(crate) async fn check(
    page: Page,
    State(ctx): State<Ctx>,
    ClientIp(ip): ClientIp,
    query: Result<Query<NumberQuery>, QueryRejection>,
) -> Result<Response, WebError> {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let view = match parse_subject_number(&query.subject_number) {
        Ok(None) => CheckView {
            outcome: "empty",
            ..CheckView::default()
        },
        Err(e) => {
            let problem = number_problem("subject_number", &e);
            let message = word(&page, &[problem])?.remove(0).message;
            CheckView {
                outcome: "invalid",
                message,
                ..CheckView::default()
            }
        }
        // The roster is keyed by NIP; a NIK is matched by the verifiers later.
        Ok(Some(SubjectNumber::Nik(_))) => CheckView {
            outcome: "nik",
            ..CheckView::default()
        },
        Ok(Some(SubjectNumber::Nip(nip))) => look_up_nip(&ctx, ip, &nip).await?,
    };
    // 200 whatever the outcome: the fragment is a message for the form, and htmx only swaps
    // successful responses in.
    let html = page.render("number_check.html", view)?;
    Ok(private_page(StatusCode::OK, html, None))
}

/// The roster's answer for a valid NIP, unless the client has asked too often.
async fn look_up_nip(ctx: &Ctx, ip: IpAddr, nip: &Nip) -> Result<CheckView, WebError> {
    let settings = &ctx.app.intake;
    if settings.lookups_per_window > 0 {
        let bucket = format!("lookup:{ip}");
        let hits = rate_limit::hit(&ctx.app.db, &bucket, settings.window(), Utc::now()).await?;
        if hits > settings.lookups_per_window {
            return Ok(CheckView {
                outcome: "limited",
                ..CheckView::default()
            });
        }
    }
    Ok(match registry::find_by_nip(&ctx.app.db, nip).await? {
        Some(found) => CheckView {
            outcome: "found",
            name: mask_name(&found.name),
            position: found.position,
            agency: found.agency,
            ..CheckView::default()
        },
        None => CheckView {
            outcome: "not_found",
            ..CheckView::default()
        },
    })
}

/// "Drs. H. Ahmad Suryana, M.Si." → "A**** S******": titles dropped (they would give away
/// more than the initials), each word reduced to its first letter and one star per letter.
fn mask_name(written: &str) -> String {
    let name = written
        .parse::<PersonName>()
        .map(|name| name.given_name().to_owned())
        .unwrap_or_else(|_| written.to_owned());
    name.split_whitespace()
        .map(|word| {
            let mut letters = word.chars();
            let first = letters.next().unwrap_or('*');
            let rest = "*".repeat(letters.count());
            format!("{first}{rest}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::mask_name;

    #[test]
    fn names_keep_only_their_initials() {
        assert_eq!(mask_name("Drs. H. Ahmad Suryana, M.Si."), "A**** S******");
        assert_eq!(mask_name("Sukarno"), "S******");
        assert_eq!(mask_name("Ni Made Ayu"), "N* M*** A**");
    }
}
