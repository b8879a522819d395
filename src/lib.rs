//! The browser app: the shell, routes and pages. Business rules live in
//! `daftar-core`; this crate only renders them and keeps them on the device.

mod areas;
mod browser_env;
mod components;
#[macro_use]
mod i18n;
mod pages;
pub(crate) mod perf;
mod pwa;
mod settings;
mod state;
mod sync;
pub mod survey_form;
pub mod survey_page;
mod timeline;
pub mod storage;

/// For the browser benchmark of the segments' work (tests/lifetime_bench.rs).
pub use browser_env::{sleep_ms, MainThread};

use areas::{registry, Tab};
use components::{Shell, UpdatePrompt};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::activities::ActivityRoutes;
use pages::catalog::CatalogRoutes;
use pages::complaints::ComplaintRoutes;
use pages::contacts::ContactRoutes;
use pages::customers::CustomerRoutes;
use pages::pipeline::PipelineRoutes;
use pages::reports::ReportRoutes;
use pages::surveys::{KioskGuard, SurveyRoutes};
use pages::sync::SyncRoutes;
use pages::tasks::TaskRoutes;
use pages::warranty::WarrantyRoutes;
use pages::{NotFound, SettingsPage};
use state::AppState;

/// Tabs of the app itself rather than of an area, after the areas' tabs.
const APP_TABS: [Tab; 1] = [Tab { href: "/settings", icon: "settings", label: |t| t.nav_settings }];

/// Mounts the app into the page (called by `main`).
pub fn start() {
    perf::reached("daftar:wasm-started");
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_notice();
    }));
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
            <KioskGuard/>
            <Shell tabs=registry::tabs().chain(APP_TABS).collect()>
                <Routes fallback=NotFound>
                    <CustomerRoutes/>
                    <ContactRoutes/>
                    <ActivityRoutes/>
                    <TaskRoutes/>
                    <PipelineRoutes/>
                    <CatalogRoutes/>
                    <SurveyRoutes/>
                    <ComplaintRoutes/>
                    <WarrantyRoutes/>
                    <SyncRoutes/>
                    <ReportRoutes/>
                    <Route path=path!("/settings") view=SettingsPage/>
                </Routes>
            </Shell>
            <UpdatePrompt/>
        </Router>
    }
}

/// A bug stops the app (release builds abort on panic). Rather than leave a
/// frozen screen, say so in the user's language and offer a reload; what was
/// saved is safe, since every write is all-or-nothing.
fn show_crash_notice() {
    let texts = i18n::texts(settings::load_lang());
    let Some(body) = document().body() else { return };
    let Ok(notice) = document().create_element("div") else { return };
    notice.set_class_name("crash-notice");
    let _ = notice.set_attribute("role", "alert");
    notice.set_text_content(Some(texts.crash_notice));
    if let Ok(button) = document().create_element("button") {
        button.set_class_name("btn primary");
        button.set_text_content(Some(texts.reload));
        let _ = button.set_attribute("onclick", "location.reload()");
        let _ = notice.append_child(&button);
    }
    let _ = body.append_child(&notice);
}
