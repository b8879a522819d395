//! The browser app: the shell, routes and pages. Business rules live in
//! `daftar-core`; this crate only renders them and keeps them on the device.

mod browser_env;
mod components;
mod i18n;
mod pages;
pub(crate) mod perf;
mod pwa;
mod settings;
mod state;
pub mod storage;

use components::{Shell, UpdatePrompt};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::customers::{CustomerEdit, CustomerImport, CustomerList, CustomerShow};
use pages::{NotFound, Placeholder, SettingsPage};
use state::AppState;

/// Mounts the app into the page (called by `main`).
pub fn start() {
    console_error_panic_hook::set_once();
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    state.boot();
    pwa::register(state);

    view! {
        <Router>
            <Shell>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=CustomerList/>
                    <Route path=path!("/customers") view=CustomerList/>
                    <Route path=path!("/customers/new") view=CustomerEdit/>
                    <Route path=path!("/customers/import") view=CustomerImport/>
                    <Route path=path!("/customers/:id") view=CustomerShow/>
                    <Route path=path!("/customers/:id/edit") view=CustomerEdit/>
                    <Route path=path!("/pipeline") view=Placeholder/>
                    <Route path=path!("/surveys") view=Placeholder/>
                    <Route path=path!("/warranty") view=Placeholder/>
                    <Route path=path!("/reports") view=Placeholder/>
                    <Route path=path!("/settings") view=SettingsPage/>
                </Routes>
            </Shell>
            <UpdatePrompt/>
        </Router>
    }
}
