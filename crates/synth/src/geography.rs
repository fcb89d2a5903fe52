//! Provinces, regencies and cities from the shipped Kemendagri list (`data/regions`, the
//! idn-area-data CSVs), with what the generator needs on top: a rough population for drawing
//! where people live, and the mix of naming traditions in each province.

use crate::names::NameRegion;
use crate::rng::{Weighted, hash};

const PROVINCES: &str = include_str!("../../../data/regions/provinces.csv");
const REGENCIES: &str = include_str!("../../../data/regions/regencies.csv");

#[derive(Debug, Clone)]
pub struct Province {
    /// Two digits, e.g. `32`.
    pub code: &'static str,
    /// As the list writes it: "Jawa Barat".
    pub name: &'static str,
    /// Millions of inhabitants, roughly (BPS 2023): weights, not statistics.
    pub population: f64,
    pub names: &'static [(NameRegion, u64)],
    /// Indexes into [`Geography::regencies`].
    pub regencies: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Regency {
    /// Dotted, e.g. `32.15`.
    pub code: &'static str,
    pub province: usize,
    /// As the list writes it: "Kabupaten Karawang", "Kota Bandung",
    /// "Kota Administrasi Jakarta Pusat".
    pub name: &'static str,
    /// Without "Kabupaten"/"Kota"/"Administrasi": "Karawang".
    pub short: &'static str,
    pub city: bool,
}

impl Regency {
    /// The code without dots, e.g. `3215`: the agency code of its government.
    pub fn digits(&self) -> String {
        self.code.replace('.', "")
    }

    /// How KPU lists write a place of residence: "KAB. KARAWANG", "KOTA BANDUNG".
    pub fn kpu_name(&self) -> String {
        let kind = if self.city { "KOTA" } else { "KAB." };
        format!("{kind} {}", self.short.to_uppercase())
    }
}

#[derive(Debug, Clone)]
pub struct Geography {
    pub provinces: Vec<Province>,
    pub regencies: Vec<Regency>,
    /// Where people live: regencies weighted by their province's population.
    pub home: Weighted,
}

impl Geography {
    /// The shipped list. A malformed line is a defect of the build, found by the tests.
    pub fn shipped() -> Geography {
        let mut provinces: Vec<Province> = PROVINCES
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let (code, name) = line.split_once(',').expect("provinces.csv: code,name");
                let (population, names) = province_profile(code);
                Province {
                    code,
                    name: name.trim(),
                    population,
                    names,
                    regencies: Vec::new(),
                }
            })
            .collect();
        let mut regencies = Vec::new();
        for line in REGENCIES.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let mut parts = line.splitn(3, ',');
            let (code, province_code, name) = (
                parts.next().expect("regencies.csv: code"),
                parts.next().expect("regencies.csv: province_code"),
                parts.next().expect("regencies.csv: name").trim(),
            );
            let province = provinces
                .iter()
                .position(|p| p.code == province_code)
                .unwrap_or_else(|| panic!("regencies.csv: unknown province {province_code}"));
            let city = code[3..5] > *"70";
            let short = [
                "Kabupaten Administrasi ",
                "Kota Administrasi ",
                "Kabupaten ",
                "Kota ",
            ]
            .iter()
            .find_map(|prefix| name.strip_prefix(prefix))
            .unwrap_or(name);
            provinces[province].regencies.push(regencies.len());
            regencies.push(Regency {
                code,
                province,
                name,
                short,
                city,
            });
        }
        let home = Weighted::new(regencies.iter().map(|r: &Regency| {
            let province = &provinces[r.province];
            // Equal shares within a province, varied by a fixed hash so that not every regency
            // of a province is the same size; cities get a little more for their density.
            let base = province.population * 1e6 / province.regencies.len() as f64;
            let jitter = 0.5
                + (hash(&[
                    r.code.len() as u64,
                    r.code.replace('.', "").parse::<u64>().unwrap_or(0),
                ]) % 1000) as f64
                    / 1000.0;
            let city = if r.city { 1.3 } else { 1.0 };
            (base * jitter * city) as u64 + 1
        }));
        Geography {
            provinces,
            regencies,
            home,
        }
    }

    /// The running total of the population weights up to and including regency `r`.
    pub fn home_cumulative(&self, r: usize) -> u64 {
        self.home.cumulative(r)
    }

    pub fn province_of(&self, regency: usize) -> &Province {
        &self.provinces[self.regencies[regency].province]
    }
}

