//! The public guide over HTTP: everyday questions find their answer with its legal basis and
//! sanction from the rules in force; a question it cannot answer goes to the advisory line,
//! where a verifier answers it once, the asker is mailed, and the published answer joins the
//! guide; the campaign poster leads with the most read answers.

use netral_domain::access::ScopeSpec;
use netral_domain::case::Role;

use super::app::TestApp;
use super::office::{add_two_agencies, add_user, signed_in};
use super::portal::Form;

#[tokio::test]
async fn everyday_questions_find_their_answer_and_its_legal_basis() {
    let app = TestApp::start().await;
    let found = app
        .get("/boleh-atau-tidak?q=boleh+gak+sy+ngelike+postingan+capres")
        .await;
    assert_eq!(found.status, 200);
    let first = &found.body[found.body.find("id=\"guide-hits\"").expect("hits")..];
    assert!(
        first
            .find("/boleh-atau-tidak/LIKE_POSTINGAN_CALON")
            .unwrap()
            < 400,
        "the like entry comes first: {first}"
    );
    first[..first.find("</article>").unwrap()]
        .contains("Tidak boleh")
        .then_some(())
        .expect("forbidden");
    let entry = app.get("/boleh-atau-tidak/LIKE_POSTINGAN_CALON").await;
    assert_eq!(entry.status, 200);
    entry.assert_contains("PP 94/2021");
    entry.assert_contains("id=\"sanction\"");
    let listen = app
        .get("/boleh-atau-tidak?q=dengerin+visi+misi+paslon+boleh%3F")
        .await;
    let hits = &listen.body[listen.body.find("id=\"guide-hits\"").unwrap()..];
    assert!(
        hits[..hits.find("</article>").unwrap()].contains(">Boleh<"),
        "{hits}"
    );
    assert_eq!(app.get("/boleh-atau-tidak/TIDAK_ADA").await.status, 404);
    let all = app.get("/boleh-atau-tidak").await;
    assert!(all.body.matches("class=\"guide-answer").count() >= 30);
}

#[tokio::test]
async fn an_unanswered_question_is_answered_once_mailed_and_published() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    let nothing = app
        .get("/boleh-atau-tidak?q=resep+nasi+goreng+kampung")
        .await;
    nothing.assert_contains("id=\"guide-no-hit\"");
    // The unanswered question is offered to the advisory line as typed.
    nothing.assert_contains(">resep nasi goreng kampung</textarea>");

    let (page, form) = Form::open(&app, "/boleh-atau-tidak", "/boleh-atau-tidak/tanya").await;
    assert_eq!(page.status, 200);
    let bad = form
        .post_urlencoded(
            &app,
            "/boleh-atau-tidak/tanya",
            &[
                ("question", "Bolehkah saya menjadi saksi partai di TPS?"),
                ("email", "bukan-alamat"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    bad.assert_contains("href=\"#email\"");
    let asked = form
        .post_urlencoded(
            &app,
            "/boleh-atau-tidak/tanya",
            &[
                ("question", "Bolehkah saya menjadi saksi partai di TPS?"),
                ("email", "guru@example.id"),
            ],
        )
        .await;
    assert_eq!(asked.status, 200, "{}", asked.body);
    asked.assert_contains("dengan nomor 1");

    add_user(&app, "satgas", Role::Verifier, ScopeSpec::National).await;
    add_user(&app, "analis", Role::Analyst, ScopeSpec::National).await;
    assert_eq!(
        signed_in(&app, "analis")
            .await
            .get(&app, "/kantor/pertanyaan")
            .await
            .status,
        403
    );
    let satgas = signed_in(&app, "satgas").await;
    let list = satgas.get(&app, "/kantor/pertanyaan").await;
    list.assert_contains("Bolehkah saya menjadi saksi partai di TPS?");
    let refused = satgas
        .post(
            &app,
            &list,
            "/kantor/pertanyaan/1",
            &[("verdict", ""), ("answer", "Tidak boleh.")],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("Pilih kesimpulannya");
    let answer = [
        ("verdict", "forbidden"),
        (
            "answer",
            "Tidak boleh: saksi partai mewakili partai politik, ASN harus netral.",
        ),
        ("publish", "1"),
    ];
    let answered = satgas
        .post(&app, &list, "/kantor/pertanyaan/1", &answer)
        .await;
    assert_eq!(answered.status, 303, "{}", answered.body);
    let again = satgas
        .post(&app, &list, "/kantor/pertanyaan/1", &answer)
        .await;
    assert_eq!(again.status, 303, "a second click changes nothing");
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM mail_outbox WHERE kind = 'advisory_answered' AND to_address = 'guru@example.id'").await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'advisory.answer'")
            .await,
        1
    );
    let guide = app.get("/boleh-atau-tidak").await;
    guide.assert_contains("saksi partai mewakili partai politik");
    assert!(
        !guide.body.contains("guru@example.id"),
        "the asker stays unnamed"
    );

    // The poster leads with what people read most.
    for _ in 0..3 {
        assert_eq!(
            app.get("/boleh-atau-tidak/PASANGAN_CALON_CLTN")
                .await
                .status,
            200
        );
    }
    let poster = app.get("/pilih-netral?instansi=3215").await;
    assert_eq!(poster.status, 200);
    poster.assert_contains("Pemerintah Kabupaten Karawang");
    let items = &poster.body[poster.body.find("poster-questions").unwrap()..];
    assert_eq!(items.matches("<li").count(), 6);
    let cltn = app
        .rules
        .in_force_on(chrono::Utc::now().date_naive())
        .unwrap()
        .guide_answer("PASANGAN_CALON_CLTN")
        .unwrap();
    let first = &items[..items.find("</li>").unwrap()];
    assert!(
        first.contains(&super::app::escaped(&cltn.entry.question.id)),
        "{first}"
    );
    assert_eq!(app.get("/pilih-netral?instansi=9999").await.status, 404);
}
