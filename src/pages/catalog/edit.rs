//! The forms of the catalog: a product or service, a supplier, a competitor.

use crate::components::{record_route, ChoiceField, CustomerPicker, FormPage, FormStatus, TextField};
use crate::i18n::labels;
use crate::state::AppState;
use daftar_core::catalog::{Competitor, Product, ProductInput, ProductKind, Supplier};
use daftar_core::check::Field;
use daftar_core::store::Record;
use leptos::prelude::*;

#[component]
pub fn ProductEdit() -> impl IntoView {
    record_route::<Product, _>(|t| t.not_found, ("/catalog?tab=products", |t| t.catalog.products), |existing| view! { <ProductForm existing/> })
}

#[component]
fn ProductForm(existing: Option<(Record, Product)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let input = existing.as_ref().map(|(_, product)| ProductInput::from_product(product, state.lang.get_untracked())).unwrap_or_else(|| ProductInput { currency: state.currency.get_untracked(), ..Default::default() });
    let name = RwSignal::new(input.name);
    let kind = RwSignal::new(input.kind);
    let category = RwSignal::new(input.category);
    let price = RwSignal::new(input.price);
    let cost = RwSignal::new(input.cost);
    let marketer = RwSignal::new(input.marketer_percent);
    let agency = RwSignal::new(input.agency_percent);
    let warranty = RwSignal::new(input.warranty_months);
    let warranty_starts = RwSignal::new(input.warranty_starts);
    let (currency, supplier_ids) = (input.currency, input.supplier_ids);
    let status = FormStatus::new();
    let errors = status.errors;
    let existing = StoredValue::new(existing.map(|(record, _)| record));
    let submit = status.submit_then_back("/catalog?tab=products", move || {
        let input = ProductInput {
            name: name.get_untracked(),
            kind: kind.get_untracked(),
            category: category.get_untracked(),
            price: price.get_untracked(),
            cost: cost.get_untracked(),
            currency,
            marketer_percent: marketer.get_untracked(),
            agency_percent: agency.get_untracked(),
            warranty_months: warranty.get_untracked(),
            warranty_starts: warranty_starts.get_untracked(),
            supplier_ids: supplier_ids.clone(),
        };
        async move { state.save_product(existing.get_value().as_ref(), &input).await }
    });
    view! {
        <FormPage heading=|t| t.catalog.products name="product" status on_submit=submit back="/catalog?tab=products">
            <TextField errors=errors id="product-name" label=|t| t.field_name value=name field=Field::Name required=true/>
            <div class="row2">
                <ChoiceField id="product-kind" label=|t| t.catalog.product_kind value=kind choices=&[ProductKind::Good, ProductKind::Service] name_of=labels::product_kind/>
                <TextField errors=errors id="product-category" label=|t| t.customers.field_category value=category field=Field::Other/>
            </div>
            <div class="row2">
                <TextField errors=errors id="product-price" label=|t| t.field_price value=price field=Field::Price inputmode="decimal" ltr=true/>
                <TextField errors=errors id="product-cost" label=|t| t.pipeline.cost_total value=cost field=Field::Amount inputmode="decimal" ltr=true/>
            </div>
            <div class="row2">
                <TextField errors=errors id="product-marketer" label=|t| t.catalog.marketer_percent value=marketer field=Field::Percent inputmode="decimal" ltr=true/>
                <TextField errors=errors id="product-agency" label=|t| t.catalog.agency_percent value=agency field=Field::Percent inputmode="decimal" ltr=true/>
            </div>
            <div class="row2">
                <TextField errors=errors id="product-warranty" label=|t| t.catalog.warranty_months value=warranty field=Field::Quantity inputmode="numeric" ltr=true/>
                <ChoiceField id="product-warranty-starts" label=|t| t.warranty.item_start_policy value=warranty_starts choices=&daftar_core::warranty::item::StartPolicy::ALL name_of=labels::start_policy/>
            </div>
        </FormPage>
    }
}

#[component]
pub fn SupplierEdit() -> impl IntoView {
    record_route::<Supplier, _>(|t| t.not_found, ("/catalog?tab=suppliers", |t| t.catalog.suppliers), |existing| view! { <SupplierForm existing/> })
}

