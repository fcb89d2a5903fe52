//! Employing agencies as an agency file lists them: `code,name,kind,region_code,ppk_title`.

use crate::ids::{RegionCode, RegionLevel};
use crate::table::{Problems, TextRow};

use super::values::{collapsed, required};

crate::file_fields! {
    /// The columns of an agency file (Netral's own format; the synthetic data generator writes it too).
    pub enum AgencyField from "Netral" {
        /// The agency's own code (for a regional government, usually its region's digits).
        Code => ("code", "code", true),
        Name => ("name", "name", true),
        /// `central`, `province`, `regency` or `city`.
        Kind => ("kind", "kind", true),
        /// The region it governs or sits in; empty only for a central agency.
        RegionCode => ("region_code", "region_code", true),
        /// The title of its PPK (*Pejabat Pembina Kepegawaian*), e.g. "Bupati Karawang".
        PpkTitle => ("ppk_title", "ppk_title", true),
    }
}

/// Central (a ministry or national agency), or a province's, regency's or city's government.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgencyKind {
    Central,
    Province,
    Regency,
    City,
}

impl AgencyKind {
    pub const ALL: [AgencyKind; 4] = [
        AgencyKind::Central,
        AgencyKind::Province,
        AgencyKind::Regency,
        AgencyKind::City,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AgencyKind::Central => "central",
            AgencyKind::Province => "province",
            AgencyKind::Regency => "regency",
            AgencyKind::City => "city",
        }
    }

    /// The English word, or the Indonesian one (*pusat*, *provinsi*, *kabupaten*, *kota*).
    pub fn parse(text: &str) -> Option<AgencyKind> {
        match text.trim().to_lowercase().as_str() {
            "central" | "pusat" => Some(AgencyKind::Central),
            "province" | "provinsi" => Some(AgencyKind::Province),
            "regency" | "kabupaten" => Some(AgencyKind::Regency),
            "city" | "kota" => Some(AgencyKind::City),
            _ => None,
        }
    }
}

/// A row of an agency file that can be stored, once the store has found its region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyRecord {
    pub code: String,
    pub name: String,
    pub kind: AgencyKind,
    pub region: Option<RegionCode>,
    pub ppk_title: String,
}

/// Checks one row: every problem is named with its column.
pub fn check_agency_row(
    row: &TextRow<AgencyField>,
) -> Result<AgencyRecord, Vec<crate::table::FieldProblem<AgencyField>>> {
    let mut problems = Problems::default();
    let code = problems.check(
        AgencyField::Code,
        required(row.get(AgencyField::Code), "the code").and_then(|code| {
            if code.chars().any(char::is_whitespace) {
                Err(format!("the code \"{code}\" has spaces in it"))
            } else {
                Ok(code.to_owned())
            }
        }),
    );
    let name = problems.check(
        AgencyField::Name,
        required(row.get(AgencyField::Name), "the name").and_then(|name| {
            if name.chars().any(char::is_alphanumeric) {
                Ok(collapsed(name))
            } else {
                Err(format!("the name \"{name}\" has no letters"))
            }
        }),
    );
    let kind_text = row.get(AgencyField::Kind);
    let kind = problems.check(
        AgencyField::Kind,
        AgencyKind::parse(kind_text).ok_or_else(|| {
            format!("kind \"{kind_text}\" is not one of central, province, regency, city")
        }),
    );
    let region = problems.check(
        AgencyField::RegionCode,
        region(row.get(AgencyField::RegionCode), kind),
    );
    let ppk_title = problems.check(
        AgencyField::PpkTitle,
        required(row.get(AgencyField::PpkTitle), "the PPK's title").map(collapsed),
    );
    match (code, name, kind, region, ppk_title) {
        (Some(code), Some(name), Some(kind), Some(region), Some(ppk_title))
            if problems.is_empty() =>
        {
            Ok(AgencyRecord {
                code,
                name,
                kind,
                region,
                ppk_title,
            })
        }
        _ => Err(problems.into_vec()),
    }
}

/// The region must fit the kind: a province's code for a province, a regency's (01–69) or a
/// city's (71–99) for those; a central agency may have none.
fn region(text: &str, kind: Option<AgencyKind>) -> Result<Option<RegionCode>, String> {
    if text.is_empty() {
        return match kind {
            Some(AgencyKind::Central) | None => Ok(None),
            Some(kind) => Err(format!(
                "the region code is empty; only a central agency may have none, this one is {}",
                kind.as_str()
            )),
        };
    }
    let code: RegionCode = text.parse().map_err(|e| format!("{e}"))?;
    let fits = match kind {
        Some(AgencyKind::Province) => code.level() == RegionLevel::Province,
        Some(AgencyKind::Regency) => {
            code.level() == RegionLevel::RegencyOrCity && code.is_city() == Some(false)
        }
        Some(AgencyKind::City) => {
            code.level() == RegionLevel::RegencyOrCity && code.is_city() == Some(true)
        }
        Some(AgencyKind::Central) | None => true,
    };
    if fits {
        Ok(Some(code))
    } else {
        Err(format!(
            "region {code} does not fit a {} agency (provinces have codes like 32, regencies 32.01–32.69, cities 32.71–32.99)",
            kind.map_or("", AgencyKind::as_str)
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::FileField;

    fn row(values: [&str; 5]) -> TextRow<AgencyField> {
        TextRow::of(AgencyField::ALL.iter().copied().zip(values))
    }

    #[test]
    fn a_good_row_is_a_record() {
        let record = check_agency_row(&row([
            "3215",
            "Pemerintah  Kabupaten Karawang",
            "Kabupaten",
            "3215",
            "Bupati Karawang",
        ]))
        .unwrap();
        assert_eq!(record.name, "Pemerintah Kabupaten Karawang");
        assert_eq!(record.kind, AgencyKind::Regency);
        assert_eq!(record.region.unwrap().as_str(), "32.15");
        let central = check_agency_row(&row([
            "KEMENKEU",
            "Kementerian Keuangan",
            "central",
            "",
            "Menteri",
        ]))
        .unwrap();
        assert_eq!(central.region, None);
    }

    #[test]
    fn every_problem_is_named_by_its_column() {
        let problems = check_agency_row(&row(["", "Pemerintah Kota Bandung", "kota", "32.15", ""]))
            .unwrap_err();
        let fields: Vec<AgencyField> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                AgencyField::Code,
                AgencyField::RegionCode,
                AgencyField::PpkTitle
            ]
        );
        assert!(problems[1].message.contains("does not fit a city agency"));
        let problems = check_agency_row(&row(["32", "Pemprov Jabar", "province", "", "Gubernur"]))
            .unwrap_err();
        assert!(problems[0].message.contains("only a central agency"));
        let problems = check_agency_row(&row(["X", "Y", "desa", "32", "Kepala"])).unwrap_err();
        assert_eq!(problems[0].field, AgencyField::Kind);
    }
}
