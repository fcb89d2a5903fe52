//! What a watched phrase is. One phrase can be several things at once (a candidate's nickname
//! that is also a slogan), so kinds are bits of a set.

/// One kind of watched phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u16)]
pub enum Kind {
    /// A candidate's full name without titles, or without a first honorific word.
    CandidateName = 1,
    /// A name the campaign or the public uses for a candidate or a pair ("AMIN").
    Nickname = 2,
    /// A party's name, abbreviation or nickname.
    Party = 4,
    /// A ballot number in words people use for it: "nomor urut 2", "paslon 02", "no 2".
    Number = 8,
    Slogan = 16,
    Hashtag = 32,
    /// A call to vote or support: coblos, pilih, dukung, menangkan, "all in"…
    CampaignCall = 64,
    /// A finger count: "salam dua jari", ✌️.
    HandSign = 128,
    /// A phrase that contains a call word without being one ("hak pilih"): matched only so
    /// that the longer phrase hides the shorter.
    Neutral = 256,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::CandidateName,
        Kind::Nickname,
        Kind::Party,
        Kind::Number,
        Kind::Slogan,
        Kind::Hashtag,
        Kind::CampaignCall,
        Kind::HandSign,
        Kind::Neutral,
    ];

    pub fn bit(self) -> u16 {
        self as u16
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::CandidateName => "candidate",
            Kind::Nickname => "nickname",
            Kind::Party => "party",
            Kind::Number => "number",
            Kind::Slogan => "slogan",
            Kind::Hashtag => "hashtag",
            Kind::CampaignCall => "call",
            Kind::HandSign => "hand_sign",
            Kind::Neutral => "neutral",
        }
    }

    /// Indonesian, for explanations.
    pub fn label_id(self) -> &'static str {
        match self {
            Kind::CandidateName => "nama calon",
            Kind::Nickname => "julukan calon",
            Kind::Party => "partai",
            Kind::Number => "nomor urut",
            Kind::Slogan => "slogan kampanye",
            Kind::Hashtag => "tagar kampanye",
            Kind::CampaignCall => "ajakan memilih",
            Kind::HandSign => "simbol jari",
            Kind::Neutral => "frasa netral",
        }
    }
}

/// A set of kinds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Kinds(pub u16);

impl Kinds {
    /// Whom a text can be about: a candidate, a nickname, a party or a ballot number.
    pub const MENTION: Kinds = Kinds(
        Kind::CandidateName as u16
            | Kind::Nickname as u16
            | Kind::Party as u16
            | Kind::Number as u16,
    );

    pub fn has(self, kind: Kind) -> bool {
        self.0 & kind.bit() != 0
    }

    pub fn any(self, other: Kinds) -> bool {
        self.0 & other.0 != 0
    }

    pub fn with(self, kind: Kind) -> Kinds {
        Kinds(self.0 | kind.bit())
    }

    /// The first kind in [`Kind::ALL`] order: the one an explanation names.
    pub fn main(self) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| self.has(*k))
    }
}
