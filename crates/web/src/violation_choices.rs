//! The violations of the rules in force as a citizen picks them on the report form: grouped by
//! where they are seen (social media, events, photos…), each in plain words with an example
//! taken from real cases. Codes come from the rules files; the words from the translations
//! (`report-what-<CODE>` and `report-what-<CODE>-hint`), with the rule's own title for a code
//! added to the rules before anyone wrote plain words for it.

use netral_domain::rules::RuleSet;
use serde::Serialize;

use crate::page::Page;

/// Groups in the order shown, each with its codes in the order shown. A code of the rules that
/// is in no group lands in "other", so a new rule is offered the day it takes effect.
const GROUPS: [(&str, &[&str]); 6] = [
    (
        "report-group-social-media",
        &[
            "MEDSOS_INTERAKSI",
            "MEDSOS_KAMPANYE",
            "ETIK_MEDSOS_INTERAKSI",
            "ETIK_MEDSOS_PROMOSI",
        ],
    ),
    (
        "report-group-events",
        &[
            "DEKLARASI",
            "ETIK_DEKLARASI",
            "KEGIATAN_KEBERPIHAKAN",
            "ETIK_KEGIATAN_PROMOSI",
        ],
    ),
    ("report-group-photos", &["FOTO_KEBERPIHAKAN", "ETIK_FOTO"]),
    (
        "report-group-party",
        &[
            "TIM_SEBELUM_PENETAPAN",
            "TIM_SETELAH_PENETAPAN",
            "ANGGOTA_PARPOL",
            "DUKUNGAN_KTP",
            "ATRIBUT",
            "ETIK_ATRIBUT",
        ],
    ),
    ("report-group-office", &["KEPUTUSAN_MENGUNTUNGKAN"]),
    (
        "report-group-candidacy",
        &[
            "CALON_TIDAK_MUNDUR",
            "PENDEKATAN_PARPOL",
            "ETIK_KAMPANYE_PASANGAN",
        ],
    ),
];
const OTHER: &str = "report-group-other";

#[derive(Debug, Serialize)]
pub(crate) struct ChoiceGroup {
    pub heading_key: &'static str,
    pub choices: Vec<Choice>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Choice {
    pub code: String,
    /// Plain words, when translated; otherwise `title` is shown.
    pub label_key: Option<String>,
    pub hint_key: Option<String>,
    pub title: String,
    pub checked: bool,
}

/// The groups for `set`, with the codes in `checked` ticked. Empty groups are left out.
pub(crate) fn choice_groups(page: &Page, set: &RuleSet, checked: &[String]) -> Vec<ChoiceGroup> {
    let choice = |code: &str| {
        let violation = set.violation(code)?;
        let label_key = format!("report-what-{code}");
        let hint_key = format!("{label_key}-hint");
        Some(Choice {
            code: code.to_owned(),
            title: page.lang.pick(&violation.title).to_owned(),
            hint_key: page.has_text(&hint_key).then_some(hint_key),
            label_key: page.has_text(&label_key).then_some(label_key),
            checked: checked.iter().any(|c| c == code),
        })
    };
    let mut groups: Vec<ChoiceGroup> = GROUPS
        .iter()
        .map(|(heading_key, codes)| ChoiceGroup {
            heading_key,
            choices: codes.iter().filter_map(|code| choice(code)).collect(),
        })
        .collect();
    groups.push(ChoiceGroup {
        heading_key: OTHER,
        choices: set
            .violations
            .iter()
            .filter(|v| {
                !GROUPS
                    .iter()
                    .any(|(_, codes)| codes.contains(&v.code.as_str()))
            })
            .filter_map(|v| choice(&v.code))
            .collect(),
    });
    groups.retain(|group| !group.choices.is_empty());
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalog, Lang};

    /// Every code of every shipped rule version has plain words and an example in both
    /// languages, and sits in a group: the fallbacks are for rules added later.
    #[test]
    fn every_shipped_code_is_worded_and_grouped() {
        let book = netral_store::rules_files::load_rule_book(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules"),
        )
        .unwrap();
        let catalog = Catalog::load().unwrap();
        for set in book.versions() {
            for violation in &set.violations {
                let code = violation.code.as_str();
                assert!(
                    GROUPS.iter().any(|(_, codes)| codes.contains(&code)),
                    "{code} ({}) is in no group",
                    set.version
                );
                for lang in Lang::ALL {
                    for key in [
                        format!("report-what-{code}"),
                        format!("report-what-{code}-hint"),
                    ] {
                        catalog
                            .text(lang, &key, None)
                            .unwrap_or_else(|e| panic!("{e}"));
                    }
                }
            }
        }
        for (key, _) in GROUPS.iter().chain([&(OTHER, &[][..])]) {
            for lang in Lang::ALL {
                catalog
                    .text(lang, key, None)
                    .unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
}
