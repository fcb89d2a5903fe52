//! Demonstration data: a small, believable set of agencies, civil servants and cases in every
//! state, so that a newcomer sees a living system at once. Cases are made through the same
//! functions the app uses, so their events, deadlines and rule versions are real. All people
//! are invented; NIPs are well-formed but belong to no one.

use std::fmt;

use anyhow::Context;
use chrono::{DateTime, Datelike, Duration, Utc};
use netral_domain::case::{Action, AppealKind, CaseState, RejectionReason, Role, Separation};
use netral_domain::deadline::jakarta_date;
use netral_domain::report::{Channel, ElectionKind, NewReport, ReportDraft, ReporterMode, Subject};
use netral_domain::rules::RuleBook;
use netral_store::Db;
use netral_store::cases::{self, Actor};
use netral_store::intake::{self, Intake};
use netral_store::registry::{self, NewAgency, NewCivilServant};

pub struct Outcome {
    pub agencies: usize,
    pub civil_servants: usize,
    pub cases: usize,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.cases == 0 {
            write!(
                f,
                "The database already holds cases; demonstration data was not added."
            )
        } else {
            write!(
                f,
                "Added demonstration data: {} agencies, {} civil servants, {} cases.",
                self.agencies, self.civil_servants, self.cases
            )
        }
    }
}

/// (code, name, kind, region code, PPK)
const AGENCIES: [(&str, &str, &str, Option<&str>, &str); 7] = [
    (
        "32",
        "Pemerintah Provinsi Jawa Barat",
        "province",
        Some("32"),
        "Gubernur Jawa Barat",
    ),
    (
        "3215",
        "Pemerintah Kabupaten Karawang",
        "regency",
        Some("32.15"),
        "Bupati Karawang",
    ),
    (
        "3273",
        "Pemerintah Kota Bandung",
        "city",
        Some("32.73"),
        "Wali Kota Bandung",
    ),
    (
        "3325",
        "Pemerintah Kabupaten Batang",
        "regency",
        Some("33.25"),
        "Bupati Batang",
    ),
    (
        "3301",
        "Pemerintah Kabupaten Cilacap",
        "regency",
        Some("33.01"),
        "Bupati Cilacap",
    ),
    (
        "5312",
        "Pemerintah Kabupaten Sumba Barat",
        "regency",
        Some("53.12"),
        "Bupati Sumba Barat",
    ),
    (
        "KEMENDAGRI",
        "Kementerian Dalam Negeri",
        "central",
        None,
        "Menteri Dalam Negeri",
    ),
];

/// (NIP, name as written, agency index, unit, position type, position)
const PEOPLE: [(&str, &str, usize, &str, &str, &str); 16] = [
    (
        "197203151998031004",
        "Drs. H. Ahmad Suryana, M.Si.",
        1,
        "Dinas Pendidikan",
        "jpt",
        "Kepala Dinas",
    ),
    (
        "198506222010012015",
        "Rina Kartika, S.E.",
        1,
        "Kecamatan Telukjambe Timur",
        "administrator",
        "Sekretaris Camat",
    ),
    (
        "197811302005011007",
        "Asep Saepudin",
        1,
        "Kelurahan Karawang Kulon",
        "lurah",
        "Lurah",
    ),
    (
        "199002142015032006",
        "Nurul Aini, S.Kom.",
        0,
        "Dinas Komunikasi dan Informatika",
        "functional",
        "Pranata Komputer Ahli Pertama",
    ),
    (
        "198104052006041012",
        "Ir. Bambang Wijaya, M.T.",
        0,
        "Dinas Bina Marga dan Penataan Ruang",
        "jpt",
        "Kepala Dinas",
    ),
    (
        "197609172002122003",
        "Hj. Euis Komariah, S.Sos.",
        2,
        "Kecamatan Coblong",
        "camat",
        "Camat",
    ),
    (
        "199305092019031011",
        "R. Joko Prasetyo, S.H.",
        2,
        "Bagian Hukum Setda",
        "staff",
        "Analis Hukum",
    ),
    (
        "198708112011012009",
        "Tri Wahyuni, M.Pd.",
        3,
        "Dinas Pendidikan dan Kebudayaan",
        "functional",
        "Guru Ahli Muda",
    ),
    (
        "197912242003121005",
        "Heri Gunawan, S.Sos.",
        3,
        "Kecamatan Batang",
        "camat",
        "Camat",
    ),
    (
        "198302282009032004",
        "Lina Marlina, S.IP.",
        4,
        "Badan Kepegawaian dan Pengembangan SDM",
        "administrator",
        "Kepala Bidang Mutasi",
    ),
    (
        "199108302017081001",
        "Moh. Arif Rahman, S.Ag.",
        4,
        "Kantor Kecamatan Kroya",
        "staff",
        "Pengadministrasi Umum",
    ),
    (
        "198012012006041009",
        "Yohanes Bili, S.Pd.",
        5,
        "Dinas Pendidikan",
        "functional",
        "Guru Ahli Madya",
    ),
    (
        "198605192010012021",
        "Maria Ndapa, S.Kep., Ns.",
        5,
        "RSUD Waikabubak",
        "functional",
        "Perawat Ahli Muda",
    ),
    (
        "197507071999031002",
        "dr. Yusuf Hidayat, M.Kes.",
        6,
        "Direktorat Jenderal Bina Pembangunan Daerah",
        "jpt",
        "Direktur",
    ),
    (
        "198911112014022002",
        "I Gusti Ayu Putri Lestari, S.T.",
        6,
        "Sekretariat Jenderal",
        "administrator",
        "Kepala Subbagian",
    ),
    (
        "199212032020121008",
        "Andi Firmansyah",
        0,
        "Satuan Polisi Pamong Praja",
        "staff",
        "Pengelola Ketertiban",
    ),
];

