//! Customers ranked by what they bought in the period: the Pareto curve,
//! the A/B/C classes read off it (a class opens to its customers), one tap
//! to write the classes onto the customers, and the ranked table. One
//! currency at a time.

use super::{customer_name, report_body, Empty};
use super::frame::Scope;
use super::pickers::CurrencySwitch;
use super::table::ReportTable;
use crate::components::CurveChart;
use crate::i18n::{labels, store_error_text};
use crate::state::{AppState, ToastAction};
use daftar_core::customers::ValueSegment;
use daftar_core::locale::{format_date, format_money, format_number, Currency};
use daftar_core::reports::{ranking, CustomerValue, Ranking};
use leptos::prelude::*;
use std::collections::HashMap;

/// Rows added to the table per "show more".
const PAGE: usize = 50;
/// The columns holding amounts and counts, aligned to the end.
const NUMERIC: [usize; 3] = [3, 4, 5];

#[component]
pub fn CustomerRanking() -> impl IntoView {
    // None: the currency with the most revenue in the period.
    let currency = RwSignal::new(None::<Currency>);
    let report = expect_context::<Scope>().over_deals("daftar:report-customers", move |deals, period, filter, _| ranking(deals, period, filter, currency.get()));
    let none = Empty { when: |r: &Ranking| r.customers.is_empty(), text: |t| t.reports.ranked_none, testid: "ranked-none" };
    report_body(report.into(), Some(none), move |report| view! { <RankingView report currency/> })
}

