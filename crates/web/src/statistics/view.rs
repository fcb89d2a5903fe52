//! The figures as pages, exports and the API show them: the funnel with its rates, each
//! breakdown as a table (and the bars of its chart), times to each stage, and the PPKs with
//! the most recommendations left without follow-up. Built once from the facts; the office
//! version links every number to the cases behind it, the public version withholds small
//! cells and links nothing.

use chrono::NaiveDate;
use netral_domain::rules::RuleBook;
use netral_domain::stats::{Cell, Dimension, FactTable, Filter, Funnel, Group, Step, suppress};
use serde::Serialize;

use super::names::Names;
use super::query::cell_query;
use crate::i18n::Lang;
use crate::page::Page;

/// Who the figures are for.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Audience {
    /// Staff: every number links to its cases, nothing is withheld (their scope already
    /// narrowed the filter).
    Office,
    /// Anyone: counts from 1 to `min_cell` − 1 are withheld, nothing links.
    Public { min_cell: u64 },
}

/// The steps each breakdown table shows (exports carry all of [`Step::ALL`]).
pub(crate) const TABLE_STEPS: [Step; 8] = [
    Step::Reported,
    Step::Verified,
    Step::Proven,
    Step::Recommended,
    Step::Sanctioned,
    Step::NotProven,
    Step::Rejected,
    Step::NotFollowedUp,
];

/// The breakdowns staff see, in page order.
pub(crate) const OFFICE_BREAKDOWNS: [Dimension; 11] = [
    Dimension::Violation,
    Dimension::Track,
    Dimension::PositionType,
    Dimension::AgencyKind,
    Dimension::Province,
    Dimension::Agency,
    Dimension::Election,
    Dimension::Phase,
    Dimension::Channel,
    Dimension::Month,
    Dimension::State,
];

/// The public page's breakdowns: national and province level, never a single agency.
pub(crate) const PUBLIC_BREAKDOWNS: [Dimension; 9] = [
    Dimension::Violation,
    Dimension::Track,
    Dimension::PositionType,
    Dimension::AgencyKind,
    Dimension::Province,
    Dimension::Election,
    Dimension::Phase,
    Dimension::Channel,
    Dimension::Month,
];

/// Rows a breakdown shows on the page before "see the export" (agencies number hundreds).
const PAGE_ROWS: usize = 25;

#[derive(Debug, Clone, Serialize)]
pub(crate) struct StepView {
    pub step: &'static str,
    pub label_key: String,
}

fn step_view(step: Step) -> StepView {
    StepView {
        step: step.as_str(),
        label_key: format!("stats-step-{}", step.as_str().replace('_', "-")),
    }
}