/// Population (millions) and naming mix of a province, by its code.
fn province_profile(code: &str) -> (f64, &'static [(NameRegion, u64)]) {
    use NameRegion::*;
    let papua: &'static [(NameRegion, u64)] = &[
        (Papua, 60),
        (Javanese, 15),
        (Bugis, 10),
        (Manado, 10),
        (Ntt, 5),
    ];
    match code {
        "11" => (
            5.4,
            &[(Malay, 70), (Islamic, 25), (Javanese, 3), (Batak, 2)],
        ),
        "12" => (
            15.4,
            &[
                (Batak, 55),
                (Javanese, 20),
                (Malay, 15),
                (Islamic, 8),
                (Minang, 2),
            ],
        ),
        "13" => (
            5.7,
            &[(Minang, 85), (Islamic, 10), (Javanese, 3), (Batak, 2)],
        ),
        "14" => (
            6.6,
            &[
                (Malay, 45),
                (Minang, 20),
                (Javanese, 15),
                (Batak, 10),
                (Islamic, 10),
            ],
        ),
        "15" => (
            3.7,
            &[(Malay, 50), (Javanese, 25), (Islamic, 15), (Minang, 10)],
        ),
        "16" => (
            8.7,
            &[(Malay, 60), (Javanese, 20), (Islamic, 15), (Sundanese, 5)],
        ),
        "17" => (
            2.1,
            &[(Malay, 55), (Javanese, 20), (Islamic, 15), (Minang, 10)],
        ),
        "18" => (
            9.3,
            &[(Javanese, 55), (Malay, 20), (Islamic, 15), (Sundanese, 10)],
        ),
        "19" => (1.5, &[(Malay, 75), (Islamic, 15), (Javanese, 10)]),
        "21" => (
            2.2,
            &[
                (Malay, 45),
                (Javanese, 15),
                (Batak, 15),
                (Islamic, 15),
                (Minang, 10),
            ],
        ),
        "31" => (
            10.7,
            &[
                (Javanese, 30),
                (Betawi, 25),
                (Sundanese, 15),
                (Islamic, 15),
                (Batak, 5),
                (Minang, 5),
                (Manado, 5),
            ],
        ),
        "32" => (
            49.9,
            &[
                (Sundanese, 60),
                (Islamic, 20),
                (Javanese, 12),
                (Betawi, 5),
                (Minang, 2),
                (Batak, 1),
            ],
        ),
        "33" => (37.5, &[(Javanese, 80), (Islamic, 20)]),
        "34" => (3.7, &[(Javanese, 85), (Islamic, 15)]),
        "35" => (41.4, &[(Javanese, 75), (Islamic, 25)]),
        "36" => (
            12.3,
            &[(Sundanese, 45), (Islamic, 25), (Javanese, 15), (Betawi, 15)],
        ),
        "51" => (4.4, &[(Balinese, 85), (Javanese, 10), (Islamic, 5)]),
        "52" => (
            5.5,
            &[(Islamic, 60), (Malay, 15), (Javanese, 15), (Balinese, 10)],
        ),
        "53" => (5.6, &[(Ntt, 85), (Islamic, 10), (Javanese, 5)]),
        "61" => (
            5.5,
            &[
                (Malay, 45),
                (Javanese, 15),
                (Islamic, 15),
                (Ntt, 10),
                (Bugis, 10),
                (Batak, 5),
            ],
        ),
        "62" => (
            2.7,
            &[
                (Banjar, 35),
                (Javanese, 25),
                (Malay, 15),
                (Islamic, 15),
                (Ntt, 10),
            ],
        ),
        "63" => (4.2, &[(Banjar, 80), (Javanese, 10), (Islamic, 10)]),
        "64" => (
            3.9,
            &[(Javanese, 35), (Bugis, 30), (Banjar, 20), (Islamic, 15)],
        ),
        "65" => (
            0.7,
            &[
                (Bugis, 40),
                (Javanese, 20),
                (Islamic, 15),
                (Ntt, 15),
                (Banjar, 10),
            ],
        ),
        "71" => (
            2.7,
            &[(Manado, 80), (Islamic, 10), (Bugis, 5), (Javanese, 5)],
        ),
        "72" => (
            3.1,
            &[(Bugis, 40), (Islamic, 30), (Manado, 15), (Javanese, 15)],
        ),
        "73" => (9.4, &[(Bugis, 85), (Islamic, 10), (Javanese, 5)]),
        "74" => (
            2.8,
            &[(Bugis, 50), (Islamic, 30), (Javanese, 15), (Balinese, 5)],
        ),
        "75" => (1.2, &[(Islamic, 70), (Bugis, 20), (Manado, 10)]),
        "76" => (1.5, &[(Bugis, 75), (Islamic, 20), (Javanese, 5)]),
        "81" => (1.9, &[(Manado, 35), (Islamic, 35), (Bugis, 15), (Ntt, 15)]),
        "82" => (1.3, &[(Islamic, 60), (Manado, 20), (Bugis, 20)]),
        "91" => (1.0, papua),
        "92" => (0.6, papua),
        "93" => (0.5, papua),
        "94" => (1.4, papua),
        "95" => (1.4, papua),
        "96" => (0.6, papua),
        // A province added to the list later still gets people, named the national way.
        _ => (1.0, &[(Islamic, 60), (Javanese, 40)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_is_read_with_its_kind_and_short_name() {
        let geo = Geography::shipped();
        assert_eq!(geo.provinces.len(), 38);
        assert_eq!(geo.regencies.len(), 514);
        assert_eq!(geo.regencies.iter().filter(|r| r.city).count(), 98);
        let karawang = geo.regencies.iter().find(|r| r.code == "32.15").unwrap();
        assert_eq!((karawang.short, karawang.city), ("Karawang", false));
        assert_eq!(karawang.kpu_name(), "KAB. KARAWANG");
        let pusat = geo.regencies.iter().find(|r| r.code == "31.71").unwrap();
        assert_eq!((pusat.short, pusat.city), ("Jakarta Pusat", true));
        for province in &geo.provinces {
            assert!(!province.regencies.is_empty(), "{}", province.name);
            assert!(province.names.iter().map(|n| n.1).sum::<u64>() > 0);
        }
    }
}
