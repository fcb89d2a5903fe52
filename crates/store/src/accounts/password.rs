//! Passwords are kept as argon2id hashes in PHC strings (`$argon2id$v=19$m=…`), which carry their
//! own parameters: raising the cost later does not lock out anyone hashed before.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

/// Shorter passwords fall to guessing even behind argon2; longer ones are pass phrases, which
/// are easier to remember than symbols.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Argon2 hashes any length, but a megabyte "password" is a way to burn our CPU.
pub const MAX_PASSWORD_CHARS: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("the password must have at least {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("the password may have at most {MAX_PASSWORD_CHARS} characters")]
    TooLong,
    #[error("the password must not contain the user name")]
    ContainsUsername,
}

/// Why a password is refused for `username`, if it is.
pub fn check_policy(username: &str, password: &str) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    if !username.is_empty() && password.to_lowercase().contains(&username.to_lowercase()) {
        return Err(PasswordProblem::ContainsUsername);
    }
    Ok(())
}

/// A fresh salt from the operating system each time. Slow on purpose (tens of milliseconds):
/// call it off the async runtime.
pub(crate) fn hash(password: &str) -> String {
    Argon2::default()
        .hash_password(password.as_bytes())
        .expect("argon2id with default parameters hashes any password of bounded length")
        .to_string()
}

/// Whether `password` matches the stored PHC string. A string that does not parse matches
/// nothing (an account whose hash was damaged cannot sign in; an administrator resets it).
pub(crate) fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash of nothing anyone can type, verified when the user name is unknown so that the
/// answer takes as long as for a known one and reveals no user names.
pub(crate) fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash(&crate::vault::random_token(32)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_own_hash_only() {
        let stored = hash("kuda lumping 1998");
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("kuda lumping 1998", &stored));
        assert!(!verify("kuda lumping 1999", &stored));
        assert!(!verify("kuda lumping 1998", "not a hash"));
        assert_ne!(
            stored,
            hash("kuda lumping 1998"),
            "each hash has its own salt"
        );
    }

    #[test]
    fn short_long_and_username_passwords_are_refused() {
        assert_eq!(
            check_policy("budi", "pendek"),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(
            check_policy("budi", &"a".repeat(257)),
            Err(PasswordProblem::TooLong)
        );
        assert_eq!(
            check_policy("budi", "BUDI-santoso-2024"),
            Err(PasswordProblem::ContainsUsername)
        );
        assert_eq!(check_policy("budi", "teh manis hangat"), Ok(()));
    }
}
