//! A curve on two percent axes (0–100 %), drawn as SVG from Rust: the
//! Pareto curve of the customer ranking. Right to left in Persian — the
//! curve starts at the right and the revenue axis stands on the right —
//! with the reader's digits on every tick.

use crate::state::AppState;
use daftar_core::locale::format_percent;
use leptos::prelude::*;

const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 220.0;
/// Room for the revenue ticks beside the plot and the customer ticks and
/// axis name below it.
const SIDE: f64 = 40.0;
const FAR: f64 = 22.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 44.0;
/// More points than this add nothing a screen can show.
const MOST_POINTS: usize = 240;
const TICKS: [f64; 6] = [0.0, 20.0, 40.0, 60.0, 80.0, 100.0];
/// Text follows the page's direction, so a text's end is its left edge in
/// Persian and its right edge in English: the ticks end at the axis on
/// either side, and the cut labels start beside it, where the curve is low.
const ANCHOR: &str = "end";

/// Where a value (percent) lands, right to left when `rtl`.
struct Axes {
    rtl: bool,
}

impl Axes {
    fn x(&self, v: f64) -> f64 {
        let plot = WIDTH - SIDE - FAR;
        if self.rtl { WIDTH - SIDE - v / 100.0 * plot } else { SIDE + v / 100.0 * plot }
    }

    fn y(&self, v: f64) -> f64 {
        TOP + (100.0 - v) / 100.0 * (HEIGHT - TOP - BOTTOM)
    }

    /// Where the revenue ticks' text ends: beside the plot, on the reader's start side.
    fn tick_x(&self) -> f64 {
        if self.rtl { WIDTH - SIDE + 4.0 } else { SIDE - 4.0 }
    }
}

/// `points` are (x %, y %) in order; `marks` are levels of y drawn as dashed
/// lines with a word at their end (the A/B/C cuts).
#[component]
pub fn CurveChart(title: String, points: Vec<(f64, f64)>, x_label: String, y_label: String, marks: Vec<(f64, String)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let axes = Axes { rtl: lang.is_rtl() };
    let step = points.len().div_ceil(MOST_POINTS).max(1);
    let last = points.len().saturating_sub(1);
    let line = points
        .iter()
        .enumerate()
        .filter(|(i, _)| i % step == 0 || *i == last)
        .map(|(_, (x, y))| format!("{:.1},{:.1}", axes.x(*x), axes.y(*y)))
        .collect::<Vec<_>>()
        .join(" ");
    let (start, end) = (axes.x(0.0), axes.x(100.0));
    let label = title.clone();
    view! {
        <svg class="chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label data-testid="curve-chart">
            <title>{title}</title>
            {TICKS.iter().map(|&v| view! {
                <line class="chart-grid" x1=start x2=end y1=axes.y(v) y2=axes.y(v)/>
                <text class="chart-tick" x=axes.tick_x() y=axes.y(v) text-anchor=ANCHOR dominant-baseline="middle">{format_percent(v, 0, lang)}</text>
                <text class="chart-tick" x=axes.x(v) y=HEIGHT - BOTTOM + 16.0 text-anchor="middle">{format_percent(v, 0, lang)}</text>
            }).collect_view()}
            {marks.into_iter().map(|(v, word)| view! {
                <line class="chart-mark" x1=start x2=end y1=axes.y(v) y2=axes.y(v)/>
                <text class="chart-mark-label" x=axes.x(1.0) y=axes.y(v) - 3.0 text-anchor="start">{word}</text>
            }).collect_view()}
            <polyline class="chart-line" points=line/>
            <text class="chart-axis" x=(start + end) / 2.0 y=HEIGHT - 6.0 text-anchor="middle">{x_label}</text>
            <text class="chart-axis" x=axes.x(0.0) y=TOP - 10.0 text-anchor="middle">{y_label}</text>
        </svg>
    }
}
