//! The roster: SIASN's export of the civil servants, one row per person, written as a stream.

mod jobs;
mod numbers;
mod person;

use std::io::{self, Write};

use chrono::Datelike;
use netral_domain::roster::Field;

pub use jobs::{Education, PositionClass};
pub use numbers::{Number, Numbers, PPPK_SHARE, ROSTER_YEAR};
pub use person::{Person, Titles};

use crate::agencies::AgencyKind;
use crate::country::Country;
use crate::csv::Line;

/// A roster of a given size over a country. Row `i` is the same whether it is written in a
/// file of millions or recomputed alone with [`Roster::person`].
pub struct Roster<'a> {
    country: &'a Country,
    numbers: Numbers,
    size: u64,
}

impl<'a> Roster<'a> {
    pub fn new(country: &'a Country, size: u64) -> Result<Roster<'a>, crate::SynthError> {
        Ok(Roster {
            country,
            numbers: Numbers::new(size, country.seed)?,
            size,
        })
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    pub fn country(&self) -> &'a Country {
        self.country
    }

    pub fn person(&self, index: u64) -> Person {
        person::draw(self.country, index, self.numbers.number(index))
    }

    /// Writes `roster.csv` with SIASN's headers, one row at a time; returns the rows written.
    pub fn write(&self, out: &mut impl Write) -> io::Result<u64> {
        let mut line = Line::default();
        let header: Vec<&str> = Field::ALL.iter().map(|f| f.siasn_name()).collect();
        line.write_header(&header, out)?;
        let mut scratch = String::new();
        for index in 0..self.size {
            let person = self.person(index);
            self.write_row(&person, &mut line, &mut scratch);
            line.end(out)?;
        }
        Ok(self.size)
    }

    fn write_row(&self, person: &Person, line: &mut Line, scratch: &mut String) {
        let geo = &self.country.geo;
        let agency = &self.country.agencies[person.agency];
        let number = &person.number;
        line.field(std::str::from_utf8(&number.digits()).expect("ASCII"));
        match person.nip_lama {
            Some(old) => line.field_fmt(format_args!("{old}")),
            None => line.field(""),
        }
        scratch.clear();
        person.name.write_legal(scratch);
        line.field(scratch);
        scratch.clear();
        person.front.join(" ", scratch);
        line.field(scratch);
        scratch.clear();
        person.back.join(", ", scratch);
        line.field(scratch);
        line.field(geo.regencies[person.birth_place].short);
        let birth = number.birth;
        line.field_fmt(format_args!(
            "{:02}-{:02}-{:04}",
            birth.day(),
            birth.month(),
            birth.year()
        ));
        line.field(if number.female {
            "Perempuan"
        } else {
            "Laki-laki"
        });
        line.field(person.nik_text());
        line.field(match (number.pppk, agency.kind) {
            (true, _) => "PPPK",
            (false, AgencyKind::Central) => "PNS Pusat",
            (false, _) => "PNS Daerah",
        });
        line.field(person.status);
        line.field(&agency.name);
        line.field(&person.parent_unit);
        line.field(&person.unit);
        line.field(geo.regencies[person.work_place].name);
        line.field(person.class.siasn());
        line.field(&person.position);
        line.field(person.eselon);
        line.field(person.rank);
    }
}
