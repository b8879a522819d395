//! One complaint: new at `/complaints/new` (`?customer=ID` chooses the
//! customer), existing at `/complaints/ID` with its status, its buttons and
//! its history above the form.

use super::status::StatusCard;
use crate::components::{ChoiceField, CustomerPicker, TextField};
use crate::i18n::{labels, store_error_text, TextOf};
use crate::state::{AppState, SaveError, ToastAction};
use daftar_core::check::{Field, FieldError};
use daftar_core::complaints::{Category, Channel, Complaint, ComplaintInput, Severity, COMPLAINT};
use daftar_core::store::Record;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

const BACK: &str = "/complaints";

#[component]
pub fn ComplaintEdit() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let loaded = crate::pages::record_of_route(COMPLAINT);
    let params = use_params_map();
    let has_id = move || params.with_untracked(|p| p.get("id").is_some());
    view! {
        <Suspense fallback=move || view! { <p class="muted">{move || t().loading}</p> }>
            {move || loaded.get().flatten().map(|existing| match existing {
                Some(r) if !r.deleted => view! { <ComplaintForm existing=Some(r)/> }.into_any(),
                None if !has_id() => view! { <ComplaintForm existing=None/> }.into_any(),
                _ => view! {
                    <section class="page">
                        <p class="muted" data-testid="complaint-gone">{move || t().complaints.complaint_gone}</p>
                        <a class="btn" href=BACK>{move || t().complaints.complaints_title}</a>
                    </section>
                }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn ComplaintForm(existing: Option<Record>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let navigate = use_navigate();
    let query = use_query_map();
    let complaint = existing.as_ref().and_then(|r| r.decode::<Complaint>().ok());
    let input = complaint.as_ref().map(ComplaintInput::from_complaint).unwrap_or_else(|| ComplaintInput {
        customer_id: query.with_untracked(|q| q.get("customer")).unwrap_or_default(),
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
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let alert = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    let is_new = existing.is_none();
    // The complaint as last stored: a status move here replaces it, so a
    // save after a move writes over the moved one, not the one first read.
    let current = RwSignal::new(existing);
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
            saving.set(true);
            let navigate = navigate.clone();
            leptos::task::spawn_local(async move {
                let saved = state.save_complaint(current.get_untracked().as_ref(), &input).await;
                // Before navigating: leaving the page disposes the form's signals.
                saving.set(false);
                match saved {
                    Ok(_) => {
                        state.notify(state.t_untracked().complaints.complaint_saved.to_string(), None);
                        navigate(BACK, Default::default());
                    }
                    Err(SaveError::Invalid(e)) => {
                        errors.set(e);
                        alert.set(Some(state.t_untracked().fix_errors.to_string()));
                    }
                    Err(SaveError::Store(e)) => alert.set(Some(store_error_text(&e, state.lang.get_untracked()))),
                }
            });
        }
    };
    let delete = move |_| {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let Some(prev) = current.get_untracked() else { return };
            match state.delete_record(&prev).await {
                Ok(()) => {
                    state.notify(state.t_untracked().complaints.complaint_deleted.to_string(), Some(ToastAction::UndoDelete(COMPLAINT.to_string(), prev.id.clone())));
                    navigate(BACK, Default::default());
                }
                Err(e) => state.notify(store_error_text(&e, state.lang.get_untracked()), None),
            }
        });
    };
    let description_label: TextOf = |t| t.complaints.complaint_description;
    view! {
        <section class="page form-page" data-testid="complaint-page">
            <h1>{move || if is_new { t().complaints.complaint_new } else { t().complaints.complaint_edit }}</h1>
            {from_survey.then(|| view! { <p class="muted complaint-survey" data-testid="complaint-from-survey">{move || t().complaints.complaint_from_survey}</p> })}
            {(!is_new).then(|| view! { <StatusCard current/> })}
            <form on:submit=submit novalidate data-testid="complaint-form">
                {move || alert.get().map(|a| view! { <p class="alert" role="alert">{a}</p> })}
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
                    <button type="submit" class="btn primary" disabled=move || saving.get() data-testid="complaint-save">{move || t().save}</button>
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
        state.sales.with(|s| {
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
