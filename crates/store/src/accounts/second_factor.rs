//! The second factor: time-based one-time codes (TOTP, RFC 6238) from an authenticator app, as
//! every such app understands them (SHA-1, 6 digits, 30-second steps, one step of clock drift
//! either way). The shared secret is sealed by the vault in the database; each code is accepted
//! once (the last accepted step is kept), so a code read over a shoulder is already spent.

use totp_rs::{Algorithm, Secret, Totp};

const DIGITS: u8 = 6;
const STEP_SECS: u64 = 30;
const SKEW_STEPS: u16 = 1;
/// 160 bits, what RFC 4226 recommends.
const SECRET_BYTES: usize = 20;

/// A new shared secret, in the base32 an authenticator app is given (by QR code or typed).
pub fn new_secret() -> String {
    let bytes: [u8; SECRET_BYTES] = crate::vault::random_array();
    Secret::from(bytes).to_base32()
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn enrollment_url(secret_base32: &str, issuer: &str, account: &str) -> String {
    format!(
        "otpauth://totp/{}:{}?secret={secret_base32}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECS}",
        url_part(issuer),
        url_part(account),
        url_part(issuer)
    )
}

fn url_part(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The time step a code typed at `unix_secs` belongs to, if the code is right for the secret.
/// Spaces typed between digit groups are ignored.
pub fn accepted_step(secret_base32: &str, code: &str, unix_secs: u64) -> Option<u64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != usize::from(DIGITS) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let totp = totp(secret_base32)?;
    totp.check(&code, unix_secs)
}

/// The code an app shows at `unix_secs`: for tests, which play the part of the phone.
pub fn code_at(secret_base32: &str, unix_secs: u64) -> Option<String> {
    Some(totp(secret_base32)?.generate(unix_secs).to_string())
}

fn totp(secret_base32: &str) -> Option<Totp> {
    let secret = Secret::try_from_base32(secret_base32).ok()?;
    totp_rs::Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(DIGITS)
        .with_skew(SKEW_STEPS)
        .with_step_duration(STEP_SECS)
        .with_secret(secret)
        .build()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rfc_6238_test_vector_is_met() {
        // RFC 6238 appendix B: the ASCII secret "12345678901234567890", SHA-1, at 59 s.
        let secret = Secret::from(*b"12345678901234567890").to_base32();
        assert_eq!(code_at(&secret, 59).unwrap(), "287082");
        assert_eq!(accepted_step(&secret, "287 082", 59), Some(1));
        assert_eq!(accepted_step(&secret, "287083", 59), None);
        assert_eq!(accepted_step(&secret, "28708", 59), None);
    }

    #[test]
    fn a_code_from_the_previous_step_is_still_accepted_but_not_older() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let previous = code_at(&secret, now - 30).unwrap();
        assert!(accepted_step(&secret, &previous, now).is_some());
        let old = code_at(&secret, now - 90).unwrap();
        assert_eq!(accepted_step(&secret, &old, now), None);
    }

    #[test]
    fn the_enrollment_url_escapes_names() {
        let url = enrollment_url("JBSWY3DPEHPK3PXP", "Netral BKN", "siti@bkn");
        assert!(url.starts_with("otpauth://totp/Netral%20BKN:siti%40bkn?secret=JBSWY3DPEHPK3PXP"));
    }
}
