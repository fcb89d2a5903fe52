//! One civil servant: everything a roster row says about them, drawn from their row's own
//! generator so that any row can be recomputed alone.

use std::fmt::Write;

use chrono::Datelike;
use netral_domain::ids::Sex;

use super::jobs::{self, Education, Job, PositionClass, Workplace};
use super::numbers::{Number, ROSTER_YEAR};
use crate::agencies::AgencyKind;
use crate::country::Country;
use crate::names::{Name, NameBook, NameRegion};
use crate::rng::Rng;

/// Up to four titles on one side of a name.
#[derive(Debug, Clone, Copy, Default)]
pub struct Titles {
    items: [&'static str; 4],
    len: u8,
}

impl Titles {
    pub fn push(&mut self, title: &'static str) {
        if usize::from(self.len) < self.items.len() {
            self.items[usize::from(self.len)] = title;
            self.len += 1;
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.items[..usize::from(self.len)].iter().copied()
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn join(&self, separator: &str, out: &mut String) {
        for (i, title) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(separator);
            }
            out.push_str(title);
        }
    }
}

#[derive(Debug, Clone)]
pub struct Person {
    pub index: u64,
    pub number: Number,
    /// Index into `Country::agencies`.
    pub agency: usize,
    /// Where the person lives (and their NIK was issued): index into `Geography::regencies`.
    pub home: usize,
    pub birth_place: usize,
    pub work_place: usize,
    pub name: Name,
    pub front: Titles,
    pub back: Titles,
    pub education: Education,
    pub class: PositionClass,
    pub position: String,
    pub unit: String,
    pub parent_unit: String,
    pub eselon: &'static str,
    pub rank: &'static str,
    pub status: &'static str,
    pub nik: [u8; 16],
    pub nip_lama: Option<u32>,
}

impl Person {
    pub fn sex(&self) -> Sex {
        if self.number.female {
            Sex::Female
        } else {
            Sex::Male
        }
    }

    pub fn age(&self) -> i32 {
        ROSTER_YEAR - self.number.birth.year()
    }

    pub fn nik_text(&self) -> &str {
        std::str::from_utf8(&self.nik).expect("digits are ASCII")
    }

