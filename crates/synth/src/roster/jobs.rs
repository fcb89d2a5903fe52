//! What people do: position classes, functional jobs and the degrees and titles that go with
//! them, and the names of work units.

use crate::rng::Rng;

/// The position types the statistics break cases down by (DOMAIN.md: "By position").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PositionClass {
    /// JPT, *Jabatan Pimpinan Tinggi*: senior executives (eselon I and II).
    Jpt,
    /// *Jabatan Administrator* (eselon III).
    Administrator,
    /// *Jabatan Pengawas* (eselon IV).
    Supervisor,
    /// District head.
    Camat,
    /// Urban-village head.
    Lurah,
    /// *Jabatan Fungsional*: teachers, nurses, auditors…
    Functional,
    /// *Pelaksana*: staff.
    Staff,
}

impl PositionClass {
    pub const ALL: [PositionClass; 7] = [
        PositionClass::Jpt,
        PositionClass::Administrator,
        PositionClass::Supervisor,
        PositionClass::Camat,
        PositionClass::Lurah,
        PositionClass::Functional,
        PositionClass::Staff,
    ];

    /// The code `cases.csv` writes.
    pub fn as_str(self) -> &'static str {
        match self {
            PositionClass::Jpt => "jpt",
            PositionClass::Administrator => "administrator",
            PositionClass::Supervisor => "supervisor",
            PositionClass::Camat => "camat",
            PositionClass::Lurah => "lurah",
            PositionClass::Functional => "functional",
            PositionClass::Staff => "staff",
        }
    }

    /// SIASN's `jenisJabatan`.
    pub fn siasn(self) -> &'static str {
        match self {
            PositionClass::Functional => "Fungsional",
            PositionClass::Staff => "Pelaksana",
            _ => "Struktural",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Education {
    /// Secondary school: no title.
    Sma,
    /// Diploma III: *Ahli Madya* (A.Md.).
    D3,
    S1,
    S2,
    S3,
}

/// Where a functional job is done, which names the work unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workplace {
    School,
    Health,
    Field,
    Office,
}

/// A functional job and the degrees its holders have.
#[derive(Debug)]
pub struct Job {
    pub name: &'static str,
    pub workplace: Workplace,
    /// Shares of D3, S2 and S3 holders; the rest have an S1.
    pub d3: f64,
    pub s2: f64,
    pub s3: f64,
    pub s1_titles: &'static [&'static str],
    pub d3_titles: &'static [&'static str],
    pub s2_titles: &'static [&'static str],
    /// A title before the name that the job itself brings (`dr.`).
    pub front: Option<&'static str>,
    /// Whether people of this job held "Drs."/"Ir." degrees before 1993's titles.
    pub old_degree: Option<&'static str>,
}

macro_rules! job {
    ($name:literal, $place:ident, $d3:expr, $s2:expr, $s3:expr, $s1t:expr, $d3t:expr, $s2t:expr, $front:expr, $old:expr) => {
        Job {
            name: $name,
            workplace: Workplace::$place,
            d3: $d3,
            s2: $s2,
            s3: $s3,
            s1_titles: $s1t,
            d3_titles: $d3t,
            s2_titles: $s2t,
            front: $front,
            old_degree: $old,
        }
    };
}

