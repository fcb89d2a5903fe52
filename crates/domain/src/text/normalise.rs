//! Characters and word shapes: what is left of a text once case, accents, punctuation and the
//! habits of chat writing (`s4y4`, `bangettt`, `foto2`, `nge-like`) are taken out. Words come
//! out as lowercase ASCII letters and digits; slang and affixes are later steps.

use std::borrow::Cow;

/// The words of `text`, in order, cleaned up:
/// - lowercase, accents removed (`é` → `e`), anything but letters and digits separates words
///   (apostrophes join: `jum'at` → `jumat`);
/// - hyphenated words split (`nge-like` → `nge like`), and a doubled word kept once
///   (`foto-foto` → `foto`);
/// - a reduplicating `2` dropped (`foto2` → `foto`, `foto2nya` → `fotonya`);
/// - a number glued to a word split off (`pilkada2024` → `pilkada 2024`);
/// - other digits mixed with letters read as the letters they imitate (`s4y4` → `saya`);
/// - a letter repeated three times or more written once (`bangettt` → `banget`).
///
/// Non-Latin characters (emoji, other scripts) only separate words.
pub fn words(text: &str) -> Vec<String> {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match fold(c) {
            Some(c) => folded.push(c),
            None if c == '\'' || c == '’' => {}
            None => folded.push(' '),
        }
    }
    let mut out = Vec::new();
    for chunk in folded.split_whitespace() {
        let parts: Vec<&str> = chunk.split('-').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [a, b] if a == b => clean(a, &mut out),
            _ => parts.iter().for_each(|p| clean(p, &mut out)),
        }
    }
    out
}

/// The ASCII letter or digit a character stands for, `-` kept for the hyphen rule, `None` for
/// a separator. Only the accents that turn up in Indonesian writing and loanwords are folded.
fn fold(c: char) -> Option<char> {
    let plain = match c {
        'a'..='z' | '0'..='9' | '-' => c,
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ì'..='ï' | 'ī' | 'ĭ' | 'į' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ù'..='ü' | 'ū' | 'ŭ' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' | 'ş' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ğ' => 'g',
        // Dashes people type instead of a hyphen.
        '‐' | '‑' => '-',
        _ => return None,
    };
    Some(plain)
}

/// One hyphen-free piece, pushed as zero, one or two words.
fn clean(piece: &str, out: &mut Vec<String>) {
    let has_letter = piece.bytes().any(|b| b.is_ascii_lowercase());
    let has_digit = piece.bytes().any(|b| b.is_ascii_digit());
    if !has_letter {
        out.push(piece.to_owned());
        return;
    }
    if !has_digit {
        out.push(collapse_repeats(piece).into_owned());
        return;
    }
    // A year or number glued to a word is two words, not leetspeak.
    let letters_end = piece
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(piece.len());
    let (word, number) = piece.split_at(letters_end);
    if number.len() >= 2 && number.bytes().all(|b| b.is_ascii_digit()) {
        out.push(collapse_repeats(word).into_owned());
        out.push(number.to_owned());
        return;
    }
    let mut word = String::with_capacity(piece.len());
    let mut previous_is_letter = false;
    for c in piece.chars() {
        let letter = match c {
            // `2` after a letter repeats the word (`foto2` = `foto-foto`).
            '2' if previous_is_letter => continue,
            '4' => 'a',
            '3' => 'e',
            '1' => 'i',
            '0' => 'o',
            '5' => 's',
            '7' => 't',
            c => c,
        };
        previous_is_letter = letter.is_ascii_lowercase();
        word.push(letter);
    }
    out.push(collapse_repeats(&word).into_owned());
}

/// Writes a letter once where it appears three times or more in a row: no Indonesian word has
/// a tripled letter, while doubled ones are real (`maaf`, `saat`). Borrows when there is
/// nothing to collapse (the screening engine calls it for every word).
pub fn collapse_repeats(word: &str) -> Cow<'_, str> {
    let bytes = word.as_bytes();
    if !bytes.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]) {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < bytes.len() {
        let mut run = 1;
        while i + run < bytes.len() && bytes[i + run] == bytes[i] {
            run += 1;
        }
        let keep = if run >= 3 && bytes[i].is_ascii_lowercase() {
            1
        } else {
            run
        };
        for _ in 0..keep {
            out.push(bytes[i] as char);
        }
        i += run;
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn case_punctuation_and_accents_go() {
        assert_eq!(words("Boleh, GAK?! (tanya)"), ["boleh", "gak", "tanya"]);
        assert_eq!(words("Café résumé"), ["cafe", "resume"]);
        assert_eq!(words("jum'at… “foto” 🙏 dong"), ["jumat", "foto", "dong"]);
        assert!(words("  ?! ").is_empty());
    }

    #[test]
    fn digits_for_letters_are_read_only_inside_words() {
        assert_eq!(words("s4y4 b0leh g4k"), ["saya", "boleh", "gak"]);
        assert_eq!(words("k4mp4ny3 p1lk4d4"), ["kampanye", "pilkada"]);
        assert_eq!(
            words("salam 2 jari nomor 01"),
            ["salam", "2", "jari", "nomor", "01"]
        );
        assert_eq!(words("pilkada2024"), ["pilkada", "2024"]);
    }

    #[test]
    fn letters_repeated_three_times_collapse() {
        assert_eq!(words("bangettt gaaak"), ["banget", "gak"]);
        assert_eq!(words("maaf saat"), ["maaf", "saat"], "doubled letters stay");
    }

    #[test]
    fn hyphens_split_and_reduplication_folds() {
        assert_eq!(words("nge-like"), ["nge", "like"]);
        assert_eq!(words("foto-foto"), ["foto"]);
        assert_eq!(words("foto2 foto2nya"), ["foto", "fotonya"]);
        assert_eq!(words("-ASN-"), ["asn"]);
    }
}
