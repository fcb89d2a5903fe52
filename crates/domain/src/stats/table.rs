//! Every case's fact, held compactly in memory, and the queries over them. One row is 64 bytes,
//! so a million cases take 64 MB and one scan answers any filter in milliseconds, where the
//! same GROUP BY in SQLite takes a good part of a second.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::fact::{CaseFact, Milestone};
use super::filter::{Dimension, Filter};
use super::step::{Funnel, Step};

/// Days are kept as `u16` counted from this day (day 1); 0 means "not reached". That covers
/// 2000 to 2179.
const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(1999, 12, 31).expect("a valid date");
/// Months are kept as `(year - 2000) * 12 + month0`.
const MONTHS: usize = 180 * 12;

fn day(date: NaiveDate) -> u16 {
    u16::try_from((date - EPOCH).num_days().clamp(1, i64::from(u16::MAX))).unwrap_or(u16::MAX)
}

fn date(day: u16) -> Option<NaiveDate> {
    (day != 0).then(|| EPOCH + chrono::Days::new(u64::from(day)))
}

fn month_index(day: u16) -> usize {
    date(day).map_or(0, |d| {
        (usize::try_from(d.year() - 2000).unwrap_or(0) * 12 + d.month0() as usize).min(MONTHS - 1)
    })
}

fn month_name(index: usize) -> String {
    format!("{:04}-{:02}", 2000 + index / 12, index % 12 + 1)
}

fn parse_month(text: &str) -> Option<usize> {
    let (year, month) = text.split_once('-')?;
    let (year, month): (usize, usize) = (year.parse().ok()?, month.parse().ok()?);
    ((2000..2180).contains(&year) && (1..=12).contains(&month))
        .then(|| (year - 2000) * 12 + month - 1)
}

/// The dimensions whose values are interned; the month is computed from the reporting day.
const KEYED: [Dimension; 10] = [
    Dimension::Election,
    Dimension::Phase,
    Dimension::Channel,
    Dimension::Violation,
    Dimension::Track,
    Dimension::PositionType,
    Dimension::AgencyKind,
    Dimension::Province,
    Dimension::Agency,
    Dimension::State,
];

fn keyed_index(dimension: Dimension) -> Option<usize> {
    KEYED.iter().position(|d| *d == dimension)
}

/// The value of `dimension` for `fact`, as filters and breakdowns name it; `""` for unknown.
fn value_of(fact: &CaseFact, dimension: Dimension) -> String {
    match dimension {
        Dimension::Election => fact.election.clone().unwrap_or_default(),
        Dimension::Phase => fact
            .phase
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default(),
        Dimension::Channel => fact.channel.clone(),
        Dimension::Violation => fact.violation.clone().unwrap_or_default(),
        Dimension::Track => fact
            .track
            .map(|t| match t {
                crate::rules::Track::Ethics => "ethics".to_owned(),
                crate::rules::Track::Discipline => "discipline".to_owned(),
            })
            .unwrap_or_default(),
        Dimension::PositionType => fact.position_type.clone().unwrap_or_default(),
        Dimension::AgencyKind => fact.agency_kind.clone().unwrap_or_default(),
        Dimension::Province => fact.province.clone().unwrap_or_default(),
        Dimension::Agency => fact.agency_id.map(|id| id.to_string()).unwrap_or_default(),
        Dimension::Month => month_name(month_index(day(fact.reported_on))),
        Dimension::State => fact.state.as_str().to_owned(),
    }
}

/// The values seen in one dimension, numbered; 0 is always unknown (`""`).
#[derive(Debug, Clone)]
struct Dictionary {
    values: Vec<String>,
    index: HashMap<String, u16>,
}

impl Default for Dictionary {
    fn default() -> Self {
        Self {
            values: vec![String::new()],
            index: HashMap::from([(String::new(), 0)]),
        }
    }
}

impl Dictionary {
    fn key(&mut self, value: String) -> u16 {
        if let Some(&key) = self.index.get(&value) {
            return key;
        }
        // More than 65,535 values in one dimension (agencies number about 600) would be a
        // defect upstream; they share the last key rather than overflow.
        let key = u16::try_from(self.values.len()).unwrap_or(u16::MAX);
        if key < u16::MAX {
            self.values.push(value.clone());
            self.index.insert(value, key);
        }
        key
    }
}