/// One demonstration case: who, what, when it happened, and the state it should end up in.
struct Story {
    person: usize,
    violation: &'static str,
    /// Days before today that the report came in; histories are spread from there.
    days_ago: i64,
    summary: &'static str,
    channel: Channel,
    target: CaseState,
}

const STORIES: [Story; 20] = [
    Story {
        person: 0,
        violation: "DEKLARASI",
        days_ago: 2,
        summary: "Hadir dan berorasi di deklarasi pasangan calon bupati.",
        channel: Channel::Public,
        target: CaseState::Received,
    },
    Story {
        person: 3,
        violation: "MEDSOS_INTERAKSI",
        days_ago: 1,
        summary: "Menyukai dan membagikan unggahan calon gubernur di Instagram.",
        channel: Channel::Public,
        target: CaseState::Received,
    },
    Story {
        person: 1,
        violation: "FOTO_KEBERPIHAKAN",
        days_ago: 5,
        summary: "Foto bersama calon dengan gestur dua jari, diunggah di Facebook.",
        channel: Channel::Bawaslu,
        target: CaseState::Verification,
    },
    Story {
        person: 10,
        violation: "MEDSOS_KAMPANYE",
        days_ago: 6,
        summary: "Membagikan stiker pasangan calon di grup WhatsApp kantor.",
        channel: Channel::Superior,
        target: CaseState::Review,
    },
    Story {
        person: 8,
        violation: "KEGIATAN_KEBERPIHAKAN",
        days_ago: 9,
        summary: "Mengumpulkan kepala desa untuk mengarahkan dukungan kepada calon.",
        channel: Channel::Bawaslu,
        target: CaseState::Recommendation,
    },
    Story {
        person: 4,
        violation: "KEPUTUSAN_MENGUNTUNGKAN",
        days_ago: 20,
        summary: "Memakai kendaraan dinas untuk kampanye calon.",
        channel: Channel::Inspectorate,
        target: CaseState::AwaitingFollowUp,
    },
    Story {
        person: 5,
        violation: "DEKLARASI",
        days_ago: 40,
        summary: "Menghadiri ulang tahun partai dan memberi sambutan dukungan.",
        channel: Channel::Bawaslu,
        target: CaseState::FollowUpRefused,
    },
    Story {
        person: 2,
        violation: "ATRIBUT",
        days_ago: 45,
        summary: "Memasang baliho calon di halaman kantor kelurahan.",
        channel: Channel::Public,
        target: CaseState::Warned,
    },
    Story {
        person: 6,
        violation: "TIM_SETELAH_PENETAPAN",
        days_ago: 60,
        summary: "Tercatat sebagai anggota tim pemenangan pasangan calon.",
        channel: Channel::Bawaslu,
        target: CaseState::DataBlocked,
    },
    Story {
        person: 7,
        violation: "MEDSOS_INTERAKSI",
        days_ago: 70,
        summary: "Mengomentari dan mengikuti akun kampanye calon presiden.",
        channel: Channel::Public,
        target: CaseState::Sanctioned,
    },
    Story {
        person: 9,
        violation: "PENDEKATAN_PARPOL",
        days_ago: 80,
        summary: "Mendaftar ke partai politik sebagai bakal calon bupati.",
        channel: Channel::Bawaslu,
        target: CaseState::Appeal,
    },
    Story {
        person: 11,
        violation: "ETIK_KAMPANYE_PASANGAN",
        days_ago: 120,
        summary: "Mendampingi kampanye istri yang mencalonkan diri tanpa CLTN.",
        channel: Channel::Superior,
        target: CaseState::Closed,
    },
    Story {
        person: 12,
        violation: "DUKUNGAN_KTP",
        days_ago: 150,
        summary: "Mengumpulkan fotokopi KTP untuk calon perseorangan.",
        channel: Channel::Public,
        target: CaseState::Closed,
    },
    Story {
        person: 13,
        violation: "MEDSOS_INTERAKSI",
        days_ago: 200,
        summary: "Akun yang dilaporkan ternyata bukan milik ASN terlapor.",
        channel: Channel::Public,
        target: CaseState::Rejected,
    },
    Story {
        person: 14,
        violation: "FOTO_KEBERPIHAKAN",
        days_ago: 210,
        summary: "Foto bersama calon di acara resmi tanpa gestur keberpihakan.",
        channel: Channel::Bawaslu,
        target: CaseState::NotProven,
    },
    Story {
        person: 15,
        violation: "ATRIBUT",
        days_ago: 25,
        summary: "Laporan ganda atas pemasangan spanduk yang sama.",
        channel: Channel::Public,
        target: CaseState::Cancelled,
    },
    Story {
        person: 13,
        violation: "CALON_TIDAK_MUNDUR",
        days_ago: 300,
        summary: "Ditetapkan sebagai calon anggota DPRD tanpa mengundurkan diri.",
        channel: Channel::Bawaslu,
        target: CaseState::Separated,
    },
    Story {
        person: 4,
        violation: "MEDSOS_INTERAKSI",
        days_ago: 1015,
        summary: "Menyukai unggahan calon presiden menjelang Pemilu 2024.",
        channel: Channel::Public,
        target: CaseState::Closed,
    },
    Story {
        person: 11,
        violation: "DEKLARASI",
        days_ago: 1005,
        summary: "Hadir di kampanye akbar calon anggota DPR.",
        channel: Channel::Bawaslu,
        target: CaseState::NotProven,
    },
    Story {
        person: 1,
        violation: "MEDSOS_KAMPANYE",
        days_ago: 3,
        summary: "Mengunggah video ajakan memilih calon di TikTok.",
        channel: Channel::Public,
        target: CaseState::Verification,
    },
];

