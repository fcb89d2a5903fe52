//! Personal names with their titles separated out.

use std::str::FromStr;

use super::IdError;

mod titles;

/// Longer than any real name with all its titles; the limit exists to bound storage and to
/// catch pasted paragraphs.
const MAX_CHARS: usize = 200;

/// A person's name as written, split into front titles, the name itself and back titles.
///
/// Indonesian names are often written with titles on both sides, e.g.
/// "Dr. Ir. H. Joko Susilo, M.T.": front titles `Dr.`, `Ir.`, `H.`; name `Joko Susilo`; back
/// title `M.T.`. Many people have a single name ("Sukarno"), so no surname is assumed.
///
/// How the text is split:
/// - Front titles are taken from the start while words begin with a title from a fixed table,
///   also when glued together or to the name ("Ir.Hj. Siti", "H.Muhammad").
/// - Everything after the first comma is back titles, one per comma-separated piece.
/// - Without a comma, trailing words that are known back titles ("S.Pd.") are back titles too,
///   but the last remaining name word is never taken.
/// - Single-letter abbreviations are initials, not titles ("M. Yusuf" keeps `M.`), except `H.`
///   (Haji) and `R.` (Raden), which are conventionally titles.
///
/// Titles keep their spelling as written. The text as written is kept with surrounding
/// whitespace removed; it is what `Display` and serde produce, and parsing it again gives the
/// same parts. Control characters (tabs, newlines) inside the name are rejected, as are names
/// over 200 characters and names that are empty or consist only of titles.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PersonName {
    written: String,
    front_titles: Vec<String>,
    given_name: String,
    back_titles: Vec<String>,
}

impl PersonName {
    /// The name as written, surrounding whitespace removed.
    pub fn as_written(&self) -> &str {
        &self.written
    }

    /// Same as [`PersonName::as_written`], for uniformity with the identifiers.
    pub fn as_str(&self) -> &str {
        &self.written
    }

    pub fn front_titles(&self) -> &[String] {
        &self.front_titles
    }

    pub fn back_titles(&self) -> &[String] {
        &self.back_titles
    }

    /// The name without titles, in its original case, with runs of whitespace collapsed to
    /// single spaces.
    pub fn given_name(&self) -> &str {
        &self.given_name
    }
}

impl FromStr for PersonName {
    type Err = IdError;

    fn from_str(input: &str) -> Result<Self, IdError> {
        let written = input.trim();
        let leading = input.chars().count() - input.trim_start().chars().count();
        if let Some(index) = written.chars().position(char::is_control) {
            return Err(IdError::NameControlCharacter {
                position: leading + index + 1,
            });
        }
        let chars = written.chars().count();
        if chars > MAX_CHARS {
            return Err(IdError::NameTooLong {
                chars,
                max: MAX_CHARS,
            });
        }

        let (head, tail) = written.split_once(',').unwrap_or((written, ""));
        let mut back_titles: Vec<String> = tail
            .split(',')
            .map(collapse_whitespace)
            .filter(|title| !title.is_empty())
            .collect();

        let (front_titles, mut words) = split_front_titles(head);

        let mut trailing = Vec::new();
        while words.len() > 1 && words.last().is_some_and(|word| titles::is_back(word)) {
            trailing.extend(words.pop().map(str::to_owned));
        }
        trailing.reverse();
        back_titles.splice(0..0, trailing);

        if words.is_empty() {
            return Err(if front_titles.is_empty() && back_titles.is_empty() {
                IdError::NameEmpty
            } else {
                IdError::NameOnlyTitles
            });
        }

        Ok(PersonName {
            written: written.to_owned(),
            front_titles,
            given_name: words.join(" "),
            back_titles,
        })
    }
}

