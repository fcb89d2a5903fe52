//! A roster and a candidate list for the candidate cross-check (`netral_store::linking`),
//! with planted pairs: a candidate written with a Haji title and an old spelling ("Ir. H. Joko
//! Santosa, M.T." for the roster's "Ir. Djoko Santoso, M.T."), a candidate who resigned before
//! designation (the caller records the resignation), and two wives named on the list.

use netral_store::Db;
use netral_store::registry::candidates::import_candidates;
use netral_store::registry::{self, NewCivilServant};
use netral_store::rules_files::{find_election, load_elections};
use netral_store::tabular::pipeline::FileImportOptions;

use crate::at;
use crate::fixtures::add_karawang_official;

pub const ELECTION: &str = "pemilu-2024";
/// A candidate written "Ir. H. Joko Santosa, M.T." on the list.
pub const OWN_NIP: &str = "197503122002121001";
/// A candidate who resigned before designation.
pub const RESIGNED_NIP: &str = "198205022006042002";
/// The wife of a candidate, named on the list.
pub const SPOUSE_NIP: &str = "198008172005012003";
/// The wife of another candidate; this pair is rejected.
pub const OTHER_SPOUSE_NIP: &str = "197911242003122004";

const GIVEN: [&str; 10] = [
    "Agus", "Bayu", "Cahyo", "Dedi", "Eko", "Fajar", "Gilang", "Hendra", "Irfan", "Yusuf",
];
const FAMILY: [&str; 5] = ["Pratama", "Saputra", "Nugroho", "Hidayat", "Kurniawan"];
const CANDIDATE_GIVEN: [&str; 13] = [
    "Rudi", "Slamet", "Teguh", "Umar", "Wawan", "Yanto", "Zainal", "Arif", "Bima", "Candra",
    "Dimas", "Galih", "Hari",
];
const CANDIDATE_FAMILY: [&str; 2] = ["Wibowo", "Setiawan"];

/// The roster: the testkit's official, 45 made-up men and the four planted people; gives the
/// agency's id.
pub async fn add_roster(db: &Db) -> i64 {
    let (_, agency_id) = add_karawang_official(db).await;
    let mut people: Vec<(String, String)> = vec![
        (OWN_NIP.into(), "Ir. Djoko Santoso, M.T.".into()),
        (RESIGNED_NIP.into(), "Siti Rahmawati, S.E.".into()),
        (SPOUSE_NIP.into(), "Sri Wahyuni, S.Pd.".into()),
        (OTHER_SPOUSE_NIP.into(), "Dewi Kartika Sari".into()),
    ];
    for i in 0..45_u32 {
        let name = format!("{} {}", GIVEN[(i % 10) as usize], FAMILY[(i / 10) as usize]);
        // Born 1970-1988, appointed 2010, men, numbered.
        let nip = format!(
            "19{:02}{:02}{:02}2010011{:03}",
            70 + i % 19,
            1 + i % 12,
            1 + i % 28,
            100 + i
        );
        people.push((nip, name));
    }
    for (nip, name) in &people {
        add_civil_servant(db, agency_id, nip, name).await;
    }
    agency_id
}

