//! A cheap upper bound on a pair's score, from a compact copy of each side's values.
//!
//! Most blocked pairs are strangers who share a birth date or a rare word and score far below
//! the review band. Telling so from the full values costs a walk through several heap objects
//! per pair (the query, its values, its name key, the name's text), which on a large roster is
//! most of the run. The quick values sit in one flat array per side, and unequal hashes of
//! two names prove they are neither exact nor phonetic; a pair whose bound is below the review
//! band is skipped, and every other pair is compared in full. The bound is never below the
//! score (a hash collision only loosens it), so skipping changes no proposal.

use chrono::NaiveDate;

use crate::normalise::hash_u64s;
use crate::record::Value;

/// A field's value reduced to what the bound reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Quick {
    Missing,
    /// A name: the hashes of its joined words and of its sorted sounds.
    Name {
        joined: u64,
        sounds: u64,
    },
    Date(NaiveDate),
    Exact(u64),
    /// Text or a set of words: a hash of the whole value.
    Hashed(u64),
}

impl Quick {
    pub(crate) fn of(value: &Value) -> Quick {
        match value {
            Value::Name(Some(name)) => Quick::Name {
                joined: name.joined_hash,
                sounds: name.sounds_hash,
            },
            Value::Date(Some(date)) => Quick::Date(*date),
            Value::Exact(Some(hash)) => Quick::Exact(*hash),
            Value::Text(Some(text)) => Quick::Hashed(crate::normalise::hash_str(text)),
            Value::Words(Some(words)) => Quick::Hashed(hash_u64s(words)),
            _ => Quick::Missing,
        }
    }
}

/// What a field can weigh at most for a pair, from what its quick values tell.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Ceiling {
    /// The level is known: its index.
    Level(u8),
    /// Exactly equal, or a hash collision: at most the exact level or the best below it.
    EqualOrBelow,
    /// Not exact; same sounds (or a collision): at most the best level below exact.
    BelowExact,
    /// Neither exact nor phonetic: at most the best level below phonetic.
    BelowPhonetic,
}

/// The ceiling of one field's comparison, given both sides' quick values.
pub(crate) fn ceiling(query: Quick, record: Quick) -> Ceiling {
    match (query, record) {
        (Quick::Missing, _) | (_, Quick::Missing) => Ceiling::Level(0),
        (Quick::Date(a), Quick::Date(b)) => Ceiling::Level(crate::compare::date_level(a, b)),
        (Quick::Exact(a), Quick::Exact(b)) => Ceiling::Level(crate::compare::category_level(a, b)),
        (
            Quick::Name {
                joined: a,
                sounds: sa,
            },
            Quick::Name {
                joined: b,
                sounds: sb,
            },
        ) => {
            if a == b {
                Ceiling::EqualOrBelow
            } else if sa == sb {
                Ceiling::BelowExact
            } else {
                Ceiling::BelowPhonetic
            }
        }
        (Quick::Hashed(a), Quick::Hashed(b)) if a == b => Ceiling::EqualOrBelow,
        // Unequal hashes, or values of two kinds (a schema never mixes them).
        _ => Ceiling::BelowExact,
    }
}
