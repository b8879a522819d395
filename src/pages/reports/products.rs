//! What each product or category brought in over the period, from the
//! lines of the deals won: units, net sales, cost, commissions and the
//! margin left, per currency. A bar opens to the deals that sold it.

use super::bars::{Bar, DealBars};
use super::frame::Scope;
use super::pickers::CutPicker;
use super::table::{FigureTable, ReportTable};
use super::{report_body, use_names, Empty};
use crate::i18n::Texts;
use crate::state::AppState;
use daftar_core::catalog::Product;
use daftar_core::locale::{format_amount, format_money, format_number, format_percent};
use daftar_core::reports::{products, ProductBy, ProductRow};
use leptos::prelude::*;
use std::collections::HashMap;

fn by_label(by: ProductBy, t: &Texts) -> &'static str {
    match by {
        ProductBy::Product => t.reports.by_product,
        ProductBy::Category => t.reports.by_category,
    }
}

#[component]
pub fn ProductsReport() -> impl IntoView {
    let by = RwSignal::new(ProductBy::Product);
    let catalog = use_names(|p: Product| (p.name, p.category));
    // The cut goes with its rows: two cuts can give equal rows.
    let report = expect_context::<Scope>().over_deals("daftar:report-products", move |deals, period, filter, _| {
        let by = by.get();
        catalog.with(|catalog| {
            let category_of = |id: &str| catalog.get(id).map(|(_, category)| category.clone()).filter(|c| !c.is_empty());
            (by, products(deals, period, filter, by, &category_of))
        })
    });
    let none = Empty { when: |(_, rows): &(ProductBy, Vec<ProductRow>)| rows.is_empty(), text: |t| t.reports.products_none, testid: "products-none" };
    view! {
        <CutPicker choices=&ProductBy::ALL chosen=by label=by_label group=|t| t.reports.products testid="products-by"/>
        {report_body(report.into(), Some(none), move |(by, rows)| move || {
            // The names may come after the rows, which by product do not change then.
            catalog.track();
            view! { <Products rows=rows.clone() by catalog/> }
        })}
    }
}

#[component]
fn Products(rows: Vec<ProductRow>, by: ProductBy, catalog: Signal<HashMap<String, (String, String)>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.t_untracked();
    let lang = state.lang.get_untracked();
    let label = move |row: &ProductRow| -> String {
        match (row.key.is_empty(), by) {
            (true, ProductBy::Category) => t.reports.no_category.to_string(),
            (true, ProductBy::Product) => t.reports.no_product.to_string(),
            // The catalog's name now, else the one on the line (typed by hand,
            // or the product since removed).
            (false, ProductBy::Product) => catalog.with_untracked(|c| c.get(&row.key).map(|(name, _)| name.clone())).unwrap_or_else(|| row.name.clone()),
            (false, ProductBy::Category) => row.key.clone(),
        }
    };
    let bars: Vec<Bar> = rows
        .iter()
        .map(|r| Bar {
            key: format!("{}/{:?}", r.key, r.currency),
            label: Signal::stored(label(r)),
            count: r.quantity as usize,
            note: format!("{} {}{}{} {}", t.pipeline.net_total, format_money(r.totals.net, r.currency, lang), t.part_separator, t.pipeline.margin, format_money(r.totals.margin(), r.currency, lang)),
            deals: r.deals.clone(),
            warn: r.totals.margin() < 0,
        })
        .collect();
    let first = match by {
        ProductBy::Product => t.product,
        ProductBy::Category => t.reports.category,
    };
    // One currency (the usual case): its name goes in the headings, not in
    // every cell, so the names keep room on a tablet.
    let one_currency = rows.first().map(|r| r.currency).filter(|c| rows.iter().all(|r| r.currency == *c));
    let in_currency = |heading: &str| match one_currency {
        Some(c) => format!("{heading} ({})", c.symbol(lang)),
        None => heading.to_string(),
    };
    let headers = vec![
        first.to_string(),
        t.pipeline.field_quantity.to_string(),
        in_currency(t.pipeline.net_total),
        in_currency(t.pipeline.cost_total),
        in_currency(t.reports.commissions),
        in_currency(t.pipeline.margin),
        t.reports.margin_share.to_string(),
    ];
    let table = ReportTable {
        name: "products",
        headers,
        rows: rows
            .iter()
            .map(|r| {
                let money = |n: i64| match one_currency {
                    Some(_) => format_amount(n, r.currency, lang),
                    None => format_money(n, r.currency, lang),
                };
                let share = r.totals.margin_bp().map_or_else(|| t.reports.no_figure.to_string(), |bp| format_percent(bp as f64 / 100.0, 1, lang));
                vec![label(r), format_number(r.quantity as i64, lang), money(r.totals.net), money(r.totals.cost), money(r.totals.marketer + r.totals.agency), money(r.totals.margin()), share]
            })
            .collect(),
    };
    view! {
        <DealBars bars testid="products-bars"/>
        <FigureTable table testid="products-table" row_testid="products-row"/>
    }
}
