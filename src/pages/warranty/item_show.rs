//! `/warranty/items/ID`: one sold item — its coverage today, its terms, the
//! extensions and transfers it went through, its claims and visits — and
//! what can be done with it from here.

use super::item_actions::ItemActions;
use super::{coverage_text, customer_name, CoverageCard, WarrantyTabs};
use crate::components::read_routed;
use crate::i18n::labels;
use crate::state::AppState;
use daftar_core::locale::{format_date, localize_digits};
use daftar_core::warranty::claims::Claim;
use daftar_core::warranty::item::InstalledItem;
use daftar_core::warranty::service::ServiceVisit;
use daftar_core::warranty::{CLAIM, ITEM, VISIT};
use leptos::prelude::*;

#[component]
pub fn ItemShow() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let loaded = read_routed(|state, id| async move {
        let (_, item) = state.stored::<InstalledItem>(&id).await.ok()?;
        let linked = state.linked_to(ITEM, &id).await.unwrap_or_default();
        let claims: Vec<(String, Claim)> = linked.iter().filter(|r| r.kind == CLAIM).filter_map(|r| Some((r.id.clone(), r.decode().ok()?))).collect();
        let visits: Vec<(String, ServiceVisit)> = linked.iter().filter(|r| r.kind == VISIT).filter_map(|r| Some((r.id.clone(), r.decode().ok()?))).collect();
        Some((id, item, claims, visits))
    });
    view! {
        <section class="page warranty-page" data-testid="item-page">
            <WarrantyTabs/>
            <Suspense fallback=move || view! { <p class="muted">{move || t().loading}</p> }>
                {move || loaded.get().map(|found| match found {
                    Some((id, item, claims, visits)) => view! { <ItemView id item claims visits/> }.into_any(),
                    None => view! { <p class="muted" data-testid="item-gone">{move || t().warranty.item_gone}</p> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ItemView(id: String, item: InstalledItem, claims: Vec<(String, Claim)>, visits: Vec<(String, ServiceVisit)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = move || state.lang.get();
    let date = move |d: Option<chrono::NaiveDate>| d.map(|d| format_date(d, lang())).unwrap_or_else(|| "—".into());
    // Read as the list loads: after a reload the item can show before the customers.
    let customer = { let id = item.customer_id.clone(); move || customer_name(state, &id) };
    let customer_href = format!("/customers/{}", item.customer_id);
    let (sold, installed, policy, calendar) = (item.sold_on, item.installed_on, item.start_policy, item.calendar);
    let term = item.term_months;
    let extensions = item.extensions.clone();
    let transfers = item.transfers.clone();
    view! {
        <div class="list-head">
            <h1><bdi>{item.product_name.clone()}</bdi>" "<span dir="ltr" class="serial" data-testid="item-serial">{item.serial.clone()}</span></h1>
        </div>
        <p><a href=customer_href data-testid="item-customer"><bdi>{customer}</bdi></a></p>
        <CoverageCard item=item.clone()/>
        <dl class="facts card">
            <dt>{move || t().warranty.item_sold_on}</dt><dd>{move || date(sold)}</dd>
            <dt>{move || t().warranty.item_installed_on}</dt><dd>{move || date(installed)}</dd>
            <dt>{move || t().warranty.item_start_policy}</dt><dd>{move || labels::start_policy(policy, t())}</dd>
            <dt>{move || t().warranty.item_term_months}</dt><dd>{move || localize_digits(&format!("{term} ({})", labels::term_calendar(calendar, t())), lang())}</dd>
            <dt>{move || t().warranty.item_transferable}</dt><dd>{move || if item.transferable { t().yes } else { t().no }}</dd>
        </dl>
        {(!extensions.is_empty()).then(|| view! {
            <h2>{move || t().warranty.item_extensions}</h2>
            <ul class="plain-list card" data-testid="item-extensions">
                {extensions.into_iter().map(|e| view! {
                    <li>{move || t().warranty.item_extension_line(e.months as i64)}{move || t().part_separator}{move || coverage_text(e.coverage, t())}
                        {(!e.note.is_empty()).then(|| view! { {move || t().part_separator}<bdi>{e.note.clone()}</bdi> })}</li>
                }).collect_view()}
            </ul>
        })}
        {(!transfers.is_empty()).then(|| view! {
            <h2>{move || t().warranty.item_transfers}</h2>
            <ul class="plain-list card" data-testid="item-transfers">
                {transfers.into_iter().map(|tr| {
                    let (from, to) = (customer_name(state, &tr.from_customer), customer_name(state, &tr.to_customer));
                    view! { <li>{move || date(Some(tr.on))}": "<bdi>{from.clone()}</bdi>" → "<bdi>{to.clone()}</bdi></li> }
                }).collect_view()}
            </ul>
        })}
        <ItemActions id=id.clone() item=item.clone()/>
        <h2>{move || t().warranty.warranty_claims}</h2>
        <ul class="plain-list card" data-testid="item-claims">
            {claims.is_empty().then(|| view! { <li class="muted">{move || t().warranty.claims_empty}</li> })}
            {claims.into_iter().map(|(cid, c)| view! {
                <li class="contact-row">
                    <a class="row-title" href=format!("/warranty/claims/{cid}")><bdi>{c.problem.clone()}</bdi></a>
                    <span class="muted">{move || date(c.reported_on)}</span>
                    <span class="complaint-status">{move || labels::claim_status(c.status, t())}</span>
                </li>
            }).collect_view()}
        </ul>
        <h2>{move || t().warranty.warranty_visits}</h2>
        <ul class="plain-list card" data-testid="item-visits">
            {visits.is_empty().then(|| view! { <li class="muted">{move || t().warranty.visits_empty}</li> })}
            {visits.into_iter().map(|(vid, v)| view! {
                <li class="contact-row">
                    <a class="row-title" href=format!("/warranty/visits/{vid}")>{move || labels::visit_kind(v.kind, t())}</a>
                    <span class="muted">{move || v.scheduled.map(|s| format_date(s.date(), lang())).unwrap_or_default()}</span>
                    <span>{move || labels::visit_status(v.status, t())}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}
