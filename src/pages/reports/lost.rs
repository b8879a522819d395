//! Why deals are lost: the period's lost deals as bars by reason,
//! competitor, the stage they were lost at or owner; a bar opens to the
//! deals behind it, each opening its deal. Below, the lost deals month by
//! month in the reader's calendar.

use super::bars::{Bar, DealBars};
use super::frame::Scope;
use super::pickers::CutPicker;
use super::table::ReportTable;
use super::{amount, money_text, report_body, use_names, Empty};
use crate::i18n::Texts;
use crate::state::AppState;
use daftar_core::catalog::Competitor;
use daftar_core::locale::format_number;
use daftar_core::reports::{lost_deals, LostBy, LostDeals};
use leptos::prelude::*;
use std::collections::HashMap;

fn by_label(by: LostBy, t: &Texts) -> &'static str {
    match by {
        LostBy::Reason => t.reports.by_reason,
        LostBy::Competitor => t.reports.by_competitor,
        LostBy::Stage => t.reports.by_stage,
        LostBy::Owner => t.reports.by_owner,
    }
}

#[component]
pub fn LostReport() -> impl IntoView {
    let by = RwSignal::new(LostBy::Reason);
    let competitors = use_names(|c: Competitor| c.name);
    // The cut goes with its groups: two cuts can give equal groups (all unnamed).
    let report = expect_context::<Scope>().over_deals("daftar:report-lost", move |deals, period, filter, lang| {
        let by = by.get();
        (by, lost_deals(deals, period, filter, by, lang))
    });
    let none = Empty { when: |(_, r): &(LostBy, LostDeals)| r.count == 0, text: |t| t.reports.lost_none, testid: "lost-none" };
    view! {
        <CutPicker choices=&LostBy::ALL chosen=by label=by_label group=|t| t.reports.lost_deals testid="lost-by"/>
        {report_body(report.into(), Some(none), move |(by, r)| view! { <LostBars report=r by competitors/> })}
    }
}

#[component]
fn LostBars(report: LostDeals, by: LostBy, competitors: Signal<HashMap<String, String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = state.lang.get_untracked();
    let busiest_month = report.months.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
    let label = move |key: &str| -> String {
        match (key.is_empty(), by) {
            (true, LostBy::Competitor) => t().reports.no_competitor.to_string(),
            (true, LostBy::Owner) => t().reports.no_owner.to_string(),
            (true, _) => t().reports.no_reason.to_string(),
            (false, LostBy::Competitor) => competitors.with(|c| c.get(key).cloned()).unwrap_or_else(|| key.to_string()),
            (false, _) => key.to_string(),
        }
    };
    let groups: Vec<(String, usize, String)> = report.groups.iter().map(|g| (g.key.clone(), g.count, money_text(&g.amounts, amount, lang))).collect();
    expect_context::<Scope>().publish(move || ReportTable {
        name: "lost-deals",
        headers: vec![by_label(by, t()).to_string(), t().reports.deals.to_string(), t().reports.amount.to_string()],
        rows: groups.iter().map(|(key, count, money)| vec![label(key), format_number(*count as i64, lang), money.clone()]).collect(),
    });
    let bars: Vec<Bar> = report
        .groups
        .iter()
        .map(|g| Bar {
            key: g.key.clone(),
            label: Signal::derive({ let key = g.key.clone(); move || label(&key) }),
            count: g.count,
            note: money_text(&g.amounts, amount, lang),
            deals: g.deals.clone(),
            warn: false,
        })
        .collect();
    view! {
        <p data-testid="lost-total"><strong>{t().reports.deal_count(report.count as i64)}</strong>{t().part_separator}<bdi>{money_text(&report.amounts, amount, lang)}</bdi></p>
        <DealBars bars testid="lost-bars"/>
        <h2>{move || t().reports.lost_by_month}</h2>
        <ul class="bars" data-testid="lost-months">
            {report.months.into_iter().map(|(month, n)| view! {
                <li class="bar-row">
                    <span>{month.title()}</span>
                    <span class="bar" aria-hidden="true"><span class="bar-fill" style=format!("inline-size: {}%", n * 100 / busiest_month)></span></span>
                    <span class="bar-count">{format_number(n as i64, lang)}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}
