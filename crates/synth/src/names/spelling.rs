//! Old (pre-1972) spellings and a spelling key that sees through them.
//!
//! Indonesian spelling changed in 1947 (oe → u) and 1972 (dj → j, tj → c, j → y, nj → ny,
//! sj → sy, ch → kh), but names are personal property and many kept the old form: Soeharto,
//! Djoko, Tjahjo, Jusuf. A roster may hold one form and a candidate list the other.

/// Writes `word` (a modern spelling) in the old spelling, appending to `out`.
pub fn write_old(word: &str, out: &mut String) {
    let bytes = word.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1).map(u8::to_ascii_lowercase);
        let prev = i.checked_sub(1).map(|p| bytes[p].to_ascii_lowercase());
        let upper = b.is_ascii_uppercase();
        match b.to_ascii_lowercase() {
            b'u' => out.push_str(if upper { "Oe" } else { "oe" }),
            // "kh" became "ch"; the "h" is written by the next step.
            b'k' if next == Some(b'h') => out.push(if upper { 'C' } else { 'c' }),
            b'j' => out.push_str(if upper { "Dj" } else { "dj" }),
            // "ch" in a modern name (Chairul) was never "tj".
            b'c' if next != Some(b'h') => out.push_str(if upper { "Tj" } else { "tj" }),
            // "dy" and "ty" were not written "dj"/"tj" (Dyah, Setyo): keep them apart.
            b'y' if !matches!(prev, Some(b'd' | b't')) => out.push(if upper { 'J' } else { 'j' }),
            _ => out.push(char::from(b)),
        }
    }
}

/// A lowercase key under which a word and its old spelling agree: `key("Soedjono") ==
/// key("Sujono")`, `key("Tjahjo") == key("Cahyo")`. Modern j and y both become `y`, so
/// different modern names may share a key (Joko, Yoko); that is the price of not knowing the
/// era a name was written in.
pub fn spelling_key(word: &str, out: &mut String) {
    let lower: Vec<u8> = word
        .bytes()
        .filter(|b| b.is_ascii_alphanumeric())
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let mut i = 0;
    while i < lower.len() {
        let b = lower[i];
        let next = lower.get(i + 1).copied();
        match (b, next) {
            (b'o', Some(b'e')) => {
                out.push('u');
                i += 2;
            }
            (b'd', Some(b'j')) => {
                out.push('y');
                i += 2;
            }
            (b't', Some(b'j')) => {
                out.push('c');
                i += 2;
            }
            (b'c', Some(b'h')) => {
                out.push_str("kh");
                i += 2;
            }
            (b'j', _) => {
                out.push('y');
                i += 1;
            }
            _ => {
                out.push(char::from(b));
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn old(word: &str) -> String {
        let mut out = String::new();
        write_old(word, &mut out);
        out
    }

    fn key(word: &str) -> String {
        let mut out = String::new();
        spelling_key(word, &mut out);
        out
    }

    #[test]
    fn writes_the_old_spelling() {
        for (modern, written) in [
            ("Suharto", "Soeharto"),
            ("Joko", "Djoko"),
            ("Cahyo", "Tjahjo"),
            ("Yusuf", "Joesoef"),
            ("Nyoman", "Njoman"),
            ("Syamsul", "Sjamsoel"),
            ("Khairul", "Chairoel"),
            ("Chairul", "Chairoel"),
            ("Dyah", "Dyah"),
            ("Setyo", "Setyo"),
        ] {
            assert_eq!(old(modern), written, "{modern}");
        }
    }

    #[test]
    fn old_and_new_share_a_key() {
        for word in [
            "Suharto", "Joko", "Cahyo", "Yusuf", "Nyoman", "Syamsul", "Khairul", "Chairul", "Dyah",
            "Setyo", "Sujono", "Raharjo", "Kuncoro", "Ujang", "Cecep",
        ] {
            assert_eq!(key(word), key(&old(word)), "{word}");
            assert_eq!(key(word), key(&word.to_uppercase()), "{word}");
        }
        assert_eq!(key("Rahardjo"), key("Raharjo"));
        assert_ne!(key("Budi"), key("Bude"));
    }
}
