//! The phrases every election shares: calls to vote, finger signs, ballot-number phrases and
//! the neutral phrases that contain a call word. Written as people write them; the normaliser
//! turns them into the same form as the posts.

/// Calls to vote or support. "pilih" and "dukung" are everyday words too ("pilih baju"): a call
/// only counts near a candidate, a party or a number (see the rules).
pub const CAMPAIGN_CALLS: &[&str] = &[
    "coblos",
    "pilih",
    "dukung",
    "menangkan",
    "all in",
    "lanjutkan",
    "2 periode",
    "#2periode",
    "1 putaran",
    "satu putaran",
    "#1putaran",
    "jangan lupa pilih",
    "wajib menang",
    "harus menang",
];

/// Phrases that hold a call word without calling for anyone: matched so that, being longer,
/// they hide the call word inside them.
pub const NEUTRAL: &[&str] = &[
    "hak pilih",
    "pilih kasih",
    "pilih pilih",
    "daftar pilih",
    "tidak dukung siapa pun",
];

/// Finger counts and the greetings built on them; numbers 1 to 5.
pub fn hand_signs() -> Vec<String> {
    let mut out = Vec::new();
    for n in 1..=5 {
        out.push(format!("{n} jari"));
        out.push(format!("salam {n} jari"));
    }
    out
}

/// Ways of naming ballot number `n`.
pub fn number_phrases(n: u32) -> Vec<String> {
    [
        "nomor urut",
        "no urut",
        "urut",
        "nomor",
        "calon",
        "calon nomor",
        "calon presiden",
        "calon gubernur",
        "calon bupati",
        "calon wali kota",
        "pasangan",
        "pasangan calon",
        "partai nomor",
        "#calon",
        "#nomor",
    ]
    .iter()
    .map(|p| format!("{p} {n}"))
    .collect()
}
