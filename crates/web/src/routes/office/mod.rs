//! The back office: signing in and out, the staff member's own account, the cases, the roster,
//! and the administrator's accounts, imports, audit log and mail outbox. Every handler takes
//! [`crate::staff::Staff`] (or [`crate::staff::SignedIn`] for the sign-in steps), so no page is
//! reachable without a session, and checks the role's capability and scope itself.

mod advisory;
mod agencies;
mod api_tokens;
mod audit_log;
mod case_assign;
pub(crate) mod case_decision;
pub(crate) mod case_forms;
mod case_link;
mod case_merge;
pub(crate) mod case_page;
pub(crate) mod case_thread;
mod case_work;
mod cases;
mod cross_check;
mod enroll;
mod frame;
mod home;
mod imports;
mod leads;
mod outbox;
mod pact_campaign;
mod pact_signers;
mod password;
pub(crate) mod roster;
mod second_factor;
mod sign_in;
mod sign_out;
mod socialization;
mod socialization_event;
mod socialization_summary;
mod statistics;
mod statistics_cases;
mod statistics_report;
mod users;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::routing::{get, post};

use crate::app::Ctx;

/// `max_upload_bytes` bounds import uploads; other forms keep axum's small default.
pub(crate) fn routes(max_upload_bytes: usize) -> Router<Ctx> {
    Router::new()
        .route("/masuk", get(sign_in::show).post(sign_in::submit))
        .route(
            "/masuk/kode",
            get(second_factor::show).post(second_factor::submit),
        )
        .route("/keluar", post(sign_out::submit))
        .route("/kantor", get(home::show))
        .route(
            "/kantor/akun/sandi",
            get(password::show).post(password::submit),
        )
        .route(
            "/kantor/akun/dua-faktor",
            get(enroll::show).post(enroll::submit),
        )
        .route(
            "/kantor/akun/token",
            get(api_tokens::list).post(api_tokens::create),
        )
        .route("/kantor/akun/token/{id}/cabut", post(api_tokens::revoke))
        .route("/kantor/statistik", get(statistics::dashboard))
        .route("/kantor/statistik/ekspor", get(statistics::export_table))
        .route(
            "/kantor/statistik/laporan.pdf",
            get(statistics_report::report),
        )
        .route("/kantor/statistik/perkara", get(statistics_cases::list))
        .route(
            "/kantor/statistik/perkara/ekspor",
            get(statistics_cases::export),
        )
        .route("/kantor/perkara", get(cases::list))
        .route("/kantor/perkara/{number}", get(case_page::show))
        .route("/kantor/perkara/{number}/tindakan", post(case_page::act))
        .route(
            "/kantor/perkara/{number}/bukti/{sha256}",
            get(case_page::evidence),
        )
        .route(
            "/kantor/perkara/{number}/pesan",
            post(case_thread::send_message),
        )
        .route(
            "/kantor/perkara/{number}/identitas",
            post(case_thread::reveal_identity),
        )
        .route("/kantor/perkara/{number}/meja", get(case_work::show))
        .route("/kantor/perkara/{number}/ambil", post(case_assign::take))
        .route(
            "/kantor/perkara/{number}/penugasan",
            post(case_assign::assign),
        )
        .route("/kantor/perkara/{number}/terlapor", post(case_link::link))
        .route("/kantor/perkara/{number}/gabung", post(case_merge::merge))
        .route("/kantor/pegawai", get(roster::search))
        .route("/kantor/pegawai/{nip}", get(roster::record))
        .route("/kantor/pengguna", get(users::list).post(users::create))
        .route("/kantor/pengguna/{id}/sandi", post(users::reset_password))
        .route("/kantor/pengguna/{id}/status", post(users::set_status))
        .route(
            "/kantor/pengguna/{id}/dua-faktor",
            post(users::reset_second_factor),
        )
        .route(
            "/kantor/impor",
            get(imports::list).post(imports::upload.layer(DefaultBodyLimit::max(max_upload_bytes))),
        )
        .route("/kantor/impor/{id}", get(imports::show))
        .route("/kantor/impor/{id}/kemajuan", get(imports::progress))
        .route("/kantor/impor/{id}/galat.csv", get(imports::report))
        .route("/kantor/instansi", get(agencies::list))
        .route(
            "/kantor/sosialisasi",
            get(socialization::list).post(socialization::create),
        )
        .route(
            "/kantor/sosialisasi/rekap",
            get(socialization_summary::show),
        )
        .route("/kantor/sosialisasi/{id}", get(socialization_event::show))
        .route(
            "/kantor/sosialisasi/{id}/hadir",
            post(socialization_event::add),
        )
        .route(
            "/kantor/sosialisasi/{id}/ekspor",
            get(socialization_event::export),
        )
        .route("/kantor/temuan", get(leads::queue))
        .route("/kantor/temuan/{person}/{election}", get(leads::person))
        .route("/kantor/temuan/lead/{id}/terima", post(leads::accept))
        .route("/kantor/temuan/lead/{id}/tolak", post(leads::reject))
        .route("/kantor/pencocokan", get(cross_check::show))
        .route("/kantor/pencocokan/jalankan", post(cross_check::run))
        .route("/kantor/pencocokan/usulan/{id}", get(cross_check::proposal))
        .route(
            "/kantor/pencocokan/usulan/{id}/terima",
            post(cross_check::accept),
        )
        .route(
            "/kantor/pencocokan/usulan/{id}/tolak",
            post(cross_check::reject),
        )
        .route("/kantor/pertanyaan", get(advisory::list))
        .route("/kantor/pertanyaan/{id}", post(advisory::answer))
        .route("/kantor/pakta", get(pact_campaign::show))
        .route("/kantor/pakta/target", post(pact_campaign::set))
        .route("/kantor/pakta/{code}", get(pact_signers::show))
        .route("/kantor/pakta/ingatkan", post(pact_campaign::remind))
        .route("/kantor/audit", get(audit_log::show))
        .route("/kantor/audit/periksa", post(audit_log::check))
        .route("/kantor/audit/ekspor", get(audit_log::export))
        .route("/kantor/surel", get(outbox::list))
        .route("/kantor/surel/{id}", get(outbox::show))
}
