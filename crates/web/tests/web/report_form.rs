//! The report form as served: today's violations in plain words, the hidden protections, the
//! cookie, and the live NIP/NIK check.

use chrono::Utc;
use netral_domain::deadline::jakarta_date;
use netral_testkit::fixtures::add_karawang_official;
use netral_web::IntakeSettings;

use super::app::{TestApp, escaped};
use super::portal::{Form, csrf_cookie};

#[tokio::test]
async fn the_form_offers_todays_violations_in_plain_words() {
    let app = TestApp::start().await;
    let page = app.get("/lapor").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("cache-control"), Some("no-store"));
    assert_eq!(page.h1(), "Laporkan pelanggaran netralitas ASN");
    let set = app.rules.in_force_on(jakarta_date(Utc::now())).unwrap();
    for violation in &set.violations {
        page.assert_contains(&format!("name=\"violations\" value=\"{}\"", violation.code));
    }
    // Plain words with examples from real cases, grouped where people see them.
    for text in [
        "Apa yang terjadi?",
        "Di media sosial",
        "Di acara atau pertemuan",
        "Dalam foto",
        "Partai, tim kampanye, dan alat peraga",
        "Jabatan, program, dan fasilitas kantor",
        "membagikan stiker calon di grup WhatsApp",
        "mengacungkan jari",
        "acara ulang tahun partai politik",
        "tanpa mengambil CLTN",
        "masih bekerja sebagai ASN",
        "Saya tidak yakin",
        "Ceritakan kejadiannya",
        "Siapa yang dilaporkan?",
        "Saya tidak tahu NIP atau NIK-nya",
        "Kapan dan di mana?",
        "Tanpa nama (anonim)",
        "setiap pembukaan dicatat",
        "paling besar 20 MB",
        "Paling banyak 10 berkas",
    ] {
        page.assert_contains(&escaped(text));
    }
    // What the form sends besides what the person types.
    page.assert_contains("enctype=\"multipart/form-data\"");
    page.assert_contains(
        "<input type=\"file\" id=\"evidence\" name=\"evidence\" multiple accept=\"image/*,application/pdf,video/*\"",
    );
    page.assert_contains("hx-get=\"/lapor/cek-nomor\" hx-trigger=\"input changed delay:400ms\" hx-target=\"#subject_number-status\"");
    page.assert_contains(&format!("max=\"{}\"", jakarta_date(Utc::now())));
    page.assert_contains("<div class=\"trap\" aria-hidden=\"true\">");
    page.assert_contains(
        "<input type=\"text\" id=\"situs_web\" name=\"situs_web\" value=\"\" tabindex=\"-1\" autocomplete=\"off\">",
    );
    page.assert_contains(
        "id=\"mode-anonymous\" name=\"reporter_mode\" value=\"anonymous\" checked",
    );
    let cookie = page
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|v| v.starts_with("netral_csrf="))
        .expect("the CSRF cookie");
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && cookie.contains("Path=/"),
        "{cookie}"
    );
    let form = Form::in_page(&page, "/lapor", &csrf_cookie(&page).unwrap());
    assert!(form.hidden("csrf").len() > 40);
    assert!(
        form.hidden("issued").contains('.'),
        "the issue time is signed"
    );
    // A new idempotency key each time the form is shown; the cookie is kept once set.
    let again = app.get_with("/lapor", &[("cookie", &form.cookie)]).await;
    assert!(
        csrf_cookie(&again).is_none(),
        "an existing cookie is not replaced"
    );
    let again = Form::in_page(&again, "/lapor", &form.cookie);
    assert_ne!(
        again.hidden("idempotency_key"),
        form.hidden("idempotency_key")
    );
    assert!(again.hidden("idempotency_key").len() >= 16);
}

