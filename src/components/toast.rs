use crate::i18n::store_error_text;
use crate::state::{AppState, ToastAction};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// One message at a time at the bottom of the screen, with at most one
/// button: undo a delete or merge, or go on from a finished task.
#[component]
pub fn ToastHost() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let act = move |action: ToastAction| {
        state.toast.set(None);
        match action {
            ToastAction::LogAfterTask(customer) => {
                navigate(&format!("/customers/{customer}?log=call&next=1"), Default::default());
            }
            ToastAction::UndoDelete(kind, id) => leptos::task::spawn_local(async move {
                if let Err(e) = state.undo_delete(&kind, &id).await {
                    state.notify(store_error_text(&e, state.lang.get_untracked()), None);
                }
            }),
            ToastAction::UndoChanges(before) => leptos::task::spawn_local(async move {
                if let Err(e) = state.undo_changes(before).await {
                    state.notify(store_error_text(&e, state.lang.get_untracked()), None);
                }
            }),
        }
    };
    view! {
        <div class="toast-host" aria-live="polite">
            {move || state.toast.get().map(|toast| {
                let act = act.clone();
                let button = toast.action.clone().map(|action| {
                    let (label, testid): (fn(&crate::i18n::Texts) -> &'static str, &str) = match action {
                        ToastAction::LogAfterTask(_) => (|t| t.log_and_plan, "log-and-plan"),
                        _ => (|t| t.undo, "undo"),
                    };
                    view! {
                        <button class="btn ghost" data-testid=testid on:click=move |_| act(action.clone())>
                            {move || label(state.t())}
                        </button>
                    }
                });
                view! { <div class="toast" role="status"><span>{toast.text}</span>{button}</div> }
            })}
        </div>
    }
}
