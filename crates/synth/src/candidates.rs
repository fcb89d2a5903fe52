//! Candidate lists as KPU publishes them (DCS/DCT: *Daftar Calon Sementara/Tetap*), with civil
//! servants and spouses of civil servants planted in them, and the ground truth of who they are.
//!
//! A planted row is written the way KPU lists write names, not the way the roster does: titles
//! added, dropped or glued ("Ir.Hj."), the other spelling (Soeharto for Suharto), another form
//! of Muhammad ("Moch.", "M.") or "Abd." for Abdul, capitals, and the birth date often missing.
//! That is what a linking engine must see through.

use std::collections::{BTreeMap, HashSet};
use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};
use netral_domain::ids::Sex;

use crate::country::Country;
use crate::csv::Line;
use crate::names::{MUHAMMAD_FORMS, Name, NameBook, Writing};
use crate::rng::{Rng, Stream, Weighted, hash};
use crate::roster::{Person, Roster, Titles};

pub const HEADER: [&str; 10] = [
    "tingkat",
    "dapil",
    "nomorPartai",
    "namaPartai",
    "nomorUrut",
    "namaLengkap",
    "jenisKelamin",
    "tempatTinggal",
    "namaPasangan",
    "tanggalLahir",
];
pub const TRUTH_HEADER: [&str; 3] = ["line", "nip", "relation"];

#[derive(Debug, Clone)]
pub struct CandidateOptions {
    pub count: u64,
    /// Share of rows that are roster civil servants.
    pub self_share: f64,
    /// Share of rows whose spouse is a roster civil servant.
    pub spouse_share: f64,
    /// Plants only among the roster's first N people, for a caller that stores only those
    /// (the demonstration data); among all of them when `None`.
    pub plant_among_first: Option<u64>,
}

impl Default for CandidateOptions {
    fn default() -> Self {
        CandidateOptions {
            count: 20_000,
            self_share: 0.01,
            spouse_share: 0.005,
            plant_among_first: None,
        }
    }
}

/// Who a planted row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The candidate is the civil servant.
    Own,
    /// The candidate's spouse (`namaPasangan`) is the civil servant.
    Spouse,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Own => "self",
            Relation::Spouse => "spouse",
        }
    }
}

/// The election levels KPU lists, with their share of candidates (DCT 2024: DPR 9,917, DPD
/// 668, DPRD provinsi ~32,000, DPRD kabupaten/kota ~200,000; Pilkada 2024: 1,553 pairs).
const LEVELS: [(&str, u64); 6] = [
    ("dpr", 40),
    ("dpd", 3),
    ("dprd_provinsi", 130),
    ("dprd_kabkota", 815),
    ("kepala_daerah", 6),
    ("wakil_kepala_daerah", 6),
];

/// The parties of the 2024 election, by ballot number.
const PARTIES: [(u8, &str); 18] = [
    (1, "Partai Kebangkitan Bangsa"),
    (2, "Partai Gerakan Indonesia Raya"),
    (3, "Partai Demokrasi Indonesia Perjuangan"),
    (4, "Partai Golongan Karya"),
    (5, "Partai NasDem"),
    (6, "Partai Buruh"),
    (7, "Partai Gelombang Rakyat Indonesia"),
    (8, "Partai Keadilan Sejahtera"),
    (9, "Partai Kebangkitan Nusantara"),
    (10, "Partai Hati Nurani Rakyat"),
    (11, "Partai Garda Republik Indonesia"),
    (12, "Partai Amanat Nasional"),
    (13, "Partai Bulan Bintang"),
    (14, "Partai Demokrat"),
    (15, "Partai Solidaritas Indonesia"),
    (16, "Partai Persatuan Indonesia"),
    (17, "Partai Persatuan Pembangunan"),
    (24, "Partai Ummat"),
];

