//! Fluent keys for the domain's enumerations, and dates in words. The matches are exhaustive on
//! purpose: a new severity or holiday kind fails to compile here until it has a label.

use chrono::{Datelike, NaiveDate, Weekday};
use fluent_bundle::FluentArgs;
use netral_domain::calendar::HolidayKind;
use netral_domain::case::{CaseState, Role};
use netral_domain::deadline::DayUnit;
use netral_domain::letter::LetterKind;
use netral_domain::registry::{AgencyKind, Platform};
use netral_domain::rules::{Severity, Track};

use crate::i18n::{Catalog, Lang, TextError};

pub(crate) fn state(state: CaseState) -> String {
    format!("state-{}", state.as_str().replace('_', "-"))
}

pub(crate) fn role(role: Role) -> String {
    format!("role-{}", role.as_str().replace('_', "-"))
}

/// A civil servant's sex as the roster stores it (`male`, `female`); anything else has no label.
pub(crate) fn sex(stored: &str) -> Option<&'static str> {
    match stored {
        "male" => Some("sex-male"),
        "female" => Some("sex-female"),
        _ => None,
    }
}

/// A social-media platform's name, as people know it in each language.
pub(crate) fn platform(platform: Platform) -> &'static str {
    match platform {
        Platform::Facebook => "platform-facebook",
        Platform::Instagram => "platform-instagram",
        Platform::X => "platform-x",
        Platform::TikTok => "platform-tiktok",
        Platform::YouTube => "platform-youtube",
        Platform::Threads => "platform-threads",
        Platform::LinkedIn => "platform-linkedin",
        Platform::WhatsappChannel => "platform-whatsapp-channel",
        Platform::Other => "platform-other",
    }
}

pub(crate) fn letter_kind(kind: LetterKind) -> &'static str {
    match kind {
        LetterKind::Recommendation => "office-letter-kind-recommendation",
        LetterKind::Warning => "office-letter-kind-warning",
    }
}

pub(crate) fn agency_kind(kind: AgencyKind) -> &'static str {
    match kind {
        AgencyKind::Central => "agency-kind-central",
        AgencyKind::Province => "agency-kind-province",
        AgencyKind::Regency => "agency-kind-regency",
        AgencyKind::City => "agency-kind-city",
    }
}

/// The stage as a reporter reads it on the status page: a sentence, not a term of the trade.
pub(crate) fn citizen_state(state: CaseState) -> String {
    format!("citizen-state-{}", state.as_str().replace('_', "-"))
}

/// A file size as people read it: "20 MB", "1,5 MB" (Indonesian decimal comma), "800 KB".
pub(crate) fn file_size(catalog: &Catalog, lang: Lang, bytes: u64) -> Result<String, TextError> {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    let (key, amount) = match bytes {
        b if b >= MB => ("size-mb", one_decimal(b, MB)),
        b if b >= KB => ("size-kb", one_decimal(b, KB)),
        b => ("size-bytes", b.to_string()),
    };
    let amount = match lang {
        Lang::Id => amount.replace('.', ","),
        Lang::En => amount,
    };
    let mut args = FluentArgs::new();
    args.set("n", amount);
    catalog.text(lang, key, Some(&args))
}

/// `bytes / unit` with at most one decimal, and none when it is whole: limits are usually
/// round numbers and "20,0 MB" reads oddly.
fn one_decimal(bytes: u64, unit: u64) -> String {
    let tenths = (bytes * 10 + unit / 2) / unit;
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

pub(crate) fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Moral => "severity-moral",
        Severity::Medium => "severity-medium",
        Severity::Heavy => "severity-heavy",
        Severity::Dismissal => "severity-dismissal",
    }
}

pub(crate) fn track(track: Track) -> &'static str {
    match track {
        Track::Discipline => "track-discipline",
        Track::Ethics => "track-ethics",
    }
}

/// A message taking `$days`: "7 hari kalender", "3 working days".
pub(crate) fn duration(unit: DayUnit) -> &'static str {
    match unit {
        DayUnit::CalendarDays => "clock-calendar-days",
        DayUnit::WorkingDays => "clock-working-days",
    }
}

pub(crate) fn holiday_kind(kind: HolidayKind) -> &'static str {
    match kind {
        HolidayKind::National => "holiday-kind-national",
        HolidayKind::CollectiveLeave => "holiday-kind-collective-leave",
        HolidayKind::Election => "holiday-kind-election",
    }
}

fn weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "weekday-mon",
        Weekday::Tue => "weekday-tue",
        Weekday::Wed => "weekday-wed",
        Weekday::Thu => "weekday-thu",
        Weekday::Fri => "weekday-fri",
        Weekday::Sat => "weekday-sat",
        Weekday::Sun => "weekday-sun",
    }
}

