//! The forecast: a pipeline's open deals by the month they should close
//! (Jalali months in Persian), with sums and weighted sums; each month
//! opens to its deals.

use super::{totals_text, use_sales, PipelineTabs};
use crate::state::AppState;
use daftar_core::locale::{format_money, localize_digits, Lang, Month as CalendarMonth};
use daftar_core::pipeline::{by_month, Deal, MonthKey, Status};
use leptos::prelude::*;

fn month_title(key: MonthKey, lang: Lang, none: &str) -> String {
    match key {
        Some((year, month)) => CalendarMonth { year, month, lang }.title(),
        None => none.to_string(),
    }
}

fn month_of(deal: &Deal, lang: Lang) -> MonthKey {
    deal.expected_close.map(|d| {
        let m = CalendarMonth::of(d, lang);
        (m.year, m.month)
    })
}

#[component]
pub fn Forecast() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let (pipeline_id, ready) = use_sales();
    let months = Memo::new(move |_| {
        let id = pipeline_id.get();
        let lang = state.lang.get();
        state.sales().with(|s| {
            let Some(s) = s.as_ref() else { return Vec::new() };
            let deals = s.deals.iter().map(|e| &e.fields).filter(|d| d.pipeline_id == id);
            by_month(deals, &|pid| s.pipeline(pid), lang)
        })
    });
    let deals_of = move |key: MonthKey| {
        let id = pipeline_id.get_untracked();
        let lang = state.lang.get_untracked();
        state.sales().with_untracked(|s| {
            let Some(s) = s.as_ref() else { return Vec::new() };
            let mut rows: Vec<(String, Deal)> = s.deals.iter().filter(|e| e.fields.pipeline_id == id && e.fields.status == Status::Open && month_of(&e.fields, lang) == key).map(|e| (e.id.clone(), e.fields.clone())).collect();
            rows.sort_by(|a, b| (a.1.expected_close, &a.1.title).cmp(&(b.1.expected_close, &b.1.title)));
            rows
        })
    };
    view! {
        <section class="page forecast-page">
            <div class="board-head"><PipelineTabs current=pipeline_id view="forecast"/></div>
            <Show when=move || ready.get() fallback=move || view! { <p class="muted">{move || t().loading}</p> }>
                <div class="card" data-testid="forecast">
                    <For each=move || months.get() key=|m| format!("{:?}{}{:?}", m.month, m.deals, m.totals) children=move |m| {
                        let key = m.month;
                        let open = RwSignal::new(false);
                        view! {
                            <details class="forecast-month" on:toggle=move |_| open.update(|o| *o = !*o) data-testid="forecast-month">
                                <summary>
                                    <strong>{move || month_title(key, state.lang.get(), t().pipeline.no_close_date)}</strong>
                                    <span class="badge">{move || localize_digits(&m.deals.to_string(), state.lang.get())}</span>
                                    <span class="muted">{move || totals_text(&m.totals, state.lang.get())}</span>
                                </summary>
                                {move || open.get().then(|| view! {
                                    <ul class="plain-list">
                                        {deals_of(key).into_iter().map(|(id, d)| view! {
                                            <li class="contact-row">
                                                <a class="row-title" href=format!("/deals/{id}")>{d.title.clone()}</a>
                                                <span>{move || format_money(d.amount, d.currency, state.lang.get())}</span>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                })}
                            </details>
                        }
                    }/>
                    <Show when=move || months.with(Vec::is_empty)><p class="muted">{move || t().pipeline.no_open_deals}</p></Show>
                </div>
            </Show>
        </section>
    }
}
