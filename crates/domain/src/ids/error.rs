//! The one error type for all identifiers and names.
//!
//! Variants carry the offending values as fields rather than only a formatted message, so that
//! the UI can translate them later without parsing English text.

use std::fmt;

use thiserror::Error;

/// Which identifier a shared error variant is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdKind {
    Nip,
    Nik,
    RegionCode,
}

impl IdKind {
    fn allowed_characters(self) -> &'static str {
        match self {
            IdKind::Nip | IdKind::Nik => "digits and spaces",
            IdKind::RegionCode => "digits and dots",
        }
    }
}

impl fmt::Display for IdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IdKind::Nip => "NIP",
            IdKind::Nik => "NIK",
            IdKind::RegionCode => "region code",
        })
    }
}

/// Why a piece of text is not a valid identifier or name.
///
/// Positions are 1-based character counts, as a person reading the input would count them.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IdError {
    // Shared by several identifiers.
    #[error("{kind} may contain only {allowed}, found {found:?} at position {position}", allowed = .kind.allowed_characters())]
    InvalidCharacter {
        kind: IdKind,
        found: char,
        position: usize,
    },
    #[error("{kind} must be {expected} digits, got {got}")]
    WrongLength {
        kind: IdKind,
        expected: usize,
        got: usize,
    },
    #[error("{kind} serial number must not be all zeros")]
    ZeroSerial { kind: IdKind },
    #[error("{kind} has province code {code:02}, which must be 11–99")]
    ProvinceCode { kind: IdKind, code: u16 },
    #[error(
        "{kind} has regency/city code {code:02}, which must be 01–69 (regency) or 71–99 (city)"
    )]
    RegencyOrCityCode { kind: IdKind, code: u16 },
    #[error("{kind} has district code {code:02}, which must be 01–99")]
    DistrictCode { kind: IdKind, code: u16 },

    // NIP only.
    #[error("NIP birth date {digits} is not a real date")]
    NipBirthDate { digits: String },
    #[error("NIP birth year {year} is outside the plausible range {min}–{max}")]
    NipBirthYear { year: i32, min: i32, max: i32 },
    #[error("NIP appointment month must be 01–12, got {month:02}")]
    NipAppointmentMonth { month: u32 },
    #[error(
        "NIP appointment year {year} must be between {earliest} (15 years after birth) and {latest}"
    )]
    NipAppointmentYear {
        year: i32,
        earliest: i32,
        latest: i32,
    },
    #[error("NIP sex digit must be 1 (male) or 2 (female), got {digit}")]
    NipSexDigit { digit: u8 },

    // NIK only.
    #[error("NIK birth day must be 01–31, or 41–71 for women, got {day:02}")]
    NikBirthDay { day: u32 },
    #[error("NIK birth month must be 01–12, got {month:02}")]
    NikBirthMonth { month: u32 },
    #[error("NIK birth date {digits} (DDMMYY, year read as {year}) is not a real date")]
    NikBirthDate { digits: String, year: i32 },

    // Region code only.
    #[error("region code must have 2, 4, 6 or 10 digits, got {got}")]
    RegionLength { got: usize },
    #[error("region code {input:?} must be grouped as PP, PP.KK, PP.KK.CC or PP.KK.CC.VVVV")]
    RegionGrouping { input: String },
    #[error(
        "region code has village code {code}, which must start with 1 (kelurahan) or 2 (desa) and not end in 000"
    )]
    VillageCode { code: String },

    // Person names. The input is deliberately not echoed: names are personal data and errors
    // end up in logs.
    #[error("name is empty")]
    NameEmpty,
    #[error("name has titles but no actual name")]
    NameOnlyTitles,
    #[error("name is {chars} characters long, at most {max} are allowed")]
    NameTooLong { chars: usize, max: usize },
    #[error("name contains a control character at position {position}")]
    NameControlCharacter { position: usize },
}