#[component]
fn RankingView(report: Ranking, currency: RwSignal<Option<Currency>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.t_untracked();
    let lang = state.lang.get_untracked();
    let shown_currency = report.currency.unwrap_or_default();
    let class_open = RwSignal::new(None::<ValueSegment>);
    let rows_shown = RwSignal::new(PAGE);
    // With a handful of buyers "the top 20 %" is one of them: no headline.
    let headline = (report.customers.len() >= 5).then(|| report.share_of_top(20.0)).flatten().map(|share| t.reports.top_share(20.0, share));
    let points: Vec<(f64, f64)> = report.pareto.iter().map(|p| (p.customers, p.revenue)).collect();
    let classes = report.classes();
    let report = StoredValue::new(report);
    let name = move |id: &str| customer_name(state, id);
    let rows = move || {
        let open = class_open.get();
        report.with_value(|r| r.customers.iter().enumerate().filter(|(_, c)| open.is_none_or(|class| c.class == class)).take(rows_shown.get()).map(|(i, c)| (i + 1, c.clone())).collect::<Vec<_>>())
    };
    let headers = move || [t.reports.rank, t.reports.customer, t.reports.value_class, t.reports.in_period, t.reports.all_time, t.reports.deals, t.reports.last_purchase];
    let cells = move |rank: usize, c: &CustomerValue| {
        [
            format_number(rank as i64, lang),
            name(&c.customer_id),
            labels::value_segment_letter(c.class, t).to_string(),
            format_money(c.in_period, shown_currency, lang),
            format_money(c.all_time, shown_currency, lang),
            format_number(c.deals_in_period as i64, lang),
            format_date(c.last_won, lang),
        ]
    };
    expect_context::<Scope>().publish(move || {
        let open = class_open.get_untracked();
        let rows = report.with_value(|r| r.customers.iter().enumerate().filter(|(_, c)| open.is_none_or(|class| c.class == class)).map(|(i, c)| cells(i + 1, c).to_vec()).collect());
        ReportTable { name: "customer-ranking", headers: headers().map(String::from).to_vec(), rows }
    });
    let more = move || report.with_value(|r| r.customers.iter().filter(|c| class_open.get().is_none_or(|class| c.class == class)).count()) > rows_shown.get();
    view! {
        <CurrencySwitch currencies=report.with_value(|r| r.currencies.clone()) shown=shown_currency chosen=currency/>
        {headline.map(|h| view! { <p class="report-headline" data-testid="pareto-headline">{h}</p> })}
        <CurveChart title=t.reports.pareto_title.to_string() points x_label=t.reports.axis_customers.to_string() y_label=t.reports.axis_revenue.to_string()
            marks=vec![(80.0, t.reports.class_cut_ab.to_string()), (95.0, t.reports.class_cut_bc.to_string())]/>
        <div class="class-chips" role="group" aria-label=t.reports.value_class>
            {classes.into_iter().map(|(class, count, sum)| view! {
                <button type="button" class="btn class-chip" aria-pressed=move || (class_open.get() == Some(class)).to_string()
                    on:click=move |_| { rows_shown.set(PAGE); class_open.update(|o| *o = if *o == Some(class) { None } else { Some(class) }) } data-testid="class-chip">
                    <strong>{labels::value_segment(Some(class), t)}</strong>
                    <span>{t.customers.customer_count(count as i64)}</span>
                    <bdi>{format_money(sum, shown_currency, lang)}</bdi>
                </button>
            }).collect_view()}
        </div>
        <WriteClasses report/>
        <div class="table-scroll" tabindex="0">
        <table class="data-table report-table" data-testid="ranking-table">
            <thead><tr>
                {headers().into_iter().enumerate().map(|(i, h)| view! { <th scope="col" class:num=NUMERIC.contains(&i)>{h}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {move || rows().into_iter().map(|(rank, c)| {
                    let [rank, name_text, class, in_period, all_time, deals, last] = cells(rank, &c);
                    view! {
                        <tr data-testid="ranked-customer">
                            <td>{rank}</td>
                            <td><a href=format!("/customers/{}", c.customer_id)><bdi>{name_text}</bdi></a></td>
                            <td data-testid="ranked-class">{class}</td>
                            <td class="num"><bdi>{in_period}</bdi></td>
                            <td class="num"><bdi>{all_time}</bdi></td>
                            <td class="num">{deals}</td>
                            <td>{last}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
        <Show when=more>
            <button type="button" class="btn" on:click=move |_| rows_shown.update(|n| *n += PAGE) data-testid="ranking-more">{t.reports.show_more}</button>
        </Show>
    }
}

/// Writes the derived classes onto the customers' value segment: the
/// ranked ones get theirs, the others the filter's owner holds get C.
#[component]
fn WriteClasses(report: StoredValue<Ranking>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let scope = expect_context::<Scope>();
    let busy = RwSignal::new(false);
    // Every customer in scope, with the class the write gives them.
    let classes = move || -> HashMap<String, ValueSegment> {
        let filter = scope.filter();
        let mut classes: HashMap<String, ValueSegment> = state.reports().with(|data| {
            data.as_ref().map(|d| d.customers.iter().filter(|(_, c)| filter.owner.is_empty() || c.owner == filter.owner).map(|(id, _)| (id.clone(), ValueSegment::C)).collect()).unwrap_or_default()
        });
        report.with_value(|r| classes.extend(r.customers.iter().map(|c| (c.customer_id.clone(), c.class))));
        classes
    };
    let count = Memo::new(move |_| classes().len());
    // Classes are of the whole business: a rep's or a pipeline's share, or
    // one currency of several, would mark the other buyers C.
    let blocked = move || {
        let filter = scope.filter();
        if !filter.owner.is_empty() || !filter.pipeline_id.is_empty() {
            Some(t().reports.classes_need_all)
        } else if report.with_value(|r| r.currencies.len() > 1) {
            Some(t().reports.classes_one_currency)
        } else {
            None
        }
    };
    let write = move |_| {
        let classes = classes();
        busy.set(true);
        leptos::task::spawn_local(async move {
            match state.set_value_classes(|id| classes.get(id).copied()).await {
                Ok(before) if before.is_empty() => state.notify(state.t_untracked().reports.classes_unchanged.to_string(), None),
                Ok(before) => state.notify(state.t_untracked().reports.classes_written(before.len() as i64), Some(ToastAction::UndoChanges(before))),
                Err(e) => state.notify(store_error_text(&e, state.lang.get_untracked()), None),
            }
            busy.set(false);
        });
    };
    view! {
        <div class="report-action">
            <button type="button" class="btn primary" on:click=write disabled=move || busy.get() || count.get() == 0 || blocked().is_some() data-testid="write-classes">
                {move || t().reports.write_classes(count.get() as i64)}
            </button>
            <p class="muted">{move || blocked().unwrap_or(t().reports.classes_note)}</p>
        </div>
    }
}
