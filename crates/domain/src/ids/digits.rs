//! Helpers shared by the fixed-width numeric identifiers (NIP, NIK, region codes).

use super::{IdError, IdKind};

/// Extracts exactly `N` ASCII digits, skipping ASCII spaces.
///
/// Spaces are skipped because people group the digits when they type them
/// ("19850312 201001 1 003"); any other separator is rejected so that we never guess what a
/// stray character meant. Characters are checked before the length so that the error points at
/// the real problem when someone pastes text with letters in it.
pub(super) fn digits_ignoring_spaces<const N: usize>(
    input: &str,
    kind: IdKind,
) -> Result<[u8; N], IdError> {
    let mut digits = [b'0'; N];
    let mut count = 0;
    for (index, c) in input.chars().enumerate() {
        match c {
            ' ' => {}
            '0'..='9' => {
                if let Some(slot) = digits.get_mut(count) {
                    *slot = c as u8;
                }
                count += 1;
            }
            _ => {
                return Err(IdError::InvalidCharacter {
                    kind,
                    found: c,
                    position: index + 1,
                });
            }
        }
    }
    if count != N {
        return Err(IdError::WrongLength {
            kind,
            expected: N,
            got: count,
        });
    }
    Ok(digits)
}

/// The value of at most four ASCII digits.
pub(super) fn number(digits: &[u8]) -> u16 {
    debug_assert!(digits.len() <= 4 && digits.iter().all(u8::is_ascii_digit));
    digits
        .iter()
        .fold(0, |acc, d| acc * 10 + u16::from(d - b'0'))
}

/// Views validated ASCII bytes as text.
pub(super) fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("identifiers store ASCII only")
}
