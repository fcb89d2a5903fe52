//! Staff numbers that are unique by construction, with birth years, appointment years and sex
//! in realistic proportions.
//!
//! A NIP is birth date + appointment month + sex + a 3-digit serial; drawing those at random
//! for six million people would collide thousands of times. Instead the roster's size `n` is
//! apportioned exactly over *cells* (employee type × birth year × sex × appointment year) by
//! their weights; row `i` is sent to position `p = (i·m + o) mod n` (a permutation, so that
//! neighbouring rows are unrelated), `p` falls in one cell at some offset, and the offset is
//! scrambled by another permutation into the cell's free digits (birth day, appointment month,
//! serial). Distinct rows get distinct numbers, and any row can be recomputed alone.

use chrono::{Datelike, NaiveDate};

use crate::apportion::apportion;
use crate::rng::hash;

/// The year the synthetic roster describes: ages and years of service are counted to it.
pub const ROSTER_YEAR: i32 = 2025;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    pub pppk: bool,
    pub birth: NaiveDate,
    pub female: bool,
    pub appointed_year: i32,
    /// 1–12 for a PNS; PPPK numbers carry no month.
    pub appointed_month: u32,
    pub serial: u16,
}

impl Number {
    /// The 18 digits: a NIP for a PNS, an NI PPPK (birth date, appointment year, `21`, sex,
    /// serial) for a PPPK.
    pub fn digits(&self) -> [u8; 18] {
        let mut out = [b'0'; 18];
        let mut put = |at: usize, width: usize, mut value: u32| {
            for k in (0..width).rev() {
                out[at + k] = b'0' + (value % 10) as u8;
                value /= 10;
            }
        };
        put(0, 4, self.birth.year() as u32);
        put(4, 2, self.birth.month());
        put(6, 2, self.birth.day());
        put(8, 4, self.appointed_year as u32);
        put(12, 2, if self.pppk { 21 } else { self.appointed_month });
        put(14, 1, if self.female { 2 } else { 1 });
        put(15, 3, u32::from(self.serial));
        out
    }

    pub fn text(&self) -> String {
        String::from_utf8(self.digits().to_vec()).expect("digits are ASCII")
    }
}

#[derive(Debug, Clone)]
struct Cell {
    pppk: bool,
    birth_year: i32,
    female: bool,
    appointed: i32,
    days: u64,
    capacity: u64,
    step: u64,
    shift: u64,
}

/// The cells of a roster of a given size.
#[derive(Debug, Clone)]
pub struct Numbers {
    n: u64,
    step: u64,
    shift: u64,
    starts: Vec<u64>,
    cells: Vec<Cell>,
}

/// Share of PPPK among all ASN (DOMAIN: PNS ~3.8 M, PPPK > 2 M since 2025).
pub const PPPK_SHARE: f64 = 1.0 / 3.0;

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// A multiplier near the golden ratio of `n` that is coprime with it, so `x·m mod n` permutes.
fn coprime_step(n: u64, salt: u64) -> u64 {
    if n <= 2 {
        return 1;
    }
    let mut step = ((n as f64 * 0.618_033_988_75) as u64 + salt % (n / 2).max(1)) % n;
    step = step.max(1);
    while gcd(step, n) != 1 {
        step = step % (n - 1) + 1;
    }
    step
}

/// Age pyramids (weight per birth year by age in [`ROSTER_YEAR`]): PNS are older on average
/// (half are over 40, recruitment slowed in 2015–2018); PPPK were largely long-serving
/// *honorer* staff converted from 2021 on.
fn age_weight(pppk: bool, age: i32) -> f64 {
    match (pppk, age) {
        (false, ..=30) => 2.1,
        (false, 31..=40) => 2.5,
        (false, 41..=50) => 3.0,
        (false, _) => 3.3,
        (true, ..=30) => 1.5,
        (true, 31..=40) => 3.0,
        (true, 41..=50) => 3.2,
        (true, _) => 2.0,
    }
}

