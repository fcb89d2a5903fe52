//! NIK, the national identity number.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::digits::{digits_ignoring_spaces, number, text};
use super::{IdError, IdKind, RegionCode, Sex};

/// Two-digit years above this are read as 19yy, the rest as 20yy.
///
/// A fixed pivot keeps parsing deterministic (no clock in the domain). It misreads people born
/// in 1930 or earlier, who are past any civil-service age, and must be revisited before NIKs of
/// people born in 2031 appear.
const CENTURY_PIVOT: u16 = 30;
/// Added to the day of birth of women, which is how a NIK encodes sex.
const FEMALE_DAY_OFFSET: u16 = 40;

/// A NIK (Nomor Induk Kependudukan), the 16-digit national identity number on every Indonesian
/// resident's identity card (KTP).
///
/// Layout: the district (kecamatan) where it was issued as a 6-digit [`RegionCode`], birth date
/// `DDMMYY` with 40 added to the day for women, and a 4-digit serial. For example
/// `3374055203850001` (district 33.74.05, a woman born 12 March 1985).
///
/// The two-digit year is read with a fixed pivot: `31`–`99` are 1931–1999, `00`–`30` are
/// 2000–2030.
///
/// Parsing accepts ASCII spaces between digits; the canonical form is the 16 bare digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Nik {
    digits: [u8; 16],
    region: RegionCode,
    birth_date: NaiveDate,
    sex: Sex,
}

impl Nik {
    pub fn as_str(&self) -> &str {
        text(&self.digits)
    }

    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    pub fn sex(&self) -> Sex {
        self.sex
    }

    /// The district (kecamatan) where the NIK was issued, which is not necessarily where the
    /// person lives now.
    pub fn region(&self) -> RegionCode {
        self.region
    }
}

impl FromStr for Nik {
    type Err = IdError;

    fn from_str(input: &str) -> Result<Self, IdError> {
        let digits: [u8; 16] = digits_ignoring_spaces(input, IdKind::Nik)?;

        // The region rules are the same as for a stand-alone district code, including
        // rejecting regency/city 70, so that `region()` can never hold an invalid code.
        let region = RegionCode::from_digits(IdKind::Nik, &digits[0..6])?;

        let coded_day = number(&digits[6..8]);
        let (day, sex) = match coded_day {
            1..=31 => (coded_day, Sex::Male),
            41..=71 => (coded_day - FEMALE_DAY_OFFSET, Sex::Female),
            _ => {
                return Err(IdError::NikBirthDay {
                    day: u32::from(coded_day),
                });
            }
        };
        let month = number(&digits[8..10]);
        if !(1..=12).contains(&month) {
            return Err(IdError::NikBirthMonth {
                month: u32::from(month),
            });
        }
        let short_year = number(&digits[10..12]);
        let year = i32::from(short_year)
            + if short_year > CENTURY_PIVOT {
                1900
            } else {
                2000
            };
        let birth_date = NaiveDate::from_ymd_opt(year, u32::from(month), u32::from(day))
            .ok_or_else(|| IdError::NikBirthDate {
                digits: text(&digits[6..12]).to_owned(),
                year,
            })?;

        if &digits[12..16] == b"0000" {
            return Err(IdError::ZeroSerial { kind: IdKind::Nik });
        }

        Ok(Nik {
            digits,
            region,
            birth_date,
            sex,
        })
    }
}

// The other fields are derived from the digits, so ordering by the digits alone agrees with
// `Eq` without giving `Sex` an order it does not have.
impl Ord for Nik {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.digits.cmp(&other.digits)
    }
}

impl PartialOrd for Nik {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

// Debug shows the text, not the byte array it is stored as.
impl fmt::Debug for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Nik").field(&self.as_str()).finish()
    }
}

