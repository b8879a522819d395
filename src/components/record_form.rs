//! What every record form shares, written once: opening the record its route
//! names (or saying it is gone), and the save / delete sequence with its
//! errors, toast, undo and way back.

use std::future::Future;

use crate::i18n::{save_error_text, store_error_text, TextOf};
use crate::state::{AppState, SaveError, StoreStatus, ToastAction};
use daftar_core::check::FieldError;
use daftar_core::store::{Record, RecordKind, StoreError};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

/// Where a form goes back to: the list's address and its name.
pub type Back = (&'static str, TextOf);

/// What a page shows of the record its address names (`:id`), read by
/// `read` and read again after every write: here, in another tab, by sync.
pub fn read_routed<T, F>(read: impl Fn(AppState, String) -> F + 'static) -> LocalResource<T>
where
    F: Future<Output = T> + 'static,
    T: 'static,
{
    let state = expect_context::<AppState>();
    let params = use_params_map();
    LocalResource::new(move || {
        state.track_records();
        read(state, params.with(|p| p.get("id")).unwrap_or_default())
    })
}

/// What the address asks a new record to start from (`?customer=ID`), read
/// once: the form is not filled again when the address changes. A hook:
/// call it while the component is set up, not from a handler.
pub fn asked(key: &str) -> String {
    use_query_map().with_untracked(|q| q.get(key)).unwrap_or_default()
}

/// The record a form route names, read as `T`: `/contacts/new` opens an
/// empty form, `/contacts/ID` the saved record with its value; an id that
/// names nothing, or a deleted record, says `gone` and offers the way
/// `back`, rather than an empty form that would save a new record. A record
/// that cannot be read as `T` is said to be unreadable, never shown as an
/// empty form whose save would blank it.
pub fn record_route<T, V>(gone: TextOf, back: Back, form: impl Fn(Option<(Record, T)>) -> V + Send + Sync + 'static) -> impl IntoView
where
    T: RecordKind + Clone + 'static,
    V: IntoView + 'static,
{
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let params = use_params_map();
    let loaded = LocalResource::new(move || {
        let id = params.with(|p| p.get("id"));
        // A new form does not wait for the database: tracking it would draw
        // the form again when it opens, dropping what was typed meanwhile.
        let ready = id.is_some() && state.store_status.get() == StoreStatus::Ready;
        async move {
            match id {
                Some(id) if ready => Some(match state.record(T::KIND, &id).await {
                    Ok(Some(record)) if !record.deleted => match record.read::<T>() {
                        Ok(value) => Opened::Found(record, value),
                        Err(e) => Opened::Unreadable(e),
                    },
                    Ok(_) => Opened::Gone,
                    Err(e) => Opened::Unreadable(e),
                }),
                Some(_) => None,
                None => Some(Opened::New),
            }
        }
    });
    view! {
        <Suspense fallback=move || view! { <p class="muted">{move || t().loading}</p> }>
            {move || loaded.get().flatten().map(|opened| match opened {
                Opened::New => form(None).into_any(),
                Opened::Found(record, value) => form(Some((record, value))).into_any(),
                Opened::Gone => view! {
                    <section class="page">
                        <p class="alert" data-testid="record-gone">{move || gone(t())}</p>
                        <a class="btn" href=back.0>{move || (back.1)(t())}</a>
                    </section>
                }.into_any(),
                Opened::Unreadable(e) => view! {
                    <section class="page">
                        <p class="alert" role="alert">{move || store_error_text(&e, state.lang.get())}</p>
                        <a class="btn" href=back.0>{move || (back.1)(t())}</a>
                    </section>
                }.into_any(),
            })}
        </Suspense>
    }
}

#[derive(Clone)]
enum Opened<T> {
    New,
    Found(Record, T),
    Gone,
    /// The device's storage failed to read it, or it does not fit its type:
    /// said as such, not as "gone".
    Unreadable(StoreError),
}

/// A form's own state: the fields core refused, the sentence above the form,
/// and whether a save is running (so the button cannot send it twice).
#[derive(Clone, Copy)]
pub struct FormStatus {
    pub errors: RwSignal<Vec<FieldError>>,
    pub alert: RwSignal<Option<String>>,
    pub saving: RwSignal<bool>,
}

impl FormStatus {
    pub fn new() -> Self {
        FormStatus { errors: RwSignal::new(Vec::new()), alert: RwSignal::new(None), saving: RwSignal::new(false) }
    }

    /// Runs a save unless one is running: on success says `done` and goes on
    /// with `then`; refused fields are marked and the form says to fix them; a
    /// storage failure is said in words. Nothing typed is lost: the form stays
    /// as it was.
    pub fn save<T, W>(self, state: AppState, done: TextOf, work: W, then: impl FnOnce(T) + 'static)
    where
        T: 'static,
        W: Future<Output = Result<T, SaveError>> + 'static,
    {
        if self.saving.get_untracked() {
            return;
        }
        self.saving.set(true);
        leptos::task::spawn_local(async move {
            let saved = work.await;
            self.saving.set(false);
            match saved {
                Ok(value) => {
                    self.errors.set(Vec::new());
                    self.alert.set(None);
                    state.notify(done(state.t_untracked()).to_string(), None);
                    then(value);
                }
                Err(SaveError::Invalid(errors)) => {
                    self.errors.set(errors);
                    self.alert.set(Some(state.t_untracked().fix_errors.to_string()));
                }
                Err(e) => self.alert.set(Some(save_error_text(&e, state.lang.get_untracked()))),
            }
        });
    }

    /// A form's submit that saves what `save` makes of the fields as they
    /// stand, then goes back to the list at `back`.
    pub fn submit_then_back<T, F>(self, back: &'static str, save: impl Fn() -> F + 'static) -> impl FnMut(SubmitEvent)
    where
        T: 'static,
        F: Future<Output = Result<T, SaveError>> + 'static,
    {
        let state = expect_context::<AppState>();
        let navigate = use_navigate();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let navigate = navigate.clone();
            self.save(state, |t| t.saved, save(), move |_| navigate(back, Default::default()));
        }
    }
}

impl Default for FormStatus {
    fn default() -> Self {
        Self::new()
    }
}

/// Deletes a record, says `done` with an Undo button, and goes on with
/// `then`; a storage failure is said in words and nothing else happens.
pub fn delete_with_undo(state: AppState, record: Record, done: TextOf, then: impl FnOnce() + 'static) {
    leptos::task::spawn_local(async move {
        match state.delete_record(&record).await {
            Ok(()) => {
                state.notify(done(state.t_untracked()).to_string(), Some(ToastAction::UndoDelete(record.kind.clone(), record.id.clone())));
                then();
            }
            Err(e) => state.notify(store_error_text(&e, state.lang.get_untracked()), None),
        }
    });
}

/// The sentence above a form: why it was not saved.
#[component]
pub fn FormAlert(status: FormStatus) -> impl IntoView {
    move || status.alert.get().map(|a| view! { <p class="alert" role="alert" data-testid="form-alert">{a}</p> })
}

/// The form's main button, off while its save runs. Says "Save" unless the
/// form names its own action.
#[component]
pub fn SaveButton(status: FormStatus, #[prop(into)] testid: String, #[prop(optional)] label: Option<TextOf>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let label = label.unwrap_or(|t| t.save);
    view! {
        <button type="submit" class="btn primary" disabled=move || status.saving.get() data-testid=testid>{move || label(state.t())}</button>
    }
}

/// A form's page: its heading, why it was not saved, the fields, and the save
/// and cancel buttons. `name` names the form and its button for tests
/// (`NAME-form`, `NAME-save`).
#[component]
pub fn FormPage(heading: TextOf, name: &'static str, status: FormStatus, on_submit: impl FnMut(SubmitEvent) + 'static, back: &'static str, children: Children) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    view! {
        <section class="page form-page">
            <h1>{move || heading(t())}</h1>
            <form on:submit=on_submit novalidate data-testid=format!("{name}-form")>
                <FormAlert status/>
                {children()}
                <div class="actions">
                    <SaveButton status testid=format!("{name}-save")/>
                    <a class="btn ghost" href=back>{move || t().cancel}</a>
                </div>
            </form>
        </section>
    }
}
