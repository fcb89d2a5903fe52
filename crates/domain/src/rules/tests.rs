use chrono::NaiveDate;

use super::*;
use crate::case::CaseState;
use crate::deadline::DayUnit;

const BKN: &str = include_str!("../../../../rules/versions/2024-08-24-bkn.toml");
const SKB: &str = include_str!("../../../../rules/versions/2022-09-22-skb.toml");
const HOLIDAYS_2024: &str = include_str!("../../../../rules/holidays/2024.toml");

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn book() -> RuleBook {
    RuleBook::new(
        vec![
            ("bkn.toml".into(), parse_rule_set("bkn.toml", BKN).unwrap()),
            ("skb.toml".into(), parse_rule_set("skb.toml", SKB).unwrap()),
        ],
        vec![(
            "2024.toml".into(),
            parse_holiday_year("2024.toml", HOLIDAYS_2024).unwrap(),
        )],
    )
    .unwrap()
}

#[test]
fn shipped_rules_hold_both_tracks_and_every_domain_code() {
    let set = parse_rule_set("bkn.toml", BKN).unwrap();
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
    ] {
        assert_eq!(
            set.violation(code).map(|v| v.track),
            Some(Track::Discipline),
            "{code}"
        );
    }
    assert!(
        set.violations
            .iter()
            .filter(|v| v.track == Track::Ethics)
            .count()
            >= 7
    );
    for v in set.violations.iter().filter(|v| v.track == Track::Ethics) {
        assert_eq!(
            set.sanction(&v.suggested_sanction).unwrap().severity,
            Severity::Moral,
            "{}",
            v.code
        );
    }
    assert_eq!(
        set.sanction(&set.violation("ANGGOTA_PARPOL").unwrap().suggested_sanction)
            .unwrap()
            .severity,
        Severity::Dismissal
    );
    assert_eq!(
        set.sanction(
            &set.violation("PENDEKATAN_PARPOL")
                .unwrap()
                .suggested_sanction
        )
        .unwrap()
        .severity,
        Severity::Medium
    );
    let verification = set.clock(CaseState::Verification).unwrap();
    assert_eq!(
        (verification.clock.days, verification.clock.unit),
        (7, DayUnit::CalendarDays)
    );
    let review = set.clock(CaseState::Review).unwrap();
    assert_eq!(
        (review.clock.days, review.clock.unit),
        (3, DayUnit::WorkingDays)
    );
    assert!(
        !set.clock(CaseState::AwaitingFollowUp).unwrap().confirmed,
        "the PPK deadline is disputed"
    );
}

#[test]
fn the_gravest_suggestion_wins_for_several_violations() {
    let set = parse_rule_set("bkn.toml", BKN).unwrap();
    assert_eq!(
        set.suggested_sanction(["PENDEKATAN_PARPOL"]).unwrap().code,
        "SEDANG_TPP_6"
    );
    assert_eq!(
        set.suggested_sanction(["PENDEKATAN_PARPOL", "ANGGOTA_PARPOL"])
            .unwrap()
            .code,
        "PTDH"
    );
    assert!(set.suggested_sanction(["NO_SUCH_CODE"]).is_none());
    assert!(set.suggested_sanction([]).is_none());
}

#[test]
fn a_case_takes_the_version_in_force_on_its_incident_date() {
    let book = book();
    assert_eq!(
        book.in_force_on(d(2024, 2, 10)).unwrap().version,
        "2022-09-22-skb"
    );
    assert_eq!(
        book.in_force_on(d(2024, 8, 23)).unwrap().version,
        "2022-09-22-skb"
    );
    assert_eq!(
        book.in_force_on(d(2024, 8, 24)).unwrap().version,
        "2024-08-24-bkn"
    );
    assert_eq!(
        book.in_force_on(d(2026, 1, 1)).unwrap().oversight_body,
        "BKN"
    );
    let err = book.in_force_on(d(2020, 12, 9)).unwrap_err();
    assert!(err.to_string().contains("2022-09-22"), "{err}");
    assert!(
        book.calendar().holiday(d(2024, 11, 27)).is_some(),
        "Pilkada voting day"
    );
}

#[test]
fn shipped_holiday_files_parse() {
    for (file, text) in [
        ("2024.toml", HOLIDAYS_2024),
        (
            "2025.toml",
            include_str!("../../../../rules/holidays/2025.toml"),
        ),
        (
            "2026.toml",
            include_str!("../../../../rules/holidays/2026.toml"),
        ),
    ] {
        let year = parse_holiday_year(file, text).unwrap();
        assert!(year.days.len() >= 20, "{file}");
    }
}

fn rule_error(text: &str) -> RulesError {
    parse_rule_set("bad.toml", text).unwrap_err()
}

#[test]
fn a_wrong_type_names_file_line_and_field() {
    let text = BKN.replacen("days = 7", "days = \"seven\"", 1);
    let err = rule_error(&text);
    let line = text.lines().position(|l| l.contains("\"seven\"")).unwrap() + 1;
    assert_eq!(err.file, "bad.toml");
    assert_eq!(err.line, Some(line), "{err}");
    assert_eq!(
        err.field.as_deref(),
        Some("stages.verification.days"),
        "{err}"
    );
}

