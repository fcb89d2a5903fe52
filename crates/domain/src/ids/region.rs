//! Kemendagri region codes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::digits::{number, text};
use super::{IdError, IdKind};

/// Digits per level, outermost first: province, regency/city, district, village.
const GROUP_WIDTHS: [usize; 4] = [2, 2, 2, 4];
/// Longest dotted form: `PP.KK.CC.VVVV`.
const MAX_TEXT: usize = 13;

/// How deep in the administrative hierarchy a [`RegionCode`] points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionLevel {
    /// Provinsi.
    Province,
    /// Kabupaten (regency) or kota (city); both sit at the same level.
    RegencyOrCity,
    /// Kecamatan.
    District,
    /// Desa or kelurahan.
    Village,
}

/// A region code as issued by Kemendagri (Kementerian Dalam Negeri, the Ministry of Home
/// Affairs), which maintains the official list of administrative areas: `PP.KK.CC.VVVV`.
///
/// A code may stop at any level: `33` (a province), `33.74` (a regency or city), `33.74.05` (a
/// district) or `33.74.05.1001` (a village). Parsing accepts the dotted form or the bare digits
/// (2, 4, 6 or 10 of them), nothing else, not even surrounding spaces; the canonical form is
/// dotted.
///
/// The checks are structural, not a lookup in the official list, so a well-formed code for an
/// area that does not exist is accepted. That keeps the domain free of a data file that changes
/// every time an area is split.
///
/// Ordering puts a region before everything inside it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RegionCode {
    // Dotted text padded with zero bytes; the padding sorts below '.', which gives the
    // parent-first ordering.
    text: [u8; MAX_TEXT],
    len: u8,
}

impl RegionCode {
    /// Builds a code from 2, 4, 6 or 10 ASCII digits, reporting problems as being about `kind`
    /// so that a NIK's embedded region is blamed on the NIK.
    pub(super) fn from_digits(kind: IdKind, digits: &[u8]) -> Result<Self, IdError> {
        debug_assert!(matches!(digits.len(), 2 | 4 | 6 | 10));

        let province = number(&digits[0..2]);
        if !(11..=99).contains(&province) {
            return Err(IdError::ProvinceCode {
                kind,
                code: province,
            });
        }
        if let Some(group) = digits.get(2..4) {
            let code = number(group);
            // 70 separates regencies (01–69) from cities (71–99) and is never issued.
            if code == 0 || code == 70 {
                return Err(IdError::RegencyOrCityCode { kind, code });
            }
        }
        if let Some(group) = digits.get(4..6) {
            let code = number(group);
            if code == 0 {
                return Err(IdError::DistrictCode { kind, code });
            }
        }
        if let Some(group) = digits.get(6..10) {
            // Leading 1 marks a kelurahan (urban village), 2 a desa (rural village).
            if !matches!(group[0], b'1' | b'2') || &group[1..] == b"000" {
                return Err(IdError::VillageCode {
                    code: text(group).to_owned(),
                });
            }
        }

        let mut code = RegionCode {
            text: [0; MAX_TEXT],
            len: 0,
        };
        let mut rest = digits;
        for width in GROUP_WIDTHS {
            if rest.is_empty() {
                break;
            }
            if code.len > 0 {
                code.push(b'.');
            }
            let (group, tail) = rest.split_at(width);
            for &digit in group {
                code.push(digit);
            }
            rest = tail;
        }
        Ok(code)
    }

    fn push(&mut self, byte: u8) {
        self.text[usize::from(self.len)] = byte;
        self.len += 1;
    }

    /// The first `len` bytes of the dotted text, which is always a valid ancestor code when
    /// `len` ends a group.
    fn truncated(&self, len: u8) -> RegionCode {
        let mut text = [0; MAX_TEXT];
        text[..usize::from(len)].copy_from_slice(&self.text[..usize::from(len)]);
        RegionCode { text, len }
    }

    /// The dotted canonical form, e.g. `33.74.05.1001`.
    pub fn as_str(&self) -> &str {
        text(&self.text[..usize::from(self.len)])
    }

    /// The bare digits, e.g. `3374051001`, as used in NIKs and some data sets.
    pub fn digits(&self) -> String {
        self.as_str().chars().filter(|&c| c != '.').collect()
    }

    pub fn level(&self) -> RegionLevel {
        match self.len {
            2 => RegionLevel::Province,
            5 => RegionLevel::RegencyOrCity,
            8 => RegionLevel::District,
            _ => RegionLevel::Village,
        }
    }

