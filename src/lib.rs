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

use components::{Shell, UpdatePrompt};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::activities::ActivityEdit;
use pages::catalog::{CatalogPage, CompetitorEdit, ProductEdit, SupplierEdit};
use pages::complaints::{ComplaintEdit, ComplaintList};
use pages::contacts::ContactEdit;
use pages::customers::{CustomerEdit, CustomerImport, CustomerList, CustomerMerge, CustomerShow};
use pages::pipeline::{Board, DealEdit, DealTable, Forecast, PipelineSettings};
use pages::surveys::{ImportCode, KioskGuard, SurveyEdit, SurveyKiosk, SurveyList, SurveyResults};
use pages::tasks::{Inbox, TaskEdit};
use pages::warranty::{Certificate, ClaimList, ClaimNew, ClaimShow, ContractEdit, ContractList, CoverageCheckPage, ItemEdit, ItemList, ItemShow, RenewalsPage, VisitEdit, VisitList};
use pages::{NotFound, Placeholder, SettingsPage};
use state::AppState;

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
            <Shell>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=CustomerList/>
                    <Route path=path!("/customers") view=CustomerList/>
                    <Route path=path!("/customers/new") view=CustomerEdit/>
                    <Route path=path!("/customers/import") view=CustomerImport/>
                    <Route path=path!("/customers/:id") view=CustomerShow/>
                    <Route path=path!("/customers/:id/edit") view=CustomerEdit/>
                    <Route path=path!("/customers/:id/merge") view=CustomerMerge/>
                    <Route path=path!("/contacts/new") view=ContactEdit/>
                    <Route path=path!("/contacts/:id") view=ContactEdit/>
                    <Route path=path!("/activities/:id") view=ActivityEdit/>
                    <Route path=path!("/inbox") view=Inbox/>
                    <Route path=path!("/tasks/new") view=TaskEdit/>
                    <Route path=path!("/tasks/:id") view=TaskEdit/>
                    <Route path=path!("/pipeline") view=Board/>
                    <Route path=path!("/pipeline/table") view=DealTable/>
                    <Route path=path!("/pipeline/forecast") view=Forecast/>
                    <Route path=path!("/deals/new") view=DealEdit/>
                    <Route path=path!("/deals/:id") view=DealEdit/>
                    <Route path=path!("/catalog") view=CatalogPage/>
                    <Route path=path!("/catalog/products/new") view=ProductEdit/>
                    <Route path=path!("/catalog/products/:id") view=ProductEdit/>
                    <Route path=path!("/catalog/suppliers/new") view=SupplierEdit/>
                    <Route path=path!("/catalog/suppliers/:id") view=SupplierEdit/>
                    <Route path=path!("/catalog/competitors/new") view=CompetitorEdit/>
                    <Route path=path!("/catalog/competitors/:id") view=CompetitorEdit/>
                    <Route path=path!("/surveys") view=SurveyList/>
                    <Route path=path!("/surveys/new") view=SurveyEdit/>
                    <Route path=path!("/surveys/import") view=ImportCode/>
                    <Route path=path!("/surveys/:id") view=SurveyResults/>
                    <Route path=path!("/surveys/:id/edit") view=SurveyEdit/>
                    <Route path=path!("/surveys/:id/kiosk") view=SurveyKiosk/>
                    <Route path=path!("/complaints") view=ComplaintList/>
                    <Route path=path!("/complaints/new") view=ComplaintEdit/>
                    <Route path=path!("/complaints/:id") view=ComplaintEdit/>
                    <Route path=path!("/warranty") view=CoverageCheckPage/>
                    <Route path=path!("/warranty/items") view=ItemList/>
                    <Route path=path!("/warranty/items/new") view=ItemEdit/>
                    <Route path=path!("/warranty/items/:id") view=ItemShow/>
                    <Route path=path!("/warranty/items/:id/edit") view=ItemEdit/>
                    <Route path=path!("/warranty/items/:id/certificate") view=Certificate/>
                    <Route path=path!("/warranty/claims") view=ClaimList/>
                    <Route path=path!("/warranty/claims/new") view=ClaimNew/>
                    <Route path=path!("/warranty/claims/:id") view=ClaimShow/>
                    <Route path=path!("/warranty/visits") view=VisitList/>
                    <Route path=path!("/warranty/visits/new") view=VisitEdit/>
                    <Route path=path!("/warranty/visits/:id") view=VisitEdit/>
                    <Route path=path!("/warranty/contracts") view=ContractList/>
                    <Route path=path!("/warranty/contracts/new") view=ContractEdit/>
                    <Route path=path!("/warranty/contracts/:id") view=ContractEdit/>
                    <Route path=path!("/warranty/renewals") view=RenewalsPage/>
                    <Route path=path!("/reports") view=Placeholder/>
                    <Route path=path!("/settings") view=SettingsPage/>
                    <Route path=path!("/settings/pipelines") view=PipelineSettings/>
                    <Route path=path!("/settings/sync") view=pages::sync::SyncSettingsPage/>
                    <Route path=path!("/sync/review") view=pages::sync::SyncReviewPage/>
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
