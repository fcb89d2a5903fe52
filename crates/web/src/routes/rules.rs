//! `GET /aturan` (the rules in force today) and `GET /aturan/{version}` (any version): what is
//! forbidden, what it costs, how long each stage may take, and which versions and holiday
//! years exist.

use axum::extract::{Path, State};
use axum::response::Html;
use chrono::{NaiveDate, Utc};
use netral_domain::deadline::jakarta_date;
use netral_domain::rules::{Bilingual, RuleBook, RuleSet, Track};
use serde::Serialize;

use crate::app::Ctx;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::labels;
use crate::page::Page;

pub(crate) async fn in_force(page: Page, State(ctx): State<Ctx>) -> Result<Html<String>, WebError> {
    // Deadlines are counted in Western Indonesia Time, so "today" is too.
    let today = jakarta_date(Utc::now());
    let set = ctx.app.rules.in_force_on(today)?;
    render(&page, &ctx.app.rules, set, today)
}

pub(crate) async fn version(
    page: Page,
    State(ctx): State<Ctx>,
    Path(name): Path<String>,
) -> Result<Html<String>, WebError> {
    let today = jakarta_date(Utc::now());
    let set = ctx.app.rules.version(&name).ok_or(WebError::NotFound)?;
    render(&page, &ctx.app.rules, set, today)
}

fn render(
    page: &Page,
    book: &RuleBook,
    set: &RuleSet,
    today: NaiveDate,
) -> Result<Html<String>, WebError> {
    let in_force = book.in_force_on(today).ok().map(|s| s.version.as_str());
    page.render(
        "rules.html",
        RulesView::new(book, set, page.lang, today, in_force),
    )
}

#[derive(Serialize)]
struct RulesView<'a> {
    today: String,
    version: &'a str,
    title: &'a str,
    oversight_body: &'a str,
    effective_from: String,
    is_in_force: bool,
    tracks: Vec<TrackView<'a>>,
    clocks: Vec<ClockView<'a>>,
    versions: Vec<VersionLink<'a>>,
    years: Vec<i32>,
}

#[derive(Serialize)]
struct TrackView<'a> {
    /// Fragment id, so each section can be linked to.
    id: &'static str,
    heading_key: &'static str,
    violations: Vec<ViolationView<'a>>,
}

#[derive(Serialize)]
struct ViolationView<'a> {
    code: &'a str,
    title: &'a str,
    legal_basis: &'a str,
    sanction: Option<&'a str>,
    severity_key: Option<&'static str>,
    disputed: bool,
}

#[derive(Serialize)]
struct ClockView<'a> {
    state_key: String,
    days: u32,
    duration_key: &'static str,
    confirmed: bool,
    source: &'a str,
}

#[derive(Serialize)]
struct VersionLink<'a> {
    name: &'a str,
    title: &'a str,
    effective_from: String,
    is_in_force: bool,
    is_shown: bool,
}

impl<'a> RulesView<'a> {
    fn new(
        book: &'a RuleBook,
        set: &'a RuleSet,
        lang: Lang,
        today: NaiveDate,
        in_force: Option<&str>,
    ) -> Self {
        let pick = |text: &'a Bilingual| lang.pick(text);
        let track = |track: Track, id: &'static str| TrackView {
            id,
            heading_key: labels::track(track),
            violations: set
                .violations
                .iter()
                .filter(|v| v.track == track)
                .map(|v| {
                    // `parse` guarantees the reference resolves; the Option only keeps a page
                    // from failing over data built some other way.
                    let sanction = set.sanction(&v.suggested_sanction);
                    ViolationView {
                        code: &v.code,
                        title: pick(&v.title),
                        legal_basis: &v.legal_basis,
                        sanction: sanction.map(|s| pick(&s.title)),
                        severity_key: sanction.map(|s| labels::severity(s.severity)),
                        disputed: v.disputed,
                    }
                })
                .collect(),
        };
        RulesView {
            today: today.to_string(),
            version: &set.version,
            title: &set.title,
            oversight_body: &set.oversight_body,
            effective_from: set.effective_from.to_string(),
            is_in_force: in_force == Some(set.version.as_str()),
            tracks: vec![
                track(Track::Discipline, "disiplin"),
                track(Track::Ethics, "etika"),
            ],
            clocks: set
                .stages
                .iter()
                .map(|(state, clock)| ClockView {
                    state_key: labels::state(*state),
                    days: clock.clock.days,
                    duration_key: labels::duration(clock.clock.unit),
                    confirmed: clock.confirmed,
                    source: &clock.source,
                })
                .collect(),
            versions: book
                .versions()
                .iter()
                .rev()
                .map(|v| VersionLink {
                    name: &v.version,
                    title: &v.title,
                    effective_from: v.effective_from.to_string(),
                    is_in_force: in_force == Some(v.version.as_str()),
                    is_shown: v.version == set.version,
                })
                .collect(),
            years: book.calendar().years().collect(),
        }
    }
}
