use super::*;
use crate::rules::{RuleSet, RulesError, Severity, parse_rule_set};

const BKN: &str = include_str!("../../../../rules/versions/2024-08-24-bkn.toml");
const SKB: &str = include_str!("../../../../rules/versions/2022-09-22-skb.toml");

fn rules() -> RuleSet {
    parse_rule_set("bkn.toml", BKN).unwrap()
}

use Verdict::{Allowed, Conditional, Forbidden};

/// Questions as people type them (slang, abbreviations, typos), the entry that must come
/// first, its verdict, and text its legal basis must hold (taken from the rules data).
#[rustfmt::skip]
const QUESTIONS: &[(&str, &str, Verdict, &str)] = &[
    ("boleh gak sy ngelike postingan capres?", "LIKE_POSTINGAN_CALON", Forbidden, "PP 94/2021"),
    ("ngelike postingn caleg di ig, blh ga?", "LIKE_POSTINGAN_CALON", Forbidden, "SKB 2022"),
    ("komen di ig cawapres boleh ga", "KOMENTAR_AKUN_CALON", Forbidden, "PP 94/2021"),
    ("share video kampanye paslon di fb", "SHARE_KONTEN_CALON", Forbidden, "PP 94/2021"),
    ("follow akun tiktok capres gpp kan?", "FOLLOW_AKUN_CALON", Forbidden, "PP 94/2021"),
    ("gabung grup wa pemenangan", "GRUP_WA_PEMENANGAN", Forbidden, "PP 94/2021"),
    ("kirim stiker capres ke grup keluarga", "STIKER_CALON", Forbidden, "PP 94/2021"),
    ("bikin status wa ajak pilih no urut 2", "POSTING_KAMPANYE", Forbidden, "PP 94/2021"),
    ("ganti pp pake twibbon paslon", "TWIBBON_FOTO_PROFIL", Forbidden, "PP 94/2021"),
    ("jadi bintang iklan calon gubernur", "TESTIMONI_CALON", Forbidden, "PP 94/2021"),
    ("komentar berita pilkada tp netral", "KOMENTAR_BERITA_NETRAL", Conditional, "PP 94/2021"),
    ("share info kpu soal jadwal pemilu", "INFO_RESMI_KPU", Allowed, "UU 7/2017"),
    ("foto bareng caleg pake salam 2 jari", "FOTO_GESTUR_CALON", Forbidden, "PP 94/2021"),
    ("foto di depan baliho partai", "FOTO_ATRIBUT_PARTAI", Forbidden, "PP 94/2021"),
    ("selfie sm cagub tanpa pose, boleh?", "FOTO_BIASA_CALON", Conditional, "PP 94/2021"),
    ("dtg ke ultah partai", "ULTAH_PARTAI", Forbidden, "PP 94/2021"),
    ("diundang rapat partai, boleh dtg?", "ACARA_PARTAI", Forbidden, "PP 94/2021"),
    ("hadir deklrasi paslon sambil teriak yel2", "DEKLARASI_CALON", Forbidden, "PP 94/2021"),
    ("ikut konvoi kampanye caleg", "KAMPANYE_AKBAR", Forbidden, "PP 94/2021"),
    ("bolh gk ikut kmpanye?", "KAMPANYE_AKBAR", Forbidden, "PP 94/2021"),
    ("dengerin visi misi paslon boleh?", "DENGAR_VISI_MISI", Allowed, "SKB 2022"),
    ("nonton debat capres di tv", "NONTON_DEBAT", Allowed, "SKB 2022"),
    ("pasang spnduk cln bupati", "PASANG_SPANDUK", Forbidden, "PP 94/2021"),
    ("tempel stiker capres di motor", "STIKER_KENDARAAN", Forbidden, "PP 94/2021"),
    ("pake kaos partai ke pasar", "KAOS_ATRIBUT", Forbidden, "PP 94/2021"),
    ("masuk partai", "ANGGOTA_PARTAI", Forbidden, "UU 20/2023"),
    ("Assalamualaikum pak, saya guru SD, kepala sekolah minta kami semua datang ke acara ulang tahun partai, bagaimana?", "ULTAH_PARTAI", Forbidden, "PP 94/2021"),
    ("mw nyalon kepala daerah, gmn caranya", "MENCALONKAN_DIRI", Conditional, "UU 20/2023"),
    ("nyalon bupati tp msh pns", "CALON_TANPA_MUNDUR", Forbidden, "UU 20/2023 pasal 59 ayat (3)"),
    ("daftar penjaringan calon di partai", "PENDEKATAN_PARTAI", Forbidden, "PP 94/2021"),
    ("suami sy nyaleg, sy hrs gmn", "PASANGAN_CALON_CLTN", Conditional, "PP 42/2004"),
    ("ikut kampanye istri tp ga cuti", "KAMPANYE_PASANGAN_TANPA_CLTN", Forbidden, "PP 42/2004"),
    ("jd tim sukses", "TIM_SUKSES", Forbidden, "PP 94/2021"),
    ("jadi konsultan bakal calon sblm penetapan", "TIM_BAKAL_CALON", Forbidden, "PP 94/2021"),
    ("kumpulin ktp buat calon independen", "DUKUNGAN_KTP", Forbidden, "PP 94/2021"),
    ("pake mobil dinas antar calon", "FASILITAS_DINAS", Forbidden, "PP 94/2021"),
    ("pinjemin aula kantor buat acara paslon", "FASILITAS_DINAS", Forbidden, "PP 94/2021"),
    ("bansos dikasih gambar calon", "PROGRAM_UNTUK_CALON", Forbidden, "PP 94/2021"),
    ("suruh bawahan milih paslon no 1", "MENGERAHKAN_BAWAHAN", Forbidden, "PP 94/2021"),
    ("bagi2 sembako dari caleg", "BAGI_BARANG", Forbidden, "PP 94/2021"),
    ("undang warga ketemu paslon", "PERTEMUAN_CALON", Forbidden, "PP 94/2021"),
    ("ajak tetangga coblos calon", "MENGAJAK_MEMILIH", Forbidden, "PP 94/2021"),
    ("sumbang duit buat kampanye", "SUMBANGAN_KAMPANYE", Forbidden, "PP 94/2021"),
    ("nyoblos di tps boleh kan", "MENCOBLOS", Allowed, "UU 7/2017"),
    ("ditugasin atasan hadir acara petahana", "ACARA_DINAS_CALON", Conditional, "PP 94/2021"),
    ("can I like a candidate's post?", "LIKE_POSTINGAN_CALON", Forbidden, "PP 94/2021"),
];

