//! Demonstration data: a small, believable set of agencies, civil servants and cases in every
//! state, prevention work and a candidate list cross-checked against the roster, so that a
//! newcomer sees a living system at once. Cases are made through the same functions the app
//! uses, so their events, deadlines and rule versions are real. All people are invented (by
//! `netral_synth`, with a fixed seed); NIPs are well-formed but belong to no one.

use std::fmt;

use anyhow::Context;
use chrono::{DateTime, Datelike, Duration, Utc};
use netral_domain::case::{Action, AppealKind, CaseState, RejectionReason, Role, Separation};
use netral_domain::deadline::jakarta_date;
use netral_domain::ids::{Nip, Sex};
use netral_domain::report::{Channel, ElectionKind, NewReport, ReportDraft, ReporterMode, Subject};
use netral_domain::rules::RuleBook;
use netral_store::Db;
use netral_store::case_work;
use netral_store::cases::{self, Actor};
use netral_store::intake::{self, Intake};
use netral_store::registry::{self, NewAgency, NewCivilServant};
use netral_synth::{Country, Person, PositionClass, Roster, Scope};

pub struct Outcome {
    pub agencies: usize,
    pub civil_servants: usize,
    pub cases: usize,
    /// User names of the staff accounts added, one per role.
    pub accounts: Vec<&'static str>,
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
            )?;
            if !self.accounts.is_empty() {
                write!(
                    f,
                    "\nStaff sign in at /masuk as {} with the password {}.",
                    self.accounts.join(", "),
                    crate::demo_accounts::PASSWORD
                )?;
            }
            Ok(())
        }
    }
}

/// The demonstration country: West Java's governments and a few ministries, with people from
/// `netral synth`'s generator (fixed seed, so every demo database holds the same people).
const SEED: u64 = 2024;
const PROVINCES: [&str; 1] = ["32"];
const CENTRAL: [&str; 5] = [
    "KEMENDAGRI",
    "KEMENAG",
    "KEMENKEU",
    "KEMENDIKBUDRISTEK",
    "BKN",
];
/// Rows generated, of which the PNS among the first [`ON_ROSTER`] are put on the roster; the
/// rest are searched for the posts the stories need (a senior executive, a camat…).
const GENERATED: u64 = 3_000;
const ON_ROSTER: u64 = 450;

/// The people the stories are about: the post each holds and, where a story says it, the sex.
const CAST: [(PositionClass, Option<Sex>); 16] = [
    (PositionClass::Jpt, None),
    (PositionClass::Administrator, None),
    (PositionClass::Lurah, None),
    (PositionClass::Functional, None),
    (PositionClass::Jpt, None),
    (PositionClass::Camat, None),
    (PositionClass::Staff, None),
    (PositionClass::Functional, None),
    (PositionClass::Camat, None),
    (PositionClass::Administrator, None),
    (PositionClass::Staff, None),
    // Accompanied his wife's campaign.
    (PositionClass::Functional, Some(Sex::Male)),
    (PositionClass::Functional, None),
    (PositionClass::Jpt, None),
    (PositionClass::Supervisor, None),
    (PositionClass::Staff, None),
];

/// One demonstration case: who, what, when it happened, and the state it should end up in.
struct Story {
    /// Index into [`CAST`].
    person: usize,
    violation: &'static str,
    /// Days before today that the report came in; histories are spread from there.
    days_ago: i64,
    summary: &'static str,
    channel: Channel,
    target: CaseState,
}

const STORIES: [Story; 21] = [
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
    // A second report of the first story's declaration: merged into its case.
    Story {
        person: 0,
        violation: "DEKLARASI",
        days_ago: 1,
        summary: "Berpidato mendukung pasangan calon bupati di acara deklarasi.",
        channel: Channel::Bawaslu,
        target: CaseState::Merged,
    },
];

