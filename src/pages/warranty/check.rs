//! `/warranty`: is this item still under warranty? The serial is typed (or
//! scanned from its label or certificate) and the answer shows at each
//! keystroke, from the in-memory index of the installed base.

use super::{customer_name, CoverageCard, WarrantyTabs};
use crate::components::{asked, ScanButton};
use crate::state::{use_installed, AppState};
use daftar_core::warranty::item::InstalledItem;
use leptos::prelude::*;

/// Barcodes a serial label may carry, and the certificate's QR code.
const SERIAL_FORMATS: &[&str] = &["qr_code", "code_128", "code_39", "ean_13", "data_matrix"];
const NEAR_LIMIT: usize = 5;
const NEAR_PAUSE_MS: i32 = 250;

#[component]
pub fn CoverageCheckPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let ready = use_installed();
    let typed = RwSignal::new(asked("serial"));
    let scanned = Callback::new(move |code: String| typed.set(code.trim().to_string()));
    // The serial as typed with (item id, item) for each exact match, answered
    // at every keystroke. The serial is part of the value: a second unknown
    // serial must redraw "not found" with its own text.
    let found = Memo::new(move |_| {
        let q = typed.get();
        if q.trim().is_empty() || !ready.get() {
            return None;
        }
        state.installed().with(|b| {
            let b = b.as_ref()?;
            Some((q.clone(), b.index.find(&q).into_iter().filter_map(|id| Some((id.to_string(), b.items.get(id)?.clone()))).collect::<Vec<_>>()))
        })
    });
    // Near matches compare the typed serial with every one on the device:
    // worth it once typing pauses, not for each half-typed serial.
    let near = RwSignal::new(Vec::<String>::new());
    Effect::new(move || {
        let q = typed.get();
        near.set(Vec::new());
        if !found.with(|f| f.as_ref().is_some_and(|(_, exact)| exact.is_empty())) {
            return;
        }
        leptos::task::spawn_local(async move {
            crate::browser_env::sleep_ms(NEAR_PAUSE_MS).await;
            if typed.try_with_untracked(|now| *now != q).unwrap_or(true) {
                return;
            }
            let span = crate::perf::start("daftar:near-matches");
            let serials = state.installed().with_untracked(|b| {
                b.as_ref().map(|b| b.index.near(&q, NEAR_LIMIT).into_iter().filter_map(|id| Some(b.items.get(id)?.serial.clone())).collect::<Vec<_>>()).unwrap_or_default()
            });
            span.end();
            let _ = near.try_set(serials);
        });
    });
    view! {
        <section class="page warranty-page" data-testid="coverage-page">
            <crate::components::ListHead title=|t| t.warranty.warranty_check_title add_href="/warranty/items/new" add_label=|t| t.warranty.item_new add_testid="item-new"/>
            <WarrantyTabs/>
            <div class="card coverage-search">
                <label for="serial-check">{move || t().warranty.coverage_serial_label}</label>
                <input id="serial-check" class="serial-input" type="search" dir="ltr" autocomplete="off" autofocus=true
                    inputmode="text" data-testid="serial-check" prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))/>
                <ScanButton formats=SERIAL_FORMATS on_code=scanned/>
                {move || (!ready.get()).then(|| view! { <p class="muted">{move || t().loading}</p> })}
            </div>
            {move || found.get().map(|(shown, exact)| {
                if exact.is_empty() {
                    view! {
                        <div class="card" data-testid="coverage-not-found">
                            <p class="alert">{move || t().warranty.coverage_not_found(&shown)}</p>
                            {move || (!near.with(Vec::is_empty)).then(|| view! {
                                <p class="muted">{move || t().warranty.coverage_did_you_mean}</p>
                                <ul class="near-list">
                                    {near.get().into_iter().map(|serial| {
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
    // Read as the list loads: after a reload the item can show before the customers.
    let customer = { let id = item.customer_id.clone(); move || customer_name(state, &id) };
    view! {
        <article class="card found-item" data-testid="coverage-result">
            <h2><bdi>{item.product_name.clone()}</bdi></h2>
            <p class="muted"><span dir="ltr" class="serial">{item.serial.clone()}</span>{move || state.t().part_separator}<bdi>{customer}</bdi></p>
            <CoverageCard item/>
            <div class="actions">
                <a class="btn" href=format!("/warranty/items/{id}") data-testid="open-item">{move || t().warranty.item_open}</a>
                <a class="btn primary" href=format!("/warranty/claims/new?item={id}") data-testid="claim-new">{move || t().warranty.claim_new}</a>
            </div>
        </article>
    }
}
