//! Receipt codes: what an anonymous reporter keeps to follow their report, e.g.
//! `7K3M-Q9TX-2BHD-RW5N-C8FA`. Crockford base32 because it survives being read aloud, written on
//! paper and typed on a phone: no I, L, O or U, and the look-alikes are mapped back on input.
//!
//! Only [`ReceiptCode::hash`] is stored. A plain, fast SHA-256 is right here (unlike passwords):
//! the code is 100 random-looking bits chosen by the server, not a person, so trying codes
//! against a stolen hash is hopeless however fast each try is, and an unkeyed hash keeps
//! stored receipts valid if the vault key is ever rotated.

use sha2::{Digest as _, Sha256};
use subtle::ConstantTimeEq as _;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LEN: usize = 20;

/// A receipt code in canonical form (20 characters of the alphabet, no dashes).
#[derive(Clone, PartialEq, Eq)]
pub struct ReceiptCode {
    canonical: String,
}

/// Why typed-in text is not a receipt code, phrased for the reporter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReceiptCodeError {
    #[error("a receipt code has 20 letters and digits; this one has {0}")]
    WrongLength(usize),
    #[error("`{0}` does not appear in receipt codes")]
    InvalidCharacter(char),
}

impl ReceiptCode {
    /// The first 100 bits of a MAC, as 20 characters of 5 bits.
    pub(super) fn from_digest(digest: &[u8]) -> ReceiptCode {
        let first: [u8; 16] = digest[..16]
            .try_into()
            .expect("a digest of 16 bytes or more");
        let bits = u128::from_be_bytes(first) >> (128 - 5 * LEN);
        let canonical = (0..LEN)
            .map(|i| ALPHABET[((bits >> (5 * (LEN - 1 - i))) & 31) as usize] as char)
            .collect();
        ReceiptCode { canonical }
    }

    /// Reads a code as a person typed it: any case, dashes and spaces anywhere, and Crockford's
    /// substitutions (I and L read as 1, O as 0).
    pub fn parse(input: &str) -> Result<ReceiptCode, ReceiptCodeError> {
        let mut canonical = String::with_capacity(LEN);
        for typed in input.chars() {
            let c = match typed.to_ascii_uppercase() {
                '-' => continue,
                c if c.is_whitespace() => continue,
                'I' | 'L' => '1',
                'O' => '0',
                c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
                _ => return Err(ReceiptCodeError::InvalidCharacter(typed)),
            };
            canonical.push(c);
        }
        if canonical.len() != LEN {
            return Err(ReceiptCodeError::WrongLength(canonical.len()));
        }
        Ok(ReceiptCode { canonical })
    }

    /// The 20 characters without dashes.
    pub fn as_str(&self) -> &str {
        &self.canonical
    }

    /// Lowercase hex SHA-256 of the canonical form: what the database keeps.
    pub fn hash(&self) -> String {
        hex::encode(Sha256::digest(self.canonical.as_bytes()))
    }
}

/// Whether `code` is the one whose hash was stored, compared in constant time so response
/// timing reveals nothing about how close a guess came.
pub fn receipt_matches(code: &ReceiptCode, stored_hash: &str) -> bool {
    code.hash().as_bytes().ct_eq(stored_hash.as_bytes()).into()
}

/// Groups of four, as shown to the reporter: `ABCD-EFGH-JKMN-PQRS-TVWX`.
impl std::fmt::Display for ReceiptCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, group) in self.canonical.as_bytes().chunks(4).enumerate() {
            if i > 0 {
                f.write_str("-")?;
            }
            f.write_str(std::str::from_utf8(group).expect("the alphabet is ASCII"))?;
        }
        Ok(())
    }
}

/// The code is the reporter's only key to their report; it stays out of logs.
impl std::fmt::Debug for ReceiptCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReceiptCode(..)")
    }
}

impl std::str::FromStr for ReceiptCode {
    type Err = ReceiptCodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ReceiptCode::parse(s)
    }
}
