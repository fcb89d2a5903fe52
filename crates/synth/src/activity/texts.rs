//! The words of the corpus: templated Indonesian posts for each partisan case and each hard
//! negative, and ordinary chatter. Placeholders: `{ref}` (a candidate, nickname, number or
//! party as people write them), `{call}` (a call to vote, with slang and typos), `{region}`,
//! `{n}` (a ballot number), `{tag}`, `{slogan}`.

pub const CALLS: &[&str] = &[
    "coblos",
    "pilih",
    "dukung",
    "menangkan",
    "c0bl0s",
    "pilihhh",
    "dukunggg",
    "menangin",
    "nyoblos",
    "COBLOS",
    "Pilih",
    "Dukung",
    "cblos",
    "plh",
    "pilihlah",
];

/// A call near a candidate, party or number (MEDSOS_KAMPANYE).
pub const CALL_NEAR: &[&str] = &[
    "Ayo {call} {ref}!",
    "Jangan lupa {call} {ref} tgl 27 ya",
    "jgn lupa {call} {ref} yaa gaes",
    "Mari kita {call} {ref} biar {region} makin maju",
    "pokoknya {call} {ref}!!! 🔥🔥",
    "Bismillah, {call} {ref}",
    "{ref} pasti menang, {call} sekarang juga",
    "Warga {region} wajib {call} {ref} 💪",
    "sdh mantap {call} {ref} aja lah",
    "{ref} all in!!",
    "Lanjutkan! {ref} 2 periode",
];

/// A finger sign with a candidate, party or number (FOTO_KEBERPIHAKAN).
pub const HAND_SIGN: &[&str] = &[
    "Foto bareng {ref} tadi pagi ✌️",
    "Salam dua jari bersama {ref}!",
    "☝️ bersama {ref} di acara warga",
    "Kopdar bareng {ref} 🤟🤟",
    "salam 3 jari, {ref} mantap",
    "Akhirnya ketemu {ref} ✌🏻✌🏻",
];

/// A campaign hashtag or slogan (MEDSOS_KAMPANYE, lower score).
pub const TAGS: &[&str] = &[
    "Semangat pagi semua! {tag}",
    "{slogan}!!",
    "Sore yang cerah di {region} {tag}",
    "{tag} {tag}",
    "Bersama kita bisa. {slogan}",
];

/// Comments left on a campaign account's post.
pub const COMMENTS: &[&str] = &["Mantap!", "Semangat pak", "Sehat selalu", "👍👍", "Keren"];

/// "pilih", "dukung", "coblos" outside politics.
pub const EVERYDAY_CALLS: &[&str] = &[
    "Lagi bingung pilih baju buat kondangan besok",
    "Pilih mana: nasi padang atau soto betawi?",
    "Anak2 disuruh pilih jurusan kuliah, pusing",
    "Dukung timnas Indonesia malam ini! 🇮🇩",
    "Pilih warna cat rumah yg adem, saran dong",
    "Kita dukung UMKM {region} dengan belanja lokal",
    "Pilih jalan tol atau jalan biasa ya ke {region}?",
];

/// Candidates named without a call: news, debates, listening (allowed).
pub const NEUTRAL_MENTIONS: &[&str] = &[
    "Debat publik {ref} berlangsung di {region} malam ini",
    "{ref} mengunjungi pasar {region} hari ini",
    "Berita: {ref} menyampaikan program pendidikan gratis",
    "Nonton debat capres bareng keluarga",
    "Sebagai ASN saya netral, tadi cuma nonton debat {ref} di TV",
    "Mendengarkan visi misi {ref} di aula kecamatan",
    "mendengarkan visi misi para paslon, semoga pilkada damai",
    "KPU {region} menetapkan {ref} sebagai pasangan calon nomor urut {n}. Gunakan hak pilih Anda pada 27 November 2024.",
    "KPU mengimbau warga {region} datang ke TPS tanggal 27 November",
];

/// "dua jari" elsewhere, and finger emoji in holiday photos.
pub const FINGERS_ELSEWHERE: &[&str] = &[
    "Jari saya luka dua jari kena pisau dapur",
    "Banjir di depan rumah setinggi dua jari",
    "Tinggal dua jari lagi bensinnya, harus isi",
    "Pose ✌️ sama anak2 di pantai",
    "Potong kuenya dua jari aja, lagi diet",
];

/// Ordinary chatter: most of the stream.
pub const CHATTER: &[&str] = &[
    "Selamat pagi, semangat kerja semuanya!",
    "Macet parah di {region} pagi ini",
    "Resep rendang enak banget, wajib coba",
    "Alhamdulillah hari ini gajian",
    "Hujan deras di {region}, hati2 di jalan",
    "Nomor antrean saya 12, masih lama",
    "Kopi pagi dulu sebelum rapat ☕",
    "Selamat ulang tahun sahabatku, panjang umur!",
    "Liburan ke {region} seru bgt",
    "Anak2 sekolah lagi hari ini",
    "Kangen masakan ibu",
    "Jalan sehat bersama keluarga hari minggu",
    "Ada yg tau servis motor murah di {region}?",
    "Jadwal posyandu bulan ini tanggal 5",
    "Turut berduka cita atas meninggalnya bapak Slamet",
    "Mohon doanya, ibu sedang sakit",
    "Pertandingan bola tadi malam seru",
    "Harga cabai naik lagi 😭",
    "Senam pagi di lapangan {region}",
    "Terima kasih atas ucapannya 🙏",
];

pub const BIOS_CIVIL: &[&str] = &[
    "ASN Pemkab {region}",
    "Guru SD Negeri",
    "Pegawai Dinas Kesehatan",
    "PNS | Ayah dari dua anak",
    "Abdi negara",
];

pub const BIOS_PUBLIC: &[&str] = &[
    "Pecinta kopi",
    "Wiraswasta",
    "Ibu rumah tangga",
    "Mahasiswa",
    "Hidup cuma sekali",
    "",
];

pub const SLOGAN_WORDS: &[&str] = &[
    "Maju Bersama",
    "Bangkit Sejahtera",
    "Hebat Berkah",
    "Juara Lagi",
    "Makmur Berkelanjutan",
];

/// Parties as people write them, with their 2024 ballot numbers and legal names.
pub const PARTIES: &[(u32, &str, &str)] = &[
    (1, "PKB", "Partai Kebangkitan Bangsa"),
    (2, "Gerindra", "Partai Gerakan Indonesia Raya"),
    (3, "PDIP", "Partai Demokrasi Indonesia Perjuangan"),
    (4, "Golkar", "Partai Golongan Karya"),
    (5, "NasDem", "Partai NasDem"),
    (8, "PKS", "Partai Keadilan Sejahtera"),
    (10, "Hanura", "Partai Hati Nurani Rakyat"),
    (12, "PAN", "Partai Amanat Nasional"),
    (14, "Demokrat", "Partai Demokrat"),
    (15, "PSI", "Partai Solidaritas Indonesia"),
    (16, "Perindo", "Partai Persatuan Indonesia"),
    (17, "PPP", "Partai Persatuan Pembangunan"),
];
