//! The letters the oversight body sends a PPK (*Pejabat Pembina Kepegawaian*, the employing
//! authority): the recommendation naming the violations and the sanction, and the warning when
//! the PPK has not acted by the deadline. The system numbers them, one sequence per kind and
//! year, in the usual Indonesian form `0042/REK/BKN/XI/2026`: serial, kind code, the issuing
//! body's prefix, month in Roman numerals, year.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::case::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LetterKind {
    /// *Surat rekomendasi*: the violations found and the sanction recommended.
    Recommendation,
    /// *Surat peringatan*: the PPK has not acted on the recommendation in time.
    Warning,
}

impl LetterKind {
    pub const ALL: [LetterKind; 2] = [Self::Recommendation, Self::Warning];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Recommendation => "recommendation",
            Self::Warning => "warning",
        }
    }

    /// The kind's code in a letter number.
    pub fn code(self) -> &'static str {
        match self {
            Self::Recommendation => "REK",
            Self::Warning => "PRG",
        }
    }

    /// The letter an action sends, if it sends one.
    pub fn of(action: &Action) -> Option<LetterKind> {
        match action {
            Action::IssueRecommendation { .. } => Some(Self::Recommendation),
            Action::Warn { .. } => Some(Self::Warning),
            _ => None,
        }
    }
}

impl std::str::FromStr for LetterKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown letter kind `{s}`"))
    }
}

/// The letter number of an action that sends a letter, for the store to fill in.
pub fn letter_number_mut(action: &mut Action) -> Option<&mut String> {
    match action {
        Action::IssueRecommendation { letter_number, .. } | Action::Warn { letter_number } => {
            Some(letter_number)
        }
        _ => None,
    }
}

/// `0042/REK/BKN/XI/2026`: the serial within the kind and year (at least four digits), the
/// kind's code, the issuing body's prefix, the month of `issued_on` in Roman numerals, its year.
pub fn letter_number(kind: LetterKind, serial: i64, prefix: &str, issued_on: NaiveDate) -> String {
    format!(
        "{serial:04}/{}/{prefix}/{}/{}",
        kind.code(),
        roman_month(issued_on.month()),
        issued_on.year()
    )
}

fn roman_month(month: u32) -> &'static str {
    const ROMAN: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    ROMAN[(month as usize).clamp(1, 12) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn numbers_read_as_indonesian_letter_numbers() {
        assert_eq!(
            letter_number(LetterKind::Recommendation, 42, "BKN", d(2026, 11, 3)),
            "0042/REK/BKN/XI/2026"
        );
        assert_eq!(
            letter_number(LetterKind::Warning, 1, "D.IV", d(2027, 1, 1)),
            "0001/PRG/D.IV/I/2027"
        );
        assert_eq!(
            letter_number(LetterKind::Warning, 12345, "KASN", d(2024, 4, 30)),
            "12345/PRG/KASN/IV/2024"
        );
    }

    #[test]
    fn only_recommendations_and_warnings_carry_a_letter() {
        let mut issue = Action::IssueRecommendation {
            letter_number: String::new(),
            sanction: "S".into(),
            override_reason: None,
        };
        assert_eq!(LetterKind::of(&issue), Some(LetterKind::Recommendation));
        *letter_number_mut(&mut issue).unwrap() = "0001/REK/BKN/I/2026".into();
        assert!(
            matches!(issue, Action::IssueRecommendation { ref letter_number, .. } if letter_number == "0001/REK/BKN/I/2026")
        );
        let mut warn = Action::Warn {
            letter_number: String::new(),
        };
        assert_eq!(LetterKind::of(&warn), Some(LetterKind::Warning));
        assert!(letter_number_mut(&mut warn).is_some());
        let mut close = Action::Close { note: "n".into() };
        assert_eq!(LetterKind::of(&close), None);
        assert!(letter_number_mut(&mut close).is_none());
        for kind in LetterKind::ALL {
            assert_eq!(kind.as_str().parse::<LetterKind>(), Ok(kind));
        }
    }
}
