//! `/warranty/contracts`: service contracts, those running first, each with
//! its period and how many of its included visits were used.

use super::{customer_name, WarrantyTabs};
use crate::state::AppState;
use daftar_core::locale::{format_date, format_money};
use daftar_core::warranty::service::{visits_used, ServiceContract, ServiceVisit};
use daftar_core::warranty::{CONTRACT, VISIT};
use leptos::prelude::*;

#[component]
pub fn ContractList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = move || state.lang.get();
    let rows = LocalResource::new(move || {
        state.track_records();
        async move {
            let visits: Vec<ServiceVisit> = state.all_live(VISIT).await.unwrap_or_default().iter().filter_map(|r| r.decode().ok()).collect();
            let today = crate::browser_env::today();
            let mut rows: Vec<(String, ServiceContract, usize)> = state
                .all_live(CONTRACT)
                .await
                .unwrap_or_default()
                .into_iter()
                .filter_map(|r| {
                    let c: ServiceContract = r.decode().ok()?;
                    let used = visits_used(&r.id, &c, &visits);
                    Some((r.id, c, used))
                })
                .collect();
            // Running ones first, the soonest to end on top.
            rows.sort_by_key(|(_, c, _)| (c.ends_on.is_none_or(|e| e < today), c.ends_on));
            rows
        }
    });
    view! {
        <section class="page warranty-page" data-testid="contracts-page">
            <crate::components::ListHead title=|t| t.warranty.warranty_contracts add_href="/warranty/contracts/new" add_label=|t| t.warranty.contract_new add_testid="contract-new"/>
            <WarrantyTabs/>
            <ul class="plain-list card" data-testid="contract-list">
                {move || {
                    let rows = rows.get().unwrap_or_default();
                    let empty = rows.is_empty().then(|| view! { <li class="muted">{move || t().warranty.contracts_empty}</li> });
                    (empty, rows.into_iter().map(|(id, c, used)| {
                        let customer = customer_name(state, &c.customer_id);
                        let period = move || format!("{} – {}", c.starts_on.map(|d| format_date(d, lang())).unwrap_or_default(), c.ends_on.map(|d| format_date(d, lang())).unwrap_or_default());
                        let visits = move || t().warranty.contract_visits_used(used as i64, c.visits_included as i64);
                        let (price, currency) = (c.price, c.currency);
                        view! {
                            <li class="contact-row" data-testid="contract-row">
                                <a class="row-title" href=format!("/warranty/contracts/{id}")><bdi>{c.title.clone()}</bdi></a>
                                <span class="muted"><bdi>{customer}</bdi></span>
                                <span>{period}</span>
                                <span class="muted">{visits}</span>
                                {(c.response_hours > 0).then(|| view! {
                                    <span class="muted">{move || t().warranty.contract_response_line(c.response_hours as i64)}</span>
                                })}
                                <span>{move || format_money(price, currency, lang())}</span>
                            </li>
                        }
                    }).collect_view())
                }}
            </ul>
        </section>
    }
}
