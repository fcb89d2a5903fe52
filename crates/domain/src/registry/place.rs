//! Regency and city names as candidate lists and forms write them ("KAB. KARAWANG", "Kabupaten
//! Karawang", "KOTA BANDUNG"), reduced to a key that the official region names reduce to too.

use crate::roster::agency_key;

/// The name without case, punctuation or abbreviations: "KAB. KARAWANG" and "Kabupaten
/// Karawang" give the same key; "Kota Bandung" and "Kabupaten Bandung" do not. A name written
/// without "Kabupaten"/"Kota" gives the bare name, which the store matches only where it is
/// not ambiguous.
pub fn place_key(text: &str) -> String {
    let key = agency_key(text);
    // Jakarta's "Kota/Kabupaten Administrasi" is written "Adm." or left out.
    key.replace(" administrasi ", " ").replace(" adm ", " ")
}

/// The key without its leading "kabupaten " or "kota ", when it has one.
pub fn bare_place_key(key: &str) -> Option<&str> {
    key.strip_prefix("kabupaten ")
        .or_else(|| key.strip_prefix("kota "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kpu_spellings_meet_the_official_names() {
        assert_eq!(place_key("KAB. KARAWANG"), place_key("Kabupaten Karawang"));
        assert_eq!(place_key("KOTA BANDUNG"), "kota bandung");
        assert_ne!(place_key("Kota Bandung"), place_key("Kab. Bandung"));
        assert_eq!(
            place_key("KOTA ADM. JAKARTA SELATAN"),
            place_key("Kota Administrasi Jakarta Selatan")
        );
        assert_eq!(bare_place_key("kabupaten karawang"), Some("karawang"));
        assert_eq!(bare_place_key("karawang"), None);
    }
}
