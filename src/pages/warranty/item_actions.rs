//! What can be done with a sold item: edit, print its certificate, open a
//! claim, plan a visit, and — in a small form under the buttons — add an
//! extended warranty, move it to another owner, or void the warranty.

use crate::components::{read_date, CustomerPicker, DateField, TextField};
use crate::i18n::{problem_text, save_error_text};
use crate::state::{AppState, SaveError};
use daftar_core::check::{Field, FieldError};
use daftar_core::locale::format_date;
use daftar_core::warranty::item::{CoverageStatus, Extension, InstalledItem, TransferError};
use daftar_core::warranty::Coverage;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Open {
    Extend,
    Transfer,
    Void,
}

#[component]
pub fn ItemActions(id: String, item: InstalledItem) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let open = RwSignal::new(None::<Open>);
    let toggle = move |which: Open| open.update(|o| *o = if *o == Some(which) { None } else { Some(which) });
    let id = StoredValue::new(id);
    let customer_id = item.customer_id.clone();
    let can_transfer = item.transferable && item.voided.is_none();
    let can_void = item.voided.is_none();
    // An extension continues a running warranty; a lapsed or void one is not extended.
    let can_extend = !matches!(crate::state::coverage_today(&item).status, CoverageStatus::Expired | CoverageStatus::Void);
    let link = move |path: &str| format!("/warranty/items/{}{path}", id.get_value());
    view! {
        <div class="actions item-actions">
            <a class="btn" href=link("/edit") data-testid="item-edit">{move || t().edit}</a>
            <a class="btn" href=link("/certificate") data-testid="item-certificate">{move || t().warranty.certificate}</a>
            <a class="btn primary" href=move || format!("/warranty/claims/new?item={}", id.get_value()) data-testid="claim-new">{move || t().warranty.claim_new}</a>
            <a class="btn" href=move || format!("/warranty/visits/new?item={}&customer={customer_id}", id.get_value()) data-testid="visit-new">{move || t().warranty.visit_new}</a>
            {can_extend.then(|| view! { <button type="button" class="btn" on:click=move |_| toggle(Open::Extend) data-testid="item-extend">{move || t().warranty.item_extend}</button> })}
            {can_transfer.then(|| view! { <button type="button" class="btn" on:click=move |_| toggle(Open::Transfer) data-testid="item-transfer">{move || t().warranty.item_transfer}</button> })}
            {can_void.then(|| view! { <button type="button" class="btn danger" on:click=move |_| toggle(Open::Void) data-testid="item-void">{move || t().warranty.item_void}</button> })}
        </div>
        {move || open.get().map(|which| {
            let done = move || open.set(None);
            let id = id.get_value();
            match which {
                Open::Extend => view! { <ExtendForm id done/> }.into_any(),
                Open::Transfer => view! { <TransferForm id done/> }.into_any(),
                Open::Void => view! { <VoidForm id done/> }.into_any(),
            }
        })}
    }
}

/// Writes the changed item, or shows why not.
fn change(state: AppState, id: String, alert: RwSignal<Option<String>>, done: impl Fn() + 'static, change: impl FnOnce(&InstalledItem) -> Result<InstalledItem, String> + 'static) {
    leptos::task::spawn_local(async move {
        match state.change_item(&id, change).await {
            Ok(Ok(())) => {
                state.notify(state.t_untracked().warranty.item_saved.to_string(), None);
                done();
            }
            Ok(Err(reason)) => alert.set(Some(reason)),
            Err(SaveError::Gone) => alert.set(Some(state.t_untracked().warranty.item_gone.to_string())),
            Err(e) => alert.set(Some(save_error_text(&e, state.lang.get_untracked()))),
        }
    });
}

fn field_error_text(e: FieldError, state: AppState) -> String {
    let t = state.t_untracked();
    format!("{}: {}", crate::i18n::labels::field(e.field, t), problem_text(e.problem, state.lang.get_untracked()))
}

