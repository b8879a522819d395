//! `/warranty/items`: the installed base, filtered by serial, product or
//! customer, each with its coverage today.

use super::{customer_name, status_class, status_label, WarrantyTabs};
use crate::state::{coverage_today, use_installed, AppState};
use daftar_core::locale::normalize_for_search;
use daftar_core::warranty::item::InstalledItem;
use daftar_core::warranty::lookup::normalize_serial;
use leptos::prelude::*;

/// Rows drawn at most; the filter narrows a big installed base.
const SHOWN: usize = 100;

#[component]
pub fn ItemList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let ready = use_installed();
    let filter = RwSignal::new(String::new());
    let rows = Memo::new(move |_| {
        let q = filter.get();
        let (serial_q, text_q) = (normalize_serial(&q), normalize_for_search(&q));
        state.installed().with(|b| {
            let Some(b) = b else { return (0, Vec::new()) };
            // References first: only the rows shown are copied, whatever the base's size.
            let mut hits: Vec<(&String, &InstalledItem)> = b
                .items
                .iter()
                .filter(|(_, i)| {
                    q.trim().is_empty()
                        || normalize_serial(&i.serial).contains(&serial_q)
                        || normalize_for_search(&i.product_name).contains(&text_q)
                        || normalize_for_search(&customer_name(state, &i.customer_id)).contains(&text_q)
                })
                .collect();
            let total = hits.len();
            let newest_first = |a: &(&String, &InstalledItem), b: &(&String, &InstalledItem)| b.1.sold_on.cmp(&a.1.sold_on).then_with(|| a.1.serial.cmp(&b.1.serial));
            if hits.len() > SHOWN {
                hits.select_nth_unstable_by(SHOWN, newest_first);
                hits.truncate(SHOWN);
            }
            hits.sort_by(newest_first);
            (total, hits.into_iter().map(|(id, i)| (id.clone(), i.clone())).collect::<Vec<_>>())
        })
    });
    view! {
        <section class="page warranty-page" data-testid="items-page">
            <crate::components::ListHead title=|t| t.warranty.warranty_items add_href="/warranty/items/new" add_label=|t| t.warranty.item_new add_testid="item-new"/>
            <WarrantyTabs/>
            <input class="search" type="search" placeholder=move || t().warranty.items_filter data-testid="items-filter"
                on:input=move |ev| filter.set(event_target_value(&ev))/>
            <Show when=move || ready.get() fallback=move || view! { <p class="muted">{move || t().loading}</p> }>
                <p class="muted" data-testid="items-count">{move || {
                    let (total, shown) = rows.with(|(n, r)| (*n, r.len()));
                    if total > shown { t().warranty.items_showing_of(shown as i64, total as i64) } else { t().warranty.items_count(total as i64) }
                }}</p>
                <ul class="plain-list card" data-testid="item-list">
                    {move || rows.get().1.into_iter().map(|(id, item)| {
                        let status = coverage_today(&item).status;
                        let customer = customer_name(state, &item.customer_id);
                        view! {
                            <li class="contact-row" data-testid="item-row">
                                <a class="row-title" href=format!("/warranty/items/{id}")><bdi>{item.product_name}</bdi></a>
                                <span dir="ltr" class="serial">{item.serial}</span>
                                <span class="muted"><bdi>{customer}</bdi></span>
                                <span class=status_class(status)>{move || status_label(status, t())}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
