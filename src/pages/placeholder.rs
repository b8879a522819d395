use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Areas whose issues are still open: a page that says so in words, so the
/// navigation is complete and a tablet user is never left on a blank screen.
#[component]
pub fn Placeholder() -> impl IntoView {
    let state = expect_context::<AppState>();
    let path = use_location().pathname;
    let title = move || {
        let t = state.t();
        match path.get().trim_start_matches('/').split('/').next().unwrap_or("") {
            "reports" => t.nav_reports,
            _ => t.not_found,
        }
    };
    view! {
        <section class="page">
            <h1>{title}</h1>
            <p class="muted">{move || state.t().coming_soon}</p>
        </section>
    }
}

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