#[component]
fn ExtendForm(id: String, done: impl Fn() + Copy + 'static) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let months = RwSignal::new(String::new());
    let parts = RwSignal::new(String::from("100"));
    let labour = RwSignal::new(String::from("100"));
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let alert = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let number = |s: RwSignal<String>| daftar_core::locale::to_ascii_digits(s.get_untracked().trim()).parse::<u32>().ok();
        let (Some(months), Some(p), Some(l)) = (number(months), number(parts), number(labour)) else {
            alert.set(Some(t().warranty.item_extend_numbers.to_string()));
            return;
        };
        let ext = Extension {
            months,
            coverage: Coverage { parts_percent: p.min(255) as u8, labour_percent: l.min(255) as u8 },
            bought_on: Some(crate::browser_env::today()),
            price: 0,
            note: note.get_untracked(),
        };
        change(state, id.clone(), alert, done, move |item| item.extended(ext).map_err(|e| field_error_text(e, state)));
    };
    view! {
        <form class="card inline-form" on:submit=submit novalidate data-testid="extend-form">
            {move || alert.get().map(|a| view! { <p class="alert" role="alert">{a}</p> })}
            <div class="row2">
                <TextField errors id="ext-months" label=|t| t.warranty.item_extend_months value=months inputmode="numeric" ltr=true required=true/>
                <TextField errors id="ext-note" label=|t| t.field_notes value=note/>
            </div>
            <div class="row2">
                <TextField errors id="ext-parts" label=|t| t.warranty.item_parts_percent value=parts inputmode="numeric" ltr=true/>
                <TextField errors id="ext-labour" label=|t| t.warranty.item_labour_percent value=labour inputmode="numeric" ltr=true/>
            </div>
            <button type="submit" class="btn primary" data-testid="extend-save">{move || t().warranty.item_extend}</button>
        </form>
    }
}

#[component]
fn TransferForm(id: String, done: impl Fn() + Copy + 'static) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let to = RwSignal::new(String::new());
    let on = RwSignal::new(format_date(crate::browser_env::today(), state.lang.get_untracked()));
    let on_bad = RwSignal::new(false);
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let alert = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(Some(date)) = read_date(on, on_bad, state.lang.get_untracked()) else { return };
        let (to, note) = (to.get_untracked(), note.get_untracked());
        change(state, id.clone(), alert, done, move |item| {
            item.transferred(&to, date, &note).map_err(|e| {
                let t = state.t_untracked();
                match e {
                    TransferError::NotTransferable => t.warranty.transfer_not_allowed,
                    TransferError::SameCustomer => t.warranty.transfer_same_customer,
                    TransferError::NoCustomer => t.warranty.transfer_no_customer,
                    TransferError::BeforeSale => t.warranty.transfer_before_sale,
                }
                .to_string()
            })
        });
    };
    view! {
        <form class="card inline-form" on:submit=submit novalidate data-testid="transfer-form">
            {move || alert.get().map(|a| view! { <p class="alert" role="alert">{a}</p> })}
            <CustomerPicker id="transfer-to" chosen=to errors/>
            <DateField id="transfer-on" label=|t| t.warranty.transfer_on value=on invalid=on_bad/>
            <TextField errors id="transfer-note" label=|t| t.field_notes value=note field=Field::Notes/>
            <button type="submit" class="btn primary" data-testid="transfer-save">{move || t().warranty.item_transfer}</button>
        </form>
    }
}

#[component]
fn VoidForm(id: String, done: impl Fn() + Copy + 'static) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let on = RwSignal::new(format_date(crate::browser_env::today(), state.lang.get_untracked()));
    let on_bad = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let alert = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(Some(date)) = read_date(on, on_bad, state.lang.get_untracked()) else { return };
        let reason = reason.get_untracked();
        change(state, id.clone(), alert, done, move |item| item.voided(date, &reason).map_err(|e| field_error_text(e, state)));
    };
    view! {
        <form class="card inline-form" on:submit=submit novalidate data-testid="void-form">
            {move || alert.get().map(|a| view! { <p class="alert" role="alert">{a}</p> })}
            <DateField id="void-on" label=|t| t.warranty.void_on value=on invalid=on_bad/>
            <TextField errors id="void-reason" label=|t| t.warranty.void_reason value=reason field=Field::Notes required=true/>
            <button type="submit" class="btn danger" data-testid="void-save">{move || t().warranty.item_void}</button>
        </form>
    }
}