text_conversions!(Nik);

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;
    use proptest::prelude::*;
    use serde::{Deserialize, Serialize};

    fn parse(text: &str) -> Result<Nik, IdError> {
        text.parse()
    }

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    #[test]
    fn parses_a_womans_nik() {
        let nik = parse("3374055203850001").unwrap();
        assert_eq!(nik.as_str(), "3374055203850001");
        assert_eq!(nik.birth_date(), date(1985, 3, 12));
        assert_eq!(nik.sex(), Sex::Female);
        assert_eq!(nik.region().as_str(), "33.74.05");
        assert_eq!(nik.region().is_city(), Some(true));
    }

    #[test]
    fn parses_a_mans_nik_with_spaces() {
        let nik = parse("3201 01 170800 0123").unwrap();
        assert_eq!(nik.to_string(), "3201011708000123");
        assert_eq!(nik.birth_date(), date(2000, 8, 17));
        assert_eq!(nik.sex(), Sex::Male);
        assert_eq!(nik.region().as_str(), "32.01.01");
        assert_eq!(Nik::try_from("3201011708000123").unwrap(), nik);
    }

    #[test]
    fn resolves_the_century_with_a_fixed_pivot() {
        assert_eq!(parse("3201010101300001").unwrap().birth_date().year(), 2030);
        assert_eq!(parse("3201010101310001").unwrap().birth_date().year(), 1931);
        assert_eq!(parse("3201010101990001").unwrap().birth_date().year(), 1999);
        // 29 February exists in 2000 but would not in 1900.
        assert_eq!(
            parse("3201016902000001").unwrap().birth_date(),
            date(2000, 2, 29)
        );
    }

    #[test]
    fn rejects_wrong_shapes() {
        assert_eq!(
            parse("337405520385000").unwrap_err().to_string(),
            "NIK must be 16 digits, got 15"
        );
        assert!(matches!(
            parse("3374.05.520385.0001"),
            Err(IdError::InvalidCharacter {
                kind: IdKind::Nik,
                found: '.',
                position: 5
            })
        ));
    }

    #[test]
    fn rejects_bad_regions() {
        assert_eq!(
            parse("1074055203850001"),
            Err(IdError::ProvinceCode {
                kind: IdKind::Nik,
                code: 10
            })
        );
        assert_eq!(
            parse("3300055203850001").unwrap_err().to_string(),
            "NIK has regency/city code 00, which must be 01–69 (regency) or 71–99 (city)"
        );
        assert!(parse("3370055203850001").is_err());
        assert_eq!(
            parse("3374005203850001"),
            Err(IdError::DistrictCode {
                kind: IdKind::Nik,
                code: 0
            })
        );
    }

    #[test]
    fn rejects_bad_birth_dates() {
        for day in ["00", "32", "40", "72", "99"] {
            assert!(
                matches!(
                    parse(&format!("337405{day}0385 0001")),
                    Err(IdError::NikBirthDay { .. })
                ),
                "{day}"
            );
        }
        assert_eq!(
            parse("3374051213850001"),
            Err(IdError::NikBirthMonth { month: 13 })
        );
        assert!(parse("3374051200850001").is_err());
        assert_eq!(
            parse("3374057102850001").unwrap_err().to_string(),
            "NIK birth date 710285 (DDMMYY, year read as 1985) is not a real date"
        );
        assert!(
            parse("3374052902850001").is_err(),
            "1985 is not a leap year"
        );
    }

    #[test]
    fn rejects_zero_serial() {
        assert_eq!(
            parse("3374055203850000"),
            Err(IdError::ZeroSerial { kind: IdKind::Nik })
        );
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Record {
        nik: Nik,
    }

    #[test]
    fn serde_uses_the_plain_string_and_the_parser() {
        let record = Record {
            nik: parse("3374055203850001").unwrap(),
        };
        let written = toml::to_string(&record).unwrap();
        assert_eq!(written.trim(), r#"nik = "3374055203850001""#);
        assert_eq!(toml::from_str::<Record>(&written).unwrap(), record);
        assert!(toml::from_str::<Record>(r#"nik = "3374055203850000""#).is_err());
    }

    /// Valid NIKs as text with the birth date and sex they encode.
    fn valid_nik() -> impl Strategy<Value = (String, NaiveDate, Sex)> {
        (
            11..=99u16,
            prop_oneof![1..=69u16, 71..=99u16],
            1..=99u16,
            1931..=2030i32,
            1..=366u32,
            any::<bool>(),
            1..=9999u16,
        )
            .prop_filter_map(
                "day of year exists",
                |(province, regency, district, year, ordinal, female, serial)| {
                    let birth = NaiveDate::from_yo_opt(year, ordinal)?;
                    let day = birth.day() + if female { 40 } else { 0 };
                    let text = format!(
                        "{province:02}{regency:02}{district:02}{day:02}{:02}{:02}{serial:04}",
                        birth.month(),
                        year % 100
                    );
                    let sex = if female { Sex::Female } else { Sex::Male };
                    Some((text, birth, sex))
                },
            )
    }

    proptest! {
        #[test]
        fn valid_niks_round_trip((text, birth, sex) in valid_nik()) {
            let nik = parse(&text).unwrap();
            prop_assert_eq!(nik.to_string(), text.clone());
            prop_assert_eq!(parse(&nik.to_string()).unwrap(), nik);
            prop_assert_eq!(nik.birth_date(), birth);
            prop_assert_eq!(nik.sex(), sex);
            prop_assert_eq!(nik.region().digits(), text[..6].to_owned());
            prop_assert_eq!(nik.region().level(), crate::ids::RegionLevel::District);
        }

        #[test]
        fn adding_forty_to_the_day_makes_a_woman((text, birth, sex) in valid_nik()) {
            prop_assume!(sex == Sex::Male);
            let day: u32 = text[6..8].parse().unwrap();
            let female = format!("{}{:02}{}", &text[..6], day + 40, &text[8..]);
            let nik = parse(&female).unwrap();
            prop_assert_eq!(nik.sex(), Sex::Female);
            prop_assert_eq!(nik.birth_date(), birth);
        }

        #[test]
        fn a_non_digit_anywhere_is_rejected(
            (text, ..) in valid_nik(),
            index in 0..16usize,
            replacement in any::<char>().prop_filter("not a digit or space", |c| !c.is_ascii_digit() && *c != ' '),
        ) {
            let mut chars: Vec<char> = text.chars().collect();
            chars[index] = replacement;
            let broken: String = chars.into_iter().collect();
            prop_assert_eq!(
                parse(&broken),
                Err(IdError::InvalidCharacter { kind: IdKind::Nik, found: replacement, position: index + 1 })
            );
        }

        #[test]
        fn wrong_lengths_are_rejected(digits in "[0-9]{0,40}") {
            prop_assume!(digits.len() != 16);
            prop_assert_eq!(
                parse(&digits),
                Err(IdError::WrongLength { kind: IdKind::Nik, expected: 16, got: digits.len() })
            );
        }
    }
}