/// One civil servant of `agency_id` living in Karawang (the NIK says so).
pub async fn add_civil_servant(db: &Db, agency_id: i64, nip: &str, name: &str) {
    let mut tx = db.begin().await.unwrap();
    registry::insert_civil_servant(
        &mut tx,
        &NewCivilServant {
            nip: nip.parse().unwrap(),
            nik: Some(karawang_nik(nip).parse().unwrap()),
            name: name.parse().unwrap(),
            agency_id,
            unit: "Sekretariat Daerah".into(),
            position_type: "functional".into(),
            position: "Analis".into(),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

/// A NIK registered in Karawang (32.15.01) for the person a NIP describes: birth day (plus 40
/// for a woman), month and year, then a number.
pub fn karawang_nik(nip: &str) -> String {
    let day: u32 = nip[6..8].parse().unwrap();
    let day = if &nip[14..15] == "2" { day + 40 } else { day };
    format!("321501{day:02}{}{}{}", &nip[4..6], &nip[2..4], &nip[14..18])
}

/// The DPRD list of Karawang 1 for Pemilu 2024: 26 made-up candidates and the four planted.
pub async fn add_candidates(db: &Db, dir: &std::path::Path) {
    let mut csv = String::from(
        "tingkat,dapil,nomorPartai,namaPartai,nomorUrut,namaLengkap,jenisKelamin,tempatTinggal,namaPasangan,tanggalLahir\n",
    );
    let planted = [
        ("\"Ir. H. Joko Santosa, M.T.\"", "L", "", "1975-03-12"),
        ("\"Hj. Siti Rahmawati, S.E.\"", "P", "", "1982-05-02"),
        (
            "Bambang Hartono",
            "L",
            "\"Sri Wahyuni, S.Pd.\"",
            "1978-01-09",
        ),
        ("Rizal Firmansyah", "L", "Dewi Kartika Sari", "1977-06-30"),
    ];
    for (i, (name, sex, spouse, birth)) in planted.iter().enumerate() {
        csv.push_str(&format!(
            "dprd_kabkota,KARAWANG 1,1,Partai Satu,{},{name},{sex},KAB. KARAWANG,{spouse},{birth}\n",
            i + 1
        ));
    }
    for i in 0..26_usize {
        csv.push_str(&format!(
            "dprd_kabkota,KARAWANG 1,2,Partai Dua,{},{} {},L,KAB. KARAWANG,,19{}-0{}-1{}\n",
            i + 1,
            CANDIDATE_GIVEN[i % 13],
            CANDIDATE_FAMILY[i / 13],
            60 + i,
            1 + i % 9,
            i % 10
        ));
    }
    let path = dir.join("dct.csv");
    std::fs::write(&path, csv).unwrap();
    let elections =
        load_elections(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules"))
            .unwrap();
    let election = find_election(&elections, ELECTION).unwrap();
    let summary = import_candidates(
        db,
        &path,
        election,
        FileImportOptions::new("test-dct", at("2023-11-04T00:00:00Z")),
    )
    .await
    .unwrap();
    assert_eq!(summary.file.inserted, 30, "{summary:?}");
}

/// A fixed model for the candidate cross-check (`netral-link`'s KPU schema), so that tests with
/// a roster of tens give the answers a real roster would: estimating m and u by EM needs
/// thousands of rows. Set per level name, so that it follows the schema's ladders.
pub fn link_model() -> netral_link::Model {
    use netral_link::model::FieldModel;
    let fields = netral_link::kpu::schema()
        .fields
        .iter()
        .map(|spec| {
            let (m, u): (Vec<f64>, Vec<f64>) = spec
                .comparator
                .levels()
                .iter()
                .map(|level| match (spec.name.as_str(), *level) {
                    (_, "missing") => (1.0, 1.0),
                    ("sex", "different") => (0.05, 0.5),
                    ("sex", "agree") => (0.95, 0.5),
                    (_, "different") => (0.02, 0.9),
                    (_, "agree") => (0.8, 0.05),
                    (_, "partial" | "similar") => (0.05, 0.04),
                    (_, "near") => (0.03, 0.08),
                    (_, "close") => (0.1, 0.005),
                    (_, "typo") => (0.05, 0.015),
                    (_, "phonetic") => (0.25, 0.001),
                    (_, "exact") => (0.6, 0.004),
                    _ => (0.1, 0.1),
                })
                .unzip();
            FieldModel {
                field: spec.name.clone(),
                comparator: spec.comparator,
                m,
                u,
            }
        })
        .collect();
    netral_link::Model {
        prior: 0.05,
        fields,
        em_iterations: 0,
    }
}
