//! An existing complaint's status: the moves it allows as buttons (resolving
//! asks for the resolution, reopening for an optional why), the resolution,
//! how long resolving took, and every step with when.

use super::duration_text;
use crate::components::TextField;
use crate::i18n::{labels, local_datetime, save_error_text, TextOf, Texts};
use crate::state::{AppState, SaveError};
use daftar_core::check::{Field, FieldError};
use daftar_core::complaints::{allowed_next, Complaint, Status, COMPLAINT};
use daftar_core::store::Record;
use leptos::prelude::*;

/// The button that moves a complaint from `from` to `to`.
fn action(from: Status, to: Status, t: &Texts) -> &'static str {
    match (from, to) {
        (_, Status::Resolved) => t.complaints.complaint_action_resolve,
        (_, Status::Closed) => t.complaints.complaint_action_close,
        (Status::New, Status::InProgress) => t.complaints.complaint_action_start,
        (_, Status::InProgress) => t.reopen,
        (_, Status::New) => labels::complaint_status(Status::New, t),
    }
}

/// Moves that ask for words first: the resolution, or why it is reopened.
fn asks_for_note(from: Status, to: Status) -> bool {
    to == Status::Resolved || (to == Status::InProgress && !from.is_open())
}

#[component]
pub fn StatusCard(current: RwSignal<Option<Record>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = move || state.lang.get();
    let complaint = Memo::new(move |_| current.with(|r| r.as_ref().and_then(|r| r.decode::<Complaint>().ok())));
    let status = move || complaint.with(|c| c.as_ref().map(|c| c.status).unwrap_or_default());
    // The move waiting for its note, if any.
    let asking = RwSignal::new(None::<Status>);
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let alert = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let go = move |to: Status| {
        let Some(record) = current.get_untracked() else { return };
        let text = note.get_untracked();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = state.move_complaint(&record, to, &text).await;
            // Moved or not, show the complaint as it is stored now.
            let fresh = state.record(COMPLAINT, &record.id).await.ok().flatten().filter(|r| !r.deleted);
            busy.set(false);
            let t = state.t_untracked();
            match result {
                Ok(()) => {
                    asking.set(None);
                    note.set(String::new());
                    errors.set(Vec::new());
                    alert.set(None);
                    state.notify(t.complaints.complaint_moved.to_string(), None);
                }
                Err(SaveError::Invalid(e)) => errors.set(e),
                Err(SaveError::Gone) => alert.set(Some(t.complaints.complaint_gone.to_string())),
                Err(SaveError::NotAllowed) => {
                    asking.set(None);
                    alert.set(Some(t.complaints.complaint_move_refused.to_string()));
                }
                Err(e) => alert.set(Some(save_error_text(&e, state.lang.get_untracked()))),
            }
            if fresh.as_ref().is_some_and(|f| current.with_untracked(|c| c.as_ref().is_none_or(|c| c.rev != f.rev))) {
                current.set(fresh);
            }
        });
    };
    let buttons = move || {
        let from = status();
        allowed_next(from)
            .iter()
            .map(|&to| {
                let on_click = move |_| {
                    errors.set(Vec::new());
                    if asks_for_note(from, to) {
                        asking.set(Some(to));
                    } else {
                        go(to);
                    }
                };
                let primary = to == Status::Resolved;
                view! {
                    <button type="button" class="btn" class:primary=primary disabled=move || busy.get() on:click=on_click
                        aria-pressed=move || (asking.get() == Some(to)).to_string() data-testid=format!("complaint-to-{}", status_code(to))>
                        {move || action(from, to, t())}
                    </button>
                }
            })
            .collect_view()
    };
    let note_panel = move || {
        asking.get().map(|to| {
            let from = status();
            let resolving = to == Status::Resolved;
            let label: TextOf = if resolving { |t| t.complaints.complaint_resolution } else { |t| t.complaints.complaint_note };
            view! {
                <div class="complaint-note" data-testid="complaint-note-panel">
                    <TextField errors=errors id="complaint-note" label=label value=note field=Field::Notes multiline=true required=resolving/>
                    <div class="segmented">
                        <button type="button" class="btn primary" disabled=move || busy.get() on:click=move |_| go(to) data-testid="complaint-move-confirm">
                            {move || action(from, to, t())}
                        </button>
                        <button type="button" class="btn ghost" on:click=move |_| { asking.set(None); errors.set(Vec::new()); }>{move || t().cancel}</button>
                    </div>
                </div>
            }
        })
    };
    view! {
        <div class="card complaint-status-card" data-testid="complaint-status-card">
            <div class="card-head">
                <h2>{move || t().complaints.complaint_status}</h2>
                <span class="badge" data-testid="complaint-current-status">{move || labels::complaint_status(status(), t())}</span>
            </div>
            {move || complaint.with(|c| c.as_ref().filter(|c| !c.resolution.is_empty()).map(|c| c.resolution.clone())).map(|r| view! {
                <p data-testid="complaint-resolution"><strong>{move || t().complaints.complaint_resolution}": "</strong><bdi class="pre">{r}</bdi></p>
            })}
            {move || complaint.with(|c| c.as_ref().and_then(Complaint::time_to_resolve_ms)).map(|ms| view! {
                <p data-testid="complaint-time-to-resolve"><strong>{move || t().complaints.complaint_time_to_resolve}": "</strong>{move || duration_text(ms, t())}</p>
            })}
            {move || alert.get().map(|a| view! { <p class="alert" role="alert">{a}</p> })}
            <div class="segmented complaint-actions">{buttons}</div>
            {note_panel}
            <h2 class="complaint-history-head">{move || t().complaints.complaint_history}</h2>
            <ol class="history" data-testid="complaint-history">
                {move || complaint.with(|c| c.as_ref().map(|c| c.steps.clone()).unwrap_or_default()).into_iter().rev().map(|s| {
                    let note = (!s.note.is_empty()).then(|| view! { <span class="pre">": "<bdi>{s.note.clone()}</bdi></span> });
                    view! {
                        <li>
                            <span class="muted">{move || local_datetime(s.at, lang())}</span>" — "
                            <strong>{move || labels::complaint_status(s.status, t())}</strong>
                            {note}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </div>
    }
}

/// A status as tests and styles name it.
fn status_code(s: Status) -> &'static str {
    match s {
        Status::New => "new",
        Status::InProgress => "in_progress",
        Status::Resolved => "resolved",
        Status::Closed => "closed",
    }
}
