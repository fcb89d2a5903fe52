//! Employing agencies: every provincial, regency and city government of the shipped region
//! list, and the central ministries and agencies, each with its PPK (*Pejabat Pembina
//! Kepegawaian*, the official who signs its staff's sanctions) and a share of the country's
//! civil servants.

use std::io::{self, Write};

use crate::csv::Line;
use crate::geography::Geography;

/// `central`, `province`, `regency` or `city`, as `agencies.csv` and the store write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgencyKind {
    Central,
    Province,
    Regency,
    City,
}

impl AgencyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AgencyKind::Central => "central",
            AgencyKind::Province => "province",
            AgencyKind::Regency => "regency",
            AgencyKind::City => "city",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Agency {
    pub code: String,
    pub name: String,
    pub kind: AgencyKind,
    /// Dotted region code; `None` for central agencies.
    pub region_code: Option<&'static str>,
    /// Index into `Geography::provinces` of a regional government.
    pub province: Option<usize>,
    /// Index into `Geography::regencies` of a regency or city government.
    pub regency: Option<usize>,
    pub ppk_title: String,
    /// Relative number of civil servants.
    pub staff_weight: f64,
}

pub const HEADER: [&str; 5] = ["code", "name", "kind", "region_code", "ppk_title"];

/// Central agencies: code, name, PPK, thousands of staff (rough public figures; weights only).
/// The 2019–2024 cabinet's names, which the 2020 and 2024 cases were filed under.
const CENTRAL: &[(&str, &str, &str, f64)] = &[
    (
        "KEMENKOPOLHUKAM",
        "Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan",
        "Menteri Koordinator Bidang Politik, Hukum, dan Keamanan",
        0.5,
    ),
    (
        "KEMENKOPEREKONOMIAN",
        "Kementerian Koordinator Bidang Perekonomian",
        "Menteri Koordinator Bidang Perekonomian",
        0.5,
    ),
    (
        "KEMENKOPMK",
        "Kementerian Koordinator Bidang Pembangunan Manusia dan Kebudayaan",
        "Menteri Koordinator Bidang Pembangunan Manusia dan Kebudayaan",
        0.4,
    ),
    (
        "KEMENKOMARVES",
        "Kementerian Koordinator Bidang Kemaritiman dan Investasi",
        "Menteri Koordinator Bidang Kemaritiman dan Investasi",
        0.4,
    ),
    (
        "KEMENDAGRI",
        "Kementerian Dalam Negeri",
        "Menteri Dalam Negeri",
        3.5,
    ),
    (
        "KEMENLU",
        "Kementerian Luar Negeri",
        "Menteri Luar Negeri",
        3.0,
    ),
    (
        "KEMHAN",
        "Kementerian Pertahanan",
        "Menteri Pertahanan",
        25.0,
    ),
    (
        "KEMENKUMHAM",
        "Kementerian Hukum dan Hak Asasi Manusia",
        "Menteri Hukum dan Hak Asasi Manusia",
        60.0,
    ),
    ("KEMENKEU", "Kementerian Keuangan", "Menteri Keuangan", 80.0),
    (
        "KEMENDIKBUDRISTEK",
        "Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi",
        "Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi",
        60.0,
    ),
    (
        "KEMENKES",
        "Kementerian Kesehatan",
        "Menteri Kesehatan",
        50.0,
    ),
    ("KEMENAG", "Kementerian Agama", "Menteri Agama", 230.0),
    (
        "KEMNAKER",
        "Kementerian Ketenagakerjaan",
        "Menteri Ketenagakerjaan",
        4.0,
    ),
    (
        "KEMENPERIN",
        "Kementerian Perindustrian",
        "Menteri Perindustrian",
        6.0,
    ),
    (
        "KEMENDAG",
        "Kementerian Perdagangan",
        "Menteri Perdagangan",
        5.0,
    ),
    (
        "KEMENTAN",
        "Kementerian Pertanian",
        "Menteri Pertanian",
        20.0,
    ),
    (
        "KLHK",
        "Kementerian Lingkungan Hidup dan Kehutanan",
        "Menteri Lingkungan Hidup dan Kehutanan",
        15.0,
    ),
    (
        "KEMENHUB",
        "Kementerian Perhubungan",
        "Menteri Perhubungan",
        25.0,
    ),
    (
        "KKP",
        "Kementerian Kelautan dan Perikanan",
        "Menteri Kelautan dan Perikanan",
        10.0,
    ),
    (
        "KEMENDESA",
        "Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi",
        "Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi",
        2.0,
    ),
    (
        "KEMENPUPR",
        "Kementerian Pekerjaan Umum dan Perumahan Rakyat",
        "Menteri Pekerjaan Umum dan Perumahan Rakyat",
        20.0,
    ),
    ("KEMENSOS", "Kementerian Sosial", "Menteri Sosial", 4.0),
    (
        "KEMENPPPA",
        "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak",
        "Menteri Pemberdayaan Perempuan dan Perlindungan Anak",
        0.8,
    ),
    (
        "KEMENPANRB",
        "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        0.6,
    ),
    (
        "KEMENPORA",
        "Kementerian Pemuda dan Olahraga",
        "Menteri Pemuda dan Olahraga",
        1.0,
    ),
    (
        "KEMENPAREKRAF",
        "Kementerian Pariwisata dan Ekonomi Kreatif",
        "Menteri Pariwisata dan Ekonomi Kreatif",
        2.0,
    ),
    (
        "KEMENKOMINFO",
        "Kementerian Komunikasi dan Informatika",
        "Menteri Komunikasi dan Informatika",
        4.0,
    ),
    (
        "KEMENESDM",
        "Kementerian Energi dan Sumber Daya Mineral",
        "Menteri Energi dan Sumber Daya Mineral",
        5.0,
    ),
    (
        "KEMENKOPUKM",
        "Kementerian Koperasi dan Usaha Kecil dan Menengah",
        "Menteri Koperasi dan Usaha Kecil dan Menengah",
        1.0,
    ),
    (
        "KEMENATRBPN",
        "Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional",
        "Menteri Agraria dan Tata Ruang/Kepala Badan Pertanahan Nasional",
        30.0,
    ),
    (
        "BAPPENAS",
        "Kementerian Perencanaan Pembangunan Nasional/Bappenas",
        "Menteri Perencanaan Pembangunan Nasional/Kepala Bappenas",
        1.0,
    ),
    (
        "KEMENBUMN",
        "Kementerian Badan Usaha Milik Negara",
        "Menteri Badan Usaha Milik Negara",
        0.5,
    ),
    (
        "KEMENINVESTASI",
        "Kementerian Investasi/Badan Koordinasi Penanaman Modal",
        "Menteri Investasi/Kepala Badan Koordinasi Penanaman Modal",
        1.0,
    ),
    (
        "KEMENSETNEG",
        "Kementerian Sekretariat Negara",
        "Menteri Sekretaris Negara",
        2.0,
    ),
    ("SETKAB", "Sekretariat Kabinet", "Sekretaris Kabinet", 0.5),
    (
        "BKN",
        "Badan Kepegawaian Negara",
        "Kepala Badan Kepegawaian Negara",
        2.5,
    ),
    (
        "LAN",
        "Lembaga Administrasi Negara",
        "Kepala Lembaga Administrasi Negara",
        1.0,
    ),
    (
        "BPS",
        "Badan Pusat Statistik",
        "Kepala Badan Pusat Statistik",
        16.0,
    ),
    (
        "BMKG",
        "Badan Meteorologi, Klimatologi, dan Geofisika",
        "Kepala Badan Meteorologi, Klimatologi, dan Geofisika",
        4.5,
    ),
    (
        "BPOM",
        "Badan Pengawas Obat dan Makanan",
        "Kepala Badan Pengawas Obat dan Makanan",
        4.0,
    ),
    (
        "BNPB",
        "Badan Nasional Penanggulangan Bencana",
        "Kepala Badan Nasional Penanggulangan Bencana",
        0.5,
    ),
    (
        "BNN",
        "Badan Narkotika Nasional",
        "Kepala Badan Narkotika Nasional",
        3.0,
    ),
    (
        "BNPT",
        "Badan Nasional Penanggulangan Terorisme",
        "Kepala Badan Nasional Penanggulangan Terorisme",
        0.3,
    ),
    (
        "BPKP",
        "Badan Pengawasan Keuangan dan Pembangunan",
        "Kepala Badan Pengawasan Keuangan dan Pembangunan",
        7.0,
    ),
    (
        "BRIN",
        "Badan Riset dan Inovasi Nasional",
        "Kepala Badan Riset dan Inovasi Nasional",
        13.0,
    ),
    (
        "LKPP",
        "Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah",
        "Kepala Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah",
        0.3,
    ),
    (
        "BSSN",
        "Badan Siber dan Sandi Negara",
        "Kepala Badan Siber dan Sandi Negara",
        0.5,
    ),
    (
        "BKKBN",
        "Badan Kependudukan dan Keluarga Berencana Nasional",
        "Kepala Badan Kependudukan dan Keluarga Berencana Nasional",
        3.0,
    ),
    (
        "BPIP",
        "Badan Pembinaan Ideologi Pancasila",
        "Kepala Badan Pembinaan Ideologi Pancasila",
        0.1,
    ),
    (
        "ANRI",
        "Arsip Nasional Republik Indonesia",
        "Kepala Arsip Nasional Republik Indonesia",
        0.5,
    ),
    (
        "PERPUSNAS",
        "Perpustakaan Nasional",
        "Kepala Perpustakaan Nasional",
        0.7,
    ),
    (
        "BASARNAS",
        "Badan Nasional Pencarian dan Pertolongan",
        "Kepala Badan Nasional Pencarian dan Pertolongan",
        3.0,
    ),
    (
        "BAKAMLA",
        "Badan Keamanan Laut",
        "Kepala Badan Keamanan Laut",
        0.5,
    ),
    (
        "BP2MI",
        "Badan Pelindungan Pekerja Migran Indonesia",
        "Kepala Badan Pelindungan Pekerja Migran Indonesia",
        1.0,
    ),
    (
        "BIG",
        "Badan Informasi Geospasial",
        "Kepala Badan Informasi Geospasial",
        0.5,
    ),
    (
        "BSN",
        "Badan Standardisasi Nasional",
        "Kepala Badan Standardisasi Nasional",
        0.3,
    ),
    (
        "BAPETEN",
        "Badan Pengawas Tenaga Nuklir",
        "Kepala Badan Pengawas Tenaga Nuklir",
        0.3,
    ),
    (
        "LEMHANNAS",
        "Lembaga Ketahanan Nasional",
        "Gubernur Lembaga Ketahanan Nasional",
        0.3,
    ),
    (
        "WANTANNAS",
        "Sekretariat Jenderal Dewan Ketahanan Nasional",
        "Sekretaris Jenderal Dewan Ketahanan Nasional",
        0.2,
    ),
    (
        "SETWAPRES",
        "Sekretariat Wakil Presiden",
        "Sekretaris Wakil Presiden",
        0.3,
    ),
    (
        "KSP",
        "Kantor Staf Presiden",
        "Kepala Staf Kepresidenan",
        0.1,
    ),
    (
        "OIKN",
        "Otorita Ibu Kota Nusantara",
        "Kepala Otorita Ibu Kota Nusantara",
        0.2,
    ),
    (
        "KEJAKSAAN",
        "Kejaksaan Republik Indonesia",
        "Jaksa Agung",
        25.0,
    ),
    ("MA", "Mahkamah Agung", "Sekretaris Mahkamah Agung", 30.0),
    (
        "MK",
        "Mahkamah Konstitusi",
        "Sekretaris Jenderal Mahkamah Konstitusi",
        0.3,
    ),
    (
        "KY",
        "Komisi Yudisial",
        "Sekretaris Jenderal Komisi Yudisial",
        0.2,
    ),
    (
        "POLRI",
        "Kepolisian Negara Republik Indonesia",
        "Kepala Kepolisian Negara Republik Indonesia",
        25.0,
    ),
    (
        "KPU",
        "Komisi Pemilihan Umum",
        "Sekretaris Jenderal Komisi Pemilihan Umum",
        14.0,
    ),
    (
        "BAWASLU",
        "Badan Pengawas Pemilihan Umum",
        "Sekretaris Jenderal Badan Pengawas Pemilihan Umum",
        5.0,
    ),
    (
        "DKPP",
        "Dewan Kehormatan Penyelenggara Pemilu",
        "Sekretaris Dewan Kehormatan Penyelenggara Pemilu",
        0.1,
    ),
    (
        "SETJENDPR",
        "Sekretariat Jenderal Dewan Perwakilan Rakyat",
        "Sekretaris Jenderal Dewan Perwakilan Rakyat",
        1.5,
    ),
    (
        "SETJENDPD",
        "Sekretariat Jenderal Dewan Perwakilan Daerah",
        "Sekretaris Jenderal Dewan Perwakilan Daerah",
        1.0,
    ),
    (
        "SETJENMPR",
        "Sekretariat Jenderal Majelis Permusyawaratan Rakyat",
        "Sekretaris Jenderal Majelis Permusyawaratan Rakyat",
        0.5,
    ),
    (
        "BPK",
        "Badan Pemeriksa Keuangan",
        "Sekretaris Jenderal Badan Pemeriksa Keuangan",
        7.0,
    ),
    (
        "KOMNASHAM",
        "Komisi Nasional Hak Asasi Manusia",
        "Sekretaris Jenderal Komisi Nasional Hak Asasi Manusia",
        0.3,
    ),
    (
        "KPK",
        "Komisi Pemberantasan Korupsi",
        "Sekretaris Jenderal Komisi Pemberantasan Korupsi",
        1.5,
    ),
    (
        "ORI",
        "Ombudsman Republik Indonesia",
        "Sekretaris Jenderal Ombudsman Republik Indonesia",
        0.3,
    ),
    (
        "KPPU",
        "Komisi Pengawas Persaingan Usaha",
        "Sekretaris Jenderal Komisi Pengawas Persaingan Usaha",
        0.4,
    ),
    (
        "LPSK",
        "Lembaga Perlindungan Saksi dan Korban",
        "Sekretaris Jenderal Lembaga Perlindungan Saksi dan Korban",
        0.2,
    ),
    (
        "PPATK",
        "Pusat Pelaporan dan Analisis Transaksi Keuangan",
        "Kepala Pusat Pelaporan dan Analisis Transaksi Keuangan",
        0.7,
    ),
];

