//! Indonesian first, English second. The language is settled per request (query, cookie,
//! Accept-Language, default) and travels in the request's extensions: nothing global ever
//! holds "the current language", since one server answers many visitors at once.

mod catalog;
mod negotiate;

pub(crate) use catalog::{Catalog, TextError};
pub(crate) use negotiate::negotiate_language;

/// A language the interface is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The BCP 47 tag, as used in `lang` attributes, the `lang` cookie and `?lang=`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.tag().eq_ignore_ascii_case(tag))
    }

    /// The side of a text the rules data give in both languages (legal names, guide answers,
    /// survey questions) that this language reads.
    pub fn pick(self, text: &netral_domain::rules::Bilingual) -> &str {
        match self {
            Lang::Id => &text.id,
            Lang::En => &text.en,
        }
    }

    /// The language the switch link offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }
}
