//! `/warranty/claims`: open claims first, newest first; under them, the
//! figures per product — claims per 100 units sold, median repair time and
//! what the warranty paid.

use super::{customer_name, WarrantyTabs};
use crate::pages::catalog::use_products;
use crate::i18n::labels;
use crate::state::{use_installed, AppState};
use daftar_core::locale::{format_date, format_decimal, format_money, localize_digits};
use daftar_core::warranty::claims::{product_figures, Claim, ProductFigures};
use daftar_core::warranty::CLAIM;
use leptos::prelude::*;

#[component]
pub fn ClaimList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let installed = use_installed();
    let claims = LocalResource::new(move || {
        state.track_records();
        async move {
            let mut rows: Vec<(String, Claim)> = state.all_live(CLAIM).await.unwrap_or_default().into_iter().filter_map(|r| Some((r.id.clone(), r.decode().ok()?))).collect();
            rows.sort_by_key(|(_, c)| (!c.status.is_open(), std::cmp::Reverse(c.opened_ms)));
            rows
        }
    });
    let figures = Memo::new(move |_| {
        let claims = claims.get().unwrap_or_default();
        if !installed.get() {
            return Vec::new();
        }
        state.installed().with(|b| {
            let Some(b) = b else { return Vec::new() };
            product_figures(b.items.values().map(|i| i.product_id.as_str()), claims.iter().map(|(_, c)| c))
        })
    });
    view! {
        <section class="page warranty-page" data-testid="claims-page">
            <h1>{move || t().warranty.warranty_claims}</h1>
            <WarrantyTabs/>
            <ul class="plain-list card" data-testid="claim-list">
                {move || {
                    let rows = claims.get().unwrap_or_default();
                    let empty = rows.is_empty().then(|| view! { <li class="muted">{move || t().warranty.claims_none_anywhere}</li> });
                    (empty, rows.into_iter().map(|(id, c)| {
                        let customer = customer_name(state, &c.customer_id);
                        let (status, reported) = (c.status, c.reported_on);
                        view! {
                            <li class="contact-row" class:closed=!status.is_open() data-testid="claim-row">
                                <a class="row-title" href=format!("/warranty/claims/{id}")><bdi>{c.problem}</bdi></a>
                                <span dir="ltr" class="serial">{c.serial}</span>
                                <span class="muted"><bdi>{customer}</bdi></span>
                                <span class="muted">{move || reported.map(|d| format_date(d, state.lang.get())).unwrap_or_default()}</span>
                                <span class="complaint-status" data-testid="claim-row-status">{move || labels::claim_status(status, t())}</span>
                            </li>
                        }
                    }).collect_view())
                }}
            </ul>
            // A table of headings over nothing says nothing: it waits for the first item sold.
            <Show when=move || figures.with(|f| !f.is_empty())>
                <ProductFiguresTable figures=figures.into()/>
            </Show>
        </section>
    }
}

#[component]
fn ProductFiguresTable(figures: Signal<Vec<ProductFigures>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = move || state.lang.get();
    let products = use_products();
    let name_of = move |id: &str| products.get().unwrap_or_default().into_iter().find(|(pid, _)| pid == id).map(|(_, p)| p.name).unwrap_or_default();
    view! {
        <h2>{move || t().warranty.claims_figures}</h2>
        <table class="card figures" data-testid="claim-figures">
            <thead><tr>
                <th>{move || t().product}</th><th>{move || t().warranty.figures_units}</th><th>{move || t().warranty.warranty_claims}</th>
                <th>{move || t().warranty.figures_per_100}</th><th>{move || t().warranty.figures_median_repair}</th><th>{move || t().warranty.figures_cost}</th>
            </tr></thead>
            <tbody>
                {move || figures.get().into_iter().map(|f| {
                    let per_100 = f.claims_per_100_tenths.map(|v| format_decimal(v as f64 / 10.0, 1, lang())).unwrap_or_else(|| "—".into());
                    let repair = f.median_repair_ms.map(|ms| crate::pages::complaints::duration_text(ms, t())).unwrap_or_else(|| "—".into());
                    let cost = f.warranty_cost.iter().map(|(c, v)| format_money(*v, *c, lang())).collect::<Vec<_>>().join(" + ");
                    view! {
                        <tr data-testid="figure-row">
                            <td><bdi>{name_of(&f.product_id)}</bdi></td>
                            <td>{localize_digits(&f.units.to_string(), lang())}</td>
                            <td>{localize_digits(&f.claims.to_string(), lang())}</td>
                            <td>{per_100}</td>
                            <td>{repair}</td>
                            <td>{if cost.is_empty() { "—".to_string() } else { cost }}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