#[derive(Debug, Clone)]
struct Row {
    case_id: i64,
    keys: [u16; KEYED.len()],
    reported: u16,
    /// [`month_index`] of `reported`, kept so that scans need no date arithmetic.
    month: u16,
    /// The steps that hold whatever the day (one bit per [`Step`]).
    mask: u16,
    /// The follow-up deadline after which the case becomes "not followed up", or 0.
    late_after: u16,
    milestones: [u16; Milestone::ALL.len()],
}

impl Row {
    fn mask_on(&self, today: u16) -> u16 {
        let late = self.late_after != 0 && self.late_after < today;
        self.mask | (u16::from(late) << Step::NotFollowedUp as u16)
    }
}

/// A filter resolved against the dictionaries: for each dimension filtered, which keys pass.
struct Compiled {
    keyed: Vec<(usize, Vec<bool>)>,
    months: Option<Vec<bool>>,
    from: u16,
    until: u16,
}

impl Compiled {
    fn passes(&self, row: &Row) -> bool {
        row.reported >= self.from
            && row.reported <= self.until
            && self
                .keyed
                .iter()
                .all(|(i, allowed)| allowed.get(row.keys[*i] as usize) == Some(&true))
            && self
                .months
                .as_ref()
                .is_none_or(|allowed| allowed[row.month as usize])
    }
}

/// One line of a breakdown: a dimension's value and the funnel of its cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    /// The value as filters name it (`""` for unknown).
    pub value: String,
    pub funnel: Funnel,
}

/// How long cases took from the report to a step, in calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Duration {
    pub step: Step,
    /// Cases that reached the step.
    pub cases: u64,
    pub median_days: Option<u32>,
    pub p90_days: Option<u32>,
}

/// Every case's fact. Cheap to update one case at a time, as the store reports changes.
#[derive(Debug, Clone, Default)]
pub struct FactTable {
    rows: Vec<Row>,
    by_case: HashMap<i64, usize>,
    dictionaries: [Dictionary; KEYED.len()],
}

impl FactTable {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Adds the case, or replaces what was known of it.
    pub fn upsert(&mut self, fact: &CaseFact) {
        let mut keys = [0; KEYED.len()];
        for (i, dimension) in KEYED.iter().enumerate() {
            keys[i] = self.dictionaries[i].key(value_of(fact, *dimension));
        }
        let reached = |m: Milestone| fact.milestones.get(m).is_some();
        let mut mask = 0u16;
        for step in Step::ALL {
            // Without a deadline, only what holds whatever the day.
            if step.holds(reached, fact.state, None, NaiveDate::MIN) {
                mask |= 1 << step as u16;
            }
        }
        let waiting_on_ppk = reached(Milestone::Recommended)
            && !reached(Milestone::Sanctioned)
            && mask & (1 << Step::NotFollowedUp as u16) == 0;
        let late_after = match fact.deadline {
            Some(deadline) if waiting_on_ppk => day(deadline),
            _ => 0,
        };
        let mut milestones = [0; Milestone::ALL.len()];
        for milestone in Milestone::ALL {
            milestones[milestone as usize] = fact.milestones.get(milestone).map_or(0, day);
        }
        let reported = day(fact.reported_on);
        let row = Row {
            case_id: fact.case_id,
            keys,
            reported,
            month: u16::try_from(month_index(reported)).unwrap_or(0),
            mask,
            late_after,
            milestones,
        };
        match self.by_case.get(&fact.case_id) {
            Some(&at) => self.rows[at] = row,
            None => {
                self.by_case.insert(fact.case_id, self.rows.len());
                self.rows.push(row);
            }
        }
    }

    /// The values seen in `dimension`, unknown (`""`) left out, sorted; empty for the month,
    /// which is not a list to choose from.
    pub fn values(&self, dimension: Dimension) -> Vec<String> {
        let Some(i) = keyed_index(dimension) else {
            return Vec::new();
        };
        let mut values: Vec<String> = self.dictionaries[i].values[1..].to_vec();
        values.sort();
        values
    }

