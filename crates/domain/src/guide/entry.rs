//! One situation the guide knows, as the rules data states it.

use serde::{Deserialize, Serialize};

use crate::rules::Bilingual;

/// What the guide says about an act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Allowed (*boleh*).
    Allowed,
    /// Allowed only as the entry's `conditions` say (*boleh, dengan syarat*).
    Conditional,
    /// Forbidden (*tidak boleh*); the entry names the violation it is.
    Forbidden,
}

impl Verdict {
    /// The name used in the rules data and by the web layer: `allowed`, `conditional` or
    /// `forbidden`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Allowed => "allowed",
            Self::Conditional => "conditional",
            Self::Forbidden => "forbidden",
        }
    }
}

/// A `[[guide]]` entry of a rule set (checked by the parser: code unique, violation known,
/// the fields each verdict needs present).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GuideEntry {
    /// Unique within the rule set, e.g. `LIKE_POSTINGAN_CALON`; stable, so links can use it.
    pub code: String,
    /// The situation in canonical words, e.g. "Menyukai (like) postingan calon di media sosial".
    pub question: Bilingual,
    pub verdict: Verdict,
    /// The violation code of the same rule set the act is (for `forbidden`, always present) or
    /// becomes once the conditions are not kept (for the other verdicts, when given).
    pub violation: Option<String>,
    /// The reason, in plain words.
    pub answer: Bilingual,
    /// What must hold for the act to stay allowed; always present for `conditional`.
    pub conditions: Option<Bilingual>,
    /// What to do instead (take unpaid leave, resign before designation, …).
    pub instead: Option<Bilingual>,
    /// The entry's own legal basis: the whole of it when there is no violation, an addition
    /// to the violation's otherwise.
    pub legal_basis: Option<String>,
    /// Everyday ways people put the question (informal Indonesian welcome); at least one.
    /// Searched together with the question, never shown.
    pub phrases: Vec<String>,
}