    /// The name with its titles, as a letter would address the person.
    pub fn full_name(&self) -> String {
        let mut out = String::new();
        self.front.join(" ", &mut out);
        if !out.is_empty() {
            out.push(' ');
        }
        self.name.write_legal(&mut out);
        if !self.back.is_empty() {
            out.push_str(", ");
            self.back.join(", ", &mut out);
        }
        out
    }
}

/// Draws row `index` of a roster. `number` is the row's staff number (see `numbers`).
pub fn draw(country: &Country, index: u64, number: Number) -> Person {
    let mut rng = Rng::new(country.seed, crate::rng::Stream::Roster, index);
    let agency_index = country.draw_agency(&mut rng);
    let agency = &country.agencies[agency_index];
    let central = agency.kind == AgencyKind::Central;
    // Where they work: the regency itself; for a province, anywhere in it (its schools and
    // hospitals are spread out); for a central agency, headquarters or a regional office.
    let headquarters = central && rng.chance(0.35);
    let work_place = match (agency.regency, agency.province) {
        (Some(r), _) => r,
        (None, Some(p)) => country.draw_regency_in(p, &mut rng),
        (None, None) if headquarters => country.draw_capital(&mut rng),
        (None, None) => country.draw_regency(&mut rng),
    };
    let home = if rng.chance(0.85) || headquarters {
        work_place
    } else {
        country.draw_regency_in(country.geo.regencies[work_place].province, &mut rng)
    };
    let birth_place = if rng.chance(0.8) {
        home
    } else {
        country.draw_regency(&mut rng)
    };
    let sex = if number.female {
        Sex::Female
    } else {
        Sex::Male
    };
    let birth_year = number.birth.year();
    let province = country.geo.province_of(birth_place);
    let region = rng.weighted(province.names);
    let name = NameBook::get().draw(region, sex, birth_year, &mut rng);

    let mut person = Person {
        index,
        number,
        agency: agency_index,
        home,
        birth_place,
        work_place,
        name,
        front: Titles::default(),
        back: Titles::default(),
        education: Education::Sma,
        class: PositionClass::Staff,
        position: String::new(),
        unit: String::new(),
        parent_unit: String::new(),
        eselon: "",
        rank: "",
        status: "Aktif",
        nik: [b'0'; 16],
        nip_lama: None,
    };
    let service = ROSTER_YEAR - number.appointed_year;
    let age = ROSTER_YEAR - birth_year;
    person.class = draw_class(number.pppk, agency.kind, service, age, &mut rng);
    let work = country.geo.regencies[work_place].short;
    match person.class {
        PositionClass::Functional => {
            let jobs = jobs::functional_jobs(&agency.code, central);
            let mut job = rng.weighted(jobs);
            if job.name == "Bidan" && sex == Sex::Male {
                job = &jobs::PERAWAT;
            }
            functional(&mut person, job, agency.kind, &agency.code, work, &mut rng);
        }
        PositionClass::Staff => staff(&mut person, central, work, &mut rng),
        class => structural(&mut person, class, central, work, &mut rng),
    }
    honorifics(&mut person, region, sex, age, &mut rng);
    rank(&mut person, service, &mut rng);
    person.status = match rng.below(1000) {
        0..=9 => "Tugas Belajar",
        10..=14 => "CLTN",
        15..=16 => "Pemberhentian Sementara",
        _ if age >= 57 && rng.chance(0.3) => "Masa Persiapan Pensiun",
        _ => "Aktif",
    };
    if !number.pppk && number.appointed_year < 1999 {
        person.nip_lama = Some(100_000_000 + (rng.below(99_999_999) as u32));
    }
    person.nik = nik(country, home, &number, &mut rng);
    person
}

/// Position classes: structural posts need years of service and age; PPPK hold none.
fn draw_class(
    pppk: bool,
    kind: AgencyKind,
    service: i32,
    age: i32,
    rng: &mut Rng,
) -> PositionClass {
    use PositionClass::*;
    let regional_local = matches!(kind, AgencyKind::Regency | AgencyKind::City);
    let roll = rng.below(10_000);
    if !pppk && service >= 12 && age >= 40 {
        match roll {
            0..=119 => return Jpt,
            120..=499 => return Administrator,
            500..=1399 => return Supervisor,
            1400..=1499 if regional_local => return Camat,
            1500..=1799 if regional_local => return Lurah,
            _ => {}
        }
    } else if !pppk && service >= 6 {
        match roll {
            0..=399 => return Supervisor,
            400..=449 if regional_local => return Lurah,
            _ => {}
        }
    }
    if rng.chance(if pppk { 0.75 } else { 0.62 }) {
        Functional
    } else {
        Staff
    }
}

fn draw_education(job: &Job, rng: &mut Rng) -> Education {
    let roll = rng.unit();
    if roll < job.s3 {
        Education::S3
    } else if roll < job.s3 + job.s2 {
        Education::S2
    } else if roll < job.s3 + job.s2 + job.d3 {
        Education::D3
    } else {
        Education::S1
    }
}

/// Degree titles: "S.Pd.", "S.Pd., M.Pd.", "Dr." with a master's title, or the pre-1993
/// "Drs."/"Dra."/"Ir." in front for older graduates.
fn degree_titles(
    person: &mut Person,
    s1: &'static [&'static str],
    d3: &'static [&'static str],
    s2: &'static [&'static str],
    old_degree: Option<&'static str>,
    rng: &mut Rng,
) {
    let female = person.number.female;
    let old = person.number.birth.year() < 1970 && rng.chance(0.45);
    let s1_title = |rng: &mut Rng| -> Option<&'static str> {
        if s1.is_empty() {
            None
        } else {
            Some(rng.pick(s1))
        }
    };
    match person.education {
        Education::Sma => {}
        Education::D3 => {
            if !d3.is_empty() {
                person.back.push(rng.pick(d3));
            }
        }
        Education::S1 | Education::S2 => {
            match old_degree {
                Some("Drs.") if old => person.front.push(if female { "Dra." } else { "Drs." }),
                Some(title) if old => person.front.push(title),
                _ => {
                    if let Some(title) = s1_title(rng) {
                        person.back.push(title);
                    }
                }
            }
            if person.education == Education::S2 && !s2.is_empty() {
                person.back.push(rng.pick(s2));
            }
        }
        Education::S3 => {
            person.front.push("Dr.");
            if !s2.is_empty() {
                person.back.push(rng.pick(s2));
            }
        }
    }
}

