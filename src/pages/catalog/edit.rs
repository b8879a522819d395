//! The forms of the catalog: a product or service, a supplier, a competitor.

use crate::components::{ChoiceField, CustomerPicker, TextField};
use crate::i18n::{labels, store_error_text};
use crate::state::{AppState, SaveError};
use daftar_core::catalog::{Competitor, Product, ProductInput, ProductKind, Supplier, COMPETITOR, PRODUCT, SUPPLIER};
use daftar_core::check::{Field, FieldError};
use daftar_core::store::Record;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Loads the record of the route and renders `form` with it (None = new).
fn with_record<V: IntoView + 'static>(kind: &'static str, form: fn(Option<Record>) -> V) -> impl IntoView {
    let state = expect_context::<AppState>();
    let loaded = crate::pages::record_of_route(kind);
    view! {
        <Suspense fallback=move || view! { <p class="muted">{state.t().loading}</p> }>
            {move || loaded.get().flatten().map(form)}
        </Suspense>
    }
}

/// What every catalog form does on save: report field errors, or go back to the list.
fn after_save(state: AppState, result: Result<String, SaveError>, errors: RwSignal<Vec<FieldError>>, alert: RwSignal<Option<String>>, go_back: impl Fn()) {
    match result {
        Ok(_) => {
            state.notify(state.t_untracked().saved.to_string(), None);
            go_back();
        }
        Err(SaveError::Invalid(e)) => {
            errors.set(e);
            alert.set(Some(state.t_untracked().fix_errors.to_string()));
        }
        Err(SaveError::Store(e)) => alert.set(Some(store_error_text(&e, state.lang.get_untracked()))),
    }
}

#[component]
pub fn ProductEdit() -> impl IntoView {
    with_record(PRODUCT, |existing| view! { <ProductForm existing/> })
}

#[component]
fn ProductForm(existing: Option<Record>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let input = existing.as_ref().and_then(|r| r.decode::<Product>().ok()).map(|p| ProductInput::from_product(&p)).unwrap_or_else(|| ProductInput { currency: state.currency.get_untracked(), ..Default::default() });
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
    let errors = RwSignal::new(Vec::new());
    let alert = RwSignal::new(None::<String>);
    let existing = StoredValue::new(existing);
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
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
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let result = state.save_product(existing.get_value().as_ref(), &input).await;
            after_save(state, result, errors, alert, || navigate("/catalog?tab=products", Default::default()));
        });
    };
    view! {
        <section class="page form-page">
            <h1>{move || t().catalog.products}</h1>
            <form on:submit=submit novalidate data-testid="product-form">
                {move || alert.get().map(|a| view! { <p class="alert" role="alert">{a}</p> })}
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
                <div class="actions">
                    <button type="submit" class="btn primary" data-testid="product-save">{move || t().save}</button>
                    <a class="btn ghost" href="/catalog?tab=products">{move || t().cancel}</a>
                </div>
            </form>
        </section>
    }
}

#[component]
pub fn SupplierEdit() -> impl IntoView {
    with_record(SUPPLIER, |existing| view! { <SupplierForm existing/> })
}

#[component]
fn SupplierForm(existing: Option<Record>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let s: Supplier = existing.as_ref().and_then(|r| r.decode().ok()).unwrap_or_default();
    let (name, phone, supplies, notes) = (RwSignal::new(s.name), RwSignal::new(s.phone), RwSignal::new(s.supplies), RwSignal::new(s.notes));
    let errors = RwSignal::new(Vec::new());
    let alert = RwSignal::new(None::<String>);
    let existing = StoredValue::new(existing);
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let navigate = navigate.clone();
        let input = Supplier { name: name.get_untracked(), phone: phone.get_untracked(), supplies: supplies.get_untracked(), notes: notes.get_untracked() };
        leptos::task::spawn_local(async move {
            let result = state.save_supplier(existing.get_value().as_ref(), &input).await;
            after_save(state, result, errors, alert, || navigate("/catalog?tab=suppliers", Default::default()));
        });
    };
    view! {
        <section class="page form-page">
            <h1>{move || t().catalog.suppliers}</h1>
            <form on:submit=submit novalidate data-testid="supplier-form">
                {move || alert.get().map(|a| view! { <p class="alert" role="alert">{a}</p> })}
                <TextField errors=errors id="supplier-name" label=|t| t.field_name value=name field=Field::Name required=true/>
                <TextField errors=errors id="supplier-phone" label=|t| t.field_phones value=phone input_type="tel" ltr=true/>
                <TextField errors=errors id="supplier-supplies" label=|t| t.catalog.what_they_supply value=supplies field=Field::Other multiline=true/>
                <TextField errors=errors id="supplier-notes" label=|t| t.field_notes value=notes field=Field::Notes multiline=true/>
                <div class="actions">
                    <button type="submit" class="btn primary" data-testid="supplier-save">{move || t().save}</button>
                    <a class="btn ghost" href="/catalog?tab=suppliers">{move || t().cancel}</a>
                </div>
            </form>
        </section>
    }
}

#[component]
pub fn CompetitorEdit() -> impl IntoView {
    with_record(COMPETITOR, |existing| view! { <CompetitorForm existing/> })
}

#[component]
fn CompetitorForm(existing: Option<Record>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let c: Competitor = existing.as_ref().and_then(|r| r.decode().ok()).unwrap_or_default();
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
    let errors = RwSignal::new(Vec::new());
    let alert = RwSignal::new(None::<String>);
    let existing = StoredValue::new(existing);
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let navigate = navigate.clone();
        let input = Competitor { name: name.get_untracked(), strengths: strengths.get_untracked(), weaknesses: weaknesses.get_untracked(), customer_ids: customers.get_untracked(), notes: notes.get_untracked() };
        leptos::task::spawn_local(async move {
            let result = state.save_competitor(existing.get_value().as_ref(), &input).await;
            after_save(state, result, errors, alert, || navigate("/catalog?tab=competitors", Default::default()));
        });
    };
    let name_of = move |id: &str| state.customers.with(|ix| ix.row(id).map(|r| r.name.clone())).unwrap_or_default();
    view! {
        <section class="page form-page">
            <h1>{move || t().pipeline.competitors}</h1>
            <form on:submit=submit novalidate data-testid="competitor-form">
                {move || alert.get().map(|a| view! { <p class="alert" role="alert">{a}</p> })}
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
                <div class="actions">
                    <button type="submit" class="btn primary" data-testid="competitor-save">{move || t().save}</button>
                    <a class="btn ghost" href="/catalog?tab=competitors">{move || t().cancel}</a>
                </div>
            </form>
        </section>
    }
}
