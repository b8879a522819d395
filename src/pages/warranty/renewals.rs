//! `/warranty/renewals`: warranties and service contracts ending within
//! 30, 60 or 90 days (`?within=`), each one tap from a renewal deal in the
//! renewals pipeline with a follow-up task; and the inbox's reminder of
//! those ending within 30 days that nobody has taken up yet.

use super::{customer_name, WarrantyTabs};
use crate::state::{use_installed, AppState};
use daftar_core::locale::format_date;
use daftar_core::locale::Currency;
use daftar_core::pipeline::DEAL_KIND;
use daftar_core::warranty::service::{self, coming_due, RenewalSource, RenewalTexts, Renewable, ServiceContract, WINDOWS};
use daftar_core::warranty::CONTRACT;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::collections::HashMap;

/// Everything that ends and can be renewed (see core's `renewables`), and
/// each contract's price, the renewal deal's amount.
async fn renewables(state: AppState) -> (Vec<Renewable>, HashMap<String, (i64, Currency)>) {
    let deals = state.all_live(DEAL_KIND).await.unwrap_or_default();
    let contracts: Vec<(String, ServiceContract)> =
        state.all_live(CONTRACT).await.unwrap_or_default().into_iter().filter_map(|r| Some((r.id.clone(), r.read::<ServiceContract>().ok()?))).collect();
    let prices = contracts.iter().map(|(id, c)| (id.clone(), (c.price, c.currency))).collect();
    let known = |customer_id: &str| state.customers.with_untracked(|c| c.row(customer_id).is_some());
    let today = crate::browser_env::today();
    let all = state.installed().with_untracked(|b| {
        let items = b.iter().flat_map(|b| b.items.iter());
        service::renewables(items, contracts.iter().map(|(id, c)| (id, c)), &deals, today, known)
    });
    (all, prices)
}

#[component]
pub fn RenewalsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let installed = use_installed();
    let query = use_query_map();
    let within = move || query.with(|q| q.get("within")).and_then(|w| w.parse::<i64>().ok()).filter(|w| WINDOWS.contains(w)).unwrap_or(90);
    let due = LocalResource::new(move || {
        state.track_records();
        // Customers are checked against the list: wait for it after a reload.
        let (ready, within) = (installed.get() && state.customers_loaded.get(), within());
        async move {
            if !ready {
                return None;
            }
            let (all, prices) = renewables(state).await;
            Some((coming_due(all, crate::browser_env::today(), within), prices))
        }
    });
    view! {
        <section class="page warranty-page" data-testid="renewals-page">
            <h1>{move || t().warranty.warranty_renewals}</h1>
            <WarrantyTabs/>
            <nav class="pipeline-tabs" aria-label=move || t().warranty.warranty_renewals>
                {WINDOWS.map(|w| view! {
                    <a class="tab" href=format!("/warranty/renewals?within={w}") aria-current=move || (within() == w).then_some("page") data-testid=format!("within-{w}")>
                        {move || t().warranty.renewals_within(w as i64)}
                    </a>
                })}
            </nav>
            <Suspense fallback=move || view! { <p class="muted">{move || t().loading}</p> }>
                {move || due.get().flatten().map(|(rows, prices)| view! {
                    <ul class="plain-list card" data-testid="renewal-list">
                        {rows.is_empty().then(|| view! { <li class="muted">{move || t().warranty.renewals_none}</li> })}
                        {rows.into_iter().map(|(r, days_left, _)| {
                            let price = prices.get(&r.id).copied().unwrap_or((0, state.currency.get_untracked()));
                            view! { <RenewalRow r days_left price/> }
                        }).collect_view()}
                    </ul>
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn RenewalRow(r: Renewable, days_left: i64, price: (i64, Currency)) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = move || state.lang.get();
    let customer = customer_name(state, &r.customer_id);
    let href = match r.source {
        RenewalSource::Warranty => format!("/warranty/items/{}", r.id),
        RenewalSource::Contract => format!("/warranty/contracts/{}", r.id),
    };
    let source = r.source;
    let ends_on = r.ends_on;
    let deal = RwSignal::new(r.deal_id.clone());
    let busy = RwSignal::new(false);
    let r = StoredValue::new((r, customer.clone()));
    let renew = move |_| {
        busy.set(true);
        let (r, customer) = r.get_value();
        let t = state.t_untracked();
        let texts = RenewalTexts {
            deal_title: t.warranty.renewal_deal_title(&r.title),
            task_title: t.warranty.renewal_task_title(&customer, &r.title),
        };
        leptos::task::spawn_local(async move {
            match state.renew(&r, &texts, price).await {
                Ok(id) => {
                    deal.set(Some(id));
                    state.notify(state.t_untracked().warranty.renewal_created.to_string(), None);
                }
                Err(e) => state.notify(crate::i18n::store_error_text(&e, state.lang.get_untracked()), None),
            }
            let _ = busy.try_set(false);
        });
    };
    view! {
        <li class="contact-row renewal-row" data-testid="renewal-row">
            <a class="row-title" href=href><bdi>{r.with_value(|(r, _)| r.title.clone())}</bdi></a>
            <span class="muted"><bdi>{customer}</bdi></span>
            <span class="badge">{move || match source { RenewalSource::Warranty => t().warranty.renewal_warranty, RenewalSource::Contract => t().warranty.renewal_contract }}</span>
            <span data-testid="renewal-days">{move || t().warranty.renewal_ends(&format_date(ends_on, lang()), days_left as i64)}</span>
            {move || match deal.get() {
                Some(id) => view! { <a class="btn" href=format!("/deals/{id}") data-testid="renewal-deal">{move || t().warranty.renewal_open_deal}</a> }.into_any(),
                None => view! { <button type="button" class="btn primary" disabled=move || busy.get() on:click=renew data-testid="renew">{move || t().warranty.renew}</button> }.into_any(),
            }}
        </li>
    }
}

/// The inbox's card: how many warranties and contracts end within 30 days
/// with no renewal deal yet. Shows nothing when there are none.
#[component]
pub fn RenewalsReminder() -> impl IntoView {
    let state = expect_context::<AppState>();
    let installed = use_installed();
    let count = LocalResource::new(move || {
        state.track_records();
        let ready = installed.get() && state.customers_loaded.get();
        async move {
            if !ready {
                return 0;
            }
            let (all, _) = renewables(state).await;
            coming_due(all, crate::browser_env::today(), WINDOWS[0]).iter().filter(|(r, _, _)| r.deal_id.is_none()).count()
        }
    });
    move || {
        let n = count.get().unwrap_or(0);
        (n > 0).then(|| view! {
            <a class="card reminder-card" href="/warranty/renewals?within=30" data-testid="renewals-reminder">
                {move || state.t().warranty.renewals_reminder(n as i64)}
            </a>
        })
    }
}