#[component]
fn SupplierForm(existing: Option<(Record, Supplier)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let s: Supplier = existing.as_ref().map(|(_, supplier)| supplier.clone()).unwrap_or_default();
    let (name, phone, supplies, notes) = (RwSignal::new(s.name), RwSignal::new(s.phone), RwSignal::new(s.supplies), RwSignal::new(s.notes));
    let status = FormStatus::new();
    let errors = status.errors;
    let existing = StoredValue::new(existing.map(|(record, _)| record));
    let submit = status.submit_then_back("/catalog?tab=suppliers", move || {
        let input = Supplier { name: name.get_untracked(), phone: phone.get_untracked(), supplies: supplies.get_untracked(), notes: notes.get_untracked() };
        async move { state.save_supplier(existing.get_value().as_ref(), &input).await }
    });
    view! {
        <FormPage heading=|t| t.catalog.suppliers name="supplier" status on_submit=submit back="/catalog?tab=suppliers">
            <TextField errors=errors id="supplier-name" label=|t| t.field_name value=name field=Field::Name required=true/>
            <TextField errors=errors id="supplier-phone" label=|t| t.field_phones value=phone input_type="tel" ltr=true/>
            <TextField errors=errors id="supplier-supplies" label=|t| t.catalog.what_they_supply value=supplies field=Field::Other multiline=true/>
            <TextField errors=errors id="supplier-notes" label=|t| t.field_notes value=notes field=Field::Notes multiline=true/>
        </FormPage>
    }
}

#[component]
pub fn CompetitorEdit() -> impl IntoView {
    record_route::<Competitor, _>(|t| t.not_found, ("/catalog?tab=competitors", |t| t.pipeline.competitors), |existing| view! { <CompetitorForm existing/> })
}

#[component]
fn CompetitorForm(existing: Option<(Record, Competitor)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let c: Competitor = existing.as_ref().map(|(_, competitor)| competitor.clone()).unwrap_or_default();
    let (name, strengths, weaknesses, notes) = (RwSignal::new(c.name), RwSignal::new(c.strengths), RwSignal::new(c.weaknesses), RwSignal::new(c.notes));
    let customers = RwSignal::new(c.customer_ids);
    let adding = RwSignal::new(String::new());
    Effect::new(move || {
        let id = adding.get();
        if !id.is_empty() {
            customers.update(|c| if !c.contains(&id) { c.push(id) });
            adding.set(String::new());
        }
    });
    let status = FormStatus::new();
    let errors = status.errors;
    let existing = StoredValue::new(existing.map(|(record, _)| record));
    let submit = status.submit_then_back("/catalog?tab=competitors", move || {
        let input = Competitor { name: name.get_untracked(), strengths: strengths.get_untracked(), weaknesses: weaknesses.get_untracked(), customer_ids: customers.get_untracked(), notes: notes.get_untracked() };
        async move { state.save_competitor(existing.get_value().as_ref(), &input).await }
    });
    let name_of = move |id: &str| state.customers.with(|ix| ix.row(id).map(|r| r.name.clone())).unwrap_or_default();
    view! {
        <FormPage heading=|t| t.pipeline.competitors name="competitor" status on_submit=submit back="/catalog?tab=competitors">
            <TextField errors=errors id="competitor-name" label=|t| t.field_name value=name field=Field::Name required=true/>
            <TextField errors=errors id="competitor-strengths" label=|t| t.catalog.strengths value=strengths field=Field::Other multiline=true/>
            <TextField errors=errors id="competitor-weaknesses" label=|t| t.catalog.weaknesses value=weaknesses field=Field::Other multiline=true/>
            <div class="field">
                <p><strong>{move || t().catalog.customers_buying}</strong></p>
                <ul class="plain-list">
                    {move || customers.get().into_iter().map(|id| {
                        let gone = id.clone();
                        view! { <li class="company-chip"><bdi>{name_of(&id)}</bdi>
                            <button type="button" class="btn ghost" on:click=move |_| customers.update(|c| c.retain(|x| *x != gone))>{move || t().remove}</button></li> }
                    }).collect_view()}
                </ul>
            </div>
            <CustomerPicker id="competitor-customer" chosen=adding errors=errors/>
            <TextField errors=errors id="competitor-notes" label=|t| t.field_notes value=notes field=Field::Notes multiline=true/>
        </FormPage>
    }
}
