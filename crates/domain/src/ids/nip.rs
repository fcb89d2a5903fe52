//! NIP, the staff number of a PNS.

use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

use chrono::NaiveDate;

use super::digits::{digits_ignoring_spaces, number, text};
use super::{IdError, IdKind, Sex};

/// Birth years outside this range are almost certainly typos: nobody born before 1940 is still
/// in service, and nobody born after 2015 can have been appointed yet.
const BIRTH_YEARS: RangeInclusive<i32> = 1940..=2015;
/// The legal minimum age for a CPNS is 18; requiring only 15 years keeps odd-but-real records
/// while still catching swapped or mistyped date groups.
const MIN_AGE_AT_APPOINTMENT: i32 = 15;
const LATEST_APPOINTMENT_YEAR: i32 = 2100;

/// A NIP (Nomor Induk Pegawai), the 18-digit staff number of a PNS (Pegawai Negeri Sipil, a
/// permanent civil servant).
///
/// Layout: birth date `YYYYMMDD`, CPNS (candidate civil servant) appointment `YYYYMM`, sex digit
/// (`1` male, `2` female), 3-digit serial. For example `198503122010011003`.
///
/// PPPK (Pegawai Pemerintah dengan Perjanjian Kerja, government employees on contract) also
/// have 18-digit numbers ("NI PPPK") but with a different layout; they are not NIPs and will
/// get their own type later.
///
/// Parsing accepts ASCII spaces between digits ("19850312 201001 1 003"); the canonical form
/// is the 18 bare digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Nip {
    digits: [u8; 18],
    birth_date: NaiveDate,
}

impl Nip {
    pub fn as_str(&self) -> &str {
        text(&self.digits)
    }

    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// Year and month (1–12) of the CPNS appointment.
    pub fn appointment(&self) -> (i32, u32) {
        (
            i32::from(number(&self.digits[8..12])),
            u32::from(number(&self.digits[12..14])),
        )
    }

    pub fn sex(&self) -> Sex {
        if self.digits[14] == b'1' {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    pub fn serial(&self) -> u16 {
        number(&self.digits[15..18])
    }
}

impl FromStr for Nip {
    type Err = IdError;

    fn from_str(input: &str) -> Result<Self, IdError> {
        let digits: [u8; 18] = digits_ignoring_spaces(input, IdKind::Nip)?;

        let birth_year = i32::from(number(&digits[0..4]));
        let birth_date = NaiveDate::from_ymd_opt(
            birth_year,
            u32::from(number(&digits[4..6])),
            u32::from(number(&digits[6..8])),
        )
        .ok_or_else(|| IdError::NipBirthDate {
            digits: text(&digits[0..8]).to_owned(),
        })?;
        if !BIRTH_YEARS.contains(&birth_year) {
            return Err(IdError::NipBirthYear {
                year: birth_year,
                min: *BIRTH_YEARS.start(),
                max: *BIRTH_YEARS.end(),
            });
        }

        let appointment_month = u32::from(number(&digits[12..14]));
        if !(1..=12).contains(&appointment_month) {
            return Err(IdError::NipAppointmentMonth {
                month: appointment_month,
            });
        }
        let appointment_year = i32::from(number(&digits[8..12]));
        let earliest = birth_year + MIN_AGE_AT_APPOINTMENT;
        if !(earliest..=LATEST_APPOINTMENT_YEAR).contains(&appointment_year) {
            return Err(IdError::NipAppointmentYear {
                year: appointment_year,
                earliest,
                latest: LATEST_APPOINTMENT_YEAR,
            });
        }

        if !matches!(digits[14], b'1' | b'2') {
            return Err(IdError::NipSexDigit {
                digit: digits[14] - b'0',
            });
        }
        if &digits[15..18] == b"000" {
            return Err(IdError::ZeroSerial { kind: IdKind::Nip });
        }

        Ok(Nip { digits, birth_date })
    }
}

// Debug shows the text, not the byte array it is stored as.
impl fmt::Debug for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Nip").field(&self.as_str()).finish()
    }
}

