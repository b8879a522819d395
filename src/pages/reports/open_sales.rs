//! Sales in progress in the chosen pipeline (the first when the filter
//! names none): open deals by stage and by expected close month as bars
//! that open to their deals, then one table of every stage — open deals
//! now, and the funnel and time in stage of the deals created in the period.

use super::bars::{Bar, DealBars};
use super::frame::Scope;
use super::table::{FigureTable, ReportTable};
use super::{amount, money_text, report_body, Empty};
use crate::browser_env::{ms_to_local, today};
use crate::i18n::Texts;
use crate::state::AppState;
use daftar_core::locale::{format_decimal, format_number, format_percent, Lang, Month};
use daftar_core::pipeline::Sums;
use daftar_core::reports::{open_sales, OpenSales};
use daftar_core::store::Envelope;
use leptos::prelude::*;

fn weighted(sums: &Sums) -> i64 {
    sums.weighted
}

#[component]
pub fn OpenSalesReport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let scope = expect_context::<Scope>();
    let report = Memo::new(move |_| {
        let (period, filter, lang) = (scope.period.get(), scope.filter(), state.lang.get());
        let span = crate::perf::start("daftar:report-open");
        // None while the deals load; then None inside when there is no pipeline.
        let report = state.sales().with(|s| {
            let s = s.as_ref()?;
            let chosen = s.pipelines.iter().find(|(id, _)| filter.pipeline_id.is_empty() || *id == filter.pipeline_id);
            Some(chosen.map(|(id, pipeline)| {
                let deals: Vec<&Envelope<_>> = s.deals.iter().collect();
                let local_date = |ms: i64| ms_to_local(ms).date();
                (pipeline.name.clone(), open_sales(&deals, id, pipeline, period, &filter, js_sys::Date::now() as i64, &local_date, lang))
            }))
        });
        span.end();
        report
    });
    let none = Empty { when: Option::is_none, text: |t| t.reports.no_pipeline, testid: "open-none" };
    report_body(report.into(), Some(none), |found| found.map(|(name, report)| view! { <OpenSalesView name report/> }))
}

#[component]
fn OpenSalesView(name: String, report: OpenSales) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.t_untracked();
    let lang = state.lang.get_untracked();
    let this_month = Month::of(today(), lang);
    let stage_bars: Vec<Bar> = report
        .stages
        .iter()
        .map(|s| Bar {
            key: s.stage_id.clone(),
            label: Signal::stored(s.name.clone()),
            count: s.open.count,
            note: owners_note(&s.by_owner, t, lang),
            deals: s.open.deals.clone(),
            warn: false,
        })
        .collect();
    let month_bars: Vec<Bar> = report
        .by_month
        .iter()
        .map(|(month, group)| Bar {
            key: month.map(|m| format!("{}-{}", m.year, m.month)).unwrap_or_default(),
            label: Signal::stored(month.map_or_else(|| t.reports.no_close_date.to_string(), |m| m.title())),
            count: group.count,
            note: money_text(&group.amounts, amount, lang),
            deals: group.deals.clone(),
            warn: month.is_some_and(|m| (m.year, m.month) < (this_month.year, this_month.month)),
        })
        .collect();
    let headers = [t.reports.stage, t.reports.open_deals, t.reports.amount, t.reports.weighted, t.reports.reached, t.reports.conversion, t.reports.median_days, t.reports.p75_days];
    let table = ReportTable { name: "open-sales", headers: headers.map(String::from).to_vec(), rows: table_rows(&report, t, lang) };
    view! {
        <h2><bdi>{name}</bdi></h2>
        <p data-testid="open-total">
            <strong>{t.reports.deal_count(report.total.count as i64)}</strong>{t.part_separator}
            <bdi>{money_text(&report.total.amounts, amount, lang)}</bdi>{t.part_separator}
            {t.reports.weighted}" "<bdi>{money_text(&report.total.amounts, weighted, lang)}</bdi>
        </p>
        <h3>{t.reports.open_by_stage}</h3>
        <DealBars bars=stage_bars testid="open-stages"/>
        <h3>{t.reports.open_by_month}</h3>
        <DealBars bars=month_bars testid="open-months"/>
        <h3>{t.reports.funnel_title}</h3>
        <FigureTable table testid="open-table" row_testid="open-row"/>
    }
}

/// "sara 3 | reza 1": whose the stage's deals are.
fn owners_note(by_owner: &[(String, daftar_core::reports::OpenGroup)], t: &Texts, lang: Lang) -> String {
    by_owner
        .iter()
        .map(|(owner, group)| format!("{} {}", if owner.is_empty() { t.reports.no_owner } else { owner }, format_number(group.count as i64, lang)))
        .collect::<Vec<_>>()
        .join(t.part_separator)
}

/// One row per stage, then the won row of the funnel.
fn table_rows(report: &OpenSales, t: &Texts, lang: Lang) -> Vec<Vec<String>> {
    let days = |d: Option<f64>| d.map_or_else(|| t.reports.no_figure.to_string(), |d| format_decimal(d, 1, lang));
    let rate = |r: Option<f64>| r.map_or_else(|| t.reports.no_figure.to_string(), |r| format_percent(r, 1, lang));
    let mut rows: Vec<Vec<String>> = report
        .stages
        .iter()
        .zip(&report.funnel)
        .map(|(stage, step)| {
            vec![
                stage.name.clone(),
                format_number(stage.open.count as i64, lang),
                money_text(&stage.open.amounts, amount, lang),
                money_text(&stage.open.amounts, weighted, lang),
                format_number(step.reached as i64, lang),
                rate(step.conversion),
                days(step.median_days),
                days(step.p75_days),
            ]
        })
        .collect();
    if let Some(won) = report.funnel.last() {
        let none = t.reports.no_figure.to_string();
        rows.push(vec![t.reports.won.to_string(), none.clone(), none.clone(), none.clone(), format_number(won.reached as i64, lang), rate(won.conversion), none.clone(), none]);
    }
    rows
}
