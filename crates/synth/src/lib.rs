//! Deterministic synthetic data for Netral: a believable Indonesian country whose files feed
//! the import, the link engine's tests and benchmarks, and the demonstration database.
//!
//! Everything follows from a seed and the sizes: the same ones give byte-identical files
//! (see [`rng`] for why the generator is written here). Rows are generated one at a time from
//! their own index, so a roster of six million rows is written as a stream, and any row can be
//! recomputed alone; that is how candidate lists and cases name real roster people.
//!
//! # Files (the output contract of `netral synth`)
//!
//! - `agencies.csv` — `code,name,kind,region_code,ppk_title`: every provincial, regency and city
//!   government of `data/regions` (code = region code without dots, e.g. `3215`) and about 80
//!   central agencies (code an acronym, e.g. `KEMENKEU`, empty region code). `kind` is
//!   `central`, `province`, `regency` or `city`; `ppk_title` the PPK (*Pejabat Pembina
//!   Kepegawaian*, employing authority): "Bupati Karawang", "Menteri Keuangan".
//! - `roster.csv` — SIASN's 19 columns (`nipBaru` … `golRuangAkhir`), accepted as is by
//!   `netral import roster`: unique NIPs (PNS) and NI PPPK numbers (a third of the rows)
//!   consistent with birth date, appointment and sex; NIKs consistent with the place of
//!   residence, birth date and sex; names by ethnic region with titles in `gelarDepan` and
//!   `gelarBelakang`; `instansiIndukNama` always a name from `agencies.csv`.
//! - `candidates.csv` — a KPU list (DCT) shape: `tingkat,dapil,nomorPartai,namaPartai,nomorUrut,
//!   namaLengkap,jenisKelamin,tempatTinggal,namaPasangan,tanggalLahir`. A planted share of
//!   rows are roster civil servants (`self`) or their spouses (`spouse`: the civil servant is
//!   in `namaPasangan`), written as KPU writes names: titles, old spellings, abbreviated
//!   Muhammad and Abdul, capitals, birth dates often missing.
//! - `candidates-truth.csv` — `line,nip,relation`: the planted rows (line 1 is the header), the
//!   civil servant's NIP or NI PPPK, and `self` or `spouse`.
//! - `netral synth activity` writes a social-media corpus instead: see [`activity`].
//! - `cases.csv` — the case history, see [`cases`] for its columns. Shares of violations,
//!   position types, outcomes and campaign phases are exact (largest-remainder apportionment).

pub mod activity;
pub mod agencies;
pub mod apportion;
pub mod candidates;
pub mod cases;
pub mod country;
mod csv;
pub mod geography;
pub mod names;
pub mod rng;
pub mod roster;

pub use agencies::{Agency, AgencyKind, Scope};
pub use country::Country;
pub use roster::{Person, PositionClass, Roster};

#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    #[error("{0}")]
    TooLarge(String),
    #[error("{0}")]
    Invalid(String),
}

#[cfg(test)]
mod tests;