impl Numbers {
    /// The cells for `n` people. Fails only for rosters far beyond any country (over ~200 M),
    /// whose busiest cells would run out of serial numbers.
    pub fn new(n: u64, seed: u64) -> Result<Numbers, crate::SynthError> {
        let mut cells = Vec::new();
        let mut weights = Vec::new();
        for pppk in [false, true] {
            let type_share = if pppk { PPPK_SHARE } else { 1.0 - PPPK_SHARE };
            let ages: Vec<(i32, f64)> = (24..=59).map(|a| (a, age_weight(pppk, a))).collect();
            let age_total: f64 = ages.iter().map(|a| a.1).sum();
            for &(age, age_w) in &ages {
                let birth_year = ROSTER_YEAR - age;
                let days = if NaiveDate::from_ymd_opt(birth_year, 2, 29).is_some() {
                    366
                } else {
                    365
                };
                for female in [false, true] {
                    let female_share = if pppk { 0.60 } else { 0.53 };
                    let sex_w = if female {
                        female_share
                    } else {
                        1.0 - female_share
                    };
                    let appointments: Vec<(i32, f64)> = if pppk {
                        [
                            (2019, 2.0),
                            (2021, 6.0),
                            (2022, 10.0),
                            (2023, 12.0),
                            (2024, 14.0),
                            (2025, 10.0),
                        ]
                        .into_iter()
                        .filter(|(y, _)| *y >= birth_year + 18)
                        .collect()
                    } else {
                        // Age at CPNS appointment, peaking in the mid-twenties.
                        [
                            1.0, 2.0, 4.0, 6.0, 8.0, 8.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 2.0,
                            1.0, 1.0,
                        ]
                        .into_iter()
                        .enumerate()
                        .map(|(k, w)| (birth_year + 20 + k as i32, w))
                        .filter(|(y, _)| (1985..ROSTER_YEAR).contains(y))
                        .collect()
                    };
                    let appointment_total: f64 = appointments.iter().map(|a| a.1).sum();
                    for (appointed, w) in appointments {
                        let capacity = days * if pppk { 999 } else { 12 * 999 };
                        cells.push(Cell {
                            pppk,
                            birth_year,
                            female,
                            appointed,
                            days,
                            capacity,
                            step: coprime_step(
                                capacity,
                                hash(&[seed, appointed as u64, birth_year as u64]),
                            ),
                            shift: hash(&[
                                seed,
                                pppk as u64,
                                birth_year as u64,
                                female as u64,
                                appointed as u64,
                            ]) % capacity,
                        });
                        weights
                            .push(type_share * age_w / age_total * sex_w * w / appointment_total);
                    }
                }
            }
        }
        // Types first, then cells within each type: the PPPK share is exact.
        let by_type = apportion(n, &[1.0 - PPPK_SHARE, PPPK_SHARE]);
        let mut counts = Vec::with_capacity(cells.len());
        for (pppk, total) in [(false, by_type[0]), (true, by_type[1])] {
            let type_weights: Vec<f64> = cells
                .iter()
                .zip(&weights)
                .filter(|(c, _)| c.pppk == pppk)
                .map(|(_, w)| *w)
                .collect();
            counts.extend(apportion(total, &type_weights));
        }
        if let Some(cell) = cells.iter().zip(&counts).find(|(c, n)| **n > c.capacity) {
            return Err(crate::SynthError::TooLarge(format!(
                "a roster of {n} would need more than {} numbers for people born in {}",
                cell.0.capacity, cell.0.birth_year
            )));
        }
        let mut starts = Vec::with_capacity(counts.len());
        let mut total = 0;
        for count in &counts {
            starts.push(total);
            total += count;
        }
        Ok(Numbers {
            n,
            step: coprime_step(n, hash(&[seed, 17])),
            shift: if n == 0 { 0 } else { hash(&[seed, 18]) % n },
            starts,
            cells,
        })
    }

    /// The number of row `i` (`i < n`).
    pub fn number(&self, i: u64) -> Number {
        let p = ((u128::from(i) * u128::from(self.step) + u128::from(self.shift))
            % u128::from(self.n)) as u64;
        let index = self.starts.partition_point(|&s| s <= p) - 1;
        // Empty cells share their start with the next one: take the last cell starting at or
        // before p, which is the one that holds it.
        let cell = &self.cells[index];
        let offset = p - self.starts[index];
        let slot = ((u128::from(offset) * u128::from(cell.step) + u128::from(cell.shift))
            % u128::from(cell.capacity)) as u64;
        let day = slot % cell.days;
        let rest = slot / cell.days;
        let (month, serial) = if cell.pppk {
            (0, rest)
        } else {
            (rest % 12 + 1, rest / 12)
        };
        Number {
            pppk: cell.pppk,
            birth: NaiveDate::from_yo_opt(cell.birth_year, day as u32 + 1)
                .expect("day within the year"),
            female: cell.female,
            appointed_year: cell.appointed,
            appointed_month: month as u32,
            serial: serial as u16 + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use netral_domain::ids::{Nip, Sex};
    use netral_domain::roster::PppkNumber;

    use super::*;

    #[test]
    fn numbers_are_unique_valid_and_about_one_third_pppk() {
        let n = 200_000;
        let numbers = Numbers::new(n, 42).unwrap();
        let mut seen = HashSet::new();
        let mut pppk = 0;
        for i in 0..n {
            let number = numbers.number(i);
            let text = number.text();
            assert!(seen.insert(text.clone()), "duplicate {text} at {i}");
            let sex = if number.female {
                Sex::Female
            } else {
                Sex::Male
            };
            if number.pppk {
                pppk += 1;
                let parsed: PppkNumber = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
                assert_eq!((parsed.birth_date(), parsed.sex()), (number.birth, sex));
            } else {
                let parsed: Nip = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
                assert_eq!((parsed.birth_date(), parsed.sex()), (number.birth, sex));
            }
        }
        assert_eq!(pppk, (n as f64 * PPPK_SHARE).round() as u64);
    }

    #[test]
    fn small_rosters_work_too() {
        for n in [1, 2, 3, 10, 999] {
            let numbers = Numbers::new(n, 1).unwrap();
            let distinct: HashSet<String> = (0..n).map(|i| numbers.number(i).text()).collect();
            assert_eq!(distinct.len() as u64, n);
        }
    }
}
