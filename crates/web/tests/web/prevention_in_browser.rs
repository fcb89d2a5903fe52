//! A socialization run end to end in a real browser: a PPK liaison records a meeting at phone
//! width, three participants answer its survey from the link on a phone-sized window, a second
//! answer from the first is declined politely, and the liaison sees the three answers counted.

use netral_domain::case::Role;
use netral_testkit::fixtures::{NIP, SEMARANG_NIP};

use super::app::TestApp;
use super::browser::{
    click, eval, snapshot, text, type_date, type_into, wait_for_text, with_browser,
};
use super::office::{PASSWORD, add_two_agencies, add_user};

/// A third participant, not on the roster: a valid NIP (born 15 January 1990, appointed March
/// 2015, a woman, serial 2).
const THIRD_NIP: &str = "199001152015032002";

#[tokio::test]
async fn a_liaison_runs_a_socialization_and_three_participants_answer_its_survey() {
    let app = TestApp::start().await;
    add_two_agencies(&app).await;
    add_user(
        &app,
        "ppk.karawang",
        Role::PpkLiaison,
        "agency:3215".parse().unwrap(),
    )
    .await;
    let base = app.base.clone();
    with_browser(move |client| async move {
        client.goto(&format!("{base}/kantor")).await.unwrap();
        wait_for_text(&client, "h1", "Masuk ke kantor Netral").await;
        type_into(&client, "#username", "ppk.karawang").await;
        type_into(&client, "#password", PASSWORD).await;
        click(&client, ".narrow-form button[type='submit']").await;
        wait_for_text(&client, "h1", "Kantor Netral").await;
        click(&client, "a[href='/kantor/sosialisasi']").await;
        wait_for_text(&client, "h1", "Sosialisasi netralitas ASN").await;

        type_into(&client, "#title", "Sosialisasi netralitas ASN Pilkada 2024").await;
        type_date(&client, "#held_on", "2024", "09", "10").await;
        type_into(&client, "#place", "Aula Setda Karawang").await;
        type_into(&client, "#audience", "Kepala perangkat daerah").await;
        click(&client, ".narrow-form button[type='submit']").await;
        wait_for_text(&client, "h1", "Sosialisasi netralitas ASN Pilkada 2024").await;
        let qr = eval(&client, "document.querySelector('.qr-box svg') !== null").await;
        assert_eq!(qr, true, "the survey's QR code is on the page");
        let link = text(&client, "#survey-link").await;
        assert!(link.contains("/survei/"), "{link}");

        type_into(&client, "#attendance", &format!("{NIP}, Ahmad Suryana\n{SEMARANG_NIP}, Siti Rahayu\n{THIRD_NIP}, Dewi Lestari")).await;
        click(&client, "form[action$='/hadir'] button").await;
        wait_for_text(&client, "#attendance-outcome", "3 peserta ditambahkan, 2 cocok dengan data kepegawaian.").await;

        for (i, nip) in [NIP, SEMARANG_NIP, THIRD_NIP].into_iter().enumerate() {
            client.goto(&link).await.unwrap();
            wait_for_text(&client, "h1", "Evaluasi sosialisasi netralitas ASN").await;
            type_into(&client, "#nip", nip).await;
            let usefulness = ["5", "4", "3"][i];
            click(&client, &format!("input[name='q_manfaat'][value='{usefulness}']")).await;
            click(&client, "input[name='q_pemahaman'][value='4']").await;
            click(&client, "input[name='q_like_boleh'][value='tidak_boleh']").await;
            click(&client, "input[name='q_topik_jelas'][value='medsos']").await;
            let overflow = eval(&client, "document.documentElement.scrollWidth > window.innerWidth").await;
            assert_eq!(overflow, false, "the survey fits a 360 px phone");
            if i == 0 {
                snapshot(&client, "survey-phone").await;
            }
            click(&client, "#survey-submit").await;
            wait_for_text(&client, "#survey-outcome", "Terima kasih, jawaban Anda sudah kami terima.").await;
        }

        // The first participant tries again: thanked, not counted twice.
        client.goto(&link).await.unwrap();
        wait_for_text(&client, "h1", "Evaluasi sosialisasi netralitas ASN").await;
        type_into(&client, "#nip", NIP).await;
        click(&client, "input[name='q_manfaat'][value='1']").await;
        click(&client, "input[name='q_pemahaman'][value='1']").await;
        click(&client, "input[name='q_like_boleh'][value='boleh']").await;
        click(&client, "#survey-submit").await;
        wait_for_text(
            &client,
            "#survey-outcome",
            "Terima kasih, Anda sudah mengisi survei ini sebelumnya. Setiap peserta cukup menjawab satu kali, jadi jawaban kedua tidak kami simpan.",
        )
        .await;

        client.goto(&format!("{base}/kantor/sosialisasi")).await.unwrap();
        click(&client, "td a[href^='/kantor/sosialisasi/']").await;
        wait_for_text(&client, "#response-count", "3 jawaban.").await;
        let body = text(&client, "main").await;
        assert!(body.contains("rata-rata 4.00"), "usefulness 5, 4, 3: {body}");
        assert!(body.contains("Tidak boleh\n3\n100.0 %") || body.contains("Tidak boleh 3 100.0 %"), "{body}");
    })
    .await;
    app.finish().await;
}
