//! Which column of a file holds which roster field: SIASN's own headers are found without help
//! (ignoring case, spaces and punctuation); other exports bring a mapping file.

use std::path::Path;

use netral_domain::roster::{Field, header_key};

/// A mapping file's content: for some fields, the header of the column that holds them.
///
/// The file is TOML, one line per field, the key being the field's name in Netral or in SIASN
/// and the value the file's header:
///
/// ```toml
/// nip = "NIP BARU"
/// name = "NAMA LENGKAP"
/// instansiIndukNama = "INSTANSI"
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    columns: Vec<(Field, String)>,
}

impl Mapping {
    pub fn parse(text: &str) -> Result<Mapping, String> {
        let table: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut columns: Vec<(Field, String)> = Vec::new();
        for (key, value) in table {
            let field = Field::ALL
                .into_iter()
                .find(|f| {
                    header_key(f.key()) == header_key(&key)
                        || header_key(f.siasn_name()) == header_key(&key)
                })
                .ok_or_else(|| {
                    let known: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
                    format!(
                        "unknown field `{key}`; the fields are {} (or their SIASN names)",
                        known.join(", ")
                    )
                })?;
            let header = value
                .as_str()
                .ok_or_else(|| format!("`{key}` must be the column's header, in quotes"))?;
            if columns.iter().any(|(f, _)| *f == field) {
                return Err(format!("field `{}` is mapped twice", field.key()));
            }
            columns.push((field, header.to_owned()));
        }
        Ok(Mapping { columns })
    }

    /// Reads a mapping file; errors name the file.
    pub fn load(path: &Path) -> Result<Mapping, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read mapping file {}: {e}", path.display()))?;
        Mapping::parse(&text).map_err(|e| format!("mapping file {}: {e}", path.display()))
    }

    fn header_for(&self, field: Field) -> Option<&str> {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, h)| h.as_str())
    }
}

/// Where each field is in a file's rows, and how the file calls it.
#[derive(Debug, Clone)]
pub(super) struct Columns {
    /// (cell index, field) for every field the file has.
    pub cells: Vec<(usize, Field)>,
    /// The header text of each field's column, as the report names it.
    labels: [Option<String>; Field::COUNT],
    /// How many cells the header has: every row must have as many.
    pub width: usize,
}

impl Columns {
    /// Matches a header row against the fields; fails naming what is missing or ambiguous.
    pub fn resolve(header: &[String], mapping: Option<&Mapping>) -> Result<Columns, String> {
        let keys: Vec<String> = header.iter().map(|h| header_key(h)).collect();
        let mut cells: Vec<(usize, Field)> = Vec::new();
        for field in Field::ALL {
            let found: Vec<usize> = match mapping.and_then(|m| m.header_for(field)) {
                Some(wanted) => {
                    let found = positions(&keys, |k| *k == header_key(wanted));
                    if found.is_empty() {
                        return Err(format!(
                            "the mapping puts {} in column \"{wanted}\", which the file does not have; its columns are: {}",
                            field.key(),
                            header.join(", ")
                        ));
                    }
                    found
                }
                None => positions(&keys, |k| {
                    Field::from_header(k) == Some(field)
                        // A column the mapping gave to another field is not this one's.
                        && mapping.is_none_or(|m| {
                            !m.columns.iter().any(|(_, h)| header_key(h) == *k)
                        })
                }),
            };
            match found.as_slice() {
                [] => {}
                [index] => cells.push((*index, field)),
                [first, second, ..] => {
                    return Err(format!(
                        "columns {} (\"{}\") and {} (\"{}\") both hold {}; map one with a mapping file",
                        first + 1,
                        header[*first],
                        second + 1,
                        header[*second],
                        field.siasn_name()
                    ));
                }
            }
        }
        let missing: Vec<&str> = Field::ALL
            .into_iter()
            .filter(|f| f.required() && !cells.iter().any(|(_, c)| c == f))
            .map(Field::siasn_name)
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "the file has no column for {}; its columns are: {}. Name them as SIASN does, or give a mapping file",
                missing.join(", "),
                header.join(", ")
            ));
        }
        let mut labels: [Option<String>; Field::COUNT] = Default::default();
        for (index, field) in &cells {
            labels[field.index()] = Some(header[*index].clone());
        }
        Ok(Columns {
            cells,
            labels,
            width: header.len(),
        })
    }

    /// The file's own name for a field's column.
    pub fn label(&self, field: Field) -> &str {
        self.labels[field.index()]
            .as_deref()
            .unwrap_or_else(|| field.siasn_name())
    }
}

fn positions(keys: &[String], matches: impl Fn(&String) -> bool) -> Vec<usize> {
    keys.iter()
        .enumerate()
        .filter(|(_, k)| matches(k))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn siasn_headers_resolve_in_any_case() {
        let columns = Columns::resolve(
            &header(&["NIP BARU", "nama", "Instansi Induk Nama", "alamat"]),
            None,
        )
        .unwrap();
        assert_eq!(
            columns.cells,
            [(0, Field::Nip), (1, Field::Name), (2, Field::Agency)]
        );
        assert_eq!(columns.label(Field::Nip), "NIP BARU");
        assert_eq!(columns.width, 4);
    }

    #[test]
    fn a_mapping_names_other_headers() {
        let mapping = Mapping::parse(
            "nip = \"Nomor Pegawai\"\nnama = \"Nama Lengkap\"\nagency = \"Instansi\"",
        )
        .unwrap();
        let columns = Columns::resolve(
            &header(&["Nomor Pegawai", "Nama Lengkap", "Instansi"]),
            Some(&mapping),
        )
        .unwrap();
        assert_eq!(columns.label(Field::Name), "Nama Lengkap");
        assert_eq!(columns.cells.len(), 3);
    }

    #[test]
    fn problems_are_named() {
        let err = Columns::resolve(&header(&["nipBaru", "nama"]), None).unwrap_err();
        assert!(err.contains("no column for instansiIndukNama"), "{err}");
        let err = Columns::resolve(
            &header(&["nip", "nipBaru", "nama", "instansiIndukNama"]),
            None,
        )
        .unwrap_err();
        assert!(err.contains("both hold nipBaru"), "{err}");
        assert!(
            Mapping::parse("nomor = \"NIP\"")
                .unwrap_err()
                .contains("unknown field `nomor`")
        );
        assert!(Mapping::parse("nip = 3").unwrap_err().contains("in quotes"));
        let mapping = Mapping::parse("nip = \"Nomor\"").unwrap();
        let err = Columns::resolve(
            &header(&["nipBaru", "nama", "instansiIndukNama"]),
            Some(&mapping),
        )
        .unwrap_err();
        assert!(err.contains("column \"Nomor\""), "{err}");
    }
}
