//! Hand signs. In Indonesian campaigns a raised finger count names a ballot number ("salam dua
//! jari" for pair 2), so the emoji are written out as the words people use for them, and the
//! watchlist then only needs phrases.

/// The words an emoji stands for, `None` for any other character. Skin-tone modifiers and the
/// emoji variation selector carry nothing and are dropped by the caller as separators.
pub fn sign_words(c: char) -> Option<&'static str> {
    Some(match c {
        // Victory hand: two fingers.
        '\u{270C}' => "2 jari",
        // Index pointing up: one finger.
        '\u{261D}' => "1 jari",
        // Love-you gesture and OK hand: three raised fingers, used for pair 3.
        '\u{1F91F}' | '\u{1F44C}' => "3 jari",
        // Hand with fingers splayed / raised hand: five, rarely a ballot number but it happens.
        '\u{1F590}' => "5 jari",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::sign_words;

    #[test]
    fn finger_emoji_name_their_count() {
        assert_eq!(sign_words('✌'), Some("2 jari"));
        assert_eq!(sign_words('☝'), Some("1 jari"));
        assert_eq!(sign_words('🤟'), Some("3 jari"));
        assert_eq!(sign_words('🙏'), None);
    }
}