pub const GURU: Job = job!(
    "Guru",
    School,
    0.0,
    0.12,
    0.0,
    &["S.Pd."],
    &[],
    &["M.Pd."],
    None,
    Some("Drs.")
);
pub const GURU_MADRASAH: Job = job!(
    "Guru",
    School,
    0.0,
    0.10,
    0.0,
    &["S.Pd.I.", "S.Ag.", "S.Pd."],
    &[],
    &["M.Pd.I.", "M.Pd."],
    None,
    Some("Drs.")
);
pub const PERAWAT: Job = job!(
    "Perawat",
    Health,
    0.5,
    0.03,
    0.0,
    &["S.Kep., Ns."],
    &["A.Md.Kep."],
    &["M.Kep."],
    None,
    None
);
pub const BIDAN: Job = job!(
    "Bidan",
    Health,
    0.7,
    0.0,
    0.0,
    &["S.Tr.Keb."],
    &["A.Md.Keb."],
    &[],
    None,
    None
);
pub const DOKTER: Job = job!(
    "Dokter",
    Health,
    0.0,
    0.25,
    0.0,
    &[],
    &[],
    &["Sp.PD.", "Sp.A.", "Sp.OG.", "M.Kes."],
    Some("dr."),
    None
);
pub const APOTEKER: Job = job!(
    "Apoteker",
    Health,
    0.0,
    0.05,
    0.0,
    &["S.Farm., Apt."],
    &[],
    &["M.Farm."],
    None,
    None
);
pub const PENYULUH_PERTANIAN: Job = job!(
    "Penyuluh Pertanian",
    Field,
    0.35,
    0.05,
    0.0,
    &["S.P."],
    &["A.Md."],
    &["M.P."],
    None,
    Some("Ir.")
);
pub const PRANATA_KOMPUTER: Job = job!(
    "Pranata Komputer",
    Office,
    0.35,
    0.08,
    0.0,
    &["S.Kom.", "S.T."],
    &["A.Md.Kom."],
    &["M.Kom."],
    None,
    None
);
pub const ANALIS_KEBIJAKAN: Job = job!(
    "Analis Kebijakan",
    Office,
    0.0,
    0.40,
    0.03,
    &["S.Sos.", "S.IP.", "S.E.", "S.AP."],
    &[],
    &["M.Si.", "M.AP.", "M.M."],
    None,
    Some("Drs.")
);
pub const PERENCANA: Job = job!(
    "Perencana",
    Office,
    0.0,
    0.35,
    0.02,
    &["S.E.", "S.T.", "S.Sos."],
    &[],
    &["M.Si.", "M.E.", "M.T."],
    None,
    Some("Ir.")
);
pub const AUDITOR: Job = job!(
    "Auditor",
    Office,
    0.05,
    0.25,
    0.0,
    &["S.E.", "S.Ak."],
    &["A.Md.Ak."],
    &["M.Ak.", "M.M."],
    None,
    Some("Drs.")
);
pub const ANALIS_KEUANGAN: Job = job!(
    "Analis Keuangan Pusat dan Daerah",
    Office,
    0.05,
    0.2,
    0.0,
    &["S.E.", "S.Ak."],
    &["A.Md.Ak."],
    &["M.Ak.", "M.E."],
    None,
    None
);
pub const PEMERIKSA_PAJAK: Job = job!(
    "Pemeriksa Pajak",
    Office,
    0.2,
    0.15,
    0.0,
    &["S.E.", "S.Ak.", "S.ST."],
    &["A.Md.Ak."],
    &["M.Ak."],
    None,
    None
);
pub const ARSIPARIS: Job = job!(
    "Arsiparis",
    Office,
    0.5,
    0.05,
    0.0,
    &["S.IP.", "S.Hum."],
    &["A.Md."],
    &["M.Si."],
    None,
    None
);
pub const PUSTAKAWAN: Job = job!(
    "Pustakawan",
    Office,
    0.4,
    0.08,
    0.0,
    &["S.IP.", "S.Hum."],
    &["A.Md."],
    &["M.Hum."],
    None,
    None
);
pub const PENGAWAS_SEKOLAH: Job = job!(
    "Pengawas Sekolah",
    School,
    0.0,
    0.85,
    0.0,
    &["S.Pd."],
    &[],
    &["M.Pd."],
    None,
    Some("Drs.")
);
pub const DOSEN: Job = job!(
    "Dosen",
    School,
    0.0,
    0.65,
    0.3,
    &["S.T.", "S.Si."],
    &[],
    &["M.T.", "M.Si.", "M.Sc.", "M.Eng.", "M.Pd."],
    None,
    None
);
pub const PENELITI: Job = job!(
    "Peneliti",
    Office,
    0.0,
    0.5,
    0.35,
    &["S.Si.", "S.T."],
    &[],
    &["M.Si.", "M.Sc.", "M.Eng."],
    None,
    Some("Ir.")
);
pub const STATISTISI: Job = job!(
    "Statistisi",
    Office,
    0.15,
    0.2,
    0.0,
    &["S.ST.", "S.Si."],
    &["A.Md.Stat."],
    &["M.Si."],
    None,
    None
);
pub const JAKSA: Job = job!(
    "Jaksa",
    Office,
    0.0,
    0.45,
    0.03,
    &["S.H."],
    &[],
    &["M.H."],
    None,
    None
);
pub const HAKIM: Job = job!(
    "Hakim",
    Office,
    0.0,
    0.6,
    0.05,
    &["S.H."],
    &[],
    &["M.H."],
    None,
    None
);
pub const PANITERA: Job = job!(
    "Panitera",
    Office,
    0.0,
    0.2,
    0.0,
    &["S.H."],
    &[],
    &["M.H."],
    None,
    None
);
pub const ANALIS_HUKUM: Job = job!(
    "Analis Hukum",
    Office,
    0.0,
    0.3,
    0.0,
    &["S.H."],
    &[],
    &["M.H.", "M.Kn."],
    None,
    None
);
pub const PENYULUH_AGAMA: Job = job!(
    "Penyuluh Agama Islam",
    Field,
    0.0,
    0.1,
    0.0,
    &["S.Ag.", "S.Sos.I."],
    &[],
    &["M.Ag."],
    None,
    Some("Drs.")
);

