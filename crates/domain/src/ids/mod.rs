//! Identifiers and names of the people a case is about.
//!
//! Every type here follows "parse, don't validate": a value exists only if its text was valid,
//! fields are private, and the only ways in are `FromStr`/`TryFrom<&str>` and serde (which goes
//! through the same parser). Each value keeps a canonical text form, returned by `as_str()`,
//! used by `Display`, and written by serde as a plain string.

/// Implements the text-based conversions every identifier shares, all in terms of the type's
/// `FromStr` and `as_str()`, so there is exactly one parser and one canonical form per type.
macro_rules! text_conversions {
    ($ty:ident) => {
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl TryFrom<&str> for $ty {
            type Error = $crate::ids::IdError;

            fn try_from(text: &str) -> Result<Self, Self::Error> {
                text.parse()
            }
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                let text = <String as ::serde::Deserialize>::deserialize(deserializer)?;
                text.parse().map_err(::serde::de::Error::custom)
            }
        }
    };
}

mod digits;
mod error;
mod name;
mod nik;
mod nip;
mod region;
mod sex;

pub use error::{IdError, IdKind};
pub use name::PersonName;
pub use nik::Nik;
pub use nip::Nip;
pub use region::{RegionCode, RegionLevel};
pub use sex::Sex;
