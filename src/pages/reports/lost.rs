//! Why deals are lost: the period's lost deals as bars by reason,
//! competitor, the stage they were lost at or owner; a bar opens to the
//! deals behind it, each opening its deal. Below, the lost deals month by
//! month in the reader's calendar.

use super::frame::Scope;
use crate::i18n::Texts;
use crate::state::AppState;
use daftar_core::catalog::{Competitor, COMPETITOR};
use daftar_core::locale::{format_money, format_number, Lang};
use daftar_core::pipeline::{Deal, Totals};
use daftar_core::reports::{lost_deals, LostBy, LostDeals};
use daftar_core::store::Envelope;
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

fn money(totals: &Totals, lang: Lang) -> String {
    totals.by_currency().iter().map(|(c, s)| format_money(s.amount, *c, lang)).collect::<Vec<_>>().join(crate::i18n::texts(lang).part_separator)
}

#[component]
pub fn LostReport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let scope = expect_context::<Scope>();
    let by = RwSignal::new(LostBy::Reason);
    // The bar opened to its deals, by its key.
    let open = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        (by.track(), scope.period.track());
        open.set(None);
    });
    let competitors = LocalResource::new(move || {
        state.track_records();
        async move {
            let all = state.all_live(COMPETITOR).await.unwrap_or_default();
            all.iter().filter_map(|r| Some((r.id.clone(), r.read::<Competitor>().ok()?.name))).collect::<HashMap<_, _>>()
        }
    });
    let report = Memo::new(move |_| {
        let (period, filter, by, lang) = (scope.period.get(), scope.filter(), by.get(), state.lang.get());
        state.sales.with(|s| {
            s.as_ref().map(|s| {
                let deals: Vec<&Envelope<Deal>> = s.deals.iter().collect();
                lost_deals(&deals, period, &filter, by, lang)
            })
        })
    });
    view! {
        <div class="segmented" role="group" aria-label=move || t().reports.lost_deals>
            {LostBy::ALL.into_iter().map(|b| view! {
                <button type="button" class="btn" class:primary=move || by.get() == b aria-pressed=move || (by.get() == b).to_string()
                    on:click=move |_| by.set(b) data-testid=format!("lost-by-{b:?}")>{move || by_label(b, t())}</button>
            }).collect_view()}
        </div>
        {move || match report.get() {
            None => view! { <p class="muted">{t().reports.loading_reports}</p> }.into_any(),
            Some(r) if r.count == 0 => view! { <p class="empty" data-testid="lost-none">{t().reports.lost_none}</p> }.into_any(),
            Some(r) => view! { <LostBars report=r by=by.get_untracked() open competitors=Signal::derive(move || competitors.get().unwrap_or_default())/> }.into_any(),
        }}
    }
}

#[component]
fn LostBars(report: LostDeals, by: LostBy, open: RwSignal<Option<String>>, competitors: Signal<HashMap<String, String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = state.lang.get_untracked();
    let widest = report.groups.iter().map(|g| g.count).max().unwrap_or(1).max(1);
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
    let deal_line = move |id: &str| {
        state.sales.with_untracked(|s| s.as_ref().and_then(|s| s.deals.get(id)).map(|e| format!("{}{}{}", e.fields.title, t().part_separator, format_money(e.fields.amount, e.fields.currency, lang))))
    };
    view! {
        <p data-testid="lost-total"><strong>{t().reports.deal_count(report.count as i64)}</strong>{t().part_separator}<bdi>{money(&report.amounts, lang)}</bdi></p>
        <ul class="bars lost-bars" data-testid="lost-bars">
            {report.groups.into_iter().map(|g| {
                let key = g.key.clone();
                let is_open = { let key = key.clone(); move || open.with(|o| o.as_deref() == Some(key.as_str())) };
                let toggle = { let key = key.clone(); move |_| open.update(|o| *o = if o.as_deref() == Some(key.as_str()) { None } else { Some(key.clone()) }) };
                let width = format!("inline-size: {}%", g.count * 100 / widest);
                let deals = g.deals.clone();
                let is_open_list = is_open.clone();
                view! {
                    <li class="lost-group">
                        <button type="button" class="bar-row lost-bar" aria-expanded=move || is_open().to_string() on:click=toggle data-testid="lost-bar">
                            <span class="bar-label"><bdi>{let key = key.clone(); move || label(&key)}</bdi></span>
                            <span class="bar" aria-hidden="true"><span class="bar-fill" style=width></span></span>
                            <span class="bar-count">{format_number(g.count as i64, lang)}</span>
                        </button>
                        <p class="muted lost-amount"><bdi>{money(&g.amounts, lang)}</bdi></p>
                        <Show when=is_open_list.clone()>
                            <ul class="plain-list lost-deals" data-testid="lost-deals">
                                {deals.iter().filter_map(|id| Some((id.clone(), deal_line(id)?))).map(|(id, line)| view! {
                                    <li><a class="lost-deal" href=format!("/deals/{id}") data-testid="lost-deal"><bdi>{line}</bdi></a></li>
                                }).collect_view()}
                            </ul>
                        </Show>
                    </li>
                }
            }).collect_view()}
        </ul>
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
