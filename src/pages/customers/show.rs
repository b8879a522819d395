use crate::i18n::{labels, store_error_text, TextOf};
use crate::state::{AppState, StoreStatus};
use daftar_core::customers::Customer;
use crate::i18n::local_datetime;
use daftar_core::locale::{format_date, localize_digits};
use daftar_core::store::{Change, Record};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn CustomerShow() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    // Re-read when the list changes, so an edit here or in another tab shows at once;
    // and wait for the database, which a deep link reaches before it is open.
    let loaded = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        state.customers.track();
        let ready = state.store_status.get() == StoreStatus::Ready;
        async move {
            if !ready {
                return None;
            }
            let found = async {
                let record = state.customer(&id).await?;
                let history = state.customer_history(&id).await?;
                Ok::<_, daftar_core::store::StoreError>((record, history))
            };
            Some(found.await)
        }
    });
    view! {
        <Suspense fallback=move || view! { <p class="muted">{state.t().loading}</p> }>
            {move || loaded.get().flatten().map(|res| match res {
                Ok((Some(record), history)) if !record.deleted => match record.decode::<Customer>() {
                    Ok(customer) => view! { <Detail record customer history/> }.into_any(),
                    Err(_) => view! { <p class="alert">{state.t().unreadable}</p> }.into_any(),
                },
                Ok(_) => view! { <p class="alert">{state.t().not_found}</p> }.into_any(),
                Err(e) => view! { <p class="alert">{store_error_text(&e, state.lang.get())}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Detail(record: Record, customer: Customer, history: Vec<Change>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let navigate = use_navigate();
    let c = customer;
    let lang = move || state.lang.get();
    let id = record.id.clone();
    let (created, updated) = (record.created_at, record.updated_at);
    let record = StoredValue::new(record);
    let deleting = RwSignal::new(false);
    let delete = move |_| {
        if deleting.get_untracked() {
            return;
        }
        deleting.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let prev = record.get_value();
            match state.delete_customer(&prev).await {
                Ok(()) => {
                    state.notify(state.t().deleted_customer.to_string(), Some(prev.id.clone()));
                    navigate("/customers", Default::default());
                }
                Err(e) => state.notify(store_error_text(&e, state.lang.get_untracked()), None),
            }
            deleting.set(false);
        });
    };
    let digits = move |s: String| localize_digits(&s, lang());
    let since = c.since;
    let rows: Vec<(TextOf, Signal<String>)> = vec![
        (|t| t.field_kind, Signal::derive({ let k = c.kind; move || labels::party_kind(k, state.t()).to_string() })),
        (|t| t.field_customer_type, Signal::derive({ let k = c.customer_type; move || labels::customer_type(k, state.t()).to_string() })),
        (|t| t.field_phones, Signal::derive({ let p = c.phones.clone(); move || digits(p.join(state.t().list_separator)) })),
        (|t| t.field_email, Signal::derive({ let e = c.email.clone(); move || e.clone() })),
        (|t| t.field_preferred_contact, Signal::derive({ let k = c.preferred_contact; move || labels::contact_method(k, state.t()).to_string() })),
        (|t| t.field_city, Signal::derive({
            let parts: Vec<String> = [c.city.clone(), c.province.clone()].into_iter().filter(|s| !s.is_empty()).collect();
            move || parts.join(state.t().list_separator)
        })),
        (|t| t.field_address, Signal::derive({ let s = c.address.clone(); move || s.clone() })),
        (|t| t.field_national_id, Signal::derive({ let s = c.national_id.clone(); move || digits(s.clone()) })),
        (|t| t.field_economic_code, Signal::derive({ let s = c.economic_code.clone(); move || digits(s.clone()) })),
        (|t| t.field_category, Signal::derive({ let s = c.category.clone(); move || s.clone() })),
        (|t| t.field_owner, Signal::derive({ let s = c.owner.clone(); move || s.clone() })),
        (|t| t.field_since, Signal::derive(move || since.map(|d| format_date(d, lang())).unwrap_or_default())),
        (|t| t.field_tags, Signal::derive({ let tags = c.tags.clone(); move || tags.join(state.t().list_separator) })),
        (|t| t.created, Signal::derive(move || local_datetime(created, lang()))),
        (|t| t.updated, Signal::derive(move || local_datetime(updated, lang()))),
    ];
    view! {
        <section class="page detail-page">
            <div class="list-head">
                <h1 data-testid="customer-name">{c.name.clone()}</h1>
                <A href=format!("/customers/{id}/edit") attr:class="btn primary" attr:data-testid="edit">{move || t().edit}</A>
                <button class="btn danger" on:click=delete disabled=move || deleting.get() data-testid="delete">{move || t().delete}</button>
            </div>
            <dl class="card facts">
                {rows.into_iter().map(|(label, value)| view! {
                    <Show when=move || !value.with(String::is_empty)>
                        <dt>{move || label(state.t())}</dt>
                        <dd><bdi>{move || value.get()}</bdi></dd>
                    </Show>
                }).collect_view()}
            </dl>
            <Show when={let empty = c.notes.is_empty(); move || !empty}>
                <div class="card notes"><h2>{move || t().field_notes}</h2><p class="pre">{c.notes.clone()}</p></div>
            </Show>
            <div class="card">
                <h2>{move || t().history}</h2>
                <ol class="history">
                    {history.into_iter().rev().map(|ch| view! {
                        <li>
                            <span>{move || labels::op(ch.op, state.t())}</span>
                            " · "
                            <span class="muted">{move || local_datetime(ch.at, lang())}</span>
                            <span class="muted">{move || {
                                let t = state.t();
                                let names: Vec<&str> = ch.fields.iter().map(|f| labels::customer_field(&f.field, t)).filter(|n| !n.is_empty()).collect();
                                if names.is_empty() { String::new() } else { format!(" · {}", names.join(t.list_separator)) }
                            }}</span>
                        </li>
                    }).collect_view()}
                </ol>
            </div>
        </section>
    }
}
