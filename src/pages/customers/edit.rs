use crate::components::{ChoiceField, FormAlert, FormStatus, SaveButton, TextField};
use super::fields::{CustomerForm, LIFECYCLE_CHOICES, LOYALTY_CHOICES, SEGMENT_CHOICES, SOURCE_CHOICES};
use crate::components::DateField;
use crate::i18n::{labels, store_error_text};
use crate::state::{AppState, StoreStatus};
use daftar_core::customers::{ContactMethod, Customer, CustomerInput, CustomerType, Duplicate, Field, PartyKind};
use daftar_core::store::Record;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

/// What the edit page opens on.
#[derive(Clone)]
enum Subject {
    New,
    Existing(Box<(Record, Customer)>),
    /// The id names no customer, or a deleted one.
    Missing,
    /// Stored by a version this one cannot read: editing it could lose data.
    Unreadable,
}

/// New customer (no id in the path) or edit of an existing one.
#[component]
pub fn CustomerEdit() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let loaded = LocalResource::new(move || {
        let id = params.with(|p| p.get("id"));
        // Wait for the database: a deep link or reload gets here before it is open.
        let ready = state.store_status.get() == StoreStatus::Ready;
        async move {
            if !ready {
                return None;
            }
            Some(match id {
                None => Ok(Subject::New),
                Some(id) => state.customer(&id).await.map(|found| match found {
                    Some(record) if !record.deleted => match record.decode::<Customer>() {
                        Ok(customer) => Subject::Existing(Box::new((record, customer))),
                        Err(_) => Subject::Unreadable,
                    },
                    _ => Subject::Missing,
                }),
            })
        }
    });
    let t = move || state.t();
    view! {
        <Suspense fallback=move || view! { <p class="muted">{t().loading}</p> }>
            {move || loaded.get().flatten().map(|res| match res {
                Ok(Subject::New) => view! { <Form existing=None/> }.into_any(),
                Ok(Subject::Existing(found)) => view! { <Form existing=Some(*found)/> }.into_any(),
                Ok(Subject::Missing) => view! { <p class="alert">{t().not_found}</p> }.into_any(),
                Ok(Subject::Unreadable) => view! { <p class="alert">{t().customers.unreadable}</p> }.into_any(),
                Err(e) => view! { <p class="alert">{store_error_text(&e, state.lang.get())}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Form(existing: Option<(Record, Customer)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let navigate = use_navigate();
    let initial = existing.as_ref().map(|(_, c)| CustomerInput::from_customer(c)).unwrap_or_default();
    let existing = existing.map(|(record, _)| record);
    let form = CustomerForm::new(initial, state.lang.get_untracked());
    let status = FormStatus { errors: form.errors, alert: RwSignal::new(None), saving: RwSignal::new(false) };
    let alert = status.alert;
    let duplicates = RwSignal::new(Vec::<Duplicate>::new());
    let duplicates_accepted = RwSignal::new(false);
    let is_new = existing.is_none();
    let existing = StoredValue::new(existing);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if status.saving.get_untracked() {
            return;
        }
        let lang = state.lang.get_untracked();
        let Some(input) = form.input(lang) else {
            alert.set(Some(state.t().fix_errors.to_string()));
            return;
        };
        // Warn once about customers that look the same; "save anyway" goes on.
        if !duplicates_accepted.get_untracked() {
            let except = existing.with_value(|e| e.as_ref().map(|r| r.id.clone()));
            let found = state.likely_duplicates(&input, except.as_deref());
            if !found.is_empty() {
                duplicates.set(found);
                return;
            }
        }
        let navigate = navigate.clone();
        status.save(state, |t| t.saved, async move { state.save_customer(existing.get_value(), input).await }, move |id| navigate(&format!("/customers/{id}"), Default::default()));
    };
    let cancel_href = existing.with_value(|e| e.as_ref().map(|r| format!("/customers/{}", r.id))).unwrap_or_else(|| "/customers".into());

    view! {
        <section class="page form-page">
            <h1>{move || if is_new { t().customers.new_customer.to_string() } else { format!("{}{}{}", t().edit, t().part_separator, form.name.get()) }}</h1>
            <form on:submit=submit novalidate data-testid="customer-form">
                <FormAlert status/>
                <TextField errors=form.errors id="name" label=|t| t.field_name value=form.name field=Field::Name required=true/>
                <div class="row2">
                    <ChoiceField id="kind" label=|t| t.customers.field_kind value=form.kind choices=&PartyKind::ALL name_of=labels::party_kind/>
                    <ChoiceField id="customer_type" label=|t| t.customers.field_customer_type value=form.customer_type
                        choices=&CustomerType::ALL name_of=labels::customer_type/>
                </div>
                <TextField errors=form.errors id="phones" label=|t| t.field_phones value=form.phones field=Field::Phones
                    hint=|t| t.customers.field_phones_hint input_type="tel" inputmode="tel" ltr=true/>
                <TextField errors=form.errors id="email" label=|t| t.customers.field_email value=form.email field=Field::Email
                    input_type="email" inputmode="email" ltr=true/>
                <ChoiceField id="preferred_contact" label=|t| t.customers.field_preferred_contact value=form.preferred_contact
                    choices=&ContactMethod::ALL name_of=labels::contact_method/>
                <div class="row2">
                    <TextField errors=form.errors id="city" label=|t| t.customers.field_city value=form.city/>
                    <TextField errors=form.errors id="province" label=|t| t.customers.field_province value=form.province/>
                </div>
                <TextField errors=form.errors id="address" label=|t| t.customers.field_address value=form.address/>
                <div class="row2">
                    <TextField errors=form.errors id="national_id" label=|t| t.customers.field_national_id value=form.national_id
                        field=Field::NationalId inputmode="numeric" ltr=true/>
                    <TextField errors=form.errors id="economic_code" label=|t| t.customers.field_economic_code value=form.economic_code
                        field=Field::EconomicCode inputmode="numeric" ltr=true/>
                </div>
                <div class="row2">
                    <TextField errors=form.errors id="category" label=|t| t.customers.field_category value=form.category/>
                    <TextField errors=form.errors id="owner" label=|t| t.field_owner value=form.owner/>
                </div>
                <DateField id="since" label=|t| t.customers.field_since value=form.since invalid=form.bad_date/>
                <div class="row2">
                    <ChoiceField id="lifecycle" label=|t| t.customers.field_lifecycle value=form.lifecycle choices=&LIFECYCLE_CHOICES name_of=labels::lifecycle/>
                    <ChoiceField id="loyalty" label=|t| t.customers.field_loyalty value=form.loyalty choices=&LOYALTY_CHOICES name_of=labels::loyalty/>
                </div>
                <div class="row2">
                    <ChoiceField id="value_segment" label=|t| t.customers.field_value_segment value=form.value_segment choices=&SEGMENT_CHOICES name_of=labels::value_segment/>
                    <ChoiceField id="source" label=|t| t.customers.field_source value=form.source choices=&SOURCE_CHOICES name_of=labels::source/>
                </div>
                <TextField errors=form.errors id="tags" label=|t| t.customers.field_tags value=form.tags field=Field::Tags hint=|t| t.customers.field_tags_hint/>
                <TextField errors=form.errors id="notes" label=|t| t.field_notes value=form.notes field=Field::Notes multiline=true/>
                <Show when=move || !duplicates.with(Vec::is_empty)>
                    <div class="warning" role="alert" data-testid="duplicates">
                        <p><strong>{move || t().customers.dup_title}</strong></p>
                        <ul>
                            {move || duplicates.get().into_iter().map(|d| {
                                let reasons = move || d.reasons.iter().map(|r| labels::duplicate_reason(*r, state.t())).collect::<Vec<_>>().join(state.t().list_separator);
                                view! { <li><a href=format!("/customers/{}", d.id)><bdi>{d.name.clone()}</bdi></a>{move || state.t().part_separator}<span class="muted">{reasons}</span></li> }
                            }).collect_view()}
                        </ul>
                        <button type="submit" class="btn" data-testid="save-anyway" on:click=move |_| duplicates_accepted.set(true)>
                            {move || t().customers.save_anyway}
                        </button>
                    </div>
                </Show>
                <div class="actions">
                    <SaveButton status testid="save"/>
                    <a class="btn ghost" href=cancel_href>{move || t().cancel}</a>
                </div>
            </form>
        </section>
    }
}
