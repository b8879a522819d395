use crate::i18n::store_error_text;
use crate::state::AppState;
use leptos::prelude::*;

/// One message at a time at the bottom of the screen; offers undo after a delete.
#[component]
pub fn ToastHost() -> impl IntoView {
    let state = expect_context::<AppState>();
    let undo = move |id: String| {
        state.toast.set(None);
        leptos::task::spawn_local(async move {
            if let Err(e) = state.undo_delete_customer(&id).await {
                state.notify(store_error_text(&e, state.lang.get_untracked()), None);
            }
        });
    };
    view! {
        <div class="toast-host" aria-live="polite">
            {move || state.toast.get().map(|toast| {
                let undo_button = toast.undo_customer.clone().map(|id| view! {
                    <button class="btn ghost" data-testid="undo" on:click=move |_| undo(id.clone())>
                        {move || state.t().undo}
                    </button>
                });
                view! { <div class="toast" role="status"><span>{toast.text}</span>{undo_button}</div> }
            })}
        </div>
    }
}