const MONTHS: [&str; 12] = [
    "month-jan",
    "month-feb",
    "month-mar",
    "month-apr",
    "month-may",
    "month-jun",
    "month-jul",
    "month-aug",
    "month-sep",
    "month-oct",
    "month-nov",
    "month-dec",
];

/// "Rabu, 14 Februari 2024" / "Wednesday, 14 February 2024".
pub(crate) fn long_date(
    catalog: &Catalog,
    lang: Lang,
    date: NaiveDate,
) -> Result<String, TextError> {
    let mut args = FluentArgs::new();
    args.set(
        "weekday",
        catalog.text(lang, weekday(date.weekday()), None)?,
    );
    args.set("day", date.day().to_string());
    args.set(
        "month",
        catalog.text(lang, MONTHS[date.month0() as usize], None)?,
    );
    // As text: a number would be formatted, and a year is never written "2.024".
    args.set("year", date.year().to_string());
    catalog.text(lang, "date-long", Some(&args))
}

#[cfg(test)]
mod tests {
    use super::*;
    use netral_domain::case::{CaseState, Role};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_read_as_people_write_them() {
        let catalog = Catalog::load().unwrap();
        assert_eq!(
            long_date(&catalog, Lang::Id, d(2024, 2, 14)).unwrap(),
            "Rabu, 14 Februari 2024"
        );
        assert_eq!(
            long_date(&catalog, Lang::En, d(2024, 2, 14)).unwrap(),
            "Wednesday, 14 February 2024"
        );
        assert_eq!(
            long_date(&catalog, Lang::Id, d(2024, 11, 27)).unwrap(),
            "Rabu, 27 November 2024"
        );
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        let catalog = Catalog::load().unwrap();
        let size = |lang, bytes| file_size(&catalog, lang, bytes).unwrap();
        assert_eq!(size(Lang::Id, 20 * 1024 * 1024), "20 MB");
        assert_eq!(size(Lang::Id, 1536 * 1024), "1,5 MB");
        assert_eq!(size(Lang::En, 1536 * 1024), "1.5 MB");
        assert_eq!(size(Lang::Id, 1024), "1 KB");
        assert_eq!(size(Lang::En, 300), "300 bytes");
    }

    #[test]
    fn every_label_is_translated_in_both_languages() {
        let catalog = Catalog::load().unwrap();
        let mut keys: Vec<String> = CaseState::ALL.into_iter().map(state).collect();
        keys.extend(CaseState::ALL.into_iter().map(citizen_state));
        keys.extend(Role::ALL.into_iter().map(role));
        keys.extend(
            ["male", "female"]
                .into_iter()
                .filter_map(sex)
                .map(str::to_owned),
        );
        keys.extend(
            [
                Severity::Moral,
                Severity::Medium,
                Severity::Heavy,
                Severity::Dismissal,
            ]
            .map(|s| severity(s).to_owned()),
        );
        keys.extend([Track::Discipline, Track::Ethics].map(|t| track(t).to_owned()));
        keys.extend(LetterKind::ALL.map(|k| letter_kind(k).to_owned()));
        keys.extend(
            [
                HolidayKind::National,
                HolidayKind::CollectiveLeave,
                HolidayKind::Election,
            ]
            .map(|k| holiday_kind(k).to_owned()),
        );
        keys.extend(
            [
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
                Weekday::Sat,
                Weekday::Sun,
            ]
            .map(|w| weekday(w).to_owned()),
        );
        keys.extend(MONTHS.map(str::to_owned));
        keys.extend(Platform::ALL.map(|p| platform(p).to_owned()));
        keys.extend(AgencyKind::ALL.map(|k| agency_kind(k).to_owned()));
        for lang in Lang::ALL {
            for key in &keys {
                catalog
                    .text(lang, key, None)
                    .unwrap_or_else(|e| panic!("{e}"));
            }
            for unit in [DayUnit::CalendarDays, DayUnit::WorkingDays] {
                let mut args = FluentArgs::new();
                args.set("days", 3);
                catalog
                    .text(lang, duration(unit), Some(&args))
                    .unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }

    #[test]
    fn english_counts_one_day_and_many_days() {
        let catalog = Catalog::load().unwrap();
        let text = |days: i64| {
            let mut args = FluentArgs::new();
            args.set("days", days);
            catalog
                .text(Lang::En, duration(DayUnit::WorkingDays), Some(&args))
                .unwrap()
        };
        assert_eq!(text(1), "1 working day");
        assert_eq!(text(3), "3 working days");
    }
}
