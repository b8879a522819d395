//! Win rate and sales cycle by sales rep, by source or campaign, or by
//! product, over the deals closed in the period: bars of deals closed that
//! open to them, and the table of won, lost, rate, amount and cycle.

use super::bars::{Bar, DealBars};
use super::frame::Scope;
use super::pickers::CutPicker;
use super::table::ReportTable;
use super::{amount, money_text, report_body, use_names, Empty};
use crate::browser_env::ms_to_local;
use crate::i18n::Texts;
use crate::state::AppState;
use daftar_core::catalog::Product;
use daftar_core::locale::{format_number, format_percent, Lang};
use daftar_core::reports::{win_rates, WinBy, WinGroup};
use leptos::prelude::*;
use std::collections::HashMap;

fn by_label(by: WinBy, t: &Texts) -> &'static str {
    match by {
        WinBy::Owner => t.reports.by_owner,
        WinBy::Source => t.reports.by_source,
        WinBy::Product => t.reports.by_product,
    }
}

#[component]
pub fn WinRateReport() -> impl IntoView {
    let by = RwSignal::new(WinBy::Owner);
    let products = use_names(|p: Product| p.name);
    // The cut goes with its rows: two cuts can give equal rows (all unnamed).
    let report = expect_context::<Scope>().over_deals("daftar:report-win-rates", move |deals, period, filter, _| {
        let by = by.get();
        (by, win_rates(deals, period, filter, by, &|ms| ms_to_local(ms).date()))
    });
    let none = Empty { when: |(_, rows): &(WinBy, Vec<WinGroup>)| rows.is_empty(), text: |t| t.reports.closed_none, testid: "win-none" };
    view! {
        <CutPicker choices=&WinBy::ALL chosen=by label=by_label group=|t| t.reports.win_rates testid="win-by"/>
        {report_body(report.into(), Some(none), move |(by, rows)| view! { <WinRates rows by products/> })}
    }
}

#[component]
fn WinRates(rows: Vec<WinGroup>, by: WinBy, products: Signal<HashMap<String, String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.t_untracked();
    let lang = state.lang.get_untracked();
    let label = move |key: &str| -> String {
        match (key.is_empty(), by) {
            (true, WinBy::Owner) => t.reports.no_owner.to_string(),
            (true, WinBy::Source) => t.reports.no_source.to_string(),
            (true, WinBy::Product) => t.reports.no_product.to_string(),
            (false, WinBy::Product) => products.with(|p| p.get(key).cloned()).unwrap_or_else(|| key.to_string()),
            (false, _) => key.to_string(),
        }
    };
    let bars: Vec<Bar> = rows
        .iter()
        .map(|g| Bar {
            key: g.key.clone(),
            label: Signal::derive({ let key = g.key.clone(); move || label(&key) }),
            count: g.won + g.lost,
            note: format!("{} {}", t.reports.win_rate, rate_text(g, t, lang)),
            deals: g.deals.clone(),
            warn: false,
        })
        .collect();
    let headers = [by_label(by, t), t.reports.won_deals, t.reports.lost_deals_column, t.reports.win_rate, t.reports.won_amount, t.reports.sales_cycle];
    let cells = move |g: &WinGroup| {
        vec![
            label(&g.key),
            format_number(g.won as i64, lang),
            format_number(g.lost as i64, lang),
            rate_text(g, t, lang),
            money_text(&g.won_amounts, amount, lang),
            g.median_cycle_days.map_or_else(|| t.reports.no_figure.to_string(), |d| t.reports.days_value(d)),
        ]
    };
    let table_rows = StoredValue::new(rows);
    expect_context::<Scope>().publish(move || ReportTable {
        name: "win-rates",
        headers: headers.map(String::from).to_vec(),
        rows: table_rows.with_value(|rows| rows.iter().map(cells).collect()),
    });
    view! {
        <DealBars bars testid="win-bars"/>
        <div class="table-scroll" tabindex="0">
            <table class="data-table report-table" data-testid="win-table">
                <thead><tr>{headers.into_iter().enumerate().map(|(i, h)| view! { <th scope="col" class:num={i > 0}>{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {move || table_rows.with_value(|rows| rows.iter().map(cells).collect::<Vec<_>>()).into_iter().map(|row| view! {
                        <tr data-testid="win-row">{row.into_iter().enumerate().map(|(i, cell)| view! { <td class:num={i > 0}><bdi>{cell}</bdi></td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn rate_text(g: &WinGroup, t: &Texts, lang: Lang) -> String {
    g.win_rate.map_or_else(|| t.reports.no_figure.to_string(), |r| format_percent(r, 1, lang))
}
