//! Which column of a file holds which field: a file with the source's own headers is read
//! without help (ignoring case, spaces and punctuation); other files bring a mapping file.

use std::path::Path;

use netral_domain::table::{FileField, header_key};

use super::Layout;

/// A mapping file's content: for some fields, the header of the column that holds them.
///
/// The file is TOML, one line per field, the key being the field's name in Netral or its
/// header in the source's files, and the value the file's header:
///
/// ```toml
/// nip = "NIP BARU"
/// name = "NAMA LENGKAP"
/// instansiIndukNama = "INSTANSI"
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping<F> {
    columns: Vec<(F, String)>,
}

impl<F> Default for Mapping<F> {
    fn default() -> Self {
        Mapping {
            columns: Vec::new(),
        }
    }
}

impl<F: FileField> Mapping<F> {
    pub fn parse(text: &str) -> Result<Mapping<F>, String> {
        let table: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut columns: Vec<(F, String)> = Vec::new();
        for (key, value) in table {
            let field = F::ALL
                .iter()
                .copied()
                .find(|f| {
                    header_key(f.key()) == header_key(&key)
                        || header_key(f.header()) == header_key(&key)
                })
                .ok_or_else(|| {
                    let known: Vec<&str> = F::ALL.iter().map(|f| f.key()).collect();
                    format!(
                        "unknown field `{key}`; the fields are {} (or their {} names)",
                        known.join(", "),
                        F::SOURCE
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
    pub fn load(path: &Path) -> Result<Mapping<F>, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read mapping file {}: {e}", path.display()))?;
        Mapping::parse(&text).map_err(|e| format!("mapping file {}: {e}", path.display()))
    }

    fn header_for(&self, field: F) -> Option<&str> {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, h)| h.as_str())
    }
}

/// Where each field is in a file's rows, and how the file calls it.
#[derive(Debug, Clone)]
pub(crate) struct Columns<F> {
    /// (cell index, field) for every field the file has.
    pub cells: Vec<(usize, F)>,
    /// The header text of each field's column, as the report names it.
    labels: Vec<Option<String>>,
    /// How many cells the header has: every row must have as many.
    pub width: usize,
}

impl<F: FileField> Columns<F> {
    /// Matches a header row against the fields; fails naming what is missing or ambiguous.
    pub fn resolve(header: &[String], mapping: Option<&Mapping<F>>) -> Result<Columns<F>, String> {
        let keys: Vec<String> = header.iter().map(|h| header_key(h)).collect();
        let mut cells: Vec<(usize, F)> = Vec::new();
        for &field in F::ALL {
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
                    F::from_header(k) == Some(field)
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
                        field.header()
                    ));
                }
            }
        }
        let missing: Vec<&str> = F::ALL
            .iter()
            .filter(|f| f.required() && !cells.iter().any(|(_, c)| c == *f))
            .map(|f| f.header())
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "the file has no column for {}; its columns are: {}. Name them as {} does, or give a mapping file",
                missing.join(", "),
                header.join(", "),
                F::SOURCE
            ));
        }
        let mut labels: Vec<Option<String>> = vec![None; F::ALL.len()];
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
    pub fn label(&self, field: F) -> &str {
        self.labels[field.index()]
            .as_deref()
            .unwrap_or_else(|| field.header())
    }

    /// What a source needs to fill rows: each column's slot is its field's index.
    pub fn layout(&self) -> Layout {
        Layout {
            cells: self.cells.iter().map(|(i, f)| (*i, f.index())).collect(),
            width: self.width,
        }
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
    use netral_domain::roster::Field;

    type Mapping = super::Mapping<Field>;
    type Columns = super::Columns<Field>;

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
