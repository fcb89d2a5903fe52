//! A synthetic country: its regions, its agencies and where their staff live and work. Every
//! generator reads from one `Country`, made from a seed and a scope.

use crate::agencies::{Agency, AgencyKind, Scope, agencies};
use crate::geography::Geography;
use crate::rng::{Rng, Weighted};

pub struct Country {
    pub seed: u64,
    pub geo: Geography,
    pub agencies: Vec<Agency>,
    staff: Weighted,
    /// Per province: its regencies, weighted by size.
    within: Vec<Weighted>,
    /// Headquarters of central agencies: the Jakarta cities.
    capital: Vec<usize>,
}

impl Country {
    pub fn new(seed: u64, scope: &Scope) -> Country {
        let geo = Geography::shipped();
        let agencies = agencies(&geo, scope);
        // Weights as integers: parts per billion of the country's staff.
        let staff = Weighted::new(agencies.iter().map(|a| (a.staff_weight * 1e9) as u64 + 1));
        // Each regency's own weight, recovered from the running totals of `home`.
        let regency_weights: Vec<u64> = (0..geo.regencies.len())
            .map(|r| {
                geo.home_cumulative(r)
                    - if r == 0 {
                        0
                    } else {
                        geo.home_cumulative(r - 1)
                    }
            })
            .collect();
        let within = geo
            .provinces
            .iter()
            .map(|p| Weighted::new(p.regencies.iter().map(|&r| regency_weights[r])))
            .collect();
        let capital = geo
            .regencies
            .iter()
            .enumerate()
            .filter(|(_, r)| r.code.starts_with("31.7"))
            .map(|(i, _)| i)
            .collect();
        Country {
            seed,
            geo,
            agencies,
            staff,
            within,
            capital,
        }
    }

    /// An agency, in proportion to its staff.
    pub fn draw_agency(&self, rng: &mut Rng) -> usize {
        self.staff.pick(rng)
    }

    /// A regency anywhere, in proportion to its population.
    pub fn draw_regency(&self, rng: &mut Rng) -> usize {
        self.geo.home.pick(rng)
    }

    /// A regency of a province, in proportion to its population.
    pub fn draw_regency_in(&self, province: usize, rng: &mut Rng) -> usize {
        self.geo.provinces[province].regencies[self.within[province].pick(rng)]
    }

    /// A Jakarta city, where central agencies have their headquarters.
    pub fn draw_capital(&self, rng: &mut Rng) -> usize {
        rng.pick(&self.capital)
    }

    /// A regency inside the scope of this country's regional agencies, for people not tied to
    /// an agency (candidates): in a small country, its own provinces.
    pub fn draw_home(&self, rng: &mut Rng) -> usize {
        let provinces: Vec<usize> = self
            .agencies
            .iter()
            .filter(|a| a.kind == AgencyKind::Province)
            .filter_map(|a| a.province)
            .collect();
        if provinces.is_empty() || provinces.len() == self.geo.provinces.len() {
            self.draw_regency(rng)
        } else {
            let province = rng.pick(&provinces);
            self.draw_regency_in(province, rng)
        }
    }
}
