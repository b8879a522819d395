use crate::i18n::{labels, store_error_text, TextOf};
use crate::state::{AppState, StoreStatus, ToastAction};
use crate::browser_env::today;
use crate::pages::activities::{type_code, ActivityDraft, ActivitySheet, LogBar};
use crate::pages::contacts::ContactsCard;
use crate::pages::tasks::TasksCard;
use crate::timeline::{self, Timeline};
use daftar_core::activities::ActivityType;
use daftar_core::customers::{self, days_since, Customer, KIND};
use daftar_core::{contacts, tasks};
use crate::i18n::local_datetime;
use daftar_core::locale::{format_date, localize_digits};
use daftar_core::store::{Change, Record};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

#[component]
pub fn CustomerShow() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    // Re-read when the list changes, so an edit here or in another tab shows at once;
    // and wait for the database, which a deep link reaches before it is open.
    let loaded = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        state.changes.track();
        let ready = state.store_status.get() == StoreStatus::Ready;
        async move {
            if !ready {
                return None;
            }
            let found = async {
                let span = crate::perf::start("daftar:open-customer");
                let record = state.customer(&id).await?;
                let history = state.customer_history(&id).await?;
                let linked = state.linked_to(KIND, &id).await?;
                span.end();
                Ok::<_, daftar_core::store::StoreError>((record, history, linked))
            };
            Some(found.await)
        }
    });
    // `?log=call&next=1` (from a finished task) opens the form at once and
    // plans the next step after it; the query is then cleared so a later
    // refresh does not open it again.
    let draft = ActivityDraft::new();
    let query = use_query_map();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let Some(code) = query.with(|q| q.get("log")) else { return };
        if let Some(kind) = ActivityType::ALL.into_iter().find(|k| type_code(*k) == code) {
            draft.start(kind, state.lang.get_untracked());
            draft.plan_next.set(query.with_untracked(|q| q.get("next").is_some()));
        }
        let id = params.with_untracked(|p| p.get("id").unwrap_or_default());
        navigate(&format!("/customers/{id}"), NavigateOptions { replace: true, ..Default::default() });
    });
    view! {
        <Suspense fallback=move || view! { <p class="muted">{state.t().loading}</p> }>
            {move || loaded.get().flatten().map(|res| match res {
                Ok((Some(record), history, linked)) if !record.deleted => match record.decode::<Customer>() {
                    Ok(customer) => view! { <Detail record customer history linked draft/> }.into_any(),
                    Err(_) => view! { <p class="alert">{state.t().customers.unreadable}</p> }.into_any(),
                },
                Ok((Some(record), _, _)) => view! { <Gone record/> }.into_any(),
                Ok(_) => view! { <p class="alert">{state.t().not_found}</p> }.into_any(),
                Err(e) => view! { <p class="alert">{store_error_text(&e, state.lang.get())}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Detail(record: Record, customer: Customer, history: Vec<Change>, linked: Vec<Record>, draft: ActivityDraft) -> impl IntoView {
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
            match state.delete_record(&prev).await {
                Ok(()) => {
                    state.notify(state.t().customers.deleted_customer.to_string(), Some(ToastAction::UndoDelete(KIND.to_string(), prev.id.clone())));
                    navigate("/customers", Default::default());
                }
                Err(e) => state.notify(store_error_text(&e, state.lang.get_untracked()), None),
            }
            deleting.set(false);
        });
    };
    let digits = move |s: String| localize_digits(&s, lang());
    let facts = customers::facts(&linked, js_sys::Date::now() as i64);
    let of_kind = |kind: &str| linked.iter().filter(|r| r.kind == kind).cloned().collect::<Vec<_>>();
    let contact_records = of_kind(contacts::KIND);
    let task_records = of_kind(tasks::KIND);
    let deal_records = of_kind(daftar_core::pipeline::DEAL_KIND);
    let contact_choices: Vec<(String, String)> =
        contact_records.iter().filter_map(|r| Some((r.id.clone(), r.decode::<contacts::Contact>().ok()?.name))).collect();
    // A memo: the timeline reads its items several times per render, and
    // building them decodes every linked record (2,000 on a big account).
    let timeline_items: Signal<Vec<timeline::Item>> = {
        let linked = linked.clone();
        Memo::new(move |_| timeline::items(&linked, &history, state.t(), lang())).into()
    };
    let after_log = {
        let navigate = use_navigate();
        let id = id.clone();
        Callback::new(move |_| {
            if draft.plan_next.get_untracked() {
                draft.plan_next.set(false);
                navigate(&format!("/tasks/new?customer={id}"), Default::default());
            }
        })
    };
    let since = c.since;
    let rows: Vec<(TextOf, Signal<String>)> = vec![
        (|t| t.customers.field_kind, Signal::derive({ let k = c.kind; move || labels::party_kind(k, state.t()).to_string() })),
        (|t| t.customers.field_customer_type, Signal::derive({ let k = c.customer_type; move || labels::customer_type(k, state.t()).to_string() })),
        (|t| t.field_phones, Signal::derive({ let p = c.phones.clone(); move || digits(p.join(state.t().list_separator)) })),
        (|t| t.customers.field_email, Signal::derive({ let e = c.email.clone(); move || e.clone() })),
        (|t| t.customers.field_preferred_contact, Signal::derive({ let k = c.preferred_contact; move || labels::contact_method(k, state.t()).to_string() })),
        (|t| t.customers.field_city, Signal::derive({
            let parts: Vec<String> = [c.city.clone(), c.province.clone()].into_iter().filter(|s| !s.is_empty()).collect();
            move || parts.join(state.t().list_separator)
        })),
        (|t| t.customers.field_address, Signal::derive({ let s = c.address.clone(); move || s.clone() })),
        (|t| t.customers.field_national_id, Signal::derive({ let s = c.national_id.clone(); move || digits(s.clone()) })),
        (|t| t.customers.field_economic_code, Signal::derive({ let s = c.economic_code.clone(); move || digits(s.clone()) })),
        (|t| t.customers.field_category, Signal::derive({ let s = c.category.clone(); move || s.clone() })),
        (|t| t.field_owner, Signal::derive({ let s = c.owner.clone(); move || s.clone() })),
        (|t| t.customers.field_since, Signal::derive(move || since.map(|d| format_date(d, lang())).unwrap_or_default())),
        (|t| t.customers.field_tags, Signal::derive({ let tags = c.tags.clone(); move || tags.join(state.t().list_separator) })),
        (|t| t.customers.field_lifecycle, Signal::derive({ let v = c.lifecycle; move || v.map(|v| labels::lifecycle(Some(v), state.t()).to_string()).unwrap_or_default() })),
        (|t| t.customers.field_loyalty, Signal::derive({ let v = c.loyalty; move || v.map(|v| labels::loyalty(Some(v), state.t()).to_string()).unwrap_or_default() })),
        (|t| t.customers.field_value_segment, Signal::derive({ let v = c.value_segment; move || v.map(|v| labels::value_segment(Some(v), state.t()).to_string()).unwrap_or_default() })),
        (|t| t.customers.field_source, Signal::derive({ let v = c.source; move || v.map(|v| labels::source(Some(v), state.t()).to_string()).unwrap_or_default() })),
        (|t| t.customers.last_contact, Signal::derive(move || match facts.last_contact {
            Some(at) => {
                let days = days_since(crate::browser_env::ms_to_local(at).date(), today());
                format!("{}{}{}", local_datetime(at, lang()), state.t().part_separator, state.t().customers.days_ago(days))
            }
            None => state.t().customers.never.to_string(),
        })),
        (|t| t.customers.days_since_purchase, Signal::derive(move || facts.last_purchase.map(|d| localize_digits(&days_since(d, today()).to_string(), lang())).unwrap_or_default())),
        (|t| t.created, Signal::derive(move || local_datetime(created, lang()))),
        (|t| t.updated, Signal::derive(move || local_datetime(updated, lang()))),
    ];
    view! {
        <section class="page detail-page">
            <div class="list-head">
                <h1 data-testid="customer-name">{c.name.clone()}</h1>
                <A href=format!("/customers/{id}/edit") attr:class="btn primary" attr:data-testid="edit">{move || t().edit}</A>
                <A href=format!("/customers/{id}/merge") attr:class="btn" attr:data-testid="merge">{move || t().customers.merge}</A>
                <A href=format!("/complaints/new?customer={id}") attr:class="btn" attr:data-testid="new-complaint">{move || t().customers.new_complaint}</A>
                <A href=format!("/warranty/items/new?customer={id}") attr:class="btn" attr:data-testid="register-item">{move || t().warranty.item_new}</A>
                <button class="btn danger" on:click=delete disabled=move || deleting.get() data-testid="delete">{move || t().delete}</button>
            </div>
            <LogBar draft/>
            <ActivitySheet customer_id=id.clone() contacts=contact_choices draft on_saved=after_log/>
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
            <TasksCard customer_id=id.clone() tasks=task_records/>
            <crate::pages::pipeline::DealsCard customer_id=id.clone() deals=deal_records/>
            <ContactsCard customer_id=id.clone() contacts=contact_records/>
            <Timeline items=timeline_items/>
        </section>
    }
}

/// A deleted customer: merged into another (with a link to it) or removed.
#[component]
fn Gone(record: Record) -> impl IntoView {
    let state = expect_context::<AppState>();
    let merged_into = record.fields.get(customers::MERGED_INTO).and_then(|v| v.as_str()).map(str::to_string);
    match merged_into {
        Some(other) => view! {
            <div class="card" data-testid="merged-away">
                <p>{move || state.t().customers.merged_into_note}</p>
                <A href=format!("/customers/{other}") attr:class="btn primary">{move || state.t().customers.open_merged}</A>
            </div>
        }
        .into_any(),
        None => view! { <p class="alert">{move || state.t().not_found}</p> }.into_any(),
    }
}
