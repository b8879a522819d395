//! The catalog: products and services (price, cost, commissions, warranty),
//! suppliers and what they supply, competitors with their strengths,
//! weaknesses and customers.

mod routes;
mod edit;

pub use routes::CatalogRoutes;

pub use edit::{CompetitorEdit, ProductEdit, SupplierEdit};

use crate::i18n::Texts;
use crate::state::AppState;
use crate::areas::kind::{page, KindView};
use daftar_core::catalog;
use daftar_core::catalog::{Competitor, Product, Supplier, COMPETITOR, PRODUCT, SUPPLIER};
use daftar_core::locale::{format_money, format_percent, localize_digits};
use daftar_core::global_search::hit_of;
use daftar_core::store::Record;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Live products of the catalog as (id, product), by name, re-read after
/// every write: for the pickers of other areas (complaints, warranty).
pub fn use_products() -> LocalResource<Vec<(String, Product)>> {
    let state = expect_context::<AppState>();
    LocalResource::new(move || {
        state.track_records();
        async move {
            let mut all: Vec<(String, Product)> = state.all_live(PRODUCT).await.unwrap_or_default().into_iter().filter_map(|r| Some((r.id.clone(), r.decode().ok()?))).collect();
            all.sort_by(|a, b| a.1.name.cmp(&b.1.name));
            all
        }
    })
}

#[component]
pub fn CatalogPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let query = use_query_map();
    let tab = move || query.with(|q| q.get("tab")).unwrap_or_else(|| "products".into());
    let records = LocalResource::new(move || {
        let kind = match tab().as_str() {
            "suppliers" => SUPPLIER,
            "competitors" => COMPETITOR,
            _ => PRODUCT,
        };
        state.track_records();
        async move {
            let mut all = state.all_live(kind).await.unwrap_or_default();
            // By name (what search shows as their title).
            all.sort_by_cached_key(|r| hit_of(r).map(|hit| hit.title));
            (kind, all)
        }
    });
    let tabs: [(&str, crate::i18n::TextOf); 3] = [("products", |t| t.catalog.products), ("suppliers", |t| t.catalog.suppliers), ("competitors", |t| t.pipeline.competitors)];
    view! {
        <section class="page">
            <div class="list-head">
                <h1>{move || t().catalog.catalog}</h1>
                <a class="btn primary" href=move || format!("/catalog/{}/new", tab()) data-testid="catalog-new">{move || t().add}</a>
            </div>
            <nav class="pipeline-tabs">
                {tabs.map(|(key, label)| view! { <a class="tab" href=format!("/catalog?tab={key}") aria-current=move || (tab() == key).then_some("page")>{move || label(t())}</a> })}
            </nav>
            <Suspense fallback=move || view! { <p class="muted">{move || t().loading}</p> }>
                {move || records.get().map(|(kind, all)| view! {
                    <ul class="plain-list card" data-testid="catalog-list">
                        {all.is_empty().then(|| view! { <li class="muted">{move || t().nothing_yet}</li> })}
                        {all.into_iter().map(|r| view! { <CatalogRow kind record=r/> }).collect_view()}
                    </ul>
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn CatalogRow(kind: &'static str, record: Record) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = move || state.lang.get();
    let folder = match kind {
        SUPPLIER => "suppliers",
        COMPETITOR => "competitors",
        _ => "products",
    };
    let href = format!("/catalog/{folder}/{}", record.id);
    let (name, detail): (String, Signal<String>) = match kind {
        PRODUCT => {
            let p: Product = record.decode().unwrap_or_default();
            let name = p.name.clone();
            (name, Signal::derive(move || {
                let mut parts = vec![format_money(p.price, p.currency, lang())];
                if let Some(margin) = p.gross_margin_percent() {
                    parts.push(format!("{} {}", t().catalog.gross_margin, format_percent(margin as f64, 0, lang())));
                }
                if p.warranty_months > 0 {
                    parts.push(format!("{} {}", t().catalog.warranty_term, t().months(i64::from(p.warranty_months))));
                }
                if !p.category.is_empty() {
                    parts.push(p.category.clone());
                }
                localize_digits(&parts.join(t().part_separator), lang())
            }))
        }
        SUPPLIER => {
            let s: Supplier = record.decode().unwrap_or_default();
            (s.name, Signal::derive(move || s.supplies.clone()))
        }
        _ => {
            let c: Competitor = record.decode().unwrap_or_default();
            let n = c.customer_ids.len();
            (c.name, Signal::derive(move || t().catalog.buyers(n as i64)))
        }
    };
    view! {
        <li class="contact-row">
            <a class="row-title" href=href><bdi>{name}</bdi></a>
            <span class="muted">{move || detail.get()}</span>
        </li>
    }
}

pub const KINDS: &[KindView] = &[
    KindView { kind: catalog::PRODUCT, heading: |t| t.catalog.products, opens: |hit| page("/catalog/products", hit), timeline: None, field: product_field },
    KindView { kind: catalog::SUPPLIER, heading: |t| t.catalog.suppliers, opens: |hit| page("/catalog/suppliers", hit), timeline: None, field: supplier_field },
    KindView { kind: catalog::COMPETITOR, heading: |t| t.pipeline.competitors, opens: |hit| page("/catalog/competitors", hit), timeline: None, field: competitor_field },
];

fn product_field(name: &str, t: &Texts) -> &'static str {
    match name {
        "kind" => t.catalog.product_kind,
        "category" => t.customers.field_category,
        "price" => t.field_price,
        "cost" => t.pipeline.cost_total,
        "marketer_bp" => t.catalog.marketer_percent,
        "agency_bp" => t.catalog.agency_percent,
        "warranty_months" => t.catalog.warranty_months,
        "warranty_starts" => t.warranty.item_start_policy,
        "supplier_ids" => t.catalog.suppliers,
        _ => "",
    }
}

fn supplier_field(name: &str, t: &Texts) -> &'static str {
    match name {
        "phone" => t.field_phones,
        "supplies" => t.catalog.what_they_supply,
        _ => "",
    }
}

fn competitor_field(name: &str, t: &Texts) -> &'static str {
    match name {
        "strengths" => t.catalog.strengths,
        "weaknesses" => t.catalog.weaknesses,
        "customer_ids" => t.customers.customers,
        _ => "",
    }
}
