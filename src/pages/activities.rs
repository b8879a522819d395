//! Logging an activity from the customer page: one tap on its type opens
//! this sheet with the time set to now and the cursor in the first box;
//! one more tap saves. Visits add the visit report's fields.

use crate::browser_env::{local_to_ms, ms_to_local, now_local};
use crate::components::{FormAlert, FormStatus, SaveButton, TextField, When, WhenField};
use crate::areas::area_routes;
use crate::areas::kind::{page, KindView};
use crate::i18n::{labels, local_datetime, store_error_text, Lang, Texts};
use crate::state::{AppState, StoreStatus, ToastAction};
use crate::timeline::item::Item;
use daftar_core::activities::{self, Activity, ActivityInput, ActivityType};
use daftar_core::check::{Field, FieldError};
use daftar_core::store::Record;
use daftar_core::locale::localize_digits;
use leptos::html;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the activity form holds. It lives with the customer page rather
/// than the form, so a refresh of the page (a write in another tab) never
/// wipes what the user is typing.
#[derive(Clone, Copy)]
pub struct ActivityDraft {
    /// The type being logged; None while the form is closed.
    pub open: RwSignal<Option<ActivityType>>,
    /// After saving, go on to plan the next step (a new task).
    pub plan_next: RwSignal<bool>,
    when: When,
    subject: RwSignal<String>,
    notes: RwSignal<String>,
    contact_id: RwSignal<String>,
    purpose: RwSignal<String>,
    outcome: RwSignal<String>,
    next_step: RwSignal<String>,
    duration: RwSignal<String>,
    location: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    alert: RwSignal<Option<String>>,
}

impl Default for ActivityDraft {
    fn default() -> Self {
        Self::new()
    }
}

impl ActivityDraft {
    pub fn new() -> Self {
        Self {
            open: RwSignal::new(None),
            plan_next: RwSignal::new(false),
            when: When::new(None, Lang::default()),
            subject: RwSignal::new(String::new()),
            notes: RwSignal::new(String::new()),
            contact_id: RwSignal::new(String::new()),
            purpose: RwSignal::new(String::new()),
            outcome: RwSignal::new(String::new()),
            next_step: RwSignal::new(String::new()),
            duration: RwSignal::new(String::new()),
            location: RwSignal::new(String::new()),
            errors: RwSignal::new(Vec::new()),
            alert: RwSignal::new(None),
        }
    }

    /// Opens the form on a logged activity, to correct it.
    pub fn load(&self, a: &Activity, lang: Lang) {
        let input = ActivityInput::from_activity(a);
        self.when.show(Some(ms_to_local(a.at)), lang);
        for (signal, value) in [
            (self.subject, input.subject),
            (self.notes, input.notes),
            (self.contact_id, input.contact_id),
            (self.purpose, input.purpose),
            (self.outcome, input.outcome),
            (self.next_step, input.next_step),
            (self.duration, localize_digits(&input.duration_minutes, lang)),
            (self.location, input.location),
        ] {
            signal.set(value);
        }
        self.errors.set(Vec::new());
        self.alert.set(None);
        self.open.set(Some(a.activity_type));
    }

    /// Opens an empty form of `kind` at the current time.
    pub fn start(&self, kind: ActivityType, lang: Lang) {
        self.when.show(Some(now_local()), lang);
        for s in [self.subject, self.notes, self.contact_id, self.purpose, self.outcome, self.next_step, self.duration, self.location] {
            s.set(String::new());
        }
        self.errors.set(Vec::new());
        self.alert.set(None);
        self.open.set(Some(kind));
    }
}

/// The quick-log buttons: one per activity type.
#[component]
pub fn LogBar(draft: ActivityDraft) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="log-bar" role="group" aria-label=move || state.t().activities.log_activity>
            {ActivityType::ALL.map(|kind| view! {
                <button class="btn" class:primary=move || draft.open.get() == Some(kind)
                    data-testid=format!("log-{}", type_code(kind)) on:click=move |_| draft.start(kind, state.lang.get_untracked())>
                    {move || labels::activity_type(kind, state.t())}
                </button>
            })}
        </div>
    }
}

pub fn type_code(kind: ActivityType) -> &'static str {
    match kind {
        ActivityType::Call => "call",
        ActivityType::Meeting => "meeting",
        ActivityType::Visit => "visit",
        ActivityType::Email => "email",
        ActivityType::Note => "note",
        ActivityType::Negotiation => "negotiation",
    }
}

