//! Staff numbers in a roster: a PNS has a NIP, a PPPK an *NI PPPK* of the same length.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use thiserror::Error;

use crate::ids::{IdError, Nip, Sex};

/// PNS (career civil servant) or PPPK (government employee on contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EmployeeType {
    Pns,
    Pppk,
}

impl EmployeeType {
    pub fn as_str(self) -> &'static str {
        match self {
            EmployeeType::Pns => "pns",
            EmployeeType::Pppk => "pppk",
        }
    }

    /// Reads SIASN's `jenisPegawaiNama`, which comes in several spellings ("PNS", "CPNS",
    /// "PNS Daerah", "PPPK", "P3K", "PPPK Paruh Waktu"). `None` when it names neither.
    pub fn from_siasn(text: &str) -> Option<EmployeeType> {
        let text = text.to_lowercase();
        // PPPK first: no PPPK spelling contains "pns", but be explicit about the order.
        if text.contains("pppk") || text.contains("p3k") {
            Some(EmployeeType::Pppk)
        } else if text.contains("pns") {
            Some(EmployeeType::Pns)
        } else {
            None
        }
    }
}

impl fmt::Display for EmployeeType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An NI PPPK: 18 digits, birth date `YYYYMMDD`, then six digits about the appointment (the
/// year and a PPPK code; the exact layout is *(unconfirmed)*, so they are only checked to
/// start with a plausible year), the sex digit (`1` male, `2` female) and a 3-digit serial.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PppkNumber {
    digits: [u8; 18],
    birth_date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PppkNumberError {
    #[error("NI PPPK must be 18 digits")]
    Shape,
    #[error("NI PPPK birth date {0} is not a real date between 1940 and 2015")]
    BirthDate(String),
    #[error("NI PPPK appointment year {0} is not plausible for its birth date")]
    AppointmentYear(u16),
    #[error("NI PPPK sex digit must be 1 (male) or 2 (female), got {0}")]
    SexDigit(char),
    #[error("NI PPPK serial number must not be all zeros")]
    ZeroSerial,
}

fn value(digits: &[u8]) -> u16 {
    digits
        .iter()
        .fold(0, |acc, d| acc * 10 + u16::from(d - b'0'))
}

impl FromStr for PppkNumber {
    type Err = PppkNumberError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        // Spaces between digit groups are accepted, as for a NIP.
        let mut digits = [0u8; 18];
        let mut count = 0;
        for byte in input.bytes().filter(|&b| b != b' ') {
            if !byte.is_ascii_digit() || count == 18 {
                return Err(PppkNumberError::Shape);
            }
            digits[count] = byte;
            count += 1;
        }
        if count != 18 {
            return Err(PppkNumberError::Shape);
        }
        let text = std::str::from_utf8(&digits[0..8]).unwrap_or_default();
        let year = value(&digits[0..4]);
        let birth_date = NaiveDate::from_ymd_opt(
            i32::from(year),
            u32::from(value(&digits[4..6])),
            u32::from(value(&digits[6..8])),
        )
        .filter(|_| (1940..=2015).contains(&year))
        .ok_or_else(|| PppkNumberError::BirthDate(text.to_owned()))?;
        let appointed = value(&digits[8..12]);
        if !(year + 15..=2100).contains(&appointed) {
            return Err(PppkNumberError::AppointmentYear(appointed));
        }
        if !matches!(digits[14], b'1' | b'2') {
            return Err(PppkNumberError::SexDigit(char::from(digits[14])));
        }
        if &digits[15..18] == b"000" {
            return Err(PppkNumberError::ZeroSerial);
        }
        Ok(PppkNumber { digits, birth_date })
    }
}

impl PppkNumber {
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits).expect("digits are ASCII")
    }

    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    pub fn sex(&self) -> Sex {
        if self.digits[14] == b'1' {
            Sex::Male
        } else {
            Sex::Female
        }
    }
}

impl fmt::Debug for PppkNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PppkNumber").field(&self.as_str()).finish()
    }
}

/// The number a roster row is keyed by: unique across PNS and PPPK, 18 digits either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EmployeeNumber {
    Pns(Nip),
    Pppk(PppkNumber),
}