/// `k` distinct numbers below `n`, in a seeded order (Floyd's sampling, then a shuffle).
fn sample(n: u64, k: u64, rng: &mut Rng) -> Vec<u64> {
    let k = k.min(n);
    let mut chosen = HashSet::with_capacity(k as usize);
    let mut order = Vec::with_capacity(k as usize);
    for j in n - k..n {
        let t = rng.below(j + 1);
        let pick = if chosen.insert(t) { t } else { j };
        if pick == j {
            chosen.insert(j);
        }
        order.push(pick);
    }
    order.sort_unstable();
    rng.shuffle(&mut order);
    order
}

/// The planted rows: candidate row index → (relation, roster index).
pub fn plants(roster: &Roster, options: &CandidateOptions) -> BTreeMap<u64, (Relation, u64)> {
    let mut rng = Rng::new(roster.country().seed, Stream::Plants, 0);
    let own = (options.count as f64 * options.self_share).round() as u64;
    let spouse = (options.count as f64 * options.spouse_share).round() as u64;
    let pool = options
        .plant_among_first
        .map_or(roster.size(), |first| first.min(roster.size()));
    let total = (own + spouse).min(options.count).min(pool);
    let rows = sample(options.count, total, &mut rng);
    let people = sample(pool, total, &mut rng);
    rows.into_iter()
        .zip(people)
        .enumerate()
        .map(|(k, (row, person))| {
            let relation = if (k as u64) < own.min(total) {
                Relation::Own
            } else {
                Relation::Spouse
            };
            (row, (relation, person))
        })
        .collect()
}

/// Writes `candidates.csv` and `candidates-truth.csv`; returns their data rows.
pub fn write(
    roster: &Roster,
    options: &CandidateOptions,
    out: &mut impl Write,
    truth: &mut impl Write,
) -> io::Result<(u64, u64)> {
    let country = roster.country();
    let plants = plants(roster, options);
    let mut line = Line::default();
    line.write_header(&HEADER, out)?;
    let mut truth_line = Line::default();
    truth_line.write_header(&TRUTH_HEADER, truth)?;
    let levels = Weighted::new(LEVELS.iter().map(|l| l.1));
    let mut scratch = String::new();
    for row in 0..options.count {
        let mut rng = Rng::new(country.seed, Stream::Candidates, row);
        let planted = plants
            .get(&row)
            .map(|&(relation, index)| (relation, roster.person(index)));
        let candidate = match &planted {
            Some((Relation::Own, person)) => own_row(person, &mut rng),
            Some((Relation::Spouse, person)) => spouse_row(person, &mut rng),
            None => stranger_row(country, &mut rng),
        };
        let level = LEVELS[levels.pick(&mut rng)].0;
        write_row(
            country,
            &candidate,
            level,
            &mut rng,
            &mut line,
            &mut scratch,
        );
        line.end(out)?;
        if let Some((relation, person)) = planted {
            truth_line.field_fmt(format_args!("{}", row + 2));
            truth_line.field(&person.number.text());
            truth_line.field(relation.as_str());
            truth_line.end(truth)?;
        }
    }
    Ok((options.count, plants.len() as u64))
}

/// One candidate before it is placed on a list.
struct Candidate {
    name: String,
    sex: Sex,
    home: usize,
    spouse: String,
    birth: Option<NaiveDate>,
}

fn opposite(sex: Sex) -> Sex {
    match sex {
        Sex::Male => Sex::Female,
        Sex::Female => Sex::Male,
    }
}

