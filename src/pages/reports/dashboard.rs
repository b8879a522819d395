//! The Reports home: the period's headline figures as cards, each beside
//! the period before (same number of days). Computed from memory on every
//! change of the period, a filter, the language or any record, here or in
//! another tab.

use super::frame::Scope;
use super::table::ReportTable;
use super::{amount, money_text, report_body};
use crate::browser_env::ms_to_local;
use crate::i18n::Texts;
use crate::state::AppState;
use daftar_core::locale::{format_money, format_number, format_percent, Lang};
use daftar_core::pipeline::{Deal, Sums, Totals};
use daftar_core::reports::{change_percent, dashboard, ActivityDone, Answered, ComplaintFacts, Dashboard, Figures, Inputs};
use leptos::prelude::*;

#[component]
pub fn ReportsHome() -> impl IntoView {
    let state = expect_context::<AppState>();
    let scope = expect_context::<Scope>();
    let board = Memo::new(move |_| {
        let (period, filter) = (scope.period.get(), scope.filter());
        crate::perf::timed("daftar:report-dashboard", || {
            state.sales().with(|sales| {
                state.reports().with(|data| {
                    let (sales, data) = (sales.as_ref()?, data.as_ref()?);
                    let deals: Vec<&Deal> = sales.deals.iter().map(|e| &e.fields).collect();
                    let activities: Vec<&ActivityDone> = data.activities.values().collect();
                    let complaints: Vec<&ComplaintFacts> = data.complaints.values().collect();
                    let answered: Vec<&Answered> = data.answered.values().collect();
                    let pipeline_of = |id: &str| sales.pipeline(id);
                    let local_date = |ms: i64| ms_to_local(ms).date();
                    let is_nps = |survey: &str, question: &str| data.is_nps(survey, question);
                    let inputs = Inputs {
                        deals: &deals,
                        pipeline_of: &pipeline_of,
                        customers: &data.customers,
                        activities: &activities,
                        complaints: &complaints,
                        answered: &answered,
                        is_nps: &is_nps,
                        local_date: &local_date,
                    };
                    Some(dashboard(&inputs, period, &filter))
                })
            })
        })
    });
    // The cards are worded once: a language switch words them again.
    report_body(board.into(), None, |board| view! { <Cards board/> })
}

/// Which way a figure moved, and whether that is good news.
#[derive(Clone, Copy, PartialEq)]
enum Better {
    Higher,
    Lower,
}

struct Card {
    id: &'static str,
    label: &'static str,
    now: String,
    /// A count under the figure ("40 deals").
    detail: Option<String>,
    before: String,
    /// The change against the period before, in words ("▲ 12%"), and
    /// whether it is good news.
    change: Option<(String, bool)>,
}

