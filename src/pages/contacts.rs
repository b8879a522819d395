//! Contacts: the people at a company customer. The card on the customer
//! page lists them; the form adds or edits one, including the other
//! companies the same person works with.

use crate::components::{record_route, DateField, FormAlert, FormStatus, SaveButton, TextField};
use crate::areas::area_routes;
use crate::areas::kind::{page, KindView};
use crate::i18n::{local_datetime, Lang, Texts};
use crate::state::AppState;
use crate::timeline::item::Item;
use daftar_core::check::Field;
use daftar_core::contacts::{self, Contact, ContactInput};
use daftar_core::locale::{format_date, localize_digits, parse_date};
use daftar_core::store::Record;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// Days ahead in which a birthday is pointed out.
const BIRTHDAY_DAYS: i64 = 7;

#[component]
pub fn ContactsCard(customer_id: String, contacts: Vec<Record>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let today = crate::browser_env::today();
    let rows: Vec<(String, Contact)> = contacts.iter().filter_map(|r| Some((r.id.clone(), r.decode::<Contact>().ok()?))).collect();
    let empty = rows.is_empty();
    view! {
        <div class="card" data-testid="contacts">
            <div class="card-head">
                <h2>{move || t().contacts.contacts}</h2>
                <a class="btn" href=format!("/contacts/new?customer={customer_id}") data-testid="add-contact">{move || t().contacts.add_contact}</a>
            </div>
            <Show when=move || empty><p class="muted">{move || t().contacts.no_contacts}</p></Show>
            <ul class="plain-list">
                {rows.into_iter().map(|(id, c)| {
                    let soon = c.birthday_within(today, BIRTHDAY_DAYS);
                    let phones = c.phones.clone();
                    view! {
                        <li class="contact-row">
                            <a href=format!("/contacts/{id}") class="row-title"><bdi>{c.name.clone()}</bdi></a>
                            {c.key_person.then(|| view! { <span class="badge" title=move || t().contacts.field_key_person>"★"</span> })}
                            {(!c.role.is_empty()).then(|| view! { <span class="muted">{c.role.clone()}</span> })}
                            {soon.then(|| view! { <span class="badge warm">{move || t().contacts.birthday_soon}</span> })}
                            {phones.into_iter().map(|p| {
                                let shown = p.clone();
                                view! { <a class="btn ghost tel" href=format!("tel:{p}") dir="ltr">{move || localize_digits(&shown, state.lang.get())}</a> }
                            }).collect_view()}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// Adding a contact: `/contacts/new?customer=ID`; editing: `/contacts/ID`.
#[component]
pub fn ContactEdit() -> impl IntoView {
    let query = use_query_map();
    record_route::<Contact, _>(|t| t.not_found, ("/customers", |t| t.customers.customers), move |existing| {
        let first_company = query.with_untracked(|q| q.get("customer"));
        view! { <ContactForm existing first_company/> }
    })
}

#[component]
fn ContactForm(existing: Option<(Record, Contact)>, first_company: Option<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = state.lang.get_untracked();
    let navigate = use_navigate();
    let mut input = existing.as_ref().map(|(_, contact)| ContactInput::from_contact(contact)).unwrap_or_default();
    if existing.is_none() {
        input.customer_ids.extend(first_company.clone());
    }
    let name = RwSignal::new(input.name);
    let role = RwSignal::new(input.role);
    let phones = RwSignal::new(localize_digits(&input.phones, lang));
    let email = RwSignal::new(input.email);
    let key_person = RwSignal::new(input.key_person);
    let birthday = RwSignal::new(input.birthday.map(|d| format_date(d, lang)).unwrap_or_default());
    let bad_birthday = RwSignal::new(false);
    let companies = RwSignal::new(input.customer_ids);
    let notes = RwSignal::new(input.notes);
    let status = FormStatus::new();
    let errors = status.errors;
    let existing = StoredValue::new(existing.map(|(record, _)| record));
    let back = move || companies.with_untracked(|c| c.first().map(|id| format!("/customers/{id}"))).unwrap_or_else(|| "/customers".into());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang.get_untracked();
        let birthday_text = birthday.get_untracked();
        let birthday = if birthday_text.trim().is_empty() {
            None
        } else {
            match parse_date(&birthday_text, lang) {
                Ok(d) => Some(d),
                Err(_) => return bad_birthday.set(true),
            }
        };
        bad_birthday.set(false);
        let input = ContactInput {
            name: name.get_untracked(),
            role: role.get_untracked(),
            phones: phones.get_untracked(),
            email: email.get_untracked(),
            key_person: key_person.get_untracked(),
            birthday,
            customer_ids: companies.get_untracked(),
            notes: notes.get_untracked(),
        };
        let navigate = navigate.clone();
        // Read now: after the save the page, and its signals, may be gone.
        let to = back();
        status.save(state, |t| t.contacts.contact_saved, async move { state.save_contact(existing.get_value().as_ref(), &input).await }, move |_| navigate(&to, Default::default()));
    };
    let is_new = existing.with_value(Option::is_none);
    view! {
        <section class="page form-page">
            <h1>{move || if is_new { t().contacts.add_contact } else { t().contacts.edit_contact }}</h1>
            <form on:submit=submit novalidate data-testid="contact-form">
                <FormAlert status/>
                <TextField errors=errors id="contact-name" label=|t| t.field_name value=name field=Field::Name required=true/>
                <TextField errors=errors id="contact-role" label=|t| t.contacts.field_role value=role field=Field::Other/>
                <TextField errors=errors id="contact-phones" label=|t| t.field_phones value=phones field=Field::Phones input_type="tel" inputmode="tel" ltr=true/>
                <TextField errors=errors id="contact-email" label=|t| t.customers.field_email value=email field=Field::Email input_type="email" inputmode="email" ltr=true/>
                <label class="check">
                    <input type="checkbox" prop:checked=move || key_person.get() on:change=move |ev| key_person.set(event_target_checked(&ev)) data-testid="contact-key"/>
                    {move || t().contacts.field_key_person}
                </label>
                <DateField id="contact-birthday" label=|t| t.contacts.field_birthday value=birthday invalid=bad_birthday/>
                <CompanyPicker companies/>
                <TextField errors=errors id="contact-notes" label=|t| t.field_notes value=notes field=Field::Notes multiline=true/>
                <div class="actions">
                    <SaveButton status testid="contact-save"/>
                    <a class="btn ghost" href=back()>{move || t().cancel}</a>
                </div>
            </form>
        </section>
    }
}

/// The companies a person is a contact of: remove one, or find and add another.
#[component]
fn CompanyPicker(companies: RwSignal<Vec<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let query = RwSignal::new(String::new());
    let name_of = move |id: &str| state.customers.with(|ix| ix.row(id).map(|r| r.name.clone())).unwrap_or_default();
    let matches = move || {
        let q = query.get();
        if q.trim().is_empty() {
            return Vec::new();
        }
        let taken = companies.get();
        state.customers.with(|ix| {
            ix.search(&q).into_iter().map(|i| &ix.rows()[i as usize]).filter(|r| !taken.contains(&r.id)).take(6).map(|r| (r.id.clone(), r.name.clone())).collect::<Vec<_>>()
        })
    };
    view! {
        <div class="field">
            <label for="company-search">{move || t().contacts.field_companies}</label>
            <ul class="plain-list">
                {move || companies.get().into_iter().map(|id| {
                    let remove_id = id.clone();
                    view! {
                        <li class="company-chip">
                            <bdi>{name_of(&id)}</bdi>
                            <button type="button" class="btn ghost" on:click=move |_| companies.update(|c| c.retain(|x| *x != remove_id))>{move || t().remove}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <input id="company-search" type="search" placeholder=move || t().contacts.add_company bind:value=query data-testid="company-search"/>
            <ul class="plain-list">
                {move || matches().into_iter().map(|(id, name)| view! {
                    <li><button type="button" class="btn ghost" on:click=move |_| { companies.update(|c| c.push(id.clone())); query.set(String::new()); }>
                        <bdi>{name}</bdi>
                    </button></li>
                }).collect_view()}
            </ul>
        </div>
    }
}

pub fn timeline_item(record: &Record, t: &Texts, lang: Lang) -> Option<Item> {
    let c: Contact = record.decode().ok()?;
    Some(Item {
        at: record.created_at,
        kind: "contact",
        label: t.contacts.timeline_contact.to_string(),
        title: c.name,
        detail: c.role,
        when: local_datetime(record.created_at, lang),
        href: Some(format!("/contacts/{}", record.id)),
    })
}

pub const KINDS: &[KindView] = &[KindView {
    kind: contacts::KIND,
    heading: |t| t.contacts.contacts,
    opens: |hit| page("/contacts", hit),
    timeline: Some(|r, t, lang| timeline_item(r, t, lang).into_iter().collect()),
    field: field_label,
}];

fn field_label(name: &str, t: &Texts) -> &'static str {
    match name {
        "role" => t.contacts.field_role,
        "phones" => t.field_phones,
        "email" => t.customers.field_email,
        "key_person" => t.contacts.field_key_person,
        "birthday" => t.contacts.field_birthday,
        "customer_ids" => t.contacts.field_companies,
        _ => "",
    }
}

area_routes!(ContactRoutes {
    "/contacts/new" | "/contacts/:id" => ContactEdit,
});
