//! Registering a sold item (`/warranty/items/new`, with `?customer=` or
//! `?product=` to start from) or editing one (`/warranty/items/ID/edit`).
//! Choosing the product brings its warranty term and start policy from the
//! catalog; both can be overridden for this item.

use crate::components::{asked, date_text, delete_with_undo, read_date, record_route, ChoiceField, CustomerPicker, DateField, FieldErrors, FormAlert, FormStatus, SaveButton, TextField};
use crate::pages::catalog::use_products;
use crate::i18n::labels;
use crate::state::AppState;
use daftar_core::check::Field;
use daftar_core::locale::format_number;
use daftar_core::store::Record;
use daftar_core::warranty::dates::TermCalendar;
use daftar_core::warranty::item::{InstalledItem, ItemInput, StartPolicy};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const BACK: &str = "/warranty/items";

#[component]
pub fn ItemEdit() -> impl IntoView {
    record_route::<InstalledItem, _>(|t| t.warranty.item_gone, (BACK, |t| t.warranty.warranty_items), |existing| view! { <ItemForm existing/> })
}

#[component]
fn ItemForm(existing: Option<(Record, InstalledItem)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = state.lang.get_untracked();
    let navigate = use_navigate();
    let input = existing.as_ref().map(|(_, item)| ItemInput::from_item(item, lang)).unwrap_or_else(|| ItemInput {
        customer_id: asked("customer"),
        deal_id: asked("deal"),
        product_id: asked("product"),
        sold_on: Some(crate::browser_env::today()),
        ..Default::default()
    });
    let product = RwSignal::new(input.product_id);
    let product_name = RwSignal::new(input.product_name);
    let serial = RwSignal::new(input.serial);
    let customer = RwSignal::new(input.customer_id);
    let deal = input.deal_id;
    let sold = RwSignal::new(date_text(input.sold_on, lang));
    let sold_bad = RwSignal::new(false);
    let installed = RwSignal::new(date_text(input.installed_on, lang));
    let installed_bad = RwSignal::new(false);
    let policy = RwSignal::new(input.start_policy);
    let term = RwSignal::new(input.term_months);
    let calendar = RwSignal::new(input.calendar);
    let parts = RwSignal::new(input.parts_percent);
    let labour = RwSignal::new(input.labour_percent);
    let exclusions = RwSignal::new(input.exclusions);
    let transferable = RwSignal::new(input.transferable);
    let location = RwSignal::new(input.location);
    let notes = RwSignal::new(input.notes);
    let status = FormStatus::new();
    let errors = status.errors;
    let is_new = existing.is_none();
    let existing = StoredValue::new(existing.map(|(record, _)| record));
    let products = use_products();
    // The product's terms, when a product is chosen here (not when the form
    // opens on a stored item, whose terms may have been overridden).
    let choose_product = move |id: String| {
        let chosen = products.get_untracked().unwrap_or_default().into_iter().find(|(pid, _)| *pid == id);
        if let Some((_, p)) = chosen {
            product_name.set(p.name.clone());
            term.set(if p.warranty_months == 0 { String::new() } else { format_number(i64::from(p.warranty_months), lang) });
            policy.set(p.warranty_starts);
        }
        product.set(id);
    };
    // A product asked for in the URL brings its terms once the catalog is read.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !is_new {
            return true;
        }
        let Some(list) = products.get() else { return false };
        let id = product.get_untracked();
        if !id.is_empty() && list.iter().any(|(pid, _)| *pid == id) {
            choose_product(id);
        }
        true
    });
    let submit = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang.get_untracked();
        let (Ok(sold_on), Ok(installed_on)) = (read_date(sold, sold_bad, lang), read_date(installed, installed_bad, lang)) else { return };
        let input = ItemInput {
            product_id: product.get_untracked(),
            product_name: product_name.get_untracked(),
            serial: serial.get_untracked(),
            customer_id: customer.get_untracked(),
            deal_id: deal.clone(),
            sold_on,
            installed_on,
            start_policy: policy.get_untracked(),
            term_months: term.get_untracked(),
            calendar: calendar.get_untracked(),
            parts_percent: parts.get_untracked(),
            labour_percent: labour.get_untracked(),
            exclusions: exclusions.get_untracked(),
            transferable: transferable.get_untracked(),
            location: location.get_untracked(),
            notes: notes.get_untracked(),
        };
        let navigate = navigate.clone();
        status.save(state, |t| t.warranty.item_saved, async move { state.save_item(existing.get_value().as_ref(), &input).await }, move |id| navigate(&format!("/warranty/items/{id}"), Default::default()));
    }
    };
    let delete = move |_| {
        let navigate = navigate.clone();
        if let Some(prev) = existing.get_value() {
            delete_with_undo(state, prev, |t| t.deleted, move || navigate(BACK, Default::default()));
        }
    };
    view! {
        <section class="page form-page" data-testid="item-form-page">
            <h1>{move || if is_new { t().warranty.item_new } else { t().warranty.item_edit }}</h1>
            <form on:submit=submit novalidate data-testid="item-form">
                <FormAlert status/>
                <div class="field">
                    <label for="item-product">{move || t().product}</label>
                    <select id="item-product" data-testid="item-product" on:change=move |ev| choose_product(event_target_value(&ev))>
                        <option value="" selected=move || product.with(String::is_empty)>{move || t().not_set}</option>
                        {move || products.get().unwrap_or_default().into_iter().map(|(id, p)| {
                            let selected = product.with_untracked(|x| *x == id);
                            view! { <option value=id selected=selected>{p.name}</option> }
                        }).collect_view()}
                    </select>
                    <FieldErrors errors field=Field::Product id="item-product"/>
                </div>
                <TextField errors=errors id="item-serial" label=|t| t.warranty.field_serial value=serial field=Field::Serial required=true ltr=true/>
                // The owner changes only by a transfer, which checks the warranty allows it and keeps the history.
                {if is_new {
                    view! { <CustomerPicker id="item-customer" chosen=customer errors=errors/> }.into_any()
                } else {
                    view! { <p class="muted">{move || t().warranty.item_owner}": "<bdi>{super::customer_name(state, &customer.get_untracked())}</bdi></p> }.into_any()
                }}
                <div class="row2">
                    <div>
                        <DateField id="item-sold" label=|t| t.warranty.item_sold_on value=sold invalid=sold_bad/>
                        <FieldErrors errors field=Field::Date id="item-sold"/>
                    </div>
                    <DateField id="item-installed" label=|t| t.warranty.item_installed_on value=installed invalid=installed_bad/>
                </div>
                <div class="row2">
                    <ChoiceField id="item-policy" label=|t| t.warranty.item_start_policy value=policy choices=&StartPolicy::ALL name_of=labels::start_policy/>
                    <TextField errors=errors id="item-term" label=|t| t.warranty.item_term_months value=term field=Field::Quantity inputmode="numeric" ltr=true/>
                </div>
                <ChoiceField id="item-calendar" label=|t| t.warranty.item_calendar value=calendar choices=&TermCalendar::ALL name_of=labels::term_calendar/>
                <div class="row2">
                    <TextField errors=errors id="item-parts" label=|t| t.warranty.item_parts_percent value=parts field=Field::Percent inputmode="numeric" ltr=true/>
                    <TextField errors=errors id="item-labour" label=|t| t.warranty.item_labour_percent value=labour field=Field::Percent inputmode="numeric" ltr=true/>
                </div>
                <TextField errors=errors id="item-exclusions" label=|t| t.warranty.item_exclusions value=exclusions field=Field::Other multiline=true hint=|t| t.warranty.item_exclusions_hint/>
                <label class="check">
                    <input type="checkbox" prop:checked=move || transferable.get() on:change=move |ev| transferable.set(event_target_checked(&ev)) data-testid="item-transferable"/>
                    {move || t().warranty.item_transferable}
                </label>
                <TextField errors=errors id="item-location" label=|t| t.warranty.item_location value=location field=Field::Other/>
                <TextField errors=errors id="item-notes" label=|t| t.field_notes value=notes field=Field::Notes multiline=true/>
                <div class="actions">
                    <SaveButton status testid="item-save"/>
                    <a class="btn ghost" href=BACK>{move || t().cancel}</a>
                    <Show when=move || !is_new>
                        <button type="button" class="btn danger" on:click=delete.clone() data-testid="item-delete">{move || t().delete}</button>
                    </Show>
                </div>
            </form>
        </section>
    }
}
