//! Sex as encoded in NIP and NIK.

use serde::{Deserialize, Serialize};

/// The sex recorded in an identifier. Both NIP and NIK encode exactly these two values, so the
/// domain does not model more than the source data can express.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    Male,
    Female,
}