#[component]
pub fn ActivitySheet(
    customer_id: String,
    /// The customer's contacts as (id, name), to pick who it was with.
    contacts: Vec<(String, String)>,
    draft: ActivityDraft,
    /// Called after a save (e.g. to go on and plan the next step).
    #[prop(optional)]
    on_saved: Option<Callback<()>>,
    /// The activity being corrected; None to log a new one.
    #[prop(optional)]
    existing: Option<Record>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let ActivityDraft { open, when, subject, notes, contact_id, purpose, outcome, next_step, duration, location, errors, alert, .. } = draft;
    // The draft keeps errors and alert across openings of the sheet.
    let status = FormStatus { errors, alert, saving: RwSignal::new(false) };
    let saving = status.saving;
    let first_box = NodeRef::<html::Div>::new();
    // The cursor goes to the first box whenever the form shows.
    Effect::new(move |_| {
        if open.get().is_some() {
            request_animation_frame(move || {
                if let Some(input) = first_box.get_untracked().and_then(|d| d.query_selector("input, textarea").ok().flatten()) {
                    let _ = input.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            });
        }
    });
    let customer_id = StoredValue::new(customer_id);
    let existing = StoredValue::new(existing);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(kind) = open.get_untracked() else { return };
        if saving.get_untracked() {
            return;
        }
        let lang = state.lang.get_untracked();
        let Ok(at) = when.read(lang) else { return };
        let input = ActivityInput {
            activity_type: kind,
            at: at.map(local_to_ms).unwrap_or_else(|| js_sys::Date::now() as i64),
            subject: subject.get_untracked(),
            notes: notes.get_untracked(),
            customer_id: customer_id.get_value(),
            contact_id: contact_id.get_untracked(),
            // Core keeps who logged it when this is a correction.
            owner: state.my_name_untracked(),
            purpose: purpose.get_untracked(),
            outcome: outcome.get_untracked(),
            next_step: next_step.get_untracked(),
            duration_minutes: duration.get_untracked(),
            location: location.get_untracked(),
        };
        status.save(state, |t| t.activities.activity_saved, async move { state.save_activity(existing.get_value().as_ref(), &input).await }, move |_| {
            open.set(None);
            if let Some(done) = on_saved {
                done.run(());
            }
        });
    };
    let has_contacts = !contacts.is_empty();
    let contacts = StoredValue::new(contacts);
    let is_visit = move || open.get() == Some(ActivityType::Visit);
    view! {
        <Show when=move || open.get().is_some()>
            <form class="card sheet" on:submit=submit novalidate data-testid="activity-form">
                <h2>{move || open.get().map(|k| if k == ActivityType::Visit { t().activities.visit_report } else { labels::activity_type(k, t()) })}</h2>
                <FormAlert status/>
                <div node_ref=first_box>
                    <Show when=is_visit fallback=move || view! {
                        <TextField errors=errors id="activity-subject" label=|t| t.activities.field_subject value=subject field=Field::Subject/>
                    }>
                        <TextField errors=errors id="visit-purpose" label=|t| t.activities.field_purpose value=purpose field=Field::Other/>
                    </Show>
                </div>
                <Show when=is_visit>
                    <TextField errors=errors id="visit-outcome" label=|t| t.activities.field_outcome value=outcome field=Field::Other multiline=true/>
                    <TextField errors=errors id="visit-next-step" label=|t| t.activities.field_next_step value=next_step field=Field::Other/>
                    <div class="row2">
                        <TextField errors=errors id="visit-duration" label=|t| t.activities.field_duration value=duration field=Field::Duration inputmode="numeric"/>
                        <TextField errors=errors id="visit-location" label=|t| t.activities.field_location value=location field=Field::Other/>
                    </div>
                </Show>
                <Show when=move || !is_visit()>
                    <TextField errors=errors id="activity-notes" label=|t| t.field_notes value=notes field=Field::Notes multiline=true/>
                </Show>
                <WhenField id="activity-when" label=|t| t.activities.field_when when=when/>
                <Show when=move || has_contacts>
                    <div class="field">
                        <label for="activity-contact">{move || t().field_contact}</label>
                        <select id="activity-contact" prop:value=move || contact_id.get() on:change=move |ev| contact_id.set(event_target_value(&ev))>
                            <option value="">{move || t().no_contact}</option>
                            {contacts.get_value().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                        </select>
                    </div>
                </Show>
                <div class="actions">
                    <SaveButton status testid="activity-save"/>
                    <button type="button" class="btn ghost" on:click=move |_| open.set(None)>{move || t().cancel}</button>
                </div>
            </form>
        </Show>
    }
}

/// How an activity shows on a customer's timeline.
pub fn timeline_item(record: &Record, t: &Texts, lang: Lang) -> Option<Item> {
    let a: Activity = record.decode().ok()?;
    let mut detail = Vec::new();
    if let Some(v) = &a.visit {
        for (label, text) in [(t.activities.field_purpose, &v.purpose), (t.activities.field_next_step, &v.next_step), (t.activities.field_location, &v.location)] {
            if !text.is_empty() {
                detail.push(format!("{label}: {text}"));
            }
        }
        if v.duration_minutes > 0 {
            detail.push(format!("{}: {}", t.activities.field_duration, daftar_core::locale::localize_digits(&v.duration_minutes.to_string(), lang)));
        }
    }
    if !a.notes.is_empty() && a.headline() != a.notes {
        detail.push(a.notes.clone());
    }
    let when = local_datetime(a.at, lang);
    Some(Item {
        at: a.at,
        kind: type_code(a.activity_type),
        label: labels::activity_type(a.activity_type, t).to_string(),
        title: a.headline(),
        detail: detail.join("\n"),
        when,
        href: Some(format!("/activities/{}", record.id)),
    })
}

/// Correcting or deleting a logged activity: `/activities/ID`.
#[component]
pub fn ActivityEdit() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let loaded = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        let ready = state.store_status.get() == StoreStatus::Ready;
        async move {
            if !ready {
                return None;
            }
            let record = state.record(daftar_core::activities::KIND, &id).await.ok().flatten()?;
            let activity = record.decode::<Activity>().ok()?;
            let contacts = state.linked_to(daftar_core::customers::KIND, &activity.customer_id).await.unwrap_or_default();
            Some((record, activity, contacts))
        }
    });
    view! {
        <Suspense fallback=move || view! { <p class="muted">{state.t().loading}</p> }>
            {move || loaded.get().map(|found| match found {
                Some((record, activity, linked)) if !record.deleted => view! { <EditActivity record activity linked/> }.into_any(),
                _ => view! { <p class="alert">{state.t().not_found}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn EditActivity(record: Record, activity: Activity, linked: Vec<Record>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let navigate = use_navigate();
    let draft = ActivityDraft::new();
    draft.load(&activity, state.lang.get_untracked());
    let back = format!("/customers/{}", activity.customer_id);
    let contacts: Vec<(String, String)> = linked
        .iter()
        .filter(|r| r.kind == daftar_core::contacts::KIND)
        .filter_map(|r| Some((r.id.clone(), r.decode::<daftar_core::contacts::Contact>().ok()?.name)))
        .collect();
    // Saving or cancelling closes the form: back to the customer.
    Effect::new({
        let (navigate, back) = (navigate.clone(), back.clone());
        move |_| {
            if draft.open.get().is_none() {
                navigate(&back, Default::default());
            }
        }
    });
    let record = StoredValue::new(record);
    let delete = move |_| {
        let navigate = navigate.clone();
        let back = back.clone();
        leptos::task::spawn_local(async move {
            let r = record.get_value();
            match state.delete_record(&r).await {
                Ok(()) => {
                    state.notify(state.t_untracked().activities.activity_deleted.to_string(), Some(ToastAction::UndoDelete(r.kind.clone(), r.id.clone())));
                    navigate(&back, Default::default());
                }
                Err(e) => state.notify(store_error_text(&e, state.lang.get_untracked()), None),
            }
        });
    };
    view! {
        <section class="page form-page">
            <ActivitySheet customer_id=activity.customer_id.clone() contacts draft existing=record.get_value()/>
            <button class="btn danger" on:click=delete data-testid="activity-delete">{move || t().delete}</button>
        </section>
    }
}

pub const KINDS: &[KindView] = &[KindView {
    kind: activities::KIND,
    heading: |t| t.activities.activities,
    opens: |hit| page("/activities", hit),
    timeline: Some(|r, t, lang| timeline_item(r, t, lang).into_iter().collect()),
    field: field_label,
}];

fn field_label(name: &str, t: &Texts) -> &'static str {
    match name {
        "subject" => t.activities.field_subject,
        "at" => t.activities.field_when,
        "visit" => t.activities.visit_report,
        _ => "",
    }
}

area_routes!(ActivityRoutes {
    "/activities/:id" => ActivityEdit,
});