/// Fills an empty database. Returns zero counts, touching nothing, when cases already exist.
pub async fn fill(db: &Db, rules: &RuleBook, now: DateTime<Utc>) -> anyhow::Result<Outcome> {
    if cases::count_by_state(db).await?.iter().any(|(_, n)| *n > 0) {
        return Ok(Outcome {
            agencies: 0,
            civil_servants: 0,
            cases: 0,
            accounts: Vec::new(),
        });
    }
    let country = Country::new(
        SEED,
        &Scope::Only {
            provinces: PROVINCES.map(String::from).to_vec(),
            central: CENTRAL.map(String::from).to_vec(),
        },
    );
    let roster = Roster::new(&country, GENERATED)?;
    let civil_servants: Vec<Person> = (0..GENERATED)
        .map(|i| roster.person(i))
        .filter(|p| !p.number.pppk)
        .collect();
    let cast = cast(&civil_servants);
    let mut tx = db.begin().await?;
    let mut agency_ids = Vec::new();
    for agency in &country.agencies {
        let new = NewAgency {
            code: agency.code.clone(),
            name: agency.name.clone(),
            kind: agency.kind.as_str(),
            region_code: agency.region_code.map(Into::into),
            ppk_title: agency.ppk_title.clone(),
        };
        agency_ids.push(registry::insert_agency(&mut tx, &new).await?);
    }
    let mut people = 0;
    for (index, person) in civil_servants.iter().enumerate() {
        if person.index >= ON_ROSTER && !cast.contains(&index) {
            continue;
        }
        let nip = person.number.text();
        let name = person.full_name();
        let nik = person.nik_text();
        let person = NewCivilServant {
            nip: nip.parse().with_context(|| format!("demo NIP {nip}"))?,
            nik: Some(nik.parse().with_context(|| format!("demo NIK {nik}"))?),
            name: name.parse().with_context(|| format!("demo name {name}"))?,
            agency_id: agency_ids[person.agency],
            unit: person.unit.clone(),
            position_type: person.class.as_str().into(),
            position: person.position.clone(),
        };
        registry::insert_civil_servant(&mut tx, &person).await?;
        people += 1;
    }
    tx.commit().await?;
    let cast: Vec<Nip> = cast
        .iter()
        .map(|&i| civil_servants[i].number.text().parse())
        .collect::<Result<_, _>>()?;
    // Oldest first, so that case numbers follow the order in which reports came in.
    let mut stories: Vec<&Story> = STORIES.iter().collect();
    stories.sort_by_key(|story| std::cmp::Reverse(story.days_ago));
    for story in stories {
        tell(db, rules, story, &cast, now)
            .await
            .with_context(|| format!("demo case ending in {}", story.target))?;
    }
    let accounts = crate::demo_accounts::add(db, now).await?;
    crate::demo_prevention::add(db, rules, now)
        .await
        .context("demo prevention work")?;
    crate::demo_cross_check::add(db, rules, &roster, ON_ROSTER, now)
        .await
        .context("demo candidate cross-check")?;
    Ok(Outcome {
        agencies: country.agencies.len(),
        civil_servants: people,
        cases: STORIES.len(),
        accounts,
    })
}

/// For each role of [`CAST`], a different person holding that post (indexes into `people`);
/// the first unused person when nobody does.
fn cast(people: &[Person]) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    for (class, sex) in CAST {
        let fits = |(i, p): &(usize, &Person)| {
            !chosen.contains(i) && p.class == class && sex.is_none_or(|s| p.sex() == s)
        };
        let pick = people
            .iter()
            .enumerate()
            .find(fits)
            .or_else(|| people.iter().enumerate().find(|(i, _)| !chosen.contains(i)))
            .map(|(i, _)| i)
            .expect("the demo roster has more people than roles");
        chosen.push(pick);
    }
    chosen
}

async fn tell(
    db: &Db,
    rules: &RuleBook,
    story: &Story,
    cast: &[Nip],
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let filed_at = now - Duration::days(story.days_ago);
    let filed_on = jakarta_date(filed_at);
    let incident = filed_on - Duration::days(2);
    let subject = Subject::Nip(cast[story.person]);
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
    if story.target == CaseState::Merged {
        merge_into_earlier(db, rules, &filed.case_number, filed_at).await?;
    }
    Ok(())
}

