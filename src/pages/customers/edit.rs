use super::fields::{ChoiceField, CustomerForm, TextField};
use crate::components::DateField;
use crate::i18n::{labels, store_error_text};
use crate::state::{AppState, SaveError};
use daftar_core::customers::{ContactMethod, Customer, CustomerInput, CustomerType, Field, PartyKind};
use daftar_core::store::Record;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

/// New customer (no id in the path) or edit of an existing one.
#[component]
pub fn CustomerEdit() -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = move || use_params_map().with(|p| p.get("id"));
    let loaded = LocalResource::new(move || {
        let id = id();
        async move {
            match id {
                None => Ok(None),
                Some(id) => state.customer(&id).await,
            }
        }
    });
    view! {
        <Suspense fallback=move || view! { <p class="muted">{state.t().loading}</p> }>
            {move || loaded.get().map(|res| match res {
                Ok(record) => view! { <Form existing=record/> }.into_any(),
                Err(e) => view! { <p class="alert">{store_error_text(&e, state.lang.get())}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Form(existing: Option<Record>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let navigate = use_navigate();
    let customer: Option<Customer> = existing.as_ref().and_then(|r| r.decode().ok());
    let initial = customer.as_ref().map(CustomerInput::from_customer).unwrap_or_default();
    let form = CustomerForm::new(initial, state.lang.get_untracked());
    let alert = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    let is_new = existing.is_none();
    let existing = StoredValue::new(existing);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let lang = state.lang.get_untracked();
        let Some(input) = form.input(lang) else {
            alert.set(Some(state.t().fix_errors.to_string()));
            return;
        };
        saving.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match state.save_customer(existing.get_value(), input).await {
                Ok(id) => {
                    form.errors.set(Vec::new());
                    state.notify(state.t().saved.to_string(), None);
                    navigate(&format!("/customers/{id}"), Default::default());
                }
                Err(SaveError::Invalid(errors)) => {
                    form.errors.set(errors);
                    alert.set(Some(state.t().fix_errors.to_string()));
                }
                Err(SaveError::Store(e)) => alert.set(Some(store_error_text(&e, lang))),
            }
            saving.set(false);
        });
    };
    let cancel_href = existing.with_value(|e| e.as_ref().map(|r| format!("/customers/{}", r.id))).unwrap_or_else(|| "/customers".into());

    view! {
        <section class="page form-page">
            <h1>{move || if is_new { t().new_customer.to_string() } else { format!("{} · {}", t().edit, form.name.get()) }}</h1>
            <form on:submit=submit novalidate data-testid="customer-form">
                {move || alert.get().map(|a| view! { <p class="alert" role="alert" data-testid="form-alert">{a}</p> })}
                <TextField form=form id="name" label=|t| t.field_name value=form.name field=Field::Name required=true/>
                <div class="row2">
                    <ChoiceField id="kind" label=|t| t.field_kind value=form.kind choices=&PartyKind::ALL name_of=labels::party_kind/>
                    <ChoiceField id="customer_type" label=|t| t.field_customer_type value=form.customer_type
                        choices=&CustomerType::ALL name_of=labels::customer_type/>
                </div>
                <TextField form=form id="phones" label=|t| t.field_phones value=form.phones field=Field::Phones
                    hint=|t| t.field_phones_hint input_type="tel" inputmode="tel"/>
                <TextField form=form id="email" label=|t| t.field_email value=form.email field=Field::Email
                    input_type="email" inputmode="email"/>
                <ChoiceField id="preferred_contact" label=|t| t.field_preferred_contact value=form.preferred_contact
                    choices=&ContactMethod::ALL name_of=labels::contact_method/>
                <div class="row2">
                    <TextField form=form id="city" label=|t| t.field_city value=form.city/>
                    <TextField form=form id="province" label=|t| t.field_province value=form.province/>
                </div>
                <TextField form=form id="address" label=|t| t.field_address value=form.address/>
                <div class="row2">
                    <TextField form=form id="national_id" label=|t| t.field_national_id value=form.national_id
                        field=Field::NationalId inputmode="numeric"/>
                    <TextField form=form id="economic_code" label=|t| t.field_economic_code value=form.economic_code
                        field=Field::EconomicCode inputmode="numeric"/>
                </div>
                <div class="row2">
                    <TextField form=form id="category" label=|t| t.field_category value=form.category/>
                    <TextField form=form id="owner" label=|t| t.field_owner value=form.owner/>
                </div>
                <DateField id="since" label=|t| t.field_since value=form.since invalid=form.bad_date/>
                <TextField form=form id="tags" label=|t| t.field_tags value=form.tags field=Field::Tags hint=|t| t.field_tags_hint/>
                <TextField form=form id="notes" label=|t| t.field_notes value=form.notes field=Field::Notes multiline=true/>
                <div class="actions">
                    <button type="submit" class="btn primary" disabled=move || saving.get() data-testid="save">{move || t().save}</button>
                    <a class="btn ghost" href=cancel_href>{move || t().cancel}</a>
                </div>
            </form>
        </section>
    }
}