fn functional(
    person: &mut Person,
    job: &'static Job,
    kind: AgencyKind,
    code: &str,
    work: &str,
    rng: &mut Rng,
) {
    person.education = draw_education(job, rng);
    if let Some(front) = job.front {
        person.front.push(front);
    }
    degree_titles(
        person,
        job.s1_titles,
        job.d3_titles,
        job.s2_titles,
        job.old_degree,
        rng,
    );
    let (unit, parent) = (&mut person.unit, &mut person.parent_unit);
    match (job.workplace, kind) {
        (Workplace::School, AgencyKind::Central) if code == "KEMENAG" => {
            let level = rng.pick(&["MIN", "MTsN", "MAN"]);
            let _ = write!(unit, "{level} {} {work}", 1 + rng.below(6));
            let _ = write!(parent, "Kantor Kementerian Agama {work}");
        }
        (Workplace::School, AgencyKind::Central) => {
            let _ = write!(unit, "Universitas Negeri {work}");
            parent.push_str("Universitas");
        }
        (Workplace::School, AgencyKind::Province) => {
            let level = rng.pick(&["SMA Negeri", "SMA Negeri", "SMK Negeri", "SLB Negeri"]);
            let _ = write!(unit, "{level} {} {work}", 1 + rng.below(12));
            parent.push_str("Dinas Pendidikan");
        }
        (Workplace::School, _) => {
            let level = if rng.chance(0.7) {
                "SD Negeri"
            } else {
                "SMP Negeri"
            };
            let _ = write!(
                unit,
                "{level} {} ",
                1 + rng.below(if level == "SD Negeri" { 60 } else { 15 })
            );
            jobs::place(work, rng, unit);
            parent.push_str("Dinas Pendidikan");
        }
        (Workplace::Health, AgencyKind::Regency | AgencyKind::City) if rng.chance(0.6) => {
            unit.push_str("Puskesmas ");
            jobs::place(work, rng, unit);
            parent.push_str("Dinas Kesehatan");
        }
        (Workplace::Health, _) => {
            let _ = write!(unit, "RSUD {work}");
            let _ = write!(parent, "RSUD {work}");
        }
        (Workplace::Field, _) => {
            let _ = write!(unit, "Balai Penyuluhan ");
            jobs::place(work, rng, unit);
            parent.push_str(if code == "KEMENAG" {
                "Kantor Kementerian Agama"
            } else {
                "Dinas Pertanian"
            });
            if code == "KEMENAG" {
                let _ = write!(parent, " {work}");
            }
        }
        (Workplace::Office, AgencyKind::Central) => central_unit(unit, parent, code, work, rng),
        (Workplace::Office, _) => {
            let opd = rng.pick(&jobs::OPD);
            unit.push_str(opd);
            parent.push_str(opd);
        }
    }
    // The level ("Ahli Muda") follows the rank, drawn later: `rank` appends it.
    person.position.push_str(job.name);
}

