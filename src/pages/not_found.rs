//! An address the app does not know: said in words, with the way back.

use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="page">
            <h1>{move || state.t().not_found}</h1>
            <a class="btn primary" href="/customers">{move || state.t().nav_customers}</a>
        </section>
    }
}