/// A number as shown: the count (or withheld) and where it leads.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Number {
    pub count: Cell,
    /// `1.597` in Indonesian, `1,597` in English; empty when withheld.
    pub text: String,
    /// Query string of the cases behind it (office only).
    pub link: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct FunnelLine {
    #[serde(flatten)]
    pub step: StepView,
    pub number: Number,
    /// Share of the step it is measured against ([`Step::base`]), in percent.
    pub rate: Option<String>,
    pub base_key: Option<String>,
    /// Width of its bar, 0–100, against the reported count.
    pub bar: f64,
    /// One of the funnel proper (drawn as the stacked funnel), or an exit beside it.
    pub main: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct BreakdownLine {
    pub value: String,
    pub label: String,
    /// The label cut to fit beside a chart's bar.
    pub short: String,
    pub numbers: Vec<Number>,
    /// Share of all reported cases in this view, in percent.
    pub share: Option<String>,
    pub bar: f64,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Breakdown {
    pub dimension: &'static str,
    pub title_key: String,
    pub columns: Vec<StepView>,
    pub lines: Vec<BreakdownLine>,
    /// Lines left off the page (they are in the export).
    pub more: usize,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct DurationLine {
    #[serde(flatten)]
    pub step: StepView,
    /// Cases that reached the step (withheld, with the times, when too few for the public).
    pub cases: Cell,
    pub median_days: Option<u32>,
    pub p90_days: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct PpkLine {
    pub agency: String,
    pub label: String,
    pub recommended: Number,
    pub sanctioned: Number,
    pub not_followed_up: Number,
    /// Share of recommendations not followed up, in percent.
    pub rate: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Dashboard {
    pub funnel: Vec<FunnelLine>,
    pub breakdowns: Vec<Breakdown>,
    pub durations: Vec<DurationLine>,
    /// Office only.
    pub ppk: Vec<PpkLine>,
    pub reported: u64,
}

/// The agencies (PPKs) with recommendations, most left without follow-up first, then most
/// recommended, then by id.
pub(crate) fn ranked_ppks(groups: &[Group]) -> Vec<&Group> {
    let mut ranked: Vec<&Group> = groups
        .iter()
        .filter(|g| g.funnel.get(Step::Recommended) > 0 && !g.value.is_empty())
        .collect();
    ranked.sort_by(|a, b| {
        let late = |g: &Group| g.funnel.get(Step::NotFollowedUp);
        late(b)
            .cmp(&late(a))
            .then_with(|| {
                b.funnel
                    .get(Step::Recommended)
                    .cmp(&a.funnel.get(Step::Recommended))
            })
            .then_with(|| a.value.cmp(&b.value))
    });
    ranked
}

/// One value offered in a filter's list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// `values` as a filter's choices, named by `label`, sorted by name, those in `chosen` marked.
pub(crate) fn choices(
    values: Vec<String>,
    chosen: Option<&[String]>,
    label: impl Fn(&str) -> String,
) -> Vec<Choice> {
    let chosen = chosen.unwrap_or_default();
    let mut choices: Vec<Choice> = values
        .into_iter()
        .map(|value| Choice {
            label: label(&value),
            selected: chosen.contains(&value),
            value,
        })
        .collect();
    choices.sort_by(|a, b| a.label.cmp(&b.label));
    choices
}

/// `n` with the language's thousands separator.
pub(crate) fn count_text(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let separator = match lang {
        Lang::Id => '.',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// `text` cut to `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}

/// A percentage with one decimal and the language's decimal mark: `30,2` or `30.2`.
pub(crate) fn percent_text(lang: Lang, value: f64) -> String {
    let text = format!("{value:.1}");
    match lang {
        Lang::Id => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Everything a dashboard shows for `filter` (already narrowed to the reader's scope).
pub(crate) struct Builder<'a> {
    pub facts: &'a FactTable,
    pub filter: &'a Filter,
    pub today: NaiveDate,
    pub page: &'a Page,
    pub rules: &'a RuleBook,
    pub names: &'a Names,
    pub audience: Audience,
}

impl Builder<'_> {
    fn number(&self, count: Cell, link: impl FnOnce() -> String) -> Number {
        let text = count
            .shown()
            .map(|n| count_text(self.page.lang, n))
            .unwrap_or_default();
        let link = match (self.audience, count) {
            (Audience::Office, Cell::Shown(n)) if n > 0 => Some(link()),
            _ => None,
        };
        Number { count, text, link }
    }

    fn cell(&self, n: u64) -> Cell {
        match self.audience {
            Audience::Public { min_cell } if n > 0 && n < min_cell => Cell::Suppressed,
            _ => Cell::Shown(n),
        }
    }

    fn rate(&self, part: Cell, whole: Cell) -> Option<String> {
        match (part, whole) {
            (Cell::Shown(part), Cell::Shown(whole)) if whole > 0 => Some(percent_text(
                self.page.lang,
                part as f64 * 100.0 / whole as f64,
            )),
            _ => None,
        }
    }

    pub(crate) fn funnel(&self, funnel: &Funnel) -> Vec<FunnelLine> {
        let reported = funnel.get(Step::Reported).max(1) as f64;
        Step::ALL
            .into_iter()
            .map(|step| {
                let count = self.cell(funnel.get(step));
                let base = step.base().map(|b| self.cell(funnel.get(b)));
                let withheld = count == Cell::Suppressed;
                FunnelLine {
                    step: step_view(step),
                    number: self.number(count, || cell_query(self.filter, None, step)),
                    rate: base.and_then(|base| self.rate(count, base)),
                    base_key: step
                        .base()
                        .map(|b| format!("stats-step-{}", b.as_str().replace('_', "-"))),
                    bar: if withheld {
                        0.0
                    } else {
                        funnel.get(step) as f64 * 100.0 / reported
                    },
                    main: Step::FUNNEL.contains(&step),
                }
            })
            .collect()
    }

    pub(crate) fn breakdown(&self, dimension: Dimension, groups: &[Group]) -> Breakdown {
        let cells = match self.audience {
            Audience::Office => groups
                .iter()
                .map(|g| {
                    TABLE_STEPS
                        .iter()
                        .map(|s| Cell::Shown(g.funnel.get(*s)))
                        .collect()
                })
                .collect(),
            Audience::Public { min_cell } => suppress(groups, &TABLE_STEPS, min_cell),
        };
        let total: u64 = groups.iter().map(|g| g.funnel.get(Step::Reported)).sum();
        let largest = groups
            .iter()
            .map(|g| g.funnel.get(Step::Reported))
            .max()
            .unwrap_or(0)
            .max(1) as f64;
        let mut lines: Vec<BreakdownLine> = groups
            .iter()
            .zip(cells)
            .map(|(group, cells): (&Group, Vec<Cell>)| {
                let reported = cells[0];
                let label = self
                    .names
                    .of(self.page, self.rules, dimension, &group.value);
                BreakdownLine {
                    value: group.value.clone(),
                    short: shorten(&label, 24),
                    label,
                    numbers: TABLE_STEPS
                        .iter()
                        .zip(&cells)
                        .map(|(step, cell)| {
                            self.number(*cell, || {
                                cell_query(self.filter, Some((dimension, &group.value)), *step)
                            })
                        })
                        .collect(),
                    share: self.rate(reported, Cell::Shown(total)),
                    bar: reported.shown().map_or(0.0, |n| n as f64 * 100.0 / largest),
                }
            })
            .collect();
        let more = lines.len().saturating_sub(PAGE_ROWS);
        if dimension != Dimension::Month {
            lines.truncate(PAGE_ROWS);
        }
        Breakdown {
            dimension: dimension.as_str(),
            title_key: format!("stats-by-{}", dimension.as_str().replace('_', "-")),
            columns: TABLE_STEPS.into_iter().map(step_view).collect(),
            lines,
            more: if dimension == Dimension::Month {
                0
            } else {
                more
            },
        }
    }

    /// The PPKs (by agency) with recommendations, most left without follow-up first.
    pub(crate) fn ppk(&self, groups: &[Group]) -> Vec<PpkLine> {
        let ranked = ranked_ppks(groups);
        ranked
            .into_iter()
            .take(PAGE_ROWS)
            .map(|g| {
                let link =
                    |step| cell_query(self.filter, Some((Dimension::Agency, &g.value)), step);
                let shown = |step: Step| Cell::Shown(g.funnel.get(step));
                PpkLine {
                    agency: g.value.clone(),
                    label: self
                        .names
                        .of(self.page, self.rules, Dimension::Agency, &g.value),
                    recommended: self.number(shown(Step::Recommended), || link(Step::Recommended)),
                    sanctioned: self.number(shown(Step::Sanctioned), || link(Step::Sanctioned)),
                    not_followed_up: self
                        .number(shown(Step::NotFollowedUp), || link(Step::NotFollowedUp)),
                    rate: self.rate(shown(Step::NotFollowedUp), shown(Step::Recommended)),
                }
            })
            .collect()
    }

    pub(crate) fn durations(&self) -> Vec<DurationLine> {
        self.facts
            .durations(self.filter)
            .into_iter()
            .map(|d| {
                // Few cases make a percentile that points at them: the public sees none.
                let withheld = self.cell(d.cases) == Cell::Suppressed;
                DurationLine {
                    step: step_view(d.step),
                    cases: self.cell(d.cases),
                    median_days: if withheld { None } else { d.median_days },
                    p90_days: if withheld { None } else { d.p90_days },
                }
            })
            .collect()
    }

    pub(crate) fn dashboard(&self, dimensions: &[Dimension]) -> Dashboard {
        // One scan for the funnel and every breakdown; the PPK ranking is the agency breakdown.
        let mut wanted = dimensions.to_vec();
        let office = matches!(self.audience, Audience::Office);
        if office && !wanted.contains(&Dimension::Agency) {
            wanted.push(Dimension::Agency);
        }
        let (funnel, groups) = self.facts.summary(self.filter, &wanted, self.today);
        let breakdowns = dimensions
            .iter()
            .zip(&groups)
            .map(|(d, groups)| self.breakdown(*d, groups))
            .collect();
        let ppk = match wanted.iter().position(|d| *d == Dimension::Agency) {
            Some(i) if office => self.ppk(&groups[i]),
            _ => Vec::new(),
        };
        Dashboard {
            funnel: self.funnel(&funnel),
            breakdowns,
            durations: self.durations(),
            ppk,
            reported: funnel.get(Step::Reported),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_the_language_s_separators() {
        assert_eq!(count_text(Lang::Id, 1_597), "1.597");
        assert_eq!(count_text(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(count_text(Lang::En, 278), "278");
        assert_eq!(percent_text(Lang::Id, 30.2), "30,2");
        assert_eq!(percent_text(Lang::En, 78.51), "78.5");
    }
}