#[test]
fn a_misspelt_field_is_refused_not_ignored() {
    let text = BKN.replacen(
        "legal_basis = \"PP 42/2004 pasal 15–16\"",
        "legal_bassis = \"x\"",
        1,
    );
    let err = rule_error(&text);
    assert!(err.message.contains("legal_bassis"), "{err}");
    assert_eq!(
        err.field.as_deref(),
        Some("sanctions[0].legal_bassis"),
        "{err}"
    );
    assert!(err.line.is_some(), "{err}");
}

#[test]
fn an_unknown_stage_or_unit_is_named() {
    let err = rule_error(&BKN.replacen("[stages.review]", "[stages.tinjauan]", 1));
    assert!(
        err.message.contains("tinjauan")
            && err.field.as_deref() == Some("stages.tinjauan")
            && err.line.is_some(),
        "{err}"
    );
    let err = rule_error(&BKN.replacen("unit = \"working_days\"", "unit = \"hari_kerja\"", 1));
    assert!(
        err.message.contains("hari_kerja") && err.field.as_deref() == Some("stages.received.unit"),
        "{err}"
    );
}

#[test]
fn a_missing_field_is_named() {
    let err = rule_error(&BKN.replacen("oversight_body = \"BKN\"\n", "", 1));
    assert!(err.message.contains("oversight_body"), "{err}");
}

#[test]
fn a_dangling_sanction_reference_names_its_line() {
    let text = BKN.replacen(
        "suggested_sanction = \"SEDANG_TPP_6\"",
        "suggested_sanction = \"SEDANG_TPP_7\"",
        1,
    );
    let err = rule_error(&text);
    let line = text
        .lines()
        .position(|l| l.contains("SEDANG_TPP_7"))
        .unwrap()
        + 1;
    assert_eq!(
        (err.line, err.field.as_deref()),
        (Some(line), Some("violations[].suggested_sanction")),
        "{err}"
    );
    assert!(
        err.to_string()
            .starts_with(&format!("rules file bad.toml, line {line}")),
        "{err}"
    );
}

#[test]
fn duplicate_codes_and_broken_syntax_are_refused() {
    let err = rule_error(&BKN.replacen("code = \"MEDSOS_KAMPANYE\"", "code = \"ATRIBUT\"", 1));
    assert!(
        err.message.contains("ATRIBUT") && err.message.contains("twice"),
        "{err}"
    );
    let err = rule_error("version = \"x\"\neffective_from = 2024-01-01\ntitle = [unclosed");
    assert_eq!(err.line, Some(3), "{err}");
    let err = rule_error(&BKN.replacen(
        "effective_from = 2024-08-24",
        "effective_from = 2024-02-30",
        1,
    ));
    assert!(
        err.message.contains("2024-02-30") || err.line == Some(5),
        "{err}"
    );
}

#[test]
fn final_states_cannot_have_clocks() {
    let err = rule_error(&format!(
        "{BKN}\n[stages.closed]\ndays = 1\nunit = \"calendar_days\"\nconfirmed = true\nsource = \"x\"\n"
    ));
    assert_eq!(err.field.as_deref(), Some("stages.closed"), "{err}");
}

#[test]
fn holiday_files_reject_stray_and_repeated_dates() {
    let err = parse_holiday_year(
        "2024.toml",
        &HOLIDAYS_2024.replacen("date = 2024-12-26", "date = 2025-12-26", 1),
    )
    .unwrap_err();
    assert!(
        err.message.contains("not in 2024") && err.line.is_some(),
        "{err}"
    );
    let err = parse_holiday_year(
        "2024.toml",
        &HOLIDAYS_2024.replacen("date = 2024-12-26", "date = 2024-12-25", 1),
    )
    .unwrap_err();
    assert!(err.message.contains("twice"), "{err}");
}

#[test]
fn rule_books_refuse_clashing_versions() {
    let a = parse_rule_set("a.toml", BKN).unwrap();
    let err = RuleBook::new(
        vec![("a.toml".into(), a.clone()), ("b.toml".into(), a)],
        vec![],
    )
    .unwrap_err();
    assert_eq!(err.file, "b.toml");
    assert!(RuleBook::new(vec![], vec![]).is_err());
}

#[test]
fn letters_take_the_bodys_settings_or_its_name() {
    let set = parse_rule_set("bkn.toml", BKN).unwrap();
    assert_eq!(set.letters.number_prefix, "BKN");
    assert_eq!(set.letters.issuer, "BADAN KEPEGAWAIAN NEGARA");
    assert!(!set.letters.copies.is_empty());
    let start = BKN.find("[letters]").unwrap();
    let without = &BKN[..start];
    let set = parse_rule_set("bkn.toml", without).unwrap();
    assert_eq!(set.letters.number_prefix, set.oversight_body);
    assert_eq!(set.letters.issuer, set.oversight_body);
    assert_eq!(set.letters.place, "Jakarta");
    assert!(set.letters.copies.is_empty());
}

#[test]
fn a_letter_prefix_that_would_break_numbers_is_refused() {
    let err = rule_error(&BKN.replacen("number_prefix = \"BKN\"", "number_prefix = \"B/KN\"", 1));
    assert_eq!(err.field.as_deref(), Some("letters.number_prefix"), "{err}");
    assert!(err.message.contains("B/KN"), "{err}");
    let err = rule_error(&BKN.replacen("signer_title", "signer", 1));
    assert!(err.message.contains("signer"), "{err}");
}
