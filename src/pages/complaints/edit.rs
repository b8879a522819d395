//! One complaint: new at `/complaints/new` (`?customer=ID` chooses the
//! customer), existing at `/complaints/ID` with its status, its buttons and
//! its history above the form.

use super::status::StatusCard;
use crate::components::{asked, delete_with_undo, record_route, ChoiceField, CustomerPicker, FormAlert, FormStatus, SaveButton, TextField};
use crate::i18n::{labels, TextOf};
use crate::state::AppState;
use daftar_core::check::Field;
use daftar_core::complaints::{Category, Channel, Complaint, ComplaintInput, Severity};
use daftar_core::store::Record;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const BACK: &str = "/complaints";

#[component]
pub fn ComplaintEdit() -> impl IntoView {
    record_route::<Complaint, _>(|t| t.complaints.complaint_gone, (BACK, |t| t.complaints.complaints_title), |existing| view! { <ComplaintForm existing/> })
}

#[component]
fn ComplaintForm(existing: Option<(Record, Complaint)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let navigate = use_navigate();
    let complaint = existing.as_ref().map(|(_, complaint)| complaint.clone());
    let input = complaint.as_ref().map(ComplaintInput::from_complaint).unwrap_or_else(|| ComplaintInput {
        customer_id: asked("customer"),
        owner: state.my_name_untracked(),
        ..Default::default()
    });
    let from_survey = complaint.as_ref().is_some_and(|c| !c.survey_response_id.is_empty());
    let title = RwSignal::new(input.title);
    let description = RwSignal::new(input.description);
    let customer = RwSignal::new(input.customer_id);
    let channel = RwSignal::new(input.channel);
    let category = RwSignal::new(input.category);
    let severity = RwSignal::new(input.severity);
    let owner = RwSignal::new(input.owner);
    let deal = RwSignal::new(input.deal_id);
    let product = RwSignal::new(input.product_id);
    let status = FormStatus::new();
    let errors = status.errors;
    let is_new = existing.is_none();
    // The complaint as last stored: a status move here replaces it, so a
    // save after a move writes over the moved one, not the one first read.
    let current = RwSignal::new(existing.map(|(record, _)| record));
    let submit = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let (deal_id, product_id) = (deal.get_untracked(), product.get_untracked());
            let input = ComplaintInput {
                title: title.get_untracked(),
                description: description.get_untracked(),
                customer_id: customer.get_untracked(),
                deal_id,
                product_id,
                channel: channel.get_untracked(),
                category: category.get_untracked(),
                severity: severity.get_untracked(),
                owner: owner.get_untracked(),
            };
            let navigate = navigate.clone();
            status.save(state, |t| t.complaints.complaint_saved, async move { state.save_complaint(current.get_untracked().as_ref(), &input).await }, move |_| navigate(BACK, Default::default()));
        }
    };
    let delete = move |_| {
        let navigate = navigate.clone();
        if let Some(prev) = current.get_untracked() {
            delete_with_undo(state, prev, |t| t.complaints.complaint_deleted, move || navigate(BACK, Default::default()));
        }
    };
    let description_label: TextOf = |t| t.complaints.complaint_description;
    view! {
        <section class="page form-page" data-testid="complaint-page">
            <h1>{move || if is_new { t().complaints.complaint_new } else { t().complaints.complaint_edit }}</h1>
            {from_survey.then(|| view! { <p class="muted complaint-survey" data-testid="complaint-from-survey">{move || t().complaints.complaint_from_survey}</p> })}
            {(!is_new).then(|| view! { <StatusCard current/> })}
            <form on:submit=submit novalidate data-testid="complaint-form">
                <FormAlert status/>
                <TextField errors=errors id="complaint-title" label=|t| t.field_title value=title field=Field::Subject required=true/>
                <TextField errors=errors id="complaint-description" label=description_label value=description field=Field::Notes multiline=true/>
                <CustomerPicker id="complaint-customer" chosen=customer errors=errors optional=true/>
                <AboutWhat customer deal product/>
                <div class="row2">
                    <ChoiceField id="complaint-channel" label=|t| t.complaints.complaint_channel value=channel choices=&Channel::ALL name_of=labels::complaint_channel/>
                    <ChoiceField id="complaint-category" label=|t| t.complaints.complaint_category value=category choices=&Category::ALL name_of=labels::complaint_category/>
                </div>
                <div class="row2">
                    <ChoiceField id="complaint-severity" label=|t| t.complaints.complaint_severity value=severity choices=&Severity::ALL name_of=labels::complaint_severity/>
                    <TextField errors=errors id="complaint-owner" label=|t| t.complaints.complaint_owner value=owner field=Field::Other/>
                </div>
                <div class="actions">
                    <SaveButton status testid="complaint-save"/>
                    <Show when=move || !is_new>
                        <button type="button" class="btn danger" on:click=delete.clone() data-testid="complaint-delete">{move || t().delete}</button>
                    </Show>
                    <a class="btn ghost" href=BACK>{move || t().cancel}</a>
                </div>
            </form>
        </section>
    }
}

/// The deal (of the chosen customer) and the product a complaint is about.
#[component]
fn AboutWhat(customer: RwSignal<String>, deal: RwSignal<String>, product: RwSignal<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let _ = crate::pages::pipeline::use_sales();
    let deals = move || {
        let c = customer.get();
        state.sales().with(|s| {
            s.as_ref()
                .map(|s| s.deals.iter().filter(|d| !c.is_empty() && d.fields.customer_id == c).map(|d| (d.id.clone(), d.fields.title.clone())).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let products = crate::pages::catalog::use_products();
    let select = move |id: &'static str, label: crate::i18n::TextOf, value: RwSignal<String>, options: Signal<Vec<(String, String)>>| {
        view! {
            <div class="field">
                <label for=id>{move || label(t())}</label>
                <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                    <option value="" selected=move || value.with(String::is_empty)>{move || t().not_set}</option>
                    {move || options.get().into_iter().map(|(v, name)| {
                        let selected = value.with(|x| *x == v);
                        view! { <option value=v selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <div class="row2">
            {select("complaint-deal", |t| t.complaints.complaint_deal, deal, Signal::derive(deals))}
            {select("complaint-product", |t| t.product, product, Signal::derive(move || products.get().unwrap_or_default().into_iter().map(|(id, p)| (id, p.name)).collect()))}
        </div>
    }
}
