use super::{GlobalSearch, Icon, ToastHost};
use crate::areas::Tab;
use crate::i18n::Lang;
use crate::state::{AppState, StoreStatus};
use leptos::prelude::*;
use leptos_router::components::A;

/// The frame around every page: top bar with connectivity and storage state
/// and the language switch, and navigation that is a side rail on wide screens
/// and a bottom bar on narrow ones (see style/shell.css), one link per tab.
#[component]
pub fn Shell(tabs: Vec<Tab>, children: Children) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let toggle_lang = move |_| state.lang.update(|l| *l = if *l == Lang::Fa { Lang::En } else { Lang::Fa });
    view! {
        <div class="app">
            <header class="topbar">
                <A href="/customers" attr:class="brand">{move || t().app_name}</A>
                <StatusChips/>
                <GlobalSearch/>
                <button class="btn ghost lang-switch" on:click=toggle_lang data-testid="lang-switch">
                    {move || t().switch_language}
                </button>
            </header>
            <nav class="nav" aria-label=move || t().nav_label>
                {tabs.into_iter().map(|tab| view! {
                    <A href=tab.href attr:class="nav-link" attr:data-testid=format!("nav-{}", tab.icon)>
                        <Icon name=tab.icon/>
                        <span>{move || (tab.label)(t())}</span>
                    </A>
                }).collect_view()}
            </nav>
            <main class="content">{children()}</main>
            <ToastHost/>
        </div>
    }
}

#[component]
fn StatusChips() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    view! {
        <div class="chips" role="status">
            <span class="chip" class:offline=move || !state.online.get() data-testid="online-chip">
                {move || if state.online.get() { t().online } else { t().offline }}
            </span>
            <span class="chip" class:error=move || matches!(state.store_status.get(), StoreStatus::Failed(_) | StoreStatus::Outdated)
                data-testid="storage-chip">
                {move || match state.store_status.get() {
                    StoreStatus::Opening => t().loading,
                    StoreStatus::Ready => t().saved_on_device,
                    StoreStatus::Failed(_) => t().storage_unavailable,
                    StoreStatus::Outdated => t().storage_outdated,
                }}
            </span>
            <crate::pages::sync::SyncChip/>
        </div>
    }
}
