//! Prevention work for the demonstration, so every prevention page has something to show:
//! Karawang's integrity pacts (half its roster signs for Pilkada 2024, the West Java provincial
//! government signs through its representatives), a campaign target, a socialization meeting
//! with its attendance and survey answers, and one published and one open question to the
//! guide's advisory line.

use anyhow::Context;
use chrono::{DateTime, Duration, Utc};
use netral_domain::deadline::jakarta_date;
use netral_domain::rules::RuleBook;
use netral_domain::survey::read_response;
use netral_store::accounts::{StaffUser, list_users};
use netral_store::prevention::socialization::{
    ListedAttendee, NewEvent, add_attendance, create_event, event_by_id,
};
use netral_store::prevention::{advisory, pact_campaign, survey_responses};
use netral_store::registry::prevention::{NewPact, Signer, agency_id_by_code, record_pact};
use netral_store::{Db, sql};

const ELECTION: &str = "pilkada-2024";
const SURVEY: &str = "evaluasi-sosialisasi";
/// Participants of the demo meeting, and how many of them answer its survey.
pub(crate) const ATTENDEES: usize = 12;
pub(crate) const ANSWERS: usize = 10;

fn account(users: &[StaffUser], username: &str) -> anyhow::Result<StaffUser> {
    users
        .iter()
        .find(|u| u.username == username)
        .cloned()
        .with_context(|| format!("demo account {username}"))
}

pub async fn add(db: &Db, rules: &RuleBook, now: DateTime<Utc>) -> anyhow::Result<()> {
    let users = list_users(db).await?;
    let (liaison, verifier, official) = (
        account(&users, "ppk.karawang")?,
        account(&users, "satgas")?,
        account(&users, "pemutus")?,
    );
    let karawang = agency_id_by_code(db, "3215")
        .await?
        .context("the demo country has Karawang (3215)")?;
    let roster: Vec<(i64, String)> =
        sql("SELECT id, nip FROM civil_servants WHERE agency_id = $1 ORDER BY nip")
            .bind(karawang)
            .fetch_all(db)
            .await?
            .iter()
            .map(|row| Ok((row.get("id")?, row.get("nip")?)))
            .collect::<Result<_, netral_store::StoreError>>()?;
    let today = jakarta_date(now);
    let signed_on = today - Duration::days(30);

    let mut tx = db.begin().await?;
    for (id, _) in roster.iter().step_by(2) {
        let pact = NewPact {
            signer: Signer::Person(*id),
            election_code: Some(ELECTION.into()),
            signed_on,
            signatory: None,
            document: None,
        };
        record_pact(&mut tx, &pact, "demo", now).await?;
    }
    if let Some(province) = agency_id_by_code(db, "32").await? {
        let pact = NewPact {
            signer: Signer::Agency(province),
            election_code: Some(ELECTION.into()),
            signed_on,
            signatory: Some("Sekretaris Daerah dan para kepala perangkat daerah".into()),
            document: None,
        };
        record_pact(&mut tx, &pact, "demo", now).await?;
    }
    tx.commit().await?;
    pact_campaign::set_target(db, &verifier, ELECTION, 80, now).await?;

    let event = create_event(
        db,
        &liaison,
        &NewEvent {
            agency_id: karawang,
            title: "Sosialisasi netralitas ASN menjelang Pilkada".into(),
            held_on: today - Duration::days(14),
            place: "Aula Husni Hamid, Setda Karawang".into(),
            audience: "Kepala perangkat daerah, camat, dan ASN Setda".into(),
            materials: "Batasan netralitas ASN di media sosial\nSanksi pelanggaran netralitas"
                .into(),
            survey_code: SURVEY.into(),
        },
        now,
    )
    .await?;
    let listed: Vec<ListedAttendee> = roster
        .iter()
        .take(ATTENDEES)
        .map(|(_, nip)| ListedAttendee {
            nip: nip.clone(),
            name: String::new(),
        })
        .collect();
    add_attendance(db, &liaison, event, &listed, now).await?;
    let event = event_by_id(db, event).await?.context("the demo meeting")?;
    let template = rules
        .survey(SURVEY)
        .context("the shipped survey template")?;
    for (i, person) in listed.iter().take(ANSWERS).enumerate() {
        let usefulness = ["5", "4", "5", "3", "4"][i % 5];
        let like = if i % 4 == 3 {
            "tidak_tahu"
        } else {
            "tidak_boleh"
        };
        let fields: Vec<(String, String)> = [
            ("q_manfaat", usefulness),
            ("q_pemahaman", if i % 3 == 0 { "5" } else { "4" }),
            ("q_like_boleh", like),
            ("q_topik_jelas", "medsos"),
            (
                "q_topik_jelas",
                if i % 2 == 0 { "keluarga" } else { "sanksi" },
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        let response = read_response(template, &fields)
            .map_err(|p| anyhow::anyhow!("demo survey answer: {p:?}"))?;
        survey_responses::respond(
            db,
            event.id,
            &event.survey_token,
            &person.nip,
            &response,
            now,
        )
        .await?;
    }

    let asked = advisory::ask(
        db,
        "Bolehkah saya menjadi saksi partai politik di TPS pada hari pemungutan suara?",
        "",
        now - Duration::days(3),
    )
    .await?;
    advisory::answer(
        db,
        &official,
        asked,
        "forbidden",
        "Tidak boleh. Saksi di TPS mewakili partai politik atau pasangan calon, sehingga ASN yang menjadi saksi menunjukkan keberpihakan. ASN tetap menggunakan hak pilihnya sebagai pemilih.",
        true,
        now - Duration::days(2),
    )
    .await?;
    advisory::ask(
        db,
        "Apakah saya boleh menjadi anggota KPPS di desa tempat tinggal saya?",
        "",
        now - Duration::days(1),
    )
    .await?;
    Ok(())
}
