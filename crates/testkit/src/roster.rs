//! A believable SIASN roster, row by row, for import tests and the import benchmark. The real
//! generator (`netral synth`, with regional names and planted ground truth) will replace it.

use chrono::{Days, NaiveDate};
use netral_domain::roster::Field;

/// SIASN's headers, in export order.
pub fn header() -> Vec<String> {
    Field::ALL
        .iter()
        .map(|f| f.siasn_name().to_owned())
        .collect()
}

const GIVEN: [&str; 8] = [
    "Ahmad Suryana",
    "Siti Rahmawati",
    "Budi Santoso",
    "Dewi Lestari",
    "I Made Wirawan",
    "Ni Ketut Sari",
    "Muhammad Yusuf",
    "Sri Wahyuni",
];
const FRONT: [&str; 4] = ["", "Drs.", "H.", "Dr."];
const BACK: [&str; 4] = ["", "S.Pd.", "S.H., M.H.", "M.Si."];

/// Row `i` of a believable roster: every value valid, every NIP distinct (for i below three
/// billion), agencies alternating between Karawang and Bandung.
pub fn person(i: u32) -> Vec<String> {
    let birth = NaiveDate::from_ymd_opt(1960, 1, 1).unwrap() + Days::new(u64::from(i % 14_000));
    let k = i / 14_000;
    let female = i % 2 == 1;
    let nip = format!(
        "{}{}{:02}{}{:03}",
        birth.format("%Y%m%d"),
        2014 + (k % 240) / 12,
        1 + k % 12,
        if female { 2 } else { 1 },
        1 + (k / 240) % 999
    );
    let nik_day =
        birth.format("%d").to_string().parse::<u32>().unwrap() + if female { 40 } else { 0 };
    let nik = format!(
        "321501{nik_day:02}{}{:04}",
        birth.format("%m%y"),
        1 + i % 9_999
    );
    let (agency, unit) = if i.is_multiple_of(2) {
        ("Pemerintah Kab. Karawang", "Dinas Pendidikan")
    } else {
        ("PEMERINTAH KOTA BANDUNG", "Dinas Kesehatan")
    };
    let mut row = vec![String::new(); Field::COUNT];
    let mut set = |field: Field, value: &str| row[field.index()] = value.to_owned();
    set(Field::Nip, &nip);
    set(
        Field::NipLama,
        if i.is_multiple_of(3) { "130123456" } else { "" },
    );
    set(Field::Name, GIVEN[i as usize % GIVEN.len()]);
    set(Field::FrontTitles, FRONT[i as usize % FRONT.len()]);
    set(Field::BackTitles, BACK[(i as usize / 4) % BACK.len()]);
    set(Field::BirthPlace, "Karawang");
    set(Field::BirthDate, &birth.format("%d-%m-%Y").to_string());
    set(Field::Sex, if female { "P" } else { "L" });
    set(Field::Nik, &nik);
    set(Field::EmployeeType, "PNS");
    set(Field::Status, "Aktif");
    set(Field::Agency, agency);
    set(Field::ParentUnit, unit);
    set(Field::Unit, &format!("{unit} — Seksi {}", 1 + i % 7));
    set(Field::WorkLocation, "Karawang");
    set(Field::PositionType, "Jabatan Fungsional");
    set(Field::Position, "Guru Ahli Pertama");
    set(Field::Eselon, "");
    set(Field::Rank, "III/a");
    row
}