    /// The province this code lies in (itself, for a province).
    pub fn province(&self) -> RegionCode {
        self.truncated(2)
    }

    /// The code one level up, or `None` for a province.
    pub fn parent(&self) -> Option<RegionCode> {
        match self.level() {
            RegionLevel::Province => None,
            RegionLevel::RegencyOrCity => Some(self.truncated(2)),
            RegionLevel::District => Some(self.truncated(5)),
            RegionLevel::Village => Some(self.truncated(8)),
        }
    }

    /// Whether the area is in a kota (city) rather than a kabupaten (regency); `None` for a
    /// province, which contains both.
    pub fn is_city(&self) -> Option<bool> {
        (self.level() != RegionLevel::Province).then(|| number(&self.text[3..5]) >= 71)
    }

    /// Whether `other` is this region or lies inside it.
    pub fn contains(&self, other: &RegionCode) -> bool {
        // Groups have fixed widths, so a textual prefix is always a whole ancestor.
        other.as_str().starts_with(self.as_str())
    }
}

impl FromStr for RegionCode {
    type Err = IdError;

    fn from_str(input: &str) -> Result<Self, IdError> {
        if let Some((index, found)) = input
            .chars()
            .enumerate()
            .find(|&(_, c)| !c.is_ascii_digit() && c != '.')
        {
            return Err(IdError::InvalidCharacter {
                kind: IdKind::RegionCode,
                found,
                position: index + 1,
            });
        }

        if input.contains('.') {
            let groups: Vec<&str> = input.split('.').collect();
            let well_grouped = groups.len() <= GROUP_WIDTHS.len()
                && groups
                    .iter()
                    .zip(GROUP_WIDTHS)
                    .all(|(group, width)| group.len() == width);
            if !well_grouped {
                return Err(IdError::RegionGrouping {
                    input: input.to_owned(),
                });
            }
            let digits: Vec<u8> = groups.concat().into_bytes();
            return RegionCode::from_digits(IdKind::RegionCode, &digits);
        }

        if !matches!(input.len(), 2 | 4 | 6 | 10) {
            return Err(IdError::RegionLength { got: input.len() });
        }
        RegionCode::from_digits(IdKind::RegionCode, input.as_bytes())
    }
}

// Debug shows the text, not the byte array it is stored as.
impl fmt::Debug for RegionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("RegionCode").field(&self.as_str()).finish()
    }
}

