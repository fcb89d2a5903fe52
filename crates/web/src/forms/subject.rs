//! The one "NIP or NIK" field of the report form: which of the two a number is, and what is
//! wrong with it in words a reporter can act on ("NIP harus 18 angka, baru 17").

use netral_domain::ids::{IdError, IdKind, Nik, Nip};

use super::errors::Problem;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SubjectNumber {
    Nip(Nip),
    Nik(Nik),
}

/// `None` when the field is empty. 16 digits are read as a NIK and 18 as a NIP; other lengths
/// are measured against the nearer of the two, so 17 digits is "a NIP one digit short" (NIPs
/// are what reporters usually copy from staff lists and letters).
pub(crate) fn parse_subject_number(text: &str) -> Result<Option<SubjectNumber>, IdError> {
    // Pasted numbers bring tabs and non-breaking spaces; they separate digit groups just as
    // ordinary spaces do, which the identifiers accept.
    let text: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if text.trim().is_empty() {
        return Ok(None);
    }
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if digits <= 16 {
        text.parse().map(|nik| Some(SubjectNumber::Nik(nik)))
    } else {
        text.parse().map(|nip| Some(SubjectNumber::Nip(nip)))
    }
}

/// What is wrong with the number, for the field `field`.
pub(crate) fn number_problem(field: &'static str, error: &IdError) -> Problem {
    let kind = |kind: &IdKind| match kind {
        IdKind::Nip => "NIP",
        IdKind::Nik => "NIK",
        IdKind::RegionCode => "NIK",
    };
    let problem = |key| Problem::new(field, key);
    match error {
        IdError::WrongLength {
            kind: IdKind::Nik,
            got,
            ..
        } if *got < 16 => problem("number-too-short-any").arg("got", *got),
        IdError::WrongLength {
            kind: k,
            expected,
            got,
        } => {
            let key = if got < expected {
                "number-too-short"
            } else {
                "number-too-long"
            };
            problem(key)
                .arg("kind", kind(k))
                .arg("expected", *expected)
                .arg("got", *got)
        }
        IdError::InvalidCharacter {
            found, position, ..
        } => problem("number-character")
            .arg("found", found.to_string())
            .arg("position", *position),
        IdError::ZeroSerial { kind: k } => problem("number-zero-serial").arg("kind", kind(k)),
        IdError::ProvinceCode { .. }
        | IdError::RegencyOrCityCode { .. }
        | IdError::DistrictCode { .. } => problem("number-nik-region"),
        IdError::NikBirthDay { .. }
        | IdError::NikBirthMonth { .. }
        | IdError::NikBirthDate { .. } => problem("number-nik-birth"),
        IdError::NipBirthDate { digits } => {
            problem("number-nip-birth").arg("digits", digits.clone())
        }
        IdError::NipBirthYear { year, .. } => {
            problem("number-nip-birth-year").arg("year", year.to_string())
        }
        IdError::NipAppointmentMonth { .. } | IdError::NipAppointmentYear { .. } => {
            problem("number-nip-appointment")
        }
        IdError::NipSexDigit { digit } => problem("number-nip-sex").arg("digit", digit.to_string()),
        // Region codes and names are not typed into this field; a generic word covers them.
        IdError::RegionLength { .. }
        | IdError::RegionGrouping { .. }
        | IdError::VillageCode { .. }
        | IdError::NameEmpty
        | IdError::NameOnlyTitles
        | IdError::NameTooLong { .. }
        | IdError::NameControlCharacter { .. } => problem("number-invalid"),
    }
}

/// "Name — position, agency" from the three fields a reporter fills in when they do not know
/// the number; empty parts are left out. Empty when no name was given: a description without
/// a name cannot be matched to anyone.
pub(crate) fn describe_subject(name: &str, position: &str, agency: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        return String::new();
    }
    let role: Vec<&str> = [position.trim(), agency.trim()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect();
    if role.is_empty() {
        name.to_owned()
    } else {
        format!("{name} — {}", role.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_length_says_which_number_it_is() {
        assert!(matches!(
            parse_subject_number("19850312 201001 1 003"),
            Ok(Some(SubjectNumber::Nip(_)))
        ));
        assert!(matches!(
            parse_subject_number("3374055203850001"),
            Ok(Some(SubjectNumber::Nik(_)))
        ));
        assert_eq!(parse_subject_number("  "), Ok(None));
        assert!(matches!(
            parse_subject_number("3374\u{a0}0552\t03850001"),
            Ok(Some(SubjectNumber::Nik(_)))
        ));
    }

    #[test]
    fn a_wrong_length_is_measured_against_the_nearer_number() {
        let key = |text: &str| number_problem("n", &parse_subject_number(text).unwrap_err()).key;
        assert_eq!(key("19850312201001100"), "number-too-short");
        assert_eq!(key("1985031220100110031"), "number-too-long");
        assert_eq!(key("123"), "number-too-short-any");
        assert_eq!(key("1985-0312"), "number-character");
        let seventeen =
            number_problem("n", &parse_subject_number("19850312201001100").unwrap_err());
        assert_eq!(
            seventeen.args_for_test(),
            vec![
                ("kind", "NIP".to_owned()),
                ("expected", "18".to_owned()),
                ("got", "17".to_owned())
            ]
        );
    }

    #[test]
    fn descriptions_leave_out_what_is_missing() {
        assert_eq!(
            describe_subject(" Budi ", "Camat", "Pemkab Karawang"),
            "Budi — Camat, Pemkab Karawang"
        );
        assert_eq!(
            describe_subject("Budi", "", "Pemkab Karawang"),
            "Budi — Pemkab Karawang"
        );
        assert_eq!(describe_subject("Budi", "", ""), "Budi");
        assert_eq!(describe_subject("", "Camat", "Pemkab Karawang"), "");
    }
}