/// Fills an empty database. Returns zero counts, touching nothing, when cases already exist.
pub async fn fill(db: &Db, rules: &RuleBook, now: DateTime<Utc>) -> anyhow::Result<Outcome> {
    if cases::count_by_state(db).await?.iter().any(|(_, n)| *n > 0) {
        return Ok(Outcome {
            agencies: 0,
            civil_servants: 0,
            cases: 0,
        });
    }
    let mut tx = db.begin().await?;
    let mut agency_ids = Vec::new();
    for (code, name, kind, region, ppk) in AGENCIES {
        let agency = NewAgency {
            code: code.into(),
            name: name.into(),
            kind,
            region_code: region.map(Into::into),
            ppk_title: ppk.into(),
        };
        agency_ids.push(registry::insert_agency(&mut tx, &agency).await?);
    }
    for (nip, name, agency, unit, position_type, position) in PEOPLE {
        let person = NewCivilServant {
            nip: nip.parse().with_context(|| format!("demo NIP {nip}"))?,
            name: name.parse().with_context(|| format!("demo name {name}"))?,
            agency_id: agency_ids[agency],
            unit: unit.into(),
            position_type: position_type.into(),
            position: position.into(),
        };
        registry::insert_civil_servant(&mut tx, &person).await?;
    }
    tx.commit().await?;
    // Oldest first, so that case numbers follow the order in which reports came in.
    let mut stories: Vec<&Story> = STORIES.iter().collect();
    stories.sort_by_key(|story| std::cmp::Reverse(story.days_ago));
    for story in stories {
        tell(db, rules, story, now)
            .await
            .with_context(|| format!("demo case ending in {}", story.target))?;
    }
    Ok(Outcome {
        agencies: AGENCIES.len(),
        civil_servants: PEOPLE.len(),
        cases: STORIES.len(),
    })
}

