use crate::state::AppState;
use leptos::prelude::*;

/// Shown when a new version has been downloaded and waits to take over.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    view! {
        <Show when=move || state.update_ready.get()>
            <div class="update-prompt" role="alertdialog" data-testid="update-prompt">
                <span>{move || t().update_ready}</span>
                <button class="btn primary" on:click=|_| crate::pwa::reload_into_update()>{move || t().reload}</button>
                <button class="btn ghost" on:click=move |_| state.update_ready.set(false)>{move || t().dismiss}</button>
            </div>
        </Show>
    }
}