/// Functional jobs and their weights, by employer.
pub fn functional_jobs(agency_code: &str, central: bool) -> &'static [(&'static Job, u64)] {
    if !central {
        return &[
            (&GURU, 50),
            (&PERAWAT, 10),
            (&BIDAN, 7),
            (&DOKTER, 3),
            (&PENYULUH_PERTANIAN, 4),
            (&PRANATA_KOMPUTER, 3),
            (&ANALIS_KEBIJAKAN, 3),
            (&PERENCANA, 2),
            (&AUDITOR, 2),
            (&APOTEKER, 1),
            (&ARSIPARIS, 1),
            (&PUSTAKAWAN, 1),
            (&PENGAWAS_SEKOLAH, 1),
        ];
    }
    match agency_code {
        "KEMENAG" => &[
            (&GURU_MADRASAH, 60),
            (&PENYULUH_AGAMA, 15),
            (&DOSEN, 5),
            (&ANALIS_KEBIJAKAN, 3),
        ],
        "KEMENKEU" => &[
            (&PEMERIKSA_PAJAK, 40),
            (&ANALIS_KEUANGAN, 30),
            (&PRANATA_KOMPUTER, 5),
        ],
        "KEMENDIKBUDRISTEK" => &[(&DOSEN, 70), (&PENGAWAS_SEKOLAH, 5), (&ANALIS_KEBIJAKAN, 5)],
        "BRIN" => &[(&PENELITI, 70), (&PRANATA_KOMPUTER, 5)],
        "BPS" => &[(&STATISTISI, 70), (&PRANATA_KOMPUTER, 10)],
        "KEJAKSAAN" => &[(&JAKSA, 70), (&ANALIS_HUKUM, 10)],
        "MA" => &[(&HAKIM, 30), (&PANITERA, 40)],
        "KEMENKES" => &[(&DOKTER, 20), (&PERAWAT, 40), (&BIDAN, 5), (&APOTEKER, 5)],
        "KEMENKUMHAM" => &[(&ANALIS_HUKUM, 40), (&PRANATA_KOMPUTER, 5)],
        "BPKP" | "BPK" => &[(&AUDITOR, 80)],
        _ => &[
            (&ANALIS_KEBIJAKAN, 30),
            (&PRANATA_KOMPUTER, 20),
            (&AUDITOR, 10),
            (&ARSIPARIS, 10),
            (&PUSTAKAWAN, 5),
            (&PERENCANA, 15),
            (&ANALIS_HUKUM, 10),
        ],
    }
}

/// S1 titles of people in structural posts and staff, by how common they are.
pub const OFFICE_S1: [&str; 9] = [
    "S.Sos.", "S.E.", "S.H.", "S.IP.", "S.AP.", "S.T.", "S.Kom.", "S.Pd.", "S.STP.",
];
pub const OFFICE_S2: [&str; 7] = ["M.Si.", "M.M.", "M.H.", "M.AP.", "M.Pd.", "M.T.", "M.E."];
pub const OFFICE_D3: [&str; 3] = ["A.Md.", "A.Md.Kom.", "A.Md.Ak."];
/// Camat and lurah are mostly graduates of the civil-service academy (IPDN: S.STP.).
pub const GOVERNANCE_S1: [&str; 4] = ["S.STP.", "S.STP.", "S.Sos.", "S.IP."];

