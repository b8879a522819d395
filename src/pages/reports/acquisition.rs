//! Acquisition and loyalty: month by month in the reader's calendar, the
//! customers who bought for the first time and those who came back, with
//! what each group spent. Each month's bar opens to its won deals.

use super::bars::{Bar, DealBars};
use super::frame::Scope;
use super::table::{FigureTable, ReportTable};
use super::{amount, money_text, report_body, Empty};
use crate::state::AppState;
use daftar_core::locale::format_number;
use daftar_core::reports::{acquisition, Buyers, MonthBuyers};
use leptos::prelude::*;

#[component]
pub fn AcquisitionReport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let report = expect_context::<Scope>().over_deals("daftar:report-acquisition", acquisition);
    let none = Empty { when: |months: &Vec<MonthBuyers>| months.iter().all(|m| m.new.deals.is_empty() && m.repeat.deals.is_empty()), text: |t| t.reports.ranked_none, testid: "acquisition-none" };
    view! {
        <p class="muted">{move || state.t().reports.acquisition_note}</p>
        {report_body(report.into(), Some(none), |months| view! { <Acquisition months/> })}
    }
}

#[component]
fn Acquisition(months: Vec<MonthBuyers>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.t_untracked();
    let lang = state.lang.get_untracked();
    let bars = |pick: fn(&MonthBuyers) -> &Buyers| -> Vec<Bar> {
        months
            .iter()
            .map(|m| {
                let buyers = pick(m);
                let title = m.month.title();
                Bar {
                    key: title.clone(),
                    label: Signal::stored(title),
                    count: buyers.customers.len(),
                    // A month with no one shows no "0" under its empty bar.
                    note: if buyers.deals.is_empty() { String::new() } else { money_text(&buyers.revenue, amount, lang) },
                    deals: buyers.deals.clone(),
                    warn: false,
                }
            })
            .collect()
    };
    let (new_bars, repeat_bars) = (bars(|m| &m.new), bars(|m| &m.repeat));
    let count = |b: &Buyers| format_number(b.customers.len() as i64, lang);
    let table = ReportTable {
        name: "new-and-repeat",
        headers: [t.reports.month, t.reports.new_buyers, t.reports.new_revenue, t.reports.repeat_buyers, t.reports.repeat_revenue].map(String::from).to_vec(),
        rows: months
            .iter()
            .map(|m| vec![m.month.title(), count(&m.new), money_text(&m.new.revenue, amount, lang), count(&m.repeat), money_text(&m.repeat.revenue, amount, lang)])
            .collect(),
    };
    view! {
        <h2>{t.reports.acquisition_title}</h2>
        <h3>{t.reports.new_buyers}</h3>
        <DealBars bars=new_bars testid="acquisition-new"/>
        <h3>{t.reports.repeat_buyers}</h3>
        <DealBars bars=repeat_bars testid="acquisition-repeat"/>
        <FigureTable table testid="acquisition-table" row_testid="acquisition-row"/>
    }
}
