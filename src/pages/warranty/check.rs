//! `/warranty`: is this item still under warranty? The serial is typed (or
//! scanned from its label or certificate) and the answer shows at each
//! keystroke, from the in-memory index of the installed base.

use super::{customer_name, CoverageCard, WarrantyTabs};
use crate::components::ScanButton;
use crate::state::{use_installed, AppState};
use daftar_core::warranty::item::InstalledItem;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Barcodes a serial label may carry, and the certificate's QR code.
const SERIAL_FORMATS: &[&str] = &["qr_code", "code_128", "code_39", "ean_13", "data_matrix"];
const NEAR_LIMIT: usize = 5;

#[component]
pub fn CoverageCheckPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let ready = use_installed();
    let query = use_query_map();
    let typed = RwSignal::new(query.with_untracked(|q| q.get("serial")).unwrap_or_default());
    let scanned = Callback::new(move |code: String| typed.set(code.trim().to_string()));
    // (item id, item) for each exact match, or the near matches' serials.
    let found = Memo::new(move |_| {
        let q = typed.get();
        if q.trim().is_empty() || !ready.get() {
            return None;
        }
        state.installed.with(|b| {
            let b = b.as_ref()?;
            let exact: Vec<(String, InstalledItem)> = b.index.find(&q).into_iter().filter_map(|id| Some((id.to_string(), b.items.get(id)?.clone()))).collect();
            let near: Vec<String> = if exact.is_empty() {
                b.index.near(&q, NEAR_LIMIT).into_iter().filter_map(|id| Some(b.items.get(id)?.serial.clone())).collect()
            } else {
                Vec::new()
            };
            Some((exact, near))
        })
    });
    view! {
        <section class="page warranty-page" data-testid="coverage-page">
            <div class="list-head">
                <h1>{move || t().warranty_check_title}</h1>
                <a class="btn primary" href="/warranty/items/new" data-testid="item-new">
                    <crate::components::Icon name="plus"/>{move || t().item_new}
                </a>
            </div>
            <WarrantyTabs/>
            <div class="card coverage-search">
                <label for="serial-check">{move || t().coverage_serial_label}</label>
                <input id="serial-check" class="serial-input" type="search" dir="ltr" autocomplete="off" autofocus=true
                    inputmode="text" data-testid="serial-check" prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))/>
                <ScanButton formats=SERIAL_FORMATS on_code=scanned/>
                {move || (!ready.get()).then(|| view! { <p class="muted">{move || t().loading}</p> })}
            </div>
            {move || found.get().map(|(exact, near)| {
                if exact.is_empty() {
                    let shown = typed.get_untracked();
                    view! {
                        <div class="card" data-testid="coverage-not-found">
                            <p class="alert">{move || t().coverage_not_found.replace("{serial}", &shown)}</p>
                            {(!near.is_empty()).then(|| view! {
                                <p class="muted">{move || t().coverage_did_you_mean}</p>
                                <ul class="near-list">
                                    {near.into_iter().map(|serial| {
                                        let pick = serial.clone();
                                        view! {
                                            <li><button type="button" class="btn ghost" dir="ltr" data-testid="near-match"
                                                on:click=move |_| typed.set(pick.clone())>{serial}</button></li>
                                        }
                                    }).collect_view()}
                                </ul>
                            })}
                        </div>
                    }.into_any()
                } else {
                    exact.into_iter().map(|(id, item)| view! { <FoundItem id item/> }).collect_view().into_any()
                }
            })}
        </section>
    }
}

#[component]
fn FoundItem(id: String, item: InstalledItem) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let customer = customer_name(state, &item.customer_id);
    view! {
        <article class="card found-item" data-testid="coverage-result">
            <h2><bdi>{item.product_name.clone()}</bdi></h2>
            <p class="muted"><span dir="ltr" class="serial">{item.serial.clone()}</span>" · "<bdi>{customer}</bdi></p>
            <CoverageCard item/>
            <div class="actions">
                <a class="btn" href=format!("/warranty/items/{id}") data-testid="open-item">{move || t().item_open}</a>
                <a class="btn primary" href=format!("/warranty/claims/new?item={id}") data-testid="claim-new">{move || t().claim_new}</a>
            </div>
        </article>
    }
}