/// Merges a duplicate report's case into the oldest live case of the same person's incident,
/// as the task force would.
async fn merge_into_earlier(
    db: &Db,
    rules: &RuleBook,
    number: &str,
    filed_at: DateTime<Utc>,
) -> anyhow::Result<()> {
    let national = netral_domain::access::Scope::National;
    let case = cases::get_case(db, number)
        .await?
        .context("the duplicate's case")?;
    let earlier = case_work::likely_duplicates(db, &case, &national)
        .await?
        .into_iter()
        .next()
        .context("no earlier case to merge the duplicate into")?;
    let verifier = actor(Role::Verifier);
    let handler = case_work::Handler {
        name: &verifier.name,
        role: verifier.role,
        scope: &national,
    };
    case_work::merge(
        db,
        rules,
        number,
        &earlier.number,
        &handler,
        "Laporan ganda atas deklarasi yang sama; bukti digabung.",
        filed_at + Duration::hours(5),
    )
    .await?;
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
            letter_number: String::new(),
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
            letter_number: String::new(),
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
        // Merged by `tell`, into the live case of the same person's incident.
        S::Merged => Vec::new(),
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
        // West Java's province, 18 regencies and 9 cities, and the ministries.
        assert_eq!(outcome.agencies, 1 + 27 + CENTRAL.len());
        assert!(
            (250..=400).contains(&outcome.civil_servants),
            "{}",
            outcome.civil_servants
        );
        assert_eq!(outcome.cases, STORIES.len());
        assert_eq!(
            registry::count_civil_servants(db).await.unwrap() as usize,
            outcome.civil_servants
        );
        let counts = cases::count_by_state(db).await.unwrap();
        for state in CaseState::ALL {
            assert!(
                counts.iter().any(|(s, n)| *s == state && *n > 0),
                "no demo case is {state}: {counts:?}"
            );
        }
        assert_eq!(
            outcome.accounts.len(),
            Role::ALL.len(),
            "one account per role"
        );
        let signed = netral_store::accounts::sign_in(
            db,
            "ppk.karawang",
            crate::demo_accounts::PASSWORD,
            "127.0.0.1",
            now,
        )
        .await
        .unwrap();
        let netral_store::accounts::SignInOutcome::SignedIn(liaison) = signed else {
            panic!("the demo liaison signs in: {signed:?}")
        };
        assert_eq!(
            liaison.scope_label.as_deref(),
            Some("Pemerintah Kabupaten Karawang")
        );
        // Prevention: a meeting with its answers, pacts to count, a published answer.
        let coverage =
            netral_store::registry::prevention::pact_coverage_of(db, "3215", "pilkada-2024")
                .await
                .unwrap()
                .unwrap();
        assert_eq!(coverage.individually_covered, (coverage.roster + 1) / 2);
        let meetings =
            netral_store::prevention::socialization::events_in_scope(db, &liaison.scope, 10)
                .await
                .unwrap();
        let attendees = crate::demo_prevention::ATTENDEES.min(coverage.roster as usize);
        assert_eq!(
            (
                meetings.len(),
                meetings[0].attendees as usize,
                meetings[0].responses as usize
            ),
            (1, attendees, crate::demo_prevention::ANSWERS.min(attendees))
        );
        assert_eq!(
            netral_store::prevention::advisory::published(db)
                .await
                .unwrap()
                .len(),
            1
        );
        // The candidate cross-check: a list imported and checked, its queue holding both
        // kinds of proposal, candidates past the match threshold (spouses, named without a
        // birth date, stay in review).
        let proposals =
            netral_store::linking::proposals::of_election(db, crate::demo_cross_check::ELECTION)
                .await
                .unwrap();
        for (relation, band) in [("self", "match"), ("self", "review"), ("spouse", "review")] {
            assert!(
                proposals
                    .iter()
                    .any(|p| p.relation == relation && p.band == band && p.status == "open"),
                "no open {relation} proposal at {band}: {proposals:?}"
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