/// Peels titles off the start of `head`, returning them and the remaining name words.
fn split_front_titles(head: &str) -> (Vec<String>, Vec<&str>) {
    let mut front_titles = Vec::new();
    let mut words = head.split_whitespace().peekable();
    let mut name_words = Vec::new();
    while let Some(&word) = words.peek() {
        let mut rest = word;
        while let Some(len) = titles::front_prefix(rest) {
            front_titles.push(rest[..len].to_owned());
            rest = &rest[len..];
        }
        words.next();
        if !rest.is_empty() {
            // The first word that is not entirely titles starts the name.
            name_words.push(rest);
            break;
        }
    }
    name_words.extend(words);
    (front_titles, name_words)
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

text_conversions!(PersonName);

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    fn parse(text: &str) -> Result<PersonName, IdError> {
        text.parse()
    }

    #[test]
    fn splits_real_looking_names() {
        #[rustfmt::skip]
        let cases: &[(&str, &[&str], &str, &[&str])] = &[
            ("Sukarno", &[], "Sukarno", &[]),
            ("Budi Santoso, S.H., M.H.", &[], "Budi Santoso", &["S.H.", "M.H."]),
            ("Dr. Ir. H. Joko Susilo, M.T.", &["Dr.", "Ir.", "H."], "Joko Susilo", &["M.T."]),
            ("Dr.Ir. H. Joko Susilo", &["Dr.", "Ir.", "H."], "Joko Susilo", &[]),
            ("Ir.Hj. Siti Aminah", &["Ir.", "Hj."], "Siti Aminah", &[]),
            ("H.Muhammad Yusuf", &["H."], "Muhammad Yusuf", &[]),
            ("M. Yusuf", &[], "M. Yusuf", &[]),
            ("H. M. Yusuf Kalla", &["H."], "M. Yusuf Kalla", &[]),
            ("R. Soedjono", &["R."], "Soedjono", &[]),
            ("R.A. Kartini", &["R.A."], "Kartini", &[]),
            ("dr. Ayu Lestari, Sp.A.", &["dr."], "Ayu Lestari", &["Sp.A."]),
            ("Prof. Dr. Bambang Sutrisno, M.Sc., Ph.D.", &["Prof.", "Dr."], "Bambang Sutrisno", &["M.Sc.", "Ph.D."]),
            ("Drs. H. Ahmad Fauzi, M.Pd.", &["Drs.", "H."], "Ahmad Fauzi", &["M.Pd."]),
            ("Dra. Hj. Nur Aini, M.M.", &["Dra.", "Hj."], "Nur Aini", &["M.M."]),
            ("KH. Ma'ruf Amin", &["KH."], "Ma'ruf Amin", &[]),
            ("K.H. Abdurrahman Wahid", &["K.H."], "Abdurrahman Wahid", &[]),
            ("drg. Rina Kusuma Dewi", &["drg."], "Rina Kusuma Dewi", &[]),
            ("Siti Rahma S.Pd.", &[], "Siti Rahma", &["S.Pd."]),
            ("Andi Wijaya S.T. M.Eng.", &[], "Andi Wijaya", &["S.T.", "M.Eng."]),
            ("  Agus   Salim ,  S.Kom. ", &[], "Agus Salim", &["S.Kom."]),
            ("Dewi Sartika, A.Md.Keb.", &[], "Dewi Sartika", &["A.Md.Keb."]),
            ("Rahmawati, S.Kep., Ns.", &[], "Rahmawati", &["S.Kep.", "Ns."]),
            ("Abdul Somad, Lc., M.A.", &[], "Abdul Somad", &["Lc.", "M.A."]),
            ("Hj.Ratna Sari, S.E.,M.M.", &["Hj."], "Ratna Sari", &["S.E.", "M.M."]),
            ("Dr. (H.C.) Ir. Aburizal Bakrie", &["Dr.", "(H.C.)", "Ir."], "Aburizal Bakrie", &[]),
            ("DRS. I Gusti Ngurah Rai", &["DRS."], "I Gusti Ngurah Rai", &[]),
            ("Muhammad Hatta MBA", &[], "Muhammad Hatta", &["MBA"]),
            ("Budi Santoso S.H, M.H.", &[], "Budi Santoso", &["S.H", "M.H."]),
            ("Lc.", &[], "Lc.", &[]),
        ];
        for &(written, front, given, back) in cases {
            let name = parse(written).unwrap_or_else(|e| panic!("{written:?}: {e}"));
            assert_eq!(name.as_written(), written.trim(), "{written:?}");
            assert_eq!(name.front_titles(), front, "{written:?}");
            assert_eq!(name.given_name(), given, "{written:?}");
            assert_eq!(name.back_titles(), back, "{written:?}");
            assert_eq!(parse(&name.to_string()).unwrap(), name, "{written:?}");
        }
    }

    #[test]
    fn rejects_empty_and_title_only_names() {
        assert_eq!(parse(""), Err(IdError::NameEmpty));
        assert_eq!(parse("   "), Err(IdError::NameEmpty));
        assert_eq!(parse(","), Err(IdError::NameEmpty));
        assert_eq!(parse("Dr."), Err(IdError::NameOnlyTitles));
        assert_eq!(parse("Dr.Ir.H."), Err(IdError::NameOnlyTitles));
        assert_eq!(parse("Prof. Dr., M.Si."), Err(IdError::NameOnlyTitles));
        assert_eq!(parse(", S.H."), Err(IdError::NameOnlyTitles));
    }

    #[test]
    fn rejects_control_characters_and_overlong_names() {
        assert_eq!(
            parse("Siti\tAminah"),
            Err(IdError::NameControlCharacter { position: 5 })
        );
        assert_eq!(
            parse("  Siti\u{0}"),
            Err(IdError::NameControlCharacter { position: 7 })
        );
        assert!(
            parse("Siti Aminah\n").is_ok(),
            "surrounding whitespace is trimmed"
        );

        let long = "a".repeat(201);
        assert_eq!(
            parse(&long),
            Err(IdError::NameTooLong {
                chars: 201,
                max: 200
            })
        );
        assert!(
            parse(&"é".repeat(200)).is_ok(),
            "the limit counts characters"
        );
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Record {
        name: PersonName,
    }

    #[test]
    fn serde_uses_the_written_string_and_the_parser() {
        let record = Record {
            name: parse("Dr. Ir. H. Joko Susilo, M.T.").unwrap(),
        };
        let written = toml::to_string(&record).unwrap();
        assert_eq!(written.trim(), r#"name = "Dr. Ir. H. Joko Susilo, M.T.""#);
        assert_eq!(toml::from_str::<Record>(&written).unwrap(), record);
        assert!(toml::from_str::<Record>(r#"name = "Dr.""#).is_err());
    }
}
