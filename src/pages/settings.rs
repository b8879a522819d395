use crate::i18n::{store_error_text, Lang};
use crate::state::device::{storage_info, StorageInfo};
use crate::state::AppState;
use daftar_core::demo::Size;
use daftar_core::locale::{format_decimal, format_money, localize_digits, Currency};
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    view! {
        <section class="page settings">
            <h1>{move || t().settings.settings}</h1>
            <div class="card">
                <h2>{move || t().settings.language}</h2>
                <div class="segmented">
                    {[(Lang::Fa, "فارسی"), (Lang::En, "English")].map(|(lang, label)| view! {
                        <button class="btn" class:primary=move || state.lang.get() == lang
                            on:click=move |_| state.lang.set(lang)>{label}</button>
                    })}
                </div>
            </div>
            <div class="card">
                <div class="field">
                    <label for="me">{move || t().settings.your_name}</label>
                    <input id="me" bind:value=state.me data-testid="me"/>
                    <p class="hint muted">{move || t().settings.your_name_hint}</p>
                </div>
                <Show when=move || !crate::state::reminders::notifications_allowed()>
                    <button class="btn" on:click=move |_| crate::state::reminders::ask_permission()>{move || t().settings.allow_notifications}</button>
                </Show>
            </div>
            <div class="card">
                <a class="btn" href="/settings/sync" data-testid="sync-settings">{move || t().sync.sync}</a>
                <a class="btn" href="/settings/pipelines" data-testid="pipeline-settings">{move || t().pipeline.pipeline_settings}</a>
                <a class="btn" href="/catalog" data-testid="catalog-link">{move || t().catalog.catalog}</a>
            </div>
            <CurrencyCard/>
            <StorageCard/>
            <DemoCard/>
        </section>
    }
}

#[component]
fn CurrencyCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let on_change = move |ev| {
        if let Some(c) = Currency::from_code(&event_target_value(&ev)) {
            state.currency.set(c);
        }
    };
    view! {
        <div class="card">
            <h2><label for="currency">{move || t().currency}</label></h2>
            <select id="currency" on:change=on_change prop:value=move || state.currency.get().code()>
                {Currency::ALL.map(|c| view! {
                    <option value=c.code()>{move || c.name(state.lang.get()).to_string()}</option>
                })}
            </select>
            <p class="muted" data-testid="money-example">
                {move || format!("{}: {}", t().settings.money_example, format_money(12_345_678_900, state.currency.get(), state.lang.get()))}
            </p>
        </div>
    }
}

#[component]
fn StorageCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    // Asked again after every write: demo data or an import changes it at once.
    let info = LocalResource::new(move || {
        state.changes.track();
        storage_info()
    });
    let mb = move |bytes: f64| {
        let lang = state.lang.get();
        format!("{} {}", format_decimal(bytes / 1_048_576.0, 1, lang), t().megabytes)
    };
    view! {
        <div class="card">
            <h2>{move || t().settings.storage}</h2>
            <Transition fallback=move || t().loading>
                {move || info.get().flatten().map(|StorageInfo { usage, quota, persisted }| view! {
                    <p data-testid="storage-usage">{move || format!("{}: {} / {}", t().settings.storage_used, mb(usage), mb(quota))}</p>
                    <p class="muted">{move || if persisted { t().settings.storage_persisted } else { t().settings.storage_not_persisted }}</p>
                })}
            </Transition>
        </div>
    }
}

/// The installed base the coverage check is measured with.
const DEMO_ITEMS: usize = 100_000;

#[component]
fn DemoCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let busy = RwSignal::new(false);
    let load = move |size: Size| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let lang = state.lang.get_untracked();
            match state.load_demo(size).await {
                Ok(_) => state.notify(state.t().settings.demo_loaded.to_string(), None),
                Err(e) => state.notify(store_error_text(&e, lang), None),
            }
            busy.set(false);
        });
    };
    let load_items = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let lang = state.lang.get_untracked();
            match state.load_demo_items(DEMO_ITEMS).await {
                Ok(0) => state.notify(state.t().settings.demo_items_need_data.to_string(), None),
                Ok(_) => state.notify(state.t().settings.demo_loaded.to_string(), None),
                Err(e) => state.notify(store_error_text(&e, lang), None),
            }
            busy.set(false);
        });
    };
    view! {
        <div class="card">
            <h2>{move || t().settings.demo_data}</h2>
            <p class="muted">{move || t().settings.demo_data_hint}</p>
            <div class="segmented">
                {[Size::S, Size::M, Size::L].map(|size| view! {
                    <button class="btn" disabled=move || busy.get() data-testid=format!("demo-{size:?}")
                        on:click=move |_| load(size)>
                        {move || format!("{} {}", t().settings.load_demo,
                            localize_digits(&size.customers().to_string(), state.lang.get()))}
                    </button>
                })}
            </div>
            <p class="muted">{move || t().settings.demo_items_hint}</p>
            <button class="btn" disabled=move || busy.get() data-testid="demo-items" on:click=load_items>
                {move || t().settings.demo_items(DEMO_ITEMS as i64)}
            </button>
        </div>
    }
}