/// Which agencies a synthetic country has.
#[derive(Debug, Clone, Default)]
pub enum Scope {
    /// Every regional government and every central agency.
    #[default]
    Indonesia,
    /// The governments of these provinces (two-digit codes) and their regencies and cities,
    /// and these central agencies (codes): a small country for demonstrations.
    Only {
        provinces: Vec<String>,
        central: Vec<String>,
    },
}

/// Regional governments employ roughly three in four civil servants (BKN statistics): 15 % in
/// provincial governments, 62 % in regencies and cities; central agencies the remaining 23 %.
const PROVINCE_SHARE: f64 = 0.15;
const REGENCY_SHARE: f64 = 0.62;
const CENTRAL_SHARE: f64 = 0.23;

/// The agencies in `scope`, central ones last.
pub fn agencies(geo: &Geography, scope: &Scope) -> Vec<Agency> {
    let wanted_province = |code: &str| match scope {
        Scope::Indonesia => true,
        Scope::Only { provinces, .. } => provinces.iter().any(|p| p == code),
    };
    let wanted_central = |code: &str| match scope {
        Scope::Indonesia => true,
        Scope::Only { central, .. } => central.iter().any(|c| c == code),
    };
    let total_population: f64 = geo.provinces.iter().map(|p| p.population).sum();
    let mut out = Vec::new();
    for (index, province) in geo.provinces.iter().enumerate() {
        if !wanted_province(province.code) {
            continue;
        }
        let share = province.population / total_population;
        out.push(Agency {
            code: province.code.to_owned(),
            name: format!("Pemerintah Provinsi {}", province.name),
            kind: AgencyKind::Province,
            region_code: Some(province.code),
            province: Some(index),
            regency: None,
            ppk_title: format!("Gubernur {}", province.name),
            staff_weight: PROVINCE_SHARE * share,
        });
        // Cities employ a little less than regencies of the same province.
        let size = |r: usize| if geo.regencies[r].city { 0.8 } else { 1.0 };
        let sizes: f64 = province.regencies.iter().map(|&r| size(r)).sum();
        for &r in &province.regencies {
            let regency = &geo.regencies[r];
            let (kind, head) = if regency.city {
                (AgencyKind::City, "Wali Kota")
            } else {
                (AgencyKind::Regency, "Bupati")
            };
            // "Kabupaten Karawang" → "Bupati Karawang"; "Kota Administrasi Jakarta Pusat" →
            // "Wali Kota Administrasi Jakarta Pusat" (appointed by the governor, but the title
            // is what letters are addressed to).
            let administrative = regency.name.contains("Administrasi");
            let ppk = if administrative {
                format!("{head} Administrasi {}", regency.short)
            } else {
                format!("{head} {}", regency.short)
            };
            out.push(Agency {
                code: regency.digits(),
                name: format!("Pemerintah {}", regency.name),
                kind,
                region_code: Some(regency.code),
                province: Some(index),
                regency: Some(r),
                ppk_title: ppk,
                staff_weight: REGENCY_SHARE * share * size(r) / sizes,
            });
        }
    }
    let central_total: f64 = CENTRAL.iter().map(|c| c.3).sum();
    for &(code, name, ppk, staff) in CENTRAL {
        if !wanted_central(code) {
            continue;
        }
        out.push(Agency {
            code: code.to_owned(),
            name: name.to_owned(),
            kind: AgencyKind::Central,
            region_code: None,
            province: None,
            regency: None,
            ppk_title: ppk.to_owned(),
            staff_weight: CENTRAL_SHARE * staff / central_total,
        });
    }
    out
}

