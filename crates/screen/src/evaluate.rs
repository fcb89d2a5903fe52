//! Precision and recall of leads against a labelled corpus (`truth.csv` of `netral synth
//! activity`: `line,violation,case`, the violation empty when no lead is expected). Counted per
//! record: a record with leads is right when the expected violation is among them.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evaluation {
    /// Records with at least one lead.
    pub flagged: u64,
    /// Records expected to give a lead.
    pub expected: u64,
    /// Flagged records whose expected violation is among their leads.
    pub correct: u64,
    /// Wrong or missed records by corpus case (for finding what to fix).
    pub errors_by_case: BTreeMap<String, u64>,
}

impl Evaluation {
    pub fn precision(&self) -> f64 {
        if self.flagged == 0 {
            1.0
        } else {
            self.correct as f64 / self.flagged as f64
        }
    }

    pub fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.correct as f64 / self.expected as f64
        }
    }
}

/// The expected violation and the corpus case of each line.
pub type Truth = HashMap<u64, (String, String)>;

pub fn read_truth(input: impl Read) -> Result<Truth, String> {
    let mut reader = csv::Reader::from_reader(input);
    let mut out = HashMap::new();
    for row in reader.records() {
        let row = row.map_err(|e| e.to_string())?;
        let line: u64 = row
            .get(0)
            .and_then(|l| l.parse().ok())
            .ok_or_else(|| format!("bad line number in {row:?}"))?;
        let violation = row.get(1).unwrap_or("").to_owned();
        let case = row.get(2).unwrap_or("").to_owned();
        out.insert(line, (violation, case));
    }
    Ok(out)
}

/// Scores `(line, violation)` pairs of the leads against `truth`.
pub fn evaluate<'a>(leads: impl IntoIterator<Item = (u64, &'a str)>, truth: &Truth) -> Evaluation {
    let mut by_line: HashMap<u64, Vec<&str>> = HashMap::new();
    for (line, violation) in leads {
        by_line.entry(line).or_default().push(violation);
    }
    let mut e = Evaluation {
        expected: truth.values().filter(|(v, _)| !v.is_empty()).count() as u64,
        flagged: by_line.len() as u64,
        ..Evaluation::default()
    };
    for (line, violations) in &by_line {
        let (expected, case) = truth
            .get(line)
            .map(|(v, c)| (v.as_str(), c.as_str()))
            .unwrap_or(("", "unknown"));
        if !expected.is_empty() && violations.contains(&expected) {
            e.correct += 1;
        } else {
            *e.errors_by_case.entry(format!("false:{case}")).or_default() += 1;
        }
    }
    for (line, (violation, case)) in truth {
        if !violation.is_empty()
            && !by_line
                .get(line)
                .is_some_and(|v| v.contains(&violation.as_str()))
        {
            *e.errors_by_case
                .entry(format!("missed:{case}"))
                .or_default() += 1;
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_and_recall_count_records() {
        let truth = read_truth(
            "line,violation,case\n1,MEDSOS_KAMPANYE,call\n2,,chatter\n3,MEDSOS_INTERAKSI,like\n"
                .as_bytes(),
        )
        .unwrap();
        let e = evaluate([(1, "MEDSOS_KAMPANYE"), (2, "MEDSOS_KAMPANYE")], &truth);
        assert_eq!((e.flagged, e.expected, e.correct), (2, 2, 1));
        assert_eq!(e.precision(), 0.5);
        assert_eq!(e.recall(), 0.5);
        assert_eq!(e.errors_by_case.get("missed:like"), Some(&1));
    }
}
