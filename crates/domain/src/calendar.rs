//! Working days: Monday to Friday, minus national holidays and *cuti bersama* (collective leave
//! days, when government offices close too). Deadlines in working days are counted on this.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Why a day is off. All kinds close government offices, so all of them stop a working-day clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayKind {
    /// *Hari libur nasional*, set by the joint ministerial decree each year.
    National,
    /// *Cuti bersama*: collective leave days of the same decree.
    CollectiveLeave,
    /// A voting day declared a holiday by presidential decree (Pemilu, Pilkada).
    Election,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Holiday {
    pub date: NaiveDate,
    pub kind: HolidayKind,
    pub name: String,
}

/// The holiday calendar, with the years it knows: a year without data is not "a year without
/// holidays", and deadlines that cross it are marked provisional.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    holidays: BTreeMap<NaiveDate, Holiday>,
    years: BTreeSet<i32>,
}

impl Calendar {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a year's holidays. Dates outside `year` are the caller's mistake and are refused.
    pub fn add_year(&mut self, year: i32, days: Vec<Holiday>) -> Result<(), NaiveDate> {
        if let Some(stray) = days.iter().find(|h| h.date.year() != year) {
            return Err(stray.date);
        }
        self.years.insert(year);
        for day in days {
            self.holidays.insert(day.date, day);
        }
        Ok(())
    }

    pub fn knows_year(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().copied()
    }

    pub fn holiday(&self, date: NaiveDate) -> Option<&Holiday> {
        self.holidays.get(&date)
    }

    pub fn holidays_in(&self, year: i32) -> impl Iterator<Item = &Holiday> {
        self.holidays
            .values()
            .filter(move |h| h.date.year() == year)
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains_key(&date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weekends_and_holidays_are_not_working_days() {
        let mut cal = Calendar::new();
        cal.add_year(
            2024,
            vec![Holiday {
                date: d(2024, 2, 14),
                kind: HolidayKind::Election,
                name: "Pemilu".into(),
            }],
        )
        .unwrap();
        assert!(cal.is_working_day(d(2024, 2, 13)));
        assert!(!cal.is_working_day(d(2024, 2, 14)));
        assert!(!cal.is_working_day(d(2024, 2, 17)), "Saturday");
        assert!(!cal.is_working_day(d(2024, 2, 18)), "Sunday");
        assert!(cal.knows_year(2024));
        assert!(!cal.knows_year(2025));
    }

    #[test]
    fn a_holiday_outside_its_year_is_refused() {
        let mut cal = Calendar::new();
        let stray = Holiday {
            date: d(2025, 1, 1),
            kind: HolidayKind::National,
            name: "x".into(),
        };
        assert_eq!(cal.add_year(2024, vec![stray]), Err(d(2025, 1, 1)));
        assert!(!cal.knows_year(2024), "nothing half-added");
    }
}
