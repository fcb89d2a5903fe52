//! The columns of a roster file, named as SIASN exports them.

/// One column of a roster export. The SIASN header name is what files carry; the key is what
/// a mapping file and the database use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// NIP (PNS) or NI PPPK, 18 digits.
    Nip,
    /// The 9-digit number used before 2000 (*NIP lama*).
    NipLama,
    Name,
    FrontTitles,
    BackTitles,
    BirthPlace,
    BirthDate,
    Sex,
    Nik,
    /// PNS or PPPK (*jenis pegawai*).
    EmployeeType,
    /// *Kedudukan*: active, on leave (CLTN), suspended, …
    Status,
    /// *Instansi induk*: the employing agency, whose head is the PPK.
    Agency,
    /// *Satuan kerja induk*: the agency's main work unit.
    ParentUnit,
    /// *Unit organisasi*: where the person works.
    Unit,
    WorkLocation,
    /// Structural, functional, or staff (*jenis jabatan*).
    PositionType,
    Position,
    Eselon,
    /// *Golongan/ruang*, e.g. `III/c`.
    Rank,
}

impl Field {
    pub const COUNT: usize = 19;

    pub const ALL: [Field; Field::COUNT] = [
        Field::Nip,
        Field::NipLama,
        Field::Name,
        Field::FrontTitles,
        Field::BackTitles,
        Field::BirthPlace,
        Field::BirthDate,
        Field::Sex,
        Field::Nik,
        Field::EmployeeType,
        Field::Status,
        Field::Agency,
        Field::ParentUnit,
        Field::Unit,
        Field::WorkLocation,
        Field::PositionType,
        Field::Position,
        Field::Eselon,
        Field::Rank,
    ];

    /// Position in [`Field::ALL`], for arrays indexed by field.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The header SIASN writes.
    pub fn siasn_name(self) -> &'static str {
        match self {
            Field::Nip => "nipBaru",
            Field::NipLama => "nipLama",
            Field::Name => "nama",
            Field::FrontTitles => "gelarDepan",
            Field::BackTitles => "gelarBelakang",
            Field::BirthPlace => "tempatLahir",
            Field::BirthDate => "tglLahir",
            Field::Sex => "jenisKelamin",
            Field::Nik => "nik",
            Field::EmployeeType => "jenisPegawaiNama",
            Field::Status => "kedudukanPnsNama",
            Field::Agency => "instansiIndukNama",
            Field::ParentUnit => "satuanKerjaIndukNama",
            Field::Unit => "unorNama",
            Field::WorkLocation => "lokasiKerja",
            Field::PositionType => "jenisJabatan",
            Field::Position => "jabatanNama",
            Field::Eselon => "eselon",
            Field::Rank => "golRuangAkhir",
        }
    }

    /// The name a mapping file uses for the field (SIASN names are accepted there too).
    pub fn key(self) -> &'static str {
        match self {
            Field::Nip => "nip",
            Field::NipLama => "nip_lama",
            Field::Name => "name",
            Field::FrontTitles => "front_titles",
            Field::BackTitles => "back_titles",
            Field::BirthPlace => "birth_place",
            Field::BirthDate => "birth_date",
            Field::Sex => "sex",
            Field::Nik => "nik",
            Field::EmployeeType => "employee_type",
            Field::Status => "status",
            Field::Agency => "agency",
            Field::ParentUnit => "parent_unit",
            Field::Unit => "unit",
            Field::WorkLocation => "work_location",
            Field::PositionType => "position_type",
            Field::Position => "position",
            Field::Eselon => "eselon",
            Field::Rank => "rank",
        }
    }

    /// Whether a file without this column cannot be imported at all.
    pub fn required(self) -> bool {
        matches!(self, Field::Nip | Field::Name | Field::Agency)
    }

    /// The field a header names, comparing without case or punctuation ("NIP BARU",
    /// "nip_baru" and "nipBaru" are the same), by its SIASN name or its key.
    pub fn from_header(header: &str) -> Option<Field> {
        let wanted = header_key(header);
        Field::ALL.into_iter().find(|field| {
            header_key(field.siasn_name()) == wanted || header_key(field.key()) == wanted
        })
    }
}

impl crate::table::FileField for Field {
    const ALL: &'static [Field] = &Field::ALL;
    const SOURCE: &'static str = "SIASN";

    fn index(self) -> usize {
        Field::index(self)
    }

    fn header(self) -> &'static str {
        self.siasn_name()
    }

    fn key(self) -> &'static str {
        Field::key(self)
    }

    fn required(self) -> bool {
        Field::required(self)
    }

    fn from_header(header: &str) -> Option<Field> {
        Field::from_header(header)
    }
}

/// A header reduced to its lowercase letters and digits: exports differ in case, spaces and
/// underscores, never in letters.
pub fn header_key(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_follow_the_list() {
        for (i, field) in Field::ALL.into_iter().enumerate() {
            assert_eq!(field.index(), i);
        }
    }

    #[test]
    fn headers_match_without_case_or_punctuation() {
        assert_eq!(Field::from_header("nipBaru"), Some(Field::Nip));
        assert_eq!(Field::from_header("NIP BARU"), Some(Field::Nip));
        assert_eq!(Field::from_header("nip_baru"), Some(Field::Nip));
        assert_eq!(Field::from_header("NIP"), Some(Field::Nip));
        assert_eq!(
            Field::from_header(" Instansi Induk Nama "),
            Some(Field::Agency)
        );
        assert_eq!(Field::from_header("gol_ruang_akhir"), Some(Field::Rank));
        assert_eq!(Field::from_header("alamat"), None);
    }
}