/// Regional work units (*OPD*).
pub const OPD: [&str; 24] = [
    "Sekretariat Daerah",
    "Sekretariat DPRD",
    "Inspektorat Daerah",
    "Badan Perencanaan Pembangunan Daerah",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
    "Badan Pendapatan Daerah",
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perhubungan",
    "Dinas Sosial",
    "Dinas Komunikasi dan Informatika",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Lingkungan Hidup",
    "Dinas Pertanian",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Dinas Perindustrian dan Perdagangan",
    "Dinas Koperasi dan Usaha Mikro",
    "Dinas Pemuda dan Olahraga",
    "Dinas Pariwisata dan Kebudayaan",
    "Satuan Polisi Pamong Praja",
    "Badan Penanggulangan Bencana Daerah",
    "Badan Kesatuan Bangsa dan Politik",
];

/// What a bidang, bagian, seksi or subbagian is about.
pub const SUBJECTS: [&str; 12] = [
    "Perencanaan",
    "Program dan Evaluasi",
    "Umum dan Kepegawaian",
    "Keuangan",
    "Pelayanan",
    "Pengembangan",
    "Pengawasan",
    "Data dan Informasi",
    "Sarana dan Prasarana",
    "Pembinaan",
    "Hukum",
    "Kerja Sama",
];

/// Common district and village names, for units named after a place inside a regency.
pub const PLACES: [&str; 40] = [
    "Sukamaju",
    "Sukajadi",
    "Mekarsari",
    "Sukamulya",
    "Margahayu",
    "Karanganyar",
    "Sidorejo",
    "Sumbersari",
    "Tanjungsari",
    "Kebonagung",
    "Sindangsari",
    "Sukaresmi",
    "Jatisari",
    "Purwasari",
    "Kotabaru",
    "Sidomulyo",
    "Mulyorejo",
    "Tegalsari",
    "Pasirjaya",
    "Bojongsari",
    "Rawamerta",
    "Banyusari",
    "Lemahabang",
    "Sumberejo",
    "Karangrejo",
    "Wonorejo",
    "Tanjung",
    "Air Putih",
    "Sungai Raya",
    "Talang Jaya",
    "Batu Ampar",
    "Bukit Raya",
    "Padang Baru",
    "Labuhan",
    "Suka Makmur",
    "Kampung Baru",
    "Tanah Merah",
    "Pulau Rakyat",
    "Maju Jaya",
    "Mekar Jaya",
];

/// A place inside a regency: a common name, or the regency's own with a direction.
pub fn place(short: &str, rng: &mut Rng, out: &mut String) {
    use std::fmt::Write;
    if rng.chance(0.35) {
        let direction = rng.pick(&["Barat", "Timur", "Utara", "Selatan", "Tengah", "Kota"]);
        let _ = write!(out, "{short} {direction}");
    } else {
        out.push_str(rng.pick(&PLACES));
    }
}

/// Pangkat/golongan ruang, lowest first.
pub const RANKS: [&str; 17] = [
    "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d",
    "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
];

/// The rank a PNS starts at with a given degree.
pub fn entry_rank(education: Education) -> usize {
    match education {
        Education::Sma => 4,
        Education::D3 => 6,
        Education::S1 => 8,
        Education::S2 => 9,
        Education::S3 => 10,
    }
}

/// PPPK golongan (I–XVII) by degree, as the 2021 tables set them.
pub fn pppk_grade(education: Education) -> &'static str {
    match education {
        Education::Sma => "V",
        Education::D3 => "VII",
        Education::S1 => "IX",
        Education::S2 | Education::S3 => "X",
    }
}

/// The level a functional post's holder has, by rank and degree.
pub fn functional_level(rank: usize, education: Education) -> &'static str {
    if education <= Education::D3 {
        return match rank {
            ..=7 => "Terampil",
            8..=9 => "Mahir",
            _ => "Penyelia",
        };
    }
    match rank {
        ..=9 => "Ahli Pertama",
        10..=11 => "Ahli Muda",
        12..=14 => "Ahli Madya",
        _ => "Ahli Utama",
    }
}
