use chrono::NaiveDate;
use netral_domain::deadline::DayUnit;
use netral_domain::rules::LetterSettings;

use super::*;
use crate::text::{extract_text, squeeze};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn letter(kind: LetterKind) -> Letter {
    Letter {
        kind,
        number: "0042/REK/BKN/XI/2026".into(),
        date: d(2026, 11, 3),
        issuer: LetterSettings {
            number_prefix: "BKN".into(),
            issuer: "BADAN KEPEGAWAIAN NEGARA".into(),
            issuer_unit: "DEPUTI BIDANG PENGAWASAN DAN PENGENDALIAN".into(),
            address: "Jalan Mayjen Sutoyo Nomor 12, Cililitan, Jakarta Timur 13640".into(),
            place: "Jakarta".into(),
            signer_title: "Deputi Bidang Pengawasan dan Pengendalian".into(),
            copies: vec![
                "Menteri Dalam Negeri".into(),
                "Ketua Badan Pengawas Pemilihan Umum".into(),
            ],
        },
        signer_name: "Drs. Hendra Wijaya, M.Si.".into(),
        addressee: Addressee {
            title: "Bupati Karawang".into(),
            agency: "Pemerintah Kabupaten Karawang".into(),
        },
        civil_servant: CivilServant {
            name: "Siti Rahmawati, S.Pd.".into(),
            nip: "198503122010012003".into(),
            position: "Guru Ahli Pertama".into(),
            unit: "SMP Negeri 1 Karawang Barat".into(),
            agency: "Pemerintah Kabupaten Karawang".into(),
        },
        case_number: "NTR-2026-000123".into(),
        violations: vec![Provision {
            title: "Kampanye atau sosialisasi calon di media sosial/online".into(),
            legal_basis: "SKB 2022 Lampiran II; PP 94/2021 pasal 5 huruf n".into(),
        }],
        sanction: Provision {
            title: "Penurunan jabatan setingkat lebih rendah selama 12 bulan".into(),
            legal_basis: "PP 94/2021 pasal 8 ayat (4) huruf a".into(),
        },
        override_reason: None,
        deadline: Some(FollowUpDeadline {
            days: 14,
            unit: DayUnit::CalendarDays,
            due: d(2026, 11, 17),
        }),
        recommendation: None,
    }
}

fn text_of(letter: &Letter) -> String {
    let pdf = render(letter).unwrap_or_else(|e| panic!("{e}"));
    assert!(pdf.starts_with(b"%PDF-"), "no PDF header");
    let tail = &pdf[pdf.len().saturating_sub(64)..];
    assert!(
        tail.windows(5).any(|w| w == b"%%EOF"),
        "no PDF trailer at the end"
    );
    extract_text(&pdf).unwrap()
}

fn assert_says(text: &str, phrase: &str) {
    assert!(
        squeeze(text).contains(&squeeze(phrase)),
        "the letter does not say {phrase:?}:\n{text}"
    );
}

#[test]
fn a_recommendation_says_who_what_and_by_when() {
    let text = text_of(&letter(LetterKind::Recommendation));
    for phrase in [
        "BADAN KEPEGAWAIAN NEGARA",
        "DEPUTI BIDANG PENGAWASAN DAN PENGENDALIAN",
        "Jakarta, 3 November 2026",
        "Nomor : 0042/REK/BKN/XI/2026",
        "Sifat : Segera",
        "Lampiran : -",
        "Hal : Rekomendasi atas Pelanggaran Netralitas Pegawai Aparatur Sipil Negara",
        "Yth. Bupati Karawang",
        "selaku Pejabat Pembina Kepegawaian Pemerintah Kabupaten Karawang",
        "Siti Rahmawati, S.Pd.",
        "198503122010012003",
        "Guru Ahli Pertama",
        "NTR-2026-000123",
        "Kampanye atau sosialisasi calon di media sosial/online (SKB 2022 Lampiran II; PP 94/2021 pasal 5 huruf n).",
        "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
        "PP 94/2021 pasal 8 ayat (4) huruf a",
        "paling lambat 14 (empat belas) hari kalender sejak tanggal surat ini, yaitu tanggal 17 November 2026.",
        "Deputi Bidang Pengawasan dan Pengendalian,",
        "Drs. Hendra Wijaya, M.Si.",
        "Tembusan Yth.:",
        "Ketua Badan Pengawas Pemilihan Umum",
    ] {
        assert_says(&text, phrase);
    }
    assert!(!squeeze(&text).contains("pertimbangan"), "{text}");
}