async fn tell(db: &Db, rules: &RuleBook, story: &Story, now: DateTime<Utc>) -> anyhow::Result<()> {
    let filed_at = now - Duration::days(story.days_ago);
    let filed_on = jakarta_date(filed_at);
    let incident = filed_on - Duration::days(2);
    let subject = Subject::Nip(PEOPLE[story.person].0.parse()?);
    let report = NewReport {
        channel: story.channel,
        incident_date: incident,
        summary: story.summary.into(),
        subject,
        violation_hints: vec![story.violation.into()],
        place: String::new(),
        links: Vec::new(),
        election: Some(if incident.year() == 2024 && incident.month() < 8 {
            ElectionKind::Pemilu
        } else {
            ElectionKind::Pilkada
        }),
    };
    let draft = ReportDraft::new(report, filed_on)?;
    let intake = Intake {
        draft: &draft,
        reporter_mode: ReporterMode::Anonymous,
        sealed_identity: None,
        idempotency_key: None,
        receipt_hash: None,
        attachments: &[],
    };
    let filed = intake::file_report(db, rules, &intake, filed_at).await?;
    let sanction = rules
        .in_force_on(incident)?
        .suggested_sanction([story.violation])
        .map(|s| s.code.clone())
        .unwrap_or_default();
    let mut at = filed_at;
    for (role, action, wait) in path_to(story.target, story.violation, &sanction) {
        at += wait;
        let decree_date = jakarta_date(at) - Duration::days(1);
        let action = with_dates(action, decree_date);
        cases::apply(
            db,
            rules,
            &filed.case_number,
            None,
            &actor(role),
            &action,
            at.min(now),
        )
        .await?;
    }
    Ok(())
}

fn actor(role: Role) -> Actor {
    let name = match role {
        Role::Verifier => "Satgas Netralitas (demo)",
        Role::Reviewer => "Bawaslu (demo)",
        Role::DecisionMaker => "Deputi Wasdal BKN (demo)",
        Role::PpkLiaison => "BKPSDM (demo)",
        _ => "demo",
    };
    Actor {
        name: name.into(),
        role,
    }
}

/// Decree and appeal dates are only known once the step's day is: filled in here.
fn with_dates(action: Action, day: chrono::NaiveDate) -> Action {
    match action {
        Action::RecordFollowUp {
            decree_number,
            sanction,
            ..
        } => Action::RecordFollowUp {
            decree_number,
            decree_date: day,
            sanction,
        },
        Action::Unblock {
            decree_number,
            sanction,
            ..
        } => Action::Unblock {
            decree_number,
            decree_date: day,
            sanction,
        },
        Action::FileAppeal { kind, .. } => Action::FileAppeal {
            kind,
            filed_on: day,
        },
        other => other,
    }
}

