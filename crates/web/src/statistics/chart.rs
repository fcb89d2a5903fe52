//! The monthly line chart, drawn as SVG by the template from points computed here (the CSP
//! allows no inline script or style, and SVG attributes need neither).

use serde::Serialize;

use super::view::Breakdown;

/// Drawing area, in SVG user units.
const WIDTH: f64 = 400.0;
const HEIGHT: f64 = 160.0;
const PAD: f64 = 20.0;

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Point {
    pub x: f64,
    pub y: f64,
    pub label: String,
    pub text: String,
    pub link: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct LineChart {
    pub width: f64,
    pub height: f64,
    /// Margin around the plot, for the axis labels.
    pub pad: f64,
    /// `x,y x,y …` for the polyline.
    pub path: String,
    pub points: Vec<Point>,
    pub max_text: String,
}

/// The reported count per month of a month breakdown (its first column). Withheld months sit
/// on the axis and carry no number.
pub(crate) fn monthly(months: &Breakdown, max_text: impl Fn(u64) -> String) -> Option<LineChart> {
    if months.lines.len() < 2 {
        return None;
    }
    let counts: Vec<u64> = months
        .lines
        .iter()
        .map(|l| l.numbers[0].count.shown().unwrap_or(0))
        .collect();
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let step = (WIDTH - 2.0 * PAD) / (months.lines.len() - 1) as f64;
    let points: Vec<Point> = months
        .lines
        .iter()
        .zip(&counts)
        .enumerate()
        .map(|(i, (line, count))| Point {
            x: (PAD + step * i as f64).round(),
            y: (HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * *count as f64 / max as f64).round(),
            label: line.label.clone(),
            text: line.numbers[0].text.clone(),
            link: line.numbers[0].link.clone(),
        })
        .collect();
    let path = points
        .iter()
        .map(|p| format!("{},{}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ");
    Some(LineChart {
        width: WIDTH,
        height: HEIGHT,
        pad: PAD,
        path,
        points,
        max_text: max_text(max),
    })
}
