//! Values as roster exports write them: dates in three formats, sex in three vocabularies,
//! agency names with or without abbreviations.

use chrono::NaiveDate;

use crate::ids::Sex;

/// Reads a birth date written `YYYY-MM-DD`, `DD-MM-YYYY` or `DD/MM/YYYY`, the formats seen in
/// SIASN exports and the spreadsheets made from them, or `YYYYMMDD` (how a NIP begins, and how
/// the FEBRL benchmark writes dates). A time after the date (`2000-01-31 00:00:00`, as
/// spreadsheets add) is ignored.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    // By position rather than with chrono's format parser: this runs once per row of files
    // with millions of rows, and the layouts differ only in where the year is.
    let date = text
        .trim()
        .split([' ', 'T'])
        .next()
        .unwrap_or_default()
        .as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        date[range].iter().try_fold(0, |acc, &b| {
            b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
        })
    };
    if date.len() == 8 {
        let year = i32::try_from(number(0..4)?).ok()?;
        return NaiveDate::from_ymd_opt(year, number(4..6)?, number(6..8)?);
    }
    if date.len() != 10 {
        return None;
    }
    let (year, month, day) = match (date[2], date[4], date[5], date[7]) {
        (_, b'-', _, b'-') => (number(0..4)?, number(5..7)?, number(8..10)?),
        (b'-', _, b'-', _) if date[2] == date[5] => (number(6..10)?, number(3..5)?, number(0..2)?),
        (b'/', _, b'/', _) => (number(6..10)?, number(3..5)?, number(0..2)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// Reads `L`/`P` (*laki-laki*/*perempuan*), the words themselves, `M`/`F`, *pria*/*wanita*,
/// or `1`/`2` (the NIP's sex digit), in any case. Compared in place: this runs once per row of
/// files with millions of rows.
pub fn parse_sex(text: &str) -> Option<Sex> {
    const MALE: &[&str] = &[
        "l",
        "laki-laki",
        "laki laki",
        "lakilaki",
        "m",
        "male",
        "pria",
        "1",
    ];
    const FEMALE: &[&str] = &["p", "perempuan", "f", "female", "wanita", "2"];
    let text = text.trim();
    let among = |forms: &[&str]| forms.iter().any(|form| text.eq_ignore_ascii_case(form));
    if among(MALE) {
        Some(Sex::Male)
    } else if among(FEMALE) {
        Some(Sex::Female)
    } else {
        None
    }
}

/// An agency name reduced to what identifies it: lowercase words without punctuation, and the
/// abbreviations rosters use spelled out, so that "PEMERINTAH KAB. KARAWANG" finds "Pemerintah
/// Kabupaten Karawang". Two agencies whose keys are equal are the same agency.
pub fn agency_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let mut key = String::with_capacity(lower.len());
    for word in lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let spelled = match word {
            "kab" => "kabupaten",
            "prov" | "propinsi" => "provinsi",
            "pemkab" => "pemerintah kabupaten",
            "pemkot" => "pemerintah kota",
            "pemprov" => "pemerintah provinsi",
            "kemen" => "kementerian",
            other => other,
        };
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(spelled);
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_three_date_formats() {
        let expected = NaiveDate::from_ymd_opt(1985, 3, 12);
        for text in [
            "1985-03-12",
            "12-03-1985",
            "12/03/1985",
            "1985-03-12 00:00:00",
            "19850312",
        ] {
            assert_eq!(parse_date(text), expected, "{text}");
        }
        for bad in [
            "",
            "1985-02-30",
            "03/12/85",
            "12.03.1985",
            "85-03-12",
            "1985312",
            "19850230",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn reads_sex_in_every_vocabulary() {
        for text in [
            "L",
            "l",
            "Laki-laki",
            "LAKI-LAKI",
            "M",
            "Pria",
            "1",
            " lakilaki ",
        ] {
            assert_eq!(parse_sex(text), Some(Sex::Male), "{text}");
        }
        for text in ["P", "Perempuan", "F", "wanita", "2"] {
            assert_eq!(parse_sex(text), Some(Sex::Female), "{text}");
        }
        assert_eq!(parse_sex("X"), None);
        assert_eq!(parse_sex("3"), None);
    }

    #[test]
    fn agency_keys_ignore_case_punctuation_and_abbreviations() {
        assert_eq!(
            agency_key("PEMERINTAH KAB. KARAWANG"),
            agency_key("Pemerintah Kabupaten  Karawang")
        );
        assert_eq!(
            agency_key("Pemprov Jawa Barat"),
            "pemerintah provinsi jawa barat"
        );
        assert_eq!(agency_key("Kementerian Keuangan"), "kementerian keuangan");
        assert_ne!(
            agency_key("Pemerintah Kota Bandung"),
            agency_key("Pemerintah Kab. Bandung")
        );
    }
}