text_conversions!(Nip);

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;
    use proptest::prelude::*;
    use serde::{Deserialize, Serialize};

    fn parse(text: &str) -> Result<Nip, IdError> {
        text.parse()
    }

    #[test]
    fn parses_a_plain_nip() {
        let nip = parse("198503122010011003").unwrap();
        assert_eq!(nip.as_str(), "198503122010011003");
        assert_eq!(
            nip.birth_date(),
            NaiveDate::from_ymd_opt(1985, 3, 12).unwrap()
        );
        assert_eq!(nip.appointment(), (2010, 1));
        assert_eq!(nip.sex(), Sex::Male);
        assert_eq!(nip.serial(), 3);
    }

    #[test]
    fn accepts_spaces_and_canonicalises_them_away() {
        let nip = parse(" 19900101 201503 2 017 ").unwrap();
        assert_eq!(nip.to_string(), "199001012015032017");
        assert_eq!(nip.sex(), Sex::Female);
        assert_eq!(nip.serial(), 17);
        assert_eq!(Nip::try_from("199001012015032017").unwrap(), nip);
    }

    #[test]
    fn rejects_other_separators() {
        assert_eq!(
            parse("19850312.201001.1.003"),
            Err(IdError::InvalidCharacter {
                kind: IdKind::Nip,
                found: '.',
                position: 9
            })
        );
        assert!(parse("19850312-201001-1-003").is_err());
        assert!(parse("19850312\t201001 1 003").is_err());
        assert!(parse("١٩٨٥٠٣١٢٢٠١٠٠١١٠٠٣").is_err(), "non-ASCII digits");
    }

    #[test]
    fn rejects_wrong_lengths_with_a_clear_message() {
        let error = parse("19850312201001100").unwrap_err();
        assert_eq!(error.to_string(), "NIP must be 18 digits, got 17");
        assert_eq!(
            parse(""),
            Err(IdError::WrongLength {
                kind: IdKind::Nip,
                expected: 18,
                got: 0
            })
        );
        assert!(parse("1985031220100110031").is_err());
    }

    #[test]
    fn rejects_impossible_birth_dates() {
        let error = parse("198513322010011003").unwrap_err();
        assert_eq!(
            error.to_string(),
            "NIP birth date 19851332 is not a real date"
        );
        assert!(
            parse("198502292010011003").is_err(),
            "1985 is not a leap year"
        );
        assert!(parse("198402292010011003").is_ok(), "1984 is a leap year");
    }

    #[test]
    fn rejects_implausible_birth_years() {
        assert!(matches!(
            parse("193912312010011003"),
            Err(IdError::NipBirthYear { year: 1939, .. })
        ));
        assert!(parse("194001012010011003").is_ok());
        assert!(parse("201512312031011003").is_ok());
        assert!(parse("201601012031011003").is_err());
    }

    #[test]
    fn rejects_bad_appointments() {
        assert_eq!(
            parse("198503122010131003"),
            Err(IdError::NipAppointmentMonth { month: 13 })
        );
        assert!(parse("198503122010001003").is_err());
        assert_eq!(
            parse("198503121999011003"),
            Err(IdError::NipAppointmentYear {
                year: 1999,
                earliest: 2000,
                latest: 2100
            })
        );
        assert!(parse("198503122000011003").is_ok());
        assert!(parse("198503122101011003").is_err());
    }

    #[test]
    fn rejects_bad_sex_digit_and_zero_serial() {
        let error = parse("198503122010013003").unwrap_err();
        assert_eq!(
            error.to_string(),
            "NIP sex digit must be 1 (male) or 2 (female), got 3"
        );
        assert!(parse("198503122010010003").is_err());
        assert_eq!(
            parse("198503122010011000"),
            Err(IdError::ZeroSerial { kind: IdKind::Nip })
        );
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Record {
        nip: Nip,
    }

    #[test]
    fn serde_uses_the_plain_string_and_the_parser() {
        let record = Record {
            nip: parse("19850312 201001 1 003").unwrap(),
        };
        let written = toml::to_string(&record).unwrap();
        assert_eq!(written.trim(), r#"nip = "198503122010011003""#);
        assert_eq!(toml::from_str::<Record>(&written).unwrap(), record);

        let error = toml::from_str::<Record>(r#"nip = "198503122010013003""#).unwrap_err();
        assert!(error.to_string().contains("sex digit"), "{error}");
    }

    /// Valid NIPs as text together with the parts they were built from.
    fn valid_nip() -> impl Strategy<Value = (String, NaiveDate, i32, u32, u8, u16)> {
        (1940..=2015i32, 1..=366u32)
            .prop_filter_map("day of year exists", |(year, ordinal)| {
                NaiveDate::from_yo_opt(year, ordinal)
            })
            .prop_flat_map(|birth| {
                (
                    Just(birth),
                    birth.year() + 15..=2100,
                    1..=12u32,
                    1..=2u8,
                    1..=999u16,
                )
            })
            .prop_map(|(birth, year, month, sex, serial)| {
                let text = format!(
                    "{}{year:04}{month:02}{sex}{serial:03}",
                    birth.format("%Y%m%d")
                );
                (text, birth, year, month, sex, serial)
            })
    }

    proptest! {
        #[test]
        fn valid_nips_round_trip((text, birth, year, month, sex, serial) in valid_nip()) {
            let nip = parse(&text).unwrap();
            prop_assert_eq!(nip.to_string(), text.clone());
            prop_assert_eq!(parse(&nip.to_string()).unwrap(), nip);
            prop_assert_eq!(nip.birth_date(), birth);
            prop_assert_eq!(nip.appointment(), (year, month));
            prop_assert_eq!(nip.serial(), serial);
            let expected_sex = if sex == 1 { Sex::Male } else { Sex::Female };
            prop_assert_eq!(nip.sex(), expected_sex);
        }

        #[test]
        fn spaces_anywhere_are_ignored(
            (text, ..) in valid_nip(),
            spaces in proptest::collection::vec(0..=18usize, 0..6),
        ) {
            let mut spaced = text.clone();
            let mut positions = spaces;
            positions.sort_unstable_by(|a, b| b.cmp(a));
            for position in positions {
                spaced.insert(position, ' ');
            }
            let nip = parse(&spaced).unwrap();
            prop_assert_eq!(nip.as_str(), text.as_str());
        }

        #[test]
        fn a_non_digit_anywhere_is_rejected(
            (text, ..) in valid_nip(),
            index in 0..18usize,
            replacement in any::<char>().prop_filter("not a digit or space", |c| !c.is_ascii_digit() && *c != ' '),
        ) {
            let mut chars: Vec<char> = text.chars().collect();
            chars[index] = replacement;
            let broken: String = chars.into_iter().collect();
            prop_assert_eq!(
                parse(&broken),
                Err(IdError::InvalidCharacter { kind: IdKind::Nip, found: replacement, position: index + 1 })
            );
        }

        #[test]
        fn wrong_lengths_are_rejected(digits in "[0-9]{0,40}") {
            prop_assume!(digits.len() != 18);
            prop_assert_eq!(
                parse(&digits),
                Err(IdError::WrongLength { kind: IdKind::Nip, expected: 18, got: digits.len() })
            );
        }
    }
}