#[test]
fn an_overridden_sanction_gives_the_reason() {
    let mut letter = letter(LetterKind::Recommendation);
    letter.override_reason = Some(Override {
        suggested: Some("Penurunan jabatan".into()),
        reason: "Pelanggaran pertama dan yang bersangkutan kooperatif".into(),
    });
    letter.deadline = None;
    let text = text_of(&letter);
    assert_says(
        &text,
        "pertimbangan: Pelanggaran pertama dan yang bersangkutan kooperatif.",
    );
    assert_says(&text, "(Penurunan jabatan)");
    assert_says(&text, "salinannya kepada kami sesegera mungkin.");
    assert!(!squeeze(&text).contains("palinglambat"), "{text}");
}

#[test]
fn a_warning_refers_to_the_recommendation() {
    let mut letter = letter(LetterKind::Warning);
    letter.number = "0007/PRG/BKN/XII/2026".into();
    letter.recommendation = Some(Reference {
        number: "0042/REK/BKN/XI/2026".into(),
        date: d(2026, 11, 3),
    });
    letter.deadline = Some(FollowUpDeadline {
        days: 5,
        unit: DayUnit::WorkingDays,
        due: d(2026, 12, 8),
    });
    let text = text_of(&letter);
    for phrase in [
        "Hal : Peringatan atas Rekomendasi yang Belum Ditindaklanjuti",
        "Nomor : 0007/PRG/BKN/XII/2026",
        "Menindaklanjuti surat kami Nomor 0042/REK/BKN/XI/2026 tanggal 3 November 2026",
        "5 (lima) hari kerja",
        "8 Desember 2026",
        "Siti Rahmawati, S.Pd.",
        "pemblokiran data kepegawaian",
    ] {
        assert_says(&text, phrase);
    }
}

#[test]
fn hostile_text_prints_as_written() {
    let mut letter = letter(LetterKind::Recommendation);
    let hostile = [
        r#"#set page(fill: red) [x] $ y $ "quoted" 'single' \ backslash"#,
        r#"*bold* _emph_ `raw` <label> @ref // comment /* block"#,
        "#import \"@preview/evil:1.0.0\": *",
        "} ] ) #{ panic() }",
    ];
    letter.civil_servant.name = hostile[0].into();
    letter.civil_servant.position = hostile[1].into();
    letter.civil_servant.unit = hostile[2].into();
    letter.addressee.agency = hostile[3].into();
    letter.override_reason = Some(Override {
        suggested: None,
        reason: "#read(\"/etc/passwd\")".into(),
    });
    let long_name = "Raden Mas ".repeat(60) + &"X".repeat(120);
    letter.signer_name = long_name.clone();
    let text = text_of(&letter);
    for phrase in hostile {
        assert_says(&text, phrase);
    }
    assert_says(&text, "#read(\"/etc/passwd\")");
    assert_says(&text, &long_name);
}

#[test]
fn the_same_letter_gives_the_same_bytes() {
    let letter = letter(LetterKind::Recommendation);
    assert_eq!(render(&letter).unwrap(), render(&letter).unwrap());
}

#[test]
fn counts_and_dates_read_in_indonesian() {
    use crate::view::{in_words, long_date};
    let words = [
        (0, "nol"),
        (1, "satu"),
        (7, "tujuh"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (14, "empat belas"),
        (21, "dua puluh satu"),
        (30, "tiga puluh"),
        (100, "seratus"),
        (115, "seratus lima belas"),
        (365, "tiga ratus enam puluh lima"),
        (1000, "seribu"),
        (2024, "dua ribu dua puluh empat"),
    ];
    for (n, text) in words {
        assert_eq!(in_words(n), text, "{n}");
    }
    assert_eq!(long_date(d(2027, 2, 1)), "1 Februari 2027");
}

#[test]
fn file_names_are_safe() {
    assert_eq!(
        file_name("0042/REK/BKN/XI/2026"),
        "Surat-0042-REK-BKN-XI-2026.pdf"
    );
    assert_eq!(file_name("../a b"), "Surat-..-a-b.pdf");
}
