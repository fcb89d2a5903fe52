use proptest::prelude::*;

use super::*;

fn joined(written: &str) -> String {
    name_key(written)
        .map(|k| k.joined.into())
        .unwrap_or_default()
}

#[test]
fn titles_come_off_front_back_and_glued() {
    assert_eq!(
        joined("Dr. Ir. H. Joko Susilo, M.T."),
        joined("Joko Susilo")
    );
    assert_eq!(
        joined("Ir.Hj. Siti Rahma, S.Pd., M.Si."),
        joined("Siti Rahma")
    );
    assert_eq!(joined("DRS. BAMBANG, S.H."), joined("Bambang"));
    assert_eq!(joined("Siti Rahma S.Pd."), joined("Siti Rahma"));
}

#[test]
fn case_and_punctuation_go() {
    assert_eq!(joined("SITI   NURHALIZA"), "siti nurhaliza");
    assert_eq!(joined("Ma'ruf Amin"), "maruf amin");
    assert_eq!(joined("Nur-Hayati"), "nur hayati");
}

#[test]
fn muhammad_and_abdul_abbreviations_expand() {
    for form in [
        "M.",
        "Moh.",
        "Muh.",
        "Mhd.",
        "Moch.",
        "Mochammad",
        "Mohammad",
        "Muhamad",
    ] {
        assert_eq!(joined(&format!("{form} Yusuf")), "muhammad yusuf", "{form}");
    }
    assert_eq!(joined("Abd. Rahman"), joined("Abdul Rahman"));
    assert_eq!(joined("Abd.Rahman"), joined("Abdul Rahman"));
}

#[test]
fn old_spellings_meet_their_modern_form() {
    for (old, modern) in [
        ("Soeharto", "Suharto"),
        ("Djoko", "Joko"),
        ("Tjahjo", "Cahyo"),
        ("Joesoef", "Yusuf"),
        ("Njoman", "Nyoman"),
        ("Sjamsoel", "Syamsul"),
        ("Chairoel", "Khairul"),
    ] {
        assert_eq!(joined(old), joined(modern), "{old}");
    }
}

#[test]
fn modern_spellings_are_not_corrupted() {
    // "dy" and "ty" are modern and stay apart from "dj"/"tj"; distinct modern names stay distinct.
    assert_ne!(joined("Dyah"), joined("Jah"));
    assert_ne!(joined("Setyo"), joined("Seco"));
    assert_ne!(joined("Budi"), joined("Bude"));
    assert_ne!(joined("Cecep"), joined("Kekep"));
    assert_eq!(joined("Chandra"), joined("Khandra"));
}

#[test]
fn balinese_birth_order_names_are_weak_at_the_start_only() {
    let key = name_key("I Wayan Sudarsana").unwrap();
    assert_eq!(key.weak, vec![true, true, false]);
    let key = name_key("Ni Made Ayu Lestari").unwrap();
    assert_eq!(key.weak, vec![true, true, true, false]);
    let key = name_key("Agus Made").unwrap();
    assert_eq!(key.weak, vec![false, false]);
    // Nothing but the prefix: it is all there is.
    let key = name_key("I Ketut").unwrap();
    assert_eq!(key.weak, vec![false, false]);
}

#[test]
fn spelling_variants_share_a_phonetic_key() {
    for group in [
        &["Ahmad", "Achmad", "Akhmad"][..],
        &["Zaenal", "Zainal"],
        &["Rizki", "Rizky"],
        &["Syamsudin", "Syamsuddin"],
        &["Noor", "Nor", "Nur"],
        &["Khairul", "Hairul", "Chairul"],
        &["Husein", "Husain"],
        &["Taufik", "Taufiq"],
        &["Hafiz", "Hafidz"],
        &["Siti", "Sitti"],
        &["Supian", "Sufian"],
        &["Usman", "Utsman"],
    ] {
        let first = name_key(group[0]).unwrap().sounds;
        for word in &group[1..] {
            assert_eq!(
                name_key(word).unwrap().sounds,
                first,
                "{} / {word}",
                group[0]
            );
        }
    }
    assert_ne!(
        name_key("Budi").unwrap().sounds,
        name_key("Wati").unwrap().sounds
    );
}

#[test]
fn nothing_of_a_name_gives_none() {
    assert!(name_key("").is_none());
    assert!(name_key(" . , ").is_none());
}

proptest! {
    #[test]
    fn normalising_twice_changes_nothing(text in "[A-Za-z .,'-]{0,40}") {
        let once = normalise_words(&text);
        let twice = normalise_words(&once.join(" "));
        prop_assert_eq!(&twice, &once);
    }

    #[test]
    fn case_does_not_matter(text in "[A-Za-z ]{1,30}") {
        prop_assert_eq!(
            name_key(&text).map(|k| k.joined),
            name_key(&text.to_uppercase()).map(|k| k.joined)
        );
    }
}

#[test]
fn a_name_written_twice_is_keyed_once() {
    let mut names = NameKeys::default();
    let first = names.get("Ir. Djoko Santoso").unwrap();
    let again = names.get("Ir. Djoko Santoso").unwrap();
    assert!(std::sync::Arc::ptr_eq(&first, &again));
    assert_eq!(*first, name_key("Ir. Djoko Santoso").unwrap());
    // Another writing is another entry, with an equal key.
    let other = names.get("IR. DJOKO SANTOSO").unwrap();
    assert!(!std::sync::Arc::ptr_eq(&first, &other));
    assert_eq!(first.joined, other.joined);
    assert!(names.get(" . ").is_none() && names.get(" . ").is_none());
}
