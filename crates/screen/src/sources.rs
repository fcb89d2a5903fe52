//! The screening's inputs read from files instead of the database (benchmarks, one-off runs):
//! a KPU candidate list, a declared-accounts list and a roster, as CSV with their usual
//! headers (see `netral import candidates|accounts|roster`). Headers are compared ignoring
//! case and punctuation; only the columns screening needs are read.

use std::io::Read;

use crate::watchlist::CandidateEntry;

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{file}: line {line}: {message}")]
    Row {
        file: String,
        line: u64,
        message: String,
    },
    #[error("{file}: no column {wanted}")]
    MissingColumn { file: String, wanted: String },
    #[error("{file}: {message}")]
    Csv { file: String, message: String },
}

/// A declared account: platform, handle (or profile address) and owner's NIP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredRow {
    pub nip: String,
    pub platform: String,
    pub handle: String,
}

/// A roster person for name proposals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterRow {
    pub nip: String,
    pub name: String,
}

struct Table {
    file: String,
    headers: Vec<String>,
    reader: csv::Reader<Box<dyn Read>>,
}

fn key(header: &str) -> String {
    header
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase()
}

impl Table {
    fn open(file: &str, input: Box<dyn Read>) -> Result<Table, SourceError> {
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
        let headers = reader
            .headers()
            .map_err(|e| SourceError::Csv {
                file: file.to_owned(),
                message: e.to_string(),
            })?
            .iter()
            .map(|h| key(h.trim_start_matches('\u{feff}')))
            .collect();
        Ok(Table {
            file: file.to_owned(),
            headers,
            reader,
        })
    }

    /// The first column named by any of `names`.
    fn column(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.headers.iter().position(|h| *h == key(n)))
    }

    fn required(&self, names: &[&str]) -> Result<usize, SourceError> {
        self.column(names)
            .ok_or_else(|| SourceError::MissingColumn {
                file: self.file.clone(),
                wanted: names.join(" or "),
            })
    }

    fn rows(
        &mut self,
        mut each: impl FnMut(u64, &csv::StringRecord) -> Result<(), String>,
    ) -> Result<(), SourceError> {
        let mut record = csv::StringRecord::new();
        let mut line = 1;
        loop {
            let more = self
                .reader
                .read_record(&mut record)
                .map_err(|e| SourceError::Csv {
                    file: self.file.clone(),
                    message: e.to_string(),
                })?;
            if !more {
                return Ok(());
            }
            line += 1;
            each(line, &record).map_err(|message| SourceError::Row {
                file: self.file.clone(),
                line,
                message,
            })?;
        }
    }
}

fn number(text: &str, what: &str) -> Result<u32, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{what} {text:?} is not a number"))
}

/// A KPU list: `tingkat,dapil,nomorPartai,namaPartai,nomorUrut,namaLengkap,…`.
pub fn read_candidates(
    file: &str,
    input: Box<dyn Read>,
) -> Result<Vec<CandidateEntry>, SourceError> {
    let mut table = Table::open(file, input)?;
    let level = table.required(&["tingkat", "level"])?;
    let dapil = table.required(&["dapil"])?;
    let party_number = table.column(&["nomorPartai", "party_number"]);
    let party_name = table.column(&["namaPartai", "party_name"]);
    let number_col = table.required(&["nomorUrut", "number"])?;
    let name = table.required(&["namaLengkap", "name"])?;
    let mut out = Vec::new();
    table.rows(|_, r| {
        let get = |i: usize| r.get(i).unwrap_or("").trim();
        let optional = |i: Option<usize>| i.map(get).filter(|t| !t.is_empty());
        out.push(CandidateEntry {
            name: get(name).to_owned(),
            number: number(get(number_col), "nomorUrut")?,
            party_name: optional(party_name).map(str::to_owned),
            party_number: optional(party_number)
                .map(|t| number(t, "nomorPartai"))
                .transpose()?,
            level: get(level).to_owned(),
            dapil: get(dapil).to_owned(),
        });
        Ok(())
    })?;
    Ok(out)
}

/// Declared accounts: `nip,platform,handle,url,declared_on` (a handle or an url).
pub fn read_accounts(file: &str, input: Box<dyn Read>) -> Result<Vec<DeclaredRow>, SourceError> {
    let mut table = Table::open(file, input)?;
    let nip = table.required(&["nip"])?;
    let platform = table.required(&["platform"])?;
    let handle = table.column(&["handle"]);
    let url = table.column(&["url"]);
    let mut out = Vec::new();
    table.rows(|_, r| {
        let get = |i: Option<usize>| i.and_then(|i| r.get(i)).unwrap_or("").trim();
        let written = Some(get(handle))
            .filter(|h| !h.is_empty())
            .or(Some(get(url)).filter(|u| !u.is_empty()))
            .ok_or("neither a handle nor an url")?;
        out.push(DeclaredRow {
            nip: get(Some(nip)).to_owned(),
            platform: get(Some(platform)).to_owned(),
            handle: written.to_owned(),
        });
        Ok(())
    })?;
    Ok(out)
}

/// A roster: SIASN's `nipBaru,…,nama,…` or a plain `nip,name`.
pub fn read_roster(file: &str, input: Box<dyn Read>) -> Result<Vec<RosterRow>, SourceError> {
    let mut table = Table::open(file, input)?;
    let nip = table.required(&["nipBaru", "nip"])?;
    let name = table.required(&["nama", "name"])?;
    let mut out = Vec::new();
    table.rows(|_, r| {
        out.push(RosterRow {
            nip: r.get(nip).unwrap_or("").trim().to_owned(),
            name: r.get(name).unwrap_or("").trim().to_owned(),
        });
        Ok(())
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kpu_list_reads_with_its_headers() {
        let csv = "tingkat,dapil,nomorPartai,namaPartai,nomorUrut,namaLengkap,jenisKelamin\n\
                   kepala_daerah,KAB. KARAWANG,2,Partai Gerindra,2,\"Dr. Budi Santoso, S.H.\",L\n";
        let rows = read_candidates("c.csv", Box::new(csv.as_bytes())).unwrap();
        assert_eq!(rows[0].name, "Dr. Budi Santoso, S.H.");
        assert_eq!(rows[0].party_number, Some(2));
        let bad = "tingkat,dapil,nomorUrut,namaLengkap\ndpd,X,dua,Y\n";
        let e = read_candidates("c.csv", Box::new(bad.as_bytes())).unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.csv: line 2: nomorUrut \"dua\" is not a number"
        );
    }

    #[test]
    fn accounts_and_roster_read() {
        let csv = "nip,platform,handle,url\n1,ig,,https://instagram.com/budi\n";
        let rows = read_accounts("a.csv", Box::new(csv.as_bytes())).unwrap();
        assert_eq!(rows[0].handle, "https://instagram.com/budi");
        let csv = "nipBaru,nipLama,nama\n1990,,Budi\n";
        let rows = read_roster("r.csv", Box::new(csv.as_bytes())).unwrap();
        assert_eq!(rows[0].name, "Budi");
    }
}