    fn compile(&self, filter: &Filter) -> Compiled {
        let mut keyed = Vec::new();
        let mut months = None;
        for (dimension, values) in &filter.values {
            match keyed_index(*dimension) {
                Some(i) => {
                    let dictionary = &self.dictionaries[i];
                    let mut allowed = vec![false; dictionary.values.len()];
                    for value in values {
                        if let Some(&key) = dictionary.index.get(value) {
                            allowed[key as usize] = true;
                        }
                    }
                    keyed.push((i, allowed));
                }
                None => {
                    let mut allowed = vec![false; MONTHS];
                    for value in values {
                        if let Some(month) = parse_month(value) {
                            allowed[month] = true;
                        }
                    }
                    months = Some(allowed);
                }
            }
        }
        Compiled {
            keyed,
            months,
            from: filter.reported_from.map_or(0, day),
            until: filter.reported_until.map_or(u16::MAX, day),
        }
    }

    fn matching<'a>(&'a self, filter: &Filter) -> impl Iterator<Item = &'a Row> + 'a {
        let compiled = self.compile(filter);
        self.rows.iter().filter(move |row| compiled.passes(row))
    }

    pub fn funnel(&self, filter: &Filter, today: NaiveDate) -> Funnel {
        let today = day(today);
        let mut funnel = Funnel::default();
        for row in self.matching(filter) {
            funnel.add_mask(row.mask_on(today));
        }
        funnel
    }

    /// The funnel for each value of `dimension` among the cases `filter` selects. Months come
    /// in calendar order; other values by cases reported, most first, then by value.
    pub fn breakdown(&self, filter: &Filter, dimension: Dimension, today: NaiveDate) -> Vec<Group> {
        let (_, mut breakdowns) = self.summary(filter, &[dimension], today);
        breakdowns.pop().unwrap_or_default()
    }

    /// The funnel and the breakdown by each of `dimensions`, in one pass over the cases: what
    /// a dashboard shows, for the price of one scan instead of one per table. Each breakdown is
    /// ordered as [`FactTable::breakdown`] orders it.
    pub fn summary(
        &self,
        filter: &Filter,
        dimensions: &[Dimension],
        today: NaiveDate,
    ) -> (Funnel, Vec<Vec<Group>>) {
        let today = day(today);
        let slots: Vec<Option<usize>> = dimensions.iter().map(|d| keyed_index(*d)).collect();
        let lengths: Vec<usize> = slots
            .iter()
            .map(|keyed| match keyed {
                Some(i) => self.dictionaries[*i].values.len(),
                None => MONTHS,
            })
            .collect();
        // A case's steps form one of few masks (a dozen in practice). Each case adds one to
        // (value, mask) in each dimension; the masks are spread over the steps at the end.
        // That is one increment per dimension instead of one per step and dimension.
        let mut mask_ids = vec![u16::MAX; 1 << Step::ALL.len()];
        let mut masks: Vec<u16> = Vec::new();
        let mut counts: Vec<Vec<u32>> = Vec::new();
        let mut widths = 0usize;
        for row in self.matching(filter) {
            let mask = row.mask_on(today);
            let mut id = mask_ids[mask as usize];
            if id == u16::MAX {
                // At most 2^11 masks, so an id always fits.
                id = u16::try_from(masks.len()).unwrap_or(u16::MAX - 1);
                mask_ids[mask as usize] = id;
                masks.push(mask);
                if masks.len() > widths {
                    // Grow every dimension's table to the new number of masks.
                    widths = (widths * 2).max(16);
                    counts = regrow(counts, &lengths, widths, masks.len() - 1);
                }
            }
            let id = id as usize;
            for (d, keyed) in slots.iter().enumerate() {
                let slot = match keyed {
                    Some(i) => row.keys[*i] as usize,
                    None => row.month as usize,
                };
                counts[d][slot * widths + id] += 1;
            }
        }
        let mut total = Funnel::default();
        let breakdowns = slots
            .iter()
            .enumerate()
            .map(|(d, keyed)| {
                let mut funnels = vec![Funnel::default(); lengths[d]];
                if let Some(counts) = counts.get(d) {
                    for (slot, funnel) in funnels.iter_mut().enumerate() {
                        for (id, mask) in masks.iter().enumerate() {
                            let n = u64::from(counts[slot * widths + id]);
                            if n > 0 {
                                funnel.add_mask_n(*mask, n);
                                if d == 0 {
                                    total.add_mask_n(*mask, n);
                                }
                            }
                        }
                    }
                }
                self.groups(*keyed, funnels)
            })
            .collect();
        if slots.is_empty() {
            for row in self.matching(filter) {
                total.add_mask(row.mask_on(today));
            }
        }
        (total, breakdowns)
    }

    /// Groups from per-slot funnels: slots with no case left out, ordered for display.
    fn groups(&self, keyed: Option<usize>, funnels: Vec<Funnel>) -> Vec<Group> {
        let mut groups: Vec<Group> = funnels
            .into_iter()
            .enumerate()
            .filter(|(_, funnel)| funnel.get(Step::Reported) > 0)
            .map(|(slot, funnel)| Group {
                value: match keyed {
                    Some(i) => self.dictionaries[i].values[slot].clone(),
                    None => month_name(slot),
                },
                funnel,
            })
            .collect();
        if keyed.is_some() {
            groups.sort_by(|a, b| {
                let reported = |g: &Group| g.funnel.get(Step::Reported);
                reported(b)
                    .cmp(&reported(a))
                    .then_with(|| a.value.cmp(&b.value))
            });
        }
        groups
    }

    /// Median and 90th percentile (nearest rank) of the days from report to each step of the
    /// funnel, over the cases that reached it.
    pub fn durations(&self, filter: &Filter) -> Vec<Duration> {
        let steps = [
            Step::Verified,
            Step::Proven,
            Step::Recommended,
            Step::Sanctioned,
        ];
        let milestones = steps.map(|s| {
            s.milestone()
                .expect("funnel steps after the report have one")
        });
        // Days fit in u16, so a histogram per step replaces collecting and sorting.
        let mut days: Vec<Vec<u32>> = vec![vec![0; 1 << 16]; steps.len()];
        for row in self.matching(filter) {
            for (i, milestone) in milestones.iter().enumerate() {
                let reached = row.milestones[*milestone as usize];
                if reached != 0 {
                    days[i][reached.saturating_sub(row.reported) as usize] += 1;
                }
            }
        }
        steps
            .into_iter()
            .zip(days)
            .map(|(step, histogram)| {
                let cases: u64 = histogram.iter().map(|n| u64::from(*n)).sum();
                Duration {
                    step,
                    cases,
                    median_days: nearest_rank(&histogram, cases, 50),
                    p90_days: nearest_rank(&histogram, cases, 90),
                }
            })
            .collect()
    }

    /// The cases in `step` among those `filter` selects, newest first (by case id).
    pub fn cases(&self, filter: &Filter, step: Step, today: NaiveDate) -> Vec<i64> {
        let today = day(today);
        let bit = 1 << step as u16;
        let mut ids: Vec<i64> = self
            .matching(filter)
            .filter(|row| row.mask_on(today) & bit != 0)
            .map(|row| row.case_id)
            .collect();
        ids.sort_unstable_by(|a, b| b.cmp(a));
        ids
    }
}

/// Per-dimension (value × mask) count tables widened to `width` masks, keeping the counts of
/// the first `used` masks.
fn regrow(old: Vec<Vec<u32>>, lengths: &[usize], width: usize, used: usize) -> Vec<Vec<u32>> {
    lengths
        .iter()
        .enumerate()
        .map(|(d, len)| {
            let mut grown = vec![0u32; len * width];
            if let Some(previous) = old.get(d) {
                let old_width = previous.len() / (*len).max(1);
                for slot in 0..*len {
                    for id in 0..used.min(old_width) {
                        grown[slot * width + id] = previous[slot * old_width + id];
                    }
                }
            }
            grown
        })
        .collect()
}

/// The `percent`th percentile by nearest rank (the smallest value with at least that share of
/// the `cases` at or below it), from a histogram of values.
fn nearest_rank(histogram: &[u32], cases: u64, percent: u64) -> Option<u32> {
    if cases == 0 {
        return None;
    }
    let rank = (cases * percent).div_ceil(100).max(1);
    let mut seen = 0u64;
    for (value, n) in histogram.iter().enumerate() {
        seen += u64::from(*n);
        if seen >= rank {
            return u32::try_from(value).ok();
        }
    }
    None
}