/// A name written the KPU way: a different writing of the same person, and titles as the
/// candidate declared them.
/// `haji`: the sex of a Muslim elder, who may have added H./Hj. since.
pub fn kpu_name(
    name: &Name,
    front: &Titles,
    back: &Titles,
    haji: Option<Sex>,
    rng: &mut Rng,
) -> String {
    let writing = Writing {
        old: rng.chance(0.3).then_some(!name.old),
        muhammad: rng
            .chance(0.5)
            .then(|| rng.below(MUHAMMAD_FORMS.len() as u64) as u8),
        abdul_short: rng.chance(0.4),
        upper: rng.chance(0.45),
        respell: if rng.chance(0.25) {
            rng.next_u64() | 1
        } else {
            0
        },
    };
    let mut fronts: Vec<&str> = front.iter().filter(|_| rng.chance(0.85)).collect();
    if let Some(sex) = haji
        && !fronts.iter().any(|t| matches!(*t, "H." | "Hj."))
        && rng.chance(0.15)
    {
        fronts.push(if sex == Sex::Male { "H." } else { "Hj." });
    }
    let mut out = String::new();
    if !fronts.is_empty() {
        // Glued titles ("Ir.Hj.") are common in typed lists.
        let separator = if rng.chance(0.3) { "" } else { " " };
        out.push_str(&fronts.join(separator));
        out.push(' ');
    }
    name.write(&writing, &mut out);
    let backs: Vec<&str> = back.iter().filter(|_| rng.chance(0.8)).collect();
    if !backs.is_empty() {
        out.push_str(", ");
        out.push_str(&backs.join(", "));
    }
    if writing.upper && rng.chance(0.3) {
        out = out.to_uppercase();
    }
    out
}

fn elder_muslim(person: &Person) -> bool {
    person.name.region.muslim() && person.age() >= 40
}

fn own_row(person: &Person, rng: &mut Rng) -> Candidate {
    let name = kpu_name(
        &person.name,
        &person.front,
        &person.back,
        elder_muslim(person).then_some(person.sex()),
        rng,
    );
    Candidate {
        name,
        sex: person.sex(),
        home: person.home,
        spouse: String::new(),
        birth: rng.chance(0.6).then_some(person.number.birth),
    }
}

fn spouse_row(person: &Person, rng: &mut Rng) -> Candidate {
    let sex = opposite(person.sex());
    // Husbands are a few years older on average.
    let gap = rng.between(0, 8) as i32 * if sex == Sex::Male { 1 } else { -1 };
    let year = (person.number.birth.year() - gap).clamp(1950, 2003);
    let birth = NaiveDate::from_yo_opt(year, 1 + rng.below(365) as u32).expect("a day of the year");
    let own = NameBook::get().draw(person.name.region, sex, year, rng);
    let mut titles = Titles::default();
    if rng.chance(0.3) {
        titles.push(rng.pick(&["S.H.", "S.E.", "S.Sos.", "S.Pd.", "S.T."]));
    }
    let name = kpu_name(&own, &Titles::default(), &titles, None, rng);
    // The spouse (the civil servant) is written with or without titles.
    let empty = Titles::default();
    let (front, back) = if rng.chance(0.5) {
        (&person.front, &person.back)
    } else {
        (&empty, &empty)
    };
    let spouse = kpu_name(&person.name, front, back, None, rng);
    Candidate {
        name,
        sex,
        home: person.home,
        spouse,
        birth: rng.chance(0.55).then_some(birth),
    }
}

