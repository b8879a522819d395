//! A service contract: new at `/warranty/contracts/new` (`?customer=`),
//! existing at `/warranty/contracts/ID` — customer, covered items, period,
//! price, visits included and the response-time promise; once saved, its
//! included maintenance visits can be planned in one tap.

use crate::components::{asked, date_text, delete_with_undo, read_date, record_route, CustomerPicker, DateField, FieldErrors, FormAlert, FormStatus, SaveButton, TextField};
use crate::i18n::store_error_text;
use crate::state::{use_installed, AppState};
use daftar_core::check::Field;
use daftar_core::store::Record;
use daftar_core::warranty::service::{maintenance_dates, ContractInput, ServiceContract, ServiceVisit, VisitKind};
use daftar_core::warranty::{CONTRACT, VISIT};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const BACK: &str = "/warranty/contracts";

#[component]
pub fn ContractEdit() -> impl IntoView {
    record_route::<ServiceContract, _>(|t| t.warranty.contract_gone, (BACK, |t| t.warranty.warranty_contracts), |existing| view! { <ContractForm existing/> })
}

#[component]
fn ContractForm(existing: Option<(Record, ServiceContract)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = state.lang.get_untracked();
    let navigate = use_navigate();
    let contract = existing.as_ref().map(|(_, contract)| contract.clone());
    let input = contract.as_ref().map(|c| ContractInput::from_contract(c, state.lang.get_untracked())).unwrap_or_else(|| ContractInput {
        customer_id: asked("customer"),
        currency: state.currency.get_untracked(),
        ..Default::default()
    });
    let customer = RwSignal::new(input.customer_id);
    let title = RwSignal::new(input.title);
    let items = RwSignal::new(input.installed_item_ids);
    let starts = RwSignal::new(date_text(input.starts_on, lang));
    let starts_bad = RwSignal::new(false);
    let ends = RwSignal::new(date_text(input.ends_on, lang));
    let ends_bad = RwSignal::new(false);
    let price = RwSignal::new(input.price);
    let currency = input.currency;
    let visits = RwSignal::new(input.visits_included);
    let response = RwSignal::new(input.response_hours);
    let notes = RwSignal::new(input.notes);
    let status = FormStatus::new();
    let errors = status.errors;
    let is_new = existing.is_none();
    let id = existing.as_ref().map(|(r, _)| r.id.clone());
    let existing = StoredValue::new(existing.map(|(record, _)| record));
    let installed = use_installed();
    let customer_items = move || {
        let c = customer.get();
        if !installed.get() || c.is_empty() {
            return Vec::new();
        }
        state.installed().with(|b| b.as_ref().map(|b| b.items.iter().filter(|(_, i)| i.customer_id == c).map(|(id, i)| (id.clone(), format!("{}{}{}", i.product_name, state.t().part_separator, i.serial))).collect::<Vec<_>>()).unwrap_or_default())
    };
    let submit = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let lang = state.lang.get_untracked();
            let (Ok(starts_on), Ok(ends_on)) = (read_date(starts, starts_bad, lang), read_date(ends, ends_bad, lang)) else { return };
            let input = ContractInput {
                customer_id: customer.get_untracked(),
                title: title.get_untracked(),
                installed_item_ids: items.get_untracked(),
                starts_on,
                ends_on,
                price: price.get_untracked(),
                currency,
                visits_included: visits.get_untracked(),
                response_hours: response.get_untracked(),
                notes: notes.get_untracked(),
            };
            let navigate = navigate.clone();
            status.save(state, |t| t.warranty.contract_saved, async move { state.save_contract(existing.get_value().as_ref(), &input).await }, move |_| navigate(BACK, Default::default()));
        }
    };
    let delete = move |_| {
        let navigate = navigate.clone();
        if let Some(prev) = existing.get_value() {
            delete_with_undo(state, prev, |t| t.deleted, move || navigate(BACK, Default::default()));
        }
    };
    view! {
        <section class="page form-page" data-testid="contract-page">
            <h1>{move || if is_new { t().warranty.contract_new } else { t().warranty.contract_edit }}</h1>
            {id.zip(contract).map(|(id, c)| view! { <PlanVisits id contract=c/> })}
            <form on:submit=submit novalidate data-testid="contract-form">
                <FormAlert status/>
                <TextField errors id="contract-title" label=|t| t.field_title value=title field=Field::Subject required=true/>
                <CustomerPicker id="contract-customer" chosen=customer errors=errors/>
                <fieldset class="field">
                    <legend>{move || t().warranty.contract_items}</legend>
                    {move || {
                        let list = customer_items();
                        if list.is_empty() {
                            view! { <p class="muted">{move || t().warranty.contract_no_items}</p> }.into_any()
                        } else {
                            list.into_iter().map(|(id, name)| {
                                let (a, b) = (id.clone(), id.clone());
                                view! {
                                    <label class="check">
                                        <input type="checkbox" prop:checked=move || items.with(|l| l.contains(&a))
                                            on:change=move |ev| items.update(|l| if event_target_checked(&ev) { l.push(b.clone()) } else { l.retain(|x| *x != b) })/>
                                        <bdi>{name}</bdi>
                                    </label>
                                }
                            }).collect_view().into_any()
                        }
                    }}
                </fieldset>
                <div class="row2">
                    <DateField id="contract-starts" label=|t| t.warranty.contract_starts value=starts invalid=starts_bad/>
                    <DateField id="contract-ends" label=|t| t.warranty.contract_ends value=ends invalid=ends_bad/>
                </div>
                <FieldErrors errors field=Field::Date id="contract-dates"/>
                <div class="row2">
                    <TextField errors id="contract-price" label=|t| t.field_price value=price field=Field::Price inputmode="decimal" ltr=true/>
                    <TextField errors id="contract-visits" label=|t| t.warranty.contract_visits value=visits field=Field::Quantity inputmode="numeric" ltr=true/>
                </div>
                <TextField errors id="contract-response" label=|t| t.warranty.contract_response_hours value=response field=Field::Duration inputmode="numeric" ltr=true/>
                <TextField errors id="contract-notes" label=|t| t.field_notes value=notes field=Field::Notes multiline=true/>
                <div class="actions">
                    <SaveButton status testid="contract-save"/>
                    <a class="btn ghost" href=BACK>{move || t().cancel}</a>
                    <Show when=move || !is_new>
                        <button type="button" class="btn danger" on:click=delete.clone() data-testid="contract-delete">{move || t().delete}</button>
                    </Show>
                </div>
            </form>
        </section>
    }
}