fn central_unit(unit: &mut String, parent: &mut String, code: &str, work: &str, rng: &mut Rng) {
    let office = match code {
        "KEMENKEU" => Some("KPP Pratama"),
        "BPS" => Some("Badan Pusat Statistik"),
        "KEJAKSAAN" => Some("Kejaksaan Negeri"),
        "MA" => Some("Pengadilan Negeri"),
        "KEMENKUMHAM" => Some("Lembaga Pemasyarakatan Kelas IIA"),
        "KEMENAG" => Some("Kantor Kementerian Agama"),
        "KEMENATRBPN" => Some("Kantor Pertanahan"),
        "POLRI" => Some("Kepolisian Resor"),
        _ => None,
    };
    match office {
        Some(office) if rng.chance(0.7) => {
            let _ = write!(unit, "{office} {work}");
            parent.push_str(unit);
        }
        _ => {
            let subject = rng.pick(&jobs::SUBJECTS);
            if rng.chance(0.5) {
                let _ = write!(unit, "Biro {subject}");
                parent.push_str("Sekretariat Jenderal");
            } else {
                let _ = write!(unit, "Direktorat {subject}");
                parent.push_str("Direktorat Jenderal");
            }
        }
    }
}

fn staff(person: &mut Person, central: bool, work: &str, rng: &mut Rng) {
    let older = person.number.birth.year() < 1975;
    person.education = match rng.below(100) {
        n if n < if older { 60 } else { 35 } => Education::Sma,
        n if n < if older { 75 } else { 55 } => Education::D3,
        _ => Education::S1,
    };
    degree_titles(
        person,
        &jobs::OFFICE_S1,
        &jobs::OFFICE_D3,
        &[],
        Some("Drs."),
        rng,
    );
    person.position.push_str(match person.education {
        Education::Sma => rng.pick(&[
            "Pengadministrasi Perkantoran",
            "Operator Layanan Operasional",
            "Pengelola Umum Operasional",
        ]),
        Education::D3 => rng.pick(&[
            "Pengolah Data dan Informasi",
            "Pengelola Layanan Operasional",
        ]),
        _ => rng.pick(&["Penata Layanan Operasional", "Penelaah Teknis Kebijakan"]),
    });
    if central {
        central_unit(&mut person.unit, &mut person.parent_unit, "", work, rng);
    } else {
        let opd = rng.pick(&jobs::OPD);
        person.unit.push_str(opd);
        person.parent_unit.push_str(opd);
    }
}

fn structural(person: &mut Person, class: PositionClass, central: bool, work: &str, rng: &mut Rng) {
    use PositionClass::*;
    let s2_share = match class {
        Jpt => 0.75,
        Administrator => 0.6,
        Supervisor => 0.25,
        Camat => 0.4,
        _ => 0.15,
    };
    person.education = if class == Jpt && rng.chance(0.2) {
        Education::S3
    } else if rng.chance(s2_share) {
        Education::S2
    } else {
        Education::S1
    };
    let s1: &'static [&'static str] = if matches!(class, Camat | Lurah) {
        &jobs::GOVERNANCE_S1
    } else {
        &jobs::OFFICE_S1
    };
    degree_titles(person, s1, &[], &jobs::OFFICE_S2, Some("Drs."), rng);
    let subject = rng.pick(&jobs::SUBJECTS);
    let opd = rng.pick(&jobs::OPD);
    let (position, unit, parent) = (
        &mut person.position,
        &mut person.unit,
        &mut person.parent_unit,
    );
    match class {
        Jpt if central => {
            person.eselon = if rng.chance(0.1) { "I.b" } else { "II.a" };
            let _ = write!(position, "Direktur {subject}");
            let _ = write!(unit, "Direktorat {subject}");
            parent.push_str("Direktorat Jenderal");
        }
        Jpt => {
            person.eselon = if rng.chance(0.05) { "II.a" } else { "II.b" };
            if opd == "Sekretariat Daerah" {
                position.push_str("Sekretaris Daerah");
                person.eselon = "II.a";
            } else {
                let _ = write!(position, "Kepala {opd}");
            }
            unit.push_str(opd);
            parent.push_str(opd);
        }
        Administrator => {
            person.eselon = if rng.chance(0.4) { "III.a" } else { "III.b" };
            if central {
                let _ = write!(position, "Kepala Bagian {subject}");
                let _ = write!(unit, "Bagian {subject}");
                parent.push_str("Sekretariat Jenderal");
            } else {
                let _ = write!(position, "Kepala Bidang {subject}");
                let _ = write!(unit, "Bidang {subject}, {opd}");
                parent.push_str(opd);
            }
        }
        Supervisor => {
            person.eselon = if rng.chance(0.6) { "IV.a" } else { "IV.b" };
            let kind = if rng.chance(0.5) {
                "Seksi"
            } else {
                "Subbagian"
            };
            let _ = write!(position, "Kepala {kind} {subject}");
            if central {
                let _ = write!(unit, "{kind} {subject}");
                parent.push_str("Sekretariat Jenderal");
            } else {
                let _ = write!(unit, "{kind} {subject}, {opd}");
                parent.push_str(opd);
            }
        }
        Camat => {
            person.eselon = "III.a";
            let mut district = String::new();
            jobs::place(work, rng, &mut district);
            let _ = write!(position, "Camat {district}");
            let _ = write!(unit, "Kecamatan {district}");
            parent.push_str(unit);
        }
        Lurah => {
            person.eselon = "IV.a";
            let mut village = String::new();
            jobs::place(work, rng, &mut village);
            let _ = write!(position, "Lurah {village}");
            let _ = write!(unit, "Kelurahan {village}");
            parent.push_str("Kecamatan ");
            jobs::place(work, rng, parent);
        }
        Functional | Staff => unreachable!("not structural"),
    }
}