#[tokio::test]
async fn the_form_speaks_english_on_request() {
    let app = TestApp::start().await;
    let page = app.get("/lapor?lang=en").await;
    page.assert_contains("<html lang=\"en\">");
    for text in [
        "What happened?",
        "sharing a candidate&#39;s stickers in a WhatsApp group",
        "I&#39;m not sure",
        "Who are you reporting?",
        "Anonymous",
        "Send the report",
    ] {
        page.assert_contains(text);
    }
}

#[tokio::test]
async fn the_home_page_and_the_navigation_lead_to_the_form() {
    let app = TestApp::start().await;
    let home = app.get("/").await;
    home.assert_contains(
        "<a class=\"button button-large\" href=\"/lapor\">Laporkan pelanggaran</a>",
    );
    home.assert_contains("<a class=\"nav-report\" href=\"/lapor\">Lapor</a>");
    home.assert_contains("href=\"/status\"");
    let form = app.get("/lapor").await;
    form.assert_contains("<a class=\"nav-report\" href=\"/lapor\" aria-current=\"page\">Lapor</a>");
}

#[tokio::test]
async fn the_number_check_explains_masks_and_never_reveals_a_name() {
    let app = TestApp::start().await;
    add_karawang_official(&app.db).await;
    let check = |number: &'static str| {
        let app = &app;
        async move {
            let page = app
                .get(&format!("/lapor/cek-nomor?subject_number={number}"))
                .await;
            assert_eq!(page.status, 200);
            assert_eq!(page.header("cache-control"), Some("no-store"));
            assert!(!page.body.contains("<html"), "a fragment, not a page");
            page
        }
    };
    let short = check("19850312201001100").await;
    short.assert_contains("NIP atau NIK: NIP harus 18 angka, baru 17.");
    let letters = check("1985O312201001l003").await;
    letters.assert_contains("hanya angka dan spasi yang boleh; ada &quot;O&quot; pada urutan ke-5");
    let found = check("19850312+201001+1+003").await;
    found.assert_contains("Ditemukan di data kepegawaian: A**** S******, Kepala Bidang, Pemerintah Kabupaten Karawang.");
    for private in ["Ahmad", "Suryana", "Drs."] {
        assert!(!found.body.contains(private), "the check shows `{private}`");
    }
    let unknown = check("199001012015032017").await;
    unknown.assert_contains("tidak ditemukan di data kepegawaian; laporan tetap dapat dikirim");
    let nik = check("3374055203850001").await;
    nik.assert_contains("NIK ini sah.");
    let empty = check("").await;
    assert_eq!(empty.body.trim(), "");
}

#[tokio::test]
async fn roster_look_ups_are_limited_per_client() {
    let app = TestApp::start_with(IntakeSettings {
        lookups_per_window: 2,
        ..IntakeSettings::default()
    })
    .await;
    add_karawang_official(&app.db).await;
    let path = "/lapor/cek-nomor?subject_number=198503122010011003";
    app.get(path).await.assert_contains("A**** S******");
    // Invalid numbers never reach the roster and are not counted.
    app.get("/lapor/cek-nomor?subject_number=123").await;
    app.get(path).await.assert_contains("A**** S******");
    let limited = app.get(path).await;
    limited.assert_contains("Terlalu banyak pemeriksaan nomor");
    assert!(!limited.body.contains("A****"));
}

#[tokio::test]
async fn the_portal_pages_use_nothing_the_policy_forbids() {
    let app = TestApp::start().await;
    for path in ["/lapor", "/status", "/lapor?lang=en", "/status?lang=en"] {
        let page = app.get(path).await;
        let body = page.body.to_lowercase();
        assert!(
            !body.contains(" style=") && !body.contains("<style"),
            "{path} has inline styles"
        );
        assert!(!body.contains("hx-on"), "{path} needs eval");
        for script in body.split("<script").skip(1) {
            let tag = script.split('>').next().unwrap();
            assert!(tag.contains("src=\"/static/"), "{path}: <script{tag}>");
        }
    }
}
