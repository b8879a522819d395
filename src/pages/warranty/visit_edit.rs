//! A service visit: planned at `/warranty/visits/new` (`?item=`,
//! `?customer=`, `?contract=`, `?claim=` fill it in), edited and reported at
//! `/warranty/visits/ID` — done with its visit report, missed or cancelled.

use crate::components::{asked, delete_with_undo, record_route, ChoiceField, CustomerPicker, FieldErrors, FormAlert, FormStatus, SaveButton, TextField, When, WhenField};
use crate::i18n::{labels, save_error_text};
use crate::state::{use_installed, AppState, SaveError};
use daftar_core::check::Field;
use daftar_core::store::Record;
use daftar_core::warranty::service::{ServiceVisit, VisitInput, VisitKind, VisitStatus};
use daftar_core::warranty::VISIT;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const BACK: &str = "/warranty/visits";

#[component]
pub fn VisitEdit() -> impl IntoView {
    record_route::<ServiceVisit, _>(|t| t.warranty.visit_gone, (BACK, |t| t.warranty.warranty_visits), |existing| view! { <VisitForm existing/> })
}

#[component]
fn VisitForm(existing: Option<(Record, ServiceVisit)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = state.lang.get_untracked();
    let navigate = use_navigate();
    let visit = existing.as_ref().map(|(_, visit)| visit.clone());
    let input = visit.as_ref().map(VisitInput::from_visit).unwrap_or_else(|| VisitInput {
        customer_id: asked("customer"),
        installed_item_id: asked("item"),
        service_contract_id: asked("contract"),
        warranty_claim_id: asked("claim"),
        technician: state.my_name_untracked(),
        ..Default::default()
    });
    let customer = RwSignal::new(input.customer_id);
    let item = RwSignal::new(input.installed_item_id);
    let technician = RwSignal::new(input.technician);
    let when = When::new(input.scheduled, lang);
    let duration = RwSignal::new(input.duration_minutes);
    let kind = RwSignal::new(input.kind);
    let (contract_id, claim_id) = (input.service_contract_id, input.warranty_claim_id);
    let status = FormStatus::new();
    let errors = status.errors;
    let is_new = existing.is_none();
    let existing = StoredValue::new(existing.map(|(record, _)| record));
    let installed = use_installed();
    // The chosen customer's items, to say which one the visit is for.
    let items = move || {
        let c = customer.get();
        if !installed.get() {
            return Vec::new();
        }
        state.installed().with(|b| {
            b.as_ref()
                .map(|b| b.items.iter().filter(|(_, i)| !c.is_empty() && i.customer_id == c).map(|(id, i)| (id.clone(), format!("{}{}{}", i.product_name, state.t().part_separator, i.serial))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let submit = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let lang = state.lang.get_untracked();
            let Ok(scheduled) = when.read(lang) else { return };
            let input = VisitInput {
                customer_id: customer.get_untracked(),
                installed_item_id: item.get_untracked(),
                service_contract_id: contract_id.clone(),
                warranty_claim_id: claim_id.clone(),
                technician: technician.get_untracked(),
                scheduled,
                duration_minutes: duration.get_untracked(),
                kind: kind.get_untracked(),
            };
            let navigate = navigate.clone();
            status.save(state, |t| t.warranty.visit_saved, async move { state.save_visit(existing.get_value().as_ref(), &input).await }, move |_| navigate(BACK, Default::default()));
        }
    };
    let delete = move |_| {
        let navigate = navigate.clone();
        if let Some(prev) = existing.get_value() {
            delete_with_undo(state, prev, |t| t.deleted, move || navigate(BACK, Default::default()));
        }
    };
    view! {
        <section class="page form-page" data-testid="visit-page">
            <h1>{move || if is_new { t().warranty.visit_new } else { t().warranty.visit_edit }}</h1>
            {existing.get_value().map(|r| view! { <VisitReport id=r.id/> })}
            <form on:submit=submit novalidate data-testid="visit-form">
                <FormAlert status/>
                <CustomerPicker id="visit-customer" chosen=customer errors=errors/>
                <div class="field">
                    <label for="visit-item">{move || t().warranty.visit_item}</label>
                    <select id="visit-item" on:change=move |ev| item.set(event_target_value(&ev))>
                        <option value="" selected=move || item.with(String::is_empty)>{move || t().not_set}</option>
                        {move || items().into_iter().map(|(id, name)| {
                            let selected = item.with_untracked(|x| *x == id);
                            view! { <option value=id selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <WhenField id="visit-when" label=|t| t.warranty.visit_when when=when/>
                <FieldErrors errors field=Field::Date id="visit-when"/>
                <div class="row2">
                    <ChoiceField id="visit-kind" label=|t| t.warranty.visit_kind value=kind choices=&VisitKind::ALL name_of=labels::visit_kind/>
                    <TextField errors id="visit-duration" label=|t| t.warranty.visit_duration value=duration field=Field::Duration inputmode="numeric" ltr=true/>
                </div>
                <TextField errors id="visit-technician" label=|t| t.warranty.technician value=technician/>
                <div class="actions">
                    <SaveButton status testid="visit-save"/>
                    <a class="btn ghost" href=BACK>{move || t().cancel}</a>
                    <Show when=move || !is_new>
                        <button type="button" class="btn danger" on:click=delete.clone() data-testid="visit-delete">{move || t().delete}</button>
                    </Show>
                </div>
            </form>
        </section>
    }
}

/// The visit's status, its report, and the buttons to record what happened;
/// re-read after every write, so it always shows the stored status.
#[component]
fn VisitReport(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let id = StoredValue::new(id);
    let stored = LocalResource::new(move || {
        state.track_records();
        async move { state.record(VISIT, &id.get_value()).await.ok().flatten().and_then(|r| r.decode::<ServiceVisit>().ok()) }
    });
    let report = RwSignal::new(String::new());
    // The stored report fills the box once; typing is not overwritten by later reads.
    Effect::new(move |filled: Option<bool>| {
        if filled == Some(true) {
            return true;
        }
        match stored.get().flatten() {
            Some(v) => {
                report.set(v.report);
                true
            }
            None => false,
        }
    });
    let status = move || stored.get().flatten().map(|v| v.status).unwrap_or_default();
    let alert = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let done = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            match state.finish_visit(&id.get_value(), &report.get_untracked()).await {
                Ok(()) => state.notify(state.t_untracked().warranty.visit_saved.to_string(), None),
                Err(SaveError::Invalid(_)) => alert.set(Some(state.t_untracked().warranty.visit_report_needed.to_string())),
                Err(SaveError::Gone) => alert.set(Some(state.t_untracked().warranty.visit_gone.to_string())),
                Err(e) => alert.set(Some(save_error_text(&e, state.lang.get_untracked()))),
            }
            let _ = busy.try_set(false);
        });
    };
    let set = move |to: VisitStatus| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            match state.set_visit_status(&id.get_value(), to).await {
                Ok(()) => {}
                Err(SaveError::Gone) => alert.set(Some(state.t_untracked().warranty.visit_gone.to_string())),
                Err(e) => alert.set(Some(save_error_text(&e, state.lang.get_untracked()))),
            }
            let _ = busy.try_set(false);
        });
    };
    view! {
        <div class="card status-card" data-testid="visit-report">
            <p>{move || t().field_status}": "<strong data-testid="visit-status">{move || labels::visit_status(status(), t())}</strong></p>
            <label for="visit-report-text">{move || t().activities.visit_report}</label>
            <textarea id="visit-report-text" rows="4" bind:value=report data-testid="visit-report-text"></textarea>
            {move || alert.get().map(|a| view! { <p class="alert" role="alert">{a}</p> })}
            <div class="actions">
                <button type="button" class="btn primary" disabled=move || busy.get() on:click=done data-testid="visit-done">{move || t().warranty.visit_mark_done}</button>
                <Show when=move || status() == VisitStatus::Scheduled fallback=move || view! {
                    <button type="button" class="btn" disabled=move || busy.get() on:click=move |_| set(VisitStatus::Scheduled)>{move || t().warranty.visit_reopen}</button>
                }>
                    <button type="button" class="btn" disabled=move || busy.get() on:click=move |_| set(VisitStatus::Missed)>{move || labels::visit_status(VisitStatus::Missed, t())}</button>
                    <button type="button" class="btn danger" disabled=move || busy.get() on:click=move |_| set(VisitStatus::Cancelled)>{move || labels::visit_status(VisitStatus::Cancelled, t())}</button>
                </Show>
            </div>
        </div>
    }
}