/// The steps, with the time between them, that lead a new case to `target`.
fn path_to(target: CaseState, violation: &str, sanction: &str) -> Vec<(Role, Action, Duration)> {
    use CaseState as S;
    let day = Duration::days(1);
    let placeholder_date = chrono::NaiveDate::MIN;
    let start = (
        Role::Verifier,
        Action::StartVerification,
        Duration::hours(3),
    );
    let pass = (
        Role::Verifier,
        Action::PassVerification {
            note: "Terlapor ASN aktif; bukti tangkapan layar dan tautan diperiksa.".into(),
        },
        day * 2,
    );
    let find = (
        Role::Reviewer,
        Action::FindViolation {
            violations: vec![violation.into()],
            note: "Unsur pelanggaran terpenuhi.".into(),
        },
        day * 2,
    );
    let recommend = (
        Role::DecisionMaker,
        Action::IssueRecommendation {
            letter_number: "B-1207/D.IV/2024".into(),
            sanction: sanction.into(),
            override_reason: None,
        },
        day,
    );
    let follow_up = (
        Role::PpkLiaison,
        Action::RecordFollowUp {
            decree_number: "800.1.6/412/BKPSDM".into(),
            decree_date: placeholder_date,
            sanction: sanction.into(),
        },
        day * 10,
    );
    let warn = (
        Role::DecisionMaker,
        Action::Warn {
            letter_number: "B-1310/D.IV/2024".into(),
        },
        day * 16,
    );
    let to_recommendation = || vec![start.clone(), pass.clone(), find.clone()];
    let to_follow_up = || [to_recommendation(), vec![recommend.clone()]].concat();
    let to_sanction = || [to_follow_up(), vec![follow_up.clone()]].concat();
    match target {
        S::Received => vec![],
        S::Verification => vec![start],
        S::Review => vec![start, pass],
        S::Recommendation => to_recommendation(),
        S::AwaitingFollowUp => to_follow_up(),
        S::FollowUpRefused => [
            to_follow_up(),
            vec![(
                Role::PpkLiaison,
                Action::RecordRefusal {
                    reason: "PPK menilai terlapor hadir atas undangan pribadi, bukan kampanye."
                        .into(),
                },
                day * 5,
            )],
        ]
        .concat(),
        S::Warned => [to_follow_up(), vec![warn]].concat(),
        S::DataBlocked => [
            to_follow_up(),
            vec![
                warn,
                (
                    Role::DecisionMaker,
                    Action::BlockData {
                        request_number: "B-1402/D.IV/2024".into(),
                    },
                    day * 8,
                ),
            ],
        ]
        .concat(),
        S::Sanctioned => to_sanction(),
        S::Appeal => [
            to_sanction(),
            vec![(
                Role::PpkLiaison,
                Action::FileAppeal {
                    kind: AppealKind::Objection,
                    filed_on: placeholder_date,
                },
                day * 3,
            )],
        ]
        .concat(),
        S::Closed => [
            to_sanction(),
            vec![(
                Role::DecisionMaker,
                Action::Close {
                    note: "Sanksi telah dijatuhkan dan dicatat.".into(),
                },
                day * 2,
            )],
        ]
        .concat(),
        S::Rejected => vec![
            start,
            (
                Role::Verifier,
                Action::Reject {
                    reason: RejectionReason::NotAnAsn,
                    note: "Akun media sosial bukan milik terlapor.".into(),
                },
                day * 3,
            ),
        ],
        S::NotProven => vec![
            start,
            pass,
            (
                Role::Reviewer,
                Action::FindNotProven {
                    note: "Tidak ada gestur atau atribut keberpihakan.".into(),
                },
                day * 2,
            ),
        ],
        S::Cancelled => vec![(
            Role::Verifier,
            Action::Cancel {
                note: "Laporan ganda; digabung dengan laporan sebelumnya.".into(),
            },
            day,
        )],
        S::Separated => vec![
            start,
            (
                Role::Verifier,
                Action::MarkSeparated {
                    separation: Separation::Resigned,
                    note: "Terlapor telah mengundurkan diri sebagai PNS.".into(),
                },
                day * 4,
            ),
        ],
    }
}

#[cfg(test)]
mod tests {
    use netral_store::cases;
    use netral_testkit::{at, on_both, rules};

    use super::*;

    async fn demo_data_covers_every_state_and_is_added_once(db: &Db) {
        let rules = rules();
        let now = at("2026-11-26T03:00:00Z");
        let outcome = fill(db, &rules, now).await.unwrap();
        assert_eq!(
            (outcome.agencies, outcome.civil_servants, outcome.cases),
            (AGENCIES.len(), PEOPLE.len(), STORIES.len())
        );
        let counts = cases::count_by_state(db).await.unwrap();
        for state in CaseState::ALL {
            assert!(
                counts.iter().any(|(s, n)| *s == state && *n > 0),
                "no demo case is {state}: {counts:?}"
            );
        }
        let again = fill(db, &rules, now).await.unwrap();
        assert_eq!(again.cases, 0);
        assert_eq!(
            cases::count_by_state(db).await.unwrap(),
            counts,
            "nothing added the second time"
        );
        let both_versions = cases::get_case(db, "NTR-2024-000001")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            both_versions.rules_version, "2022-09-22-skb",
            "Pemilu 2024 cases fall under the KASN-era rules"
        );
        for number in ["NTR-2024-000001", "NTR-2026-000008", "NTR-2026-000018"] {
            let stored = cases::get_case(db, number).await.unwrap().unwrap();
            assert_eq!(
                cases::replay(db, &rules, number).await.unwrap(),
                stored.file,
                "{number}"
            );
        }
    }

    on_both!(demo_data_covers_every_state_and_is_added_once);
}