#[test]
fn everyday_questions_find_their_answer() {
    let set = rules();
    let index = GuideIndex::new(&set);
    let mut wrong = Vec::new();
    for &(question, code, verdict, basis) in QUESTIONS {
        let hits = index.search(question, 3);
        let found: Vec<String> = hits
            .iter()
            .map(|h| format!("{} {:.2}", h.answer.entry.code, h.score))
            .collect();
        match hits.first() {
            Some(top) if top.answer.entry.code == code => {
                if top.answer.verdict != verdict || !top.answer.legal_basis.contains(basis) {
                    wrong.push(format!(
                        "{question:?}: {code} is {:?} with basis {:?}",
                        top.answer.verdict, top.answer.legal_basis
                    ));
                }
            }
            _ => wrong.push(format!("{question:?}: wanted {code}, got {found:?}")),
        }
    }
    assert!(QUESTIONS.len() >= 30);
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn every_entry_is_found_by_its_own_question() {
    let set = rules();
    let index = GuideIndex::new(&set);
    for entry in &set.guide {
        for question in [&entry.question.id, &entry.question.en] {
            let hits = index.search(question, 1);
            assert_eq!(
                hits.first().map(|h| h.answer.entry.code.as_str()),
                Some(entry.code.as_str()),
                "{question}"
            );
        }
    }
}

#[test]
fn unrelated_questions_get_no_answer() {
    let set = rules();
    let index = GuideIndex::new(&set);
    for question in [
        "resep nasi goreng",
        "jadwal libur lebaran",
        "cara mengurus paspor",
        "kapan gaji ke-13 cair?",
        "boleh gak sy?",
        "",
        "!!!",
    ] {
        let hits = index.search(question, 5);
        assert!(
            hits.is_empty(),
            "{question:?}: {:?}",
            hits.iter()
                .map(|h| &h.answer.entry.code)
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn hits_come_best_first_within_the_limit() {
    let set = rules();
    let index = GuideIndex::new(&set);
    let hits = index.search("foto sama calon di kampanye", 4);
    assert!(!hits.is_empty() && hits.len() <= 4);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(index.search("foto sama calon di kampanye", 0).is_empty());
}

#[test]
fn the_shipped_guide_covers_the_domain() {
    let set = rules();
    assert!(set.guide.len() >= 35, "{}", set.guide.len());
    for verdict in [Allowed, Conditional, Forbidden] {
        assert!(
            set.guide.iter().any(|e| e.verdict == verdict),
            "{verdict:?}"
        );
    }
    // Every discipline violation of the domain is explained by at least one entry.
    for code in [
        "ATRIBUT",
        "MEDSOS_KAMPANYE",
        "PENDEKATAN_PARPOL",
        "DEKLARASI",
        "ANGGOTA_PARPOL",
        "MEDSOS_INTERAKSI",
        "FOTO_KEBERPIHAKAN",
        "KEGIATAN_KEBERPIHAKAN",
        "TIM_SEBELUM_PENETAPAN",
        "TIM_SETELAH_PENETAPAN",
        "DUKUNGAN_KTP",
        "KEPUTUSAN_MENGUNTUNGKAN",
        "CALON_TIDAK_MUNDUR",
    ] {
        assert!(
            set.guide
                .iter()
                .any(|e| e.violation.as_deref() == Some(code)),
            "{code}"
        );
    }
    for entry in &set.guide {
        let answer = set.guide_answer(&entry.code).unwrap();
        assert!(!answer.legal_basis.is_empty(), "{}", entry.code);
        assert!(!entry.answer.id.is_empty() && !entry.answer.en.is_empty());
        if entry.verdict == Forbidden {
            assert!(answer.sanction.is_some(), "{}", entry.code);
        }
    }
    assert!(
        parse_rule_set("skb.toml", SKB).unwrap().guide.is_empty(),
        "a version's guide is optional"
    );
}

#[test]
fn an_answer_takes_sanction_and_legal_basis_from_the_rules() {
    let set = rules();
    let like = set.guide_answer("LIKE_POSTINGAN_CALON").unwrap();
    assert_eq!(like.verdict, Forbidden);
    assert_eq!(like.violation.unwrap().code, "MEDSOS_INTERAKSI");
    assert_eq!(like.sanction.unwrap().code, "BERAT_TURUN_JABATAN");
    assert_eq!(like.legal_basis, like.violation.unwrap().legal_basis);

    let spouse = set.guide_answer("PASANGAN_CALON_CLTN").unwrap();
    assert_eq!(spouse.sanction.unwrap().severity, Severity::Moral);
    assert_eq!(
        spouse.legal_basis,
        "SKB 2022 Lampiran II; PP 42/2004; PP 11/2017 tentang Manajemen PNS (cuti di luar tanggungan negara)",
        "the violation's basis first, then the entry's own"
    );

    let vote = set.guide_answer("MENCOBLOS").unwrap();
    assert_eq!(
        (vote.verdict, vote.violation, vote.sanction),
        (Allowed, None, None)
    );
    assert!(vote.legal_basis.starts_with("UUD 1945"));

    assert!(set.guide_answer("NO_SUCH_ENTRY").is_none());
    assert_eq!(Verdict::Conditional.as_str(), "conditional");
}

/// Replaces the first `from` after `anchor` in `text`.
fn replace_after(text: &str, anchor: &str, from: &str, to: &str) -> String {
    let start = text.find(anchor).expect("anchor");
    let at = start + text[start..].find(from).expect("text after anchor");
    format!("{}{to}{}", &text[..at], &text[at + from.len()..])
}

#[test]
fn a_rules_change_changes_the_answers() {
    let before = rules();
    let index = GuideIndex::new(&before);
    let top = |index: &GuideIndex<'_>, q: &str| {
        let hit = index.search(q, 1).into_iter().next().expect(q);
        (
            hit.answer.entry.code.clone(),
            hit.answer.verdict,
            hit.answer.sanction.map(|s| s.code.clone()),
        )
    };
    assert_eq!(
        top(&index, "ngelike postingan capres"),
        (
            "LIKE_POSTINGAN_CALON".into(),
            Forbidden,
            Some("BERAT_TURUN_JABATAN".into())
        )
    );
    assert_eq!(
        top(&index, "foto biasa sama calon tanpa pose").1,
        Conditional
    );

    let text = replace_after(
        BKN,
        "code = \"MEDSOS_INTERAKSI\"",
        "suggested_sanction = \"BERAT_TURUN_JABATAN\"",
        "suggested_sanction = \"SEDANG_TPP_12\"",
    );
    let text = replace_after(
        &text,
        "code = \"FOTO_BIASA_CALON\"",
        "verdict = \"conditional\"",
        "verdict = \"forbidden\"",
    );
    let after = parse_rule_set("bkn.toml", &text).unwrap();
    let like = after.guide_answer("LIKE_POSTINGAN_CALON").unwrap();
    assert_eq!(like.sanction.unwrap().code, "SEDANG_TPP_12");
    assert_eq!(like.sanction.unwrap().severity, Severity::Medium);
    let index = GuideIndex::new(&after);
    assert_eq!(
        top(&index, "ngelike postingan capres"),
        (
            "LIKE_POSTINGAN_CALON".into(),
            Forbidden,
            Some("SEDANG_TPP_12".into())
        )
    );
    assert_eq!(
        top(&index, "foto biasa sama calon tanpa pose"),
        (
            "FOTO_BIASA_CALON".into(),
            Forbidden,
            Some("BERAT_TURUN_JABATAN".into())
        )
    );
}

fn guide_error(text: &str) -> RulesError {
    parse_rule_set("bad.toml", text).unwrap_err()
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect(needle) + 1
}

#[test]
fn a_forbidden_entry_must_name_its_violation() {
    let text = replace_after(
        BKN,
        "code = \"LIKE_POSTINGAN_CALON\"",
        "violation = \"MEDSOS_INTERAKSI\"\n",
        "",
    );
    let err = guide_error(&text);
    assert_eq!(err.field.as_deref(), Some("guide[].violation"), "{err}");
    assert!(err.message.contains("LIKE_POSTINGAN_CALON"), "{err}");
    assert_eq!(
        err.line,
        Some(line_of(&text, "\"LIKE_POSTINGAN_CALON\"")),
        "{err}"
    );
}

#[test]
fn an_unknown_violation_is_named_with_its_line() {
    let text = BKN.replacen("violation = \"ATRIBUT\"", "violation = \"SPANDUK\"", 1);
    let err = guide_error(&text);
    assert_eq!(err.field.as_deref(), Some("guide[].violation"), "{err}");
    assert!(err.message.contains("SPANDUK"), "{err}");
    assert_eq!(err.line, Some(line_of(&text, "\"SPANDUK\"")), "{err}");
}

#[test]
fn a_guide_code_cannot_repeat() {
    let text = BKN.replacen(
        "code = \"KOMENTAR_AKUN_CALON\"",
        "code = \"LIKE_POSTINGAN_CALON\"",
        1,
    );
    let err = guide_error(&text);
    assert_eq!(err.field.as_deref(), Some("guide[].code"), "{err}");
    assert!(
        err.message.contains("LIKE_POSTINGAN_CALON") && err.message.contains("twice"),
        "{err}"
    );
}

#[test]
fn a_conditional_entry_must_state_its_conditions() {
    let text = replace_after(
        BKN,
        "code = \"LIKE_POSTINGAN_CALON\"",
        "verdict = \"forbidden\"",
        "verdict = \"conditional\"",
    );
    let err = guide_error(&text);
    assert_eq!(err.field.as_deref(), Some("guide[].conditions"), "{err}");
    assert!(err.message.contains("LIKE_POSTINGAN_CALON"), "{err}");
}

#[test]
fn an_entry_without_violation_needs_its_own_legal_basis_and_phrases() {
    let text = replace_after(
        BKN,
        "code = \"MENCOBLOS\"",
        "legal_basis = ",
        "# legal_basis = ",
    );
    let err = guide_error(&text);
    assert_eq!(err.field.as_deref(), Some("guide[].legal_basis"), "{err}");
    assert!(err.message.contains("MENCOBLOS"), "{err}");

    let start = BKN.find("code = \"MENCOBLOS\"").unwrap();
    let from = start + BKN[start..].find("phrases = [").unwrap();
    let to = from + BKN[from..].find(']').unwrap() + 1;
    let text = format!("{}phrases = []{}", &BKN[..from], &BKN[to..]);
    let err = guide_error(&text);
    assert_eq!(err.field.as_deref(), Some("guide[].phrases"), "{err}");
}

#[test]
fn a_wrong_verdict_or_key_is_named_by_serde() {
    let err = guide_error(&BKN.replacen("verdict = \"allowed\"", "verdict = \"maybe\"", 1));
    assert!(err.message.contains("maybe"), "{err}");
    assert!(
        err.field
            .as_deref()
            .is_some_and(|f| f.ends_with(".verdict") && f.starts_with("guide[")),
        "{err}"
    );
    let err = guide_error(&BKN.replacen("verdict = \"allowed\"", "verdikt = \"allowed\"", 1));
    assert!(err.message.contains("verdikt"), "{err}");
}
