//! What the engine links and what it proposes.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::blocking::BlockingRule;
use crate::compare::Comparator;
use crate::normalise::{NameKey, name_key};

/// One compared field: its name (in explanations and saved models) and how it is compared.
#[derive(Debug, Clone)]
pub struct FieldSpec {
    pub name: String,
    pub comparator: Comparator,
}

impl FieldSpec {
    pub fn new(name: &str, comparator: Comparator) -> FieldSpec {
        FieldSpec {
            name: name.to_owned(),
            comparator,
        }
    }
}

/// What both sides of a linkage hold, field by field, and how pairs are found.
#[derive(Debug, Clone)]
pub struct Schema {
    pub fields: Vec<FieldSpec>,
    pub blocking: Vec<BlockingRule>,
    /// The rules whose pairs train `m` by EM, one session each (Splink's way): a session
    /// estimates the fields its rule does not block on. The first also gives the prior.
    pub training: Vec<BlockingRule>,
    /// A region field (compared with [`Comparator::Exact`]) within which name frequencies are
    /// counted for the pairs that agree on it: names follow regional traditions, so two
    /// people of one regency share a name more often than two people of the country do.
    pub name_region: Option<usize>,
    /// A sex field (compared with [`Comparator::Exact`]) within which name frequencies are
    /// counted: "Siti" is a woman's name, so two records that both read "Siti" agree on sex
    /// without it being a second coincidence, and the sex field's agreement must not count
    /// again what the name already said.
    pub name_sex: Option<usize>,
}

/// One field's value, prepared for comparison once, when the record is read.
#[derive(Debug, Clone)]
pub enum Value {
    /// A person's name, normalised (see [`crate::normalise`]); `None` when empty. Shared:
    /// rows that carry the same name share one key (see [`crate::normalise::NameKeys`]).
    Name(Option<Arc<NameKey>>),
    Date(Option<NaiveDate>),
    /// A category compared for equality only (sex, region code, postcode), as a hash.
    Exact(Option<u64>),
    /// Free text compared by similarity (an address, an identity number typed by hand).
    Text(Option<Box<str>>),
    /// A set of words compared by overlap (academic degrees), as sorted distinct hashes;
    /// `None` when there are none. Shared: rows with the same titles share one set.
    Words(Option<Arc<[u64]>>),
}

impl Value {
    /// A name as written, normalised.
    pub fn name(written: &str) -> Value {
        Value::Name(name_key(written).map(Arc::new))
    }
}

/// A record of the big side (the roster), streamed through the engine once.
#[derive(Debug, Clone)]
pub struct Record {
    /// What identifies it in the source: the NIP for the roster.
    pub id: String,
    /// How to show it to a person: the name as written, with titles.
    pub display: String,
    pub values: Vec<Value>,
}

/// Who a query looks for: the candidate, or the spouse the candidate declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The candidate is the civil servant (who must resign once designated).
    #[serde(rename = "self")]
    Own,
    /// The candidate's spouse is the civil servant (who must take CLTN, unpaid leave).
    Spouse,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Own => "self",
            Relation::Spouse => "spouse",
        }
    }

    pub fn parse(text: &str) -> Option<Relation> {
        match text {
            "self" => Some(Relation::Own),
            "spouse" => Some(Relation::Spouse),
            _ => None,
        }
    }
}

/// A record of the small side (a candidate list), held in memory with its blocking index.
/// A candidate with a declared spouse gives two queries.
#[derive(Debug, Clone)]
pub struct Query {
    /// What identifies the candidate in the source: the file's line, or the database id.
    pub id: String,
    pub relation: Relation,
    pub display: String,
    pub values: Vec<Value>,
}

/// Above the match threshold a pair is proposed as a match; between the thresholds it goes to
/// clerical review; below, it is not proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    Match,
    Review,
}

impl Band {
    pub fn as_str(self) -> &'static str {
        match self {
            Band::Match => "match",
            Band::Review => "review",
        }
    }
}

/// One line of a pair's explanation: a field, the level its comparison fell in, and the weight
/// (in bits, `log2` of a likelihood ratio) that level added. The first line of every
/// explanation is the prior (`field` = "prior"), and the lines add up to the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    pub field: String,
    pub level: String,
    pub weight: f64,
}

/// A proposed pair: a query (candidate or spouse) and the roster record it most likely is.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Proposal {
    pub query_id: String,
    pub relation: Relation,
    pub query_name: String,
    pub record_id: String,
    pub record_name: String,
    /// The match weight in bits: the sum of the contributions.
    pub score: f64,
    /// `2^score / (1 + 2^score)`.
    pub probability: f64,
    pub band: Band,
    pub contributions: Vec<Contribution>,
}

impl Proposal {
    /// The explanation in one line, e.g. `prior -12.3; name exact +18.1; birth_date missing 0.0`.
    pub fn explanation(&self) -> String {
        self.contributions
            .iter()
            .map(|c| match c.level.as_str() {
                "" => format!("{} {:+.1}", c.field, c.weight),
                level => format!("{} {level} {:+.1}", c.field, c.weight),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}
