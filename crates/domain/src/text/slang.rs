//! Indonesian chat and social-media shorthand, written out. Looked up after `normalise`, so
//! keys are lowercase, without punctuation, tripled letters or `4l4y` digits; a value may hold
//! several words (`ultah` → `ulang tahun`) or none (fillers that only add noise).

use std::collections::HashMap;
use std::sync::LazyLock;

/// Shorthand → standard words. Keys are unique (a test checks); values are not looked up
/// again, so write them in the standard spelling the stemmer expects.
pub const SLANG: &[(&str, &str)] = &[
    // Negation: every way of writing "no/not".
    ("g", "tidak"),
    ("ga", "tidak"),
    ("gak", "tidak"),
    ("gk", "tidak"),
    ("gag", "tidak"),
    ("ngga", "tidak"),
    ("nggak", "tidak"),
    ("ngak", "tidak"),
    ("nggk", "tidak"),
    ("engga", "tidak"),
    ("enggak", "tidak"),
    ("kagak", "tidak"),
    ("ndak", "tidak"),
    ("nda", "tidak"),
    ("tdk", "tidak"),
    ("tak", "tidak"),
    ("blm", "belum"),
    ("belom", "belum"),
    // Pronouns.
    ("sy", "saya"),
    ("aku", "saya"),
    ("aq", "saya"),
    ("gw", "saya"),
    ("gue", "saya"),
    ("gua", "saya"),
    ("ane", "saya"),
    ("km", "kamu"),
    ("kmu", "kamu"),
    ("lu", "kamu"),
    ("lo", "kamu"),
    ("elu", "kamu"),
    // Function words and question words.
    ("yg", "yang"),
    ("dgn", "dengan"),
    ("dg", "dengan"),
    ("dng", "dengan"),
    ("utk", "untuk"),
    ("untk", "untuk"),
    ("buat", "untuk"),
    ("sm", "sama"),
    ("dr", "dari"),
    ("dlm", "dalam"),
    ("krn", "karena"),
    ("karna", "karena"),
    ("krna", "karena"),
    ("pd", "pada"),
    ("jd", "jadi"),
    ("jdi", "jadi"),
    ("udh", "sudah"),
    ("udah", "sudah"),
    ("dah", "sudah"),
    ("sdh", "sudah"),
    ("klo", "kalau"),
    ("kalo", "kalau"),
    ("kl", "kalau"),
    ("klw", "kalau"),
    ("mo", "mau"),
    ("mw", "mau"),
    ("cm", "cuma"),
    ("gmn", "bagaimana"),
    ("gimana", "bagaimana"),
    ("gmana", "bagaimana"),
    ("bgmn", "bagaimana"),
    ("knp", "mengapa"),
    ("kenapa", "mengapa"),
    ("tp", "tapi"),
    ("tpi", "tapi"),
    ("msh", "masih"),
    ("masi", "masih"),
    ("hrs", "harus"),
    ("bs", "bisa"),
    ("bsa", "bisa"),
    ("blh", "boleh"),
    ("bole", "boleh"),
    ("aja", "saja"),
    ("jg", "juga"),
    ("lg", "lagi"),
    ("sbg", "sebagai"),
    ("kyk", "seperti"),
    ("kayak", "seperti"),
    ("spt", "seperti"),
    ("ato", "atau"),
    ("atw", "atau"),
    ("tsb", "tersebut"),
    ("dll", "dan lain lain"),
    ("bgt", "banget"),
    ("sblm", "sebelum"),
    ("stlh", "setelah"),
    ("sesudah", "setelah"),
    ("dpt", "dapat"),
    ("org", "orang"),
    ("ortu", "orang tua"),
    ("skrg", "sekarang"),
    ("emg", "memang"),
    ("tau", "tahu"),
    ("gpp", "tidak apa apa"),
    // Fillers of spoken style: `nge-like` splits into a bare `nge`.
    ("nge", ""),
    ("sih", ""),
    ("dong", ""),
    ("deh", ""),
    ("nih", ""),
    ("tuh", ""),
    ("kok", ""),
    // Informal verbs.
    ("dtg", "datang"),
    ("dateng", "datang"),
    ("denger", "dengar"),
    ("dengerin", "dengar"),
    ("nonton", "tonton"),
    ("pake", "pakai"),
    ("pakek", "pakai"),
    ("ikutan", "ikut"),
    ("masang", "pasang"),
    ("kumpulin", "kumpul"),
    ("ngumpulin", "kumpul"),
    ("bikin", "buat"),
    ("ngasih", "beri"),
    ("kasih", "beri"),
    ("ngajak", "ajak"),
    ("nyebar", "sebar"),
    ("nyebarin", "sebar"),
    ("anter", "antar"),
    ("nganter", "antar"),
    ("nganterin", "antar"),
    ("bareng", "bersama"),
    ("barengan", "bersama"),
    ("ketemu", "bertemu"),
    ("nobar", "tonton bersama"),
    ("milih", "pilih"),
    ("nyoblos", "coblos"),
    ("nyuruh", "suruh"),
    ("ngundang", "undang"),
    ("join", "gabung"),
    ("duit", "uang"),
    // Running for office, colloquially.
    ("nyalon", "calon"),
    ("nyalonin", "calon"),
    ("nyaleg", "calon legislatif"),
    ("nyapres", "calon presiden"),
    ("nyagub", "calon gubernur"),
    ("nyabup", "calon bupati"),
    // Social media: reactions.
    ("like", "suka"),
    ("likes", "suka"),
    ("laik", "suka"),
    ("ngelike", "suka"),
    ("ngelaik", "suka"),
    ("ngelajk", "suka"),
    ("ngelik", "suka"),
    ("share", "bagi"),
    ("sher", "bagi"),
    ("ngeshare", "bagi"),
    ("repost", "bagi"),
    ("ngerepost", "bagi"),
    ("retweet", "bagi"),
    ("rt", "bagi"),
    ("regram", "bagi"),
    ("ngefollow", "follow"),
    ("folow", "follow"),
    ("followin", "follow"),
    ("komen", "komentar"),
    ("koment", "komentar"),
    ("komenin", "komentar"),
    ("ngomen", "komentar"),
    ("ngomenin", "komentar"),
    ("comment", "komentar"),
    // Social media: posting and platforms.
    ("post", "posting"),
    ("ngepost", "posting"),
    ("ngepos", "posting"),
    ("upload", "unggah"),
    ("ngupload", "unggah"),
    ("ngetwit", "twit"),
    ("tweet", "twit"),
    ("ngetweet", "twit"),
    ("cuit", "twit"),
    ("medsos", "media sosial"),
    ("sosmed", "media sosial"),
    ("ig", "instagram"),
    ("insta", "instagram"),
    ("fb", "facebook"),
    ("wa", "whatsapp"),
    ("wag", "whatsapp grup"),
    ("whatsap", "whatsapp"),
    ("yt", "youtube"),
    ("tt", "tiktok"),
    ("sw", "status whatsapp"),
    ("pp", "foto profil"),
    ("dp", "foto profil"),
    ("pfp", "foto profil"),
    ("group", "grup"),
    ("grp", "grup"),
    // Elections: parties, candidates, teams.
    ("ultah", "ulang tahun"),
    ("hut", "ulang tahun"),
    ("parpol", "partai politik"),
    ("capres", "calon presiden"),
    ("cawapres", "calon wakil presiden"),
    ("caleg", "calon legislatif"),
    ("cakada", "calon"),
    ("paslon", "calon"),
    ("cln", "calon"),
    ("cagub", "calon gubernur"),
    ("cawagub", "calon wakil gubernur"),
    ("cabup", "calon bupati"),
    ("cawabup", "calon wakil bupati"),
    ("cawalkot", "calon wali kota"),
    ("cawali", "calon wali kota"),
    ("walkot", "wali kota"),
    ("walikota", "wali kota"),
    ("balon", "bakal calon"),
    ("bacalon", "bakal calon"),
    ("bacaleg", "bakal calon legislatif"),
    ("bacapres", "bakal calon presiden"),
    ("bacakada", "bakal calon"),
    ("timses", "tim sukses"),
    ("pilpres", "pemilu presiden"),
    ("pileg", "pemilu legislatif"),
    ("pilgub", "pilkada gubernur"),
    ("pilbup", "pilkada bupati"),
    ("pilwalkot", "pilkada wali kota"),
    ("fc", "fotokopi"),
    ("fotocopy", "fotokopi"),
    ("fotocopi", "fotokopi"),
    ("bansos", "bantuan sosial"),
    ("ranmor", "kendaraan"),
    // Numbers spelled out, as gestures are named (`salam 2 jari`).
    ("1", "satu"),
    ("2", "dua"),
    ("3", "tiga"),
];

static TABLE: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| SLANG.iter().copied().collect());

/// The standard words for a shorthand word, `None` when it is not shorthand. An empty string
/// means the word carries nothing and is dropped.
pub fn expand(word: &str) -> Option<&'static str> {
    TABLE.get(word).copied()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::{SLANG, expand};

    #[test]
    fn keys_are_unique_and_already_normalised() {
        let mut seen = HashSet::new();
        for (key, _) in SLANG {
            assert!(seen.insert(key), "`{key}` is listed twice");
            assert_eq!(crate::text::normalise::words(key), [*key], "`{key}`");
        }
    }

    #[test]
    fn shorthand_expands_to_one_or_several_words() {
        assert_eq!(expand("gak"), Some("tidak"));
        assert_eq!(expand("yg"), Some("yang"));
        assert_eq!(expand("ultah"), Some("ulang tahun"));
        assert_eq!(expand("capres"), Some("calon presiden"));
        assert_eq!(expand("ngelike"), Some("suka"));
        assert_eq!(expand("nge"), Some(""));
        assert_eq!(expand("calon"), None);
    }
}