/// The dashboard's cards in the reader's language, digits and currency.
fn cards(board: &Dashboard, t: &Texts, lang: Lang) -> Vec<Card> {
    let (now, before) = (&board.current, &board.previous);
    let money = |totals: &Totals, pick: fn(&Sums) -> i64| money_text(totals, pick, lang);
    // Amounts are compared in the currency that weighs most now.
    let main = |totals: &Totals| totals.by_currency().first().map(|(c, _)| *c);
    let in_main = |a: &Totals, b: &Totals, pick: fn(&Sums) -> i64| -> (f64, f64) {
        let currency = main(a).or_else(|| main(b));
        currency.map_or((0.0, 0.0), |c| (pick(&a.of(c)) as f64, pick(&b.of(c)) as f64))
    };
    let relative = |a: f64, b: f64, better: Better| {
        change_percent(a, b).filter(|p| p.abs() >= 0.05).map(|p| (format!("{} {}", arrow(p), format_percent(p.abs(), 1, lang)), (p > 0.0) == (better == Better::Higher)))
    };
    let days = |d: Option<f64>| d.map_or(t.reports.no_figure.to_string(), |d| t.reports.days_value(d));
    let rate = |r: Option<f64>| r.map_or(t.reports.no_figure.to_string(), |r| format_percent(r, 1, lang));
    let average = |f: &Figures| {
        let lines: Vec<String> = f.won.by_currency().iter().filter_map(|(c, _)| f.average_won(*c).map(|a| format_money(a, *c, lang))).collect();
        if lines.is_empty() { t.reports.no_figure.to_string() } else { lines.join(t.part_separator) }
    };
    let weighted = |s: &Sums| s.weighted;
    let (open_now, open_before) = in_main(&now.open, &before.open, amount);
    let (weighted_now, weighted_before) = in_main(&now.open, &before.open, weighted);
    let (won_now, won_before) = in_main(&now.won, &before.won, amount);
    let main_won = main(&now.won).or_else(|| main(&before.won));
    let avg = |f: &Figures| main_won.and_then(|c| f.average_won(c)).unwrap_or(0) as f64;
    let nps = |f: &Figures| {
        f.nps.score().map_or(t.reports.no_figure.to_string(), |n| if n > 0 { format!("+{}", format_number(n.into(), lang)) } else { format_number(n.into(), lang) })
    };
    vec![
        Card {
            id: "open",
            label: t.reports.open_pipeline,
            now: money(&now.open, amount),
            detail: Some(t.reports.deal_count(now.open_count as i64)),
            before: money(&before.open, amount),
            change: relative(open_now, open_before, Better::Higher),
        },
        Card { id: "weighted", label: t.reports.weighted_pipeline, now: money(&now.open, weighted), detail: None, before: money(&before.open, weighted), change: relative(weighted_now, weighted_before, Better::Higher) },
        Card {
            id: "won",
            label: t.reports.won,
            now: money(&now.won, amount),
            detail: Some(t.reports.deal_count(now.won_count as i64)),
            before: money(&before.won, amount),
            change: relative(won_now, won_before, Better::Higher),
        },
        Card {
            id: "win-rate",
            label: t.reports.win_rate,
            now: rate(now.win_rate),
            detail: None,
            before: rate(before.win_rate),
            change: now.win_rate.zip(before.win_rate).map(|(a, b)| a - b).filter(|d| d.abs() >= 0.05).map(|d| (format!("{} {}", arrow(d), t.reports.points(d.abs())), d > 0.0)),
        },
        Card { id: "average-won", label: t.reports.average_won, now: average(now), detail: None, before: average(before), change: relative(avg(now), avg(before), Better::Higher) },
        Card {
            id: "cycle",
            label: t.reports.sales_cycle,
            now: days(now.median_cycle_days),
            detail: None,
            before: days(before.median_cycle_days),
            change: now.median_cycle_days.zip(before.median_cycle_days).and_then(|(a, b)| relative(a, b, Better::Lower)),
        },
        Card {
            id: "new-customers",
            label: t.reports.new_customers,
            now: format_number(now.new_customers as i64, lang),
            detail: None,
            before: format_number(before.new_customers as i64, lang),
            change: relative(now.new_customers as f64, before.new_customers as f64, Better::Higher),
        },
        Card {
            id: "activities",
            label: t.reports.activities_done,
            now: format_number(now.activities as i64, lang),
            detail: None,
            before: format_number(before.activities as i64, lang),
            change: relative(now.activities as f64, before.activities as f64, Better::Higher),
        },
        Card {
            id: "complaints",
            label: t.reports.open_complaints,
            now: format_number(now.open_complaints as i64, lang),
            detail: None,
            before: format_number(before.open_complaints as i64, lang),
            change: relative(now.open_complaints as f64, before.open_complaints as f64, Better::Lower),
        },
        Card {
            id: "nps",
            label: t.reports.nps,
            now: nps(now),
            detail: Some(t.reports.answer_count(now.nps.total() as i64)),
            before: nps(before),
            // NPS runs from −100 to 100: its change is in points, as a rate's.
            change: now.nps.score().zip(before.nps.score()).map(|(a, b)| a - b).filter(|d| *d != 0).map(|d| (format!("{} {}", arrow(d.into()), t.reports.points(d.abs().into())), d > 0)),
        },
    ]
}

fn arrow(change: f64) -> &'static str {
    if change > 0.0 { "▲" } else { "▼" }
}

#[component]
fn Cards(board: Dashboard) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let cards = cards(&board, t(), state.lang.get_untracked());
    let rows: Vec<Vec<String>> = cards
        .iter()
        .map(|c| {
            let now = c.detail.as_ref().map_or_else(|| c.now.clone(), |d| format!("{}{}{d}", c.now, t().part_separator));
            vec![c.label.to_string(), now, c.before.clone(), c.change.as_ref().map(|(text, _)| text.clone()).unwrap_or_default()]
        })
        .collect();
    expect_context::<Scope>().publish(move || ReportTable {
        name: "dashboard",
        headers: [t().reports.figure, t().reports.this_period, t().reports.previous_period_column, t().reports.change].map(String::from).to_vec(),
        rows: rows.clone(),
    });
    view! {
        <div class="report-cards" data-testid="report-cards">
            {cards.into_iter().map(|card| view! {
                <figure class="card report-card" data-testid=format!("card-{}", card.id)>
                    <figcaption>{card.label}</figcaption>
                    <p class="report-value" data-testid="card-now"><bdi>{card.now}</bdi></p>
                    {card.detail.map(|detail| view! { <p class="muted report-detail" data-testid="card-detail">{detail}</p> })}
                    {card.change.map(|(text, good)| view! {
                        <p class="report-change" class:good=good class:bad=!good data-testid="card-change"><bdi>{text}</bdi></p>
                    })}
                    <p class="muted report-before">{t().reports.previous_period}" "<bdi data-testid="card-before">{card.before}</bdi></p>
                </figure>
            }).collect_view()}
        </div>
    }
}