text_conversions!(RegionCode);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse(text: &str) -> Result<RegionCode, IdError> {
        text.parse()
    }

    #[test]
    fn parses_every_level_dotted_and_bare() {
        for (dotted, bare, level) in [
            ("33", "33", RegionLevel::Province),
            ("33.74", "3374", RegionLevel::RegencyOrCity),
            ("33.74.05", "337405", RegionLevel::District),
            ("33.74.05.1001", "3374051001", RegionLevel::Village),
        ] {
            let from_dotted = parse(dotted).unwrap();
            let from_bare = parse(bare).unwrap();
            assert_eq!(from_dotted, from_bare);
            assert_eq!(from_dotted.as_str(), dotted);
            assert_eq!(from_dotted.to_string(), dotted);
            assert_eq!(from_dotted.digits(), bare);
            assert_eq!(from_dotted.level(), level);
        }
    }

    #[test]
    fn navigates_up_the_hierarchy() {
        let village = parse("33.74.05.2003").unwrap();
        let district = village.parent().unwrap();
        assert_eq!(district.as_str(), "33.74.05");
        let city = district.parent().unwrap();
        assert_eq!(city.as_str(), "33.74");
        let province = city.parent().unwrap();
        assert_eq!(province.as_str(), "33");
        assert_eq!(province.parent(), None);
        assert_eq!(village.province(), province);
        assert_eq!(province.province(), province);

        assert!(province.contains(&village));
        assert!(city.contains(&city));
        assert!(!village.contains(&city));
        assert!(!parse("33.75").unwrap().contains(&village));
        assert!(province < city && city < district && district < village);
    }

    #[test]
    fn tells_cities_from_regencies() {
        assert_eq!(parse("33").unwrap().is_city(), None);
        assert_eq!(parse("33.74").unwrap().is_city(), Some(true));
        assert_eq!(parse("33.01.01").unwrap().is_city(), Some(false));
        assert_eq!(parse("33.69.01.2001").unwrap().is_city(), Some(false));
        assert_eq!(parse("33.71.01.1001").unwrap().is_city(), Some(true));
    }

    #[test]
    fn rejects_bad_parts() {
        assert_eq!(
            parse("10"),
            Err(IdError::ProvinceCode {
                kind: IdKind::RegionCode,
                code: 10
            })
        );
        assert_eq!(
            parse("33.00").unwrap_err().to_string(),
            "region code has regency/city code 00, which must be 01–69 (regency) or 71–99 (city)"
        );
        assert!(parse("33.70").is_err());
        assert_eq!(
            parse("33.74.00"),
            Err(IdError::DistrictCode {
                kind: IdKind::RegionCode,
                code: 0
            })
        );
        for village in ["0001", "3001", "9001", "1000", "2000"] {
            assert_eq!(
                parse(&format!("33.74.05.{village}")),
                Err(IdError::VillageCode {
                    code: village.to_owned()
                })
            );
        }
    }

    #[test]
    fn rejects_bad_shapes() {
        assert_eq!(parse(""), Err(IdError::RegionLength { got: 0 }));
        assert_eq!(parse("337"), Err(IdError::RegionLength { got: 3 }));
        assert_eq!(parse("33740510"), Err(IdError::RegionLength { got: 8 }));
        for text in [
            "33.",
            ".33",
            "33..74",
            "3.374",
            "3374.05",
            "33.74.05.100",
            "33.74.05.1001.1",
        ] {
            assert_eq!(
                parse(text),
                Err(IdError::RegionGrouping {
                    input: text.to_owned()
                }),
                "{text}"
            );
        }
        assert!(matches!(
            parse(" 33.74"),
            Err(IdError::InvalidCharacter {
                found: ' ',
                position: 1,
                ..
            })
        ));
        assert!(parse("33-74").is_err());
    }

    /// Valid codes as bare digits, at any level.
    fn valid_digits() -> impl Strategy<Value = String> {
        (
            11..=99u16,
            prop_oneof![1..=69u16, 71..=99u16],
            1..=99u16,
            1..=2u16,
            1..=999u16,
            1..=4usize,
        )
            .prop_map(|(province, regency, district, kind, village, depth)| {
                let full = format!("{province:02}{regency:02}{district:02}{kind}{village:03}");
                full[..[2, 4, 6, 10][depth - 1]].to_owned()
            })
    }

    fn dotted(digits: &str) -> String {
        let mut out = String::new();
        let mut rest = digits;
        for width in GROUP_WIDTHS {
            if rest.is_empty() {
                break;
            }
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&rest[..width]);
            rest = &rest[width..];
        }
        out
    }

    proptest! {
        #[test]
        fn valid_codes_round_trip(digits in valid_digits()) {
            let code = parse(&digits).unwrap();
            prop_assert_eq!(code.to_string(), dotted(&digits));
            prop_assert_eq!(code.digits(), digits.clone());
            prop_assert_eq!(parse(&code.to_string()).unwrap(), code);
        }

        #[test]
        fn parents_are_valid_prefixes(digits in valid_digits()) {
            let code = parse(&digits).unwrap();
            if let Some(parent) = code.parent() {
                prop_assert!(parent.level() < code.level());
                prop_assert!(parent.contains(&code));
                prop_assert!(parent < code);
                prop_assert_eq!(parse(parent.as_str()).unwrap(), parent);
                prop_assert_eq!(parent.is_city().is_some(), parent.level() != RegionLevel::Province);
            } else {
                prop_assert_eq!(code.level(), RegionLevel::Province);
            }
        }

        #[test]
        fn a_non_digit_anywhere_is_rejected(
            digits in valid_digits(),
            index in 0..10usize,
            replacement in any::<char>().prop_filter("not a digit or dot", |c| !c.is_ascii_digit() && *c != '.'),
        ) {
            for text in [digits.clone(), dotted(&digits)] {
                let mut chars: Vec<char> = text.chars().collect();
                let index = index % chars.len();
                chars[index] = replacement;
                let broken: String = chars.into_iter().collect();
                prop_assert_eq!(
                    parse(&broken),
                    Err(IdError::InvalidCharacter { kind: IdKind::RegionCode, found: replacement, position: index + 1 })
                );
            }
        }

        #[test]
        fn wrong_lengths_are_rejected(digits in "[0-9]{0,20}") {
            prop_assume!(![2, 4, 6, 10].contains(&digits.len()));
            prop_assert_eq!(parse(&digits), Err(IdError::RegionLength { got: digits.len() }));
        }
    }
}
