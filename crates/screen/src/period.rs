//! When screening runs. Partisan acts are forbidden before the campaign as well (47 % of the
//! Pilkada 2020 cases came before it), so the window is the widest span of the election's
//! configured stages — from registration of candidates to the end of counting — and at least
//! the campaign, in Western Indonesian Time (WIB, UTC+7) whole days.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use netral_domain::election::Election;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: DateTime<Utc>,
    /// Exclusive.
    pub until: DateTime<Utc>,
}

impl Period {
    /// From the first stage's first day to the last stage's last day (campaign included).
    pub fn of_election(election: &Election) -> Period {
        let first = election
            .stages
            .iter()
            .map(|s| s.from)
            .chain([election.campaign_from])
            .min()
            .unwrap_or(election.campaign_from);
        let last = election
            .stages
            .iter()
            .map(|s| s.until)
            .chain([election.campaign_until])
            .max()
            .unwrap_or(election.campaign_until);
        Period::days(first, last)
    }

    /// Whole WIB days from `first` to `last`, both included.
    pub fn days(first: NaiveDate, last: NaiveDate) -> Period {
        let wib = chrono::FixedOffset::east_opt(7 * 3600).expect("a valid offset");
        let start = |d: NaiveDate| {
            wib.from_local_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight exists"))
                .single()
                .expect("a fixed offset has no gaps")
                .with_timezone(&Utc)
        };
        Period {
            from: start(first),
            until: start(last) + Duration::days(1),
        }
    }

    pub fn contains(&self, time: DateTime<Utc>) -> bool {
        self.from <= time && time < self.until
    }
}

#[cfg(test)]
mod tests {
    use super::Period;
    use chrono::{DateTime, NaiveDate};

    #[test]
    fn days_are_whole_wib_days() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let p = Period::days(d("2024-08-27"), d("2024-12-16"));
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().to_utc();
        assert!(p.contains(t("2024-08-27T00:00:00+07:00")));
        assert!(!p.contains(t("2024-08-26T23:59:59+07:00")));
        assert!(p.contains(t("2024-12-16T23:59:59+07:00")));
        assert!(!p.contains(t("2024-12-17T00:00:00+07:00")));
    }
}
