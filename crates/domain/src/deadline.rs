//! Stage deadlines: "7 days", "3 working days", counted from the day a stage starts, skipping
//! the days its clock was paused (waiting on the reporter, say).
//!
//! Counting is by whole dates in Western Indonesia Time: the day a stage starts is day 0, the
//! next counted day is day 1, and the deadline is the last day on which the stage may end.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;

/// Whether a clock counts every day or only working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayUnit {
    CalendarDays,
    WorkingDays,
}

/// How long a stage may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    pub days: u32,
    pub unit: DayUnit,
}

/// A span during which a stage's clock stood still: from `from` (not counted) up to the day
/// before `until`; the day the clock resumes counts again. An open pause has no `until`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

impl Pause {
    fn covers(&self, date: NaiveDate) -> bool {
        date >= self.from && self.until.is_none_or(|until| date < until)
    }
}

/// A computed deadline. `provisional` is set when the count crossed a year whose holidays the
/// calendar does not know: weekends were skipped, holidays could not be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub due: NaiveDate,
    pub provisional: bool,
}

/// The due date of a clock started on `start`, or `None` while a pause is still open.
pub fn due_date(
    start: NaiveDate,
    clock: Clock,
    pauses: &[Pause],
    calendar: &Calendar,
) -> Option<Deadline> {
    if pauses.iter().any(|p| p.until.is_none()) {
        return None;
    }
    let mut day = start;
    let mut counted = 0;
    let mut provisional = false;
    while counted < clock.days {
        day = day.succ_opt()?;
        if pauses.iter().any(|p| p.covers(day)) {
            continue;
        }
        let counts = match clock.unit {
            DayUnit::CalendarDays => true,
            DayUnit::WorkingDays => {
                provisional |= !calendar.knows_year(day.year());
                calendar.is_working_day(day)
            }
        };
        if counts {
            counted += 1;
        }
    }
    Some(Deadline {
        due: day,
        provisional,
    })
}

/// Western Indonesia Time (WIB, UTC+7), where the oversight bodies sit: the date on which a
/// deadline is counted. Indonesia has three time zones; one reference zone keeps deadlines the
/// same for every office.
pub fn jakarta_date(at: DateTime<Utc>) -> NaiveDate {
    let wib = FixedOffset::east_opt(7 * 3600).expect("UTC+7 is a valid offset");
    at.with_timezone(&wib).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{Holiday, HolidayKind};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn calendar_2024() -> Calendar {
        let mut cal = Calendar::new();
        let days = [(4, 10), (4, 11), (4, 12), (4, 15)]
            .into_iter()
            .map(|(m, day)| Holiday {
                date: d(2024, m, day),
                kind: HolidayKind::CollectiveLeave,
                name: "Idul Fitri".into(),
            })
            .collect();
        cal.add_year(2024, days).unwrap();
        cal
    }

    fn working(days: u32) -> Clock {
        Clock {
            days,
            unit: DayUnit::WorkingDays,
        }
    }

    fn calendar_days(days: u32) -> Clock {
        Clock {
            days,
            unit: DayUnit::CalendarDays,
        }
    }

    #[test]
    fn calendar_days_count_weekends() {
        let due = due_date(d(2024, 3, 1), calendar_days(7), &[], &calendar_2024()).unwrap();
        assert_eq!(
            due,
            Deadline {
                due: d(2024, 3, 8),
                provisional: false
            }
        );
    }

    #[test]
    fn working_days_skip_the_weekend() {
        // Thursday + 3 working days: Fri, Mon, Tue.
        let due = due_date(d(2024, 3, 7), working(3), &[], &calendar_2024()).unwrap();
        assert_eq!(due.due, d(2024, 3, 12));
    }

    #[test]
    fn working_days_skip_holidays_and_collective_leave() {
        // Tue 9 Apr 2024 + 3 working days: 10, 11, 12 Apr and 15 Apr are off → 16, 17, 18 Apr.
        let due = due_date(d(2024, 4, 9), working(3), &[], &calendar_2024()).unwrap();
        assert_eq!(due.due, d(2024, 4, 18));
    }

    #[test]
    fn a_closed_pause_pushes_the_deadline_back() {
        let pause = Pause {
            from: d(2024, 3, 3),
            until: Some(d(2024, 3, 6)),
        };
        // 3, 4, 5 March do not count: 7 counted days from 1 March end on 11 March.
        let due = due_date(d(2024, 3, 1), calendar_days(7), &[pause], &calendar_2024()).unwrap();
        assert_eq!(due.due, d(2024, 3, 11));
    }

    #[test]
    fn a_pause_over_a_weekend_costs_only_its_working_days() {
        // Fri 8 Mar + 3 wd, paused Fri 8 → Tue 12 (Mon 11 lost): Tue 12, Wed 13, Thu 14.
        let pause = Pause {
            from: d(2024, 3, 8),
            until: Some(d(2024, 3, 12)),
        };
        let due = due_date(d(2024, 3, 8), working(3), &[pause], &calendar_2024()).unwrap();
        assert_eq!(due.due, d(2024, 3, 14));
    }

    #[test]
    fn an_open_pause_has_no_deadline() {
        let pause = Pause {
            from: d(2024, 3, 3),
            until: None,
        };
        assert_eq!(
            due_date(d(2024, 3, 1), calendar_days(7), &[pause], &calendar_2024()),
            None
        );
    }

    #[test]
    fn crossing_an_unknown_year_is_provisional() {
        let due = due_date(d(2024, 12, 30), working(3), &[], &calendar_2024()).unwrap();
        assert_eq!(
            due,
            Deadline {
                due: d(2025, 1, 2),
                provisional: true
            }
        );
        let calendar_only =
            due_date(d(2024, 12, 30), calendar_days(3), &[], &calendar_2024()).unwrap();
        assert!(
            !calendar_only.provisional,
            "calendar days do not depend on holidays"
        );
    }

    #[test]
    fn zero_days_is_due_the_same_day() {
        let due = due_date(d(2024, 3, 9), working(0), &[], &calendar_2024()).unwrap();
        assert_eq!(due.due, d(2024, 3, 9));
    }

    #[test]
    fn jakarta_date_rolls_over_at_17_utc() {
        let before = DateTime::parse_from_rfc3339("2024-03-01T16:59:59Z")
            .unwrap()
            .to_utc();
        let after = DateTime::parse_from_rfc3339("2024-03-01T17:00:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(jakarta_date(before), d(2024, 3, 1));
        assert_eq!(jakarta_date(after), d(2024, 3, 2));
    }
}
