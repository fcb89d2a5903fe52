//! Letters through the back office: a recommendation issued on the case page is numbered by the
//! system, the worker makes its PDF, and the case page lists it with a download whose text says
//! the number, the civil servant and the sanction; the warning gets its own sequence.

use netral_domain::access::ScopeSpec;
use netral_domain::case::{Action, Role};
use netral_letters::text::{extract_text, squeeze};
use netral_store::cases::{self, Actor};
use netral_testkit::fixtures::{NAME, NIP};
use sha2::{Digest, Sha256};

use super::app::{Page, TestApp};
use super::office::{Session, add_two_agencies, add_user, file_about, signed_in};

/// The value of the first `name="…" value="…"` input in the page.
fn input_value(page: &Page, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.body.find(&marker).unwrap() + marker.len();
    page.body[start..].split('"').next().unwrap().to_owned()
}

/// Posts the decision `action` with `fields` as the case page's form would.
async fn decide(
    app: &TestApp,
    session: &Session,
    number: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> Page {
    let page = session.get(app, &format!("/kantor/perkara/{number}")).await;
    let mut form = vec![
        ("csrf".to_owned(), input_value(&page, "csrf")),
        ("action".to_owned(), action.to_owned()),
        ("revision".to_owned(), input_value(&page, "revision")),
    ];
    form.extend(
        fields
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned())),
    );
    let response = app
        .http()
        .post(format!("{}/kantor/perkara/{number}/tindakan", app.base))
        .header("cookie", &session.cookies)
        .form(&form)
        .send()
        .await
        .unwrap();
    Page::read(response).await
}

/// The part of the case page under the "Surat" heading.
fn letters_section(page: &Page) -> &str {
    let start = page.body.find("id=\"surat\"").expect("a Surat section");
    let end = page.body[start..].find("id=\"bukti\"").unwrap() + start;
    &page.body[start..end]
}

/// A case about the Karawang official, found proven by the reviewer: ready for the decision.
async fn proven_case(app: &TestApp) -> String {
    let number = file_about(
        app,
        NIP,
        "Mengunggah foto bersama calon bupati dengan salam dua jari",
        3,
    )
    .await
    .case_number;
    for (role, action) in [
        (Role::Verifier, Action::StartVerification),
        (
            Role::Verifier,
            Action::PassVerification {
                note: "NIP cocok".into(),
            },
        ),
        (
            Role::Reviewer,
            Action::FindViolation {
                violations: vec!["FOTO_KEBERPIHAKAN".into()],
                note: "Foto terbukti diunggah terlapor".into(),
            },
        ),
    ] {
        let actor = Actor {
            name: format!("uji {role}"),
            role,
        };
        cases::apply(
            &app.db,
            &app.rules,
            &number,
            None,
            &actor,
            &action,
            chrono::Utc::now(),
        )
        .await
        .unwrap();
    }
    number
}

#[tokio::test]
async fn a_recommendation_issued_on_the_page_becomes_a_numbered_pdf_on_the_case_page() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let number = proven_case(&app).await;
    add_user(&app, "pemutus", Role::DecisionMaker, ScopeSpec::National).await;
    let session = signed_in(&app, "pemutus").await;
    let url = format!("/kantor/perkara/{number}");

    let page = session.get(&app, &url).await;
    assert!(
        !page.body.contains("letter_number"),
        "nobody types a letter number any more"
    );
    page.assert_contains("Nomor surat diberikan oleh sistem");
    page.assert_contains("Belum ada surat kepada PPK.");
    let rule_set = app
        .rules
        .in_force_on(chrono::Utc::now().date_naive())
        .unwrap();
    let sanction = rule_set.suggested_sanction(["FOTO_KEBERPIHAKAN"]).unwrap();
    let answer = decide(
        &app,
        &session,
        &number,
        "issue_recommendation",
        &[
            // A number sent along anyway, by an old form or by hand, is not taken.
            ("letter_number", "R-1/DIKETIK/2026"),
            ("sanction", &sanction.code),
            ("override_reason", ""),
        ],
    )
    .await;
    assert_eq!(answer.status, 303, "{}", answer.body);

    let today = netral_domain::deadline::jakarta_date(chrono::Utc::now());
    let expected = netral_domain::letter::letter_number(
        netral_domain::letter::LetterKind::Recommendation,
        1,
        &rule_set.letters.number_prefix,
        today,
    );
    let page = session.get(&app, &url).await;
    let section = letters_section(&page);
    assert!(section.contains("Surat rekomendasi"), "{section}");
    assert!(section.contains(&expected), "{section}");
    assert!(section.contains("PDF sedang dibuat"), "{section}");
    assert!(!page.body.contains("R-1/DIKETIK/2026"));

    // The worker makes the PDF; the page then offers it for download with its hash.
    assert!(
        netral_web::worker::run_due(&app.state, "uji")
            .await
            .unwrap()
            >= 1
    );
    let page = session.get(&app, &url).await;
    let section = letters_section(&page);
    let href_start = section
        .find(&format!("href=\"{url}/bukti/"))
        .expect(section)
        + 6;
    let href = section[href_start..].split('"').next().unwrap();
    let sha = href.rsplit('/').next().unwrap();
    assert!(section.contains(&format!("SHA-256 {sha}")), "{section}");
    let response = app
        .http()
        .get(format!("{}{href}", app.base))
        .header("cookie", &session.cookies)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "application/pdf"
    );
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.contains(&netral_letters::file_name(&expected)),
        "{disposition}"
    );
    let pdf = response.bytes().await.unwrap();
    assert_eq!(
        hex::encode(Sha256::digest(&pdf)),
        sha,
        "the file is the one hashed"
    );
    let text = squeeze(&extract_text(&pdf).unwrap());
    for phrase in [expected.as_str(), NAME, NIP, sanction.title.id.as_str()] {
        assert!(text.contains(&squeeze(phrase)), "{phrase} not in {text}");
    }
    let audit: Vec<String> = netral_store::audit::about(&app.db, &number)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert!(
        audit.iter().any(|a| a == "letter.issued") && audit.iter().any(|a| a == "letter.stored"),
        "{audit:?}"
    );

    // Someone outside the case's scope cannot fetch the letter by its address.
    add_user(
        &app,
        "bawaslu.jateng",
        Role::Reviewer,
        "province:33".parse().unwrap(),
    )
    .await;
    let outsider = signed_in(&app, "bawaslu.jateng").await;
    assert_eq!(outsider.get(&app, href).await.status, 404);
}