/// Why a roster number is not valid for the employee type it was given with.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EmployeeNumberError {
    #[error(transparent)]
    Nip(#[from] IdError),
    #[error(transparent)]
    Pppk(#[from] PppkNumberError),
}

impl EmployeeNumber {
    /// Parses `text` as the number of an employee of type `kind`; with no type given, a valid
    /// NIP is taken as a PNS and anything else is tried as a PPPK number.
    pub fn parse(text: &str, kind: Option<EmployeeType>) -> Result<Self, EmployeeNumberError> {
        match kind {
            Some(EmployeeType::Pns) => Ok(EmployeeNumber::Pns(text.parse()?)),
            Some(EmployeeType::Pppk) => Ok(EmployeeNumber::Pppk(text.parse()?)),
            None => match text.parse::<Nip>() {
                Ok(nip) => Ok(EmployeeNumber::Pns(nip)),
                Err(nip_error) => text
                    .parse()
                    .map(EmployeeNumber::Pppk)
                    .map_err(|_| EmployeeNumberError::Nip(nip_error)),
            },
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            EmployeeNumber::Pns(nip) => nip.as_str(),
            EmployeeNumber::Pppk(number) => number.as_str(),
        }
    }

    /// The 18 digits as one integer: a compact key for finding duplicates in a large file.
    pub fn as_u64(&self) -> u64 {
        self.as_str()
            .bytes()
            .fold(0, |acc, d| acc * 10 + u64::from(d - b'0'))
    }

    pub fn employee_type(&self) -> EmployeeType {
        match self {
            EmployeeNumber::Pns(_) => EmployeeType::Pns,
            EmployeeNumber::Pppk(_) => EmployeeType::Pppk,
        }
    }

    pub fn birth_date(&self) -> NaiveDate {
        match self {
            EmployeeNumber::Pns(nip) => nip.birth_date(),
            EmployeeNumber::Pppk(number) => number.birth_date(),
        }
    }

    pub fn sex(&self) -> Sex {
        match self {
            EmployeeNumber::Pns(nip) => nip.sex(),
            EmployeeNumber::Pppk(number) => number.sex(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_siasn_employee_types() {
        for (text, kind) in [
            ("PNS", Some(EmployeeType::Pns)),
            ("CPNS", Some(EmployeeType::Pns)),
            ("PNS Daerah", Some(EmployeeType::Pns)),
            ("PPPK", Some(EmployeeType::Pppk)),
            ("pppk paruh waktu", Some(EmployeeType::Pppk)),
            ("P3K", Some(EmployeeType::Pppk)),
            ("Honorer", None),
        ] {
            assert_eq!(EmployeeType::from_siasn(text), kind, "{text}");
        }
    }

    #[test]
    fn a_pppk_number_is_not_a_nip_and_is_read_as_pppk() {
        let text = "198905152022212012";
        assert!(text.parse::<Nip>().is_err());
        let number = EmployeeNumber::parse(text, None).unwrap();
        assert_eq!(number.employee_type(), EmployeeType::Pppk);
        assert_eq!(number.sex(), Sex::Female);
        assert_eq!(
            number.birth_date(),
            NaiveDate::from_ymd_opt(1989, 5, 15).unwrap()
        );
        assert_eq!(number.as_u64(), 198_905_152_022_212_012);
        assert!(EmployeeNumber::parse(text, Some(EmployeeType::Pns)).is_err());
    }

    #[test]
    fn a_nip_is_read_as_pns_and_errors_name_the_nip() {
        let number = EmployeeNumber::parse("198503122010011003", None).unwrap();
        assert_eq!(number.employee_type(), EmployeeType::Pns);
        let err = EmployeeNumber::parse("19850312201001100", None).unwrap_err();
        assert!(
            err.to_string().starts_with("NIP must be 18 digits"),
            "{err}"
        );
    }

    #[test]
    fn rejects_bad_pppk_numbers() {
        for bad in [
            "19890515202221201",
            "198913152022212012",
            "198905151990212012",
            "198905152022213012",
            "198905152022212000",
            "19890515202221201x",
        ] {
            assert!(bad.parse::<PppkNumber>().is_err(), "{bad}");
        }
    }
}