/// The contract's maintenance visits: how many are planned, and one tap to
/// plan the included ones evenly over the period when none are.
#[component]
fn PlanVisits(id: String, contract: ServiceContract) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let id = StoredValue::new(id);
    let planned = LocalResource::new(move || {
        state.track_records();
        async move { state.linked_to(CONTRACT, &id.get_value()).await.unwrap_or_default().iter().filter(|r| r.kind == VISIT).count() }
    });
    let dates = maintenance_dates(&contract);
    let count = dates.len();
    let contract = StoredValue::new(contract);
    let busy = RwSignal::new(false);
    let plan = move |_| {
        busy.set(true);
        let c = contract.get_value();
        let visits: Vec<ServiceVisit> = maintenance_dates(&c)
            .into_iter()
            .map(|d| ServiceVisit {
                customer_id: c.customer_id.clone(),
                service_contract_id: id.get_value(),
                installed_item_id: c.installed_item_ids.first().cloned().unwrap_or_default(),
                technician: state.my_name_untracked(),
                scheduled: d.and_hms_opt(10, 0, 0),
                duration_minutes: 60,
                kind: VisitKind::Maintenance,
                ..Default::default()
            })
            .collect();
        leptos::task::spawn_local(async move {
            match state.plan_visits(&visits).await {
                Ok(()) => state.notify(state.t_untracked().warranty.contract_visits_planned.to_string(), None),
                Err(e) => state.notify(store_error_text(&e, state.lang.get_untracked()), None),
            }
            let _ = busy.try_set(false);
        });
    };
    view! {
        <div class="card" data-testid="contract-visits">
            <p>{move || t().warranty.contract_planned(planned.get().unwrap_or(0) as i64)}</p>
            {move || (planned.get() == Some(0) && count > 0).then(|| view! {
                <button type="button" class="btn primary" disabled=move || busy.get() on:click=plan data-testid="contract-plan">
                    {move || t().warranty.contract_plan(count as i64)}
                </button>
            })}
        </div>
    }
}
