//! The same open deals as a table: sort by any column, and change stage,
//! amount or expected close right in the row.

use super::{use_sales, PipelineTabs};
use crate::components::VirtualList;
use crate::state::AppState;
use daftar_core::locale::{format_amount, format_date, format_money, parse_date};
use daftar_core::pipeline::{Deal, Status};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortBy {
    Title,
    Customer,
    Stage,
    Amount,
    Close,
    Owner,
}

const ROW_PX: f64 = 60.0;

#[component]
pub fn DealTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let (pipeline_id, ready) = use_sales();
    let sort = RwSignal::new((SortBy::Close, false));
    let rows = Memo::new(move |_| {
        let id = pipeline_id.get();
        let (by, descending) = sort.get();
        state.sales().with(|s| {
            let Some(s) = s.as_ref() else { return Vec::new() };
            let stage_pos = |d: &Deal| s.pipeline(&d.pipeline_id).and_then(|p| p.stages.iter().position(|st| st.id == d.stage)).unwrap_or(0);
            let customer = |d: &Deal| state.customers.with_untracked(|ix| ix.row(&d.customer_id).map(|r| r.name.clone())).unwrap_or_default();
            let mut rows: Vec<(String, String, usize, &Deal)> = s.deals.iter().filter(|e| e.fields.pipeline_id == id && e.fields.status == Status::Open).map(|e| (e.id.clone(), customer(&e.fields), stage_pos(&e.fields), &e.fields)).collect();
            rows.sort_by(|a, b| {
                let order = match by {
                    SortBy::Title => a.3.title.cmp(&b.3.title),
                    SortBy::Customer => a.1.cmp(&b.1),
                    SortBy::Stage => a.2.cmp(&b.2),
                    SortBy::Amount => a.3.amount.cmp(&b.3.amount),
                    SortBy::Close => (a.3.expected_close.is_none(), a.3.expected_close).cmp(&(b.3.expected_close.is_none(), b.3.expected_close)),
                    SortBy::Owner => a.3.owner.cmp(&b.3.owner),
                };
                if descending { order.reverse() } else { order }
            });
            rows.into_iter().map(|r| r.0).collect::<Vec<_>>()
        })
    });
    let head = move |by: SortBy, label: fn(&crate::i18n::Texts) -> &'static str| {
        let marker = move || match sort.get() {
            (b, false) if b == by => " ▲",
            (b, true) if b == by => " ▼",
            _ => "",
        };
        view! {
            <button type="button" class="th" on:click=move |_| sort.update(|(b, d)| { *d = *b == by && !*d; *b = by; })
                aria-pressed=move || (sort.get().0 == by).to_string()>
                {move || label(t())}{marker}
            </button>
        }
    };
    let count = Signal::derive(move || rows.with(Vec::len));
    let key = move |i: usize| rows.with_untracked(|r| r.get(i).cloned().unwrap_or_default());
    view! {
        <section class="page table-page list-page">
            <div class="board-head"><PipelineTabs current=pipeline_id view="table"/></div>
            <Show when=move || ready.get() fallback=move || view! { <p class="muted">{move || t().loading}</p> }>
                <div class="deal-table" data-testid="deal-table">
                    <div class="deal-tr head" role="group" aria-label=move || t().pipeline.sort_by>
                        {head(SortBy::Title, |t| t.field_title)}
                        {head(SortBy::Customer, |t| t.pipeline.field_customer)}
                        {head(SortBy::Stage, |t| t.pipeline.field_stage)}
                        {head(SortBy::Amount, |t| t.pipeline.field_amount)}
                        {head(SortBy::Close, |t| t.pipeline.field_expected_close)}
                        {head(SortBy::Owner, |t| t.field_owner)}
                    </div>
                    <VirtualList count=count row_height=ROW_PX key=key render=move |i| view! { <TableRow id=key(i)/> }/>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn TableRow(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let sales = state.sales();
    let deal = Memo::new({
        let id = id.clone();
        move |_| sales.with(|s| s.as_ref().and_then(|s| s.deals.get(&id)).map(|e| e.fields.clone()))
    });
    let stages = move || deal.with(|d| d.as_ref().map(|d| d.pipeline_id.clone())).and_then(|pid| sales.with(|s| s.as_ref().and_then(|s| s.pipeline(&pid)).map(|p| p.stages.iter().map(|s| (s.id.clone(), s.name.clone())).collect::<Vec<_>>()))).unwrap_or_default();
    let save = move |id: String, edit: Box<dyn FnOnce(&mut daftar_core::pipeline::DealInput)>| {
        leptos::task::spawn_local(async move {
            if let Err(e) = state.update_deal(&id, edit).await {
                state.notify(super::move_failure_text(&e, state), None);
            }
        });
    };
    let customer = move || deal.with(|d| d.as_ref().map(|d| d.customer_id.clone())).and_then(|c| state.customers.with(|ix| ix.row(&c).map(|r| r.name.clone()))).unwrap_or_default();
    let (id1, id2, id3) = (id.clone(), id.clone(), id.clone());
    view! {
        <div class="deal-tr" data-testid="deal-row">
            <a class="td row-title" href=format!("/deals/{id}")>{move || deal.with(|d| d.as_ref().map(|d| d.title.clone()))}</a>
            <bdi class="td">{customer}</bdi>
            <select class="td" aria-label=move || state.t().pipeline.field_stage data-testid="row-stage"
                on:change=move |ev| { let stage = event_target_value(&ev); save(id1.clone(), Box::new(move |i| i.stage = stage)); }>
                {move || {
                    let current = deal.with(|d| d.as_ref().map(|d| d.stage.clone())).unwrap_or_default();
                    stages().into_iter().map(|(sid, name)| view! { <option value=sid.clone() selected=sid == current>{name}</option> }).collect_view()
                }}
            </select>
            <input class="td" inputmode="decimal" dir="ltr" aria-label=move || state.t().pipeline.field_amount data-testid="row-amount"
                prop:value=move || deal.with(|d| d.as_ref().map(|d| format_amount(d.amount, d.currency, state.lang.get()))).unwrap_or_default()
                title=move || deal.with(|d| d.as_ref().map(|d| format_money(d.amount, d.currency, state.lang.get()))).unwrap_or_default()
                disabled=move || deal.with(|d| d.as_ref().is_some_and(|d| !d.lines.is_empty()))
                on:change=move |ev| { let amount = event_target_value(&ev); save(id2.clone(), Box::new(move |i| i.amount = amount)); }/>
            <input class="td" inputmode="numeric" aria-label=move || state.t().pipeline.field_expected_close data-testid="row-close"
                prop:value=move || deal.with(|d| d.as_ref().and_then(|d| d.expected_close).map(|c| format_date(c, state.lang.get()))).unwrap_or_default()
                on:change=move |ev| {
                    let raw = event_target_value(&ev);
                    match parse_date(&raw, state.lang.get_untracked()) {
                        Ok(d) => save(id3.clone(), Box::new(move |i| i.expected_close = Some(d))),
                        Err(_) if raw.trim().is_empty() => save(id3.clone(), Box::new(|i| i.expected_close = None)),
                        Err(_) => state.notify(state.t_untracked().bad_date.to_string(), None),
                    }
                }/>
            <span class="td">{move || deal.with(|d| d.as_ref().map(|d| d.owner.clone()))}</span>
        </div>
    }
}