/// Haji/Hajjah after the pilgrimage (older Muslims), and Javanese nobility, after the degree
/// titles: "Dr. H.", "Drs. Hj.", "R.".
fn honorifics(person: &mut Person, region: NameRegion, sex: Sex, age: i32, rng: &mut Rng) {
    if region.muslim() && age >= 40 && rng.chance(0.14) {
        person
            .front
            .push(if sex == Sex::Male { "H." } else { "Hj." });
    }
    if region == NameRegion::Javanese && rng.chance(0.02) {
        person
            .front
            .push(if sex == Sex::Male { "R." } else { "Rr." });
    }
}

/// Rank from degree and years of service (a step every four years), within what the post
/// allows; the functional level follows the rank.
fn rank(person: &mut Person, service: i32, rng: &mut Rng) {
    use PositionClass::*;
    if person.number.pppk {
        person.rank = jobs::pppk_grade(person.education);
        if person.class == Functional {
            let level = if person.education <= Education::D3 {
                "Terampil"
            } else {
                "Ahli Pertama"
            };
            let _ = write!(person.position, " {level}");
        }
        return;
    }
    let entry = jobs::entry_rank(person.education);
    let steps = (service.max(0) / 4) as usize + usize::from(rng.chance(0.3));
    let (floor, cap) = match person.class {
        Jpt => (13, 16),
        Administrator | Camat => (11, 14),
        Supervisor | Lurah => (9, 12),
        Functional => (
            0,
            if person.education <= Education::D3 {
                11
            } else {
                15
            },
        ),
        Staff => (
            0,
            match person.education {
                Education::Sma => 9,
                Education::D3 => 10,
                _ => 11,
            },
        ),
    };
    let rank = (entry + steps).clamp(floor, cap);
    person.rank = jobs::RANKS[rank];
    if person.class == Functional {
        let level = jobs::functional_level(rank, person.education);
        let _ = write!(person.position, " {level}");
    }
}

/// A NIK issued where the person lives: province and regency of `home`, a district number,
/// the birth date (day + 40 for women) and a serial.
fn nik(country: &Country, home: usize, number: &Number, rng: &mut Rng) -> [u8; 16] {
    let code = country.geo.regencies[home].code.as_bytes();
    let mut out = [b'0'; 16];
    out[0..2].copy_from_slice(&code[0..2]);
    out[2..4].copy_from_slice(&code[3..5]);
    let mut put = |at: usize, width: usize, mut value: u32| {
        for k in (0..width).rev() {
            out[at + k] = b'0' + (value % 10) as u8;
            value /= 10;
        }
    };
    put(4, 2, 1 + rng.below(24) as u32);
    put(
        6,
        2,
        number.birth.day() + if number.female { 40 } else { 0 },
    );
    put(8, 2, number.birth.month());
    put(10, 2, number.birth.year() as u32 % 100);
    put(12, 4, 1 + rng.below(9_999) as u32);
    out
}
