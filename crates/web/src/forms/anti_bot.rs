//! Cheap signs that a program, not a person, filled in the report form: a field hidden from
//! people that has text in it (a "honeypot"), and a form sent back within seconds of being
//! issued, or after a day. The issue time travels in the form, signed, so no server keeps it.

use std::time::Duration;

use chrono::{DateTime, Utc};
use netral_store::vault::Vault;

/// The hidden field. A name that bots like to fill in; people never see it.
pub(crate) const HONEYPOT: &str = "situs_web";
/// The hidden field holding the signed issue time.
pub(crate) const ISSUED: &str = "issued";
const PURPOSE: &str = "form-issued";
/// A form older than this is stale: it may have been harvested and replayed by a program.
const MAX_AGE: Duration = Duration::from_secs(24 * 60 * 60);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Suspicion {
    /// The hidden field was filled in.
    Honeypot,
    /// Sent back faster than a person could read and fill the form.
    TooFast,
    /// Issued more than a day ago.
    Stale,
    /// The issue time is missing, altered, or from another server.
    Unsigned,
}

/// The signed issue time to put in a form rendered at `now`.
pub(crate) fn issued_token(vault: &Vault, now: DateTime<Utc>) -> String {
    vault.sign(PURPOSE, &now.timestamp().to_string())
}

pub(crate) fn check_not_a_bot(
    vault: &Vault,
    min_fill_time: Duration,
    honeypot: &str,
    issued: &str,
    now: DateTime<Utc>,
) -> Result<(), Suspicion> {
    if !honeypot.is_empty() {
        return Err(Suspicion::Honeypot);
    }
    let issued_at: i64 = vault
        .verify(PURPOSE, issued)
        .and_then(|payload| payload.parse().ok())
        .ok_or(Suspicion::Unsigned)?;
    let age = now.timestamp() - issued_at;
    let age = u64::try_from(age).map_err(|_| Suspicion::Unsigned)?;
    if age < min_fill_time.as_secs() {
        return Err(Suspicion::TooFast);
    }
    if age > MAX_AGE.as_secs() {
        return Err(Suspicion::Stale);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    #[test]
    fn people_pass_and_programs_do_not() {
        let vault = Vault::from_hex(&"ab".repeat(32)).unwrap();
        let issued_at = DateTime::parse_from_rfc3339("2024-10-01T03:00:00Z")
            .unwrap()
            .to_utc();
        let token = issued_token(&vault, issued_at);
        let min = Duration::from_secs(3);
        let at = |secs| issued_at + TimeDelta::seconds(secs);
        assert_eq!(check_not_a_bot(&vault, min, "", &token, at(60)), Ok(()));
        assert_eq!(
            check_not_a_bot(&vault, min, "http://spam", &token, at(60)),
            Err(Suspicion::Honeypot)
        );
        assert_eq!(
            check_not_a_bot(&vault, min, "", &token, at(1)),
            Err(Suspicion::TooFast)
        );
        assert_eq!(
            check_not_a_bot(&vault, min, "", &token, at(25 * 3600)),
            Err(Suspicion::Stale)
        );
        assert_eq!(
            check_not_a_bot(&vault, min, "", &token, at(-5)),
            Err(Suspicion::Unsigned),
            "issued in the future"
        );
        let altered = token.replacen(&issued_at.timestamp().to_string(), "1", 1);
        assert_eq!(
            check_not_a_bot(&vault, min, "", &altered, at(60)),
            Err(Suspicion::Unsigned)
        );
        assert_eq!(
            check_not_a_bot(&vault, Duration::ZERO, "", &token, at(0)),
            Ok(())
        );
    }
}