fn stranger_row(country: &Country, rng: &mut Rng) -> Candidate {
    let home = country.draw_home(rng);
    let province = country.geo.province_of(home);
    let region = rng.weighted(province.names);
    let sex = if rng.chance(0.37) {
        Sex::Female
    } else {
        Sex::Male
    };
    let year = rng.between(1955, 2002) as i32;
    let birth = NaiveDate::from_yo_opt(year, 1 + rng.below(365) as u32).expect("a day of the year");
    let book = NameBook::get();
    let name = book.draw(region, sex, year, rng);
    let mut front = Titles::default();
    let mut back = Titles::default();
    match rng.below(100) {
        0..=4 => front.push("Dr."),
        5..=7 => front.push("Ir."),
        8..=9 => front.push(if sex == Sex::Male { "Drs." } else { "Dra." }),
        10..=11 => front.push("dr."),
        _ => {}
    }
    if rng.chance(0.45) {
        back.push(rng.pick(&[
            "S.H.", "S.E.", "S.Sos.", "S.Pd.", "S.T.", "S.Kom.", "S.IP.", "S.Ag.",
        ]));
        if rng.chance(0.35) {
            back.push(rng.pick(&["M.H.", "M.M.", "M.Si.", "M.Pd.", "M.A.P."]));
        }
    }
    let elder = (region.muslim() && year < 1985).then_some(sex);
    let written = kpu_name(&name, &front, &back, elder, rng);
    let spouse = if rng.chance(0.4) {
        let other = book.draw(region, opposite(sex), year, rng);
        let mut text = String::new();
        other.write(
            &Writing {
                upper: rng.chance(0.45),
                ..Writing::default()
            },
            &mut text,
        );
        text
    } else {
        String::new()
    };
    Candidate {
        name: written,
        sex,
        home,
        spouse,
        birth: rng.chance(0.55).then_some(birth),
    }
}

fn roman(mut n: u64) -> String {
    let mut out = String::new();
    for (value, text) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= value {
            out.push_str(text);
            n -= value;
        }
    }
    out
}

/// A province as KPU writes it.
fn kpu_province(name: &str) -> String {
    match name {
        "Daerah Khusus Ibukota Jakarta" => "DKI JAKARTA".into(),
        "Daerah Istimewa Yogyakarta" => "DI YOGYAKARTA".into(),
        other => other.to_uppercase(),
    }
}

fn write_row(
    country: &Country,
    c: &Candidate,
    level: &str,
    rng: &mut Rng,
    line: &mut Line,
    scratch: &mut String,
) {
    let regency = &country.geo.regencies[c.home];
    let province = &country.geo.provinces[regency.province];
    let province_name = kpu_province(province.name);
    // A regency always lies in the same DPR and DPRD-province district.
    let fixed = |salt: u64, max: u64| 1 + hash(&[country.seed, salt, c.home as u64]) % max.max(1);
    let dapil = match level {
        "dpr" => format!(
            "{province_name} {}",
            roman(fixed(
                1,
                (province.population / 4.5).round().clamp(1.0, 11.0) as u64
            ))
        ),
        "dpd" => province_name.clone(),
        "dprd_provinsi" => format!(
            "{province_name} {}",
            fixed(
                2,
                (province.population / 3.5).round().clamp(1.0, 15.0) as u64
            )
        ),
        "dprd_kabkota" => {
            let districts = 3 + hash(&[country.seed, 3, c.home as u64]) % 5;
            let place = if regency.city {
                format!("KOTA {}", regency.short.to_uppercase())
            } else {
                regency.short.to_uppercase()
            };
            format!("{place} {}", 1 + rng.below(districts))
        }
        _ if rng.chance(0.3) => province_name.clone(),
        _ => format!(
            "{} {}",
            if regency.city { "KOTA" } else { "KABUPATEN" },
            regency.short.to_uppercase()
        ),
    };
    line.field(level);
    line.field(&dapil);
    let independent = level == "dpd" || (level.contains("kepala") && rng.chance(0.1));
    if independent {
        line.field("");
        line.field("");
    } else {
        let (number, party) = rng.pick(&PARTIES);
        line.field_fmt(format_args!("{number}"));
        line.field(party);
    }
    let max_number = match level {
        "dpd" => 40,
        "kepala_daerah" | "wakil_kepala_daerah" => 4,
        _ => 10,
    };
    line.field_fmt(format_args!("{}", 1 + rng.below(max_number)));
    line.field(&c.name);
    line.field(if c.sex == Sex::Male { "L" } else { "P" });
    scratch.clear();
    scratch.push_str(&regency.kpu_name());
    line.field(scratch);
    line.field(&c.spouse);
    match c.birth {
        Some(date) => line.field_fmt(format_args!("{}", date.format("%Y-%m-%d"))),
        None => line.field(""),
    }
}