/// Writes `agencies.csv`.
pub fn write(agencies: &[Agency], out: &mut impl Write) -> io::Result<u64> {
    let mut line = Line::default();
    line.write_header(&HEADER, out)?;
    for agency in agencies {
        line.field(&agency.code);
        line.field(&agency.name);
        line.field(agency.kind.as_str());
        line.field(agency.region_code.unwrap_or(""));
        line.field(&agency.ppk_title);
        line.end(out)?;
    }
    Ok(agencies.len() as u64)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use netral_domain::roster::agency_key;

    use super::*;

    #[test]
    fn every_regional_government_and_the_central_agencies() {
        let geo = Geography::shipped();
        let all = agencies(&geo, &Scope::Indonesia);
        let count = |kind| all.iter().filter(|a| a.kind == kind).count();
        assert_eq!(count(AgencyKind::Province), 38);
        assert_eq!(count(AgencyKind::Regency), 416);
        assert_eq!(count(AgencyKind::City), 98);
        assert!(count(AgencyKind::Central) >= 75);
        let keys: HashSet<String> = all.iter().map(|a| agency_key(&a.name)).collect();
        assert_eq!(
            keys.len(),
            all.len(),
            "names are unique as the store compares them"
        );
        let codes: HashSet<&str> = all.iter().map(|a| a.code.as_str()).collect();
        assert_eq!(codes.len(), all.len());
        let karawang = all.iter().find(|a| a.code == "3215").unwrap();
        assert_eq!(karawang.name, "Pemerintah Kabupaten Karawang");
        assert_eq!(karawang.ppk_title, "Bupati Karawang");
        let jabar = all.iter().find(|a| a.code == "32").unwrap();
        assert_eq!(jabar.ppk_title, "Gubernur Jawa Barat");
        let bandung = all.iter().find(|a| a.code == "3273").unwrap();
        assert_eq!(
            (bandung.kind, bandung.ppk_title.as_str()),
            (AgencyKind::City, "Wali Kota Bandung")
        );
        let regional: f64 = all
            .iter()
            .filter(|a| a.kind != AgencyKind::Central)
            .map(|a| a.staff_weight)
            .sum();
        assert!((regional - 0.77).abs() < 1e-9, "{regional}");
    }

    #[test]
    fn every_region_code_exists_in_the_shipped_list() {
        let geo = Geography::shipped();
        let known: HashSet<&str> = geo
            .provinces
            .iter()
            .map(|p| p.code)
            .chain(geo.regencies.iter().map(|r| r.code))
            .collect();
        for agency in agencies(&geo, &Scope::Indonesia) {
            match agency.region_code {
                Some(code) => {
                    assert!(known.contains(code), "{agency:?}");
                    assert!(code.parse::<netral_domain::ids::RegionCode>().is_ok());
                }
                None => assert_eq!(agency.kind, AgencyKind::Central),
            }
        }
    }
}
